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
# # 11 · Engagement and LTV: what correlates, and what would move it
#
# After this notebook you can measure how each engagement metric relates to LTV, split customers
# into segments by a metric, and tell a metric that predicts LTV from one that would raise it if
# you pushed it.
#
# **You will learn**
# - to join product analytics with each customer's LTV over a fixed horizon;
# - correlation (Pearson and rank) and top-vs-bottom segments for each metric;
# - how a common cause, a device, or a metric built from purchases can make a correlation lie;
# - to judge a metric against the value that comes *after* the days it is measured in;
# - to check a claimed lever against a simulation whose truth is known.
#
# **You need**: notebook 09 (customer summary, cohorts). Some statistics vocabulary helps
# (correlation), but every step is explained.

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
# ## What the article claims
#
# “Анализ влияния метрик вовлеченности на жизненную ценность клиента (LTV)” (How engagement metrics
# affect LTV) lists engagement metrics and says how each acts on LTV: longer interactions, more
# return visits and a higher conversion from interactions raise it, and a high bounce rate lowers
# it. One quoted line concedes that some engagement does nothing for LTV, and the article
# recommends engagement KPIs and A/B tests. It gives no numbers. The school's product analytics give
# us six metrics per customer, each measured in the 30 days after the first purchase. The article
# defines conversion from interactions as the share of completed target actions; for the school it
# is the share of that month's emails and pushes that led to one (a free lesson booked, or a
# purchase: a repeat purchase within the 30 days counts as a converted interaction):

# %%
engagement = read_engagement("../data/school_engagement.csv").set_index("customer")
for metric in METRICS:
    print(f"{metric:20} {metric_label(metric)}")
engagement.describe().round(1)

# %% [markdown] key="11-ltv-over-the-same"
# ## LTV over the same horizon for everyone
#
# A customer who joined last month has had no time to buy again, and their engagement was measured
# just now: comparing them with a customer of two years would confuse age with value. So we take
# each customer's LTV over their first 12 months (`horizon_ltv`), keeping only customers whose
# first 12 months are all in the data: those who joined by 1 January 2024.

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
# ## Each metric against LTV
#
# For each metric: the linear (Pearson) and the rank (Spearman) correlation with 12-month LTV, the
# mean LTV of the bottom and the top quarter of customers by that metric, and whether the sign
# matches the article's claim.

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
# Read as the article reads it, every metric "works": each moves with LTV in the claimed direction,
# time with the product most of all, and the top quarter by sessions is worth more than twice the
# bottom quarter (LTV in RUB per customer, 12 months, margin 60%). Only average time per session says
# almost nothing. Conversion is zero for about half of the customers (most of the month's emails
# lead to nothing), so its quarters split many equal values by the order of the rows; read its rank
# correlation rather than its quarters. A marketer would now set the KPIs the article recommends:
# more sessions, more returns, a lower bounce rate. Would LTV follow?

# %% [markdown] key="11-the-known-truth-what"
# ## The known truth: what the simulation says causes purchases
#
# These customers are simulated, so we know how their purchases were made (`data/README.md`).
# Each customer has a hidden motivation. Motivated customers spend more time with the product, open
# it more often, come back more, bounce less, and buy more. On top of that, **time with the product
# itself raises the purchase rate** (learning the material makes the next course attractive).
# Sessions, return days and bounce are only symptoms of motivation: they cause nothing. Mobile
# users open the app more often in shorter sessions without buying more. And conversion from
# interactions counts a repeat purchase of the first 30 days as a converted interaction: customers
# with a high purchase rate buy again sooner and so convert more, while the emails and pushes
# themselves sell nothing. Conversion is a symptom of the purchase rate.
#
# We can do what no real company can: run the same customers again with a metric pushed up by 50%
# and everything else equal, and compare with what a straight line through the data promises.

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
# Pushing sessions (say, with reminders that make people open the app) changes nothing: not a
# rouble. Pushing time with the product does raise LTV, but by less than the line promises,
# because part of the correlation is motivation, which the push does not create.
#
# Two more traps sit in the same table. **Device**: mobile users have about 70% more sessions and no
# higher LTV, so a sessions KPI mostly measures the device mix.

# %%
by_device = frame.groupby("device")[["sessions_30d", "minutes_per_session", "ltv_12m"]].mean()
by_device.round(1)

# %% [markdown] key="11-conversion-counts-the-repeat"
# **Conversion** counts the repeat purchases of the first 30 days, and the 12-month LTV counts them
# too: part of its correlation is the same purchases on both sides. A metric measured in the first
# 30 days can only tell us about what comes after them, so measure the outcome there: each
# customer's LTV from day 30 to the end of their first 12 months (`ltv_after_window`), for the same
# customers.

# %%
later = ltv_after_window(orders, window_days=ENGAGEMENT_DAYS, months=12, margin=margin)
fair = metric_table(frame.join(later), later.name, claims=ARTICLE_DIRECTIONS)
windows = measured[["spearman"]].rename(columns={"spearman": tr("with the first 12 months' LTV")})
windows[tr("with LTV after day {day}", day=ENGAGEMENT_DAYS)] = fair["spearman"]
print(tr("mean LTV per customer after day {day} of their first 12 months: {ltv}", day=ENGAGEMENT_DAYS,
         ltv=format_money(later.mean(), "RUB", decimals=0)))
