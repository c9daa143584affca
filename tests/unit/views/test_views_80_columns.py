"""The subjects drawn by the generic terminal renderer stay readable at 80 columns: no line
is wider, no id, date or word is broken or cut (every word printed 80 wide is a word the
same command prints 400 wide, where nothing wraps), and a product name holding markup is
printed as typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import SAMPLES
from tests.register_helpers import cli, register_rows, write_sheet

runner = CliRunner()
BOX = re.compile(r"[─-╿]")  # table rules are not words
NAME = "[bold]Mật ong hoa nhãn rừng Đầm Hà của hợp tác xã[/bold]"


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reg")
    rows = register_rows(8, issued="2023-06-05", prefix="QN")  # ids as long as real ones
    rows[0][1] = NAME
    db = root / "so.sqlite"
    cli("register", "import", write_sheet(root / "s.csv", rows), "--db", db)
    return db


def _words(text: str) -> set[str]:
    return {w.strip(":,;·()") for w in BOX.sub(" ", text).split()} - {""}


def _run(args: list[str], columns: int) -> str:
    done = runner.invoke(app, args, env={"COLUMNS": str(columns)})
    assert done.exit_code in (0, 1), (args, done.stdout, done.stderr)
    return done.stdout


COMMANDS = [["register", "list", "--on", "2026-06-20"],
            ["register", "due", "--on", "2026-03-01"],
            ["register", "expired", "--on", "2027-01-01"],
            ["register", "history", "QN-000000"],
            ["register", "counts", "--on", "2026-06-20"],
            ["register", "worklist", "--on", "2026-03-10"],
            ["register", "stats"]]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[1])
def test_register_views_at_80_columns(register: Path, args: list[str]) -> None:
    _assert_readable([*args, "--db", str(register)])


@pytest.mark.parametrize("args", [["rubrics", "list"],
                                  ["rubrics", "show", "food-fresh-meat-26"],
                                  ["summary", str(SAMPLES)],
                                  ["explain", str(SAMPLES)],
                                  ["rate", str(SAMPLES), "--members"]],
                         ids=lambda a: " ".join(a[:2]) if a[0] != "rubrics" else a[1])
def test_rubrics_summary_and_sheets_at_80_columns(args: list[str]) -> None:
    _assert_readable(args)


def _assert_readable(args: list[str]) -> None:
    narrow, wide = _run(args, 80), _run(args, 400)
    assert narrow.strip()
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert narrow.count("…") == wide.count("…")  # nothing cut short
    broken = sorted(w for w in _words(narrow) - _words(wide) if not w.isdigit())
    assert not broken, broken
    if "QN-000000" in wide and args[1] != "counts":
        assert "[bold]Mật" in narrow  # markup printed as typed, never read
