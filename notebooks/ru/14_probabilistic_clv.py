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

# %% [markdown] key="14-title"
# # 14 · Вероятностный CLV: BG/NBD и Gamma-Gamma на данных CDNOW
#
# *Продвинутый трек: для тех, кто прошёл ноутбуки 09 и 13.*
#
# После этого ноутбука вы сможете прогнозировать покупки и траты каждого клиента только по его
# истории, проверять прогноз на контрольном периоде и сравнивать его с более простыми формулами.
#
# **Вы узнаете**
# - как BG/NBD превращает частоту, давность и возраст клиента в P(alive) и ожидаемые будущие покупки;
# - как Gamma-Gamma подтягивает средний чек клиента к среднему чеку всех клиентов;
# - как воспроизвести опубликованные оценки обеих моделей на данных CDNOW;
# - какая из формул практикума лучше всех предсказывает траты каждого клиента в контрольном периоде
#   и почему важно, какой мерой ошибки её судить;
# - как посчитать CLV отдельного клиента, указав единицу каждого срока.
#
# **Что нужно знать**: ноутбук 03 (средний чек × частота × срок жизни), ноутбук 09 (сводка по
# клиентам из выгрузки заказов) и ноутбук 13 (клиенты разные).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import numpy as np
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
from ltvkit.calculators import customer_forecast_calculator
from ltvkit.models.bgnbd import fit_bgnbd, frequency_recency_matrix
from ltvkit.models.cdnow import cdnow_calibration_holdout, read_cdnow_orders
from ltvkit.models.gamma_gamma import customer_lifetime_value, fit_gamma_gamma
from ltvkit.models.published import published, published_cdnow_models, reproduces
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.tracking import (
    expected_repeat_transactions,
    probability_alive_history,
    repeat_transactions_by_period,
)
from ltvkit.models.uncertainty import clv_intervals
from ltvkit.models.units import months, weeks, years
from ltvkit.money import format_statistic
from ltvkit.plots import (
    frequency_recency_heatmap,
    holdout_by_frequency_chart,
    method_error_chart,
    repeat_histogram_chart,
)
from ltvkit.plots.models import alive_history_chart, tracking_chart

# %% [markdown] key="14-cdnow-39-weeks-to"
# ## CDNOW: 39 недель на обучение, 39 недель на проверку
#
# CDNOW продавал компакт-диски через интернет. В выборке 2 357 клиентов, сделавших первую покупку
# в первом квартале 1997 года, и все их покупки до конца июня 1998 года (суммы в долларах США).
# Fader, Hardie & Lee работают с ней в статье “Counting your customers the easy way” («Считаем
# клиентов простым способом», Marketing Science, 2005): недели 1-39 — период калибровки, на котором
# модели учатся, недели 40-78 — контрольный период, на котором их проверяют.
#
# Моделям нужны четыре числа на клиента, в неделях: **частота** x (повторные покупки, после
# первой), **давность** t_x (когда была последняя повторная покупка, считая от первой), **возраст**
# T (от первой покупки до конца 39-й недели) и, для трат, **zbar** — средний чек повторной покупки.
# Опубликованная сводка по этим клиентам (она поставляется с пакетом `lifetimes`, по данным Fader и
# Hardie) — файл `cdnow_customers_summary_with_transactions.csv`; мы собираем её заново из покупок
# функцией `customer_summary` из ноутбука 09, добавляем контрольный период и проверяем, что обе
# сводки совпадают.

# %%
published_summary = pd.read_csv("../data/cdnow/cdnow_customers_summary_with_transactions.csv")
data = RFMSummary.from_frame(published_summary, frequency="x", recency="t_x", T="T", monetary="zbar",
                             time_unit="weeks", currency="USD", customer_id="ID")
split = cdnow_calibration_holdout("../data/cdnow/CDNOW_sample.txt")
rebuilt = split.calibration
assert np.array_equal(rebuilt.customer_ids, data.customer_ids)
assert np.array_equal(rebuilt.frequency, data.frequency)
for name in ("recency", "T", "monetary"):  # в опубликованном файле числа округлены до двух знаков
    assert np.max(np.abs(getattr(rebuilt, name) - getattr(data, name))) <= 0.005 + 1e-9, name
