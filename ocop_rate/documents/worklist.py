"""The worklists' rows (:func:`record`: a certificate on a list, with the action to take, in
the user's language) and their Word document: per commune, the three lists as tables, for
the commune and the market-check teams. The other formats are views
(:mod:`ocop_rate.views.worklist`) drawn by the generic renderers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ocop_rate.messages import Lang, long_date, say_date, text
from ocop_rate.register.worklists import LISTS, WorkItem

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


def shown(value: object, lang: Lang) -> object:
    """A cell as a person reads it: a date said, nothing as blank."""
    if isinstance(value, date):
        return say_date(value, lang)
    return "" if value is None else value


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
                        [[str(shown(record(i, lang)[c], lang)) for c in columns]
                         for i in chosen], (0.13, 0.2, 0.16, 0.13, 0.06, 0.12, 0.2), size=10)
    return layout.to_bytes(doc)
