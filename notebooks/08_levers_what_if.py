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

# %% [markdown] key="08-title"
# # 08 · Levers and what-ifs: what moves LTV, and by how much
#
# After this notebook you can say how much LTV changes when the average check, the purchase
# frequency, the lifetime or the margin changes, draw the answer as a tornado chart, and
# check a "+5% retention" style claim before you repeat it.
#
# **You will learn**
# - that in LTV = average check × frequency × lifetime × margin every factor moves LTV by the
#   same share it moves itself;
# - why 10% less churn and 10% more retention are different changes, and why the tornado
#   therefore ranks *descriptions* of a lever, not just levers;
# - percentage points against percent, and what "+5% retention raises profit by up to 95%"
#   would need to mean something, and how much of it survives discounting;
# - why retention is not "guaranteed" profit, and why the HubSpot survey figures show a
#   correlation, not a cause;
# - which lever each of the articles' strategies for raising LTV moves, and which side effects
#   can cancel the gain.
#
# **You need**: notebooks 03 (E-advanced), 04 (churn and lifetime) and 06 (LTV:CAC).

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
    subscription_ltv,
    tr,
    tr_n,
)
from ltvkit.calculators import levers_calculator
from ltvkit.course.cases import advanced_baseline
from ltvkit.course.exercises import options
from ltvkit.course.strategies import strategies_by_lever, strategies_table, strategy_label
from ltvkit.levers import lever_label, lever_sensitivity, moved_share, retention_lift
from ltvkit.plots import retention_lift_chart, tornado_chart

# %% [markdown] key="08-the-baseline-e-advanced"
# ## The baseline: E-advanced with a margin
#
# “Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса” (How to
# calculate LTV and use it) computes its advanced formula with an average check of 2,000 RUB,
# a repeat purchase every half year (2 a year) and a lifetime of 3 years: 12,000 RUB of
# revenue (E-advanced, notebook 03). To talk about profit we need a margin; the same article's
# historical example implies one of 40% (E-historical-margin, notebook 02). The baseline is
# therefore a gross LTV of 12,000 × 0.4 = 4,800 RUB.

# %%
base = advanced_baseline()
print(base)
print(tr_n("Gross LTV {ltv}; lifetime {lifetime} year = churn {churn} a year = retention {retention} a year",
           "Gross LTV {ltv}; lifetime {lifetime} years = churn {churn} a year = retention {retention} a year",
           base.lifetime_periods, ltv=format_money(base.ltv, "RUB"), lifetime=format_number(base.lifetime_periods),
           churn=format_number(base.churn_rate, 4), retention=format_number(base.retention_rate, 4)))
revenue_ltv = frequency_ltv(base.average_order_value, base.purchases_per_period, base.lifetime_periods)
assert agrees(revenue_ltv, example("E-advanced").figures["ltv"])
assert agrees(base.ltv, example("E-advanced").figures["ltv"] * example("E-historical-margin").derived["implied_margin"])

# %% [markdown] key="08-the-lifetime-can-be"
# The lifetime can be described three ways: 3 years; a churn of 1/3 a year (lifetime =
# 1 / churn, notebook 04); a retention of 2/3 a year (retention = 1 − churn). They are one
# fact about the customers, but a "10% change" in each is a different change.

# %% [markdown] key="08-10-on-each-lever"
# ## ±10% on each lever: the tornado
#
# `lever_sensitivity` moves each lever 10% down and 10% up from the baseline, keeps the others
# fixed, and records the LTV. The table lists the levers by how far apart their two LTVs are.

# %%
sensitivity = lever_sensitivity(**base.as_kwargs(), change=0.10)
sensitivity.table()

# %%
tornado_chart(sensitivity, currency="RUB")

# %% [markdown] key="08-what-the-chart-says"
# What the chart says, lever by lever:
#
# - **average check, frequency, margin, lifetime**: each is a factor of LTV, so ±10% on any of
#   them is ±10% on LTV (±480 RUB). No factor is "stronger" than another; what differs is how
#   hard and how costly it is to move each one.
# - **churn**: 10% less churn (1/3 → 0.3 a year) lengthens the lifetime to 3.33 years: +11.1%.
#   10% more churn shortens it by only 9.1%. Lifetime = 1 / churn is a curve, not a line.
# - **retention**: 10% more retention (0.667 → 0.733) means churn falls from 0.333 to 0.267, a
#   fifth of it: the lifetime grows to 3.75 years, +25%. The bar is the widest because 10% of
#   retention is a bigger change to the customers than 10% of anything else here.

