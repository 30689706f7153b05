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

# %% [markdown] key="13-title"
# # 13 · Retention when customers differ: the sBG model, DEL and DERL
#
# *Advanced track: probabilistic models of customers, continued in notebooks 14 and 15.*
#
# After this notebook you can project a subscription cohort's retention years ahead with a
# model that allows customers to differ, and say what a customer is worth at each tenure.
#
# **You will learn**
# - why a cohort's retention rate rises year after year even when no customer changes: the
#   customers likely to leave go first;
# - how the constant-churn model of notebook 04 and the shifted-beta-geometric (sBG) model
#   fit the same seven years, and how differently they project the next five;
# - to reproduce the published sBG estimates of Fader & Hardie (2007) and the DERL table of
#   Fader & Hardie (2010);
# - what keeping a customer with one, two, ... five renewals behind them is worth, and why DERL
#   is not the most a retention offer can be worth.
#
# **You need**: notebook 04 (churn, lifetime, survival curves) and notebook 05 (predictive LTV).
# A little probability helps; every formula is spelled out.

# %%
from itertools import pairwise

import pandas as pd

from ltvkit import check, format_money, format_number, format_share, tr, tr_n
from ltvkit.calculators import sbg_calculator
from ltvkit.course.exercises import options
from ltvkit.models.published import published, reproduces
from ltvkit.models.retention_value import (
    renewal_probability,
    retention_offer_value,
    simulate_retention_offer,
    value_of_a_renewal,
    value_of_a_saved_leaver,
)
from ltvkit.models.sbg import (
    fit_constant_churn,
    fit_sbg,
    period_label,
    read_retention_table,
    sbg_del,
    sbg_derl,
    sbg_retention_rates,
    sbg_survival,
)
from ltvkit.models.simulate import simulate_sbg_cohort
from ltvkit.money import format_statistic
from ltvkit.plots import churn_distribution_chart, derl_chart, observed_vs_model_chart

# %% [markdown] key="13-two-cohorts-of-yearly"
# ## Two cohorts of yearly subscribers
#
# Fader & Hardie's paper “How to project customer retention” (Journal of Interactive Marketing,
# 2007) starts from a table of two groups of 1,000 customers who took out yearly contracts, a
# "Regular" and a "High End" group (the authors took the data from Berry and Linoff's book on data
# mining). For each year it gives the percent still subscribed at
# the start of that year, for thirteen years. The file `data/fader_hardie_2007_retention.csv`
# holds that table (its source is in `data/README.md`). As in the paper, years 0-7 are what we
# know (calibration) and years 8-12 are kept aside to check the projections.

# %%
table = read_retention_table("../data/fader_hardie_2007_retention.csv")
calibration = table[table.period == "calibration"]
holdout = table[table.period == "holdout"]
years = table.year.to_numpy()
regular = calibration.regular_alive.tolist()
high_end = calibration.high_end_alive.tolist()
table[["year", "regular_percent_alive", "high_end_percent_alive", "period"]].assign(period=table.period.map(period_label))

# %% [markdown] key="13-why-the-retention-rate"
# ## Why the retention rate rises
#
# The retention rate of year t is the share of last year's customers who are still there:
# alive(t) / alive(t - 1). For the Regular group it climbs from 63% in the first year towards
# 92% by year 7.

# %%
observed_rates = (table.regular_percent_alive / table.regular_percent_alive.shift(1)).iloc[1:8]
print(tr("Regular, retention rate by year: {rates}", rates=", ".join(format_share(rate) for rate in observed_rates)))

# %% [markdown] key="13-nothing-in-the-data"
# Nothing in the data says customers become more loyal. A simpler story explains the climb:
# customers differ. Each has their own chance of leaving at a renewal, which stays the same
# all their life; across customers those chances spread out, some near zero, some near one.
# The likely leavers go in the first renewals, so the customers who remain are, on average, the
# loyal ones, and the group's retention rate rises while every individual's stays flat.
#
# We can watch this happen in a simulation: 1,000 customers whose churn probabilities are drawn
# from a beta distribution and never change (`ltvkit.models.simulate.simulate_sbg_cohort`, seeded).

