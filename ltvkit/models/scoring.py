"""A scored customer list a marketer can act on: forecasts, CLV with its interval, RFM scores and segments.

One row per customer (:func:`scored_customers`), every column named with its unit:

| column | meaning |
|---|---|
| ``customer_id`` | the summary's customer id (row number when it has none) |
| ``repeat_purchases`` | x, repeat purchases so far |
| ``weeks_since_last_purchase`` | T - t_x (in the data's unit: ``days_``/``weeks_``/``months_``...) |
| ``average_spend_<CUR>`` | average repeat purchase |
| ``p_alive`` | P(still a customer), share |
| ``expected_purchases_next_<horizon>`` | purchases expected over the horizon |
| ``expected_spend_per_purchase_<CUR>`` | Gamma-Gamma's expected spend per purchase |
| ``clv_<CUR>``, ``clv_lower_95_<CUR>``, ``clv_upper_95_<CUR>`` | discounted margin over the horizon and its interval |
| ``r_score``, ``f_score``, ``m_score``, ``rfm_score`` | quartile scores 1-4 (4 best) and their code, e.g. "344" |
| ``segment`` | named segment of the RFM code |

RFM scores are quartiles of the customers: recency is the time since the last purchase (the
most recent quarter scores 4), frequency the repeat purchases and monetary the average spend
(the highest quarter scores 4). Tied values share the lowest score among them: the 60% of a
cohort who never bought again all score 1 on frequency, not 2.
Segments follow the default table of pymc-marketing's ``rfm_segments`` (pymc_marketing.clv):

| segment | who | RFM codes |
|---|---|---|
| Premium Customer | recent, frequent, high spend | 333, 334, 343, 344, 433, 434, 443, 444 |
| Repeat Customer | buy often, spend less | 143, 232, 233, 234, 243, 244, 332 |
| Top Spender | spend a lot per purchase | 124, 133, 134, 144, 224, 313, 314, 323, 324, 413, 414, 423, 424 |
| At Risk Customer | good once, drifting away | 122, 123, 132, 212, 214, 222, 223, 312, 322, 412, 422 |
| Inactive Customer | long gone, little value | 111, 112, 113, 114, 211, 311, 411 |
| Other | every other code | |

:func:`export_scored_customers` writes the list to CSV or Excel (``.xlsx``, needs the optional
openpyxl: ``pip install ltvkit[excel]``).

Example:
    >>> rfm_scores([1, 2, 3, 4], higher_is_better=True).tolist()
    [1, 2, 3, 4]
    >>> segment_of("444"), segment_of("421")
    ('Premium Customer', 'Other')
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _, using_language
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import Duration

if TYPE_CHECKING:
    import pandas as pd

    from ltvkit.models.uncertainty import CLVIntervals

__all__ = ["OTHER_SEGMENT", "SEGMENTS", "export_scored_customers", "rfm_scores", "scored_customers", "segment_label",
           "segment_of"]

SEGMENTS: dict[str, tuple[str, ...]] = {
    N_("Premium Customer"): ("333", "334", "343", "344", "433", "434", "443", "444"),
    N_("Repeat Customer"): ("143", "232", "233", "234", "243", "244", "332"),
    N_("Top Spender"): ("124", "133", "134", "144", "224", "313", "314", "323", "324", "413", "414", "423", "424"),
    N_("At Risk Customer"): ("122", "123", "132", "212", "214", "222", "223", "312", "322", "412", "422"),
    N_("Inactive Customer"): ("111", "112", "113", "114", "211", "311", "411"),
}
"""RFM codes of each named segment (pymc-marketing's default table); other codes are "Other"."""
OTHER_SEGMENT = N_("Other")  # the segment of every RFM code that no named segment lists
_SEGMENT_OF = {code: name for name, codes in SEGMENTS.items() for code in codes}


def rfm_scores(values: Any, *, higher_is_better: bool) -> np.ndarray:
    """Quartile scores 1..4 of ``values`` (4: the best quarter), tied values sharing the lowest score among them.

    Example:
        >>> rfm_scores([0, 0, 0, 5, 9, 2], higher_is_better=True).tolist()
        [1, 1, 1, 4, 4, 3]
    """
    from scipy.stats import rankdata

    array = np.asarray(values, dtype=float).reshape(-1)
    if array.size == 0 or not np.all(np.isfinite(array)):
        raise LTVInputError(_("values must be a non-empty array of finite numbers"))
    ranks = rankdata(array if higher_is_better else -array, method="min")
    return np.clip(np.ceil(4.0 * ranks / array.size), 1, 4).astype(int)


def segment_of(code: str) -> str:
    """The named segment of an RFM code such as "344" (``Other`` when none lists it).

    Example:
        >>> segment_of("111")
        'Inactive Customer'
    """
    return _SEGMENT_OF.get(str(code), OTHER_SEGMENT)


def segment_label(segment: str) -> str:
    """A segment's name (from :func:`segment_of`) in the reader's language; any other text as it is.

    The ``segment`` column keeps the English names (code compares them); a table shown to a
    reader renames them with this.

    Example:
        >>> from ltvkit.i18n import using_language
        >>> segment_label("Top Spender")
        'Top Spender'
        >>> with using_language("ru"):
        ...     segment_label("Other") != "Other"
        True
    """
    return _(segment) if segment in SEGMENTS or segment == OTHER_SEGMENT else segment


def scored_customers(
    purchases: Any, spend: Any, data: RFMSummary, *, horizon: Duration, step: Duration, margin: float,
    annual_discount_rate: float, intervals: CLVIntervals | None = None,
) -> pd.DataFrame:
    """One row per customer: history, P(alive), expected purchases and spend, CLV (with interval), RFM, segment.

    The CLV arguments are those of :func:`~ltvkit.models.gamma_gamma.customer_lifetime_value`;
    ``intervals`` (from :func:`~ltvkit.models.uncertainty.clv_intervals` with the same models,
    data and arguments) adds the CLV's interval columns, and its estimates are used rather than
    computed again. Rows are in the order of ``data``.

    Example:
        >>> from ltvkit.models.bgnbd import BGNBDFit
        >>> from ltvkit.models.gamma_gamma import GammaGammaFit
        >>> from ltvkit.models.units import months, years
        >>> data = RFMSummary.create(frequency=[0, 2, 7], recency=[0, 30.4, 29.4], T=[38.9] * 3, time_unit="weeks",
        ...                          monetary=[0, 22.35, 40.0], currency="USD")
        >>> table = scored_customers(BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks"),
        ...                          GammaGammaFit(p=6.25, q=3.74, gamma=15.44), data, horizon=years(1),
        ...                          step=months(1), margin=0.3, annual_discount_rate=0.1)
        >>> table[["rfm_score", "segment"]].to_dict("list")
        {'rfm_score': ['222', '433', '344'], 'segment': ['At Risk Customer', 'Premium Customer', 'Premium Customer']}
    """
    import pandas as pd

    from ltvkit.models.gamma_gamma import customer_lifetime_value

    if not isinstance(data, RFMSummary):
        raise LTVInputError(_("data must be an RFMSummary; got {got}", got=type(data).__name__))
    currency = data.currency or "money"
    unit = data.time_unit
    if intervals is not None and len(intervals.clv["estimate"]) == len(data):  # its estimates are the same figures
        purchases_ahead, spend_each, clv = (intervals.expected_purchases["estimate"],
                                            intervals.expected_spend["estimate"], intervals.clv["estimate"])
        alive = intervals.probability_alive["estimate"]
    else:
        value = customer_lifetime_value(purchases, spend, data, horizon=horizon, step=step, margin=margin,
                                        annual_discount_rate=annual_discount_rate)
        purchases_ahead, spend_each, clv = value.expected_purchases, value.expected_spend, value.clv
        alive = purchases.probability_alive(data)
    since_last = data.T - data.recency
    monetary = np.zeros(len(data)) if data.monetary is None else np.where(data.frequency > 0, data.monetary, 0.0)
    r, f, m = (rfm_scores(since_last, higher_is_better=False), rfm_scores(data.frequency, higher_is_better=True),
               rfm_scores(monetary, higher_is_better=True))
    codes = [f"{a}{b}{c}" for a, b, c in zip(r, f, m, strict=True)]
    with using_language("en"):  # a column name is code: the same in every language
        horizon_name = str(horizon).replace(" ", "_")
    columns: dict[str, Any] = {
        "customer_id": np.arange(len(data)) if data.customer_ids is None else data.customer_ids,
        "repeat_purchases": data.frequency.astype(int),
        f"{unit}_since_last_purchase": since_last,
        f"average_spend_{currency}": monetary,
        "p_alive": alive,
        f"expected_purchases_next_{horizon_name}": purchases_ahead,
        f"expected_spend_per_purchase_{currency}": spend_each,
        f"clv_{currency}": clv,
    }
    if intervals is not None:
        if len(intervals.clv["lower"]) != len(data):
            raise LTVInputError(_("intervals must be for the same {count} customers; got {got}", count=len(data),
                                  got=len(intervals.clv["lower"])))
        percent = round(intervals.level * 100)
        columns[f"clv_lower_{percent}_{currency}"] = intervals.clv["lower"]
        columns[f"clv_upper_{percent}_{currency}"] = intervals.clv["upper"]
    columns.update({"r_score": r, "f_score": f, "m_score": m, "rfm_score": codes,
                    "segment": [segment_of(code) for code in codes]})
    return pd.DataFrame(columns)


def export_scored_customers(table: pd.DataFrame, path: str | Path) -> Path:
    """Write the scored list to ``path``: ``.csv`` (UTF-8) or ``.xlsx`` (one sheet "customers"; needs openpyxl).

    Example:
        >>> import os, tempfile
        >>> import pandas as pd
        >>> folder = tempfile.mkdtemp()
        >>> target = export_scored_customers(pd.DataFrame({"clv_USD": [1.5]}), os.path.join(folder, "a.csv"))
        >>> target.read_text().splitlines()
        ['clv_USD', '1.5']
    """
    import pandas as pd

    if not isinstance(table, pd.DataFrame) or table.empty:
        raise LTVInputError(_("table must be a non-empty DataFrame (from scored_customers)"))
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise LTVInputError(_("path must end in .csv or .xlsx; got {got}", got=repr(target.name)))
    if not target.parent.is_dir():
        raise LTVInputError(_("path's folder {folder} does not exist", folder=repr(str(target.parent))))
    if suffix == ".csv":
        table.to_csv(target, index=False, encoding="utf-8")
        return target
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise LTVInputError(_("writing .xlsx needs openpyxl: pip install 'ltvkit[excel]' (or write .csv)")) from None
    table.to_excel(target, index=False, sheet_name="customers", engine="openpyxl")
    return target
