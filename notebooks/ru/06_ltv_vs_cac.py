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

# %% [markdown] key="06-title"
# # 06 · LTV против CAC: стоит ли клиент того, во что обошлось его привлечение?
#
# После этого ноутбука вы сможете поставить ценность клиента рядом со стоимостью его привлечения,
# прочитать их отношение по обычным эмпирическим правилам и сказать, за сколько месяцев вернутся
# деньги, потраченные на привлечение.
#
# **Вы узнаете**
# - что сравнивает отношение LTV:CAC и почему в нём нужен LTV *до* вычета CAC;
# - как читать отношение: убыток, на грани, минимум статьи 2:1, обычно называемые 3:1 и
#   «подозрительно высокое»;
# - срок окупаемости: CAC, делённый на валовую прибыль, которую клиент приносит в месяц, и то же
#   с учётом клиентов, которые ещё платят;
# - провал денежного потока при привлечении: сколько денег связывает привлечение клиентов и на
#   какой срок;
# - почему «чем ниже CAC, тем выше LTV» неверно для самого LTV и почему более высокий LTV
#   повышает CAC, который вы можете себе позволить, а не снижает CAC;
# - маржинальную прибыль и полный CAC: расходы, которые не видны ни в валовой марже, ни в
#   рекламном отчёте, и что они делают с отношением.
#
# **Что нужно знать**: ноутбуки 02 (валовой и чистый LTV, E-courses) и 03 (E-mr-a-mr-b); поможет
# и 05 (E-online-service).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from ltvkit import (
    agrees,
    check,
    example,
    format_money,
    format_number,
    format_ratio,
    format_share,
    historical_ltv,
    ltv_to_cac,
    payback_periods,
    tr,
)
from ltvkit.calculators import ltv_cac_calculator
from ltvkit.course.cases import online_service_margin_per_month
from ltvkit.course.exercises import options
from ltvkit.ltv_cac import (
    acquisition_cash_curve,
    affordable_cac,
    ltv_cac_summary,
    ltv_cac_verdict,
    survival_payback_periods,
)
from ltvkit.money import format_rows
from ltvkit.plots import cac_effect_chart, cash_dip_chart, payback_chart, ratio_band_chart, waterfall_chart
from ltvkit.unit_economics import acquisition_costs, contribution

# %% [markdown] key="06-ltv-and-cac-value"
# ## LTV и CAC: ценность против затрат
#
# *CAC* (стоимость привлечения клиента) — это сколько бизнес тратит на маркетинг и продажи, чтобы
# привлечь одного нового клиента: расходы за период, делённые на клиентов, которых они привели.
# *LTV* — сколько этот клиент принесёт за весь срок жизни. Каждый маркетинговый бюджет задаёт вопрос:
# заметно ли второе больше первого, и обычно его задают через отношение
#
# $$\text{LTV:CAC} = \frac{\text{LTV (валовая прибыль на клиента, до вычета CAC)}}{\text{CAC}}.$$
#
# Отношение 3 читается как «3:1»: каждый рубль, потраченный на привлечение клиента, возвращается
# трижды в виде валовой прибыли. В этой формуле прячутся два выбора, которые меняют ответ: выручка
# в LTV или прибыль и вычтен ли из него уже CAC.

# %% [markdown] key="06-e-best-client-cac"
# ## E-best-client-cac: лучший клиент обошёлся в 60 $
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса»
# продолжает историю господина А — клиента, который покупает 40 раз в год по 700 $ (E-mr-a-mr-b,
# ноутбук 03). Привлечь такого клиента стоило 60 $, и статья ставит эти разовые 60 $ рядом с
# 28 000 $, которые приносит клиент. Отношения она не приводит; если поделить, выйдет около 467:1.

# %%
best = example("E-best-client-cac")
ratio = ltv_to_cac(ltv=best.inputs["ltv"], cac=best.inputs["cac"])
print(tr("LTV:CAC = {ltv} / {cac} = {ratio}, about {rounded}", ltv=format_money(best.inputs["ltv"], best.currency),
         cac=format_money(best.inputs["cac"], best.currency), ratio=format_ratio(ratio),
         rounded=format_ratio(ratio, decimals=0)))
