"""Score sheets (CSV, XLSX) through the real CLI: headers, located errors, mixing with YAML
dossiers, and the same ratings as the dossier-by-dossier engine."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import RULES, TINY_RUBRIC, dossier_data, dump

runner = CliRunner()
CONTRACT = ("product_id", "rubric", "total", "parts", "stars", "recognised", "gates",
            "members", "criteria", "next_star", "errors")


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding=encoding)
    return path


def rate_json(*args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = runner.invoke(app, ["rate", *args, "-f", "json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {i["product_id"]: i for i in items}


HEADER = ["product_id", "product_name", "rubric", "member", "A1", "B1", "C1"]


def test_sheet_rates_like_the_same_dossiers(tmp_path: Path, tiny_rules: Path) -> None:
    sheets = {"P-1": [{"A1": "h", "B1": "c", "C1": "c"}, {"A1": "f", "B1": "b", "C1": "b"}],
              "P-2": [{"A1": "b", "B1": "a", "C1": "b"}],
              "P-3": [{"A1": "d", "B1": "b", "C1": "a"}, {"A1": "e", "B1": "c", "C1": "b"},
                      {"A1": "c", "B1": "b", "C1": "c"}]}
    rows: list[list[Any]] = [HEADER]
    for pid, members in sheets.items():
        for i, scores in enumerate(members):
            rows.append([pid, f"Tên {pid}", "tiny", f"M{i + 1}", *scores.values()])
    sheet = write_csv(tmp_path / "council.csv", rows)
    for pid, members in sheets.items():
        data = dossier_data(members, pid=pid)
        data["product"]["name"] = f"Tên {pid}"
        dump(tmp_path / "yaml" / f"{pid}.yaml", data)

    code, from_sheet, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
    assert code == 0
    code, from_yaml, _ = rate_json(str(tmp_path / "yaml"), "--rules", str(tiny_rules))
    assert code == 0
    sheet_items, yaml_items = by_id(from_sheet), by_id(from_yaml)
    assert set(sheet_items) == set(sheets)
    for pid, got in sheet_items.items():
        want = yaml_items[pid]
        for key in CONTRACT:
            if key == "criteria":
                assert got[key] == [{k: c[k] for k in ("id", "points", "max_points", "option")}
                                    for c in want[key]]
            else:
                assert got[key] == want[key], (pid, key)
        assert got["file"] == str(sheet)


def test_vietnamese_headers_and_loose_cells(tmp_path: Path, tiny_rules: Path) -> None:
    sheet = write_csv(tmp_path / "phieu.csv", [
        ["Mã SP", "Tên sản phẩm", "Bộ sản phẩm", "NGƯỜI CHẤM", "a1", "B1", "c1"],
        ["VN-1", "Chè Hà Giang", "tiny", "Bà Lan", " H ", "c", "C"],
    ], encoding="utf-8-sig")
    code, items, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
    assert code == 0
    assert items[0]["product_name"] == "Chè Hà Giang"
    assert items[0]["total"] == 100.0 and items[0]["stars"] == 5
    assert items[0]["members"][0]["member"] == "Bà Lan"


def test_bad_cells_are_located_and_the_rest_rated(tmp_path: Path, tiny_rules: Path) -> None:
    sheet = write_csv(tmp_path / "council.csv", [
        HEADER,
        ["OK-1", "good", "tiny", "M1", "h", "c", "c"],
        ["BAD-1", "bad option", "tiny", "M1", "h", "z", "c"],
        ["BAD-2", "blank cell", "tiny", "M1", "h", "", "c"],
        ["BAD-3", "twice", "tiny", "M1", "h", "c", "c"],
        ["BAD-3", "twice", "tiny", "M1", "a", "a", "a"],
        ["BAD-4", "no such rubric", "tinny", "M1", "h", "c", "c"],
        ["OK-2", "good", "tiny", "M1", "a", "a", "a"],
    ])
    code, items, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
    assert code == 1
    found = by_id(items)
    assert found["OK-1"]["stars"] == 5 and found["OK-2"]["stars"] == 1
    bad_option = found["BAD-1"]["errors"][0]
    assert bad_option == {"file": str(sheet), "line": 3, "column": 6, "field": "B1",
                          "message": bad_option["message"]}
    assert "unknown option 'z' for B1" in bad_option["message"]
    blank = found["BAD-2"]["errors"][0]
    assert (blank["line"], blank["field"]) == (4, "B1") and "no option for B1" in blank["message"]
    twice = found["BAD-3"]["errors"][0]
    assert twice["line"] == 6 and "twice (rows 5 and 6)" in twice["message"]
    assert "did you mean tiny" in found["BAD-4"]["errors"][0]["message"]
    assert all(found[p]["stars"] is None for p in ("BAD-1", "BAD-2", "BAD-3", "BAD-4"))
    table = runner.invoke(app, ["rate", str(sheet), "--rules", str(tiny_rules), "-l", "en"])
    assert table.exit_code == 1 and "council.csv:3:6: B1: unknown option 'z'" in table.stdout


def test_rows_are_located_at_their_own_line_of_the_file(tmp_path: Path,
                                                       tiny_rules: Path) -> None:
    """A blank line and a name of two lines (a quoted cell, as Excel writes it) are lines of
    the file: every row below them is said at the line it stands on, as an editor counts."""
    sheet = tmp_path / "council.csv"
    sheet.write_text("product_id,product_name,rubric,member,A1,B1,C1\n"      # line 1
                     "OK-1,good,tiny,M1,h,c,c\n"                             # line 2
                     "\n"                                                    # line 3
                     'OK-2,"two\nlines",tiny,M1,a,a,a\n'                     # lines 4-5
                     "BAD-1,bad option,tiny,M1,h,z,c\n"                      # line 6
                     "BAD-3,twice,tiny,M1,h,c,c\n"                           # line 7
                     "BAD-3,twice,tiny,M1,a,a,a\n", encoding="utf-8")        # line 8
    code, items, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
    assert code == 1
    found = by_id(items)
    assert found["OK-2"]["stars"] == 1 and found["OK-1"]["stars"] == 5
    assert (found["BAD-1"]["errors"][0]["line"], found["BAD-1"]["errors"][0]["column"]) == (6, 6)
    twice = found["BAD-3"]["errors"][0]
    assert twice["line"] == 8 and "twice (rows 7 and 8)" in twice["message"]


def test_whole_sheet_problems(tmp_path: Path, tiny_rules: Path) -> None:
    cases = {
        "unknown-column.csv": [[*HEADER, "notes"], ["P-1", "x", "tiny", "M1", "h", "c", "c", ""]],
        "missing-criterion.csv": [HEADER[:-1], ["P-1", "x", "tiny", "M1", "h", "c"]],
        "two-rubrics.csv": [HEADER, ["P-1", "x", "tiny", "M1", "h", "c", "c"],
                            ["P-1", "x", "other", "M2", "h", "c", "c"]],
    }
    expected = {"unknown-column.csv": "unknown column 'notes'",
                "missing-criterion.csv": "no column for criterion C1",
                "two-rubrics.csv": "name different rubrics"}
    for name, rows in cases.items():
        sheet = write_csv(tmp_path / name, rows)
        code, items, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
        assert code == 1, name
        messages = [e["message"] for i in items for e in i["errors"]]
        assert any(expected[name] in m for m in messages), (name, messages)
        assert all(e["file"] == str(sheet) for i in items for e in i["errors"])


def test_sheet_without_member_column_is_the_files_member(tmp_path: Path,
                                                         tiny_rules: Path) -> None:
    """Members come from the row or the file (issue 19): ``Lan.csv`` without a member
    column is Lan's sheet; two rows of one product in it are Lan scoring it twice."""
    sheet = write_csv(tmp_path / "Lan.csv", [["product_id", "rubric", "A1", "B1", "C1"],
                                             ["P-1", "tiny", "h", "c", "c"]])
    code, items, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
    assert code == 0 and [m["member"] for m in items[0]["members"]] == ["Lan"]
    write_csv(sheet, [["product_id", "rubric", "A1", "B1", "C1"],
                      ["P-1", "tiny", "h", "c", "c"], ["P-1", "tiny", "a", "c", "c"]])
    code, items, _ = rate_json(str(sheet), "--rules", str(tiny_rules))
    assert code == 1 and "twice" in items[0]["errors"][0]["message"]


