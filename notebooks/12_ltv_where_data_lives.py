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

# %% [markdown]
# # 12 · LTV where your data lives: the same tables inside a database, and the SQL for a warehouse
#
# After this notebook you can compute the customer summary, cohort tables and LTV by channel
# inside a database instead of in pandas, show that they are the tables of notebooks 09 and 10 to
# the cent, fit BG/NBD on a few thousand rows the database has reduced, and hand the SQL to
# whoever runs your company's warehouse.
#
# **You will learn**
# - why the LTV tables move to the database once orders reach tens of millions of rows;
# - to open DuckDB inside Python (no server), put an export and a Parquet file in it, and run
#   `customer_summary`, `cohort_table` and `channel_ltv` there;
# - to check that the database and pandas agree: same customers, same days, same money;
# - to reduce a customer base to its (frequency, recency, T) triples and fit BG/NBD on them;
# - to print the same definitions as SQL for BigQuery, Snowflake or Spark.
#
# **You need**: notebook 09 (`customer_summary` and cohorts: the definitions used here) and
# notebook 10 (LTV by channel). BG/NBD is taught in notebook 14; here it is only fitted. DuckDB,
# Ibis and SQLGlot come with the workbook (`pip install 'ltvkit[warehouse]'` elsewhere).

# %%
import tempfile
from pathlib import Path

from ltvkit import check, format_money
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

# %% [markdown]
# ## Why leave pandas at all
#
# “Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса” (How to
# calculate LTV and use it) tells the reader to keep every customer's purchase history, in a CRM
# or in an outside database such as Google BigQuery, and to add up each customer's orders from
# there. Notebook 09 did the adding up in pandas, which holds every order in memory: about 65 bytes
# per order for `customer_summary`, a few gigabytes at a hundred million orders, on top of loading
# them out of the warehouse first. The database already holds the orders and is built to group
# them. So we send it the question instead of fetching the data.
#
# `ltvkit.warehouse` writes each table of the course once, as an [Ibis](https://ibis-project.org)
# expression: a description of the query that Ibis turns into SQL for the engine at hand. The
# default engine is DuckDB, which runs inside this Python process; nothing to start or configure.

# %%
con = connect()
school = load_orders(con, school_orders(), "school_orders")
print(con.name, "with", school.count().execute(), "order rows of the school;", "columns:", ", ".join(school.columns))

# %% [markdown]
# ## The customer summary, computed by the database
#
# `customer_summary_in_db` (that is, `ltvkit.warehouse.customer_summary`) takes the table and gives
# back an expression; nothing has been computed yet. `collect` runs it and returns the frame in the
# shape notebook 09's `customer_summary` returns: one row per customer, sorted by id. The
# definitions are the same ones: orders on the same day are one purchase, a refund changes money
# but never counts as a purchase, `T` runs to the last order's day.

# %%
margin = 0.6
in_db = collect(customer_summary_in_db(school, margin=margin))
in_memory = customer_summary(school_orders(), margin=margin)
counts = ["first_purchase", "last_purchase", "orders", "frequency", "recency", "T"]
money = ["monetary_value", "revenue", "historical_ltv"]
print(f"customers: {len(in_db):,} in the database, {len(in_memory):,} in pandas; same ids: "
      f"{in_db.index.equals(in_memory.index)}")
print("dates, orders, frequency, recency and T identical:", all((in_db[c] == in_memory[c]).all() for c in counts))
print(f"largest money difference: {max((in_db[c] - in_memory[c]).abs().max() for c in money):.2f} RUB")
in_db.head()

# %% [markdown]
# The money columns differ by less than a millionth of a rouble: the database adds the same amounts
# in another order, and floating-point sums differ in the last digits. To the cent, the tables are
# equal.
#
# ## Cohorts and channels, in the database too
#
# The cohort table comes back from the database in long form, one row per cohort and month that
# has orders; `collect` spreads it into the grid of notebook 09 (empty months 0, months not yet
# observed NaN). LTV by channel gives notebook 10's figures per source.

# %%
cumulative = collect(cohort_table_in_db(school, value="cumulative_ltv", margin=margin))
same = cohort_table(school_orders(), value="cumulative_ltv", margin=margin)
print(f"{len(cumulative)} cohorts x {cumulative.shape[1]} months; largest difference from pandas: "
      f"{(cumulative - same).abs().max().max():.2f} RUB per customer")
cumulative.iloc[:4, :6].round(0)

# %%
sources = collect(channel_ltv(school, margin=margin))
from_notebook_10 = partner_economics(partner_base(school_orders(), school_costs()), margin=margin)["gross_ltv"]
print(f"LTV per customer by source: largest difference from notebook 10's gross LTV "
      f"{(sources['ltv'] - from_notebook_10.reindex(sources.index)).abs().max():.2f} RUB")
