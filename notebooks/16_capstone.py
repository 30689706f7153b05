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

# %% [markdown] key="16-title"
# # 16 · Capstone: where should the school's acquisition money go next year?
#
# After this notebook you can take a raw order export all the way to a budget recommendation,
# with every figure checked on the way and every assumption stated.
#
# **You will learn**
# - to run the whole chain yourself: export → customers → LTV → LTV:CAC → decision;
# - to compute LTV five ways on the same customers and say what each number measures;
# - to test a forecast on a year it has not seen before you let it decide anything;
# - to judge channels and partners at the cost of the *next* customer, with the 2:1 and 3:1 bands;
# - to write a recommendation that names its caveats: cause or correlation, and customers who differ.
#
# **You need**: the whole workbook. Most of all notebooks 09 (the export), 10 (partners and
# CAC), 11 (correlation and cause), 13 (customers differ) and 14 (BG/NBD and Gamma-Gamma).

# %%
import pandas as pd

from ltvkit import (
    LTVInputError,
    arpu_ltv,
    check,
    format_money,
    format_number,
    format_share,
    frequency_ltv,
    revenue_per_customer,
    tr,
    tr_n,
)
from ltvkit.acquisition import acquisition_table, best_source, payback_months, reallocate, source_costs, value_curves
from ltvkit.calculators import budget_allocation_calculator
from ltvkit.course.capstone import CASE
from ltvkit.course.exercises import options
from ltvkit.course.school import school_costs
from ltvkit.experiments import sample_size_per_group
from ltvkit.ltv_cac import USUAL_TARGET_RATIO, ltv_cac_summary
from ltvkit.models.bgnbd import fit_bgnbd
from ltvkit.models.by_source import fit_source_models
from ltvkit.models.forecast import new_customer_value
from ltvkit.models.gamma_gamma import fit_gamma_gamma
from ltvkit.models.history import calibration_holdout, purchase_history
from ltvkit.models.units import months
from ltvkit.orders import (
    customer_summary,
    horizon_ltv,
    load_report,
    ltv_after_window,
    partner_base,
    read_orders,
    source_labels,
    top_share,
)
from ltvkit.orders.year_over_year import year_over_year, year_over_year_by_source
from ltvkit.plots import bar_chart, holdout_by_frequency_chart, ratio_band_chart

# %% [markdown] key="16-the-case"
# ## The case
#
# The online school of IT courses from notebooks 09-11 has two years of sales behind it,
# 2023 and 2024. Nine sources brought its customers: paid search ads (Контекстная реклама),
# paid social ads (Таргетированная реклама), organic search (Органический поиск), and six
# affiliates of its partner programme. To win them it paid for ads, SEO content and partners'
# placements, and it paid each partner a commission on the first sale of every customer they
# brought.
#
# The marketing lead must now propose next year's acquisition budget: which sources to grow,
# which to keep, which to cut. She has the files you used in notebooks 09-11: the CRM's order
# export `data/school_orders.csv`, exactly as it comes out for Excel, and the marketing team's
# cost sheet `data/school_partners.csv`, what each source cost over the two years:

# %%
costs = school_costs()  # read_partner_costs("../data/school_partners.csv"), the kind of source in your language
print(tr("spend over 2023-2024 before commissions: {amount}", amount=format_money(costs["fixed_spend"].sum(), "RUB")))
costs[["channel", "partner", "kind", "fixed_spend", "first_sale_commission_pct", "discount_pct"]]

# %% [markdown] key="16-some-things-are-not"
# Some things are not in the data and must be assumed. The case fixes them in
# `ltvkit.course.capstone.CASE`, so every task uses the same ones:

# %%
print(tr("gross margin: {margin} of revenue (as in notebooks 09-11)", margin=format_share(CASE.margin, 0)))
print(tr("discount rate: {rate} a year", rate=format_share(CASE.annual_discount_rate, 0)))
print(tr_n("horizon of a new customer's value: {count} month", "horizon of a new customer's value: {count} months",
           CASE.horizon_months, count=CASE.horizon_months))
print(tr("the next customer's ad spend: {multiplier} times today's average (task 5)",
         multiplier=format_number(CASE.cac_multiplier, None)))

# %% [markdown] key="16-exercises-the-case-in"
# ## Exercises: the case in six tasks
#
# Each task asks a question, leaves you a cell to work in and keeps a worked solution folded under
# it (click the dots to open it). From task 3 on the cell is partly filled: the routine steps are
# written, the ones that need a decision are left as lines starting with `#`, with `...` where
# you choose; fill them in and remove the `#`. Try the task first. Where a number is asked, write it in place
# of `None` and run the cell: `check` says whether it is right or gives a hint. The solutions
# run when the notebook runs, so later tasks can build on them, as in real work.
#
# ### Task 1 · Load the export as it is
#
# Read `../data/school_orders.csv` with `read_orders`. Its columns are `ID клиента` (customer),
# `Дата оплаты` (date), `Сумма, руб.` (amount), `Канал` (channel) and `Партнёр` (partner); keep
# `Номер заказа` as `order` too, so refunds can be matched to their sales. The loader will refuse
# the file. Read why, decide what to do with each refused row, and make sure that no rouble of the
# rows you keep goes missing between the file and the per-customer summary.
#
# **ex-16-1.** What is the school's net revenue over the two years (purchases minus refunds), in RUB?

