"""Files as a Vietnamese office's Excel writes them, through the real CLI (issue 22): a CSV
saved in a Vietnamese region (semicolons), "Unicode Text" (UTF-16, tabs), Excel 97-2003
workbooks, OpenDocument refused with how to save as .xlsx, lock files beside an open
workbook, dates written day first, and facts with a decimal comma or a percent sign.

Every file is written here, as Excel writes it: CRLF line ends, a UTF-8 BOM on "CSV UTF-8",
a UTF-16 LE BOM on Unicode Text; the .xls workbooks with xlwt (a test-only dependency)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import dossier_data, dump

runner = CliRunner()
HEADER = ["Mã SP", "Tên sản phẩm", "Bộ sản phẩm", "Người chấm", "A1", "B1", "C1"]
ROWS = [["VN-1", "Chè Hà Giang", "tiny", "Bà Lan", "h", "c", "c"],
        ["VN-1", "Chè Hà Giang", "tiny", "Ông Sơn", "f", "b", "b"],
        ["VN-2", "Mắm tôm", "tiny", "Bà Lan", "b", "a", "b"]]


def excel_text(rows: list[list[str]], sep: str) -> str:
    """Rows as Excel writes delimited text: CRLF after every record."""
    return "".join(sep.join(r) + "\r\n" for r in rows)


def rate_json(*args: str) -> tuple[int, dict[str, dict[str, Any]], str]:
    result = runner.invoke(app, ["rate", *args, "-f", "json"])
    items = json.loads(result.stdout) if result.stdout.strip() else []
    return result.exit_code, {i["product_id"]: i for i in items}, result.stderr


def rate_said(*args: str) -> tuple[int, str]:
    """Exit code and what the screen says (the results table, then one located line per
    file that could not be rated)."""
    result = runner.invoke(app, ["rate", *args])
    return result.exit_code, result.stdout + result.stderr


def ratings(items: dict[str, dict[str, Any]]) -> dict[str, tuple[Any, Any]]:
    return {pid: (i["total"], i["stars"]) for pid, i in items.items()}


@pytest.fixture
def comma_csv(tmp_path: Path) -> Path:
    path = tmp_path / "reference" / "phieu.csv"
    path.parent.mkdir()
    path.write_text(excel_text([HEADER, *ROWS], ","), encoding="utf-8")
    return path


def test_semicolon_and_unicode_text_rate_like_a_comma_csv(tmp_path: Path, tiny_rules: Path,
                                                          comma_csv: Path) -> None:
    code, want, _ = rate_json(str(comma_csv), "--rules", str(tiny_rules))
    assert code == 0 and set(want) == {"VN-1", "VN-2"}
    semicolons = tmp_path / "vn-excel.csv"   # "CSV UTF-8" on a Vietnamese Windows: ';'
    semicolons.write_bytes(excel_text([HEADER, *ROWS], ";").encode("utf-8-sig"))
    unicode_text = tmp_path / "unicode.txt"  # "Unicode Text": UTF-16 LE with BOM, tabs
    unicode_text.write_bytes(excel_text([HEADER, *ROWS], "\t").encode("utf-16"))
    tabs = tmp_path / "tabs.tsv"
    tabs.write_text(excel_text([HEADER, *ROWS], "\t"), encoding="utf-8")
    quoted = tmp_path / "quoted.csv"         # a ';' inside a quoted name stays in the name
    quoted.write_text(excel_text([HEADER, ['"VN-1"', '"Chè; loại 1"', *ROWS[0][2:]],
                                  ["VN-1", '"Chè; loại 1"', *ROWS[1][2:]], ROWS[2]], ";"),
                      encoding="utf-8")
    for path in (semicolons, unicode_text, tabs, quoted):
        code, got, err = rate_json(str(path), "--rules", str(tiny_rules))
        assert code == 0, (path.name, err)
        assert ratings(got) == ratings(want), path.name
    named = runner.invoke(app, ["rate", str(quoted), "--rules", str(tiny_rules), "-f", "csv"])
    assert "Chè; loại 1" in named.stdout


def test_a_folder_finds_semicolon_sheets_and_skips_lock_and_hidden_files(
        tmp_path: Path, tiny_rules: Path, comma_csv: Path) -> None:
    from openpyxl import Workbook

    folder = tmp_path / "hop-hoi-dong"
    folder.mkdir()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (HEADER, *ROWS):
        sheet.append(row)
    book.save(folder / "phieu.xlsx")
    # Excel's owner file while a member has the workbook open, and LibreOffice's
    (folder / "~$phieu.xlsx").write_bytes(b"\x0bNguyen Lan" + b"\x00" * 150)
    (folder / ".~lock.phieu.xlsx#").write_text(",Lan,may-1,07.12.2026 09:00,\n")
    (folder / ".an.csv").write_text("rác\n", encoding="utf-8")
    code, got, err = rate_json(str(folder), "--rules", str(tiny_rules))
    assert code == 0, err
    assert set(got) == {"VN-1", "VN-2"} and err.strip() == ""
    # the shell's *.xlsx names the lock file too: skipped all the same
    code, got, err = rate_json(str(folder / "phieu.xlsx"), str(folder / "~$phieu.xlsx"),
                               "--rules", str(tiny_rules))
    assert code == 0 and set(got) == {"VN-1", "VN-2"}, err
    code, _, _ = rate_json(str(folder / "*.xlsx"), "--rules", str(tiny_rules))
    assert code == 0


def test_a_lock_file_in_a_round_folder_is_not_a_sheet(tmp_path: Path) -> None:
    from tests.round_factory import make_round

    root = tmp_path / "dot"
    make_round(root)
    before = runner.invoke(app, ["round", "status", str(root), "--lang", "en"])
    (root / "~$member-1.xlsx").write_bytes(b"\x05Lan  " + b"\x00" * 100)
    (root / "~$products.csv").write_bytes(b"\x05Lan  " + b"\x00" * 100)
    after = runner.invoke(app, ["round", "status", str(root), "--lang", "en"])
    assert after.exit_code == before.exit_code and after.stdout == before.stdout
    assert "~$" not in after.stdout + after.stderr, after.stdout + after.stderr


def test_excel_97_workbook_hides_nothing_that_scores(tmp_path: Path, tiny_rules: Path) -> None:
    """What Excel hides in an .xls (a hidden or very hidden score sheet, a hidden row, a
    hidden column) is refused at its sheet and cell, as in an .xlsx; the same workbook with
    nothing hidden is rated, and a hidden guide sheet holds no scores, so it is fine."""
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test extra) writes the .xls here")

    def book_with(hide: str) -> Path:
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("Phiếu chấm")
        for r, row in enumerate([HEADER, *ROWS]):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        second = book.add_sheet("Phiếu 2" if hide.startswith("sheet") else "Hướng dẫn")
        for c, value in enumerate(HEADER if hide.startswith("sheet") else ["Hướng dẫn"]):
            second.write(0, c, value)
        if hide.startswith("sheet"):
            for c, value in enumerate(["VN-9", "Chè", "tiny", "Bà Lan", "h", "c", "c"]):
                second.write(1, c, value)
            second.visibility = 2 if hide == "sheet-very" else 1
        elif hide == "guide":
            second.visibility = 1
        elif hide == "row":
            sheet.row(2).hidden = True     # Ông Sơn's row of VN-1 (sheet row 3)
        elif hide == "column":
            sheet.col(5).hidden = True     # B1, its header first
        path = tmp_path / f"{hide}.xls"
        book.save(str(path))
        return path

    code, got, err = rate_json(str(book_with("nothing")), "--rules", str(tiny_rules))
    assert code == 0 and set(got) == {"VN-1", "VN-2"}, err
    code, got, err = rate_json(str(book_with("guide")), "--rules", str(tiny_rules))
    assert code == 0 and set(got) == {"VN-1", "VN-2"}, err
    for hide, words in [("sheet", "sheet 'Phiếu 2' is hidden"),
                        ("sheet-very", "veryHidden"),
                        ("row", "row 3 of sheet 'Phiếu chấm' (cell A3)"),
                        ("column", "column F of sheet 'Phiếu chấm' (cell F1)")]:
        path = book_with(hide)
        before = path.read_bytes()
        code, said = rate_said(str(path), "--rules", str(tiny_rules), "--lang", "en")
        assert code == 1, (hide, said)
        assert words in said and f"{hide}.xls" in said, (hide, said)
        assert "Traceback" not in said
        assert path.read_bytes() == before


def test_excel_97_workbook_is_read_and_ods_refused_with_how_to_save(
        tmp_path: Path, tiny_rules: Path, comma_csv: Path) -> None:
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test extra) writes the .xls here")
    import datetime as dt

    book = xlwt.Workbook(encoding="utf-8")
    guide = [["Hướng dẫn"], ["Chọn mã phương án"]]
    sheet = book.add_sheet("Phiếu chấm")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    notes = book.add_sheet("Hướng dẫn")   # a guide sheet: no product id column, skipped
    for r, row in enumerate(guide):
        notes.write(r, 0, row[0])
    path = tmp_path / "phieu-2003.xls"
    book.save(str(path))
    code, want, _ = rate_json(str(comma_csv), "--rules", str(tiny_rules))
    code, got, err = rate_json(str(path), "--rules", str(tiny_rules))
    assert code == 0, err
    assert ratings(got) == ratings(want)
    # a member sheet of a round in .xls, with a real date cell and a number cell
    products = tmp_path / "products.xls"
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DS")
    for c, value in enumerate(["product_id", "product_name", "rubric", "ngày", "local_share"]):
        sheet.write(0, c, value)
    style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    sheet.write(1, 0, "VN-9")
    sheet.write(1, 1, "Chè")
    sheet.write(1, 2, "tiny")
    sheet.write(1, 3, dt.date(2026, 2, 5), style)
    sheet.write(1, 4, 0.8)
    book.save(str(products))
    from ocop_rate.loading.raw_sheets import read_raw

    (raw,) = read_raw(products)
    assert raw.headers == ["product_id", "product_name", "rubric", "ngày", "local_share"]
    assert raw.frame.row(0) == ["VN-9", "Chè", "tiny", "2026-02-05T00:00:00", "0.8"]

    ods = tmp_path / "phieu.ods"
    ods.write_bytes(b"PK\x03\x04" + b"\x00" * 64)   # what the name says is enough to refuse
    for lang, words in (("vi", "Lưu thành"), ("en", "Save As")):
        code, err = rate_said(str(ods), "--rules", str(tiny_rules), "--lang", lang)
        assert code == 1 and ".xlsx" in err and words in err and "UTF-8" not in err, err
    renamed = tmp_path / "really-xlsx.xls"
    renamed.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    code, err = rate_said(str(renamed), "--rules", str(tiny_rules), "--lang", "en")
    assert code == 1 and "zip workbook" in err, err


def test_text_that_is_not_utf8_is_named(tmp_path: Path, tiny_rules: Path) -> None:
    ansi = tmp_path / "ansi.csv"           # Excel's plain "CSV" on a Vietnamese Windows
    ansi.write_bytes(excel_text([["product_id", "Tên"], ["VN-1", "Chè"]],
                                ",").encode("cp1258"))
    no_bom = tmp_path / "no-bom.csv"
    no_bom.write_bytes(excel_text([["product_id", "rubric"], ["X-1", "tiny"]],
                                  ",").encode("utf-16-le"))
    xls_as_csv = tmp_path / "book.csv"
    xls_as_csv.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    for path, words in ((ansi, "8-bit code page"), (no_bom, "UTF-16 without its BOM"),
                        (xls_as_csv, "Excel 97-2003 workbook")):
        code, err = rate_said(str(path), "--rules", str(tiny_rules), "--lang", "en")
        assert code == 1 and words in err and "CSV UTF-8" in err, (path.name, err)
    code, err = rate_said(str(ansi), "--rules", str(tiny_rules), "--lang", "vi")
    assert "bảng mã 8 bit" in err and "ansi.csv:1:" in err


def test_facts_with_a_decimal_comma_or_a_percent_sign(tmp_path: Path,
                                                      tiny_rules: Path) -> None:
    """C1 is derived 'c' (35 points) when local_share >= 0.75 (tests/conftest.py)."""
    scores = [{"A1": "h", "B1": "c"}]
    for name, value in (("point", 0.8), ("comma", "0,8"), ("percent", "80%"),
                        ("comma-percent", "80,0 %"), ("below", "74,5%")):
        dump(tmp_path / "d" / f"{name}.yaml",
             dossier_data(scores, pid=name.upper(), facts={"local_share": value}))
    dump(tmp_path / "d" / "words.yaml",
         dossier_data(scores, pid="WORDS", facts={"local_share": "tám mươi phần trăm"}))
    code, got, _ = rate_json(str(tmp_path / "d"), "--rules", str(tiny_rules))
    assert code == 1  # the one in words cannot be rated, and says where and why
    assert got["POINT"]["total"] == 100
    for pid in ("COMMA", "PERCENT", "COMMA-PERCENT"):
        assert ratings({pid: got[pid]}) == {pid: (100, 5)}, pid
    assert got["BELOW"]["total"] < 100                        # 0.745: not derived
    _, said = rate_said(str(tmp_path / "d" / "words.yaml"), "--rules", str(tiny_rules))
    assert "words.yaml:" in said and "local_share" in said and "'tám mươi phần trăm'" in said


def test_a_share_out_of_range_shows_the_number_the_languages_way(tmp_path: Path) -> None:
    from tests.conftest import RULES

    folder = tmp_path / "d"
    bad = dossier_data([{}], pid="X", rubric="food-processed-plant-26",
                       facts={"local_material_share": 62.5})
    dump(folder / "x.yaml", bad)
    _, vi = rate_said(str(folder), "--rules", str(RULES), "--lang", "vi")
    _, en = rate_said(str(folder), "--rules", str(RULES), "--lang", "en")
    assert "62,5" in vi and "0,75 hoặc 75%" in vi, vi
    assert "62.5" in en and "0.75 or 75%" in en, en


def test_product_list_facts_with_a_decimal_comma_and_percent(tmp_path: Path) -> None:
    from ocop_rate.round.products import read_products

    path = tmp_path / "ds.csv"
    path.write_bytes(excel_text([["Mã SP", "Tên SP", "Phiếu", "local_labour_share",
                                  "commune_origin_share"],
                                 ["A-1", "Chè", "tiny", "75%", "0,5"],
                                 ["A-2", "Mắm", "tiny", "1", "có"]], ";").encode("utf-8-sig"))
    listed = read_products(path)
    assert listed.problems == []
    assert listed.products["A-1"].product.facts == {"local_labour_share": 0.75,
                                                    "commune_origin_share": 0.5}
    assert listed.products["A-2"].product.facts == {"local_labour_share": 1,
                                                    "commune_origin_share": True}


# -- dates written day first, on every option and in round.yaml ----------------------------

def test_rate_and_rubrics_dates_day_first(tmp_path: Path, tiny_rules: Path,
                                          comma_csv: Path) -> None:
    out = tmp_path / "phieu.html"
    done = runner.invoke(app, ["rate", str(comma_csv), "--rules", str(tiny_rules), "-f",
                               "sheets", "-o", str(out), "--date", "05/02/2026"])
    assert done.exit_code == 0, done.stderr
    assert "05 tháng 02 năm 2026" in out.read_text(encoding="utf-8")
    iso = tmp_path / "iso.html"
    runner.invoke(app, ["rate", str(comma_csv), "--rules", str(tiny_rules), "-f", "sheets",
                        "-o", str(iso), "--date", "2026-02-05"])
    assert iso.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["rate", str(comma_csv), "--rules", str(tiny_rules), "-f",
                              "sheets", "-o", str(tmp_path / "x.html"), "--date", "30/02/2026",
                              "--lang", "en"])
    assert bad.exit_code == 2 and "--date" in bad.stderr and "dd/mm/yyyy" in bad.stderr
    assert not (tmp_path / "x.html").exists()
    before = runner.invoke(app, ["rubrics", "list", "-f", "json", "--on", "21/05/2026"])
    after = runner.invoke(app, ["rubrics", "list", "-f", "json", "--on", "22/05/2026"])
    assert before.exit_code == after.exit_code == 0
    in_force = {e["id"] for e in json.loads(after.stdout) if e["in_force"]}
    assert in_force - {e["id"] for e in json.loads(before.stdout) if e["in_force"]}
    assert runner.invoke(app, ["rubrics", "list", "--on", "22/13/2026"]).exit_code == 2


def test_round_dates_day_first(tmp_path: Path) -> None:
    from tests.round_factory import make_round

    root = tmp_path / "a"
    make_round(root)
    config = yaml.safe_load((root / "round.yaml").read_text(encoding="utf-8"))
    roster, products = tmp_path / "roster.csv", tmp_path / "products.csv"
    roster.write_text("name,role\nBà Lan,chair\nÔng Sơn,member\n", encoding="utf-8")
    products.write_bytes((root / config.get("products", "products.csv")).read_bytes())
    new = runner.invoke(app, ["round", "new", str(tmp_path / "b"), "--roster", str(roster),
                              "--products", str(products), "--name", "Đợt 1",
                              "--date", "05/02/2026"])
    assert new.exit_code == 0, new.stderr
    written = yaml.safe_load((tmp_path / "b" / "round.yaml").read_text(encoding="utf-8"))
    assert str(written["date"]) == "2026-02-05"
    bad = runner.invoke(app, ["round", "new", str(tmp_path / "c"), "--roster", str(roster),
                              "--products", str(products), "--name", "x", "--date",
                              "5/2/26"])
    assert bad.exit_code == 2 and not (tmp_path / "c").exists()
    text = (root / "round.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("date:")]
    (root / "round.yaml").write_text("date: 06/02/2026\n" + "\n".join(lines) + "\n",
                                     encoding="utf-8")
    status = runner.invoke(app, ["round", "status", str(root), "-f", "json"])
    assert json.loads(status.stdout)["round"]["date"] == "2026-02-06", status.stderr
    (root / "round.yaml").write_text("date: 31/02/2026\n" + "\n".join(lines) + "\n",
                                     encoding="utf-8")
    status = runner.invoke(app, ["round", "status", str(root), "--lang", "en"])
    assert status.exit_code == 2 and "round.yaml:1" in status.stderr
    assert "dd/mm/yyyy" in status.stderr, status.stderr


def test_register_dates_day_first_on_every_option(tmp_path: Path) -> None:
    from tests.register_helpers import register_rows, write_sheet

    db = ("--db", str(tmp_path / "reg.sqlite"))
    seed = write_sheet(tmp_path / "seed.csv", register_rows(3, issued="05/06/2026"))
    assert runner.invoke(app, ["register", "import", str(seed), *db]).exit_code == 0

    def run(*args: str) -> Any:
        return runner.invoke(app, ["register", *args, *db])

    for command in ("list", "due", "expired", "counts"):
        day_first = run(command, "--on", "01/01/2029", "-f", "json")
        iso = run(command, "--on", "2029-01-01", "-f", "json")
        assert day_first.exit_code == iso.exit_code == 0, (command, day_first.stderr)
        assert day_first.stdout == iso.stdout, command
        bad = run(command, "--on", "32/01/2029", "--lang", "en")
        assert bad.exit_code == 2 and "--on" in bad.stderr, (command, bad.stderr)
    assert run("export", str(tmp_path / "x.csv"), "--on", "01/01/2029").exit_code == 0
    assert run("file", "P-000000", "--date", "20/12/2028").exit_code == 0
    assert run("revoke", "P-000001", "--ground", "b", "--decision", "9/QĐ", "--date",
               "05/01/2027", "--authority", "province-chair").exit_code == 0
    listed = {r["product_id"]: r for r in json.loads(run("list", "--all", "-f", "json",
                                                         "--on", "01/01/2029").stdout)}
    assert listed["P-000000"]["filed_on"] == "2028-12-20"
    assert listed["P-000001"]["revoked_on"] == "2027-01-05"


def test_excel_97_workbooks_are_bounded_like_xlsx(tmp_path: Path, tiny_rules: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The .xls reader refuses past the same caps as the XLSX reader, at the sheet's cell,
    and a damaged or oversized file is a located error, never a traceback."""
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test extra) writes the .xls here")
    from ocop_rate.loading import old_workbooks

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Phiếu")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "wide.xls"
    book.save(str(path))
    monkeypatch.setattr(old_workbooks, "MAX_SHEET_COLUMNS", 5)
    code, said = rate_said(str(path), "--rules", str(tiny_rules), "--lang", "en")
    assert code == 1 and "wide.xls" in said and "Phiếu" in said and "5" in said, said
    monkeypatch.undo()
    monkeypatch.setattr(old_workbooks, "MAX_SHEET_CELLS", 20)
    code, said = rate_said(str(path), "--rules", str(tiny_rules), "--lang", "en")
    assert code == 1 and "A1:G4" in said, said
    monkeypatch.undo()
    monkeypatch.setattr(old_workbooks, "MAX_XLS_BYTES", 1024)
    code, said = rate_said(str(path), "--rules", str(tiny_rules), "--lang", "en")
    assert code == 1 and "the limit is 1024" in said, said
    monkeypatch.undo()
    damaged = tmp_path / "damaged.xls"
    damaged.write_bytes(path.read_bytes()[:600])   # cut short: a half-copied file
    code, said = rate_said(str(damaged), "--rules", str(tiny_rules), "--lang", "en")
    assert code == 1 and "damaged.xls: cannot read the workbook" in said, said