print(tr("{customers} customers, {repeaters} with repeat purchases in weeks 1-39, {repeats} repeat purchases; "
         "holdout: {holdout}, {purchases} purchases worth {spend}",
         customers=format_number(len(data)), repeaters=format_number(int((data.frequency > 0).sum())),
         repeats=format_number(int(data.frequency.sum())), holdout=split.holdout,
         purchases=format_number(int(split.holdout_purchases.sum())), spend=format_money(split.holdout_spend.sum(), "USD")))

# %% [markdown] key="14-bg-nbd-who-is"
# ## BG/NBD: кто ещё покупает и сколько
#
# История, которую рассказывает BG/NBD: пока клиент «жив», он покупает со своей постоянной
# интенсивностью λ (покупок в неделю, в случайные моменты); после каждой повторной покупки он может
# уйти насовсем — со своей вероятностью p. Интенсивности у клиентов разные и распределены как
# gamma(r, α), вероятности ухода — как beta(a, b). Кто ушёл, мы не видим никогда: клиент, который
# перестал покупать, мог уйти, а мог просто ещё не дойти до следующей покупки. Модель взвешивает
# оба варианта по x, t_x и T.
#
# Четыре параметра подбираются методом максимального правдоподобия, причём правдоподобие считается
# в логарифмах (`ltvkit.models.bgnbd`). Статья сообщает r = 0,243, α = 4,414, a = 0,793, b = 2,426
# и логарифм правдоподобия −9 582,4 для этого периода калибровки (в тексте эмпирического анализа
# CDNOW и на рисунке с её таблицей Excel; отдельной таблицы оценок в статье нет). Мы совпадаем до
# последнего напечатанного знака:

# %%
purchases = fit_bgnbd(data)
print(tr("r = {r}, alpha = {alpha} weeks, a = {a}, b = {b}; log-likelihood {log_likelihood}; converged: {converged}",
         r=format_number(purchases.r, 3), alpha=format_number(purchases.alpha, 3), a=format_number(purchases.a, 3),
         b=format_number(purchases.b, 3), log_likelihood=format_number(purchases.log_likelihood, 1),
         converged=tr("True") if purchases.converged else tr("False")))
for name in ("r", "alpha", "a", "b", "log_likelihood"):
    assert reproduces(getattr(purchases, name), "bgnbd-cdnow", name), name
print(tr("Reproduces: {citation}", citation=published("bgnbd-cdnow").citation))

# %% [markdown] key="14-how-sure-are-these"
# Насколько надёжны эти четыре числа? Подгонка сообщает и стандартную ошибку каждого — по кривизне
# логарифма правдоподобия в его максимуме, — и 95-процентный интервал (на логарифмической шкале,
# чтобы он оставался положительным). r определён примерно с точностью ±10 %; b, который говорит,
# насколько у клиентов различается шанс уйти, — лишь с точностью до множителя около 1,8 в обе
# стороны. Диагностика говорит, что подгонке можно доверять: градиент в оптимуме равен нулю, и ни
# одна оценка не упёрлась в границу поиска (в ноутбуке 15 есть подгонка, которая эти проверки не
# проходит).

# %%
print(tr("converged: {converged}; gradient at the optimum below 1e-6: {flat}; Hessian condition number {condition}",
         converged=tr("True") if purchases.converged else tr("False"),
         flat=tr("True") if purchases.diagnostics.gradient_norm < 1e-6 else tr("False"),
         condition=format_statistic(purchases.diagnostics.hessian_condition, 0)))
purchases.summary().round(3)

# %% [markdown] key="14-carries-the-time-unit"
# В α заложена единица времени. Если подогнать модель на тех же клиентах, но считать время в днях,
# r, a и b не изменятся, а α станет в 7 раз больше: модель та же, поменялись только часы. Поэтому
# у каждого результата ниже указана его единица.

