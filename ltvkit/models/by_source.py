"""One BG/NBD per acquisition source and one Gamma-Gamma for all: a new customer's value by source.

Example:
    >>> from ltvkit.course.simulate import simulate_school
    >>> models = fit_source_models(simulate_school().orders)
    >>> sorted(models.purchases)[:2], models.spend.converged
    (['blog_pro_python', 'cashback_plus'], True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ltvkit.models.bgnbd import BGNBDFit, fit_bgnbd
from ltvkit.models.forecast import new_customer_value
from ltvkit.models.gamma_gamma import GammaGammaFit, fit_gamma_gamma
from ltvkit.models.history import purchase_history
from ltvkit.models.units import Duration
from ltvkit.orders.partners import source_labels

__all__ = ["SourceModels", "fit_source_models"]


@dataclass(frozen=True, eq=False)
class SourceModels:
    """One BG/NBD per acquisition source and one Gamma-Gamma for all, with what a new customer's value needs.

    ``purchases`` maps source -> BGNBDFit; ``first_purchase`` and ``customers`` are per source
    (mean first purchase, money; number of customers); ``refund_share`` is the school's.
    """

    purchases: dict[str, BGNBDFit]
    spend: GammaGammaFit
    first_purchase: pd.Series
    customers: pd.Series
    refund_share: float

    def fits(self) -> pd.DataFrame:
        """The BG/NBD parameters per source (alpha in the fit's unit), log-likelihood, convergence."""
        return pd.DataFrame.from_dict(
            {name: {**fit.params, "time_unit": fit.time_unit, "log_likelihood": fit.log_likelihood,
                    "converged": fit.converged, "customers": fit.customers} for name, fit in self.purchases.items()},
            orient="index").rename_axis("source")

    def expected_repeats(self, horizon: Duration) -> pd.Series:
        """E[X(horizon)]: repeat purchases a new customer of each source makes within ``horizon``."""
        return pd.Series({name: fit.expected_purchases(horizon) for name, fit in self.purchases.items()},
                         name="expected_repeats").rename_axis("source")

    def values(self, *, horizon: Duration, margin: float, annual_discount_rate: float,
               step: Duration | None = None) -> pd.Series:
        """A new customer's gross profit per source over ``horizon`` (see :func:`new_customer_value`)."""
        return pd.Series({
            name: new_customer_value(fit, self.spend, first_purchase=float(self.first_purchase[name]), horizon=horizon,
                                     margin=margin, annual_discount_rate=annual_discount_rate, step=step,
                                     refund_share=self.refund_share)
            for name, fit in self.purchases.items()
        }, name="model_ltv").rename_axis("source")



def fit_source_models(orders: pd.DataFrame, *, observation_end: Any = None, time_unit: str = "weeks") -> SourceModels:
    """Fit BG/NBD to each source's customers and Gamma-Gamma to all repeat buyers (orders need channel, partner).

    Example:
        >>> from ltvkit.course.simulate import simulate_school
        >>> models = fit_source_models(simulate_school().orders)
        >>> sorted(models.purchases)[:2], models.spend.converged
        (['blog_pro_python', 'cashback_plus'], True)
    """

    history = purchase_history(orders, observation_end=observation_end, time_unit=time_unit)
    labels = source_labels(orders).reindex(history.data.customer_ids).to_numpy()
    names = sorted(pd.unique(labels))
    purchases = {name: fit_bgnbd(history.data.select(labels == name)) for name in names}
    first = history.first_purchase.groupby(labels).mean().reindex(names).rename_axis("source")
    customers = pd.Series(labels).value_counts().reindex(names).rename("customers").rename_axis("source")
    return SourceModels(purchases, fit_gamma_gamma(history.data), first, customers, history.refund_share)
