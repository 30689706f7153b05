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

# %% [markdown] key="13-title"
# # 13 · Удержание, когда клиенты разные: модель sBG, DEL и DERL
#
# *Продвинутый трек: вероятностные модели клиентов, продолжение в ноутбуках 14 и 15.*
#
# После этого ноутбука вы сможете спрогнозировать удержание когорты подписчиков на годы вперёд
# с помощью модели, которая допускает, что клиенты разные, и сказать, сколько стоит клиент на
# каждом сроке жизни.
#
# **Вы узнаете**
# - почему удержание когорты растёт год от года, даже когда ни один клиент не меняется: первыми
#   уходят те, кто склонен уйти;
# - как модель постоянного оттока из ноутбука 04 и смещённая бета-геометрическая модель (sBG)
#   описывают одни и те же семь лет и насколько по-разному они прогнозируют следующие пять;
# - как воспроизвести опубликованные оценки sBG из статьи Fader & Hardie (2007) и таблицу DERL
#   из статьи Fader & Hardie (2010);
# - сколько стоит удержать клиента, за плечами которого одно, два, ... пять продлений, и почему
#   DERL — это не предельная цена предложения по удержанию.
#
# **Что нужно знать**: ноутбук 04 (отток, срок жизни клиента, кривые выживания) и ноутбук 05
# (прогнозный LTV). Немного теории вероятностей поможет, но каждая формула выписана полностью.

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from itertools import pairwise

import pandas as pd

from ltvkit import check, format_money, format_number, format_share, tr, tr_n
from ltvkit.calculators import sbg_calculator
from ltvkit.course.exercises import options
from ltvkit.models.published import published, reproduces
from ltvkit.models.retention_value import (
    renewal_probability,
    retention_offer_value,
    simulate_retention_offer,
    value_of_a_renewal,
    value_of_a_saved_leaver,
)
from ltvkit.models.sbg import (
    fit_constant_churn,
    fit_sbg,
    period_label,
    read_retention_table,
    sbg_del,
    sbg_derl,
    sbg_retention_rates,
    sbg_survival,
)
from ltvkit.models.simulate import simulate_sbg_cohort
from ltvkit.money import format_statistic
from ltvkit.plots import churn_distribution_chart, derl_chart, observed_vs_model_chart

# %% [markdown] key="13-two-cohorts-of-yearly"
# ## Две когорты годовых подписчиков
#
# Статья Fader & Hardie “How to project customer retention” («Как прогнозировать удержание
# клиентов», Journal of Interactive Marketing, 2007) начинается с таблицы двух групп по 1 000
# клиентов, оформивших годовые контракты: группы «Regular» (обычные) и «High End» (премиальные);
# авторы взяли эти данные из книги Berry и Linoff об интеллектуальном анализе данных. Для каждого
# года в ней указана доля клиентов (в процентах), ещё подписанных в начале этого года, — всего
# тринадцать лет. Эту таблицу содержит файл `data/fader_hardie_2007_retention.csv` (его источник
# описан в `data/README.md`). Как и в статье, годы 0-7 — это то, что мы знаем (калибровочный
# период), а годы 8-12 отложены, чтобы проверить прогнозы.

# %%
table = read_retention_table("../data/fader_hardie_2007_retention.csv")
calibration = table[table.period == "calibration"]
holdout = table[table.period == "holdout"]
years = table.year.to_numpy()
regular = calibration.regular_alive.tolist()
high_end = calibration.high_end_alive.tolist()
table[["year", "regular_percent_alive", "high_end_percent_alive", "period"]].assign(period=table.period.map(period_label))

# %% [markdown] key="13-why-the-retention-rate"
# ## Почему коэффициент удержания растёт
#
# Коэффициент удержания года t — это доля клиентов прошлого года, которые всё ещё с нами:
# alive(t) / alive(t - 1). В группе Regular он растёт с 63 % в первый год примерно до 92 % к
# седьмому году.