# %%
in_days = fit_bgnbd(data.in_unit("days"))
print(tr("fitted in days: r = {r}, alpha = {alpha} days (= {alpha_weeks} weeks), a = {a}, b = {b}",
         r=format_number(in_days.r, 3), alpha=format_number(in_days.alpha, 2),
         alpha_weeks=format_number(in_days.alpha / 7, 3), a=format_number(in_days.a, 3), b=format_number(in_days.b, 3)))

# %% [markdown] key="14-a-first-check-of"
# Первая проверка согласия: сколько клиентов сделали 0, 1, 2, ... повторных покупок в периоде
# калибровки — и сколько их ожидает модель для клиентов такого возраста.

# %%
top = 7
actual_counts = np.bincount(np.minimum(data.frequency, top).astype(int), minlength=top + 1)
repeat_histogram_chart(actual_counts, purchases.expected_repeat_histogram(data, top))

# %% [markdown] key="14-expected-holdout-purchases-against"
# ## Ожидаемые покупки в контрольном периоде и то, что клиенты сделали на деле
#
# Для каждого клиента модель даёт E[Y(39 недель) | x, t_x, T] — число покупок, ожидаемое в
# контрольные недели 40-78.

# %%
expected_purchases = purchases.conditional_expected_purchases(data, weeks(39))
actual_purchases = split.holdout_purchases
zero = data.frequency == 0
change = expected_purchases.sum() / actual_purchases.sum() - 1
print(tr("holdout purchases: expected {expected}, actual {actual} ({change})",
         expected=format_number(expected_purchases.sum()), actual=format_number(actual_purchases.sum()),
         change=("+" if change >= 0 else "") + format_share(change)))
print(tr_n("the {customers} customer with no repeat purchase: expected {expected} holdout purchases each, actual {actual}",
           "the {customers} customers with no repeat purchase: expected {expected} holdout purchases each, actual {actual}",
           int(zero.sum()), customers=format_number(int(zero.sum())),
           expected=format_number(expected_purchases[zero].mean(), 2), actual=format_number(actual_purchases[zero].mean(), 2)))
holdout_by_frequency_chart(data.frequency, actual_purchases, {tr("BG/NBD expected"): expected_purchases})

# %% [markdown] key="14-tracking-the-cohort-over"
# В разбивке по частоте в периоде калибровки модель повторяет рост фактических средних и в
# большинстве групп идёт чуть ниже них — в том числе в самой большой группе, у клиентов, которые
# в неделях 1-39 больше не покупали. В сумме она ожидает примерно на 12 % меньше покупок в
# контрольном периоде, чем было: клиенты CDNOW в неделях 40-78 покупали чуть больше, чем обещали
# их первые 39 недель.
#
# ## Когорта на протяжении 78 недель
#
# Проверочный рисунок из статьи о BG/NBD: повторные покупки когорты нарастающим итогом неделя за
# неделей, факт против модели, через период калибровки и дальше в контрольный период (правее серой
# линии). Кривая модели складывает E[X(t)] всех клиентов, начиная с недели их первой покупки.

# %%
orders = read_cdnow_orders("../data/cdnow/CDNOW_sample.txt")
tracking = repeat_transactions_by_period(orders, start="1997-01-01", periods=78)
model_weeks = expected_repeat_transactions(purchases, tracking.first_purchase, 78, weeks(1))
print(tr("cumulative repeat transactions at week 39: actual {actual_39}, BG/NBD {model_39}; "
         "at week 78: actual {actual_78}, BG/NBD {model_78}",
         actual_39=format_number(tracking.repeat_transactions[:39].sum()), model_39=format_number(model_weeks[:39].sum()),
         actual_78=format_number(tracking.repeat_transactions.sum()), model_78=format_number(model_weeks.sum())))
tracking_chart(tracking.repeat_transactions, {"BG/NBD": model_weeks}, split=39,
               title=tr("CDNOW: cumulative repeat transactions, weeks 1-78"))

# %% [markdown] key="14-probability-alive-and-the"
# Модель точно следует за неделями калибровки и отстаёт в контрольном периоде: та самая нехватка
# в итоге контрольного периода, которую мы видели выше, теперь по неделям.
#
# ## Вероятность быть «живым» и картина частоты и давности
#
# P(alive) зависит от частоты и давности вместе. Клиент, у которого много покупок, но последняя
# была давно, скорее всего ушёл: для него молчание в несколько месяцев необычно. Клиент с одной
# давней покупкой может просто покупать редко. Карта показывает P(alive) для клиентов, пришедших
# 39 недель назад.

