"""The CDNOW sample split into a calibration and a holdout period, as in the BG/NBD paper.

``data/cdnow/CDNOW_sample.txt`` (shipped with the lifetimes 0.11.3 wheel) lists the purchases
of 2,357 customers who first bought at CDNOW in the first quarter of 1997, until the end of
June 1998. Each line: the customer's id in the full data set, their id in the sample
(1..2,357, the ``ID`` of the summary files), the date (yyyymmdd), CDs bought, and the amount
in US dollars. Purchases of one customer on one day count as one transaction (amounts added).

The calibration period ends on 1997-09-30 (week 39 after 1 January 1997); the holdout runs
from 1997-10-01 to 1998-06-30 (weeks 40-78, 39 weeks). Times are in weeks of 7 days.

Example:
    >>> split = cdnow_calibration_holdout("data/cdnow/CDNOW_sample.txt")  # doctest: +SKIP
    >>> len(split.calibration), split.holdout  # doctest: +SKIP
    (2357, Duration(amount=39.0, unit='weeks'))
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
from ltvkit.models.units import Duration

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CALIBRATION_END", "HOLDOUT_END", "cdnow_calibration_holdout", "read_cdnow_transactions"]

CALIBRATION_END = "1997-09-30"
HOLDOUT_END = "1998-06-30"


def read_cdnow_transactions(path: str | Path) -> pd.DataFrame:
    """Read CDNOW_sample.txt into one row per customer and day: customer_id, date, cds, amount (USD).

    Example:
        >>> import io, tempfile, os
        >>> folder = tempfile.mkdtemp()
        >>> sample = os.path.join(folder, "sample.txt")
        >>> with open(sample, "w") as handle:
        ...     _ = handle.write(" 00004 0001 19970101  2   29.33\\n 00004 0001 19970101  1   10.00\\n")
        >>> read_cdnow_transactions(sample).amount.tolist()
        [39.33]
    """
    import pandas as pd

    file = Path(path)
    if not file.is_file():
        raise LTVInputError(f"path must name the CDNOW sample file; {str(file)!r} does not exist")
    raw = pd.read_csv(file, sep=r"\s+", header=None, names=["master_id", "customer_id", "date", "cds", "amount"],
                      dtype={"master_id": str, "customer_id": int, "date": str, "cds": int, "amount": float})
    if raw.empty:
        raise LTVInputError(f"path {str(file)!r} holds no transactions")
    dates = pd.to_datetime(raw["date"], format="%Y%m%d", errors="coerce")
    if dates.isna().any():
        line = int(np.flatnonzero(dates.isna().to_numpy())[0]) + 1
        raise LTVInputError(f"date must be yyyymmdd; line {line} of {file.name} has {raw['date'].iloc[line - 1]!r}")
    raw["date"] = dates
    daily = raw.groupby(["customer_id", "date"], as_index=False).agg(cds=("cds", "sum"), amount=("amount", "sum"))
    return daily.sort_values(["customer_id", "date"], ignore_index=True)


def cdnow_calibration_holdout(
    path: str | Path, *, calibration_end: str = CALIBRATION_END, holdout_end: str = HOLDOUT_END
) -> CalibrationHoldout:
    """Per-customer calibration summary (weeks, USD) and holdout purchases and spend.

    ``calibration`` has frequency (repeat purchases up to ``calibration_end``), recency and T in
    weeks from each customer's first purchase, and monetary = average repeat purchase in USD.
    ``holdout_purchases`` and ``holdout_spend`` count the purchases after ``calibration_end``
    up to ``holdout_end``.
    """
    import pandas as pd

    daily = read_cdnow_transactions(path)
    end = pd.Timestamp(calibration_end)
    stop = pd.Timestamp(holdout_end)
    if stop <= end:
        raise LTVInputError(f"holdout_end must come after calibration_end ({calibration_end}); got {holdout_end}")
    first = daily.groupby("customer_id")["date"].transform("min")
    if (first > end).any():
        raise LTVInputError(f"calibration_end {calibration_end} comes before some customers' first purchase")
    weeks_in = (daily["date"] - first).dt.days / 7.0
    calibration = daily["date"] <= end
    repeat = calibration & (daily["date"] > first)
    holdout = (daily["date"] > end) & (daily["date"] <= stop)
    customers = np.sort(daily["customer_id"].unique())
    index = pd.Index(customers, name="customer_id")
    frame = pd.DataFrame({
        "frequency": repeat.groupby(daily["customer_id"]).sum(),
        "recency": weeks_in.where(repeat, 0.0).groupby(daily["customer_id"]).max(),
        "T": ((end - first.groupby(daily["customer_id"]).first()).dt.days / 7.0),
        "repeat_spend": daily["amount"].where(repeat, 0.0).groupby(daily["customer_id"]).sum(),
        "holdout_purchases": holdout.groupby(daily["customer_id"]).sum(),
        "holdout_spend": daily["amount"].where(holdout, 0.0).groupby(daily["customer_id"]).sum(),
    }).reindex(index)
    monetary = np.where(frame["frequency"] > 0, frame["repeat_spend"] / frame["frequency"].clip(lower=1), 0.0)
    summary = RFMSummary.create(
        frequency=frame["frequency"].to_numpy(), recency=frame["recency"].to_numpy(), T=frame["T"].to_numpy(),
        time_unit="weeks", monetary=monetary, currency="USD", customer_ids=customers,
    )
    length = Duration((stop - end).days / 7.0, "weeks")
    return CalibrationHoldout(
        calibration=summary, holdout=length, holdout_purchases=frame["holdout_purchases"].to_numpy(dtype=float),
        holdout_spend=frame["holdout_spend"].to_numpy(dtype=float),
    )
