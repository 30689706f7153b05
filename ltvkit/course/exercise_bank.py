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

__all__ = ["BANK"]


def _ex(exercise_id: str, answer: Callable[[], float], hint: str,
        **options: float) -> tuple[str, Callable[[], float], str, dict[str, float]]:
    return exercise_id, answer, hint, options


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


def _school() -> Any:
    """The school's data helpers, imported on first use so ``import ltvkit`` stays free of pandas."""
    from ltvkit.course import school

    return school


def _school_in_duckdb(question: str) -> float:
    """Notebook 12's answers, computed by ltvkit.warehouse on the school's orders in an embedded DuckDB."""
    from ltvkit import warehouse as wh

    orders = wh.load_orders(wh.connect(), _school().school_orders(), "school_orders")
    if question == "monthly triples":
        return float(wh.rfm_triples(wh.customer_summary(orders, period="M")).count().execute())
    channels = wh.collect(wh.channel_ltv(orders, margin=0.6, by=("channel",)))
    return float(channels.loc["Партнёрская программа", "ltv"])


def _top_share(values: Any, share: float) -> float:
    from ltvkit.orders.summary import top_share

    return top_share(values, share)


BANK: tuple[tuple[str, Callable[[], float], str, dict[str, float]], ...] = (
    # --- 00 start_here ---------------------------------------------------------------
    _ex("ex-00-1", lambda: f.arpu_ltv(arpu=300, lifetime=8),
        "LTV = ARPU x lifetime: multiply what a customer pays per month by the months they stay."),
    _ex("ex-00-2", lambda: f.revenue_per_customer(revenue=1_200_000, customers=480),
        "Divide the year's revenue by the customers served that year."),

    # --- 01 ltv_basics ---------------------------------------------------------------
    _ex("ex-01-1", lambda: f.arpu_ltv(arpu=250_000, lifetime=5 * 4),
        "Put both in the same period: 5 years are 20 quarters, or four quarters' payments make a year's ARPU."),
    _ex("ex-01-2", lambda: f.revenue_per_customer(
            revenue=example("E-simple").inputs["revenue_per_year"],
            customers=example("E-simple").inputs["customers_per_year"] + 50),
        "Same revenue, 250 customers: revenue / customers."),
    _ex("ex-01-3", lambda: f.arpu_ltv(arpu=example("E-manufacturing").inputs["arpu_per_year"] / 12,
                                       lifetime=example("E-manufacturing").inputs["lifetime_years"]),
        "Take the monthly ARPU (the yearly one over 12) and multiply it by the lifetime as it stands, in years, "
        "without turning the years into months.",
        tolerance=0.001),

    # --- 02 historical_ltv -----------------------------------------------------------
    _ex("ex-02-1", lambda: example("E-historical-margin").figures["ltv"]
            / f.historical_ltv(example("E-historical-margin").inputs["purchases"]),
        "Divide the article's LTV by the sum of the purchases.", absolute=0.001),
    _ex("ex-02-2", lambda: f.historical_ltv(example("E-courses").inputs["purchases"],
                                             margin=example("E-courses").inputs["margin"],
                                             acquisition_cost=2500, retention_cost=700),
        "Gross profit is half of 18,000; then take away both the acquisition and the retention cost."),
    _ex("ex-02-3", _courses_net_ratio,
        "Divide the figure the article calls the LTV by what it spent on advertising, "
        "then compare with the gross ratio shown above."),
    _ex("ex-02-4", _check_times_orders_gross_profit,
        "Average check x number of orders gives revenue; multiply it by the margin you found in ex-02-1."),
    _ex("ex-02-5", _full_formula_double_counted,
        "Start from the gross profit (revenue x margin), then subtract the cost of goods and the CAC anyway."),

    # --- 03 frequency_formula --------------------------------------------------------
    _ex("ex-03-1", lambda: f.frequency_ltv(
            example("E-advanced").inputs["average_order_value"], f.frequency_from_interval(0.25),
            example("E-advanced").inputs["lifetime_years"]),
        "A purchase every quarter is an interval of 0.25 years, so 1 / 0.25 purchases a year; "
        "then check x purchases a year x years."),
    _ex("ex-03-2", lambda: f.frequency_ltv(
            example("E-monthly-frequency").inputs["average_order_value"],
            example("E-monthly-frequency").inputs["purchases_per_month"],
            example("E-monthly-frequency").inputs["lifetime_months"], margin=0.3),
        "Take the 78,400 RUB of revenue and keep only the 30% that is gross profit; 138 still plays no part."),
    _ex("ex-03-3", lambda: (example("E-mr-a-mr-b").figures["a_value_per_year"]
                            + 99 * example("E-mr-a-mr-b").derived["b_value_per_year"]) / 100,
        "Add up one year of Mr A (40 x $700) and of 99 customers like Mr B (99 x 2 x $50), then divide by 100."),

    # --- 04 churn_and_lifetime -------------------------------------------------------
    _ex("ex-04-1", lambda: f.lifetime_from_churn(f.churn_rate(customers_lost=90, customers_at_start=1200)),
        "Churn is lost / paying at the start (90 / 1,200); the expected lifetime is 1 / churn, in months."),
    _ex("ex-04-2", lambda: float(f.survival_curve(example("E-churn").inputs["churn_per_month"], 24)[-1]),
        "Each month 95% of those left stay: multiply 0.95 by itself 24 times "
        "(give a share such as 0.25, not a percentage).",
        absolute=0.001),
    _ex("ex-04-3", lambda: f.break_even_price(example("E-churn-20").inputs["cac"], churn_rate=0.15, margin=0.4),
        "The customer now stays 1 / 0.15 periods, and only 40% of the price is gross profit: "
        "price x 0.4 x lifetime must reach the $60 CAC (break_even_price does CAC x churn / margin)."),

    # --- 05 predictive_ltv -----------------------------------------------------------
    _ex("ex-05-1", lambda: example("E-online-service").inputs["users"] * f.frequency_ltv(
            example("E-online-service").inputs["monthly_payment"],
            example("E-online-service").inputs["payments_per_month"], 24, example("E-online-service").inputs["margin"]),
        "Per user: 500 x 1 x 0.7 x 24 months; then multiply by the 700 users."),
    _ex("ex-05-2", lambda: 0.4 * example("E-retention-offer").derived["value_for_cohort"]
            / example("E-retention-offer").inputs["manager_last_months"],
        "Of the 700 users, 40% stay one more month at 350 RUB each; the manager works 2 months: "
        "the offer breaks even when those 2 months of the manager cost exactly that extra margin."),
    _ex("ex-05-3", lambda: example("E-retention-offer").inputs["manager_last_months"] * 90_000
            / example("E-retention-offer").derived["value_for_cohort"],
        "The manager costs 2 x 90,000 RUB; one extra month of every user is worth 700 x 350 RUB. "
        "Answer as a share (0.25 for a quarter).", absolute=0.001),

    # --- 06 ltv_vs_cac ---------------------------------------------------------------
    _ex("ex-06-1", lambda: f.payback_periods(cac=2_100, margin_per_period=online_service_margin_per_month()),
        "Gross profit a month is the payment times the margin (500 x 0.7); divide the new CAC of 2,100 RUB by it."),
    _ex("ex-06-2", lambda: example("E-online-service").figures["ltv_per_user"]
            / _ratio_threshold("ARTICLE_MINIMUM_RATIO"),
        "LTV / CAC >= 2 means CAC <= LTV / 2."),
    _ex("ex-06-3", lambda: f.ltv_to_cac(ltv=f.frequency_ltv(example("E-mr-a-mr-b").inputs["b_average_order_value"],
                                                            example("E-mr-a-mr-b").inputs["b_purchases_per_year"],
                                                            3, margin=0.3),
                                        cac=example("E-best-client-cac").inputs["cac"]),
        "Gross LTV = $100 a year x 3 years x 0.3; divide it by the $60 CAC.", tolerance=0.01),

    # --- 07 budget_planning ----------------------------------------------------------
    _ex("ex-07-1", lambda: _telecom_plan(vat_applied="added_on_top", costs_period="month").customers,
        "Costs for the year are 12 x 10 million; add the 3 million of profit, add 20% VAT on top (x 1.2), "
        "then divide by the LTV of 4,000."),
    _ex("ex-07-2", lambda: _telecom_plan(cac=800).roi_percent,
        "ROI counts only what comes back beyond the cost: (LTV - CAC) / CAC x 100, not LTV / CAC x 100."),
    _ex("ex-07-3", lambda: _telecom_plan(
            costs_period="month", vat_applied="added_on_top", advertising_counted_as_cost=True,
            customer_rounding="up", ltv_per_customer_per_year=550 * 12).customers,
        "Each customer now leaves 6,600 / 1.2 - 500 = 5,000 RUB towards costs and profit; "
        "divide 123 million by that and round up.", tolerance=0.0, absolute=0.5),

    # --- 08 levers_what_if -----------------------------------------------------------
    _ex("ex-08-1", lambda: (1.2 * 0.36 / example("E-historical-margin").derived["implied_margin"] - 1) * 100,
        "LTV is a product of its factors: multiply the check's change (x 1.2) by the margin's (0.36 / 0.40), "
        "subtract 1, times 100."),
    _ex("ex-08-2", lambda: _lifetime_after(0.90, 0.05, "relative"),
        "A rise of 5% of 90% is 4.5 points, so retention becomes 94.5% a month; lifetime = 1 / (1 - retention)."),
    _ex("ex-08-3", lambda: _baseline_ltv_with_churn_times(0.75),
        "Churn of 1/3 a year falls by a quarter to 0.25, so the lifetime is 1 / 0.25 years; "
        "LTV = 2,000 x 2 x lifetime x 0.4."),

    # --- 09 ltv_from_transactions ----------------------------------------------------
    _ex("ex-09-1", lambda: _school().school_summary()["revenue"].median(),
        "Use customer_summary(orders): one row per customer; take the median of its revenue column "
        "(or undo the margin: the median historical LTV above divided by 0.6)."),
    _ex("ex-09-2", lambda: _top_share(_school().school_summary()["revenue"], 0.20),
        "Sort customers by revenue, best first; add up the first 20% of them and divide by all revenue "
        "(top_share(summary['revenue'], 0.20) does it). The '80/20 rule' would say 0.8."),
    _ex("ex-09-3", lambda: _top_share(_school().cdnow_summary()["revenue"], 0.10),
        "Summarise the CDNOW orders with customer_summary (no observation_end), then apply top_share to its "
        "revenue column with 0.10, as for the school."),

    # --- 10 partners_and_channels ----------------------------------------------------
    _ex("ex-10-1", lambda: _school().school_partner_value(
            "kursy_agregator", "ltv_to_cac", margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12),
        "Read ltv_to_cac in the course aggregator's row of the design table (design = partner_economics(base, "
        "margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12)). Repeat commissions are not in "
        "CAC, so only the lower first-sale commission moves the ratio.",
        tolerance=0.01),
    _ex("ex-10-2", lambda: _school().school_partner_value(
            "tg_data_digest", "net_ltv", margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24),
        "Run partner_economics(base, margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24) and read "
        "net_ltv in the Telegram channel's row, in RUB; it should be below the 12-month design's figure."),

    # --- 11 engagement_and_ltv -------------------------------------------------------
    _ex("ex-11-1", lambda: _school().engagement_spearman("sessions_30d", device="Компьютер"),
        "Keep the desktop customers, frame[frame['device'] == 'Компьютер'], and compute the rank (Spearman) "
        "correlation of their sessions_30d with their ltv_12m: correlate the ranks, as metric_table does.",
        tolerance=0.0, absolute=0.01),
    _ex("ex-11-2", lambda: _school().true_minutes_effect(1.5),
        "Simulate the school twice, SchoolTruth() and SchoolTruth(minutes_lift=1.5), and compare the mean "
        "revenue per customer (orders' amount summed over customers), in RUB.", tolerance=0.01),

    # --- 12 ltv_where_data_lives -----------------------------------------------------
    _ex("ex-12-1", lambda: _school_in_duckdb("monthly triples"),
        "Summarise in calendar months, customer_summary(orders, period='M'), reduce it with rfm_triples and count "
        "the rows in the database with .count().execute(): fewer than the weekly triples, since months are coarser."),
    _ex("ex-12-2", lambda: _school_in_duckdb("affiliates ltv"),
        "Group by channel only: collect(channel_ltv(orders, margin=0.6, by=('channel',))) and read ltv in the row "
        "of the affiliate programme (Партнёрская программа), in RUB per customer: all its partners together."),

    # --- 13 retention_heterogeneity --------------------------------------------------
    _ex("ex-13-1", lambda: _sbg_published_retention("sbg-regular", renewals_made=3),
        "A customer who has renewed n times has churn beta(alpha, beta + n): the next retention rate is "
        "(beta + n) / (alpha + beta + n)."),
    _ex("ex-13-2", lambda: 100 * _sbg_published_derl("sbg-high-end", discount_rate=0.10, renewals=3),
        "DERL counts payments: use sbg_derl with the High End alpha and beta, d = 0.10 and the renewals already "
        "made (3), then multiply by the $100 margin a payment brings."),
    _ex("ex-13-3", lambda: _sbg_published_survival("sbg-high-end", 20),
        "S(t) = B(alpha, beta + t) / B(alpha, beta); sbg_survival(alpha, beta, 20) returns S(0) .. S(20): "
        "take the last value, a share such as 0.25."),

    # --- 13 probabilistic_clv --------------------------------------------------------
    _ex("ex-14-1", lambda: _cdnow_customer("probability_alive"),
        "Build the customer with RFMSummary.create(frequency=[5], recency=[20], T=[39], time_unit='weeks') and "
        "ask published_purchases.probability_alive; a share between 0 and 1."),
    _ex("ex-14-2", lambda: _cdnow_customer("spend"),
        "Gamma-Gamma: p (gamma + x zbar) / (p x + q - 1) with x = 3 and zbar = $50, a weighted average of "
        "the $35.22 everybody spends and the customer's own $50."),
    _ex("ex-14-3", lambda: _bgnbd_alpha_in("months"),
        "Only alpha carries the time unit: published_purchases.in_unit('months').alpha, or 4.414 weeks x 7 days "
        "/ 30.4375 days a month."),

    # --- 14 capstone -----------------------------------------------------------------
    _ex("ex-16-1", lambda: _school().school_orders()["amount"].sum(),
        "Read the export with on_bad_rows=\"skip\" and add up the amount column: purchases minus refunds, in RUB."),
    _ex("ex-16-2", lambda: f.arpu_ltv(_capstone().school_year_over_year().arpu,
                                       _capstone().school_year_over_year().lifetime_years) * _capstone().CASE.margin,
        "Take 2024's revenue per buyer (ARPU a year), times the lifetime in years (1 / the share of 2023's buyers "
        "who did not buy in 2024), times the 60% margin."),
    _ex("ex-16-3", lambda: _capstone().school_new_customer_value(),
        "Fit BG/NBD and Gamma-Gamma to all customers' purchase histories, then value a customer with no repeat "
        "purchase and age zero over months(36): the mean first purchase plus the discounted repeats, times the "
        "margin, less refunds."),
    _ex("ex-16-4", lambda: float(_capstone().school_acquisition_table().loc["Контекстная реклама", "ltv_to_cac"]),
        "Divide paid search's 36-month model LTV by its CAC from the cost sheet (ad budget over its customers); "
        "answer as a number, 4.5 for 4.5:1.", tolerance=0.01),
    _ex("ex-16-5", lambda: float(_capstone().school_acquisition_table().loc["Контекстная реклама", "headroom"]),
        "Paid search stays at 3:1 while its next customer's CAC is at most a third of its LTV: divide that third by "
        "today's ad spend per customer (the channel pays no commission).", tolerance=0.01),
    _ex("ex-16-6", lambda: _reallocate(
            _capstone().school_acquisition_table(cac_multiplier=_capstone().CASE.cac_multiplier),
            source_from="Контекстная реклама", source_to="tg_data_digest", amount=1_000_000).profit_change,
        "Customers lost = 1,000,000 / paid search's next-customer CAC, customers gained = 1,000,000 / the Telegram "
        "channel's; value each at its source's LTV and subtract.", tolerance=0.01),
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


def _cdnow_customer(what: str) -> float:
    from ltvkit.models.published import published_cdnow_models
    from ltvkit.models.rfm import RFMSummary

    purchases, spend = published_cdnow_models()
    if what == "probability_alive":
        customer = RFMSummary.create(frequency=[5], recency=[20], T=[39], time_unit="weeks")
        return float(purchases.probability_alive(customer)[0])
    customer = RFMSummary.create(frequency=[3], recency=[20], T=[39], time_unit="weeks", monetary=[50.0])
    return float(spend.conditional_expected_spend(customer)[0])


def _bgnbd_alpha_in(unit: str) -> float:
    from ltvkit.models.published import published_cdnow_models

    return published_cdnow_models()[0].in_unit(unit).alpha


# --- helpers of the exercises of notebook 16 (the capstone) ---------------------------


def _capstone() -> Any:
    """ltvkit.course.capstone, imported on first use (it loads pandas and fits the models when asked)."""
    from ltvkit.course import capstone

    return capstone


def _reallocate(table: Any, **arguments: Any) -> Any:
    from ltvkit.acquisition import reallocate

    return reallocate(table, **arguments)
