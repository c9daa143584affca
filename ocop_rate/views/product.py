"""Products in detail (``explain``): each product's sheet as scored, in the terminal; the
same ratings as JSON (the contract's objects); or each member's printed sheet and the
council's summary sheet, to sign.

A product in detail is a :class:`~ocop_rate.models.document.Document`
(:func:`product_document`): who and what was rated, the sheet (:func:`sheet_sections`: the
members' legend, a table per part with its totals and its notes, the members' totals), the
spread, the self-assessment beside the council, the gates, the requirements and the next
star. ``rate --members`` draws the same sheet sections (:func:`members_blocks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ocop_rate.models.document import Block, Document, Paragraph, Section, Table
from ocop_rate.models.rating import BatchResult, Failure
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import CriterionScore, PartScore, Rating
    from ocop_rate.models.rubric import Rubric
    from ocop_rate.report.shown import Detail


def detailed(result: BatchResult) -> BatchResult:
    """Score-sheet products as full ratings, for views that show each product in detail."""
    if not result.blocks:
        return result
    from ocop_rate.engine import expanded

    return expanded(result)


# --- the sheet: the members' legend, a table per part, the members' totals ----------------

def points(value: float, lang: Lang) -> str:
    """Points as few decimals as they have, in the language's mark: ``0,5`` / ``0.5``."""
    from ocop_rate.report.labels import number

    return number(value, lang, 0)


def criterion_cell(crit: CriterionScore, split: bool, lang: Lang, mark: str = "") -> str:
    """A criterion's id and name, then ``mark`` (a note's number), ⚠ when members split
    on it, and what its option means when it does not apply or is ``none``."""
    from ocop_rate.messages import text
    from ocop_rate.models.rubric import NONE
    from ocop_rate.report.outcome_words import not_applicable_line

    name = f"{crit.id} {crit.name.get(lang)}{mark}{' ⚠' if split else ''}"
    if crit.not_applicable is not None:
        name += f"\n{not_applicable_line(crit, lang)}"
    if crit.option == NONE:
        name += f"\n{NONE}: {text('rules.none', lang)}"
    return name


def sheet_sections(rating: Rating, lang: Lang) -> list[Section]:
    """The members' legend, then each part's table with its notes, then the totals: about a
    screen per part at 80 columns (members headed by their number, named in the legend;
    notes numbered under the table instead of a column that stays mostly empty)."""
    from ocop_rate.report.labels import number, word

    split_ids = ({s.criterion for s in rating.disagreement.splits} if rating.disagreement
                 else set())
    legend = " · ".join(f"{n} {m.member}" for n, m in enumerate(rating.members, 1))
    out = [Section([Paragraph(legend, label=word("members", lang))])]
    for part in rating.parts:
        crits = [c for c in rating.criteria if c.part == part.id]
        out.append(Section(_part_blocks(rating, part, crits, split_ids, lang),
                           f"{word('part', lang)} {part.id}: {part.name.get(lang)} — "
                           f"{number(part.points, lang)}/{points(part.max_points, lang)}"))
    bits = [f"{n} {number(m.total, lang)}" for n, m in enumerate(rating.members, 1)]
    bits.append(f"{word('council', lang)} {number(rating.total, lang)}")
    if rating.self_assessment is not None:
        bits.append(f"{word('self_assessment', lang)} "
                    f"{number(rating.self_assessment.total, lang)}")
    out.append(Section([Paragraph(" · ".join(bits), label=word("total", lang))]))
    return out


