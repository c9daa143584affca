"""Small sharp edges (issue 12, items 17 and 18): non-finite numbers, COLUMNS, golden files
in NFD, a golden file of the wrong kind, empty folders, the same file named twice."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import dossier_data, dump
from tests.hostile import TINY, Run, assert_clean, cli, cli_here

GOOD = {"A1": "h", "B1": "c", "C1": "c"}


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    return dump(tmp_path / "w" / "v.yaml", dossier_data([GOOD], pid="CHÈ-01"))


def test_spread_must_be_finite(dossier: Path) -> None:
    """Every value and command in this process (one real process for the first)."""
    assert_usage_error(cli("rate", dossier, "-r", TINY, "--spread", "inf"), "--spread")
    for value in ["inf", "1e400", "nan", "-inf", "Infinity"]:
        for command in ["rate", "explain"]:
            run = cli_here(command, dossier, "-r", TINY, "--spread", value)
            assert_usage_error(run, "--spread", (command, value))


def assert_usage_error(run: Run, words: str, case: object = None) -> None:
    """Exit 2, no traceback, and ``words`` on standard error."""
    assert_clean(run)
    assert run.code == 2 and words in run.err, (case, run.text)


def test_tolerance_must_be_finite(dossier: Path, tmp_path: Path) -> None:
    golden = tmp_path / "g.csv"
    golden.write_text("product_id,stars\nCHÈ-01,5\n", encoding="utf-8")
    run = cli("check", dossier, "-r", TINY, "-e", golden, "--tolerance", "1e400")
    assert_clean(run)
    assert run.code == 2 and "--tolerance" in run.err


def test_bad_columns_is_a_clear_error(dossier: Path) -> None:
    """Every value and command in this process (one real process for the first)."""
    assert_usage_error(cli("rate", dossier, "-r", TINY, env={"COLUMNS": "abc"}),
                       "COLUMNS='abc'")
    for columns in ["abc", "0", "-5", "1", "19", "1e3", "99999999"]:
        for args in (["rate", dossier, "-r", TINY], ["rubrics", "list"]):
            run = cli_here(*args, env={"COLUMNS": columns})
            assert_usage_error(run, f"COLUMNS='{columns}'", (args, columns))


def test_sane_or_empty_columns_print_the_table(dossier: Path) -> None:
    for columns in ["", "  ", "80", "200"]:
        run = cli_here("rate", dossier, "-r", TINY, env={"COLUMNS": columns, "OCOP_LANG": "vi"})
        assert run.code == 0, (columns, run.text)
        assert "5 sao: 1" in run.out, columns


def test_golden_file_in_nfd_matches_nfc_ids(dossier: Path, tmp_path: Path) -> None:
    golden = tmp_path / "g.csv"
    golden.write_text(unicodedata.normalize("NFD", "product_id,stars,total\nCHÈ-01,5,100\n"),
                      encoding="utf-8")
    assert "CHÈ-01" not in golden.read_text("utf-8")  # really decomposed
    run = cli("check", dossier, "-r", TINY, "-e", golden, "-f", "json")
    assert_clean(run)
    assert run.code == 0, run.text
    report = json.loads(run.out)
    assert [c["status"] for c in report["products"]] == ["pass"], report


def test_update_with_a_golden_file_of_the_wrong_kind_writes_nothing(
        dossier: Path, tmp_path: Path) -> None:
    for name in ["golden.txt", "golden", "golden.xlsx"]:
        target = tmp_path / name
        run = cli_here("check", dossier, "-r", TINY, "--update", "-e", target)
        assert_usage_error(run, "golden file must end in", name)
        assert not target.exists()


def test_empty_folders(tmp_path: Path, dossier: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for number, args in enumerate((["explain", empty, "-r", TINY], ["rate", empty, "-r", TINY],
                                   ["summary", empty, "-r", TINY])):
        run = cli(*args) if number == 0 else cli_here(*args)  # the first in a real process
        assert_clean(run)
        assert run.code == 2 and "no dossier files found" in run.err, (args, run.text)
    run = cli("rate", dossier, "-r", empty)
    assert_clean(run)
    assert run.code == 2 and "no rubric files" in run.err and str(empty) in run.err
    assert "unknown rubric" not in run.text


def test_the_same_file_named_twice_is_read_once(dossier: Path, tmp_path: Path) -> None:
    folder = dossier.parent
    (tmp_path / "link.yaml").symlink_to(dossier)
    spellings = (["v.yaml", "../w/v.yaml"], ["v.yaml", str(dossier)], [".", "v.yaml"],
                 ["v.yaml", "../link.yaml"], ["*.yaml", "v.yaml"])
    for number, args in enumerate(spellings):  # the first in a real process, all in this one
        run = (cli if number == 0 else cli_here)("rate", *args, "-r", TINY, "-f", "json",
                                                 cwd=folder)
        assert_clean(run)
        assert run.code == 0, (args, run.text)
        assert [i["product_id"] for i in json.loads(run.out)] == ["CHÈ-01"]


def test_readme_safety_commands_run_as_printed() -> None:
    """The commands of the reference's "Safety limits" give the exit codes printed beside them, and
    leave the corpus as it was."""
    import hashlib
    import re

    repo = Path(__file__).resolve().parents[2]
    readme = (repo / "docs" / "reference.md").read_text("utf-8")
    section = readme[readme.index("## Safety limits"):readme.index("## Performance")]
    start = section.index("```bash\n") + len("```bash\n")
    block = section[start:section.index("\n```", start)]
    corpus = repo / "tests" / "bad_inputs"
    before = {p: hashlib.sha256(p.read_bytes()).digest() for p in corpus.rglob("*")
              if p.is_file() and not p.is_symlink()}
    commands = [line for line in block.splitlines() if line.startswith("ocop-rate ")]
    assert len(commands) >= 8
    for line in commands:
        command, expected = re.fullmatch(r"ocop-rate (.*?)\s+# exit (\d)", line).groups()
        run = cli_here(*command.split(), cwd=repo)  # in this process: no start-up each
        assert_clean(run)
        assert run.code == int(expected), (line, run.text)
    after = {p: hashlib.sha256(p.read_bytes()).digest() for p in corpus.rglob("*")
             if p.is_file() and not p.is_symlink()}
    assert after == before