sources[["customers", "repeat_buyers", "ltv"]].round(3)

# %% [markdown]
# ## A bigger file: a Parquet file of three million orders
#
# Warehouses and data lakes keep orders in columnar files such as Parquet. We write one: three
# million orders of 300,000 customers with text ids, simulated with a seed and written to a
# temporary folder (it is not part of the workbook). Most customers buy once or twice and a few
# buy hundreds of times. DuckDB reads the file where it lies: `read_parquet` only looks at its
# columns until a query runs.

# %%
log = simulate_order_log(3_000_000, 300_000, seed=12, weight_shape=0.2)
log.insert(0, "customer", "C" + log.pop("customer_id").astype(str))
workspace = tempfile.TemporaryDirectory(prefix="ltvkit-nb12-")  # removed when the kernel stops
folder = Path(workspace.name)
log.to_parquet(folder / "orders.parquet", index=False)
orders = con.read_parquet(folder / "orders.parquet")
print(f"{orders.count().execute():,} orders; {(folder / 'orders.parquet').stat().st_size / 1e6:.0f} MB of Parquet")

# %%
big = collect(customer_summary_in_db(orders))
big_in_memory = customer_summary(log)
print(f"{len(big):,} customers; same as pandas: ids {big.index.equals(big_in_memory.index)}, "
      f"counts and days {all((big[c] == big_in_memory[c]).all() for c in counts)}, money to the cent "
      f"{max((big[c] - big_in_memory[c]).abs().max() for c in money) < 0.005}")

# %% [markdown]
# ## BG/NBD on the triples: a model fitted on a few thousand rows
#
# BG/NBD (notebook 14) reads each customer only through three numbers: repeat purchases
# (frequency), the time of the last one (recency) and the customer's age (T). Customers with the
# same three numbers add the same term to the likelihood, so a fit on the distinct triples, each
# weighted by how many customers share it, is the same fit as on every customer. `rfm_triples`
# makes that reduction in the database; in weeks, the school's 4,376 customers become a table of
# under two thousand rows, whatever the number of customers.

# %%
weekly = customer_summary_in_db(school, period="W")
triples = rfm_triples(weekly).to_pandas()
fit = fit_bgnbd_triples(triples, time_unit="weeks")
every = customer_summary(school_orders(), period="W")
reference = fit_bgnbd(RFMSummary.create(frequency=every["frequency"], recency=every["recency"], T=every["T"],
                                        time_unit="weeks"))
print(f"{triples['customers'].sum():,} customers in {len(triples):,} triples")
print(f"fit on the triples:        r {fit.r:.4f}, alpha {fit.alpha:.4f}, a {fit.a:.4f}, b {fit.b:.4f}")
print(f"fit on every customer:     r {reference.r:.4f}, alpha {reference.alpha:.4f}, a {reference.a:.4f}, "
      f"b {reference.b:.4f}")
triples.sort_values(["customers", "frequency", "recency", "T"], ascending=[False, True, True, True],
                    ignore_index=True).head()  # the database returns rows in no fixed order

# %% [markdown]
# The same four parameters. The largest triples are customers who bought once and never again
# (frequency 0), one triple for each age in weeks. The benchmark of this workbook (`make bench`,
# `benchmarks/results/warehouse.md`) runs the same reduction on a base of 10,000,000 customers in
# DuckDB and fits BG/NBD and Gamma-Gamma on the result.
#
# ## The SQL, for your warehouse
#
# An analyst does not need Python to use these definitions. Build the expression on a table that
# stands for the warehouse's (`orders_table` gives its name and columns, and no connection), and
# print its SQL for the warehouse's dialect. This is the customer summary for BigQuery, up to the
# end of 2024; `sql(..., "snowflake")` and `sql(..., "spark")` give the other two.

# %%
warehouse_orders = orders_table("orders", database="shop")
print(sql(customer_summary_in_db(warehouse_orders, observation_end="2024-12-31"), "bigquery"))

