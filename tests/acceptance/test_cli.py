"""The real CLI, through typer's runner and as a subprocess: formats, languages, exit codes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import SAMPLES, dossier_data

runner = CliRunner()
GOOD = {"A1": "h", "B1": "c", "C1": "c"}
EXPECTED_SAMPLES = {  # product id -> (stars, recognised) at a provincial council (the default)
    "QN-HL-0102": (5, False),  # 90 or more: proposed to the Ministry for 5 stars
    "QN-DH-0017": (4, True), "QN-BL-0045": (4, True),
    "QN-VD-0031": (3, True), "QN-TY-0008": (3, True), "QN-DT-0120": (2, False),
    "QN-CT-0009": (2, False),
    # one per product group and decision (rubric library, issue 3)
    "QN-BC-0021": (4, True), "QN-BC-0033": (3, True), "QN-DT-0210": (4, True),
    "QN-BL-0090": (3, True), "QN-VD-0066": (4, True), "QN-HH-0014": (3, True),
    "QN-VD-0088": (3, True), "QN-TY-0077": (3, True), "QN-DH-0140": (1, False),
    "QN-BL-0120": (3, True), "QN-HB-0031": (3, True), "QN-CP-0005": (4, True),
    "QN-HL-0021": (4, True),
}


def checksums(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_samples_json_follows_contract() -> None:
    before = checksums(SAMPLES)
    result = runner.invoke(app, ["rate", str(SAMPLES), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {d["product_id"]: (d["stars"], d["recognised"]) for d in data} == EXPECTED_SAMPLES
    for item in data:
        for key in ("product_id", "rubric", "total", "parts", "stars", "recognised", "outcome",
                    "gates", "members", "criteria", "next_star", "errors"):
            assert key in item
        assert item["outcome"] == {5: "proposed-5-star", 4: "recognised", 3: "recognised"}.get(
            item["stars"], "not-recognised")
        assert set(item["parts"]) == {"A", "B", "C"}
        assert round(sum(item["parts"].values()), 2) == item["total"]
        assert 2 <= len(item["members"]) <= 3
        member_mean = sum(m["total"] for m in item["members"]) / len(item["members"])
        assert abs(member_mean - item["total"]) < 0.006
        for crit in item["criteria"]:
            assert {"id", "points", "max_points", "option"} <= set(crit)
        assert (item["next_star"] is None) == (item["stars"] == 5)
        for gate in item["gates"]:
            assert {"id", "effect", "reason"} <= set(gate)
    assert checksums(SAMPLES) == before  # inputs never modified


def test_table_in_vietnamese_and_english() -> None:
    vi = runner.invoke(app, ["rate", str(SAMPLES)], env={"COLUMNS": "120"})
    assert vi.exit_code == 0
    assert "Ngỗng sao Đầm Hà" in vi.stdout and "★★★★★ 5 sao" in vi.stdout
    assert "Không đạt OCOP: 3" in vi.stdout
    en = runner.invoke(app, ["rate", str(SAMPLES), "--lang", "en"], env={"COLUMNS": "120"})
    assert en.exit_code == 0
    assert "Dam Ha star goose" in en.stdout and "5 stars: 1" in en.stdout
    assert "Not recognised: 3" in en.stdout


def test_markdown_and_csv_outputs(tmp_path: Path) -> None:
    md = runner.invoke(app, ["rate", str(SAMPLES), "-f", "markdown", "--lang", "en"])
    assert md.exit_code == 0
    assert md.stdout.startswith("| Product |") and "QN-HL-0102 Ha Long squid cake" in md.stdout
    out = tmp_path / "ratings.csv"
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads the diacritics
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["product_id"]: int(r["stars"]) for r in rows} == {
        k: v[0] for k, v in EXPECTED_SAMPLES.items()}
    assert any(r["product_name"] == "Chả mực Hạ Long" for r in rows)
    assert not list(tmp_path.glob(".ratings.csv.*"))  # no temporary file left behind


def test_csv_neutralises_formulas(tmp_path: Path, tiny_rules: Path,
                                  write_dossier: Callable[..., Path]) -> None:
    data = dossier_data([GOOD])
    data["product"]["name"] = '=HYPERLINK("http://evil","x")'
    path = write_dossier("evil.yaml", data)
    result = runner.invoke(app, ["rate", str(path), "--rules", str(tiny_rules), "-f", "csv"])
    assert result.exit_code == 0
    row = next(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert row["product_name"].startswith("'=")


def test_output_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "ratings.json"
        assert runner.invoke(app, ["rate", str(SAMPLES), "-f", "json", "-o", str(out)]
                             ).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)  # an existing report keeps its permissions
        assert runner.invoke(app, ["rate", str(SAMPLES), "-f", "json", "-o", str(out)]
                             ).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "ratings.json"
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(EXPECTED_SAMPLES)
    table = tmp_path / "ratings.txt"
    assert runner.invoke(app, ["rate", str(SAMPLES), "-o", str(table)]).exit_code == 0
    assert "Chả mực Hạ Long" in table.read_text(encoding="utf-8")


def test_output_never_overwrites_an_input(tmp_path: Path, tiny_rules: Path,
                                          write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("one.yaml", dossier_data([GOOD]))
    before = path.read_bytes()
    result = runner.invoke(app, ["rate", str(path.parent), "--lang", "en", "--rules",
                                 str(tiny_rules),
                                 "-f", "json", "-o", str(path)])
    assert result.exit_code == 2
    assert "is one of this run's input files" in result.stderr
    assert path.read_bytes() == before


def test_bad_dossier_in_batch_exit_1(tmp_path: Path, tiny_rules: Path,
                                     write_dossier: Callable[..., Path]) -> None:
    write_dossier("good.yaml", dossier_data([GOOD], pid="GOOD-1"))
    write_dossier("bad.yaml", dossier_data([{**GOOD, "B1": "z"}], pid="BAD-1"))
    folder = tmp_path / "dossiers"
    result = runner.invoke(app, ["rate", str(folder), "--rules", str(tiny_rules), "-f", "json"])
    assert result.exit_code == 1
    items = {d["product_id"]: d for d in json.loads(result.stdout)}
    assert items["GOOD-1"]["stars"] == 5
    assert items["BAD-1"]["stars"] is None
    error = items["BAD-1"]["errors"][0]
    assert error["file"].endswith("bad.yaml") and error["field"] == "council[0].scores.B1"
    table = runner.invoke(app, ["rate", str(folder), "--rules", str(tiny_rules)])
    assert table.exit_code == 1
    assert "bad.yaml:" in table.stdout and "phương án 'z' không có ở B1" in table.stdout


def test_duplicate_product_ids(tmp_path: Path, tiny_rules: Path,
                               write_dossier: Callable[..., Path]) -> None:
    write_dossier("one.yaml", dossier_data([GOOD], pid="SAME"))
    write_dossier("two.yaml", dossier_data([GOOD], pid="SAME"))
    result = runner.invoke(app, ["rate", str(tmp_path / "dossiers"), "--rules",
                                 str(tiny_rules), "-f", "json"])
    assert result.exit_code == 1
    second = json.loads(result.stdout)[1]
    assert "already used" in second["errors"][0]["message"]


@pytest.mark.parametrize("args", [
    ["rate", "no/such/folder"],
    ["rate", "sample_products/*.nothing"],
    ["rate", str(SAMPLES), "--format", "pdf"],
    ["rate", str(SAMPLES), "--rules", "no/such/rules"],
    ["rubrics", "show", "no-such-rubric"],
    ["rubrics", "list", "--on", "yesterday"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_invalid_rules_exit_2_with_location(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("id: bad\nparts: [\n", encoding="utf-8")
    result = runner.invoke(app, ["rate", str(SAMPLES), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "bad.yaml:" in result.stderr and "YAML không hợp lệ" in result.stderr


def test_rubrics_list_and_show() -> None:
    listed = runner.invoke(app, ["rubrics", "list", "--format", "json", "--on", "2026-11-23"])
    assert listed.exit_code == 0
    entries = {e["id"]: e for e in json.loads(listed.stdout)}
    assert "food-processed-animal-26" in entries
    assert entries["food-processed-animal-26"]["in_force"] is True
    old = runner.invoke(app, ["rubrics", "list", "--format", "json", "--on", "2018-06-01"])
    assert not any(e["in_force"] for e in json.loads(old.stdout))
    shown = runner.invoke(app, ["rubrics", "show", "food-processed-animal-26", "-f", "json"])
    assert shown.exit_code == 0
    rubric = json.loads(shown.stdout)
    assert [p["max_points"] for p in rubric["parts"]] == [40, 25, 35]
    first = rubric["criteria"][0]
    assert {"id", "part", "max_points", "options"} <= set(first)
    assert {"code", "points", "label"} <= set(first["options"][0])
    # wide enough that a criterion's name is on one line (80 columns: test_views_80_columns)
    sheet = runner.invoke(app, ["rubrics", "show", "food-processed-animal-26"],
                          env={"COLUMNS": "120"})
    assert sheet.exit_code == 0 and "Nguồn nguyên liệu" in sheet.stdout


def test_version_and_help() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("ocop-rate ")
    assert runner.invoke(app, ["--help"]).exit_code == 0


def test_console_script_runs_as_subprocess(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ocop_rate", "rate", str(SAMPLES), "--format", "json"],
        capture_output=True, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout.decode("utf-8"))
    assert len(data) == len(EXPECTED_SAMPLES)


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys; from ocop_rate.cli import main; sys.argv=['ocop-rate','--help'];\n"
            "try:\n main()\nexcept SystemExit: pass\n"
            "heavy = {'pandas', 'pydantic', 'openpyxl'} & set(sys.modules)\n"
            "assert not heavy, heavy")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