assert agrees(ratio, best.derived["ltv_to_cac"])

# %% [markdown] key="06-the-verdict-function-of"
# Функция вердикта из `ltvkit.planning` сопоставляет отношение с диапазонами, которые этот
# ноутбук объясняет ниже. Такое высокое отношение попадает в верхний диапазон.

# %%
print(ltv_cac_verdict(ratio))

# %% [markdown] key="06-a-critical-look-one"
# ### Критический взгляд: один лучший клиент — ещё не экономика бизнеса
#
# 28 000 $ — это покупки господина А за **один год**: 40 × 700 $. Это **выручка**, а не прибыль, и
# принадлежит она **лучшему** клиенту, которого статья сама описывает как более дорогого в
# привлечении и удержании, чем средний. Отсюда три вывода.
#
# - Как показатель за весь срок жизни это слишком мало (господин А может оставаться годами); как
#   показатель прибыли — слишком много (товары, которые он покупает, чего-то стоят). Отношение
#   смешивает выручку за год с разовыми затратами.
# - Почти при любой марже господин А окупает 60 $: его валовая прибыль достигает 60 $, как только
#   маржа на его годовые покупки превышает 60 / 28 000 ≈ 0,2%. Отличить хороший канал от плохого
#   это отношение не может.
# - Бюджет определяет *средний* клиент, которого приводит канал. Господин Б, который покупает дважды
#   в год по 50 $, приносит 100 $ выручки в год: против тех же 60 $ это скромные 1,7:1 — ещё до
#   себестоимости.

# %%
mr = example("E-mr-a-mr-b")
assert mr.figures["a_value_per_year"] == best.inputs["ltv"]  # LTV статьи — это год господина А
break_even_margin = best.inputs["cac"] / best.inputs["ltv"]
print(tr("Margin at which Mr A's year repays his CAC: {share}", share=format_share(break_even_margin, 2)))
ratio_b = ltv_to_cac(ltv=mr.derived["b_value_per_year"], cac=best.inputs["cac"])
print(tr("Mr B: {verdict}", verdict=ltv_cac_verdict(ratio_b)))

# %% [markdown] key="06-a-critical-look-the"
# ### Критический взгляд: «лучших клиентов привлекать гораздо дороже» — за те же 60 $
#
# Статья говорит, что самых ценных клиентов привлекать и удерживать заметно дороже. Затем она
# оценивает лучшего клиента в 60 $, а через несколько абзацев — среднего клиента своего примера с
# оттоком (E-churn-20, ноутбук 04) в те же 60 $. Её собственные числа не показывают того, что она
# утверждает, и бизнес редко смог бы это показать: CAC платят за канал или кампанию, пока никто не
# знает, кто из приведённых клиентов окажется лучшим. Вопрос «сколько стоит лучший клиент?»
# становится настоящим только в виде «сколько на одного клиента стоит канал, который приводит их
# больше?» (ноутбук 10). И у отношения есть запас: даже по выручке за год 28 000 $ господина А
# давали бы 3:1 при CAC примерно в 156 раз больше 60 $.

# %%
average_cac = example("E-churn-20").inputs["cac"]
print(tr("CAC of the best client {best}, of the average customer {average}",
         best=format_money(best.inputs["cac"], "USD"), average=format_money(average_cac, "USD")))
assert average_cac == best.inputs["cac"]
most_for_mr_a = affordable_cac(best.inputs["ltv"])
print(tr("Mr A's year meets 3:1 up to a CAC of {cac} ({times} times {best})",
         cac=format_money(most_for_mr_a, "USD", decimals=0), times=format_number(most_for_mr_a / best.inputs["cac"]),
         best=format_money(best.inputs["cac"], "USD")))