# %% [markdown]
# Read from the inside out: the innermost query turns each order into its day; the next groups
# customer and day into one purchase (the same-day merge); the next groups each customer's days
# into first and last purchase, orders, purchase days and revenue, with `MIN_BY` picking the
# first day's money; the outer query computes frequency, recency, T and the repeat value.
#
# The same expressions run on Spark, or on BigQuery itself, through Ibis's connection to it. Not
# run here (Spark needs Java, BigQuery an account):
#
# ```python
# from ltvkit.warehouse import collect, connect, customer_summary
#
# spark = connect("pyspark")  # a local Spark session; or connect("pyspark", session=your_session)
# summary = collect(customer_summary(spark.read_parquet("orders/*.parquet")))
#
# bq = connect("bigquery", project_id="my-project", dataset_id="shop")  # pip install 'ibis-framework[bigquery]'
# summary = customer_summary(bq.table("orders"), observation_end="2024-12-31")
# summary.to_pandas()  # or keep it in BigQuery: bq.create_table("customer_summary", summary)
# ```

# %% [markdown]
# ### A critical look: the same numbers only with the same definitions
#
# The database gives notebook 09's numbers because every definition was carried over, and each is
# a choice a hand-written query can get wrong:
#
# - **Days.** A purchase day is the order's calendar date as written. A timestamp stored with a
#   time zone is cut into days in the connection's zone: a Moscow shop whose warehouse works in
#   UTC would see every order placed between midnight and 3 a.m. on the day before.
# - **The same-day merge.** Counting order rows instead of purchase days raises frequency for
#   every customer who splits a basket into two orders.
# - **Refunds.** Net revenue includes them; purchase counts do not. A customer with only refunds
#   in the period has no first purchase and is left out (the in-memory report counts them).
# - **T.** Without `observation_end` the age runs to the last order's day in the table. A
#   warehouse still loading today's orders should pass a fixed date, or the summary changes by
#   the hour.
# - **Cost.** The checks (`LTVInputError` for a missing column, text amounts, NULLs, blank ids)
#   read the table once before the summary reads it again; a warehouse that bills by bytes
#   scanned bills that twice.
#
# And the reduction has a limit: Gamma-Gamma reads each repeat buyer's average spend, a continuous
# number, so `repeat_spend` shrinks the data far less than the triples do.

# %% [markdown]
# ## Try it
#
# Change the period (`"D"`, `"W"` or `"M"`) and the end of observation, and run the cell: it
# computes the school's summary in DuckDB and in pandas, says whether they agree, and how many
# triples the database returns. At the starting values, weeks up to 30 June 2024:

# %%
period, observation_end = "W", "2024-06-30"
db = collect(customer_summary_in_db(school, period=period, observation_end=observation_end, after_end="drop"))
pandas = customer_summary(school_orders(), period=period, observation_end=observation_end, after_end="drop")
triple_rows = rfm_triples(customer_summary_in_db(school, period=period, observation_end=observation_end,
                                                 after_end="drop")).count().execute()
print(f"period {period}, up to {observation_end}: {len(db):,} customers, {triple_rows:,} triples; the database and "
      f"pandas agree: {db.index.equals(pandas.index) and all((db[c] == pandas[c]).all() for c in counts)}; "
      f"revenue {format_money(db['revenue'].sum(), 'RUB')}")

# %% [markdown]
# ## Exercises
#
# **ex-12-1.** Summarise the school in calendar months (`period="M"`) in the database and reduce
# the summary to its triples. How many rows does the database return?

# %%
answer = None
check("ex-12-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = rfm_triples(customer_summary_in_db(school, period="M")).count().execute()
check("ex-12-1", answer)

# %% [markdown]
# **ex-12-2.** The table above splits the affiliate programme into its partners. With a 60%
# margin, what is the LTV per customer of the whole programme, all its partners together, computed
# in the database? Answer in RUB.

# %%
answer = None
check("ex-12-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = collect(channel_ltv(school, margin=0.6, by=("channel",))).loc["Партнёрская программа", "ltv"]
check("ex-12-2", answer)

# %% [markdown]
# ## Summary
#
# | step | ltvkit.warehouse | what to check |
# |---|---|---|
# | open a database | `connect()` (DuckDB in this process), `connect("pyspark")`, `connect("bigquery", ...)` | nothing to start for DuckDB |
# | put orders in it | `load_orders(con, frame)`, `con.read_parquet(path)`, `con.table(name)` | columns `customer`, `date`, `amount` (and `channel`, `partner`) |
# | the tables | `customer_summary`, `cohort_table`, `channel_ltv`: expressions, run by `collect` | equal to pandas: ids, days, counts, money to the cent |
# | fit on a few rows | `rfm_triples(summary)` then `fit_bgnbd_triples(triples, time_unit=...)` | the same estimates as on every customer |
# | the SQL | `sql(expr, "bigquery")` on `orders_table("orders", database=...)` | same-day merge, refunds, time zone, a fixed observation end |
#
# The definitions do not change with the engine; only where the work is done does. Next:
# notebook 13 turns from counting what customers did to modelling why they stay.
