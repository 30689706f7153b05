"""Order rows -> purchase histories for the models: RFM in a stated time unit, and a calibration/holdout split.

Refunds are not purchases: they are kept apart as a share of purchases
(:attr:`PurchaseHistory.refund_share`) to take off any value the models compute.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b"], "amount": [100.0, 50.0, 80.0],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-08"])})
    >>> purchase_history(orders, observation_end="2024-01-29").data.frequency.tolist()
    [1.0, 0.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ltvkit.checks import LTVInputError, check_frame
from ltvkit.i18n import N_, _
from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
from ltvkit.models.units import days
from ltvkit.orders.summary import customer_summary

__all__ = ["PurchaseHistory", "calibration_holdout", "purchase_history"]

_COLUMNS = ("customer", "date", "amount")
_HINT = N_("read it with read_orders")


@dataclass(frozen=True, eq=False)
class PurchaseHistory:
    """Customers' purchases up to ``observation_end``: RFM in a stated unit, first purchase, refund share.

    ``data`` counts purchases only (refunds are not purchases): frequency, recency, T in
    ``data.time_unit`` and ``monetary``, the mean repeat purchase (money). ``first_purchase`` is
    what each customer paid on their first day. ``refund_share`` is refunds over purchases in the
    same period, to take off any value computed from purchases.
    """

    data: RFMSummary
    first_purchase: pd.Series
    refund_share: float
    observation_end: pd.Timestamp



def purchase_history(orders: pd.DataFrame, *, observation_end: Any = None, time_unit: str = "weeks") -> PurchaseHistory:
    """Summarise purchases (refunds apart) per customer for the models, in ``time_unit``.

    Orders after ``observation_end`` are left out. Days are counted as
    :func:`ltvkit.orders.customer_summary` counts them, then converted to ``time_unit``
    (a week is 7 days, a month 30.4375).

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 50.0, -50.0, 100.0],
        ...     "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-20", "2024-01-08"])})
        >>> history = purchase_history(orders, observation_end="2024-01-29")
        >>> history.data.frequency.tolist(), history.data.T.tolist(), history.refund_share
        ([1.0, 0.0], [4.0, 3.0], 0.2)
    """

    orders = check_frame("orders", orders, _COLUMNS, hint=_HINT)
    end = orders["date"].max() if observation_end is None else pd.Timestamp(observation_end)
    upto = orders[orders["date"].dt.normalize() <= end.normalize()]
    purchases = upto[upto["amount"] >= 0]
    if purchases.empty:
        raise LTVInputError(_("observation_end {date} comes before every purchase", date=end.date()))
    summary = customer_summary(purchases, observation_end=end)
    first = summary["revenue"] - summary["frequency"] * summary["monetary_value"]
    data = RFMSummary.create(
        frequency=summary["frequency"], recency=summary["recency"], T=summary["T"], time_unit="days",
        monetary=summary["monetary_value"], customer_ids=summary.index.to_numpy(),
    ).in_unit(time_unit)
    refund_share = float(-upto.loc[upto["amount"] < 0, "amount"].sum() / purchases["amount"].sum())
    return PurchaseHistory(data, first.rename("first_purchase"), refund_share, end)



def calibration_holdout(
    orders: pd.DataFrame, *, calibration_end: Any, holdout_end: Any, time_unit: str = "weeks"
) -> CalibrationHoldout:
    """Histories up to ``calibration_end`` and, per customer, the purchase days and spend after it.

    Holdout purchases count days with a purchase in (calibration_end, holdout_end], as the
    models count them; holdout spend adds those purchases (refunds apart).

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 50.0, 70.0, 80.0],
        ...     "date": pd.to_datetime(["2023-03-01", "2023-06-01", "2024-02-01", "2024-05-01"])})
        >>> split = calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")
        >>> len(split.calibration), split.holdout_purchases.tolist(), str(split.holdout)
        (1, [1.0], '366 days')
    """
    from ltvkit.models.rfm import CalibrationHoldout

    orders = check_frame("orders", orders, _COLUMNS, hint=_HINT)
    history = purchase_history(orders, observation_end=calibration_end, time_unit=time_unit)
    end, stop = history.observation_end.normalize(), pd.Timestamp(holdout_end).normalize()
    if stop <= end:
        raise LTVInputError(_("holdout_end must come after calibration_end ({calibration_end}); got {holdout_end}",
                              calibration_end=end.date(), holdout_end=stop.date()))
    day = orders["date"].dt.normalize()
    later = orders[(day > end) & (day <= stop) & (orders["amount"] >= 0)]
    ids = pd.Index(history.data.customer_ids)
    days_bought = later.assign(day=later["date"].dt.normalize()).drop_duplicates(["customer", "day"])
    counts = days_bought.groupby("customer").size()
    spend = later.groupby("customer")["amount"].sum()
    return CalibrationHoldout(
        calibration=history.data, holdout=days((stop - end).days),
        holdout_purchases=counts.reindex(ids, fill_value=0).to_numpy(dtype=float),
        holdout_spend=spend.reindex(ids, fill_value=0.0).to_numpy(dtype=float),
    )
