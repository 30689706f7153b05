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

# %% [markdown] key="02-title"
# # 02 · Historical LTV: from a customer's purchases to profit
#
# After this notebook you can compute a customer's LTV from their order history, take it from
# revenue to gross profit to profit after acquisition cost, and say which of these an article
# means when it writes "LTV".
#
# **You will learn**
# - historical LTV as the sum of one customer's purchases, and its shortcut, average check × orders;
# - how a gross margin turns revenue into gross profit, and how to infer a margin an article leaves out;
# - gross LTV, LTV net of acquisition cost and the LTV:CAC ratio: three different numbers;
# - the "full" formula with the cost of goods, and why margin and cost of goods must not be used together;
# - the eight labels every LTV figure needs before it means anything (the LTV figure checklist);
# - why a history kept by a web-analytics tool understates your most loyal customers.
#
# **You need**: notebook 01 (ARPU × lifetime; periods and units).

# %%
from ltvkit import (
    LTVInputError,
    agrees,
    check,
    example,
    format_money,
    format_number,
    format_ratio,
    format_share,
    frequency_ltv,
    historical_ltv,
    ltv_to_cac,
    tr,
    tr_n,
)
from ltvkit.calculators import historical_calculator
from ltvkit.course.checklist import ltv_checklist
from ltvkit.course.exercises import options
from ltvkit.money import format_rows
from ltvkit.plots import bar_chart, waterfall_chart

# %% [markdown] key="02-historical-or-predictive"
# ## Historical or predictive?
#
# The article “Как посчитать LTV и использовать эту метрику для повышения эффективности
# бизнеса” (How to calculate LTV and use it) separates two ways of computing LTV. **Historical**
# LTV uses what a customer has actually bought, as recorded in a CRM or a shop's order log: it
# looks back. **Predictive** LTV estimates from averages what customers will bring, for a young
# business without that history or for customers still buying (notebook 05). This notebook is
# about the first kind: every example adds up money a customer has already paid.

# %% [markdown] key="02-e-courses"
# ## E-courses: three course purchases, from revenue to net profit
#
# The same article explains LTV with a seller of online courses whose profit is half of every
# sale. One customer comes back three times, paying 6,000, then 4,000, then 8,000 RUB. The
# advertising that brought them in cost 1,000 RUB, and keeping them cost nothing. The article
# sums the purchases, halves the total, deducts the advertising, and names what remains the
# customer's LTV.

# %%
courses = example("E-courses")
purchases = courses.inputs["purchases"]
margin = courses.inputs["margin"]
cac = courses.inputs["acquisition_cost"]

revenue = historical_ltv(purchases)
gross = historical_ltv(purchases, margin=margin)
net = historical_ltv(purchases, margin=margin, acquisition_cost=cac, retention_cost=courses.inputs["retention_cost"])
print(format_rows([
    (tr("revenue from the three purchases"), revenue),
    (tr("gross profit at a {margin} margin", margin=format_share(margin, 0)), gross),
    (tr("after the advertising (CAC)"), net),
]))
assert agrees(revenue, courses.figures["revenue"])
assert agrees(gross, courses.figures["gross_profit"])
assert agrees(net, courses.figures["ltv_net_of_acquisition"])

# %% [markdown] key="02-the-waterfall-shows-the"
# The waterfall shows the steps: the revenue, the half that pays for the courses themselves, the
# advertising, and what is left.

# %%
waterfall_chart(
    [(tr("revenue"), revenue), (tr("cost of the courses ({share})", share=format_share(1 - margin, 0)), gross - revenue),
     (tr("advertising (CAC)"), net - gross)],
    currency="RUB",
    title=tr("E-courses: one customer's three purchases"),
)

# %% [markdown] key="02-a-critical-look-three"
# ### A critical look: three numbers, all called "LTV"
#
# Within one paragraph the article first says a customer's value is *all the revenue* they
# brought (18,000 RUB), then takes the profit share (9,000) and finally calls what is left after
# advertising (8,000) "the LTV". All three are defensible, but they are different measures:
#
# | measure | what it counts | E-courses |
# |---|---|---|
# | revenue LTV | everything the customer paid | 18,000 RUB |
# | **gross LTV** | revenue × gross margin | 9,000 RUB |
# | LTV **net of acquisition cost** | gross LTV − CAC (− retention spending) | 8,000 RUB |
#
# So the article's 8,000 is LTV *net of acquisition cost*. That matters as soon as LTV is put
# next to CAC. The usual LTV:CAC ratio divides the **gross** LTV by CAC: how many times the
# customer's profit repays the cost of winning them. Dividing the net figure would take the CAC
# out twice, once in the subtraction and once as the divisor.

