"""What is made once per object: a rubric's tables, a condition's function. Such objects
are immutable but not cheaply hashable (a pydantic model hashes every field), so they are
looked up by identity; the object is kept beside its value, so its id cannot be taken by
another object while the value stands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def once_per_object(cache: dict[int, tuple[K, V]], obj: K, make: Callable[[K], V],
                    limit: int | None = None) -> V:
    """``make(obj)``, made once per object and kept in ``cache``; with ``limit``, the cache
    is emptied when it holds that many (objects made afresh, as conditions are per
    rubric, must not keep every one alive)."""
    hit = cache.get(id(obj))
    if hit is None or hit[0] is not obj:
        if limit is not None and len(cache) >= limit:
            cache.clear()
        hit = cache[id(obj)] = (obj, make(obj))
    return hit[1]
