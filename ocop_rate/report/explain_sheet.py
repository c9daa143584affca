"""``explain``'s sheet, compact enough for an 80-column terminal: about a screen per part.

Members are numbered in a legend line and headed by their number (a name as a column
heading took a third of the width and wrapped every criterion's name word by word); one
table per part, titled with the part's points, each criterion on one line where its name
fits; the evidence, derived facts and notes are numbered under the part's table instead of
a column that stays mostly empty; the members' totals close the sheet on one line.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import CriterionScore, PartScore, Rating
from ocop_rate.models.rubric import NONE
from ocop_rate.report.labels import number, word
from ocop_rate.report.outcome_words import not_applicable_line
from ocop_rate.report.rows import criterion_notes

_NOTE_STYLE = {"derived": "cyan", "evidence": "", "note": "italic"}


def points(value: float, lang: Lang) -> str:
    """Points as few decimals as they have, in the language's mark: ``0,5`` / ``0.5``."""
    return number(value, lang, 0)


def criterion_cell(crit: CriterionScore, split: bool, lang: Lang, mark: str = "") -> RichText:
    """A criterion's id and name, then ``mark`` (a note's number), ⚠ when members split
    on it, and what its option means when it does not apply or is ``none``."""
    name = RichText(f"{crit.id} {crit.name.get(lang)}")
    if mark:
        name.append(mark, style="cyan")
    if split:
        name.append(" ⚠", style="bold yellow")
    if crit.not_applicable is not None:
        name.append(f"\n{not_applicable_line(crit, lang)}", style="dim")
    if crit.option == NONE:
        name.append(f"\n{NONE}: {text('rules.none', lang)}", style="dim")
    return name


def explain_sheet(rating: Rating, lang: Lang) -> list[RenderableType]:
    """The members' legend, then each part's table with its notes, then the totals."""
    split_ids = {s.criterion for s in rating.disagreement.splits} if rating.disagreement \
        else set()
    out: list[RenderableType] = [_legend(rating, lang)]
    for part in rating.parts:
        crits = [c for c in rating.criteria if c.part == part.id]
        table, notes = _part_table(rating, part, crits, split_ids, lang)
        out.append(table)
        out += notes
    out.append(_totals(rating, lang))
    return out


def _legend(rating: Rating, lang: Lang) -> RichText:
    line = RichText(f"{word('members', lang)}: ", style="bold")
    line.append(" · ".join(f"{n} {m.member}" for n, m in enumerate(rating.members, 1)),
                style="")
    return line


def _part_table(rating: Rating, part: PartScore, crits: list[CriterionScore],
                split_ids: set[str], lang: Lang) -> tuple[Table, list[RichText]]:
    table = Table(title=f"{word('part', lang)} {part.id}: {part.name.get(lang)} — "
                  f"{number(part.points, lang)}/{points(part.max_points, lang)}",
                  title_justify="left", title_style="bold", header_style="bold",
                  show_footer=True, footer_style="bold")
    table.add_column(word("criterion", lang), footer=word("total", lang))
    for n, m in enumerate(rating.members, 1):
        table.add_column(str(n), justify="center", no_wrap=True,
                         footer=points(m.parts.get(part.id, 0), lang))
    # the council's option and its mean points over the maximum, one cell: "b 1,67/3"
    table.add_column(word("council", lang), justify="right", no_wrap=True,
                     footer=number(part.points, lang))
    has_self = rating.self_assessment is not None or any(c.self_assessed for c in crits)
    if has_self:  # a column for the producer's own sheet only where there is one
        own = word("self_assessment", lang)  # wraps at words, never inside one
        table.add_column(own, justify="center",
                         max_width=max(7, *(len(w) for w in own.split())))
    notes: list[RichText] = []
    for crit in crits:
        said = criterion_notes(crit, lang)
        mark = ""
        if said:
            mark = f" ({len(notes) + 1})"
            note = RichText(f" {mark} {crit.id}: ")
            for i, (kind, words) in enumerate(said):
                note.append(("; " if i else "") + words, style=_NOTE_STYLE[kind])
            notes.append(note)
        cells: list[RenderableType] = [criterion_cell(crit, crit.id in split_ids, lang, mark)]
        cells += [f"{ch.option}{'*' if ch.chosen_by == 'derived' else ''} {points(ch.points, lang)}"
                  for ch in crit.choices]
        cells.append(f"{crit.option} {points(crit.points, lang)}/{points(crit.max_points, lang)}")
        if has_self:
            cells.append(crit.self_assessed or "")
        table.add_row(*cells)
    return table, notes


def _totals(rating: Rating, lang: Lang) -> RichText:
    line = RichText(f"{word('total', lang)}: ", style="bold")
    bits = [f"{n} {number(m.total, lang)}" for n, m in enumerate(rating.members, 1)]
    bits.append(f"{word('council', lang)} {number(rating.total, lang)}")
    if rating.self_assessment is not None:
        bits.append(f"{word('self_assessment', lang)} "
                    f"{number(rating.self_assessment.total, lang)}")
    line.append(" · ".join(bits))
    return line
