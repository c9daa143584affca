"""The register's answers as tables (rich), JSON, CSV and XLSX. Dates are day first in
Vietnamese (05/02/2026), ISO in English and in JSON; text cells that a spreadsheet would run
as a formula are neutralised (:mod:`ocop_rate.report.safety`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ocop_rate.messages import say_date, text
from ocop_rate.models.register import CertificateView, DueItem, HistoryEvent
from ocop_rate.report.safety import neutralise

if TYPE_CHECKING:
    from rich.table import Table

Lang = Literal["vi", "en"]
FIELDS: tuple[str, ...] = CertificateView._fields   # JSON keys; CSV, XLSX columns in order
CSV_ENCODING = "utf-8-sig"


def day(value: date | None, lang: Lang) -> str:
    return say_date(value, lang)


def label(code: str | None, lang: Lang) -> str:
    if code is None:
        return ""
    key = f"register.label.{code}"
    from ocop_rate.messages import CATALOGUE

    return text(key, lang) if key in CATALOGUE else code


def header(code: str, lang: Lang) -> str:
    return text(f"register.header.{code}", lang)


def record(v: CertificateView) -> dict[str, object]:
    """A certificate as JSON fields (dates stay dates: :data:`_ENCODER` writes them ISO)."""
    return dict(zip(FIELDS, v, strict=True))


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)
DATES = frozenset({"issued_on", "expires_on", "decision_date", "status_until", "window_opens",
                   "window_closes", "filed_on", "revoked_on"})
"""The certificate's date fields (:class:`CertificateView`)."""


def _array(objects: Iterable[dict[str, object]]) -> str:
    """A JSON array, one object a line (grep-able, and quick for 20,000 certificates).

    The whole array is encoded in one call, then a line break put between its objects
    where ``}, {"KEY": `` stands, KEY being every object's first key: a quote inside a
    text is always escaped, and after a text's closing quote comes ``,`` or ``}``, never
    ``KEY": ``, so that only occurs between two objects."""
    items = list(objects)
    if not items:
        return "[]\n"
    first = json.dumps(next(iter(items[0])), ensure_ascii=False)
    body = _ENCODER.encode(items)[1:-1]
    return "[\n" + body.replace(f"}}, {{{first}: ", f"}},\n{{{first}: ") + "\n]\n"


def _objects(rows: Iterable[Sequence[object]], keys: Sequence[str]
             ) -> Iterator[dict[str, object]]:
    """Each row as an object of ``keys``, its dates already ISO text: a register's
    thousands of certificates share a few hundred days, each written once, and the
    encoder then calls back into Python for nothing."""
    iso: dict[object, object] = {None: None}
    at = [i for i, k in enumerate(keys) if k in DATES]
    for row in rows:
        values = list(row)
        for i in at:
            day = values[i]
            values[i] = iso[day] if day in iso else iso.setdefault(day, _iso(day))
        yield dict(zip(keys, values, strict=True))


def to_json(items: Sequence[CertificateView]) -> str:
    return _array(_objects(items, FIELDS))


DUE_FIELDS = ("product_id", "product_name", "province", "commune", "product_group", "stars",
              "certificate", "issued_on", "expires_on", "decision", "authority",
              "window_opens", "window_closes", "state", "days_to_expiry")
_DUE_AT = [FIELDS.index(f) for f in DUE_FIELDS[:-2]]


def due_json(items: Sequence[DueItem]) -> str:
    """Due certificates (all valid and unfiled, so status and filing are left out), with
    the window's state and the days left to expiry."""
    return _array(_objects(([*map(d.certificate.__getitem__, _DUE_AT), d.state,
                             d.days_to_expiry] for d in items), DUE_FIELDS))


WORDED = frozenset({"term_source", "authority", "status"})
"""Columns whose codes an export says in words (``valid`` -> ``còn hiệu lực``); JSON keeps
the codes (the contract's)."""


def columns(lang: Lang) -> list[str]:
    """The export's headers in ``lang`` (``Mã sản phẩm`` / ``Product ID``): what
    ``register import`` reads back."""
    return [text(f"register.column.{f}", lang) for f in FIELDS]


def _worded(v: CertificateView, lang: Lang) -> list[object]:
    """A certificate's cells for a spreadsheet: status, term, authority and producer kind
    in words."""
    from ocop_rate.report.labels import producer_kind

    return [label(str(x), lang) if f in WORDED and x is not None else
            producer_kind(str(x), lang) if f == "producer_kind" and x is not None else x
            for f, x in zip(FIELDS, v, strict=True)]


def to_csv(items: Sequence[CertificateView], lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(lang))
    for v in items:
        writer.writerow([neutralise("" if c is None else day(c, lang) if isinstance(c, date)
                                    else c) for c in _worded(v, lang)])
    return buffer.getvalue()


