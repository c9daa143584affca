"""Issue 20, hostile inputs round 3, through the real CLI: refusals before any write, every
resource bounded, hidden cells never scored silently, every number, date and name checked
where it is read, register files touched only when written, a hostile environment. Each
class has several cases (tests/bad_inputs/ for the small ones, tests/round3_inputs.py for
the big ones made at run time); each run has a time limit (and a memory bound for the
big ones), names the file, leaves no traceback, changes no input and writes nothing
when refused."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import round3_inputs as inputs
from tests.hostile import CORPUS, TINY, Run, assert_clean, cli, cli_here
from tests.register_helpers import HEADER as REGISTER_HEADER
from tests.register_helpers import product, register_rows, write_round, write_sheet

LIMIT = 20            # seconds: every hostile run ends well within this
MEMORY_MB = 1024      # address space: a small valid run needs about 400 MB
DEC = ("--decision", "1520/QĐ-UBND", "--date", "05/06/2026")


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to show nothing changed, nothing new."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str | Path, memory_mb: int | None = MEMORY_MB, **more: object) -> Run:
    started = time.monotonic()
    done = cli(*args, timeout=LIMIT, memory_mb=memory_mb, **more)  # type: ignore[arg-type]
    assert time.monotonic() - started < LIMIT
    assert_clean(done)
    return done


def here(*args: str | Path) -> Run:
    """``run`` for a small input, in this process (tests/hostile.py ``cli_here``): what
    the case checks is the refusal, its words and the files, not a child's memory bound."""
    started = time.monotonic()
    done = cli_here(*args)
    assert time.monotonic() - started < LIMIT
    assert_clean(done)
    return done


def refused(done: Run, *words: str, code: int = 2) -> None:
    assert done.code == code, done.text
    for word in words:
        assert word in done.text, done.text


# --- class 1: a refusal comes before any write -------------------------------------------

def _new_round(tmp_path: Path) -> Path:
    folder = tmp_path / "dot"
    roster = tmp_path / "roster.csv"
    roster.write_text("name,role\nNguyễn Thị Lan,chair\nHoàng Văn Sơn,member\n",
                      encoding="utf-8")
    products = tmp_path / "products.csv"
    products.write_text("product_id,product_name,rubric\nS-1,Chè,food-processed-plant-26\n",
                        encoding="utf-8")
    done = here("round", "new", folder, "--roster", roster, "--products", products,
                "--name", "Đợt 1", "--date", "2026-11-20", "--province", "Quảng Ninh")
    assert done.code == 0, done.text
    return folder