# %%
simulated = simulate_sbg_cohort(alpha=0.7, beta=1.2, customers=1000, periods=7, seed=12)
rates = [later / earlier for earlier, later in pairwise(simulated)]
print(tr("Simulated cohort alive: {alive}", alive=simulated))
print(tr("Its retention rates:    {rates}", rates=", ".join(format_share(rate) for rate in rates)))

# %% [markdown] key="13-this-is-the-shifted"
# This is the **shifted-beta-geometric (sBG)** model. Each customer leaves at a renewal with
# probability θ (a geometric lifetime); θ varies across customers as beta(α, β). For a cohort:
#
# - share still there at the start of year t: S(t) = B(α, β + t) / B(α, β);
# - retention rate of year t: r(t) = (β + t − 1) / (α + β + t − 1), which rises with t;
# - mean churn of a new customer: α / (α + β).
#
# The constant-churn model of notebook 04 is the special case where everyone has the same θ.

# %% [markdown] key="13-constant-churn-against-sbg"
# ## Constant churn against sBG on years 0-7
#
# Both models are fitted by maximum likelihood to the counts of years 0-7: the customers lost
# at each renewal, and those still there after year 7 (who have not left *yet*).

# %%
fits = {"Regular": fit_sbg(regular), "High End": fit_sbg(high_end)}
constant = {"Regular": fit_constant_churn(regular), "High End": fit_constant_churn(high_end)}
for name, fit in fits.items():
    print(tr("{name:8}  sBG: alpha = {alpha}, beta = {beta}, log-likelihood = {log_likelihood}, converged: {converged}",
             name=name, alpha=format_number(fit.alpha, 3), beta=format_number(fit.beta, 3),
             log_likelihood=format_statistic(fit.log_likelihood), converged=tr("True") if fit.converged else tr("False")))
    print(tr("{name:8}  constant churn {churn}, log-likelihood = {log_likelihood}", name="",
             churn=format_number(constant[name].churn, 3), log_likelihood=format_statistic(constant[name].log_likelihood)))

# %% [markdown] key="13-the-paper-reports-0"
# The paper reports α = 0.704, β = 1.182 for Regular and α = 0.668, β = 3.806 for High End
# (its maximum-likelihood estimates for years 0-7 of its Table 1). The fits reproduce them to
# the three decimals printed (tolerance ±0.0005):

# %%
for name, key in (("Regular", "sbg-regular"), ("High End", "sbg-high-end")):
    fit = fits[name]
    assert reproduces(fit.alpha, key, "alpha") and reproduces(fit.beta, key, "beta"), name
    assert fit.converged
print(tr("Published sBG estimates reproduced: {citation}", citation=published("sbg-regular").citation))

# %% [markdown] key="13-the-sbg-log-likelihood"
# The sBG log-likelihood is higher in both cohorts (by about 114 points for Regular and 26 for
# High End): the second parameter earns its place. Both spreads of churn probabilities it found are
# J-shaped (α < 1 < β): piled up near zero, customers who almost never leave, and thinning out
# towards high churn, a long tail of customers likely to go at one of the first renewals. High End's
# larger β keeps more of its customers near zero.

# %%
churn_distribution_chart({name: (fit.alpha, fit.beta) for name, fit in fits.items()})

# %% [markdown] key="13-projections-against-the-held"
# ## Projections against the held-out years 8-12
#
# Now the test the paper sets: project years 8-12, which neither model has seen.

# %%
columns = {"Regular": "regular_percent_alive", "High End": "high_end_percent_alive"}
actual = {name: table[column].to_numpy() / 100 for name, column in columns.items()}
sbg_projection = {name: fits[name].survival(12) for name in columns}
constant_projection = {name: constant[name].survival(12) for name in columns}
projection = pd.DataFrame({tr("year"): years})
for name in columns:
    projection[tr("{cohort} actual", cohort=name)] = actual[name]
    projection[tr("{cohort} sBG", cohort=name)] = sbg_projection[name]
    projection[tr("{cohort} constant", cohort=name)] = constant_projection[name]