# %% [markdown] key="06-e-ltv-cac-2"
# ## E-ltv-cac-2: эмпирическое правило, 2:1 или 3:1
#
# Статья «Увеличение LTV партнеров: проверенные стратегии» ставит нижнюю границу на 2:1 и считает
# бизнес убыточным, как только LTV перестаёт превышать CAC. В других источниках обычно называют 3:1.
# `ltv_cac_verdict` относит отношение к одному из пяти диапазонов:
#
# | отношение | диапазон | почему |
# |---|---|---|
# | ≤ 1 | убыток | каждый клиент стоит не меньше, чем приносит |
# | от 1 до 2 | на грани | из валового LTV надо ещё платить аренду, зарплаты, сервис; небольшая ошибка прогноза съедает всё |
# | от 2 до 3 | минимум статьи выполнен | 2:1 из статьи |
# | от 3 до 5 | обычная цель достигнута | обычно называемые 3:1 |
# | больше 5 | возможно, в рост вкладывают слишком мало | на привлечение можно тратить больше, пока каждый клиент окупается |
#
# Зачем требовать больше 1:1? Из валового LTV вычтена только себестоимость: остальные расходы
# бизнеса ещё предстоит оплатить из него. LTV — прогноз, CAC тратится сейчас, а деньги
# возвращаются только за срок жизни клиента. Очень высокое отношение — тоже не повод праздновать:
# часто оно означает, что компания могла бы привлечь больше клиентов, тратя больше, пока
# дополнительные клиенты окупают свою (более высокую) стоимость.

# %%
rule = example("E-ltv-cac-2")
for r in (0.8, 1.0, 1.5, rule.figures["minimum_ratio"], 2.5, rule.derived["usual_ratio"], 4.0,
          rule.derived["very_high_ratio"], 9.0):
    print(ltv_cac_verdict(r))
assert ltv_cac_verdict(rule.figures["minimum_ratio"]).band == "article's minimum met"
assert ltv_cac_verdict(rule.derived["usual_ratio"]).band == "usual target met"

# %% [markdown] key="06-gross-or-net-the"
# ### Валовой или чистый? Отношение сдвигается ровно на единицу
#
# Статья про курсы (E-courses, ноутбук 02) называет «LTV» 8 000 ₽: это валовая прибыль 9 000 минус
# CAC 1 000. При делении на CAC чистый показатель даёт 8:1, а валовой — 9:1: чистое отношение всегда
# равно валовому минус один. Правило «не меньше 2:1», прочитанное по чистому LTV, означает 3:1 по
# валовому. Практикум берёт для всех отношений валовой LTV (до вычета CAC); называя отношение,
# всегда говорите, какое из них вы используете.

# %%
courses = example("E-courses")
gross = historical_ltv(courses.inputs["purchases"], margin=courses.inputs["margin"])
net = historical_ltv(courses.inputs["purchases"], margin=courses.inputs["margin"],
                     acquisition_cost=courses.inputs["acquisition_cost"])
print(tr("gross LTV / CAC = {gross}; net LTV / CAC = {net}",
         gross=format_ratio(ltv_to_cac(gross, courses.inputs["acquisition_cost"])),
         net=format_ratio(ltv_to_cac(net, courses.inputs["acquisition_cost"]))))
assert agrees(ltv_to_cac(gross, courses.inputs["acquisition_cost"]), courses.derived["ltv_to_cac"])

# %% [markdown] key="06-the-ratios-of-this"
# Отношения этого ноутбука на фоне диапазонов (шкала логарифмическая, чтобы 1,7 и 467 поместились
# на одном графике):

# %%
ratio_band_chart(
    {
        tr("best client (E-best-client-cac)"): ratio,
        tr("courses, gross (E-courses)"): ltv_to_cac(gross, courses.inputs["acquisition_cost"]),
        tr("Mr B, a year's revenue"): ratio_b,
    },
    title=tr("LTV:CAC against the rule-of-thumb bands"),
)

# %% [markdown] key="06-payback-how-many-months"
# ## Окупаемость: через сколько месяцев вернётся CAC
#
# Отношение говорит, *сколько* вернётся; срок окупаемости — *как скоро*. CAC платят, когда клиента
# привлекают, валовая прибыль приходит месяц за месяцем, поэтому
#
# $$\text{окупаемость (месяцы)} = \frac{\text{CAC}}{\text{валовая прибыль на клиента в месяц}}.$$
#
# Возьмём онлайн-сервис из E-online-service (ноутбук 05): 500 ₽ в месяц при валовой марже 0,7 — это
# 350 ₽ валовой прибыли в месяц, в среднем 18 месяцев. CAC для него статья не даёт; возьмём 500 ₽,
# которые та же статья называет приемлемыми для клиента оператора связи (E-telecom-budget,
# ноутбук 07).