# -- one decimal mark per language -----------------------------------------------------------

# points have 2 decimals, shares 1 and a '%'; criterion numbers (5.1, 6.1.1) are neither
POINT_DECIMAL = r"(?<![\w.,/-])\d+\.(?:\d{2}(?![\d.])|\d(?=%))"   # 52.50, 5.0%
COMMA_DECIMAL = r"(?<![\w.,/-])\d+,(?:\d{2}(?![\d,])|\d(?=%))"     # 52,50, 5,0%


@pytest.mark.parametrize("args", [
    ("rate", "--members"), ("summary",), ("rate", "-f", "markdown"), ("summary", "-f",
                                                                      "markdown"),
    ("rate", "-f", "html")], ids=lambda a: " ".join(a))
def test_a_screen_or_document_writes_one_decimal_mark(args: tuple[str, ...]) -> None:
    """Vietnamese writes 52,50 and 5,0%, English 52.50 and 5.0%: never both on one page
    (issue 22: the round's notes said 13,00 under a table of 65.67)."""
    import re

    from tests.conftest import SAMPLES

    command, *options = args
    for lang, own, other in (("vi", COMMA_DECIMAL, POINT_DECIMAL),
                             ("en", POINT_DECIMAL, COMMA_DECIMAL)):
        result = runner.invoke(app, [command, str(SAMPLES), *options, "--lang", lang],
                               env={"COLUMNS": "200"})
        said = result.stdout + result.stderr
        if options[-1:] == ["html"]:
            said = re.sub(r"<style>.*?</style>|<[^>]*>", " ", said, flags=re.S)  # text only
        assert re.search(own, said), (lang, said[:400])
        assert not re.findall(other, said), (lang, re.findall(other, said)[:5])


