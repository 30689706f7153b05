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
# - to check a claimed lever against a simulation whose truth is known.
#
# **You need**: notebook 09 (customer summary, cohorts). Some statistics vocabulary helps
# (correlation), but every step is explained.

# %%
from dataclasses import replace

from ltvkit import check, format_money, format_share
from ltvkit.calculators import engagement_calculator
from ltvkit.course.article_claims import ARTICLE_DIRECTIONS
from ltvkit.course.simulate import SchoolTruth, simulate_school
from ltvkit.orders import (
    METRICS,
    horizon_ltv,
    metric_table,
    naive_lift,
    quantile_segments,
    read_engagement,
    read_orders,
)
from ltvkit.plots import scatter_chart, segment_chart

# %% [markdown]
# ## What the article claims
#
# “Анализ влияния метрик вовлеченности на жизненную ценность клиента (LTV)” (How engagement metrics
# affect LTV) lists engagement metrics and says how each acts on LTV: longer interactions, more
# return visits and a higher conversion from interactions raise it, and a high bounce rate lowers
# it. One quoted line concedes that some engagement does nothing for LTV, and the article
# recommends engagement KPIs and A/B tests. It gives no numbers. The school's product analytics give
# us six metrics per customer. Five are measured in the 30 days after the first purchase; the sixth,
# conversion from interactions (the share of emails and pushes that led to a target action, a
# purchase included), is counted over the whole two years, as the school's dashboard reports it:

# %%
engagement = read_engagement("../data/school_engagement.csv").set_index("customer")
for metric, label in METRICS.items():
    print(f"{metric:20} {label}")
engagement.describe().round(1)

# %% [markdown]
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
print(f"{len(frame):,} customers with a full first year; mean 12-month LTV "
      f"{format_money(frame['ltv_12m'].mean(), 'RUB', decimals=0)} at margin {margin:.0%}")

# %% [markdown]
# ## Each metric against LTV
#
# For each metric: the linear (Pearson) and the rank (Spearman) correlation with 12-month LTV, the
# mean LTV of the bottom and the top quarter of customers by that metric, and whether the sign
# matches the article's claim.

# %%
measured = metric_table(frame, "ltv_12m", claims=ARTICLE_DIRECTIONS)
measured.round({"pearson": 2, "spearman": 2, "bottom_quarter": 0, "top_quarter": 0, "top_to_bottom": 2})

# %%
scatter_chart(frame["minutes_30d"], frame["ltv_12m"], xlabel="minutes with the product in the first 30 days",
              ylabel="12-month LTV", currency="RUB", title="Time with the product against LTV", log_x=True)

# %%
segment_chart(quantile_segments(frame, "sessions_30d", "ltv_12m", segments=4), metric_label="sessions in 30 days",
              currency="RUB", title="12-month LTV by quarter of sessions")

# %% [markdown]
# Read as the article reads it, every metric "works": each moves with LTV in the claimed direction,
# conversion most of all, and the top quarter by sessions is worth more than twice the bottom
# quarter (LTV in RUB per customer, 12 months, margin 60%). Only average time per session says almost
# nothing. A marketer would now set the KPIs the article recommends: more sessions, more returns, a
# lower bounce rate. Would LTV follow?

# %% [markdown]
# ## The known truth: what the simulation says causes purchases
#
# These customers are simulated, so we know how their purchases were made (`data/README.md`).
# Each customer has a hidden motivation. Motivated customers spend more time with the product, open
# it more often, come back more, bounce less, and buy more. On top of that, **time with the product
# itself raises the purchase rate** (learning the material makes the next course attractive).
# Sessions, return days and bounce are only symptoms of motivation: they cause nothing. Mobile
# users open the app more often in shorter sessions without buying more. And conversion from
# interactions counts each repeat purchase of the two years as a converted interaction: purchases
# cause it.
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
    print(f"{metric} +50%: the straight line promises {format_money(promised, 'RUB', decimals=0)} more per customer; "
          f"the simulation gives {format_money(true_change, 'RUB', decimals=0)}")

# %% [markdown]
# Pushing sessions (say, with reminders that make people open the app) changes nothing: not a
# rouble. Pushing time with the product does raise LTV, but by less than the line promises,
# because part of the correlation is motivation, which the push does not create.
#
# Two more traps sit in the same table. **Conversion** is built from purchases, and from purchases
# made long after the first 30 days: its high correlation is LTV measuring itself, so it cannot
# predict anything early, and pushing it (more clicks on emails) would not add a sale. **Device**:
# mobile users have about 70% more sessions and no higher LTV, so a sessions KPI mostly measures the
# device mix.

# %%
by_device = frame.groupby("device")[["sessions_30d", "minutes_per_session", "ltv_12m"]].mean()
by_device.round(1)

# %% [markdown]
# ### A critical look: the article's table, measured
#
# | article's metric | claimed | measured (rank correlation) | in the simulation |
# |---|---|---|---|
# | average interaction time | higher, more purchases | about zero: long sessions on desktop, short on mobile | none of its own: only total time acts |
# | number of returns | more, higher LTV | positive | no effect: a symptom of motivation |
# | conversion from interactions | a direct driver | the strongest | reversed: purchases raise it |
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
print(f"customers on mobile: {format_share((frame['device'] == 'Мобильное').mean())}")

# %% [markdown]
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

# %% [markdown]
# ## Exercises
#
# **ex-11-1.** Take the device out of the sessions metric: among desktop users only (`device` is
# "Компьютер"), what is the rank (Spearman) correlation between sessions in the first 30 days and
# 12-month LTV? Two decimals are enough. Is it higher or lower than for everyone, and why?

# %%
answer = None
check("ex-11-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
desktop = frame[frame["device"] == "Компьютер"]
answer = desktop["sessions_30d"].rank().corr(desktop["ltv_12m"].rank())
check("ex-11-1", answer)
# Higher than for everyone: mixing devices adds sessions that have nothing to do with motivation (mobile
# users open the app more often), which blurs the link; within one device, sessions track motivation better.

# %% [markdown]
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

# %% [markdown]
# ## Summary
#
# | question | ltvkit | read it as |
# |---|---|---|
# | LTV on the same horizon for everyone | `horizon_ltv(orders, months=12)` | compare customers of the same age |
# | which metrics go with LTV | `metric_table(frame, "ltv_12m", claims=...)` | who is valuable (prediction) |
# | LTV by segment of a metric | `quantile_segments(frame, metric, value)` | segments for targeting |
# | what a line through the data promises | `naive_lift(frame, metric, value, lift=...)` | not what a push will do |
#
# Correlation finds valuable customers; it does not say what makes them valuable. Before setting an
# engagement KPI, ask whether the metric could be a symptom (a common cause), a mix effect (device),
# or a consequence of purchases (or counted over a longer time than the LTV it "predicts") — and
# test the lever itself.
