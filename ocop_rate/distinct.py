"""The distinct rows of a small integer array (options read by a clause, a gate, a case
group), and where each row is among them: what ``np.unique(values, axis=0)`` gives.

Why not ``np.unique(axis=0)`` itself: it sorts the rows as structured records, a few
hundred milliseconds for 300,000 rows of a sheet. Rows of small non-negative integers are
read as the digits of one number instead, and those numbers are sorted; the order of the
rows found is the same (most significant digit first is lexicographic order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray


def distinct_rows(values: NDArray[Any]) -> tuple[NDArray[Any], NDArray[np.intp]]:
    """``np.unique(values, axis=0, return_inverse=True)``, the inverse flat."""
    width = values.shape[1] if values.ndim == 2 else 0
    if width == 0 or not len(values) or values.min() < 0 \
            or (int(values.max()) + 1) ** width >= 2 ** 62:
        combos, where = np.unique(values, axis=0, return_inverse=True)
        return combos, where.reshape(-1)
    base = int(values.max()) + 1
    key = np.zeros(len(values), dtype=np.int64)
    for col in range(width):
        key = key * base + values[:, col]
    distinct, where = np.unique(key, return_inverse=True)
    combos = np.empty((len(distinct), width), dtype=values.dtype)
    for col in range(width - 1, -1, -1):
        combos[:, col] = distinct % base
        distinct = distinct // base
    return combos, where.reshape(-1)


def distinct_values(values: NDArray[Any]) -> tuple[NDArray[Any], NDArray[np.intp]]:
    """``np.unique(values, return_inverse=True)``, the inverse flat. Small non-negative
    integers (points in hundredths, option codes packed together) are counted into a
    table instead of sorted: one pass over 100,000 values."""
    flat = values.reshape(-1)
    if not len(flat) or flat.min() < 0 or int(flat.max()) > 16 * len(flat) + 4096:
        distinct, where = np.unique(flat, return_inverse=True)
        return distinct, where.reshape(-1)
    present = np.zeros(int(flat.max()) + 1, dtype=bool)
    present[flat] = True
    distinct = np.flatnonzero(present).astype(flat.dtype)
    position = np.cumsum(present, dtype=np.intp) - 1
    return distinct, position[flat]
