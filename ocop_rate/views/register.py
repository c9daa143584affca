"""The register's answers (``register queue|due|expired|list|history|counts|export``) in
each format the registry lists for them. Each answer comes as the query gave it, with the
date asked about where the table shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.register import CertificateView, DueItem, HistoryEvent

Queue = Sequence[tuple[str, str, dt.date, float | None]]


def queue_table(items: Queue, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report import register_view as view

    table = view.new_table("", ("product_id", "product_name", "proposed_on", "total"),
                           asked.lang)
    for p, n, d, t in items:
        view.add_row(table, p, n, view.day(d, asked.lang), "" if t is None else f"{t:.2f}")
    return [table]


def queue_json(items: Queue, asked: Asked) -> str:
    import json

    return json.dumps([{"product_id": p, "product_name": n, "proposed_on": d.isoformat(),
                        "total": t} for p, n, d, t in items], ensure_ascii=False) + "\n"


def due_table(asked_of: tuple[Sequence[DueItem], dt.date], asked: Asked
              ) -> list[RenderableType]:
    from ocop_rate.report import register_view as view

    return [view.due_table(*asked_of, asked.lang)]


def due_json(asked_of: tuple[Sequence[DueItem], dt.date], asked: Asked) -> str:
    from ocop_rate.report import register_view as view

    return view.due_json(asked_of[0])


def expired_table(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked
                  ) -> list[RenderableType]:
    from ocop_rate.report import register_view as view

    return [view.expired_table(*asked_of, asked.lang)]


def expired_json(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked) -> str:
    from ocop_rate.report import register_view as view

    return view.to_json(asked_of[0])


def listing_table(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked
                  ) -> list[RenderableType]:
    from ocop_rate.report import register_view as view

    return [view.list_table(*asked_of, asked.lang)]


def listing_json(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked) -> str:
    from ocop_rate.report import register_view as view

    return view.to_json(asked_of[0])


def listing_csv(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked) -> str:
    from ocop_rate.report import register_view as view

    return view.to_csv(asked_of[0], asked.lang)


def listing_xlsx(asked_of: tuple[Sequence[CertificateView], dt.date], asked: Asked
                 ) -> bytes:
    from ocop_rate.report import register_view as view

    return view.to_xlsx(asked_of[0], asked.lang)


History = tuple[str, str, Sequence["HistoryEvent"]]


def history_table(history: History, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report import register_view as view

    return [view.history_table(*history, asked.lang)]


def history_json(history: History, asked: Asked) -> str:
    from ocop_rate.report import register_view as view

    return view.history_json(history[0], history[2])


def counts_table(asked_of: tuple[Sequence[Any], dt.date], asked: Asked
                 ) -> list[RenderableType]:
    from ocop_rate.messages import text
    from ocop_rate.report import register_view as view

    rows, day = asked_of
    table = view.new_table(text("register.counts_title", asked.lang,
                                on=view.day(day, asked.lang)),
                           ("year", "province", "stars", "issued", "valid"), asked.lang)
    for r in rows:
        view.add_row(table, str(r.year), r.province, f"{r.stars}★", str(r.issued),
                     str(r.valid))
    return [table]


def counts_json(asked_of: tuple[Sequence[Any], dt.date], asked: Asked) -> str:
    import json
    from dataclasses import asdict

    return json.dumps([asdict(r) for r in asked_of[0]], ensure_ascii=False) + "\n"
