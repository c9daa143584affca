"""The one-pass YAML read (loading/clean_yaml.py, loading/yaml_loader.py) gives exactly what
the careful three-pass read gives: the same data (types too), the same positions, and on
a bad file the same located error. The oracle below is the careful path as it stood before
the one pass existed: PyYAML's own ``CSafeLoader``, ``_walk``, ``construct_document``,
``_normalise``."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading import file_text, source
from ocop_rate.loading.source import load_document
from tests.conftest import REPO


def careful(path: Path) -> tuple[Any, dict[Any, Any]] | list[tuple[Any, ...]]:
    """(data, positions), or the problems, of the three-pass read as it was (an oracle:
    ``source._parse_yaml`` before the one pass, on PyYAML's own ``CSafeLoader``)."""
    name = str(path)
    try:
        text = file_text.read_text(path)
        loader = yaml.CSafeLoader(text)
        try:
            with source.yaml_errors(text, name):
                node = loader.get_single_node()
                if node is None:
                    raise InputFileError(Problem.of("input.empty", Location(name, 1, 1)))
                doc = source.SourceMap(name)
                source._walk(node, (), doc, [0], name)
                data = loader.construct_document(node)
        finally:
            loader.dispose()
        return source._normalise(data, doc), doc.positions
    except InputFileError as exc:
        return problems(exc)


def problems(exc: InputFileError) -> list[tuple[Any, ...]]:
    return [(p.message_id, p.location, dict(p.params)) for p in exc.problems]


def outcome_of(read: Any) -> tuple[Any, dict[Any, Any]] | list[tuple[Any, ...]]:
    try:
        doc = read()
    except InputFileError as exc:
        return problems(exc)
    return doc.data, doc.source.positions


def typed(value: Any) -> Any:
    """``value`` with every type spelled out, so 1 == 1.0 == True cannot pass for equal."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def same_as_careful(path: Path) -> None:
    want = careful(path)
    got = outcome_of(lambda: load_document(path))
    if isinstance(want, list) or isinstance(got, list):
        assert got == want, path
    else:
        assert typed(got[0]) == typed(want[0]), path
        assert got[1] == want[1], path


def bundled_yaml() -> list[Path]:
    folders = ("scoring_rules", "sample_products", "sample_register", "examples",
               "tests/bad_inputs")
    return sorted(p for f in folders for p in (REPO / f).rglob("*.y*ml"))


def test_every_bundled_yaml_file_reads_as_before() -> None:
    paths = bundled_yaml()
    assert len(paths) > 80
    for path in paths:
        same_as_careful(path)


def test_a_generated_corpus_reads_as_before(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from corpus import dossier  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    from tests.conftest import bundled_library

    rubrics = sorted((r for r in bundled_library().rubrics.values() if not r.abstract),
                     key=lambda r: r.id)
    rng = random.Random(11)
    for i in range(60):
        path = tmp_path / f"d{i}.yaml"
        data = dossier(rubrics[i % len(rubrics)], i, rng)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=i % 2 == 0,
                                       default_flow_style=None if i % 3 else False),
                        encoding="utf-8")
        same_as_careful(path)


TRICKY = {
    "plain": "a: 1\nb: [x, 'y', \"z\"]\nc: {d: null, e: ~, f: }\n",
    "numbers": "a: 0777\nb: 0x1F\nc: 1_000\nd: 1:30\ne: .inf\nf: -.NaN\ng: +3.5e2\nh: 0b101\n",
    "booleans": "a: yes\nb: Off\nc: TRUE\nd: n\ne: 'no'\n",
    "dates": "a: 2026-02-05\nb: 2026-02-05 10:30:00+07:00\nc: 2026-5-5\n",
    "bad date": "a: 2026-02-30\n",
    "huge integer": "id: " + "9" * 5000 + "\n",
    "explicit tags": "a: !!str 12\nb: !!int '7'\nc: !!float '1'\nd: !!bool 'yes'\n",
    "str tag on a mapping": "a: !!str {b: c}\n",
    "map tag on a sequence": "a: !!map [b]\n",
    "binary": "a: !!binary aGVsbG8=\n",
    "bad binary": "a: !!binary '!!!'\n",
    "set": "a: !!set {x, y}\n",
    "omap": "a: !!omap [x: 1, y: 2]\n",
    "custom tag": "a: !include other.yaml\n",
    "python tag": "a: !!python/object:os.system x\n",
    "value key": "=: a\n",
    "integer keys": "1: a\n2: b\n",
    "boolean and null keys": "yes: a\n~: b\n",
    "complex key": "? [a, b]\n: c\n",
    "mapping key": "? {a: b}\n: c\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "nested duplicate": "a:\n  b: 1\n  b: 2\n",
    "duplicate after a bad character": "a: \"\\x1b\"\nb: 1\nb: 2\n",
    "two spellings of one key": "\u1ec7: 1\ne\u0323\u0302: 2\n",
    "decomposed text": "name: \"Vie\u0323\u0302t\"\nids: [e\u0301]\n",
    "merge key": "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n",
    "quoted merge key": "a:\n  '<<': {x: 1}\n",
    "merge of a list": "a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n",
    "bad merge": "a:\n  <<: 3\n",
    "aliases": "a: &x [1, {b: c}]\nb: *x\nc: &s text\nd: *s\n",
    "recursive alias": "a: &x [*x]\n",
    "alias bomb": "a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcde", "bcdef",
                                                                      strict=True)),
    "many aliases": "a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(  # 124,000 nodes: allowed
        f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcd", "bcde",
                                                                      strict=True)),
    "undefined alias": "a: *nowhere\n",
    "control character": "a: \"x\\x07y\"\n",
    "control character in a key": "\"k\\x07\": 1\n",
    "escape in a sequence": "a: [ok, \"\\e[2J\"]\n",
    "bidi override": "a: \"abc\\u202edef\"\n",
    "lone surrogate": "a: \"\\udfff\"\n",
    "line breaks": "a: \"one\\r\\ntwo\\rthree\"\nb: |\n  x\n  y\n",
    "carriage return before a control": "a: \"x\\r\\x01\"\n",
    "nel and line separator": "a: \"x\\u0085y\\u2028z\"\n",
    "scalar document": "just text\n",
    "null document": "~\n",
    "list document": "- a\n- b: c\n",
    "flow everything": "{a: [1, {b: [c, d]}], e: {}}\n",
    "empty collections": "a: []\nb: {}\nc:\n",
    "deep": "a: " + "[" * 80 + "x" + "]" * 80 + "\n",
    "very deep": "a: " + "[" * 3000 + "x" + "]" * 3000 + "\n",
    "deep mappings": "".join("  " * i + f"k{i}:\n" for i in range(70)) + "  " * 70 + "v\n",
    "long text": "a: " + "ệ" * 5000 + "\n",
    "many documents": "a: 1\n---\nb: 2\n",
    "syntax error": "a: [unclosed\n",
    "unused anchor": "a: &x 1\nb: &y {c: d}\n",
    "quoted keys": "'yes': 1\n\"12\": 2\n'': 3\n'~': 4\n",
    "non-specific tags": "a: ! 12\nb: ! [1, ! yes]\nc: ! {d: e}\n",
    "tag directive": "%TAG !e! tag:yaml.org,2002:\n---\na: !e!str 12\n",
    "document markers": "---\na: 1\n...\n",
    "empty file": "",
    "comment only": "# nothing here\n",
    "sequences of mappings": "- a: 1\n  b: [x, {c: d}]\n- e\n- [[], {}]\n",
    "nulls in a sequence": "- ~\n-\n- null\n- ''\n",
    "same words again": "a: yes\nb: [yes, 'yes', 1, '1', 1.5, 2026-02-05]\nyes2: {a: 1}\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_a_tricky_document_reads_as_before(name: str, tmp_path: Path) -> None:
    path = tmp_path / "tricky.yaml"
    path.write_text(TRICKY[name], encoding="utf-8")
    same_as_careful(path)


def test_crlf_files_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"product:\r\n  id: P-1\r\n  note: |\r\n    one\r\n    two\r\n")
    same_as_careful(path)


def test_the_table_loader_resolves_every_tag_as_pyyaml() -> None:
    """The table-driven resolution gives each node PyYAML's own tag."""
    from ocop_rate.loading.yaml_loader import safe_loader

    def tags(node: yaml.Node) -> list[str]:
        """Every node's tag, in document order; an alias's node once (bombs, loops)."""
        out: list[str] = []
        seen: set[int] = set()
        stack = [node]
        while stack:
            here = stack.pop()
            out.append(here.tag)
            if id(here) in seen:
                continue
            seen.add(id(here))
            if isinstance(here, yaml.MappingNode):
                stack += [n for pair in reversed(here.value) for n in reversed(pair)]
            elif isinstance(here, yaml.SequenceNode):
                stack += reversed(here.value)
        return out

    texts = []
    for path in bundled_yaml():
        try:
            texts.append(file_text.read_text(path))
        except InputFileError:
            continue
    texts += [t for t in TRICKY.values() if "very deep" not in t and "---" not in t]
    texts += [f"- {w}\n" if w else "- \n" for w in WORDS]
    texts += [f"- '{w}'\n- \"{w}\"\n- {{{w}: 1}}\n" for w in WORDS if w and w not in "!&*"]
    for text in texts:
        try:
            want = yaml.CSafeLoader(text).get_single_node()
        except yaml.YAMLError:
            continue
        got = safe_loader()(text).get_single_node()
        assert (got is None) == (want is None), text
        if got is not None and want is not None:
            assert tags(got) == tags(want), text


WORDS = ["", "~", "null", "Null", "NULL", "n", "N", "no", "yes", "Yes", "on", "OFF",
         "true", "False", "y", "0", "-0", "+1", "0o17", "0x1f", "1_0", "1:2:3", "1.5",
         ".5", "-.inf", ".NaN", "1e3", "2026-01-02", "2026-01-02T03:04:05Z", "<<",
         "=", "!", "&", "*", "a", "Z", "ệ", "-", "+", ".", ":x", "0.", "00", "1.2.3"]
"""Plain scalars of every kind PyYAML resolves, and near misses."""


def test_every_kind_of_word_reads_as_before_again_and_again(tmp_path: Path) -> None:
    """Each word as a value, a quoted value, a key and in flow collections, read twice
    (the second time from what the one pass remembers of it): as the careful read."""
    path = tmp_path / "w.yaml"
    for word in WORDS:
        if word in ("!", "&", "*"):
            continue
        for text in (f"a: {word}\n", f"a: '{word}'\n", f"{word}: 1\nb: 2\n",
                     f"a: [{word}, {{{word}: {word}}}]\n", f"- {word}\n- x: \"{word}\"\n"):
            path.write_text(text, encoding="utf-8")
            same_as_careful(path)
            same_as_careful(path)


def test_the_samples_and_rubrics_take_the_one_pass() -> None:
    """The equalities above are worth something only if clean files do take the pass,
    read from their events, and the unusual ones leave it for the careful read."""
    from ocop_rate.loading.clean_yaml import UNUSUAL, clean_stream
    from ocop_rate.loading.yaml_loader import safe_loader

    paths = [*sorted((REPO / "sample_products").glob("*.yaml")),
             *sorted((REPO / "scoring_rules").glob("*.yaml"))]
    assert len(paths) > 20
    for path in paths:
        loader = safe_loader()(file_text.read_text(path))
        assert clean_stream(loader, {}, source.MAX_NODES) is not UNUSUAL, path
    for name in ("unused anchor", "aliases", "explicit tags",
                 "scalar document", "many documents", "syntax error", "complex key",
                 "duplicate key", "quoted merge key", "merge key", "control character",
                 "binary", "alias bomb"):
        assert clean_stream(safe_loader()(TRICKY[name]), {}, source.MAX_NODES) is UNUSUAL, \
            name


def test_positions_are_the_text_read_even_when_the_file_changes(tmp_path: Path) -> None:
    """A clean file's positions are found when first asked for, from the text that was
    read (never from the file again): an error is located in what was rated."""
    path = tmp_path / "d.yaml"
    path.write_text("product:\n  id: P-1\n  rubric: x\ncouncil: []\n", encoding="utf-8")
    doc = load_document(path)
    path.write_text("\n\n\nproduct: {id: P-1, rubric: x}\ncouncil: []\n", encoding="utf-8")
    assert doc.source.locate(("product", "rubric")).line == 3
    assert doc.source.locate(("council", 0)).line == 4
    again = tmp_path / "e.yaml"
    again.write_text("product:\n  id: P-1\n  rubric: x\ncouncil: []\n", encoding="utf-8")
    want = careful(again)
    assert not isinstance(want, list)
    assert doc.source.positions == want[1]


def test_json_positions_are_borrowed_from_yaml_as_before(tmp_path: Path) -> None:
    """A JSON file's positions (found when asked for) are those of the careful walk of
    the same text read as YAML."""
    for i, text in enumerate(('{"a": {"b": [1, {"c": "d"}]},\n "e": "f"}\n', '[1, 2]',
                              '{"k": "\\u0007"}', '{"a": 1}')):
        path = tmp_path / f"d{i}.json"
        path.write_text(text, encoding="utf-8")
        try:
            doc = load_document(path)
        except InputFileError:
            continue  # refused (the control character): located by the careful walk
        want = source._yaml_positions(text, str(path)).positions
        assert doc.source.positions == want, text
        assert want
