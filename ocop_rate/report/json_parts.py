"""Pieces of the JSON results that every writer of them shares (one product's rating,
a block's columns, a dossier's view): the contract's small objects and the row-wise join of
text columns. A leaf: it imports none of the JSON writers, so they import it and not each
other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ocop_rate.models.rating import CaseSplit, RequirementResult

__all__ = ["_join", "case_split_dict", "requirement_dict"]


def requirement_dict(r: RequirementResult) -> dict[str, Any]:
    return {"id": r.id, "criterion": r.criterion, "status": r.status,
            "missing": list(r.missing), "text": r.text, "source": r.source}


def case_split_dict(c: CaseSplit) -> dict[str, Any]:
    return {"group": c.group, "criteria": list(c.criteria), "cases": c.cases}


def _join(columns: list[Any], rows: int) -> list[str]:
    """Row-wise concatenation of text columns (a str is the same on every row; neighbouring
    ones are joined first, and repeated, not copied into a list per column)."""
    from itertools import repeat

    merged: list[Any] = []
    for c in columns:
        if isinstance(c, str) and merged and isinstance(merged[-1], str):
            merged[-1] += c
        else:
            merged.append(c)
    lists = [repeat(c, rows) if isinstance(c, str) else
             (c.tolist() if hasattr(c, "tolist") else c) for c in merged
             if not isinstance(c, str) or c]
    if not lists:
        return [""] * rows
    return ["".join(parts) for parts in zip(*lists, strict=True)]
