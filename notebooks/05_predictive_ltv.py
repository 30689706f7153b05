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
# # 05 · Predictive LTV: forecasting what a customer base will bring
#
# After this notebook you can forecast the gross profit a new customer and a whole base of
# customers will bring, say how that forecast differs from a historical LTV, and put a price
# on a tactic that keeps customers one month longer.
#
# **You will learn**
# - the difference between historical LTV (a record) and predictive LTV (a forecast);
# - predictive LTV = orders a month × average check × gross margin × months, per user and
#   for a base of users;
# - how a user's historical LTV grows towards the forecast, and why a user who has stayed
#   is not an average new user;
# - to value a retention offer: what one extra month is worth, and how much a manager who
#   looks after the customers may cost before the offer loses money.
#
# **You need**: notebook 02 (historical LTV), 03 (the frequency formula) and 04 (lifetime and churn).

# %%
from ltvkit import agrees, check, example, format_money, format_share, frequency_ltv, historical_ltv
from ltvkit.calculators import predictive_calculator, retention_offer_calculator
from ltvkit.plots import cumulative_value_chart, waterfall_chart
from ltvkit.retention_offer import retention_offer_whatif

# %% [markdown]
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

# %% [markdown]
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
print(f"Gross profit per user per month: {format_money(margin_per_month, service.currency)}")
print(f"Predictive LTV: {format_money(per_user, service.currency)} per user; "
      f"{format_money(all_users, service.currency)} for the {inputs['users']} users")
assert agrees(per_user, service.figures["ltv_per_user"])
assert agrees(all_users, service.figures["ltv_all_users"])

# %% [markdown]
# Two labels belong on these numbers. They are **gross profit**, not revenue: the 700 users
# would pay 500 × 18 × 700 = 6,300,000 RUB, of which 70% is kept. And they cover the users'
# **whole lifetimes**, about a year and a half, not one year of the service's accounts.
#
# The chart builds one average user's value month by month: each bar adds 350 RUB, and the
# eighteenth bar is the forecast.

# %%
cumulative_value_chart(margin_per_month, inputs["lifetime_months"], currency="RUB", period="month")

# %% [markdown]
# ### Historical against predictive, month by month
#
# Each bar of that chart is also a *historical* LTV: what a user who has paid for that many
# months has brought so far. After six payments, the record says 2,100 RUB of gross profit,
# a third of the forecast.

# %%
six_payments = [inputs["monthly_payment"]] * 6
so_far = historical_ltv(six_payments, margin=inputs["margin"])
print(f"Historical LTV after 6 months: {format_money(so_far, 'RUB')} "
      f"({so_far / per_user:.0%} of the {format_money(per_user, 'RUB')} forecast for a new user)")

# %% [markdown]
# It is tempting to say this user has 6,300 − 2,100 = 4,200 RUB left to give. That would be
# right only if every user stayed exactly 18 months. If the 18 months are an average over a
# constant churn of 1/18 a month (notebook 04), a user who is still paying after six months
# is expected to stay another 18 months, not 12: with constant churn, the users who have
# stayed are as likely to stay next month as a new user, and the ones who left early are no
# longer in the group. The forecast for a *new* user is not the forecast for a user who has
# proved they stay. Notebook 13 shows what changes when customers differ.

# %% [markdown]
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
print(f"Extra months per user: {offer.extra_months:g}; worth {format_money(offer.value_per_kept_customer, 'RUB')} "
      f"per user and {format_money(offer.value_for_cohort, 'RUB')} for the {inputs['users']} users")
assert agrees(offer.extra_months, offer_example.derived["extra_months_per_customer"])
assert agrees(offer.value_per_kept_customer, offer_example.derived["value_per_kept_customer"])
assert agrees(offer.value_for_cohort, offer_example.derived["value_for_cohort"])

# %% [markdown]
# That is the most the tactic can earn, and it rests on two hopeful assumptions: that the
# offer itself costs nothing (a good offer usually means a discount) and that every user stays
# the extra month because of it. In practice only some users who would have left are kept;
# `share_kept` says how many. And the manager costs money: `manager_cost_per_month` for the
# `manager_months` they work. Say a manager costs 60,000 RUB a month (our assumption; use
# your own). The what-if then shows how the net changes with the share of users kept:

# %%
manager_cost_per_month = 60_000  # an assumption for the what-if, not from the article
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
    print(f"{format_share(share, 0):>4} kept: extra margin {format_money(what_if.value_for_cohort, 'RUB'):>11}, "
          f"manager {format_money(what_if.manager_cost, 'RUB')}, net {format_money(what_if.net_for_cohort, 'RUB'):>12}")
print(f"The offer with a manager pays off only if at least {format_share(what_if.break_even_share_kept)} "
      f"of the users stay the extra month")

# %% [markdown]
# With every user kept, the manager's two months (120,000 RUB) take half of the extra
# 245,000 RUB:

# %%
waterfall_chart(
    [("extra month, all kept", what_if.value_for_cohort), ("manager, 2 months", -what_if.manager_cost)],
    currency="RUB",
    title=f"The retention offer for {inputs['users']} users",
)

# %% [markdown]
# The lesson generalises: one extra month of a customer is worth one month of gross profit,
# here 350 RUB, and no more. A retention tactic must cost less than that per customer it
# actually keeps. Measure the share kept by comparing with a group that did not get the
# offer; without that comparison, customers who would have stayed anyway look like a success.

# %% [markdown]
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

# %% [markdown]
# The second calculator is the retention what-if for the same 700 users: the length of the
# offer (the usual cycle is 6 months; a shorter offer is refused), the share of users it
# keeps and the manager's monthly cost.

# %%
offer_calculator = retention_offer_calculator()
offer_calculator

# %%
print(offer_calculator.result_text)

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | historical LTV = what a customer has paid so far (× margin) | `historical_ltv(purchases, margin=...)` | 6 months of 500 RUB at 0.7: 2,100 RUB |
# | predictive LTV = orders a month × check × margin × months | `frequency_ltv(check, orders_per_month, months, margin)` | E-online-service: 6,300 RUB per user |
# | LTV of a base = users × LTV per user | — | 700 users: 4,410,000 RUB |
# | value of an extra month = margin per month × customers kept − retention cost | `retention_offer_whatif(margin_per_month, customers=..., usual_months=..., offer_months=..., share_kept=..., manager_months=..., manager_cost_per_month=...)` | E-retention-offer: 350 RUB per user, 245,000 RUB for 700 |
# | break-even share kept = retention cost / value if all are kept | `retention_offer_whatif(...).break_even_share_kept` | manager at 60,000 RUB a month: 49% |
#
# A forecast is a set of averages; check each one against history as the customers age.
# Next: notebook 06 sets LTV against the cost of winning a customer.
