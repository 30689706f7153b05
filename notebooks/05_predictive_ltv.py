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

# %% [markdown] key="05-title"
# # 05 · Predictive LTV: forecasting what a customer base will bring
#
# After this notebook you can forecast the gross profit a new customer and a whole base of
# customers will bring, say how that forecast differs from a historical LTV, state it in today's
# money, and put a price on a tactic that keeps customers longer.
#
# **You will learn**
# - the difference between historical LTV (a record) and predictive LTV (a forecast);
# - predictive LTV = orders a month × average check × gross margin × months, per user and
#   for a base of users;
# - how a user's historical LTV grows towards the forecast, and why a user who has stayed
#   is not an average new user;
# - the time value of money: why a rouble next year is worth less than a rouble today, and
#   how a discount rate turns an LTV into its value today;
# - to value a retention offer: what keeping a customer is worth, who can be kept at all, and
#   how much a manager who looks after the customers may cost before the offer loses money.
#
# **You need**: notebook 02 (historical LTV), 03 (the frequency formula) and 04 (lifetime and churn).

# %%
from ltvkit import (
    agrees,
    check,
    discounted_ltv,
    example,
    format_money,
    format_number,
    format_share,
    frequency_ltv,
    historical_ltv,
    tr,
    tr_n,
)
from ltvkit.breakdowns import discounted_breakdown
from ltvkit.calculators import discounting_calculator, predictive_calculator, retention_offer_calculator
from ltvkit.course.exercises import options
from ltvkit.formulas import period_discount_rate
from ltvkit.money import format_rows
from ltvkit.plots import cumulative_value_chart, discounting_chart, waterfall_chart
from ltvkit.retention_offer import retention_offer_cap, retention_offer_whatif, saved_customer_value

# %% [markdown] key="05-historical-and-predictive-ltv"
# ## Historical and predictive LTV
#
# The article “Как посчитать LTV и использовать эту метрику для повышения эффективности
# бизнеса” (How to calculate LTV and use it) names two ways to get an LTV:
#
# - **historical**: add up what a customer has actually paid (notebook 02). It needs a record
#   of each customer's purchases, so it suits firms that have kept their statistics for years;
# - **predictive**: forecast what a customer will pay from averages, for a business too young
#   to have a long record, or for customers who have only just arrived.
#
# The two answer different questions. A historical LTV is a fact about the past: it grows
# with every purchase and is final only once the customer has gone. A predictive LTV is a
# forecast for a typical new customer, and it is only as good as the averages it is built
# on; those averages should be checked against history as the customers age.

# %% [markdown] key="05-e-online-service"
# ## E-online-service: 700 users paying 500 RUB a month
#
# The article's predictive formula multiplies four averages: orders a month × average check
# gives revenue per month, × gross margin (in Russian, СВП) gives gross profit per month, and
# × the average number of months a customer stays gives the LTV. It is the frequency formula
# of notebook 03 with a margin. The example: an online service with 700 users on a plan of
# 500 RUB paid once a month, an average stay of 18 months (a year and a half) and a gross
# margin of 0.7. The article's answer is 6,300 RUB per user.

# %%
service = example("E-online-service")
inputs = service.inputs
margin_per_month = frequency_ltv(inputs["monthly_payment"], inputs["payments_per_month"], 1, margin=inputs["margin"])
per_user = frequency_ltv(
    average_order_value=inputs["monthly_payment"],
    purchases_per_period=inputs["payments_per_month"],
    lifetime_periods=inputs["lifetime_months"],
    margin=inputs["margin"],
)
all_users = inputs["users"] * per_user
print(tr("Gross profit per user per month: {amount}", amount=format_money(margin_per_month, service.currency)))
print(tr_n("Predictive LTV: {per_user} per user; {all_users} for the {users} user",
           "Predictive LTV: {per_user} per user; {all_users} for the {users} users", inputs["users"],
           per_user=format_money(per_user, service.currency), all_users=format_money(all_users, service.currency),
           users=format_number(inputs["users"])))
assert agrees(per_user, service.figures["ltv_per_user"])
assert agrees(all_users, service.figures["ltv_all_users"])

# %% [markdown] key="05-two-labels-belong-on"
# Two labels belong on these numbers. They are **gross profit**, not revenue: the 700 users
# would pay 500 × 18 × 700 = 6,300,000 RUB, of which 70% is kept. And they cover the users'
# **whole lifetimes**, about a year and a half, not one year of the service's accounts.
#
# The chart builds one average user's value month by month: each bar adds 350 RUB, and the
# eighteenth bar is the forecast.