# %%
ratio = ltv_to_cac(ltv=gross, cac=cac)
print(tr("gross LTV {gross} / CAC {cac} = LTV:CAC {ratio}", gross=format_money(gross, "RUB"),
         cac=format_money(cac, "RUB"), ratio=format_ratio(ratio)))
assert agrees(gross, courses.derived["gross_ltv"])
assert agrees(ratio, courses.derived["ltv_to_cac"])

# %%
bar_chart(
    [tr("revenue"), tr("gross LTV"), tr("net of CAC")],
    [revenue, gross, net],
    currency="RUB",
    title=tr("Three numbers called LTV for the same customer"),
)

# %% [markdown] key="02-the-ltv-figure-checklist"
# ### The LTV figure checklist
#
# "Revenue, gross or net" is one of eight questions to ask of any LTV before you compare it,
# put it next to a CAC or use it in a plan. `ltv_checklist` writes a figure down with its labels
# and says which ones are missing. Here is the article's 8,000 RUB, with what the article says
# about it and nothing more:

# %%
print(ltv_checklist(
    courses.figures["ltv_net_of_acquisition"],
    currency=courses.currency,
    period=tr("the customer's three purchases so far"),
    measure="gross profit",
    cac="after CAC",
    statistic="one customer",
))

# %% [markdown] key="02-three-labels-are-missing"
# Three labels are missing. Without a **discount rate** we do not know whether purchases made
# years apart were added as equal money (notebook 05). Without a **horizon** and the **cohort
# age** we do not know whether the customer has finished buying: a customer watched for one
# month and one watched for five years are not comparable. Ask for all eight whenever someone
# quotes you an LTV, and state all eight when you quote one (notebook 16 asks you to).

# %% [markdown] key="02-e-historical-sum"
# ## E-historical-sum: add up the purchases
#
# The article's section on historical LTV starts with the plainest recipe: a customer's LTV is
# the total of every order in their history, taken from the CRM. Its example customer has three
# orders, of 1,800, 3,400 and 6,000 RUB.

# %%
history = example("E-historical-sum")
total = historical_ltv(history.inputs["purchases"])
print(tr("Historical LTV = {purchases} = {total}",
         purchases=" + ".join(format_number(p) for p in history.inputs["purchases"]), total=format_money(total, "RUB")))
assert agrees(total, history.figures["ltv"])

# %%
waterfall_chart(
    [(tr("purchase {n}", n=n), amount) for n, amount in enumerate(history.inputs["purchases"], start=1)],
    currency="RUB",
    title=tr("E-historical-sum: the value builds up order by order"),
)

# %% [markdown] key="02-this-is-revenue-it"
# This is revenue. It says what the customer paid, not what the business kept.

# %% [markdown] key="02-e-historical-margin"
# ## E-historical-margin: the same purchases times a gross margin
#
# The article's next step is meant to be more precise: scale the customer's total by the
# average gross margin (*СВП* in its terms: the share of revenue that is gross profit). For the
# same customer it arrives at 4,480 RUB, but it never says which margin it used.

# %%
with_margin = example("E-historical-margin")
print(format_rows([
    (tr("sum of the purchases"), historical_ltv(with_margin.inputs["purchases"])),
    (tr("the article’s LTV with a margin"), with_margin.figures["ltv"]),
]))

# %% [markdown] key="02-ex-02-1"
# **ex-02-1.** Which gross margin (a share between 0 and 1) turns the sum of the purchases into
# the article's figure? Write it in place of `None`.

