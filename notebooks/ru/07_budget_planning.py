# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] key="07-title"
# # 07 · Планирование бюджета по LTV: опубликованный план, проверенный построчно
#
# После этого ноутбука вы сможете превратить расходы, целевую прибыль и LTV в число клиентов и
# рекламный бюджет, которые нужны на год, записав каждое допущение, и найти ошибки в чужом плане.
#
# **Вы узнаете**
# - как годовой план следует из расходов + прибыли, НДС, LTV и CAC;
# - как назвать каждое допущение плана (период расходов, как начисляется НДС, считается ли реклама
#   расходом, как округляются клиенты) и увидеть, что меняет каждое из них;
# - шесть ошибок опубликованного плана, по одной, и исправленный план;
# - чем различаются ROI, LTV:CAC и отдача компании на её расходы и каковы они без НДС и с учётом
#   всех расходов;
# - почему клиенты, оставшиеся с прошлого года, удешевляют план: на них не нужен новый CAC.
#
# **Что нужно знать**: ноутбук 06 (LTV:CAC, окупаемость). Проценты и немного алгебры.

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from ltvkit import agrees, check, example, format_money, format_number, format_ratio, format_share, tr
from ltvkit.calculators import budget_plan_calculator
from ltvkit.course.exercises import options
from ltvkit.money import format_rows
from ltvkit.planning import budget_plan, compare_plans
from ltvkit.plots import plan_waterfall_chart, plans_chart, waterfall_chart

# %% [markdown] key="07-e-telecom-budget"
# ## E-telecom-budget: годовой план оператора связи
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса»
# начинается с плана. У оператора связи операционные расходы 10 млн ₽ в месяц (офисы, оборудование,
# зарплаты, линии, лицензии), он хочет 3 млн прибыли, платит НДС 20% и знает, что клиент приносит
# 4 000 ₽ в год. Он готов платить 500 ₽ за привлечение клиента, чья абонентская плата — 500–600 ₽ в
# месяц. Статья вычисляет нужный компании оборот, сколько для него нужно клиентов и во что обойдётся
# их привлечение, а затем перечисляет цифры плана.

# %%
telecom = example("E-telecom-budget")
inputs = telecom.inputs
print(format_rows(inputs.items(), currency=None))

# %% [markdown] key="07-one-planning-function-every"
# ### Одна функция планирования, каждое допущение — параметр
#
# План строит `budget_plan` из `ltvkit.planning`. Арифметика у неё короткая: оборот без НДС должен
# покрыть расходы и прибыль (и рекламу, если она считается расходом); клиенты = этот оборот / LTV
# клиента; реклама = клиенты × CAC. Планы различаются выборами вокруг этого, и каждый выбор — параметр:
#
# | параметр | что он решает |
# |---|---|
# | `costs_period` | указаны ли расходы за месяц (× 12 за год) или за год |
# | `vat_applied` | НДС «added_on_top» (без НДС × 1,2) или «taken_out_of_turnover» (без НДС / 0,8) |
# | `costs_grossed_up_for_vat` | увеличиваются ли расходы на НДС до прибавления прибыли |
# | `ltv_includes_vat` | LTV клиента — это то, что платит клиент, с НДС |
# | `new_customer_share` | доля клиентов плана, которых надо привлечь (по CAC) в этом году |
# | `advertising_counted_as_cost` | должен ли оборот оплачивать ещё и рекламу |
# | `customer_rounding` | «none» (дробные клиенты), «up» (вверх) или «nearest» (до ближайшего) |
#
# Она возвращает неизменяемый `BudgetPlan`, поля которого — строки плана.

# %% [markdown] key="07-the-article-s-first"
# ### Первый расчёт статьи
#
# Статья складывает 10 и 3 млн, «добавляет 20% НДС», деля на 0,8, называет результат оборотом за год,
# делит его на LTV 4 000 и умножает клиентов на 500 ₽. Вот параметры, которые это воспроизводят:

