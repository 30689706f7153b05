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
# # 06 · LTV against CAC: is a customer worth what it cost to win them?
#
# After this notebook you can put a customer's value next to the cost of winning them, read
# the ratio against the usual rules of thumb, and say how many months it takes to get the
# acquisition money back.
#
# **You will learn**
# - what the LTV:CAC ratio compares, and why it must use LTV *before* CAC is taken off;
# - how to read a ratio: losing money, thin, the article's 2:1 minimum, the 3:1 usually
#   quoted, and "suspiciously high";
# - the payback period: CAC divided by the gross profit a customer brings per month;
# - why "the lower the CAC, the higher the LTV" is not true of LTV itself, and what it is
#   true of.
#
# **You need**: notebooks 02 (gross and net LTV, E-courses) and 03 (E-mr-a-mr-b); 05 helps
# (E-online-service).

# %%
from ltvkit import (
    agrees,
    check,
    example,
    format_money,
    format_ratio,
    historical_ltv,
    ltv_to_cac,
    payback_periods,
)
from ltvkit.calculators import ltv_cac_calculator
from ltvkit.course.cases import online_service_margin_per_month
from ltvkit.ltv_cac import ltv_cac_summary, ltv_cac_verdict
from ltvkit.plots import cac_effect_chart, payback_chart, ratio_band_chart

# %% [markdown]
# ## LTV and CAC: value against cost
#
# *CAC* (customer acquisition cost) is what a business spends on marketing and sales to win
# one new customer: the spend of a period divided by the customers it brought. *LTV* is what
# that customer brings back over their lifetime. The question every marketing budget asks is
# whether the second is comfortably larger than the first, and the usual way to ask it is the
# ratio
#
# $$\text{LTV:CAC} = \frac{\text{LTV (gross profit per customer, before CAC)}}{\text{CAC}}.$$
#
# A ratio of 3 reads "3:1": every rouble spent on winning a customer comes back three times
# as gross profit. Two choices hide in that formula and change the answer: whether LTV is
# revenue or profit, and whether CAC has already been subtracted from it.

# %% [markdown]
# ## E-best-client-cac: the best client cost $60
#
# “Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса” (How to
# calculate LTV and use it) continues the story of Mr A, the customer who buys 40 times a
# year at $700 (E-mr-a-mr-b, notebook 03). Winning such a client cost $60, and the article
# puts that one-off $60 next to the $28,000 the client brings. It prints no ratio; dividing
# gives about 467:1.

# %%
best = example("E-best-client-cac")
ratio = ltv_to_cac(ltv=best.inputs["ltv"], cac=best.inputs["cac"])
print(f"LTV:CAC = {format_money(best.inputs['ltv'], best.currency)} / {format_money(best.inputs['cac'], best.currency)}"
      f" = {format_ratio(ratio)}, about {format_ratio(ratio, decimals=0)}")
assert agrees(ratio, best.derived["ltv_to_cac"])

# %% [markdown]
# The verdict function of `ltvkit.planning` reads a ratio against the bands this notebook
# explains below. A ratio this high lands in the top band.

# %%
print(ltv_cac_verdict(ratio))

# %% [markdown]
# ### A critical look: one best client is not a business case
#
# The $28,000 is Mr A's purchases in **one year**: 40 × $700. It is **revenue**, not profit,
# and it belongs to the **best** client, whom the article itself describes as more expensive
# to win and keep than the average one. Three things follow.
#
# - As a lifetime figure it is too small (Mr A may stay for years); as a profit figure it is
#   too large (the goods he buys cost something). The ratio mixes a year's revenue with a
#   one-off cost.
# - At almost any margin Mr A repays $60: his gross profit reaches $60 once the margin on his
#   year's purchases is above 60 / 28,000 ≈ 0.2%. The ratio cannot tell a good channel from
#   a bad one.
# - A budget is set by the *average* customer a channel brings. Mr B, who buys twice a year
#   at $50, brings $100 a year in revenue: against the same $60 that is a thin 1.7:1, before
#   any cost of goods.

# %%
mr = example("E-mr-a-mr-b")
assert mr.figures["a_value_per_year"] == best.inputs["ltv"]  # the article's LTV is Mr A's year
break_even_margin = best.inputs["cac"] / best.inputs["ltv"]
print(f"Margin at which Mr A's year repays his CAC: {break_even_margin:.2%}")
ratio_b = ltv_to_cac(ltv=mr.derived["b_value_per_year"], cac=best.inputs["cac"])
print(f"Mr B: {ltv_cac_verdict(ratio_b)}")

