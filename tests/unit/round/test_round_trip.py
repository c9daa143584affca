"""The council's day in Excel: template → filled by members → rated, with disagreements."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import bundled_library

runner = CliRunner()
RUBRIC = "food-processed-animal-26"


def test_xlsx_template_filled_and_rated(tmp_path: Path) -> None:
    import openpyxl

    template = tmp_path / "phieu-cham.xlsx"
    made = runner.invoke(app, ["template", RUBRIC, "-f", "xlsx", "-o", str(template)])
    assert made.exit_code == 0, made.output

    rubric = bundled_library().get(RUBRIC)
    best = {c.id: max(c.options, key=lambda o: o.points).code for c in rubric.criteria}
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["product_id", "product_name", "rubric", "member"]
    for row, member in ((2, "Thành viên 1"), (3, "Thành viên 2")):
        codes = dict(best)
        if row == 3:
            codes["A1.5"] = "a"  # 0 points where the other member gave d (3): 3 options apart
        values = {"product_id": "QN-HL-0999", "product_name": "Chả mực thử",
                  "rubric": RUBRIC, "member": member, **codes}
        for col, key in enumerate(header, start=1):
            if key in values:
                sheet.cell(row=row, column=col, value=values[key])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    result = runner.invoke(app, ["rate", str(filled), "-f", "json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert item["product_id"] == "QN-HL-0999" and item["product_name"] == "Chả mực thử"
    assert [m["total"] for m in item["members"]] == [100.0, 97.0]
    assert item["total"] == 98.5
    # Of two members, both must reach a star mark: A1.5 at 'a' is below the 4-star mark.
    assert item["band_stars"] == 5 and item["stars"] == 3
    assert "min-option:A1.5" in {g["id"] for g in item["gates"]}
    splits = item["disagreement"]["splits"]
    assert [(s["criterion"], s["steps"]) for s in splits] == [("A1.5", 3)]
    assert item["disagreement"]["flagged"] is True

    table = runner.invoke(app, ["rate", str(filled), "--members", "--lang", "en"])
    assert table.exit_code == 0
    assert "QN-HL-0999" in table.stdout and "A1.5" in table.stdout


def test_score_sheet_on_points_scale_rubric(tmp_path: Path) -> None:
    # The 1048 rubric's criteria are part totals: members 2 points apart are no split.
    sheet = tmp_path / "1048.csv"
    sheet.write_text(
        "product_id,product_name,rubric,member,A,B,C\n"
        "QN-OLD-1,Chả mực 2021,all-part-totals-1048,M1,27,18,31\n"
        "QN-OLD-1,Chả mực 2021,all-part-totals-1048,M2,25,18,33\n", encoding="utf-8")
    result = runner.invoke(app, ["rate", str(sheet), "-f", "json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert item["total"] == 76.0 and item["stars"] == 4
    assert item["disagreement"] == {"spread": 0.0, "spread_limit": 10.0, "over_limit": False,
                                    "flagged": False, "splits": [], "case_splits": []}


def test_check_and_diff_see_score_sheet_products(tmp_path: Path) -> None:
    sheet = tmp_path / "sheets" / "1048.csv"
    sheet.parent.mkdir()
    sheet.write_text(
        "product_id,product_name,rubric,member,A,B,C\n"
        "QN-OLD-1,Chả mực 2021,all-part-totals-1048,M1,27,18,31\n"
        "QN-OLD-2,Miến dong 2020,all-part-totals-1048,M1,20,10,15\n", encoding="utf-8")
    golden = tmp_path / "golden.csv"
    made = runner.invoke(app, ["check", str(sheet.parent), "--expect", str(golden), "--update"])
    assert made.exit_code == 0, made.output
    assert "QN-OLD-1" in golden.read_text(encoding="utf-8")
    checked = runner.invoke(app, ["check", str(sheet.parent), "--expect", str(golden),
                                  "-f", "json"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["ok"] is True

    import shutil

    from tests.conftest import RULES

    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(RULES, base)
    shutil.copytree(RULES, head)
    rubric = head / "all-part-totals-1048.yaml"  # move the 4-star edge from 70 to 80
    text = rubric.read_text(encoding="utf-8")
    text = text.replace("max: 70", "max: 80").replace("min: 70", "min: 80")
    rubric.write_text(text, encoding="utf-8")
    moved = runner.invoke(app, ["diff", str(base), str(head), "--dossiers", str(sheet.parent),
                                "-f", "json", "--fail-on", "down"])
    report = json.loads(moved.stdout)
    changes = {p["product_id"]: (p["before"]["stars"], p["after"]["stars"])
               for p in report["products"]}
    assert changes == {"QN-OLD-1": (4, 3), "QN-OLD-2": (2, 2)}
    assert moved.exit_code == 1