# %%
answer = None
check("ex-02-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = with_margin.figures["ltv"] / historical_ltv(with_margin.inputs["purchases"])
check("ex-02-1", answer)

# %% [markdown] key="02-the-implied-margin-is"
# The implied margin is the article's figure over the revenue. With it, `historical_ltv`
# reproduces the 4,480:

# %%
implied_margin = with_margin.figures["ltv"] / historical_ltv(with_margin.inputs["purchases"])
print(tr("implied gross margin: {margin} ({share})", margin=format_number(implied_margin, 2),
         share=format_share(implied_margin, 0)))
assert agrees(implied_margin, with_margin.derived["implied_margin"])
reproduced = historical_ltv(with_margin.inputs["purchases"], margin=implied_margin)
print(tr("LTV at that margin: {ltv}", ltv=format_money(reproduced, "RUB")))
assert agrees(reproduced, with_margin.figures["ltv"])

# %% [markdown] key="02-a-critical-look-gross"
# ### A critical look: gross profit, and a missing input
#
# - The article says 4,480 RUB is the *net* profit the customer brought. Revenue × gross margin is
#   **gross** profit: only the cost of what was sold is out. Acquisition and retention costs,
#   and the business's overheads, are still in it (E-courses shows the next step).
# - A figure that depends on a margin is only checkable, and reusable, when the margin is stated.
#   Here a reader has to work it out backwards. In your own reports, write the margin next to
#   the LTV.

# %% [markdown] key="02-e-check-times-orders"
# ## E-check-times-orders: average check × number of orders
#
# A still quicker shortcut follows in the article: the company's average check times the number
# of orders one customer placed. With an average check of 1,500 RUB and a customer who
# ordered 17 times, it gets 25,500 RUB (and calls it the customer's "life cycle", although it is
# an amount of money, not a length of time).

# %%
check_orders = example("E-check-times-orders")
by_average = frequency_ltv(
    average_order_value=check_orders.inputs["average_order_value"],
    purchases_per_period=check_orders.inputs["orders"],
    lifetime_periods=1,  # the whole history so far counts as one period
)
orders = check_orders.inputs["orders"]
print(tr_n("{check} x {orders} order = {ltv}", "{check} x {orders} orders = {ltv}", orders,
           check=format_money(check_orders.inputs["average_order_value"], "RUB"), orders=orders,
           ltv=format_money(by_average, "RUB")))
assert agrees(by_average, check_orders.figures["ltv"])

# %% [markdown] key="02-the-article-notes-that"
# The article notes that a margin fits this shortcut too (ex-02-4 applies one) and that it
# yields an average, not this customer's actual figure. Here is why that matters: the shortcut
# is exact only with the customer's *own* average check. The customer of E-historical-sum made
# 3 orders worth 11,200 RUB in all; the company-wide check of 1,500 RUB would have credited them
# with far less:

# %%
own_purchases = history.inputs["purchases"]
own_average = historical_ltv(own_purchases) / len(own_purchases)
exact = frequency_ltv(own_average, len(own_purchases), lifetime_periods=1)
company_average = frequency_ltv(check_orders.inputs["average_order_value"], len(own_purchases), lifetime_periods=1)
print(tr("own average check {check} x {orders} = {ltv}", check=format_money(own_average, "RUB", decimals=2),
         orders=len(own_purchases), ltv=format_money(exact, "RUB")))
print(tr("company average check x {orders} = {ltv}", orders=len(own_purchases),
         ltv=format_money(company_average, "RUB")))
assert agrees(exact, history.figures["ltv"])

# %% [markdown] key="02-use-average-check-orders"
# Use average check × orders for a quick estimate of a group of customers, and the real order
# history (E-historical-sum) for one customer.

# %% [markdown] key="02-e-three-orders"
# ## E-three-orders: a year of orders in dollars
#
# When the article turns to measuring LTV, it values one customer's year in dollars: 3 orders
# averaging $600 make an LTV of $1,800.

# %%
three = example("E-three-orders")
year_value = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=1)
print(tr_n("{orders} order x {check} = {ltv}", "{orders} orders x {check} = {ltv}", three.inputs["orders"],
           orders=three.inputs["orders"], check=format_money(three.inputs["average_order_value"], three.currency),
           ltv=format_money(year_value, three.currency)))
assert agrees(year_value, three.figures["ltv"])

# %% [markdown] key="02-a-critical-look-one"
# ### A critical look: one year is not a lifetime
#
# $1,800 is one year of revenue. It is the customer's lifetime value only if they stop buying
# after that year; a customer who keeps the same pace for three years brings three times as
# much, and none of it is profit yet. The frequency formula of notebook 03 adds the lifetime
# explicitly. Here, the same function with one to three years:

# %%
years = [1, 2, 3]
by_years = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=years)
for n, value in zip(years, by_years, strict=True):
    print(tr_n("customer who stays {n} year(s): {value}", "customer who stays {n} year(s): {value}", n,
               n=n, value=format_money(value, three.currency)))

# %% [markdown] key="02-e-analytics-window"
# ## E-analytics-window: where the history is kept
#
# In its conclusion the article on how to calculate LTV stresses keeping each customer's
# history, and names three places: Google Analytics, which it says follows a user by id for
# 540 days and keeps a browser cookie for 2 years; a CRM; and an outside database such as
# BigQuery.