# %%
observed_rates = (table.regular_percent_alive / table.regular_percent_alive.shift(1)).iloc[1:8]
print(tr("Regular, retention rate by year: {rates}", rates=", ".join(format_share(rate) for rate in observed_rates)))

# %% [markdown] key="13-nothing-in-the-data"
# Ничто в данных не говорит, что клиенты становятся лояльнее. Рост объясняет история проще:
# клиенты разные. У каждого своя вероятность уйти при продлении, и она не меняется всю его
# жизнь; у разных клиентов эти вероятности разбросаны — у одних близки к нулю, у других к
# единице. Склонные уйти уходят на первых продлениях, поэтому оставшиеся клиенты в среднем
# лояльнее, и удержание группы растёт, хотя у каждого отдельного клиента оно постоянно.
#
# Это можно увидеть в симуляции: 1 000 клиентов, чьи вероятности оттока взяты из
# бета-распределения и никогда не меняются (`ltvkit.models.simulate.simulate_sbg_cohort`, с
# фиксированным seed).

# %%
simulated = simulate_sbg_cohort(alpha=0.7, beta=1.2, customers=1000, periods=7, seed=12)
rates = [later / earlier for earlier, later in pairwise(simulated)]
print(tr("Simulated cohort alive: {alive}", alive=simulated))
print(tr("Its retention rates:    {rates}", rates=", ".join(format_share(rate) for rate in rates)))

# %% [markdown] key="13-this-is-the-shifted"
# Это **смещённая бета-геометрическая модель (sBG)**. Каждый клиент уходит при продлении с
# вероятностью θ (геометрически распределённый срок жизни); θ у разных клиентов распределена как
# beta(α, β). Для когорты:
#
# - доля клиентов, оставшихся на начало года t: S(t) = B(α, β + t) / B(α, β);
# - коэффициент удержания года t: r(t) = (β + t − 1) / (α + β + t − 1), он растёт с t;
# - средний отток нового клиента: α / (α + β).
#
# Модель постоянного оттока из ноутбука 04 — частный случай, когда θ у всех одинакова.

# %% [markdown] key="13-constant-churn-against-sbg"
# ## Постоянный отток против sBG на годах 0-7
#
# Обе модели оцениваются методом максимального правдоподобия по численности клиентов за годы
# 0-7: сколько клиентов ушло при каждом продлении и сколько осталось после года 7 (они
# *пока ещё* не ушли).

# %%
fits = {"Regular": fit_sbg(regular), "High End": fit_sbg(high_end)}
constant = {"Regular": fit_constant_churn(regular), "High End": fit_constant_churn(high_end)}
for name, fit in fits.items():
    print(tr("{name:8}  sBG: alpha = {alpha}, beta = {beta}, log-likelihood = {log_likelihood}, converged: {converged}",
             name=name, alpha=format_number(fit.alpha, 3), beta=format_number(fit.beta, 3),
             log_likelihood=format_statistic(fit.log_likelihood), converged=tr("True") if fit.converged else tr("False")))
    print(tr("{name:8}  constant churn {churn}, log-likelihood = {log_likelihood}", name="",
             churn=format_number(constant[name].churn, 3), log_likelihood=format_statistic(constant[name].log_likelihood)))

# %% [markdown] key="13-the-paper-reports-0"
# В статье приведены α = 0,704, β = 1,182 для Regular и α = 0,668, β = 3,806 для High End (её
# оценки максимального правдоподобия по годам 0-7 из таблицы 1). Наши оценки воспроизводят их с
# точностью до трёх знаков после запятой, как они напечатаны (допуск ±0,0005):

# %%
for name, key in (("Regular", "sbg-regular"), ("High End", "sbg-high-end")):
    fit = fits[name]
    assert reproduces(fit.alpha, key, "alpha") and reproduces(fit.beta, key, "beta"), name
    assert fit.converged
print(tr("Published sBG estimates reproduced: {citation}", citation=published("sbg-regular").citation))

