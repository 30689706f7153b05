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

# %% [markdown] key="12-title"
# # 12 · LTV там, где живут данные: те же таблицы внутри базы данных и SQL для хранилища
#
# После этого ноутбука вы сможете считать сводку по клиентам, когортные таблицы и LTV по каналам
# внутри базы данных, а не в pandas, показать, что это таблицы ноутбуков 09 и 10 с точностью до
# копейки, обучить BG/NBD на нескольких тысячах строк, до которых база сократила данные, и передать
# SQL тому, кто ведёт хранилище данных вашей компании.
#
# **Вы узнаете**
# - почему таблицы LTV переезжают в базу данных, когда заказов становятся десятки миллионов;
# - как открыть DuckDB прямо в Python (без сервера), положить в неё выгрузку и файл Parquet и
#   запустить там `customer_summary`, `cohort_table` и `channel_ltv`;
# - как проверить, что база данных и pandas сходятся: те же клиенты, те же дни, те же деньги;
# - как свести клиентскую базу к тройкам (frequency, recency, T) и обучить на них BG/NBD;
# - как напечатать те же определения в виде SQL для BigQuery, Snowflake или Spark.
#
# **Что нужно знать**: ноутбук 09 (`customer_summary` и когорты: здесь используются те же
# определения) и ноутбук 10 (LTV по каналам). BG/NBD разбирается в ноутбуке 14; здесь модель только
# обучается. DuckDB, Ibis и SQLGlot входят в практикум (в другом окружении: `pip install
# 'ltvkit[warehouse]'`).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import tempfile
from pathlib import Path

from ltvkit import check, format_money, format_number, tr
from ltvkit.course.school import school_costs, school_orders
from ltvkit.models.bgnbd import fit_bgnbd
from ltvkit.models.rfm import RFMSummary
from ltvkit.orders import cohort_table, customer_summary, partner_base, partner_economics, simulate_order_log
from ltvkit.warehouse import (
      channel_ltv,
      collect,
      connect,
      fit_bgnbd_triples,
      load_orders,
      orders_table,
      rfm_triples,
      sql,
)
from ltvkit.warehouse import cohort_table as cohort_table_in_db
from ltvkit.warehouse import customer_summary as customer_summary_in_db

# %% [markdown] key="12-why-leave-pandas-at"
# ## Зачем вообще уходить из pandas
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса» советует
# хранить историю покупок каждого клиента — в CRM или во внешней базе данных, например Google
# BigQuery, — и складывать заказы каждого клиента оттуда. Ноутбук 09 складывал их в pandas, а pandas
# держит в памяти каждый заказ: около 65 байт на заказ для `customer_summary`, несколько гигабайт при
# сотне миллионов заказов, и это не считая того, что сначала их надо выгрузить из хранилища. База
# данных уже хранит заказы и создана для того, чтобы их группировать. Поэтому мы отправляем ей
# вопрос, а не забираем данные.
#
# `ltvkit.warehouse` записывает каждую таблицу курса один раз, как выражение
# [Ibis](https://ibis-project.org): описание запроса, которое Ibis превращает в SQL для нужного
# движка. Движок по умолчанию — DuckDB, он работает внутри этого же процесса Python; ничего не
# нужно запускать или настраивать.

# %%
con = connect()
school = load_orders(con, school_orders(), "school_orders")
print(tr("{engine} with {rows} order rows of the school; columns: {columns}", engine=con.name,
         rows=school.count().execute(), columns=", ".join(school.columns)))

# %% [markdown] key="12-the-customer-summary-computed"
# ## Сводка по клиентам, посчитанная базой данных
#
# `customer_summary_in_db` (то есть `ltvkit.warehouse.customer_summary`) принимает таблицу и
# возвращает выражение; пока ничего не посчитано. `collect` выполняет его и возвращает таблицу в том
# виде, в каком её возвращает `customer_summary` из ноутбука 09: одна строка на клиента, по порядку
# id. Определения те же: заказы одного дня — одна покупка, возврат меняет деньги, но никогда не
# считается покупкой, `T` отсчитывается до дня последнего заказа.

# %%
margin = 0.6
in_db = collect(customer_summary_in_db(school, margin=margin))
in_memory = customer_summary(school_orders(), margin=margin)
counts = ["first_purchase", "last_purchase", "orders", "frequency", "recency", "T"]
money = ["monetary_value", "revenue", "historical_ltv"]
print(tr("customers: {database} in the database, {pandas} in pandas; same ids: {same}",
         database=format_number(len(in_db)), pandas=format_number(len(in_memory)),
         same=in_db.index.equals(in_memory.index)))
