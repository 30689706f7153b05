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

# %% [markdown] key="03-title"
# # 03 · The frequency formula: average check × purchases × lifetime
#
# After this notebook you can build an LTV from three averages (how much a customer spends per
# purchase, how often they buy, how long they keep buying) and spot the reading errors that
# make the same formula give answers four times apart.
#
# **You will learn**
# - the formula LTV = AOV × RPR × lifetime and its Chinese twin CLTV = APV × PF × CL;
# - to turn "a purchase every half year" into a frequency (2 a year) before multiplying;
# - which numbers in a worked example belong in the formula and which are noise;
# - why an average over very different customers can describe none of them, and why "the best
#   clients spend $200 more per order" cannot be checked as it stands.
#
# **You need**: notebook 01 (periods and units) and notebook 02 (revenue against gross profit).

# %%
import numpy as np

from ltvkit import agrees, check, example, format_money, format_number, format_share, frequency_ltv, tr, tr_n
from ltvkit.calculators import frequency_calculator
from ltvkit.course.exercises import options
from ltvkit.course.glossary import glossary_table
from ltvkit.formulas import frequency_from_interval
from ltvkit.plots import bar_chart, cumulative_value_chart, frequency_ltv_chart

# %% [markdown] key="03-three-averages-multiplied"
# ## Three averages multiplied
#
# Notebook 01 multiplied a revenue per period by a number of periods. The frequency formula
# splits the revenue per period in two, so that each lever can be seen on its own:
#
# LTV = average order value (AOV, the average check) × purchases per period × lifetime in periods
#
# The two "per period" parts must use the same period: purchases *a year* go with a lifetime
# *in years*. In `ltvkit` this is `frequency_ltv(average_order_value, purchases_per_period,
# lifetime_periods, margin=1.0)`; with the default margin of 1 it gives revenue, with a gross
# margin it gives gross profit.

# %% [markdown] key="03-e-advanced"
# ## E-advanced: a repeat purchase "every half year"
#
# The article “Как посчитать LTV и использовать эту метрику для повышения эффективности
# бизнеса” (How to calculate LTV and use it) calls this its "advanced" formula and writes it
# LTV = AOV × RPR × Lifetime. RPR are the letters of the *repeat purchase rate*, which usually
# means the share of customers who buy again; the article uses them for something else, the
# number of purchases per period (a frequency), and that is what the formula needs. Its example: the average
# check is 2,000 RUB, the customer comes back "every half year", and stays for 3 years. The
# article multiplies and prints 12,000 RUB.
#
# "Every half year" is a time *between* purchases, not a number of purchases. Turn it into a
# frequency first: one purchase every 0.5 years is 1 / 0.5 = 2 purchases a year.

# %%
advanced = example("E-advanced")
purchases_per_year = frequency_from_interval(advanced.inputs["purchase_interval_years"])  # "every half year"
assert purchases_per_year == advanced.inputs["purchases_per_year"]

ltv = frequency_ltv(
    average_order_value=advanced.inputs["average_order_value"],
    purchases_per_period=purchases_per_year,
    lifetime_periods=advanced.inputs["lifetime_years"],
)
print(tr_n("{n} purchase a year -> LTV = {ltv} per customer", "{n} purchases a year -> LTV = {ltv} per customer",
           purchases_per_year, n=format_number(purchases_per_year), ltv=format_money(ltv, advanced.currency)))
assert agrees(ltv, advanced.figures["ltv"])

# %% [markdown] key="03-a-critical-look-the"
# ### A critical look: the same words, a figure four times smaller
#
# The article lists "half a year" as the value of RPR. A reader who types what is written,
# 0.5, into the formula gets a quarter of the article's figure: 0.5 is the *interval*, and
# using an interval where a frequency belongs divides instead of multiplies. The article's
# own 12,000 RUB only comes out with 2 purchases a year.

# %%
wrong_frequency = advanced.derived["wrong_purchases_per_year"]
wrong = frequency_ltv(advanced.inputs["average_order_value"], wrong_frequency, advanced.inputs["lifetime_years"])
print(tr_n("Wrong reading: {n} purchase a year -> {ltv}", "Wrong reading: {n} purchases a year -> {ltv}",
           wrong_frequency, n=format_number(wrong_frequency, 1), ltv=format_money(wrong, "RUB")))
print(tr_n("Right reading: {n} purchase a year -> {ltv} ({times} times as much)",
           "Right reading: {n} purchases a year -> {ltv} ({times} times as much)", purchases_per_year,
           n=format_number(purchases_per_year), ltv=format_money(ltv, "RUB"), times=format_number(ltv / wrong)))