def test_round_new_refuses_before_writing_any_file(tmp_path: Path) -> None:
    """Its own product list, its roster, or a file where a folder should be: every case
    is refused with every file of the round as it was."""
    folder = _new_round(tmp_path)
    before = files(tmp_path)
    roster = tmp_path / "roster.csv"
    inside = here("round", "new", folder, "--roster", roster, "--products",
                  folder / "products.csv", "--name", "Đợt 2", "--force")
    refused(inside, "is one of this run's input files", "products.csv")
    # the round's own round.yaml as the roster (a YAML roster: its ``roster:`` list)
    own = here("round", "new", folder, "--roster", folder / "round.yaml", "--products",
               tmp_path / "products.csv", "--name", "Đợt 2", "--force")
    refused(own, "is one of this run's input files", "round.yaml")
    assert files(tmp_path) == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "sheets").write_text("a file where the sheets folder goes", encoding="utf-8")
    blocked = here("round", "new", other, "--roster", roster, "--products",
                   tmp_path / "products.csv", "--name", "Đợt 3")
    refused(blocked, "is not a folder; nothing written")
    assert sorted(p.name for p in other.iterdir()) == ["sheets"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_a_round_is_written_whole_or_not_at_all(tmp_path: Path,
                                                failure: type[BaseException],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills (or Ctrl-C comes) at the third of a round's files: no file of the
    round, no temporary file and no folder made for it remain; a second try writes all."""
    from ocop_rate.report import output

    files_ = {tmp_path / "dot" / "round.yaml": b"name: x\n",
              tmp_path / "dot" / "sheets" / "lan.xlsx": b"1",
              tmp_path / "dot" / "sheets" / "son.xlsx": b"2"}
    real, calls = output._write_all, []

    def fail_third(fd: int, data: bytes) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise failure("halfway")
        real(fd, data)

    monkeypatch.setattr(output, "_write_all", fail_third)
    with pytest.raises(failure):
        output.write_all_atomic(files_)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(output, "_write_all", real)
    output.write_all_atomic(files_)
    assert {p: p.read_bytes() for p in files_} == files_


# --- class 2: every resource is bounded ----------------------------------------------------

def test_workbook_resources_are_bounded_before_they_are_built(tmp_path: Path) -> None:
    """Shared strings, one value's size, the number of sheets: each refused from the zip,
    with the part and the limit, in one process under a memory bound; the good sheet
    beside them is still rated."""
    folder = tmp_path / "bombs"
    folder.mkdir()
    (folder / "strings.xlsx").write_bytes(inputs.many_shared_strings(1_000_001))
    (folder / "value.xlsx").write_bytes(inputs.one_huge_value(64))
    (folder / "sheets.xlsx").write_bytes(inputs.many_sheets(10_001))
    (folder / "merged.xlsx").write_bytes(inputs.many_merged_ranges(100_001))
    (folder / "good.csv").write_text(",".join(inputs.HEADER) + "\n"
                                     + ",".join(inputs.GOOD_ROW) + "\n", encoding="utf-8")
    (folder / "council.csv").write_text(",".join(inputs.HEADER) + "\n" + "".join(
        f"C-1,x,tiny,Người {i},h,c,c\n" for i in range(150)), encoding="utf-8")
    (folder / "council.yaml").write_text(
        "product: {id: C-2, name: x, rubric: tiny}\ncouncil:\n" + "".join(
            f"- {{member: M{i}, scores: {{A1: h, B1: c, C1: c}}}}\n" for i in range(150)),
        encoding="utf-8")
    assert all(p.stat().st_size < 2_000_000 for p in folder.iterdir())
    before = files(folder)
    done = run("rate", folder, "--rules", TINY, "-f", "json", memory_mb=768)
    assert done.code == 1, done.text
    items = json.loads(done.out)
    said = {Path(i["file"]).name: " ".join(e["message"] for e in i["errors"]) for i in items}
    assert "more than 1,000,000 strings" in said["strings.xlsx"], said
    assert "sharedStrings.xml" in said["strings.xlsx"]
    assert "longer than 1,048,576 bytes" in said["value.xlsx"], said
    assert "more than 255 sheets" in said["sheets.xlsx"], said
    assert "more than 100,000 merged ranges" in said["merged.xlsx"], said
    assert "has 150 members' sheets; a council has at most 100" in said["council.csv"]
    assert "too long: at most 100" in said["council.yaml"], said
    assert [i["stars"] for i in items if i["file"].endswith("good.csv")] == [5]
    assert files(folder) == before


def test_a_million_row_product_list_is_refused_quickly(tmp_path: Path) -> None:
    products = tmp_path / "products.csv"
    products.write_bytes(inputs.product_list_csv(1_000_000))
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nLan\n", encoding="utf-8")
    before = files(tmp_path)
    done = run("round", "new", tmp_path / "dot", "--roster", roster, "--products",
               products, "--name", "x", memory_mb=768)
    refused(done, "more than 10,000 data rows", str(products))
    assert files(tmp_path) == before and not (tmp_path / "dot").exists()
    # the same list as a round's product list, rated: refused, located
    folder = tmp_path / "round"
    folder.mkdir()
    shutil.copy(products, folder / "products.csv")
    (folder / "round.yaml").write_text("name: x\nroster: [{name: Lan}]\n", encoding="utf-8")
    rated = run("rate", folder, "-f", "json", memory_mb=768)
    assert rated.code in (1, 2), rated.text
    assert "more than 10,000 data rows" in rated.text


def test_a_roster_of_thousands_is_refused(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name\n" + "".join(f"Người {i}\n" for i in range(5000)),
                      encoding="utf-8")
    products = tmp_path / "products.csv"
    products.write_text("product_id,product_name,rubric\nS-1,Chè,food-processed-plant-26\n",
                        encoding="utf-8")
    done = run("round", "new", tmp_path / "dot", "--roster", roster, "--products", products,
               "--name", "x")
    refused(done, "more than 100 data rows", str(roster))
    assert not (tmp_path / "dot").exists()


# --- class 3: what Excel hides is never scored silently -----------------------------------

HIDDEN = {"very-hidden-sheet.xlsx": "sheet 'Ẩn' is hidden in Excel (veryHidden)",
          "hidden-sheet.xlsx": "sheet 'Ẩn' is hidden in Excel (hidden)",
          "hidden-row.xlsx": "row 3 of sheet 'Phiếu' (cell A3) is hidden",
          "hidden-column.xlsx": "column E of sheet 'Phiếu' (cell E1) is hidden",
          "zero-height-row.xlsx": "row 3 of sheet 'Phiếu' (cell A3) is hidden"}


def test_hidden_sheets_rows_and_columns_are_refused_located() -> None:
    sheets = CORPUS / "sheets"
    before = files(sheets)
    done = run("rate", *(sheets / n for n in [*HIDDEN, "hidden-guide-sheet.xlsx"]),
               "--rules", TINY, "-f", "json")
    assert done.code == 1, done.text
    items = {Path(i["file"]).name: i for i in json.loads(done.out)}
    for name, words in HIDDEN.items():
        errors = items[name]["errors"]
        assert errors and words in errors[0]["message"], (name, errors)
        assert items[name]["stars"] is None
    # a hidden guide sheet holds no scores: the workbook is rated as it shows
    assert items["hidden-guide-sheet.xlsx"]["stars"] == 5
    assert files(sheets) == before


# --- class 4: every number, date and enum checked where it is read ------------------------

@pytest.mark.parametrize("case", list(inputs.ROUND_CASES))
def test_round_files_with_bad_values_stop_the_run_located(case: str) -> None:
    folder = CORPUS / "rounds" / case
    before = files(folder)
    done = here("rate", folder, "--rules", TINY, "-f", "json")
    words = inputs.ROUND_CASES[case][1]
    refused(done, words, str(folder / "round.yaml"))
    assert files(folder) == before


@pytest.mark.parametrize(("total", "words"), [
    ("NaN", "total: expected a number from 0 to 100"),
    ("Infinity", "total: expected a number from 0 to 100"),
    ("-Infinity", "total: expected a number from 0 to 100"),
    ("1e300", "total: expected a number from 0 to 100"),
    ('"90"', "total: expected a number from 0 to 100"),
])
def test_impossible_totals_in_results_are_refused(tmp_path: Path, total: str,
                                                  words: str) -> None:
    results = tmp_path / "results.json"
    item = json.dumps(product("A", 5, 92.0), ensure_ascii=False)
    results.write_text("[" + item.replace('"total": 92.0', f'"total": {total}') + "]",
                       encoding="utf-8")
    db = tmp_path / "reg.sqlite"
    done = here("register", "record", results, *DEC, "--db", db)
    refused(done, "[0].", words.split(": ", 1)[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.json"]


def test_unknown_level_in_results_is_refused(tmp_path: Path) -> None:
    results = write_round(tmp_path / "results.json", [{**product("A", 4), "level": "district"}])
    done = here("register", "record", results, *DEC, "--cert", "A=1/GCN", "--db",
                tmp_path / "reg.sqlite")
    refused(done, "[0].level", "province or central")
    assert not (tmp_path / "reg.sqlite").exists()


@pytest.mark.parametrize("day", ["9999-12-31", "31/12/9999", "0001-01-01", "1899-12-30",
                                 "30/02/2026"])
def test_dates_off_the_programme_are_refused_by_every_register_command(
        tmp_path: Path, day: str) -> None:
    db = tmp_path / "reg.sqlite"
    write_sheet(tmp_path / "seed.csv", register_rows(2))
    assert here("register", "import", tmp_path / "seed.csv", "--db", db).code == 0
    before = db.read_bytes()
    commands = [("due", "--on", day)]
    if day == "9999-12-31":  # every command that reads a date, once
        commands += [("list", "--on", day), ("file", "P-000001", "--date", day),
                     ("record", write_round(tmp_path / "r.json", [product("N", 3)]),
                      "--decision", "1/QĐ", "--date", day, "--cert", "N=9/GCN")]
    for args in commands:
        done = here("register", *args, "--db", db)
        refused(done, f"'{day}' is not a date", "07/05/2018 to 31/12/2100")
    rows = register_rows(1, start=50)
    rows[0][REGISTER_HEADER.index("issued_on")] = day
    write_sheet(tmp_path / "bad.csv", rows)
    imported = here("register", "import", tmp_path / "bad.csv", "--db", db)
    refused(imported, f"'{day}' is not a date", "bad.csv:2")
    assert db.read_bytes() == before


def test_date_options_are_read_as_file_dates_are(tmp_path: Path) -> None:
    dossier = CORPUS / "dossiers" / "utf8-bom.yaml"
    refused(here("rate", dossier, "--rules", TINY, "--date", "0001-01-01"),
            "'0001-01-01' is not a date", "07/05/2018 to 31/12/2100")
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nLan\n", encoding="utf-8")
    products = tmp_path / "products.csv"
    products.write_text("product_id,product_name,rubric\nS-1,Chè,food-processed-plant-26\n",
                        encoding="utf-8")
    refused(here("round", "new", tmp_path / "dot", "--roster", roster, "--products", products,
                 "--name", "x", "--date", "9999-12-31"),
            "'9999-12-31' is not a date")
    assert not (tmp_path / "dot").exists()


def test_dates_off_the_calendar_inside_a_register_file_are_refused(tmp_path: Path) -> None:
    """A register edited with another tool: its dates are checked as they are read back."""
    db = tmp_path / "reg.sqlite"
    write_sheet(tmp_path / "seed.csv", register_rows(1))
    assert here("register", "import", tmp_path / "seed.csv", "--db", db).code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE certificates SET issued_on = '9999-01-01', "
                     "expires_on = '9999-12-31'")
    conn.close()
    before = files(tmp_path)
    for args in (("history", "P-000000"), ("file", "P-000000", "--date", "2026-03-01"),
                 ("list",)):
        refused(here("register", *args, "--db", db), "'9999-",
                "is not valid")
    assert files(tmp_path) == before


# --- class 5: one person, one identity -----------------------------------------------------

def test_a_roster_naming_one_person_twice_is_refused_at_the_line(tmp_path: Path) -> None:
    products = tmp_path / "products.csv"
    products.write_text("product_id,product_name,rubric\nS-1,Chè,food-processed-plant-26\n",
                        encoding="utf-8")
    for second, words in (("HOÀNG VĂN SƠN", "'HOÀNG VĂN SƠN' is the same person as "
                                             "'Hoàng Văn Sơn' (line 3)"),
                          ("Hoang Van Son", "'Hoang Van Son' is the same person"),
                          ("Hoàng\u200b Văn Sơn", "invisible character U+200B")):
        roster = tmp_path / "roster.csv"
        roster.write_text(f"name\nLan\nHoàng Văn Sơn\n{second}\n", encoding="utf-8")
        done = here("round", "new", tmp_path / "dot", "--roster", roster, "--products",
                    products, "--name", "x")
        refused(done, words, f"{roster}:4")
        assert not (tmp_path / "dot").exists()


def test_every_member_gets_a_workbook_of_their_own(tmp_path: Path) -> None:
    names = ["Lan!", "Lan?", "Lan", "李雷", "韩梅梅", "Ли Лэй"]
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["name"], *[[n] for n in names]])
    products = tmp_path / "products.csv"
    products.write_text("product_id,product_name,rubric\nS-1,Chè,food-processed-plant-26\n",
                        encoding="utf-8")
    folder = tmp_path / "dot"
    done = here("round", "new", folder, "--roster", roster, "--products", products,
                "--name", "x")
    assert done.code == 0, done.text
    books = sorted((folder / "sheets").iterdir())
    assert len(books) == len(names), books
    from openpyxl import load_workbook

    owners = set()
    for book in books:
        sheet = load_workbook(book, read_only=True).worksheets[0]
        rows = list(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
        owners.add(rows[0][3])
    assert owners == set(names)


# --- class 6: a register file is touched only when it is written --------------------------

def _register(tmp_path: Path) -> Path:
    db = tmp_path / "reg.sqlite"
    write_sheet(tmp_path / "seed.csv", register_rows(3))
    assert here("register", "import", tmp_path / "seed.csv", "--db", db).code == 0
    (tmp_path / "seed.csv").unlink()
    return db


def test_reading_a_register_changes_nothing_beside_it(tmp_path: Path) -> None:
    """Not its journal mode (a register kept in rollback mode stays so), not a ``-wal``
    or ``-shm`` file left beside it, not a byte of it."""
    db = _register(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = files(tmp_path)
    for args in (("list",), ("due",), ("counts",), ("expired",), ("history", "P-000001")):
        done = here("register", *args, "--db", db)
        assert done.code in (0, 1), done.text
    assert files(tmp_path) == before
    # a read-only copy on a read-only folder is listed
    copy = tmp_path / "ro"
    copy.mkdir()
    shutil.copy(db, copy / "reg.sqlite")
    os.chmod(copy / "reg.sqlite", 0o444)
    os.chmod(copy, 0o555)
    try:
        listed = here("register", "list", "-f", "json", "--db", copy / "reg.sqlite")
        assert listed.code == 0, listed.text
        assert len(json.loads(listed.out)) == 3
        assert sorted(p.name for p in copy.iterdir()) == ["reg.sqlite"]
    finally:
        os.chmod(copy, 0o755)


def test_a_newer_register_is_refused_without_switching_its_journal(tmp_path: Path) -> None:
    db = _register(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("INSERT INTO register_schema VALUES (99, '2030-01-01', 'future')")
    conn.close()
    before = files(tmp_path)
    for args in (("list",), ("file", "P-000001", "--date", "2026-03-01")):
        refused(here("register", *args, "--db", db), "99")
    assert files(tmp_path) == before


def test_not_a_register_is_never_taken_over(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:  # another program's new, empty database
        conn.execute("PRAGMA application_id = 305419896")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("DROP TABLE t")
    conn.close()
    results = write_round(tmp_path / "r.json", [product("A", 4)])
    before = files(tmp_path)
    done = here("register", "record", results, *DEC, "--cert", "A=1/GCN", "--db", other)
    refused(done, str(other))
    assert files(tmp_path) == before
    # a character device: refused, and nothing (no -journal) appears beside it
    device = here("register", "record", results, *DEC, "--cert", "A=1/GCN", "--db",
                  "/dev/null")
    refused(device, "not a regular file")
    assert not Path("/dev/null-journal").exists() and not Path("/dev/null-wal").exists()


# --- class 7: the environment --------------------------------------------------------------

def test_closed_or_ascii_stdout_and_library_warnings(tmp_path: Path) -> None:
    dossier = CORPUS / "dossiers" / "utf8-bom.yaml"
    args = [sys.executable, "-m", "ocop_rate", "rate", str(dossier), "--rules", str(TINY)]
    env = {**os.environ, "OCOP_LANG": "en"}
    closed = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, timeout=LIMIT, check=False,
                            preexec_fn=lambda: os.close(1))
    err = closed.stderr.decode("utf-8", "replace")
    assert closed.returncode == 2 and "cannot write to standard output" in err, err
    assert "Traceback" not in err
    for encoding in ("ascii", "latin-1"):
        for fmt in ("table", "json", "markdown"):
            out = run("rate", dossier, "--rules", TINY, "-f", fmt, memory_mb=None,
                      env={"PYTHONIOENCODING": encoding})
            assert out.code == 0, out.text
            assert "QĐ-TTg, Điều 7" in out.out  # UTF-8, read back as UTF-8
    # a workbook openpyxl warns about: its warning never reaches the user, the sheet is rated
    book = tmp_path / "extension.xlsx"
    book.write_bytes(inputs.unknown_extension())
    warned = run("rate", book, "--rules", TINY, memory_mb=None)
    assert warned.code == 0, warned.text
    assert "site-packages" not in warned.text and "Warning" not in warned.text, warned.text
