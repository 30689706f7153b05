"""The course's data as the notebooks read them: the simulated online school, and CDNOW's summary.

Notebook 09 shows how to read the school's export with :func:`ltvkit.orders.read_orders`; these
loaders do the same with the same arguments (the files ship in the package, see
:mod:`ltvkit.datasets`), so exercises, calculators and later notebooks (10, 11, the capstone)
get the same frames. Each call returns a fresh copy. The rest are the figures the exercises of
notebooks 09-11 check answers against.

Example:
    >>> from ltvkit.orders import load_report
    >>> orders = school_orders()
    >>> len(orders), orders["customer"].nunique(), load_report(orders).skipped_lines
    (9466, 4376, (1202, 5303, 7704))
"""

from __future__ import annotations

import functools

import pandas as pd

from ltvkit.checks import check_choice
from ltvkit.datasets import cdnow_orders, data_path
from ltvkit.i18n import _
from ltvkit.orders.cohorts import horizon_ltv
from ltvkit.orders.engagement import read_engagement
from ltvkit.orders.partners import partner_base, partner_economics, read_partner_costs
from ltvkit.orders.read import read_orders
from ltvkit.orders.summary import customer_summary

__all__ = [
    "ORDER_COLUMNS",
    "ORDER_FILE_COLUMNS",
    "SCHOOL_MARGIN",
    "cdnow_summary",
    "engagement_spearman",
    "school_costs",
    "school_engagement",
    "school_engagement_ltv",
    "school_orders",
    "school_partner_value",
    "school_summary",
    "true_minutes_effect",
]

ORDER_FILE_COLUMNS: dict[str, str] = {
    "Номер заказа": "order",
    "Дата оплаты": "date",
    "ID клиента": "customer",
    "Курс": "product",
    "Сумма, руб.": "amount",
    "Статус": "status",
    "Канал": "channel",
    "Партнёр": "partner",
}
"""The school's order export: each column's header, in the file's order -> its name in ltvkit."""

_HEADER = {name: header for header, name in ORDER_FILE_COLUMNS.items()}
ORDER_COLUMNS = {
    **{name: _HEADER[name] for name in ("customer", "date", "amount", "partner", "channel")},
    "extra": {_HEADER[name]: name for name in ("order", "product", "status")},
}
"""The keyword arguments of read_orders for data/school_orders.csv."""


@functools.cache
def _orders() -> pd.DataFrame:
    return read_orders(data_path("school_orders"), **ORDER_COLUMNS, on_bad_rows="skip")


def school_orders() -> pd.DataFrame:
    """The school's orders, amounts in RUB (the three unusable rows skipped and reported in ``load_report``).

    Example:
        >>> round(float(school_orders()["amount"].sum()))
        145731409
    """
    frame = _orders()
    copy = frame.copy()
    copy.attrs = dict(frame.attrs)
    return copy


def school_costs() -> pd.DataFrame:
    """The school's acquisition costs per channel and partner (data/school_partners.csv), money in RUB.

    The file's ``kind`` is English (the simulation's :data:`~ltvkit.course.simulate.SCHOOL_SOURCES`,
    marked there); the table gives it in the reader's language. No code keys on it.

    Example:
        >>> costs = school_costs().set_index("partner")
        >>> costs.loc["blog_pro_python", "fixed_spend"], costs.loc["blog_pro_python", "kind"]
        (np.float64(600000.0), 'programming blogger')
        >>> from ltvkit.i18n import using_language
        >>> with using_language("ru"):
        ...     school_costs().set_index("partner").loc["blog_pro_python", "kind"]
        'блогер-программист'
    """
    costs = read_partner_costs(data_path("school_partners"))
    costs["kind"] = costs["kind"].map(lambda kind: _(kind) if isinstance(kind, str) and kind else kind)
    return costs


def school_engagement() -> pd.DataFrame:
    """The school's engagement per customer, indexed by customer (30 days after the first purchase; see data/README.md).

    Example:
        >>> school_engagement().loc["C00001", "device"]
        'Мобильное'
    """
    return read_engagement(data_path("school_engagement")).set_index("customer")


# --- figures the exercises of notebooks 09-11 check answers against --------------------


def school_summary() -> pd.DataFrame:
    """customer_summary of the school's orders (times in days; margin 1, so historical LTV = revenue in RUB).

    Example:
        >>> len(school_summary())
        4376
    """
    return customer_summary(school_orders())


def cdnow_summary() -> pd.DataFrame:
    """customer_summary of the whole CDNOW sample (times in days, money in USD).

    Example:
        >>> round(float(cdnow_summary()["revenue"].mean()), 2)
        103.56
    """
    return customer_summary(cdnow_orders())


def school_partner_value(partner: str, column: str, *, margin: float, **design: float) -> float:
    """One cell of partner_economics for the school's affiliate ``partner`` under a design (money in RUB).

    ``design`` takes partner_economics' keywords: first_sale_rate, repeat_rate, repeat_months.

    Example:
        >>> round(school_partner_value("blog_pro_python", "cac", margin=0.6))
        4029
    """
    table = partner_economics(partner_base(school_orders(), school_costs()), margin=margin, **design)
    return float(table.xs(partner, level="partner")[column].iloc[0])


SCHOOL_MARGIN = 0.6
"""The gross margin notebooks 09-11 assume for the school (teachers, platform and support cost about 40%)."""


def school_engagement_ltv(months: int = 12, *, margin: float = SCHOOL_MARGIN) -> pd.DataFrame:
    """The engagement table joined with each customer's gross LTV over their first ``months`` (RUB).

    LTV is revenue x ``margin``; only customers whose first ``months`` are all observed are kept.

    Example:
        >>> frame = school_engagement_ltv(12)
        >>> len(frame), round(float(frame["ltv_12m"].mean()))
        (1881, 20897)
    """
    return school_engagement().join(horizon_ltv(school_orders(), months=months, margin=margin), how="inner")


def engagement_spearman(metric: str, months: int = 12, *, device: str | None = None) -> float:
    """Rank correlation of an engagement metric with the customers' LTV over their first ``months``.

    ``device`` ("Компьютер" or "Мобильное") keeps only that device's customers.

    Example:
        >>> round(engagement_spearman("sessions_30d"), 2)
        0.19
    """
    frame = school_engagement_ltv(months)
    if device is not None:
        frame = frame[frame["device"] == check_choice("device", device, tuple(frame["device"].unique()))]
    return float(frame[metric].rank().corr(frame[f"ltv_{months}m"].rank()))


def true_minutes_effect(minutes_lift: float) -> float:
    """How much more revenue per customer (RUB, two years) the simulated school makes with minutes x ``minutes_lift``.

    Example:
        >>> true_minutes_effect(1.0)
        0.0
    """
    from dataclasses import replace

    from ltvkit.course.simulate import SchoolTruth, simulate_school

    base = simulate_school()
    lifted = simulate_school(replace(SchoolTruth(), minutes_lift=minutes_lift))
    before = base.orders["amount"].sum() / len(base.customers)
    return float(lifted.orders["amount"].sum() / len(lifted.customers) - before)