# %% [markdown] key="13-the-sbg-log-likelihood"
# Логарифм правдоподобия у sBG выше в обеих когортах (примерно на 114 пунктов для Regular и
# на 26 для High End): второй параметр оправдывает своё место. Оба найденных распределения
# вероятностей оттока J-образные (α < 1 < β): много клиентов сосредоточено у нуля — они почти
# никогда не уходят, а дальше, к высокому оттоку, распределение редеет: длинный хвост клиентов,
# которые, скорее всего, уйдут на одном из первых продлений. Больший β у High End держит у нуля
# большую долю клиентов.

# %%
churn_distribution_chart({name: (fit.alpha, fit.beta) for name, fit in fits.items()})

# %% [markdown] key="13-projections-against-the-held"
# ## Прогнозы против отложенных лет 8-12
#
# Теперь проверка, которую задаёт статья: спрогнозировать годы 8-12, которых не видела ни одна
# модель.

# %%
columns = {"Regular": "regular_percent_alive", "High End": "high_end_percent_alive"}
actual = {name: table[column].to_numpy() / 100 for name, column in columns.items()}
sbg_projection = {name: fits[name].survival(12) for name in columns}
constant_projection = {name: constant[name].survival(12) for name in columns}
projection = pd.DataFrame({tr("year"): years})
for name in columns:
    projection[tr("{cohort} actual", cohort=name)] = actual[name]
    projection[tr("{cohort} sBG", cohort=name)] = sbg_projection[name]
    projection[tr("{cohort} constant", cohort=name)] = constant_projection[name]
projection.iloc[8:].round(3)

# %%
for name in fits:
    truth, model, flat = actual[name][12], sbg_projection[name][12], constant_projection[name][12]
    print(tr("{name:8} year 12: actual {actual}; sBG {sbg} ({sbg_error}); constant churn {constant} ({constant_error})",
             name=name, actual=format_share(truth), sbg=format_share(model), constant=format_share(flat),
             sbg_error=("+" if model > truth else "") + format_share(model / truth - 1, 0),
             constant_error=("+" if flat > truth else "") + format_share(flat / truth - 1, 0)))

# %% [markdown] key="13-five-years-beyond-the"
# Через пять лет после конца данных sBG ошибается на 2 % и 4 % в меньшую сторону, а постоянный
# отток теряет 73 % и 31 % клиентов, которые на самом деле остались. На графике обе модели
# показаны вместе с данными; вертикальная линия отмечает конец периода, на котором модели
# оценивались.

# %%
observed_vs_model_chart(
    years,
    actual,
    {
        **{tr("{cohort}, sBG", cohort=name): sbg_projection[name] for name in columns},
        **{tr("{cohort}, constant churn", cohort=name): constant_projection[name] for name in columns},
    },
    split=7,
    xlabel=tr("year"),
    ylabel=tr("share of the cohort still subscribed"),
)

# %% [markdown] key="13-the-retention-rates-themselves"
# Сами коэффициенты удержания — проверка построже, потому что они не накопительные: растущий
# r(t) модели sBG следует за наблюдаемыми значениями и в отложенные годы, а постоянный отток
# рисует горизонтальную линию.

# %%
rate_years = years[1:]
observed_vs_model_chart(
    rate_years,
    {name: (table[column] / table[column].shift(1)).iloc[1:] for name, column in columns.items()},
    {tr("{cohort}, sBG", cohort=name): fit.retention_rates(12) for name, fit in fits.items()},
    split=7,
    xlabel=tr("year"),
    ylabel=tr("retention rate"),
)

