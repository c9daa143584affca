"""Tables are drawn by report.table_writer (rich lays out the head, a row writer the body) and
a long results table is written in pieces (report.results_table.TABLE_PIECE rows each), with
the whole table's column widths: the bytes equal one rich table's, laid out by rich."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.report import results_table, terminal
from tests.conftest import write_council_sheet

RUBRIC = "food-processed-plant-26"


def _sheet(path: Path, products: int) -> None:
    """A council sheet whose products spread over every class, with names long enough to
    wrap and a few members far apart (lines under the table)."""
    def name(p: int, rng: Any) -> str:
        if p % 17 == 0:  # one word wider than the column: folded, not wrapped
            rng.randrange(0, 6)  # drawn all the same: the sheet stays the one it always was
            return "Nướcmắmcốtnhĩthượnghạngđóngchaithủytinh" * 2 + str(p)
        return "Sản phẩm " + "rất dài " * rng.randrange(0, 6) + str(p)

    write_council_sheet(path, products, seed=7, noise=0.8, members=lambda p: 2, name=name,
                        product_id=lambda p: f"P-{p:05d}", rubric_id=RUBRIC)


@pytest.mark.parametrize(("columns", "lang"), [("120", "en"), ("80", "en"), ("120", "vi"),
                                               ("80", "vi"), ("64", "vi")])
def test_a_table_in_pieces_is_the_table_in_one(tmp_path: Path, columns: str, lang: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's table in pieces is its table in one piece, on the screen and in a file."""
    sheet = tmp_path / "sheet.csv"
    _sheet(sheet, 130)
    monkeypatch.setenv("COLUMNS", columns)
    runner = CliRunner()
    monkeypatch.setattr(results_table, "TABLE_PIECE", 40)  # four pieces, the last one short
    pieces = runner.invoke(app, ["rate", str(sheet), "--lang", lang])
    monkeypatch.setattr(results_table, "TABLE_PIECE", 10_000)
    whole = runner.invoke(app, ["rate", str(sheet), "--lang", lang])
    assert whole.exit_code == pieces.exit_code == 0, whole.output
    assert pieces.output == whole.output
    assert pieces.output.count("P-00") >= 130
    monkeypatch.setattr(results_table, "TABLE_PIECE", 40)
    out = tmp_path / "table.txt"
    written = runner.invoke(app, ["rate", str(sheet), "--lang", lang, "-o", str(out)])
    assert written.exit_code == 0
    monkeypatch.setattr(results_table, "TABLE_PIECE", 10_000)
    out_whole = tmp_path / "whole.txt"
    runner.invoke(app, ["rate", str(sheet), "--lang", lang, "-o", str(out_whole)])
    assert out.read_bytes() == out_whole.read_bytes()


