"""The LTV figure checklist: the eight labels an LTV needs before it can be compared or used (notebooks 02, 16).

An LTV is a number with hidden choices: which money, over which period, revenue or profit,
before or after CAC, discounted or not, how far ahead, measured on customers how old, and the
mean or the median. :func:`ltv_checklist` writes a figure down with its labels and prints a card
that says which of them are still not stated.

Example:
    >>> card = ltv_checklist(8_000, currency="RUB", measure="gross profit", cac="after CAC")
    >>> card.missing()[:2]
    ['period', 'discount rate']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.i18n import N_, _, ngettext
from ltvkit.money import CURRENCIES, format_money, format_number

__all__ = ["CAC_CHOICES", "CHECKLIST", "MEASURES", "STATISTICS", "LtvFigure", "ltv_checklist"]

CHECKLIST: tuple[tuple[str, str, str], ...] = (
    ("currency", N_("currency"), N_("which money (RUB, USD, CNY), and of which year")),
    ("period", N_("period"), N_("per what time: a month, a year, a whole lifetime")),
    ("measure", N_("revenue, gross or contribution"), N_("what is added up: what customers pay, less the cost of "
                                                         "goods, or less every cost of a sale")),
    ("cac", N_("before or after CAC"), N_("whether the cost of winning the customer is already taken off")),
    ("discount_rate", N_("discount rate"), N_("whether later money is counted at today's value, and at what rate")),
    ("horizon", N_("horizon"), N_("how far ahead (a forecast) or back (a history) it counts")),
    ("cohort_age", N_("cohort age"), N_("how long the customers behind it have been watched")),
    ("statistic", N_("mean or median"), N_("per whom: the average customer, the median one, or one customer")),
)
"""The checklist: (field, label, what it asks), in the order of the card (English; the card shows them translated)."""

MEASURES: tuple[str, ...] = (N_("revenue"), N_("gross profit"), N_("contribution"))
CAC_CHOICES: tuple[str, ...] = (N_("before CAC"), N_("after CAC"))
STATISTICS: tuple[str, ...] = (N_("mean"), N_("median"), N_("one customer"))
_CHOSEN = ("measure", "cac", "statistic")  # labels whose value is one of the lists above (shown translated)


@dataclass(frozen=True)
class LtvFigure:
    """An LTV figure with its labels; None marks a label not stated. Printing it shows the card."""

    value: float | None
    currency: str | None
    period: str | None
    measure: str | None
    cac: str | None
    discount_rate: str | None
    horizon: str | None
    cohort_age: str | None
    statistic: str | None

    def missing(self) -> list[str]:
        """The labels of the checklist not stated yet, in the card's order.

        Example:
            >>> len(ltv_checklist(100).missing())
            8
        """
        return [label for name, label, _ in CHECKLIST if getattr(self, name) is None]

    def _shown(self, name: str) -> str:
        value = getattr(self, name)
        if value is None:
            return _("— not stated")
        return _(value) if name in _CHOSEN else value

    def __str__(self) -> str:
        value = _("no figure") if self.value is None else (
            format_money(self.value, self.currency) if self.currency
            else _("{value} (no currency)", value=format_number(self.value, 2)))
        labels = {name: _(label) for name, label, _question in CHECKLIST}
        width = max(len(label) for label in labels.values())
        lines = [_("LTV figure: {value}", value=value)]
        lines += [f"  {labels[name]:<{width}}  {self._shown(name)}" for name in labels]
        missing = [_(label) for label in self.missing()]
        stated = len(CHECKLIST) - len(missing)
        lines.append("  " + (ngettext("{stated} label stated, {missing} missing; ask for: {labels}",
                                      "{stated} labels stated, {missing} missing; ask for: {labels}", stated,
                                      stated=stated, missing=len(missing), labels=", ".join(missing))
                             if missing else _("every label stated")))
        return "\n".join(lines)


def _text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise LTVInputError(_("{name} must be a few words (text) or None when the figure does not say; got {value}",
                              name=name, value=repr(value)))
    return value.strip()


def ltv_checklist(
    value: float | None = None,
    *,
    currency: str | None = None,
    period: str | None = None,
    measure: str | None = None,
    cac: str | None = None,
    discount_rate: str | None = None,
    horizon: str | None = None,
    cohort_age: str | None = None,
    statistic: str | None = None,
) -> LtvFigure:
    """Write an LTV figure down with the eight labels of the checklist; leave out what the figure does not say.

    Args:
        value: the figure (money), or None.
        currency: "RUB", "USD" or "CNY".
        period: per what time, in words ("a year", "the customer's history so far").
        measure: "revenue", "gross profit" or "contribution".
        cac: "before CAC" or "after CAC".
        discount_rate: in words, "none" included ("10% a year", "none (undiscounted)").
        horizon: in words ("36 months ahead", "to date").
        cohort_age: in words ("customers of 2023, two years watched").
        statistic: "mean", "median" or "one customer".

    Returns:
        An :class:`LtvFigure`; print it to see the card.

    Example:
        >>> print(ltv_checklist(8_000, currency="RUB", period="the customer's three purchases",
        ...                     measure="gross profit", cac="after CAC", statistic="one customer"))
        ... # doctest: +NORMALIZE_WHITESPACE
        LTV figure: 8,000 RUB
          currency                        RUB
          period                          the customer's three purchases
          revenue, gross or contribution  gross profit
          before or after CAC             after CAC
          discount rate                   — not stated
          horizon                         — not stated
          cohort age                      — not stated
          mean or median                  one customer
          5 labels stated, 3 missing; ask for: discount rate, horizon, cohort age
    """
    figure = None if value is None else check_number("value", value, scalar=True)
    labels = {
        "currency": None if currency is None else check_choice("currency", currency, CURRENCIES),
        "measure": None if measure is None else check_choice("measure", measure, MEASURES),
        "cac": None if cac is None else check_choice("cac", cac, CAC_CHOICES),
        "statistic": None if statistic is None else check_choice("statistic", statistic, STATISTICS),
    }
    texts = {name: _text(name, given) for name, given in (("period", period), ("discount_rate", discount_rate),
                                                          ("horizon", horizon), ("cohort_age", cohort_age))}
    return LtvFigure(value=figure, **labels, **texts)