# %%
service = example("E-online-service").inputs
cac = example("E-telecom-budget").inputs["cac"]
margin_per_month = online_service_margin_per_month()  # платежей в месяц × платёж × маржа
months = payback_periods(cac=cac, margin_per_period=margin_per_month)
print(tr("Gross profit {margin} a month; CAC {cac}; payback {payback} months of {lifetime}",
         margin=format_money(margin_per_month, "RUB"), cac=format_money(cac, "RUB"), payback=format_number(months, 2),
         lifetime=format_number(service["lifetime_months"])))
summary = ltv_cac_summary(ltv=example("E-online-service").figures["ltv_per_user"], cac=cac,
                          lifetime_months=service["lifetime_months"])
print(summary.describe("RUB"))
assert agrees(summary.payback_months, months)

# %%
payback_chart(cac, margin_per_month, service["lifetime_months"], currency="RUB", period="month")

# %% [markdown] key="06-payback-when-customers-leave"
# Два бизнеса с одинаковым отношением 3:1 могут сильно различаться: один возвращает CAC за два
# месяца, другой — за два года, и второму для роста нужно гораздо больше денег. Указывайте срок
# окупаемости рядом с отношением.
#
# ### Окупаемость, когда клиенты уходят
#
# CAC / маржа предполагает, что клиент платит, пока CAC не вернётся. Но пользователи уходят: если
# читать 18 месяцев онлайн-сервиса как постоянный отток 1/18 в месяц (ноутбук 04), в месяце t + 1
# платят только (17/18)^t новых пользователей месяца. С учётом того, кто ещё платит, новый
# пользователь через t месяцев в среднем принёс маржа × (1 − (17/18)^t) / (1/18), а окупаемость —
# это месяц, в котором эта сумма достигает CAC (`survival_payback_periods`). Для дешёвого клиента
# разница почти не видна; чем дороже клиент, тем больше значат ушедшие, а CAC около LTV когорта в
# целом не окупает никогда:

# %%
churn = 1 / service["lifetime_months"]  # 18 месяцев, прочитанные как постоянный отток
rows = []
for c in (500, 2_000, 3_000, 5_000, 6_300):
    weighted = survival_payback_periods(c, margin_per_month, churn_rate=churn)
    rows.append((format_money(c, "RUB"), format_number(payback_periods(c, margin_per_month), 2),
                 tr("never") if weighted == float("inf") else format_number(weighted, 2)))
print(format_rows(rows, header=("CAC", tr("CAC / margin, months"), tr("weighted by survival, months"))))

# %% [markdown] key="06-the-cash-dip-of"
# ### Провал денежного потока при привлечении
#
# Окупаемость — история одного клиента; деньги — это когорта. CAC каждого нового пользователя
# платится сразу, а маржа возвращается месяц за месяцем от тех, кто остаётся, поэтому деньги,
# принесённые когортой, за вычетом её CAC начинают глубоко ниже нуля и растут.
# `acquisition_cash_curve` прослеживает их месяц за месяцем. Возьмём 700 новых пользователей при
# более дорогом CAC в 3 000 ₽ (наше допущение: канал, который стоит вшестеро дороже, чем у
# оператора связи) — один раз как единственную когорту, другой раз как новую когорту из 700
# каждый месяц в течение года, как привлекает растущий бизнес:

# %%
dear_cac = 3_000  # допущение для иллюстрации
one_cohort = acquisition_cash_curve(dear_cac, margin_per_month, churn_rate=churn, periods=36,
                                    customers_per_cohort=service["users"])
a_year_of_cohorts = acquisition_cash_curve(dear_cac, margin_per_month, churn_rate=churn, periods=36,
                                           customers_per_cohort=service["users"], cohorts=12)
print(tr("one cohort:            {curve}", curve=one_cohort.describe("RUB")))
print(tr("a cohort every month:  {curve}", curve=a_year_of_cohorts.describe("RUB")))

# %%
cash_dip_chart({tr("one cohort of 700"): one_cohort, tr("700 new users every month for a year"): a_year_of_cohorts},
               currency="RUB", period="month")

