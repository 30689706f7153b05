"""What an sBG(alpha, beta) cohort looks like: mean churn, survival, DEL and DERL by tenure (in payments).

Example:
    >>> round(retention_profile(3.80, 15.20, 0.10, 0).derl, 2)
    3.31
"""

from __future__ import annotations

from dataclasses import dataclass

from ltvkit.i18n import ngettext
from ltvkit.models.sbg import sbg_del, sbg_derl, sbg_survival
from ltvkit.money import format_number, format_share

__all__ = ["RetentionProfile", "retention_profile"]


@dataclass(frozen=True)
class RetentionProfile:
    """What sBG(alpha, beta) says about a cohort: mean churn, survival, DEL and DERL (in payments)."""

    mean_churn: float
    survival_after_5: float
    discounted_expected_lifetime: float
    derl: float
    renewals: int
    discount_rate: float

    def describe(self) -> str:
        """One line for the calculator's result label.

        Example:
            >>> print(RetentionProfile(0.2, 0.4, 4.0, 3.3, 0, 0.1).describe())  # doctest: +NORMALIZE_WHITESPACE
            Mean churn 20.0%; left after 5 periods 40.0%;
            at 10% a period: DEL 4.00 payments, DERL after 0 renewals 3.30 payments
        """
        return ngettext(
            "Mean churn {churn}; left after 5 periods {left}; at {rate} a period: DEL {lifetime} payments, "
            "DERL after {renewals} renewal {derl} payments",
            "Mean churn {churn}; left after 5 periods {left}; at {rate} a period: DEL {lifetime} payments, "
            "DERL after {renewals} renewals {derl} payments",
            self.renewals, churn=format_share(self.mean_churn), left=format_share(self.survival_after_5),
            rate=format_share(self.discount_rate, 0), lifetime=format_number(self.discounted_expected_lifetime, 2),
            renewals=self.renewals, derl=format_number(self.derl, 2),
        )



def retention_profile(alpha: float, beta: float, discount_rate: float, renewals: int) -> RetentionProfile:
    """sBG(alpha, beta) -> mean churn, share left after 5 periods, DEL of a new customer, DERL by tenure.

    Args:
        alpha, beta: the beta distribution of customers' churn probabilities, > 0.
        discount_rate: per period, >= 0.
        renewals: renewals the customer has made, a whole number >= 0.

    Example:
        >>> round(retention_profile(3.80, 15.20, 0.10, 0).derl, 2)
        3.31
    """

    survival = sbg_survival(alpha, beta, 5)
    return RetentionProfile(
        mean_churn=alpha / (alpha + beta),
        survival_after_5=float(survival[-1]),
        discounted_expected_lifetime=sbg_del(alpha, beta, discount_rate),
        derl=sbg_derl(alpha, beta, discount_rate, renewals),
        renewals=int(renewals),
        discount_rate=float(discount_rate),
    )
