"""A clean YAML document read in one pass from the parser's events: plain data, NFC text
and (when asked) positions together.

The careful path of :mod:`ocop_rate.loading.source` composes the document (a node object
per node, plus PyYAML's calls back into Python per node to resolve its tag and follow path
resolvers) and then makes three passes over it (``_walk`` for positions, duplicate keys and
the alias bound; PyYAML's ``construct_document``; ``_normalise`` for text), each costing
about as much as the parse itself. Almost every dossier and rubric is *clean*: mappings
with plain text keys, sequences, and text, numbers, booleans, nulls and dates, no anchor,
alias or explicit tag. For such a document :func:`clean_stream` gives exactly what the
careful path gives, reading the events (one Python object per node) in one loop.

It never reports an error. Anything unusual (an anchor, an alias, an explicit tag, a
duplicate or non-text key, a merge key, a tag other than those above, a refused character,
a value PyYAML cannot build, very deep nesting, the node bound, any error of the parser)
makes it return :data:`UNUSUAL`, and the careful path reads the file again, so every error
is reported exactly as before.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable

    import yaml

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]

UNUSUAL: Final = object()
"""What :func:`clean_stream` returns for a document it leaves to the careful path."""

MAX_DEPTH = 64
"""Deeper nesting is left to the careful path (its own recursion limit reports it)."""

_STR = "tag:yaml.org,2002:str"
_SCALARS = frozenset({"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool",
                      "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                      "tag:yaml.org,2002:timestamp"})
"""Tags built by PyYAML's own safe constructors (none of them recurses)."""

# what ocop_rate.text_safety refuses, and its line-break rule (kept in step with
# it by tests/unit/loading/test_loading.py)
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_CR = re.compile("\r\n?")

_TEXT_MEMO_SIZE = 4096
_TEXT_MEMO_LEN = 40


class _Unusual(Exception):
    """Raised inside the read to leave the document to the careful path."""


_MEMO: dict[str, str] = {}
"""Short texts read before, by how they are written: their NFC form."""


def _text(raw: str) -> str:
    """``raw`` NFC-normalised with ``\\n`` line breaks; refused characters are unusual."""
    known = _MEMO.get(raw)
    if known is not None:
        return known
    clean = _CR.sub("\n", raw) if "\r" in raw else raw
    if _BAD.search(clean) is not None:
        raise _Unusual
    out = unicodedata.normalize("NFC", clean)
    if len(raw) <= _TEXT_MEMO_LEN:
        _remember(_MEMO, raw, out)
    return out


def clean_stream(loader: yaml.SafeLoader, positions: Positions | None, limit: int) -> Any:
    """The plain data of the one document of a fresh ``loader``, read from its stream of
    events with no node tree built, its positions written into ``positions`` (None: none
    are recorded; a caller that may never need them reads the text again when it does);
    or :data:`UNUSUAL` (``positions`` then partly written: discard it), and the caller
    reads the document the careful way. ``limit`` is the careful path's bound on nodes."""
    try:
        return _Events(loader, positions, limit).document()
    except (_Unusual, RecursionError):
        return UNUSUAL
    except Exception:  # the parser's error: composing the document again reports it
        return UNUSUAL