projection.iloc[8:].round(3)

# %%
for name in fits:
    truth, model, flat = actual[name][12], sbg_projection[name][12], constant_projection[name][12]
    print(tr("{name:8} year 12: actual {actual}; sBG {sbg} ({sbg_error}); constant churn {constant} ({constant_error})",
             name=name, actual=format_share(truth), sbg=format_share(model), constant=format_share(flat),
             sbg_error=("+" if model > truth else "") + format_share(model / truth - 1, 0),
             constant_error=("+" if flat > truth else "") + format_share(flat / truth - 1, 0)))

# %% [markdown] key="13-five-years-beyond-the"
# Five years beyond the data, sBG is 2% and 4% below the truth; constant churn misses 73% and 31%
# of the customers who in fact stayed. The chart shows both against the data; the vertical line
# marks the end of what the models were fitted on.

# %%
observed_vs_model_chart(
    years,
    actual,
    {
        **{tr("{cohort}, sBG", cohort=name): sbg_projection[name] for name in columns},
        **{tr("{cohort}, constant churn", cohort=name): constant_projection[name] for name in columns},
    },
    split=7,
    xlabel=tr("year"),
    ylabel=tr("share of the cohort still subscribed"),
)

# %% [markdown] key="13-the-retention-rates-themselves"
# The retention rates themselves are a harder test, because they are not cumulative: sBG's
# rising r(t) follows the observed rates into the holdout years, while constant churn draws a
# flat line.

# %%
rate_years = years[1:]
observed_vs_model_chart(
    rate_years,
    {name: (table[column] / table[column].shift(1)).iloc[1:] for name, column in columns.items()},
    {tr("{cohort}, sBG", cohort=name): fit.retention_rates(12) for name, fit in fits.items()},
    split=7,
    xlabel=tr("year"),
    ylabel=tr("retention rate"),
)

# %% [markdown] key="13-del-and-derl-what"
# ## DEL and DERL: what a customer is worth, in payments
#
# Fader & Hardie's “Customer-base valuation in a contractual setting” (Marketing Science, 2010)
# counts a customer's value in payments: one payment at the start of each year they are there,
# discounted at d a year. Multiply by the margin per payment to get money.
#
# - **DEL**, discounted expected lifetime of a new customer: the sum over t of S(t) / (1 + d)^t,
#   which is the hypergeometric function ₂F₁(1, β; α + β; 1 / (1 + d)).
# - **DERL**, discounted expected residual lifetime: the same for a customer who has already
#   renewed n times and is about to decide on the next renewal. Surviving n renewals moves that
#   customer's churn to beta(α, β + n): DERL = (β + n) / (α + β + n) · ₂F₁(1, β + n + 1;
#   α + β + n + 1; 1 / (1 + d)).
#
# The paper compares two cases that both keep 80% of customers in the first year (mean churn
# 0.2): case 1, α = 3.80, β = 15.20, where customers are much alike; case 2, α = 0.067,
# β = 0.267, where they differ enormously.

# %%
derl_paper = published("derl-2010").values
d = derl_paper["discount_rate"]
cases = {tr("case 1"): (derl_paper["case1_alpha"], derl_paper["case1_beta"]),
         tr("case 2"): (derl_paper["case2_alpha"], derl_paper["case2_beta"])}
renewals = [0, 1, 2, 3, 4, 5]
derl_table = pd.DataFrame(
    {name: [sbg_derl(alpha, beta, d, n) for n in renewals] for name, (alpha, beta) in cases.items()},
    index=pd.Index(renewals, name=tr("renewals made")),
)
for name, (alpha, beta) in cases.items():
    print(tr("{case}: first-year retention {retention}, DEL {payments} payments", case=name,
             retention=format_number(1 - alpha / (alpha + beta), 3), payments=format_number(sbg_del(alpha, beta, d), 2)))
derl_table.round(2)

