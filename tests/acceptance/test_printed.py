"""Printable documents in the official layout, printed to PDF by headless Chromium: a
member's score sheet is at most two A4 pages; the council summary and the results list;
Vietnamese dates and comma decimals; and the Word drafts (results list, minutes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.pipeline import rate_paths
from ocop_rate.report import printed
from tests.conftest import SAMPLES, bundled_library
from tests.pdf_print import needs_chromium, page_count, page_texts, print_pdf, runs

runner = CliRunner()


def pdf_pages(html: Path, tmp_path: Path) -> int:
    """Print ``html`` to PDF as a browser does and count its pages."""
    return page_count(print_pdf(html, tmp_path / f"{html.stem}.pdf"))


def test_vietnamese_dates_as_documents_write_them() -> None:
    assert printed.vietnamese_date(dt.date(2026, 2, 5), "vi") == "ngày 05 tháng 02 năm 2026"
    assert printed.vietnamese_date(dt.date(2026, 11, 23), "vi") == "ngày 23 tháng 11 năm 2026"
    assert printed.vietnamese_date(dt.date(2026, 5, 22), "vi") == "ngày 22 tháng 5 năm 2026"


def test_sheets_carry_the_official_parts(tmp_path: Path) -> None:
    out = tmp_path / "phieu.html"
    result = runner.invoke(app, ["rate", str(SAMPLES / "qn-hl-cha-muc.yaml"), "-f", "sheets",
                                 "-o", str(out), "--date", "2026-02-05"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 3 + 1 + 1  # members, summary, list
    assert "Độc lập - Tự do - Hạnh phúc" in html and "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP" in html
    assert 'Mã số sản phẩm: <span class="id">QN-HL-0102</span>' in html  # kept whole
    assert "Người đánh giá" in html
    assert "Quảng Ninh, ngày 05 tháng 02 năm 2026" in html
    assert "☒" in html and "(Ký và ghi rõ họ tên)" in html
    assert "92,33" in html and "92.33" not in html  # comma decimals
    assert "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SẢN PHẨM" in html and "Điểm trung bình" in html
    assert "Times New Roman" in html and "size: A4" in html


def test_text_from_files_is_escaped(tmp_path: Path, tiny_rules: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("product: {id: X-1, name: '<script>alert(1)</script>', rubric: tiny}\n"
                    "facts: {falsified: false}\ncouncil:\n  - member: '<b>M1</b>'\n"
                    "    scores: {A1: h, B1: c, C1: c}\n", encoding="utf-8")
    out = tmp_path / "x.html"
    result = runner.invoke(app, ["rate", str(path), "--rules", str(tiny_rules), "-f", "sheets",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>M1</b>" not in html


@needs_chromium
def test_a_members_sheet_prints_on_at_most_two_pages(tmp_path: Path) -> None:
    """Six members' sheets printed in one browser run: each ``.doc`` section ends in a page
    break, so each sheet starts a page of its own (its motto on it) and its pages are
    counted from there to the next sheet's first page."""
    library = bundled_library()
    result = rate_paths(library, [str(SAMPLES)])
    sheets, ids = [], []
    for rating in result.ratings[:6]:  # six product sets, from 2 to 3 members
        rubric = library.rubrics[rating.rubric]
        member = rating.members[0].member
        sheets.append(printed.member_sheet(rating, member, rubric, "vi", dt.date(2026, 2, 5)))
        ids.append(rating.product_id)
    page = tmp_path / "sheets.html"
    page.write_text(printed.document(sheets, "vi"), encoding="utf-8")
    pages = page_texts(print_pdf(page, tmp_path / "sheets.pdf"))
    starts = [n for n, text in enumerate(pages, 1)
              if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text]
    assert len(starts) == 6 and starts[0] == 1, starts  # every sheet begins a page
    counts = dict(zip(ids, runs(starts, len(pages)), strict=True))
    assert all(n <= 2 for n in counts.values()), counts
    firsts = [pages[n - 1] for n in starts]  # each code whole, never broken at its hyphen
    assert [pid for pid, text in zip(ids, firsts, strict=True) if pid not in text] == []


