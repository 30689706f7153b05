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

# %% [markdown] key="06-title"
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
# - the payback period: CAC divided by the gross profit a customer brings per month, and the
#   same weighted by the customers who are still paying;
# - the cash dip of acquisition: how much money winning customers ties up, and for how long;
# - why "the lower the CAC, the higher the LTV" is not true of LTV itself, and why a higher LTV
#   raises the CAC you can afford rather than lowering CAC;
# - contribution margin and fully loaded CAC: the costs that a gross margin and an ad report
#   leave out, and what they do to the ratio.
#
# **You need**: notebooks 02 (gross and net LTV, E-courses) and 03 (E-mr-a-mr-b); 05 helps
# (E-online-service).

# %%
from ltvkit import (
    agrees,
    check,
    example,
    format_money,
    format_number,
    format_ratio,
    format_share,
    historical_ltv,
    ltv_to_cac,
    payback_periods,
    tr,
)
from ltvkit.calculators import ltv_cac_calculator
from ltvkit.course.cases import online_service_margin_per_month
from ltvkit.course.exercises import options
from ltvkit.ltv_cac import (
    acquisition_cash_curve,
    affordable_cac,
    ltv_cac_summary,
    ltv_cac_verdict,
    survival_payback_periods,
)
from ltvkit.money import format_rows
from ltvkit.plots import cac_effect_chart, cash_dip_chart, payback_chart, ratio_band_chart, waterfall_chart
from ltvkit.unit_economics import acquisition_costs, contribution

# %% [markdown] key="06-ltv-and-cac-value"
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

# %% [markdown] key="06-e-best-client-cac"
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
print(tr("LTV:CAC = {ltv} / {cac} = {ratio}, about {rounded}", ltv=format_money(best.inputs["ltv"], best.currency),
         cac=format_money(best.inputs["cac"], best.currency), ratio=format_ratio(ratio),
         rounded=format_ratio(ratio, decimals=0)))
assert agrees(ratio, best.derived["ltv_to_cac"])

# %% [markdown] key="06-the-verdict-function-of"
# The verdict function of `ltvkit.planning` reads a ratio against the bands this notebook
# explains below. A ratio this high lands in the top band.

# %%
print(ltv_cac_verdict(ratio))

# %% [markdown] key="06-a-critical-look-one"
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
print(tr("Margin at which Mr A's year repays his CAC: {share}", share=format_share(break_even_margin, 2)))
ratio_b = ltv_to_cac(ltv=mr.derived["b_value_per_year"], cac=best.inputs["cac"])
print(tr("Mr B: {verdict}", verdict=ltv_cac_verdict(ratio_b)))

# %% [markdown] key="06-a-critical-look-the"
# ### A critical look: "the best clients cost much more to win", at the same $60
#
# The article says that the most valuable clients cost considerably more to win and to keep.
# Then it prices the best client at $60, and, a few paragraphs on, the average customer of its
# churn example (E-churn-20, notebook 04) at the same $60. Its own numbers do not show what it
# claims, and a business rarely could: a CAC is paid per channel or campaign, before anyone
# knows which of the customers it brings will turn out to be the best. "What does a best client
# cost?" becomes a real question only as "what does the channel that brings more of them cost,
# per customer?" (notebook 10). And the ratio leaves room: even on a year's revenue, Mr A's
# $28,000 would still meet 3:1 at a CAC of about 156 times $60.

# %%
average_cac = example("E-churn-20").inputs["cac"]
print(tr("CAC of the best client {best}, of the average customer {average}",
         best=format_money(best.inputs["cac"], "USD"), average=format_money(average_cac, "USD")))
assert average_cac == best.inputs["cac"]
most_for_mr_a = affordable_cac(best.inputs["ltv"])
print(tr("Mr A's year meets 3:1 up to a CAC of {cac} ({times} times {best})",
         cac=format_money(most_for_mr_a, "USD", decimals=0), times=format_number(most_for_mr_a / best.inputs["cac"]),
         best=format_money(best.inputs["cac"], "USD")))

# %% [markdown] key="06-e-ltv-cac-2"
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

# %% [markdown] key="06-gross-or-net-the"
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
print(tr("gross LTV / CAC = {gross}; net LTV / CAC = {net}",
         gross=format_ratio(ltv_to_cac(gross, courses.inputs["acquisition_cost"])),
         net=format_ratio(ltv_to_cac(net, courses.inputs["acquisition_cost"]))))
