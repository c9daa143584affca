"""The certificate register through the real CLI, on real database files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.register_helpers import (
    as_json,
    cli,
    product,
    register_rows,
    write_round,
    write_sheet,
)

DEC = ("--decision", "1520/QĐ-UBND", "--date", "05/06/2026")


def test_record_a_round_certificates_queue_and_ministry_result(tmp_path: Path) -> None:
    results = write_round(tmp_path / "round.json", [
        product("A", 4), product("B", 3), product("C", 5, recognised=True), product("D", 2),
        product("E", None, recognised=False)])
    out = cli("register", "record", results, *DEC, "--cert", "A=001/GCN",
              "--cert", "B=002/GCN@06/06/2026")
    assert (tmp_path / "ocop-register.sqlite").exists()        # beside the round
    assert "5 kết quả không có trường 'outcome'" in out.stderr  # derived, and said so
    assert "2 giấy chứng nhận, 1 sản phẩm đề nghị" in out.stderr
    db = ("--db", tmp_path / "ocop-register.sqlite")
    listed = {r["product_id"]: r for r in as_json("register", "list", *db, "--on", "2026-07-01")}
    assert set(listed) == {"A", "B"}
    assert listed["A"]["expires_on"] == "2029-06-05" and listed["A"]["status"] == "valid"
    assert listed["B"]["issued_on"] == "2026-06-06" and listed["B"]["expires_on"] == "2029-06-06"
    assert listed["A"]["authority"] == "province-chair"
    assert [q["product_id"] for q in as_json("register", "queue", *db)] == ["C"]
    # the Ministry recognises C at 5 stars (Điều 7.4.e)
    cli("register", "result", "C", "--stars", "5", "--decision", "88/QĐ-BNNMT",
        "--date", "20/09/2026", "--cert", "5S-01", "--total", "91.5", *db)  # day first
    c = {r["product_id"]: r for r in as_json("register", "list", *db)}["C"]
    assert (c["stars"], c["authority"], c["expires_on"]) == (5, "minister", "2029-09-20")
    assert as_json("register", "queue", *db) == []
    events = as_json("register", "history", "C", *db)["events"]
    assert [(e["event"], e["outcome"]) for e in events] == [
        ("rating", "proposed-5-star"), ("proposal", "recognised"), ("rating", "recognised"),
        ("certificate", None)]


def test_returned_proposal_recognised_by_the_province(tmp_path: Path) -> None:
    results = write_round(tmp_path / "r.json", [product("F", 5, outcome="proposed-5-star")])
    db = ("--db", tmp_path / "reg.sqlite")
    out = cli("register", "record", results, *DEC, *db)
    assert "outcome" not in out.stderr.split("\n")[0]            # outcome given: not derived
    cli("register", "result", "F", "--stars", "4", "--decision", "88/QĐ-BNNMT", "--date",
        "2026-09-20", "--authority", "minister", "--cert", "X", *db, code=2)  # Điều 7.4.g
    cli("register", "result", "F", "--stars", "4", "--decision", "2001/QĐ-UBND", "--date",
        "2026-10-01", "--cert", "004/GCN", "--issued", "01/10/2026", *db)
    f = as_json("register", "list", *db)[0]
    assert (f["stars"], f["authority"], f["decision"]) == (4, "province-chair", "2001/QĐ-UBND")


def test_record_refuses_and_writes_nothing(tmp_path: Path) -> None:
    db = ("--db", tmp_path / "reg.sqlite")
    results = write_round(tmp_path / "r.json", [product("A", 4), product("B", 3)])
    missing = cli("register", "record", results, *DEC, "--cert", "A=1", *db, code=2)
    assert "B được công nhận nhưng chưa có số giấy chứng nhận" in missing.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []  # a refused first record leaves no file
    wrong = cli("register", "record", results, *DEC, "--cert", "A=1", "--cert", "B=2",
                "--authority", "minister", "--lang", "en", *db, code=2)
    assert "4 stars are recognised by province-chair" in wrong.stderr
    cli("register", "record", results, *DEC, "--cert", "A=1", "--cert", "B=2", *db)
    again = cli("register", "record", results, *DEC, "--cert", "A=3", "--cert", "B=4", *db,
                code=2)
    assert "đã được ghi theo quyết định 1520/QĐ-UBND" in again.stderr
    other = write_round(tmp_path / "o.json", [product("Z", 3)])
    taken = cli("register", "record", other, "--decision", "9/QĐ", "--date", "2026-07-01",
                "--cert", "Z=1", *db, code=2)
    assert "số giấy chứng nhận 1 đã dùng cho A" in taken.stderr
    bad = cli("register", "record", write_round(tmp_path / "b.json", [{"product_id": "x y",
                                                                      "stars": 9}]),
              *DEC, *db, code=2)
    assert "[0].product_id" in bad.stderr and "[0].stars" in bad.stderr
    assert len(as_json("register", "list", *db)) == 2


def _seed(tmp_path: Path, issued: str = "2026-05-31", n: int = 1) -> tuple[str, Path]:
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "seed.csv",
                                          register_rows(n, issued=issued)), "--db", db)
    return "--db", db


@pytest.mark.parametrize(("on", "within", "state"), [
    ("2028-11-30", 1, None), ("2028-12-01", 0, None), ("2028-12-01", 1, "opening"),
    ("2028-12-02", 0, "open"), ("2029-01-31", 0, "open"), ("2029-02-01", 0, "closed-unfiled"),
    ("2029-05-31", 0, "closed-unfiled"), ("2029-06-01", 90, None)])
def test_due_at_the_window_edges(tmp_path: Path, on: str, within: int, state: str | None
                                 ) -> None:
    db = _seed(tmp_path)                  # issued 31/05/2026: expires 31/05/2029
    found = as_json("register", "due", "--on", on, "--within", str(within), *db)
    assert [d["state"] for d in found] == ([state] if state else [])
    if state:
        assert (found[0]["window_opens"], found[0]["window_closes"]) == ("2028-12-02",
                                                                         "2029-01-31")


def test_due_table_in_vietnamese_dates(tmp_path: Path) -> None:
    db = _seed(tmp_path)
    out = cli("register", "due", "--on", "15/12/2028", *db).stdout
    assert "15/12/2028" in out and "02/12/2028 – 31/01/2029" in out and "đang mở" in out
    assert "2028-12-15 " not in out
    en = cli("register", "due", "--on", "15/12/2028", "--lang", "en", *db).stdout
    assert "2028-12-02 – 2029-01-31" in en


def test_late_filer_runs_on_180_days_then_expires(tmp_path: Path) -> None:
    db = _seed(tmp_path)
    late = cli("register", "file", "P-000000", "--date", "01/02/2029", *db, code=1)
    assert "Điều 12.3" in late.stderr and "27/11/2029" in late.stderr
    assert as_json("register", "due", "--on", "2029-02-02", *db) == []      # filed: not due
    assert as_json("register", "expired", "--on", "2029-11-27", *db)[0]["status"] == "extended"
    gone = as_json("register", "expired", "--on", "2029-11-28", *db)[0]
    assert gone["status"] == "expired" and gone["status_until"] == "2029-05-31"
    cli("register", "file", "P-000000", "--date", "02/02/2029", *db, code=2)   # filed once


def test_early_and_timely_filings(tmp_path: Path) -> None:
    db = _seed(tmp_path, n=2)
    early = cli("register", "file", "P-000000", "--date", "2028-12-01", "--lang", "en", *db,
                code=1)
    assert "earlier than 180 days" in early.stderr
    cli("register", "file", "P000001/GCN", "--date", "2028-12-02", *db)       # by certificate
    assert as_json("register", "expired", "--on", "2029-06-01", *db)[0]["status"] == "expired"


def test_re_evaluation_and_upgrade_are_told_apart(tmp_path: Path) -> None:
    db = _seed(tmp_path, n=2)             # P-000000 3★, P-000001 4★, expire 31/05/2029
    cli("register", "file", "P-000000", "--date", "2029-01-10", *db)
    upgrade = write_round(tmp_path / "u.json", [product("P-000001", 4)])
    flat = cli("register", "record", upgrade, "--decision", "7/QĐ-UBND", "--date",
               "2027-03-01", *db)           # an upgrade rated 4 again: no certificate needed
    assert "không cao hơn hạng 4 sao" in flat.stderr
    again = write_round(tmp_path / "r.json", [product("P-000000", 4)])
    cli("register", "record", again, "--decision", "30/QĐ-UBND", "--date", "2029-02-20",
        "--cert", "P-000000=030/GCN", *db)
    kinds = [(e["event"], e["kind"]) for e in
             as_json("register", "history", "P-000000", *db)["events"]]
    assert ("rating", "re-evaluation") in kinds and kinds.count(("certificate", None)) == 2
    assert [e["kind"] for e in as_json("register", "history", "P-000001", *db)["events"]
            if e["event"] == "rating"] == ["upgrade"]
    every = {(r["certificate"], r["status"]) for r in
             as_json("register", "list", "--all", "--on", "2029-03-01", *db)}
    assert ("P000000/GCN", "superseded") in every and ("030/GCN", "valid") in every


def test_rate_with_a_register_shows_kind_and_flags(tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite"
    write_sheet(tmp_path / "r.csv", [["QN-BC-0021", "Trà hoa vàng", "Quảng Ninh", "Ba Chẽ",
                                      "food", 4, "002/GCN", "2025-01-10", "2028-01-10",
                                      "1/QĐ"]])
    cli("register", "import", tmp_path / "r.csv", "--db", db)
    out = cli("rate", SAMPLES / "qn-bc-tra-hoa-vang.yaml", SAMPLES / "qn-dh-ngong-sao.yaml",
              "--register", db, "-f", "json")
    json.loads(out.stdout)                              # stdout stays the contract's JSON
    assert "QN-BC-0021: nâng hạng; hạng trước 4★ (002/GCN)" in out.stderr
    assert "⚠ nâng hạng nhưng 4 sao không cao hơn 4 sao" in out.stderr
    assert "QN-DH-0017: lần đầu; hạng trước không có" in out.stderr


def test_revocation_checks_the_authority(tmp_path: Path) -> None:
    db = _seed(tmp_path, n=2)
    rev = ("--decision", "55/QĐ-UBND", "--date", "2027-04-20")
    wrong = cli("register", "revoke", "P-000001", "--ground", "c", *rev, "--authority",
                "minister", *db, code=2)
    assert "Điều 8.2" in wrong.stderr
    cli("register", "revoke", "P-000001", "--ground", "f", *rev, "--authority",
        "province-chair", *db, code=2)
    late = cli("register", "revoke", "P-000001", "--ground", "dd", *rev, "--authority",
               "province-chair", "--concluded", "01/04/2027", *db)
    assert "19 ngày" in late.stderr and "Điều 8.4" in late.stderr
    cli("register", "revoke", "P000001/GCN", "--ground", "a", *rev, "--authority",
        "province-chair", *db, code=2)                   # already revoked
    row = as_json("register", "list", "--status", "revoked", "--on", "2027-05-01", *db)[0]
    assert (row["product_id"], row["ground"], row["revoked_on"]) == ("P-000001", "đ",
                                                                     "2027-04-20")
    assert as_json("register", "list", "--status", "valid", "--on", "2027-04-19", *db)[-1][
        "product_id"] == "P-000001"                      # valid the day before


def test_list_filters_and_guarded_exports(tmp_path: Path) -> None:
    rows = register_rows(6)
    rows[0][1] = '=HYPERLINK("http://x","y")'
    rows[1][3] = "+cmd"
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "r.csv", rows), "--db", db)
    opt = ("--db", db)
    assert {r["province"] for r in as_json("register", "list", "--province", "LÀO CAI", *opt)
            } == {"Lào Cai"}
    assert len(as_json("register", "list", "--stars", "4", *opt)) == 3
    assert len(as_json("register", "list", "--commune", "xã 2", *opt)) == 1
    assert len(as_json("register", "list", "--group", "food", *opt)) == 6
    assert as_json("register", "list", "--group", "drinks", *opt) == []
    assert as_json("register", "list", "-g", "food", *opt) == as_json(   # as rubrics list
        "register", "list", "--group", "food", *opt)
    text = cli("register", "list", "-f", "csv", *opt).stdout
    cells = list(csv.reader(io.StringIO(text)))
    assert cells[0][:3] == ["Mã sản phẩm", "Tên sản phẩm", "Tỉnh"]  # vi: Vietnamese headers
    flat = [c for row in cells for c in row]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in flat and "'+cmd" in flat
    assert "05/06/2026" in flat                           # vi: day first
    cli("register", "list", "-f", "xlsx", *opt, code=2)   # a workbook needs --output
    cli("register", "list", "-f", "xlsx", "-o", tmp_path / "l.xlsx", *opt)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "l.xlsx").active
    assert sheet is not None
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in values and not any(
        isinstance(v, str) and v.startswith("=") for v in values)
    before = db.read_bytes()
    cli("register", "list", "-f", "csv", "-o", db, *opt, code=2)   # never over the register
    assert db.read_bytes() == before


def test_import_is_all_or_nothing_and_located(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã sản phẩm", "Tên sản phẩm", "Hạng sao", "Số giấy chứng nhận",
                  "Ngày cấp", "Số quyết định", "Ngày hết hạn"])
    sheet.append(["A-1", "Mắm", 4, "G1", "05/06/2026", "1/QĐ", None])
    sheet.append(["A-2", "Chè", 7, "G2", "2026-06-05", "1/QĐ", None])        # F? no: C3
    sheet.append(["A-3", "Gà", 3, "G1", "31/02/2026", "1/QĐ", None])         # repeat, bad date
    sheet.append(["A-4", "Hàu", 3, "G4", "2026-06-05", "1/QĐ", "2028-06-05"])  # not 36 months
    sheet.append(["A-5", "Sá sùng", 4, "G5", "2024-03-01", "1/QĐ", "2027-01-15"])  # Điều 12.1
    book.save(tmp_path / "old.xlsx")
    db = ("--db", tmp_path / "reg.sqlite")
    out = cli("register", "import", tmp_path / "old.xlsx", *db, code=2)
    assert "Sheet!C3" in out.stderr and "hạng '7'" in out.stderr
    assert "Sheet!D4" in out.stderr and "đã có ở dòng 2" in out.stderr
    assert "Sheet!E4" in out.stderr and "'31/02/2026' không phải ngày" in out.stderr
    assert "Sheet!G5" in out.stderr and "05/06/2029" in out.stderr and "Điều 4.3" in out.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []                  # nothing written
    part = cli("register", "import", tmp_path / "old.xlsx", "--partial", *db, code=1)
    assert "đã nhập 2 trong 5 dòng" in part.stderr
    kept = {r["product_id"]: r for r in as_json("register", "list", *db)}
    assert set(kept) == {"A-1", "A-5"}
    assert (kept["A-5"]["expires_on"], kept["A-5"]["term_source"]) == ("2027-01-15",
                                                                       "decision")
    unknown = write_sheet(tmp_path / "u.csv", [["A", 3]], ["product_id", "colour"])
    bad = cli("register", "import", unknown, *db, "--lang", "en", code=2)
    assert "unknown column 'colour'" in bad.stderr and "no 'certificate' column" in bad.stderr


def test_export_imports_back(tmp_path: Path) -> None:
    rows = register_rows(5, issued="2026-05-31")
    rows[0][1] = "=1+2 (tên lạ)"
    db = ("--db", tmp_path / "reg.sqlite")
    cli("register", "import", write_sheet(tmp_path / "seed.csv", rows), *db)
    cli("register", "revoke", "P-000002", "--ground", "b", "--decision", "9/QĐ", "--date",
        "2027-01-05", "--authority", "province-chair", *db)
    cli("register", "file", "P-000003", "--date", "2028-12-20", *db)
    for suffix, lang in ((".xlsx", "vi"), (".csv", "vi"), (".xlsx", "en"), (".csv", "en")):
        out = tmp_path / f"export-{lang}{suffix}"
        said = cli("register", "export", out, *db, "--lang", lang).stderr
        assert ("đã xuất 5 giấy chứng nhận" if lang == "vi" else "5") in said
        copy = ("--db", tmp_path / f"copy-{lang}{suffix}.sqlite")
        cli("register", "import", out, *copy)          # its own export, either language
        for on in ("2027-06-01", "2029-02-01"):
            assert as_json("register", "list", "--all", "--on", on, *copy) == \
                as_json("register", "list", "--all", "--on", on, *db)
    cli("register", "export", tmp_path / "x.txt", *db, code=2)


def test_exports_speak_the_users_language(tmp_path: Path) -> None:
    """A CSV or workbook a person opens carries their language's headers and words (issue
    22); JSON keeps the contract's codes."""
    from openpyxl import load_workbook

    db = ("--db", tmp_path / "reg.sqlite")
    cli("register", "import", write_sheet(tmp_path / "seed.csv", register_rows(2)), *db)
    vi_csv, en_csv = (tmp_path / "vi.csv", tmp_path / "en.csv")
    cli("register", "export", vi_csv, *db, "--lang", "vi")
    cli("register", "export", en_csv, *db, "--lang", "en")
    vi = list(csv.reader(io.StringIO(vi_csv.read_text(encoding="utf-8-sig"))))
    en = list(csv.reader(io.StringIO(en_csv.read_text(encoding="utf-8-sig"))))
    for rows, words in ((vi, ("Mã sản phẩm", "Ngày cấp", "Thẩm quyền", "Tình trạng",
                               "còn hiệu lực", "Chủ tịch UBND cấp tỉnh",
                               "36 tháng (Điều 4.3)")),
                        (en, ("Product ID", "Issued on", "Authority", "Status", "valid",
                              "provincial People's Committee chair",
                              "36 months (Art. 4.3)"))):
        flat = {c for row in rows for c in row}
        assert set(words) <= flat, words
        assert not {"product_id", "issued_on", "valid", "36-months", "province-chair"} & (
            flat - {"valid"} if rows is en else flat)
    book = tmp_path / "vi.xlsx"
    cli("register", "export", book, *db, "--lang", "vi")
    sheet = load_workbook(book).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][:2] == ["Mã sản phẩm", "Tên sản phẩm"]
    assert "còn hiệu lực" in [c.value for c in sheet[2]]
    data = json.loads(cli("register", "list", "-f", "json", *db, "--lang", "vi").stdout)
    assert {data[0]["status"], data[0]["authority"], data[0]["term_source"]} == {
        "valid", "province-chair", "36-months"}


