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

# %% [markdown] key="07-title"
# # 07 · Budget planning from LTV: a published plan, checked line by line
#
# After this notebook you can turn costs, a profit target and an LTV into the number of
# customers and the advertising budget a year needs, with every assumption written down,
# and you can find the errors in someone else's plan.
#
# **You will learn**
# - how a yearly plan follows from costs + profit, VAT, LTV and CAC;
# - to name each assumption of a plan (period of the costs, how VAT is applied, whether
#   advertising is a cost, how customers are rounded) and see what each one changes;
# - six errors in a published plan, one at a time, and a corrected plan;
# - the difference between ROI, LTV:CAC and the firm's return on its costs, and what they are
#   net of VAT and with every cost counted (fully loaded);
# - why customers kept from last year make a plan cheaper: they need no new CAC.
#
# **You need**: notebook 06 (LTV:CAC, payback). Percentages and a little algebra.

# %%
from ltvkit import agrees, check, example, format_money, format_number, format_ratio, format_share, tr
from ltvkit.calculators import budget_plan_calculator
from ltvkit.course.exercises import options
from ltvkit.money import format_rows
from ltvkit.planning import budget_plan, compare_plans
from ltvkit.plots import plan_waterfall_chart, plans_chart, waterfall_chart

# %% [markdown] key="07-e-telecom-budget"
# ## E-telecom-budget: a year's plan for a telecom company
#
# “Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса” (How to
# calculate LTV and use it) opens with a plan. A telecom company has operating costs of
# 10 million RUB a month (offices, equipment, salaries, lines, licences), wants a profit of
# 3 million, pays VAT at 20%, and knows that a customer brings 4,000 RUB a year. It is ready to
# pay 500 RUB to win a customer, whose subscription costs 500-600 RUB a month. The article
# works out the turnover the company needs, how many customers that takes and what winning
# them costs, and then lists the plan's figures.

# %%
telecom = example("E-telecom-budget")
inputs = telecom.inputs
print(format_rows(inputs.items(), currency=None))

# %% [markdown] key="07-one-planning-function-every"
# ### One planning function, every assumption a parameter
#
# `budget_plan` in `ltvkit.planning` makes the plan. Its arithmetic is short: the turnover
# without VAT must cover the costs and the profit (and the advertising, if that counts as a
# cost); customers = that turnover / LTV per customer; advertising = customers × CAC. What
# makes plans differ are the choices around it, and each is a parameter:
#
# | parameter | what it decides |
# |---|---|
# | `costs_period` | whether the stated costs are for a month (× 12 for the year) or for the year |
# | `vat_applied` | VAT "added_on_top" (net × 1.2) or "taken_out_of_turnover" (net / 0.8) |
# | `costs_grossed_up_for_vat` | whether the costs are raised by VAT before the profit is added |
# | `ltv_includes_vat` | whether the LTV per customer is what the customer pays, VAT included |
# | `new_customer_share` | the share of the plan's customers that must be won (at CAC) this year |
# | `advertising_counted_as_cost` | whether the turnover must also pay for the advertising |
# | `customer_rounding` | "none" (fractions of customers), "up" or "nearest" |
#
# It returns a frozen `BudgetPlan` whose fields are the lines of the plan.

# %% [markdown] key="07-the-article-s-first"
# ### The article's first pass
#
# The article adds 10 and 3 million, "adds 20% VAT" by dividing by 0.8, calls the result the
# year's turnover, divides it by the LTV of 4,000 and multiplies the customers by 500 RUB.
# These are the parameters that reproduce it:

# %%
article_first_pass = dict(
    costs=inputs["costs"],
    costs_period="year",  # the article adds its "monthly" costs to a year's profit
    target_profit=inputs["target_profit"],
    vat_rate=inputs["vat_rate"],
    vat_applied="taken_out_of_turnover",  # (10 + 3) / 0.8
    costs_grossed_up_for_vat=False,
    ltv_per_customer_per_year=inputs["ltv_per_customer_per_year"],
    ltv_includes_vat=True,  # turnover with VAT / LTV
    cac=inputs["cac"],
    new_customer_share=1.0,  # every customer is won this year
    advertising_counted_as_cost=False,  # the advertising is not in the costs
    customer_rounding="none",  # 4,062.5 customers
)
first = budget_plan(**article_first_pass)
print(format_rows([(tr("Turnover with VAT"), first.turnover_with_vat), (tr("Customers"), format_number(first.customers, 1)),
                   (tr("Advertising budget"), first.advertising_budget)]))
