"""A rated product as the reports show it (ids, names, points, parts, class, members,
disagreement), read off a :class:`Rating` or straight off a block's columns, so the XLSX
and HTML reports never expand a score sheet's products into ratings."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Rating, RatingColumns
from ocop_rate.models.rubric import PART_ORDER

Detail = Callable[[RatingColumns, int], Rating]
"""How product ``p`` of a score sheet's block becomes a full :class:`Rating`
(``engine.rating_at``): a view that shows products in detail hands it to the report, which
imports no engine."""


@dataclass(frozen=True)
class Shown:
    """One rated product as the workbook shows it, read off a :class:`Rating` (a dossier)
    or straight off a block's columns (a score-sheet product: no rating is built)."""

    product_id: str
    name: str
    recognised: bool
    rubric: str
    rubric_name: str
    criteria: Sequence[str]  # the rubric's criterion ids, in its order
    points: list[float]  # each criterion's council points, in that order
    parts: list[float | None]  # by PART_ORDER
    total: float
    stars: int | None
    spread: float | None
    flagged: bool | None
    members: list[tuple[str, list[float | None], float]]  # name, parts, total


def _of_rating(r: Rating, lang: Lang) -> Shown:
    d = r.disagreement
    return Shown(
        r.product_id, r.product_name.get(lang), r.recognised, r.rubric, r.rubric_name.get(lang),
        [c.id for c in r.criteria], [c.points for c in r.criteria],
        [r.part_points(p) for p in PART_ORDER], r.total, r.stars,
        None if d is None else d.spread, None if d is None else d.flagged,
        [(m.member, [m.parts.get(p) for p in PART_ORDER], m.total) for m in r.members])


def of_block(block: RatingColumns, lang: Lang) -> Iterator[Shown]:
    """The block's products, each from its columns (as ``engine.rating_at`` reads them)."""
    from ocop_rate.models.rating import OPTION_STEPS
    from ocop_rate.outcome import verdict_at

    rubric = block.rubric
    rubric_name = (rubric.product_set or rubric.name).get(lang)
    ids = [q.id for q in rubric.parts]
    parts, totals = (block.parts / 100).tolist(), (block.total / 100).tolist()
    member_parts, member_totals = (block.member_parts / 100).tolist(), \
        (block.member_total / 100).tolist()
    split = cast("list[bool]", (block.split_steps >= OPTION_STEPS).any(axis=1).tolist())
    over: list[bool] = block.over_limit.tolist()
    recognised: list[bool] = block.recognised.tolist()
    spread: list[float] = (block.spread / 100).tolist()
    starts = block.starts.tolist()
    criteria = [c.id for c in rubric.criteria]
    for p in range(len(block)):
        mine = dict(zip(ids, parts[p], strict=True))
        name = (block.product_name[p] if block.extras is None
                else block.extras[p].name.get(lang))
        members = []
        for r in range(starts[p], starts[p + 1]):
            theirs = dict(zip(ids, member_parts[r], strict=True))
            members.append((block.member[r], [theirs.get(q) for q in PART_ORDER],
                            member_totals[r]))
        cases = bool(block.case_splits and block.case_splits[p])
        yield Shown(block.product_id[p], name, recognised[p], rubric.id, rubric_name, criteria,
                     (block.points[p] / 100).tolist(), [mine.get(q) for q in PART_ORDER],
                     totals[p], verdict_at(block, p).stars, spread[p],
                     bool(over[p] or split[p] or cases), members)


def shown_products(result: BatchResult, lang: Lang) -> Iterator[Shown | None]:
    """Every product in the order of :func:`~ocop_rate.report.rows.rows` (None for one
    that could not be rated)."""
    for item in result.items:
        yield _of_rating(item, lang) if isinstance(item, Rating) else None
    for block in result.blocks:
        yield from of_block(block, lang)


def rated(result: BatchResult, lang: Lang) -> Iterator[Shown]:
    """The rated products of :func:`shown_products`."""
    return (s for s in shown_products(result, lang) if s is not None)
