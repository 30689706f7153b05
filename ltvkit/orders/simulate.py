"""A seeded order log of any size with heavy-tailed order counts per customer (for benchmarks).

Example:
    >>> log = simulate_order_log(1000, 100, seed=1)
    >>> len(log), log["customer_id"].nunique()
    (1000, 100)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _

__all__ = ["simulate_order_log"]


def simulate_order_log(
    n_orders: int, n_customers: int, *, seed: int = 1, days: int = 730, dropout: tuple[float, float] | None = None,
    weight_shape: float = 0.6,
) -> pd.DataFrame:
    """A large seeded order log for benchmarks: integer customer ids, order times, amounts in cents.

    Each customer has at least one order; the rest go to customers with gamma-distributed
    weights (a few buy often), at uniform times between the customer's first order and the
    end of the ``days``-long window that starts on 2022-01-01. ``weight_shape`` is the gamma's
    shape: smaller gives a heavier tail (at 10 orders a customer, 0.6 gives the top 1% of
    customers about 7% of the orders, 0.2 about 14%).

    ``dropout=(a, b)`` makes customers lapse as BG/NBD assumes: each customer draws a
    probability p ~ Beta(a, b) and leaves for good after each of their orders with probability
    p, so their later orders are never placed (the log then holds fewer than ``n_orders`` rows;
    every customer keeps their first order). Without it nothing changes: the same seed gives the
    same log as before the option existed.

    Example:
        >>> log = simulate_order_log(1000, 100, seed=3)
        >>> len(log), log["customer_id"].nunique(), str(log["date"].dtype)
        (1000, 100, 'datetime64[ns]')
        >>> lapsing = simulate_order_log(1000, 100, seed=3, dropout=(1.0, 3.0))
        >>> len(lapsing) < 1000, lapsing["customer_id"].nunique()
        (True, 100)
    """
    n_orders = check_count("n_orders", n_orders, minimum=1)
    n_customers = check_count("n_customers", n_customers, minimum=1)
    days = check_count("days", days, minimum=1)
    if n_customers > n_orders:
        raise LTVInputError(_("n_customers must be <= n_orders ({orders}); got {value}", orders=n_orders,
                              value=n_customers))
    rng = np.random.default_rng(seed)
    weights = rng.gamma(check_number("weight_shape", weight_shape, minimum=0, min_open=True), 1.0, n_customers)
    extra = rng.choice(n_customers, size=n_orders - n_customers, p=weights / weights.sum())
    customer = np.concatenate([np.arange(n_customers), extra])
    seconds = days * 86_400
    first = rng.integers(0, seconds, n_customers)
    span = seconds - first[customer]
    offset = np.where(np.arange(n_orders) < n_customers, 0, (rng.random(n_orders) * span).astype(np.int64))
    when = np.datetime64("2022-01-01T00:00:00", "s") + first[customer] + offset
    amount = np.round(rng.lognormal(3.0, 0.8, n_orders), 2)
    order = rng.permutation(n_orders)
    if dropout is not None:  # drawn after everything else, so the rest of the log is the same
        if not isinstance(dropout, (tuple, list)) or len(dropout) != 2:
            raise LTVInputError(_("dropout must be a pair (a, b) of Beta parameters or None; got {value}",
                                  value=repr(dropout)))
        a, b = (check_number(f"dropout[{i}]", value, minimum=0, min_open=True) for i, value in enumerate(dropout))
        orders_kept = rng.geometric(np.clip(rng.beta(a, b, n_customers), 1e-12, 1.0))
        by_time = np.lexsort((when, customer))
        counts = np.bincount(customer, minlength=n_customers)
        rank = np.empty(n_orders, dtype=np.int64)
        rank[by_time] = np.arange(n_orders) - (np.cumsum(counts) - counts)[customer[by_time]]
        order = order[(rank < orders_kept[customer])[order]]
    ids = 100_000 + customer * 7
    return pd.DataFrame({
        "customer_id": ids[order].astype(np.int64),
        "date": when[order].astype("datetime64[ns]"),
        "amount": amount[order],
    })
