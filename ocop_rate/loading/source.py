"""Read YAML and JSON documents safely, remembering where every value came from.

Safe by construction: only the libyaml ``CSafeLoader`` (or the pure-Python ``SafeLoader``),
a cap on file size and on alias expansion, duplicate keys refused, text NFC-normalised.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.clean_yaml import UNUSUAL, clean_stream
from ocop_rate.loading.file_text import read_text
from ocop_rate.text_safety import clean_breaks, hostile_char, is_surrogate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import yaml


def _loader(text: str) -> yaml.SafeLoader:
    """A safe loader over ``text`` (:func:`ocop_rate.loading.yaml_loader.safe_loader`)."""
    from ocop_rate.loading.yaml_loader import safe_loader

    return safe_loader()(text)

MAX_NODES = 200_000

PathKey = tuple[str | int, ...]


Positions = dict[PathKey, tuple[int, int]]


class SourceMap:
    """Positions (1-based line, column) of the values of one document, by field path.

    A clean document's are found only when first asked for (``later``, from the text it
    was read from: the same positions): most files are read, validated and rated without
    a single one being asked, and recording a position per value costs about a tenth of
    reading the file."""

    __slots__ = ("_found", "_later", "file")
    __hash__ = None  # type: ignore[assignment]  # as a dataclass: mutable, compared by value

    def __init__(self, file: str, positions: Positions | None = None, *,
                 later: Callable[[], Positions] | None = None) -> None:
        self.file = file
        self._later = later
        self._found = positions if positions is not None or later is not None else {}

    @property
    def positions(self) -> Positions:
        if self._found is None:
            assert self._later is not None
            self._found, self._later = self._later(), None
        return self._found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceMap):
            return NotImplemented
        return self.file == other.file and self.positions == other.positions

    def __repr__(self) -> str:
        return f"SourceMap(file={self.file!r})"

    def locate(self, path: tuple[Any, ...]) -> Location:
        """The location of the deepest known prefix of ``path``."""
        positions = self.positions
        key: PathKey = tuple(p for p in path if isinstance(p, (str, int)))
        while key and key not in positions:
            key = key[:-1]
        line, col = positions.get(key, (None, None)) if key else (None, None)
        return Location(self.file, line, col, render_path(path) or None)


def render_path(path: tuple[Any, ...]) -> str:
    """``('council', 0, 'scores')`` -> ``council[0].scores``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class Document:
    """A parsed file: its data and where each value stands in it."""

    data: Any
    source: SourceMap


_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("constructor for the tag", "input.yaml_tag"),
    ("undefined tag", "input.yaml_tag"),
    ("cannot start any token", "input.yaml_token"),
    ("mapping values are not allowed", "input.yaml_colon"),
    ("could not find expected ':'", "input.yaml_no_colon"),
    ("expected <block end>", "input.yaml_indent"),
    ("did not find expected key", "input.yaml_indent"),
    ("bad indentation", "input.yaml_indent"),
    ("unexpected end of stream", "input.yaml_unclosed"),
    ("expected a single document", "input.yaml_documents"),
    ("found undefined alias", "input.yaml_alias"),
    ("expected ',' or", "input.yaml_flow"),
    ("did not find expected ',' or", "input.yaml_flow"),
)


def yaml_problem(context: str | None, problem: str | None) -> tuple[str, dict[str, str]]:
    """PyYAML's complaint as one of our messages (id and parameters): its own wording is
    English and changes between versions, so it is never shown."""
    said = f"{context or ''} {problem or ''}"
    for marker, message_id in _YAML_PROBLEMS:
        if marker in said:
            if message_id == "input.yaml_tag":
                tag = re.search(r"'([^']*)'", problem or "")
                return message_id, {"tag": tag.group(1) if tag else "?"}
            return message_id, {}
    return "input.yaml_syntax", {}


def load_document(path: Path) -> Document:
    """Parse a YAML or JSON file into plain data plus a map of positions."""
    text = read_text(path)
    name = str(path)
    if path.suffix.lower() == ".json":
        data = _parse_json(text, name)
        source = SourceMap(name, later=functools.partial(_walked_positions, text, name))
        return Document(_normalise(data, source), source)
    return _parse_yaml(text, name)


def _walked_positions(text: str, name: str) -> Positions:
    """The positions of the careful walk of the composed document (none when it refuses
    the text): a JSON file's (JSON is YAML: its positions are borrowed from there)."""
    try:
        return _yaml_positions(text, name).positions
    except InputFileError:
        return {}


def _parse_json(text: str, name: str) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise InputFileError(Problem.of("input.duplicate_key", Location(name), key=key))
            out[key] = value
        return out

    def no_constants(token: str) -> Any:
        raise InputFileError(Problem.of("input.json_constant", Location(name), token=token))

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise InputFileError(Problem.of(
            "input.json_syntax", Location(name, exc.lineno, exc.colno),
            detail=exc.msg)) from None
    except RecursionError:
        raise InputFileError(Problem.of("input.json_too_deep", Location(name))) from None
    except ValueError:  # e.g. a 5,000-digit integer
        raise InputFileError(Problem.of("input.json_value", Location(name))) from None


