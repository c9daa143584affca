"""The lines under a results table (one per disagreement) that are wider than the page are
cut where rich cuts them, also when they skip printing through the console (a file, a
pipe): every line fits, no word is split, and nothing is lost or added."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from ocop_rate.cli import app

runner = CliRunner()
OPTIONS = {"A1": "abcdefgh", "B1": "abc", "C1": "abc"}


def _sheet(path: Path) -> Path:
    rows = [["product_id", "product_name", "rubric", "member", "A1", "B1", "C1"]]
    for p in range(3):
        for m in range(7):  # seven members who choose far apart: long disagreement lines
            rows.append([f"P-{p}", f"Tên {p}", "tiny", f"Thành viên số {m + 1}",
                         OPTIONS["A1"][(m * 3 + p) % 8], OPTIONS["B1"][m % 3],
                         OPTIONS["C1"][(m + p) % 3]])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _said(text: str) -> list[str]:
    """The disagreement entries, each put back on one line."""
    entries: list[str] = []
    for line in text.splitlines():
        if line.startswith("⚠"):
            entries.append(line.rstrip())
        elif entries and line and not line.startswith(("✗", "•")):
            entries[-1] += " " + line.rstrip()
    return entries


def test_wide_lines_are_cut_at_words_and_keep_every_word(tmp_path: Path,
                                                         tiny_rules: Path) -> None:
    sheet = _sheet(tmp_path / "council.csv")
    wide = runner.invoke(app, ["rate", str(sheet), "--rules", str(tiny_rules)],
                         env={"COLUMNS": "1000"})
    entries = _said(wide.stdout)
    assert entries and max(len(e) for e in entries) > 80  # lines that must be cut at 80
    for columns in ("80", "60"):
        narrow = runner.invoke(app, ["rate", str(sheet), "--rules", str(tiny_rules)],
                               env={"COLUMNS": columns})
        assert narrow.exit_code == wide.exit_code
        assert all(len(line) <= int(columns) for line in narrow.stdout.splitlines())
        assert _said(narrow.stdout) == entries
