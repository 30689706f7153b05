"""The scored customer list: each customer's history and, when the models could be fitted, their outlook.

:func:`scored_customers` joins :func:`ltvkit.orders.customer_summary` (history, money net of
refunds) with the forecast's list, which is :func:`ltvkit.models.scoring.scored_customers`'
(P(alive), expected purchases and spend over the horizon, CLV with its 95% interval, RFM
scores and the named segment). Units are in the column names (``revenue_RUB``, ``recency_days``,
``expected_purchases_next_12_months``, ``clv_lower_95_RUB``). Its revenue column adds up to the
summary's revenue, so the list reconciles with the loader's total (``customers.csv`` of the
command). :func:`segment_table` sums the list by segment.

Example:
    >>> import pandas as pd
    >>> from ltvkit.orders import customer_summary
    >>> from ltvkit.report.forecast import ForecastSkipped
    >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [10.0, 20.0],
    ...                        "date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> scored = scored_customers(customer_summary(orders), ForecastSkipped("no repeat buyers"), margin=0.5,
    ...                           currency="USD")
    >>> scored[["revenue_USD", "historical_ltv_USD"]].to_dict("index")
    {'b': {'revenue_USD': 20.0, 'historical_ltv_USD': 10.0}, 'a': {'revenue_USD': 10.0, 'historical_ltv_USD': 5.0}}
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltvkit.checks import check_choice, check_frame, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import CURRENCIES, format_money, format_number, format_share
from ltvkit.report.forecast import Forecast, ForecastSkipped
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HISTORY_COLUMNS", "SHOWN_COLUMNS", "is_money", "rounded_money", "scored_csv", "scored_customers",
           "scored_excel", "scored_view", "segment_table", "write_scored_csv"]

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
"""customer_summary's columns -> their names in the scored list (money ones then get the currency: revenue_RUB)."""

_FROM_HISTORY_ONLY = ("customer_id", "repeat_purchases")
"""Columns of the models' list that the history already gives (the same figures), left out of the join."""

SHOWN_COLUMNS: tuple[str, ...] = ("last_purchase", "orders", "revenue", "historical_ltv", "p_alive", "clv",
                                  "clv_lower_95", "clv_upper_95", "segment")
"""The columns the section's table shows (money ones with their currency, and expected purchases); the CSV has all."""


def scored_customers(summary: pd.DataFrame, forecast: Forecast | ForecastSkipped, *, margin: float,
                     currency: str = "RUB") -> pd.DataFrame:
    """One row per customer: history, historical LTV at ``margin`` and the forecast's columns, best first.

    Columns: ``first_purchase``, ``last_purchase``, ``orders``, ``repeat_purchases``,
    ``recency_days``, ``age_days``, ``revenue_<CUR>`` (net of refunds), ``historical_ltv_<CUR>``
    (revenue x margin); with a forecast also the columns of
    :func:`ltvkit.models.scoring.scored_customers` (``weeks_since_last_purchase``,
    ``average_spend_<CUR>``, ``p_alive``, ``expected_purchases_next_<H>_months``,
    ``expected_spend_per_purchase_<CUR>``, ``clv_<CUR>`` and, when the fits give one, its interval
    ``clv_lower_95_<CUR>`` / ``clv_upper_95_<CUR>``; ``r_score``, ``f_score``, ``m_score``,
    ``rfm_score``, ``segment``). Sorted by CLV (else historical LTV), highest first, ties by
    customer id.

    Example: see the module docstring.
    """
    check_frame("summary", summary, tuple(HISTORY_COLUMNS), hint=N_("make it with customer_summary"))
    margin = check_number("margin", margin, minimum=0, maximum=1)
    currency = check_choice("currency", currency, CURRENCIES)
    names = {column: f"{name}_{currency}" if name in ("revenue", "historical_ltv") else name
             for column, name in HISTORY_COLUMNS.items()}
    scored = summary[list(HISTORY_COLUMNS)].rename(columns=names)
    scored[f"historical_ltv_{currency}"] = scored[f"revenue_{currency}"] * margin
    scored.index = scored.index.rename("customer")
    key = f"historical_ltv_{currency}"
    if isinstance(forecast, Forecast):
        outlook = forecast.scored.drop(columns=[c for c in _FROM_HISTORY_ONLY if c in forecast.scored.columns])
        scored = scored.join(outlook, how="left")
        key = f"clv_{forecast.currency}"
    order = scored.assign(_id=scored.index.astype(str)).sort_values([key, "_id"], ascending=[False, True],
                                                                      kind="stable").index
    return scored.loc[order]