# %% [markdown] key="13-del-and-derl-what"
# ## DEL и DERL: сколько стоит клиент, в платежах
#
# Статья Fader & Hardie “Customer-base valuation in a contractual setting” («Оценка клиентской
# базы при контрактных отношениях», Marketing Science, 2010) измеряет ценность клиента в
# платежах: один платёж в начале каждого года, пока клиент с компанией, с дисконтированием по
# ставке d в год. Чтобы получить деньги, умножьте на маржу с одного платежа.
#
# - **DEL** (discounted expected lifetime), дисконтированный ожидаемый срок жизни нового
#   клиента: сумма по t величин S(t) / (1 + d)^t, то есть гипергеометрическая функция
#   ₂F₁(1, β; α + β; 1 / (1 + d)).
# - **DERL** (discounted expected residual lifetime), дисконтированный ожидаемый остаточный срок
#   жизни: то же для клиента, который уже продлил договор n раз и сейчас решает, продлевать ли
#   его снова. Пережив n продлений, клиент переходит к распределению оттока beta(α, β + n):
#   DERL = (β + n) / (α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1 / (1 + d)).
#
# Статья сравнивает два случая, в которых в первый год остаются 80 % клиентов (средний отток
# 0,2): случай 1, α = 3,80, β = 15,20, где клиенты очень похожи, и случай 2, α = 0,067,
# β = 0,267, где они различаются очень сильно.

# %%
derl_paper = published("derl-2010").values
d = derl_paper["discount_rate"]
cases = {tr("case 1"): (derl_paper["case1_alpha"], derl_paper["case1_beta"]),
         tr("case 2"): (derl_paper["case2_alpha"], derl_paper["case2_beta"])}
renewals = [0, 1, 2, 3, 4, 5]
derl_table = pd.DataFrame(
    {name: [sbg_derl(alpha, beta, d, n) for n in renewals] for name, (alpha, beta) in cases.items()},
    index=pd.Index(renewals, name=tr("renewals made")),
)
for name, (alpha, beta) in cases.items():
    print(tr("{case}: first-year retention {retention}, DEL {payments} payments", case=name,
             retention=format_number(1 - alpha / (alpha + beta), 3), payments=format_number(sbg_del(alpha, beta, d), 2)))
derl_table.round(2)

# %% [markdown] key="13-the-paper-s-table"
# Таблица 3 статьи даёт DERL для клиентов с 1-го по 5-й контрактный период, то есть с 0-4
# сделанными продлениями (первые пять строк выше). Совпадение — до второго знака после запятой:
# в пределах 0,005 для случая 1 и 0,01 для случая 2, у которого опубликованные α и β сами
# округлены.

# %%
assert reproduces(derl_table.iloc[:5, 0], "derl-2010", "case1_derl")
assert reproduces(derl_table.iloc[:5, 1], "derl-2010", "case2_derl")
print(tr("DERL table reproduced: {where}", where=published("derl-2010").describe()))

# %% [markdown] key="13-in-case-2-a"
# В случае 2 оставшаяся ценность клиента растёт со сроком: с 7,7 платежа до первого продления
# до 10,2 после четырёх. Каждое продление — свидетельство того, что этот клиент из лояльных. В
# случае 1, где клиенты похожи, это свидетельство мало что меняет.

# %%
derl_chart(renewals, {name: derl_table[name].tolist() for name in cases})

# %% [markdown] key="13-what-keeping-a-customer"
# ## Сколько стоит удержать клиента, в зависимости от срока
#
# В данных статьи нет цен, поэтому предположим, что клиент группы Regular приносит 100 $ маржи в
# год (допущение) и что мы дисконтируем по ставке 10 % в год. DERL × 100 $ — это сколько сегодня
# стоит клиент, который вот-вот решит, продлевать ли договор, *в среднем по тем, кто останется,
# и тем, кто уйдёт*: DERL уже взвешивает каждый будущий платёж вероятностью того, что клиент
# будет ещё с нами, включая ближайшее продление. Поэтому это не то, сколько стоит удержать этого
# клиента. На этот вопрос отвечают три величины:
#
# - **P(продления)** = (β + n) / (α + β + n): вероятность, что клиент продлит договор сам;
# - **продливший клиент** стоит DERL / P(продления) (`value_of_a_renewal`): столько ожидается от
#   клиента, который продлил договор, с этого момента. Это предел того, сколько может стоить
#   удержание одного клиента;
# - **удержанный уходящий клиент** стоит меньше (`value_of_a_saved_leaver`). Предложение
#   удерживает тех, кто собирался уйти, а желание уйти — свидетельство высокой вероятности
#   оттока: у таких клиентов отток распределён как beta(α + 1, β + n), а не как beta(α, β + n + 1),
#   как у продливших. Если предложение меняет только это одно решение, клиент платит сейчас, а
#   потом решает с тем же оттоком.
#
# Предложение, отправленное всем клиентам с одним сроком, стоит столько, сколько продлений оно
# добавляет: прирост P(продления), умноженный на ценность удержанного уходящего клиента, в
# расчёте на каждого охваченного клиента (`retention_offer_value`). Вот предложение, которое
# повышает вероятность продления на 5 пунктов:

