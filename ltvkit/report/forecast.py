"""The forecast section: BG/NBD + Gamma-Gamma fitted on the orders, checked on a calibration/holdout split.

:func:`holdout_check` fits both models on the first two thirds of the period the orders cover
and compares the purchases (and spend) they expect in the last third with what the same
customers did. :func:`forecast_customers` fits them on all the orders and scores every customer
with :mod:`ltvkit.models`' own scored list: P(alive), expected purchases and spend over the
horizon, CLV (margin x spend x purchases, discounted monthly at a yearly rate, less the export's
refund share: refunds are not purchases, so the models never see them) with its interval from
seeded parametric draws, RFM scores and the named segment. A fit that may not be trustworthy
(an :class:`~ltvkit.models.LTVFitWarning`) is shown as a sentence of caution, not a traceback.
The section also shows each fit's parameters with standard errors and 95% intervals
(:func:`fit_table`) and a sentence on its diagnostics (:func:`fit_diagnostics`). When the models
cannot learn, the result is a :class:`ForecastSkipped` saying why, never an error: no customer
bought twice, spend per purchase has no finite mean, or fits that ran off to extreme parameters
give a forecast that is not a number.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [10.0, 20.0],
    ...                        "date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> print(forecast_customers(orders, margin=0.5).reason)  # doctest: +ELLIPSIS
    no customer bought twice: BG/NBD learns how often customers buy and when they stop from repeat purchases...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import check_choice, check_count, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import CURRENCIES, format_money, format_number, format_share, localised_number_text
from ltvkit.report.figures import png
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

    from ltvkit.models import BGNBDFit, CLVIntervals, GammaGammaFit, RFMSummary

__all__ = [
    "ANNUAL_DISCOUNT_RATE",
    "HOLDOUT_SHARE",
    "INTERVAL_DRAWS",
    "INTERVAL_SEED",
    "Forecast",
    "ForecastSkipped",
    "HoldoutCheck",
    "fit_diagnostics",
    "fit_table",
    "forecast_customers",
    "forecast_view",
    "holdout_check",
]

HOLDOUT_SHARE = 1 / 3
"""The share of the period the orders cover that the check keeps for the holdout (the last third)."""

ANNUAL_DISCOUNT_RATE = 0.10
"""The default yearly discount rate of the CLV (10%, as notebook 14 uses)."""

INTERVAL_DRAWS = 200
"""Parameter sets drawn for the CLV intervals: each end of a 95% interval then rests on the 5 most extreme
draws on its side, which puts it within about a tenth of the interval's half-width of where endless draws
would (sqrt(0.025 x 0.975 / 200) / phi(1.96) = 0.19 standard deviations against 1.96); the library's 1,000
would halve that error and take five times as long, which on a 1M-order export (100,000 customers) would
make the intervals the slowest part of the report."""

INTERVAL_SEED = 12
"""The seed of the CLV intervals' draws: the same export gives the same intervals."""

_NO_REPEAT = N_("no customer bought twice: BG/NBD learns how often customers buy and when they stop from repeat "
                "purchases, and Gamma-Gamma learns spend per purchase from repeat buyers, so with one purchase per "
                "customer there is nothing to learn from (a longer export, or one that keeps returning customers "
                "under one id, would have some)")


def _figure(value: float, digits: int = 3) -> str:
    """A model parameter to ``digits`` significant figures, in the reader's style ('0.231', '0,231' in Russian)."""
    return localised_number_text(f"{value:.{digits}g}")


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
    fit_warnings: tuple[str, ...] = ()

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
        lines.extend(_("caution about the check: {message}", message=_sentence(message))
                     for message in self.fit_warnings)
        return lines