# %% [markdown]
# ## E-ltv-cac-2: the rule of thumb, 2:1 or 3:1
#
# “Увеличение LTV партнеров: проверенные стратегии” (Raising partners' LTV: proven strategies)
# sets the floor at 2:1 and counts a business as unprofitable once LTV no longer exceeds CAC.
# Elsewhere the figure usually quoted is 3:1. `ltv_cac_verdict` turns
# a ratio into one of five bands:
#
# | ratio | band | why |
# |---|---|---|
# | ≤ 1 | losing money | each customer costs at least what they bring |
# | 1 to 2 | thin | gross LTV must also pay rent, salaries, service; a small forecast error wipes it out |
# | 2 to 3 | article's minimum met | the article's 2:1 |
# | 3 to 5 | usual target met | the 3:1 usually quoted |
# | above 5 | possibly under-investing in growth | more could be spent on winning customers while each still pays |
#
# Why ask for more than 1:1? Gross LTV has only the cost of goods taken out: the other costs
# of the business still have to be paid from it. LTV is a forecast, CAC is spent now, and
# the money comes back only over the customer's lifetime. A very high ratio is not a reason
# to celebrate either: it often means the firm could win more customers by spending more, as
# long as the extra customers still repay their (higher) cost.

# %%
rule = example("E-ltv-cac-2")
for r in (0.8, 1.0, 1.5, rule.figures["minimum_ratio"], 2.5, rule.derived["usual_ratio"], 4.0,
          rule.derived["very_high_ratio"], 9.0):
    print(ltv_cac_verdict(r))
assert ltv_cac_verdict(rule.figures["minimum_ratio"]).band == "article's minimum met"
assert ltv_cac_verdict(rule.derived["usual_ratio"]).band == "usual target met"

# %% [markdown]
# ### Gross or net? The ratio shifts by exactly one
#
# The article on courses (E-courses, notebook 02) calls 8,000 RUB "the LTV": that is gross
# profit 9,000 minus CAC 1,000. Divided by CAC, the net figure gives 8:1 while the gross one
# gives 9:1: a net ratio is always the gross ratio minus one. A rule like "at least 2:1" read
# on net LTV means 3:1 on gross LTV. The workbook uses gross LTV (before CAC) for every ratio;
# say which one you use whenever you quote one.

# %%
courses = example("E-courses")
gross = historical_ltv(courses.inputs["purchases"], margin=courses.inputs["margin"])
net = historical_ltv(courses.inputs["purchases"], margin=courses.inputs["margin"],
                     acquisition_cost=courses.inputs["acquisition_cost"])
print(f"gross LTV / CAC = {format_ratio(ltv_to_cac(gross, courses.inputs['acquisition_cost']))}; "
      f"net LTV / CAC = {format_ratio(ltv_to_cac(net, courses.inputs['acquisition_cost']))}")
assert agrees(ltv_to_cac(gross, courses.inputs["acquisition_cost"]), courses.derived["ltv_to_cac"])

# %% [markdown]
# The ratios of this notebook on the bands (log scale, so 1.7 and 467 fit on one chart):

# %%
ratio_band_chart(
    {
        "best client (E-best-client-cac)": ratio,
        "courses, gross (E-courses)": ltv_to_cac(gross, courses.inputs["acquisition_cost"]),
        "Mr B, a year's revenue": ratio_b,
    },
    title="LTV:CAC against the rule-of-thumb bands",
)

# %% [markdown]
# ## Payback: how many months until CAC comes back
#
# The ratio says *how much* comes back; the payback period says *how soon*. CAC is paid when
# the customer is won, the gross profit arrives month by month, so
#
# $$\text{payback (months)} = \frac{\text{CAC}}{\text{gross profit per customer per month}}.$$
#
# Take the online service of E-online-service (notebook 05): 500 RUB a month at a gross
# margin of 0.7 is 350 RUB of gross profit a month, for 18 months on average. The article
# gives no CAC for it; take the 500 RUB the same article calls acceptable for a telecom
# customer (E-telecom-budget, notebook 07).

# %%
service = example("E-online-service").inputs
cac = example("E-telecom-budget").inputs["cac"]
margin_per_month = online_service_margin_per_month()  # payments a month x payment x margin
months = payback_periods(cac=cac, margin_per_period=margin_per_month)
print(f"Gross profit {format_money(margin_per_month, 'RUB')} a month; CAC {format_money(cac, 'RUB')}; "
      f"payback {months:.2f} months of {service['lifetime_months']}")
summary = ltv_cac_summary(ltv=example("E-online-service").figures["ltv_per_user"], cac=cac,
                          lifetime_months=service["lifetime_months"])
print(summary.describe("RUB"))
assert agrees(summary.payback_months, months)