# %%
margin, discount, lift = 100, 0.10, 0.05
regular_fit, regular_constant = fits["Regular"], constant["Regular"]
a, b = regular_fit.alpha, regular_fit.beta
derl_value = [margin * regular_fit.derl(discount, n) for n in renewals]
saved_value = [margin * value_of_a_saved_leaver(a, b, discount, n) for n in renewals]
offer_value = [retention_offer_value(a, b, discount, n, renewal_lift=lift, margin=margin).value_per_customer
               for n in renewals]
constant_derl = [margin * regular_constant.derl(discount) for _ in renewals]
offer = pd.DataFrame(
    {
        tr("P(renew)"): [renewal_probability(a, b, n) for n in renewals],
        tr("DERL, $"): derl_value,
        tr("a renewal, $"): [margin * value_of_a_renewal(a, b, discount, n) for n in renewals],
        tr("a saved leaver, $"): saved_value,
        tr("offer +{lift}, $ per customer", lift=format_share(lift, 0)): offer_value,
        tr("constant churn DERL, $"): constant_derl,
    },
    index=pd.Index(renewals, name=tr("renewals made")),
)
offer.round(dict(zip(offer.columns, (3, 0, 0, 0, 2, 0), strict=True)))

# %%
print(tr("A Regular customer after 5 renewals is worth {derl} of margin in today's money; constant churn says "
         "{constant}.", derl=format_money(derl_value[5], "USD", decimals=0),
         constant=format_money(constant_derl[5], "USD", decimals=0)))
print(tr("Keeping one who was about to leave is worth {saved}; an offer that adds {lift} of renewals, {offer} per "
         "customer it reaches.", saved=format_money(saved_value[5], "USD", decimals=0), lift=format_share(lift, 0),
         offer=format_money(offer_value[5], "USD", decimals=2)))

# %% [markdown] key="13-check-it-on-simulated"
# Ценность предложения на одного охваченного клиента — 10-21 $, тогда как DERL — 300-600 $:
# большинство охваченных продлили бы договор и так (90 % после пяти продлений), а те немногие,
# кого оно удерживает, — как раз склонные уйти. Столько такое предложение может стоить на
# одного клиента и всё ещё окупаться; скидка, которой пользуются все продлившие, считается на
# каждого из них.
#
# ### Проверим на смоделированных клиентах
#
# Формулы опираются на историю модели sBG, поэтому проверим их там, где эта история верна:
# смоделируем 200 000 клиентов по оценённой модели Regular, у каждого — вероятность оттока,
# которая никогда не меняется, проследим за теми, кто дошёл до пяти продлений, сделаем им
# предложение и сосчитаем дисконтированные платежи каждого (`simulate_retention_offer`, с
# фиксированным seed):

# %%
sim = simulate_retention_offer(a, b, discount, 5, renewal_lift=lift, customers=200_000, seed=13)
print(tr_n("{customers} simulated customer made 5 renewals; {share} renewed on their own (P(renew) = {probability})",
           "{customers} simulated customers made 5 renewals; {share} renewed on their own (P(renew) = {probability})",
           sim.customers, customers=format_number(sim.customers), share=format_share(sim.renewal_share),
           probability=format_share(renewal_probability(a, b, 5))))
