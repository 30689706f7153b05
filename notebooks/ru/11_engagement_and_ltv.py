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

# %% [markdown] key="11-title"
# # 11 · Вовлечённость и LTV: что коррелирует и что на самом деле его сдвинет
#
# После этого ноутбука вы сможете измерить, как каждая метрика вовлечённости связана с LTV,
# разбить клиентов на сегменты по метрике и отличить метрику, которая предсказывает LTV, от той,
# что подняла бы его, если её подтолкнуть.
#
# **Вы узнаете**
# - как соединить продуктовую аналитику с LTV каждого клиента за фиксированный горизонт;
# - корреляцию (Пирсона и ранговую) и сравнение верхнего и нижнего сегментов по каждой метрике;
# - как общая причина, устройство или метрика, построенная из покупок, заставляют корреляцию лгать;
# - как оценивать метрику по ценности, которая приходит *после* дней, за которые её измеряют;
# - как проверить заявленный рычаг на симуляции, истина которой известна.
#
# **Что нужно знать**: ноутбук 09 (сводка по клиентам, когорты). Пригодится немного статистической
# терминологии (корреляция), но каждый шаг объяснён.

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from dataclasses import replace

from ltvkit import check, format_money, format_number, format_share, tr, tr_n
from ltvkit.calculators import engagement_calculator
from ltvkit.course.article_claims import ARTICLE_DIRECTIONS
from ltvkit.course.exercises import options
from ltvkit.course.simulate import ENGAGEMENT_DAYS, SchoolTruth, simulate_school
from ltvkit.orders import (
    METRICS,
    horizon_ltv,
    ltv_after_window,
    metric_label,
    metric_table,
    naive_lift,
    quantile_segments,
    read_engagement,
    read_orders,
)
from ltvkit.plots import scatter_chart, segment_chart

# %% [markdown] key="11-what-the-article-claims"
# ## Что утверждает статья
#
# Статья «Анализ влияния метрик вовлеченности на жизненную ценность клиента (LTV)» перечисляет
# метрики вовлечённости и говорит, как каждая влияет на LTV: более долгие взаимодействия, больше
# возвратов и более высокая конверсия из взаимодействий его повышают, а высокий показатель отказов
# понижает. В одной из цитат признаётся, что часть вовлечённости ничего не даёт LTV, и статья
# рекомендует KPI вовлечённости и A/B-тесты. Цифр в ней нет. Продуктовая аналитика школы даёт нам
# шесть метрик на клиента, каждая измерена за 30 дней после первой покупки. Конверсию из
# взаимодействий статья определяет как долю выполненных целевых действий; для школы это доля писем
# и пушей за этот месяц, которые привели к целевому действию (записи на бесплатный урок или покупке:
# повторная покупка в течение 30 дней считается сконвертированным взаимодействием):

# %%
engagement = read_engagement("../data/school_engagement.csv").set_index("customer")
for metric in METRICS:
    print(f"{metric:20} {metric_label(metric)}")
engagement.describe().round(1)

# %% [markdown] key="11-ltv-over-the-same"
# ## LTV за одинаковый для всех горизонт
#
# Клиент, пришедший в прошлом месяце, ещё не успел купить снова, а его вовлечённость измерена только
# что: сравнивая его с клиентом двухлетней давности, мы спутали бы возраст с ценностью. Поэтому
# возьмём LTV каждого клиента за его первые 12 месяцев (`horizon_ltv`) и оставим только клиентов,
# чьи первые 12 месяцев целиком есть в данных: тех, кто пришёл до 1 января 2024 года.

# %%
orders = read_orders("../data/school_orders.csv", customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.",
                     on_bad_rows="skip")
margin = 0.6
ltv = horizon_ltv(orders, months=12, margin=margin)
frame = engagement.join(ltv, how="inner")
print(tr_n("{customers} customer with a full first year; mean 12-month LTV {ltv} at margin {margin}",
           "{customers} customers with a full first year; mean 12-month LTV {ltv} at margin {margin}", len(frame),
           customers=format_number(len(frame)), ltv=format_money(frame["ltv_12m"].mean(), "RUB", decimals=0),
           margin=format_share(margin, 0)))