# %% [markdown] key="06-a-single-cohort-is"
# Одна когорта снова выходит выше нуля в том месяце, который называет её окупаемость с учётом
# дожития. Бизнес, который продолжает привлекать, — нет: CAC каждого нового месяца углубляет провал
# раньше, чем прежние когорты его окупили, и самая низкая точка в пять раз глубже, чем у одной
# когорты. Эти деньги план роста должен профинансировать, и их определяют окупаемость и отток, а не
# отношение LTV:CAC, которое здесь 2,1:1 — чуть выше минимума статьи.

# %% [markdown] key="06-the-lower-the-cac"
# ## «Чем ниже CAC, тем выше LTV»: проверка
#
# Статья про LTV партнёров называет CAC среди факторов LTV: чем ниже CAC, тем выше LTV. Посмотрите
# на формулы: валовой LTV — это средний чек × покупки × срок жизни × маржа, и CAC нет ни в одной из
# них. Дешёвое привлечение меняет **чистый** LTV (валовой минус CAC, «LTV» статьи про курсы) и
# **отношение LTV:CAC**. На клиенте из E-courses:

# %%
cacs = (250, 500, 1000, 2000, 4000)
for c in cacs:
    net_c = historical_ltv(courses.inputs["purchases"], margin=courses.inputs["margin"], acquisition_cost=c)
    print(tr("CAC {cac}: gross LTV {gross}, net LTV {net}, LTV:CAC {ratio}", cac=format_money(c, "RUB").rjust(9),
             gross=format_money(gross, "RUB"), net=format_money(net_c, "RUB").rjust(9),
             ratio=format_ratio(ltv_to_cac(gross, c)).rjust(6)))
assert agrees(gross, courses.derived["gross_ltv"])

# %%
cac_effect_chart(gross, cacs, currency="RUB")

# %% [markdown] key="06-a-critical-look-a"
# ### Критический взгляд: более высокий LTV не снижает CAC
#
# Та же статья начинается с обратного утверждения: рост LTV снижает стоимость привлечения новых
# клиентов. Но ничто в цене клика, размещения или комиссии партнёра не зависит от того, сколько
# клиент принесёт потом. Более высокий LTV меняет CAC, который бизнес **может себе позволить**: при
# цели 3:1 наибольший допустимый CAC — LTV / 3. Поднимите валовой LTV из E-courses на пятую часть, и
# допустимый CAC вырастет на пятую часть; сам CAC останется 1 000 ₽:

# %%
for lift in (1.0, 1.2):
    print(tr("gross LTV {gross}: CAC still {cac}, affordable at 3:1 up to {affordable}",
             gross=format_money(gross * lift, "RUB"), cac=format_money(courses.inputs["acquisition_cost"], "RUB"),
             affordable=format_money(affordable_cac(gross * lift), "RUB")))

# %% [markdown] key="06-that-is-why-the"
# Поэтому утверждение и выглядит правдоподобным: компания, чьи клиенты ценнее, может перебить ставки
# конкурентов за те же клики и всё равно заработать, так что она может в итоге *платить* за клиента
# больше — и правильно делать.

# %% [markdown] key="06-in-real-data-the"
# В реальных данных связь может идти даже в обратную сторону. Дешёвый канал (сайт скидок, широкая
# нецелевая реклама) часто приводит клиентов, которые покупают один раз и уходят; дорогой (партнёр,
# чья аудитория подходит продукту) — клиентов, которые остаются. Тогда низкий CAC идёт вместе с
# *низким* LTV. Поэтому статья «联盟营销中客户终身价值的衡量与提升» (Измерение и повышение CLTV в
# партнёрском маркетинге) спрашивает, какие партнёры приводят клиентов с самым высоким CLTV, а не
# какие дешевле: сравнивайте каналы по LTV:CAC и окупаемости, но никогда по одному CAC.