# %%
grid, alive = frequency_recency_matrix(purchases, age=weeks(39), max_frequency=20)
frequency_recency_heatmap(alive, max_recency=grid[-1], time_unit=purchases.time_unit,
                          title=tr("P(alive), customers 39 weeks old"), colourbar="P(alive)", percent=True)

# %% [markdown] key="14-the-same-grid-with"
# Та же сетка, но с ожидаемыми покупками за следующие 39 недель: лучшие клиенты — в правом нижнем
# углу (много покупок, последняя недавно).

# %%
grid, expected = frequency_recency_matrix(purchases, age=weeks(39), max_frequency=20, horizon=weeks(39))
frequency_recency_heatmap(expected, max_recency=grid[-1], time_unit=purchases.time_unit,
                          title=tr("Expected purchases in the next 39 weeks"), colourbar=tr("purchases per customer"))

# %% [markdown] key="14-beyond-the-mean-the"
# ## Не только среднее: всё распределение и P(alive) во времени
#
# Модель даёт больше, чем ожидаемое значение: вероятность каждого числа покупок. Для клиента CDNOW
# № 1 (2 повторные покупки, последняя на 30,4-й неделе из 38,9) на следующие 39 недель.
# Вероятности в сумме дают 1, а их среднее — это ожидаемое значение, посчитанное выше.

# %%
customer_one = RFMSummary.create(frequency=[2], recency=[30.43], T=[38.86], time_unit="weeks")
distribution = purchases.conditional_probability_of_purchases(customer_one, weeks(39), 300)[0]
assert abs(distribution.sum() - 1) < 1e-9
assert abs(distribution @ np.arange(301) - purchases.conditional_expected_purchases(customer_one, weeks(39))[0]) < 1e-8
print(tr("P(n purchases in the next 39 weeks): {shares} ; 6 or more: {rest}",
         shares=", ".join(f"{n}: {format_number(p, 3)}" for n, p in enumerate(distribution[:6])),
         rest=format_number(distribution[6:].sum(), 3)))

# %% [markdown] key="14-p-alive-moves-with"
# P(alive) меняется вместе с историей клиента: каждая покупка её поднимает, каждое молчание
# опускает — тем быстрее, чем чаще клиент покупал раньше. Покупки клиента № 1 из файла заказов за
# все 78 недель (третья повторная покупка пришлась на контрольный период):

# %%
first_days = orders.loc[orders["customer"] == 1, "date"].drop_duplicates().sort_values()
purchase_weeks = ((first_days.iloc[1:] - first_days.iloc[0]).dt.days / 7).to_numpy()
history_grid = np.linspace(0, 78, 313)
alive_chart = alive_history_chart(history_grid, probability_alive_history(purchases, purchase_weeks, history_grid),
                                  purchase_weeks, title=tr("CDNOW customer 1: P(alive) through weeks 1-78"))
print(tr("repeat purchases in weeks: {weeks}", weeks=purchase_weeks.round(2).tolist()))
alive_chart

# %% [markdown] key="14-gamma-gamma-spend-per"
# ## Gamma-Gamma: чек одной покупки
#
# Gamma-Gamma описывает, сколько клиент тратит за покупку, и предполагает, что это не зависит от
# того, как часто он покупает. Заметка Fader & Hardie “The Gamma-Gamma model of monetary value”
# («Модель Gamma-Gamma для денежной ценности», 2013), вслед за статьёй Fader, Hardie & Lee “RFM and
# CLV” («RFM и CLV», Journal of Marketing Research, 2005), подгоняет её на 946 повторных покупателях
# и сообщает p = 6,25, q = 3,74, γ = 15,44. Мы совпадаем с точностью до 0,01, последнего
# напечатанного знака. Сначала само допущение: частота и средний чек почти не связаны.