# %% [markdown] key="13-the-paper-s-table"
# The paper's Table 3 gives DERL for customers in their 1st to 5th contract period, that is
# with 0 to 4 renewals made (the first five rows above). They agree to the second decimal:
# within 0.005 for case 1 and 0.01 for case 2, whose published α and β are themselves rounded.

# %%
assert reproduces(derl_table.iloc[:5, 0], "derl-2010", "case1_derl")
assert reproduces(derl_table.iloc[:5, 1], "derl-2010", "case2_derl")
print(tr("DERL table reproduced: {where}", where=published("derl-2010").describe()))

# %% [markdown] key="13-in-case-2-a"
# In case 2 a customer's remaining value grows with tenure, from 7.7 payments before the first
# renewal to 10.2 after four: every renewal is evidence that this customer is one of the loyal
# ones. In case 1, where customers are alike, the evidence moves little.

# %%
derl_chart(renewals, {name: derl_table[name].tolist() for name in cases})

# %% [markdown] key="13-what-keeping-a-customer"
# ## What keeping a customer is worth, by tenure
#
# The paper's data carry no prices, so suppose a Regular customer leaves a margin of $100 a year
# (an assumed figure) and we discount at 10% a year. DERL × $100 is what a customer who is about to
# decide on a renewal is worth today, *on average over staying and leaving*: DERL already weighs
# every future payment by the chance that the customer is still there, the coming renewal
# included. So it is not what keeping that customer is worth. Three figures answer that:
#
# - **P(renew)** = (β + n) / (α + β + n): the chance the customer renews on their own;
# - **a renewal** is worth DERL / P(renew) (`value_of_a_renewal`): what a customer who does renew is
#   expected to pay from now on. It is the most that keeping one customer can be worth;
# - **a saved leaver** is worth less (`value_of_a_saved_leaver`). The customers an offer keeps are
#   those who were about to leave, and wanting to leave is evidence of a high churn probability: among
#   them churn is spread as beta(α + 1, β + n), not beta(α, β + n + 1) as among those who renew. If
#   the offer changes this one decision, they pay now and then decide with that same churn.
#
# An offer sent to every customer at a tenure is worth the renewals it adds: the rise in P(renew)
# times a saved leaver's value, per customer it reaches (`retention_offer_value`). Here, an offer
# that raises the renewal probability by 5 points:

# %%
margin, discount, lift = 100, 0.10, 0.05
regular_fit, regular_constant = fits["Regular"], constant["Regular"]
a, b = regular_fit.alpha, regular_fit.beta
derl_value = [margin * regular_fit.derl(discount, n) for n in renewals]
saved_value = [margin * value_of_a_saved_leaver(a, b, discount, n) for n in renewals]
offer_value = [retention_offer_value(a, b, discount, n, renewal_lift=lift, margin=margin).value_per_customer
               for n in renewals]
constant_derl = [margin * regular_constant.derl(discount) for _ in renewals]
offer = pd.DataFrame(
    {
        tr("P(renew)"): [renewal_probability(a, b, n) for n in renewals],
        tr("DERL, $"): derl_value,
        tr("a renewal, $"): [margin * value_of_a_renewal(a, b, discount, n) for n in renewals],
        tr("a saved leaver, $"): saved_value,
        tr("offer +{lift}, $ per customer", lift=format_share(lift, 0)): offer_value,
        tr("constant churn DERL, $"): constant_derl,
    },
    index=pd.Index(renewals, name=tr("renewals made")),
)
offer.round(dict(zip(offer.columns, (3, 0, 0, 0, 2, 0), strict=True)))

# %%
print(tr("A Regular customer after 5 renewals is worth {derl} of margin in today's money; constant churn says "
         "{constant}.", derl=format_money(derl_value[5], "USD", decimals=0),
         constant=format_money(constant_derl[5], "USD", decimals=0)))
print(tr("Keeping one who was about to leave is worth {saved}; an offer that adds {lift} of renewals, {offer} per "
         "customer it reaches.", saved=format_money(saved_value[5], "USD", decimals=0), lift=format_share(lift, 0),
         offer=format_money(offer_value[5], "USD", decimals=2)))