# %% [markdown] key="06-contribution-margin-and-fully"
# ## Маржинальная прибыль и полный CAC
#
# Обе стороны LTV:CAC прячут расходы.
#
# **Со стороны LTV** валовая маржа вычитает только стоимость проданного. Но каждая продажа стоит
# ещё и платёжной комиссии (банк или платёжный сервис оставляет себе долю каждого платежа и не
# возвращает её, когда платёж возвращён), возвратов, а также бонусов, кешбэка и промоскидок, которые
# отдают программы лояльности. То, что остаётся после всего этого, — **маржинальная прибыль**: что
# клиент оставляет на покрытие постоянных расходов и на прибыль. 500 ₽ в месяц онлайн-сервиса при
# предполагаемых ставках (наших, для иллюстрации):

# %%
per_month = contribution(service["monthly_payment"], gross_margin=service["margin"], payment_fee_rate=0.025,
                         refund_rate=0.03, bonus_rate=0.05)
print(per_month.describe("RUB"))
waterfall_chart(per_month.steps(), currency="RUB", title=tr("One user's month: from sales to contribution"))

# %% [markdown] key="06-on-the-cac-side"
# **Со стороны CAC** рекламный отчёт делит расходы на рекламу на клиентов, которых привела реклама:
# это *платный* CAC. Его сдвигают две вещи. Деление на *всех* новых клиентов, включая пришедших
# самостоятельно, даёт более низкий *смешанный* CAC, который приукрашивает рекламу. И реклама — не
# единственный расход на привлечение: есть зарплаты отдела продаж, гонорары агентства, сервисы.
# Вместе с ними получается *полный* CAC. Допустим, 700 новых пользователей месяца пришли так: 500 — с
# рекламы за 250 000 ₽, 200 — сами, а ещё были 120 000 ₽ зарплат продавцов, 50 000 ₽ агентству и
# 10 000 ₽ на сервисы (наши числа):

# %%
month = acquisition_costs(ad_spend=250_000, paid_customers=500, organic_customers=200, sales_salaries=120_000,
                          agency_fees=50_000, other_costs=10_000)
print(month.describe("RUB"))
assert agrees(month.paid_cac, cac)  # те же 500 ₽, что этот ноутбук брал для онлайн-сервиса

# %% [markdown] key="06-put-together-the-same"
# Вместе одни и те же пользователи дают очень разные отношения. Честное для решения о дополнительной
# рекламе — LTV по маржинальной прибыли против полного CAC платного клиента:

# %%
contribution_ltv = per_month.contribution * service["lifetime_months"]
readings = {
    tr("gross LTV / blended CAC"): (example("E-online-service").figures["ltv_per_user"], month.blended_cac),
    tr("gross LTV / paid CAC"): (example("E-online-service").figures["ltv_per_user"], month.paid_cac),
    tr("contribution LTV / fully loaded CAC"): (contribution_ltv, month.fully_loaded_cac),
    tr("contribution LTV / fully loaded paid CAC"): (contribution_ltv, month.fully_loaded_paid_cac),
}
print(format_rows([(name, ltv, c, format_ratio(ltv_to_cac(ltv, c))) for name, (ltv, c) in readings.items()],
                  header=("", "LTV", "CAC", "LTV:CAC"), decimals=0))

# %% [markdown] key="06-the-figure-usually-quoted"
# Обычно называют второе; решение стоит принимать по последнему, примерно вдвое меньшему. Оба
# настоящие; важно говорить, какое вы называете (чек-лист ноутбука 02 спрашивает: «выручка, валовая
# или маржинальная прибыль»).
#
# **ex-06-4.** Почему смешанный CAC ниже платного и почему это проблема, когда вы оцениваете рекламу?

