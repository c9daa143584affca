"""``register import`` of a CSV, read record by record with the csv module (issue 23): the
same located errors as before, in the user's language, the file's own line numbers, every
size bounded, nothing written when refused, and no pandas loaded for a plain CSV."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ocop_rate.register import importing
from tests.register_helpers import as_json, cli, register_rows, write_sheet

HEADER = "product_id,product_name,stars,certificate,issued_on,decision\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_located_problems_keep_the_files_line_numbers(tmp_path: Path) -> None:
    """A blank line and a cell spanning two lines do not shift the lines errors name."""
    sheet = write(tmp_path / "old.csv", HEADER
                  + "A-1,Mắm,4,G1,05/06/2026,1/QĐ\n"
                  + "\n"                                             # line 3: blank
                  + 'A-2,"Chè\nxanh",7,G2,2026-06-05,1/QĐ\n'         # lines 4-5
                  + "A-3,Gà,3,G1,31/02/2026,1/QĐ\n")                 # line 6
    db = tmp_path / "reg.sqlite"
    out = cli("register", "import", sheet, "--db", db, code=2)
    assert f"{sheet}:4:3: " in out.stderr and "hạng '7'" in out.stderr
    assert f"{sheet}:6:4: " in out.stderr and "đã có ở dòng 2" in out.stderr
    assert f"{sheet}:6:5: " in out.stderr and "'31/02/2026' không phải ngày" in out.stderr
    en = cli("register", "import", sheet, "--db", db, "--lang", "en", code=2)
    assert "class '7' is not 3, 4 or 5 stars" in en.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []                  # nothing written
    part = cli("register", "import", sheet, "--partial", "--db", db, code=1)
    assert "đã nhập 1 trong 3 dòng" in part.stderr
    assert [r["product_id"] for r in as_json("register", "list", "--db", db)] == ["A-1"]


def test_a_row_wider_than_the_header_stops_the_import_at_its_line(tmp_path: Path) -> None:
    sheet = write(tmp_path / "ragged.csv", HEADER + "A-1,Mắm,4,G1,05/06/2026,1/QĐ\n"
                  + "A-2,Chè,3,G2,05/06/2026,1/QĐ,;extra\n")
    out = cli("register", "import", sheet, "--db", tmp_path / "reg.sqlite", "--lang", "en",
              code=2)
    assert f"{sheet}:3: " in out.stderr and "line 3 has 7 cells, expected 6" in out.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []


def test_a_huge_field_is_refused_before_it_is_held(tmp_path: Path) -> None:
    """Over the csv module's field limit (128 K characters): refused at its line; over
    1,000 characters: refused at its cell, and --partial keeps the other rows."""
    huge = write(tmp_path / "huge.csv", HEADER + "A-1," + "x" * 200_000
                 + ",4,G1,05/06/2026,1/QĐ\n")
    out = cli("register", "import", huge, "--db", tmp_path / "reg.sqlite", "--lang", "en",
              code=2)
    assert f"{huge}:2: a cell of line 2 is longer than 1000 characters" in out.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []
    long = write(tmp_path / "long.csv", HEADER + "A-1," + "y" * 1001
                 + ",4,G1,05/06/2026,1/QĐ\nA-2,Chè,3,G2,05/06/2026,1/QĐ\n")
    db = tmp_path / "reg.sqlite"
    said = cli("register", "import", long, "--db", db, "--lang", "vi", code=2)
    assert f"{long}:2:2: " in said.stderr and "dài quá 1000 ký tự" in said.stderr
    cli("register", "import", long, "--db", db, "--partial", code=1)
    assert [r["product_id"] for r in as_json("register", "list", "--db", db)] == ["A-2"]


def test_rows_past_the_bound_are_refused_and_nothing_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "MAX_IMPORT_ROWS", 3)
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "ok.csv", register_rows(3)), "--db", db)
    before = as_json("register", "list", "--all", "--db", db)
    many = write_sheet(tmp_path / "many.csv", register_rows(4, start=10))
    out = cli("register", "import", many, "--db", db, "--lang", "en", code=2)
    assert f"{many}:5: " in out.stderr and "more than 3 data rows" in out.stderr
    assert as_json("register", "list", "--all", "--db", db) == before   # untouched


def test_a_refused_import_leaves_an_existing_register_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "ok.csv", register_rows(4)), "--db", db)
    before = as_json("register", "list", "--all", "--db", db)
    rows = register_rows(3, start=20)
    rows[2][5] = 6                                                    # stars: 6
    cli("register", "import", write_sheet(tmp_path / "bad.csv", rows), "--db", db, code=2)
    assert as_json("register", "list", "--all", "--db", db) == before


def test_excel_csv_and_unicode_text_are_read(tmp_path: Path) -> None:
    """Excel's CSV in a Vietnamese setting (``;``, a BOM) and its Unicode Text (UTF-16,
    tabs) import alike; a Windows-1258 file is refused at its first bad byte."""
    vi = write(tmp_path / "excel.csv", "\ufeff" + HEADER.replace(",", ";")
               + "A-1;Mắm tôm;4;G1;05/06/2026;1/QĐ\n")
    text = write(tmp_path / "unicode.txt", "\ufeff" + HEADER.replace(",", "\t")
                 + "B-1\tChè Shan tuyết\t3\tG2\t05/06/2026\t2/QĐ\n", "utf-16-le")
    db = tmp_path / "reg.sqlite"
    for sheet in (vi, text):
        cli("register", "import", sheet, "--db", db)
    names = {r["product_id"]: r["product_name"] for r in as_json("register", "list", "--db", db)}
    assert names == {"A-1": "Mắm tôm", "B-1": "Chè Shan tuyết"}
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes(HEADER.encode() + "C-1,Cà phê,4,G3,05/06/2026,1/Q\n".encode("cp1258"))
    out = cli("register", "import", ansi, "--db", db, "--lang", "en", code=2)
    assert f"{ansi}:2:" in out.stderr and "UTF-8" in out.stderr


def test_an_older_certificate_after_a_newer_one_in_one_file(tmp_path: Path) -> None:
    """A product with two rows goes through the one-by-one path: the newer certificate is
    current whichever comes first; the other products are written together."""
    sheet = write(tmp_path / "two.csv", HEADER
                  + "A-1,Mắm,4,G9,05/06/2029,9/QĐ\n"
                  + "B-1,Chè,3,G2,05/06/2026,1/QĐ\n"
                  + "A-1,Mắm,3,G1,05/06/2026,1/QĐ\n")
    db = tmp_path / "reg.sqlite"
    cli("register", "import", sheet, "--db", db)
    now = {r["product_id"]: r["certificate"]
           for r in as_json("register", "list", "--db", db, "--on", "2029-07-01")}
    assert now == {"A-1": "G9", "B-1": "G2"}
    every = as_json("register", "list", "--all", "--db", db, "--on", "2029-07-01")
    assert {(r["certificate"], r["status"]) for r in every} == {
        ("G9", "valid"), ("G1", "superseded"), ("G2", "expired")}


def test_importing_a_csv_loads_no_pandas(tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path / "seed.csv", register_rows(3))
    probe = ("import sys\nfrom ocop_rate.cli import main\n"
             "sys.argv = ['ocop-rate', 'register', 'import', sys.argv[1], '--db', sys.argv[2]]\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print(code, sorted(m for m in ('pandas', 'numpy', 'openpyxl') "
             "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe, str(sheet), str(tmp_path / "r.sqlite")],
                          capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parents[3])
    assert done.stdout.split("\n")[-2] == "0 []", done.stderr


def test_json_answers_keep_one_certificate_a_line_whatever_the_names_hold(
        tmp_path: Path) -> None:
    """The register's JSON is encoded in one call and split between objects: a name holding
    the separator's own characters stays inside its object."""
    rows = register_rows(3)
    rows[0][1] = 'Mắm "ruốc"}, {"product_id": "X'
    rows[1][1] = "Chè \\ }, {"
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "odd.csv", rows), "--db", db)
    out = cli("register", "list", "--db", db, "-f", "json").stdout
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 5
    names = {r["product_id"]: r["product_name"] for r in as_json("register", "list",
                                                                 "--db", db)}
    assert names["P-000000"] == 'Mắm "ruốc"}, {"product_id": "X'
    assert names["P-000001"] == "Chè \\ }, {"