assert agrees(ltv_to_cac(gross, courses.inputs["acquisition_cost"]), courses.derived["ltv_to_cac"])

# %% [markdown] key="06-the-ratios-of-this"
# The ratios of this notebook on the bands (log scale, so 1.7 and 467 fit on one chart):

# %%
ratio_band_chart(
    {
        tr("best client (E-best-client-cac)"): ratio,
        tr("courses, gross (E-courses)"): ltv_to_cac(gross, courses.inputs["acquisition_cost"]),
        tr("Mr B, a year's revenue"): ratio_b,
    },
    title=tr("LTV:CAC against the rule-of-thumb bands"),
)

# %% [markdown] key="06-payback-how-many-months"
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
print(tr("Gross profit {margin} a month; CAC {cac}; payback {payback} months of {lifetime}",
         margin=format_money(margin_per_month, "RUB"), cac=format_money(cac, "RUB"), payback=format_number(months, 2),
         lifetime=format_number(service["lifetime_months"])))
summary = ltv_cac_summary(ltv=example("E-online-service").figures["ltv_per_user"], cac=cac,
                          lifetime_months=service["lifetime_months"])
print(summary.describe("RUB"))
assert agrees(summary.payback_months, months)

# %%
payback_chart(cac, margin_per_month, service["lifetime_months"], currency="RUB", period="month")

# %% [markdown] key="06-payback-when-customers-leave"
# Two businesses with the same 3:1 ratio can differ a lot: one gets its CAC back in two
# months, the other in two years, and the second needs far more cash to grow. Quote the
# payback next to the ratio.
#
# ### Payback when customers leave
#
# CAC / margin assumes the customer keeps paying until the CAC is back. But users leave: with
# the online service's 18 months read as a constant churn of 1/18 a month (notebook 04), only
# (17/18)^t of a month's new users still pay in month t + 1. Weighted by who is still paying, a
# new user has brought, on average, margin × (1 − (17/18)^t) / (1/18) after t months, and the
# payback is the month in which that reaches CAC (`survival_payback_periods`). For a cheap
# customer the two hardly differ; the dearer the customer, the more the leavers matter, and a
# CAC near the LTV is never paid back by the cohort as a whole:

# %%
churn = 1 / service["lifetime_months"]  # the 18 months read as a constant churn
rows = []
for c in (500, 2_000, 3_000, 5_000, 6_300):
    weighted = survival_payback_periods(c, margin_per_month, churn_rate=churn)
    rows.append((format_money(c, "RUB"), format_number(payback_periods(c, margin_per_month), 2),
                 tr("never") if weighted == float("inf") else format_number(weighted, 2)))
print(format_rows(rows, header=("CAC", tr("CAC / margin, months"), tr("weighted by survival, months"))))

# %% [markdown] key="06-the-cash-dip-of"
# ### The cash dip of acquisition
#
# Payback is one customer's story; the money is the cohort's. The CAC of every new user is paid
# at once, and the margins come back month by month from those who stay, so the cash a cohort
# has brought in, less its CAC, starts deep below zero and climbs. `acquisition_cash_curve`
# follows it month by month. Take 700 new users at a dearer CAC of 3,000 RUB (our assumption:
# a channel that costs six times the telecom figure), once as a single cohort, once as a new
# cohort of 700 every month for a year, the way a growing business acquires:

# %%
dear_cac = 3_000  # an assumption for the illustration
one_cohort = acquisition_cash_curve(dear_cac, margin_per_month, churn_rate=churn, periods=36,
                                    customers_per_cohort=service["users"])
a_year_of_cohorts = acquisition_cash_curve(dear_cac, margin_per_month, churn_rate=churn, periods=36,
                                           customers_per_cohort=service["users"], cohorts=12)
print(tr("one cohort:            {curve}", curve=one_cohort.describe("RUB")))
print(tr("a cohort every month:  {curve}", curve=a_year_of_cohorts.describe("RUB")))

# %%
cash_dip_chart({tr("one cohort of 700"): one_cohort, tr("700 new users every month for a year"): a_year_of_cohorts},
               currency="RUB", period="month")