assert agrees(first.turnover_with_vat, telecom.figures["first_pass_turnover_with_vat"])
assert agrees(first.customers, telecom.figures["first_pass_customers"])
assert agrees(first.advertising_budget, telecom.figures["first_pass_advertising"])

# %% [markdown] key="07-the-article-s-summary"
# ### The article's summary list
#
# A few lines later the article lists the plan's figures again, and they are different:
# costs of 12.5 million, turnover of 15.5 million without taxes and 19.375 million with them,
# 4,843.75 customers, 2,421,875 RUB of advertising and an ROI of 800%. One parameter
# reproduces all of them: the summary raises the **costs** by VAT first (10 / 0.8 = 12.5).

# %%
article_summary = article_first_pass | {"costs_grossed_up_for_vat": True}
summary = budget_plan(**article_summary)
print(format_rows([
    (tr("Costs"), summary.costs_per_year),
    (tr("Turnover without taxes"), summary.turnover_without_vat),
    (tr("Turnover with taxes"), summary.turnover_with_vat),
    (tr("Customers"), format_number(summary.customers, 2)),
    (tr("Advertising budget"), summary.advertising_budget),
    (tr("'ROI' = LTV / CAC x 100"), tr("{number}%", number=format_number(summary.ltv_to_cac * 100))),
]))
assert agrees(summary.costs_per_year, telecom.figures["summary_monthly_costs"])
assert agrees(summary.turnover_without_vat, telecom.figures["summary_turnover_without_taxes"])
assert agrees(summary.turnover_with_vat, telecom.figures["summary_turnover_with_taxes"])
assert agrees(summary.customers, telecom.figures["summary_customers"])
assert agrees(summary.advertising_budget, telecom.figures["summary_advertising"])
assert agrees(summary.ltv_to_cac * 100, telecom.figures["summary_roi_percent"])

# %% [markdown] key="07-both-versions-side-by"
# Both versions side by side, every line of the plan:

# %%
compare_plans({tr("article, first pass"): first, tr("article, summary"): summary})

# %% [markdown] key="07-a-critical-look-six"
# ## A critical look: six problems, one at a time
#
# Each cell below changes **one** parameter of the article's first pass and shows what it
# does to the plan. Then a corrected plan puts the corrections together.

# %% [markdown] key="07-problem-1-the-summary"
# ### Problem 1: the summary applies VAT twice
#
# The summary raises the costs by VAT (10 / 0.8 = 12.5 million), adds the profit, and raises
# the sum by VAT again ((12.5 + 3) / 0.8 = 19.375 million). VAT is a tax on what the company
# sells: it is added once, to the turnover. Raising the costs first taxes them twice. The two
# versions of the article differ only in this choice:

# %%
print(tr("Turnover with VAT: {once} (VAT once) vs {twice} (twice), +{extra}",
         once=format_money(first.turnover_with_vat, "RUB"), twice=format_money(summary.turnover_with_vat, "RUB"),
         extra=format_money(summary.turnover_with_vat - first.turnover_with_vat, "RUB")))
print(tr("Customers: {once} vs {twice}; advertising +{extra}", once=format_number(first.customers, 2),
         twice=format_number(summary.customers, 2),
         extra=format_money(summary.advertising_budget - first.advertising_budget, "RUB")))

# %% [markdown] key="07-problem-2-adding-20"
# ### Problem 2: "adding 20%" is × 1.2, not ÷ 0.8
#
# VAT of 20% is charged on the price without VAT: 13 million of net turnover carries
# 2.6 million of VAT, 15.6 million in all. Dividing by 0.8 gives 16.25 million, so its VAT is
# 3.25 million: 25% of the net amount (or 20% of the gross one). Dividing by 0.8 is right
# only for a tax that takes 20% *out of* the gross turnover; for a tax added on top of the
# price it overstates the turnover by 650,000 RUB and the customers by 162.5.