# %%
factors = [e for e in sensitivity.effects if e.lever in ("average check", "purchase frequency", "gross margin",
                                                        "lifetime")]
assert all(agrees(e.ltv_high / sensitivity.baseline_ltv, 1.1) for e in factors)
for e in sensitivity.effects:
    if e.lever in ("churn", "retention"):
        print(tr("{lever}: {base} -> {low} gives LTV {ltv_low}; -> {high} gives {ltv_high}", lever=lever_label(e.lever),
                 base=format_number(e.base_value, 4), low=format_number(e.low_value, 4),
                 ltv_low=format_money(e.ltv_low, "RUB"), high=format_number(e.high_value, 4),
                 ltv_high=format_money(e.ltv_high, "RUB")))

# %% [markdown] key="08-points-or-percent"
# ### Points or percent?
#
# A share such as a margin or a retention rate can rise "by 10%" in two ways: by 10% **of
# itself** (40% → 44%) or by 10 **percentage points** (40% → 50%). For LTV the first is +10%,
# the second +25%. Whenever a claim says "+5%" or "+10%" about a rate, ask which it means.

# %%
for mode in ("relative", "points"):
    margin = moved_share(base.margin, 0.10, mode)
    ltv = frequency_ltv(base.average_order_value, base.purchases_per_period, base.lifetime_periods, margin)
    print(tr("margin +10 ({mode}): {before} -> {after}, LTV {ltv} (+{change})",
             mode=tr("relative") if mode == "relative" else tr("points"), before=format_share(base.margin, 0),
             after=format_share(margin, 0), ltv=format_money(ltv, "RUB"), change=format_share(ltv / base.ltv - 1, 0)))

# %% [markdown] key="08-e-retention-5"
# ## E-retention-5: "+5% retention raises profit by up to 95%"
#
# The article credits Bain & Company with the finding that a small rise in retention, 5%,
# can lift profit by as much as 95% (elsewhere the claim usually appears as "25 to 95%").
# The churn model of notebook 04 shows how much "5%" can mean. Lifetime = 1 / (1 − retention):
#
# - **+5 percentage points from 80%**: 80% → 85% retention, lifetime 5 → 6.67 periods, +33%;
# - **+5% of 95%** (relative): 95% → 99.75%, lifetime 20 → 400 months, twenty times longer;
# - **+5 points from 95%**: 100% retention, customers who never leave: no finite answer.

# %%
claim = example("E-retention-5")
d = claim.derived
change = claim.inputs["retention_increase"]
points = retention_lift(d["points_base_retention"], change, "points")
relative = retention_lift(d["relative_base_retention"], change, "relative")
for name, lift in ((tr("+{points} points", points=format_number(change * 100)), points),
                   (tr("+{share} relative", share=format_share(change, 0)), relative)):
    print(tr("{name}: retention {before} -> {after}, lifetime {lifetime_before} -> {lifetime_after} periods "
             "(+{increase}%)", name=name.ljust(13), before=format_share(lift.retention_before, 2),
             after=format_share(lift.retention_after, 2), lifetime_before=format_number(lift.lifetime_before, 2),
             lifetime_after=format_number(lift.lifetime_after, 2),
             increase=format_number(lift.lifetime_increase_percent)))
assert agrees(points.lifetime_before, d["points_lifetime_before"])
assert agrees(points.lifetime_after, d["points_lifetime_after"])
assert agrees(points.lifetime_increase_percent, d["points_lifetime_increase_percent"])
assert agrees(relative.retention_after, d["relative_retention_after"])
assert agrees(relative.lifetime_before, d["relative_lifetime_before"])
assert agrees(relative.lifetime_after, d["relative_lifetime_after"])
print(tr("The article's figure: profit up to +{up_to}% (usually quoted as +{low}% to +{up_to}%)",
         up_to=format_number(claim.figures["profit_increase_up_to_percent"]),
         low=format_number(d["usually_quoted_low_percent"])))

# %% [markdown] key="08-the-same-5-at"
# The same "+5%" at different starting points, in both readings:

# %%
for retention in (0.5, 0.6, 0.7, 0.8, 0.9):
    p = retention_lift(retention, change, "points")
    r = retention_lift(retention, change, "relative")
    print(tr("from {base}: +{points} points -> lifetime {by_points}%; +{share} relative -> {by_share}%",
             base=format_share(retention, 0), points=format_number(change * 100),
             by_points=("+" + format_number(p.lifetime_increase_percent, 1)).rjust(6), share=format_share(change, 0),
             by_share=("+" + format_number(r.lifetime_increase_percent, 1)).rjust(6)))

# %%
retention_lift_chart(change, marks=[points, relative])

# %% [markdown] key="08-discounting-tames-the-claim"
# ### Discounting tames the claim
#
# Twenty times the lifetime is not twenty times the value. The extra months come far in the
# future, and money far in the future is worth little today (notebook 05). Discount at 1% a
# month and E-churn's 200 RUB a month from a customer kept at 95% are worth 3,367 RUB today;
# at 99.75% they are worth 16,160 RUB: about 4.8 times as much, not 20. The longer the
# lifetime a claim promises, the more of it discounting takes away.

# %%
monthly_discount = 0.01  # our assumption: 1% a month
price = example("E-churn").inputs["monthly_price"]
for label, retention in ((tr("before"), relative.retention_before), (tr("after"), relative.retention_after)):
    print(tr("retention {retention} ({label}): {as_paid} as paid, {today} today", retention=format_share(retention, 2),
             label=label, as_paid=format_money(subscription_ltv(price, churn_rate=1 - retention), "RUB"),
             today=format_money(discounted_ltv(price, retention, monthly_discount), "RUB", decimals=0)))
as_paid = relative.lifetime_after / relative.lifetime_before
today = discounted_ltv(price, relative.retention_after, monthly_discount) / discounted_ltv(
    price, relative.retention_before, monthly_discount)
print(tr("value after / before: {as_paid} times as paid, {today} times in today's money",
         as_paid=format_number(as_paid, 1), today=format_number(today, 1)))
assert agrees(today, d["discounted_ltv_ratio_at_1_percent_a_month"])

# %% [markdown] key="08-a-critical-look-the"
# ### A critical look: the claim cannot be checked as it stands
#
# With a constant margin per period, LTV grows with the lifetime, so "+5% retention" raises
# LTV by anything from about +5% to +1,900% (and more) depending on where retention starts,
# on the period (a month or a year) and on whether the 5 is points or percent. "Up to 95%" is
# inside that range and so is almost any other figure. And profit is not LTV: the company's
# profit also depends on what the extra retention costs (discounts, service, managers) and on
# how many customers there are. To be checkable the claim would need: the base retention and
# its period, points or percent, what "profit" is (per customer over a lifetime, or the
# company's in a year), the industry, and the cost of achieving the change.
#
# ### A critical look: retention is not "guaranteed" profit
#
# The article calls the profit from holding on to the customers you have guaranteed. Keeping
# customers costs money: the discounts, bonuses, service and managers that a retention
# programme pays for every customer it covers, including the ones who would have stayed anyway.
# Say a programme lifts E-churn's monthly retention from 95% to 96% and costs a fixed amount
# per customer per month. LTV after its cost is (price − cost) / churn:

# %%
churn_before, churn_after = 0.05, 0.04
ltv_before = subscription_ltv(price, churn_rate=churn_before)
for cost in (15, 40, 60):  # RUB per customer per month, assumptions
    ltv_after = subscription_ltv(price - cost, churn_rate=churn_after)
    change_in_ltv = ltv_after / ltv_before - 1
    print(tr("programme at {cost} RUB a month: LTV {before} -> {after} ({change})", cost=format_number(cost),
             before=format_money(ltv_before, "RUB"), after=format_money(ltv_after, "RUB"),
             change=("+" if change_in_ltv >= 0 else "") + format_share(change_in_ltv, 1)))
print(tr("break-even cost: {cost} a customer a month", cost=format_money(price - ltv_before * churn_after, "RUB")))

# %% [markdown] key="08-above-40-rub-a"
# Above 40 RUB a month the programme keeps customers longer and loses money on every one of
# them. Retention pays when it costs less than what it adds, and only an experiment (a group
# that gets the programme against one that does not) says what it adds.

# %% [markdown] key="08-e-hubspot-service"
# ## E-hubspot-service: 55% of growing firms invest in service, 29% of the others
#
# To argue that satisfied customers spend more, the article cites HubSpot Research: 55% of the
# companies that grow confidently keep investing in better customer service, against 29% of
# those whose revenue is flat or falling.