print(tr("dates, orders, frequency, recency and T identical: {same}",
         same=all((in_db[c] == in_memory[c]).all() for c in counts)))
print(tr("largest money difference: {difference}",
         difference=format_money(max((in_db[c] - in_memory[c]).abs().max() for c in money), "RUB", decimals=2)))
in_db.head()

# %% [markdown] key="12-cohorts-and-channels-in"
# Денежные столбцы расходятся меньше чем на миллионную долю рубля: база складывает те же суммы в
# другом порядке, а суммы с плавающей точкой различаются в последних знаках. С точностью до копейки
# таблицы совпадают.
#
# ## Когорты и каналы — тоже в базе данных
#
# Когортная таблица приходит из базы в длинном виде, по строке на каждую когорту и месяц, в котором
# есть заказы; `collect` разворачивает её в сетку ноутбука 09 (пустые месяцы — 0, ещё не
# наблюдавшиеся — NaN). LTV по каналам даёт цифры ноутбука 10 по каждому источнику.

# %%
cumulative = collect(cohort_table_in_db(school, value="cumulative_ltv", margin=margin))
same = cohort_table(school_orders(), value="cumulative_ltv", margin=margin)
print(tr("{cohorts} cohorts x {months} months; largest difference from pandas: {difference} per customer",
         cohorts=len(cumulative), months=cumulative.shape[1],
         difference=format_money((cumulative - same).abs().max().max(), "RUB", decimals=2)))
cumulative.iloc[:4, :6].round(0)

# %%
sources = collect(channel_ltv(school, margin=margin))
from_notebook_10 = partner_economics(partner_base(school_orders(), school_costs()), margin=margin)["gross_ltv"]
print(tr("LTV per customer by source: largest difference from notebook 10's gross LTV {difference}",
         difference=format_money((sources["ltv"] - from_notebook_10.reindex(sources.index)).abs().max(), "RUB",
                                 decimals=2)))
sources[["customers", "repeat_buyers", "ltv"]].round(3)

# %% [markdown] key="12-a-bigger-file-a"
# ## Файл побольше: Parquet на три миллиона заказов
#
# Хранилища и озёра данных держат заказы в колоночных файлах вроде Parquet. Запишем такой файл: три
# миллиона заказов 300 000 клиентов с текстовыми id, смоделированные с фиксированным seed и
# записанные во временную папку (в практикум файл не входит). Большинство клиентов покупают один-два
# раза, а некоторые — сотни раз. DuckDB читает файл там, где он лежит: `read_parquet` смотрит только
# на его столбцы, пока не выполнен запрос.

# %%
log = simulate_order_log(3_000_000, 300_000, seed=12, weight_shape=0.2)
log.insert(0, "customer", "C" + log.pop("customer_id").astype(str))
workspace = tempfile.TemporaryDirectory(prefix="ltvkit-nb12-")  # удаляется, когда ядро останавливается
folder = Path(workspace.name)
log.to_parquet(folder / "orders.parquet", index=False)
orders = con.read_parquet(folder / "orders.parquet")
print(tr("{orders} orders; {size} MB of Parquet", orders=format_number(orders.count().execute()),
         size=format_number((folder / "orders.parquet").stat().st_size / 1e6)))

# %%
big = collect(customer_summary_in_db(orders))
big_in_memory = customer_summary(log)
print(tr("{customers} customers; same as pandas: ids {ids}, counts and days {days}, money to the cent {money}",
         customers=format_number(len(big)), ids=big.index.equals(big_in_memory.index),
         days=all((big[c] == big_in_memory[c]).all() for c in counts),
         money=max((big[c] - big_in_memory[c]).abs().max() for c in money) < 0.005))

# %% [markdown] key="12-bg-nbd-on-the"
# ## BG/NBD на тройках: модель, обученная на нескольких тысячах строк
#
# BG/NBD (ноутбук 14) видит каждого клиента только через три числа: число повторных покупок
# (frequency), время последней из них (recency) и возраст клиента (T). Клиенты с одинаковой тройкой
# чисел дают одинаковое слагаемое в функцию правдоподобия, поэтому обучение на различных тройках,
# каждая из которых взвешена числом клиентов с ней, — это то же самое обучение, что и на всех
# клиентах. `rfm_triples` выполняет это сокращение в базе данных; в неделях 4 376 клиентов школы
# превращаются в таблицу меньше чем из двух тысяч строк, сколько бы ни было клиентов.

