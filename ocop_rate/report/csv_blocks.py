"""The CSV records of a score sheet's block, made column by column from its arrays.

Why not one :class:`~ocop_rate.report.rows.Row` per product: a 100,000-product sheet made
100,000 objects and 1.5 million ``neutralise`` calls to write a file whose columns hold a
few hundred distinct values (numbers, outcomes, gate reasons). Here each distinct value is
formatted and neutralised once, and the csv module writes many records per call. The
cells are those of :func:`csv_report.row_cells` for the same product, neutralised.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.report.rows import outcome_codes, outcome_words
from ocop_rate.report.safety import neutralise, neutralise_texts

if TYPE_CHECKING:
    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import RatingColumns


def block_records(block: RatingColumns, lang: Lang, chunk: int) -> Iterator[list[Any]]:
    """The records of ``block``'s products under ``csv_report.HEADER``, ``chunk`` at a
    time (each a list of records)."""
    n = len(block)
    names = (block.product_name if block.extras is None
             else [e.name.get(lang) for e in block.extras])
    parts = [block.rubric.parts[i].id for i in range(len(block.rubric.parts))]
    empty = [""] * n
    part_cells = [_hundredths(block.parts[:, parts.index(p)]) if p in parts else empty
                  for p in PART_ORDER]
    stars = block.stars.tolist()
    codes = outcome_codes(block)
    words: dict[tuple[int, int], tuple[str, str, str]] = {}
    for key in set(zip(codes, stars, strict=True)):
        outcome, authority, note = outcome_words(block, key[0], key[1], lang)
        words[key] = (_inert(outcome), _inert(authority or ""), _inert(note or ""))
    said = [words[k] for k in zip(codes, stars, strict=True)]
    gate_text: dict[int, str] = {}
    for found in block.gates:
        if id(found) not in gate_text:
            gate_text[id(found)] = _inert(" | ".join(g.reason.get(lang) for g in found))
    files = [block.file_of(p) or "" for p in range(n)]
    columns: list[list[Any]] = [
        neutralise_texts(block.product_id), neutralise_texts(names), [_inert(block.rubric.id)] * n,
        *part_cells, _hundredths(block.total), ["" if s == 0 else str(s) for s in stars],
        ["true" if r else "false" for r in block.recognised.tolist()],
        [w[0] for w in said], [w[1] for w in said], [w[2] for w in said],
        [gate_text[id(g)] for g in block.gates], empty, neutralise_texts(files)]
    for lo in range(0, n, chunk):
        yield list(zip(*(c[lo:lo + chunk] for c in columns), strict=True))


def _hundredths(cents: Any) -> list[str]:
    """``2567`` -> ``'25.67'`` for a column of hundredths, each distinct value once."""
    import numpy as np

    distinct, where = np.unique(cents, return_inverse=True)
    texts = np.array([_inert(f"{v / 100:.2f}") for v in distinct.tolist()], dtype=object)
    out: list[str] = texts[where.reshape(-1)].tolist()
    return out


def _inert(text: str) -> str:
    cell = neutralise(text)
    assert isinstance(cell, str)
    return cell
