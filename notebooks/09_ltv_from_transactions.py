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

# %% [markdown] key="09-title"
# # 09 · LTV from an order export: customers, the heavy tail, and cohorts
#
# After this notebook you can load a shop's or CRM's order export as it comes, turn it into a
# historical LTV per customer, read its distribution honestly, and follow cohorts of customers
# month by month — on a simulated online school and on the real CDNOW data.
#
# **You will learn**
# - to read a Russian Excel export (`;`, decimal comma, cp1251, day-first dates) without losing
#   or inventing a single rouble, and what to do with rows the loader refuses;
# - to build a per-customer summary: orders, repeat purchases, recency, age, revenue, LTV;
# - why the mean LTV is not the typical customer's LTV (the heavy tail);
# - to read a retention heatmap and cumulative LTV curves by cohort;
# - why an analytics tool that forgets a customer after a while caps the LTV it can measure;
# - that the same code reproduces a published summary of real data (CDNOW) exactly.
#
# **You need**: notebooks 01-02 (historical LTV, margin). The data are in `../data` (see
# `data/README.md` for where each file comes from).

# %%
import pandas as pd

from ltvkit import LTVInputError, check, format_money, format_number, format_share, tr, tr_n
from ltvkit.calculators import cohort_ltv_calculator
from ltvkit.course.exercises import options
from ltvkit.orders import (
    cohort_sizes,
    cohort_table,
    customer_summary,
    horizon_ltv,
    load_report,
    ltv_after_window,
    read_orders,
    retention_matrix,
    top_share,
)
from ltvkit.plots import cohort_curves, cohort_heatmap, ltv_histogram, revenue_concentration

# %% [markdown] key="09-the-school-s-export"
# ## The school's export, as it comes
#
# The articles keep telling us to take purchases "from the CRM". Here is what a CRM gives: the
# order export of an online school of IT courses (simulated, with known true parameters — see
# `data/README.md`). It is a CSV written for Russian Excel: fields separated by `;`, amounts like
# `12 900,00` with a non-breaking space, dates like `05.03.2024 14:22`, encoded in cp1251. A
# refund is a row with a negative amount. First, let the loader read it with its defaults.

# %%
columns = dict(customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.", partner="Партнёр", channel="Канал",
               extra={"Номер заказа": "order", "Курс": "product", "Статус": "status"})
try:
    read_orders("../data/school_orders.csv", **columns)
except LTVInputError as error:
    print(error)

# %% [markdown] key="09-the-loader-refuses-the"
# The loader refuses the file and says why, line by line: two test orders without a customer and
# one corporate order whose amount was never filled in ("по счёту", by invoice). It does not guess.
# We decide: the test orders are not sales, and the invoice will be counted when it is paid. So we
# skip those rows — explicitly — and read the report of what was left out.

# %%
orders = read_orders("../data/school_orders.csv", **columns, on_bad_rows="skip")
print(load_report(orders))
print(orders.dtypes.to_string())

# %%
orders.head()

# %% [markdown] key="09-from-orders-to-customers"
# ## From orders to customers
#
# `customer_summary` turns the order rows into one row per customer. Orders on the same day are
# one purchase. `frequency` counts purchases after the first (repeat purchases), `recency` is the
# time from the first to the last purchase and `T` the customer's age at the end of the data,
# here in days. Revenue is net of refunds; `historical_ltv` is revenue times the margin: the
# **gross LTV** of notebook 02, before any acquisition cost is taken off. We use a gross margin of
# 60% for the school (an assumption: a course's teachers, platform and support cost about 40% of
# its price).

# %%
margin = 0.6
summary = customer_summary(orders, margin=margin)
print(summary.attrs["summary_report"])
summary.head()

# %% [markdown] key="09-the-report-s-first"
# The report's first line reconciles the rows: every order row up to the last day is a purchase or a
# refund. No money is lost on the way either: the summary's revenue is exactly the sum of the
# amounts read.

