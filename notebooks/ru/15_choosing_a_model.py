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

# %% [markdown] key="15-title"
# # 15 · Как выбрать модель и когда ей доверять
#
# *Продвинутый трек: для тех, кто прошёл ноутбуки 13 и 14.*
#
# После этого ноутбука вы сможете поставить рядом четыре модели повторных покупок на одних и тех же
# клиентах, сказать, какую взять и почему, распознать подгонку, которой нельзя доверять, указать,
# насколько надёжна каждая цифра, и передать маркетологу список клиентов с оценками.
#
# **Вы узнаете**
# - как сравнивать BG/NBD, MBG/NBD, Pareto/NBD и простую NBD по логарифму правдоподобия, AIC/BIC,
#   критерию отношения правдоподобий и ошибкам в контрольном периоде и как читать график
#   отслеживания, который используют статьи;
# - что говорят стандартные ошибки и диагностика подгонки и как выглядит предупреждение о подгонке,
#   которой нельзя доверять;
# - как двумя способами построить интервалы вокруг прогноза каждого клиента и CLV всей базы;
# - модель BG/BB с дискретным временем — на данных о пожертвованиях из её статьи;
# - как выгрузить список клиентов с оценками (CSV и Excel) и сохранить подогнанную модель на
#   следующий месяц.
#
# **Что нужно знать**: ноутбук 14 (BG/NBD и Gamma-Gamma на данных CDNOW).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import json
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ltvkit import check, datasets, format_money, format_number, format_share, tr
from ltvkit.calculators import clv_interval_calculator
from ltvkit.models.bgbb import fit_bgbb
from ltvkit.models.bgnbd import fit_bgnbd
from ltvkit.models.cdnow import cdnow_calibration_holdout, read_cdnow_orders
from ltvkit.models.compare import compare_models, likelihood_ratio_test
from ltvkit.models.fitting import LTVFitWarning
from ltvkit.models.gamma_gamma import fit_gamma_gamma
from ltvkit.models.mbgnbd import fit_mbgnbd
from ltvkit.models.nbd import fit_nbd
from ltvkit.models.pareto_nbd import fit_pareto_nbd
from ltvkit.models.persistence import load_model, save_model
from ltvkit.models.published import published, reproduces
from ltvkit.models.scoring import export_scored_customers, scored_customers, segment_label
from ltvkit.models.simulate import simulate_bgnbd
from ltvkit.models.tracking import expected_repeat_transactions, repeat_transactions_by_period
from ltvkit.models.uncertainty import clv_intervals, customer_bootstrap_draws
from ltvkit.models.units import months, weeks, years
from ltvkit.money import format_statistic
from ltvkit.plots.models import tracking_chart

# %% [markdown] key="15-four-models-of-the"
# ## Четыре модели одних и тех же клиентов
#
# Во всех четырёх каждый клиент, пока он «жив», покупает со своей постоянной интенсивностью
# (интенсивности распределены по клиентам по гамма-распределению). Различаются они тем, как
# клиенты уходят:
#
# | модель | как уходит клиент | статья |
# |---|---|---|
# | NBD | никогда | Ehrenberg, "The pattern of consumer purchases" (1959) |
# | BG/NBD | подбрасывает монету после каждой повторной покупки | Fader, Hardie & Lee, "Counting your customers the easy way" (2005) |
# | MBG/NBD | подбрасывает монету и после первой покупки | Batislam, Denizel & Filiztekin, "Empirical validation and comparison of models for customer base analysis" (2007) |
# | Pareto/NBD | в любой момент, после экспоненциального срока жизни | Schmittlein, Morrison & Colombo, "Counting your customers: who are they and what will they do next?" (1987) |
#
# Подгоняем каждую на неделях калибровки 1-39 CDNOW (ноутбук 14) и сверяем с опубликованными
# оценками: статья о BG/NBD приводит свою подгонку Pareto/NBD рядом с BG/NBD; для MBG/NBD, статья о
# которой работает с закрытой панелью продуктовых покупок, эталон на CDNOW — R-пакет BTYDplus.