# %%
on_top = budget_plan(**(article_first_pass | {"vat_applied": "added_on_top"}))
print(tr("x {factor}: turnover with VAT {turnover}, VAT {vat}, customers {customers}",
         factor=format_number(1 + inputs["vat_rate"], 1), turnover=format_money(on_top.turnover_with_vat, "RUB"),
         vat=format_money(on_top.vat, "RUB"), customers=format_number(on_top.customers)))
print(tr("/ {factor}: turnover with VAT {turnover}, VAT {vat} = {share} of the net turnover",
         factor=format_number(1 - inputs["vat_rate"], 1), turnover=format_money(first.turnover_with_vat, "RUB"),
         vat=format_money(first.vat, "RUB"), share=format_share(first.vat / first.turnover_without_vat, 0)))
assert agrees(on_top.turnover_with_vat, telecom.derived["vat_added_on_top_turnover_with_vat"])
assert agrees(on_top.customers, telecom.derived["vat_added_on_top_customers"])

# %% [markdown] key="07-problem-3-monthly-costs"
# ### Problem 3: monthly costs, treated as a year's
#
# The article calls the 10 million *monthly* costs, then adds them to a *year's* profit and
# divides by a *year's* LTV. Either the costs are 10 million a year and "monthly" is a slip, or
# the year's costs are 120 million and the plan is short by a factor of about ten:

# %%
monthly = budget_plan(**(article_first_pass | {"costs_period": "month"}))
print(tr("Costs for the year {costs}: customers {customers}, advertising {advertising}",
         costs=format_money(monthly.costs_per_year, "RUB"), customers=format_number(monthly.customers, 1),
         advertising=format_money(monthly.advertising_budget, "RUB")))
assert agrees(monthly.customers, telecom.derived["costs_as_monthly_customers"])

# %% [markdown] key="07-problem-4-a-customer"
# ### Problem 4: a customer is a whole person
#
# 4,062.5 customers cannot be won. The plan needs whole customers, and to reach its target it
# must round **up**: 4,062 would leave it short.

# %%
whole = budget_plan(**(article_first_pass | {"customer_rounding": "up"}))
print(tr("Customers {customers}; advertising {advertising}", customers=format_number(whole.customers),
         advertising=format_money(whole.advertising_budget, "RUB")))
assert agrees(whole.customers, telecom.derived["first_pass_customers_rounded"])
assert agrees(whole.advertising_budget, telecom.derived["first_pass_advertising_rounded"])

# %% [markdown] key="07-problem-5-an-roi"
# ### Problem 5: an ROI of 800% is LTV:CAC
#
# ROI (return on investment) is what an investment earns *beyond* its cost, over that cost:
# (return − investment) / investment. A customer bought for 500 RUB who pays 4,000 returns
# 3,500 more than they cost: ROI = 3,500 / 500 = 700%. The article's 800% is 4,000 / 500 = 8,
# the LTV:CAC ratio, written as a percentage. And both figures use revenue (with VAT) as the
# return, not profit. The company's own return, the profit over everything it spent, is a
# different and much smaller number.

# %%
print(tr("LTV:CAC {ratio} (the article's '800%')", ratio=format_ratio(first.ltv_to_cac)))
print(tr("ROI of one customer: ({ltv} - {cac}) / {cac} = {roi}%", ltv=format_number(inputs["ltv_per_customer_per_year"]),
         cac=format_number(inputs["cac"]), roi=format_number(first.roi_percent)))
print(tr("Profit after advertising over costs + advertising (first pass): {share}%",
         share=format_number(first.return_on_costs_percent, 1)))
assert agrees(first.roi_percent, telecom.derived["roi_percent"])
assert agrees(first.ltv_to_cac, telecom.derived["ltv_to_cac"])

# %% [markdown] key="07-problem-6-4-000"
# ### Problem 6: 4,000 RUB a year against a subscription of 500-600 RUB a month
#
# A customer who pays 500-600 RUB every month of the year pays 6,000-7,200 RUB. An LTV of
# 4,000 a year matches only 8 months at 500 or about 6.7 at 600: possible if customers join
# during the year or leave before its end, but then "4,000 per customer per year" is an
# average over customers who are not there all year, and it is not a *lifetime* value at all
# but a year's revenue. The plan must say which customers it counts; the corrected plan
# keeps the article's 4,000 and names it as an assumption.

