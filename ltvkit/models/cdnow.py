"""The CDNOW sample split into a calibration and a holdout period, as in the BG/NBD paper.

``data/cdnow/CDNOW_sample.txt`` (shipped with the lifetimes 0.11.3 wheel) lists the purchases
of 2,357 customers who first bought at CDNOW in the first quarter of 1997, until the end of
June 1998. Each line: the customer's id in the full data set, their id in the sample
(1..2,357, the ``ID`` of the summary files), the date (yyyymmdd), CDs bought, and the amount
in US dollars. Purchases of one customer on one day count as one transaction (amounts added).

The calibration period ends on 1997-09-30 (week 39 after 1 January 1997); the holdout runs
from 1997-10-01 to 1998-06-30 (weeks 40-78, 39 weeks). Times are in weeks of 7 days.

Example:
    >>> from ltvkit.datasets import data_path
    >>> orders = read_cdnow_orders(data_path("cdnow_orders"))
    >>> len(orders), orders["customer"].nunique()
    (6919, 2357)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _
from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
from ltvkit.models.units import Duration

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CALIBRATION_END", "CDNOW_COLUMNS", "HOLDOUT_END", "cdnow_calibration_holdout", "read_cdnow_orders"]

CALIBRATION_END = "1997-09-30"
HOLDOUT_END = "1998-06-30"
CDNOW_COLUMNS = ["master_id", "customer", "date", "cds", "amount"]
"""The five fields of a line of CDNOW_sample.txt (the file has no header)."""


def read_cdnow_orders(path: str | Path) -> pd.DataFrame:
    """Read CDNOW_sample.txt with :func:`ltvkit.orders.read_orders`: one row per line of the file.

    Columns ``line``, ``customer`` (the sample's id 1..2,357, int64), ``date``, ``amount``
    (USD) and ``cds`` (int64). Orders of one day are kept apart here; the summaries merge them.

    Example:
        >>> import os, tempfile
        >>> sample = os.path.join(tempfile.mkdtemp(), "sample.txt")
        >>> with open(sample, "w") as handle:
        ...     _ = handle.write(" 00004 0001 19970101  2   29.33\\n 00004 0001 19970101  1   10.00\\n")
        >>> read_cdnow_orders(sample)[["customer", "cds", "amount"]].to_dict("list")
        {'customer': [1, 1], 'cds': [2, 1], 'amount': [29.33, 10.0]}
    """
    from ltvkit.orders.read import read_orders

    orders = read_orders(path, names=CDNOW_COLUMNS, customer="customer", date="date", amount="amount",
                         extra={"cds": "cds"}, date_format="%Y%m%d")
    orders["customer"] = orders["customer"].astype("int64")
    orders["cds"] = orders["cds"].astype("int64")
    return orders


def cdnow_calibration_holdout(
    path: str | Path, *, calibration_end: str = CALIBRATION_END, holdout_end: str = HOLDOUT_END
) -> CalibrationHoldout:
    """Per-customer calibration summary (weeks, USD) and holdout purchases and spend.

    ``calibration`` is :func:`ltvkit.orders.customer_summary` of the purchases up to
    ``calibration_end`` (purchases of one day merged): frequency, recency and T counted in
    days and turned into weeks, monetary = average repeat purchase in USD.
    ``holdout_purchases`` (purchase days) and ``holdout_spend`` (USD) count what each customer
    bought after ``calibration_end`` up to ``holdout_end``.

    Example:
        >>> from ltvkit.datasets import data_path
        >>> split = cdnow_calibration_holdout(data_path("cdnow_orders"))
        >>> len(split.calibration), str(split.holdout), int(split.holdout_purchases.sum())
        (2357, '39 weeks', 1882)
    """
    import pandas as pd

    from ltvkit.orders.summary import customer_summary

    orders = read_cdnow_orders(path)
    end = pd.Timestamp(calibration_end)
    stop = pd.Timestamp(holdout_end)
    if stop <= end:
        raise LTVInputError(_("holdout_end must come after calibration_end ({calibration_end}); got {holdout_end}",
                              calibration_end=calibration_end, holdout_end=holdout_end))
    calibration = customer_summary(orders, observation_end=end, after_end="drop")
    if len(calibration) < orders["customer"].nunique():
        raise LTVInputError(_("calibration_end {date} comes before some customers' first purchase",
                              date=calibration_end))
    later = orders[(orders["date"] > end) & (orders["date"] <= stop)]
    purchases = np.zeros(len(calibration))
    spend = np.zeros(len(calibration))
    if len(later):
        holdout = customer_summary(later, observation_end=stop).reindex(calibration.index)
        purchases = (holdout["frequency"] + 1).fillna(0).to_numpy(dtype=float)
        spend = holdout["revenue"].fillna(0).to_numpy(dtype=float)
    days_per_week = 7.0
    summary = RFMSummary.create(
        frequency=calibration["frequency"].to_numpy(), recency=calibration["recency"].to_numpy() / days_per_week,
        T=calibration["T"].to_numpy() / days_per_week, time_unit="weeks",
        monetary=calibration["monetary_value"].to_numpy(), currency="USD", customer_ids=calibration.index.to_numpy(),
    )
    return CalibrationHoldout(
        calibration=summary, holdout=Duration((stop - end).days / days_per_week, "weeks"),
        holdout_purchases=purchases, holdout_spend=spend,
    )