# %%
split = cdnow_calibration_holdout("../data/cdnow/CDNOW_sample.txt")
data = split.calibration
models = {"NBD": fit_nbd(data), "BG/NBD": fit_bgnbd(data), "MBG/NBD": fit_mbgnbd(data),
          "Pareto/NBD": fit_pareto_nbd(data)}
for name, figures_id in (("Pareto/NBD", "pareto-nbd-cdnow"), ("MBG/NBD", "mbgnbd-cdnow")):
    model = models[name]
    for parameter in model.params:
        assert reproduces(getattr(model, parameter), figures_id, parameter), (name, parameter)
    print(tr("{model}: {params}; reproduces {authors}", model=name,
             params=", ".join(f"{k} = {format_number(v, 3)}" for k, v in model.params.items()),
             authors=published(figures_id).citation.split("(")[0].strip()))
assert reproduces(models["Pareto/NBD"].log_likelihood, "pareto-nbd-cdnow", "log_likelihood")

# %% [markdown] key="15-every-fit-now-carries"
# Каждая подгонка теперь несёт стандартные ошибки — по кривизне логарифма правдоподобия в его
# максимуме — и 95-процентный интервал для каждого параметра (на логарифмической шкале, чтобы он
# оставался положительным). Показателен β модели Pareto/NBD: он почти не определяется данными,
# поэтому разные программы печатают для одних и тех же данных разные β, сходясь во всём, что
# важно (его 95-процентный интервал тянется примерно от трети оценки до её тройного значения).

# %%
models["Pareto/NBD"].summary().round(3)

# %% [markdown] key="15-which-fits-best-and"
# ## Какая модель лучше описывает данные, а какая лучше прогнозирует?
#
# Логарифм правдоподобия вознаграждает согласие с данными; AIC и BIC штрафуют за параметры (чем
# меньше, тем лучше). Столбцы контрольного периода сравнивают ожидаемые покупки каждой модели в
# неделях 40-78 с тем, что клиенты сделали на деле.

# %%
comparison = compare_models(split, models)
comparison[["parameters", "log_likelihood", "AIC", "BIC", "holdout_error_pct", "MAE_per_customer",
            "RMSE_per_customer"]].round(2)

# %% [markdown] key="15-nbd-nests-inside-bg"
# NBD вложена в BG/NBD (без ухода) и в Pareto/NBD (бесконечный срок жизни), поэтому критерий
# отношения правдоподобий спрашивает, стоит ли возможность уйти двух параметров:

# %%
for full in ("BG/NBD", "Pareto/NBD"):
    test = likelihood_ratio_test(models["NBD"].log_likelihood, models[full].log_likelihood, extra_parameters=2)
    print(tr("NBD against {model}: {test}", model=full, test=test.describe()))

# %% [markdown] key="15-tracking-the-cohort-week"
# Клиенты действительно уходят: NBD отвергается с большим запасом и перелетает контрольный период
# в полтора раза. Из трёх моделей с уходом BG/NBD и MBG/NBD описывают данные одинаково хорошо, а
# Pareto/NBD — примерно на 13 пунктов логарифма правдоподобия хуже при том же числе параметров; но
# в контрольном периоде все три промахиваются по итогу на 11-16 % и дают почти одинаковую ошибку на
# клиента. BG/NBD и MBG/NBD не вложены ни друг в друга, ни в Pareto/NBD, так что критерии между
# ними ничего не скажут; скажут AIC и контрольный период — и они их почти не различают. Вывод самой
# статьи о BG/NBD: выбирайте по удобству. BG/NBD проще всего считать и объяснять; MBG/NBD — когда
# нужно допустить, что клиенты, купившие один раз и пропавшие, ушли (BG/NBD держит их «живыми»
# навсегда).
#
# ## Когорта неделя за неделей
#
# Проверочный рисунок из статей: повторные покупки когорты за каждую неделю, факт против модели,
# через недели калибровки и контрольный период (серая линия).

# %%
orders = read_cdnow_orders("../data/cdnow/CDNOW_sample.txt")
tracking = repeat_transactions_by_period(orders, start="1997-01-01", periods=78)
expected = {name: expected_repeat_transactions(models[name], tracking.first_purchase, 78, weeks(1))
            for name in ("BG/NBD", "Pareto/NBD", "NBD")}