def _parse_yaml(text: str, name: str) -> Document:
    loader = _loader(text)
    try:
        data = clean_stream(loader, None, MAX_NODES)
    finally:
        loader.dispose()
    if data is not UNUSUAL:  # the usual clean file: read from its events, no node tree
        return Document(data, SourceMap(name, later=functools.partial(
            _clean_positions, text, name)))
    loader = _loader(text)
    try:
        with yaml_errors(text, name):
            node = loader.get_single_node()
            if node is None:
                raise InputFileError(Problem.of("input.empty", Location(name, 1, 1)))
            source = SourceMap(name)
            _walk(node, (), source, [0], name)
            data = loader.construct_document(node)
    finally:
        loader.dispose()
    return Document(_normalise(data, source), source)


def _clean_positions(text: str, name: str) -> Positions:
    """The positions of a clean document (:func:`_parse_yaml` read it without them): the
    same read again, recording them."""
    positions: Positions = {}
    loader = _loader(text)
    try:
        found = clean_stream(loader, positions, MAX_NODES)
    finally:
        loader.dispose()
    if found is UNUSUAL:  # never for a text read clean once: the careful positions then
        return _walked_positions(text, name)
    return positions


@contextlib.contextmanager
def yaml_errors(text: str, name: str) -> Iterator[None]:
    """PyYAML's errors while reading ``text`` (file ``name``) as our located, catalogued
    :class:`InputFileError` (its own wording is English and changes between versions)."""
    import yaml

    try:
        yield
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        message_id, params = yaml_problem(exc.context, exc.problem)
        raise InputFileError(Problem.of(message_id, where, **params)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputFileError(Problem.of("input.yaml_char", Location(name, line, col),
                                        code=f"{code:04X}")) from None
    except yaml.YAMLError:
        raise InputFileError(Problem.of("input.yaml_syntax", Location(name))) from None
    except RecursionError:
        raise InputFileError(Problem.of("input.yaml_too_deep", Location(name))) from None
    except (ValueError, TypeError, OverflowError):  # e.g. a 5,000-digit integer
        raise InputFileError(Problem.of("input.yaml_value", Location(name))) from None


def _yaml_positions(text: str, name: str) -> SourceMap:
    import yaml

    loader = _loader(text)
    try:
        node = loader.get_single_node()
        source = SourceMap(name)
        if node is not None:
            _walk(node, (), source, [0], name)
        return source
    except yaml.YAMLError:
        return SourceMap(name)
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: PathKey, source: SourceMap, count: list[int],
          name: str) -> None:
    """Record positions, refuse duplicate keys, and bound alias expansion."""
    count[0] += 1
    if count[0] > MAX_NODES:
        raise InputFileError(Problem.of(
            "input.alias_bomb",
            Location(name, node.start_mark.line + 1, node.start_mark.column + 1),
            limit=MAX_NODES))
    source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    # a node's kind by its class's ``id`` (PyYAML sets it; the stubs do not say so), so
    # this module needs no ``import yaml`` until a YAML file is actually read
    if node.id == "mapping":  # type: ignore[attr-defined]
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                continue
            key = key_node.value
            if key == "<<":  # merge key: positions of merged values stay at their anchors
                _walk(value_node, path, source, count, name)
                continue
            if key in seen:
                raise InputFileError(Problem.of(
                    "input.duplicate_key_overwrite",
                    Location(name, key_node.start_mark.line + 1,
                             key_node.start_mark.column + 1, render_path((*path, key))),
                    key=key))
            seen.add(key)
            source.positions[(*path, key)] = (key_node.start_mark.line + 1,
                                              key_node.start_mark.column + 1)
            _walk(value_node, (*path, key), source, count, name)
    elif node.id == "sequence":  # type: ignore[attr-defined]
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), source, count, name)
    elif node.tag == _TIMESTAMP and not _calendar_day(node.value):
        raise InputFileError(Problem.of(
            "input.yaml_bad_date", Location(name, node.start_mark.line + 1,
                                            node.start_mark.column + 1, render_path(path)),
            value=node.value))


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _calendar_day(text: str) -> bool:
    """Whether a YAML date (``2026-02-30`` is resolved as one) names a day of the
    calendar: PyYAML would fail on it later with no position."""
    import datetime as dt

    found = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if found is None:
        return True
    try:
        dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return False
    return True


def _normalise(value: Any, source: SourceMap, path: PathKey = ()) -> Any:
    """NFC-normalise every string (keys too), so 'ệ' typed two ways compares equal; line
    breaks become ``\n``; control characters, lone surrogates, bidirectional overrides
    (:mod:`ocop_rate.text_safety`) and ``!!binary`` values are refused, located."""
    if isinstance(value, str):
        bad = hostile_char(value)
        if bad is not None:
            message = "safety.surrogate" if is_surrogate(bad) else "safety.control_char"
            raise InputFileError(Problem.of(message, source.locate(path), code=bad))
        return unicodedata.normalize("NFC", clean_breaks(value))
    if isinstance(value, dict):
        return {_normalise(k, source, path): _normalise(v, source, (*path, str(k)))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v, source, (*path, i)) for i, v in enumerate(value)]
    if isinstance(value, (bytes, bytearray)):
        raise InputFileError(Problem.of("safety.binary_value", source.locate(path)))
    return value
