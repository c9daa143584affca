"""A clean YAML document read in one pass: positions, plain data and NFC text together.

The careful path of :mod:`ocop_rate.loading.source` makes three passes over a composed
document (``_walk`` for positions, duplicate keys and the alias bound; PyYAML's
``construct_document``; ``_normalise`` for text), and each pass costs about as much as the
parse itself. Almost every dossier and rubric is *clean*: mappings with plain text keys,
sequences, and text, numbers, booleans, nulls and dates. For such a document
:func:`clean_document` gives exactly what the three passes give, in one.

It never reports an error. Anything unusual (a duplicate or non-text key, a merge key, a
tag other than those above, a refused character, a value PyYAML cannot build, very deep
nesting, the alias bound) makes it return :data:`UNUSUAL`, and the careful path reads the
file again from its nodes, so every error is reported exactly as before.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import yaml

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]

UNUSUAL: Final = object()
"""What :func:`clean_document` returns for a document it leaves to the careful path."""

MAX_DEPTH = 64
"""Deeper nesting is left to the careful path (its own recursion limit reports it)."""

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
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
    """Raised inside the pass to leave the document to the careful path."""


class _Pass:
    """One document's pass: its positions, the node count and the loader's constructors."""

    def __init__(self, loader: yaml.SafeLoader, positions: Positions, limit: int,
                 memo: dict[str, str]) -> None:
        import yaml

        self.loader, self.positions, self.left, self.memo = loader, positions, limit, memo
        self.scalar, self.mapping, self.sequence = (yaml.ScalarNode, yaml.MappingNode,
                                                    yaml.SequenceNode)
        self.constructors = loader.yaml_constructors

    def text(self, raw: str) -> str:
        """``raw`` NFC-normalised with ``\\n`` line breaks; refused characters are
        unusual."""
        known = self.memo.get(raw)
        if known is not None:
            return known
        clean = _CR.sub("\n", raw) if "\r" in raw else raw
        if _BAD.search(clean) is not None:
            raise _Unusual
        out = unicodedata.normalize("NFC", clean)
        if len(raw) <= _TEXT_MEMO_LEN:
            if len(self.memo) >= _TEXT_MEMO_SIZE:
                self.memo.clear()
            self.memo[raw] = out
        return out

    def value(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        """The plain value of ``node``; its position is recorded by the caller."""
        self.left -= 1
        if self.left < 0 or depth > MAX_DEPTH:
            raise _Unusual
        kind, tag = type(node), node.tag
        if kind is self.scalar:
            if tag == _STR:
                return self.text(node.value)
            if tag not in _SCALARS:
                raise _Unusual
            try:
                return self.constructors[tag](self.loader, node)
            except Exception:  # any failure is the careful path's to report
                raise _Unusual from None
        if kind is self.mapping and tag == _MAP:
            return self.mapping_value(node, path, depth)
        if kind is self.sequence and tag == _SEQ:
            positions, out = self.positions, []
            for index, item in enumerate(node.value):
                here = (*path, index)
                mark = item.start_mark
                positions[here] = (mark.line + 1, mark.column + 1)
                out.append(self.value(item, here, depth + 1))
            return out
        raise _Unusual

    def mapping_value(self, node: yaml.Node, path: PathKey, depth: int) -> dict[str, Any]:
        positions, scalar, out = self.positions, self.scalar, {}
        pairs = node.value
        for key_node, value_node in pairs:
            if type(key_node) is not scalar or key_node.tag != _STR:
                raise _Unusual  # a number, boolean, null or merge key; a complex key
            key = key_node.value
            if key == "<<":  # the careful path reads a quoted '<<' as a merge key
                raise _Unusual
            here = (*path, key)
            mark = key_node.start_mark
            positions[here] = (mark.line + 1, mark.column + 1)
            out[self.text(key)] = self.value(value_node, here, depth + 1)
        if len(out) != len(pairs):  # a repeated key (or two spellings of one): careful
            raise _Unusual
        return out


_MEMO: dict[str, str] = {}


def clean_document(node: yaml.Node, loader: yaml.SafeLoader, positions: Positions,
                   limit: int) -> Any:
    """The plain data of the composed document ``node``, its positions written into
    ``positions``; or :data:`UNUSUAL` (``positions`` then partly written: discard it).

    ``limit`` is the careful path's bound on nodes visited (aliases counted each time)."""
    walk = _Pass(loader, positions, limit, _MEMO)
    mark = node.start_mark
    positions[()] = (mark.line + 1, mark.column + 1)
    try:
        return walk.value(node, (), 0)
    except (_Unusual, RecursionError):
        return UNUSUAL