# %%
window = example("E-analytics-window").figures
print(tr("web analytics: a user id for {days} days ({years} years), a cookie for {cookie} years",
         days=format_number(window["user_id_days"]), years=format_number(window["user_id_days"] / 365.25, 2),
         cookie=format_number(window["cookie_years"])))

# %% [markdown] key="02-a-critical-look-an"
# ### A critical look: an analytics window caps the history
#
# A historical LTV is only as long as the history behind it. A tool that forgets a user after
# 540 days cannot hold more than 540 days of their purchases, so for anyone who buys for
# longer it records less than they paid. Take the customer of E-three-orders, 3 orders of $600
# a year, and let them buy for four years:

# %%
years_buying = 4
seen_years = min(years_buying, window["user_id_days"] / 365.25)
true_value = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=years_buying)
seen_value = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=seen_years)
print(tr("paid over {years} years: {paid}; inside the {days}-day window: {seen} ({share})", years=years_buying,
         paid=format_money(true_value, three.currency), days=format_number(window["user_id_days"]),
         seen=format_money(seen_value, three.currency, decimals=0), share=format_share(seen_value / true_value, 0)))

# %% [markdown] key="02-it-gets-worse-in"
# It gets worse in two ways. The cap hits the **best** customers hardest, the ones who stay
# longest, so the tool's LTV ranking of customers and channels is tilted towards the short-lived.
# And a cookie is lost when the customer changes device, browser or clears it: one customer
# becomes two "users", each with part of the history. The count of customers goes up and the LTV
# per customer goes down, with no change in the business. Build a historical LTV on a customer id
# that does not expire: the CRM's, or the order log's (notebook 09 reads one).
#
# **ex-02-6.** Why does a historical LTV measured in a web-analytics tool understate the most
# loyal customers most?

