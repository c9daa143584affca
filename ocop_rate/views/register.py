"""The register's answers (``register queue|due|expired|list|history|counts|export``): each
builds a :class:`~ocop_rate.models.document.Document` (a title and one table, in the user's
language; the contract's fields as its data) that the generic renderers draw. Dates are day
first in Vietnamese (05/02/2026), ISO in English and in JSON; JSON keeps the codes, the
export says status, term, authority and producer kind in words."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ocop_rate.messages import Lang, say_date, text
from ocop_rate.models.register import CertificateView, DueItem, HistoryEvent
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.document import Document

FIELDS: tuple[str, ...] = CertificateView._fields   # JSON keys; CSV, XLSX columns in order
WORDED = frozenset({"term_source", "authority", "status"})
"""Columns whose codes an export says in words (``valid`` -> ``còn hiệu lực``); JSON keeps
the codes (the contract's)."""
DUE_FIELDS = ("product_id", "product_name", "province", "commune", "product_group", "stars",
              "certificate", "issued_on", "expires_on", "decision", "authority",
              "window_opens", "window_closes", "state", "days_to_expiry")
_DUE_AT = operator.itemgetter(*(FIELDS.index(f) for f in DUE_FIELDS[:-2]))
_CERTIFICATES = ("product_id", "product_name", "stars", "certificate", "expires_on", "status")


def day(value: dt.date | None, lang: Lang) -> str:
    return say_date(value, lang)


def label(code: str | None, lang: Lang) -> str:
    """A register code in words (``valid`` -> ``còn hiệu lực``); a code without words as
    it is."""
    if code is None:
        return ""
    key = f"register.label.{code}"
    from ocop_rate.messages import known

    return text(key, lang) if known(key, lang) else code


def columns(lang: Lang) -> list[str]:
    """The export's headers in ``lang`` (``Mã sản phẩm`` / ``Product ID``): what
    ``register import`` reads back."""
    return [text(f"register.column.{f}", lang) for f in FIELDS]


def _table(title: str, heads: Sequence[str], rows: Sequence[tuple[str, ...]], lang: Lang,
           align: tuple[str, ...] = ()) -> Document:
    from ocop_rate.models.document import Document, Section, Table

    head = tuple(text(f"register.header.{c}", lang) for c in heads)
    return Document(title, [Section([Table(head, rows, align)])], lang=lang)


def _draw(document: Document) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(document)


def _json(data: Any, indent: int | None = None) -> str:
    from ocop_rate.models.document import Document
    from ocop_rate.render.json import draw

    return draw(Document("", data=data), indent)


def _lines(rows: Iterable[Sequence[object]], keys: Sequence[str]) -> str:
    from ocop_rate.render.json import rows_lines

    # no Document built, nor a dict a row: the register's JSON answers load no model
    return rows_lines(rows, keys)


Queue = Sequence[tuple[str, str, dt.date, float | None]]


def queue_table(items: Queue, asked: Asked) -> list[RenderableType]:
    lang = asked.lang
    return _draw(_table("", ("product_id", "product_name", "proposed_on", "total"),
                        [(p, n, day(d, lang), "" if t is None else f"{t:.2f}")
                         for p, n, d, t in items], lang, ("left", "left", "left", "right")))


def queue_json(items: Queue, asked: Asked) -> str:
    return _json([{"product_id": p, "product_name": n, "proposed_on": d, "total": t}
                  for p, n, d, t in items])


def _status(v: CertificateView, lang: Lang) -> str:
    """The status, with its last day when that is not the expiry (extended, revoked…)."""
    if v.status_until is None or v.status_until == v.expires_on:
        return label(v.status, lang)
    return f"{label(v.status, lang)} {day(v.status_until, lang)}"


def _certificates(title: str, items: Sequence[CertificateView], lang: Lang) -> Document:
    return _table(title, _CERTIFICATES,
                  [(v.product_id, v.product_name, f"{v.stars}★", v.certificate,
                    day(v.expires_on, lang), _status(v, lang)) for v in items], lang)


def due_table(asked_of: tuple[Sequence[DueItem], dt.date], asked: Asked
              ) -> list[RenderableType]:
    items, on = asked_of
    lang = asked.lang
    rows = [(d.certificate.product_id, d.certificate.product_name, f"{d.certificate.stars}★",
             f"{label(d.state, lang)}: {day(d.certificate.window_opens, lang)} – "
             f"{day(d.certificate.window_closes, lang)}", day(d.certificate.expires_on, lang),
             str(d.days_to_expiry)) for d in items]
    return _draw(_table(text("register.due_title", lang, on=day(on, lang)),
                        ("product_id", "product_name", "stars", "window", "expires_on",
                         "days"), rows, lang, ("left",) * 5 + ("right",)))


def due_json(asked_of: tuple[Sequence[DueItem], dt.date], asked: Asked) -> str:
    """Due certificates (all valid and unfiled, so status and filing are left out), with
    the window's state and the days left to expiry."""
    return _lines(((*_DUE_AT(d.certificate), d.state, d.days_to_expiry)
                   for d in asked_of[0]), DUE_FIELDS)


def expired_table(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked
                  ) -> list[RenderableType]:
    items, on = asked_of
    return _draw(_certificates(text("register.expired_title", asked.lang,
                                    on=day(on, asked.lang)), items, asked.lang))


def expired_json(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked) -> str:
    return _lines(asked_of[0], FIELDS)


def listing_table(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked
                  ) -> list[RenderableType]:
    items, on = asked_of
    return _draw(_certificates(text("register.list_title", asked.lang, on=day(on, asked.lang),
                                    count=len(items)), items, asked.lang))


def listing_json(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked) -> str:
    return _lines(asked_of[0], FIELDS)


def _worded(v: CertificateView, lang: Lang) -> tuple[object, ...]:
    """A certificate's cells for a spreadsheet: status, term, authority and producer kind
    in words."""
    from ocop_rate.report.labels import producer_kind

    return tuple(label(str(x), lang) if f in WORDED and x is not None else
                 producer_kind(str(x), lang) if f == "producer_kind" and x is not None else x
                 for f, x in zip(FIELDS, v, strict=True))


def export(items: Sequence[CertificateView], lang: Lang) -> Document:
    """The register as a sheet, one certificate a row, every field: what ``register
    import`` reads back. Dates typed for a workbook, said for a CSV."""
    from ocop_rate.models.document import Document, Section, Table

    values = [_worded(v, lang) for v in items]
    rows = [tuple("" if c is None else day(c, lang) if isinstance(c, dt.date) else str(c)
                  for c in row) for row in values]
    name = "Sổ đăng ký" if lang == "vi" else "Register"
    return Document(name, [Section([Table(tuple(columns(lang)), rows, values=values,
                                          name=name, keys=1)])], lang=lang)


def listing_csv(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked) -> str:
    from ocop_rate.render.csv import draw

    return draw(export(asked_of[0], asked.lang))


def listing_xlsx(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked
                 ) -> bytes:
    from ocop_rate.render.xlsx import draw

    return draw(export(asked_of[0], asked.lang))


History = tuple[str, str, Sequence[HistoryEvent]]


def _event_detail(e: HistoryEvent, lang: Lang) -> str:
    detail = e.detail or ""
    if e.event == "certificate" and " → " in detail:
        term, expires = detail.split(" → ")
        return f"{label(term, lang)} → {day(dt.date.fromisoformat(expires), lang)}"
    if e.event == "rating":
        level, *points = detail.split(" ")
        return " ".join([label(level, lang), *points])
    if e.event == "proposal":
        return label(detail or None, lang)
    return detail


def history_table(history: History, asked: Asked) -> list[RenderableType]:
    product, name, events = history
    lang = asked.lang
    rows = [(day(e.on, lang),
             label(e.event, lang) + (f" ({label(e.kind, lang)})" if e.kind else ""),
             "" if e.stars is None else f"{e.stars}★", label(e.outcome, lang),
             e.reference or "", _event_detail(e, lang)) for e in events]
    return _draw(_table(text("register.history_title", lang, product=product, name=name),
                        ("on", "event", "stars", "outcome", "reference", "detail"), rows,
                        lang))


def history_json(history: History, asked: Asked) -> str:
    return _json({"product_id": history[0], "events": [e._asdict() for e in history[2]]}, 1)


def counts_table(asked_of: tuple[Sequence[Any], dt.date], asked: Asked
                 ) -> list[RenderableType]:
    rows, on = asked_of
    lang = asked.lang
    return _draw(_table(text("register.counts_title", lang, on=day(on, lang)),
                        ("year", "province", "stars", "issued", "valid"),
                        [(str(r.year), r.province, f"{r.stars}★", str(r.issued), str(r.valid))
                         for r in rows], lang, ("left",) * 3 + ("right",) * 2))


def counts_json(asked_of: tuple[Sequence[Any], dt.date], asked: Asked) -> str:
    return _json([r._asdict() for r in asked_of[0]])
