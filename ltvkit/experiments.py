"""How many customers an experiment needs: a lever on LTV tested before it is trusted.

A lever read from the data (time with the product goes with a higher LTV, notebook 11) is a
hypothesis until an experiment tests it: customers split at random into a group that gets the
change and a control group, one metric compared after a fixed time. Plan the size first:

- :func:`sample_size_per_group`: the customers each group needs to detect a given effect;
- :func:`detectable_effect`: the smallest effect a given number of customers can detect.

Both use the normal approximation to the two-sided test of a difference in means, fine for
the hundreds or thousands of customers a test of LTV needs (for smaller groups use a t-test's
power, as statsmodels' ``TTestIndPower`` does).

Example:
    >>> sample_size_per_group(sd=10_000, effect=1_000)
    1570
    >>> round(detectable_effect(sd=10_000, customers_per_group=1570))
    1000
"""

from __future__ import annotations

import math
from statistics import NormalDist

from ltvkit.checks import check_count, check_number

__all__ = ["detectable_effect", "sample_size_per_group"]


def _z_sum(alpha: float, power: float) -> float:
    level = check_number("alpha", alpha, minimum=0, maximum=1, min_open=True, max_open=True, scalar=True)
    wanted = check_number("power", power, minimum=0.5, maximum=1, max_open=True, scalar=True)
    normal = NormalDist()
    return normal.inv_cdf(1 - level / 2) + normal.inv_cdf(wanted)


def sample_size_per_group(*, sd: float, effect: float, alpha: float = 0.05, power: float = 0.80) -> int:
    """Customers per group for a two-group experiment to detect a difference of ``effect`` in a mean.

    With n customers in each group, the difference of the two groups' means has a standard
    deviation of sd x sqrt(2 / n). A two-sided test at level ``alpha`` calls a difference real
    when it exceeds z(1 - alpha / 2) of those; it does so with probability ``power`` when the
    true difference is effect = (z(1 - alpha / 2) + z(power)) x sd x sqrt(2 / n). Solving for n:

        n = 2 x sd^2 x (z(1 - alpha / 2) + z(power))^2 / effect^2, rounded up.

    Args:
        sd: the metric's standard deviation across customers (its unit, e.g. RUB of LTV), > 0.
        effect: the difference to detect, in the same unit, > 0.
        alpha: the test's level (chance of calling a zero effect real), in (0, 1).
        power: the chance of detecting ``effect`` when it is there, in [0.5, 1).

    Example:
        >>> sample_size_per_group(sd=1.0, effect=0.5), sample_size_per_group(sd=1.0, effect=0.25)
        (63, 252)
    """
    spread = check_number("sd", sd, minimum=0, min_open=True, scalar=True)
    size = check_number("effect", effect, minimum=0, min_open=True, scalar=True)
    return math.ceil(2 * (spread * _z_sum(alpha, power) / size) ** 2)


def detectable_effect(*, sd: float, customers_per_group: int, alpha: float = 0.05, power: float = 0.80) -> float:
    """The smallest difference in a mean that groups of ``customers_per_group`` detect with ``power``.

    The inverse of :func:`sample_size_per_group`: effect = (z(1 - alpha / 2) + z(power)) x sd x
    sqrt(2 / n), in the unit of ``sd``.

    Example:
        >>> round(detectable_effect(sd=1.0, customers_per_group=63), 3)
        0.499
    """
    spread = check_number("sd", sd, minimum=0, min_open=True, scalar=True)
    n = check_count("customers_per_group", customers_per_group, minimum=2)
    return _z_sum(alpha, power) * spread * math.sqrt(2 / n)