# %% [markdown] key="11-each-metric-against-ltv"
# ## Каждая метрика против LTV
#
# Для каждой метрики: линейная (Пирсона) и ранговая (Спирмена) корреляция с LTV за 12 месяцев,
# средний LTV нижней и верхней четверти клиентов по этой метрике и совпадает ли знак с
# утверждением статьи.

# %%
measured = metric_table(frame, "ltv_12m", claims=ARTICLE_DIRECTIONS)
measured.round({"pearson": 2, "spearman": 2, "bottom_quarter": 0, "top_quarter": 0, "top_to_bottom": 2})

# %%
scatter_chart(frame["minutes_30d"], frame["ltv_12m"], xlabel=tr("minutes with the product in the first 30 days"),
              ylabel=tr("12-month LTV"), currency="RUB", title=tr("Time with the product against LTV"), log_x=True)

# %%
segment_chart(quantile_segments(frame, "sessions_30d", "ltv_12m", segments=4), metric_label=tr("sessions in 30 days"),
              currency="RUB", title=tr("12-month LTV by quarter of sessions"))

# %% [markdown] key="11-read-as-the-article"
# Если читать так, как читает статья, «работает» каждая метрика: каждая движется вместе с LTV в
# заявленную сторону, сильнее всего — время с продуктом, а верхняя четверть по сессиям стоит больше
# чем вдвое дороже нижней (LTV в рублях на клиента, 12 месяцев, маржа 60 %). Почти ничего не
# говорит только среднее время сессии. У половины клиентов конверсия равна нулю (большинство писем
# за месяц ни к чему не ведут), поэтому её четверти делят множество одинаковых значений по порядку
# строк; смотрите на её ранговую корреляцию, а не на четверти. Маркетолог теперь поставил бы KPI,
# которые рекомендует статья: больше сессий, больше возвратов, ниже показатель отказов. Последует ли
# за ними LTV?

# %% [markdown] key="11-the-known-truth-what"
# ## Известная истина: что, по симуляции, вызывает покупки
#
# Эти клиенты смоделированы, поэтому мы знаем, как возникли их покупки (`data/README.md`). У каждого
# клиента есть скрытая мотивация. Мотивированные клиенты проводят больше времени с продуктом, чаще
# его открывают, чаще возвращаются, реже уходят сразу и больше покупают. Сверх того, **время с
# продуктом само повышает частоту покупок** (освоенный материал делает привлекательным следующий
# курс). Сессии, дни возвратов и отказы — лишь симптомы мотивации: сами они ничего не вызывают.
# Пользователи мобильных устройств открывают приложение чаще и короткими сессиями, но больше не
# покупают. А конверсия из взаимодействий считает повторную покупку первых 30 дней
# сконвертированным взаимодействием: клиенты с высокой частотой покупок раньше покупают снова и
# потому чаще конвертируются, хотя сами письма и пуши ничего не продают. Конверсия — симптом
# частоты покупок.
#
# Мы можем сделать то, что не может ни одна настоящая компания: прогнать тех же клиентов ещё раз,
# подняв метрику на 50 % при прочих равных, и сравнить с тем, что обещает прямая, проведённая через
# данные.

# %%
base = simulate_school()
base_ltv = horizon_ltv(base.orders, months=12, margin=margin).mean()
for metric, lift_name in (("sessions_30d", "sessions_lift"), ("minutes_30d", "minutes_lift")):
    pushed = simulate_school(replace(SchoolTruth(), **{lift_name: 1.5}))
    true_change = horizon_ltv(pushed.orders, months=12, margin=margin).mean() - base_ltv
    promised = naive_lift(frame, metric, "ltv_12m", lift=1.5)
    print(tr("{metric} +50%: the straight line promises {promised} more per customer; the simulation gives {change}",
             metric=metric, promised=format_money(promised, "RUB", decimals=0),
             change=format_money(true_change, "RUB", decimals=0)))