# %%
article_first_pass = dict(
    costs=inputs["costs"],
    costs_period="year",  # статья прибавляет свои «месячные» расходы к прибыли за год
    target_profit=inputs["target_profit"],
    vat_rate=inputs["vat_rate"],
    vat_applied="taken_out_of_turnover",  # (10 + 3) / 0,8
    costs_grossed_up_for_vat=False,
    ltv_per_customer_per_year=inputs["ltv_per_customer_per_year"],
    ltv_includes_vat=True,  # оборот с НДС / LTV
    cac=inputs["cac"],
    new_customer_share=1.0,  # все клиенты привлекаются в этом году
    advertising_counted_as_cost=False,  # реклама не входит в расходы
    customer_rounding="none",  # 4 062,5 клиента
)
first = budget_plan(**article_first_pass)
print(format_rows([(tr("Turnover with VAT"), first.turnover_with_vat), (tr("Customers"), format_number(first.customers, 1)),
                   (tr("Advertising budget"), first.advertising_budget)]))
assert agrees(first.turnover_with_vat, telecom.figures["first_pass_turnover_with_vat"])
assert agrees(first.customers, telecom.figures["first_pass_customers"])
assert agrees(first.advertising_budget, telecom.figures["first_pass_advertising"])

# %% [markdown] key="07-the-article-s-summary"
# ### Итоговый список статьи
#
# Несколькими строками ниже статья снова перечисляет цифры плана, и они другие: расходы 12,5 млн,
# оборот 15,5 млн без налогов и 19,375 млн с налогами, 4 843,75 клиента, 2 421 875 ₽ на рекламу и
# ROI 800%. Все их воспроизводит один параметр: в итоговом списке на НДС сначала увеличены
# **расходы** (10 / 0,8 = 12,5).

# %%
article_summary = article_first_pass | {"costs_grossed_up_for_vat": True}
summary = budget_plan(**article_summary)
print(format_rows([
    (tr("Costs"), summary.costs_per_year),
    (tr("Turnover without taxes"), summary.turnover_without_vat),
    (tr("Turnover with taxes"), summary.turnover_with_vat),
    (tr("Customers"), format_number(summary.customers, 2)),
    (tr("Advertising budget"), summary.advertising_budget),
    (tr("'ROI' = LTV / CAC x 100"), tr("{number}%", number=format_number(summary.ltv_to_cac * 100))),
]))
assert agrees(summary.costs_per_year, telecom.figures["summary_monthly_costs"])
assert agrees(summary.turnover_without_vat, telecom.figures["summary_turnover_without_taxes"])
assert agrees(summary.turnover_with_vat, telecom.figures["summary_turnover_with_taxes"])
assert agrees(summary.customers, telecom.figures["summary_customers"])
assert agrees(summary.advertising_budget, telecom.figures["summary_advertising"])
assert agrees(summary.ltv_to_cac * 100, telecom.figures["summary_roi_percent"])

# %% [markdown] key="07-both-versions-side-by"
# Обе версии рядом, все строки плана:

# %%
compare_plans({tr("article, first pass"): first, tr("article, summary"): summary})

# %% [markdown] key="07-a-critical-look-six"
# ## Критический взгляд: шесть проблем, по одной
#
# Каждая ячейка ниже меняет **один** параметр первого расчёта статьи и показывает, что это делает с
# планом. Затем исправленный план собирает исправления вместе.

# %% [markdown] key="07-problem-1-the-summary"
# ### Проблема 1: в итоговом списке НДС начислен дважды
#
# Итоговый список увеличивает расходы на НДС (10 / 0,8 = 12,5 млн), прибавляет прибыль и снова
# увеличивает сумму на НДС ((12,5 + 3) / 0,8 = 19,375 млн). НДС — налог на то, что компания продаёт:
# его начисляют один раз, на оборот. Если сначала увеличить расходы, они облагаются дважды. Две
# версии статьи различаются только этим выбором:

# %%
print(tr("Turnover with VAT: {once} (VAT once) vs {twice} (twice), +{extra}",
         once=format_money(first.turnover_with_vat, "RUB"), twice=format_money(summary.turnover_with_vat, "RUB"),
         extra=format_money(summary.turnover_with_vat - first.turnover_with_vat, "RUB")))
print(tr("Customers: {once} vs {twice}; advertising +{extra}", once=format_number(first.customers, 2),
         twice=format_number(summary.customers, 2),
         extra=format_money(summary.advertising_budget - first.advertising_budget, "RUB")))

# %% [markdown] key="07-problem-2-adding-20"
# ### Проблема 2: «добавить 20%» — это × 1,2, а не ÷ 0,8
#
# НДС 20% начисляется на цену без НДС: на 13 млн оборота без НДС приходится 2,6 млн НДС, всего
# 15,6 млн. Деление на 0,8 даёт 16,25 млн, то есть НДС 3,25 млн: 25% от суммы без НДС (или 20% от
# суммы с НДС). Делить на 0,8 правильно только для налога, который забирает 20% *из* оборота с
# налогом; для налога, начисляемого сверху цены, это завышает оборот на 650 000 ₽, а клиентов — на
# 162,5.

# %%
on_top = budget_plan(**(article_first_pass | {"vat_applied": "added_on_top"}))
print(tr("x {factor}: turnover with VAT {turnover}, VAT {vat}, customers {customers}",
         factor=format_number(1 + inputs["vat_rate"], 1), turnover=format_money(on_top.turnover_with_vat, "RUB"),
         vat=format_money(on_top.vat, "RUB"), customers=format_number(on_top.customers)))
print(tr("/ {factor}: turnover with VAT {turnover}, VAT {vat} = {share} of the net turnover",
         factor=format_number(1 - inputs["vat_rate"], 1), turnover=format_money(first.turnover_with_vat, "RUB"),
         vat=format_money(first.vat, "RUB"), share=format_share(first.vat / first.turnover_without_vat, 0)))
assert agrees(on_top.turnover_with_vat, telecom.derived["vat_added_on_top_turnover_with_vat"])
assert agrees(on_top.customers, telecom.derived["vat_added_on_top_customers"])

# %% [markdown] key="07-problem-3-monthly-costs"
# ### Проблема 3: месячные расходы, принятые за годовые
#
# Статья называет 10 млн *ежемесячными* расходами, а затем прибавляет их к прибыли *за год* и делит на
# LTV *за год*. Либо расходы — 10 млн в год и «ежемесячные» — описка, либо расходы за год — 120 млн,
# и плану не хватает примерно в десять раз:

# %%
monthly = budget_plan(**(article_first_pass | {"costs_period": "month"}))
print(tr("Costs for the year {costs}: customers {customers}, advertising {advertising}",
         costs=format_money(monthly.costs_per_year, "RUB"), customers=format_number(monthly.customers, 1),
         advertising=format_money(monthly.advertising_budget, "RUB")))
assert agrees(monthly.customers, telecom.derived["costs_as_monthly_customers"])

# %% [markdown] key="07-problem-4-a-customer"
# ### Проблема 4: клиент — это целый человек
#
# Привлечь 4 062,5 клиента невозможно. Плану нужны целые клиенты, и чтобы выйти на цель, округлять
# надо **вверх**: с 4 062 план не доберёт.

# %%
whole = budget_plan(**(article_first_pass | {"customer_rounding": "up"}))
print(tr("Customers {customers}; advertising {advertising}", customers=format_number(whole.customers),
         advertising=format_money(whole.advertising_budget, "RUB")))
assert agrees(whole.customers, telecom.derived["first_pass_customers_rounded"])
assert agrees(whole.advertising_budget, telecom.derived["first_pass_advertising_rounded"])

