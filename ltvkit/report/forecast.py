"""The forecast section: BG/NBD + Gamma-Gamma fitted on the orders, checked on a calibration/holdout split.

:func:`holdout_check` fits both models on the first two thirds of the period the orders cover
and compares the purchases (and spend) they expect in the last third with what the same
customers did. :func:`forecast_customers` fits them on all the orders and gives each customer
P(alive), expected purchases and spend over the horizon, and CLV: margin x spend x purchases,
discounted monthly at a yearly rate, less the export's refund share (refunds are not purchases,
so the models never see them). When the models cannot learn, the result is a
:class:`ForecastSkipped` saying why, never an error: no customer bought twice, or a fit did not
converge.

This module is where the models enter the report: when ``ltvkit.models`` gains intervals and a
scored customer list, :func:`forecast_customers` is the one function to change.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [10.0, 20.0],
    ...                        "date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> print(forecast_customers(orders, margin=0.5).reason)  # doctest: +ELLIPSIS
    no customer bought twice: BG/NBD learns how often customers buy and when they stop from repeat purchases...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import check_count, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import format_money, format_number, format_share
from ltvkit.report.figures import png
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

    from ltvkit.models import BGNBDFit, GammaGammaFit, RFMSummary

__all__ = [
    "ANNUAL_DISCOUNT_RATE",
    "HOLDOUT_SHARE",
    "Forecast",
    "ForecastSkipped",
    "HoldoutCheck",
    "forecast_customers",
    "forecast_view",
    "holdout_check",
]

HOLDOUT_SHARE = 1 / 3
"""The share of the period the orders cover that the check keeps for the holdout (the last third)."""

ANNUAL_DISCOUNT_RATE = 0.10
"""The default yearly discount rate of the CLV (10%, as notebook 14 uses)."""

_NO_REPEAT = N_("no customer bought twice: BG/NBD learns how often customers buy and when they stop from repeat "
                "purchases, and Gamma-Gamma learns spend per purchase from repeat buyers, so with one purchase per "
                "customer there is nothing to learn from (a longer export, or one that keeps returning customers "
                "under one id, would have some)")


def _signed_share(share: float) -> str:
    """'+3.6%' ('+3,6 %' in Russian): a share with its sign."""
    return ("+" if share >= 0 else "") + format_share(share)


@dataclass(frozen=True)
class ForecastSkipped:
    """The forecast (or its check) could not be made, and why."""

    reason: str


@dataclass(frozen=True, eq=False)
class HoldoutCheck:
    """Models fitted up to ``calibration_end`` against what the same customers did up to ``holdout_end``.

    ``purchases`` is the BG/NBD fitted on the calibration period. Arrays are per calibration
    customer: repeat purchases in the calibration period, purchase days in the holdout (actual)
    and the BG/NBD expectation; spend in money.
    """

    calibration_end: pd.Timestamp
    holdout_end: pd.Timestamp
    purchases: BGNBDFit
    frequency: np.ndarray
    actual: np.ndarray
    expected: np.ndarray
    actual_spend: float
    expected_spend: float | None

    @property
    def purchase_error(self) -> float | None:
        """Expected over actual holdout purchases, minus 1 (None when nobody bought in the holdout)."""
        actual = float(self.actual.sum())
        return float(self.expected.sum()) / actual - 1 if actual > 0 else None

    def lines(self, currency: str = "RUB") -> list[str]:
        """The check's findings."""
        error = self.purchase_error
        lines = [
            _("check: fitted on the orders up to {end} ({customers} customers), then {end} to {holdout_end}: "
              "expected {expected} purchases, actual {actual}", end=self.calibration_end.date(),
              customers=format_number(len(self.frequency)), holdout_end=self.holdout_end.date(),
              expected=format_number(self.expected.sum()), actual=format_number(self.actual.sum()))
            + (f" ({_signed_share(error)})" if error is not None else ""),
        ]
        if self.expected_spend is not None:
            spend_error = self.expected_spend / self.actual_spend - 1 if self.actual_spend > 0 else None
            lines.append(_("check of spend in that holdout: expected {expected}, actual {actual}",
                           expected=format_money(self.expected_spend, currency, decimals=0),
                           actual=format_money(self.actual_spend, currency, decimals=0))
                         + (f" ({_signed_share(spend_error)})" if spend_error is not None else ""))
        return lines