# %% [markdown] key="11-pushing-sessions-say-with"
# Подталкивание сессий (например, напоминаниями, которые заставляют открыть приложение) не меняет
# ничего — ни рубля. Подталкивание времени с продуктом LTV повышает, но меньше, чем обещает прямая:
# часть корреляции — это мотивация, которую подталкивание не создаёт.
#
# В той же таблице сидят ещё две ловушки. **Устройство**: у пользователей мобильных устройств
# примерно на 70 % больше сессий при не более высоком LTV, так что KPI по сессиям в основном
# измеряет долю устройств.

# %%
by_device = frame.groupby("device")[["sessions_30d", "minutes_per_session", "ltv_12m"]].mean()
by_device.round(1)

# %% [markdown] key="11-conversion-counts-the-repeat"
# **Конверсия** считает повторные покупки первых 30 дней, и LTV за 12 месяцев тоже их считает:
# часть её корреляции — одни и те же покупки с обеих сторон. Метрика, измеренная за первые 30 дней,
# может сказать только о том, что будет после них, поэтому и результат измерим там: LTV каждого
# клиента с 30-го дня до конца его первых 12 месяцев (`ltv_after_window`), для тех же клиентов.

# %%
later = ltv_after_window(orders, window_days=ENGAGEMENT_DAYS, months=12, margin=margin)
fair = metric_table(frame.join(later), later.name, claims=ARTICLE_DIRECTIONS)
windows = measured[["spearman"]].rename(columns={"spearman": tr("with the first 12 months' LTV")})
windows[tr("with LTV after day {day}", day=ENGAGEMENT_DAYS)] = fair["spearman"]
print(tr("mean LTV per customer after day {day} of their first 12 months: {ltv}", day=ENGAGEMENT_DAYS,
         ltv=format_money(later.mean(), "RUB", decimals=0)))
windows.round(2)

# %% [markdown] key="11-five-metrics-keep-their"
# Пять метрик сохраняют ранговую корреляцию, когда первые 30 дней исключены из результата; у
# конверсии она падает вдвое. То, что остаётся, реально и полезно: клиент, купивший снова в первый
# месяц, скорее всего, продолжит покупать, поэтому конверсия помогает рано заметить ценных клиентов.
# Рычагом она не является: в симуляции больше кликов по письмам не добавили бы ни одной продажи.
# Продаёт ли настоящее письмо с высокой конверсией то, чего клиент не купил бы и так, — вопрос для
# A/B-теста.

# %% [markdown] key="11-a-critical-look-the"
# ### Критический взгляд: таблица статьи, измеренная
#
# | метрика статьи | утверждается | измерено (ранговая корреляция) | в симуляции |
# |---|---|---|---|
# | среднее время взаимодействия | выше — больше покупок | около нуля: длинные сессии на компьютере, короткие на мобильном | своего влияния нет: действует только общее время |
# | число возвратов | больше — выше LTV | положительная | не влияет: симптом мотивации |
# | конверсия из взаимодействий | прямой драйвер | положительная, наполовину за счёт покупок первого месяца, посчитанных дважды | не влияет: симптом частоты покупок |
# | показатель отказов | высокий — ниже LTV | отрицательная | не влияет: симптом |
# | время с продуктом (общее) | больше — выше LTV | положительная | **вызывает** часть LTV |
#
# Все четыре направления статьи видны в данных, и всё же три из четырёх метрик её таблицы
# (возвраты, конверсия, отказы) не сдвинули бы LTV, если их подтолкнуть, а среднее время
# взаимодействия сдвинуло бы его только через общее время. Собственная оговорка статьи — что
# часть вовлечённости не окупается — это та строка, которую данные подтверждают лучше всего.
# Корреляция может найти, кто ценен (полезно для сегментов и прогнозов); только эксперимент
# показывает, что делает клиентов ценными. Статья и правда рекомендует A/B-тесты: проводите их на
# самом подталкивании (отправьте напоминания случайной половине), прежде чем делать метрику KPI.

# %%
print(measured[["spearman", "agrees"]].assign(spearman=measured["spearman"].round(2)).to_string())
print(tr("customers on mobile: {share}", share=format_share((frame["device"] == "Мобильное").mean())))