# %%
low, high = inputs["subscription_per_month_low"], inputs["subscription_per_month_high"]
print(tr("A full year at {low}-{high} RUB a month: {year_low}-{year_high} RUB", low=format_number(low),
         high=format_number(high), year_low=format_number(12 * low), year_high=format_number(12 * high)))
months_low = inputs["ltv_per_customer_per_year"] / low
months_high = inputs["ltv_per_customer_per_year"] / high
print(tr("{ltv} RUB a year is {months_low} months at {low} or {months_high} months at {high}",
         ltv=format_number(inputs["ltv_per_customer_per_year"]), months_low=format_number(months_low, 1),
         low=format_number(low), months_high=format_number(months_high, 1), high=format_number(high)))
assert agrees(months_low, telecom.derived["months_paid_at_low_price"])
assert agrees(months_high, telecom.derived["months_paid_at_high_price"])

# %% [markdown] key="07-and-the-one-the"
# ### And the one the article notices itself: advertising is a cost
#
# The article itself admits that this advertising bill will eat deep into the profit, then
# moves on. The customers of the first pass pay for the costs and the profit; the 2 million spent
# to win them then comes out of the profit, which shrinks from 3 million to under 1 million:

# %%
print(tr("Profit after advertising, first pass: {profit}", profit=format_money(first.profit_after_advertising, "RUB")))
assert agrees(first.profit_after_advertising, telecom.derived["first_pass_profit_after_advertising"])

# %% [markdown] key="07-counting-advertising-as-a"
# Counting advertising as a cost, each customer contributes their LTV without VAT **less
# their CAC**, so customers = (costs + profit) / (LTV without VAT − CAC).

# %% [markdown] key="07-the-corrected-plan"
# ## The corrected plan
#
# Every assumption, stated:
#
# | assumption | choice | why |
# |---|---|---|
# | costs | 10 million RUB **a month**, so 120 million for the year | as the article states them (problem 3) |
# | profit | 3 million RUB for the year | as stated |
# | VAT | 20% **added on top** of net turnover (× 1.2), once; costs not grossed up | problems 1 and 2 |
# | LTV | 4,000 RUB per customer per year, **VAT included** (what a customer pays) | as stated; problem 6 stays an open question for the company |
# | CAC | 500 RUB per customer, every customer won this year | as stated |
# | advertising | **counted as a cost** the turnover must cover | what the article itself notices |
# | customers | rounded **up** | problem 4 |

# %%
corrected_assumptions = dict(
    costs=inputs["costs"],
    costs_period="month",
    target_profit=inputs["target_profit"],
    vat_rate=inputs["vat_rate"],
    vat_applied="added_on_top",
    costs_grossed_up_for_vat=False,
    ltv_per_customer_per_year=inputs["ltv_per_customer_per_year"],
    ltv_includes_vat=True,
    cac=inputs["cac"],
    new_customer_share=1.0,
    advertising_counted_as_cost=True,
    customer_rounding="up",
)
corrected = budget_plan(**corrected_assumptions)
derived = telecom.derived
assert agrees(corrected.costs_per_year, derived["corrected_costs_per_year"])
assert agrees(corrected.customers, derived["corrected_customers"])
assert agrees(corrected.advertising_budget, derived["corrected_advertising"])
assert agrees(corrected.turnover_without_vat, derived["corrected_turnover_without_vat"])
assert agrees(corrected.turnover_with_vat, derived["corrected_turnover_with_vat"])
assert agrees(corrected.profit_after_advertising, derived["corrected_profit_after_advertising"])
assert agrees(corrected.return_on_costs_percent, derived["corrected_return_on_costs_percent"])
compare_plans({tr("corrected plan"): corrected})

# %% [markdown] key="07-a-customer-pays-4"
# A customer pays 4,000 RUB, of which 3,333 is left after VAT; 500 of it went on winning them,
# so each brings 2,833 RUB towards 123 million of costs and profit: 43,412 customers, more than
# ten times the article's plan, and 21.7 million RUB of advertising. The waterfall shows where
# the turnover goes.