# %% [markdown] key="07-problem-5-an-roi"
# ### Проблема 5: ROI 800% — это LTV:CAC
#
# ROI (окупаемость инвестиций) — это сколько инвестиция заработала *сверх* своей стоимости, делённое
# на эту стоимость: (отдача − инвестиция) / инвестиция. Клиент, купленный за 500 ₽ и платящий
# 4 000, возвращает на 3 500 больше, чем стоил: ROI = 3 500 / 500 = 700%. 800% статьи — это
# 4 000 / 500 = 8, отношение LTV:CAC, записанное в процентах. И обе цифры берут отдачей выручку (с
# НДС), а не прибыль. Собственная отдача компании — прибыль к всему, что она потратила, — совсем
# другое и гораздо меньшее число.

# %%
print(tr("LTV:CAC {ratio} (the article's '800%')", ratio=format_ratio(first.ltv_to_cac)))
print(tr("ROI of one customer: ({ltv} - {cac}) / {cac} = {roi}%", ltv=format_number(inputs["ltv_per_customer_per_year"]),
         cac=format_number(inputs["cac"]), roi=format_number(first.roi_percent)))
print(tr("Profit after advertising over costs + advertising (first pass): {share}%",
         share=format_number(first.return_on_costs_percent, 1)))
assert agrees(first.roi_percent, telecom.derived["roi_percent"])
assert agrees(first.ltv_to_cac, telecom.derived["ltv_to_cac"])

# %% [markdown] key="07-problem-6-4-000"
# ### Проблема 6: 4 000 ₽ в год при абонентской плате 500–600 ₽ в месяц
#
# Клиент, который платит 500–600 ₽ каждый месяц года, платит 6 000–7 200 ₽. LTV в 4 000 в год
# соответствует только 8 месяцам по 500 или примерно 6,7 по 600: это возможно, если клиенты
# подключаются в течение года или уходят до его конца, но тогда «4 000 на клиента в год» — среднее по
# клиентам, которых нет весь год, и это вообще не *пожизненная* ценность, а выручка за год. План
# должен говорить, каких клиентов он считает; исправленный план оставляет 4 000 из статьи и называет
# их допущением.

# %%
low, high = inputs["subscription_per_month_low"], inputs["subscription_per_month_high"]
print(tr("A full year at {low}-{high} RUB a month: {year_low}-{year_high} RUB", low=format_number(low),
         high=format_number(high), year_low=format_number(12 * low), year_high=format_number(12 * high)))
months_low = inputs["ltv_per_customer_per_year"] / low
months_high = inputs["ltv_per_customer_per_year"] / high
print(tr("{ltv} RUB a year is {months_low} months at {low} or {months_high} months at {high}",
         ltv=format_number(inputs["ltv_per_customer_per_year"]), months_low=format_number(months_low, 1),
         low=format_number(low), months_high=format_number(months_high, 1), high=format_number(high)))
assert agrees(months_low, telecom.derived["months_paid_at_low_price"])
assert agrees(months_high, telecom.derived["months_paid_at_high_price"])

# %% [markdown] key="07-and-the-one-the"
# ### И проблема, которую статья замечает сама: реклама — это расход
#
# Статья сама признаёт, что такой рекламный счёт сильно съест прибыль, и идёт дальше. Клиенты первого
# расчёта оплачивают расходы и прибыль; 2 млн, потраченные на их привлечение, затем вычитаются из
# прибыли, и она сокращается с 3 млн до меньше чем 1 млн:

# %%
print(tr("Profit after advertising, first pass: {profit}", profit=format_money(first.profit_after_advertising, "RUB")))
assert agrees(first.profit_after_advertising, telecom.derived["first_pass_profit_after_advertising"])

# %% [markdown] key="07-counting-advertising-as-a"
# Если считать рекламу расходом, каждый клиент вносит свой LTV без НДС **за вычетом своего CAC**,
# так что клиенты = (расходы + прибыль) / (LTV без НДС − CAC).

