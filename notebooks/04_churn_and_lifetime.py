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

# %% [markdown] key="04-title"
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
    format_number,
    format_share,
    lifetime_from_churn,
    linear_decay_curve,
    subscription_ltv,
    survival_curve,
    tr,
    tr_n,
)
from ltvkit.calculators import churn_calculator
from ltvkit.course.exercises import options
from ltvkit.formulas import break_even_price, median_lifetime
from ltvkit.money import format_rows
from ltvkit.plots import line_chart, survival_comparison_chart

# %% [markdown] key="04-e-fitness"
# ## E-fitness: ARPU × lifetime when the lifetime is known
#
# The article “Как посчитать LTV и использовать эту метрику для повышения эффективности
# бизнеса” (How to calculate LTV and use it) illustrates its basic formula, LTV = lifetime ×
# ARPU, with a fitness club. Membership is priced at 500 RUB per month, and the typical member
# pays for six months in one go. So a member pays for 6 months:

# %%
fitness = example("E-fitness")
fitness_ltv = arpu_ltv(arpu=fitness.inputs["monthly_price"], lifetime=fitness.inputs["lifetime_months"])
print(tr("LTV = {ltv} per member", ltv=format_money(fitness_ltv, fitness.currency)))
assert agrees(fitness_ltv, fitness.figures["ltv"])

# %% [markdown] key="04-here-the-lifetime-is"
# Here the lifetime is easy because it is bought in advance: 6 months is the length of the
# membership, not a forecast of how long people stay. The article says as much: 3,000 RUB is
# what a member spends in half a year. Members who renew bring more, so 3,000 RUB is the
# value of one purchase, a floor for the LTV. When customers pay month by month, nobody tells
# you the lifetime in advance; it has to be inferred from how many leave. That is what churn
# is for.

# %% [markdown] key="04-churn-rate-from-counts"
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
print(tr("Churn in April: {lost} / {paying} = {churn} a month", lost=format_number(lost_in_april),
         paying=format_number(march_payers), churn=format_share(churn)))

# %% [markdown] key="04-three-rules-keep-the"
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

# %% [markdown] key="04-e-churn"
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
print(tr_n("Lifetime = 1 / {churn} = {lifetime} month; LTV = {ltv} per customer",
           "Lifetime = 1 / {churn} = {lifetime} months; LTV = {ltv} per customer", lifetime,
           churn=format_number(monthly_churn, 2), lifetime=format_number(lifetime),
           ltv=format_money(ltv, churn_example.currency)))
assert agrees(lifetime, churn_example.figures["lifetime_months"])
assert agrees(ltv, churn_example.figures["ltv"])

# %% [markdown] key="04-a-critical-look-customers"
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
    print(tr_n("after {month} months: geometric {geometric}, straight line {straight}",
               "after {month} months: geometric {geometric}, straight line {straight}", month,
               month=str(month).rjust(2), geometric=format_share(geometric[month]).rjust(6),
               straight=format_share(straight[month]).rjust(6)))

# %%
survival_comparison_chart(monthly_churn, 60, marks=[20, 60])

# %% [markdown] key="04-with-a-constant-5"
# With a constant 5% churn, after 20 months more than a third of the customers are still
# paying, and after five years about one in twenty. Half of the group has left after about
# 13.5 months: that is the median lifetime, ln 0.5 / ln 0.95.

# %%
after_20, after_60 = geometric[20], geometric[60]
median = median_lifetime(monthly_churn)
print(tr("Still paying after 20 months: {after_20}; after 60 months: {after_60}", after_20=format_share(after_20),
         after_60=format_share(after_60)))
print(tr_n("Median lifetime: {months} month", "Median lifetime: {months} months", median,
           months=format_number(median, 1)))
assert agrees(after_20, churn_example.derived["share_paying_after_20_months"])
assert agrees(after_60, churn_example.derived["share_paying_after_60_months"])
assert agrees(median, churn_example.derived["median_lifetime_months"])

# %% [markdown] key="04-why-the-expected-lifetime"
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
print(tr("Expected paid months: geometric {geometric}, straight line {straight}",
         geometric=format_number(expected_geometric, 1), straight=format_number(expected_straight, 1)))
print(tr("LTV under the straight line: {ltv}",
         ltv=format_money(churn_example.inputs["monthly_price"] * expected_straight, "RUB")))
assert agrees(expected_geometric, churn_example.figures["lifetime_months"])
assert agrees(expected_straight, churn_example.derived["straight_line_expected_months"])

# %% [markdown] key="04-the-running-sum-shows"
# The running sum shows how the expected paid months build up month by month under each
# reading: the straight line stops at 10.5, the geometric curve creeps on towards 20.

# %%
line_chart(
    months,
    {tr("geometric: running sum of {base}^t", base=format_number(1 - monthly_churn, 2)): np.cumsum(geometric),
     tr("straight line: running sum"): np.cumsum(straight)},
    xlabel=tr("months since the start"),
    ylabel=tr("expected paid months so far"),
)