# %%
payback_chart(cac, margin_per_month, service["lifetime_months"], currency="RUB", period="month")

# %% [markdown]
# Two businesses with the same 3:1 ratio can differ a lot: one gets its CAC back in two
# months, the other in two years, and the second needs far more cash to grow. Quote the
# payback next to the ratio.

# %% [markdown]
# ## "The lower the CAC, the higher the LTV", examined
#
# The article on partners' LTV lists CAC among the factors of LTV: the lower the CAC, the
# higher the LTV. Look at the formulas: gross LTV is average check × purchases × lifetime ×
# margin, and CAC is in none of them. What a cheaper acquisition changes is the **net** LTV
# (gross minus CAC, the article on courses' "LTV") and the **LTV:CAC ratio**. With
# E-courses' customer:

# %%
cacs = (250, 500, 1000, 2000, 4000)
for c in cacs:
    net_c = historical_ltv(courses.inputs["purchases"], margin=courses.inputs["margin"], acquisition_cost=c)
    print(f"CAC {format_money(c, 'RUB'):>9}: gross LTV {format_money(gross, 'RUB')}, "
          f"net LTV {format_money(net_c, 'RUB'):>9}, LTV:CAC {format_ratio(ltv_to_cac(gross, c)):>6}")
assert agrees(gross, courses.derived["gross_ltv"])

# %%
cac_effect_chart(gross, cacs, currency="RUB")

# %% [markdown]
# In real data the link can even run the other way. A cheap channel (a discount site, broad
# untargeted ads) often brings customers who buy once and leave; an expensive one (a partner
# whose audience fits the product) brings customers who stay. Then a lower CAC comes with a
# *lower* LTV. That is why “联盟营销中客户终身价值的衡量与提升” (Measuring and raising CLTV in
# affiliate marketing) asks which partners bring the customers of the highest CLTV, not which
# are cheapest: compare channels by their LTV:CAC and payback, never by CAC alone.

# %% [markdown]
# ## Try it
#
# Move the sliders: gross LTV per customer, CAC, and the months over which the LTV is earned
# (for the payback). Set CAC to 0 to see the calculator refuse a ratio with no cost. The next
# cell prints the result at the starting values, the best client's (his $28,000 is a year's
# revenue, so read the result as an upper bound, as the critical look above explains).

# %%
calculator = ltv_cac_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown]
# ## Exercises
#
# Write your figure in place of `None` and run the cell. Solutions are folded under each
# exercise.
#
# **ex-06-1.** The online service (E-online-service) earns 350 RUB of gross profit a month
# per user. Its advertising gets dearer: a new user now costs 2,100 RUB to win. After how many
# months is that CAC paid back?

# %%
answer = None
check("ex-06-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = payback_periods(cac=2_100, margin_per_period=margin_per_month)
check("ex-06-1", answer)

# %% [markdown]
# **ex-06-2.** The same service's gross LTV is 6,300 RUB per user. What is the highest CAC, in
# RUB, that still meets the article's 2:1 minimum?

# %%
answer = None
check("ex-06-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = example("E-online-service").figures["ltv_per_user"] / rule.figures["minimum_ratio"]
check("ex-06-2", answer)

# %% [markdown]
# **ex-06-3.** Give Mr B a fairer LTV: he keeps buying ($100 a year) for 3 years, and 30% of
# what he pays is gross profit. Against the same $60 CAC, what is his gross LTV:CAC (a number
# such as 2.5 for 2.5:1)? Which band is it in?

# %%
answer = None
check("ex-06-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
b_gross_ltv = mr.derived["b_value_per_year"] * 3 * 0.3
answer = ltv_to_cac(ltv=b_gross_ltv, cac=best.inputs["cac"])
print(ltv_cac_verdict(answer))
check("ex-06-3", answer)

# %% [markdown]
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | LTV:CAC = gross LTV / CAC | `ltv_to_cac(ltv, cac)` | E-best-client-cac: 28,000 / 60 ≈ 467:1 |
# | verdict: ≤1 losing, <2 thin, ≥2 article's minimum, ≥3 usual target, >5 very high | `ltv_cac_verdict(ratio)` | E-ltv-cac-2 |
# | payback = CAC / gross profit per month | `payback_periods(cac, margin_per_period)` | 500 / 350 = 1.43 months |
# | net LTV = gross LTV − CAC; net ratio = gross ratio − 1 | `historical_ltv(..., acquisition_cost=)` | E-courses: 9:1 gross, 8:1 net |
#
# CAC does not change gross LTV; it changes net LTV, the ratio and the payback. Quote the
# ratio with its LTV (revenue or profit, gross or net) and next to the payback.
# Next: notebook 07 plans a year's budget from LTV and CAC.
