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

__all__ = ["DATA_DIR", "ORDER_COLUMNS", "school_costs", "school_engagement", "school_orders"]

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
    """The school's orders (the three unusable rows skipped and reported in ``load_report``)."""
    frame = _orders(Path(data_dir) if data_dir else DATA_DIR)
    copy = frame.copy()
    copy.attrs = dict(frame.attrs)
    return copy


def school_costs(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The school's acquisition costs per channel and partner (data/school_partners.csv)."""
    return read_partner_costs((Path(data_dir) if data_dir else DATA_DIR) / "school_partners.csv")


def school_engagement(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The school's engagement per customer in the 30 days after the first purchase, indexed by customer."""
    return read_engagement((Path(data_dir) if data_dir else DATA_DIR) / "school_engagement.csv").set_index("customer")
