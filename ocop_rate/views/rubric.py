"""The rubrics (``rubrics list``) and one rubric resolved (``rubrics show``): each builds a
:class:`~ocop_rate.models.document.Document` the generic renderers draw; JSON is the
rubric in its file's keys (:func:`ocop_rate.report.json_report.rubric_to_dict`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ocop_rate.messages import Lang
from ocop_rate.models.document import Document, Paragraph, Section, Table
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.rubric import Criterion, Rubric

_LIST = ("id", "group", "product_set", "criteria", "in_force")


def listing(entries: list[dict[str, Any]], lang: Lang) -> Document:
    """A table per decision (the decision its title), one rubric a row: id, product group,
    product set, criteria, in force. The decision said once per table, not in a column,
    leaves the product set room on an 80-column screen."""
    from ocop_rate.report.labels import group_name, word

    head = tuple(word(key, lang) for key in _LIST)
    align = ("left", "left", "left", "right", "left")
    tables: dict[str, list[tuple[str, ...]]] = {}
    for e in entries:
        doubt = f" ({word('unconfirmed', lang)})" if e.get("rubric_unconfirmed") else ""
        tables.setdefault(f"{word('decision', lang)} {e['decision']}{doubt}", []).append((
            str(e["id"]), group_name(str(e["product_group"]), lang), str(e["product_set"]),
            str(e["criteria"]), word("yes" if e["in_force"] else "no", lang)))
    if not tables:
        return Document("", [Section([Table(head, [], align)])], lang=lang)
    return Document("", [Section([Table(head, rows, align)], title)
                         for title, rows in tables.items()], lang=lang)


def _options(crit: Criterion, lang: Lang) -> str:
    """Each option a line (``a) … — 5 [***]``), under its case when the options have
    cases."""
    lines: list[str] = []
    case: str | None = None
    for opt in crit.options:
        if opt.case is not None and opt.case.get(lang) != case:
            case = opt.case.get(lang)
            lines.append(case)
        mark = f"  [{'*' * opt.min_star}]" if opt.min_star else ""
        lines.append(f"{opt.code}) {opt.label.get(lang)} — {opt.points:g}{mark}")
    return "\n".join(lines)


def sheet(rubric: Rubric, lang: Lang) -> Document:
    """The sheet as the council sees it: parts, criteria, options with points and marks;
    then what the marks mean and the gates."""
    from ocop_rate.report.labels import citation, word

    rows: list[tuple[str, ...]] = []
    for part in rubric.parts:
        rows.append((f"{word('part', lang)} {part.id}: {part.name.get(lang)}", "",
                     f"{part.max_points:g}"))
        for crit in (c for c in rubric.criteria if c.part == part.id):
            label = f"{crit.id}  {crit.name.get(lang)}"
            if crit.unconfirmed:
                label += f" ({word('unconfirmed', lang)})"
            if crit.note is not None:
                label += f"\n{crit.note.get(lang)}"
            rows.append((label, _options(crit, lang), f"{crit.max_points:g}"))
    table = Table((word("criterion", lang), word("options", lang), word("max", lang)), rows,
                  ("left", "left", "right"))
    after = [Paragraph("*** / **** / *****: " + word("mark_legend", lang)),
             *(Paragraph(f"⛔ {g.reason.get(lang)}") for g in rubric.gates)]
    return Document(rubric.name.get(lang), [
        Section([Paragraph(f"{rubric.id} · {citation(rubric.source.render(), lang)}"),
                 table, *after])], lang=lang)


def list_table(entries: list[dict[str, Any]], asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(listing(entries, asked.lang))


def list_json(entries: list[dict[str, Any]], asked: Asked) -> str:
    from ocop_rate.render.json import draw

    return draw(Document("", data=entries))


def sheet_table(rubric: Rubric, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(sheet(rubric, asked.lang))


def sheet_json(rubric: Rubric, asked: Asked) -> str:
    from ocop_rate.render.json import draw
    from ocop_rate.report.json_report import rubric_to_dict

    return draw(Document("", data=rubric_to_dict(rubric)))