@dataclass(frozen=True, eq=False)
class Forecast:
    """Both models fitted on all orders and each customer's outlook over ``horizon_months`` (money per customer).

    ``clv`` is margin x expected spend x expected purchases, discounted monthly at
    ``annual_discount_rate`` and less ``refund_share``; arrays follow ``customer_ids``.
    """

    purchases: BGNBDFit
    spend: GammaGammaFit
    customer_ids: np.ndarray
    probability_alive: np.ndarray
    expected_purchases: np.ndarray
    expected_spend: np.ndarray
    clv: np.ndarray
    refund_share: float
    horizon_months: int
    margin: float
    annual_discount_rate: float
    check: HoldoutCheck | ForecastSkipped

    def lines(self, currency: str = "RUB") -> list[str]:
        """The forecast's findings (the check first)."""
        fit, spend = self.purchases, self.spend
        check = self.check.lines(currency) if isinstance(self.check, HoldoutCheck) else [
            _("check skipped: {reason}", reason=self.check.reason)]
        return [
            *check,
            _("BG/NBD on all orders: r {r}, alpha {alpha} {unit}, a {a}, b {b}; Gamma-Gamma: p {p}, q {q}, "
              "gamma {gamma}; average spend per purchase {spend}", r=f"{fit.r:.3g}", alpha=f"{fit.alpha:.3g}",
              unit=fit.time_unit, a=f"{fit.a:.3g}", b=f"{fit.b:.3g}", p=f"{spend.p:.3g}", q=f"{spend.q:.3g}",
              gamma=f"{spend.gamma:.3g}", spend=format_money(spend.population_mean_spend, currency, decimals=0)),
            _("P(alive): {share} of customers more likely active than not",
              share=format_share(float(np.mean(self.probability_alive > 0.5)))),
            _("next {months} months: {purchases} purchases expected; CLV {total} in all, {mean} per customer "
              "(margin {margin}, {rate} a year discount, refunds {refunds} taken off)", months=self.horizon_months,
              purchases=format_number(self.expected_purchases.sum()),
              total=format_money(float(self.clv.sum()), currency, decimals=0),
              mean=format_money(float(self.clv.mean()), currency, decimals=0), margin=format_share(self.margin, 0),
              rate=format_share(self.annual_discount_rate, 0), refunds=format_share(self.refund_share)),
        ]


def _fit(data: RFMSummary, start: dict[str, float] | None = None) -> tuple[BGNBDFit, GammaGammaFit] | ForecastSkipped:
    """BG/NBD and Gamma-Gamma on the customers, or why they cannot be trusted."""
    from ltvkit.models import fit_bgnbd, fit_gamma_gamma

    if not np.any(data.frequency > 0):
        return ForecastSkipped(_(_NO_REPEAT))
    purchases = fit_bgnbd(data, start=start)
    if not purchases.converged:
        return ForecastSkipped(_("the BG/NBD fit did not converge ({message}): its figures would not be "
                                 "trustworthy", message=purchases.message))
    spenders = (data.frequency > 0) & (data.monetary > 0)
    if not spenders.any():
        return ForecastSkipped(_("no repeat buyer paid more than 0: Gamma-Gamma learns spend per purchase from them"))
    spend = fit_gamma_gamma(data.select(spenders))
    if not spend.converged or spend.q <= 1:
        return ForecastSkipped(_("the Gamma-Gamma fit gives no finite average spend (q = {q}, converged "
                                 "{converged}): spend per purchase varies too much to model", q=f"{spend.q:.3g}",
                                 converged=spend.converged))
    return purchases, spend


