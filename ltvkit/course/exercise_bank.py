"""The exercises of every notebook: id, how the right answer is computed, and the hint for a wrong one.

The answers are computed here from ltvkit's own formulas, the examples catalogue and the
course's data, so no figure is typed twice; :func:`ltvkit.course.exercises.check` reads them
and never prints them. Ids are ``ex-NN-k``, NN the notebook.

Example:
    >>> sorted(exercise_id for exercise_id, *_ in BANK)[:2]
    ['ex-00-1', 'ex-00-2']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ltvkit import formulas as f
from ltvkit.course.cases import advanced_baseline, online_service_margin_per_month
from ltvkit.examples import example
from ltvkit.i18n import N_

__all__ = ["BANK"]

_REREAD = N_("Reread the section the question is about.")  # a "why" question's hint when an option has none


def _ex(exercise_id: str, answer: Callable[[], float], hint: str,
        **settings: float) -> tuple[str, Callable[[], Any], str, dict[str, Any]]:
    return exercise_id, answer, hint, settings


def _why(exercise_id: str, right: str,
         *options: tuple[str, str, str]) -> tuple[str, Callable[[], Any], str, dict[str, Any]]:
    """A "why" question: the right option's letter and every option as (letter, text, hint if picked wrongly)."""
    keys = [key for key, _, _ in options]
    if right not in keys or len(set(keys)) != len(keys) or any(not hint for key, _, hint in options if key != right):
        raise ValueError(f"{exercise_id}: the right letter must be an option and every wrong option needs a hint")
    return exercise_id, lambda: right, _REREAD, {"options": options}


def _implied_margin() -> float:
    """E-historical-margin: the article's LTV over the sum of the purchases."""
    ex = example("E-historical-margin")
    return ex.figures["ltv"] / f.historical_ltv(ex.inputs["purchases"])


def _check_times_orders_gross_profit() -> float:
    orders = example("E-check-times-orders").inputs
    return f.frequency_ltv(
        orders["average_order_value"], orders["orders"], lifetime_periods=1, margin=_implied_margin()
    )


def _full_formula_double_counted() -> float:
    """E-full-formula with the margin applied as well as the cost of goods: the cost taken out twice."""
    full = example("E-full-formula").inputs
    gross = f.historical_ltv(full["purchases"], margin=example("E-courses").inputs["margin"])
    return gross - full["cost_of_goods"] - full["acquisition_cost"] - full["retention_cost"]


def _courses_net_ratio() -> float:
    courses = example("E-courses").inputs
    net = f.historical_ltv(courses["purchases"], margin=courses["margin"], acquisition_cost=courses["acquisition_cost"])
    return f.ltv_to_cac(net, courses["acquisition_cost"])