# %%
repeat = data.frequency > 0
print(tr("correlation of frequency and average spend among repeat buyers: {correlation}",
         correlation=format_number(np.corrcoef(data.frequency[repeat], data.monetary[repeat])[0, 1], 2)))
spend = fit_gamma_gamma(data)
print(tr("p = {p}, q = {q}, gamma = {gamma}; log-likelihood {log_likelihood}; converged: {converged}; "
         "customers: {customers}", p=format_number(spend.p, 3), q=format_number(spend.q, 3),
         gamma=format_number(spend.gamma, 3), log_likelihood=format_number(spend.log_likelihood, 1),
         converged=tr("True") if spend.converged else tr("False"), customers=spend.customers))
for name in ("p", "q", "gamma"):
    assert reproduces(getattr(spend, name), "gamma-gamma-cdnow", name), name
print(tr("average spend per purchase across customers: {spend}",
         spend=format_money(spend.population_mean_spend, "USD", decimals=2)))

# %% [markdown] key="14-a-customer-s-expected"
# Ожидаемый чек клиента — взвешенное среднее общего среднего и его собственного среднего чека:
# p(γ + x·zbar) / (p·x + q − 1). Одна покупка на 100 $ сдвигает оценку бо́льшую часть пути к 100 $;
# чем больше покупок, тем больше весит собственный средний чек клиента.

# %%
examples = RFMSummary.create(frequency=[1, 2, 7, 1], recency=[10, 20, 30, 10], T=[39, 39, 39, 39],
                             time_unit="weeks", monetary=[100, 100, 100, 20], currency="USD")
for x, zbar, value in zip(examples.frequency, examples.monetary, spend.conditional_expected_spend(examples), strict=True):
    print(tr_n("{count} repeat purchase(s) averaging {average}: expect {spend} per purchase",
               "{count} repeat purchase(s) averaging {average}: expect {spend} per purchase", int(x), count=int(x),
               average=format_money(zbar, "USD"), spend=format_money(value, "USD", decimals=2)))

# %% [markdown] key="14-which-formula-predicts-each"
# ## Какая формула лучше всех предсказывает траты каждого клиента в контрольном периоде?
#
# Это вопрос, который задаёт маркетолог. Каждый метод ниже предсказывает, сколько каждый клиент
# потратит за 39 контрольных недель, только по данным периода калибровки (только повторные
# покупки: первая покупка — это то, как клиент пришёл, а не часть того, что он будет повторять):
#
# 1. **простое среднее** (ноутбук 01): выручка от повторных покупок на клиента, одна и та же для всех;
# 2. **ARPU × срок жизни** (ноутбук 01): выручка от повторных покупок на клиенто-неделю, умноженная
#    на 39 недель;
# 3. **средний чек × частота × срок жизни** (ноутбук 03): собственный средний чек каждого клиента,
#    умноженный на его собственное число покупок в неделю и на 39 недель, как будто никто никогда
#    не уходит;
# 4. **BG/NBD + Gamma-Gamma**: ожидаемые покупки, умноженные на ожидаемый чек одной покупки.
#
# Для сравнения добавим пятый — «0 $ для всех».

# %%
repeat_revenue = float(np.sum(data.frequency * data.monetary))
predictions = {
    tr("simple average"): np.full(len(data), revenue_per_customer(repeat_revenue, len(data))),
    tr("ARPU x lifetime"): np.full(len(data), arpu_ltv(repeat_revenue / data.T.sum(), 39)),
    tr("AOV x frequency x lifetime"): frequency_ltv(average_order_value=data.monetary,
                                                    purchases_per_period=data.frequency / data.T, lifetime_periods=39),
    "BG/NBD + Gamma-Gamma": expected_purchases * spend.conditional_expected_spend(data),
    tr("$0 for everyone"): np.zeros(len(data)),
}
actual_spend = split.holdout_spend
errors = [p.sum() / actual_spend.sum() - 1 for p in predictions.values()]
mae = tr("MAE per customer ($)")
comparison = pd.DataFrame(
    {
        mae: [np.mean(np.abs(p - actual_spend)) for p in predictions.values()],
        tr("RMSE per customer ($)"): [np.sqrt(np.mean((p - actual_spend) ** 2)) for p in predictions.values()],
        tr("total predicted ($)"): [p.sum() for p in predictions.values()],
        tr("total error"): [("+" if error >= 0 else "") + format_share(error, 0) for error in errors],
    },
    index=pd.Index(list(predictions), name=tr("method")),
)
print(tr("actual holdout spend: {spend}; {share} of customers spent nothing",
         spend=format_money(actual_spend.sum(), "USD"), share=format_share(np.mean(actual_spend == 0), 0)))