def test_xlsx_template_layout(tmp_path: Path, tiny_rules: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phiếu chấm"
    sheet.append(HEADER)
    sheet.append(["X-1", "Mật ong bạc hà", "tiny", "M1", "h", "c", "c"])
    sheet.append(["X-1", "Mật ong bạc hà", "tiny", "M2", "g", "c", "c"])
    sheet.append(["X-2", "=HYPERLINK(\"http://evil\")", "tiny", "M1", "h", "q", "c"])
    path = tmp_path / "hoi-dong.xlsx"
    book.save(path)
    code, items, _ = rate_json(str(path), "--rules", str(tiny_rules))
    assert code == 1
    found = by_id(items)
    assert found["X-1"]["total"] == 99.5 and len(found["X-1"]["members"]) == 2
    error = found["X-2"]["errors"][0]
    assert (error["file"], error["line"], error["column"], error["field"]) == (
        str(path), 4, 6, "B1")
    assert "sheet 'Phiếu chấm', cell F4" in error["message"]


def test_sheets_merge_with_dossiers_by_product_id(tmp_path: Path, tiny_rules: Path) -> None:
    """A sheet's rows and a dossier of the same product are one council (issue 19); the
    same member in both is an error located at both, and the product is not rated."""
    dump(tmp_path / "in" / "a.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}],
                                                  pid="SAME"))
    dump(tmp_path / "in" / "c.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}],
                                                  pid="TWICE"))
    write_csv(tmp_path / "in" / "b.csv", [HEADER, ["SAME", "x", "tiny", "M2", "a", "a", "a"],
                                          ["OTHER", "y", "tiny", "M1", "a", "a", "a"],
                                          ["TWICE", "z", "tiny", "m1", "a", "a", "a"]])
    code, items, _ = rate_json(str(tmp_path / "in"), "--rules", str(tiny_rules))
    assert code == 1
    rated = {i["product_id"]: i for i in items if not i["errors"]}
    assert sorted(rated) == ["OTHER", "SAME"]
    assert [m["member"] for m in rated["SAME"]["members"]] == ["M1", "M2"]
    repeat = next(i for i in items if i["errors"])
    assert repeat["product_id"] == "TWICE"
    message = repeat["errors"][0]["message"]
    assert "twice" in message and str(tmp_path / "in" / "c.yaml") in message \
        and "b.csv:4" in message


