"""`ocop-rate check`: golden expectations in CSV and YAML, written by --update, then met,
broken on purpose, and malformed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.acceptance.test_cli import EXPECTED_SAMPLES
from tests.conftest import SAMPLES, dossier_data, dump

runner = CliRunner()


def check(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("name", ["golden.csv", "golden.yaml"])
def test_update_then_check_passes(tmp_path: Path, name: str) -> None:
    golden = tmp_path / name
    update = runner.invoke(app, ["check", str(SAMPLES), "--expect", str(golden), "--update"])
    assert update.exit_code == 0, update.output
    assert not list(tmp_path.glob(f".{name}.*"))  # written atomically, nothing left over
    rows = read_csv(golden) if name.endswith(".csv") else \
        yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert [r["product_id"] for r in rows] == sorted(EXPECTED_SAMPLES)
    assert {r["product_id"]: int(r["stars"]) for r in rows} == {
        k: v[0] for k, v in EXPECTED_SAMPLES.items()}
    code, report = check(str(SAMPLES), "--expect", str(golden))
    assert code == 0 and report["ok"] is True
    assert report["summary"]["pass"] == len(EXPECTED_SAMPLES)


def test_deliberate_mismatch_fails(tmp_path: Path) -> None:
    golden = tmp_path / "golden.csv"
    assert runner.invoke(app, ["check", str(SAMPLES), "-e", str(golden), "--update"]
                         ).exit_code == 0
    rows = read_csv(golden)
    for row in rows:
        if row["product_id"] == "QN-HL-0102":
            row["stars"] = "4"  # it is rated 5
        if row["product_id"] == "QN-DH-0017":
            row["total"] = f"{float(row['total']) + 0.5:.2f}"  # off by more than 0.01
        if row["product_id"] == "QN-BL-0045":
            row["total"] = f"{float(row['total']) + 0.005:.3f}"  # within the tolerance
    with golden.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, report = check(str(SAMPLES), "--expect", str(golden))
    assert code == 1 and report["ok"] is False
    cases = {c["product_id"]: c for c in report["products"]}
    assert cases["QN-HL-0102"]["status"] == "mismatch"
    assert cases["QN-HL-0102"]["message"] == "stars 5, expected 4"
    assert cases["QN-HL-0102"]["expected"]["line"] == 1 + 1 + sorted(EXPECTED_SAMPLES).index(
        "QN-HL-0102")
    assert cases["QN-DH-0017"]["status"] == "mismatch"
    assert "total 86.50, expected 87.00" in cases["QN-DH-0017"]["message"]
    assert cases["QN-BL-0045"]["status"] == "pass"
    assert report["summary"]["mismatch"] == 2
    assert check(str(SAMPLES), "--expect", str(golden), "--tolerance", "0.6")[0] == 1  # stars
    table = runner.invoke(app, ["check", str(SAMPLES), "-e", str(golden), "--lang", "en"])
    assert table.exit_code == 1 and "mismatch" in table.stdout and "failed: 2" in table.stdout
    github = runner.invoke(app, ["check", str(SAMPLES), "-e", str(golden), "-f", "github",
                                 "--lang", "en"])
    assert any(line.startswith("::error file=") and "QN-HL-0102: stars 5, expected 4" in line
               for line in github.stdout.splitlines())
    github = runner.invoke(app, ["check", str(SAMPLES), "-e", str(golden), "-f", "github",
                                 "--lang", "vi"])  # annotations follow --lang (issue 22)
    assert any(line.startswith("::error file=") and "QN-HL-0102: hạng" in line
               for line in github.stdout.splitlines())
    junit = runner.invoke(app, ["check", str(SAMPLES), "-e", str(golden), "-f", "junit"])
    root = ET.fromstring(junit.stdout)
    assert root.get("failures") == "2" and root.get("tests") == str(len(EXPECTED_SAMPLES))


def test_missing_unexpected_and_unratable(tmp_path: Path, tiny_rules: Path) -> None:
    folder = tmp_path / "dossiers"
    dump(folder / "a.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}], pid="A"))
    dump(folder / "new.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}], pid="NEW"))
    dump(folder / "bad.yaml", dossier_data([{"A1": "z", "B1": "c", "C1": "c"}], pid="BAD"))
    golden = dump(tmp_path / "golden.yaml", [
        {"product_id": "A", "stars": 5, "total": 100},
        {"product_id": "BAD", "stars": 3},
        {"product_id": "GONE", "stars": 4, "note": "dossier withdrawn"},
    ])
    code, report = check(str(folder), "--rules", str(tiny_rules), "--expect", str(golden))
    assert code == 1
    status = {c["product_id"]: c["status"] for c in report["products"]}
    assert status == {"A": "pass", "BAD": "error", "NEW": "unexpected", "GONE": "missing"}
    gone = next(c for c in report["products"] if c["product_id"] == "GONE")
    assert gone["expected"]["line"] == 6  # "- product_id: GONE"
    update = runner.invoke(app, ["check", str(folder), "--lang", "en", "--rules",
                                 str(tiny_rules), "-e",
                                 str(golden), "--update"])
    assert update.exit_code == 1  # BAD still cannot be rated, and says why
    assert "BAD" in update.stderr and "unknown option 'z'" in update.stderr
    written = yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert [r["product_id"] for r in written] == ["A", "NEW"]


@pytest.mark.parametrize(("text", "name", "line", "expected"), [
    ("product_id,stars,total\nQN-HL-0102,five,92.33\n", "g.csv", 2, "stars must be"),
    ("product_id,total\nQN-HL-0102,92.33\n", "g.csv", 1, "needs a 'stars' column"),
    ("product_id,stars,total\nQN-HL-0102,5,92.33\nQN-HL-0102,5,92.33\n", "g.csv", 3,
     "expected twice"),
    ("- {product_id: QN-HL-0102, stars: 5, total: 120}\n", "g.yaml", 1, "total must be"),
    ("- {product_id: QN-HL-0102, star: 5}\n", "g.yaml", 1, "unknown key 'star'"),
])
def test_malformed_golden_file_exit_2(tmp_path: Path, text: str, name: str, line: int,
                                      expected: str) -> None:
    golden = tmp_path / name
    golden.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(SAMPLES), "--expect", str(golden), "-l", "en"])
    assert result.exit_code == 2
    assert f"{golden}:{line}" in result.stderr and expected in result.stderr


def test_absent_golden_file_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(SAMPLES), "-e", str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "--update" in result.stderr


def test_formula_like_ids_round_trip_through_csv(tmp_path: Path, tiny_rules: Path) -> None:
    dump(tmp_path / "d" / "x.yaml",
         dossier_data([{"A1": "h", "B1": "c", "C1": "c"}], pid="=1+1"))
    golden = tmp_path / "golden.csv"
    args = ["check", str(tmp_path / "d"), "--rules", str(tiny_rules), "-e", str(golden)]
    assert runner.invoke(app, [*args, "--update"]).exit_code == 0
    assert "'=1+1" in golden.read_text(encoding="utf-8")  # inert in a spreadsheet
    assert runner.invoke(app, args).exit_code == 0
