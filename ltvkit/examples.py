"""The catalogue of the source articles' worked examples: each figure is written here once.

Each :class:`Example` names its source article, the notebook that teaches it, the inputs
as the article states them, the figures the article prints (``figures``) and, where the
workbook adds or corrects something, the workbook's own figures (``derived``). Notebooks
and tests read figures from here; nothing else types them.

Example:
    >>> ex = example("E-fitness")
    >>> ex.inputs["monthly_price"], ex.figures["ltv"], ex.currency
    (500, 3000, 'RUB')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import N_, _, get_language

__all__ = ["EXAMPLES", "SOURCES", "Example", "Source", "agrees", "example", "examples_for"]


@dataclass(frozen=True)
class Source:
    """One source article: its file in ``sources/``, title as published, English title, language.

    ``has_title`` is False for an article whose copy carries no title: it is then cited by a
    description, without quotation marks. ``english_title`` is marked for the catalogue: the
    citation gives the title's rendering in the reader's language (none when the article is in it).
    """

    file: str
    title: str
    english_title: str
    language: str
    has_title: bool = True

    @property
    def citation(self) -> str:
        """How a notebook cites the article: original title with its rendering in the reader's language.

        Example:
            >>> SOURCES["002"].citation
            'an agency article on LTV for manufacturing companies (untitled in our copy)'
            >>> print(SOURCES["000"].citation)
            “Увеличение LTV партнеров: проверенные стратегии” (Raising partners' LTV: proven strategies)
        """
        if not self.has_title:
            return _(self.english_title)
        if self.title == self.english_title:
            return f"“{self.title}”"
        opening, closing = ("«", "»") if get_language() == "ru" else ("“", "”")
        quoted = f"{opening}{self.title}{closing}"
        return quoted if self.language == get_language() else f"{quoted} ({_(self.english_title)})"


SOURCES: Mapping[str, Source] = MappingProxyType(
    {
        "000": Source(
            "000_3a9df440ebe55289.txt",
            "Увеличение LTV партнеров: проверенные стратегии",
            N_("Raising partners' LTV: proven strategies"),
            "ru",
        ),
        "001": Source(
            "001_f89858f71e888014.txt",
            "Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса",
            N_("How to calculate LTV and use it to make a business more effective"),
            "ru",
        ),
        "002": Source(  # our copy carries no title: cited by what it is
            "002_bacc935fa1b18154.txt",
            "an agency article on LTV for manufacturing companies (untitled in our copy)",
            N_("an agency article on LTV for manufacturing companies (untitled in our copy)"),
            "ru",
            has_title=False,
        ),
        "003": Source(
            "003_58347e4af3e73c85.txt",
            "联盟营销中客户终身价值的衡量与提升",
            N_("Measuring and raising CLTV in affiliate marketing"),
            "zh",
        ),
        "004": Source(
            "004_452c235bf0f977d7.txt",
            "Анализ влияния метрик вовлеченности на жизненную ценность клиента (LTV)",
            N_("How engagement metrics affect customer lifetime value (LTV)"),
            "ru",
        ),
    }
)


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Example:
    """A worked example: where it comes from, what goes in, and the figures that come out.

    ``figures`` are printed by the article; ``derived`` are the workbook's own figures for
    the same example (a correction, a missing step, an alternative reading). ``english_summary``
    is the one-line description in English; :attr:`summary` gives it in the reader's language.
    """

    id: str
    source: str
    notebook: str
    english_summary: str
    currency: str | None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    figures: Mapping[str, Any] = field(default_factory=dict)
    derived: Mapping[str, Any] = field(default_factory=dict)

    @property
    def article(self) -> Source:
        """The source article of this example."""
        return SOURCES[self.source]

    @property
    def summary(self) -> str:
        """The example in one line, in the reader's language.

        Example:
            >>> example("E-simple").summary
            "Simplest formula: a year's income over the customers served that year."
        """
        return _(self.english_summary)


def _example(
    id: str,
    source: str,
    notebook: str,
    summary: str,
    currency: str | None,
    inputs: Mapping[str, Any] | None = None,
    figures: Mapping[str, Any] | None = None,
    derived: Mapping[str, Any] | None = None,
) -> Example:
    return Example(id, source, notebook, summary, currency, _frozen(inputs), _frozen(figures), _frozen(derived))


_CATALOGUE = (
    # --- 01 ltv_basics -------------------------------------------------------------
    _example(
        "E-simple", "001", "01_ltv_basics",
        N_("Simplest formula: a year's income over the customers served that year."),
        "RUB",
        inputs={"revenue_per_year": 5_000_000, "customers_per_year": 200},
        figures={"revenue_per_customer": 25_000},
    ),
    _example(
        "E-manufacturing", "002", "01_ltv_basics",
        N_("A manufacturer's LTV as ARPU x lifetime: 1,000,000 a year for 7 years."),
        "RUB",
        inputs={"arpu_per_year": 1_000_000, "lifetime_years": 7},
        figures={"ltv": 7_000_000},
        derived={"present_value_millions_at_10_percent": 5.36},
    ),
    # --- 02 historical_ltv -----------------------------------------------------------
    _example(
        "E-courses", "001", "02_historical_ltv",
        N_("Online courses: one customer buys three times; half of revenue is profit; 1,000 spent to win them."),
        "RUB",
        inputs={"purchases": (6000, 4000, 8000), "margin": 0.5, "acquisition_cost": 1000, "retention_cost": 0},
        figures={"revenue": 18_000, "gross_profit": 9_000, "ltv_net_of_acquisition": 8_000},
        derived={"gross_ltv": 9_000, "ltv_to_cac": 9.0},
    ),
    _example(
        "E-historical-sum", "001", "02_historical_ltv",
        N_("Historical LTV as the sum of one customer's purchases."),
        "RUB",
        inputs={"purchases": (1800, 3400, 6000)},
        figures={"ltv": 11_200},
    ),
    _example(
        "E-historical-margin", "001", "02_historical_ltv",
        N_("Historical LTV times an average gross margin the article does not state."),
        "RUB",
        inputs={"purchases": (1800, 3400, 6000)},
        figures={"ltv": 4_480},
        derived={"implied_margin": 0.40},
    ),
    _example(
        "E-check-times-orders", "001", "02_historical_ltv",
        N_("Average check times the number of a customer's orders."),
        "RUB",
        inputs={"average_order_value": 1500, "orders": 17},
        figures={"ltv": 25_500},
    ),
    _example(
        "E-three-orders", "001", "02_historical_ltv",
        N_("A year of orders in dollars: three orders of $600."),
        "USD",
        inputs={"orders": 3, "average_order_value": 600},
        figures={"ltv": 1_800},
    ),
    _example(
        "E-analytics-window", "001", "02_historical_ltv",
        N_("Where to keep the history: web analytics keeps a user id 540 days and a cookie 2 years; a CRM keeps all."),
        None,
        figures={"user_id_days": 540, "cookie_years": 2},
    ),
    _example(
        "E-full-formula", "001", "02_historical_ltv",
        N_("The most exact historical formula: purchases less acquisition, retention and cost of goods "
           "(the article gives no figures; the workbook builds it from E-courses)."),
        "RUB",
        inputs={"purchases": (6000, 4000, 8000), "cost_of_goods": 9000, "acquisition_cost": 1000, "retention_cost": 0},
        derived={"ltv": 8_000},
    ),
    # --- 03 frequency_formula --------------------------------------------------------
    _example(
        "E-advanced", "001", "03_frequency_formula",
        N_("LTV = AOV x RPR x lifetime: 2,000 a check, a repeat purchase every half year, 3 years."),
        "RUB",
        inputs={"average_order_value": 2000, "purchase_interval_years": 0.5, "purchases_per_year": 2,
                "lifetime_years": 3},
        figures={"ltv": 12_000},
        derived={"wrong_purchases_per_year": 0.5, "wrong_reading_ltv": 3_000},
    ),
    _example(
        "E-cltv-formula", "003", "03_frequency_formula",
        N_("CLTV = APV x PF x CL in the Chinese article's terms, with E-advanced's numbers."),
        "RUB",
        inputs={"apv": 2000, "pf": 2, "cl": 3},
        derived={"cltv": 12_000},
    ),
    _example(
        "E-monthly-frequency", "001", "03_frequency_formula",
        N_("Average check x purchases a month x months; 138 customers a year is a distractor."),
        "RUB",
        inputs={"customers_per_year": 138, "purchases_per_month": 2, "lifetime_months": 7, "average_order_value": 5600},
        figures={"ltv": 78_400},
    ),
    _example(
        "E-mr-a-mr-b", "001", "03_frequency_formula",
        N_("Two very different customers: A buys 40 times a year at $700, B twice a year at $50."),
        "USD",
        inputs={
            "a_purchases_per_year": 40,
            "a_average_order_value": 700,
            "b_purchases_per_year": 2,
            "b_average_order_value": 50,
        },
        figures={"a_value_per_year": 28_000, "best_clients_extra_per_order": 200},
        derived={"b_value_per_year": 100, "a_to_b_ratio": 280, "average_of_the_two_per_year": 14_050},
    ),
    # --- 04 churn_and_lifetime -------------------------------------------------------
    _example(
        "E-fitness", "001", "04_churn_and_lifetime",
        N_("Fitness club: LTV = ARPU x lifetime, 500 a month bought for 6 months on average."),
        "RUB",
        inputs={"monthly_price": 500, "lifetime_months": 6},
        figures={"ltv": 3_000},
    ),
    _example(
        "E-churn", "001", "04_churn_and_lifetime",
        N_("Monthly software with 5% churn: lifetime 1 / 0.05 = 20 months at 200 a month."),
        "RUB",
        inputs={"churn_per_month": 0.05, "monthly_price": 200},
        figures={"lifetime_months": 20, "ltv": 4_000},
        derived={
            "share_paying_after_20_months": 0.358,
            "share_paying_after_60_months": 0.046,
            "median_lifetime_months": 13.5,
            "straight_line_expected_months": 10.5,
        },
    ),
    _example(
        "E-churn-20", "001", "04_churn_and_lifetime",
        N_("20% of customers stop buying each period; a customer cost $60 to win."),
        "USD",
        inputs={"churn_per_period": 0.2, "cac": 60},
        derived={"lifetime_periods": 5, "break_even_ltv": 60, "break_even_price_per_period": 12},
    ),
    # --- 05 predictive_ltv -----------------------------------------------------------
    _example(
        "E-online-service", "001", "05_predictive_ltv",
        N_("Predictive LTV of an online service: 700 users paying 500 once a month for 18 months, margin 0.7."),
        "RUB",
        inputs={"users": 700, "payments_per_month": 1, "monthly_payment": 500, "lifetime_months": 18, "margin": 0.7},
        figures={"ltv_per_user": 6_300, "ltv_all_users": 4_410_000},
        derived={"ltv_per_user_at_10_percent_a_year": 5_553},
    ),
    _example(
        "E-retention-offer", "001", "05_predictive_ltv",
        N_("Retention tactic: the usual cycle is 6 months, so offer 7 and give the last two months a manager."),
        None,
        inputs={"expected_cycle_months": 6, "offer_months": 7, "manager_last_months": 2},
        derived={"extra_months_per_customer": 1, "value_per_kept_customer": 350, "value_for_cohort": 245_000,
                 "constant_churn_value_per_kept_leaver": 6_300, "paying_in_month_6": 526,
                 "would_leave_after_month_6": 29.2, "constant_churn_cap_for_cohort": 184_098},
    ),
    # --- 06 ltv_vs_cac ---------------------------------------------------------------
    _example(
        "E-best-client-cac", "001", "06_ltv_vs_cac",
        N_("The best client's LTV against what it cost to win them."),
        "USD",
        inputs={"cac": 60, "ltv": 28_000},
        derived={"ltv_to_cac": 467},
    ),
    _example(
        "E-ltv-cac-2", "000", "06_ltv_vs_cac",
        N_("Rule of thumb: LTV:CAC at least 2:1 (the article); 3:1 is the figure usually quoted elsewhere."),
        None,
        inputs={},
        figures={"minimum_ratio": 2},
        derived={"usual_ratio": 3, "very_high_ratio": 5},
    ),
    # --- 07 budget_planning ----------------------------------------------------------
    _example(
        "E-telecom-budget", "001", "07_budget_planning",
        N_("A telecom company plans a year's budget from LTV: costs, profit, VAT, customers, advertising."),
        "RUB",
        inputs={
            "costs": 10_000_000,
            "costs_period": "month",
            "target_profit": 3_000_000,
            "vat_rate": 0.20,
            "ltv_per_customer_per_year": 4_000,
            "cac": 500,
            "subscription_per_month_low": 500,
            "subscription_per_month_high": 600,
        },
        figures={
            "first_pass_turnover_with_vat": 16_250_000,
            "first_pass_customers": 4_062.5,
            "first_pass_advertising": 2_031_250,
            "summary_monthly_costs": 12_500_000,
            "summary_turnover_without_taxes": 15_500_000,
            "summary_turnover_with_taxes": 19_375_000,
            "summary_customers": 4_843.75,
            "summary_advertising": 2_421_875,
            "summary_roi_percent": 800,
        },
        derived={
            "roi_percent": 700,
            "ltv_to_cac": 8.0,
            "first_pass_customers_rounded": 4_063,
            "first_pass_advertising_rounded": 2_031_500,
            "vat_added_on_top_turnover_with_vat": 15_600_000,
            "vat_added_on_top_customers": 3_900,
            "costs_as_monthly_customers": 38_437.5,
            "first_pass_profit_after_advertising": 968_750,
            "months_paid_at_low_price": 8.0,
            "months_paid_at_high_price": 6.67,
            "corrected_costs_per_year": 120_000_000,
            "corrected_customers": 43_412,
            "corrected_advertising": 21_706_000,
            "corrected_turnover_without_vat": 144_706_667,
            "corrected_turnover_with_vat": 173_648_000,
            "corrected_profit_after_advertising": 3_000_667,
            "corrected_return_on_costs_percent": 2.1,
            "corrected_ltv_to_cac_without_vat": 6.67,
            "corrected_roi_without_vat_percent": 567,
            "corrected_profit_per_customer": 69.12,
        },
    ),
    # --- 08 levers_what_if -----------------------------------------------------------
    _example(
        "E-retention-5", "001", "08_levers_what_if",
        N_("A claim: a 5% rise in retention lifts profit by as much as 95% (Bain & Company, as the article "
           "reports it; 25-95% is the range usually quoted)."),
        None,
        inputs={"retention_increase": 0.05},
        figures={"profit_increase_up_to_percent": 95},
        derived={
            "usually_quoted_low_percent": 25,
            "points_base_retention": 0.80,
            "points_lifetime_before": 5,
            "points_lifetime_after": 6.67,
            "points_lifetime_increase_percent": 33,
            "relative_base_retention": 0.95,
            "relative_retention_after": 0.9975,
            "relative_lifetime_before": 20,
            "relative_lifetime_after": 400,
            "discounted_ltv_ratio_at_1_percent_a_month": 4.8,
        },
    ),
    _example(
        "E-hubspot-service", "001", "08_levers_what_if",
        N_("A claim: 55% of fast-growing firms keep investing in customer service, 29% of flat or shrinking ones "
           "(HubSpot Research, as the article reports it)."),
        None,
        figures={"growing_firms_investing": 0.55, "other_firms_investing": 0.29},
    ),
    _example(
        "E-sale-probability", "001", "08_levers_what_if",
        N_("A claim: a sale to a new customer succeeds with probability 5-20%, to an existing one about 60-70%."),
        None,
        figures={"new_low": 0.05, "new_high": 0.20, "existing_low": 0.60, "existing_high": 0.70},
    ),
    _example(
        "E-acquisition-25x", "001", "08_levers_what_if",
        N_("A claim: winning a new customer can cost up to 25 times as much as keeping an existing one "
           "(Harvard Business Review, as the article reports it)."),
        None,
        figures={"acquisition_to_retention_cost_up_to": 25},
    ),
)

EXAMPLES: Mapping[str, Example] = MappingProxyType({ex.id: ex for ex in _CATALOGUE})


def example(example_id: str) -> Example:
    """The worked example with this id (as in worked-examples.md).

    Example:
        >>> example("E-simple").figures["revenue_per_customer"]
        25000
    """
    try:
        return EXAMPLES[example_id]
    except (KeyError, TypeError):
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="example_id",
                              choices=", ".join(EXAMPLES), value=repr(example_id))) from None


def examples_for(notebook: str) -> tuple[Example, ...]:
    """The examples a notebook teaches, in catalogue order.

    Example:
        >>> [ex.id for ex in examples_for("01_ltv_basics")]
        ['E-simple', 'E-manufacturing']
    """
    if not isinstance(notebook, str):
        raise LTVInputError(_("notebook must be a notebook's name such as '01_ltv_basics'; got {value}",
                              value=repr(notebook)))
    return tuple(ex for ex in _CATALOGUE if ex.notebook == notebook)


def _decimals(published: float) -> int:
    text = repr(float(published))
    if "e" in text or "." not in text:
        return 0
    fraction = text.split(".")[1].rstrip("0")
    return len(fraction)


def agrees(computed: float, published: float) -> bool:
    """True when ``computed`` equals ``published`` at the precision the figure was printed with.

    An article prints "about 467" or "35.8%": the computed value is rounded to the
    published figure's decimals (half away from zero) before comparing.

    Example:
        >>> agrees(28_000 / 60, 467)
        True
        >>> agrees(0.95 ** 20, 0.358)
        True
        >>> agrees(3000.0, 3500)
        False
    """
    computed = check_number("computed", computed, scalar=True)
    published = check_number("published", published, scalar=True)
    digits = _decimals(published)
    scaled = abs(computed) * 10**digits
    rounded = math.copysign(math.floor(scaled + 0.5 + 1e-9), computed) / 10**digits
    return math.isclose(rounded, published, rel_tol=1e-12, abs_tol=1e-12)