assert agrees(wrong, advanced.derived["wrong_reading_ltv"])

# %% [markdown] key="03-a-quick-test-catches"
# A quick test catches the slip: over 3 years a customer who buys every half year makes about
# 3 / 0.5 = 6 purchases of 2,000 RUB, which is 12,000 RUB. (Whether the very first purchase
# adds a seventh is a choice the formula does not make for you; it counts 2 in each of 3 years.)
#
# The chart draws LTV against the number of purchases a year for two checks. Each line is
# straight and starts at zero: LTV is proportional to the frequency. The wrong and the right
# reading sit on the same line, a factor of four apart. The second line shows that a check
# twice as large at half the frequency (4,000 RUB once a year) reaches the same 12,000 RUB:
# in this formula the check and the frequency are interchangeable levers.

# %%
frequency_ltv_chart(
    [advanced.inputs["average_order_value"], 2 * advanced.inputs["average_order_value"]],
    advanced.inputs["lifetime_years"],
    max_purchases_per_period=4,
    currency="RUB",
    period="year",
    marks=[(tr("wrong: {n} a year", n=format_number(wrong_frequency, 1)), wrong_frequency),
           (tr("right: {n} a year", n=format_number(purchases_per_year)), purchases_per_year)],
)

# %% [markdown] key="03-e-cltv-formula"
# ## E-cltv-formula: the same formula in the Chinese article
#
# The article “联盟营销中客户终身价值的衡量与提升” (Measuring and raising CLTV in affiliate
# marketing) offers one basic formula, CLTV = APV × PF × CL. APV is what a purchase is worth on
# average, PF is how many purchases a customer makes in a chosen period, and CL is how long they
# go on buying. These are the Russian article's three factors with other labels, as the
# workbook's glossary shows:

# %%
glossary_table(["AOV", "APV", "RPR", "PF", "CL"], meanings=False)

# %% [markdown] key="03-so-apv-is-the"
# So APV is the average check, PF the purchase frequency (what the Russian article calls RPR,
# although a repeat purchase rate is usually a share of customers) and CL the lifetime. With
# E-advanced's numbers the Chinese formula gives the same 12,000 RUB, as it must: it is the
# same multiplication.

# %%
cltv_example = example("E-cltv-formula")
cltv = frequency_ltv(
    average_order_value=cltv_example.inputs["apv"],
    purchases_per_period=cltv_example.inputs["pf"],
    lifetime_periods=cltv_example.inputs["cl"],
)
print(tr("CLTV = APV x PF x CL = {apv} x {pf} x {cl} = {cltv}", apv=format_number(cltv_example.inputs["apv"]),
         pf=format_number(cltv_example.inputs["pf"]), cl=format_number(cltv_example.inputs["cl"]),
         cltv=format_money(cltv, cltv_example.currency)))
assert agrees(cltv, cltv_example.derived["cltv"])

# %% [markdown] key="03-the-chinese-article-adds"
# The Chinese article adds that a finer analysis would also bring in gross margin and the
# customer acquisition cost (CAC). Both fit the same function: `margin=` turns revenue into
# gross profit (notebook 02), and subtracting CAC gives LTV net of acquisition (notebook 06).
# Its definition also says CLTV is the total *revenue* a customer is expected to bring, so
# the plain formula is a revenue figure, whatever it is called.

# %% [markdown] key="03-e-monthly-frequency"
# ## E-monthly-frequency: 2 purchases a month for 7 months
#
# The same Russian article also runs the formula in months. Its example gives four numbers:
# 138 customers served in a year, 2 purchases per customer per month, 7 months of buying, and
# an average check of 5,600 RUB. It arrives at 78,400 RUB per customer and is explicit that no
# gross margin has been applied yet: the figure is revenue.

# %%
monthly = example("E-monthly-frequency")
monthly_ltv = frequency_ltv(
    average_order_value=monthly.inputs["average_order_value"],
    purchases_per_period=monthly.inputs["purchases_per_month"],
    lifetime_periods=monthly.inputs["lifetime_months"],
)
print(tr("LTV = {ltv} of revenue per customer", ltv=format_money(monthly_ltv, monthly.currency)))
assert agrees(monthly_ltv, monthly.figures["ltv"])

# %% [markdown] key="03-month-by-month-the"
# Month by month the customer adds 2 × 5,600 = 11,200 RUB; the seventh bar is the LTV.