def test_a_flood_of_bad_rows_lists_the_first_problems_and_a_count(tmp_path: Path) -> None:
    rows = register_rows(250)
    for row in rows:
        row[5] = 9                                                    # stars: 9, every row
    db = tmp_path / "reg.sqlite"
    out = cli("register", "import", write_sheet(tmp_path / "bad.csv", rows), "--db", db,
              "--lang", "en", code=2)
    listed = [line for line in out.stderr.splitlines() if "is not 3, 4 or 5 stars" in line]
    assert len(listed) == 200 and "bad.csv:201:6:" in listed[-1]
    assert "50" in out.stderr.splitlines()[-1]                       # and how many more
    assert list(tmp_path.glob("reg.sqlite*")) == []


def test_short_and_full_rows_put_each_cell_in_its_column(tmp_path: Path) -> None:
    """A row whose last cells are empty is shorter in the file (the reader drops trailing
    empty fields) than one that fills them: both read each cell from its own column, the
    missing ones blank."""
    sheet = write(tmp_path / "mixed.csv",
                  "product_id,product_name,stars,certificate,issued_on,decision,commune,"
                  "producer\n"
                  "A-1,Mắm,4,G1,05/06/2026,1/QĐ,Ba Chẽ,HTX Một\n"      # every cell
                  "A-2,Chè,3,G2,05/06/2026,1/QĐ,Đầm Hà\n"              # no producer
                  "A-3,Gà,3,G3,05/06/2026,1/QĐ\n"                      # neither
                  "A-4,Na,4,G4,05/06/2026,1/QĐ,,HTX Bốn\n")            # no commune
    db = tmp_path / "reg.sqlite"
    cli("register", "import", sheet, "--db", db)
    said = {r["product_id"]: (r["product_name"], r["stars"], r["certificate"], r["commune"],
                              r["producer"]) for r in as_json("register", "list", "--db", db)}
    assert said == {"A-1": ("Mắm", 4, "G1", "Ba Chẽ", "HTX Một"),
                    "A-2": ("Chè", 3, "G2", "Đầm Hà", None),
                    "A-3": ("Gà", 3, "G3", None, None),
                    "A-4": ("Na", 4, "G4", None, "HTX Bốn")}


