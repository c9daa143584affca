"""The flat view of a batch (one row a product) that the CSV, Markdown and table share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import (
    BatchResult,
    CriterionScore,
    Failure,
    Notice,
    Rating,
    RatingColumns,
)
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.outcome import OUTCOMES, block_verdict
from ocop_rate.report.labels import number, problem_line, star_label, word
from ocop_rate.report.outcome_words import outcome_note


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
    authority: str | None = None
    note: str | None = None      # who recognises (or would), with the clause
    unchecked: bool = False
    """Rated without the facts a rejection condition reads: say so beside the outcome."""


def unchecked(notices: tuple[Notice, ...]) -> bool:
    """A rejection condition was not checked (its facts are missing): never plainly
    recognised."""
    return any(n.message_id == "rating.gate_not_checked" for n in notices)


def rows(result: BatchResult, lang: Lang) -> list[Row]:
    out = [_row(item, lang) for item in result.items]
    for block in result.blocks:
        out += _block_rows(block, lang)
    return out


def _block_rows(block: RatingColumns, lang: Lang, products: Iterable[int] | None = None
                ) -> Iterator[Row]:
    """The rows of a block's products (all, or ``products``), read off its columns."""
    rubric = block.rubric
    rubric_name = (rubric.product_set or rubric.name).get(lang)
    ids = [p.id for p in rubric.parts]
    totals, parts = (block.total / 100).tolist(), (block.parts / 100).tolist()
    stars, recognised = block.stars.tolist(), block.recognised.tolist()
    codes = outcome_codes(block)
    said: dict[tuple[int, int], tuple[str, str | None, str | None]] = {}
    for p in range(len(block)) if products is None else products:
        key = (codes[p], stars[p])
        if key not in said:
            said[key] = outcome_words(block, key[0], key[1], lang)
        outcome, authority, note = said[key]
        shares = dict.fromkeys(PART_ORDER) | dict(zip(ids, parts[p], strict=True))
        name = (block.product_name[p] if block.extras is None
                else block.extras[p].name.get(lang))
        yield Row(block.product_id[p], name, rubric.id, rubric_name,
                  {k: shares[k] for k in PART_ORDER}, totals[p], stars[p] or None,
                  recognised[p], [g.reason.get(lang) for g in block.gates[p]],
                  [], block.file_of(p), outcome, authority, note,
                  unchecked(block.warnings[p]))


def outcome_codes(block: RatingColumns) -> list[int]:
    """Each product's index into ``outcome.OUTCOMES`` (2 where the block has none)."""
    return [2] * len(block) if block.outcome is None else block.outcome.tolist()


def outcome_words(block: RatingColumns, code: int, stars: int, lang: Lang
                  ) -> tuple[str, str | None, str | None]:
    """The outcome, the authority and the note of a product of ``block`` whose outcome is
    ``OUTCOMES[code]`` at ``stars`` (0: none)."""
    outcome: str = OUTCOMES[code]
    verdict = block_verdict(block, code, stars)
    authority = None if verdict.authority is None else verdict.authority.get(lang)
    return outcome, authority, outcome_note(outcome, verdict.stars, authority,
                                            verdict.province_may_recognise, verdict.article,
                                            lang)


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
    return next(_block_rows(block, lang, [p]))


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
        outcome=item.outcome,
        authority=None if item.authority is None else item.authority.get(lang),
        note=outcome_note(item.outcome, item.stars,
                          None if item.authority is None else item.authority.get(lang),
                          item.province_may_recognise, item.outcome_source, lang),
        unchecked=unchecked(item.warnings),
    )


def class_counts(result: BatchResult, lang: Lang) -> list[tuple[str, int]]:
    """Products per class, best first: 5, 4, 3 stars (recognised, or proposed for 5 at a
    provincial council), not recognised, could not be rated."""
    ratings = result.ratings
    reached = ("recognised", "proposed-5-star")   # a province's 5 stars: proposed
    counts = Counter(r.stars for r in ratings if r.outcome in reached)
    refused = sum(1 for r in ratings if r.outcome not in reached)
    for block in result.blocks:
        import numpy as np  # only score sheets bring numpy columns

        codes = [OUTCOMES.index(o) for o in reached]
        kept = (np.isin(block.outcome, codes) if block.outcome is not None
                else block.recognised)
        counts.update(block.stars[kept].tolist())
        refused += int((~kept).sum())
    out = [(star_label(s, lang), counts.get(s, 0)) for s in (5, 4, 3)]
    out.append((word("not_recognised", lang), refused))
    out.append((word("could_not_rate", lang), len(result.failures)))
    return out


def summary_line(result: BatchResult, lang: Lang) -> str:
    """``5 sao: 1 · 4 sao: 2 · 3 sao: 3 · Không đạt OCOP: 1 · Không chấm được: 0``."""
    return " · ".join(f"{label}: {n}" for label, n in class_counts(result, lang))


def fmt(value: float | None, lang: Lang = "en") -> str:
    """Points to 2 decimals: ``22,50`` on a Vietnamese screen or document, ``22.50`` in
    English and in files for machines (the default: CSV)."""
    return "" if value is None else number(value, lang)


def criterion_notes(crit: CriterionScore, lang: Lang) -> list[tuple[str, str]]:
    """What a criterion's notes say, each as ``(kind, text)`` with kind ``derived`` (the
    facts its options were derived from), ``evidence`` (a document cited) or ``note`` (a
    member's remark, with who wrote it; a remark several members pasted is said once)."""
    out: list[tuple[str, str]] = []
    facts = sorted({f for ch in crit.choices for f in ch.facts})
    if facts:
        out.append(("derived", f"* {word('derived_from', lang)}: {', '.join(facts)}"))
    out += [("evidence", f"▸ {doc}") for doc in crit.evidence]
    said: dict[str, list[str]] = {}
    for ch in crit.choices:
        if ch.note:
            said.setdefault(ch.note, []).append(ch.member)
    out += [("note", f"{', '.join(who)}: {note}") for note, who in said.items()]
    return out
