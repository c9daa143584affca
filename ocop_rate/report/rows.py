"""The flat view of a batch (one row a product) that the CSV, Markdown and table share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Failure, Rating, RatingColumns
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.report.labels import star_label, word


@dataclass(frozen=True)
class Row:
    product_id: str
    product_name: str
    rubric: str
    rubric_name: str
    parts: dict[str, float | None]
    total: float | None
    stars: int | None
    recognised: bool
    gates: list[str]
    errors: list[str]
    file: str | None


def rows(result: BatchResult, lang: Lang) -> list[Row]:
    out = [_row(item, lang) for item in result.items]
    for block in result.blocks:
        out += _block_rows(block, lang)
    return out


def _block_rows(block: RatingColumns, lang: Lang) -> Iterator[Row]:
    rubric = block.rubric
    rubric_name = (rubric.product_set or rubric.name).get(lang)
    ids = [p.id for p in rubric.parts]
    totals, parts = (block.total / 100).tolist(), (block.parts / 100).tolist()
    stars, recognised = block.stars.tolist(), block.recognised.tolist()
    for p in range(len(block)):
        shares = dict.fromkeys(PART_ORDER) | dict(zip(ids, parts[p], strict=True))
        yield Row(block.product_id[p], block.product_name[p], rubric.id, rubric_name,
                  {k: shares[k] for k in PART_ORDER}, totals[p], stars[p], recognised[p],
                  [f"{g.id}: {g.reason.get(lang)}" for g in block.gates[p]], [], block.file)


def stream_rows(pieces: Iterable[Failure | tuple[RatingColumns, int] | RatingColumns],
                lang: Lang) -> Iterator[Row]:
    """:func:`rows` of a stream (``pipeline.stream_paths``), as it comes."""
    for piece in pieces:
        if isinstance(piece, Failure):
            yield _row(piece, lang)
        elif isinstance(piece, tuple):
            yield _dossier_row(*piece, lang)
        else:
            yield from _block_rows(piece, lang)


def _dossier_row(block: RatingColumns, p: int, lang: Lang) -> Row:
    """Product ``p`` of a block of dossiers, as :func:`_row` gives its rating."""
    rubric = block.rubric
    assert block.extras is not None
    extra = block.extras[p]
    shares = dict.fromkeys(PART_ORDER) | {
        q.id: v / 100 for q, v in zip(rubric.parts, block.parts[p].tolist(), strict=True)}
    return Row(block.product_id[p], extra.name.get(lang), rubric.id,
               (rubric.product_set or rubric.name).get(lang),
               {k: shares[k] for k in PART_ORDER}, int(block.total[p]) / 100,
               int(block.stars[p]), bool(block.recognised[p]),
               [f"{g.id}: {g.reason.get(lang)}" for g in block.gates[p]], [], extra.file)


def _row(item: Rating | Failure, lang: Lang) -> Row:
    if isinstance(item, Failure):
        errors = [_render_problem(e.file, e.line, e.column, e.field, e.message)
                  for e in item.errors]
        return Row(item.product_id or "?", "", item.rubric or "", "",
                   dict.fromkeys(PART_ORDER), None, None, False, [], errors, item.file)
    return Row(
        product_id=item.product_id,
        product_name=item.product_name.get(lang),
        rubric=item.rubric,
        rubric_name=item.rubric_name.get(lang),
        parts={p: item.part_points(p) for p in PART_ORDER},
        total=item.total,
        stars=item.stars,
        recognised=item.recognised,
        gates=[f"{g.id}: {g.reason.get(lang)}" for g in item.gates],
        errors=[],
        file=item.file,
    )


def _render_problem(file: str | None, line: int | None, column: int | None,
                    field: str | None, message: str) -> str:
    where = file or ""
    if line is not None:
        where += f":{line}" + (f":{column}" if column is not None else "")
    head = ": ".join(x for x in (where, field) if x)
    return f"{head}: {message}" if head else message


def class_counts(result: BatchResult, lang: Lang) -> list[tuple[str, int]]:
    """Products per class, best first: 5, 4, 3 stars, not recognised, could not be rated."""
    ratings = result.ratings
    counts = Counter(r.stars for r in ratings if r.recognised)
    refused = sum(1 for r in ratings if not r.recognised)
    for block in result.blocks:
        counts.update(block.stars[block.recognised].tolist())
        refused += int((~block.recognised).sum())
    out = [(star_label(s, lang), counts.get(s, 0)) for s in (5, 4, 3)]
    out.append((word("not_recognised", lang), refused))
    out.append((word("could_not_rate", lang), len(result.failures)))
    return out


def summary_line(result: BatchResult, lang: Lang) -> str:
    """``5 sao: 1 · 4 sao: 2 · 3 sao: 3 · Không đạt OCOP: 1 · Không chấm được: 0``."""
    return " · ".join(f"{label}: {n}" for label, n in class_counts(result, lang))


def fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
