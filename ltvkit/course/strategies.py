"""The articles' strategies for raising LTV, each mapped to the lever of LTV it moves (notebook 08).

Example:
    >>> strategies_by_lever()["lifetime"][:1]
    ('email newsletters',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError
from ltvkit.examples import SOURCES
from ltvkit.levers import LTV_LEVERS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STRATEGIES", "Strategy", "strategies_by_lever", "strategies_table"]


@dataclass(frozen=True)
class Strategy:
    """A way of raising LTV named in the articles: the levers it moves, a side effect, its sources."""

    name: str
    levers: tuple[str, ...]
    how: str
    side_effect: str
    sources: tuple[str, ...]



STRATEGIES: tuple[Strategy, ...] = (
    Strategy("email newsletters", ("purchase frequency", "lifetime"),
             "news, offers and reminders bring customers back; surveys find those about to leave",
             "", ("000", "001")),
    Strategy("personalisation and segmentation", ("purchase frequency", "average check"),
             "offers fitted to a segment's needs are taken up more often and for more",
             "collecting and analysing data costs money", ("000", "001", "003")),
    Strategy("loyalty programme", ("purchase frequency", "lifetime"),
             "points, discounts and perks for repeat orders reward coming back",
             "discounts and bonuses lower the gross margin", ("000", "001", "003")),
    Strategy("upselling", ("average check",),
             "a dearer version or an upgrade at the moment of purchase",
             "", ("000", "001", "003")),
    Strategy("cross-selling and bundles", ("average check",),
             "related items (a case with a phone, paper with a printer) in the same order",
             "a bundle discount lowers the margin on the bundle", ("000", "001", "003")),
    Strategy("service quality, feedback and community", ("lifetime",),
             "answered complaints and a good experience keep customers from leaving",
             "better service costs money", ("000", "001", "003")),
    Strategy("timely reminders", ("purchase frequency",),
             "remind a customer when what they bought should be running out",
             "", ("001",)),
    Strategy("lower cost to serve", ("gross margin",),
             "cheaper logistics and bulk purchasing leave more of each order as profit",
             "", ("001",)),
    Strategy("retention offer before the usual cycle ends", ("lifetime",),
             "an offer longer than the usual cycle (7 months for a 6-month one) or a manager for its last months",
             "the offer's benefit and the manager's time are costs", ("001",)),
    Strategy("commission on repeat purchases for partners", ("purchase frequency", "lifetime"),
             "partners are paid for customers who come back, not only for the first sale",
             "commissions on repeat sales lower the margin on them", ("000",)),
    Strategy("better partner traffic", ("CAC",),
             "partners who bring the target audience bring customers worth more for the same spend",
             "changes which customers arrive, so every lever of the mix moves", ("000", "003")),
)
"""The articles' strategies, each mapped to the lever(s) of LTV it moves (CAC where it moves none)."""



def strategies_table() -> pd.DataFrame:
    """The strategies as a table: lever(s) moved, how, side effect and sources by file number.

    Example:
        >>> strategies_table().loc["upselling", "levers"]
        'average check'
    """
    import pandas as pd

    rows = [
        {
            "strategy": s.name,
            "levers": ", ".join(s.levers),
            "how": s.how,
            "side effect": s.side_effect or "—",
            "sources": ", ".join(s.sources),
        }
        for s in STRATEGIES
    ]
    return pd.DataFrame(rows).set_index("strategy")



def strategies_by_lever() -> dict[str, tuple[str, ...]]:
    """For each lever (and CAC), the strategies that move it, in table order.

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
                raise LTVInputError(f"strategy {strategy.name!r}: lever must be one of {LTV_LEVERS}; got {lever!r}")
        for source in strategy.sources:
            if source not in SOURCES:
                raise LTVInputError(
                    f"strategy {strategy.name!r}: source must be one of {tuple(SOURCES)}; got {source!r}"
                )


_check_catalogue()