def test_pieces_on_a_colour_terminal_say_the_same_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a colour terminal the row writer emits styled segments: the same characters as
    one rich table once the colour codes are taken out."""
    import io
    import re

    from rich.console import Console

    from ocop_rate.pipeline import rate_paths
    from tests.conftest import SAMPLES, bundled_library

    result = rate_paths(bundled_library(), [str(SAMPLES)])

    def shown(piece: int) -> str:
        monkeypatch.setattr(results_table, "TABLE_PIECE", piece)
        buffer = io.StringIO()
        console = Console(file=buffer, width=100, force_terminal=True, color_system="truecolor")
        for part in terminal.batch_view(result, "vi", width=100):
            console.print(part)
        return buffer.getvalue()

    pieces, whole = shown(5), shown(1000)
    assert "\x1b[" in pieces

    def plain(text: str) -> str:
        return re.sub(r"\x1b\[[0-9;]*m", "", text)

    assert plain(pieces) == plain(whole)
    assert plain(pieces).count("QN-") >= 20


def _printed(renderables: list[Any], width: int, colour: bool = False) -> str:
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=colour,
                      color_system="truecolor" if colour else None, markup=False)
    for part in renderables:
        console.print(part)
    return buffer.getvalue()


@pytest.mark.parametrize(("width", "lang"), [(120, "en"), (80, "vi"), (64, "vi"), (150, "vi")])
@pytest.mark.parametrize("piece", [40, 10_000])
def test_the_drawn_results_table_is_richs_table(tmp_path: Path, width: int, lang: str,
                                                piece: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The oracle is rich itself: one rich table of the same shape and cells."""
    from ocop_rate.pipeline import rate_paths
    from ocop_rate.report.rows import rows
    from tests.conftest import bundled_library

    sheet = tmp_path / "sheet.csv"
    _sheet(sheet, 130)
    all_rows = rows(rate_paths(bundled_library(), [str(sheet)]), lang)
    wide = width >= terminal.WIDE
    monkeypatch.setattr(results_table, "TABLE_PIECE", piece)
    drawn = _printed(results_table.results_pieces(all_rows, lang, "OCOP", wide), width)
    oracle = results_table.results_shape(lang, "OCOP", wide).table(
        [results_table.cells(row, lang, wide) for row in all_rows])
    assert drawn == _printed([oracle], width)
    assert drawn.count("P-00") == 130


@pytest.mark.parametrize(("width", "lang"), [(120, "en"), (80, "vi"), (64, "vi"), (40, "en")])
def test_the_rubric_list_is_richs_table(width: int, lang: str) -> None:
    import re

    from ocop_rate.loading.rubrics import catalogue
    from tests.conftest import bundled_library

    entries = catalogue(bundled_library(), lang, dt.date(2026, 12, 1))
    views = terminal.rubric_list_view(entries, lang)
    assert len(views) >= 2  # one table per decision: 26/2026 and the older ones
    oracles = [view.shape.table(view.rows) for view in views]
    drawn = _printed(views, width)
    assert drawn == _printed(oracles, width)
    assert drawn.count("-26 ") >= 26 and "26/2026/QĐ-TTg" in drawn

    def plain(text: str) -> str:
        return re.sub(r"\x1b\[[0-9;]*m", "", text)

    coloured = _printed(views, width, colour=True)
    assert "\x1b[" in coloured
    assert plain(coloured) == plain(_printed(oracles, width, colour=True))


def test_an_empty_table_is_richs() -> None:
    (view,) = terminal.rubric_list_view([], "vi")
    assert _printed([view], 80) == _printed([view.shape.table([])], 80)


@pytest.mark.parametrize(("width", "lang"), [(80, "vi"), (64, "en"), (120, "vi")])
def test_a_file_receives_the_bytes_rich_prints(tmp_path: Path, width: int, lang: str) -> None:
    """What 'rate -o FILE' writes without rich's printing (table pieces as segments, plain
    lines as they are or wrapped by report.plain_wrap) is what rich prints, block by block."""
    import io

    from rich.text import Text

    from ocop_rate.cli.formats import _captured
    from ocop_rate.pipeline import rate_paths
    from ocop_rate.report.safe_console import SafeConsole
    from ocop_rate.views.batch import terminal
    from ocop_rate.views.registry import Asked
    from tests.conftest import bundled_library

    sheet = tmp_path / "sheet.csv"
    _sheet(sheet, 130)
    blocks = list(terminal(rate_paths(bundled_library(), [str(sheet)]),
                           Asked(lang, width=width)))  # type: ignore[arg-type]
    lines = [b.plain for b in blocks if isinstance(b, Text)]
    assert any(len(line) > width and not line.startswith("✗") for line in lines)  # wraps

    def console() -> SafeConsole:
        return SafeConsole(file=io.StringIO(), width=width, color_system=None)

    fast = "".join(_captured(console(), blocks, "located"))
    printer = console()
    with printer.capture() as capture:
        for block in blocks:
            printer.print(block, soft_wrap=isinstance(block, Text)
                          and block.plain.startswith("✗"))
    assert fast == capture.get()