@dataclass(frozen=True, eq=False)
class Forecast:
    """Both models fitted on all orders and each customer's outlook over ``horizon_months``.

    ``scored`` is :func:`ltvkit.models.scoring.scored_customers`' list (one row per customer,
    indexed by customer id, units in the column names: P(alive), expected purchases, expected
    spend per purchase, CLV and its interval, RFM scores and segment). CLV is margin x expected
    spend x expected purchases, discounted monthly at ``annual_discount_rate``, less
    ``refund_share`` (the models see purchases only). ``intervals`` holds the parametric
    intervals behind the CLV columns (None, with ``interval_note`` saying why, when the fits
    cannot give them); ``fit_warnings`` are the fits' :class:`~ltvkit.models.LTVFitWarning`
    messages, shown as sentences.
    """

    purchases: BGNBDFit
    spend: GammaGammaFit
    scored: pd.DataFrame
    intervals: CLVIntervals | None
    interval_note: str
    refund_share: float
    horizon_months: int
    margin: float
    annual_discount_rate: float
    currency: str
    check: HoldoutCheck | ForecastSkipped
    fit_warnings: tuple[str, ...] = ()

    @property
    def customer_ids(self) -> np.ndarray:
        """The customers, in the order of every array here."""
        return self.scored.index.to_numpy()

    @property
    def clv(self) -> np.ndarray:
        """CLV over the horizon per customer, net of refunds (money)."""
        return self.scored[f"clv_{self.currency}"].to_numpy()

    @property
    def expected_purchases(self) -> np.ndarray:
        """Purchases each customer is expected to make over the horizon."""
        return self.scored[f"expected_purchases_next_{self.horizon_months:g}_months"].to_numpy()

    @property
    def probability_alive(self) -> np.ndarray:
        """P(alive) per customer, a share."""
        return self.scored["p_alive"].to_numpy()

    def lines(self, currency: str = "RUB") -> list[str]:
        """The forecast's findings (the check first, a caution per fit warning)."""
        from ltvkit.models.units import Duration

        fit, spend = self.purchases, self.spend
        check = self.check.lines(currency) if isinstance(self.check, HoldoutCheck) else [
            _("check skipped: {reason}", reason=self.check.reason)]
        money = lambda value: format_money(value, currency, decimals=0)  # noqa: E731
        total = _("CLV {total} in all", total=money(float(self.clv.sum())))
        if self.intervals is not None:
            base = self.intervals.base_clv
            total += _(" (95% interval {lower} to {upper}, from {draws} parameter sets drawn from the fits' "
                       "uncertainty)", lower=money(base["lower"]), upper=money(base["upper"]),
                       draws=self.intervals.draws)
        return [
            *check,
            *(_("caution: {message}; the figures below are computed anyway, read them as rough",
                message=_sentence(message)) for message in self.fit_warnings),
            _("BG/NBD on all orders: r {r}, alpha {alpha}, a {a}, b {b}; Gamma-Gamma: p {p}, q {q}, "
              "gamma {gamma}; average spend per purchase {spend}", r=_figure(fit.r),
              alpha=str(Duration(float(f"{fit.alpha:.3g}"), fit.time_unit)), a=_figure(fit.a), b=_figure(fit.b),
              p=_figure(spend.p), q=_figure(spend.q), gamma=_figure(spend.gamma),
              spend=money(spend.population_mean_spend)),
            *(fit_diagnostics(name, model) for name, model in (("BG/NBD", fit), ("Gamma-Gamma", spend))),
            _("P(alive): {share} of customers more likely active than not",
              share=format_share(float(np.mean(self.probability_alive > 0.5)))),
            _("next {months} months: {purchases} purchases expected; {total}, {mean} per customer "
              "(margin {margin}, {rate} a year discount, refunds {refunds} taken off)", months=self.horizon_months,
              purchases=format_number(self.expected_purchases.sum()), total=total,
              mean=money(float(self.clv.mean())), margin=format_share(self.margin, 0),
              rate=format_share(self.annual_discount_rate, 0), refunds=format_share(self.refund_share)),
            *([self.interval_note] if self.interval_note else []),
        ]


def fit_table(result: Forecast) -> pd.DataFrame:
    """Both models' parameters: estimate, standard error and 95% interval (each fit's own ``summary()``).

    Rows are indexed by (model, parameter); the interval is exp(log estimate +- 1.96 SE of the
    log), the standard errors from the observed information at the optimum.

    Example:
        >>> from ltvkit.models import BGNBDFit, GammaGammaFit
        >>> result = Forecast(BGNBDFit(r=0.24, alpha=4.4, a=0.79, b=2.4, time_unit="weeks"),
        ...                   GammaGammaFit(p=6.2, q=3.7, gamma=15.4), None, None, "", 0.0, 12, 0.5, 0.1, "USD",
        ...                   ForecastSkipped("not asked for"))
        >>> fit_table(result).index.tolist()[:2], fit_table(result).columns.tolist()
        ([('BG/NBD', 'r'), ('BG/NBD', 'alpha')], ['estimate', 'standard_error', 'lower_95', 'upper_95'])
    """
    import pandas as pd

    return pd.concat({"BG/NBD": result.purchases.summary(), "Gamma-Gamma": result.spend.summary()},
                     names=["model", "parameter"])


