"""The communes' worklists (``register worklist``): in the terminal a table per list (due,
grace, expired), a sheet per list in a workbook, one long table in CSV (the list a column),
and the contract's records as JSON, each a :class:`~ocop_rate.models.document.Document`
drawn by the generic renderers. The Word document per commune is the office's layout
(:func:`ocop_rate.documents.worklist.to_docx`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ocop_rate.messages import Lang, text
from ocop_rate.models.document import Document, Section, Table
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.register.worklists import WorkItem

Worklist = tuple[Sequence["WorkItem"], dt.date]
SHOWN = ("commune", "product_id", "product_name", "certificate", "expires_on", "action")
"""The columns a person reads in the terminal (the files have every column)."""


def _cells(row: dict[str, Any], names: Sequence[str], lang: Lang) -> tuple[str, ...]:
    from ocop_rate.documents.worklist import shown

    return tuple(str(shown(row[c], lang)) for c in names)


def reading(items: Sequence[WorkItem], lang: Lang) -> Document:
    """A section per list, its count in its title; the columns of :data:`SHOWN`."""
    from ocop_rate.documents.worklist import record
    from ocop_rate.register.worklists import LISTS

    head = tuple(text(f"worklist.col.{c}", lang) for c in SHOWN)
    sections = []
    for name in LISTS:
        chosen = [i for i in items if i.list == name]
        rows = [_cells(record(i, lang), SHOWN, lang) for i in chosen]
        sections.append(Section([Table(head, rows)], text(f"worklist.heading.{name}", lang,
                                                         count=len(chosen))))
    return Document("", sections, lang=lang)


def sheets(items: Sequence[WorkItem], lang: Lang) -> Document:
    """A table per list, named as its sheet, every column but the list; dates typed."""
    from ocop_rate.documents.worklist import COLUMNS, heads, record
    from ocop_rate.register.worklists import LISTS

    tables = []
    for name in LISTS:
        records = [record(i, lang) for i in items if i.list == name]
        tables.append(Table(tuple(heads(lang)[1:]),
                            [_cells(r, COLUMNS[1:], lang) for r in records],
                            values=[tuple(r[c] for c in COLUMNS[1:]) for r in records],
                            name=text(f"worklist.sheet.{name}", lang)))
    return Document(text("worklist.title", lang), [Section(list(tables))], lang=lang)


def flat(items: Sequence[WorkItem], lang: Lang) -> Document:
    """One table, one certificate a row, its list in words in the first column; the head
    the columns' codes (what a script reads)."""
    from ocop_rate.documents.worklist import COLUMNS, record

    rows = []
    for item in items:
        row = record(item, lang)
        row["list"] = text(f"worklist.list.{item.list}", lang)
        rows.append(_cells(row, COLUMNS, lang))
    return Document(text("worklist.title", lang), [Section([Table(COLUMNS, rows)])],
                    lang=lang)


def worklist_table(asked_of: Worklist, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(reading(asked_of[0], asked.lang))


def worklist_json(asked_of: Worklist, asked: Asked) -> str:
    from ocop_rate.documents.worklist import record
    from ocop_rate.render.json import draw

    return draw(Document("", data=[record(i, asked.lang) for i in asked_of[0]]), 1)


def worklist_csv(asked_of: Worklist, asked: Asked) -> str:
    from ocop_rate.render.csv import draw

    return draw(flat(asked_of[0], asked.lang))


def worklist_xlsx(asked_of: Worklist, asked: Asked) -> bytes:
    from ocop_rate.render.xlsx import draw

    return draw(sheets(asked_of[0], asked.lang))


def worklist_docx(asked_of: Worklist, asked: Asked) -> bytes:
    from ocop_rate.documents import worklist

    return worklist.to_docx(*asked_of, asked.lang)
