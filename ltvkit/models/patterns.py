"""Customers who share a purchase history, counted once: the (x, t_x, T) patterns and their counts.

The likelihood of BG/NBD, Pareto/NBD and MBG/NBD depends on a customer only through
(frequency, recency, T), and Gamma-Gamma's through (frequency, average spend). Real data in
whole days repeat these patterns a lot: a million customers acquired over a quarter and
watched for a year have a few hundred thousand distinct patterns, and the customers who never
bought again share one pattern per age. Fitting on the patterns with their counts as weights
gives exactly the same log-likelihood at a fraction of the cost.

Patterns are found with a packed integer key: each column is turned into integer codes by a
hash (``pandas.factorize``, linear time), the codes are packed into one int64
(code_x * n_t * n_T + code_t * n_T + code_T) and that key is factorized once more. When every
column holds small whole numbers (counts, ages in days), the key is computed from the values
directly and only it is factorized. This replaces ``np.unique(..., axis=0)``, which sorts rows
lexicographically and is many times slower (0.84 s against about 0.03 s at a million customers).

Example:
    >>> patterns = unique_patterns([0, 2, 2, 0], [0.0, 5.0, 5.0, 0.0], [10.0, 10.0, 10.0, 10.0])
    >>> patterns.columns[0].tolist(), patterns.columns[1].tolist(), patterns.weights.tolist()
    ([0.0, 2.0], [0.0, 5.0], [2.0, 2.0])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _
from ltvkit.models.fitting import check_weights

__all__ = ["Indexed", "Patterns", "as_indexed", "indexed", "unique_patterns"]


@dataclass(frozen=True, eq=False)
class Patterns:
    """Distinct rows of some columns with the number of customers on each (``weights``).

    ``columns``: one array per input column, each of the distinct rows' values, in the order of
    first appearance; ``inverse``: for every input row, the index of its pattern.
    """

    columns: tuple[np.ndarray, ...]
    weights: np.ndarray
    inverse: np.ndarray

    def __len__(self) -> int:
        return int(self.weights.size)


def _codes(values: np.ndarray) -> tuple[np.ndarray, int]:
    import pandas as pd

    codes, uniques = pd.factorize(values, sort=False)
    return codes.astype(np.int64), len(uniques)


def _whole_number_key(arrays: list[np.ndarray]) -> np.ndarray | None:
    """The packed key straight from the values when every column holds small whole numbers >= 0 (days, counts)."""
    spans = []
    for array in arrays:
        if array.size and (array.min() < 0 or array.max() > 2**20 or np.any(array != np.floor(array))):
            return None
        spans.append(int(array.max()) + 1 if array.size else 1)
    if np.prod(np.array(spans, dtype=float)) > 2**62:
        return None
    key = np.zeros(arrays[0].size, dtype=np.int64)
    for array, span in zip(arrays, spans, strict=True):
        key = key * span + array.astype(np.int64)
    return key


def unique_patterns(*columns: Any, weights: Any = None) -> Patterns:
    """Collapse rows that are equal in every column into one, adding their weights.

    Args:
        columns: equally long 1-D arrays (e.g. frequency, recency, T).
        weights: optional count of customers per input row (default 1 each); rows with weight
            0 are dropped.

    Example:
        >>> p = unique_patterns([1, 1, 3], [2.0, 2.0, 4.0], weights=[5, 2, 1])
        >>> p.weights.tolist(), p.inverse.tolist()
        ([7.0, 1.0], [0, 0, 1])
    """
    arrays = [np.asarray(column, dtype=float).reshape(-1) for column in columns]
    if not arrays or len({a.size for a in arrays}) != 1:
        raise LTVInputError(_("columns must be one or more arrays of the same length"))
    size = arrays[0].size
    counts = check_weights(weights, size)
    key = _whole_number_key(arrays)
    if key is None:
        key = np.zeros(size, dtype=np.int64)
        span = 1
        for array in arrays:
            codes, distinct = _codes(array)
            if span * max(distinct, 1) > 2**62:  # would overflow: re-code the key so far first
                key, span = _codes(key)
            key = key * distinct + codes
            span *= max(distinct, 1)
    inverse, distinct = _codes(key)
    first = np.empty(distinct, dtype=np.int64)
    first[inverse[::-1]] = np.arange(size - 1, -1, -1)
    totals = np.bincount(inverse, weights=counts, minlength=distinct)
    keep = totals > 0
    if not keep.all():
        remap = np.cumsum(keep) - 1
        first, totals, inverse = first[keep], totals[keep], np.where(keep[inverse], remap[inverse], -1)
    return Patterns(columns=tuple(array[first] for array in arrays), weights=totals, inverse=inverse)


@dataclass(frozen=True, eq=False)
class Indexed:
    """A column stored as its distinct values and, per row, the index of the row's value.

    A likelihood evaluates logs and special functions of a column once per distinct value
    (``map``): ages in whole days take a few hundred values among a million rows.
    ``inverse`` None means the values are the rows themselves.

    Example:
        >>> column = indexed([3.0, 1.0, 3.0])
        >>> column.map(lambda v: v * 10).tolist(), column.rows.tolist()
        ([30.0, 10.0, 30.0], [3.0, 1.0, 3.0])
    """

    values: np.ndarray
    inverse: np.ndarray | None = None

    @property
    def rows(self) -> np.ndarray:
        """The column, one value per row."""
        return self.values if self.inverse is None else self.values[self.inverse]

    def map(self, function: Any) -> np.ndarray:
        """``function`` applied to the distinct values, then spread to the rows."""
        result = function(self.values)
        return result if self.inverse is None else result[self.inverse]


def indexed(values: Any) -> Indexed:
    """Factorize a column into an :class:`Indexed` (hash-based, linear time).

    Example:
        >>> indexed([2.0, 2.0, 5.0]).values.tolist()
        [2.0, 5.0]
    """
    array = np.asarray(values, dtype=float).reshape(-1)
    codes, distinct = _codes(array)
    first = np.empty(distinct, dtype=np.int64)
    first[codes[::-1]] = np.arange(array.size - 1, -1, -1)
    return Indexed(array[first], codes)


def as_indexed(values: Any) -> Indexed:
    """``values`` if already :class:`Indexed`, else the plain array wrapped (no factorizing).

    Example:
        >>> as_indexed(np.array([1.0])).inverse is None
        True
    """
    return values if isinstance(values, Indexed) else Indexed(np.asarray(values, dtype=float))
