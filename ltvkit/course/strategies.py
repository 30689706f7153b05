"""The articles' strategies for raising LTV, each mapped to the lever of LTV it moves (notebook 08).

Example:
    >>> strategies_by_lever()["lifetime"][:1]
    ('email newsletters',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError, check_choice
from ltvkit.examples import SOURCES
from ltvkit.i18n import N_, _
from ltvkit.levers import LTV_LEVERS, lever_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STRATEGIES", "Strategy", "strategies_by_lever", "strategies_table", "strategy_label"]


@dataclass(frozen=True)
class Strategy:
    """A way of raising LTV named in the articles: the levers it moves, a side effect, its sources."""

    name: str
    levers: tuple[str, ...]
    how: str
    side_effect: str
    sources: tuple[str, ...]



_CHECK, _FREQUENCY, _LIFETIME, _MARGIN = LTV_LEVERS  # the levers' names, as code compares them

STRATEGIES: tuple[Strategy, ...] = (
    Strategy(N_("email newsletters"), (_FREQUENCY, _LIFETIME),
             N_("news, offers and reminders bring customers back; surveys find those about to leave"),
             "", ("000", "001")),
    Strategy(N_("personalisation and segmentation"), (_FREQUENCY, _CHECK),
             N_("offers fitted to a segment's needs are taken up more often and for more"),
             N_("collecting and analysing data costs money"), ("000", "001", "003")),
    Strategy(N_("loyalty programme"), (_FREQUENCY, _LIFETIME),
             N_("points, discounts and perks for repeat orders reward coming back"),
             N_("discounts and bonuses lower the gross margin"), ("000", "001", "003")),
    Strategy(N_("upselling"), (_CHECK,),
             N_("a dearer version or an upgrade at the moment of purchase"),
             "", ("000", "001", "003")),
    Strategy(N_("cross-selling and bundles"), (_CHECK,),
             N_("related items (a case with a phone, paper with a printer) in the same order"),
             N_("a bundle discount lowers the margin on the bundle"), ("000", "001", "003")),
    Strategy(N_("service quality, feedback and community"), (_LIFETIME,),
             N_("answered complaints and a good experience keep customers from leaving"),
             N_("better service costs money"), ("000", "001", "003")),
    Strategy(N_("timely reminders"), (_FREQUENCY,),
             N_("remind a customer when what they bought should be running out"),
             "", ("001",)),
    Strategy(N_("lower cost to serve"), (_MARGIN,),
             N_("cheaper logistics and bulk purchasing leave more of each order as profit"),
             "", ("001",)),
    Strategy(N_("retention offer before the usual cycle ends"), (_LIFETIME,),
             N_("an offer longer than the usual cycle (7 months for a 6-month one) or a manager for its last months"),
             N_("the offer's benefit and the manager's time are costs"), ("001",)),
    Strategy(N_("commission on repeat purchases for partners"), (_FREQUENCY, _LIFETIME),
             N_("partners are paid for customers who come back, not only for the first sale"),
             N_("commissions on repeat sales lower the margin on them"), ("000",)),
    Strategy(N_("better partner traffic"), ("CAC",),
             N_("partners who bring the target audience bring customers worth more for the same spend"),
             N_("changes which customers arrive, so every lever of the mix moves"), ("000", "003")),
)
"""The articles' strategies, each mapped to the lever(s) of LTV it moves (CAC where it moves none)."""



def strategies_table() -> pd.DataFrame:
    """The strategies as a table: lever(s) moved, how, side effect and sources by file number.

    Every label and text is in the reader's language (the strategies' names too); the sources are
    the articles' file numbers.

    Example:
        >>> strategies_table().loc["upselling", "levers"]
        'average check'
    """
    import pandas as pd

    rows = [
        [_(s.name), ", ".join(lever_label(lever) for lever in s.levers), _(s.how),
         _(s.side_effect) if s.side_effect else "—", ", ".join(s.sources)]
        for s in STRATEGIES
    ]
    columns = [_("strategy"), _("levers"), _("how"), _("side effect"), _("sources")]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


def strategy_label(name: str) -> str:
    """A strategy's name (as in :data:`STRATEGIES` and :func:`strategies_by_lever`) in the reader's language.

    Example:
        >>> strategy_label("loyalty programme")
        'loyalty programme'
    """
    return _(check_choice("name", name, tuple(s.name for s in STRATEGIES)))



def strategies_by_lever() -> dict[str, tuple[str, ...]]:
    """For each lever (and CAC), the strategies that move it, in table order.

    Levers and names are the English ones, for code to compare; :func:`ltvkit.levers.lever_label`
    and :func:`strategy_label` give them in the reader's language.

    Example:
        >>> strategies_by_lever()["gross margin"]
        ('lower cost to serve',)
    """
    return {
        lever: tuple(s.name for s in STRATEGIES if lever in s.levers)
        for lever in (*LTV_LEVERS, "CAC")
    }



def _check_catalogue() -> None:
    for strategy in STRATEGIES:
        for lever in strategy.levers:
            if lever not in (*LTV_LEVERS, "CAC"):
                raise LTVInputError(_("strategy {name}: lever must be one of {choices}; got {value}",
                                      name=repr(strategy.name), choices=LTV_LEVERS, value=repr(lever)))
        for source in strategy.sources:
            if source not in SOURCES:
                raise LTVInputError(_("strategy {name}: source must be one of {choices}; got {value}",
                                      name=repr(strategy.name), choices=tuple(SOURCES), value=repr(source)))


_check_catalogue()
