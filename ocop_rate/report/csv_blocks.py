"""The CSV records of a score sheet's block, made column by column from its arrays.

Why not one :class:`~ocop_rate.report.rows.Row` per product: a 100,000-product sheet made
100,000 objects and 1.5 million ``neutralise`` calls to write a file whose columns hold a
few hundred distinct values (numbers, outcomes, gate reasons). Here each distinct value is
formatted, neutralised and quoted once, and each record is one ``",".join``. The text is
what ``csv.writer`` (minimal quoting, ``\r\n``) writes for the cells of
:func:`csv_report.row_cells` of the same product, neutralised.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.render.safety import neutralise, neutralise_texts
from ocop_rate.report.rows import outcome_codes, outcome_words

if TYPE_CHECKING:
    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import RatingColumns


def block_records(block: RatingColumns, lang: Lang, chunk: int) -> Iterator[str]:
    """The CSV text of ``block``'s products under ``csv_report.HEADER``, ``chunk`` records
    at a time."""
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
        words[key] = (_cell(outcome), _cell(authority or ""), _cell(note or ""))
    said = [words[k] for k in zip(codes, stars, strict=True)]
    gate_text: dict[int, str] = {}  # per gates tuple; per set of gate objects (shared)
    by_gates: dict[tuple[int, ...], str] = {}
    for found in block.gates:
        if id(found) not in gate_text:
            ids = tuple(map(id, found))
            if ids not in by_gates:
                by_gates[ids] = _cell(" | ".join(g.reason.get(lang) for g in found))
            gate_text[id(found)] = by_gates[ids]
    files = [block.file_of(p) or "" for p in range(n)]
    columns: list[list[Any]] = [
        _cells(block.product_id), _cells(names), [_cell(block.rubric.id)] * n,
        *part_cells, _hundredths(block.total), ["" if s == 0 else str(s) for s in stars],
        ["true" if r else "false" for r in block.recognised.tolist()],
        [w[0] for w in said], [w[1] for w in said], [w[2] for w in said],
        [gate_text[id(g)] for g in block.gates], empty, _cells(files)]
    for lo in range(0, n, chunk):
        yield "".join([",".join(record) + "\r\n" for record in
                       zip(*(c[lo:lo + chunk] for c in columns), strict=True)])


def _hundredths(cents: Any) -> list[str]:
    """``2567`` -> ``'25.67'`` for a column of hundredths, each distinct value once."""
    import numpy as np

    from ocop_rate.distinct import distinct_values

    distinct, where = distinct_values(cents)
    texts = np.array([_cell(f"{v / 100:.2f}") for v in distinct.tolist()], dtype=object)
    out: list[str] = texts[where.reshape(-1)].tolist()
    return out


_SPECIAL = (",", '"', "\r", "\n")  # a field holding one is quoted (csv.QUOTE_MINIMAL)


def _cell(text: str) -> str:
    """One cell as written: neutralised, then quoted if it must be."""
    return _quote(str(neutralise(text)))


def _quote(cell: str) -> str:
    if any(c in cell for c in _SPECIAL):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _cells(values: list[str]) -> list[str]:
    """:func:`_cell` of every value of a column; one scan when none needs quoting."""
    cells = neutralise_texts(values)
    joined = "".join(cells)
    if not any(c in joined for c in _SPECIAL):
        return cells
    return [_quote(c) for c in cells]
