"""The scored customer list: each customer's history and, when the models could be fitted, their outlook.

:func:`scored_customers` joins :func:`ltvkit.orders.customer_summary` (history, money net of
refunds) with :func:`~ltvkit.report.forecast.forecast_customers` (P(alive), expected purchases
and spend, CLV over the horizon). Its revenue column adds up to the summary's revenue, so the
list reconciles with the loader's total (``customers.csv`` of the command).

Swap point: when ``ltvkit.models`` ships its own scored list (RFM segments, CLV with an
interval), this function returns that list joined to the history, and :data:`MONEY_COLUMNS`
lists its new money columns; the report, the command and the app read nothing else.

Example:
    >>> import pandas as pd
    >>> from ltvkit.orders import customer_summary
    >>> from ltvkit.report.forecast import ForecastSkipped
    >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [10.0, 20.0],
    ...                        "date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> scored = scored_customers(customer_summary(orders), ForecastSkipped("no repeat buyers"), margin=0.5)
    >>> scored[["revenue", "historical_ltv"]].to_dict("index")
    {'b': {'revenue': 20.0, 'historical_ltv': 10.0}, 'a': {'revenue': 10.0, 'historical_ltv': 5.0}}
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltvkit.checks import check_frame, check_number
from ltvkit.i18n import _
from ltvkit.money import format_money, format_number
from ltvkit.report.forecast import Forecast, ForecastSkipped
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HISTORY_COLUMNS", "MONEY_COLUMNS", "SHOWN_COLUMNS", "scored_csv", "scored_customers", "scored_view",
           "write_scored_csv"]

HISTORY_COLUMNS: dict[str, str] = {
    "first_purchase": "first_purchase",
    "last_purchase": "last_purchase",
    "orders": "orders",
    "frequency": "repeat_purchases",
    "recency": "recency_days",
    "T": "age_days",
    "revenue": "revenue",
    "historical_ltv": "historical_ltv",
}
"""customer_summary's columns -> their names in the scored list."""

MONEY_COLUMNS: tuple[str, ...] = ("revenue", "historical_ltv", "expected_spend", "clv")
"""Columns (or prefixes) holding money, written with two decimals."""

SHOWN_COLUMNS: tuple[str, ...] = ("last_purchase", "orders", "revenue", "historical_ltv", "p_alive")
"""The columns the section's table shows (with the forecast's expected purchases and CLV); the CSV has all."""


def scored_customers(summary: pd.DataFrame, forecast: Forecast | ForecastSkipped, *, margin: float) -> pd.DataFrame:
    """One row per customer: history, historical LTV at ``margin`` and the forecast's columns, best first.

    Columns: ``first_purchase``, ``last_purchase``, ``orders``, ``repeat_purchases``,
    ``recency_days``, ``age_days``, ``revenue`` (net of refunds), ``historical_ltv`` (revenue x
    margin); with a forecast also ``p_alive``, ``expected_purchases_{H}m``, ``expected_spend``
    (per purchase) and ``clv_{H}m`` (H the horizon in months). Sorted by CLV (else historical
    LTV), highest first, ties by customer id.

    Example: see the module docstring.
    """
    import pandas as pd

    check_frame("summary", summary, tuple(HISTORY_COLUMNS), hint="make it with customer_summary")
    margin = check_number("margin", margin, minimum=0, maximum=1)
    scored = summary[list(HISTORY_COLUMNS)].rename(columns=HISTORY_COLUMNS)
    scored["historical_ltv"] = scored["revenue"] * margin
    scored.index = scored.index.rename("customer")
    key = "historical_ltv"
    if isinstance(forecast, Forecast):
        horizon = forecast.horizon_months
        outlook = pd.DataFrame({
            "p_alive": forecast.probability_alive,
            f"expected_purchases_{horizon}m": forecast.expected_purchases,
            "expected_spend": forecast.expected_spend,
            f"clv_{horizon}m": forecast.clv,
        }, index=pd.Index(forecast.customer_ids, name="customer"))
        scored = scored.join(outlook, how="left")
        key = f"clv_{horizon}m"
    order = scored.assign(_id=scored.index.astype(str)).sort_values([key, "_id"], ascending=[False, True],
                                                                      kind="stable").index
    return scored.loc[order]


def _money(column: str) -> bool:
    return any(column == name or column.startswith(f"{name}_") for name in MONEY_COLUMNS)


def scored_csv(scored: pd.DataFrame) -> str:
    """The list as CSV text: dates as YYYY-MM-DD, money to the kopeck/cent, other numbers to 4 decimals.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"revenue": [0.1 + 0.2]}, index=pd.Index(["a"], name="customer"))
        >>> scored_csv(frame).splitlines()
        ['customer,revenue', 'a,0.30']
    """
    frame = scored.copy()
    for column in frame.columns:
        if str(frame[column].dtype).startswith("datetime64"):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
        elif _money(column):
            frame[column] = frame[column].map(lambda value: "" if value != value else f"{value:.2f}")
        elif frame[column].dtype.kind == "f":
            frame[column] = frame[column].round(4)
    return frame.to_csv(lineterminator="\n")


def write_scored_csv(scored: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`scored_csv` to ``path`` (UTF-8) and return the path.

    Example:
        >>> import pandas as pd, tempfile
        >>> frame = pd.DataFrame({"revenue": [0.1 + 0.2]}, index=pd.Index(["a"], name="customer"))
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     print(write_scored_csv(frame, f"{folder}/customers.csv").read_text().splitlines()[1])
        a,0.30
    """
    out = Path(path)
    out.write_text(scored_csv(scored), encoding="utf-8")
    return out


def scored_view(scored: pd.DataFrame, forecast: Forecast | ForecastSkipped, currency: str = "RUB",
                top: int = 10) -> SectionView:
    """The section: what the list holds and its first ``top`` customers.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"revenue": [5.0], "historical_ltv": [5.0]}, index=pd.Index(["a"], name="customer"))
        >>> scored_view(frame, ForecastSkipped("no repeat buyers")).lines[1]
        'no forecast (no repeat buyers): the list has the history and historical LTV only, best first'
    """
    lines = [_("{customers} customers; revenue adds up to {revenue} (download customers.csv for the whole list)",
               customers=format_number(len(scored)), revenue=format_money(float(scored["revenue"].sum()), currency))]
    if isinstance(forecast, ForecastSkipped):
        lines.append(_("no forecast ({reason}): the list has the history and historical LTV only, best first",
                       reason=forecast.reason))
        title = _("The {count} customers with the highest historical LTV", count=min(top, len(scored)))
    else:
        lines.append(_("sorted by CLV over the next {months} months, highest first", months=forecast.horizon_months))
        title = _("The {count} customers with the highest CLV", count=min(top, len(scored)))
    shown = scored.head(top)[[column for column in scored.columns if column in SHOWN_COLUMNS
                              or column.startswith(("expected_purchases_", "clv_"))]].copy()
    for column in shown.columns:
        if _money(column):
            shown[column] = shown[column].map(lambda value: format_money(value, currency, decimals=0)
                                              if value == value else "—")
        elif str(shown[column].dtype).startswith("datetime64"):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
        elif shown[column].dtype.kind == "f":
            shown[column] = shown[column].round(2)
    return SectionView(SECTIONS["scored"], lines=tuple(lines), tables=((title, shown),))