def test_csv_and_markdown_reports_include_sheet_products(tmp_path: Path) -> None:
    from ocop_rate.loading.rubrics import load_library

    rubric = load_library([RULES]).rubrics["food-processed-plant-26"]
    codes = [c.options[-1].code for c in rubric.criteria]
    sheet = write_csv(tmp_path / "s.csv", [
        ["product_id", "product_name", "rubric", "member", *[c.id for c in rubric.criteria]],
        ["QN-X-1", "Miến dong", rubric.id, "M1", *codes],
    ])
    out = tmp_path / "r.csv"
    result = runner.invoke(app, ["rate", str(sheet), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert (row["product_id"], row["total"], row["stars"]) == ("QN-X-1", "100.00", "5")
    md = runner.invoke(app, ["rate", str(sheet), "-f", "markdown", "--lang", "en"])
    assert md.exit_code == 0 and "QN-X-1 Miến dong" in md.stdout and "5 stars: 1" in md.stdout


@pytest.mark.parametrize("points", [0.125, 1 / 3])
def test_rubric_not_in_whole_hundredths_is_refused(tmp_path: Path, points: float) -> None:
    """One engine, in hundredths: a rubric it cannot hold exactly is not rated by a second
    path; the sheet's products fail with the rubric named, and validate refuses it."""
    rubric = json.loads(json.dumps(TINY_RUBRIC))
    rubric["criteria"][0]["options"][0]["points"] = points
    dump(tmp_path / "rules" / "tiny.yaml", rubric)
    sheet = write_csv(tmp_path / "s.csv", [HEADER, ["P-1", "x", "tiny", "M1", "a", "c", "c"]])
    code, items, _ = rate_json(str(sheet), "--rules", str(tmp_path / "rules"))
    assert code == 1 and items[0]["total"] is None
    assert "hundredths" in items[0]["errors"][0]["message"]
    lint = runner.invoke(app, ["validate", str(tmp_path / "rules"), "-f", "json"])
    assert lint.exit_code == 1
    found = [f for f in json.loads(lint.stdout)["findings"] if f["lint"] == "hundredths"]
    assert found and found[0]["field"].endswith("points") and found[0]["line"]


@pytest.mark.parametrize(("argv", "heavy"), [
    (["rubrics", "list"], ("pandas", "numpy")),
    (["rate", "sample_products"], ("pandas",)),  # the engine is numpy; pandas reads sheets
])
def test_pandas_is_imported_only_for_sheets(argv: list[str], heavy: tuple[str, ...]) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    code = ("import sys; from ocop_rate.cli import main; sys.argv=['ocop-rate', *sys.argv[1:]]\n"
            "try:\n main()\nexcept SystemExit: pass\n"
            f"assert not {{*sys.modules}} & {{*{heavy!r}}}, 'imported'")
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, cwd=REPO,
                          check=False)
    assert proc.returncode == 0, proc.stderr.decode()