# %%
cumulative_value_chart(
    monthly.inputs["average_order_value"] * monthly.inputs["purchases_per_month"],
    monthly.inputs["lifetime_months"],
    currency="RUB",
    period="month",
)

# %% [markdown] key="03-why-138-customers-a"
# ### Why "138 customers a year" plays no part
#
# Every factor of the formula is *per customer*: what one customer spends per purchase, how
# often one customer buys, how long one customer stays. The number of customers does not
# appear, so changing it cannot change the LTV. It would matter for a different question:
#
# - a total: if the 138 were a year's *new* customers, their lifetimes together would bring
#   138 × 78,400 RUB (below). That is the value of a cohort, not of a customer;
# - the inputs themselves: an average check is total revenue over the number of orders, and
#   a purchase frequency is orders over customers. The customer count is used *there*, before
#   the formula, never a second time inside it.
#
# A worked example that states an unused number is a good test for a reader: before
# multiplying, ask of each number "per what?".
#
# **ex-03-4.** In one sentence: why can the 138 customers not change the LTV per customer?

# %%
print(options("ex-03-4"))
answer = None  # a letter, such as "a"
check("ex-03-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # check, frequency and lifetime are all per customer; a count of customers is not a factor
check("ex-03-4", answer)

# %%
cohort_value = monthly.inputs["customers_per_year"] * monthly_ltv
customers = monthly.inputs["customers_per_year"]
print(tr_n("Lifetime revenue of {customers} new customer: {total} (a cohort total; the LTV per customer is still {ltv})",
           "Lifetime revenue of {customers} new customers: {total} (a cohort total; the LTV per customer is still {ltv})",
           customers, customers=customers, total=format_money(cohort_value, "RUB"),
           ltv=format_money(monthly_ltv, "RUB")))

# %% [markdown] key="03-e-mr-a-mr-b"
# ## E-mr-a-mr-b: two very different customers
#
# To show why some customers matter more than others, the same article compares two buyers.
# Mr A buys 40 times a year at $700 on average; Mr B buys twice a year at $50. With the
# lifetime set to one year the formula gives each customer's value per year.

# %%
pair = example("E-mr-a-mr-b")
value_a = frequency_ltv(pair.inputs["a_average_order_value"], pair.inputs["a_purchases_per_year"], 1)
value_b = frequency_ltv(pair.inputs["b_average_order_value"], pair.inputs["b_purchases_per_year"], 1)
print(tr("Mr A: {a} a year; Mr B: {b} a year; A is worth {times} times as much", a=format_money(value_a, pair.currency),
         b=format_money(value_b, pair.currency), times=format_number(value_a / value_b)))
assert agrees(value_a, pair.figures["a_value_per_year"])
assert agrees(value_b, pair.derived["b_value_per_year"])
assert agrees(value_a / value_b, pair.derived["a_to_b_ratio"])

# %% [markdown] key="03-a-critical-look-200"
# These are values *per year*. They become lifetime values only when multiplied by how many
# years each man keeps buying, and nothing says the two stay equally long.
#
# ### A critical look: "$200 more per order" than whom?
#
# Right after the two men the article says that the most valuable clients, as a rule, spend
# $200 more per order than the average ones. Its own example does not bear that out, and cannot,
# because the claim does not say which average it means:

# %%
extra = pair.figures["best_clients_extra_per_order"]
a_check, b_check = pair.inputs["a_average_order_value"], pair.inputs["b_average_order_value"]
orders_a, orders_b = pair.inputs["a_purchases_per_year"], pair.inputs["b_purchases_per_year"]
average_order = (value_a + value_b) / (orders_a + orders_b)  # every order of the two counted once
print(tr("the article: the best spend {extra} more per order", extra=format_money(extra, "USD")))
print(tr("Mr A against Mr B: {extra} more, {times} times as much", extra=format_money(a_check - b_check, "USD"),
         times=format_number(a_check / b_check)))
print(tr("Mr A against the average order of the two ({average}): {extra} more",
         average=format_money(average_order, "USD", decimals=2),
         extra=format_money(a_check - average_order, "USD", decimals=2)))

# %% [markdown] key="03-what-such-a-spread"
# Against Mr B the best client spends $650 more per order; against the average order, most of
# which are Mr A's own, about $31 more. Neither is $200, and both are right answers to
# different questions. An absolute "$200 more" also means nothing across businesses: it is a
# lot at a $50 check and nothing at a $5,000 one. A claim like this becomes checkable when it
# names the groups (the top 10% of customers by revenue against the other 90%, say), the
# measure (the median check of each group) and the period, and then it is a one-line query on
# the order log (notebook 09 has one).
#
# ### What such a spread does to an average
#
# The average of the two is $14,050 a year, a figure that describes neither customer: it is
# more than 140 times Mr B's value and about half of Mr A's.

# %%
average_of_two = (value_a + value_b) / 2
assert agrees(average_of_two, pair.derived["average_of_the_two_per_year"])
bar_chart(
    [tr("Mr A"), tr("Mr B"), tr("average of the two")],
    [value_a, value_b, average_of_two],
    currency="USD",
    title=tr("Value per year: two customers and their average"),
)

# %% [markdown] key="03-real-customer-bases-look"
# Real customer bases look more like one Mr A among many Mr Bs. Take ten customers, one like
# A and nine like B: the average is still far above what a typical customer brings, and one
# customer earns almost all the money.

# %%
base = np.array([value_a] + [value_b] * 9)
print(tr("Average {mean} a year; median {median}; Mr A brings {share} of the revenue",
         mean=format_money(base.mean(), "USD"), median=format_money(np.median(base), "USD"),
         share=format_share(base.max() / base.sum(), 0)))

# %% [markdown] key="03-two-lessons-follow-an"
# Two lessons follow. An average LTV over a mixed base is pulled up by the few big customers,
# so it overstates what a typical new customer will bring; quote the median next to it.
# And the formula is best applied per segment (regulars, occasional buyers), each with its
# own check, frequency and lifetime, which is where the article goes next: it advises
# focusing on the customers who buy again.

# %% [markdown] key="03-try-it"
# ## Try it
#
# The calculator multiplies the average check, the purchases a year, the lifetime in years
# and the gross margin with `frequency_ltv`; the chart shows the LTV line for your check and
# marks your frequency. It starts at E-advanced's numbers. The margin slider goes past 1 on
# purpose: a margin above 100% is impossible, and the calculator says so instead of
# answering. The next cell prints the result at the starting values.

# %%
calculator = frequency_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="03-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell: `check` says whether it is right or
# gives a hint. Solutions are folded under each exercise.
#
# **ex-03-1.** E-advanced's customer (2,000 RUB a check, 3 years) comes back every quarter
# instead of every half year. What is the LTV, in RUB?

# %%
answer = None
check("ex-03-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
every_quarter = frequency_from_interval(0.25)  # 0.25 years between purchases
answer = frequency_ltv(advanced.inputs["average_order_value"], every_quarter, advanced.inputs["lifetime_years"])
check("ex-03-1", answer)

# %% [markdown] key="03-ex-03-2"
# **ex-03-2.** In E-monthly-frequency, 30% of revenue is gross profit. What is the customer's
# LTV in gross profit, in RUB?

# %%
answer = None
check("ex-03-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = frequency_ltv(monthly.inputs["average_order_value"], monthly.inputs["purchases_per_month"],
                       monthly.inputs["lifetime_months"], margin=0.3)
check("ex-03-2", answer)

# %% [markdown] key="03-ex-03-3"
# **ex-03-3.** A shop has 100 customers: one like Mr A and 99 like Mr B. What is the average
# value per customer per year, in USD? Compare it with Mr B's $100.

# %%
answer = None
check("ex-03-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = np.array([value_a] + [value_b] * 99).mean()
check("ex-03-3", answer)

# %% [markdown] key="03-summary"
# ## Summary
#
# | formula | ltvkit | example |
# |---|---|---|
# | purchases per period = 1 / interval between purchases | `frequency_from_interval(interval_periods)` | "every half year" → 2 a year |
# | LTV = AOV × purchases per period × lifetime (× margin) | `frequency_ltv(average_order_value, purchases_per_period, lifetime_periods, margin=1.0)` | E-advanced: 12,000 RUB (not 3,000) |
# | CLTV = APV × PF × CL (the same formula, Chinese article's names) | `frequency_ltv(...)` | E-cltv-formula: 12,000 RUB |
# | LTV per customer never includes the number of customers | — | E-monthly-frequency: 78,400 RUB, 138 unused |
# | value per year of one customer = check × purchases a year | `frequency_ltv(check, purchases, 1)` | E-mr-a-mr-b: $28,000 and $100 |
#
# Before multiplying, ask of every number "per what?", and make the periods match. Next:
# notebook 04 turns a churn rate into a lifetime.
