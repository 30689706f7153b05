"""The simulated online school's files in data/, read as the notebooks read them.

Notebook 09 shows how to read the school's export with :func:`ltvkit.transactions.read_orders`;
these loaders do the same with the same arguments, so exercises, calculators and later notebooks
(10, 11, the capstone) get the same frames. Each call returns a fresh copy.

Example:
    >>> from ltvkit.exports import load_report
    >>> orders = school_orders()
    >>> len(orders), orders["customer"].nunique(), load_report(orders).skipped_lines
    (9466, 4376, (1202, 5303, 7704))
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from ltvkit.engagement import read_engagement
from ltvkit.partners import read_partner_costs
from ltvkit.transactions import read_orders

__all__ = [
    "DATA_DIR",
    "ORDER_COLUMNS",
    "SCHOOL_MARGIN",
    "cdnow_orders",
    "cdnow_summary",
    "engagement_spearman",
    "school_costs",
    "school_engagement",
    "school_engagement_ltv",
    "school_orders",
    "school_partner_value",
    "school_summary",
    "top_share",
    "true_minutes_effect",
]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
"""The repository's data/ folder."""

ORDER_COLUMNS = {
    "customer": "ID клиента",
    "date": "Дата оплаты",
    "amount": "Сумма, руб.",
    "partner": "Партнёр",
    "channel": "Канал",
    "extra": {"Номер заказа": "order", "Курс": "product", "Статус": "status"},
}
"""The keyword arguments of read_orders for data/school_orders.csv."""


@functools.cache
def _orders(data_dir: Path) -> pd.DataFrame:
    return read_orders(data_dir / "school_orders.csv", **ORDER_COLUMNS, on_bad_rows="skip")


def school_orders(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The school's orders, amounts in RUB (the three unusable rows skipped and reported in ``load_report``).

    Example:
        >>> round(float(school_orders()["amount"].sum()))
        145731409
    """
    frame = _orders(Path(data_dir) if data_dir else DATA_DIR)
    copy = frame.copy()
    copy.attrs = dict(frame.attrs)
    return copy


def school_costs(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The school's acquisition costs per channel and partner (data/school_partners.csv), money in RUB.

    Example:
        >>> school_costs().set_index("partner").loc["blog_pro_python", "fixed_spend"]
        np.float64(600000.0)
    """
    return read_partner_costs((Path(data_dir) if data_dir else DATA_DIR) / "school_partners.csv")


def school_engagement(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The school's engagement per customer, indexed by customer (30 days after the first purchase; see data/README.md).

    Example:
        >>> school_engagement().loc["C00001", "device"]
        'Мобильное'
    """
    return read_engagement((Path(data_dir) if data_dir else DATA_DIR) / "school_engagement.csv").set_index("customer")


# --- figures the exercises of notebooks 09-11 check answers against --------------------


def school_summary() -> pd.DataFrame:
    """customer_summary of the school's orders (times in days; margin 1, so historical LTV = revenue in RUB).

    Example:
        >>> len(school_summary())
        4376
    """
    from ltvkit.transactions import customer_summary

    return customer_summary(school_orders())


def cdnow_orders(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The CDNOW transaction sample (data/cdnow/CDNOW_sample.txt) with the sample's customer ids as integers.

    Example:
        >>> orders = cdnow_orders()
        >>> len(orders), int(orders["customer"].max())
        (6919, 2357)
    """
    from ltvkit.models.cdnow import read_cdnow_orders

    return read_cdnow_orders((Path(data_dir) if data_dir else DATA_DIR) / "cdnow" / "CDNOW_sample.txt")


def cdnow_summary() -> pd.DataFrame:
    """customer_summary of the whole CDNOW sample (times in days, money in USD).

    Example:
        >>> round(float(cdnow_summary()["revenue"].mean()), 2)
        103.56
    """
    from ltvkit.transactions import customer_summary

    return customer_summary(cdnow_orders())


def top_share(values: pd.Series, share: float) -> float:
    """Share of the total held by the top ``share`` of the values (best first), e.g. top 10% of customers.

    Example:
        >>> import pandas as pd
        >>> top_share(pd.Series([1.0, 1.0, 1.0, 7.0]), 0.25)
        0.7
    """
    from ltvkit.checks import check_number

    share = check_number("share", share, minimum=0, maximum=1, min_open=True)
    ordered = values.sort_values(ascending=False).to_numpy(dtype=float)
    count = max(1, round(share * len(ordered)))
    return float(ordered[:count].sum() / ordered.sum())


def school_partner_value(partner: str, column: str, *, margin: float, **design: float) -> float:
    """One cell of partner_economics for the school's affiliate ``partner`` under a design (money in RUB).

    ``design`` takes partner_economics' keywords: first_sale_rate, repeat_rate, repeat_months.

    Example:
        >>> round(school_partner_value("blog_pro_python", "cac", margin=0.6))
        4029
    """
    from ltvkit.partners import partner_base, partner_economics

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
    from ltvkit.transactions import horizon_ltv

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
        from ltvkit.checks import check_choice

        frame = frame[frame["device"] == check_choice("device", device, tuple(frame["device"].unique()))]
    return float(frame[metric].rank().corr(frame[f"ltv_{months}m"].rank()))


def true_minutes_effect(minutes_lift: float) -> float:
    """How much more revenue per customer (RUB, two years) the simulated school makes with minutes x ``minutes_lift``.

    Example:
        >>> true_minutes_effect(1.0)
        0.0
    """
    from dataclasses import replace

    from ltvkit.simulate import SchoolTruth, simulate_school

    base = simulate_school()
    lifted = simulate_school(replace(SchoolTruth(), minutes_lift=minutes_lift))
    before = base.orders["amount"].sum() / len(base.customers)
    return float(lifted.orders["amount"].sum() / len(lifted.customers) - before)
