"""What a secretary prints, counted in A4 pages by headless Chromium (tests/pdf_print.py):

- the HTML report (`rate -f html`): each product's score sheet starts a page and fills one,
  two at most when its notes are long;
- the printed documents (`rate -f sheets`): each member's sheet at most two pages, the
  council's summary one, for every sample product.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import SAMPLES
from tests.pdf_print import needs_chromium, page_texts, print_pdf, runs

runner = CliRunner()


def _sheet_pages(html: Path, tmp_path: Path, heading: str) -> dict[str, int]:
    """Pages per product's score sheet: a sheet runs from the page whose text carries
    ``heading: ID`` to the page before the next one (or the end)."""
    pages = page_texts(print_pdf(html, tmp_path / f"{html.stem}.pdf"))
    starts: list[tuple[int, str]] = []
    for number, page in enumerate(pages, 1):
        found = re.search(rf"{re.escape(heading)}: (\S+)", page)
        if found:
            starts.append((number, found.group(1)))
    counts = runs([n for n, _ in starts], len(pages))
    return {pid: count for (_, pid), count in zip(starts, counts, strict=True)}


@needs_chromium
def test_html_report_prints_one_page_per_product(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ids = re.findall(r'<section class="sheet" id="p-([^"]+)"', out.read_text(encoding="utf-8"))
    assert len(ids) == 20
    pages = _sheet_pages(out, tmp_path, "Phiếu chấm")
    assert sorted(pages) == sorted(ids), pages  # every sheet starts a page of its own
    assert pages == dict.fromkeys(ids, 1), pages
    printed = page_texts(tmp_path / "report.pdf")  # summary and results, then the sheets
    results = " ".join(printed[:len(printed) - sum(pages.values())])
    assert [pid for pid in ids if pid not in results] == []  # no code broken at its hyphen


@needs_chromium
def test_html_report_in_english_prints_one_page_per_product(tmp_path: Path) -> None:
    out = tmp_path / "report-en.html"
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "html", "-o", str(out),
                                 "--lang", "en"])
    assert result.exit_code == 0, result.output
    pages = _sheet_pages(out, tmp_path, "Score sheet")
    assert len(pages) == 20 and set(pages.values()) == {1}, pages


@needs_chromium
def test_long_notes_and_seven_members_take_two_pages_at_most(tmp_path: Path) -> None:
    """Seven members; three of them wrote a long note of their own on ten criteria."""
    dossier = yaml.safe_load((SAMPLES / "qn-hl-cha-muc.yaml").read_text(encoding="utf-8"))
    scores = dossier["council"][0]["scores"]
    remark = ("Đã xem hồ sơ, mẫu sản phẩm và biên bản kiểm tra thực tế tại cơ sở; đề nghị "
              "chủ thể bổ sung minh chứng về hợp đồng liên kết và kế hoạch mở rộng thị trường.")
    dossier["council"] = [
        {"member": f"Thành viên hội đồng số {n} (Sở Nông nghiệp và Môi trường)",
         "scores": scores,
         "notes": {cid: f"{remark} ({n})" for cid in list(scores)[:10]} if n <= 3 else {}}
        for n in range(1, 8)]
    path = tmp_path / "long-notes.yaml"
    path.write_text(yaml.safe_dump(dossier, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "long-notes.html"
    result = runner.invoke(app, ["rate", str(path), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = _sheet_pages(out, tmp_path, "Phiếu chấm")
    assert list(pages) == ["QN-HL-0102"] and pages["QN-HL-0102"] == 2, pages


@needs_chromium
def test_printed_documents_keep_their_page_budget(tmp_path: Path) -> None:
    """`-f sheets` of all sample products: every document begins with the national motto;
    a member's sheet takes at most two pages, the council's summary one, the list three."""
    out = tmp_path / "phieu.html"
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "sheets", "-o", str(out),
                                 "--date", "2026-02-05"])
    assert result.exit_code == 0, result.output
    pages = page_texts(print_pdf(out, tmp_path / "phieu.pdf"))
    starts = [n for n, page in enumerate(pages, 1)
              if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page]
    kinds = ["summary" if "BẢNG TỔNG HỢP" in pages[n - 1] else
             "list" if "DANH SÁCH" in pages[n - 1] else "member" for n in starts]
    counts = list(zip(kinds, runs(starts, len(pages)), strict=True))
    assert kinds.count("summary") == 20 and kinds.count("list") == 1
    assert kinds.count("member") == out.read_text(encoding="utf-8").count("Người đánh giá: ")
    assert all(n <= 2 for kind, n in counts if kind == "member"), counts
    assert all(n == 1 for kind, n in counts if kind == "summary"), counts
    assert next(n for kind, n in counts if kind == "list") <= 3, counts
    listed = " ".join(pages[starts[kinds.index("list")] - 1:])
    html = out.read_text(encoding="utf-8")
    ids = re.findall(r'<td><span class="id">([^<]+)</span>', html)  # the list's rows
    assert len(ids) == 20
    sheets = re.findall(r'Mã số sản phẩm: <span class="id">([^<]+)</span>', html)
    assert set(sheets) == set(ids)  # the code kept whole on every member's and summary sheet
    assert [pid for pid in ids if pid not in listed] == []  # no code broken at its hyphen
