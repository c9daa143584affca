"""The results table written to a file (`rate SHEET -o t.txt`) is plain rows of our own
(report.plain_table): every product's id and total, each id whole, every line within the
width. On a screen the table is rich's (tests/test_terminal_80.py, test_terminal_width.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import write_council_sheet

FILE_WIDTH = 120  # views.registry: a table written to a file is laid out this wide


def _name(p: int, rng: Any) -> str:
    """Names long enough to wrap, a word wider than any column, wide (two-cell) text."""
    if p % 17 == 0:
        return "Nướcmắmcốtnhĩthượnghạngđóngchaithủytinh" * 3 + str(p)
    if p % 13 == 0:
        return "日本の醤油 " * 12 + str(p)
    return "Sản phẩm " + "rất dài " * rng.randrange(0, 14) + str(p)


def _id(p: int) -> str:
    return f"QN-{p:05d}" if p % 29 else f"QN-HẠ-LONG-{'X' * 40}-{p:05d}"  # a few long ids


def _rated(tmp_path: Path, lang: str) -> tuple[str, dict[str, str]]:
    """The file table and each product's total as the CSV export says it."""
    sheet = tmp_path / "sheet.csv"
    write_council_sheet(sheet, 90, seed=5, noise=0.8, members=lambda p: 2, name=_name,
                        product_id=_id)
    runner = CliRunner()
    table, data = tmp_path / "t.txt", tmp_path / "t.csv"
    done = runner.invoke(app, ["rate", str(sheet), "--lang", lang, "-o", str(table)])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["rate", str(sheet), "-f", "csv", "-o", str(data)])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(data.read_text(encoding="utf-8-sig"))))
    totals = {row["product_id"]: row["total"] for row in rows}
    assert len(totals) == 90
    return table.read_text(encoding="utf-8"), totals


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_file_table_holds_every_id_and_total_within_its_width(tmp_path: Path,
                                                                   lang: str) -> None:
    written, totals = _rated(tmp_path, lang)
    every = written.splitlines()
    lines = every[:next(i for i, line in enumerate(every) if line.startswith("5 "))]  # the
    # table, without the summary and the notes under it (rich's lines: they list ids)
    assert max(cell_len(line) for line in lines) <= FILE_WIDTH
    tokens = [line.split() for line in lines]
    for product, total in totals.items():
        shown = total.replace(".", ",") if lang == "vi" else total
        at = [i for i, words in enumerate(tokens) if product in words]
        assert len(at) == 1, product  # the id whole, once: never split across lines
        # the total on the id's line, or on the next when a long id stands alone
        assert shown in tokens[at[0]] or (not tokens[at[0]][1:] and shown in tokens[at[0] + 1])
    assert "Nướcmắmcốtnhĩ" in written and "日本の醤油" in written
    assert "\x1b[" not in written and "│" not in written  # plain text, not a rich table


def test_a_long_id_stands_alone_and_the_name_moves_under_a_narrow_line(tmp_path: Path) -> None:
    from ocop_rate.pipeline import rate_paths
    from ocop_rate.report.plain_table import plain_table
    from ocop_rate.report.rows import rows
    from tests.conftest import bundled_library

    sheet = tmp_path / "sheet.csv"
    write_council_sheet(sheet, 30, seed=5, noise=0.8, members=lambda p: 2, name=_name,
                        product_id=_id)
    all_rows = rows(rate_paths(bundled_library(), [str(sheet)]), "vi")
    for width in (60, 80, 120):
        lines = list(plain_table(all_rows, "vi", "OCOP", width, wide=width >= 110))
        assert max(cell_len(line) for line in lines) <= width, width
        for row in all_rows:
            assert sum(row.product_id in line.split() for line in lines) == 1
        long_id = _id(0)
        assert long_id in lines, width  # alone on its line, whole
    assert "Sản phẩm" in "\n".join(lines)


def test_one_cell_text_is_measured_as_rich_measures_it() -> None:
    from ocop_rate.report.plain_table import cells, wrap

    for text in ("Nước mắm Cái Rồng — ★★★★ • ✗ ⚠ →", "日本", "e\u0301", "abc",
                 "".join(map(chr, range(0x1EA0, 0x1EFA))), "".join(map(chr, range(0xA0, 0x300)))):
        assert cells(text) == cell_len(text), text
    for width in (5, 9, 20):
        for text in ("日本の醤油 " * 5, "Nướcmắmcốtnhĩthượnghạng đóng chai", "a b"):
            lines = wrap(text, width)
            assert all(cell_len(line) <= width for line in lines)
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")
