"""``ocop-rate explain``: one product's sheet as the council scored it, and why its class.

Every criterion with each member's option and points, the council's option, evidence,
notes and derived facts; the self-assessment beside the council per part; the gates that
applied; and the next star: the fewest upgrades that reach it, with the points each adds.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import Rating
from ocop_rate.models.rubric import Rubric
from ocop_rate.report.explain_sheet import explain_sheet
from ocop_rate.report.labels import (
    STAR_STYLE,
    citation,
    notice_text,
    number,
    outcome_words,
    producer_kind,
    signed,
    star_glyphs,
    star_label,
    word,
)
from ocop_rate.report.members_view import disagreement_lines
from ocop_rate.report.outcome_words import outcome_note, requirement_line
from ocop_rate.report.rows import Row, rows


def explain_view(rating: Rating, lang: Lang, rubric: Rubric | None = None
                 ) -> list[RenderableType]:
    """The blocks to print, in reading order."""
    return [_head(rating, lang), *explain_sheet(rating, lang),
            *_members(rating, lang), *_self_vs_council(rating, lang), *_gates(rating, lang),
            *_requirements(rating, lang), *_next_star(rating, lang, rubric)]


def _requirements(rating: Rating, lang: Lang) -> list[RenderableType]:
    if not rating.requirements:
        return []
    style = {"met": "green", "unmet": "red", "unchecked": "yellow"}
    return [RichText(f"{text('rules.requirements', lang)}:", style="bold"),
            *[RichText(f"  {requirement_line(r, lang)}", style=style.get(r.status, ""))
              for r in rating.requirements]]


def _head(rating: Rating, lang: Lang) -> RichText:
    head = RichText(f"{rating.product_id} {rating.product_name.get(lang)}\n", style="bold")
    head.append(f"{word('rubric', lang)}: {rating.rubric} — {rating.rubric_name.get(lang)}",
                style="dim")
    if rating.file:
        head.append(f" · {rating.file}", style="dim")
    if rating.producer is not None:
        p = rating.producer
        bits = [p.name, producer_kind(p.kind, lang), p.commune, p.district, p.province]
        head.append(f"\n{word('producer', lang)}: {', '.join(b for b in bits if b)}")
    head.append(f"\n{word('total', lang)} {number(rating.total, lang)} · ")
    if rating.stars is None:
        head.append("—", style="red")
    else:
        head.append(f"{star_glyphs(rating.stars)} {star_label(rating.stars, lang)}",
                    style=STAR_STYLE.get(rating.stars, ""))
    row = _row_of(rating)
    head.append(f" · {word('outcome', lang)}: ")
    head.append(outcome_words(row.outcome, row.unchecked, lang),
                style="yellow" if row.unchecked else "")
    head.append(f" ({text('level.' + rating.level, lang)})", style="bold")
    authority = None if rating.authority is None else rating.authority.get(lang)
    note = outcome_note(rating.outcome, rating.stars, authority,
                        rating.province_may_recognise, rating.outcome_source, lang)
    if note:
        head.append(f"\n{note}")
    if rating.stars is not None and rating.band_stars != rating.stars:
        band = star_label(rating.band_stars, lang)
        head.append(f" ({word('by_total', lang)}: {band})")
    return head


def _members(rating: Rating, lang: Lang) -> list[RenderableType]:
    d = rating.disagreement
    if d is None or len(rating.members) < 2:
        return []
    line = RichText(f"{word('spread', lang)}: {number(d.spread, lang)} / "
                    f"{number(d.spread_limit, lang, 0)} · ")
    line.append(word("discuss", lang) if d.flagged else word("agreed", lang),
                style="bold yellow" if d.flagged else "green")
    return [line, *disagreement_lines(rating, lang)]


def _self_vs_council(rating: Rating, lang: Lang) -> list[RenderableType]:
    own = rating.self_assessment
    if own is None:
        return []
    table = Table(title=f"{word('self_assessment', lang)} / {word('council', lang)}",
                  title_justify="left", header_style="bold")
    for col in (word("part", lang), word("self_assessment", lang), word("council", lang),
                word("council_minus_self", lang)):
        table.add_column(col, justify="left" if col == word("part", lang) else "right")
    for part in rating.parts:
        diff = own.difference.get(part.id, 0.0)
        table.add_row(f"{part.id} {part.name.get(lang)}", number(own.parts[part.id], lang),
                      number(part.points, lang),
                      RichText(signed(diff, lang), style=_diff_style(diff)))
    table.add_row(word("total", lang), number(own.total, lang), number(rating.total, lang),
                  RichText(signed(own.total_difference, lang), style=_diff_style(
                      own.total_difference)), style="bold")
    return [table]


def _diff_style(diff: float) -> str:
    return "red" if diff < 0 else ("green" if diff > 0 else "")


def _row_of(rating: Rating) -> Row:
    from ocop_rate.models.rating import BatchResult

    return rows(BatchResult(items=(rating,)), "vi")[0]


def _gates(rating: Rating, lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [RichText(f"{word('gates', lang)}:", style="bold")]
    if not rating.gates and not rating.warnings:
        out.append(RichText(f"  {word('none', lang)}"))
    for g in rating.gates:
        line = RichText(f"  {'⛔' if g.effect == 'block' else '▼'} {g.reason.get(lang)}"
                        f" (≤ {star_label(g.max_stars, lang)})", style="red")
        if g.source:
            line.append(f" — {citation(g.source, lang)}", style="dim")
        out.append(line)
    out += [RichText(f"  ! {notice_text(w, lang)}", style="yellow") for w in rating.warnings]
    return out


def _next_star(rating: Rating, lang: Lang, rubric: Rubric | None) -> list[RenderableType]:
    ns = rating.next_star
    if ns is None:
        return [RichText(word("top_class", lang), style="bold")]
    if ns.points_needed <= 0:  # the total is enough: only star marks stand in the way
        marks = sum(1 for u in ns.upgrades if u.required_by_gate) or len(ns.upgrades)
        head = RichText(text("report.next_star_marks_only", lang,
                             stars=star_label(ns.stars, lang), threshold=ns.threshold,
                             criteria=_criteria_count(marks, lang)), style="bold")
    else:
        head = RichText(f"{word('next_star', lang)} {star_label(ns.stars, lang)} "
                        f"(≥ {number(ns.threshold, lang, 0)}): {word('points_to_go', lang)} "
                        f"{number(ns.points_needed, lang)} {word('points_short', lang)}, "
                        f"{_criteria_count(len(ns.upgrades), lang)}", style="bold")
    out: list[RenderableType] = [head]
    for u in ns.upgrades:
        line = RichText(f"  • {u.criterion} {u.name.get(lang)}: {u.from_option} → "
                        f"{u.to_option}  +{number(u.points, lang)} {word('points_short', lang)}")
        if u.required_by_gate:
            line.append(f" ({word('required_by_mark', lang)})", style="yellow")
        crit = rubric.criteria_by_id.get(u.criterion) if rubric is not None else None
        target = crit.option(u.to_option) if crit is not None else None
        if target is not None:
            line.append(f"\n      {u.to_option}) {target.label.get(lang)}", style="dim")
        out.append(line)
    if ns.blocked_by:
        out.append(RichText(f"  {word('unreachable', lang)}: {word('blocked_by', lang)} "
                            f"{', '.join(ns.blocked_by)}", style="red"))
    elif not ns.reachable:
        out.append(RichText(f"  {word('unreachable', lang)}", style="red"))
    return out


def _criteria_count(n: int, lang: Lang) -> str:
    return text("report.criteria_one" if n == 1 else "report.criteria_n", lang, n=str(n))
