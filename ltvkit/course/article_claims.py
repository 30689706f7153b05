"""What the engagement article claims about each metric, in our words, with the direction it claims (notebook 11).

Example:
    >>> sorted(ARTICLE_CLAIMS)[:2]
    ['bounce_pct', 'conversion_pct']
"""

from __future__ import annotations

from ltvkit.i18n import N_

__all__ = ["ARTICLE_CLAIMS", "ARTICLE_DIRECTIONS"]

ARTICLE_CLAIMS: dict[str, tuple[int, str]] = {
    "minutes_per_session": (+1, N_("long sessions are read as interest that leads to purchases")),
    "minutes_30d": (+1, N_("time spent with the product goes with a higher LTV")),
    "sessions_30d": (+1, N_("people who use the product often are expected to buy extra")),
    "return_days_30d": (+1, N_("coming back is read as loyalty, tied to a higher LTV")),
    "conversion_pct": (+1, N_("conversion is named as a direct driver of LTV")),
    "bounce_pct": (-1, N_("bounces are said to pull LTV down")),
}
"""The direction (+1 up, -1 down) the engagement article gives each metric, in our words (shown with ``_()``)."""

ARTICLE_DIRECTIONS: dict[str, int] = {metric: direction for metric, (direction, _claim) in ARTICLE_CLAIMS.items()}
"""Only the directions of :data:`ARTICLE_CLAIMS`, as ``metric_table(claims=...)`` takes them."""