BANK: tuple[tuple[str, Callable[[], Any], str, dict[str, Any]], ...] = (
    # --- 00 start_here ---------------------------------------------------------------
    _ex("ex-00-1", lambda: f.arpu_ltv(arpu=300, lifetime=8),
        N_("LTV = ARPU x lifetime: multiply what a customer pays per month by the months they stay.")),
    _ex("ex-00-2", lambda: f.revenue_per_customer(revenue=1_200_000, customers=480),
        N_("Divide the year's revenue by the customers served that year.")),
    _why("ex-00-3", "b",
         ("a", N_("How many customers do we have?"),
          N_("The number of customers changes a total, not the value of one customer: an LTV is per customer.")),
         ("b", N_("In which currency, over what period, and is it revenue or profit?"), ""),
         ("c", N_("What does it cost us to win a customer?"),
          N_("CAC is how you judge an LTV (notebook 06), but first the figure itself must say what it measures; "
             "a number without its unit and period cannot be compared with anything."))),

    # --- 01 ltv_basics ---------------------------------------------------------------
    _ex("ex-01-1", lambda: f.arpu_ltv(arpu=250_000, lifetime=5 * 4),
        N_("Put both in the same period: 5 years are 20 quarters, or four quarters' payments make a year's ARPU.")),
    _ex("ex-01-2", lambda: f.revenue_per_customer(
            revenue=example("E-simple").inputs["revenue_per_year"],
            customers=example("E-simple").inputs["customers_per_year"] + 50),
        N_("Same revenue, 250 customers: revenue / customers.")),
    _ex("ex-01-3", lambda: f.arpu_ltv(arpu=example("E-manufacturing").inputs["arpu_per_year"] / 12,
                                       lifetime=example("E-manufacturing").inputs["lifetime_years"]),
        N_("Take the monthly ARPU (the yearly one over 12) and multiply it by the lifetime as it stands, in years, "
           "without turning the years into months."),
        tolerance=0.001),
    _why("ex-01-4", "c",
         ("a", N_("Because the two firms are in different industries."),
          N_("Industry matters, but two firms of the same industry would still not be comparable here: look at what "
             "each figure adds up, and over how long.")),
         ("b", N_("Because the manufacturer's figure is in thousands of roubles."),
          N_("Both figures are in roubles; the difference is in what they count, not in the unit.")),
         ("c", N_("Because they measure different things: one year of revenue per customer served against seven "
                  "years of revenue per client."), "")),

    # --- 02 historical_ltv -----------------------------------------------------------
    _ex("ex-02-1", lambda: example("E-historical-margin").figures["ltv"]
            / f.historical_ltv(example("E-historical-margin").inputs["purchases"]),
        N_("Divide the article's LTV by the sum of the purchases."), absolute=0.001),
    _ex("ex-02-2", lambda: f.historical_ltv(example("E-courses").inputs["purchases"],
                                             margin=example("E-courses").inputs["margin"],
                                             acquisition_cost=2500, retention_cost=700),
        N_("Gross profit is half of 18,000; then take away both the acquisition and the retention cost.")),
    _ex("ex-02-3", _courses_net_ratio,
        N_("Divide the figure the article calls the LTV by what it spent on advertising, "
           "then compare with the gross ratio shown above.")),
    _ex("ex-02-4", _check_times_orders_gross_profit,
        N_("Average check x number of orders gives revenue; multiply it by the margin you found in ex-02-1.")),
    _ex("ex-02-5", _full_formula_double_counted,
        N_("Start from the gross profit (revenue x margin), then subtract the cost of goods and the CAC anyway.")),
    _why("ex-02-6", "a",
         ("a", N_("Because the tool forgets a user after its window, and loyal customers have the most purchases "
                  "before the window."), ""),
         ("b", N_("Because an analytics tool records revenue with VAT taken out."),
          N_("VAT changes every customer's figure by the same share; the question is why the loyal ones lose most.")),
         ("c", N_("Because loyal customers buy more in shops than online."),
          N_("Perhaps, but the same would be true without any window. Think about what the tool keeps, and for how "
             "long."))),

    # --- 03 frequency_formula --------------------------------------------------------
    _ex("ex-03-1", lambda: f.frequency_ltv(
            example("E-advanced").inputs["average_order_value"], f.frequency_from_interval(0.25),
            example("E-advanced").inputs["lifetime_years"]),
        N_("A purchase every quarter is an interval of 0.25 years, so 1 / 0.25 purchases a year; "
           "then check x purchases a year x years.")),
    _ex("ex-03-2", lambda: f.frequency_ltv(
            example("E-monthly-frequency").inputs["average_order_value"],
            example("E-monthly-frequency").inputs["purchases_per_month"],
            example("E-monthly-frequency").inputs["lifetime_months"], margin=0.3),
        N_("Take the 78,400 RUB of revenue and keep only the 30% that is gross profit; 138 still plays no part.")),
    _ex("ex-03-3", lambda: (example("E-mr-a-mr-b").figures["a_value_per_year"]
                            + 99 * example("E-mr-a-mr-b").derived["b_value_per_year"]) / 100,
        N_("Add up one year of Mr A (40 x $700) and of 99 customers like Mr B (99 x 2 x $50), then divide by 100.")),
    _why("ex-03-4", "c",
         ("a", N_("Because the article forgot to divide the LTV by the 138 customers."),
          N_("Dividing a value per customer by the number of customers gives a figure per customer per customer, "
             "which means nothing; the count belongs to a total, not to a per-customer figure.")),
         ("b", N_("Because 138 is a yearly count and the formula runs in months."),
          N_("Turning the year into months would not make a count of people a factor of what one person spends.")),
         ("c", N_("Because the check, the purchases a month and the months are all per customer: how many customers "
                  "there are is not one of the factors."), "")),

    # --- 04 churn_and_lifetime -------------------------------------------------------
    _ex("ex-04-1", lambda: f.lifetime_from_churn(f.churn_rate(customers_lost=90, customers_at_start=1200)),
        N_("Churn is lost / paying at the start (90 / 1,200); the expected lifetime is 1 / churn, in months.")),
    _ex("ex-04-2", lambda: float(f.survival_curve(example("E-churn").inputs["churn_per_month"], 24)[-1]),
        N_("Each month 95% of those left stay: multiply 0.95 by itself 24 times "
           "(give a share such as 0.25, not a percentage)."),
        absolute=0.001),
    _ex("ex-04-3", lambda: f.break_even_price(example("E-churn-20").inputs["cac"], churn_rate=0.15, margin=0.4),
        N_("The customer now stays 1 / 0.15 periods, and only 40% of the price is gross profit: "
           "price x 0.4 x lifetime must reach the $60 CAC (break_even_price does CAC x churn / margin).")),
    _why("ex-04-4", "b",
         ("a", N_("Because customers of a high-churn business pay less each month."),
          N_("The price is the same 200 RUB in every row of the table; only the churn changes.")),
         ("b", N_("Because LTV is price / churn: one point is a fifth of a 5% churn but a twentieth of a 20% one, "
                  "and LTV moves with the share of churn removed."), ""),
         ("c", N_("Because customers leave along the article's straight line."),
          N_("The straight line is the article's picture, not what a constant churn does (see above); the table uses "
             "the expected lifetime 1 / churn."))),

    # --- 05 predictive_ltv -----------------------------------------------------------
    _ex("ex-05-1", lambda: example("E-online-service").inputs["users"] * f.frequency_ltv(
            example("E-online-service").inputs["monthly_payment"],
            example("E-online-service").inputs["payments_per_month"], 24, example("E-online-service").inputs["margin"]),
        N_("Per user: 500 x 1 x 0.7 x 24 months; then multiply by the 700 users.")),
    _ex("ex-05-2", lambda: 0.4 * example("E-retention-offer").derived["value_for_cohort"]
            / example("E-retention-offer").inputs["manager_last_months"],
        N_("Of the 700 users, 40% stay one more month at 350 RUB each; the manager works 2 months: "
           "the offer breaks even when those 2 months of the manager cost exactly that extra margin.")),
    _ex("ex-05-3", lambda: example("E-retention-offer").inputs["manager_last_months"] * 90_000
            / example("E-retention-offer").derived["value_for_cohort"],
        N_("The manager costs 2 x 90,000 RUB; one extra month of every user is worth 700 x 350 RUB. "
           "Answer as a share (0.25 for a quarter)."), absolute=0.001),
    _why("ex-05-4", "b",
         ("a", N_("Because the forecast of 18 months was an underestimate for everybody."),
          N_("The 18 months is the average of the whole group and stays right; the question is about the "
             "users who are left, not about the forecast.")),
         ("b", N_("Because with a constant churn the chance of leaving next month is the same at any tenure: "
                  "those still paying are like new users, and the ones who left early are no longer counted."), ""),
         ("c", N_("Because users who stay longer pay more each month."),
          N_("Every user pays the same 500 RUB a month here; nothing in the formula changes with tenure except who "
             "is still there."))),

    # --- 06 ltv_vs_cac ---------------------------------------------------------------
    _ex("ex-06-1", lambda: f.payback_periods(cac=2_100, margin_per_period=online_service_margin_per_month()),
        N_("Gross profit a month is the payment times the margin (500 x 0.7); divide the new CAC of 2,100 RUB by it.")),
    _ex("ex-06-2", lambda: example("E-online-service").figures["ltv_per_user"]
            / _ratio_threshold("ARTICLE_MINIMUM_RATIO"),
        N_("LTV / CAC >= 2 means CAC <= LTV / 2.")),
    _ex("ex-06-3", lambda: f.ltv_to_cac(ltv=f.frequency_ltv(example("E-mr-a-mr-b").inputs["b_average_order_value"],
                                                            example("E-mr-a-mr-b").inputs["b_purchases_per_year"],
                                                            3, margin=0.3),
                                        cac=example("E-best-client-cac").inputs["cac"]),
        N_("Gross LTV = $100 a year x 3 years x 0.3; divide it by the $60 CAC."), tolerance=0.01),
    _why("ex-06-4", "a",
         ("a", N_("Because customers who came on their own are counted too: they share the ad bill although the ads "
                  "did not bring them, so the ads look cheaper than they are."), ""),
         ("b", N_("Because the blended CAC leaves out the sales team's salaries."),
          N_("So does the paid CAC; leaving salaries out is what the fully loaded CAC corrects. Look at what each "
             "figure divides by.")),
         ("c", N_("Because organic customers have a higher LTV."),
          N_("Their LTV does not enter a CAC at all; a CAC is money spent over customers won."))),

    # --- 07 budget_planning ----------------------------------------------------------
    _ex("ex-07-1", lambda: _telecom_plan(vat_applied="added_on_top", costs_period="month").customers,
        N_("Costs for the year are 12 x 10 million; add the 3 million of profit, add 20% VAT on top (x 1.2), "
           "then divide by the LTV of 4,000.")),
    _ex("ex-07-2", lambda: _telecom_plan(cac=800).roi_percent,
        N_("ROI counts only what comes back beyond the cost: (LTV - CAC) / CAC x 100, not LTV / CAC x 100.")),
    _ex("ex-07-3", lambda: _telecom_plan(
            costs_period="month", vat_applied="added_on_top", advertising_counted_as_cost=True,
            customer_rounding="up", ltv_per_customer_per_year=550 * 12).customers,
        N_("Each customer now leaves 6,600 / 1.2 - 500 = 5,000 RUB towards costs and profit; "
           "divide 123 million by that and round up."), tolerance=0.0, absolute=0.5),
    _why("ex-07-4", "b",
         ("a", N_("Because ROI must be divided by 12 when the costs are monthly."),
          N_("ROI is a ratio of returns to costs; the period of the costs changes the number of customers, not the "
             "ratio of one customer's payment to their CAC.")),
         ("b", N_("Because both are revenue with VAT over CAC: they leave out the VAT, which is not the company's, and "
                  "every cost but the CAC; fully loaded, a customer leaves about 69 RUB."), ""),
         ("c", N_("Because 43,412 customers are too many for one company to win."),
          N_("Perhaps, but that is a question of the market, not of the ratio; look at what the ratio divides."))),

    # --- 08 levers_what_if -----------------------------------------------------------
    _ex("ex-08-1", lambda: (1.2 * 0.36 / example("E-historical-margin").derived["implied_margin"] - 1) * 100,
        N_("LTV is a product of its factors: multiply the check's change (x 1.2) by the margin's (0.36 / 0.40), "
           "subtract 1, times 100.")),
    _ex("ex-08-2", lambda: _lifetime_after(0.90, 0.05, "relative"),
        N_("A rise of 5% of 90% is 4.5 points, so retention becomes 94.5% a month; lifetime = 1 / (1 - retention).")),
    _ex("ex-08-3", lambda: _baseline_ltv_with_churn_times(0.75),
        N_("Churn of 1/3 a year falls by a quarter to 0.25, so the lifetime is 1 / 0.25 years; "
           "LTV = 2,000 x 2 x lifetime x 0.4.")),
    _why("ex-08-4", "c",
         ("a", N_("Because 55% and 29% are too close to tell apart."),
          N_("The gap is wide; the question is not whether the two groups differ but what makes them differ.")),
         ("b", N_("Because customer service is not one of the levers of LTV."),
          N_("It may well be (it can lengthen the lifetime); the survey simply cannot tell, whatever the lever.")),
         ("c", N_("Because growth can pay for the service as easily as the service causes growth, and firms that "
                  "invested and still shrank or closed are not among the growing ones."), "")),

    # --- 13 retention_heterogeneity --------------------------------------------------
    _ex("ex-13-1", lambda: _sbg_published_retention("sbg-regular", renewals_made=3),
        N_("A customer who has renewed n times has churn beta(alpha, beta + n): the next retention rate is "
           "(beta + n) / (alpha + beta + n).")),
    _ex("ex-13-2", lambda: 100 * _sbg_published_derl("sbg-high-end", discount_rate=0.10, renewals=3),
        N_("DERL counts payments: use sbg_derl with the High End alpha and beta, d = 0.10 and the renewals already "
           "made (3), then multiply by the $100 margin a payment brings.")),
    _ex("ex-13-3", lambda: _sbg_published_survival("sbg-high-end", 20),
        N_("S(t) = B(alpha, beta + t) / B(alpha, beta); sbg_survival(alpha, beta, 20) returns S(0) .. S(20): "
           "take the last value, a share such as 0.25.")),
    _ex("ex-13-4", lambda: _sbg_published_offer("sbg-high-end", renewals=3, cost_per_customer=15).break_even_lift,
        N_("The offer pays when the renewals it adds, each worth a saved leaver's value x $100, cover its $15: "
           "lift = 15 / (100 x value_of_a_saved_leaver(0.668, 3.806, 0.10, 3)). Not DERL, and not DERL / P(renew).")),
    _why("ex-13-5", "a",
         ("a", N_("Being about to leave is evidence of a high churn probability, and the offer keeps the customer "
                  "for one renewal without changing it."), ""),
         ("b", N_("The offer's cost is taken off the kept customer's value."),
          N_("The values here are payments before any cost of the offer; the difference is in how long each kind "
             "of customer is expected to stay afterwards.")),
         ("c", N_("A kept customer's later payments are discounted more heavily."),
          N_("Both are discounted at the same rate from the same renewal on; what differs is the chance of being "
             "there for each payment."))),

    # --- 14 probabilistic_clv --------------------------------------------------------
    _ex("ex-14-1", lambda: _cdnow_customer("probability_alive"),
        N_("Build the customer with RFMSummary.create(frequency=[5], recency=[20], T=[39], time_unit='weeks') and "
           "ask published_purchases.probability_alive; a share between 0 and 1.")),
    _ex("ex-14-2", lambda: _cdnow_customer("spend"),
        N_("Gamma-Gamma: p (gamma + x zbar) / (p x + q - 1) with x = 3 and zbar = $50, a weighted average of "
           "the $35.22 everybody spends and the customer's own $50.")),
    _ex("ex-14-3", lambda: _bgnbd_alpha_in("months"),
        N_("Only alpha carries the time unit: published_purchases.in_unit('months').alpha, or 4.414 weeks x 7 days "
           "/ 30.4375 days a month.")),

    # --- 15 choosing and trusting a model ------------------------------------------------
    _ex("ex-15-1", lambda: _mbgnbd_silent_customer(),
        N_("MBGNBDFit with the published mbgnbd-cdnow values, a customer with frequency 0, recency 0 and T = 30 "
           "weeks, and its probability_alive; BG/NBD would say 1.")),
    _ex("ex-15-2", lambda: _bgbb_loyal_donor(),
        N_("BGBBFit with the published bgbb-donations values and conditional_expected_purchases([6], [6], [6], 5): "
           "a donor who gave in all six years, over the next five.")),
)