rows = (
    (tr("a renewal"), sim.renewer_value, value_of_a_renewal(a, b, discount, 5)),
    (tr("a saved leaver"), sim.saved_leaver_value, value_of_a_saved_leaver(a, b, discount, 5)),
    (tr("offer +{lift}, per customer", lift=format_share(lift, 0)), sim.value_per_customer,
     retention_offer_value(a, b, discount, 5, renewal_lift=lift, margin=1).value_per_customer),
)
width = max(len(label) for label, _, _ in rows) + 1
for label, simulated, formula in rows:
    print(tr("{label} simulated {simulated:>7} $, formula {formula:>7} $", label=label.ljust(width),
             simulated=format_number(margin * simulated, 2), formula=format_number(margin * formula, 2)))

# %% [markdown] key="13-a-critical-look-derl"
# ### Критический взгляд: DERL как цена предложения по удержанию
#
# Соблазнительно прочитать DERL × маржа как «предельную ценность предложения по удержанию для
# этого клиента» (так делала прежняя версия этого ноутбука). Это неверно в обе стороны. DERL —
# среднее по клиентам, которые продлят договор, и тем, кто уйдёт. Продливший клиент стоит больше
# DERL (698 $ против 626 $ после пяти продлений, DERL / P(продления)), и это предел ценности
# удержания одного клиента; но предложение удерживает уходящих, а они стоят меньше DERL (421 $).
# Для предложения, отправленного всем, DERL завышает ценность во много раз (626 $ против 21 $ на
# охваченного клиента): ценны только те продления, которые предложение добавляет.
#
# ### Критический взгляд: «LTV = маржа / отток» с одним оттоком на всех
#
# Статьи из ноутбуков 04 и 05 считают LTV по одному среднему коэффициенту оттока. В когортах
# вроде этих это единственное число завышено множеством ранних уходов, и оно приписывает каждому
# клиенту одно и то же будущее. Здесь оно занижает ценность каждого клиента, и тем сильнее, чем
# больше продлений он сделал: 261 $ для всех против 296 $ до первого продления и 626 $ после
# пяти. Бюджет на удержание, рассчитанный по нему, слишком мал для тех, кто остаётся дольше
# всех, и не отличает пятилетнего клиента от нового. При одном оттоке на всех удержанный
# уходящий клиент стоил бы ровно столько же, сколько продливший (никто не «из тех, кто уходит»);
# sBG говорит, что удержанный уходящий клиент стоит меньше продлившего, и после пяти продлений
# больше, чем до первого.

# %% [markdown] key="13-try-it"
# ## Попробуйте сами
#
# Двигайте α и β, чтобы увидеть разброс вероятностей оттока (слева) и кривую выживания когорты
# (справа, для сравнения — постоянный отток с тем же средним); в подписи — средний отток, доля
# оставшихся через 5 периодов, DEL и DERL (в платежах, при заданной вами ставке
# дисконтирования) для выбранного числа продлений. α = 0 недопустимо: калькулятор объяснит
# почему. Следующая ячейка печатает результат при начальных значениях (опубликованные оценки
# когорты Regular, 10 % за период, 4 продления).

# %%
calculator = sbg_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="13-exercises"
# ## Упражнения
#
# Впишите своё число вместо `None` и запустите ячейку; решения свёрнуты под каждым упражнением.
#
# **ex-13-1.** При опубликованных оценках для Regular (α = 0,704, β = 1,182) какая доля
# клиентов, продливших договор 3 раза, продлит его в 4-й раз?