comparison.round(2)

# %%
methods = list(predictions)[:4]
method_error_chart(methods, comparison.loc[methods, mae], title=tr("Holdout spend, weeks 40-78: error per customer"))

# %% [markdown] key="14-a-critical-look-mean"
# Из четырёх формул у BG/NBD + Gamma-Gamma наименьшая ошибка на клиента по обеим мерам и самый
# близкий итог (примерно на 16 % ниже факта; остальные перелетают на треть и больше, до 60 %,
# потому что считают, что ушедшие клиенты продолжают покупать).
#
# ### Критический взгляд: средняя абсолютная ошибка поощряет прогноз «ничего»
#
# Прогноз «0 $ для всех» даёт чуть *меньшую* среднюю абсолютную ошибку, чем модель, и при этом
# бесполезен. Большинство клиентов в контрольном периоде не потратили ничего, а абсолютная ошибка
# минимальна у прогноза для типичного (медианного) клиента, то есть у нуля. BG/NBD прогнозирует
# *ожидаемое* значение — именно то число, которое нужно складывать в бюджеты и LTV; судите его по
# квадратичной ошибке и по итогам, где он выигрывает с большим отрывом. Когда кто-то утверждает, что
# метод «лучше предсказывает LTV», спросите, какую ошибку он мерил.

# %% [markdown] key="14-clv-per-customer-with"
# ## CLV каждого клиента, с единицей каждого срока
#
# CLV складывается из ожидаемых покупок, ожидаемого чека, маржи и дисконтирования. Здесь:
# следующие 12 месяцев, валовая маржа 30 % (наше допущение: маржа CDNOW не опубликована) и
# дисконт 10 % в год, шагами по месяцу. Модель подогнана в неделях; `months(12)` переводится в
# недели (месяц — это 30,4375 дня), а голое число отклоняется.

# %%
clv = customer_lifetime_value(purchases, spend, data, horizon=years(1), step=months(1), margin=0.3,
                              annual_discount_rate=0.10)
print(clv.describe())
print(tr("discount per monthly step: {rate}; total for the cohort {total}",
         rate=format_share(clv.discount_rate_per_step, 4), total=format_money(clv.clv.sum(), "USD")))
try:
    customer_lifetime_value(purchases, spend, data, horizon=12, step=months(1), margin=0.3, annual_discount_rate=0.10)
except LTVInputError as error:
    print(tr("Refused: {error}", error=error))

# %% [markdown] key="14-each-clv-is-an"
# Каждый CLV — оценка, построенная на оценённых параметрах. Если вытянуть 300 наборов параметров
# из собственной неопределённости подгонок и пересчитать (здесь шагами по кварталу, чтобы было
# быстрее), получится 95-процентный интервал для каждого клиента и для когорты: итог когорты
# известен примерно с точностью ±10 %, CLV одного клиента — гораздо хуже. В ноутбуке 15 это
# сравнивается с бутстрэпом по клиентам.

# %%
intervals = clv_intervals(purchases, spend, data, horizon=years(1), step=months(3), margin=0.3,
                          annual_discount_rate=0.10, draws=300, seed=14)
print(intervals.describe())
top_customers = data.to_frame().assign(p_alive=purchases.probability_alive(data), clv=clv.clv,
                                       clv_lower_95=intervals.clv["lower"], clv_upper_95=intervals.clv["upper"])
top_customers.sort_values("clv", ascending=False).head(5).round(2)

# %% [markdown] key="14-the-published-parameters-can"
# Опубликованные параметры можно использовать и напрямую, без подгонки: `published_cdnow_models()`
# строит по ним обе модели (BG/NBD с α в неделях и Gamma-Gamma); так делает калькулятор ниже.