def fit_diagnostics(name: str, fit: Any) -> str:
    """One sentence on a fit's diagnostics: trustworthy or why not, iterations, gradient, Hessian, bounds.

    Example:
        >>> from ltvkit.models import BGNBDFit
        >>> fit_diagnostics("BG/NBD", BGNBDFit(r=0.24, alpha=4.4, a=0.79, b=2.4, time_unit="weeks"))
        'BG/NBD fit: no diagnostics (parameters given, not fitted)'
    """
    checks = fit.diagnostics
    if checks is None:
        return _("{name} fit: no diagnostics (parameters given, not fitted)", name=name)
    verdict = _("all checks passed") if checks.trustworthy else _("NOT trustworthy: {problems}", problems="; ".join(
        _sentence(problem) for problem in checks.problems))
    return _("{name} fit: {verdict} ({iterations} iterations; largest gradient of the mean log-likelihood "
             "{gradient}; condition number of the Hessian {condition}; parameters at a bound: {bounds})",
             name=name, verdict=verdict, iterations=checks.iterations, gradient=f"{checks.gradient_norm:.0e}",
             condition=f"{checks.hessian_condition:.1e}", bounds=", ".join(checks.bounds_hit) or _("none"))


def _not_a_number(fit_warnings: tuple[str, ...]) -> str:
    """Why a forecast is skipped when a fit that ran off to extreme parameters gives figures that are not numbers."""
    why = "; ".join(_sentence(message) for message in fit_warnings) or _("the fits ran off to extreme parameters")
    return _("the models' forecast is not a number for some customers, so none is shown ({why})", why=why)


def _sentence(message: str) -> str:
    """A warning's message as the middle of a sentence: no trailing full stop."""
    return message.strip().rstrip(".")


def _quietly(fit: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, list[str]]:
    """Run a fit, keeping its LTVFitWarning messages (to show as sentences) instead of letting them print."""
    import warnings

    from ltvkit.models import LTVFitWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LTVFitWarning)
        result = fit(*args, **kwargs)
    messages = []
    for warning in caught:
        if issubclass(warning.category, LTVFitWarning):
            messages.append(str(warning.message))
        else:  # not ours to swallow
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return result, messages


def _fit(data: RFMSummary, start: dict[str, float] | None = None
         ) -> tuple[BGNBDFit, GammaGammaFit, tuple[str, ...]] | ForecastSkipped:
    """BG/NBD and Gamma-Gamma on the customers with the fits' warnings, or why there is no forecast."""
    from ltvkit.models import fit_bgnbd, fit_gamma_gamma

    if not np.any(data.frequency > 0):
        return ForecastSkipped(_(_NO_REPEAT))
    purchases, purchase_warnings = _quietly(fit_bgnbd, data, start=start)
    spenders = (data.frequency > 0) & (data.monetary > 0)
    if not spenders.any():
        return ForecastSkipped(_("no repeat buyer paid more than 0: Gamma-Gamma learns spend per purchase from them"))
    spend, spend_warnings = _quietly(fit_gamma_gamma, data.select(spenders))
    if spend.q <= 1:
        return ForecastSkipped(_("the Gamma-Gamma fit gives no finite average spend (q = {q}): spend per purchase "
                                 "varies too much to model", q=f"{spend.q:.3g}"))
    return purchases, spend, tuple(purchase_warnings + spend_warnings)


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
    purchases, spend, fit_warnings = fitted
    expected = purchases.conditional_expected_purchases(split.calibration, weeks((last - calibration_end).days / 7))
    if not np.all(np.isfinite(expected)):
        return ForecastSkipped(_("up to {end}: {reason}", end=calibration_end.date(),
                                 reason=_not_a_number(fit_warnings)))
    expected_spend: float | None = float(np.sum(expected * spend.conditional_expected_spend(split.calibration)))
    if not np.isfinite(expected_spend):  # a fit at its bounds can give no finite spend: no spend check then
        expected_spend = None
    return HoldoutCheck(calibration_end, last, purchases, split.calibration.frequency, split.holdout_purchases,
                        expected, float(split.holdout_spend.sum()), expected_spend, fit_warnings)