# %%
print(options("ex-02-6"))
answer = None  # a letter, such as "a"
check("ex-02-6", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # the window forgets what came before it, and the loyal customers have the most before it
check("ex-02-6", answer)

# %% [markdown] key="02-e-full-formula"
# ## E-full-formula: purchases less every cost
#
# The article's most exact historical formula subtracts everything the customer cost: the sum
# of the purchases, less the cost of acquiring and keeping the customer, less the cost of the
# goods sold to them (added up product by product). It gives no numbers, so the workbook builds
# the example from E-courses: a course costs the seller half its price (that is what a 50% profit
# share means), so the cost of goods is written out purchase by purchase.

# %%
full = example("E-full-formula")
unit_costs = [(1 - margin) * price for price in full.inputs["purchases"]]
print(tr("cost of each course sold: {costs}", costs=", ".join(format_money(c, "RUB") for c in unit_costs)))
assert agrees(sum(unit_costs), full.inputs["cost_of_goods"])

full_ltv = historical_ltv(
    full.inputs["purchases"],
    cost_of_goods=full.inputs["cost_of_goods"],
    acquisition_cost=full.inputs["acquisition_cost"],
    retention_cost=full.inputs["retention_cost"],
)
print(tr("LTV = purchases - cost of goods - acquisition - retention = {ltv}", ltv=format_money(full_ltv, "RUB")))
assert agrees(full_ltv, full.derived["ltv"])
assert agrees(full_ltv, courses.figures["ltv_net_of_acquisition"])

# %%
waterfall_chart(
    [(tr("purchase {n}", n=n), amount) for n, amount in enumerate(full.inputs["purchases"], start=1)]
    + [(tr("cost of goods"), -full.inputs["cost_of_goods"]), ("CAC", -full.inputs["acquisition_cost"]),
       (tr("retention"), -full.inputs["retention_cost"])],
    currency="RUB",
    title=tr("E-full-formula: every cost written out"),
)

# %% [markdown] key="02-it-is-the-same"
# It is the same 8,000 RUB as E-courses, reached another way. The margin and the cost of goods
# are two ways of saying one thing: a 50% margin *means* that half the revenue went on the
# goods. The full formula is more exact in real life because each product can have its own
# cost, where a margin is one average for everything.
#
# Use one or the other, never both. Multiplying by the margin *and* subtracting the cost of goods
# takes the cost of the goods out twice and understates the customer badly. `historical_ltv`
# refuses that combination instead of returning a wrong number:

# %%
try:
    historical_ltv(full.inputs["purchases"], margin=margin, cost_of_goods=full.inputs["cost_of_goods"],
                   acquisition_cost=full.inputs["acquisition_cost"])
except LTVInputError as error:
    print(f"LTVInputError: {error}")

# %% [markdown] key="02-try-it"
# ## Try it
#
# Three purchases, the gross margin and the CAC. The label shows revenue, gross LTV, LTV net of
# CAC and the gross LTV:CAC ratio; the waterfall redraws. The margin slider goes up to 1.5 on
# purpose: past 1 the calculator shows the error message instead of a figure, because no business
# keeps more than all of its revenue. The next cell prints the result at E-courses' values.

# %%
calculator = historical_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="02-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell; `check` says "right" or gives a hint.
# Solutions are folded under each exercise (click the ⋯ to open one). ex-02-1 is above, in
# E-historical-margin.
#
# **ex-02-2.** The course seller of E-courses now spends 2,500 RUB of advertising to win the same
# customer and 700 RUB on reminder e-mails to keep them buying. The purchases and the 50% margin
# stay the same. What is the customer's LTV net of both costs, in RUB?

# %%
answer = None
check("ex-02-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = historical_ltv(purchases, margin=margin, acquisition_cost=2_500, retention_cost=700)  # the exercise's costs
check("ex-02-2", answer)

# %% [markdown] key="02-ex-02-3"
# **ex-02-3.** An investor takes the article's figure, which it calls the LTV, and divides it by
# the CAC of E-courses. What LTV:CAC ratio do they report (a number such as 3.5 for 3.5:1)? Compare it
# with the gross ratio above: which one answers "how many times does the customer repay their
# acquisition cost"?

# %%
answer = None
check("ex-02-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = ltv_to_cac(ltv=courses.figures["ltv_net_of_acquisition"], cac=cac)
check("ex-02-3", answer)
# The net figure already has the CAC taken out; dividing it by the CAC again understates the
# ratio. The gross ratio (9.0:1) is the one to compare with rules of thumb such as 3:1.

# %% [markdown] key="02-ex-02-4"
# **ex-02-4.** The customer of E-check-times-orders (17 orders, average check 1,500 RUB) is
# served with the gross margin you inferred in ex-02-1. How much gross profit did they bring, in RUB?

# %%
answer = None
check("ex-02-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = frequency_ltv(
    check_orders.inputs["average_order_value"], check_orders.inputs["orders"], lifetime_periods=1,
    margin=implied_margin,
)
check("ex-02-4", answer)

# %% [markdown] key="02-ex-02-5"
# **ex-02-5.** A colleague applies the full formula to E-courses but also multiplies the revenue
# by the 50% margin first: gross profit − cost of goods − CAC. What figure do they get, in RUB?
# (`historical_ltv` refuses this on purpose, so do the arithmetic with the numbers.)

# %%
answer = None
check("ex-02-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = historical_ltv(purchases, margin=margin) - full.inputs["cost_of_goods"] - full.inputs["acquisition_cost"]
check("ex-02-5", answer)
# The customer looks like a loss although they brought 8,000 RUB: the cost of the goods was
# taken out twice.

# %% [markdown] key="02-summary"
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | historical LTV = sum of the customer's purchases | `historical_ltv(purchases)` | E-historical-sum: 11,200 RUB |
# | gross LTV = sum of purchases × gross margin | `historical_ltv(purchases, margin=m)` | E-historical-margin: 4,480 RUB (m = 0.40) |
# | net LTV = gross LTV − CAC − retention cost | `historical_ltv(purchases, margin=m, acquisition_cost=..., retention_cost=...)` | E-courses: 18,000 → 9,000 → 8,000 RUB |
# | LTV:CAC = gross LTV / CAC | `ltv_to_cac(ltv, cac)` | E-courses: 9.0:1 |
# | average check × number of orders | `frequency_ltv(aov, orders, lifetime_periods=1)` | E-check-times-orders: 25,500 RUB; E-three-orders: $1,800 |
# | full: purchases − cost of goods − acquisition − retention | `historical_ltv(purchases, cost_of_goods=..., acquisition_cost=..., retention_cost=...)` | E-full-formula: 8,000 RUB |
#
# | the LTV figure checklist: currency, period, revenue / gross / contribution, before or after CAC, discount rate, horizon, cohort age, mean or median | `ltv_checklist(value, currency=..., period=..., ...)` | the article's 8,000 RUB: 5 labels stated, 3 missing |
# | a history is at most as long as the window that keeps it | `frequency_ltv(aov, orders, min(years, window))` | E-analytics-window: 4 years of $1,800, 37% of it inside 540 days |
#
# Say which LTV you mean (revenue, gross, or net of CAC), state the margin, and take out the cost
# of goods once: with a margin or as a cost, never both. Keep the history on an id that does not
# expire, and quote every LTV with its eight labels. Next: notebook 03 adds purchase
# frequency and lifetime to forecast LTV.
