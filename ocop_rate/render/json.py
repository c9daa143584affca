"""Any :class:`~ocop_rate.models.document.Document`'s data as JSON: UTF-8 with diacritics as
they are, dates ISO (``2026-02-05``). :func:`draw` indents for a person reading a diff;
:func:`lines` writes a list one object a line (grep-able, and quick for 20,000 register
rows). (A batch's results stream instead: :mod:`ocop_rate.report.json_report`.)"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    """The data, a list of objects, as a JSON array with one object a line
    (:func:`data_lines`)."""
    return data_lines(document.data)


def data_lines(data: Iterable[Any]) -> str:
    """``data``, objects, as a JSON array with one object a line.

    The whole array is encoded in one call (quick for 20,000 register rows), then a line
    break put between its objects where ``}, {"KEY": `` stands, KEY being the first
    object's first key (every object has the same keys): a quote inside a text is always
    escaped, and after a text's closing quote comes ``,`` or ``}``, never ``KEY": ``, so
    that only occurs between two objects."""
    items = list(data)
    if not items:
        return "[]\n"
    first = json.dumps(next(iter(items[0])), ensure_ascii=False)
    body = _ENCODER.encode(items)[1:-1]
    return "[\n" + body.replace(f"}}, {{{first}: ", f"}},\n{{{first}: ") + "\n]\n"
