"""The council's arithmetic on columns: sums per product, the mean rounded half up, parts
apportioned to add up to the total, and the option the council as a whole reached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.integer[Any]]

GatePolicy = Literal["majority", "all"]
GATE_POLICIES: tuple[GatePolicy, ...] = ("majority", "all")


def mean_half_up(sums: Ints, n: Ints) -> Ints:
    """``sums / n`` rounded half up to an integer, exactly: ``(2S + n) // 2n``."""
    out: Ints = (2 * sums + n) // (2 * n)
    return out


def _sizes(n: Ints) -> list[int]:
    """The distinct council sizes, smallest first: ``np.unique(n)``, which in numpy 2.4
    imports ``numpy.ma`` (a tenth of numpy's own import, paid by every ``rate ONE.yaml``)."""
    return [int(size) for size in np.flatnonzero(np.bincount(n))]


def group_sum(values: Ints, starts: Ints) -> Ints:
    """Sum the rows of each product (rows ``starts[p]:starts[p+1]``). Products with the same
    number of members are summed together, member row by member row (fast in numpy)."""
    n = np.diff(starts)
    if len(n) == len(values):  # one member each
        return values.astype(np.int64)
    if (n == n[0]).all():  # the usual council: the same members for every product
        out: Ints = values.reshape(len(n), int(n[0]), *values.shape[1:]).sum(
            axis=1, dtype=np.int64)
        return out
    if len(n) <= SMALL_BLOCK and int(n.min()) > 0:  # one call, not one per size and row
        out = np.add.reduceat(values, starts[:-1], axis=0, dtype=np.int64)
        return out
    out = np.empty((len(n), *values.shape[1:]), dtype=np.int64)
    for size in _sizes(n):
        products = np.flatnonzero(n == size)
        first = starts[products]
        acc = values[first].astype(np.int64)
        for j in range(1, size):
            acc += values[first + j]
        out[products] = acc
    return out


SMALL_BLOCK = 256
"""Up to this many products of mixed council sizes, :func:`group_sum` is one
``np.add.reduceat`` (a tenth of the time of the loop over sizes for a block of tens of
products, as a batch of many rubrics makes); past it, the loop (``reduceat`` walks a big
array row by row: several times slower at 100,000 products)."""


def group_range(values: Ints, starts: Ints) -> Ints:
    """The largest minus the smallest of each product's rows, per column. The usual
    council (every product the same number of members) is one reshape, not ``reduceat``
    (which walks a 300,000 x 32 array row by row)."""
    n = np.diff(starts)
    if len(n) and (n == n[0]).all():
        grouped = values.reshape(len(n), int(n[0]), *values.shape[1:])
        out: Ints = grouped.max(axis=1) - grouped.min(axis=1)
        return out
    first = starts[:-1]
    out = np.maximum.reduceat(values, first, axis=0) - np.minimum.reduceat(values, first,
                                                                           axis=0)
    return out


def apportion(part_sums: Ints, n: Ints, total: Ints) -> Ints:
    """Each row's parts rounded to hundredths so that they add up to the total: floors,
    then one hundredth each to the largest remainders (earlier part on ties)."""
    floors = part_sums // n[:, None]
    remainder = part_sums % n[:, None]
    short = total - floors.sum(axis=1)
    order = np.argsort(-remainder, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(order.shape[1])[None, :].repeat(len(n), 0), 1)
    out: Ints = floors + (rank < short[:, None])
    return out


def council_choice(option: NDArray[np.int8], pts: Ints, starts: Ints, policy: GatePolicy
                   ) -> NDArray[np.int8]:
    """The option the council reached on every product and criterion: under ``majority``
    the best option that more than half of the members chose or bettered, under ``all`` the
    lowest. Members are ranked by points, best first, sheet order on ties."""
    n = np.diff(starts)
    out = np.empty((len(n), option.shape[1]), dtype=np.int8)
    top = int(pts.max(initial=0)) + 1
    for size in _sizes(n):
        products = np.flatnonzero(n == size)
        rows = starts[products][:, None] + np.arange(size)[None, :]      # Pm x m
        if size == 1:
            out[products] = option[rows[:, 0]]
            continue
        pick = size // 2 if policy == "majority" else size - 1
        if size <= SMALL_COUNCIL:
            first = starts[products]
            member = _ranked(pts, first, size, pick)                    # Pm x C
            out[products] = option[first[:, None] + member, np.arange(option.shape[1])]
            continue
        rank = np.arange(size, dtype=np.int64)[None, :]
        every = np.arange(len(products))[:, None]
        for k in range(option.shape[1]):  # one criterion at a time: small temporaries
            key = (top - pts[rows, k].astype(np.int64)) * size + rank     # best first
            member = rows[every, np.partition(key, pick, axis=1)[:, pick:pick + 1] % size]
            out[products, k] = option[member[:, 0], k]
    return out


SMALL_COUNCIL = 8
"""Councils of up to this many members pick by pairwise comparisons (size² array
operations over every product and criterion at once) instead of a partition per
criterion."""


def _ranked(pts: Ints, first: Ints, size: int, pick: int) -> Ints:
    """Per product (rows ``first[p]`` to ``first[p] + size``) and criterion, the member
    (0-based) ranked ``pick`` when ranked by points, best first, sheet order on ties: the
    one with exactly ``pick`` members ahead of it."""
    rows = [pts[first + j] for j in range(size)]
    member = np.zeros(rows[0].shape, dtype=np.int64)
    for j in range(size):
        ahead = np.zeros(rows[0].shape, dtype=np.int8)
        for i in range(size):  # i is ahead of j: more points, or as many and earlier
            if i != j:
                ahead += rows[i] >= rows[j] if i < j else rows[i] > rows[j]
        member[ahead == pick] = j
    return member
