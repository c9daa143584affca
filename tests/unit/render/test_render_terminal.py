"""The terminal renderer: markup in a name prints as typed, escapes never reach the screen,
diacritics survive, an 80-column screen keeps ids and dates whole."""

from __future__ import annotations

import io

from ocop_rate.models.document import Document, Section, Table
from ocop_rate.render.terminal import draw
from ocop_rate.report.safe_console import SafeConsole
from tests.unit.render.hostile_doc import MARKUP, NAME_NFC, SCRIPT


def _printed(document: Document, width: int = 80, *, safe: bool = True) -> str:
    """Printed by the CLI's console, or (``safe=False``) by a plain rich console that would
    read markup and pass escapes: the renderer's texts must carry neither."""
    from rich.console import Console

    out = io.StringIO()
    console = (SafeConsole(file=out, width=width, color_system=None, highlight=False) if safe
               else Console(file=out, width=width, color_system=None, markup=True))
    for block in draw(document):
        console.print(block)
    return out.getvalue()


def test_markup_in_a_name_is_printed_as_typed(document: Document) -> None:
    shown = _printed(document, 200, safe=False)
    assert "[bold]Trà[/bold]" in shown
    assert "[link=http://x]bấm[/link]" in shown
    assert SCRIPT in shown


def test_no_escape_character_reaches_the_screen(document: Document) -> None:
    for shown in (_printed(document), _printed(document, 120, safe=False)):
        assert "\x1b" not in shown and "\x07" not in shown
        assert "\\x1b" in shown  # shown, not acting


def test_bidirectional_controls_are_shown_not_obeyed() -> None:
    trojan = "Mật ong \u202eGNO TẬM\u202c"
    shown = _printed(Document(trojan, [Section([Table(("Tên",), [(trojan,)])])]), safe=False)
    assert "\u202e" not in shown and shown.count("\\u202e") == 2


def test_titles_sections_and_notes_are_printed(document: Document) -> None:
    shown = _printed(document, width=200)
    lines = shown.splitlines()
    assert lines[0] == f"Sổ đăng ký {MARKUP}"
    assert "Ghi chú" in lines
    assert f"{NAME_NFC}:" in lines
    assert "• QN-0001: " + SCRIPT in lines
    assert NAME_NFC in shown  # composed diacritics survive


def test_at_80_columns_ids_and_dates_stay_whole_and_numbers_right() -> None:
    long_name = "Mật ong hoa nhãn rừng Đầm Hà của hợp tác xã nông nghiệp " * 2
    doc = Document("", [Section([Table(
        ("Mã sản phẩm", "Tên sản phẩm", "Hết hạn", "Điểm"),
        [("QN-DH-000123", long_name, "05/02/2026", "7,00"),
         ("QN-DH-000124", "Trà", "06/02/2026", "100,00")],
        ("left", "left", "left", "right"))])])
    shown = _printed(doc)
    lines = shown.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert any("QN-DH-000123" in line and "05/02/2026" in line for line in lines)
    row = next(line for line in lines if "QN-DH-000124" in line)
    assert row.rstrip(" │┃").endswith("100,00")  # whatever rules the table draws
    seven = next(line for line in lines if "QN-DH-000123" in line)
    assert seven.rstrip(" │┃").endswith("7,00")
    assert seven.index("7,00") > row.index("100,00")  # right-aligned


def test_an_empty_table_still_shows_its_head() -> None:
    shown = _printed(Document("T", [Section([Table(("Mã", "Tên"), [])])]))
    assert "Mã" in shown and "Tên" in shown


def test_a_table_title_is_said_over_it_as_typed() -> None:
    table = Table(("Sản phẩm", "Tổng"), [("QN-1", "52,50")], ("left", "right"),
                  title="[bold]OCOP — 1 sản phẩm")
    shown = _printed(Document("", [Section([table])]), 80, safe=False)
    over = shown.split("┏")[0].split()  # the title wraps to the table's width
    assert " ".join(over) == "[bold]OCOP — 1 sản phẩm"
    assert "│ QN-1 " in shown


def test_a_short_phrase_stays_whole_beside_a_long_column() -> None:
    long = "Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong " * 2
    table = Table(("Sản phẩm", "Bộ sản phẩm", "Hạng"), [("QN-1", long, "★★★☆☆ 3 sao")])
    for width in (60, 120, 200):
        shown = _printed(Document("", [Section([table])]), width)
        assert "★★★☆☆ 3 sao" in shown, width
        assert max(len(line) for line in shown.splitlines()) <= width


def test_a_stacked_table_is_a_block_per_row() -> None:
    from ocop_rate.models.document import Notes

    table = Table(("Sản phẩm", "A", "Tổng", "Hạng", "Kết quả"),
                  [("QN-1  Trà [hoa]\nChè", "22,50", "52,50", "3 sao", "Công nhận"),
                   ("QN-2", "", "", "", "Không chấm được")],
                  ("left", "right", "right", "left", "left"), title="OCOP — 2", stacked=True)
    errors = Notes([("", "a.yaml:3: thiếu điểm")], mark="✗")
    lines = _printed(Document("", [Section([table, errors])]), 50, safe=False).splitlines()
    assert lines == ["OCOP — 2", "", "QN-1  Trà [hoa]", "  Chè",
                     "  A 22,50 · Tổng 52,50 · 3 sao · Công nhận", "", "QN-2",
                     "  Không chấm được", "✗ a.yaml:3: thiếu điểm"]


def test_names_that_cannot_stand_whole_are_numbered_under_a_legend() -> None:
    names = ("Nguyễn Thị Lan", "Hoàng Văn Sơn", "Võ Nguyễn Hoàng Khánh")
    table = Table(("Thành viên →", *names, "Túc số"),
                  [("QN-HL-0102", "✓", "✓", "thiếu", "2/3")], keys=1, numbered="Thành viên")
    wide = _printed(Document("", [Section([table])]), 120)
    assert all(name in wide for name in names) and "Thành viên:" not in wide
    narrow = _printed(Document("", [Section([table])]), 40)
    legend, grid = narrow.split("┏", 1)
    assert " ".join(legend.split()) == ("Thành viên: 1 Nguyễn Thị Lan · 2 Hoàng Văn Sơn · "
                                        "3 Võ Nguyễn Hoàng Khánh")
    assert "Thành viên →" in grid  # a key column's head stays whole
    assert max(len(line) for line in narrow.splitlines()) <= 40


def test_a_closing_row_is_set_apart_below_the_rows() -> None:
    block = Table(("Tiêu chí", "Điểm"), [("A1 Nguồn nguyên liệu", "4"), ("A2 Bao bì", "2")],
                  align=("left", "right"), foot=("Tổng", "6"))
    lines = _printed(Document("", [Section([block])])).splitlines()
    total = next(i for i, line in enumerate(lines) if "Tổng" in line)
    assert total > next(i for i, line in enumerate(lines) if "A2 Bao bì" in line)
    assert lines[total - 1].startswith("├")  # a rule between the rows and the totals
    assert lines[total].rstrip(" │").endswith("6")