# %%
cumulative_value_chart(margin_per_month, inputs["lifetime_months"], currency="RUB", period="month")

# %% [markdown] key="05-historical-against-predictive-month"
# ### Historical against predictive, month by month
#
# Each bar of that chart is also a *historical* LTV: what a user who has paid for that many
# months has brought so far. After six payments, the record says 2,100 RUB of gross profit,
# a third of the forecast.

# %%
six_payments = [inputs["monthly_payment"]] * 6
so_far = historical_ltv(six_payments, margin=inputs["margin"])
print(tr("Historical LTV after 6 months: {amount} ({share} of the {forecast} forecast for a new user)",
         amount=format_money(so_far, "RUB"), share=format_share(so_far / per_user, 0),
         forecast=format_money(per_user, "RUB")))

# %% [markdown] key="05-it-is-tempting-to"
# It is tempting to say this user has 6,300 − 2,100 = 4,200 RUB left to give. That would be
# right only if every user stayed exactly 18 months. If the 18 months are an average over a
# constant churn of 1/18 a month (notebook 04), a user who is still paying after six months
# is expected to stay another 18 months, not 12: with constant churn, the users who have
# stayed are as likely to stay next month as a new user, and the ones who left early are no
# longer in the group. The forecast for a *new* user is not the forecast for a user who has
# proved they stay. Notebook 13 shows what changes when customers differ.

# %% [markdown] key="05-ex-05-4"
# **ex-05-4.** Why is a user who is still paying after six months expected to stay another
# 18 months, and not 18 − 6 = 12?

