"""One report on one order export: every section computed once, in order, for the notebook, the command and the app.

:class:`OrdersReport` holds the orders and the choices (margin, currency, costs, horizon) and
computes each section when asked (:meth:`OrdersReport.view`), keeping what sections share (the
customer summary, the forecast). :meth:`OrdersReport.headline` gives the figures of
``summary.json`` and :meth:`OrdersReport.write_tables` writes ``customers.csv`` and
``summary.json``.

Example:
    >>> import io
    >>> from ltvkit.orders import read_orders
    >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,100\\na,2024-03-09,50\\nb,2024-02-01,80\\n"),
    ...                      customer="id", date="day", amount="sum")
    >>> report = OrdersReport(orders, margin=0.5, currency="USD")
    >>> report.view("distribution").lines[0]
    'mean historical LTV $58 per customer, median $58: the mean is 1.0 times the median (margin 50%)'
    >>> report.headline()["revenue"]
    230.0
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltvkit.checks import LTVInputError, check_choice, check_count, check_number
from ltvkit.i18n import _
from ltvkit.money import CURRENCIES
from ltvkit.report.channels import channel_economics, channel_view
from ltvkit.report.cohorts import cohort_overview, cohort_view
from ltvkit.report.distribution import distribution_view, ltv_distribution
from ltvkit.report.forecast import ANNUAL_DISCOUNT_RATE, Forecast, ForecastSkipped, forecast_customers, forecast_view
from ltvkit.report.load import load_facts, load_view
from ltvkit.report.scored import scored_customers, scored_view, segment_table, write_scored_csv
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

    from ltvkit.report.columns import ColumnGuess

__all__ = ["OrdersReport"]


class OrdersReport:
    """The report's sections on one export (as :func:`ltvkit.orders.read_orders` returns it).

    Args:
        orders: the order rows, with ``channel`` (and ``partner``) when the export has them.
        margin: share of revenue kept as gross profit, in [0, 1] (1: LTV is revenue).
        currency: RUB, USD or CNY, for the text and the charts.
        costs: a cost sheet (:func:`ltvkit.report.read_costs`), or None.
        horizon_months: the forecast's horizon; annual_discount_rate its yearly discount rate.
        columns: the columns used and how they were found, shown in the header.
        course_url: where the course notebooks are, with ``{slug}`` (None: not linked).
    """

    def __init__(
        self, orders: pd.DataFrame, *, margin: float = 1.0, currency: str = "RUB", costs: pd.DataFrame | None = None,
        horizon_months: int = 12, annual_discount_rate: float = ANNUAL_DISCOUNT_RATE,
        columns: ColumnGuess | None = None, course_url: str | None = None,
    ) -> None:
        self.orders = orders
        self.margin = check_number("margin", margin, minimum=0, maximum=1)
        self.currency = check_choice("currency", currency, CURRENCIES)
        self.costs = costs
        self.horizon_months = check_count("horizon_months", horizon_months, minimum=1)
        self.annual_discount_rate = check_number("annual_discount_rate", annual_discount_rate, minimum=0)
        self.columns = columns
        self.course_url = course_url
        self._builders: dict[str, Callable[[], SectionView]] = {
            "load": lambda: load_view(self.facts, self.currency),
            "distribution": lambda: distribution_view(self.summary, self.distribution, self.currency),
            "cohorts": lambda: cohort_view(cohort_overview(self.orders, margin=self.margin), self.currency),
            "channels": self._channel_view,
            "forecast": lambda: forecast_view(self.forecast, self.currency),
            "scored": lambda: scored_view(self.scored, self.forecast, self.currency),
        }

    @functools.cached_property
    def facts(self) -> Any:
        """What the loader read (:class:`ltvkit.report.load.LoadFacts`)."""
        return load_facts(self.orders)

    @functools.cached_property
    def summary(self) -> pd.DataFrame:
        """One row per customer (:func:`ltvkit.orders.customer_summary`, days)."""
        from ltvkit.orders import customer_summary

        return customer_summary(self.orders, margin=self.margin)

    @functools.cached_property
    def distribution(self) -> Any:
        """Mean, median and tail of historical LTV (:class:`ltvkit.report.distribution.LTVDistribution`)."""
        return ltv_distribution(self.summary, margin=self.margin)

    @functools.cached_property
    def forecast(self) -> Forecast | ForecastSkipped:
        """BG/NBD + Gamma-Gamma with the holdout check, or why it was skipped."""
        return forecast_customers(self.orders, margin=self.margin, horizon_months=self.horizon_months,
                                  annual_discount_rate=self.annual_discount_rate, currency=self.currency)

    @functools.cached_property
    def scored(self) -> pd.DataFrame:
        """The scored customer list (:func:`ltvkit.report.scored.scored_customers`)."""
        return scored_customers(self.summary, self.forecast, margin=self.margin, currency=self.currency)

    @functools.cached_property
    def channels(self) -> pd.DataFrame | None:
        """LTV (and with costs CAC, LTV:CAC) per source; None without a channel column."""
        if "channel" not in self.orders.columns:
            return None
        return channel_economics(self.orders, self.costs, margin=self.margin, summary=self.summary)

    def _channel_view(self) -> SectionView:
        if self.channels is None:
            reason = _("the export has no channel column named or found: give one (--channel COL) to see LTV by "
                       "channel")
            return channel_view(None, self.currency, reason=reason)
        return channel_view(self.channels, self.currency)

    def view(self, key: str) -> SectionView:
        """One section, computed now (``key`` one of :data:`ltvkit.report.SECTIONS`).

        Example: see the module docstring.
        """
        if key not in self._builders:
            raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="key",
                                  choices=", ".join(SECTIONS), value=repr(key)))
        view = self._builders[key]()
        return SectionView(view.section, view.lines, view.tables, view.figures, view.skipped, self.course_url)

    def headline(self) -> dict[str, Any]:
        """The headline figures (``summary.json``): totals that reconcile with the loader, LTV, forecast.

        ``orders_amount`` is the net total of the rows read; ``revenue`` the scored list's total;
        ``refund_only_amount`` what customers with refunds only (left out of the list) add.
        """
        facts, summary_report = self.facts, self.summary.attrs["summary_report"]
        distribution, report = self.distribution, facts.report
        money = lambda value: round(float(value), 2)  # noqa: E731
        figures: dict[str, Any] = {
            "source": report.source, "currency": self.currency, "margin": self.margin,
            "columns": self.columns.as_read_orders() if self.columns else None,
            "rows_read": report.rows_read, "rows_kept": facts.rows_kept, "rows_skipped": len(report.skipped_lines),
            "skipped_lines": list(report.skipped_lines), "skipped_amount": money(report.skipped_amount),
            "refund_rows": facts.refund_rows, "refund_amount": money(facts.refund_amount),
            "orders_amount": money(facts.total_amount), "first_day": str(facts.first_day.date()),
            "last_day": str(facts.last_day.date()), "customers": len(self.scored),
            "revenue": money(self.scored[f"revenue_{self.currency}"].sum()),
            "refund_only_customers": summary_report.refund_only_customers,
            "refund_only_amount": money(summary_report.refund_only_amount),
            "mean_historical_ltv": money(distribution.mean), "median_historical_ltv": money(distribution.median),
            "top_10_share": distribution.top_10_share, "one_time_share": distribution.one_time_share,
        }
        forecast = self.forecast
        if isinstance(forecast, ForecastSkipped):
            figures["forecast"] = {"skipped": forecast.reason}
        else:
            figures["forecast"] = {
                "horizon_months": forecast.horizon_months, "annual_discount_rate": forecast.annual_discount_rate,
                "clv_total": money(forecast.clv.sum()), "clv_mean": money(forecast.clv.mean()),
                **self._clv_interval(forecast),
                "expected_purchases": round(float(forecast.expected_purchases.sum()), 1),
                "segments": {name: {"customers": int(row["customers"]), "clv": money(row[f"clv_{self.currency}"])}
                             for name, row in segment_table(self.scored, self.currency).iterrows()},
                "bgnbd": forecast.purchases.params | {"time_unit": forecast.purchases.time_unit},
                "gamma_gamma": forecast.spend.params, "refund_share": forecast.refund_share,
                "fit_warnings": list(forecast.fit_warnings),
                "holdout_purchase_error": getattr(forecast.check, "purchase_error", None),
            }
        return figures

    @staticmethod
    def _clv_interval(forecast: Forecast) -> dict[str, Any]:
        """The whole base's CLV interval for ``summary.json`` (None with the reason when the fits give none)."""
        if forecast.intervals is None:
            return {"clv_total_lower_95": None, "clv_total_upper_95": None, "clv_interval": forecast.interval_note}
        base = forecast.intervals.base_clv
        return {"clv_total_lower_95": round(base["lower"], 2), "clv_total_upper_95": round(base["upper"], 2),
                "clv_interval": f"{forecast.intervals.draws} seeded parametric draws of both models' parameters"}

    def write_tables(self, out_dir: str | Path) -> tuple[Path, Path]:
        """Write ``customers.csv`` (the scored list) and ``summary.json`` (:meth:`headline`) into ``out_dir``."""
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        csv_path = write_scored_csv(self.scored, folder / "customers.csv")
        json_path = folder / "summary.json"
        json_path.write_text(json.dumps(self.headline(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return csv_path, json_path
