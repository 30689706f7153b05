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
# # 04 · Churn and lifetime: how long does a customer stay?
#
# After this notebook you can measure a churn rate from two counts, turn it into an expected
# lifetime and an LTV, and explain what a constant churn rate really does to a group of
# customers over time.
#
# **You will learn**
# - churn = customers lost in a month / customers paying at its start, and what to count;
# - expected lifetime = 1 / churn, and LTV = monthly price × lifetime;
# - why customers leave along a curve, not a straight line: the share still paying after
#   20 and 60 months, and the median lifetime;
# - how churn sets the least a customer must bring per period to repay their acquisition cost;
# - why the link between churn and LTV is inverse and curved, not a "direct dependence".
#
# **You need**: notebook 01 (ARPU × lifetime) and notebook 03 (averages over different customers).

# %%
import numpy as np

from ltvkit import (
    LTVInputError,
    agrees,
    arpu_ltv,
    check,
    churn_rate,
    example,
    format_money,
    format_share,
    lifetime_from_churn,
    linear_decay_curve,
    subscription_ltv,
    survival_curve,
)
from ltvkit.calculators import churn_calculator
from ltvkit.course.exercises import options
from ltvkit.formulas import break_even_price, median_lifetime
from ltvkit.money import format_rows
from ltvkit.plots import line_chart, survival_comparison_chart

# %% [markdown]
# ## E-fitness: ARPU × lifetime when the lifetime is known
#
# The article “Как посчитать LTV и использовать эту метрику для повышения эффективности
# бизнеса” (How to calculate LTV and use it) illustrates its basic formula, LTV = lifetime ×
# ARPU, with a fitness club. Membership is priced at 500 RUB per month, and the typical member
# pays for six months in one go. So a member pays for 6 months:

# %%
fitness = example("E-fitness")
fitness_ltv = arpu_ltv(arpu=fitness.inputs["monthly_price"], lifetime=fitness.inputs["lifetime_months"])
print(f"LTV = {format_money(fitness_ltv, fitness.currency)} per member")
assert agrees(fitness_ltv, fitness.figures["ltv"])

# %% [markdown]
# Here the lifetime is easy because it is bought in advance: 6 months is the length of the
# membership, not a forecast of how long people stay. The article says as much: 3,000 RUB is
# what a member spends in half a year. Members who renew bring more, so 3,000 RUB is the
# value of one purchase, a floor for the LTV. When customers pay month by month, nobody tells
# you the lifetime in advance; it has to be inferred from how many leave. That is what churn
# is for.

# %% [markdown]
# ## Churn rate from counts
#
# For businesses paid monthly, such as software, the same article measures the churn rate as
# the customers who left during a month divided by the customers who paid for the previous
# month. Two counts from the billing system are enough. An illustration with round numbers
# of our own (the article gives none): 1,000 customers paid in March, and 50 of them did not
# pay in April.

# %%
march_payers, lost_in_april = 1000, 50
churn = churn_rate(customers_lost=lost_in_april, customers_at_start=march_payers)
print(f"Churn in April: {lost_in_april} / {march_payers:,} = {format_share(churn)} a month")

# %% [markdown]
# Three rules keep the count honest:
#
# - the denominator is the customers paying *at the start* of the month; customers who signed
#   up during April are not in it, and they cannot be among the lost either;
# - both counts cover the same month, and the churn is "per month" — a yearly churn is a
#   different number, not twelve times this one;
# - one month is noisy; average several months before you build a lifetime on it.
#
# `churn_rate` refuses a count that cannot be right, such as more customers lost than there
# were at the start:

# %%
try:
    churn_rate(customers_lost=120, customers_at_start=100)
except LTVInputError as error:
    print(f"LTVInputError: {error}")

# %% [markdown]
# ## E-churn: 5% a month, a lifetime of 20 months, LTV 4,000 RUB
#
# The article's "pro" formula takes a churn of 5% a month, says the customer's lifetime is
# then 20 months, and with 200 RUB a month gets LTV = 200 × 20 = 4,000 RUB. Elsewhere the
# article gives the general rule: the average lifetime is 1 / churn.

