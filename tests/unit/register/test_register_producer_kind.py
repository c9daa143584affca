"""The register keeps each product's producer kind (the dossier's vocabulary), from
``register record`` and ``register import``, and ``register stats`` counts certificates by
year, producer kind and class; a register older than the column is migrated, rows kept."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.register_helpers import HEADER, cli, product, write_round, write_sheet

DEC = ("--decision", "1520/QĐ-UBND", "--date", "05/06/2026")


def _kind(item: dict[str, Any], kind: str | None) -> dict[str, Any]:
    if kind is not None:
        item["producer"]["kind"] = kind
    return item


def _by_kind(db: Path, *extra: str) -> dict[tuple[int, str | None, int], int]:
    found = json.loads(cli("register", "stats", "-f", "json", "--db", db, *extra).stdout)
    return {(r["year"], r["producer_kind"], r["stars"]): r["issued"]
            for r in found["by_producer_kind"]}


def _register(tmp_path: Path) -> Path:
    """By hand, certificates by (year, kind, stars):

    * recorded 05/06/2026 (rate -f json results): R-1 cooperative 3★, R-2 "Hợp tác xã"
      (the round list's words: cooperative) 4★, R-3 company 3★, R-4 no kind 3★;
      R-5 household, 2★: rated, not recognised, no certificate
    * imported, Vietnamese headers: I-1 "Doanh nghiệp" 4★ 2024, I-2 "Hộ sản xuất, kinh
      doanh" 3★ 2024, I-3 "tổ hợp tác" (no diacritics' case) 3★ 2025, I-4 blank 3★ 2025
    * imported, English headers: E-1 "cooperative" 4★ 2025
    """
    db = tmp_path / "so.sqlite"
    results = write_round(tmp_path / "results.json", [
        _kind(product("R-1", 3), "cooperative"), _kind(product("R-2", 4), "Hợp tác xã"),
        _kind(product("R-3", 3), "company"), _kind(product("R-4", 3), None),
        _kind(product("R-5", 2), "household")])
    cli("register", "record", results, *DEC, "--cert", "R-1=1/GCN", "--cert", "R-2=2/GCN",
        "--cert", "R-3=3/GCN", "--cert", "R-4=4/GCN", "--db", db)
    vi = ["Mã sản phẩm", "Tên sản phẩm", "Loại hình chủ thể", "Hạng sao", "Số giấy chứng nhận",
          "Ngày cấp", "Số quyết định"]
    cli("register", "import", write_sheet(tmp_path / "vi.csv", [
        ["I-1", "Chè", "Doanh nghiệp", 4, "I1/GCN", "01/03/2024", "10/QĐ-UBND"],
        ["I-2", "Miến", "Hộ sản xuất, kinh doanh", 3, "I2/GCN", "01/03/2024", "10/QĐ-UBND"],
        ["I-3", "Mật ong", "to hop tac", 3, "I3/GCN", "02/02/2025", "11/QĐ-UBND"],
        ["I-4", "Nấm", "", 3, "I4/GCN", "02/02/2025", "11/QĐ-UBND"]], vi), "--db", db)
    en = [*HEADER, "Producer kind"]
    cli("register", "import", write_sheet(tmp_path / "en.csv", [
        ["E-1", "Gạo", "Lào Cai", "Bát Xát", "food", 4, "E1/GCN", "2025-07-01", "",
         "12/QĐ-UBND", "Cooperative"]], en), "--db", db)
    return db


def test_stats_count_by_year_producer_kind_and_class(tmp_path: Path) -> None:
    db = _register(tmp_path)
    assert _by_kind(db) == {
        (2024, "company", 4): 1, (2024, "household", 3): 1,
        (2025, "cooperative", 4): 1, (2025, "cooperative_group", 3): 1, (2025, None, 3): 1,
        (2026, "cooperative", 3): 1, (2026, "cooperative", 4): 1, (2026, "company", 3): 1,
        (2026, None, 3): 1}
    assert _by_kind(db, "--year", "2025") == {
        (2025, "cooperative", 4): 1, (2025, "cooperative_group", 3): 1, (2025, None, 3): 1}

    rows = list(csv.DictReader(io.StringIO(cli(
        "register", "stats", "-f", "csv", "--lang", "en", "--db", db).stdout)))
    said = {(r["year"], r["producer_kind"], r["stars"]): r["issued"] for r in rows
            if r["table"] == "by_producer_kind"}
    assert said[("2026", "Cooperative", "4")] == "1"          # codes said in words
    assert said[("2024", "Household business", "3")] == "1"
    assert said[("2025", "(unknown)", "3")] == "1"
    assert len(said) == 9
    assert all(r["producer_kind"] == "" for r in rows if r["table"] != "by_producer_kind")

    table = cli("register", "stats", "--year", "2026", "--db", db).stdout
    part = table[table.index("Loại hình chủ thể"):]
    lines = {line.split("│")[2].strip(): [c.strip() for c in line.split("│")[3:-1]]
             for line in part.splitlines() if line.count("│") > 3 and "2026" in line}
    assert lines == {"Hợp tác xã": ["1", "1", "2"], "Doanh nghiệp": ["1", "0", "1"],
                     "(không rõ)": ["1", "0", "1"]}   # 3★, 4★, total


def test_a_later_source_fills_a_kind_and_a_blank_never_erases_it(tmp_path: Path) -> None:
    db = _register(tmp_path)
    later = write_round(tmp_path / "later.json", [
        _kind(product("R-4", 4), "Tổ hợp tác"), _kind(product("R-1", 4), None)])
    cli("register", "record", later, "--decision", "77/QĐ-UBND", "--date", "01/07/2027",
        "--kind", "upgrade", "--cert", "R-4=44/GCN", "--cert", "R-1=11/GCN", "--db", db)
    got = _by_kind(db, "--year", "2027")
    assert got == {(2027, "cooperative", 4): 1, (2027, "cooperative_group", 4): 1}
    # the product's kind now, for its earlier certificate too
    assert (2026, "cooperative_group", 3) in _by_kind(db, "--year", "2026")


def test_an_unknown_kind_in_an_import_is_located_and_nothing_written(tmp_path: Path) -> None:
    db = _register(tmp_path)
    before = _by_kind(db)
    sheet = write_sheet(tmp_path / "bad.csv", [
        ["B-1", "Gạo", "Lào Cai", "Bát Xát", "food", 4, "B1/GCN", "2025-07-01", "",
         "12/QĐ-UBND", "Công ty mẹ"]], [*HEADER, "loai hinh"])
    out = cli("register", "import", sheet, "--db", db, code=2)
    assert "loại hình chủ thể 'Công ty mẹ' không rõ" in out.stderr
    assert "cooperative, company, household" in out.stderr and "bad.csv:2" in out.stderr
    assert _by_kind(db) == before


def _schema(db: Path) -> tuple[int, list[tuple[str, ...]]]:
    """The file's schema version and its products (with the kind once it has the column)."""
    with sqlite3.connect(db) as conn:
        version = conn.execute("SELECT max(version) FROM register_schema").fetchone()[0]
        kind = ", producer_kind" if version >= 5 else ""
        rows = conn.execute(f"SELECT name, province{kind} FROM products").fetchall()
    conn.close()
    return version, rows


def test_a_register_older_than_the_kind_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    from ocop_rate.register.store import apply_migrations

    db = tmp_path / "v4.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    apply_migrations(conn, 0, 4)                       # a register written by schema 4
    conn.execute("INSERT INTO products (product_id, name, province, product_key) VALUES "
                 "('OLD-1', 'Chè', 'Thái Nguyên', 'old-1')")
    conn.execute("INSERT INTO decisions (number, decided_on, authority) VALUES "
                 "('12/QĐ-UBND', '2025-08-01', 'province-chair')")
    conn.execute("INSERT INTO certificates (number, product_id, decision_id, stars, issued_on,"
                 " expires_on, term_source) VALUES ('G-1', 'OLD-1', 1, 4, '2025-08-01', "
                 "'2028-08-01', '36-months')")
    conn.execute("COMMIT")
    conn.close()
    assert _by_kind(db) == {(2025, None, 4): 1}   # read as migrated (in memory): row kept
    assert _schema(db) == (4, [("Chè", "Thái Nguyên")])        # a read leaves the file be
    sheet = write_sheet(tmp_path / "kind.csv", [
        ["OLD-1", "", "", "", "", 4, "G-2", "01/09/2025", "", "13/QĐ-UBND", "trang trại"]],
        [*HEADER, "producer_kind"])
    cli("register", "import", sheet, "--db", db)               # a write migrates it
    assert _schema(db) == (5, [("Chè", "Thái Nguyên", "farm")])
    assert _by_kind(db) == {(2025, "farm", 4): 2}
    rows = json.loads(cli("register", "list", "--all", "-f", "json", "--db", db).stdout)
    assert {r["certificate"] for r in rows} == {"G-1", "G-2"}


def test_a_kind_written_otherwise_is_kept_as_written_and_exported_inert(tmp_path: Path) -> None:
    """A dossier's kind outside the vocabulary (the dossier took it) is counted under its
    own words; a formula-like one leaves the CSV as text."""
    db = tmp_path / "so.sqlite"
    results = write_round(tmp_path / "r.json", [_kind(product("W-1", 3), "=1+2")])
    cli("register", "record", results, *DEC, "--cert", "W-1=9/GCN", "--db", db)
    assert _by_kind(db) == {(2026, "=1+2", 3): 1}
    out = cli("register", "stats", "-f", "csv", "--db", db).stdout
    assert [r["producer_kind"] for r in csv.DictReader(io.StringIO(out))
            if r["table"] == "by_producer_kind"] == ["'=1+2"]


def test_an_export_says_kinds_in_words_and_imports_back(tmp_path: Path) -> None:
    db = _register(tmp_path)
    counts = _by_kind(db)
    rows = json.loads(cli("register", "list", "--all", "-f", "json", "--db", db).stdout)
    assert {r["product_id"]: r["producer_kind"] for r in rows if r["product_id"][0] == "I"} \
        == {"I-1": "company", "I-2": "household", "I-3": "cooperative_group", "I-4": None}
    for lang, name in (("vi", "so.csv"), ("en", "book.xlsx")):
        out = tmp_path / name
        cli("register", "export", out, "--lang", lang, "--db", db)
        if lang == "vi":
            said = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
            assert {r["Mã sản phẩm"]: r["Loại hình chủ thể"] for r in said}["I-2"] == \
                "Hộ sản xuất, kinh doanh"
        again = tmp_path / f"again-{lang}.sqlite"
        cli("register", "import", out, "--db", again)
        assert _by_kind(again) == counts
