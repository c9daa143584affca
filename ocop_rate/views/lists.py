"""The office's lists and documents (``register worklist``, ``register stats``, ``round
document``) in each format the registry lists for them: thin drawers over the rooms that
draft them (:mod:`ocop_rate.documents`), so the commands draw by looking the pair up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from ocop_rate.documents import RoundFacts
    from ocop_rate.register.stats import Stats
    from ocop_rate.register.worklists import WorkItem

Worklist = tuple[Sequence["WorkItem"], dt.date]


def worklist_table(asked_of: Worklist, asked: Asked) -> list[Any]:
    from ocop_rate.documents import worklist

    return worklist.tables(*asked_of, asked.lang)


def worklist_json(asked_of: Worklist, asked: Asked) -> str:
    from ocop_rate.documents import worklist

    return worklist.to_json(asked_of[0], asked.lang)


def worklist_csv(asked_of: Worklist, asked: Asked) -> str:
    from ocop_rate.documents import worklist

    return worklist.to_csv(asked_of[0], asked.lang)


def worklist_xlsx(asked_of: Worklist, asked: Asked) -> bytes:
    from ocop_rate.documents import worklist

    return worklist.to_xlsx(asked_of[0], asked.lang)


def worklist_docx(asked_of: Worklist, asked: Asked) -> bytes:
    from ocop_rate.documents import worklist

    return worklist.to_docx(*asked_of, asked.lang)


def stats_table(found: Stats, asked: Asked) -> list[Any]:
    from ocop_rate.documents import stats_view

    return stats_view.tables(found, asked.lang)


def stats_json(found: Stats, asked: Asked) -> str:
    from ocop_rate.documents import stats_view

    return stats_view.to_json(found)


def stats_csv(found: Stats, asked: Asked) -> str:
    from ocop_rate.documents import stats_view

    return stats_view.to_csv(found, asked.lang)


def document_docx(asked_of: tuple[str, RoundFacts], asked: Asked) -> bytes:
    """One council document (its kind, the round's facts); the rubrics come in ``asked``.
    Raises :class:`ocop_rate.documents.NothingToDraft` when the round has nothing it is
    about."""
    from ocop_rate.documents import draft

    return draft(*asked_of, asked.rubrics)