def to_xlsx(items: Sequence[CertificateView], lang: Lang) -> bytes:
    """One sheet, one certificate a row; dates are real date cells shown day first in
    Vietnamese."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sổ đăng ký" if lang == "vi" else "Register"
    fill_sheet(sheet, columns(lang), (_worded(v, lang) for v in items), lang, freeze="B2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fill_sheet(sheet: Any, header: Sequence[str], rows: Iterable[Sequence[object]], lang: Lang,
               *, freeze: str) -> None:
    """A sheet a person opens in Excel: a bold, frozen header, then the rows with every text
    guarded against formulas, and dates as date cells shown day first in Vietnamese."""
    from openpyxl.styles import Font

    sheet.append(list(header))
    for row in rows:
        sheet.append([neutralise(c) for c in row])
    shown = "DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD"
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = shown
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = freeze


def new_table(title: str, columns: Sequence[str], lang: Lang) -> Table:
    """A table whose cells are plain text: a product name is never read as rich markup."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    for c in columns:
        wraps = c in ("product_name", "province", "commune", "detail", "window", "status",
                      "event", "outcome")
        table.add_column(header(c, lang), overflow="fold", no_wrap=not wraps,
                         min_width=10 if wraps else None)
    return table


def add_row(table: Table, *cells: str) -> None:
    """A row of plain text; a column that does not wrap (ids, numbers, dates) is kept as
    wide as its widest cell, so a narrow terminal wraps the names instead of cutting a date."""
    from rich.text import Text

    for column, cell in zip(table.columns, cells, strict=True):
        if column.no_wrap:
            column.min_width = max(column.min_width or 0, len(cell))
    table.add_row(*(Text(c) for c in cells))


def list_table(items: Sequence[CertificateView], on: date, lang: Lang) -> Table:
    table = new_table(text("register.list_title", lang, on=day(on, lang), count=len(items)),
                   ("product_id", "product_name", "stars", "certificate", "expires_on",
                    "status"), lang)
    for v in items:
        add_row(table, v.product_id, v.product_name, f"{v.stars}★", v.certificate,
                day(v.expires_on, lang), _status(v, lang))
    return table


def _status(v: CertificateView, lang: Lang) -> str:
    """The status, with its last day when that is not the expiry (extended, revoked…)."""
    if v.status_until is None or v.status_until == v.expires_on:
        return label(v.status, lang)
    return f"{label(v.status, lang)} {day(v.status_until, lang)}"


def due_table(items: Sequence[DueItem], on: date, lang: Lang) -> Table:
    table = new_table(text("register.due_title", lang, on=day(on, lang)),
                   ("product_id", "product_name", "stars", "window", "expires_on", "days"),
                   lang)
    for d in items:
        v = d.certificate
        add_row(table, v.product_id, v.product_name, f"{v.stars}★",
                f"{label(d.state, lang)}: {day(v.window_opens, lang)} – "
                f"{day(v.window_closes, lang)}", day(v.expires_on, lang), str(d.days_to_expiry))
    return table


def expired_table(items: Sequence[CertificateView], on: date, lang: Lang) -> Table:
    table = new_table(text("register.expired_title", lang, on=day(on, lang)),
                   ("product_id", "product_name", "stars", "certificate", "expires_on",
                    "status"), lang)
    for v in items:
        add_row(table, v.product_id, v.product_name, f"{v.stars}★", v.certificate,
                      day(v.expires_on, lang), _status(v, lang))
    return table


def history_table(product: str, name: str, events: Sequence[HistoryEvent], lang: Lang
                  ) -> Table:
    table = new_table(text("register.history_title", lang, product=product, name=name),
                      ("on", "event", "stars", "outcome", "reference", "detail"), lang)
    for e in events:
        detail = e.detail or ""
        if e.event == "certificate" and " → " in detail:
            term, expires = detail.split(" → ")
            detail = f"{label(term, lang)} → {day(date.fromisoformat(expires), lang)}"
        elif e.event == "rating":
            level, *points = detail.split(" ")
            detail = " ".join([label(level, lang), *points])
        elif e.event == "proposal":
            detail = label(detail or None, lang)
        event = label(e.event, lang) + (f" ({label(e.kind, lang)})" if e.kind else "")
        add_row(table, day(e.on, lang), event, "" if e.stars is None else f"{e.stars}★",
                label(e.outcome, lang), e.reference or "", detail)
    return table


def history_json(product: str, events: Sequence[HistoryEvent]) -> str:
    return json.dumps({"product_id": product, "events": [
        {**e._asdict(), "on": e.on.isoformat()} for e in events]},
        ensure_ascii=False, indent=1) + "\n"
