"""Council reports through the real CLI: summary counts, HTML, XLSX, templates, progress."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.acceptance.test_cli import EXPECTED_SAMPLES
from tests.conftest import SAMPLES, dossier_data

runner = CliRunner()
GOOD = {"A1": "h", "B1": "c", "C1": "c"}            # 40 + 25 + 35 = 100: 5 stars
THREE = {"A1": "f", "B1": "a", "C1": "b"}           # 30 + 0 + 20 = 50: 3 stars
TWO = {"A1": "f", "B1": "a", "C1": "a"}             # 30: 2 stars, not recognised


def producer(kind: str, commune: str, province: str) -> dict[str, str]:
    return {"name": "HTX", "kind": kind, "commune": commune, "province": province}


@pytest.fixture
def batch(tmp_path: Path, write_dossier: Callable[..., Path]) -> Path:
    """Four rated products and one that cannot be rated, with known producers."""
    def product(pid: str, sheet: dict[str, str], prod: dict[str, str]) -> dict[str, Any]:
        data = dossier_data([sheet], pid=pid)
        data["product"]["producer"] = prod
        return data
    write_dossier("p1.yaml", product("P1", GOOD, producer("cooperative", "Đầm Hà", "Quảng Ninh")))
    write_dossier("p2.yaml", product("P2", GOOD, producer("company", "Hạ Long", "Quảng Ninh")))
    write_dossier("p3.yaml", product("P3", THREE, producer("cooperative", "Đầm Hà",
                                                           "Quảng Ninh")))
    write_dossier("p4.yaml", product("P4", TWO, producer("household", "Sa Pa", "Lào Cai")))
    write_dossier("p5.yaml", dossier_data([{**GOOD, "B1": "z"}], pid="P5"))
    return tmp_path / "dossiers"


def test_summary_counts_equal_a_hand_count(batch: Path, tiny_rules: Path) -> None:
    result = runner.invoke(app, ["summary", str(batch), "--rules", str(tiny_rules),
                                 "-f", "json"])
    assert result.exit_code == 1  # P5 could not be rated
    data = json.loads(result.stdout)
    assert (data["products"], data["rated"], data["could_not_rate"]) == (5, 4, 1)
    assert {c["key"]: (c["count"], c["share"]) for c in data["classes"]} == {
        "5": (2, 0.4), "4": (0, 0.0), "3": (1, 0.2), "not_recognised": (1, 0.2),
        "could_not_rate": (1, 0.2)}
    by = {b["dimension"]: {r["value"]: r for r in b["rows"]} for b in data["breakdowns"]}
    assert by["province"]["Quảng Ninh"]["count"] == 3
    assert by["province"]["Quảng Ninh"]["by_class"] == {"5": 2, "4": 0, "3": 1,
                                                        "not_recognised": 0}
    assert by["province"]["Lào Cai"]["by_class"]["not_recognised"] == 1
    assert by["commune"]["Đầm Hà, Quảng Ninh"]["count"] == 2
    assert by["commune"]["Đầm Hà, Quảng Ninh"]["mean_total"] == 75.0   # (100 + 50) / 2
    assert by["producer_kind"]["cooperative"]["share"] == 0.5
    assert by["product_group"]["food"]["count"] == 4
    means = {m["key"]: m for m in data["part_means"]}
    assert means["all"]["parts"] == {"A": 35.0, "B": 12.5, "C": 22.5}  # hand means of 4
    assert means["all"]["total"] == 70.0


def test_summary_table_and_markdown(batch: Path, tiny_rules: Path) -> None:
    table = runner.invoke(app, ["summary", str(batch), "--rules", str(tiny_rules),
                                "--lang", "en"], env={"COLUMNS": "120"})
    assert "Products by class (5 products)" in table.stdout
    bar_line = next(line for line in table.stdout.splitlines() if "5 stars" in line)
    assert "█" in bar_line and re.search(r"\b2\b.*40\.0%", bar_line)  # count, share, bar
    assert "Cooperative" in table.stdout and "Lào Cai" in table.stdout
    md = runner.invoke(app, ["summary", str(SAMPLES), "-f", "markdown"])
    assert md.exit_code == 0
    n = len(EXPECTED_SAMPLES)
    five = sum(1 for stars, _ in EXPECTED_SAMPLES.values() if stars == 5)
    share = f"{100 * five / n:.1f}".replace(".", ",")  # a Vietnamese document: 5,0%
    assert f"| 5 sao | {five} | {share}% |" in md.stdout


def test_html_report_contains_products_and_escapes(tmp_path: Path, tiny_rules: Path,
                                                   write_dossier: Callable[..., Path]) -> None:
    hostile = dossier_data([GOOD], pid="EVIL-1")
    hostile["product"]["name"] = '<script>alert("x")</script>'
    hostile["council"][0]["member"] = "<b>M & co</b>"
    hostile["council"][0]["notes"] = {"A1": "<img src=x onerror=alert(1)>"}
    write_dossier("evil.yaml", hostile)
    write_dossier("ok.yaml", dossier_data([THREE, TWO], pid="OK-2"))
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["rate", str(tmp_path / "dossiers"), "--rules",
                                 str(tiny_rules), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="vi"' in html
    for pid in ("EVIL-1", "OK-2"):
        assert f'id="p-{pid}"' in html  # a score sheet per product
    assert "<script>" not in html and "<img" not in html and "<b>M" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;M &amp; co&lt;/b&gt;" in html
    assert "<svg" in html  # the stars chart, inline
    assert "<link" not in html and 'src="http' not in html  # self-contained
    assert "Phiếu chấm" in html and "Thư ký hội đồng" in html


def test_html_report_of_samples_in_english() -> None:
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "html", "--lang", "en"])
    assert result.exit_code == 0
    assert "OCOP product rating report" in result.stdout
    assert result.stdout.count('class="sheet"') == len(EXPECTED_SAMPLES)


def test_xlsx_report_sheets_and_neutralised_cells(tmp_path: Path, tiny_rules: Path,
                                                  write_dossier: Callable[..., Path]) -> None:
    evil = dossier_data([GOOD, THREE], pid="X-1")
    evil["product"]["name"] = '=HYPERLINK("http://evil","x")'
    evil["council"][1]["member"] = "@SUM(A1:A9)"
    write_dossier("evil.yaml", evil)
    out = tmp_path / "results.xlsx"
    result = runner.invoke(app, ["rate", str(tmp_path / "dossiers"), "--rules",
                                 str(tiny_rules), "-f", "xlsx", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Results", "Test sheet", "Members", "data"]
    results = [[c.value for c in row] for row in book["data"].iter_rows()]
    assert results[0][:3] == ["product_id", "product_name", "rubric"]  # CONTRACT names
    assert results[1][1] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert results[1][results[0].index("total")] == 75.0
    assert results[1][results[0].index("discuss")] is True   # 100 vs 50
    people = [[c.value for c in row] for row in book["Results"].iter_rows()]
    assert people[0][:3] == ["Product ID", "Product name", "Product set"]
    assert people[1][1] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert people[1][people[0].index("Discuss again")] == "Yes"
    assert book["Results"].freeze_panes == "C2"
    assert book["Results"].cell(row=2, column=people[0].index("Total") + 1).number_format \
        == "0.00"
    per_criterion = [[c.value for c in row] for row in book["Test sheet"].iter_rows()]
    assert per_criterion[0][:5] == ["Product ID", "Product name", "A1", "B1", "C1"]
    assert per_criterion[1][2:5] == [35.0, 12.5, 27.5]
    members = [[c.value for c in row] for row in book["Members"].iter_rows()]
    assert [r[3] for r in members[1:]] == ["M1", "'@SUM(A1:A9)"]
    assert [r[members[0].index("Total")] for r in members[1:]] == [100.0, 50.0]


def test_xlsx_refuses_the_terminal() -> None:
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "xlsx"])
    assert result.exit_code == 2
    assert "--output" in result.stderr


def criteria_ids(rubric_id: str) -> list[str]:
    shown = runner.invoke(app, ["rubrics", "show", rubric_id, "-f", "json"])
    return [c["id"] for c in json.loads(shown.stdout)["criteria"]]


def test_xlsx_template_has_contract_header_and_dropdowns(tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    result = runner.invoke(app, ["template", "food-fresh-meat-26", "-f", "xlsx", "-o",
                                 str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Phiếu chấm", "Hướng dẫn - Guide"]
    sheet = book["Phiếu chấm"]
    ids = criteria_ids("food-fresh-meat-26")
    header = [c.value for c in sheet[1]]
    assert header == ["product_id", "product_name", "rubric", "member", *ids]
    rubric = json.loads(runner.invoke(app, ["rubrics", "show", "food-fresh-meat-26",
                                            "-f", "json"]).stdout)
    lists = {str(dv.sqref).split(":")[0]: dv.formula1
             for dv in sheet.data_validations.dataValidation}
    assert lists["C2"] == '"food-fresh-meat-26"'
    for column, crit in enumerate(rubric["criteria"], start=5):
        cell = sheet.cell(row=1, column=column)
        codes = ",".join(o["code"] for o in crit["options"])
        assert lists[f"{cell.column_letter}2"] == f'"{codes}"', crit["id"]
        assert cell.comment is not None and crit["id"] in cell.comment.text
    guide = [[c.value for c in row] for row in book["Hướng dẫn - Guide"].iter_rows()]
    header_at = next(i for i, row in enumerate(guide) if row[0] == "criterion")
    options = guide[header_at + 1:]
    assert len(options) == sum(len(c["options"]) for c in rubric["criteria"])
    marked = [r for r in options if r[7]]
    assert marked and all(set(r[7]) == {"*"} for r in marked)


def test_yaml_template_filled_in_is_rated(tmp_path: Path) -> None:
    result = runner.invoke(app, ["template", "food-fresh-meat-26"])
    assert result.exit_code == 0
    text = result.stdout
    assert "#   a = 1: Sản phẩm được nuôi, đánh bắt trên địa bàn cấp xã" in text
    blank = tmp_path / "blank.yaml"
    blank.write_text(text, encoding="utf-8")
    unfilled = runner.invoke(app, ["rate", str(blank), "-f", "json"])
    assert unfilled.exit_code == 1
    errors = json.loads(unfilled.stdout)[0]["errors"]
    assert any(e["field"] == "product.id" and e["line"] for e in errors)
    data = yaml.safe_load(text)
    assert data["product"]["rubric"] == "food-fresh-meat-26"
    data["product"].update(id="T-1", name="Thử")
    named = tmp_path / "named.yaml"
    named.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    unscored = runner.invoke(app, ["rate", str(named), "-f", "json"])
    assert unscored.exit_code == 1
    assert "gave no option for" in json.loads(unscored.stdout)[0]["errors"][0]["message"]
    assert [m["member"] for m in data["council"]] == ["Thành viên 1", "Thành viên 2"]
    ids = criteria_ids("food-fresh-meat-26")
    assert list(data["council"][0]["scores"]) == ids == list(data["council"][1]["scores"])
    for sheet in data["council"]:
        sheet["scores"] = {cid: "b" for cid in ids}
    filled = tmp_path / "filled.yaml"
    filled.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rated = runner.invoke(app, ["rate", str(filled), "-f", "json"])
    assert rated.exit_code == 0, rated.output
    assert json.loads(rated.stdout)[0]["stars"] is not None


def test_template_usage_errors() -> None:
    assert runner.invoke(app, ["template", "no-such-rubric"]).exit_code == 2
    assert runner.invoke(app, ["template", "food-fresh-meat-26", "-f", "xlsx"]).exit_code == 2


def _stderr_on_a_terminal(tmp_path: Path, env: dict[str, str]) -> str:
    """Run ``rate`` with stderr on a pseudo-terminal and stdout to a file; what stderr got."""
    master, slave = pty.openpty()
    with (tmp_path / "out.json").open("wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ocop_rate", "rate", str(SAMPLES), "-f", "json"],
            stdout=stdout, stderr=slave, env=env)
        os.close(slave)
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait()
    os.close(master)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_outside_ci(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    done = f"{len(EXPECTED_SAMPLES)}/{len(EXPECTED_SAMPLES)}"
    assert done in _stderr_on_a_terminal(tmp_path, env)
    assert done not in _stderr_on_a_terminal(tmp_path, {**env, "CI": "true"})
    piped = runner.invoke(app, ["rate", str(SAMPLES), "-f", "json"], env={"CI": ""})
    assert done not in piped.stderr