print(tr("repeat transactions in weeks 1-78: actual {actual}; {models}",
         actual=format_number(tracking.repeat_transactions.sum()),
         models=", ".join(f"{name} {format_number(values.sum())}" for name, values in expected.items())))
tracking_chart(tracking.repeat_transactions, expected, split=39, cumulative=False,
               title=tr("CDNOW: repeat transactions per week"))

# %%
tracking_chart(tracking.repeat_transactions, expected, split=39, title=tr("CDNOW: cumulative repeat transactions"))

# %% [markdown] key="15-a-fit-that-cannot"
# BG/NBD и Pareto/NBD повторяют недельную кривую, включая её спад после того, как привлечение
# закончилось на 12-й неделе; NBD держит интенсивность на прежнем уровне и в контрольном периоде
# уходит выше фактической линии.
#
# ## Подгонка, которой нельзя доверять
#
# Пять клиентов не могут определить четыре параметра. Старые программы сообщали о таких подгонках
# как о сошедшихся; здесь подгонка проверяет себя сама (не убежала ли оценка к границе поиска, не
# плоский ли максимум правдоподобия, равен ли нулю градиент) и так и говорит.

# %%
few = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=5, T=weeks(40), seed=0).calibration
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shaky = fit_bgnbd(few)
message = next(str(w.message) for w in caught if issubclass(w.category, LTVFitWarning))
print(tr("converged: {converged} ; at the edge: {names}", converged=tr("True") if shaky.converged else tr("False"),
         names=shaky.diagnostics.bounds_hit))
# первая проверка из предупреждения; проверки кривизны после неё зависят от округления на границе, поэтому не печатаются
print(tr("warning: {message}", message=message.split("; ")[0]))
print(tr("the CDNOW fit for comparison: {converged} (condition number {condition})",
         converged=tr("True") if models["BG/NBD"].converged else tr("False"),
         condition=format_statistic(models["BG/NBD"].diagnostics.hessian_condition, 0)))

# %% [markdown] key="15-how-sure-are-the"
# ## Насколько надёжны цифры? Два вида интервалов
#
# Прогноз наследует неопределённость параметров. **Параметрический** способ вытягивает наборы
# параметров из собственной оценки неопределённости подгонки (нормальное распределение на
# логарифмической шкале, по стандартным ошибкам и их корреляциям) и пересчитывает каждую цифру для
# каждого набора. **Бутстрэп по клиентам** выбирает 2 357 клиентов с возвращением и подгоняет
# модель заново: медленнее, зато не опирается на нормальное приближение. Здесь 200 параметрических
# наборов (каждый конец 95-процентного интервала тогда держится на 5 наборах: его ошибка Монте-Карло
# около 10 % полуширины; принятые в библиотеке по умолчанию 1 000 наборов снижают её до 4 %) и 40
# переподгонок бутстрэпа, на год вперёд шагами по кварталу, маржа 30 %, дисконт 10 % в год.

# %%
spend = fit_gamma_gamma(data)
terms = {"horizon": years(1), "step": months(3), "margin": 0.3, "annual_discount_rate": 0.10}
parametric = clv_intervals(models["BG/NBD"], spend, data, **terms, draws=200, seed=15)
bootstrap = clv_intervals(models["BG/NBD"], spend, data, **terms, method="customer bootstrap",
                          purchase_draws=customer_bootstrap_draws(data, fit_bgnbd, draws=40, seed=16),
                          spend_draws=customer_bootstrap_draws(data, fit_gamma_gamma, draws=40, seed=17))
print(parametric.describe())
print(bootstrap.describe())
best = int(np.argmax(parametric.clv["estimate"]))
print(tr("the most valuable customer: CLV {clv} ({lower} to {upper}), P(alive) {alive}",
         clv=format_money(parametric.clv["estimate"][best], "USD"), lower=format_money(parametric.clv["lower"][best], "USD"),
         upper=format_money(parametric.clv["upper"][best], "USD"),
         alive=format_share(parametric.probability_alive["estimate"][best], 0)))