# %%
print(options("ex-06-4"))
answer = None  # буква, например "a"
check("ex-06-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # пришедшие сами делят рекламный счёт, и реклама выглядит дешевле, чем есть
check("ex-06-4", answer)

# %% [markdown] key="06-try-it"
# ## Попробуйте сами
#
# Двигайте ползунки: валовой LTV на клиента, CAC и число месяцев, за которые набирается LTV (для
# окупаемости). Поставьте CAC на 0 и посмотрите, как калькулятор отказывается считать отношение без
# затрат. Следующая ячейка печатает результат при начальных значениях — значениях лучшего клиента
# (его 28 000 $ — выручка за год, поэтому читайте результат как верхнюю границу, как объясняет
# критический взгляд выше).

# %%
calculator = ltv_cac_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="06-exercises"
# ## Упражнения
#
# Впишите своё число вместо `None` и запустите ячейку. Решения свёрнуты под каждым упражнением.
#
# **ex-06-1.** Онлайн-сервис (E-online-service) зарабатывает 350 ₽ валовой прибыли в месяц на
# пользователя. Реклама дорожает: теперь привлечение нового пользователя стоит 2 100 ₽. Через сколько
# месяцев окупится такой CAC?

# %%
answer = None
check("ex-06-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = payback_periods(cac=2_100, margin_per_period=margin_per_month)
check("ex-06-1", answer)

# %% [markdown] key="06-ex-06-2"
# **ex-06-2.** Валовой LTV того же сервиса — 6 300 ₽ на пользователя. Какой наибольший CAC, в
# рублях, ещё выполняет минимум статьи 2:1?

# %%
answer = None
check("ex-06-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = example("E-online-service").figures["ltv_per_user"] / rule.figures["minimum_ratio"]
check("ex-06-2", answer)

# %% [markdown] key="06-ex-06-3"
# **ex-06-3.** Дайте господину Б более справедливый LTV: он продолжает покупать (100 $ в год) 3 года,
# и 30% того, что он платит, — валовая прибыль. Каково его валовое отношение LTV:CAC против тех же
# 60 $ CAC (число вроде 2.5 для 2,5:1)? В какой оно диапазоне?

# %%
answer = None
check("ex-06-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
b_gross_ltv = mr.derived["b_value_per_year"] * 3 * 0.3
answer = ltv_to_cac(ltv=b_gross_ltv, cac=best.inputs["cac"])
print(ltv_cac_verdict(answer))
check("ex-06-3", answer)

# %% [markdown] key="06-summary"
# ## Итоги
#
# | формула | ltvkit | пример |
# |---|---|---|
# | LTV:CAC = валовой LTV / CAC | `ltv_to_cac(ltv, cac)` | E-best-client-cac: 28 000 / 60 ≈ 467:1 |
# | вердикт: ≤1 убыток, <2 на грани, ≥2 минимум статьи, ≥3 обычная цель, >5 очень высокое | `ltv_cac_verdict(ratio)` | E-ltv-cac-2 |
# | окупаемость = CAC / валовая прибыль в месяц | `payback_periods(cac, margin_per_period)` | 500 / 350 = 1,43 месяца |
# | окупаемость с учётом дожития: первое t, при котором маржа × (1 − r^t) / (1 − r) ≥ CAC | `survival_payback_periods(cac, margin, churn_rate=...)` | CAC 3 000 ₽: 11,32 месяца, а не 8,57 |
# | провал денежного потока: CAC уходит сразу, маржа возвращается, пока клиенты остаются, по всем когортам | `acquisition_cash_curve(cac, margin, churn_rate=..., periods=..., customers_per_cohort=..., cohorts=...)` | 700 в месяц по 3 000 ₽: глубина 9,6 млн, выход из минуса в 18-м месяце |
# | допустимый CAC = LTV / целевое отношение | `affordable_cac(ltv, target_ratio=3)` | E-courses: 3 000 ₽; +20% LTV → 3 600 ₽ |
# | маржинальная прибыль = продажи − возвраты − себестоимость − платёжные комиссии − бонусы | `contribution(sales, gross_margin=..., payment_fee_rate=..., refund_rate=..., bonus_rate=...)` | 500 ₽ в месяц: 302,75 ₽, а не 350 |
# | платный, смешанный, полный CAC | `acquisition_costs(ad_spend=..., paid_customers=..., organic_customers=..., sales_salaries=..., agency_fees=..., other_costs=...)` | 500, 357, 614 и 786 ₽ |
# | чистый LTV = валовой LTV − CAC; чистое отношение = валовое − 1 | `historical_ltv(..., acquisition_cost=)` | E-courses: 9:1 валовое, 8:1 чистое |
#
# CAC не меняет валовой LTV; он меняет чистый LTV, отношение и окупаемость. Называйте отношение
# вместе с его LTV (выручка, валовая или маржинальная прибыль; до или после вычета CAC), с его CAC
# (платный, смешанный или полный) и рядом с окупаемостью с учётом дожития.
# Дальше: ноутбук 07 планирует годовой бюджет по LTV и CAC.