# %%
# Your work: read, decide, reconcile.
answer = None
check("ex-16-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
columns = dict(customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.", channel="Канал", partner="Партнёр",
               extra={"Номер заказа": "order"})
try:
    read_orders("../data/school_orders.csv", **columns)
except LTVInputError as error:
    print(error)

orders = read_orders("../data/school_orders.csv", **columns, on_bad_rows="skip")
print()
print(load_report(orders))
summary = customer_summary(orders, margin=CASE.margin)
print(summary.attrs["summary_report"])
assert abs(summary["revenue"].sum() - orders["amount"].sum()) < 0.01  # file -> customers: nothing lost
answer = orders["amount"].sum()
check("ex-16-1", answer)

# %% [markdown] key="16-the-three-refused-rows"
# The three refused rows are the ones notebook 09 met: two test orders with no customer, which
# are not sales, and a corporate order whose amount says "по счёту" (by invoice). Skipping that
# one is a decision, not a fix: it is probably a real sale, and its amount belongs in the books
# once accounting gives it. For an LTV comparison between sources, one order out of 9,469 does
# not move anything; the report keeps the line number so it can be followed up.

# %% [markdown] key="16-task-2-one-customer"
# ### Task 2 · One customer's value, four ways from the workbook
#
# Before splitting by source, value the school's average customer in gross profit (revenue ×
# the 60% margin) with the formulas of the first half of the workbook:
#
# 1. **simple average** (notebooks 01-02): revenue over customers;
# 2. **ARPU × lifetime** (notebooks 01, 04): ARPU = 2024's revenue per customer who bought in
#    2024 (a year); lifetime = 1 / churn, where churn is the share of 2023's buyers who did not
#    buy in 2024 (years);
# 3. **AOV × purchases per year × lifetime** (notebook 03): the same year's average order value
#    and purchases per buyer, the same lifetime;
# 4. **cohort 12-month LTV** (notebooks 09, 11): what customers brought in their first 12
#    months, counting only customers whose first 12 months are all in the data.
#
# `ltvkit.orders.year_over_year(orders, year=2024)` collects the pieces of 2 and 3.
#
# **ex-16-2.** What is the ARPU × lifetime LTV (gross profit), in RUB?

# %%
# Your work: the four numbers, each with its period.
answer = None
check("ex-16-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
margin = CASE.margin
yoy = year_over_year(orders, year=2024)
print(tr("2023's buyers: {before}; of them bought in 2024: {kept}; churn {churn} a year, lifetime {lifetime} years",
         before=format_number(yoy.customers_before), kept=format_number(yoy.kept), churn=format_share(yoy.churn),
         lifetime=format_number(yoy.lifetime_years, 2)))
print(tr("2024: {buyers} buyers, {orders} orders, revenue {revenue}; ARPU {arpu} a year, AOV {aov}, "
         "{per_buyer} orders per buyer", buyers=format_number(yoy.buyers), orders=format_number(yoy.orders),
         revenue=format_money(yoy.revenue, "RUB"), arpu=format_money(yoy.arpu, "RUB", decimals=0),
         aov=format_money(yoy.aov, "RUB", decimals=0), per_buyer=format_number(yoy.purchases_per_customer, 2)))
ltv_12m = horizon_ltv(orders, months=12, margin=margin)
four_ways = {
    tr("simple average"): revenue_per_customer(orders["amount"].sum(), orders["customer"].nunique()) * margin,
    tr("ARPU x lifetime"): arpu_ltv(yoy.arpu, yoy.lifetime_years) * margin,
    tr("AOV x frequency x lifetime"): frequency_ltv(yoy.aov, yoy.purchases_per_customer, yoy.lifetime_years,
                                                    margin=margin),
    tr("cohorts, first 12 months"): ltv_12m.mean(),
}
for name, value in four_ways.items():
    print(f"{name:28} {format_money(value, 'RUB', decimals=0)}")
answer = four_ways[tr("ARPU x lifetime")]
check("ex-16-2", answer)

# %% [markdown] key="16-ex-16-7"
# **ex-16-7.** ARPU × lifetime and AOV × purchases per year × lifetime come out the same. Why?

# %%
print(options("ex-16-7"))
answer = None  # a letter, such as "a"
check("ex-16-7", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # average order value x orders per buyer is revenue per buyer, the ARPU
check("ex-16-7", answer)

# %% [markdown] key="16-read-each-number-with"
# Read each number with its label (notebook 01):
#
# - the **simple average** is revenue *so far* per customer. It mixes customers who joined in
#   January 2023 with customers who joined last week, so it is neither a year nor a lifetime;
# - **ARPU × lifetime** and **AOV × frequency × lifetime** agree to the rouble, and must: average
#   order value times orders per buyer *is* revenue per buyer. The three-factor form adds no
#   second opinion; it shows which factor differs between two groups (task 4 uses it that way);
# - the **12-month cohort LTV** is observed, not modelled, but it covers only the customers of
#   2023 (1,881 of them) and only their first year.
#
# Each formula also hides an assumption. ARPU × lifetime applies one churn rate to every
# customer, and the caveats at the end show what that costs. None of the four can say what a
# customer won *next year* will bring over three years. That needs a model.

# %% [markdown] key="16-task-3-the-model"
# ### Task 3 · The model: check it on a year it has not seen, then value a new customer
#
# Notebook 14 fitted BG/NBD (how often customers buy, and when they stop) and Gamma-Gamma (what
# they spend per purchase) on CDNOW. Do the same for the school, in two steps.
#
# 1. **Check.** Summarise each customer's purchases up to 2023-12-31 (refunds are not purchases),
#    in weeks: `calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")`.
#    Fit BG/NBD on it, forecast each of 2023's customers' purchases in 2024 and compare with what
#    they did.
# 2. **Forecast.** Fit both models on all the data (`purchase_history(orders)`) and value a
#    customer who has just made their first purchase over the case's horizon, 36 months, counted
#    in monthly steps and discounted at 10% a year: the mean first purchase plus the expected
#    repeats at the expected spend, times the margin, less the share of sales refunded
#    (`new_customer_value`). The model is fitted in weeks; the horizon is given in months; say
#    how many weeks that is.
#
# **ex-16-3.** What is a new customer's gross profit over 36 months according to the model, in RUB?

# %%
# Your work: the check first, then the forecast. Replace each ... and remove the # in front of the line.
split = calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")
print(tr_n("calibration: {customers} customers of 2023; holdout: {days} day",
           "calibration: {customers} customers of 2023; holdout: {days} days", split.holdout.in_unit("days"),
           customers=format_number(len(split.calibration)), days=format_number(split.holdout.in_unit("days"))))
# calibration_fit = fit_bgnbd(...)
# expected_2024 = calibration_fit.conditional_expected_purchases(split.calibration, split.holdout)
# print(expected_2024.sum(), split.holdout_purchases.sum())  # expected and actual purchases in 2024
history = purchase_history(orders)
# purchases, spend = fit_bgnbd(...), fit_gamma_gamma(...)
# print(CASE.horizon, "=", CASE.horizon.in_unit(purchases.time_unit), purchases.time_unit)
# answer = new_customer_value(purchases, spend, first_purchase=history.first_purchase.mean(), horizon=...,
#                             margin=margin, annual_discount_rate=..., refund_share=...)
answer = None
check("ex-16-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
split = calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")
calibration_fit = fit_bgnbd(split.calibration)
expected_2024 = calibration_fit.conditional_expected_purchases(split.calibration, split.holdout)
assert calibration_fit.time_unit == "weeks"  # as calibration_holdout summarises; the lines below say weeks
difference = expected_2024.sum() / split.holdout_purchases.sum() - 1
print(tr("calibration: {customers} customers of 2023, fitted in weeks; converged: {converged}",
         customers=format_number(len(split.calibration)), converged=tr("True") if calibration_fit.converged else tr("False")))
print(tr_n("their purchases in 2024 ({days} day): expected {expected}, actual {actual} ({sign}{difference})",
           "their purchases in 2024 ({days} days): expected {expected}, actual {actual} ({sign}{difference})",
           split.holdout.in_unit("days"), days=format_number(split.holdout.in_unit("days")),
           expected=format_number(expected_2024.sum()),
         actual=format_number(split.holdout_purchases.sum()), sign="+" if difference >= 0 else "-",
         difference=format_share(abs(difference))))

history = purchase_history(orders)
purchases = fit_bgnbd(history.data)
spend = fit_gamma_gamma(history.data)
assert purchases.time_unit == "weeks"
print(tr("all data: r = {r}, alpha = {alpha} weeks, a = {a}, b = {b}; converged: {converged}",
         r=format_number(purchases.r, 3), alpha=format_number(purchases.alpha, 3), a=format_number(purchases.a, 3),
         b=format_number(purchases.b, 3), converged=tr("True") if purchases.converged else tr("False")))
print(tr("spend per repeat purchase: {amount} on average; refunds {share} of purchases",
         amount=format_money(spend.population_mean_spend, "RUB", decimals=0), share=format_share(history.refund_share)))
print(tr_n("horizon: {count} month = {weeks} weeks", "horizon: {count} months = {weeks} weeks", CASE.horizon_months,
           count=CASE.horizon_months, weeks=format_number(CASE.horizon.in_unit(purchases.time_unit), 2)))
model_value = new_customer_value(purchases, spend, first_purchase=history.first_purchase.mean(), horizon=CASE.horizon,
                                 margin=margin, annual_discount_rate=CASE.annual_discount_rate,
                                 refund_share=history.refund_share)
answer = model_value
check("ex-16-3", answer)

# %% [markdown] key="16-on-the-year-it"
# On the year it did not see, the model expects a few percent more purchases than 2023's customers
# made, and it follows them group by group: the chart puts the average 2024 purchases of the 2023
# customers with 0, 1, 2, ... repeat purchases next to the model's expectation for each group.

# %%
holdout_by_frequency_chart(split.calibration.frequency, split.holdout_purchases,
                           {tr("BG/NBD fitted on 2023"): expected_2024}, max_frequency=5)

# %% [markdown] key="16-now-the-five-estimates"
# Now the five estimates side by side. As a check, the model also gives the first 12 months,
# undiscounted, which is what the cohorts observed.

# %%
model_12m = new_customer_value(purchases, spend, first_purchase=history.first_purchase.mean(), horizon=months(12),
                               margin=margin, annual_discount_rate=0.0, refund_share=history.refund_share)
five_ways = {**four_ways, tr("model, first 12 months"): model_12m, tr("model, 36 months, discounted"): model_value}
for name, value in five_ways.items():
    print(f"{name:30} {format_money(value, 'RUB', decimals=0)}")
bar_chart(list(five_ways), [round(value) for value in five_ways.values()], currency="RUB",
          title=tr("Gross LTV of a school customer, six readings"))

# %% [markdown] key="16-the-model-s-first"
# The model's first 12 months land about 4% above what the cohorts did, so it has earned some
# trust. Over 36 months, discounted, a new customer is worth about a quarter more than in their
# first year: most of a customer's value comes with the first purchase and the months after it. ARPU ×
# lifetime lands close to the model's 36 months, but by luck: it assumes that a customer who
# stays buys like the average 2024 buyer for 1.4 years, while the model lets every customer
# differ and counts three discounted years.

# %% [markdown] key="16-task-4-by-source"
# ### Task 4 · By source: LTV, CAC, LTV:CAC and payback
#
# Now the question itself. For each of the nine sources (a customer belongs to the source of
# their first purchase, as in notebook 10):
#
# - **CAC** from the cost sheet (`costs`, read with the case): (ads, content and placement fees +
#   first-sale commissions) / customers: `source_costs(partner_base(orders, costs))`;
# - **LTV** by four methods: simple average, ARPU × lifetime, 12-month cohorts, and the model over
#   36 months, with one BG/NBD per source, because sources differ exactly in how often their
#   customers come back (`fit_source_models(orders)`; one Gamma-Gamma for all, since spend per
#   purchase hardly differs between sources);
# - **LTV:CAC** with the model's LTV, and its band from notebook 06 (`ltvkit.planning`): up to
#   1:1 losing money, below 2:1 thin, from 2:1 the minimum of “Увеличение LTV партнеров:
#   проверенные стратегии” (Raising partners' LTV), from 3:1 the target usually quoted, above
#   5:1 possibly spending too little on growth;
# - **payback**: the first month in which a source's customers have brought, on average, as much
#   gross profit as they cost (`value_curves` and `payback_months`).
#
# **ex-16-4.** What LTV:CAC does paid search (`Контекстная реклама`) reach, with the model's
# 36-month LTV and today's average CAC? Answer as a number (4.5 for 4.5:1).

# %%
# Your work: one row per source. Replace each ... and remove the # in front of the line.
cost_table = source_costs(partner_base(orders, costs))
print(cost_table.round(0).to_string())
# models = fit_source_models(...)
# model_ltv = models.values(horizon=CASE.horizon, margin=margin, annual_discount_rate=...)
# today = acquisition_table(model_ltv, cost_table)
# payback = payback_months(value_curves(orders, months=12, margin=margin), cost_table["cac"])
# print(today.assign(payback_month=payback)[["ltv", "cac", "ltv_to_cac", "band", "payback_month"]].round(2))
answer = None  # paid search's ratio: today.loc[..., "ltv_to_cac"]
check("ex-16-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
cost_table = source_costs(partner_base(orders, costs))
models = fit_source_models(orders)
fits = models.fits()
parameters = fits[["r", "alpha", "a", "b"]].map(lambda value: f"{value:.4g}")  # a fit at its edge knows no more
print(parameters.join(fits[["time_unit", "converged", "customers"]]).to_string())
labels = source_labels(orders)
repeaters = history.data.frequency > 0
buyer_sources = labels.reindex(history.data.customer_ids[repeaters]).to_numpy()
repeat_spend = pd.Series(history.data.monetary[repeaters]).groupby(buyer_sources).mean()
print(tr("mean repeat purchase by source: {low} to {high}, so one Gamma-Gamma for all",
         low=format_money(repeat_spend.min(), "RUB", decimals=0), high=format_money(repeat_spend.max(), "RUB", decimals=0)))

model_ltv = models.values(horizon=CASE.horizon, margin=margin, annual_discount_rate=CASE.annual_discount_rate)
by_year = year_over_year_by_source(orders, year=2024)
methods = pd.DataFrame({
    tr("simple average"): summary["historical_ltv"].groupby(labels).mean(),
    tr("ARPU x lifetime"): by_year["arpu"] * by_year["lifetime_years"] * margin,
    tr("cohorts, 12 months"): ltv_12m.groupby(labels.reindex(ltv_12m.index)).mean(),
    tr("model, 36 months"): model_ltv,
}).rename_axis("source")
today = acquisition_table(model_ltv, cost_table)
curves = value_curves(orders, months=12, margin=margin)
sources = methods.assign(CAC=cost_table["cac"], ltv_to_cac=today["ltv_to_cac"], band=today["band"],
                         payback_month=payback_months(curves, cost_table["cac"]))
print()
print(sources.sort_values(tr("model, 36 months"), ascending=False).round(
    {**dict.fromkeys(methods.columns, 0), "CAC": 0, "ltv_to_cac": 2}).to_string())
answer = today.loc["Контекстная реклама", "ltv_to_cac"]
check("ex-16-4", answer)

# %% [markdown] key="16-what-the-table-says"
# What the table says:
#
# - **The methods disagree on levels and agree on order.** Whatever the method, the programming
#   blogger's and the HR partner's customers are worth most, then organic search and the Telegram
#   channel; the cashback service and the coupon site come last. A decision that rests on the
#   order is safer than one that rests on a level.
# - **Every source clears 3:1 at today's average CAC**, most of them far above it (the band says
#   "possibly under-investing"). So no source loses money on the customers it has brought; the
#   real question is what the *next* customers will cost (task 5).
# - **One model fit did not converge**: for the Telegram channel, a and b grew together until the
#   optimiser reached its bound. Its customers' chances of dropping out look alike (about 18% after
#   each purchase), the limit of BG/NBD in which a and b are infinite; the forecast in that limit
#   is still finite. A flag like this is a reason to look, not to throw the number away.
#
# The factors of ARPU explain the spread: the coupon site's customers buy cheaper courses and
# rarely a second one; the blogger's buy most often and stay longest.

# %%
print(by_year[["aov", "purchases_per_customer", "lifetime_years"]].sort_values("lifetime_years", ascending=False)
      .round({"aov": 0, "purchases_per_customer": 1, "lifetime_years": 1}).to_string())

# %%
ratio_band_chart(today["ltv_to_cac"].sort_values(ascending=False).to_dict(),
                 title=tr("LTV:CAC by source at today's average CAC"))

# %% [markdown] key="16-a-critical-look-payback"
# ### A critical look: payback "spread evenly over the lifetime"
#
# Every source pays back in the first month: the first purchase alone brings more gross profit
# than the average CAC. The payback formula of notebook 06, `ltv_cac_summary`, assumes a
# customer's profit comes in evenly over their lifetime; for paid search that spreads the 36
# months' value thinly and finds a payback of several months:

# %%
paid_search = ltv_cac_summary(ltv=model_ltv["Контекстная реклама"], cac=cost_table.loc["Контекстная реклама", "cac"],
                              lifetime_months=CASE.horizon_months)
print(paid_search.describe("RUB"))
print(tr("from the customers' own first months: {values}",
         values=curves.loc["Контекстная реклама"].round(0).head(3).to_dict()))

# %% [markdown] key="16-both-are-right-about"
# Both are right about their own assumption. For a school whose biggest sale is usually the first
# one, the cohort curve is the honest payback; the even-earning formula fits a subscription.

# %% [markdown] key="16-task-5-the-next"
# ### Task 5 · The next customer is not the average one
#
# The CACs above are averages over two years. A bigger budget buys dearer customers: the
# cheapest clicks and placements are already bought, so each extra customer costs more ad spend
# than the average one. A partner's commission is different: it is paid per sale, so the next
# customer costs the same commission as the last. The case assumes the next customer's ad spend
# is twice today's average (`CASE.cac_multiplier`).
#
# Recompute LTV:CAC at that *marginal* CAC with `acquisition_table(model_ltv, cost_table,
# cac_multiplier=2)`. Which sources fall closest to 3:1? Then turn the question round: for paid
# search, how many times today's ad spend per customer may the next customer cost before its
# LTV:CAC falls to 3:1?
#
# **ex-16-5.** That multiplier for paid search (`Контекстная реклама`): how many times today's ad
# spend per customer can its next customer cost while LTV:CAC stays at 3:1 or above?

# %%
# Your work: the table at the marginal CAC, then the break-even multiplier. Replace each ... and remove the #.
# marginal = acquisition_table(model_ltv, cost_table, cac_multiplier=...)
# print(marginal.sort_values("ltv_to_cac", ascending=False)[["ltv", "cac", "ltv_to_cac", "band"]].round(2))
spend_search = cost_table.loc["Контекстная реклама", "fixed_per_customer"]  # paid search pays no commission
print(tr("paid search's ad spend per customer today: {amount}", amount=format_money(spend_search, "RUB", decimals=0)))
# LTV:CAC is 3:1 when LTV / (spend per customer x multiplier) = 3; solve for the multiplier:
# answer = ...
answer = None
check("ex-16-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
marginal = acquisition_table(model_ltv, cost_table, cac_multiplier=CASE.cac_multiplier)
print(marginal.sort_values("ltv_to_cac", ascending=False).round(
    {"ltv": 0, "cac": 0, "ltv_to_cac": 2, "net_per_customer": 0, "profit_per_rouble": 2, "headroom": 2}).to_string())
print(tr("best next rouble at CAC x{multiplier}: {source}", multiplier=format_number(CASE.cac_multiplier, None),
         source=best_source(marginal)))
ltv_search = model_ltv["Контекстная реклама"]
spend_search = cost_table.loc["Контекстная реклама", "fixed_per_customer"]  # paid search pays no commission
answer = ltv_search / USUAL_TARGET_RATIO / spend_search
assert abs(answer - marginal.loc["Контекстная реклама", "headroom"]) < 1e-9
check("ex-16-5", answer)

# %% [markdown] key="16-ex-16-8"
# **ex-16-8.** When the next customer's ad spend doubles, the cashback service's LTV:CAC does not move at
# all and the paid channels' falls the most. Why?

# %%
print(options("ex-16-8"))
answer = None  # a letter, such as "a"
check("ex-16-8", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # the multiplier acts on ad spend and placement fees; a commission is paid per sale
check("ex-16-8", answer)

# %% [markdown] key="16-with-the-next-customer"
# With the next customer's ad spend doubled, the two paid channels move from "possibly
# under-investing" to just above 3:1; they have the least room of all nine. Sources paid mostly
# by commission hardly move: the cashback service not at all, since it has no fixed spend.
# Organic search stays on top, but its CAC is the weakest number in the table (see the caveats).
# "Return per rouble" (`profit_per_rouble`, LTV:CAC − 1) is the criterion for a budget: when money
# is what is scarce, the next rouble should go where it returns most.

# %%
ratio_band_chart(marginal["ltv_to_cac"].sort_values(ascending=False).to_dict(),
                 title=tr("LTV:CAC of the next customer (ad spend x{multiplier})",
                          multiplier=format_number(CASE.cac_multiplier, None)))

# %% [markdown] key="16-task-6-recommend-with"
# ### Task 6 · Recommend, with a number and its caveats
#
# Write the lead a recommendation: where the next rouble goes, what to cut first, what you are
# not sure of and how she could find out. Then put one figure on it. Suppose 1,000,000 RUB moves
# from paid search to the Telegram channel (more paid posts), both at their next customer's CAC
# from task 5, and suppose the customers follow the money.
#
# **ex-16-6.** How much more gross profit over 36 months (discounted, in RUB) would the school get
# from the customers that million buys? Use `reallocate(marginal, source_from=..., source_to=..., amount=...)`.

# %%
# Your work: the recommendation in a few sentences, and the figure.
answer = None
check("ex-16-6", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
move = reallocate(marginal, source_from="Контекстная реклама", source_to="tg_data_digest", amount=1_000_000)
print(tr("paid search: {customers} fewer customers, worth {value}", customers=format_number(move.customers_lost),
         value=format_money(move.value_lost, "RUB", decimals=0)))
print(tr("Telegram channel: {customers} more customers, worth {value}", customers=format_number(move.customers_gained),
         value=format_money(move.value_gained, "RUB", decimals=0)))
answer = move.profit_change
check("ex-16-6", answer)

# %% [markdown] key="16-the-recommendation"
# ## The recommendation
#
# A worked answer to task 6; yours may weigh things differently.
#
# 1. **The budget as a whole can grow.** At today's average CAC every source is above 5:1, the
#    band that says the school may be spending too little on winning customers, and seven of the
#    nine stay above 5:1 even when the next customer's ad spend doubles. The question is less
#    "what to cut" than "where the next roubles go, and how fast".
# 2. **Grow the partners whose customers come back: the HR partner, the Telegram channel and the
#    programming blogger.** Their customers are worth the most over 36 months (35-43 thousand
#    roubles of gross profit each), and they stay between 6.5:1 and 8:1 even when the next
#    customer's ad spend doubles. Their audiences are small (100-130 new customers a year each),
#    so grow them step by step, and pay them for what makes them valuable: a share of repeat sales
#    (price it first with notebook 10's commission design).
# 3. **Take the money from the margin of paid search and paid social.** They bring the most
#    customers (1,618 of 4,376) and still clear 3:1 on average, but the next customer there returns
#    the least per rouble and has the least room before 3:1. Cut their most expensive campaigns
#    first, not the channels. The arithmetic of task 6: every million moved from paid search to
#    the Telegram channel buys about 206 customers instead of 111, worth some 3.9 million
#    roubles more over three years, if the customers follow the money.
# 4. **Do not grow the coupon site or the cashback service on these ratios.** Their ratios look
#    good because their customers are cheap; each customer is worth little (8.7 and 15.1 thousand),
#    and a coupon is easily used by someone who would have bought anyway. Notebook 10's holdout test
#    found exactly that: counting only the customers they add, the coupon site loses money and the
#    cashback service barely pays. Change their terms first (a commission only on customers new to
#    the school, no promo code for people who already have an account) and cut the coupon site if a
#    second test confirms the first.
# 5. **Keep the SEO content budget, and test before adding to it.** Organic search has the best
#    ratio of all, and the least certain one.
# 6. **Run it as an experiment, not a bet**: move money in steps, keep part of the weeks or regions
#    unchanged as a control, give each partner their own promo code, and re-run this notebook's
#    tasks 3-5 every quarter on the new data.
#
# ### Caveat 1 · Correlation is not cause (notebook 11)
#
# Everything above describes the customers each source *brought*. A budget decision needs what
# *more money* would bring, and the data cannot say that. Organic search's CAC divides the content
# budget by everyone who came from search, but many of them would have found the school without
# new content; the coupon site is credited with buyers who had already decided (notebook 10
# measured how many with a holdout test). The blogger's
# customers may be valuable because of who they are (motivated programmers), which is fine as long
# as the next ones are like them. Only an experiment that changes the spend and watches the
# customers separates cause from association, as the simulation did for engagement in notebook 11.
#
# ### Caveat 2 · Customers differ (notebook 13)
#
# Averages hide two things here. First, one churn rate for everyone, as in ARPU × lifetime, mixes
# customers who differ: among 2023's buyers, those who bought twice or more that year left less
# often in 2024 than those who bought once. Every purchase is evidence that a customer is of the
# loyal kind, so churn falls with tenure, as it did in notebook 13:

# %%
bought_2023 = orders[(orders["date"].dt.year == 2023) & (orders["amount"] >= 0)].groupby("customer").size()
for group, customers in ((tr("one purchase in 2023"), bought_2023.index[bought_2023 == 1]),
                         (tr("two or more in 2023"), bought_2023.index[bought_2023 >= 2])):
    part = year_over_year(orders[orders["customer"].isin(customers)], year=2024)
    print(tr("{group}: {customers} customers, churn into 2024 {churn}, lifetime {lifetime} years",
             group=f"{group:21}", customers=format_number(part.customers_before), churn=format_share(part.churn),
             lifetime=format_number(part.lifetime_years, 2)))

# %% [markdown] key="16-second-within-every-source"
# Second, within every source a few customers carry the value. The best 10% of each source's
# customers bring a third to a half of its first-year gross profit:

# %%
top_tenth = ltv_12m.groupby(labels.reindex(ltv_12m.index)).apply(top_share, 0.10)
print(top_tenth.sort_values(ascending=False).map(format_share).to_string())

# %% [markdown] key="16-caveat-3-the-assumptions"
# So a source's LTV is an average over a few heavy buyers and many light ones. If extra money
# reaches fewer of the heavy kind (the most interested people usually come first), the next
# customers are worth less than the average as well as costing more. The ×2 of task 5 prices the
# cost side only; read the ratios at the margin as upper bounds.
#
# ### Caveat 3 · The assumptions
#
# The margin, the horizon and the ×2 are assumptions; the calculator below moves them. Organic
# search stays first over a wide range. As the multiplier grows, the sources paid by commission
# (the cashback service, the coupon site) climb, because their cost per customer does not rise,
# if their volume can grow at all. Whether paid search stays above 3:1 at the margin depends on
# the assumptions, which is one more reason to cut it at the margin first and to watch it.

# %% [markdown] key="16-try-it"
# ## Try it
#
# Set the margin, how much more the next customer's ad spend costs than today's average, and how
# many months of a new customer's value count. The label names the source where the next rouble
# returns most, how many sources still meet 3:1 and 2:1, and the weakest one; the chart puts
# every source on the bands of notebook 06. A margin above 100% and a multiplier of 0 are
# refused, with the reason. The calculator uses the models fitted in task 4; the next cell prints
# its result at the case's assumptions.

# %%
calculator = budget_allocation_calculator(models, cost_table)
calculator

# %%
print(calculator.result_text)

# %%
# Before you report a figure, state its checklist (notebook 02). This is the model's value of a new customer
# from task 3; for your own data, change the figure and every label to what your figure is.
from ltvkit.course.checklist import ltv_checklist

print(ltv_checklist(
    round(model_value),  # in whole roubles, as the case reports its figures
    currency="RUB",
    period=tr_n("a new customer's first {count} month", "a new customer's first {count} months", CASE.horizon_months,
                count=CASE.horizon_months),
    measure="gross profit",
    cac="before CAC",
    discount_rate=tr("{rate} a year", rate=format_share(CASE.annual_discount_rate, 0)),
    horizon=tr_n("{count} month ahead, in monthly steps", "{count} months ahead, in monthly steps", CASE.horizon_months,
                 count=CASE.horizon_months),
    cohort_age=tr("the models fitted on every customer of 2023-2024 (up to two years watched)"),
    statistic="mean",
))

# %% [markdown] key="16-summary-the-workbook-on"
# ## Summary: the workbook on one card
#
# | step | formula | ltvkit | notebook |
# |---|---|---|---|
# | simplest LTV | revenue / customers | `revenue_per_customer(revenue, customers)` | 01 |
# | basic LTV | ARPU × lifetime (same period on both) | `arpu_ltv(arpu, lifetime)` | 01 |
# | historical LTV | Σ purchases × margin − CAC − retention costs | `historical_ltv(purchases, margin=...)` | 02 |
# | three factors | AOV × purchases per period × lifetime × margin | `frequency_ltv(...)` | 03 |
# | churn and lifetime | churn = lost / at start; lifetime = 1 / churn; S(t) = (1 − churn)^t | `churn_rate`, `lifetime_from_churn`, `survival_curve` | 04 |
# | subscription and discounting | price × margin × lifetime; Σ margin × r^t / (1 + d)^t | `subscription_ltv`, `discounted_ltv` | 05 |
# | LTV:CAC and payback | LTV / CAC (2:1 minimum, 3:1 usual); CAC / margin per period | `ltv_to_cac`, `ltv_cac_summary`, `ltv_cac_verdict` | 06 |
# | budget from LTV | customers = (costs + profit) / LTV without VAT | `budget_plan(...)` | 07 |
# | levers | LTV is a product: a change in one factor changes LTV in proportion | `lever_sensitivity(...)` | 08 |
# | from an export | one row per customer; cohorts; LTV over a fixed horizon | `read_orders`, `customer_summary`, `cohort_table`, `horizon_ltv` | 09 |
# | by source | CAC = (fixed spend + commissions) / customers; net LTV = gross LTV − CAC − repeat commissions | `partner_economics(partner_base(...), margin=...)` | 10 |
# | cause or correlation | a metric that predicts LTV need not raise it | `metric_table`, `naive_lift` | 11 |
# | customers differ | S(t) = B(α, β + t) / B(α, β); DERL grows with tenure | `fit_sbg`, `sbg_derl` | 13 |
# | each customer's future | BG/NBD purchases × Gamma-Gamma spend × margin, discounted, in stated units | `fit_bgnbd`, `fit_gamma_gamma`, `customer_lifetime_value` | 14 |
# | the next rouble | LTV / (ad spend × multiplier + commission); money moved = customers lost and gained | `acquisition_table`, `best_source`, `reallocate` | 16 |
#
# Every LTV needs its labels: currency, period, revenue or profit, per whom. Every decision needs
# its assumptions written next to it, and the next customer priced, not the average one.

# %% [markdown] key="16-where-next"
# ## Where next
#
# - **Your own data.** `read_orders` reads your CRM's or shop's export (`;` or `,`, decimal comma
#   or point, cp1251 or UTF-8, Excel files); give it your column names and read its report. Tasks
#   1-5 then run as they stand, with your cost sheet in place of the school's.
# - **Test the plan.** Move budgets in steps, with a control, and re-run tasks 3-5 each quarter:
#   the calibration/holdout check of task 3 tells you whether the model still describes your
#   customers.
# - **Beyond acquisition: a hypothesis, and the experiment that would test it.** In notebook 11
#   customers who spent more time with the product were worth more, and in the simulated school
#   time with the product does raise purchases, because we built it that way. For a real school
#   that is a hypothesis: motivated people both study more and buy more, so the correlation cannot
#   say whether onboarding that gets new customers learning would add a sale. Test it:
#   - *who*: every new customer, at the first purchase, put at random (by a hash of the customer
#     id) in the new onboarding or in today's, half each;
#   - *what*: a study plan and reminders in the first 30 days;
#   - *first check*: did it change what it aims at? Time with the product in the first 30 days,
#     treated against control (a large effect on a small sample shows quickly);
#   - *the metric that decides*: gross profit per customer from day 30 to month 6
#     (`ltv_after_window`), value the onboarding month cannot count twice;
#   - *how long*: enrol until each group has the customers below, then follow the last ones six
#     months;
#   - *how many*: `sample_size_per_group` from the metric's spread in the school's data, for a
#     rise of 10%, 20% or 30% (a two-sided test at 5%, power 80%). A yes-or-no metric, whether a
#     customer buys again in that time, varies less against its mean, so it needs fewer customers:

# %%
later_value = ltv_after_window(orders, window_days=30, months=6, margin=margin)
bought_again = (later_value > 0).astype(float)
new_per_year = int((orders[orders["amount"] >= 0].groupby("customer")["date"].min().dt.year == 2024).sum())
rows = []
for name, values in ((tr("gross profit, day 30 to month 6, RUB"), later_value),
                     (tr("bought again, day 30 to month 6 (share)"), bought_again)):
    for rise in (0.10, 0.20, 0.30):
        per_group = sample_size_per_group(sd=values.std(ddof=1), effect=rise * values.mean())
        rows.append({tr("metric"): name, tr("control mean"): values.mean(), tr("rise to detect"): rise,
                     tr("customers per group"): per_group, tr("years of new customers"): 2 * per_group / new_per_year})
print(tr("new customers in 2024: {count}", count=format_number(new_per_year)))
pd.DataFrame(rows).round({tr("control mean"): 3, tr("years of new customers"): 1})

# %% [markdown] key="16-at-the-school-s"
# At the school's size a 10% rise in value would take eight or nine years of new customers to show,
# and one year detects only a rise of about 30%; a 20% rise in the share who buy again shows within a
# year. So test a bold change rather than a small one, read the first check early, decide on the
# share who buy again and confirm on the value as the data grow; do not roll onboarding out on the
# correlation.
#
# - **Other decisions, priced.** Notebook 13 prices a retention offer by the renewals it adds;
#   notebook 10 prices a commission on repeat sales and measures a partner's added customers with a
#   holdout test.
# - **Further reading.** Fader & Hardie's papers behind notebooks 13-14 ("How to project customer
#   retention", 2007; "Customer-base valuation in a contractual setting", 2010; "Counting your
#   customers the easy way", 2005; "RFM and CLV", 2005) and their notes, which derive every
#   formula used here.