# %% [markdown] key="06-a-single-cohort-is"
# A single cohort is back above zero in the month its survival-weighted payback says. A business
# that keeps acquiring is not: every month's new CAC deepens the dip before the earlier cohorts
# have paid it back, and the deepest point is five times the single cohort's. That is the cash
# a growth plan must finance, and it is set by the payback and the churn, not by the LTV:CAC
# ratio, which here is 2.1:1, just above the article's minimum.

# %% [markdown] key="06-the-lower-the-cac"
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
    print(tr("CAC {cac}: gross LTV {gross}, net LTV {net}, LTV:CAC {ratio}", cac=format_money(c, "RUB").rjust(9),
             gross=format_money(gross, "RUB"), net=format_money(net_c, "RUB").rjust(9),
             ratio=format_ratio(ltv_to_cac(gross, c)).rjust(6)))
assert agrees(gross, courses.derived["gross_ltv"])

# %%
cac_effect_chart(gross, cacs, currency="RUB")

# %% [markdown] key="06-a-critical-look-a"
# ### A critical look: a higher LTV does not lower CAC
#
# The same article opens with the reverse claim: raising LTV lowers the cost of winning new
# customers. Nothing in what a click, a placement or a partner's commission costs depends on
# what the customer will later bring. What a higher LTV changes is the CAC the business **can
# afford**: at a target of 3:1 the highest acceptable CAC is LTV / 3. Raise E-courses' gross LTV
# by a fifth and the affordable CAC rises by a fifth; the CAC itself stays at 1,000 RUB:

# %%
for lift in (1.0, 1.2):
    print(tr("gross LTV {gross}: CAC still {cac}, affordable at 3:1 up to {affordable}",
             gross=format_money(gross * lift, "RUB"), cac=format_money(courses.inputs["acquisition_cost"], "RUB"),
             affordable=format_money(affordable_cac(gross * lift), "RUB")))

# %% [markdown] key="06-that-is-why-the"
# That is why the claim is tempting: a firm whose customers are worth more can outbid its
# rivals for the same clicks and still earn, so it may end up *paying* more per customer, and
# rightly.

# %% [markdown] key="06-in-real-data-the"
# In real data the link can even run the other way. A cheap channel (a discount site, broad
# untargeted ads) often brings customers who buy once and leave; an expensive one (a partner
# whose audience fits the product) brings customers who stay. Then a lower CAC comes with a
# *lower* LTV. That is why “联盟营销中客户终身价值的衡量与提升” (Measuring and raising CLTV in
# affiliate marketing) asks which partners bring the customers of the highest CLTV, not which
# are cheapest: compare channels by their LTV:CAC and payback, never by CAC alone.

# %% [markdown] key="06-contribution-margin-and-fully"
# ## Contribution margin and fully loaded CAC
#
# Both sides of LTV:CAC hide costs.
#
# **On the LTV side**, a gross margin takes out only the cost of what was sold. Every sale
# also costs a payment fee (the bank or payment service keeps a share of each payment, and
# keeps it when the payment is refunded), refunds, and the bonuses, cashback and promo
# discounts that loyalty programmes give back. What is left after all of them is the
# **contribution**: what the customer leaves towards the fixed costs and the profit. The
# online service's 500 RUB a month, with assumed rates (ours, for the illustration):

# %%
per_month = contribution(service["monthly_payment"], gross_margin=service["margin"], payment_fee_rate=0.025,
                         refund_rate=0.03, bonus_rate=0.05)
print(per_month.describe("RUB"))
waterfall_chart(per_month.steps(), currency="RUB", title=tr("One user's month: from sales to contribution"))

# %% [markdown] key="06-on-the-cac-side"
# **On the CAC side**, an ad report divides ad spend by the customers the ads brought: the
# *paid* CAC. Two things move it. Dividing by *all* new customers, including those who came on
# their own, gives a lower *blended* CAC that flatters the ads. And the ads are not the only
# cost of winning customers: the sales team's salaries, the agency's fees, the tools. Counted
# in, they give the *fully loaded* CAC. Suppose a month's 700 new users came as 500 from ads
# costing 250,000 RUB and 200 on their own, with 120,000 RUB of sales salaries, 50,000 RUB of
# agency fees and 10,000 RUB of tools (our figures):

# %%
month = acquisition_costs(ad_spend=250_000, paid_customers=500, organic_customers=200, sales_salaries=120_000,
                          agency_fees=50_000, other_costs=10_000)
print(month.describe("RUB"))
assert agrees(month.paid_cac, cac)  # the same 500 RUB this notebook has used for the online service

