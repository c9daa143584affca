"""The council's documents, drafted from the README's round: each written by its command,
opened back with python-docx (headings, tables, signature blocks, Vietnamese dates) and,
where LibreOffice is installed, converted to PDF with its pages counted and its Vietnamese
text read back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.round_factory import make_round, run_fill_example

REPO = Path(__file__).resolve().parents[3]
runner = CliRunner()
KINDS = ("minutes", "results", "decision", "notices", "sheets")
MEMBERS = ("Nguyễn Thị Lan", "Hoàng Văn Sơn", "Trần Minh Đức")  # examples/council-round


@pytest.fixture(scope="module")
def readme_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's walk-through round (dot-2): scaffolded, filled, one product re-scored."""
    root = tmp_path_factory.mktemp("readme")
    example = REPO / "examples" / "council-round"
    out = runner.invoke(app, ["round", "new", str(root / "dot-2"), "--roster",
                              str(example / "roster.csv"), "--products",
                              str(example / "products.csv"), "--name", "Đợt 2 năm 2026",
                              "--date", "2026-11-20", "--province", "Quảng Ninh",
                              "--quorum", "2/3"])
    assert out.exit_code == 0, out.output
    run_fill_example(root / "dot-2" / "sheets")
    run_fill_example(root / "dot-2" / "sheets", "--rescore", "QN-DT-0120", "--member",
                     "hoang-van-son", "--set", "C7=d", "--set", "A3.1=c", "--out",
                     root / "dot-2" / "rescore" / "son-2.xlsx")
    return root / "dot-2"


def _draft(folder: Path, kind: str, out: Path, *extra: str) -> object:
    result = runner.invoke(app, ["round", "document", str(folder), kind, "-o", str(out),
                                 *extra])
    return result


def _texts(doc: object) -> list[str]:
    """Every paragraph's text, tables' cells included, in document order."""
    from docx.text.paragraph import Paragraph

    body = doc.element.body  # type: ignore[attr-defined]
    return [Paragraph(node, None).text for node in body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]


def _bold(doc: object, said: str) -> bool:
    return any(run.bold and said in run.text for p in doc.paragraphs  # type: ignore[attr-defined]
               for run in p.runs)