def holdout_check(orders: pd.DataFrame, *, holdout_share: float = HOLDOUT_SHARE) -> HoldoutCheck | ForecastSkipped:
    """Fit on the first part of the period the orders cover, compare with the last ``holdout_share`` of it.

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a"], "amount": [10.0], "date": pd.to_datetime(["2024-01-01"])})
        >>> holdout_check(orders).reason
        'the orders cover 0 days: the check needs at least 28, a holdout of a week or more'
    """
    import pandas as pd

    from ltvkit.models import calibration_holdout, weeks

    share = check_number("holdout_share", holdout_share, minimum=0, maximum=1, min_open=True, max_open=True)
    first, last = orders["date"].min().normalize(), orders["date"].max().normalize()
    span = (last - first).days
    if span < 28:
        return ForecastSkipped(_("the orders cover {days} days: the check needs at least 28, a holdout of a week "
                                 "or more", days=span))
    calibration_end = first + pd.Timedelta(days=round(span * (1 - share)))
    split = calibration_holdout(orders, calibration_end=calibration_end, holdout_end=last)
    fitted = _fit(split.calibration)
    if isinstance(fitted, ForecastSkipped):
        return ForecastSkipped(_("up to {end}: {reason}", end=calibration_end.date(), reason=fitted.reason))
    purchases, spend = fitted
    expected = purchases.conditional_expected_purchases(split.calibration, weeks((last - calibration_end).days / 7))
    expected_spend = float(np.sum(expected * spend.conditional_expected_spend(split.calibration)))
    return HoldoutCheck(calibration_end, last, purchases, split.calibration.frequency, split.holdout_purchases,
                        expected, float(split.holdout_spend.sum()), expected_spend)


def forecast_customers(
    orders: pd.DataFrame,
    *,
    margin: float,
    horizon_months: int = 12,
    annual_discount_rate: float = ANNUAL_DISCOUNT_RATE,
    check: bool = True,
) -> Forecast | ForecastSkipped:
    """Fit BG/NBD + Gamma-Gamma on all ``orders`` (after the holdout check) and score every customer.

    Args:
        orders: as :func:`ltvkit.orders.read_orders` returns; refunds are kept apart as a share.
        margin: share of spend kept as gross profit, in [0, 1].
        horizon_months: the CLV horizon, whole months >= 1 (monthly discounting steps).
        annual_discount_rate: yearly, >= 0 (0.10 is 10% a year).
        check: run :func:`holdout_check` first (its result is in ``Forecast.check``).

    Example: see the module docstring.
    """
    from ltvkit.models import customer_lifetime_value, months, purchase_history

    margin = check_number("margin", margin, minimum=0, maximum=1)
    horizon = check_count("horizon_months", horizon_months, minimum=1)
    rate = check_number("annual_discount_rate", annual_discount_rate, minimum=0)
    history = purchase_history(orders)
    if not np.any(history.data.frequency > 0):
        return ForecastSkipped(_(_NO_REPEAT))
    checked: HoldoutCheck | ForecastSkipped = holdout_check(orders) if check else ForecastSkipped(_("not asked for"))
    # the check's fit is a good start for the fit on all orders: fewer iterations, the same maximum
    fitted = _fit(history.data, start=checked.purchases.params if isinstance(checked, HoldoutCheck) else None)
    if isinstance(fitted, ForecastSkipped):
        return fitted
    purchases, spend = fitted
    value = customer_lifetime_value(purchases, spend, history.data, horizon=months(horizon), step=months(1),
                                    margin=margin, annual_discount_rate=rate)
    keep = 1.0 - min(max(history.refund_share, 0.0), 1.0)
    return Forecast(
        purchases=purchases, spend=spend, customer_ids=np.asarray(history.data.customer_ids),
        probability_alive=purchases.probability_alive(history.data), expected_purchases=value.expected_purchases,
        expected_spend=value.expected_spend, clv=value.clv * keep, refund_share=float(history.refund_share) + 0.0,
        horizon_months=horizon, margin=margin, annual_discount_rate=rate, check=checked,
    )


def forecast_view(result: Forecast | ForecastSkipped, currency: str = "RUB") -> SectionView:
    """The section: the check (chart of holdout purchases by calibration frequency) and the forecast's findings.

    Example:
        >>> forecast_view(ForecastSkipped("no repeat buyers")).skipped
        'no repeat buyers'
    """
    from ltvkit.plots import holdout_by_frequency_chart

    section = SECTIONS["forecast"]
    if isinstance(result, ForecastSkipped):
        return SectionView(section, skipped=result.reason)
    figures: list[tuple[str, Any]] = []
    if isinstance(result.check, HoldoutCheck):
        chart = holdout_by_frequency_chart(result.check.frequency, result.check.actual,
                                           {_("BG/NBD expected"): result.check.expected})
        chart.axes[0].set_title(_("Holdout purchases per customer: actual against expected"))
        figures.append(png(_("Holdout check by calibration frequency"), chart))
    return SectionView(section, lines=tuple(result.lines(currency)), figures=tuple(figures))