# %%
churn_example = example("E-churn")
monthly_churn = churn_example.inputs["churn_per_month"]
lifetime = lifetime_from_churn(monthly_churn)
ltv = subscription_ltv(churn_example.inputs["monthly_price"], churn_rate=monthly_churn)
print(f"Lifetime = 1 / {monthly_churn} = {lifetime:.0f} months; "
      f"LTV = {format_money(ltv, churn_example.currency)} per customer")
assert agrees(lifetime, churn_example.figures["lifetime_months"])
assert agrees(ltv, churn_example.figures["ltv"])

# %% [markdown]
# ### A critical look: customers do not leave in a straight line
#
# The figures are right, but the article's explanation is not. Its story has the customer's
# loyalty shrink by the same 5 points every month, 95%, then 90%, then 85%, until it hits zero
# at month 20, and it takes that month as the lifetime. That is a straight line: 5% *of the
# starting group* leaves each month, and everyone is gone by month 20.
#
# A churn rate of 5% a month means something else: each month 5% *of those still paying*
# leave. After one month 95% are left; after two, 95% of 95%, which is 90.25%; after three,
# 85.7%. The share left after t months is 0.95^t, a geometric curve that flattens out and
# never reaches zero. The two readings agree in the first months and then part ways:

# %%
months = np.arange(0, 61)
geometric = survival_curve(monthly_churn, 60)
straight = linear_decay_curve(monthly_churn, 60)
for month in (1, 2, 3, 10, 20, 40, 60):
    print(f"after {month:2d} months: geometric {format_share(geometric[month]):>6}, "
          f"straight line {format_share(straight[month]):>6}")

# %%
survival_comparison_chart(monthly_churn, 60, marks=[20, 60])

# %% [markdown]
# With a constant 5% churn, after 20 months more than a third of the customers are still
# paying, and after five years about one in twenty. Half of the group has left after about
# 13.5 months: that is the median lifetime, ln 0.5 / ln 0.95.

# %%
after_20, after_60 = geometric[20], geometric[60]
median = median_lifetime(monthly_churn)
print(f"Still paying after 20 months: {format_share(after_20)}; after 60 months: {format_share(after_60)}")
print(f"Median lifetime: {median:.1f} months")
assert agrees(after_20, churn_example.derived["share_paying_after_20_months"])
assert agrees(after_60, churn_example.derived["share_paying_after_60_months"])
assert agrees(median, churn_example.derived["median_lifetime_months"])

# %% [markdown]
# ### Why the expected lifetime is still 1 / churn
#
# If half the customers are gone by month 13.5, how can the average customer stay 20 months?
# Count the months that are paid. In the first month everyone pays (share 1); in the second,
# 95% of the group; in the third, 90.25%; and so on. The expected number of paid months per
# customer is the sum of these shares, the area under the survival curve:
#
# 1 + 0.95 + 0.95² + 0.95³ + … = 1 / (1 − 0.95) = 1 / 0.05 = 20 months.
#
# The few customers who stay for years pull the mean (20) above the median (13.5), just as
# Mr A pulled the average up in notebook 03. Under the article's straight line the same sum
# is only 10.5 months: its own picture would give an LTV of about 2,100 RUB, not 4,000.

# %%
expected_geometric = survival_curve(monthly_churn, 1000).sum()  # far enough for the tail to vanish
expected_straight = linear_decay_curve(monthly_churn, 1000).sum()
print(f"Expected paid months: geometric {expected_geometric:.1f}, straight line {expected_straight:.1f}")
print(f"LTV under the straight line: {format_money(churn_example.inputs['monthly_price'] * expected_straight, 'RUB')}")
assert agrees(expected_geometric, churn_example.figures["lifetime_months"])
assert agrees(expected_straight, churn_example.derived["straight_line_expected_months"])

# %% [markdown]
# The running sum shows how the expected paid months build up month by month under each
# reading: the straight line stops at 10.5, the geometric curve creeps on towards 20.

# %%
line_chart(
    months,
    {f"geometric: running sum of {1 - monthly_churn:g}^t": np.cumsum(geometric),
     "straight line: running sum": np.cumsum(straight)},
    xlabel="months since the start",
    ylabel="expected paid months so far",
)