def test_minutes_say_who_sat_each_result_and_the_rescoring(readme_round: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "bien-ban.docx"
    done = _draft(readme_round, "minutes", out)
    assert done.exit_code == 0, done.output  # every place of the README's round is real
    doc = Document(str(out))
    said = _texts(doc)
    header = doc.tables[0]
    left, right = (c.text for c in header.rows[0].cells)
    assert "UBND TỈNH QUẢNG NINH" in left and "HỘI ĐỒNG ĐÁNH GIÁ" in left
    assert "Số: …/BB-HĐOCOP" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Quảng Ninh, ngày 20 tháng 11 năm 2026" in right   # round.yaml's date
    assert _bold(doc, "BIÊN BẢN") and _bold(doc, "II. THÀNH PHẦN")
    assert "Chủ trì: Nguyễn Thị Lan, Chủ tịch Hội đồng." in said
    assert any("3/3 thành viên chấm điểm" in s for s in said)
    assert any("2/3; 4/4 sản phẩm đủ số thành viên" in s for s in said)
    results = doc.tables[1]
    assert [c.text for c in results.rows[0].cells][:2] == ["STT", "Tên sản phẩm (mã)"]
    assert len(results.rows) == 5   # the head and the 4 products
    assert any("Mứt gừng Đông Triều (QN-DT-0120)" in c.text for c in results.columns[1].cells)
    assert any("," in c.text for c in results.columns[4].cells[1:])   # decimal commas
    # the re-scoring after discussion, and its pass count
    assert any("QN-DT-0120" in s and "2 lần chấm" in s for s in said)
    signatures = doc.tables[-1]
    cells = [c.text for c in signatures.rows[0].cells]
    assert "THƯ KÝ HỘI ĐỒNG" in cells[0] and "Bùi Thanh Tâm" in cells[0]
    assert "CHỦ TỊCH HỘI ĐỒNG" in cells[1] and "Nguyễn Thị Lan" in cells[1]
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_decision_leaves_its_number_blank_and_lists_certificates(readme_round: Path,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "quyet-dinh.docx"
    done = _draft(readme_round, "decision", out, "--date", "2026-06-05", "--office",
                  "Sở Nông nghiệp và Môi trường")
    assert done.exit_code == 0, done.output
    doc = Document(str(out))
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert "ỦY BAN NHÂN DÂN" in left and "TỈNH QUẢNG NINH" in left
    assert "Số: …/QĐ-UBND" in left
    assert "Quảng Ninh, ngày 05 tháng 6 năm 2026" in right   # Nghị định 30: no "tháng 06"
    said = _texts(doc)
    assert _bold(doc, "QUYẾT ĐỊNH") and _bold(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH")
    assert any(s.startswith("Điều 1. Công nhận 4 sản phẩm") for s in said)
    assert any(s == "Theo đề nghị của Sở Nông nghiệp và Môi trường." for s in said)
    assert any("Biên bản họp ngày 20 tháng 11 năm 2026" in s for s in said)
    closing = [c.text for c in doc.tables[1].rows[0].cells]
    assert "Nơi nhận:" in closing[0] and "Như Điều 3" in closing[0]
    assert "CHỦ TỊCH" in closing[1]
    annex = doc.tables[2]
    assert "Số giấy chứng nhận" in annex.rows[0].cells[-1].text
    assert [r.cells[-1].text for r in annex.rows[1:]] == ["……"] * 4   # none recorded yet
    assert any("Kèm theo Quyết định số …/QĐ-UBND ngày 05 tháng 6 năm 2026" in s
               for s in said)
    assert any("Phường Hồng Gai, Quảng Ninh" in r.cells[3].text for r in annex.rows[1:])


def test_decision_takes_certificate_numbers_from_the_register(readme_round: Path,
                                                              tmp_path: Path) -> None:
    db = tmp_path / "so.sqlite"
    recorded = runner.invoke(app, ["register", "record", str(readme_round), "--decision",
                                   "3350/QĐ-UBND", "--date", "05/12/2026",
                                   *[f"--cert={pid}=01{i}/GCN-UBND" for i, pid in enumerate(
                                       ("QN-HL-0102", "QN-DT-0120", "QN-VD-0066",
                                        "QN-BL-0031"))], "--db", str(db)])
    assert recorded.exit_code in (0, 1), recorded.output
    counted = runner.invoke(app, ["register", "stats", "-f", "json", "--db", str(db)])
    by_kind: dict[str | None, int] = {}
    for row in json.loads(counted.stdout)["by_producer_kind"]:   # the round list's kinds
        by_kind[row["producer_kind"]] = by_kind.get(row["producer_kind"], 0) + row["issued"]
    assert by_kind == {"cooperative": 2, "household": 1, "company": 1}
    out = tmp_path / "qd.docx"
    done = _draft(readme_round, "decision", out, "--db", str(db))
    assert done.exit_code == 0, done.output
    annex = Document(str(out)).tables[2]
    numbers = {r.cells[1].text: r.cells[-1].text for r in annex.rows[1:]}
    assert numbers["Chả mực Hạ Long (QN-HL-0102)"] == "010/GCN-UBND"
    assert numbers["Miến dong Bình Liêu (QN-BL-0031)"] == "013/GCN-UBND"


def test_notices_go_to_each_producer_and_commune(readme_round: Path, tmp_path: Path) -> None:
    out = tmp_path / "thong-bao.docx"
    assert _draft(readme_round, "notices", out).exit_code == 0
    doc = Document(str(out))
    said = _texts(doc)
    to = [s for s in said if s.startswith("Kính gửi: ")]
    assert len(to) == 8   # 4 producers, 4 communes
    assert "Kính gửi: HTX Thủy sản Hạ Long" in to
    assert "Kính gửi: Ủy ban nhân dân phường Hồng Gai" in to
    assert "Kính gửi: Ủy ban nhân dân đặc khu Vân Đồn" in to
    assert sum(1 for s in said if s == "THÔNG BÁO") == 8
    assert any("Điều 7 khoản 3 điểm g" in s for s in said)


def test_member_sheets_each_with_the_members_name_under_a_signature(readme_round: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "phieu.docx"
    assert _draft(readme_round, "sheets", out).exit_code == 0
    doc = Document(str(out))
    said = _texts(doc)
    assert sum(1 for s in said if s == "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP") == 12  # 3 × 4
    for member in MEMBERS:
        assert sum(1 for s in said if s == f"Người đánh giá: {member}") == 4
    blocks = [t for t in doc.tables if "NGƯỜI ĐÁNH GIÁ" in t.rows[0].cells[-1].text]
    assert len(blocks) == 12
    assert {b.rows[0].cells[-1].paragraphs[-1].text for b in blocks} == set(MEMBERS)
    assert all("(Ký và ghi rõ họ tên)" in b.rows[0].cells[-1].text for b in blocks)
    grids = [t for t in doc.tables if t.rows[0].cells[0].text == "Các tiêu chí"]
    assert len(grids) == 12 and grids[0].rows[-1].cells[0].text == "TỔNG CỘNG"


def test_proposal_needs_a_product_of_90_and_lists_it(readme_round: Path,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "de-nghi.docx"
    nothing = _draft(readme_round, "proposal", out)
    assert nothing.exit_code == 1 and not out.exists()   # no product of 90 in dot-2
    assert "không có sản phẩm nào đạt từ 90 điểm" in nothing.stderr
    other = tmp_path / "other"
    make_round(other, products=12, members=5)   # QN-UB-0009 scores 93.8 there
    done = _draft(other, "proposal", out)
    assert done.exit_code == 1, done.output   # rated, written; its communes are not real
    assert "Yên Thanh" in done.stderr and out.exists()
    doc = Document(str(out))
    left = doc.tables[0].rows[0].cells[0].text
    assert "V/v đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao" in left
    assert "Kính gửi: Bộ Nông nghiệp và Môi trường" in _texts(doc)
    rows = doc.tables[1].rows[1:]
    assert [r.cells[1].text for r in rows] == ["Sản phẩm 9 (QN-UB-0009)"]
    assert rows[0].cells[-1].text == "93,80"
    closing = doc.tables[2].rows[0].cells[1].text
    assert "TM. ỦY BAN NHÂN DÂN" in closing and "CHỦ TỊCH" in closing


def test_a_document_is_docx_and_never_lands_on_an_input(readme_round: Path,
                                                        tmp_path: Path) -> None:
    bad = _draft(readme_round, "minutes", tmp_path / "bien-ban.pdf")
    assert bad.exit_code == 2 and "docx" in bad.stderr
    before = (readme_round / "products.csv").read_bytes()
    onto = _draft(readme_round, "minutes", readme_round / "round.yaml")
    assert onto.exit_code == 2 and (readme_round / "products.csv").read_bytes() == before


def test_english_documents(readme_round: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    assert _draft(readme_round, "minutes", out, "--lang", "en").exit_code == 0
    said = _texts(Document(str(out)))
    assert "MINUTES" in said and any("20 November 2026" in s for s in said)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_every_document_opens_in_libreoffice(readme_round: Path, tmp_path: Path) -> None:
    """Each document converted to PDF by LibreOffice (headless), its pages counted, and its
    Vietnamese words found in the PDF's text. Skipped where LibreOffice is not installed
    (CI does not install it: it is large); `apt-get install libreoffice-writer` to run."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    files = []
    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        assert _draft(readme_round, kind, out).exit_code == 0
        files.append(out)
    make_round(tmp_path / "other", products=12, members=5)   # one product of 90 or more
    files.append(tmp_path / "proposal.docx")
    assert _draft(tmp_path / "other", "proposal", files[-1]).exit_code == 1   # "Yên Thanh"
    profile = tmp_path / "lo-profile"
    done = subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                           *map(str, files)], capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    pages = {kind: _pages((tmp_path / "pdf" / f"{kind}.pdf").read_bytes())
             for kind in (*KINDS, "proposal")}
    assert pages["notices"] >= 8 and pages["sheets"] >= 12   # each starts a page
    assert all(1 <= count <= 40 for count in pages.values()), pages
    totext = shutil.which("pdftotext")
    for kind, words in (("minutes", "BIÊN BẢN"), ("decision", "Điều 1. Công nhận"),
                        ("notices", "Kính gửi: Ủy ban nhân dân phường Hồng Gai"),
                        ("sheets", "Người đánh giá: Hoàng Văn Sơn"),
                        ("results", "Mứt gừng Đông Triều"),
                        ("proposal", "Kính gửi: Bộ Nông nghiệp và Môi trường")):
        pdf = tmp_path / "pdf" / f"{kind}.pdf"
        if totext is not None:
            said = subprocess.run([totext, str(pdf), "-"], capture_output=True,
                                  check=True).stdout.decode("utf-8")
        else:  # LibreOffice's own text of the document it read
            subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                            str(tmp_path / "txt"), str(tmp_path / f"{kind}.docx")],
                           capture_output=True, timeout=120, check=True)
            said = (tmp_path / "txt" / f"{kind}.txt").read_text(encoding="utf-8-sig")
        assert words in " ".join(said.split()), (kind, said[:500])
    assert "Times New Roman" in zipfile.ZipFile(files[0]).read("word/styles.xml").decode()


def test_a_central_round_has_no_provincial_papers(tmp_path: Path) -> None:
    """The decision, notices and the 5-star letter are the province's (Điều 7.3.đ, e, g);
    a central council's round gets its minutes, results and sheets only."""
    make_round(tmp_path / "tw", products=3, members=3, level="central")
    refused = _draft(tmp_path / "tw", "decision", tmp_path / "qd.docx")
    assert refused.exit_code == 2 and not (tmp_path / "qd.docx").exists()
    assert "cấp tỉnh" in refused.stderr
    minutes = tmp_path / "bb.docx"
    assert _draft(tmp_path / "tw", "minutes", minutes).exit_code == 1   # "Yên Thanh"
    assert "cấp trung ương" in " ".join(_texts(Document(str(minutes))))
