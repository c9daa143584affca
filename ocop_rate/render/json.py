"""Any :class:`~ocop_rate.models.document.Document`'s data as JSON: UTF-8 with diacritics as
they are, dates ISO (``2026-02-05``). :func:`draw` indents for a person reading a diff;
:func:`lines` writes a list one object a line (grep-able, and quick for 20,000 register
rows). (A batch's results stream instead: :mod:`ocop_rate.report.json_report`.)"""

from __future__ import annotations

import json
from datetime import date

from ocop_rate.models.document import Document


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)


def draw(document: Document, indent: int | None = 2) -> str:
    """The data, indented by ``indent`` (None: on one line)."""
    return json.dumps(document.data, ensure_ascii=False, indent=indent, default=_iso) + "\n"


def lines(document: Document) -> str:
    """The data, a list, as a JSON array with one object a line."""
    found = ",\n".join(map(_ENCODER.encode, document.data))
    return f"[\n{found}\n]\n" if found else "[]\n"