# %%
survey = example("E-hubspot-service").figures
print(tr("investing in service: {growing} of growing firms, {others} of the others",
         growing=format_share(survey["growing_firms_investing"], 0), others=format_share(survey["other_firms_investing"], 0)))

# %% [markdown] key="08-a-critical-look-who"
# ### A critical look: who invests, not what investing does
#
# The figures are true to the survey and say less than the article draws from them ("it's
# simple: customer-focused companies earn more"):
#
# - **correlation, not cause**: growing firms have money to spend, on service as on everything
#   else. Growth can cause the investment as easily as the investment causes growth;
# - **survivorship**: firms that invested in service and still shrank, or closed, are among
#   the "others" or not in the survey at all. Counting only those who made it flatters whatever
#   they have in common;
# - **a share of firms, not an effect on profit**: 55% against 29% says how many firms of each
#   kind invest, nothing about how much any firm's LTV changed because it did.
#
# What would test the claim is the experiment of notebook 11: better service for some
# customers, chosen at random, and their LTV compared with the others'.
#
# **ex-08-4.** Why do the HubSpot figures not show that investing in service makes a firm grow?

# %%
print(options("ex-08-4"))
answer = None  # a letter, such as "a"
check("ex-08-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # growth can pay for the service, and firms that invested and failed are not among the growing
check("ex-08-4", answer)

# %% [markdown] key="08-e-sale-probability"
# ## E-sale-probability: 5-20% for a new customer, 60-70% for an existing one
#
# The article puts the odds of closing a sale at 5-20% with a new customer and around 60-70%
# with an existing one, and credits a journal whose name has dropped out of the text. As
# stated, the ratio between the two can be anything from 3 to 14:

# %%
sale = example("E-sale-probability").figures
print(tr("new {new_low}-{new_high}, existing {existing_low}-{existing_high}: a sale to an existing customer is "
         "{least} to {most} times as likely", new_low=format_share(sale["new_low"], 0),
         new_high=format_share(sale["new_high"], 0), existing_low=format_share(sale["existing_low"], 0),
         existing_high=format_share(sale["existing_high"], 0), least=format_number(sale["existing_low"] / sale["new_high"]),
         most=format_number(sale["existing_high"] / sale["new_low"])))

# %% [markdown] key="08-to-be-checkable-it"
# To be checkable it would need a denominator and a window: probability per what (an offer, a
# visit, an email, a month?), who counts as "new" (a lead who asked for a price, or anyone an
# advert reached?), over which period, in which industry. Stated that way it is a conversion
# rate that any CRM can measure: orders / offers, for existing and for new contacts separately.

# %% [markdown] key="08-e-acquisition-25x"
# ## E-acquisition-25x: "winning a customer costs up to 25 times keeping one"
#
# On the authority of Harvard Business Review, the article puts the cost of a new customer at
# as much as 25 times the cost of holding on to one you have. "Up to" gives only an upper
# end, so any smaller ratio agrees with it. The two costs are also of different kinds: CAC is paid once
# per customer, a retention cost is paid per customer per period. With the telecom CAC of
# notebook 07, 25 times means keeping a customer costs 20 RUB, which is plausible per month
# and absurdly low per lifetime:

# %%
ratio = example("E-acquisition-25x").figures["acquisition_to_retention_cost_up_to"]
cac = example("E-telecom-budget").inputs["cac"]
print(tr("CAC {cac} / {ratio} = {keep} to keep a customer (per month? per year? per lifetime?)",
         cac=format_money(cac, "RUB"), ratio=format_number(ratio), keep=format_money(cac / ratio, "RUB")))

# %% [markdown] key="08-to-be-checkable-it-2"
# To be checkable it would need both costs measured in the same firm over the same horizon:
# acquisition spend per customer won, against retention spend (discounts, service, loyalty
# programme) per customer kept for a stated period.

# %% [markdown] key="08-the-articles-strategies-and"
# ## The articles' strategies and the lever each one moves
#
# The three articles on raising LTV (How to calculate LTV and use it; Raising partners' LTV:
# proven strategies; “联盟营销中客户终身价值的衡量与提升” (Measuring and raising CLTV in affiliate
# marketing)) list many tactics. `ltvkit.levers.STRATEGIES` maps each to the factor of LTV it
# moves; the sources column gives the articles' file numbers (000 partners, 001 how to
# calculate, 003 affiliate marketing).

# %%
strategies_table()

# %%
for lever, names in strategies_by_lever().items():
    print(tr_n("{lever} {count} strategy: {names}", "{lever} {count} strategies: {names}", len(names),
               lever=lever_label(lever).ljust(20), count=len(names), names="; ".join(map(strategy_label, names))))

# %% [markdown] key="08-most-tactics-aim-at"
# Most tactics aim at frequency and lifetime; only one (a lower cost to serve) raises the
# margin, and several *lower* it as a side effect. That can cancel the gain: a loyalty
# programme that brings 10% more purchases but pays for them with discounts worth 10% of the
# margin leaves LTV slightly *below* the baseline.

# %%
loyalty = frequency_ltv(base.average_order_value, base.purchases_per_period * 1.10, base.lifetime_periods,
                        base.margin * 0.90)
print(tr("+10% frequency, -10% margin: LTV {ltv} against {base}", ltv=format_money(loyalty, "RUB", decimals=0),
         base=format_money(base.ltv, "RUB", decimals=0)))

# %% [markdown] key="08-better-partner-traffic-moves"
# "Better partner traffic" moves no factor of one customer's LTV: it changes CAC and which
# customers arrive, so it belongs with LTV:CAC (notebook 06) and with LTV by channel
# (notebook 10).

# %% [markdown] key="08-try-it"
# ## Try it
#
# Move the four levers: the label gives the LTV and the lever whose ±10% moves it most, and the
# tornado is redrawn. A lifetime under one year is refused, since churn = 1 / lifetime must be
# a share (set the lifetime to 0 or 0.5 to see the message). The next cell prints the result at
# the baseline.

# %%
calculator = levers_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="08-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell. Solutions are folded under each
# exercise.
#
# **ex-08-1.** An upsell raises the baseline's average check by 20%, but the discounts that
# come with it bring the margin down from 40% to 36%. By how many percent does LTV change?

# %%
answer = None
check("ex-08-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
upsold = frequency_ltv(base.average_order_value * 1.2, base.purchases_per_period, base.lifetime_periods, 0.36)
answer = (upsold / base.ltv - 1) * 100
check("ex-08-1", answer)

# %% [markdown] key="08-ex-08-2"
# **ex-08-2.** A subscription keeps 90% of its customers each month. Retention rises by 5%
# (of itself, not 5 points). What is the expected lifetime now, in months?

# %%
answer = None
check("ex-08-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = retention_lift(0.90, change, "relative").lifetime_after
check("ex-08-2", answer)

# %% [markdown] key="08-ex-08-3"
# **ex-08-3.** In the baseline, churn falls by a quarter (of itself). What is the new LTV, in RUB?

# %%
answer = None
check("ex-08-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
longer = 1 / (base.churn_rate * 0.75)  # years
answer = frequency_ltv(base.average_order_value, base.purchases_per_period, longer, base.margin)
check("ex-08-3", answer)

# %% [markdown] key="08-summary"
# ## Summary
#
# | idea | formula | ltvkit | example |
# |---|---|---|---|
# | LTV's factors | LTV = check × frequency × lifetime × margin | `frequency_ltv(...)` | 2,000 × 2 × 3 × 0.4 = 4,800 RUB |
# | one factor ±x% | LTV ±x% | `lever_sensitivity(...)` | ±10% → ±480 RUB |
# | churn −x% | lifetime × 1 / (1 − x) | `lever_sensitivity(...)` | −10% → +11.1% |
# | a share (margin, retention) after a change | s + Δ (points) or s × (1 + Δ) (relative) | `moved_share(share, change, mode)` | margin 40% → 50% or 44% |
# | lifetime from retention | 1 / (1 − retention) | `retention_lift(r, change, mode)` | 80% → 85%: 5 → 6.67 periods |
# | the tornado | LTV at each lever ±10% | `tornado_chart(sensitivity)` | retention widest |
#
# | discounted lifetime value | Σ margin × r^t / (1 + d)^t | `discounted_ltv(margin, r, d)` | 95% → 99.75% at 1% a month: × 4.8, not × 20 |
# | retention after its cost | (price − cost) / churn | `subscription_ltv(price - cost, churn_rate=...)` | 95% → 96%: pays only below 40 RUB a month |
#
# Before believing "+5% retention", ask: points or percent, from what base, per which period,
# discounted or not, and what it costs. Before believing a survey, ask who was counted and
# whether the cause could run the other way. Next: notebook 09 computes LTV from a shop's real orders.