# %% [markdown] key="15-bg-bb-when-customers"
# Оба способа дают для базы почти один и тот же интервал: примерно ±10 % вокруг оценки. Это
# неопределённость только параметров модели; она предполагает, что модель верна и следующий год
# похож на прошлый. Для одного клиента интервал широкий: он держится в основном на том, что могут
# рассказать несколько покупок.
#
# ## BG/BB: когда покупать можно только в определённые моменты
#
# Ежегодный сбор благотворительного фонда, еженедельное занятие: каждый период — одна возможность
# совершить покупку. BG/BB (Fader, Hardie & Shang, "Customer-base analysis in a discrete-time
# noncontractual setting" — «Анализ клиентской базы в неконтрактной ситуации с дискретным временем»,
# 2010) даёт каждому клиенту вероятность p совершить покупку при каждой возможности и вероятность θ
# уйти перед ней. Данные статьи: 11 104 человека, впервые пожертвовавших в 1995 году, и то, в
# какие из шести лет 1996-2001 они жертвовали снова. Мы воспроизводим её оценки и P(alive в 2002)
# из таблицы 6.

# %%
donations = datasets.donations()
bgbb = fit_bgbb(donations["frequency"], donations["recency"], donations["periods"], weights=donations["weights"])
for parameter in ("alpha", "beta", "gamma", "delta", "log_likelihood"):
    assert reproduces(getattr(bgbb, parameter), "bgbb-donations", parameter), parameter
alive_2002 = bgbb.probability_alive([0, 2], [0, 4], [6, 6])
for value, name in zip(alive_2002, ("p_alive_x0_tx0", "p_alive_x2_tx4"), strict=True):
    assert reproduces(value, "bgbb-donations", name)
print(tr("{donors} donors; {params}; log-likelihood {log_likelihood}", donors=format_number(bgbb.customers),
         params=", ".join(f"{k} = {format_number(v, 3)}" for k, v in bgbb.params.items()),
         log_likelihood=format_number(bgbb.log_likelihood, 1)))
print(tr("P(alive in 2002): no repeat gift {none}; two gifts, the last in 1999 {two}",
         none=format_number(alive_2002[0], 2), two=format_number(alive_2002[1], 2)))

# %% [markdown] key="15-the-scored-customer-list"
# ## Список клиентов с оценками
#
# То, с чем работает маркетолог: строка на клиента с прогнозом, его интервалом, баллами RFM и
# названием сегмента (таблица сегментов `rfm_segments` из pymc-marketing; см.
# `ltvkit.models.scoring`). Каждый столбец называет свою единицу. Записываем его во временную
# папку как CSV и читаем обратно; путь, оканчивающийся на `.xlsx`, записывает тот же список для
# Excel (нужен openpyxl; тесты читают обратно оба файла).

# %%
table = scored_customers(models["BG/NBD"], spend, data, **terms, intervals=parametric)
workspace = tempfile.TemporaryDirectory(prefix="ltvkit-nb15-")  # удаляется, когда ядро останавливается
folder = Path(workspace.name)
csv_path = export_scored_customers(table, folder / "cdnow_customers.csv")
from_csv = pd.read_csv(csv_path)
assert np.isclose(from_csv["clv_USD"].sum(), table["clv_USD"].sum())
print(tr("{rows} rows, {columns} columns; total CLV {total}; file written: {file}", rows=format_number(len(from_csv)),
         columns=len(table.columns), total=format_money(from_csv["clv_USD"].sum(), "USD"), file=csv_path.name))
print(list(table.columns))
segments = table.groupby("segment").agg(customers=("customer_id", "size"), mean_p_alive=("p_alive", "mean"),
                                        total_clv_USD=("clv_USD", "sum"))
segments.sort_values("total_clv_USD", ascending=False).round(2).rename(index=segment_label)

# %% [markdown] key="15-next-month-score-the"
# В следующем месяце оцените новую сводку моделью, сохранённой сегодня, вместо новой подгонки:

# %%
saved = save_model(models["BG/NBD"], folder / "bgnbd_cdnow.json", data=data)
again = load_model(saved)
assert again.params == models["BG/NBD"].params
print(json.loads(saved.read_text())["data"])