def test_a_ground_not_in_article_8_is_a_located_problem(tmp_path: Path) -> None:
    """A revocation's ground outside Điều 8.1 is refused at its cell, naming what was
    written, in either language (it once stopped the import with a traceback)."""
    sheet = write(tmp_path / "revoked.csv", HEADER.rstrip("\n")
                  + ",revoked_on,ground,revocation_decision\n"
                  + "A-1,Mắm,4,G1,05/06/2026,1/QĐ,01/02/2027,z,9/QĐ-TH\n")
    db = tmp_path / "reg.sqlite"
    out = cli("register", "import", sheet, "--db", db, code=2)
    assert f"{sheet}:2:8: " in out.stderr and "căn cứ thu hồi 'z'" in out.stderr
    assert "Traceback" not in out.stderr
    en = cli("register", "import", sheet, "--db", db, "--lang", "en", code=2)
    assert "revocation ground 'z' is not in Art. 8.1" in en.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []


def test_an_id_with_something_hidden_in_it_is_refused_showing_it(tmp_path: Path) -> None:
    """An id holding a zero-width space or a space looks like another (a second product):
    refused at its cell as a dossier's or a sheet's id is, with what is hidden spelt out;
    a blank id is said to be blank."""
    sheet = write(tmp_path / "ids.csv", HEADER
                  + "B-6\u200b,Mắm,4,G1,05/06/2026,1/QĐ\n"
                  + "B 7,Chè,4,G2,05/06/2026,1/QĐ\n"
                  + ",Gà,3,G3,05/06/2026,1/QĐ\n")
    db = tmp_path / "reg.sqlite"
    out = cli("register", "import", sheet, "--db", db, code=2)
    assert f"{sheet}:2:1: " in out.stderr and "'B-6\\u200b'" in out.stderr
    assert "U+200B" in out.stderr and "\u200b" not in out.stderr
    assert f"{sheet}:3:1: " in out.stderr and "'B 7'" in out.stderr and "U+0020" in out.stderr
    assert f"{sheet}:4:1: product_id: mã sản phẩm trống" in out.stderr
    en = cli("register", "import", sheet, "--db", db, "--lang", "en", code=2)
    assert "'B-6\\u200b' holds an invisible or look-alike character U+200B" in en.stderr
    assert "the product id is blank" in en.stderr
    assert list(tmp_path.glob("reg.sqlite*")) == []