def is_money(column: str) -> bool:
    """True for a money column: its name ends in a currency code (``revenue_RUB``, ``clv_lower_95_USD``).

    Example:
        >>> is_money("clv_upper_95_RUB"), is_money("p_alive")
        (True, False)
    """
    return str(column).rsplit("_", 1)[-1] in CURRENCIES


def rounded_money(scored: pd.DataFrame) -> pd.DataFrame:
    """A copy with every money column rounded to the kopeck/cent (what the CSV and the Excel file hold).

    Example:
        >>> import pandas as pd
        >>> rounded_money(pd.DataFrame({"revenue_RUB": [0.1 + 0.2], "p_alive": [0.123456]})).iloc[0].tolist()
        [0.3, 0.123456]
    """
    frame = scored.copy()
    for column in frame.columns:
        if is_money(column):
            frame[column] = frame[column].round(2)
    return frame


def scored_csv(scored: pd.DataFrame) -> str:
    """The list as CSV text: dates as YYYY-MM-DD, money to the kopeck/cent, other numbers to 4 decimals.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"revenue_RUB": [0.1 + 0.2]}, index=pd.Index(["a"], name="customer"))
        >>> scored_csv(frame).splitlines()
        ['customer,revenue_RUB', 'a,0.30']
    """
    frame = scored.copy()
    for column in frame.columns:
        if str(frame[column].dtype).startswith("datetime64"):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
        elif is_money(column):
            frame[column] = frame[column].map(lambda value: "" if value != value else f"{value:.2f}")
        elif frame[column].dtype.kind == "f":
            frame[column] = frame[column].round(4)
    return frame.to_csv(lineterminator="\n")


def scored_excel(scored: pd.DataFrame) -> bytes | None:
    """The list as an Excel workbook (``.xlsx`` bytes, sheet "customers", money rounded to the kopeck/cent).

    Written by :func:`ltvkit.models.scoring.export_scored_customers`; None when openpyxl, the
    optional dependency it needs, is not installed (``pip install 'ltvkit[excel]'``).

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"revenue_RUB": [0.1 + 0.2]}, index=pd.Index(["a"], name="customer"))
        >>> scored_excel(frame)[:2]
        b'PK'
    """
    import importlib.util
    import tempfile

    from ltvkit.models.scoring import export_scored_customers

    if importlib.util.find_spec("openpyxl") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        return export_scored_customers(rounded_money(scored).reset_index(), Path(folder) / "customers.xlsx"
                                       ).read_bytes()


def write_scored_csv(scored: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`scored_csv` to ``path`` (UTF-8) and return the path.

    Example:
        >>> import pandas as pd, tempfile
        >>> frame = pd.DataFrame({"revenue_RUB": [0.1 + 0.2]}, index=pd.Index(["a"], name="customer"))
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     print(write_scored_csv(frame, f"{folder}/customers.csv").read_text().splitlines()[1])
        a,0.30
    """
    out = Path(path)
    out.write_text(scored_csv(scored), encoding="utf-8")
    return out


def segment_table(scored: pd.DataFrame, currency: str = "RUB") -> pd.DataFrame:
    """Customers, P(alive) and CLV by named segment (the list's ``segment``), in the order of the segments.

    Columns: ``customers``, ``share_of_customers``, ``mean_p_alive``, ``clv_<CUR>`` (the segment's
    total), ``share_of_clv``, ``clv_per_customer_<CUR>``; the shares add up to 1.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"segment": ["Other", "Premium Customer", "Other"], "p_alive": [0.5, 0.9, 0.7],
        ...                       "clv_USD": [10.0, 70.0, 20.0]})
        >>> segment_table(frame, "USD")[["customers", "share_of_clv"]].to_dict("index")
        {'Premium Customer': {'customers': 1, 'share_of_clv': 0.7}, 'Other': {'customers': 2, 'share_of_clv': 0.3}}
    """
    from ltvkit.models.scoring import SEGMENTS

    check_frame("scored", scored, ("segment", "p_alive", f"clv_{currency}"), hint=N_("make it with scored_customers"))
    groups = scored.groupby("segment", sort=False)
    table = groups.agg(customers=("segment", "size"), mean_p_alive=("p_alive", "mean"),
                       clv=(f"clv_{currency}", "sum"))
    order = [name for name in (*SEGMENTS, "Other") if name in table.index]
    table = table.loc[order]
    table.insert(1, "share_of_customers", table["customers"] / table["customers"].sum())
    total = float(table["clv"].sum())
    table["share_of_clv"] = table["clv"] / total if total else 0.0
    table[f"clv_per_customer_{currency}"] = table["clv"] / table["customers"]
    return table.rename(columns={"clv": f"clv_{currency}"}).rename_axis("segment")


def _shown(frame: pd.DataFrame, currency: str) -> pd.DataFrame:
    """Money in the currency without decimals, dates as days, shares and other numbers to 2 decimals, segments
    named in the reader's language (the list itself keeps the English names, which code compares)."""
    shown = frame.copy()
    if shown.index.name == "segment":
        shown.index = shown.index.map(_)
    for column in shown.columns:
        if column == "segment":
            shown[column] = shown[column].map(lambda name: _(name) if isinstance(name, str) else name)
        elif is_money(column):
            shown[column] = shown[column].map(lambda value: format_money(value, currency, decimals=0)
                                              if value == value else "—")
        elif column.startswith("share_of_"):
            shown[column] = shown[column].map(format_share)
        elif str(shown[column].dtype).startswith("datetime64"):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
        elif shown[column].dtype.kind == "f":
            shown[column] = shown[column].round(2)
    return shown