def test_counts_by_year_province_class(tmp_path: Path) -> None:
    db = _seed(tmp_path, n=4)
    got = as_json("register", "counts", "--on", "2027-01-01", *db)
    assert {(c["province"], c["stars"], c["issued"], c["valid"]) for c in got} == {
        ("Lào Cai", 3, 2, 2), ("Quảng Ninh", 4, 2, 2)}
    assert {c["year"] for c in got} == {2026}


def test_rate_flags_a_re_evaluation_filed_outside_its_window(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from ocop_rate.register import rules
    from ocop_rate.register.dates import add_months

    expires = date.today() + timedelta(days=150)        # today is inside its window
    issued = add_months(expires, -36)
    while rules.expiry(issued) != expires:               # (a 29 Feb would shift it)
        issued += timedelta(days=1)
        expires = rules.expiry(issued)
    db = tmp_path / "reg.sqlite"
    write_sheet(tmp_path / "r.csv", [["QN-DH-0017", "Ngỗng", "Quảng Ninh", "Quảng Tân",
                                      "food", 4, "9/GCN", issued.isoformat(), "", "1/QĐ"]])
    cli("register", "import", tmp_path / "r.csv", "--db", db)
    early = rules.window(expires).opens - timedelta(days=5)
    cli("register", "file", "QN-DH-0017", "--date", early.isoformat(), "--db", db, code=1)
    out = cli("rate", SAMPLES / "qn-dh-ngong-sao.yaml", "--register", db, "--lang", "en")
    assert "QN-DH-0017: re-evaluation; previous class 4★ (9/GCN)" in out.stderr
    assert f"re-evaluation filed {early.isoformat()}, outside the window" in out.stderr


def test_certificate_numbers_from_a_sheet(tmp_path: Path) -> None:
    results = write_round(tmp_path / "r.json", [product("A", 4), product("B", 3)])
    numbers = write_sheet(tmp_path / "so-gcn.csv", [["A", "11/GCN", "07/06/2026"],
                                                    ["B", "12/GCN", ""]],
                          ["Mã sản phẩm", "Số giấy chứng nhận", "Ngày cấp"])
    db = ("--db", tmp_path / "reg.sqlite")
    cli("register", "record", results, *DEC, "--certificates", numbers, *db)
    got = {r["product_id"]: (r["certificate"], r["issued_on"])
           for r in as_json("register", "list", *db)}
    assert got == {"A": ("11/GCN", "2026-06-07"), "B": ("12/GCN", "2026-06-05")}
    bad = write_sheet(tmp_path / "bad.csv", [["C", "", "x"]], ["product_id", "certificate",
                                                              "issued_on"])
    out = cli("register", "record", write_round(tmp_path / "c.json", [product("C", 3)]),
              *DEC, "--certificates", bad, *db, code=2)
    assert "bad.csv:2:2: certificate" in out.stderr and "bad.csv:2:3: issued_on" in out.stderr


def test_the_register_is_found_by_environment(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("OCOP_REGISTER", str(db))
    cli("register", "import", write_sheet(tmp_path / "r.csv", register_rows(3)))
    assert db.exists() and len(as_json("register", "list")) == 3
    out = cli("register", "revoke", "P-000001", "--ground", "a", "--decision", "7/QĐ-UBND",
              "--date", "05/02/2027", "--authority", "province-chair")
    assert "theo Quyết định số 7/QĐ-UBND ngày 05 tháng 02 năm 2027" in out.stderr


def test_one_product_whatever_the_case_or_dashes_of_its_id(tmp_path: Path) -> None:
    db = ("--db", tmp_path / "reg.sqlite")
    write_sheet(tmp_path / "old.csv", [["qn-vd-0066", "Nước mắm", "Quảng Ninh", "Vân Đồn",
                                        "food", 3, "0412/GCN", "2023-08-20", "2026-08-20",
                                        "1/QĐ"]])
    cli("register", "import", tmp_path / "old.csv", *db)
    cli("register", "file", "QN\u2011VD\u20110066", "--date", "2026-03-10", *db)
    results = write_round(tmp_path / "r.json", [product("QN-VD-0066", 4)])
    cli("register", "record", results, "--decision", "5/QĐ", "--date", "2026-06-20",
        "--cert", "QN-VD-0066=1101/GCN", *db)
    events = as_json("register", "history", "QN-VD-0066", *db)
    assert events["product_id"] == "qn-vd-0066"          # the spelling first registered
    assert [e["kind"] for e in events["events"] if e["event"] == "rating"] == \
        ["re-evaluation"]
    assert [r["certificate"] for r in as_json("register", "list", *db)] == ["1101/GCN"]
    twice = write_round(tmp_path / "t.json", [product("QN-01", 3), product("qn-01", 3)])
    out = cli("register", "record", twice, *DEC, "--cert", "QN-01=9", *db, code=2)
    assert "có hai lần" in out.stderr
    bad = write_sheet(tmp_path / "bad.csv", [["QN\u200b-02", "x", "", "", "", 3, "G", "2026-06-05",
                                              "", "1/QĐ"]])
    assert "mã sản phẩm" in cli("register", "import", bad, *db, code=2).stderr


def test_record_straight_from_a_round_folder(tmp_path: Path) -> None:
    """`register record ROUND/` rates the round as `rate ROUND/ -f json` would and records
    the same products as recording that JSON file."""
    from tests import round_factory as rf

    folder = tmp_path / "dot-1"
    rf.make_round(folder, products=6, members=3)
    results = tmp_path / "dot-1.json"
    rated = cli("rate", folder, "-f", "json", "-o", results, code=None)
    assert rated.exit_code in (0, 1), rated.output
    certs = [f"--cert={p['product_id']}={n:03d}/GCN" for n, p in
             enumerate(json.loads(results.read_text("utf-8"))) if p["outcome"] == "recognised"]
    assert certs
    from_file = tmp_path / "from-file.sqlite"
    from_folder = tmp_path / "from-folder.sqlite"
    cli("register", "record", results, *DEC, *certs, "--db", from_file)
    out = cli("register", "record", folder, *DEC, *certs, "--db", from_folder)
    assert "đã ghi 6 kết quả" in out.stderr

    def recorded(db: Path) -> list[tuple[str, str]]:
        history = [as_json("register", "history", pid, "--db", db) for pid in
                   rf.product_ids(6)]
        return [(h["product_id"], str([(e["event"], e["outcome"]) for e in h["events"]]))
                for h in history]

    assert recorded(from_folder) == recorded(from_file)
    assert not (folder / "ocop-register.sqlite").exists()  # --db was named
    not_a_round = tmp_path / "empty"
    not_a_round.mkdir()
    refused = cli("register", "record", not_a_round, *DEC, "--db", tmp_path / "x.sqlite",
                  code=2)
    assert "round.yaml" in refused.stderr and not (tmp_path / "x.sqlite").exists()


def test_due_lists_by_state_then_expiry_then_product_whatever_the_place(tmp_path: Path
                                                                       ) -> None:
    """Open windows first, then those opening, then those closed unfiled; within a state
    by expiry, then product id: a product's province or commune does not order it."""
    rows = [["P-C", "Chè", "Cao Bằng", "Xã 1", "food", 3, "G-C", "2026-06-05", "", "1/QĐ"],
            ["P-D", "Dừa", "An Giang", "Xã 2", "food", 3, "G-D", "2026-08-01", "", "1/QĐ"],
            ["P-B", "Bưởi", "Bắc Giang", "Xã 3", "food", 4, "G-B", "2026-09-10", "", "1/QĐ"],
            ["P-A", "Atiso", "Yên Bái", "Xã 4", "food", 3, "G-A", "2026-08-01", "", "1/QĐ"]]
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "so.csv", rows), "--db", db)
    due = as_json("register", "due", "--on", "2029-03-01", "--within", "400", "--db", db)
    assert [(d["product_id"], d["state"]) for d in due] == [
        ("P-A", "open"), ("P-D", "open"), ("P-B", "opening"), ("P-C", "closed-unfiled")]