# %%
assert abs(summary["revenue"].sum() - orders["amount"].sum()) < 0.01
print(tr_n("{customers} customer; revenue {revenue}; historical LTV at margin {margin}: {ltv}",
           "{customers} customers; revenue {revenue}; historical LTV at margin {margin}: {ltv}", len(summary),
           customers=format_number(len(summary)), revenue=format_money(summary["revenue"].sum(), "RUB"),
           margin=format_share(margin, 0), ltv=format_money(summary["historical_ltv"].sum(), "RUB")))
print(tr("customers who bought again: {share}", share=format_share((summary["frequency"] > 0).mean())))

# %% [markdown] key="09-mean-and-median-the"
# ## Mean and median: the heavy tail
#
# "Average LTV" is the number most articles compute. On real customers the average is pulled up by
# a few who buy a lot; the median customer is worth much less.

# %%
ltv = summary["historical_ltv"]
print(tr("mean historical LTV:   {amount}", amount=format_money(ltv.mean(), "RUB", decimals=0)))
print(tr("median historical LTV: {amount}", amount=format_money(ltv.median(), "RUB", decimals=0)))
print(tr("the top 10% of customers bring {share} of revenue", share=format_share(top_share(summary["revenue"], 0.10))))

# %%
ltv_histogram(ltv, currency="RUB", title=tr("Historical LTV per customer, the school (margin 60%)"))

# %%
revenue_concentration(summary["revenue"], title=tr("Share of revenue by share of customers"))

# %% [markdown] key="09-a-critical-look-one"
# ### A critical look: one average hides two businesses
#
# The formula the articles use most, average check × purchases × lifetime, gives one number per
# company. The school's data show why a single number misleads: most customers buy once (a cheap
# starter course, or one main course) and a minority buy again and again. A budget built on the
# mean LTV assumes every new customer is worth the mean; the median says the typical one is worth
# about half of it. Use the mean for totals (revenue of 1,000 new customers), the distribution
# for decisions about single customers and segments.

# %% [markdown] key="09-cohorts-customers-grouped-by"
# ## Cohorts: customers grouped by the month of their first purchase
#
# Customers who joined in different months have been observed for different times: a customer who
# came in December 2024 has had no chance to buy again yet. Comparing them in one table mixes age
# with value. A cohort table puts each group on its own row and counts the months since its first
# purchase across, so every column compares customers of the same age.

# %%
retention = retention_matrix(orders)
print(tr_n("{count} cohort; share buying again in month 1 after joining: {share} on average",
           "{count} cohorts; share buying again in month 1 after joining: {share} on average", len(retention),
           count=len(retention), share=format_share(retention[1].mean())))
cohort_heatmap(retention, title=tr("Share of each cohort buying in month N after its first purchase"))

# %% [markdown] key="09-column-0-is-always"
# Column 0 is always 100%: everyone buys in the month they join (the colour scale stops lower, so
# that the other columns stay readable). From column 1 on, a minority of each cohort buys in any
# given month: about one customer in seven in the month after joining, fewer and fewer later. The
# empty triangle at the bottom right is the future: not observed yet.
#
# Cumulative LTV per customer adds the revenue of each month (net of refunds) times the margin,
# divided by the cohort's size. One line per cohort:

# %%
cumulative = cohort_table(orders, value="cumulative_ltv", margin=margin)
sizes = cohort_sizes(orders)
print(tr_n("cohort sizes: from {low} to {high} customer", "cohort sizes: from {low} to {high} customers", sizes.max(),
           low=format_number(sizes.min()), high=format_number(sizes.max())))
print(tr("mean LTV per customer after 12 months, cohorts of 2023: {amount}",
         amount=format_money(cumulative.iloc[:12][11].mean(), "RUB", decimals=0)))
cohort_curves(cumulative, currency="RUB", highlight="2023-09",
              title=tr("Cumulative LTV per customer by cohort (margin 60%)"))