def _part_blocks(rating: Rating, part: PartScore, crits: list[CriterionScore],
                 split_ids: set[str], lang: Lang) -> list[Block]:
    """The part's table — each member's option and points, the council's option and mean
    points over the maximum in one cell (``b 1,67/3``), the producer's own option where
    there is one — then its numbered notes."""
    from ocop_rate.report.labels import number, word
    from ocop_rate.report.rows import criterion_notes

    has_self = rating.self_assessment is not None or any(c.self_assessed for c in crits)
    head = (word("criterion", lang), *(str(n) for n in range(1, len(rating.members) + 1)),
            word("council", lang), *([word("self_assessment", lang)] if has_self else []))
    align = ("left", *["center"] * len(rating.members), "right",
             *(["center"] if has_self else []))
    foot = (word("total", lang), *(points(m.parts.get(part.id, 0), lang)
                                   for m in rating.members),
            number(part.points, lang), *([""] if has_self else []))
    rows: list[tuple[str, ...]] = []
    notes: list[Block] = []
    for crit in crits:
        said = criterion_notes(crit, lang)
        mark = ""
        if said:
            mark = f" ({len(notes) + 1})"
            notes.append(Paragraph(f" {mark} {crit.id}: " + "; ".join(w for _, w in said)))
        rows.append((criterion_cell(crit, crit.id in split_ids, lang, mark),
                     *(f"{ch.option}{'*' if ch.chosen_by == 'derived' else ''} "
                       f"{points(ch.points, lang)}" for ch in crit.choices),
                     f"{crit.option} {points(crit.points, lang)}/"
                     f"{points(crit.max_points, lang)}",
                     *([crit.self_assessed or ""] if has_self else [])))
    return [Table(head, rows, align, foot=foot), *notes]


# --- a product in detail (explain) ---------------------------------------------------------

def product_document(rating: Rating, lang: Lang, rubric: Rubric | None = None) -> Document:
    """The product, its sheet, and why its class: what ``explain`` shows."""
    from ocop_rate.report.labels import word

    own = _self_vs_council(rating, lang)
    owned = ([] if own is None else
             [Section([own], f"{word('self_assessment', lang)} / {word('council', lang)}")])
    why = Section([*_gates(rating, lang), *_requirements(rating, lang),
                   *_next_star(rating, lang, rubric)])
    return Document(f"{rating.product_id} {rating.product_name.get(lang)}",
                    [Section(list[Block](_head(rating, lang))), *sheet_sections(rating, lang),
                     Section(_members(rating, lang)), *owned, why], data=rating, lang=lang)


def _head(rating: Rating, lang: Lang) -> list[Paragraph]:
    from ocop_rate.messages import text
    from ocop_rate.report.labels import (
        number,
        outcome_words,
        producer_kind,
        star_glyphs,
        star_label,
        word,
    )
    from ocop_rate.report.outcome_words import outcome_note
    from ocop_rate.report.rows import rows

    out: list[Paragraph] = []
    rubric = f"{rating.rubric} — {rating.rubric_name.get(lang)}"
    out.append(Paragraph(rubric + (f" · {rating.file}" if rating.file else ""),
                         label=word("rubric", lang)))
    if rating.producer is not None:
        p = rating.producer
        bits = [p.name, producer_kind(p.kind, lang), p.commune, p.district, p.province]
        out.append(Paragraph(", ".join(b for b in bits if b), label=word("producer", lang)))
    stars = ("—" if rating.stars is None
             else f"{star_glyphs(rating.stars)} {star_label(rating.stars, lang)}")
    row = rows(BatchResult(items=(rating,)), "vi")[0]
    line = (f"{word('total', lang)} {number(rating.total, lang)} · {stars} · "
            f"{word('outcome', lang)}: {outcome_words(row.outcome, row.unchecked, lang)} "
            f"({text('level.' + rating.level, lang)})")
    out.append(Paragraph(line))
    authority = None if rating.authority is None else rating.authority.get(lang)
    note = outcome_note(rating.outcome, rating.stars, authority,
                        rating.province_may_recognise, rating.outcome_source, lang) or ""
    if note:
        out.append(Paragraph(note))
    if rating.stars is not None and rating.band_stars != rating.stars:
        band = f" ({word('by_total', lang)}: {star_label(rating.band_stars, lang)})"
        last = out.pop()
        out.append(Paragraph(last.text + band, last.label))
    return out