@needs_chromium
def test_the_printed_round_fits_its_page_budget(tmp_path: Path) -> None:
    """Through the CLI: every member's sheet ≤ 2 pages, a summary and the list on one each."""
    sample = SAMPLES / "qn-hl-cha-muc.yaml"
    out = tmp_path / "round.html"
    assert runner.invoke(app, ["rate", str(sample), "-f", "sheets", "-o", str(out)]
                         ).exit_code == 0
    members = out.read_text(encoding="utf-8").count("Người đánh giá: ")
    assert members == 3
    assert pdf_pages(out, tmp_path) <= 2 * members + 2
    listing = tmp_path / "list.html"
    assert runner.invoke(app, ["rate", str(SAMPLES), "-f", "results", "-o", str(listing)]
                         ).exit_code == 0
    assert pdf_pages(listing, tmp_path) <= 3  # 20 products


def test_results_list_proposals(tmp_path: Path) -> None:
    out = tmp_path / "list.html"
    assert runner.invoke(app, ["rate", str(SAMPLES), "-f", "results", "-o", str(out)]
                         ).exit_code == 0
    html = out.read_text(encoding="utf-8")
    first, second, third = (html.index(t) for t in (
        "I. SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN 3 SAO, 4 SAO", "II. SẢN PHẨM ĐẠT TỪ 90 ĐIỂM",
        "III. SẢN PHẨM KHÔNG ĐẠT"))
    assert first < html.index("QN-DH-0017") < second < html.index("QN-HL-0102") < third
    assert third < html.index("QN-CT-0009")  # 2 stars: not recognised


def test_docx_results_list_and_minutes(tmp_path: Path) -> None:
    import docx

    out = tmp_path / "bien-ban.docx"
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "docx", "-o", str(out),
                                 "--date", "2026-02-05"])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    said = "\n".join(paragraphs)
    assert "BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP" in said
    assert "DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP" in said
    assert "ngày 05 tháng 02 năm 2026" in said and "Độc lập - Tự do - Hạnh phúc" in said
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("QN-DH-0017" in c for c in cells) and "86,50" in cells
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert runner.invoke(app, ["rate", str(SAMPLES), "-f", "docx"]).exit_code == 2  # needs -o


def test_xlsx_results_for_people_and_a_machine_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "ket-qua.xlsx"
    assert runner.invoke(app, ["rate", str(SAMPLES), "-f", "xlsx", "-o", str(out)]
                         ).exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames[0] == "Kết quả" and book.sheetnames[-1] == "data"
    assert "Thịt, thủy sản, trứng, sữa tươi" in book.sheetnames  # product sets by name
    people = [[c.value for c in row] for row in book["Kết quả"].iter_rows()]
    head = people[0]
    assert head[:3] == ["Mã sản phẩm", "Tên sản phẩm", "Bộ sản phẩm"]
    goose = next(r for r in people if r[0] == "QN-DH-0017")
    assert goose[head.index("Kết quả")] == "Công nhận"
    assert goose[head.index("Hạng")] == "4 sao"
    assert goose[head.index("Bộ sản phẩm")] == "Thịt, thủy sản, trứng, sữa tươi"
    assert goose[head.index("Cần thảo luận lại")] in ("Có", "Không")  # words, not True
    sheet = book["Kết quả"]
    assert sheet.freeze_panes == "C2"
    total = sheet.cell(row=people.index(goose) + 1, column=head.index("Tổng") + 1)
    assert total.value == 86.5 and total.number_format == "0.00"
    data = [[c.value for c in row] for row in book["data"].iter_rows()]
    assert data[0][:4] == ["product_id", "product_name", "rubric", "A"]
    assert "outcome" in data[0] and "recognised" in data[0]
