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

# %% [markdown] key="16-title"
# # 16 · Итоговый кейс: куда школе направить деньги на привлечение в следующем году?
#
# После этого ноутбука вы сможете пройти путь от сырой выгрузки заказов до рекомендации по бюджету,
# проверив по дороге каждую цифру и назвав каждое допущение.
#
# **Вы узнаете**
# - как самостоятельно пройти всю цепочку: выгрузка → клиенты → LTV → LTV:CAC → решение;
# - как посчитать LTV пятью способами на одних и тех же клиентах и сказать, что измеряет каждое число;
# - как проверить прогноз на году, которого он не видел, прежде чем доверять ему решения;
# - как оценивать каналы и партнёров по стоимости *следующего* клиента, с порогами 2:1 и 3:1;
# - как написать рекомендацию, которая называет свои оговорки: причина или корреляция и разные клиенты.
#
# **Что нужно знать**: весь практикум. Больше всего ноутбуки 09 (выгрузка), 10 (партнёры и
# CAC), 11 (корреляция и причина), 13 (клиенты различаются) и 14 (BG/NBD и Gamma-Gamma).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import pandas as pd

from ltvkit import (
    LTVInputError,
    arpu_ltv,
    check,
    format_money,
    format_number,
    format_share,
    frequency_ltv,
    revenue_per_customer,
    tr,
    tr_n,
)
from ltvkit.acquisition import acquisition_table, best_source, payback_months, reallocate, source_costs, value_curves
from ltvkit.calculators import budget_allocation_calculator
from ltvkit.course.capstone import CASE
from ltvkit.course.exercises import options
from ltvkit.course.school import school_costs
from ltvkit.experiments import sample_size_per_group
from ltvkit.ltv_cac import USUAL_TARGET_RATIO, ltv_cac_summary
from ltvkit.models.bgnbd import fit_bgnbd
from ltvkit.models.by_source import fit_source_models
from ltvkit.models.forecast import new_customer_value
from ltvkit.models.gamma_gamma import fit_gamma_gamma
from ltvkit.models.history import calibration_holdout, purchase_history
from ltvkit.models.units import months
from ltvkit.orders import (
    customer_summary,
    horizon_ltv,
    load_report,
    ltv_after_window,
    partner_base,
    read_orders,
    source_labels,
    top_share,
)
from ltvkit.orders.year_over_year import year_over_year, year_over_year_by_source
from ltvkit.plots import bar_chart, holdout_by_frequency_chart, ratio_band_chart

# %% [markdown] key="16-the-case"
# ## Кейс
#
# За онлайн-школой IT-курсов из ноутбуков 09-11 два года продаж: 2023 и 2024. Клиентов ей
# привели девять источников: контекстная реклама, таргетированная реклама, органический поиск
# и шесть партнёров её партнёрской программы. Чтобы их привлечь, школа платила за рекламу,
# SEO-контент и размещения у партнёров, а каждому партнёру — комиссию с первой продажи каждого
# приведённого им клиента.
#
# Теперь руководитель маркетинга должна предложить бюджет на привлечение на следующий год: какие
# источники растить, какие оставить, какие урезать. У неё те же файлы, что и у вас в ноутбуках
# 09-11: выгрузка заказов из CRM `data/school_orders.csv`, ровно такая, какой она выходит для
# Excel, и таблица затрат отдела маркетинга `data/school_partners.csv` — сколько стоил каждый
# источник за два года:

# %%
costs = school_costs()  # read_partner_costs("../data/school_partners.csv"), тип источника — на вашем языке
print(tr("spend over 2023-2024 before commissions: {amount}", amount=format_money(costs["fixed_spend"].sum(), "RUB")))
costs[["channel", "partner", "kind", "fixed_spend", "first_sale_commission_pct", "discount_pct"]]

# %% [markdown] key="16-some-things-are-not"
# Чего-то в данных нет, и это приходится допускать. Кейс фиксирует эти допущения в
# `ltvkit.course.capstone.CASE`, чтобы все задачи опирались на одни и те же:

# %%
print(tr("gross margin: {margin} of revenue (as in notebooks 09-11)", margin=format_share(CASE.margin, 0)))
print(tr("discount rate: {rate} a year", rate=format_share(CASE.annual_discount_rate, 0)))
print(tr_n("horizon of a new customer's value: {count} month", "horizon of a new customer's value: {count} months",
           CASE.horizon_months, count=CASE.horizon_months))
print(tr("the next customer's ad spend: {multiplier} times today's average (task 5)",
         multiplier=format_number(CASE.cac_multiplier, None)))

# %% [markdown] key="16-exercises-the-case-in"
# ## Упражнения: кейс в шести задачах
#
# Каждая задача ставит вопрос, оставляет ячейку для работы и прячет под ней свёрнутое решение
# (нажмите на многоточие, чтобы его открыть). С задачи 3 ячейка заполнена частично: рутинные шаги
# написаны, а те, где нужно принять решение, оставлены строками, начинающимися с `#`, с `...` там,
# где выбираете вы; заполните их и уберите `#`. Сначала попробуйте решить задачу сами. Где
# спрашивается число, впишите его вместо `None` и выполните ячейку: `check` скажет, верно ли оно,
# или даст подсказку. Решения выполняются вместе с ноутбуком, так что следующие задачи могут
# на них опираться, как в настоящей работе.
#
# ### Задача 1 · Загрузите выгрузку как есть
#
# Прочитайте `../data/school_orders.csv` функцией `read_orders`. Её столбцы: `ID клиента` (клиент),
# `Дата оплаты` (дата), `Сумма, руб.` (сумма), `Канал` (канал) и `Партнёр` (партнёр); сохраните
# и `Номер заказа` как `order`, чтобы возвраты можно было сопоставить с их продажами. Загрузчик
# откажется читать файл. Прочитайте почему, решите, что делать с каждой отвергнутой строкой, и
# убедитесь, что ни один рубль оставленных строк не потерялся между файлом и сводкой по клиентам.
#
# **ex-16-1.** Какова чистая выручка школы за два года (покупки минус возвраты), в рублях?