# %% [markdown] key="15-a-critical-look"
# ### Критический взгляд
#
# - Интервалы покрывают неопределённость оценок, а не модели: если клиенты меняются (рост цен,
#   новый конкурент), все модели здесь ошибаются вместе.
# - Модель, которая лучше всех описывает период калибровки, не обязательно лучше всех
#   прогнозирует: сравнивайте на контрольном периоде и по ошибке, которая подходит к задаче (итоги и
#   квадратичная ошибка для бюджетов).
# - Сегменты RFM — это описание, а не прогноз: «Премиальный клиент» с P(alive) 20 % стоит меньше,
#   чем обещает название; сортируйте по CLV, а сегмент используйте, чтобы выбрать сообщение. А у
#   1 411 клиентов сегмента «Неактивный клиент» (ещё без повторной покупки) P(alive) по BG/NBD равна 1: эта модель
#   не видит, что клиент может уйти до повторной покупки, — ради этого и существует MBG/NBD.
#
# ## Попробуйте сами
#
# Сколько даёт больше данных? Калькулятор подгоняет BG/NBD и Gamma-Gamma на случайной доле из
# 2 357 клиентов CDNOW и оценивает по этим подгонкам их всех (200 параметрических наборов, как
# выше). Уменьшите долю — и интервал для той же базы расширится, примерно как единица, делённая на
# корень из числа клиентов в подгонке; на нескольких процентах подгонкам уже нельзя доверять, и
# калькулятор говорит об этом вместо того, чтобы выдать цифру. Маржа меняет CLV пропорционально, а
# более длинный горизонт добавляет ценность всё медленнее. Следующая ячейка печатает начальный
# результат: все клиенты, маржа 30 %, на год вперёд, 10 % в год (параметрический интервал выше).

# %%
calculator = clv_interval_calculator(data)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="15-exercises"
# ## Упражнения
#
# **ex-15-1.** Какова, по опубликованным оценкам MBG/NBD на CDNOW (`published("mbgnbd-cdnow")`),
# P(alive) клиента, который не сделал ни одной повторной покупки и которому 30 недель? Что скажет
# BG/NBD для того же клиента и почему?

# %%
answer = None
check("ex-15-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
from ltvkit.models.mbgnbd import MBGNBDFit
from ltvkit.models.rfm import RFMSummary

values = published("mbgnbd-cdnow").values
mbg = MBGNBDFit(**{name: values[name] for name in ("r", "alpha", "a", "b")}, time_unit="weeks")
answer = float(mbg.probability_alive(RFMSummary.create(frequency=[0], recency=[0], T=[30], time_unit="weeks"))[0])
check("ex-15-1", answer)
# BG/NBD говорит 1: её клиенты могут уйти только сразу после повторной покупки.

# %% [markdown] key="15-ex-15-2"
# **ex-15-2.** Сколько пожертвований в среднем сделает за следующие пять лет, по опубликованным
# оценкам BG/BB, донор, который жертвовал в каждый из шести лет 1996-2001?

# %%
answer = None
check("ex-15-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
from ltvkit.models.bgbb import BGBBFit

values = published("bgbb-donations").values
answer = float(BGBBFit(**{k: values[k] for k in ("alpha", "beta", "gamma", "delta")})
               .conditional_expected_purchases([6], [6], [6], 5)[0])
check("ex-15-2", answer)

# %% [markdown] key="15-summary"
# ## Итоги
#
# | вопрос | инструмент | ltvkit |
# |---|---|---|
# | какая модель лучше описывает данные | ln L, AIC, BIC; критерий отношения правдоподобий для вложенных | `compare_models(split, models)`, `likelihood_ratio_test(...)` |
# | прогнозирует ли она | ошибки в контрольном периоде; недельный график отслеживания | `compare_models`, `tracking_chart(...)` |
# | можно ли доверять подгонке | стандартные ошибки, диагностика, `LTVFitWarning` | `fit.summary()`, `fit.diagnostics`, `fit.converged` |
# | насколько надёжна цифра | параметрические наборы или бутстрэп по клиентам | `clv_intervals(...)`, `customer_bootstrap_draws(...)` |
# | дискретные возможности | BG/BB | `fit_bgbb(frequency, recency, periods, weights=...)` |
# | с чем работать | список с оценками, CSV / Excel | `scored_customers(...)`, `export_scored_customers(...)` |
# | в следующем месяце | сохранённая подогнанная модель | `save_model(...)`, `load_model(...)` |