# --- helpers of the answers of notebooks 06-08 ----------------------------------------


def _telecom_plan(**changes: Any) -> Any:
    """E-telecom-budget planned with the article's first-pass assumptions, some of them changed."""
    from ltvkit.planning import budget_plan

    inputs = example("E-telecom-budget").inputs
    assumptions = {
        "costs": inputs["costs"], "costs_period": "year", "target_profit": inputs["target_profit"],
        "vat_rate": inputs["vat_rate"], "vat_applied": "taken_out_of_turnover", "costs_grossed_up_for_vat": False,
        "ltv_per_customer_per_year": inputs["ltv_per_customer_per_year"], "ltv_includes_vat": True,
        "cac": inputs["cac"], "new_customer_share": 1.0, "advertising_counted_as_cost": False,
        "customer_rounding": "none",
    }
    return budget_plan(**(assumptions | changes))


def _baseline_ltv_with_churn_times(factor: float) -> float:
    """The levers' baseline (E-advanced with a 40% margin) with its churn multiplied by ``factor``."""
    base = advanced_baseline()
    lifetime = f.lifetime_from_churn(base.churn_rate * factor)
    return f.frequency_ltv(base.average_order_value, base.purchases_per_period, lifetime, base.margin)


def _ratio_threshold(name: str) -> float:
    from ltvkit import ltv_cac

    return getattr(ltv_cac, name)