def forecast_customers(
    orders: pd.DataFrame,
    *,
    margin: float,
    horizon_months: int = 12,
    annual_discount_rate: float = ANNUAL_DISCOUNT_RATE,
    currency: str = "RUB",
    check: bool = True,
    draws: int = INTERVAL_DRAWS,
) -> Forecast | ForecastSkipped:
    """Fit BG/NBD + Gamma-Gamma on all ``orders`` (after the holdout check) and score every customer.

    The scored list and the CLV intervals are :mod:`ltvkit.models`' own
    (:func:`~ltvkit.models.scoring.scored_customers`, :func:`~ltvkit.models.uncertainty.clv_intervals`
    with ``draws`` seeded parametric draws, seed :data:`INTERVAL_SEED`); refunds come off the CLV
    through the margin: margin x (1 - refund share).

    Args:
        orders: as :func:`ltvkit.orders.read_orders` returns; refunds are kept apart as a share.
        margin: share of spend kept as gross profit, in [0, 1].
        horizon_months: the CLV horizon, whole months >= 1 (monthly discounting steps).
        annual_discount_rate: yearly, >= 0 (0.10 is 10% a year).
        currency: RUB, USD or CNY: the money columns' suffix.
        check: run :func:`holdout_check` first (its result is in ``Forecast.check``).
        draws: parameter sets behind the CLV intervals (see :data:`INTERVAL_DRAWS`).

    Example: see the module docstring.
    """
    from dataclasses import replace

    from ltvkit.models import months, purchase_history
    from ltvkit.models.scoring import scored_customers

    margin = check_number("margin", margin, minimum=0, maximum=1)
    horizon = check_count("horizon_months", horizon_months, minimum=1)
    rate = check_number("annual_discount_rate", annual_discount_rate, minimum=0)
    currency = check_choice("currency", currency, CURRENCIES)
    history = purchase_history(orders)
    if not np.any(history.data.frequency > 0):
        return ForecastSkipped(_(_NO_REPEAT))
    checked: HoldoutCheck | ForecastSkipped = holdout_check(orders) if check else ForecastSkipped(_("not asked for"))
    # the check's fit is a good start for the fit on all orders: fewer iterations, the same maximum
    fitted = _fit(history.data, start=checked.purchases.params if isinstance(checked, HoldoutCheck) else None)
    if isinstance(fitted, ForecastSkipped):
        return fitted
    purchases, spend, fit_warnings = fitted
    data = replace(history.data, currency=currency)
    refund_share = min(max(float(history.refund_share), 0.0), 1.0)
    terms = {"horizon": months(horizon), "step": months(1), "margin": margin * (1.0 - refund_share),
             "annual_discount_rate": rate}
    intervals, note = _intervals(purchases, spend, data, terms, draws)
    table = scored_customers(purchases, spend, data, **terms, intervals=intervals).set_index("customer_id")
    if not np.all(np.isfinite(table[f"clv_{currency}"])):
        return ForecastSkipped(_not_a_number(fit_warnings))
    return Forecast(
        purchases=purchases, spend=spend, scored=table.rename_axis("customer"), intervals=intervals,
        interval_note=note, refund_share=float(history.refund_share) + 0.0, horizon_months=horizon, margin=margin,
        annual_discount_rate=rate, currency=currency, check=checked, fit_warnings=fit_warnings,
    )


def _intervals(purchases: BGNBDFit, spend: GammaGammaFit, data: RFMSummary, terms: dict[str, Any],
               draws: int) -> tuple[CLVIntervals | None, str]:
    """The CLV intervals, or None and the sentence saying why there are none."""
    from ltvkit.models.uncertainty import clv_intervals

    if not (purchases.converged and spend.converged):
        return None, _("no CLV interval: a fit that is not trustworthy has no trustworthy standard errors either, "
                       "and the interval is drawn from them")
    return clv_intervals(purchases, spend, data, **terms, draws=check_count("draws", draws, minimum=1),
                         seed=INTERVAL_SEED), ""


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
    headings = {"estimate": _("estimate"), "standard_error": _("standard error"), "lower_95": _("lower 95%"),
                "upper_95": _("upper 95%")}
    table = fit_table(result).map(lambda value: _figure(value, 4)).rename(columns=headings)
    table = table.rename_axis([_("model"), _("parameter")])
    return SectionView(section, lines=tuple(result.lines(currency)), figures=tuple(figures),
                       tables=((_("The fitted parameters with their standard errors and 95% intervals"), table),))