# %% [markdown] key="13-check-it-on-simulated"
# The offer's value per customer reached is $10-21 where DERL is $300-600: most of the customers it
# reaches would have renewed anyway (90% after five renewals), and the few it keeps are the likely
# leavers. That is what such an offer may cost per customer and still pay; a discount
# that everyone who renews takes counts for all of them.
#
# ### Check it on simulated customers
#
# The formulas rest on sBG's story, so test them where the story is true: simulate 200,000
# customers from the fitted Regular model, each with a churn probability that never changes, follow
# those who reach five renewals, make the offer, and count everyone's discounted payments
# (`simulate_retention_offer`, seeded):

# %%
sim = simulate_retention_offer(a, b, discount, 5, renewal_lift=lift, customers=200_000, seed=13)
print(tr_n("{customers} simulated customer made 5 renewals; {share} renewed on their own (P(renew) = {probability})",
           "{customers} simulated customers made 5 renewals; {share} renewed on their own (P(renew) = {probability})",
           sim.customers, customers=format_number(sim.customers), share=format_share(sim.renewal_share),
           probability=format_share(renewal_probability(a, b, 5))))
rows = (
    (tr("a renewal"), sim.renewer_value, value_of_a_renewal(a, b, discount, 5)),
    (tr("a saved leaver"), sim.saved_leaver_value, value_of_a_saved_leaver(a, b, discount, 5)),
    (tr("offer +{lift}, per customer", lift=format_share(lift, 0)), sim.value_per_customer,
     retention_offer_value(a, b, discount, 5, renewal_lift=lift, margin=1).value_per_customer),
)
width = max(len(label) for label, _, _ in rows) + 1
for label, simulated, formula in rows:
    print(tr("{label} simulated {simulated:>7} $, formula {formula:>7} $", label=label.ljust(width),
             simulated=format_number(margin * simulated, 2), formula=format_number(margin * formula, 2)))

# %% [markdown] key="13-a-critical-look-derl"
# ### A critical look: DERL as the price of a retention offer
#
# It is tempting to read DERL × margin as "the most a retention offer made to that customer can be
# worth" (an earlier version of this notebook did). It is wrong both ways. DERL is an average over
# the customers who will renew and those who will leave. A customer who renews is worth more than
# DERL ($698 against $626 after five renewals, DERL / P(renew)), and that is the cap on keeping one
# customer; but the customers an offer keeps are the leavers, and they are worth less than DERL
# ($421). For an offer sent to everyone, DERL overcounts many times over ($626 against $21 per
# customer reached): only the renewals the offer adds are worth anything.
#
# ### A critical look: "LTV = margin / churn" with one churn for everybody
#
# The articles of notebooks 04 and 05 compute LTV from one average churn rate. On a cohort like
# these, that one number is pulled up by the many early leavers, and it gives every customer the
# same future. Here it undervalues every customer, and the more renewals they have made, the
# more: $261 for everybody against $296 before the first renewal and $626 after five. A
# retention budget set from it is too small for the customers who have stayed longest, and it
# cannot tell a five-year customer from a new one. With one churn for everybody a saved leaver
# would be worth exactly a renewal (nobody is the "leaving kind"); sBG says a saved leaver is worth
# less than a renewal, and more after five renewals than before the first.

# %% [markdown] key="13-try-it"
# ## Try it
#
# Move α and β to see the spread of churn probabilities (left) and the cohort's survival
# curve (right, with constant churn at the same mean for comparison); the label gives the mean
# churn, the share left after 5 periods, DEL and DERL (in payments, at the discount rate you set)
# for the renewals you choose. α = 0 is not allowed: the calculator says why. The next cell prints
# the result at the starting values (the Regular cohort's published estimates, 10% a period, 4
# renewals).

# %%
calculator = sbg_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="13-exercises"
# ## Exercises
#
# Write your figure in place of `None` and run the cell; solutions are folded under each.
#
# **ex-13-1.** With the published Regular estimates (α = 0.704, β = 1.182), what share of the
# customers who have renewed 3 times will renew a 4th time?