# %%
answer = None
check("ex-13-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = sbg_retention_rates(0.704, 1.182, 4)[-1]
check("ex-13-1", answer)

# %% [markdown] key="13-ex-13-2"
# **ex-13-2.** Клиент High End (опубликованные α = 0,668, β = 3,806), за плечами которого 3
# продления, приносит 100 $ маржи в год. Какова сегодня его оставшаяся ценность в $ при ставке
# дисконтирования 10 % в год?

# %%
answer = None
check("ex-13-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = 100 * sbg_derl(0.668, 3.806, 0.10, 3)
check("ex-13-2", answer)

# %% [markdown] key="13-ex-13-3"
# **ex-13-3.** При опубликованных оценках для High End (α = 0,668, β = 3,806) какую долю когорты,
# по ожиданию sBG, составят подписчики в начале года 20, через восемь лет после конца данных?
# Ответ дайте долей (`0.25` для 25 %). А что говорит постоянный отток?

# %%
answer = None
check("ex-13-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = sbg_survival(0.668, 3.806, 20)[-1]
print(tr("sBG {sbg}; constant churn {constant}", sbg=format_share(answer),
         constant=format_share(constant["High End"].survival(20)[-1])))
check("ex-13-3", answer)

# %% [markdown] key="13-ex-13-4"
# **ex-13-4.** Предложение клиентам High End (опубликованные α = 0,668, β = 3,806), за плечами
# которых 3 продления, стоит 15 $ на каждого охваченного клиента, а каждое продление приносит
# 100 $ маржи. На сколько процентных пунктов оно должно повысить вероятность продления, чтобы
# окупиться, при ставке дисконтирования 10 % в год? Ответ дайте долей (`0.02` для 2 пунктов).

# %%
answer = None
check("ex-13-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = retention_offer_value(0.668, 3.806, 0.10, 3, renewal_lift=0.0, margin=100, cost_per_customer=15).break_even_lift
check("ex-13-4", answer)

# %% [markdown] key="13-ex-13-5"
# **ex-13-5.** Почему клиент, которого удержало предложение, стоит меньше, чем клиент с тем же
# сроком, продливший договор сам?

# %%
print(options("ex-13-5"))
answer = None  # буква, например "a"
check("ex-13-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # желание уйти говорит о высокой вероятности оттока, и предложение её не меняет
check("ex-13-5", answer)

# %% [markdown] key="13-summary"
# ## Итоги
#
# | идея | формула | ltvkit |
# |---|---|---|
# | доля оставшихся на начало периода t | S(t) = B(α, β + t) / B(α, β) | `sbg_survival(alpha, beta, periods)` |
# | коэффициент удержания периода t (растёт) | r(t) = (β + t − 1) / (α + β + t − 1) | `sbg_retention_rates(alpha, beta, periods)` |
# | оценка по численности оставшихся | максимальное правдоподобие: ушедшие при каждом продлении + оставшиеся | `fit_sbg(alive)`, `fit_constant_churn(alive)` |
# | DEL (в платежах, новый клиент) | ₂F₁(1, β; α + β; 1/(1 + d)) | `sbg_del(alpha, beta, discount_rate)` |
# | DERL после n продлений | (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)) | `sbg_derl(alpha, beta, discount_rate, renewals)` |
# | ценность в деньгах | маржа за период × DEL или DERL | `fit.derl(discount_rate, renewals)` × маржа |
# | продливший клиент (предел ценности удержания одного) | DERL / P(продления), P = (β + n) / (α + β + n) | `value_of_a_renewal(alpha, beta, d, renewals)` |
# | уходящий клиент, удержанный на одно продление | 1 + DERL(α + 1, β + n, d, 0) / (1 + d) | `value_of_a_saved_leaver(alpha, beta, d, renewals)` |
# | предложение всем клиентам одного срока | прирост P × ценность удержанного уходящего × маржа − затраты | `retention_offer_value(..., renewal_lift=..., margin=...)` |
# | постоянный отток, для сравнения | DERL = (1 − c) / (1 − (1 − c)/(1 + d)), одинаков на любом сроке | `fit_constant_churn(alive).derl(d)` |
#
# Растущее удержание когорты — обычно отсев, а не растущая лояльность. Единый коэффициент
# оттока прогнозирует слишком мало долгоживущих клиентов и недооценивает тех, кто остался.
# DERL уже учитывает вероятность ухода: оценивайте предложение по удержанию по тем продлениям,
# которые оно добавляет, каждое по цене удержанного уходящего клиента, и никогда по самому DERL.
# Дальше: ноутбук 14 делает то же для клиентов, которые покупают когда хотят, без договора,
# который нужно продлевать.