# %%
print(options("ex-05-4"))
answer = None  # a letter, such as "a"
check("ex-05-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # constant churn has no memory: a survivor's chance of leaving is a new user's
check("ex-05-4", answer)

# %% [markdown] key="05-money-later-is-worth"
# ## Money later is worth less: discounting
#
# Every forecast so far adds up roubles paid in month 1 and roubles paid in month 18 as if they
# were the same money. They are not: a rouble today can be invested, or spent on winning the
# next customer, and inflation eats a rouble that only comes next year. A **discount rate** d
# says how much less: a rouble that arrives one period from now is worth 1 / (1 + d) of a
# rouble today, one that arrives t periods from now 1 / (1 + d)^t. The value of a customer *in
# today's money* is the sum of each period's expected margin divided by (1 + d)^t.
#
# The rate is a choice of the business, not a figure of the articles: what its money could earn
# elsewhere, or what it pays to borrow. We use 10% a year throughout. A yearly rate becomes a
# monthly one by compounding, not by dividing by 12: (1 + d_month)^12 = 1.10.

# %%
annual_rate = 0.10  # our assumption for the course, not from the articles
monthly_rate = period_discount_rate(annual_rate, periods_per_year=12)
print(tr("{annual} a year is {monthly} a month; a rouble paid in 12 months is worth {value} today",
         annual=format_share(annual_rate, 0), monthly=format_share(monthly_rate, 3),
         value=format_number(1 / (1 + monthly_rate) ** 12, 3)))

# %% [markdown] key="05-e-manufacturing"
# ### E-manufacturing, in today's money
#
# The manufacturer of notebook 01 counts 1,000,000 RUB a year for 7 years as an LTV of
# 7,000,000 RUB. Every client there stays the full 7 years, so the lifetime is read as **fixed**;
# the first year's payment is counted at the start, undiscounted.

# %%
manufacturing = example("E-manufacturing")
factory = discounted_breakdown(manufacturing.inputs["arpu_per_year"], lifetime_periods=manufacturing.inputs[
    "lifetime_years"], annual_discount_rate=annual_rate, periods_per_year=1, lifetime_reading="fixed")
print(factory.describe())
assert agrees(factory.undiscounted, manufacturing.figures["ltv"])
assert agrees(factory.discounted / 1e6, manufacturing.derived["present_value_millions_at_10_percent"])

# %% [markdown] key="05-e-online-service-2"
# About 5.36 million, not 7: the seventh year's million is worth only 1 / 1.1^6 ≈ 0.56 million
# today. And this is revenue; the client's value to the manufacturer is its margin on that
# revenue, which is smaller again.
#
# ### E-online-service, in today's money
#
# The online service's users stay 18 months on average. Read as a constant churn of 1/18 a
# month (notebook 04), a few users stay for years, and their late payments are the ones that
# discounting shrinks most. With retention r = 1 − churn, period t is worth margin × r^t /
# (1 + d)^t, and the sum has a closed form, `discounted_ltv(margin, r, d)` = margin / (1 − r /
# (1 + d)):

# %%
service_value = discounted_breakdown(margin_per_month, lifetime_periods=inputs["lifetime_months"],
                                     annual_discount_rate=annual_rate)
print(service_value.describe())
closed_form = discounted_ltv(margin_per_month, retention_rate=1 - 1 / inputs["lifetime_months"],
                             discount_rate=monthly_rate)  # margin / (1 - retention / (1 + d))
assert abs(closed_form - service_value.discounted) < 1e-6
assert agrees(service_value.undiscounted, service.figures["ltv_per_user"])
assert agrees(service_value.discounted, service.derived["ltv_per_user_at_10_percent_a_year"])

# %%
discounting_chart(service_value, currency="RUB", period="month")

# %% [markdown] key="05-the-gap-between-the"
# The gap between the two lines is what waiting costs. It is small over a year and a half at
# 10% a year; it grows with the lifetime and with the rate, and it is why notebooks 13, 14 and
# 16 always state a discount rate next to an LTV. A figure that does not say whether it is
# discounted, and at what rate, is missing one of its labels.

# %% [markdown] key="05-e-retention-offer"
# ## E-retention-offer: what is one extra month worth?
#
# Among its ways to raise LTV, the same article suggests fitting retention work to each LTV
# segment. Its recipe: when customers typically last 6 months, build an offer that lasts 7, or
# put a dedicated manager on them during the final two months of the usual cycle. It gives no
# figures. We price the tactic with the monthly margin of E-online-service (350 RUB) and its
# 700 users; that service's users stay 18 months, so this is a what-if on borrowed numbers,
# not a fact about that service.
#
# If the offer keeps every user one month longer, each user brings one more month of gross
# profit, and the cohort brings 700 times that:

# %%
offer_example = example("E-retention-offer")
tactic = offer_example.inputs
offer = retention_offer_whatif(
    margin_per_month,
    customers=inputs["users"],
    usual_months=tactic["expected_cycle_months"],
    offer_months=tactic["offer_months"],
)
print(tr_n("Extra months per user: {months}; worth {per_user} per user and {cohort} for the {users} user",
           "Extra months per user: {months}; worth {per_user} per user and {cohort} for the {users} users",
           inputs["users"], months=format_number(offer.extra_months),
           per_user=format_money(offer.value_per_kept_customer, "RUB"), cohort=format_money(offer.value_for_cohort, "RUB"),
           users=format_number(inputs["users"])))
assert agrees(offer.extra_months, offer_example.derived["extra_months_per_customer"])
assert agrees(offer.value_per_kept_customer, offer_example.derived["value_per_kept_customer"])
assert agrees(offer.value_for_cohort, offer_example.derived["value_for_cohort"])

# %% [markdown] key="05-that-is-the-most"
# That is the most the tactic can earn, and it rests on two hopeful assumptions: that the
# offer itself costs nothing (a good offer usually means a discount) and that every user stays
# the extra month because of it. In practice only some users who would have left are kept;
# `share_kept` says how many. And the manager costs money: `manager_cost_per_month` for the
# `manager_months` they work. Say a manager costs 60,000 RUB a month (our assumption; use
# your own). The what-if then shows how the net changes with the share of users kept:

# %%
manager_cost_per_month = 60_000  # an assumption for the what-if, not from the article
rows = []
for share in (0.25, 0.5, 0.75, 1.0):
    what_if = retention_offer_whatif(
        margin_per_month,
        customers=inputs["users"],
        usual_months=tactic["expected_cycle_months"],
        offer_months=tactic["offer_months"],
        share_kept=share,
        manager_months=tactic["manager_last_months"],
        manager_cost_per_month=manager_cost_per_month,
    )
    rows.append((format_share(share, 0), what_if.value_for_cohort, what_if.manager_cost, what_if.net_for_cohort))
print(format_rows(rows, header=(tr("kept"), tr("extra margin"), tr("manager"), tr("net"))))
print(tr("The offer with a manager pays off only if at least {share} of the users stay the extra month",
         share=format_share(what_if.break_even_share_kept)))

# %% [markdown] key="05-with-every-user-kept"
# With every user kept, the manager's two months (120,000 RUB) take half of the extra
# 245,000 RUB:

# %%
waterfall_chart(
    [(tr("extra month, all kept"), what_if.value_for_cohort), (tr("manager, 2 months"), -what_if.manager_cost)],
    currency="RUB",
    title=tr_n("The retention offer for {users} user", "The retention offer for {users} users", inputs["users"],
               users=format_number(inputs["users"])),
)

# %% [markdown] key="05-a-critical-look-a"
# ### A critical look: a customer kept is worth more than one month
#
# The what-if reads the article literally: every user leaves at the end of month 6, the offer
# moves that date one month on, and a kept user is worth one month of gross profit, 350 RUB.
# But this notebook read the 18 months as a constant churn of 1/18 a month, and under that
# reading two things change.
#
# **What keeping a user is worth.** With a constant churn, the chance of leaving next month
# does not depend on how long a user has stayed (the argument of ex-05-4). A user the offer
# keeps from leaving after month 6 is, from then on, a survivor like any other: expected to
# pay 1 / churn = 18 more months, not one. So keeping one is worth a new user's whole LTV,
# 6,300 RUB undiscounted, or 5,553 RUB discounted at 10% a year to the month of the offer. Notebook 13 meets the
# same quantity as DERL, the discounted payments still expected from a customer about to renew:
# with constant churn DERL counts the renewal itself with its probability 1 − churn, and for
# a customer whom the offer makes sure to renew it is DERL / (1 − churn), the figure here.

# %%
churn = 1 / inputs["lifetime_months"]  # the 18 months read as a constant churn
kept_value = saved_customer_value(margin_per_month, churn_rate=churn)
kept_today = saved_customer_value(margin_per_month, churn_rate=churn, discount_rate=monthly_rate)
print(tr("A user kept after month {month} is worth {value} ({today} discounted to the month of the offer at {rate} "
         "a year), not {literal}", month=tactic["expected_cycle_months"], value=format_money(kept_value, "RUB", decimals=0),
         today=format_money(kept_today, "RUB", decimals=0), rate=format_share(annual_rate, 0),
         literal=format_money(offer.value_per_kept_customer, "RUB")))
assert agrees(kept_value, offer_example.derived["constant_churn_value_per_kept_leaver"])
assert agrees(kept_today, service.derived["ltv_per_user_at_10_percent_a_year"])  # a new user's LTV, in today's money

# %% [markdown] key="05-who-can-be-kept"
# **Who can be kept at all.** Not all 700 users reach month 6: with a churn of 1/18 about three
# in four are still paying then. And of those, only the ones who were about to leave can be
# kept, one in 18; the rest stay anyway, so an offer made to them changes nothing (and costs
# whatever discount it gives). `retention_offer_cap` counts both:

# %%
cap = retention_offer_cap(margin_per_month, customers=inputs["users"], churn_rate=churn,
                          decision_period=tactic["expected_cycle_months"])
print(cap.describe())
manager_cost = tactic["manager_last_months"] * manager_cost_per_month
print(tr("The manager's {cost} pays off only if the offer keeps at least {share} of those about to leave",
         cost=format_money(manager_cost, "RUB"), share=format_share(manager_cost / cap.most_for_cohort)))
assert agrees(cap.customers_paying, offer_example.derived["paying_in_month_6"])
assert agrees(cap.would_leave, offer_example.derived["would_leave_after_month_6"])
assert agrees(cap.most_for_cohort, offer_example.derived["constant_churn_cap_for_cohort"])

# %% [markdown] key="05-so-the-two-readings"
# So the two readings disagree on both factors: the literal one counts all 700 users, each
# worth one month; the constant-churn one counts about 29 users, each worth a whole lifetime.
# The cohort's totals happen to be of the same order (245,000 and 184,098 RUB), for opposite
# reasons. Which reading is true is a fact about your customers, and it is measurable: does
# the share who leave each month stay flat with tenure (constant churn), or do most leave at a
# fixed point, such as the end of a prepaid plan? Notebook 13 shows a third case, where the
# customers who stay are the loyal kind and each kept one is worth even more.
#
# The rule that carries over: **an offer is worth, at most, the remaining value of the
# customers it keeps who would otherwise have left**: margin × months added when customers
# leave on a fixed date, a new customer's LTV when churn is constant. It must cost less than
# that per customer it keeps. Measure who it keeps by comparing with a group that did not get
# the offer; without that comparison, customers who would have stayed anyway look like a
# success.

# %% [markdown] key="05-try-it"
# ## Try it
#
# The first calculator forecasts LTV from orders a month, the average check, the gross
# margin, the months a user pays and the number of users (E-online-service's numbers to
# start); the chart builds the value month by month. A margin above 1 is refused with a
# message. The next cell prints the result at the starting values.

# %%
calculator = predictive_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="05-the-second-calculator-discounts"
# The second calculator discounts a customer's margins: the gross profit a month, the months
# a customer stays (read as an average under constant churn, or as the same for everyone) and
# a yearly discount rate. It starts at E-online-service at 10% a year; a lifetime of 0 months
# is refused. The chart shows the value building up, as paid and in today's money.

# %%
value_calculator = discounting_calculator()
value_calculator

# %%
print(value_calculator.result_text)

# %% [markdown] key="05-the-third-calculator-is"
# The third calculator is the retention what-if for the same 700 users, in the article's
# literal reading: the length of the offer (the usual cycle is 6 months; a shorter offer is
# refused), the share of users it keeps and the manager's monthly cost.

# %%
offer_calculator = retention_offer_calculator()
offer_calculator

# %%
print(offer_calculator.result_text)

# %% [markdown] key="05-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell: `check` says whether it is right or
# gives a hint. Solutions are folded under each exercise.
#
# **ex-05-1.** The online service improves its product and users now pay for 24 months on
# average. What is the predictive LTV of all 700 users, in RUB of gross profit?

# %%
answer = None
check("ex-05-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
per_user_24 = frequency_ltv(inputs["monthly_payment"], inputs["payments_per_month"], 24, margin=inputs["margin"])
answer = inputs["users"] * per_user_24
check("ex-05-1", answer)

# %% [markdown] key="05-ex-05-2"
# **ex-05-2.** The 7-month offer keeps 40% of the 700 users for the extra month, and a
# manager works with them for 2 months. Up to what monthly cost of the manager, in RUB, does
# the tactic at least break even?

# %%
answer = None
check("ex-05-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
some_kept = retention_offer_whatif(
    margin_per_month,
    customers=inputs["users"],
    usual_months=tactic["expected_cycle_months"],
    offer_months=tactic["offer_months"],
    share_kept=0.4,
)
answer = some_kept.value_for_cohort / tactic["manager_last_months"]  # the most the manager may cost a month
check("ex-05-2", answer)

# %% [markdown] key="05-ex-05-3"
# **ex-05-3.** A more experienced manager costs 90,000 RUB a month for 2 months. What share of the 700
# users must the offer keep for one extra month to pay for the manager? Answer as a share
# (0.25 for a quarter).

# %%
answer = None
check("ex-05-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = retention_offer_whatif(
    margin_per_month,
    customers=inputs["users"],
    usual_months=tactic["expected_cycle_months"],
    offer_months=tactic["offer_months"],
    manager_months=tactic["manager_last_months"],
    manager_cost_per_month=90_000,
).break_even_share_kept
check("ex-05-3", answer)

# %% [markdown] key="05-summary"
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | historical LTV = what a customer has paid so far (× margin) | `historical_ltv(purchases, margin=...)` | 6 months of 500 RUB at 0.7: 2,100 RUB |
# | predictive LTV = orders a month × check × margin × months | `frequency_ltv(check, orders_per_month, months, margin)` | E-online-service: 6,300 RUB per user |
# | LTV of a base = users × LTV per user | — | 700 users: 4,410,000 RUB |
# | discount rate per month = (1 + yearly rate)^(1/12) − 1 | `period_discount_rate(annual_rate, periods_per_year=12)` | 10% a year: 0.797% a month |
# | LTV in today's money = Σ margin × S(t) / (1 + d)^t | `discounted_breakdown(margin, lifetime_periods=..., annual_discount_rate=..., lifetime_reading=...)`, `discounted_ltv` | E-manufacturing: 5.36 M, not 7 M; E-online-service: 5,553 RUB, not 6,300 |
# | value of an extra month, fixed leaving date = margin per month × customers kept − retention cost | `retention_offer_whatif(margin_per_month, customers=..., usual_months=..., offer_months=..., share_kept=..., manager_months=..., manager_cost_per_month=...)` | E-retention-offer: 350 RUB per user, 245,000 RUB for 700 |
# | break-even share kept = retention cost / value if all are kept | `retention_offer_whatif(...).break_even_share_kept` | manager at 60,000 RUB a month: 49% |
# | a kept leaver under constant churn = margin / (1 − (1 − churn) / (1 + d)), a new customer's LTV | `saved_customer_value(margin, churn_rate=..., discount_rate=...)` | 6,300 RUB (5,553 RUB today) |
# | the most an offer at month k can earn = paying in month k × churn × value of one kept | `retention_offer_cap(margin, customers=..., churn_rate=..., decision_period=...)` | 526 paying, 29 about to leave: 184,098 RUB |
#
# A forecast is a set of averages; check each one against history as the customers age, and
# state it in today's money with its discount rate.
# Next: notebook 06 sets LTV against the cost of winning a customer.