def test_explain_writes_one_decimal_mark() -> None:
    import re

    from tests.conftest import SAMPLES

    dossier = str(SAMPLES / "qn-bc-tra-hoa-vang.yaml")
    vi = runner.invoke(app, ["explain", dossier, "--lang", "vi"], env={"COLUMNS": "200"})
    en = runner.invoke(app, ["explain", dossier, "--lang", "en"], env={"COLUMNS": "200"})
    assert re.search(COMMA_DECIMAL, vi.stdout) and not re.findall(POINT_DECIMAL, vi.stdout)
    assert re.search(POINT_DECIMAL, en.stdout) and not re.findall(COMMA_DECIMAL, en.stdout)


def test_a_rated_round_writes_one_decimal_mark(tmp_path: Path) -> None:
    """The round's screen: results table, spread warnings and the members' pair notes."""
    import re

    from tests.round_factory import make_round

    root = tmp_path / "dot"
    make_round(root, spread_limit=2)   # every product over the limit: all the notes show
    for lang, own, other in (("vi", COMMA_DECIMAL, POINT_DECIMAL),
                             ("en", POINT_DECIMAL, COMMA_DECIMAL)):
        result = runner.invoke(app, ["rate", str(root), "--lang", lang, "--members"],
                               env={"COLUMNS": "200"})
        said = result.stdout + result.stderr
        assert re.search(own, said) and ("chênh" in said or "spread" in said), said[:300]
        assert not re.findall(other, said), (lang, re.findall(other, said)[:5])