# %% [markdown] key="09-two-things-stand-out"
# Two things stand out. First, a 2023 customer brings more in their first 12 months than the
# "mean historical LTV" of all customers printed earlier: that mean mixes in customers who joined
# weeks ago and have had no time to buy again, so it understates what a customer is worth. Compare
# customers of the same age, or say how long the average covers. Second, the curves keep rising
# after a year: a 12-month LTV is not yet a lifetime's.
#
# The same table in money: each cohort's revenue (RUB, net of refunds) in months 0-5 after joining,
# for the first six cohorts.

# %%
cohort_table(orders, value="revenue").iloc[:6, :6].round(0)

# %% [markdown] key="09-a-critical-look-the"
# ### A critical look: the analytics tool's memory
#
# “Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса” (How to
# calculate LTV) closes by advising where to keep the history: in Google Analytics, which it says
# tracks a client by id for 540 days (and whose browser cookies live two years), in a CRM, or in a
# database. The choice is not neutral. A tool that forgets a customer after 540 days cannot see a
# purchase made later by the same person: it counts a new user, and the LTV it reports is capped at
# 540 days however loyal the customer. The CRM's export has no such limit. How much does the cap
# cut? Take the school's customers whose first 21 months are all in the data and see what their
# purchases after day 540 brought (`ltv_after_window` with a 540-day window; revenue, RUB):

# %%
first_21_months = horizon_ltv(orders, months=21)
after_540_days = ltv_after_window(orders, window_days=540, months=21)
print(tr_n("{customers} customer with 21 months observed; {buyers} of them bought after day 540, bringing {revenue} "
           "of their 21 months' revenue",
           "{customers} customers with 21 months observed; {buyers} of them bought after day 540, bringing {revenue} "
           "of their 21 months' revenue", len(first_21_months),
           customers=format_number(len(first_21_months)), buyers=format_share((after_540_days > 0).mean()),
           revenue=format_share(after_540_days.sum() / first_21_months.sum())))

# %% [markdown] key="09-within-21-months-the"
# Within 21 months the cut is small, but it only grows: the cumulative curves above are still
# rising after two years, and every purchase after the tool's memory ends is lost to the LTV and
# added to the count of "new" customers, which lowers the LTV per customer twice. Measure LTV
# from the system that keeps every order (the CRM, the shop's database), and say over how many
# days an LTV from an analytics tool was measured.

# %% [markdown] key="09-the-same-on-real"
# ## The same on real data: CDNOW
#
# CDNOW was an online music shop. The file `data/cdnow/CDNOW_sample.txt` (from the `lifetimes`
# package; the data come from Fader and Hardie's studies) holds every purchase of 2,357 customers
# who first bought in January-March 1997, followed to June 1998. It has no header and separates
# fields by spaces; the loader reads it with column names we give.

# %%
cdnow = read_orders("../data/cdnow/CDNOW_sample.txt", names=["master_id", "customer", "date", "cds", "amount"],
                    customer="customer", date="date", amount="amount")
cdnow["customer"] = cdnow["customer"].astype("int64")
print(load_report(cdnow))

# %% [markdown] key="09-lifetimes-also-ships-a"
# `lifetimes` also ships a summary of these customers over the first 39 weeks (to 1997-09-30):
# repeat purchases, recency and age in weeks, and the mean value of repeat purchases. Our
# `customer_summary` uses the same definitions, so it must give the same table. The orders after
# 1997-09-30 are left out on purpose (`after_end="drop"`), and the report says how many.

# %%
calibration = customer_summary(cdnow, observation_end="1997-09-30", after_end="drop")
print(calibration.attrs["summary_report"])
published = pd.read_csv("../data/cdnow/cdnow_customers_summary_with_transactions.csv", index_col="ID")
differences = pd.DataFrame({
    "frequency": calibration["frequency"] - published["x"],
    tr("recency, weeks"): (calibration["recency"] / 7).round(2) - published["t_x"],
    tr("age T, weeks"): (calibration["T"] / 7).round(2) - published["T"],
    tr("repeat value, USD"): calibration["monetary_value"] - published["zbar"],
})
print(differences.abs().max().round(4).to_string())
assert (differences.abs().max() <= 0.0051).all()

