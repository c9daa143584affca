"""Any :class:`~ocop_rate.models.document.Document`'s data as JSON: UTF-8 with diacritics as
they are, dates ISO (``2026-02-05``). :func:`draw` indents for a person reading a diff;
:func:`lines` writes a list one object a line (grep-able, and quick for 20,000 register
rows). (A batch's results stream instead: :mod:`ocop_rate.report.json_report`.)"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from datetime import date
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, cast

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


def rows_lines(rows: Iterable[Sequence[object]], keys: Sequence[str]) -> str:
    """The text :func:`data_lines` writes for ``[dict(zip(keys, row)) for row in rows]``,
    made without those objects: the register's 20,000 certificates are tuples, and making
    a dict of each, then having the encoder walk it, cost more than the rest of its answer.

    Each column is encoded at once, by the encoder's own functions (the encoder's string
    escape for texts, ``int.__repr__`` for whole numbers, each distinct day once, anything
    else by the encoder itself), then the row's texts put between the keys' (``, "KEY":
    ``), with ``,\\n`` between rows, as :func:`data_lines` lays them out."""
    table = list(rows)
    if not table:
        return "[]\n"
    count = len(table)
    heads = [json.dumps(k, ensure_ascii=False) + ": " for k in keys]
    parts: list[Iterable[str]] = []
    for head, column in zip([",\n{" + heads[0]] + [", " + h for h in heads[1:]],
                            zip(*table, strict=True), strict=True):
        parts += [itertools.repeat(head, count), _column(column)]
    parts.append(itertools.repeat("}", count))
    return "[\n" + "".join(itertools.chain.from_iterable(zip(*parts, strict=True)))[2:] + "\n]\n"


def _column(values: tuple[object, ...]) -> list[str]:
    """One column's values as JSON, as :data:`_ENCODER` writes them."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return list(map(encode_basestring, cast("tuple[str, ...]", values)))
    if kinds <= {int}:    # not bool: its type is bool
        return list(map(int.__repr__, values))
    if kinds <= {str, type(None)}:
        return ["null" if v is None else encode_basestring(cast(str, v)) for v in values]
    if kinds <= {date, type(None)}:   # a few hundred distinct days among thousands
        said: dict[object, str] = {None: "null"}
        return [said[v] if v in said else said.setdefault(v, _ENCODER.encode(v))
                for v in values]
    return list(map(_ENCODER.encode, values))
