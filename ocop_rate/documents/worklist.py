"""The worklists drawn: a terminal table per list, CSV and JSON (one row a certificate, its
list in a column), XLSX (a sheet per list) and DOCX (per commune, the three lists as tables,
for the commune and the market-check teams). Every text cell of CSV/XLSX is guarded
against formulas (:func:`ocop_rate.render.safety.neutralise`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from ocop_rate.messages import Lang, long_date, say_date, text
from ocop_rate.register.worklists import LISTS, WorkItem
from ocop_rate.render.safety import neutralise

COLUMNS = ("list", "province", "commune", "product_id", "product_name", "producer",
           "certificate", "stars", "expires_on", "state", "until", "days", "action")


def _action(item: WorkItem, lang: Lang) -> str:
    c = item.certificate
    if item.list == "due":
        return text(f"worklist.action.due.{item.state}", lang,
                    opens=c.window_opens, closes=c.window_closes)
    if item.list == "grace":
        return text("worklist.action.grace", lang, until=item.until)
    return text("worklist.action.expired", lang, since=c.expires_on)


def record(item: WorkItem, lang: Lang) -> dict[str, Any]:
    c = item.certificate
    return {"list": item.list, "province": c.province, "commune": c.commune,
            "product_id": c.product_id, "product_name": c.product_name,
            "producer": c.producer, "certificate": c.certificate, "stars": c.stars,
            "expires_on": c.expires_on, "state": item.state, "until": item.until,
            "days": item.days, "action": _action(item, lang)}


def heads(lang: Lang) -> list[str]:
    return [text(f"worklist.col.{c}", lang) for c in COLUMNS]


def _shown(value: object, lang: Lang) -> object:
    if isinstance(value, date):
        return say_date(value, lang)
    return "" if value is None else value


def to_json(items: Sequence[WorkItem], lang: Lang) -> str:
    return json.dumps([{k: v.isoformat() if isinstance(v, date) else v
                        for k, v in record(i, lang).items()} for i in items],
                      ensure_ascii=False, indent=1) + "\n"


def to_csv(items: Sequence[WorkItem], lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in items:
        row = record(item, lang)
        row["list"] = text(f"worklist.list.{item.list}", lang)
        writer.writerow([neutralise(_shown(row[c], lang)) for c in COLUMNS])
    return buffer.getvalue()


def to_xlsx(items: Sequence[WorkItem], lang: Lang) -> bytes:
    """A sheet per list (due, grace, expired), dates as date cells."""
    from openpyxl import Workbook

    from ocop_rate.report.register_view import fill_sheet

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name in LISTS:
        sheet = book.create_sheet(text(f"worklist.sheet.{name}", lang))
        rows = ([record(i, lang)[c] for c in COLUMNS[1:]] for i in items if i.list == name)
        fill_sheet(sheet, heads(lang)[1:], rows, lang, freeze="A2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_docx(items: Sequence[WorkItem], on: date, lang: Lang) -> bytes:
    """Per province and commune, the three lists as tables; a commune starts a page."""
    from ocop_rate.documents import layout

    doc = layout.new_document()
    layout.title(doc, text("worklist.title", lang), text("worklist.as_of", lang,
                                                        date=long_date(on, lang)))
    from ocop_rate.register.stats import official  # "Đầm Hà" and "xã Đầm Hà": one page

    where = {id(i): official(i.certificate.province, i.certificate.commune) for i in items}
    places = sorted(set(where.values()))
    if not places:
        layout.para(doc, text("worklist.empty", lang), align="center")
    columns = ("product_id", "product_name", "producer", "certificate", "stars",
               "expires_on", "action")
    for n, (province, commune) in enumerate(places):
        if n:
            layout.page_break(doc)
        layout.heading(doc, ", ".join(x for x in (commune, province) if x) or "…")
        for name in LISTS:
            chosen = [i for i in items if i.list == name and where[id(i)] == (province,
                                                                                commune)]
            layout.heading(doc, text(f"worklist.heading.{name}", lang, count=len(chosen)))
            if not chosen:
                layout.para(doc, text("printed.none_listed", lang), align="left")
                continue
            layout.grid(doc, [text(f"worklist.col.{c}", lang) for c in columns],
                        [[str(_shown(record(i, lang)[c], lang)) for c in columns]
                         for i in chosen], (0.13, 0.2, 0.16, 0.13, 0.06, 0.12, 0.2), size=10)
    return layout.to_bytes(doc)


def tables(items: Sequence[WorkItem], on: date, lang: Lang) -> list[Any]:
    """One rich table per list, for the terminal."""
    from rich.table import Table

    from ocop_rate.report import register_view as view

    out: list[Any] = []
    for name in LISTS:
        chosen = [i for i in items if i.list == name]
        table = Table(title=text(f"worklist.heading.{name}", lang, count=len(chosen)),
                      title_justify="left")
        for c in ("commune", "product_id", "product_name", "certificate", "expires_on",
                  "action"):
            table.add_column(text(f"worklist.col.{c}", lang), overflow="fold")
        for i in chosen:
            row = record(i, lang)
            view.add_row(table, *(str(_shown(row[c], lang)) for c in (
                "commune", "product_id", "product_name", "certificate", "expires_on",
                "action")))
        out.append(table)
    return out
