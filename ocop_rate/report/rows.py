"""The flat view of a batch (one row a product) that the CSV, Markdown and table share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Failure, Notice, Rating, RatingColumns
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.report.labels import problem_line, star_label, word


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
    outcome: str = "not-rated"
    unchecked: bool = False
    """Rated without the facts a rejection condition reads: say so beside the outcome."""


def outcome_of(item: Rating | None, stars: int | None, recognised: bool,
               blocked: bool) -> str:
    """The outcome (CONTRACT value) of a row: the rating's own ``outcome`` when the engine
    gives one, else read from its stars, recognition and blocking conditions."""
    given = getattr(item, "outcome", None)
    if isinstance(given, str):
        return given
    if stars is None:
        return "not-rated"
    if blocked:
        return "rejected"
    if recognised:
        return "recognised"
    return "proposed-5-star" if stars == 5 else "not-recognised"


def _unchecked(notices: tuple[Notice, ...]) -> bool:
    return any(n.message_id == "rating.gate_not_checked" for n in notices)


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
        gates = block.gates[p]
        yield Row(block.product_id[p], block.product_name[p], rubric.id, rubric_name,
                  {k: shares[k] for k in PART_ORDER}, totals[p], stars[p], recognised[p],
                  [g.reason.get(lang) for g in gates], [], block.file,
                  outcome_of(None, stars[p], recognised[p],
                             any(g.effect == "block" for g in gates)),
                  _unchecked(block.warnings))


def _row(item: Rating | Failure, lang: Lang) -> Row:
    if isinstance(item, Failure):
        errors = [problem_line(e, lang) for e in item.errors]
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
        gates=[g.reason.get(lang) for g in item.gates],
        errors=[],
        file=item.file,
        outcome=outcome_of(item, item.stars, item.recognised,
                           any(g.effect == "block" for g in item.gates)),
        unchecked=_unchecked(item.warnings),
    )


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