# %% [markdown] key="07-the-corrected-plan"
# ## Исправленный план
#
# Каждое допущение названо:
#
# | допущение | выбор | почему |
# |---|---|---|
# | расходы | 10 млн ₽ **в месяц**, то есть 120 млн за год | как их называет статья (проблема 3) |
# | прибыль | 3 млн ₽ за год | как указано |
# | НДС | 20% **начисляется сверху** на оборот без НДС (× 1,2), один раз; расходы не увеличиваются | проблемы 1 и 2 |
# | LTV | 4 000 ₽ на клиента в год, **с НДС** (то, что платит клиент) | как указано; проблема 6 остаётся открытым вопросом для компании |
# | CAC | 500 ₽ на клиента, все клиенты привлекаются в этом году | как указано |
# | реклама | **считается расходом**, который должен покрыть оборот | то, что замечает сама статья |
# | клиенты | округляются **вверх** | проблема 4 |

# %%
corrected_assumptions = dict(
    costs=inputs["costs"],
    costs_period="month",
    target_profit=inputs["target_profit"],
    vat_rate=inputs["vat_rate"],
    vat_applied="added_on_top",
    costs_grossed_up_for_vat=False,
    ltv_per_customer_per_year=inputs["ltv_per_customer_per_year"],
    ltv_includes_vat=True,
    cac=inputs["cac"],
    new_customer_share=1.0,
    advertising_counted_as_cost=True,
    customer_rounding="up",
)
corrected = budget_plan(**corrected_assumptions)
derived = telecom.derived
assert agrees(corrected.costs_per_year, derived["corrected_costs_per_year"])
assert agrees(corrected.customers, derived["corrected_customers"])
assert agrees(corrected.advertising_budget, derived["corrected_advertising"])
assert agrees(corrected.turnover_without_vat, derived["corrected_turnover_without_vat"])
assert agrees(corrected.turnover_with_vat, derived["corrected_turnover_with_vat"])
assert agrees(corrected.profit_after_advertising, derived["corrected_profit_after_advertising"])
assert agrees(corrected.return_on_costs_percent, derived["corrected_return_on_costs_percent"])
compare_plans({tr("corrected plan"): corrected})

# %% [markdown] key="07-a-customer-pays-4"
# Клиент платит 4 000 ₽, из которых после НДС остаётся 3 333; 500 из них ушли на его привлечение,
# так что каждый приносит 2 833 ₽ на 123 млн расходов и прибыли: 43 412 клиентов — больше чем в десять
# раз больше плана статьи — и 21,7 млн ₽ на рекламу. Каскадная диаграмма показывает, куда уходит
# оборот.

# %%
plan_waterfall_chart(corrected, currency="RUB", title=tr("Corrected plan: where the turnover goes"))

# %%
compare_plans({tr("article, first pass"): first, tr("article, summary"): summary, tr("corrected"): corrected})

# %%
plans_chart({tr("article, first pass"): first, tr("article, summary"): summary, tr("corrected"): corrected},
            "customers", title=tr("Customers the plan needs"))

# %% [markdown] key="07-if-the-company-s"
# Если расходы компании на самом деле 10 млн **в год** (а «ежемесячные» были опиской), те же
# исправленные допущения дают гораздо меньший план:

# %%
yearly_costs = budget_plan(**(article_first_pass | {
    "vat_applied": "added_on_top", "advertising_counted_as_cost": True, "customer_rounding": "up"}))
print(yearly_costs.describe())