def _lifetime_after(retention: float, change: float, mode: str) -> float:
    from ltvkit.levers import retention_lift

    return retention_lift(retention, change, mode).lifetime_after


# --- helpers of exercises 12-13 (the probabilistic models; scipy is imported only when checked) ---


def _sbg_published_retention(figures_id: str, *, renewals_made: int) -> float:
    from ltvkit.models.published import published
    from ltvkit.models.sbg import sbg_retention_rates

    values = published(figures_id).values
    return float(sbg_retention_rates(values["alpha"], values["beta"], renewals_made + 1)[-1])


def _sbg_published_survival(figures_id: str, year: int) -> float:
    from ltvkit.models.published import published
    from ltvkit.models.sbg import sbg_survival

    values = published(figures_id).values
    return float(sbg_survival(values["alpha"], values["beta"], year)[-1])


def _sbg_published_derl(figures_id: str, *, discount_rate: float, renewals: int) -> float:
    from ltvkit.models.published import published
    from ltvkit.models.sbg import sbg_derl

    values = published(figures_id).values
    return sbg_derl(values["alpha"], values["beta"], discount_rate, renewals)


def _sbg_published_offer(figures_id: str, *, renewals: int, cost_per_customer: float) -> Any:
    from ltvkit.models.published import published
    from ltvkit.models.retention_value import retention_offer_value

    values = published(figures_id).values
    return retention_offer_value(values["alpha"], values["beta"], 0.10, renewals, renewal_lift=0.0, margin=100,
                                 cost_per_customer=cost_per_customer)


