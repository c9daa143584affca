"""Templates that protect the council's work: no silent overwrite, several product sets in
one workbook, headers with the criterion's name, drop-downs for every row, typed points
answered with the right code, and a guide that says what the reader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import bundled_library

runner = CliRunner()
SETS = ("food-fresh-meat-26", "food-honey-26")


def _best(rubric_id: str) -> dict[str, str]:
    rubric = bundled_library().get(rubric_id)
    return {c.id: max(c.options, key=lambda o: o.points).code for c in rubric.criteria}


def _fill(sheet: object, row: int, values: dict[str, str]) -> None:
    header = [c.value for c in sheet[1]]  # type: ignore[index]
    for col, key in enumerate(header, start=1):
        name = str(key).split(" ", 1)[0]  # "A1.1 Nguồn nguyên liệu" names A1.1
        if name in values:
            sheet.cell(row=row, column=col, value=values[name])  # type: ignore[attr-defined]


def test_an_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "filled.xlsx"
    out.write_bytes(b"the council's filled sheet")
    refused = runner.invoke(app, ["template", SETS[0], "-f", "xlsx", "-o", str(out)])
    assert refused.exit_code == 2
    assert "không ghi đè" in refused.stderr and "--force" in refused.stderr
    assert out.read_bytes() == b"the council's filled sheet"
    forced = runner.invoke(app, ["template", SETS[0], "-f", "xlsx", "-o", str(out), "--force"])
    assert forced.exit_code == 0 and out.read_bytes().startswith(b"PK")


def test_several_product_sets_in_one_workbook_are_all_read(tmp_path: Path) -> None:
    out = tmp_path / "round.xlsx"
    made = runner.invoke(app, ["template", *SETS, "-f", "xlsx", "-o", str(out)])
    assert made.exit_code == 0, made.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [*SETS, "Hướng dẫn - Guide"]
    for number, rubric_id in enumerate(SETS, start=1):
        sheet = book[rubric_id]
        for row, member in ((2, "Thành viên 1"), (3, "Thành viên 2")):
            _fill(sheet, row, {"product_id": f"P-{number}", "product_name": f"Sản phẩm {number}",
                               "rubric": rubric_id, "member": member, **_best(rubric_id)})
        # a person labels the criterion columns with their names: still read
        for cell in sheet[1][4:]:
            crit = bundled_library().get(rubric_id).criteria_by_id[str(cell.value)]
            cell.value = f"{crit.id} {crit.name.vi}"
    filled = tmp_path / "round-filled.xlsx"
    book.save(filled)
    result = runner.invoke(app, ["rate", str(filled), "-f", "json"])
    assert result.exit_code == 0, result.output
    items = {i["product_id"]: i for i in json.loads(result.stdout)}
    assert set(items) == {"P-1", "P-2"}
    assert [items[f"P-{n}"]["rubric"] for n in (1, 2)] == list(SETS)
    assert all(i["total"] == 100.0 for i in items.values())


def test_drop_downs_reach_every_row_a_round_can_have(tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    assert runner.invoke(app, ["template", SETS[0], "-f", "xlsx", "-o", str(out)]).exit_code == 0
    sheet = openpyxl.load_workbook(out)["Phiếu chấm"]
    ranges = [str(dv.sqref) for dv in sheet.data_validations.dataValidation]
    assert ranges and all(r.endswith("1048576") for r in ranges)  # 7 members × 30 = 210 too


def test_typed_points_are_answered_with_the_code(tmp_path: Path) -> None:
    rubric = bundled_library().get(SETS[0])
    crit = next(c for c in rubric.criteria if len({o.points for o in c.options}) > 2)
    option = crit.options[1]
    out = tmp_path / "sheet.xlsx"
    assert runner.invoke(app, ["template", SETS[0], "-f", "xlsx", "-o", str(out)]).exit_code == 0
    book = openpyxl.load_workbook(out)
    sheet = book["Phiếu chấm"]
    _fill(sheet, 2, {"product_id": "P-1", "product_name": "Thử", "rubric": SETS[0],
                     "member": "M1", **_best(SETS[0]), crit.id: f"{option.points:g}"})
    book.save(out)
    result = runner.invoke(app, ["rate", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    points = f"{option.points:g}".replace(".", ",")
    assert f"có phải {option.code} ({points} điểm)?" in result.stdout, result.stdout


def test_the_guide_says_what_the_reader_does(tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    assert runner.invoke(app, ["template", SETS[0], "-f", "xlsx", "-o", str(out)]).exit_code == 0
    book = openpyxl.load_workbook(out)
    guide = " ".join(str(c.value) for row in book["Hướng dẫn - Guide"].iter_rows()
                     for c in row if c.value)
    assert "Không được để trống ô tiêu chí" in guide and "No criterion cell may be blank" in guide
    sheet = book["Phiếu chấm"]
    codes = _best(SETS[0])
    blank = next(iter(codes))
    _fill(sheet, 2, {"product_id": "P-1", "product_name": "Thử", "rubric": SETS[0],
                     "member": "M1", **{k: v for k, v in codes.items() if k != blank}})
    _fill(sheet, 3, {"product_id": "P-2", "product_name": "Đủ", "rubric": SETS[0],
                     "member": "M1", **codes})
    book.save(out)
    result = runner.invoke(app, ["rate", str(out), "-f", "json"])
    items = {i["product_id"]: i for i in json.loads(result.stdout)}
    assert items["P-1"]["stars"] is None and items["P-2"]["total"] == 100.0  # as the guide says