# %%
answer = None
check("ex-13-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = sbg_retention_rates(0.704, 1.182, 4)[-1]
check("ex-13-1", answer)

# %% [markdown] key="13-ex-13-2"
# **ex-13-2.** A High End customer (published α = 0.668, β = 3.806) with 3 renewals behind them
# leaves a margin of $100 a year. Discounting at 10% a year, what is their remaining value today, in $?

# %%
answer = None
check("ex-13-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = 100 * sbg_derl(0.668, 3.806, 0.10, 3)
check("ex-13-2", answer)

# %% [markdown] key="13-ex-13-3"
# **ex-13-3.** With the published High End estimates (α = 0.668, β = 3.806), what share of the
# cohort does sBG expect to be still subscribed at the start of year 20, eight years beyond the
# data? Answer as a share (0.25 for 25%). What does constant churn say?

# %%
answer = None
check("ex-13-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = sbg_survival(0.668, 3.806, 20)[-1]
print(tr("sBG {sbg}; constant churn {constant}", sbg=format_share(answer),
         constant=format_share(constant["High End"].survival(20)[-1])))
check("ex-13-3", answer)

# %% [markdown] key="13-ex-13-4"
# **ex-13-4.** An offer to High End customers (published α = 0.668, β = 3.806) with 3 renewals behind
# them costs $15 per customer it reaches, and each renewal leaves a margin of $100. Discounting at 10% a
# year, by how many percentage points must it raise their renewal probability to pay for itself?
# Answer as a share (0.02 for 2 points).

# %%
answer = None
check("ex-13-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = retention_offer_value(0.668, 3.806, 0.10, 3, renewal_lift=0.0, margin=100, cost_per_customer=15).break_even_lift
check("ex-13-4", answer)

# %% [markdown] key="13-ex-13-5"
# **ex-13-5.** Why is a customer whom the offer keeps worth less than a customer of the same tenure
# who renews on their own?

# %%
print(options("ex-13-5"))
answer = None  # a letter, such as "a"
check("ex-13-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # about to leave is evidence of a high churn probability, and the offer does not change it
check("ex-13-5", answer)

# %% [markdown] key="13-summary"
# ## Summary
#
# | idea | formula | ltvkit |
# |---|---|---|
# | share alive at the start of period t | S(t) = B(α, β + t) / B(α, β) | `sbg_survival(alpha, beta, periods)` |
# | retention rate of period t (rises) | r(t) = (β + t − 1) / (α + β + t − 1) | `sbg_retention_rates(alpha, beta, periods)` |
# | fit from alive counts | maximum likelihood, lost at each renewal + still there | `fit_sbg(alive)`, `fit_constant_churn(alive)` |
# | DEL (payments, new customer) | ₂F₁(1, β; α + β; 1/(1 + d)) | `sbg_del(alpha, beta, discount_rate)` |
# | DERL after n renewals | (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)) | `sbg_derl(alpha, beta, discount_rate, renewals)` |
# | value in money | margin per period × DEL or DERL | `fit.derl(discount_rate, renewals)` × margin |
# | a customer who renews (the cap on keeping one) | DERL / P(renew), P = (β + n) / (α + β + n) | `value_of_a_renewal(alpha, beta, d, renewals)` |
# | a leaver kept for one renewal | 1 + DERL(α + 1, β + n, d, 0) / (1 + d) | `value_of_a_saved_leaver(alpha, beta, d, renewals)` |
# | an offer to everyone at a tenure | rise in P × saved leaver's value × margin − cost | `retention_offer_value(..., renewal_lift=..., margin=...)` |
# | constant churn, for comparison | DERL = (1 − c) / (1 − (1 − c)/(1 + d)), the same at every tenure | `fit_constant_churn(alive).derl(d)` |
#
# Rising cohort retention is usually sorting, not growing loyalty. A single churn rate projects
# too few long-lived customers and undervalues the customers who have stayed. DERL already counts
# the chance of leaving: price a retention offer by the renewals it adds, each worth a saved
# leaver's value, never by DERL itself. Next: notebook 14
# does the same for customers who buy when they like, with no contract to renew.