# %%
plan_waterfall_chart(corrected, currency="RUB", title=tr("Corrected plan: where the turnover goes"))

# %%
compare_plans({tr("article, first pass"): first, tr("article, summary"): summary, tr("corrected"): corrected})

# %%
plans_chart({tr("article, first pass"): first, tr("article, summary"): summary, tr("corrected"): corrected},
            "customers", title=tr("Customers the plan needs"))

# %% [markdown] key="07-if-the-company-s"
# If the company's costs really are 10 million a **year** (and "monthly" was the slip), the
# same corrected assumptions give a much smaller plan:

# %%
yearly_costs = budget_plan(**(article_first_pass | {
    "vat_applied": "added_on_top", "advertising_counted_as_cost": True, "customer_rounding": "up"}))
print(yearly_costs.describe())

# %% [markdown] key="07-a-critical-look-the"
# ## A critical look: the corrected plan's ratios, net of VAT and fully loaded
#
# Even the corrected plan quotes LTV:CAC 8:1 and an ROI of 700%, both on the 4,000 RUB a
# customer pays *with* VAT. Notebook 06 defined LTV:CAC as gross profit over CAC, and VAT is not
# the company's profit at all: it collects the tax and hands it on. Take it out and a customer
# brings 3,333 RUB. The plan names no cost of goods (its 10 million a month are operating costs:
# offices, lines, salaries), so 3,333 RUB is as close to gross profit as its figures go:
#
# - **LTV:CAC without VAT** = 3,333 / 500 = 6.7:1, not 8:1;
# - **ROI of a customer without VAT** = (3,333 − 500) / 500 = 567%, not 700%;
# - **fully loaded**, each customer also carries their share of the operating costs: 120
#   million over 43,412 customers, 2,764 RUB each. After VAT, CAC and that share, a customer
#   leaves **69 RUB** of profit: 14% of what it cost to win them, and 2.1% of everything the
#   company spends (its return on costs).
#
# A marketing ratio can look excellent while the business barely breaks even: the ratio
# leaves out every cost except CAC.

# %%
print(tr("with VAT:    LTV:CAC {ratio}, ROI {roi}%", ratio=format_ratio(corrected.ltv_to_cac),
         roi=format_number(corrected.roi_percent)))
print(tr("without VAT: LTV:CAC {ratio}, ROI {roi}%", ratio=format_ratio(corrected.ltv_to_cac_without_vat),
         roi=format_number(corrected.roi_without_vat_percent)))
print(tr("fully loaded: {profit} of profit per customer, {share} of their CAC; return on all costs {returns}%",
         profit=format_money(corrected.profit_per_customer, "RUB"),
         share=format_share(corrected.profit_per_customer / inputs["cac"], 1),
         returns=format_number(corrected.return_on_costs_percent, 1)))
assert agrees(corrected.ltv_to_cac_without_vat, derived["corrected_ltv_to_cac_without_vat"])
assert agrees(corrected.roi_without_vat_percent, derived["corrected_roi_without_vat_percent"])
assert agrees(corrected.profit_per_customer, derived["corrected_profit_per_customer"])

# %% [markdown] key="07-one-customer-s-year"
# One customer's year, from what they pay to what they leave:

# %%
waterfall_chart(corrected.per_customer_steps(), currency="RUB", title=tr("One customer of the corrected plan, fully loaded"))

# %% [markdown] key="07-customers-kept-from-last"
# ## Customers kept from last year need no new CAC
#
# The article ends its plan with a hint: with data on how many customers arrive each month and
# how many leave for competitors, the figures would be more realistic. The biggest change that
# data brings is to the advertising budget. Every plan above assumes that all 43,412 customers
# are won this year, at 500 RUB each. A telecom company keeps most of its subscribers from one
# year to the next, and a customer who stays was won, and paid for, in an earlier year. Only the
# share of the plan's customers who are new needs CAC: `new_customer_share`. In a steady base
# that share is the yearly churn, the customers lost who must be replaced. Say the company keeps
# three in four of the customers the plan needs, or half, or a quarter:

# %%
kept_shares = (0.0, 0.25, 0.5, 0.75)  # share of the plan's customers kept from last year (assumptions)
kept_plans = {tr("{share} kept", share=format_share(kept, 0)): budget_plan(
    **(corrected_assumptions | {"new_customer_share": 1 - kept})) for kept in kept_shares}
compare_plans(kept_plans, lines=("customers", "new_customers", "advertising_budget", "profit_per_customer",
                                 "return_on_costs_percent"))

# %% [markdown] key="07-fewer-customers-are-needed"
# Fewer customers are needed, because each kept one brings their payment without a new CAC,
# and the advertising budget falls in proportion to the new customers. This is the arithmetic
# behind "keeping customers is cheaper than winning them" (notebook 08): what the plan saves is
# the CAC of every customer it does not have to replace.
#
# **ex-07-4.** Why is an ROI of 700% (or LTV:CAC of 8:1) no sign that the telecom plan is very
# profitable?

# %%
print(options("ex-07-4"))
answer = None  # a letter, such as "a"
check("ex-07-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # revenue with VAT over CAC: it leaves out VAT and every cost but the CAC
check("ex-07-4", answer)

# %% [markdown] key="07-try-it"
# ## Try it
#
# Every assumption of the plan is an input: the amounts on sliders, the choices in lists.
# The calculator starts at the corrected plan. Set the LTV to 0 (or below 600 RUB, when the
# customer's payment without VAT no longer covers the CAC) to see the plan refused. The next
# cell prints the plan at the starting values.

# %%
calculator = budget_plan_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="07-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell. Solutions are folded under each
# exercise.
#
# **ex-07-1.** Fix two of the problems at once: keep the article's first pass, but take the
# costs as monthly (problem 3) *and* add VAT on top (× 1.2, problem 2). How many customers does
# the plan need?

# %%
answer = None
check("ex-07-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = budget_plan(**(article_first_pass | {"costs_period": "month", "vat_applied": "added_on_top"})).customers
check("ex-07-1", answer)

# %% [markdown] key="07-ex-07-2"
# **ex-07-2.** A new partner asks 800 RUB per customer won instead of 500. A customer still pays
# 4,000 RUB a year. What is the ROI of winning them, in percent (the way problem 5 computes it)?

# %%
answer = None
check("ex-07-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = budget_plan(**(article_first_pass | {"cac": 800})).roi_percent
check("ex-07-2", answer)
# (4,000 - 800) / 800 = 400%, not the 500% that LTV / CAC x 100 would suggest.

# %% [markdown] key="07-ex-07-3"
# **ex-07-3.** Take the corrected plan, but suppose customers stay all year at 550 RUB a
# month, so the LTV per customer per year is 6,600 RUB (VAT included). How many customers does
# the plan need now?

# %%
answer = None
check("ex-07-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
a_full_year = 550 * 12  # RUB a year, VAT included
answer = budget_plan(**{**corrected_assumptions, "ltv_per_customer_per_year": a_full_year}).customers
check("ex-07-3", answer)

# %% [markdown] key="07-summary"
# ## Summary
#
# | line of the plan | formula | corrected telecom plan |
# |---|---|---|
# | costs for the year | costs × 12 if monthly | 120,000,000 RUB |
# | LTV without VAT | LTV / (1 + VAT rate) when VAT is added on top | 3,333.33 RUB |
# | customers | (costs + profit) / (LTV without VAT − CAC), rounded up | 43,412 |
# | advertising | customers × CAC | 21,706,000 RUB |
# | turnover with VAT | customers × LTV | 173,648,000 RUB |
# | ROI of a customer | (LTV − CAC) / CAC × 100 | 700% (LTV:CAC 8:1) |
# | the same without VAT | (LTV / 1.2 − CAC) / CAC × 100 | 567% (LTV:CAC 6.7:1) |
# | profit per customer, fully loaded | profit after advertising / customers | 69.12 RUB |
# | customers kept from last year | advertising = customers × `new_customer_share` × CAC | half kept: half the advertising |
#
# All of it is `budget_plan(...)` in `ltvkit.planning`: write every assumption as a
# parameter, and change one at a time to see what it is worth.
# Next: notebook 08 asks which lever moves LTV most.