class _Events:
    """One document's events read into plain data, positions beside (see
    :func:`clean_stream`)."""

    def __init__(self, loader: yaml.SafeLoader, positions: Positions | None,
                 limit: int) -> None:
        self.loader, self.positions, self.left = loader, positions, limit

    def document(self) -> Any:
        from yaml.events import (
            DocumentEndEvent,
            DocumentStartEvent,
            MappingEndEvent,
            MappingStartEvent,
            ScalarEvent,
            SequenceEndEvent,
            SequenceStartEvent,
            StreamEndEvent,
            StreamStartEvent,
        )

        get: Callable[[], Any] = self.loader.get_event  # untyped in the stubs
        if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
            raise _Unusual  # an empty stream (the caller says so), or something odd
        positions, quoted, plain, keys = self.positions, _MEMO, _PLAIN, _KEYS
        # the open collections, innermost last: (its data, its path, its key count, the
        # text of the key waiting for its value) for a mapping, (data, path, 0, None) for
        # a sequence; the document's root sits on (None, (), 0, None)
        stack: list[tuple[Any, PathKey, int, str | None]] = []
        out: Any = None
        path: PathKey = ()
        pairs = 0
        key: str | None = None  # the text of the key waiting for its value
        raw_key = ""  # as written: paths and positions name keys so
        in_map = False
        left = self.left
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    raise _Unusual
                raw = event.value
                if in_map:
                    if key is None:  # a key: text, and not a merge key
                        key = keys.get(raw) if event.implicit[0] else None
                        if key is None:
                            key = self.key(raw, event.implicit[0])
                        if positions is not None:
                            mark = event.start_mark
                            positions[(*path, raw)] = (mark.line + 1, mark.column + 1)
                        raw_key = raw
                        pairs += 1
                        continue
                elif out is None:  # a document that is one scalar
                    raise _Unusual
                elif positions is not None:
                    mark = event.start_mark
                    positions[(*path, len(out))] = (mark.line + 1, mark.column + 1)
                left -= 1
                if left < 0:
                    raise _Unusual
                value = (plain if event.implicit[0] else quoted).get(raw, _MISSING)
                if value is _MISSING:
                    value = self.scalar(raw, event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if (event.anchor is not None or event.tag not in (None, "!")
                        or (in_map and key is None)):  # a complex key
                    raise _Unusual
                left -= 1
                if left < 0 or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                if in_map:  # its position is its key's, recorded with the key
                    here = (*path, raw_key)
                else:
                    here = () if out is None else (*path, len(out))
                    if positions is not None:
                        mark = event.start_mark
                        positions[here] = (mark.line + 1, mark.column + 1)
                stack.append((out, path, pairs, key))
                in_map = kind is MappingStartEvent
                out, path, pairs, key = ({} if in_map else []), here, 0, None
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                if in_map and len(out) != pairs:
                    raise _Unusual  # a repeated key (or two spellings of one)
                value = out
                out, path, pairs, key = stack.pop()
                if out is None:  # the root is read: one document only
                    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
                        raise _Unusual
                    return value
                in_map = type(out) is dict
            else:  # an alias (or anything unforeseen)
                raise _Unusual
            if in_map:
                out[key] = value
                key = None
            else:
                out.append(value)

    def key(self, raw: str, plain: bool) -> str:
        """The text of a key written ``raw``; a key that is not text (a number, a
        boolean, a null) or is a merge key (quoted too) is unusual."""
        if (plain and _resolve(raw) != _STR) or raw == "<<":
            raise _Unusual
        text = _text(raw)
        if plain and len(raw) <= _TEXT_MEMO_LEN:
            _remember(_KEYS, raw, text)
        return text

    def scalar(self, raw: str, event: Any) -> Any:
        """The value of a scalar written ``raw``: text, or a number, boolean, null or date
        by PyYAML's own safe constructor. A plain scalar's is remembered (its value
        follows from how it is written alone)."""
        import yaml

        if not event.implicit[0]:
            return _text(raw)
        tag = _resolve(raw)
        if tag == _STR:
            value = _text(raw)
        elif tag in _SCALARS:
            node = yaml.ScalarNode(tag, raw, event.start_mark, event.end_mark, event.style)
            try:
                value = self.loader.yaml_constructors[tag](self.loader, node)
            except Exception:  # any failure is the careful path's to report
                raise _Unusual from None
        else:
            raise _Unusual
        if len(raw) <= _TEXT_MEMO_LEN:
            _remember(_PLAIN, raw, value)
        return value


_MISSING: Final = object()
_PLAIN: dict[str, Any] = {}
"""Plain scalars read before (short ones), by how they are written: their values."""
_KEYS: dict[str, str] = {}
"""Plain keys read before (short ones), by how they are written: their text."""


def _remember(memo: dict[str, Any], raw: str, value: Any) -> None:
    if len(memo) >= _TEXT_MEMO_SIZE:
        memo.clear()
    memo[raw] = value


def _resolve(raw: str) -> str:
    """The tag of a plain scalar written ``raw``, as PyYAML resolves it."""
    from ocop_rate.loading.yaml_loader import implicit_table

    by_first, wildcard = implicit_table()
    for tag, pattern in by_first.get(raw[:1], wildcard):
        if pattern.match(raw):
            return tag
    return _STR