windows.round(2)

# %% [markdown] key="11-five-metrics-keep-their"
# Five metrics keep their rank correlation when the first 30 days leave the outcome; conversion's
# falls by half. What remains is real, and useful: a customer who buys again in their first month
# is likely to keep buying, so conversion helps to spot valuable customers early. It is no lever:
# in the simulation, more clicks on emails would not add a sale. Whether a real email that converts
# sells something the customer would not have bought anyway is a question for an A/B test.

# %% [markdown] key="11-a-critical-look-the"
# ### A critical look: the article's table, measured
#
# | article's metric | claimed | measured (rank correlation) | in the simulation |
# |---|---|---|---|
# | average interaction time | higher, more purchases | about zero: long sessions on desktop, short on mobile | none of its own: only total time acts |
# | number of returns | more, higher LTV | positive | no effect: a symptom of motivation |
# | conversion from interactions | a direct driver | positive, half of it the first month's purchases counted twice | no effect: a symptom of the purchase rate |
# | bounce rate | high, lower LTV | negative | no effect: a symptom |
# | time spent with the product (total) | more, higher LTV | positive | **causes** part of it |
#
# All four of the article's directions show up in the data, yet three of its four table metrics
# (returns, conversion, bounce) would not move LTV if pushed, and average interaction time would move
# it only by adding total time. The article's own caveat, that some engagement does not pay, is the
# line the data support best. A correlation can find who is valuable (useful for segments and
# forecasts); only an experiment shows what makes customers valuable. The article does recommend A/B
# tests: run them on the push itself (send reminders to a random half) before making a metric a KPI.

# %%
print(measured[["spearman", "agrees"]].assign(spearman=measured["spearman"].round(2)).to_string())
print(tr("customers on mobile: {share}", share=format_share((frame["device"] == "Мобильное").mean())))

# %% [markdown] key="11-try-it"
# ## Try it
#
# Pick a metric (0 = time per session, 1 = minutes in 30 days, 2 = sessions, 3 = return days,
# 4 = conversion, 5 = bounce) and a number of segments: the label gives the top and bottom
# segment's 12-month LTV and the rank correlation; the chart shows every segment. One segment is
# refused (there is nothing to compare). The next cell prints the result at the starting values.

# %%
calculator = engagement_calculator(frame)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="11-exercises"
# ## Exercises
#
# **ex-11-1.** Take the device out of the sessions metric: among desktop users only (`device` is
# "Компьютер"), what is the rank (Spearman) correlation between sessions in the first 30 days and
# 12-month LTV? Two decimals are enough. Is it higher or lower than for everyone? (ex-11-3 asks why.)

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
# **ex-11-2.** In the simulation, raise time with the product by 50% (`SchoolTruth(minutes_lift=1.5)`).
# By how many roubles does revenue per customer over the whole two years (all customers; orders'
# amounts summed, divided by the number of customers) rise?

# %%
answer = None
check("ex-11-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
lifted = simulate_school(replace(SchoolTruth(), minutes_lift=1.5))
answer = (lifted.orders["amount"].sum() / len(lifted.customers)
          - base.orders["amount"].sum() / len(base.customers))
check("ex-11-2", answer)

# %% [markdown] key="11-ex-11-3"
# **ex-11-3.** Why is the rank correlation of sessions with LTV higher among desktop users alone
# than among everyone?

# %%
print(options("ex-11-3"))
answer = None  # a letter, such as "a"
check("ex-11-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # mobile users' extra sessions come from the device, not from motivation, and blur the link
check("ex-11-3", answer)

# %% [markdown] key="11-ex-11-4"
# **ex-11-4.** Why does conversion's rank correlation fall by half when the outcome is the LTV after
# day 30 instead of the whole first 12 months?

# %%
print(options("ex-11-4"))
answer = None  # a letter, such as "a"
check("ex-11-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # the first month's repeat purchases sit in the metric and in the 12-month outcome alike
check("ex-11-4", answer)

# %% [markdown] key="11-summary"
# ## Summary
#
# | question | ltvkit | read it as |
# |---|---|---|
# | LTV on the same horizon for everyone | `horizon_ltv(orders, months=12)` | compare customers of the same age |
# | which metrics go with LTV | `metric_table(frame, "ltv_12m", claims=...)` | who is valuable (prediction) |
# | LTV by segment of a metric | `quantile_segments(frame, metric, value)` | segments for targeting |
# | what a line through the data promises | `naive_lift(frame, metric, value, lift=...)` | not what a push will do |
# | the value a 30-day metric can predict | `ltv_after_window(orders, window_days=30, months=12)` | the outcome starts where the metric ends |
#
# Correlation finds valuable customers; it does not say what makes them valuable. Before setting an
# engagement KPI, ask whether the metric could be a symptom (a common cause), a mix effect (device),
# or a count of the very purchases it is meant to predict (measure the outcome after the metric's
# window) — and test the lever itself.
