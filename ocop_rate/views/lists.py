"""A council document (``round document``): a Word file by nature, drafted by
:mod:`ocop_rate.documents` in the office's layout. (The register's worklist and statistics
are :mod:`ocop_rate.views.worklist` and :mod:`ocop_rate.views.stats`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from ocop_rate.documents import RoundFacts


def document_docx(asked_of: tuple[str, RoundFacts], asked: Asked) -> bytes:
    """One council document (its kind, the round's facts); the rubrics come in ``asked``.
    Raises :class:`ocop_rate.documents.NothingToDraft` when the round has nothing it is
    about."""
    from ocop_rate.documents import draft

    return draft(*asked_of, asked.rubrics)