# %%
published_purchases, published_spend = published_cdnow_models()
print(published_purchases.params, published_purchases.time_unit, published_spend.params)
same = customer_lifetime_value(published_purchases, published_spend, data, horizon=years(1), step=months(1),
                               margin=0.3, annual_discount_rate=0.10)
print(tr("cohort CLV with the published parameters: {total}", total=format_money(same.clv.sum(), "USD")))

# %% [markdown] key="14-try-it"
# ## Попробуйте сами
#
# По истории одного клиента (для начала — клиент CDNOW № 1: 2 повторные покупки, последняя на
# 30,4-й неделе из 38,9, в среднем 22,35 $) калькулятор даёт P(alive), покупки, ожидаемые за
# следующие 52 недели, чек одной покупки и CLV (в долларах маржи, с дисконтированием) при выбранных
# вами марже и ставке дисконтирования. Сдвиньте давность дальше возраста клиента, чтобы увидеть
# проверку. Следующая ячейка печатает начальный результат (маржа 30 %, 10 % в год).

# %%
calculator = customer_forecast_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="14-exercises"
# ## Упражнения
#
# **ex-14-1.** Какова P(alive) по опубликованным параметрам BG/NBD для клиента, который сделал 5
# повторных покупок, последнюю — на 20-й неделе, и которому сейчас 39 недель? Сравните с клиентом
# № 1 в калькуляторе (2 повторные покупки, последняя на 30-й неделе): почему у того, кто покупал
# чаще, меньше шансов оставаться «живым»?

# %%
answer = None
check("ex-14-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
quiet = RFMSummary.create(frequency=[5], recency=[20], T=[39], time_unit="weeks")
answer = float(published_purchases.probability_alive(quiet)[0])
check("ex-14-1", answer)
# Пять покупок за 20 недель — это примерно одна в четыре недели; тогда девятнадцать недель тишины необычны,
# и модель склоняется к «ушёл». Для того, кто покупает редко, такое же молчание в порядке вещей.

# %% [markdown] key="14-ex-14-2"
# **ex-14-2.** Сколько, по опубликованным параметрам Gamma-Gamma, клиент с 3 повторными покупками
# со средним чеком 50 $ потратит за одну будущую покупку, в $?

# %%
answer = None
check("ex-14-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
three_purchases = RFMSummary.create(frequency=[3], recency=[20], T=[39], time_unit="weeks", monetary=[50.0])
answer = float(published_spend.conditional_expected_spend(three_purchases)[0])
check("ex-14-2", answer)

# %% [markdown] key="14-ex-14-3"
# **ex-14-3.** Опубликованное α = 4,414 измерено в неделях. Каким будет α, если та же модель
# считает время в месяцах (месяц — 30,4375 дня)?

# %%
answer = None
check("ex-14-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = published_purchases.in_unit("months").alpha
check("ex-14-3", answer)

# %% [markdown] key="14-summary"
# ## Итоги
#
# | идея | формула | ltvkit |
# |---|---|---|
# | история клиента | x, t_x, T в одной указанной единице времени (+ zbar) | `RFMSummary.create(..., time_unit="weeks")` |
# | подгонка BG/NBD | r, α (единица времени), a, b по максимальному правдоподобию | `fit_bgnbd(data)` |
# | P(alive) | 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)) | `fit.probability_alive(data)` |
# | ожидаемые покупки впереди | E[Y(t) \| x, t_x, T] | `fit.conditional_expected_purchases(data, weeks(39))` |
# | чек одной покупки | p(γ + x·zbar) / (p·x + q − 1) | `fit_gamma_gamma(data).conditional_expected_spend(data)` |
# | CLV | Σ по шагам: маржа × чек × покупки за шаг / (1 + d_шага)^k | `customer_lifetime_value(..., horizon=years(1), step=months(1), ...)` |
#
# Судите прогноз по клиентам, которых модель не видела, и по ошибке, которая подходит к задаче:
# для ожидаемых значений — итоги и квадратичная ошибка. Дальше: ноутбук 16 собирает всё вместе на
# одном кейсе.