# %% [markdown] key="09-the-same-table-the"
# The same table: the only differences are in the last digit, where the published file rounds to
# two decimals. Now the whole 18 months: the same heavy tail as the school's, and three cohorts (the
# months of the first purchase).

# %%
cdnow_summary = customer_summary(cdnow)
print(tr("revenue per customer: mean {mean}, median {median}; {share} never bought again",
         mean=format_money(cdnow_summary["revenue"].mean(), "USD", decimals=2),
         median=format_money(cdnow_summary["revenue"].median(), "USD", decimals=2),
         share=format_share((cdnow_summary["frequency"] == 0).mean())))
ltv_histogram(cdnow_summary["revenue"], currency="USD", title=tr("Revenue per customer, CDNOW 1997-1998"))

# %%
cohort_heatmap(retention_matrix(cdnow), title=tr("CDNOW: share of each cohort buying in month N"))

# %% [markdown] key="09-try-it"
# ## Try it
#
# Pick a cohort (0 is January 2023), a horizon in months and a margin: the label gives the
# cohort's LTV per customer over that horizon, and the chart highlights its curve. A horizon
# longer than the cohort has lived says so instead of inventing a number; a margin above 100%
# is refused. The next cell prints the result at the starting values.

# %%
calculator = cohort_ltv_calculator(orders)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="09-exercises"
# ## Exercises
#
# **ex-09-1.** What is the median revenue per customer of the school (RUB, whole period, net of
# refunds)?

# %%
answer = None
check("ex-09-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = customer_summary(orders)["revenue"].median()
check("ex-09-1", answer)

# %% [markdown] key="09-ex-09-2"
# **ex-09-2.** A rule of thumb says that 20% of customers bring 80% of revenue. Which share of the
# school's revenue do its best 20% of customers bring? Answer as a fraction (0.25 for 25%).

# %%
answer = None
check("ex-09-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = top_share(customer_summary(orders)["revenue"], 0.20)
check("ex-09-2", answer)

# %% [markdown] key="09-ex-09-3"
# **ex-09-3.** Which share of CDNOW's revenue (the whole sample, 1997-1998) do its best 10% of
# customers bring? Is CDNOW's tail heavier or lighter than the school's? Answer as a fraction.

# %%
answer = None
check("ex-09-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = top_share(customer_summary(cdnow)["revenue"], 0.10)
check("ex-09-3", answer)

# %% [markdown] key="09-ex-09-4"
# **ex-09-4.** The mean historical LTV of all the school's customers is lower than what a customer of
# 2023 brought in their first 12 months. Why?

# %%
print(options("ex-09-4"))
answer = None  # a letter, such as "a"
check("ex-09-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # the mean mixes in customers who joined weeks ago and have had no time to buy again
check("ex-09-4", answer)

# %% [markdown] key="09-summary"
# ## Summary
#
# | step | ltvkit | what to check |
# |---|---|---|
# | read an export | `read_orders(path, customer=..., date=..., amount=...)` | the report: rows skipped, their amount, encoding, separator |
# | one row per customer | `customer_summary(orders, margin=...)` | revenue adds up to the orders' total |
# | historical (gross) LTV | revenue × margin per customer | mean vs median; `top_share(revenue, 0.10)` |
# | cohorts | `cohort_table(orders, value=...)`, `retention_matrix(orders)` | compare customers of the same age only |
# | what a tool with a memory of d days misses | `ltv_after_window(orders, window_days=d, months=...)` | keep the whole history; say the window |
#
# frequency = purchase days − 1 · recency = last − first purchase · T = end − first purchase ·
# repeat value = revenue after the first day / frequency. Next: notebook 10 splits this LTV by
# partner and channel, and prices commissions.