# %%
weekly = customer_summary_in_db(school, period="W")
triples = rfm_triples(weekly).to_pandas()
fit = fit_bgnbd_triples(triples, time_unit="weeks")
every = customer_summary(school_orders(), period="W")
reference = fit_bgnbd(RFMSummary.create(frequency=every["frequency"], recency=every["recency"], T=every["T"],
                                        time_unit="weeks"))
print(tr("{customers} customers in {triples} triples", customers=format_number(triples["customers"].sum()),
         triples=format_number(len(triples))))
for label, estimate in ((tr("fit on the triples:       "), fit), (tr("fit on every customer:    "), reference)):
    print(label, ", ".join(f"{name} {format_number(getattr(estimate, name), 4)}" for name in ("r", "alpha", "a", "b")))
triples.sort_values(["customers", "frequency", "recency", "T"], ascending=[False, True, True, True],
                    ignore_index=True).head()  # база данных возвращает строки в произвольном порядке

# %% [markdown] key="12-the-sql-for-your"
# Те же четыре параметра. Самые крупные тройки — клиенты, купившие один раз и больше не вернувшиеся
# (frequency 0), по тройке на каждый возраст в неделях. Бенчмарк практикума (`make bench`,
# `benchmarks/results/warehouse.md`) выполняет то же сокращение на базе из 10 000 000 клиентов в
# DuckDB и обучает на результате BG/NBD и Gamma-Gamma.
#
# ## SQL для вашего хранилища
#
# Чтобы пользоваться этими определениями, аналитику не нужен Python. Постройте выражение на
# таблице, которая заменяет таблицу хранилища (`orders_table` задаёт её имя и столбцы, без
# подключения), и напечатайте его SQL на диалекте хранилища. Вот сводка по клиентам для BigQuery до
# конца 2024 года; `sql(..., "snowflake")` и `sql(..., "spark")` дают два других диалекта.

# %%
warehouse_orders = orders_table("orders", database="shop")
print(sql(customer_summary_in_db(warehouse_orders, observation_end="2024-12-31"), "bigquery"))

# %% [markdown] key="12-read-from-the-inside"
# Читайте изнутри наружу: самый внутренний запрос превращает каждый заказ в его день; следующий
# группирует клиента и день в одну покупку (слияние заказов одного дня); следующий группирует дни
# каждого клиента в первую и последнюю покупку, заказы, дни покупок и выручку, а `MIN_BY` выбирает
# деньги первого дня; внешний запрос считает frequency, recency, T и сумму повторной покупки.
#
# Те же выражения выполняются в Spark или в самом BigQuery через подключение Ibis к нему. Здесь они
# не запускаются (Spark нужна Java, BigQuery — аккаунт):
#
# ```python
# from ltvkit.warehouse import collect, connect, customer_summary
#
# spark = connect("pyspark")  # локальная сессия Spark; или connect("pyspark", session=your_session)
# summary = collect(customer_summary(spark.read_parquet("orders/*.parquet")))
#
# bq = connect("bigquery", project_id="my-project", dataset_id="shop")  # pip install 'ibis-framework[bigquery]'
# summary = customer_summary(bq.table("orders"), observation_end="2024-12-31")
# summary.to_pandas()  # или оставьте в BigQuery: bq.create_table("customer_summary", summary)
# ```