# %%
# Ваша работа: прочитать, решить, сверить.
answer = None
check("ex-16-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
columns = dict(customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.", channel="Канал", partner="Партнёр",
               extra={"Номер заказа": "order"})
try:
    read_orders("../data/school_orders.csv", **columns)
except LTVInputError as error:
    print(error)

orders = read_orders("../data/school_orders.csv", **columns, on_bad_rows="skip")
print()
print(load_report(orders))
summary = customer_summary(orders, margin=CASE.margin)
print(summary.attrs["summary_report"])
assert abs(summary["revenue"].sum() - orders["amount"].sum()) < 0.01  # файл -> клиенты: ничего не потерялось
answer = orders["amount"].sum()
check("ex-16-1", answer)

# %% [markdown] key="16-the-three-refused-rows"
# Три отвергнутые строки — те же, что встретились в ноутбуке 09: два тестовых заказа без
# клиента, которые не являются продажами, и корпоративный заказ, у которого в сумме написано
# «по счёту». Пропустить его — это решение, а не исправление: скорее всего, это настоящая продажа,
# и её сумме место в учёте, как только бухгалтерия её сообщит. Для сравнения LTV по источникам
# один заказ из 9 469 ничего не меняет; отчёт сохраняет номер строки, чтобы к ней можно было
# вернуться.

# %% [markdown] key="16-task-2-one-customer"
# ### Задача 2 · Ценность одного клиента: четыре способа из практикума
#
# Прежде чем делить клиентов по источникам, оцените среднего клиента школы в валовой прибыли
# (выручка × маржа 60%) формулами первой половины практикума:
#
# 1. **простое среднее** (ноутбуки 01-02): выручка, делённая на число клиентов;
# 2. **ARPU × срок жизни** (ноутбуки 01, 04): ARPU — выручка 2024 года на клиента, покупавшего
#    в 2024 году (за год); срок жизни = 1 / отток, где отток — доля покупателей 2023 года, которые
#    не купили ничего в 2024 году (в годах);
# 3. **средний чек × покупки в год × срок жизни** (ноутбук 03): средний чек и число покупок на
#    покупателя за тот же год, тот же срок жизни;
# 4. **LTV когорты за 12 месяцев** (ноутбуки 09, 11): что клиенты принесли за первые 12 месяцев,
#    считая только тех клиентов, чьи первые 12 месяцев целиком есть в данных.
#
# `ltvkit.orders.year_over_year(orders, year=2024)` собирает составляющие для способов 2 и 3.
#
# **ex-16-2.** Каков LTV по формуле ARPU × срок жизни (валовая прибыль), в рублях?

# %%
# Ваша работа: четыре числа, каждое со своим периодом.
answer = None
check("ex-16-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
margin = CASE.margin
yoy = year_over_year(orders, year=2024)
print(tr("2023's buyers: {before}; of them bought in 2024: {kept}; churn {churn} a year, lifetime {lifetime} years",
         before=format_number(yoy.customers_before), kept=format_number(yoy.kept), churn=format_share(yoy.churn),
         lifetime=format_number(yoy.lifetime_years, 2)))
print(tr("2024: {buyers} buyers, {orders} orders, revenue {revenue}; ARPU {arpu} a year, AOV {aov}, "
         "{per_buyer} orders per buyer", buyers=format_number(yoy.buyers), orders=format_number(yoy.orders),
         revenue=format_money(yoy.revenue, "RUB"), arpu=format_money(yoy.arpu, "RUB", decimals=0),
         aov=format_money(yoy.aov, "RUB", decimals=0), per_buyer=format_number(yoy.purchases_per_customer, 2)))
ltv_12m = horizon_ltv(orders, months=12, margin=margin)
four_ways = {
    tr("simple average"): revenue_per_customer(orders["amount"].sum(), orders["customer"].nunique()) * margin,
    tr("ARPU x lifetime"): arpu_ltv(yoy.arpu, yoy.lifetime_years) * margin,
    tr("AOV x frequency x lifetime"): frequency_ltv(yoy.aov, yoy.purchases_per_customer, yoy.lifetime_years,
                                                    margin=margin),
    tr("cohorts, first 12 months"): ltv_12m.mean(),
}
for name, value in four_ways.items():
    print(f"{name:28} {format_money(value, 'RUB', decimals=0)}")
answer = four_ways[tr("ARPU x lifetime")]
check("ex-16-2", answer)

# %% [markdown] key="16-ex-16-7"
# **ex-16-7.** ARPU × срок жизни и средний чек × покупки в год × срок жизни дают одно и то же. Почему?

# %%
print(options("ex-16-7"))
answer = None  # буква, например "a"
check("ex-16-7", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # средний чек x заказы на покупателя = выручка на покупателя, то есть ARPU
check("ex-16-7", answer)

# %% [markdown] key="16-read-each-number-with"
# Читайте каждое число вместе с его подписью (ноутбук 01):
#
# - **простое среднее** — это выручка на клиента *на сегодня*. Оно смешивает клиентов, пришедших
#   в январе 2023 года, с клиентами, пришедшими на прошлой неделе, поэтому это ни год, ни вся
#   жизнь клиента;
# - **ARPU × срок жизни** и **средний чек × частота × срок жизни** совпадают до рубля, и так и
#   должно быть: средний чек, умноженный на число заказов на покупателя, *и есть* выручка на
#   покупателя. Формула из трёх множителей не даёт второго мнения; она показывает, какой множитель
#   отличается у двух групп (так её использует задача 4);
# - **LTV когорты за 12 месяцев** наблюдается, а не моделируется, но охватывает только клиентов
#   2023 года (их 1 881) и только их первый год.
#
# Каждая формула к тому же прячет допущение. ARPU × срок жизни применяет один и тот же отток ко
# всем клиентам, и оговорки в конце показывают, чего это стоит. Ни один из четырёх способов не
# скажет, что клиент, привлечённый *в следующем году*, принесёт за три года. Для этого нужна модель.

# %% [markdown] key="16-task-3-the-model"
# ### Задача 3 · Модель: проверьте её на году, которого она не видела, затем оцените нового клиента
#
# В ноутбуке 14 на данных CDNOW были подобраны BG/NBD (как часто клиенты покупают и когда
# перестают) и Gamma-Gamma (сколько они тратят за покупку). Сделайте то же для школы, в два шага.
#
# 1. **Проверка.** Сведите покупки каждого клиента до 2023-12-31 (возвраты — не покупки), в
#    неделях: `calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")`.
#    Подберите на этом BG/NBD, спрогнозируйте покупки каждого клиента 2023 года в 2024 году и
#    сравните с тем, что было на самом деле.
# 2. **Прогноз.** Подберите обе модели на всех данных (`purchase_history(orders)`) и оцените
#    клиента, который только что сделал первую покупку, на горизонте кейса — 36 месяцев, по
#    месяцам, с дисконтированием 10% в год: средняя первая покупка плюс ожидаемые повторные по
#    ожидаемому чеку, умноженные на маржу, за вычетом доли возвращённых продаж
#    (`new_customer_value`). Модель подобрана в неделях, а горизонт задан в месяцах: скажите,
#    сколько это недель.
#
# **ex-16-3.** Какова валовая прибыль нового клиента за 36 месяцев по модели, в рублях?

# %%
# Ваша работа: сначала проверка, затем прогноз. Замените каждое ... и уберите # в начале строки.
split = calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")
print(tr_n("calibration: {customers} customers of 2023; holdout: {days} day",
           "calibration: {customers} customers of 2023; holdout: {days} days", split.holdout.in_unit("days"),
           customers=format_number(len(split.calibration)), days=format_number(split.holdout.in_unit("days"))))
# calibration_fit = fit_bgnbd(...)
# expected_2024 = calibration_fit.conditional_expected_purchases(split.calibration, split.holdout)
# print(expected_2024.sum(), split.holdout_purchases.sum())  # ожидаемые и фактические покупки в 2024
history = purchase_history(orders)
# purchases, spend = fit_bgnbd(...), fit_gamma_gamma(...)
# print(CASE.horizon, "=", CASE.horizon.in_unit(purchases.time_unit), purchases.time_unit)
# answer = new_customer_value(purchases, spend, first_purchase=history.first_purchase.mean(), horizon=...,
# margin=margin, annual_discount_rate=..., refund_share=...)
answer = None
check("ex-16-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
split = calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")
calibration_fit = fit_bgnbd(split.calibration)
expected_2024 = calibration_fit.conditional_expected_purchases(split.calibration, split.holdout)
assert calibration_fit.time_unit == "weeks"  # так сводит calibration_holdout; строки ниже говорят о неделях
difference = expected_2024.sum() / split.holdout_purchases.sum() - 1
print(tr("calibration: {customers} customers of 2023, fitted in weeks; converged: {converged}",
         customers=format_number(len(split.calibration)), converged=tr("True") if calibration_fit.converged else tr("False")))
print(tr_n("their purchases in 2024 ({days} day): expected {expected}, actual {actual} ({sign}{difference})",
           "their purchases in 2024 ({days} days): expected {expected}, actual {actual} ({sign}{difference})",
           split.holdout.in_unit("days"), days=format_number(split.holdout.in_unit("days")),
           expected=format_number(expected_2024.sum()),
         actual=format_number(split.holdout_purchases.sum()), sign="+" if difference >= 0 else "-",
         difference=format_share(abs(difference))))

history = purchase_history(orders)
purchases = fit_bgnbd(history.data)
spend = fit_gamma_gamma(history.data)
assert purchases.time_unit == "weeks"
print(tr("all data: r = {r}, alpha = {alpha} weeks, a = {a}, b = {b}; converged: {converged}",
         r=format_number(purchases.r, 3), alpha=format_number(purchases.alpha, 3), a=format_number(purchases.a, 3),
         b=format_number(purchases.b, 3), converged=tr("True") if purchases.converged else tr("False")))
print(tr("spend per repeat purchase: {amount} on average; refunds {share} of purchases",
         amount=format_money(spend.population_mean_spend, "RUB", decimals=0), share=format_share(history.refund_share)))
print(tr_n("horizon: {count} month = {weeks} weeks", "horizon: {count} months = {weeks} weeks", CASE.horizon_months,
           count=CASE.horizon_months, weeks=format_number(CASE.horizon.in_unit(purchases.time_unit), 2)))
model_value = new_customer_value(purchases, spend, first_purchase=history.first_purchase.mean(), horizon=CASE.horizon,
                                 margin=margin, annual_discount_rate=CASE.annual_discount_rate,
                                 refund_share=history.refund_share)
answer = model_value
check("ex-16-3", answer)

# %% [markdown] key="16-on-the-year-it"
# На году, которого она не видела, модель ожидает на несколько процентов больше покупок, чем
# сделали клиенты 2023 года, и следует за ними группа за группой: график ставит рядом среднее
# число покупок в 2024 году у клиентов 2023 года с 0, 1, 2, ... повторными покупками и ожидание
# модели для каждой группы.

# %%
holdout_by_frequency_chart(split.calibration.frequency, split.holdout_purchases,
                           {tr("BG/NBD fitted on 2023"): expected_2024}, max_frequency=5)

# %% [markdown] key="16-now-the-five-estimates"
# Теперь пять оценок рядом. Для проверки модель даёт и первые 12 месяцев без
# дисконтирования — то, что наблюдали когорты.

# %%
model_12m = new_customer_value(purchases, spend, first_purchase=history.first_purchase.mean(), horizon=months(12),
                               margin=margin, annual_discount_rate=0.0, refund_share=history.refund_share)
five_ways = {**four_ways, tr("model, first 12 months"): model_12m, tr("model, 36 months, discounted"): model_value}
for name, value in five_ways.items():
    print(f"{name:30} {format_money(value, 'RUB', decimals=0)}")
bar_chart(list(five_ways), [round(value) for value in five_ways.values()], currency="RUB",
          title=tr("Gross LTV of a school customer, six readings"))

# %% [markdown] key="16-the-model-s-first"
# Первые 12 месяцев по модели оказываются примерно на 4% выше того, что показали когорты, так
# что некоторое доверие она заслужила. За 36 месяцев с дисконтированием новый клиент стоит
# примерно на четверть больше, чем за первый год: бóльшая часть ценности клиента приходит с первой
# покупкой и в месяцы сразу после неё. ARPU × срок жизни оказывается близко к 36 месяцам модели,
# но случайно: формула допускает, что оставшийся клиент покупает 1,4 года как средний покупатель
# 2024 года, а модель позволяет каждому клиенту отличаться и считает три дисконтированных года.

# %% [markdown] key="16-task-4-by-source"
# ### Задача 4 · По источникам: LTV, CAC, LTV:CAC и окупаемость
#
# Теперь сам вопрос. Для каждого из девяти источников (клиент относится к источнику своей первой
# покупки, как в ноутбуке 10):
#
# - **CAC** по таблице затрат (`costs`, прочитана вместе с кейсом): (реклама, контент и оплата
#   размещений + комиссии с первой продажи) / клиенты: `source_costs(partner_base(orders, costs))`;
# - **LTV** четырьмя способами: простое среднее, ARPU × срок жизни, когорты за 12 месяцев и модель
#   на 36 месяцев, с отдельной BG/NBD для каждого источника, потому что источники различаются
#   именно тем, как часто их клиенты возвращаются (`fit_source_models(orders)`; одна Gamma-Gamma на
#   всех, так как чек за покупку почти не различается между источниками);
# - **LTV:CAC** с LTV модели и его зона из ноутбука 06 (`ltvkit.planning`): до 1:1 — убыток, ниже
#   2:1 — тонко, от 2:1 — минимум статьи «Увеличение LTV партнеров: проверенные стратегии», от
#   3:1 — обычно называемая цель, выше 5:1 — возможно, на рост тратится слишком мало;
# - **окупаемость**: первый месяц, в котором клиенты источника в среднем принесли столько валовой
#   прибыли, сколько стоили (`value_curves` и `payback_months`).
#
# **ex-16-4.** Какого LTV:CAC достигает контекстная реклама (`Контекстная реклама`) с LTV модели
# за 36 месяцев и сегодняшним средним CAC? Ответьте числом (4.5 для 4,5:1).

# %%
# Ваша работа: одна строка на источник. Замените каждое ... и уберите # в начале строки.
cost_table = source_costs(partner_base(orders, costs))
print(cost_table.round(0).to_string())
# models = fit_source_models(...)
# model_ltv = models.values(horizon=CASE.horizon, margin=margin, annual_discount_rate=...)
# today = acquisition_table(model_ltv, cost_table)
# payback = payback_months(value_curves(orders, months=12, margin=margin), cost_table["cac"])
# print(today.assign(payback_month=payback)[["ltv", "cac", "ltv_to_cac", "band", "payback_month"]].round(2))
answer = None  # соотношение контекстной рекламы: today.loc[..., "ltv_to_cac"]
check("ex-16-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
cost_table = source_costs(partner_base(orders, costs))
models = fit_source_models(orders)
fits = models.fits()
parameters = fits[["r", "alpha", "a", "b"]].map(lambda value: f"{value:.4g}")  # подбор на границе большего не знает
print(parameters.join(fits[["time_unit", "converged", "customers"]]).to_string())
labels = source_labels(orders)
repeaters = history.data.frequency > 0
buyer_sources = labels.reindex(history.data.customer_ids[repeaters]).to_numpy()
repeat_spend = pd.Series(history.data.monetary[repeaters]).groupby(buyer_sources).mean()
print(tr("mean repeat purchase by source: {low} to {high}, so one Gamma-Gamma for all",
         low=format_money(repeat_spend.min(), "RUB", decimals=0), high=format_money(repeat_spend.max(), "RUB", decimals=0)))

model_ltv = models.values(horizon=CASE.horizon, margin=margin, annual_discount_rate=CASE.annual_discount_rate)
by_year = year_over_year_by_source(orders, year=2024)
methods = pd.DataFrame({
    tr("simple average"): summary["historical_ltv"].groupby(labels).mean(),
    tr("ARPU x lifetime"): by_year["arpu"] * by_year["lifetime_years"] * margin,
    tr("cohorts, 12 months"): ltv_12m.groupby(labels.reindex(ltv_12m.index)).mean(),
    tr("model, 36 months"): model_ltv,
}).rename_axis("source")
today = acquisition_table(model_ltv, cost_table)
curves = value_curves(orders, months=12, margin=margin)
sources = methods.assign(CAC=cost_table["cac"], ltv_to_cac=today["ltv_to_cac"], band=today["band"],
                         payback_month=payback_months(curves, cost_table["cac"]))
print()
print(sources.sort_values(tr("model, 36 months"), ascending=False).round(
    {**dict.fromkeys(methods.columns, 0), "CAC": 0, "ltv_to_cac": 2}).to_string())
answer = today.loc["Контекстная реклама", "ltv_to_cac"]
check("ex-16-4", answer)

# %% [markdown] key="16-what-the-table-says"
# Что говорит таблица:
#
# - **Способы расходятся в уровнях и сходятся в порядке.** Каким способом ни считай, дороже всего
#   клиенты блогера-программиста и HR-партнёра, затем органического поиска и Telegram-канала;
#   кешбэк-сервис и купонный сайт замыкают список. Решение, которое опирается на порядок,
#   надёжнее решения, которое опирается на уровень.
# - **При сегодняшнем среднем CAC каждый источник выше 3:1**, большинство — намного выше (зона
#   «возможно, в рост вкладывают слишком мало»). Значит, ни один источник не теряет деньги на
#   уже приведённых клиентах; настоящий вопрос в том, сколько будут стоить *следующие* (задача 5).
# - **Одна модель не сошлась**: у Telegram-канала a и b росли вместе, пока оптимизатор не упёрся
#   в границу. Шансы его клиентов уйти выглядят одинаковыми (около 18% после каждой покупки) —
#   это предел BG/NBD, в котором a и b бесконечны; прогноз в этом пределе всё равно конечен.
#   Такой флаг — повод присмотреться, а не выбросить число.
#
# Разброс объясняют множители ARPU: клиенты купонного сайта покупают более дешёвые курсы и редко
# возвращаются за вторым; клиенты блогера покупают чаще всех и остаются дольше всех.

# %%
print(by_year[["aov", "purchases_per_customer", "lifetime_years"]].sort_values("lifetime_years", ascending=False)
      .round({"aov": 0, "purchases_per_customer": 1, "lifetime_years": 1}).to_string())

# %%
ratio_band_chart(today["ltv_to_cac"].sort_values(ascending=False).to_dict(),
                 title=tr("LTV:CAC by source at today's average CAC"))

# %% [markdown] key="16-a-critical-look-payback"
# ### Критический взгляд: окупаемость, «равномерно распределённая по сроку жизни»
#
# Каждый источник окупается в первый же месяц: одна только первая покупка приносит больше валовой
# прибыли, чем средний CAC. Формула окупаемости из ноутбука 06, `ltv_cac_summary`, предполагает,
# что прибыль от клиента приходит равномерно за весь срок его жизни; для контекстной рекламы она
# тонко размазывает ценность 36 месяцев и находит окупаемость в несколько месяцев:

# %%
paid_search = ltv_cac_summary(ltv=model_ltv["Контекстная реклама"], cac=cost_table.loc["Контекстная реклама", "cac"],
                              lifetime_months=CASE.horizon_months)
print(paid_search.describe("RUB"))
print(tr("from the customers' own first months: {values}",
         values=curves.loc["Контекстная реклама"].round(0).head(3).to_dict()))

# %% [markdown] key="16-both-are-right-about"
# Обе правы в рамках своего допущения. Для школы, у которой самая крупная продажа обычно
# первая, честная окупаемость — по кривой когорты; формула равномерного дохода подходит подписке.

# %% [markdown] key="16-task-5-the-next"
# ### Задача 5 · Следующий клиент — не средний
#
# CAC выше — средние за два года. Больший бюджет покупает более дорогих клиентов: самые дешёвые
# клики и размещения уже куплены, поэтому каждый дополнительный клиент требует больше рекламных
# расходов, чем средний. С комиссией партнёра иначе: она платится с продажи, поэтому следующий
# клиент стоит ту же комиссию, что и предыдущий. Кейс допускает, что рекламные расходы на
# следующего клиента вдвое выше сегодняшнего среднего (`CASE.cac_multiplier`).
#
# Пересчитайте LTV:CAC при этом *предельном* CAC с помощью `acquisition_table(model_ltv, cost_table,
# cac_multiplier=2)`. Какие источники опускаются ближе всего к 3:1? Затем переверните вопрос: во
# сколько раз рекламные расходы на следующего клиента контекстной рекламы могут превысить
# сегодняшние на одного клиента, прежде чем её LTV:CAC опустится до 3:1?
#
# **ex-16-5.** Этот множитель для контекстной рекламы (`Контекстная реклама`): во сколько раз
# больше сегодняшних рекламных расходов на клиента может стоить следующий клиент, чтобы LTV:CAC
# оставался на уровне 3:1 или выше?

# %%
# Ваша работа: таблица при предельном CAC, затем множитель безубыточности. Замените каждое ... и уберите #.
# marginal = acquisition_table(model_ltv, cost_table, cac_multiplier=...)
# print(marginal.sort_values("ltv_to_cac", ascending=False)[["ltv", "cac", "ltv_to_cac", "band"]].round(2))
spend_search = cost_table.loc["Контекстная реклама", "fixed_per_customer"]  # контекстная реклама не платит комиссий
print(tr("paid search's ad spend per customer today: {amount}", amount=format_money(spend_search, "RUB", decimals=0)))
# LTV:CAC равен 3:1, когда LTV / (расходы на клиента x множитель) = 3; найдите множитель:
# answer = ...
answer = None
check("ex-16-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
marginal = acquisition_table(model_ltv, cost_table, cac_multiplier=CASE.cac_multiplier)
print(marginal.sort_values("ltv_to_cac", ascending=False).round(
    {"ltv": 0, "cac": 0, "ltv_to_cac": 2, "net_per_customer": 0, "profit_per_rouble": 2, "headroom": 2}).to_string())
print(tr("best next rouble at CAC x{multiplier}: {source}", multiplier=format_number(CASE.cac_multiplier, None),
         source=best_source(marginal)))
ltv_search = model_ltv["Контекстная реклама"]
spend_search = cost_table.loc["Контекстная реклама", "fixed_per_customer"]  # контекстная реклама не платит комиссий
answer = ltv_search / USUAL_TARGET_RATIO / spend_search
assert abs(answer - marginal.loc["Контекстная реклама", "headroom"]) < 1e-9
check("ex-16-5", answer)

# %% [markdown] key="16-ex-16-8"
# **ex-16-8.** Когда рекламные расходы на следующего клиента удваиваются, LTV:CAC кешбэк-сервиса
# не меняется вовсе, а у платных каналов падает сильнее всех. Почему?

# %%
print(options("ex-16-8"))
answer = None  # буква, например "a"
check("ex-16-8", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # множитель действует на рекламу и оплату размещений; комиссия платится с продажи
check("ex-16-8", answer)

# %% [markdown] key="16-with-the-next-customer"
# Когда рекламные расходы на следующего клиента удвоены, оба платных канала переходят из зоны
# «возможно, в рост вкладывают слишком мало» к уровню чуть выше 3:1; запас у них
# самый маленький из всех девяти. Источники, которым платят в основном комиссией, почти не сдвигаются, а
# кешбэк-сервис не сдвигается совсем, потому что постоянных расходов у него нет. Органический поиск
# остаётся первым, но его CAC — самое ненадёжное число в таблице (см. оговорки). «Отдача на
# рубль» (`profit_per_rouble`, LTV:CAC − 1) — критерий для бюджета: когда не хватает именно денег,
# следующий рубль должен идти туда, где он возвращает больше всего.

# %%
ratio_band_chart(marginal["ltv_to_cac"].sort_values(ascending=False).to_dict(),
                 title=tr("LTV:CAC of the next customer (ad spend x{multiplier})",
                          multiplier=format_number(CASE.cac_multiplier, None)))

# %% [markdown] key="16-task-6-recommend-with"
# ### Задача 6 · Рекомендация: с числом и с оговорками
#
# Напишите руководителю рекомендацию: куда пойдёт следующий рубль, что урезать в первую очередь, в
# чём вы не уверены и как она могла бы это выяснить. Затем подкрепите её одной цифрой. Допустим,
# 1 000 000 ₽ переходит из контекстной рекламы в Telegram-канал (больше платных постов), оба — по CAC
# следующего клиента из задачи 5, и допустим, клиенты идут за деньгами.
#
# **ex-16-6.** Сколько дополнительной валовой прибыли за 36 месяцев (с дисконтированием, в рублях)
# получит школа от клиентов, которых купит этот миллион? Используйте
# `reallocate(marginal, source_from=..., source_to=..., amount=...)`.

# %%
# Ваша работа: рекомендация в нескольких предложениях и цифра.
answer = None
check("ex-16-6", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
move = reallocate(marginal, source_from="Контекстная реклама", source_to="tg_data_digest", amount=1_000_000)
print(tr("paid search: {customers} fewer customers, worth {value}", customers=format_number(move.customers_lost),
         value=format_money(move.value_lost, "RUB", decimals=0)))
print(tr("Telegram channel: {customers} more customers, worth {value}", customers=format_number(move.customers_gained),
         value=format_money(move.value_gained, "RUB", decimals=0)))
answer = move.profit_change
check("ex-16-6", answer)

# %% [markdown] key="16-the-recommendation"
# ## Рекомендация
#
# Один из возможных ответов на задачу 6; вы можете расставить акценты иначе.
#
# 1. **Бюджет в целом можно увеличить.** При сегодняшнем среднем CAC каждый источник выше 5:1 —
#    зона, которая говорит, что школа, возможно, тратит на привлечение клиентов слишком мало, и
#    семь из девяти остаются выше 5:1, даже когда рекламные расходы на следующего клиента
#    удваиваются. Вопрос не столько «что урезать», сколько «куда пойдут следующие рубли и как
#    быстро».
# 2. **Растите партнёров, чьи клиенты возвращаются: HR-партнёра, Telegram-канал и
#    блогера-программиста.** Их клиенты стоят больше всех за 36 месяцев (35-43 тысячи рублей
#    валовой прибыли каждый), и они остаются между 6,5:1 и 8:1, даже когда рекламные расходы на
#    следующего клиента удваиваются. Их аудитории невелики (по 100-130 новых клиентов в год у
#    каждого), поэтому растите их постепенно и платите им за то, что делает их ценными: долю с
#    повторных продаж (сначала оцените её по схеме комиссии из ноутбука 10).
# 3. **Возьмите деньги с края контекстной и таргетированной рекламы.** Они приводят больше всего
#    клиентов (1 618 из 4 376) и в среднем всё ещё выше 3:1, но следующий клиент там приносит
#    меньше всего на рубль, и запас до 3:1 у них самый маленький. Урезайте сначала самые дорогие
#    кампании, а не каналы целиком. Арифметика задачи 6: каждый миллион, переведённый из
#    контекстной рекламы в Telegram-канал, покупает около 206 клиентов вместо 111, и за три года
#    они стоят примерно на 3,9 миллиона рублей больше, если клиенты идут за деньгами.
# 4. **Не растите купонный сайт и кешбэк-сервис на основании этих соотношений.** Их соотношения
#    выглядят хорошо, потому что их клиенты дёшевы; каждый клиент стоит мало (8,7 и 15,1 тысячи), а
#    купоном легко воспользуется тот, кто купил бы и так. Тест с контрольной группой из ноутбука 10
#    это и показал: если считать только добавленных ими клиентов, купонный сайт приносит убыток, а
#    кешбэк-сервис едва окупается. Сначала измените их условия (комиссия только за клиентов, новых
#    для школы, без промокода для тех, у кого уже есть аккаунт) и откажитесь от купонного сайта,
#    если второй тест подтвердит первый.
# 5. **Сохраните бюджет на SEO-контент и проверьте, прежде чем его увеличивать.** У органического
#    поиска лучшее соотношение из всех — и самое неопределённое.
# 6. **Проводите это как эксперимент, а не как ставку**: переводите деньги шагами, оставляйте
#    часть недель или регионов без изменений как контроль, дайте каждому партнёру собственный
#    промокод и каждый квартал пересчитывайте задачи 3-5 этого ноутбука на новых данных.
#
# ### Оговорка 1 · Корреляция — не причина (ноутбук 11)
#
# Всё выше описывает клиентов, которых каждый источник *привёл*. Решению о бюджете нужно знать,
# что принесут *дополнительные деньги*, а этого данные сказать не могут. CAC органического поиска
# делит бюджет на контент на всех, кто пришёл из поиска, но многие из них нашли бы школу и без
# нового контента; купонному сайту засчитаны покупатели, которые уже всё решили (сколько их,
# ноутбук 10 измерил тестом с контрольной группой). Клиенты блогера
# могут быть ценными из-за того, кто они (мотивированные программисты), и это нормально, пока
# следующие похожи на них. Причину от связи отделяет только эксперимент, который меняет расходы и
# следит за клиентами, как это сделала симуляция для вовлечённости в ноутбуке 11.
#
# ### Оговорка 2 · Клиенты различаются (ноутбук 13)
#
# Средние здесь прячут две вещи. Во-первых, один отток для всех, как в ARPU × срок жизни,
# смешивает разных клиентов: среди покупателей 2023 года те, кто купил в том году дважды или
# больше, в 2024 году уходили реже, чем купившие один раз. Каждая покупка — свидетельство того,
# что клиент из лояльных, поэтому отток падает с ростом стажа клиента, как это было в ноутбуке 13:

# %%
bought_2023 = orders[(orders["date"].dt.year == 2023) & (orders["amount"] >= 0)].groupby("customer").size()
for group, customers in ((tr("one purchase in 2023"), bought_2023.index[bought_2023 == 1]),
                         (tr("two or more in 2023"), bought_2023.index[bought_2023 >= 2])):
    part = year_over_year(orders[orders["customer"].isin(customers)], year=2024)
    print(tr("{group}: {customers} customers, churn into 2024 {churn}, lifetime {lifetime} years",
             group=f"{group:21}", customers=format_number(part.customers_before), churn=format_share(part.churn),
             lifetime=format_number(part.lifetime_years, 2)))

# %% [markdown] key="16-second-within-every-source"
# Во-вторых, внутри каждого источника ценность держат немногие клиенты. Лучшие 10% клиентов
# каждого источника приносят от трети до половины его валовой прибыли за первый год:

# %%
top_tenth = ltv_12m.groupby(labels.reindex(ltv_12m.index)).apply(top_share, 0.10)
print(top_tenth.sort_values(ascending=False).map(format_share).to_string())

# %% [markdown] key="16-caveat-3-the-assumptions"
# Так что LTV источника — среднее по нескольким крупным покупателям и многим мелким. Если
# дополнительные деньги доходят до меньшего числа крупных (самые заинтересованные обычно приходят
# первыми), следующие клиенты не только стоят дороже, но и приносят меньше среднего. Множитель ×2
# из задачи 5 учитывает только сторону затрат; читайте соотношения для следующего клиента как
# верхние оценки.
#
# ### Оговорка 3 · Допущения
#
# Маржа, горизонт и ×2 — допущения; калькулятор ниже позволяет их менять. Органический поиск
# остаётся первым в широком диапазоне. С ростом множителя поднимаются источники, которым платят
# комиссией (кешбэк-сервис, купонный сайт), потому что их стоимость клиента не растёт — если их
# объём вообще может расти. Останется ли контекстная реклама выше 3:1 для следующего клиента,
# зависит от допущений, и это ещё один довод урезать её сначала на краю и следить за ней.

# %% [markdown] key="16-try-it"
# ## Попробуйте сами
#
# Задайте маржу, во сколько раз рекламные расходы на следующего клиента выше сегодняшнего среднего
# и сколько месяцев ценности нового клиента учитывать. Подпись называет источник, где следующий
# рубль возвращает больше всего, сколько источников ещё достигают 3:1 и 2:1, и самый слабый из них;
# график помещает каждый источник на зоны из ноутбука 06. Маржа выше 100% и множитель 0 отвергаются
# с объяснением причины. Калькулятор использует модели, подобранные в задаче 4; следующая ячейка
# печатает его результат при допущениях кейса.

# %%
calculator = budget_allocation_calculator(models, cost_table)
calculator

# %%
print(calculator.result_text)

# %%
# Прежде чем сообщать цифру, заполните её чек-лист (ноутбук 02). Это ценность нового клиента по модели
# из задачи 3; для ваших данных замените цифру и каждую подпись на то, чем является ваша цифра.
from ltvkit.course.checklist import ltv_checklist

print(ltv_checklist(
    round(model_value),  # в целых рублях, как кейс сообщает свои цифры
    currency="RUB",
    period=tr_n("a new customer's first {count} month", "a new customer's first {count} months", CASE.horizon_months,
                count=CASE.horizon_months),
    measure="gross profit",
    cac="before CAC",
    discount_rate=tr("{rate} a year", rate=format_share(CASE.annual_discount_rate, 0)),
    horizon=tr_n("{count} month ahead, in monthly steps", "{count} months ahead, in monthly steps", CASE.horizon_months,
                 count=CASE.horizon_months),
    cohort_age=tr("the models fitted on every customer of 2023-2024 (up to two years watched)"),
    statistic="mean",
))

# %% [markdown] key="16-summary-the-workbook-on"
# ## Итоги: практикум на одной карточке
#
# | шаг | формула | ltvkit | ноутбук |
# |---|---|---|---|
# | простейший LTV | выручка / клиенты | `revenue_per_customer(revenue, customers)` | 01 |
# | базовый LTV | ARPU × срок жизни (один период в обоих) | `arpu_ltv(arpu, lifetime)` | 01 |
# | исторический LTV | Σ покупок × маржа − CAC − расходы на удержание | `historical_ltv(purchases, margin=...)` | 02 |
# | три множителя | средний чек × покупки за период × срок жизни × маржа | `frequency_ltv(...)` | 03 |
# | отток и срок жизни | отток = ушедшие / бывшие на начало; срок жизни = 1 / отток; S(t) = (1 − отток)^t | `churn_rate`, `lifetime_from_churn`, `survival_curve` | 04 |
# | подписка и дисконтирование | цена × маржа × срок жизни; Σ маржа × r^t / (1 + d)^t | `subscription_ltv`, `discounted_ltv` | 05 |
# | LTV:CAC и окупаемость | LTV / CAC (минимум 2:1, обычно 3:1); CAC / маржа за период | `ltv_to_cac`, `ltv_cac_summary`, `ltv_cac_verdict` | 06 |
# | бюджет из LTV | клиенты = (затраты + прибыль) / LTV без НДС | `budget_plan(...)` | 07 |
# | рычаги | LTV — произведение: изменение одного множителя меняет LTV пропорционально | `lever_sensitivity(...)` | 08 |
# | из выгрузки | одна строка на клиента; когорты; LTV на фиксированном горизонте | `read_orders`, `customer_summary`, `cohort_table`, `horizon_ltv` | 09 |
# | по источникам | CAC = (постоянные расходы + комиссии) / клиенты; чистый LTV = валовой LTV − CAC − комиссии с повторных продаж | `partner_economics(partner_base(...), margin=...)` | 10 |
# | причина или корреляция | метрика, которая предсказывает LTV, не обязательно его повышает | `metric_table`, `naive_lift` | 11 |
# | клиенты различаются | S(t) = B(α, β + t) / B(α, β); DERL растёт со стажем клиента | `fit_sbg`, `sbg_derl` | 13 |
# | будущее каждого клиента | покупки BG/NBD × чек Gamma-Gamma × маржа, с дисконтированием, в названных единицах | `fit_bgnbd`, `fit_gamma_gamma`, `customer_lifetime_value` | 14 |
# | следующий рубль | LTV / (рекламные расходы × множитель + комиссия); перевод денег = потерянные и приобретённые клиенты | `acquisition_table`, `best_source`, `reallocate` | 16 |
#
# Каждому LTV нужны подписи: валюта, период, выручка или прибыль, на кого. Каждому решению нужны
# его допущения, записанные рядом, и оценённый следующий клиент, а не средний.

# %% [markdown] key="16-where-next"
# ## Что дальше
#
# - **Ваши собственные данные.** `read_orders` читает выгрузку вашей CRM или магазина (`;` или `,`,
#   десятичная запятая или точка, cp1251 или UTF-8, файлы Excel); передайте ему названия ваших
#   столбцов и прочитайте его отчёт. Задачи 1-5 после этого работают как есть, с вашей таблицей
#   затрат вместо школьной.
# - **Проверяйте план.** Переводите бюджеты шагами, с контролем, и каждый квартал пересчитывайте
#   задачи 3-5: проверка на периодах калибровки и контроля из задачи 3 скажет, описывает ли модель
#   ваших клиентов по-прежнему.
# - **За пределами привлечения: гипотеза и эксперимент, который её проверит.** В ноутбуке 11
#   клиенты, проводившие больше времени с продуктом, стоили больше, и в симулированной школе время
#   с продуктом действительно увеличивает покупки, потому что мы её так построили. Для настоящей
#   школы это гипотеза: мотивированные люди и учатся больше, и покупают больше, поэтому корреляция
#   не может сказать, добавит ли продажу онбординг, который вовлекает новых клиентов в учёбу.
#   Проверьте это:
#   - *кто*: каждый новый клиент при первой покупке случайно (по хешу ID клиента) попадает в новый
#     онбординг или в сегодняшний, поровну;
#   - *что*: план обучения и напоминания в первые 30 дней;
#   - *первая проверка*: изменилось ли то, на что он нацелен? Время с продуктом в первые 30 дней,
#     опытная группа против контрольной (большой эффект на малой выборке виден быстро);
#   - *метрика, которая решает*: валовая прибыль на клиента с 30-го дня до 6-го месяца
#     (`ltv_after_window`) — ценность, которую месяц онбординга не может посчитать дважды;
#   - *как долго*: набирать, пока в каждой группе не окажется указанное ниже число клиентов,
#     затем наблюдать последних шесть месяцев;
#   - *сколько*: `sample_size_per_group` по разбросу метрики в данных школы, для роста на 10%,
#     20% или 30% (двусторонний тест на уровне 5%, мощность 80%). Метрика «да или нет» — купит ли
#     клиент снова за это время — меньше колеблется относительно своего среднего, поэтому ей нужно
#     меньше клиентов:

# %%
later_value = ltv_after_window(orders, window_days=30, months=6, margin=margin)
bought_again = (later_value > 0).astype(float)
new_per_year = int((orders[orders["amount"] >= 0].groupby("customer")["date"].min().dt.year == 2024).sum())
rows = []
for name, values in ((tr("gross profit, day 30 to month 6, RUB"), later_value),
                     (tr("bought again, day 30 to month 6 (share)"), bought_again)):
    for rise in (0.10, 0.20, 0.30):
        per_group = sample_size_per_group(sd=values.std(ddof=1), effect=rise * values.mean())
        rows.append({tr("metric"): name, tr("control mean"): values.mean(), tr("rise to detect"): rise,
                     tr("customers per group"): per_group, tr("years of new customers"): 2 * per_group / new_per_year})
print(tr("new customers in 2024: {count}", count=format_number(new_per_year)))
pd.DataFrame(rows).round({tr("control mean"): 3, tr("years of new customers"): 1})

# %% [markdown] key="16-at-the-school-s"
# При размере школы рост ценности на 10% стал бы виден лишь за восемь-девять лет новых клиентов,
# а за один год обнаруживается только рост примерно на 30%; рост доли купивших снова на 20% виден
# в пределах года. Поэтому проверяйте смелое изменение, а не маленькое, читайте первую проверку
# рано, решайте по доле купивших снова и подтверждайте по ценности по мере накопления данных; не
# внедряйте онбординг на основании корреляции.
#
# - **Другие решения, с ценой.** Ноутбук 13 оценивает предложение по удержанию по продлениям,
#   которые оно добавляет; ноутбук 10 оценивает комиссию с повторных продаж и измеряет
#   добавленных партнёром клиентов тестом с контрольной группой.
# - **Что почитать.** Статьи Фейдера и Харди, на которых построены ноутбуки 13-14 («How to project
#   customer retention», 2007; «Customer-base valuation in a contractual setting», 2010; «Counting
#   your customers the easy way», 2005; «RFM and CLV», 2005), и их заметки, где выводится каждая
#   формула, использованная здесь.