# %% [markdown] key="07-a-critical-look-the"
# ## Критический взгляд: отношения исправленного плана без НДС и с учётом всех расходов
#
# Даже исправленный план называет LTV:CAC 8:1 и ROI 700% — оба по 4 000 ₽, которые клиент платит *с*
# НДС. Ноутбук 06 определил LTV:CAC как валовую прибыль к CAC, а НДС — вовсе не прибыль компании:
# она собирает налог и передаёт его дальше. Уберите его, и клиент приносит 3 333 ₽. Себестоимости
# план не называет (его 10 млн в месяц — операционные расходы: офисы, линии, зарплаты), так что
# 3 333 ₽ — самое близкое к валовой прибыли, что есть в его цифрах:
#
# - **LTV:CAC без НДС** = 3 333 / 500 = 6,7:1, а не 8:1;
# - **ROI клиента без НДС** = (3 333 − 500) / 500 = 567%, а не 700%;
# - **с учётом всех расходов** каждый клиент несёт ещё и свою долю операционных расходов: 120 млн на
#   43 412 клиентов, по 2 764 ₽. После НДС, CAC и этой доли клиент оставляет **69 ₽** прибыли: 14%
#   от стоимости его привлечения и 2,1% от всего, что тратит компания (её отдача на расходы).
#
# Маркетинговое отношение может выглядеть отлично, когда бизнес едва выходит в ноль: отношение не
# учитывает никаких расходов, кроме CAC.

# %%
print(tr("with VAT:    LTV:CAC {ratio}, ROI {roi}%", ratio=format_ratio(corrected.ltv_to_cac),
         roi=format_number(corrected.roi_percent)))
print(tr("without VAT: LTV:CAC {ratio}, ROI {roi}%", ratio=format_ratio(corrected.ltv_to_cac_without_vat),
         roi=format_number(corrected.roi_without_vat_percent)))
print(tr("fully loaded: {profit} of profit per customer, {share} of their CAC; return on all costs {returns}%",
         profit=format_money(corrected.profit_per_customer, "RUB"),
         share=format_share(corrected.profit_per_customer / inputs["cac"], 1),
         returns=format_number(corrected.return_on_costs_percent, 1)))
assert agrees(corrected.ltv_to_cac_without_vat, derived["corrected_ltv_to_cac_without_vat"])
assert agrees(corrected.roi_without_vat_percent, derived["corrected_roi_without_vat_percent"])
assert agrees(corrected.profit_per_customer, derived["corrected_profit_per_customer"])

# %% [markdown] key="07-one-customer-s-year"
# Год одного клиента — от того, что он платит, до того, что он оставляет:

# %%
waterfall_chart(corrected.per_customer_steps(), currency="RUB", title=tr("One customer of the corrected plan, fully loaded"))

# %% [markdown] key="07-customers-kept-from-last"
# ## Клиентам, оставшимся с прошлого года, не нужен новый CAC
#
# Статья заканчивает план подсказкой: с данными о том, сколько клиентов приходит каждый месяц и
# сколько уходит к конкурентам, цифры были бы реалистичнее. Сильнее всего эти данные меняют рекламный
# бюджет. Каждый план выше предполагает, что все 43 412 клиентов привлекаются в этом году, по 500 ₽.
# Оператор связи сохраняет большинство абонентов от года к году, а оставшийся клиент был привлечён — и
# оплачен — в прошлом году. CAC нужен только на долю новых клиентов плана: `new_customer_share`. В
# устойчивой базе эта доля равна годовому оттоку — потерянным клиентам, которых надо заменить.
# Допустим, компания сохраняет трёх из четырёх нужных плану клиентов, или половину, или четверть:

# %%
kept_shares = (0.0, 0.25, 0.5, 0.75)  # доля клиентов плана, оставшихся с прошлого года (допущения)
kept_plans = {tr("{share} kept", share=format_share(kept, 0)): budget_plan(
    **(corrected_assumptions | {"new_customer_share": 1 - kept})) for kept in kept_shares}
compare_plans(kept_plans, lines=("customers", "new_customers", "advertising_budget", "profit_per_customer",
                                 "return_on_costs_percent"))

# %% [markdown] key="07-fewer-customers-are-needed"
# Клиентов нужно меньше, потому что каждый оставшийся приносит свой платёж без нового CAC, а
# рекламный бюджет падает пропорционально новым клиентам. Это арифметика за словами «удержать клиента
# дешевле, чем привлечь» (ноутбук 08): план экономит CAC каждого клиента, которого не нужно заменять.
#
# **ex-07-4.** Почему ROI 700% (или LTV:CAC 8:1) — не признак того, что план оператора связи очень
# прибыльный?