# %% [markdown] key="12-a-critical-look-the"
# ### Критический взгляд: те же числа — только при тех же определениях
#
# База данных даёт числа ноутбука 09, потому что перенесено каждое определение, а каждое из них —
# выбор, который запрос, написанный вручную, может сделать неправильно:
#
# - **Дни.** День покупки — календарная дата заказа в том виде, в каком она записана. Время,
#   сохранённое с часовым поясом, режется на дни в поясе подключения: московский магазин, чьё
#   хранилище работает в UTC, увидел бы каждый заказ, сделанный между полуночью и тремя часами ночи,
#   в предыдущем дне.
# - **Слияние заказов одного дня.** Если считать строки заказов, а не дни покупок, frequency
#   вырастет у каждого клиента, который разбил корзину на два заказа.
# - **Возвраты.** Чистая выручка их включает, число покупок — нет. Клиент, у которого за период
#   есть только возвраты, не имеет первой покупки и не попадает в сводку (отчёт в памяти их
#   подсчитывает).
# - **T.** Без `observation_end` возраст отсчитывается до дня последнего заказа в таблице.
#   Хранилищу, которое ещё загружает сегодняшние заказы, нужно передавать фиксированную дату, иначе
#   сводка будет меняться каждый час.
# - **Стоимость.** Проверки (`LTVInputError` при отсутствующем столбце, суммах-тексте, NULL, пустых
#   id) читают таблицу один раз до того, как сводка прочитает её снова; хранилище, которое берёт
#   плату за просканированные байты, возьмёт её дважды.
#
# И у сокращения есть предел: Gamma-Gamma видит средний чек повторных покупок каждого повторного
# покупателя, непрерывное число, поэтому `repeat_spend` сжимает данные гораздо слабее, чем тройки.

# %% [markdown] key="12-try-it"
# ## Попробуйте сами
#
# Измените период (`"D"`, `"W"` или `"M"`) и конец наблюдения и выполните ячейку: она считает сводку
# школы в DuckDB и в pandas, сообщает, сходятся ли они, и сколько троек возвращает база данных. При
# начальных значениях — недели до 30 июня 2024 года:

# %%
period, observation_end = "W", "2024-06-30"
db = collect(customer_summary_in_db(school, period=period, observation_end=observation_end, after_end="drop"))
pandas = customer_summary(school_orders(), period=period, observation_end=observation_end, after_end="drop")
triple_rows = rfm_triples(customer_summary_in_db(school, period=period, observation_end=observation_end,
                                                 after_end="drop")).count().execute()
print(tr("period {period}, up to {end}: {customers} customers, {triples} triples; the database and pandas agree: "
         "{agree}; revenue {revenue}", period=period, end=observation_end, customers=format_number(len(db)),
         triples=format_number(triple_rows),
         agree=db.index.equals(pandas.index) and all((db[c] == pandas[c]).all() for c in counts),
         revenue=format_money(db["revenue"].sum(), "RUB")))

# %% [markdown] key="12-exercises"
# ## Упражнения
#
# **ex-12-1.** Постройте в базе данных сводку по школе в календарных месяцах (`period="M"`) и
# сократите её до троек. Сколько строк вернёт база данных?

# %%
answer = None
check("ex-12-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = rfm_triples(customer_summary_in_db(school, period="M")).count().execute()
check("ex-12-1", answer)

# %% [markdown] key="12-ex-12-2"
# **ex-12-2.** Таблица выше делит партнёрскую программу на отдельных партнёров. Каков LTV на клиента
# всей программы, всех её партнёров вместе, при марже 60 %, посчитанный в базе данных? Ответьте в
# рублях.

# %%
answer = None
check("ex-12-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = collect(channel_ltv(school, margin=0.6, by=("channel",))).loc["Партнёрская программа", "ltv"]
check("ex-12-2", answer)

# %% [markdown] key="12-summary"
# ## Итоги
#
# | шаг | ltvkit.warehouse | что проверить |
# |---|---|---|
# | открыть базу данных | `connect()` (DuckDB в этом процессе), `connect("pyspark")`, `connect("bigquery", ...)` | для DuckDB ничего запускать не нужно |
# | положить в неё заказы | `load_orders(con, frame)`, `con.read_parquet(path)`, `con.table(name)` | столбцы `customer`, `date`, `amount` (и `channel`, `partner`) |
# | таблицы | `customer_summary`, `cohort_table`, `channel_ltv`: выражения, которые выполняет `collect` | совпадают с pandas: id, дни, количества, деньги до копейки |
# | обучение на нескольких строках | `rfm_triples(summary)`, затем `fit_bgnbd_triples(triples, time_unit=...)` | те же оценки, что и на всех клиентах |
# | SQL | `sql(expr, "bigquery")` на `orders_table("orders", database=...)` | слияние заказов одного дня, возвраты, часовой пояс, фиксированный конец наблюдения |
#
# Определения не зависят от движка; меняется только то, где выполняется работа. Дальше: ноутбук 13
# переходит от подсчёта того, что клиенты сделали, к моделированию того, почему они остаются.