# %% [markdown] key="06-put-together-the-same"
# Put together, the same users give very different ratios. The honest one for deciding on
# more ads is the contribution LTV against the fully loaded CAC of a paid customer:

# %%
contribution_ltv = per_month.contribution * service["lifetime_months"]
readings = {
    tr("gross LTV / blended CAC"): (example("E-online-service").figures["ltv_per_user"], month.blended_cac),
    tr("gross LTV / paid CAC"): (example("E-online-service").figures["ltv_per_user"], month.paid_cac),
    tr("contribution LTV / fully loaded CAC"): (contribution_ltv, month.fully_loaded_cac),
    tr("contribution LTV / fully loaded paid CAC"): (contribution_ltv, month.fully_loaded_paid_cac),
}
print(format_rows([(name, ltv, c, format_ratio(ltv_to_cac(ltv, c))) for name, (ltv, c) in readings.items()],
                  header=("", "LTV", "CAC", "LTV:CAC"), decimals=0))

# %% [markdown] key="06-the-figure-usually-quoted"
# The figure usually quoted is the second; the one to decide with is the last, about half of
# it. Both are real; what matters is to say which one you quote (notebook 02's checklist asks
# "revenue, gross or contribution").
#
# **ex-06-4.** Why is the blended CAC lower than the paid CAC, and why is that a problem when
# you judge the ads?

# %%
print(options("ex-06-4"))
answer = None  # a letter, such as "a"
check("ex-06-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # customers who came on their own share the ad bill, so the ads look cheaper than they are
check("ex-06-4", answer)

# %% [markdown] key="06-try-it"
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

# %% [markdown] key="06-exercises"
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

# %% [markdown] key="06-ex-06-2"
# **ex-06-2.** The same service's gross LTV is 6,300 RUB per user. What is the highest CAC, in
# RUB, that still meets the article's 2:1 minimum?

# %%
answer = None
check("ex-06-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = example("E-online-service").figures["ltv_per_user"] / rule.figures["minimum_ratio"]
check("ex-06-2", answer)

# %% [markdown] key="06-ex-06-3"
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

# %% [markdown] key="06-summary"
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | LTV:CAC = gross LTV / CAC | `ltv_to_cac(ltv, cac)` | E-best-client-cac: 28,000 / 60 ≈ 467:1 |
# | verdict: ≤1 losing, <2 thin, ≥2 article's minimum, ≥3 usual target, >5 very high | `ltv_cac_verdict(ratio)` | E-ltv-cac-2 |
# | payback = CAC / gross profit per month | `payback_periods(cac, margin_per_period)` | 500 / 350 = 1.43 months |
# | payback weighted by survival: first t with margin × (1 − r^t) / (1 − r) ≥ CAC | `survival_payback_periods(cac, margin, churn_rate=...)` | CAC 3,000 RUB: 11.32 months, not 8.57 |
# | the cash dip: CAC out at once, margins back as customers stay, over all cohorts | `acquisition_cash_curve(cac, margin, churn_rate=..., periods=..., customers_per_cohort=..., cohorts=...)` | 700 a month at 3,000 RUB: 9.6 M deep, back in month 18 |
# | affordable CAC = LTV / target ratio | `affordable_cac(ltv, target_ratio=3)` | E-courses: 3,000 RUB; +20% LTV → 3,600 RUB |
# | contribution = sales − refunds − cost of goods − payment fees − bonuses | `contribution(sales, gross_margin=..., payment_fee_rate=..., refund_rate=..., bonus_rate=...)` | 500 RUB a month: 302.75 RUB, not 350 |
# | paid, blended, fully loaded CAC | `acquisition_costs(ad_spend=..., paid_customers=..., organic_customers=..., sales_salaries=..., agency_fees=..., other_costs=...)` | 500, 357, 614 and 786 RUB |
# | net LTV = gross LTV − CAC; net ratio = gross ratio − 1 | `historical_ltv(..., acquisition_cost=)` | E-courses: 9:1 gross, 8:1 net |
#
# CAC does not change gross LTV; it changes net LTV, the ratio and the payback. Quote the
# ratio with its LTV (revenue, gross or contribution; before or after CAC), with its CAC (paid,
# blended or fully loaded), and next to the payback weighted by survival.
# Next: notebook 07 plans a year's budget from LTV and CAC.