# %% [markdown] key="11-try-it"
# ## Попробуйте сами
#
# Выберите метрику (0 — время сессии, 1 — минуты за 30 дней, 2 — сессии, 3 — дни возвратов,
# 4 — конверсия, 5 — отказы) и число сегментов: подпись покажет LTV за 12 месяцев верхнего и нижнего
# сегментов и ранговую корреляцию; на графике видны все сегменты. Один сегмент не принимается
# (сравнивать не с чем). Следующая ячейка печатает результат при начальных значениях.

# %%
calculator = engagement_calculator(frame)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="11-exercises"
# ## Упражнения
#
# **ex-11-1.** Уберите устройство из метрики сессий: какова ранговая корреляция (Спирмена) между
# сессиями за первые 30 дней и LTV за 12 месяцев только среди пользователей компьютеров (`device`
# равно "Компьютер")? Достаточно двух знаков после запятой. Она выше или ниже, чем для всех?
# (В ex-11-3 спрашивается почему.)

# %%
answer = None
check("ex-11-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
desktop = frame[frame["device"] == "Компьютер"]
answer = desktop["sessions_30d"].rank().corr(desktop["ltv_12m"].rank())
print(tr("desktop only {desktop}; everyone {everyone}", desktop=format_number(answer, 2),
         everyone=format_number(measured.loc["sessions_30d", "spearman"], 2)))
check("ex-11-1", answer)

# %% [markdown] key="11-ex-11-2"
# **ex-11-2.** Поднимите в симуляции время с продуктом на 50 % (`SchoolTruth(minutes_lift=1.5)`).
# На сколько рублей вырастет выручка на клиента за все два года (все клиенты; сумма заказов,
# делённая на число клиентов)?

# %%
answer = None
check("ex-11-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
lifted = simulate_school(replace(SchoolTruth(), minutes_lift=1.5))
answer = (lifted.orders["amount"].sum() / len(lifted.customers)
          - base.orders["amount"].sum() / len(base.customers))
check("ex-11-2", answer)

# %% [markdown] key="11-ex-11-3"
# **ex-11-3.** Почему ранговая корреляция сессий с LTV среди одних только пользователей компьютеров
# выше, чем среди всех?

# %%
print(options("ex-11-3"))
answer = None  # буква, например "a"
check("ex-11-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # лишние сессии мобильных пользователей идут от устройства, а не от мотивации, и размывают связь
check("ex-11-3", answer)

# %% [markdown] key="11-ex-11-4"
# **ex-11-4.** Почему ранговая корреляция конверсии падает вдвое, когда результатом служит LTV после
# 30-го дня, а не за все первые 12 месяцев?

# %%
print(options("ex-11-4"))
answer = None  # буква, например "a"
check("ex-11-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # повторные покупки первого месяца сидят и в метрике, и в результате за 12 месяцев
check("ex-11-4", answer)

# %% [markdown] key="11-summary"
# ## Итоги
#
# | вопрос | ltvkit | как читать |
# |---|---|---|
# | LTV за одинаковый для всех горизонт | `horizon_ltv(orders, months=12)` | сравнивайте клиентов одного возраста |
# | какие метрики идут вместе с LTV | `metric_table(frame, "ltv_12m", claims=...)` | кто ценен (прогноз) |
# | LTV по сегментам метрики | `quantile_segments(frame, metric, value)` | сегменты для таргетинга |
# | что обещает прямая через данные | `naive_lift(frame, metric, value, lift=...)` | не то, что даст подталкивание |
# | ценность, которую может предсказать 30-дневная метрика | `ltv_after_window(orders, window_days=30, months=12)` | результат начинается там, где кончается метрика |
#
# Корреляция находит ценных клиентов, но не говорит, что делает их ценными. Прежде чем ставить KPI
# вовлечённости, спросите, не может ли метрика быть симптомом (общая причина), эффектом смеси
# (устройство) или подсчётом тех самых покупок, которые она должна предсказывать (измеряйте
# результат после окна метрики), — и проверьте сам рычаг.