# %% [markdown] key="04-so-the-article-s"
# So the article's 20 months and 4,000 RUB are right, for a different reason than the one it
# gives. In its story, 20 months is the *longest* anyone stays; with a constant churn it is
# the *average*, while the typical (median) customer leaves earlier and a long tail stays
# much longer. This matters in practice: after 20 months a third of the customers are still
# there to be served, sold to and kept.

# %% [markdown] key="04-e-churn-20"
# ## E-churn-20: when 20% stop buying, what can a customer cost?
#
# In its section on controlling churn, the same article describes customers of whom 20%
# stop buying, and a cost of $60 to win an average customer: an LTV below $60 would mean
# losing money on every customer won. Read as 20% per period (a month, a year: the article
# does not say), the expected lifetime is 1 / 0.2 = 5 periods.

# %%
churn_20 = example("E-churn-20")
lifetime_20 = lifetime_from_churn(churn_20.inputs["churn_per_period"])
print(tr_n("Lifetime = 1 / {churn} = {lifetime} period", "Lifetime = 1 / {churn} = {lifetime} periods", lifetime_20,
           churn=format_number(churn_20.inputs["churn_per_period"], 1), lifetime=format_number(lifetime_20)))
assert agrees(lifetime_20, churn_20.derived["lifetime_periods"])

# %% [markdown] key="04-the-ltv-must-at"
# The LTV must at least repay the acquisition cost: value per period × 5 ≥ $60. So a customer
# has to bring at least $60 / 5 = $12 of gross profit per period, and the gross margin
# decides what price that takes. `break_even_price` does the arithmetic: CAC × churn / margin.

# %%
cac = churn_20.inputs["cac"]
break_even = break_even_price(cac, churn_rate=churn_20.inputs["churn_per_period"])
at_half_margin = break_even_price(cac, churn_rate=churn_20.inputs["churn_per_period"], margin=0.5)
print(tr("LTV = CAC = {cac} at {price} of gross profit per period; with a {margin} margin the price must be {half}",
         cac=format_money(cac, "USD"), price=format_money(break_even, "USD"), margin=format_share(0.5, 0),
         half=format_money(at_half_margin, "USD")))
assert agrees(subscription_ltv(break_even, churn_rate=churn_20.inputs["churn_per_period"]),
              churn_20.derived["break_even_ltv"])
assert agrees(break_even, churn_20.derived["break_even_price_per_period"])

# %%
prices = np.arange(0, 31)
line_chart(
    prices,
    {tr("LTV at {churn} churn", churn=format_share(churn_20.inputs["churn_per_period"], 0)): subscription_ltv(
        prices, churn_rate=churn_20.inputs["churn_per_period"]),
     "CAC": np.full(prices.shape, cac)},
    xlabel=tr("gross profit per period, $"),
    ylabel=tr("money per customer"),
    currency="USD",
    title=tr("Below {price} a period the customer never repays the {cac}",  # $ escaped: not a formula
             price=format_money(break_even, "USD").replace("$", "\\$"), cac=format_money(cac, "USD").replace("$", "\\$")),
)

# %% [markdown] key="04-the-article-s-advice"
# The article's advice follows from the formula: halve the churn to 10% and the lifetime
# doubles to 10 periods, so the same customer repays a $60 CAC at $6 a period.

# %% [markdown] key="04-a-critical-look-a"
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
    change = ltv_after / ltv_before - 1
    rows.append((f"{format_share(before, 0)} -> {format_share(after, 0)}", ltv_before, ltv_after,
                 ("+" if change >= 0 else "") + format_share(change)))
print(format_rows(rows, header=(tr("churn"), tr("LTV before"), tr("LTV after"), tr("change")), decimals=0))

# %%
churns = np.linspace(0.02, 0.5, 49)
line_chart(churns * 100, {tr("LTV = {price} / churn", price=format_number(price)): subscription_ltv(price, churn_rate=churns)},
           xlabel=tr("monthly churn, %"), ylabel=tr("LTV per customer"), currency="RUB",
           title=tr("Lower churn, higher LTV: inversely, and steeply at low churn"))

# %% [markdown] key="04-the-article-s-other"
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

# %% [markdown] key="04-try-it"
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

# %% [markdown] key="04-this-is-what-the"
# This is what the calculator says with the churn slider at 0:

# %%
at_zero = churn_calculator()
at_zero.controls["churn_rate"].value = 0
print(tr("result: {result}  message: {message}", result=at_zero.result_text, message=at_zero.error_text))

# %% [markdown] key="04-exercises"
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

# %% [markdown] key="04-ex-04-2"
# **ex-04-2.** With E-churn's 5% a month, what share of a group of new customers is still
# paying after 24 months? Answer as a share (0.5 for half).

# %%
answer = None
check("ex-04-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = survival_curve(monthly_churn, 24)[24]
check("ex-04-2", answer)

# %% [markdown] key="04-ex-04-3"
# **ex-04-3.** In E-churn-20 (CAC $60), the churn falls to 15% per period, and 40% of the price
# is gross profit. What is the lowest price per period, in USD, at which a customer repays their
# acquisition cost?

# %%
answer = None
check("ex-04-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = break_even_price(cac, churn_rate=0.15, margin=0.4)
check("ex-04-3", answer)

# %% [markdown] key="04-summary"
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