def _segment_headings(table: pd.DataFrame, currency: str) -> pd.DataFrame:
    """The segment table with headings a reader reads, in the reader's language (:func:`segment_table` keeps
    its column names for code)."""
    from ltvkit.money import currency_unit

    unit = currency_unit(currency)
    headings = {"customers": _("customers"), "share_of_customers": _("share of customers"),
                "mean_p_alive": _("mean P(alive)"), f"clv_{currency}": _("CLV, {currency}", currency=unit),
                "share_of_clv": _("share of CLV"),
                f"clv_per_customer_{currency}": _("CLV per customer, {currency}", currency=unit)}
    return table.rename(columns=headings).rename_axis(_("segment"))


def scored_view(scored: pd.DataFrame, forecast: Forecast | ForecastSkipped, currency: str = "RUB",
                top: int = 10) -> SectionView:
    """The section: what the list holds, the customers by segment (with a forecast) and its first ``top`` customers.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"revenue_RUB": [5.0], "historical_ltv_RUB": [5.0]},
        ...                      index=pd.Index(["a"], name="customer"))
        >>> scored_view(frame, ForecastSkipped("no repeat buyers")).lines[1]
        'no forecast (no repeat buyers): the list has the history and historical LTV only, best first'
    """
    revenue = float(scored[f"revenue_{currency}"].sum())
    lines = [_("{customers} customers; revenue adds up to {revenue} (download customers.csv for the whole list)",
               customers=format_number(len(scored)), revenue=format_money(revenue, currency))]
    tables = []
    if isinstance(forecast, ForecastSkipped):
        lines.append(_("no forecast ({reason}): the list has the history and historical LTV only, best first",
                       reason=forecast.reason))
        title = _("The {count} customers with the highest historical LTV", count=min(top, len(scored)))
    else:
        lines.append(_("sorted by CLV over the next {months} months, highest first; segments are named from RFM "
                       "scores (quartiles of recency, frequency and spend, 4 the best), as pymc-marketing's "
                       "rfm_segments names them", months=forecast.horizon_months))
        once = float((scored["repeat_purchases"] == 0).mean())
        if once > 0:
            lines.append(_("{share} of customers never bought again: BG/NBD gives each of them P(alive) 1 (in that "
                           "model a customer can only drop out just after a purchase), so their segment's P(alive) "
                           "reads high; rank them by expected purchases or CLV instead", share=format_share(once)))
        tables.append((_("Customers by segment: how many, how likely still active, their CLV"),
                       _segment_headings(_shown(segment_table(scored, forecast.currency), currency),
                                         forecast.currency)))
        title = _("The {count} customers with the highest CLV", count=min(top, len(scored)))
    names = {f"{name}_{currency}" for name in SHOWN_COLUMNS} | set(SHOWN_COLUMNS)
    shown = scored.head(top)[[column for column in scored.columns if column in names
                              or column.startswith("expected_purchases_")]]
    tables.append((title, _shown(shown, currency)))
    return SectionView(SECTIONS["scored"], lines=tuple(lines), tables=tuple(tables))