# %% [markdown]
# So the article's 20 months and 4,000 RUB are right, for a different reason than the one it
# gives. In its story, 20 months is the *longest* anyone stays; with a constant churn it is
# the *average*, while the typical (median) customer leaves earlier and a long tail stays
# much longer. This matters in practice: after 20 months a third of the customers are still
# there to be served, sold to and kept.

# %% [markdown]
# ## E-churn-20: when 20% stop buying, what can a customer cost?
#
# In its section on controlling churn, the same article describes customers of whom 20%
# stop buying, and a cost of $60 to win an average customer: an LTV below $60 would mean
# losing money on every customer won. Read as 20% per period (a month, a year: the article
# does not say), the expected lifetime is 1 / 0.2 = 5 periods.

# %%
churn_20 = example("E-churn-20")
lifetime_20 = lifetime_from_churn(churn_20.inputs["churn_per_period"])
print(f"Lifetime = 1 / {churn_20.inputs['churn_per_period']} = {lifetime_20:.0f} periods")
assert agrees(lifetime_20, churn_20.derived["lifetime_periods"])

# %% [markdown]
# The LTV must at least repay the acquisition cost: value per period × 5 ≥ $60. So a customer
# has to bring at least $60 / 5 = $12 of gross profit per period, and the gross margin
# decides what price that takes. `break_even_price` does the arithmetic: CAC × churn / margin.

# %%
cac = churn_20.inputs["cac"]
break_even = break_even_price(cac, churn_rate=churn_20.inputs["churn_per_period"])
at_half_margin = break_even_price(cac, churn_rate=churn_20.inputs["churn_per_period"], margin=0.5)
print(f"LTV = CAC = {format_money(cac, 'USD')} at {format_money(break_even, 'USD')} of gross profit per period; "
      f"with a 50% margin the price must be {format_money(at_half_margin, 'USD')}")
assert agrees(subscription_ltv(break_even, churn_rate=churn_20.inputs["churn_per_period"]),
              churn_20.derived["break_even_ltv"])
assert agrees(break_even, churn_20.derived["break_even_price_per_period"])

# %%
prices = np.arange(0, 31)
line_chart(
    prices,
    {f"LTV at {churn_20.inputs['churn_per_period']:.0%} churn": subscription_ltv(
        prices, churn_rate=churn_20.inputs["churn_per_period"]),
     "CAC": np.full(prices.shape, cac)},
    xlabel="gross profit per period, $",
    ylabel="money per customer",
    currency="USD",
    title=f"Below \\${break_even:g} a period the customer never repays the \\${cac:g}",
)

# %% [markdown]
# The article's advice follows from the formula: halve the churn to 10% and the lifetime
# doubles to 10 periods, so the same customer repays a $60 CAC at $6 a period.

# %% [markdown]
# ### A critical look: a "direct dependence" that runs the other way
#
# “Увеличение LTV партнеров: проверенные стратегии” (Raising partners' LTV: proven strategies)
# lists churn among the factors of LTV and calls the link a direct dependence: the lower the
# churn, the higher the LTV. The second half is right, and it is the opposite of a direct
# (proportional) dependence: LTV = price × margin / churn, so LTV is *inversely* proportional to
# churn. Halving churn doubles LTV; doubling it halves LTV. And the curve is steep where churn is
# low: the same one-point cut is worth far more at 5% a month than at 20%. With E-churn's
# 200 RUB a month:

# %%
price = churn_example.inputs["monthly_price"]
rows = []
for before in (0.05, 0.10, 0.20, 0.40):
    after = before - 0.01
    ltv_before, ltv_after = subscription_ltv(price, churn_rate=before), subscription_ltv(price, churn_rate=after)
    rows.append((f"{before:.0%} -> {after:.0%}", ltv_before, ltv_after, f"{ltv_after / ltv_before - 1:+.1%}"))
print(format_rows(rows, header=("churn", "LTV before", "LTV after", "change"), decimals=0))