def _cdnow_customer(what: str) -> float:
    from ltvkit.models.published import published_cdnow_models
    from ltvkit.models.rfm import RFMSummary

    purchases, spend = published_cdnow_models()
    if what == "probability_alive":
        customer = RFMSummary.create(frequency=[5], recency=[20], T=[39], time_unit="weeks")
        return float(purchases.probability_alive(customer)[0])
    customer = RFMSummary.create(frequency=[3], recency=[20], T=[39], time_unit="weeks", monetary=[50.0])
    return float(spend.conditional_expected_spend(customer)[0])


def _mbgnbd_silent_customer() -> float:
    from ltvkit.models.mbgnbd import MBGNBDFit
    from ltvkit.models.published import published
    from ltvkit.models.rfm import RFMSummary

    values = published("mbgnbd-cdnow").values
    model = MBGNBDFit(**{name: values[name] for name in ("r", "alpha", "a", "b")}, time_unit="weeks")
    silent = RFMSummary.create(frequency=[0], recency=[0], T=[30], time_unit="weeks")
    return float(model.probability_alive(silent)[0])


def _bgbb_loyal_donor() -> float:
    from ltvkit.models.bgbb import BGBBFit
    from ltvkit.models.published import published

    values = published("bgbb-donations").values
    model = BGBBFit(**{name: values[name] for name in ("alpha", "beta", "gamma", "delta")})
    return float(model.conditional_expected_purchases([6], [6], [6], 5)[0])


def _bgnbd_alpha_in(unit: str) -> float:
    from ltvkit.models.published import published_cdnow_models

    return published_cdnow_models()[0].in_unit(unit).alpha
