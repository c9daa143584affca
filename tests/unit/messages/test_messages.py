"""The message catalogues (ocop_rate/locale/*/LC_MESSAGES/ocop_rate.po): every id in both
languages with the same parameters, the compiled .mo files fresh, and a catalogued problem
in the user's language."""

from __future__ import annotations

import ast
import shutil
import string
import subprocess
import unicodedata

import pytest

from ocop_rate.errors import Location, Problem
from ocop_rate.messages import CATALOGUE, LANGS, UnknownMessage, text
from tests.conftest import REPO
from tests.po_catalogue import mo_messages, po_catalogue, po_entries, po_file, po_messages


def _fields(template: str) -> set[str]:
    """The ``{named}`` parameters of a str.format template (ValueError when it is broken)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _problems(message_id: str, vi: str | None, en: str | None) -> list[str]:
    """What is wrong with one id: a missing or empty text, a broken template, different
    parameters, a text that is its own id, Vietnamese not in NFC, or the two languages
    saying the same thing where the templates differ."""
    if vi is None or en is None:
        return [f"only in {'vi' if en is None else 'en'}"]
    problems = [f"empty in {lang}" for lang, said in (("vi", vi), ("en", en))
                if not said.strip()]
    problems += [f"is its own id in {lang}" for lang, said in (("vi", vi), ("en", en))
                 if said == message_id]
    if unicodedata.normalize("NFC", vi) != vi:
        problems.append("Vietnamese is not NFC")
    try:
        fields = {lang: _fields(said) for lang, said in (("vi", vi), ("en", en))}
    except ValueError as exc:
        return [*problems, f"broken template: {exc}"]
    if fields["vi"] != fields["en"]:
        problems.append(f"parameters differ: vi {sorted(fields['vi'])}, "
                        f"en {sorted(fields['en'])}")
    elif not problems:
        params = {name: "X" for name in fields["vi"]}
        if text(message_id, "vi", params) == text(message_id, "en", params) and vi != en:
            problems.append("vi and en render the same")
    return problems


def test_every_message_has_both_languages_with_the_same_parameters() -> None:
    """msgfmt --check-format's question (and a few more), asked of every id at once: the
    failure lists every bad id, not the first."""
    vi, en = (po_messages(lang) for lang in LANGS)
    assert len(vi) > 800, "the catalogue was not read"
    bad = {key: found for key in sorted(vi.keys() | en.keys())
           if (found := _problems(key, vi.get(key), en.get(key)))}
    assert bad == {}


def _named_ids(source: str, rooms: set[str]) -> set[str]:
    """The message ids ``source`` writes as a call's first argument (``text``,
    ``Problem.of`` and the rooms' helpers): ``"<room>.<key>"`` of a known room."""
    return {first.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and node.args
            and isinstance(first := node.args[0], ast.Constant)
            and isinstance(first.value, str) and "." in first.value and " " not in first.value
            and first.value.split(".")[0] in rooms}


def test_every_id_the_code_names_is_in_the_catalogue() -> None:
    """An id the code names that neither catalogue defines would stop a run with
    UnknownMessage: every such id, at once, with where it is named."""
    known = po_catalogue()
    rooms = {key.split(".")[0] for key in known}
    named: dict[str, str] = {}
    for path in sorted((REPO / "ocop_rate").rglob("*.py")):
        for key in _named_ids(path.read_text(encoding="utf-8"), rooms):
            named.setdefault(key, str(path.relative_to(REPO)))
    assert len(named) > 250, "the scan found the code's ids"
    assert {key: where for key, where in named.items() if key not in known} == {}
    typo = 'raise UsageError(Problem.of("common.no_such_pth", where, path=p))'
    assert _named_ids(typo, rooms) - known.keys() == {"common.no_such_pth"}


def test_no_entry_is_fuzzy_obsolete_or_twice() -> None:
    """A fuzzy entry is left out of the .mo (gettext would then say the id itself)."""
    for lang in LANGS:
        entries = po_entries(lang)
        ids = [m.id for m in entries]
        assert [m.id for m in entries if m.fuzzy] == [], lang
        assert sorted({i for i in ids if ids.count(i) > 1}) == [], lang
        assert all(isinstance(i, str) for i in ids), f"{lang}: a plural entry"


def test_compiled_catalogues_say_what_their_sources_say() -> None:
    """Fails when a .po was edited without `python tools/compile_messages.py`."""
    for lang in LANGS:
        assert mo_messages(lang) == po_messages(lang), \
            f"{lang}: stale .mo: run python tools/compile_messages.py"


def test_the_program_reads_every_message_from_the_compiled_catalogue() -> None:
    for lang_index, lang in enumerate(LANGS):
        templates = po_messages(lang)
        assert {key: CATALOGUE[key][lang_index] for key in templates} == templates
        assert all(key in CATALOGUE for key in templates)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt")
def test_msgfmt_accepts_the_catalogues() -> None:
    """The files are gettext's own format: GNU msgfmt checks their syntax and header."""
    for lang in LANGS:
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_file(lang))],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr


def test_problem_speaks_the_users_language() -> None:
    problem = Problem.of("common.no_such_path", Location("ho-so", 3), path="ho-so/")
    assert problem.render("vi") == "ho-so:3: ho-so/: không có tệp hoặc thư mục này"
    assert problem.render("en") == "ho-so:3: ho-so/: no such file or folder"
    assert problem.message == "ho-so/: no such file or folder"


def test_unknown_id_is_a_bug_not_a_blank() -> None:
    for key in ("no.such.id", ""):
        with pytest.raises(UnknownMessage):
            text(key, "vi")
        assert key not in CATALOGUE
    with pytest.raises(KeyError):
        CATALOGUE["no.such.id"]


def test_the_check_names_each_kind_of_fault() -> None:
    """The catalogue check above can fail: each fault it looks for is found."""
    assert _problems("a.b", "{x} và", "{y} and") == ["parameters differ: vi ['x'], en ['y']"]
    assert _problems("a.b", None, "text") == ["only in en"]
    assert _problems("a.b", "chữ", None) == ["only in vi"]
    assert _problems("a.b", "a {", "b")[-1].startswith("broken template")
    assert _problems("a.b", " ", "a.b") == ["empty in vi", "is its own id in en"]
    assert _problems("a.b", unicodedata.normalize("NFD", "Lê"), "Le") == \
        ["Vietnamese is not NFC"]
    assert _problems("common.no_such_path", "{path}: x", "{path}: x") == []
