"""The figures the model papers publish, written once, with where each comes from.

Notebooks 13-15 and the tests reproduce these; nothing else types them. ``tolerance`` is the
absolute difference the reproduction is allowed, chosen from the precision the paper prints.

Example:
    >>> PUBLISHED["bgnbd-cdnow"].values["r"]
    0.243
    >>> reproduces(0.24259, "bgnbd-cdnow", "r")
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import N_, _

if TYPE_CHECKING:
    from ltvkit.models.bgnbd import BGNBDFit
    from ltvkit.models.gamma_gamma import GammaGammaFit

__all__ = ["PUBLISHED", "PublishedFigures", "published", "published_cdnow_models", "reproduces"]

FADER_HARDIE_2007 = (
    "Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention. "
    "Journal of Interactive Marketing, 21(1), 76-90."
)
FADER_HARDIE_2010 = (
    "Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a contractual setting: "
    "the perils of ignoring heterogeneity. Marketing Science, 29(1), 85-93."
)
FADER_HARDIE_LEE_2005_BGNBD = (
    "Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). \"Counting your customers\" the easy way: "
    "an alternative to the Pareto/NBD model. Marketing Science, 24(2), 275-284."
)
FADER_HARDIE_SHANG_2010 = (
    "Fader, P. S., Hardie, B. G. S. & Shang, J. (2010). Customer-base analysis in a discrete-time "
    "noncontractual setting. Marketing Science, 29(6), 1086-1108."
)
BTYDPLUS_MBGNBD = (
    "Platzer, M. BTYDplus: R package extending BTYD (MBG/NBD estimate on the CDNOW sample, as quoted by the "
    "lifetimes 0.11.3 test suite); the model is Batislam, E. P., Denizel, M. & Filiztekin, A. (2007). Empirical "
    "validation and comparison of models for customer base analysis. International Journal of Research in "
    "Marketing, 24(3), 201-209."
)
FADER_HARDIE_2013_GG = (
    "Fader, P. S. & Hardie, B. G. S. (2013). The Gamma-Gamma model of monetary value (note 025), "
    "after Fader, Hardie & Lee (2005), RFM and CLV: using iso-value curves for customer base analysis, "
    "Journal of Marketing Research, 42(4), 415-430."
)


@dataclass(frozen=True)
class PublishedFigures:
    """Figures printed in a paper: the citation, where in the paper, the values and the tolerance."""

    id: str
    citation: str
    where: str
    values: Mapping[str, Any]
    tolerance: Mapping[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        """Where in the paper the figures are, in the reader's language (the citation stays as published).

        Example:
            >>> published("sbg-regular").describe()
            "maximum-likelihood estimates for the Regular segment, fitted to years 0-7 of the paper's Table 1"
        """
        return _(self.where)


def _entry(id: str, citation: str, where: str, values: dict[str, Any], tolerance: dict[str, float]) -> PublishedFigures:
    return PublishedFigures(id, citation, where, MappingProxyType(values), MappingProxyType(tolerance))


PUBLISHED: Mapping[str, PublishedFigures] = MappingProxyType({
    entry.id: entry
    for entry in (
        _entry(
            "sbg-regular", FADER_HARDIE_2007,
            N_("maximum-likelihood estimates for the Regular segment, fitted to years 0-7 of the paper's Table 1"),
            {"alpha": 0.704, "beta": 1.182},
            {"alpha": 0.0005, "beta": 0.0005},
        ),
        _entry(
            "sbg-high-end", FADER_HARDIE_2007,
            N_("maximum-likelihood estimates for the High End segment, fitted to years 0-7 of Table 1 "
               "(the spreadsheet of the appendix; one version of the text prints alpha as 0.688)"),
            {"alpha": 0.668, "beta": 3.806},
            {"alpha": 0.0005, "beta": 0.0005},
        ),
        _entry(
            "derl-2010", FADER_HARDIE_2010,
            N_("Table 3: DERL with d = 0.10 for a customer in contract period n = 1..5 (n - 1 renewals made), "
               "two cases that share a first-year retention rate of 0.8"),
            {
                "discount_rate": 0.10,
                "case1_alpha": 3.80, "case1_beta": 15.20,
                "case2_alpha": 0.067, "case2_beta": 0.267,
                "case1_derl": (3.31, 3.45, 3.59, 3.72, 3.84),
                "case2_derl": (7.68, 9.46, 9.86, 10.06, 10.19),
            },
            # the published alpha and beta are themselves rounded: case 2 moves the 2nd decimal by <= 0.01
            {"case1_derl": 0.0051, "case2_derl": 0.0101},
        ),
        _entry(
            "bgnbd-cdnow", FADER_HARDIE_LEE_2005_BGNBD,
            N_("the BG/NBD estimates for the 2,357 CDNOW customers, calibration weeks 1-39, reported with "
               "the paper's empirical analysis and shown in its spreadsheet implementation"),
            {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "log_likelihood": -9582.4},
            {"r": 0.0005, "alpha": 0.0005, "a": 0.0005, "b": 0.0005, "log_likelihood": 0.05},
        ),
        _entry(
            "pareto-nbd-cdnow", FADER_HARDIE_LEE_2005_BGNBD,
            N_("the Pareto/NBD estimates the BG/NBD paper reports for the same 2,357 CDNOW customers and "
               "calibration weeks 1-39, beside its BG/NBD fit (two decimals; log-likelihood to one)"),
            {"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67, "log_likelihood": -9595.0},
            # beta is nearly unidentified (SE about 6): optimisers agree on it only to about 0.01
            {"r": 0.005, "alpha": 0.005, "s": 0.005, "beta": 0.005, "log_likelihood": 0.05},
        ),
        _entry(
            "bgbb-donations", FADER_HARDIE_SHANG_2010,
            N_("the BG/BB estimates for the 11,104 first-time supporters of 1995 (the 1995 cohort's repeat "
               "donations in 1996-2001, six opportunities), and Table 6's P(alive in 2002) for three histories"),
            {"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783, "log_likelihood": -33225.6,
             "p_alive_x0_tx0": 0.11, "p_alive_x2_tx4": 0.59, "p_alive_x6_tx6": 0.93},
            {"alpha": 0.0005, "beta": 0.0005, "gamma": 0.0005, "delta": 0.0005, "log_likelihood": 0.05,
             "p_alive_x0_tx0": 0.005, "p_alive_x2_tx4": 0.005, "p_alive_x6_tx6": 0.005},
        ),
        _entry(
            "bgbb-donations-spreadsheet", FADER_HARDIE_SHANG_2010,
            N_("the Excel implementation that accompanies the paper (Hardie's note 010), as quoted by lifetimes "
               "0.11.3's tests: customers expected with 0 and with 6 repeat donations in 1996-2001 (in-sample fit "
               "sheet) and the cohort's expected donations in 2002-2006 (conditional expectations sheet)"),
            {"expected_x0": 3454.9, "expected_x6": 1253.1, "expected_next_5": 12884.2},
            {"expected_x0": 0.05, "expected_x6": 0.05, "expected_next_5": 0.05},
        ),
        _entry(
            "mbgnbd-cdnow", BTYDPLUS_MBGNBD,
            N_("the MBG/NBD maximum-likelihood estimate on the 2,357 CDNOW customers, calibration weeks 1-39 "
               "(three decimals); the paper itself fits a grocery panel that is not public"),
            {"r": 0.525, "alpha": 6.183, "a": 0.891, "b": 1.614},
            {"r": 0.0005, "alpha": 0.0005, "a": 0.0005, "b": 0.0005},
        ),
        _entry(
            "gamma-gamma-cdnow", FADER_HARDIE_2013_GG,
            N_("the Gamma-Gamma estimates of the note's CDNOW example: the 946 customers with repeat "
               "purchases in weeks 1-39, fitted on their average repeat spend"),
            {"p": 6.25, "q": 3.74, "gamma": 15.44},
            # printed with two decimals; the optimum's gamma sits at 15.448, within 0.01
            {"p": 0.01, "q": 0.01, "gamma": 0.01},
        ),
    )
})


def published(figures_id: str) -> PublishedFigures:
    """The published figures with this id.

    Example:
        >>> published("sbg-regular").values["alpha"]
        0.704
    """
    try:
        return PUBLISHED[figures_id]
    except (KeyError, TypeError):
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="figures_id",
                              choices=", ".join(PUBLISHED), value=repr(figures_id))) from None


def reproduces(computed: Any, figures_id: str, name: str) -> bool:
    """True when ``computed`` is within the stated tolerance of the published figure ``name``.

    Sequences are compared element by element.

    Example:
        >>> reproduces([3.310, 3.451, 3.587, 3.717, 3.842], "derl-2010", "case1_derl")
        True
    """
    entry = published(figures_id)
    if name not in entry.values:
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="name",
                              choices=", ".join(entry.values), value=repr(name)))
    target = entry.values[name]
    tolerance = entry.tolerance.get(name, 0.0)
    if isinstance(target, tuple):
        values = list(computed)
        if len(values) != len(target):
            raise LTVInputError(_("computed must have {count} values for {name}; got {values}", count=len(target),
                                   name=name, values=len(values)))
        return all(abs(check_number(name, v) - t) <= tolerance for v, t in zip(values, target, strict=True))
    return abs(check_number(name, computed) - target) <= tolerance


def published_cdnow_models() -> tuple[BGNBDFit, GammaGammaFit]:
    """The CDNOW models with the papers' published parameters: BG/NBD (alpha in weeks) and Gamma-Gamma (USD).

    Use them to score customers without fitting, as the calculator of notebook 14 does.

    Example:
        >>> purchases, spend = published_cdnow_models()
        >>> purchases.alpha, purchases.time_unit, spend.p
        (4.414, 'weeks', 6.25)
    """
    from ltvkit.models.bgnbd import PARAMETERS as BGNBD_PARAMETERS
    from ltvkit.models.bgnbd import BGNBDFit
    from ltvkit.models.gamma_gamma import PARAMETERS as GAMMA_GAMMA_PARAMETERS
    from ltvkit.models.gamma_gamma import GammaGammaFit

    purchases = published("bgnbd-cdnow").values
    spend = published("gamma-gamma-cdnow").values
    return (
        BGNBDFit(**{name: purchases[name] for name in BGNBD_PARAMETERS}, time_unit="weeks"),
        GammaGammaFit(**{name: spend[name] for name in GAMMA_GAMMA_PARAMETERS}),
    )