def _members(rating: Rating, lang: Lang) -> list[Block]:
    """The members' spread against its limit, and each reason to discuss again."""
    from ocop_rate.report.labels import number, word

    d = rating.disagreement
    if d is None or len(rating.members) < 2:
        return []
    return [Paragraph(f"{word('spread', lang)}: {number(d.spread, lang)} / "
                      f"{number(d.spread_limit, lang, 0)} · "
                      f"{word('discuss', lang) if d.flagged else word('agreed', lang)}"),
            *_disagreements(rating, lang)]


def _disagreements(rating: Rating, lang: Lang) -> list[Block]:
    from ocop_rate.report.members_view import disagreement_reasons

    return [Paragraph(f"⚠ {rating.product_id}: {r}") for r in disagreement_reasons(rating, lang)]


def _self_vs_council(rating: Rating, lang: Lang) -> Table | None:
    """Per part, the producer's own points beside the council's, and the difference."""
    from ocop_rate.report.labels import number, signed, word

    own = rating.self_assessment
    if own is None:
        return None
    head = (word("part", lang), word("self_assessment", lang), word("council", lang),
            word("council_minus_self", lang))
    rows = [(f"{part.id} {part.name.get(lang)}", number(own.parts[part.id], lang),
             number(part.points, lang), signed(own.difference.get(part.id, 0.0), lang))
            for part in rating.parts]
    foot = (word("total", lang), number(own.total, lang), number(rating.total, lang),
            signed(own.total_difference, lang))
    return Table(head, rows, ("left", "right", "right", "right"), foot=foot)


def _gates(rating: Rating, lang: Lang) -> list[Block]:
    from ocop_rate.report.labels import citation, notice_text, star_label, word

    out: list[Block] = [Paragraph(f"{word('gates', lang)}:", strong=True)]
    if not rating.gates and not rating.warnings:
        out.append(Paragraph(f"  {word('none', lang)}"))
    for g in rating.gates:
        source = f" — {citation(g.source, lang)}" if g.source else ""
        out.append(Paragraph(f"  {'⛔' if g.effect == 'block' else '▼'} {g.reason.get(lang)}"
                             f" (≤ {star_label(g.max_stars, lang)}){source}"))
    out += [Paragraph(f"  ! {notice_text(w, lang)}") for w in rating.warnings]
    return out


def _requirements(rating: Rating, lang: Lang) -> list[Block]:
    from ocop_rate.messages import text
    from ocop_rate.report.outcome_words import requirement_line

    if not rating.requirements:
        return []
    return [Paragraph(f"{text('rules.requirements', lang)}:", strong=True),
            *[Paragraph(f"  {requirement_line(r, lang)}") for r in rating.requirements]]


def _next_star(rating: Rating, lang: Lang, rubric: Rubric | None) -> list[Block]:
    """The fewest upgrades that reach the next class, with the points each adds."""
    from ocop_rate.messages import text
    from ocop_rate.report.labels import number, star_label, word

    ns = rating.next_star
    if ns is None:
        return [Paragraph(word("top_class", lang), strong=True)]
    if ns.points_needed <= 0:  # the total is enough: only star marks stand in the way
        marks = sum(1 for u in ns.upgrades if u.required_by_gate) or len(ns.upgrades)
        head = text("report.next_star_marks_only", lang, stars=star_label(ns.stars, lang),
                    threshold=ns.threshold, criteria=_criteria_count(marks, lang))
    else:
        head = (f"{word('next_star', lang)} {star_label(ns.stars, lang)} "
                f"(≥ {number(ns.threshold, lang, 0)}): {word('points_to_go', lang)} "
                f"{number(ns.points_needed, lang)} {word('points_short', lang)}, "
                f"{_criteria_count(len(ns.upgrades), lang)}")
    out: list[Block] = [Paragraph(head, strong=True)]
    for u in ns.upgrades:
        line = (f"  • {u.criterion} {u.name.get(lang)}: {u.from_option} → {u.to_option}  "
                f"+{number(u.points, lang)} {word('points_short', lang)}")
        if u.required_by_gate:
            line += f" ({word('required_by_mark', lang)})"
        crit = rubric.criteria_by_id.get(u.criterion) if rubric is not None else None
        target = crit.option(u.to_option) if crit is not None else None
        if target is not None:
            line += f"\n      {u.to_option}) {target.label.get(lang)}"
        out.append(Paragraph(line))
    if ns.blocked_by:
        out.append(Paragraph(f"  {word('unreachable', lang)}: {word('blocked_by', lang)} "
                             f"{', '.join(ns.blocked_by)}"))
    elif not ns.reachable:
        out.append(Paragraph(f"  {word('unreachable', lang)}"))
    return out