# %%
print(options("ex-07-4"))
answer = None  # буква, например "a"
check("ex-07-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # выручка с НДС к CAC: без вычета НДС и всех расходов, кроме CAC
check("ex-07-4", answer)

# %% [markdown] key="07-try-it"
# ## Попробуйте сами
#
# Каждое допущение плана — это поле ввода: суммы на ползунках, выборы в списках. Калькулятор начинает
# с исправленного плана. Поставьте LTV на 0 (или ниже 600 ₽, когда платёж клиента без НДС уже не
# покрывает CAC), чтобы увидеть, как план отклоняется. Следующая ячейка печатает план при начальных
# значениях.

# %%
calculator = budget_plan_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="07-exercises"
# ## Упражнения
#
# Впишите своё число вместо `None` и запустите ячейку. Решения свёрнуты под каждым упражнением.
#
# **ex-07-1.** Исправьте сразу две проблемы: оставьте первый расчёт статьи, но считайте расходы
# месячными (проблема 3) *и* начисляйте НДС сверху (× 1,2, проблема 2). Сколько клиентов нужно плану?

# %%
answer = None
check("ex-07-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = budget_plan(**(article_first_pass | {"costs_period": "month", "vat_applied": "added_on_top"})).customers
check("ex-07-1", answer)

# %% [markdown] key="07-ex-07-2"
# **ex-07-2.** Новый партнёр просит 800 ₽ за привлечённого клиента вместо 500. Клиент по-прежнему
# платит 4 000 ₽ в год. Каков ROI его привлечения в процентах (так, как его считает проблема 5)?

# %%
answer = None
check("ex-07-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = budget_plan(**(article_first_pass | {"cac": 800})).roi_percent
check("ex-07-2", answer)
# (4 000 - 800) / 800 = 400 %, а не 500 %, которые подсказывает LTV / CAC x 100.

# %% [markdown] key="07-ex-07-3"
# **ex-07-3.** Возьмите исправленный план, но допустите, что клиенты остаются весь год по 550 ₽ в
# месяц, так что LTV клиента за год — 6 600 ₽ (с НДС). Сколько клиентов теперь нужно плану?

# %%
answer = None
check("ex-07-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
a_full_year = 550 * 12  # ₽ в год, с НДС
answer = budget_plan(**{**corrected_assumptions, "ltv_per_customer_per_year": a_full_year}).customers
check("ex-07-3", answer)

# %% [markdown] key="07-summary"
# ## Итоги
#
# | строка плана | формула | исправленный план оператора |
# |---|---|---|
# | расходы за год | расходы × 12, если они месячные | 120 000 000 ₽ |
# | LTV без НДС | LTV / (1 + ставка НДС), когда НДС начисляется сверху | 3 333,33 ₽ |
# | клиенты | (расходы + прибыль) / (LTV без НДС − CAC), с округлением вверх | 43 412 |
# | реклама | клиенты × CAC | 21 706 000 ₽ |
# | оборот с НДС | клиенты × LTV | 173 648 000 ₽ |
# | ROI клиента | (LTV − CAC) / CAC × 100 | 700% (LTV:CAC 8:1) |
# | то же без НДС | (LTV / 1,2 − CAC) / CAC × 100 | 567% (LTV:CAC 6,7:1) |
# | прибыль на клиента с учётом всех расходов | прибыль после рекламы / клиенты | 69,12 ₽ |
# | клиенты, оставшиеся с прошлого года | реклама = клиенты × `new_customer_share` × CAC | осталась половина — вдвое меньше рекламы |
#
# Всё это — `budget_plan(...)` из `ltvkit.planning`: записывайте каждое допущение параметром и меняйте
# по одному, чтобы увидеть, чего оно стоит.
# Дальше: ноутбук 08 выясняет, какой рычаг сильнее всего двигает LTV.