# %%
churns = np.linspace(0.02, 0.5, 49)
line_chart(churns * 100, {"LTV = 200 / churn": subscription_ltv(price, churn_rate=churns)},
           xlabel="monthly churn, %", ylabel="LTV per customer", currency="RUB",
           title="Lower churn, higher LTV: inversely, and steeply at low churn")

# %% [markdown]
# The article's other sentence, that cutting monthly churn even by a few points can lift LTV a
# lot, is true where churn is already low, and hardly at all where it is high. So before you
# price a churn programme, find out which part of the curve you are on.
#
# **ex-04-4.** Why does the same one-point cut in churn raise LTV by a quarter at 5% churn, and
# by about a twentieth at 20%?

# %%
print(options("ex-04-4"))
answer = None  # a letter, such as "a"
check("ex-04-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # LTV is price / churn: one point is a fifth of a 5% churn and a twentieth of a 20% one
check("ex-04-4", answer)

# %% [markdown]
# ## Try it
#
# Move the monthly churn and the price: the label shows the expected lifetime, the LTV, the
# median lifetime and the share still paying after a year, and the chart redraws both
# readings of the churn. The churn slider starts at 0 on purpose: with no churn nobody ever
# leaves, the lifetime is infinite, and the calculator shows a message instead of a number.
# The next cell prints the result at the starting values (E-churn's).

# %%
calculator = churn_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown]
# This is what the calculator says with the churn slider at 0:

# %%
at_zero = churn_calculator()
at_zero.controls["churn_rate"].value = 0
print(f"result: {at_zero.result_text}  message: {at_zero.error_text}")

# %% [markdown]
# ## Exercises
#
# Write your figure in place of `None` and run the cell: `check` says whether it is right or
# gives a hint. Solutions are folded under each exercise.
#
# **ex-04-1.** 1,200 customers paid for March; 90 of them did not pay for April. If that churn
# stays constant, what is the expected lifetime, in months?

# %%
answer = None
check("ex-04-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = lifetime_from_churn(churn_rate(customers_lost=90, customers_at_start=1200))
check("ex-04-1", answer)

# %% [markdown]
# **ex-04-2.** With E-churn's 5% a month, what share of a group of new customers is still
# paying after 24 months? Answer as a share (0.5 for half).

# %%
answer = None
check("ex-04-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = survival_curve(monthly_churn, 24)[24]
check("ex-04-2", answer)

# %% [markdown]
# **ex-04-3.** In E-churn-20 (CAC $60), the churn falls to 15% per period, and 40% of the price
# is gross profit. What is the lowest price per period, in USD, at which a customer repays their
# acquisition cost?

# %%
answer = None
check("ex-04-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = break_even_price(cac, churn_rate=0.15, margin=0.4)
check("ex-04-3", answer)

# %% [markdown]
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | LTV = ARPU × lifetime (lifetime known) | `arpu_ltv(arpu, lifetime)` | E-fitness: 3,000 RUB |
# | churn = lost during the period / paying at its start | `churn_rate(customers_lost, customers_at_start)` | 50 / 1,000 = 5% |
# | expected lifetime = 1 / churn | `lifetime_from_churn(churn_rate)` | E-churn: 20 months |
# | LTV = price × margin / churn | `subscription_ltv(price, churn_rate=..., margin=1.0)` | E-churn: 4,000 RUB |
# | share still paying after t periods = (1 − churn)^t | `survival_curve(churn_rate, periods)` | 35.8% after 20, 4.6% after 60 months |
# | the article's straight line: 1 − churn × t | `linear_decay_curve(churn_rate, periods)` | 0 at 20 months (not what churn does) |
# | median lifetime = ln 0.5 / ln(1 − churn) | `median_lifetime(churn_rate)` | 13.5 months |
# | break-even gross profit per period = CAC × churn / margin | `break_even_price(cac, churn_rate=..., margin=1.0)` | E-churn-20: $12 (lifetime 5) |
# | LTV is inversely proportional to churn | `subscription_ltv(price, churn_rate=c)` | 5% → 4%: +25%; 20% → 19%: +5.3% |
#
# The expected lifetime is the sum of the survival curve. Next: notebook 05 forecasts LTV for
# a base of customers and prices a way to keep them longer.