def _criteria_count(n: int, lang: Lang) -> str:
    from ocop_rate.messages import text

    return text("report.criteria_one" if n == 1 else "report.criteria_n", lang, n=str(n))


# --- rate --members: each product's sheets before the results table ------------------------

def members_document(rating: Rating, lang: Lang) -> Document:
    """A product's sheets side by side (:func:`sheet_sections`), its spread and the reasons
    to discuss it again."""
    from ocop_rate.report.labels import number, star_glyphs, star_label, word

    d = rating.disagreement
    status = "" if d is None else (
        f"{word('spread', lang)}: {number(d.spread, lang)} / "
        f"{number(d.spread_limit, lang, 0)} · "
        f"{word('discuss', lang) if d.flagged else word('agreed', lang)}")
    return Document(f"{rating.product_id} {rating.product_name.get(lang)}  {rating.rubric} · "
                    f"{star_glyphs(rating.stars)} {star_label(rating.stars, lang)}",
                    [*sheet_sections(rating, lang),
                     Section([Paragraph(status), *_disagreements(rating, lang), Paragraph("")])],
                    data=rating, lang=lang)


def members_blocks(result: BatchResult, lang: Lang, detail: Detail) -> list[RenderableType]:
    """Every product's sheets. A score-sheet product's rating is built from its block (by
    ``detail``) only when its sheets are printed, then dropped: the list holds no rating."""
    out: list[RenderableType] = [_Sheets(partial(_given, rating), lang)
                                 for rating in result.ratings]
    for block in result.blocks:
        out += [_Sheets(partial(detail, block, p), lang) for p in range(len(block))]
    return out


def _given(rating: Rating) -> Rating:
    return rating


@dataclass(frozen=True)
class _Sheets:
    """One product's sheets, built and drawn when printed."""

    rating: Callable[[], Rating]
    lang: Lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from ocop_rate.render.terminal import draw

        yield from draw(members_document(self.rating(), self.lang))


# --- the formats (views.registry.SUBJECTS["product"]) ---------------------------------------

def terminal(result: BatchResult, asked: Asked) -> Iterator[RenderableType]:
    from rich.rule import Rule
    from rich.text import Text

    from ocop_rate.render.terminal import draw
    from ocop_rate.report.labels import problem_line

    for item in detailed(result).items:
        if isinstance(item, Failure):
            yield Rule(item.product_id or item.file or "?")
            for e in item.errors:
                yield Text.assemble(("✗", "red"), " ", problem_line(e, asked.lang))
            continue
        yield Rule(item.product_id)
        yield from draw(product_document(item, asked.lang, asked.rubrics.get(item.rubric)))


def json(result: BatchResult, asked: Asked) -> Iterator[str]:
    from ocop_rate.report import json_report

    return json_report.render_chunks(detailed(result), asked.lang)


def sheets(result: BatchResult, asked: Asked) -> str:
    from ocop_rate.report import printed

    return printed.render(detailed(result), asked.lang, asked.rubrics, asked.day,
                          sheets=True, listing=False)
