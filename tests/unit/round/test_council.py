"""Council workflow through the real CLI: disagreement flags, members view, explain's next
star on a hand-worked sheet, and the self-assessment beside the council."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import SAMPLES, dossier_data

runner = CliRunner()


def rate_json(path: Path, rules: Path, *extra: str) -> dict[str, Any]:
    result = runner.invoke(app, ["rate", str(path), "--rules", str(rules), "-f", "json",
                                 *extra])
    assert result.exit_code == 0, result.output
    item: dict[str, Any] = json.loads(result.stdout)[0]
    return item


# Tiny rubric, option points: A1 a0 b9.99 c10 d20 e29.99 f30 g39 h40; B1 a0 b10 c25;
# C1 a0 b20 c35.
@pytest.mark.parametrize(("sheets", "spread", "over", "splits"), [
    # 50 vs 40: exactly the limit is not over it; A1 d/c are one option apart.
    ([{"A1": "d", "B1": "b", "C1": "b"}, {"A1": "c", "B1": "b", "C1": "b"}], 10.0, False, []),
    # 59.99 vs 40: A1 e/d and B1 b/a one option apart each, but totals 19.99 apart.
    ([{"A1": "e", "B1": "b", "C1": "b"}, {"A1": "d", "B1": "a", "C1": "b"}], 19.99, True, []),
    # 69 vs 59.99: totals 9.01 apart, but A1 g/e are two options apart.
    ([{"A1": "g", "B1": "b", "C1": "b"}, {"A1": "e", "B1": "b", "C1": "b"}], 9.01, False,
     ["A1"]),
    # three members: C1 a/b/c, two options apart between the first and the last.
    ([{"A1": "h", "B1": "c", "C1": "a"}, {"A1": "h", "B1": "c", "C1": "b"},
      {"A1": "h", "B1": "c", "C1": "c"}], 35.0, True, ["C1"]),
])
def test_disagreement_flags(tiny_rules: Path, write_dossier: Callable[..., Path],
                            sheets: list[dict[str, str]], spread: float, over: bool,
                            splits: list[str]) -> None:
    path = write_dossier("p.yaml", dossier_data(sheets))
    flags = rate_json(path, tiny_rules)["disagreement"]
    assert flags["spread"] == spread
    assert flags["over_limit"] is over
    assert [s["criterion"] for s in flags["splits"]] == splits
    assert flags["flagged"] is (over or bool(splits))


def test_spread_threshold_is_configurable(tiny_rules: Path,
                                          write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("p.yaml", dossier_data([{"A1": "d", "B1": "b", "C1": "b"},
                                                 {"A1": "c", "B1": "b", "C1": "b"}]))
    assert rate_json(path, tiny_rules)["disagreement"]["over_limit"] is False
    strict = rate_json(path, tiny_rules, "--spread", "5")["disagreement"]
    assert strict["over_limit"] is True and strict["spread_limit"] == 5
    bad = runner.invoke(app, ["rate", str(path), "--rules", str(tiny_rules), "--spread", "-1"])
    assert bad.exit_code == 2


def test_members_view_lists_sheets_side_by_side(tiny_rules: Path,
                                                write_dossier: Callable[..., Path]) -> None:
    data = dossier_data([{"A1": "g", "B1": "b", "C1": "b"}, {"A1": "e", "B1": "b", "C1": "b"}])
    data["council"][0]["member"] = "Nguyễn Thị Lan"
    data["council"][1]["member"] = "Trần Văn Hùng"
    path = write_dossier("p.yaml", data)
    result = runner.invoke(app, ["rate", str(path), "--rules", str(tiny_rules), "--members",
                                 "--lang", "en"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "Nguyễn Thị Lan" in line)
    assert "Trần Văn Hùng" in header  # both members' sheets in one table, side by side
    a1 = next(line for line in result.stdout.splitlines() if line.startswith("│ A1"))
    assert re.search(r"g 39.*e 29\.99", a1)
    assert "69.00" in result.stdout and "59.99" in result.stdout  # members' totals
    assert "A1: options 2 apart" in result.stdout and "Discuss again" in result.stdout


def test_explain_names_the_next_star_criteria(tiny_rules: Path,
                                              write_dossier: Callable[..., Path]) -> None:
    # Worked by hand: A1 e 29.99 + B1 c 25 + C1 b 20 = 74.99, 4 stars; 5 stars need 90, so
    # 15.01 more. B1 is at its best; C1 to c adds 15 (89.99, short) and A1 to h adds 10.01:
    # no single criterion is enough, both are needed. Cheapest: A1 e -> f (+0.01) and
    # C1 b -> c (+15.00): 74.99 + 15.01 = 90.00.
    path = write_dossier("p.yaml", dossier_data([{"A1": "e", "B1": "c", "C1": "b"}],
                                               evidence={"C1": ["Phiếu kiểm nghiệm 12/2026"]},
                                               facts={"local_share": 0.5}))
    result = runner.invoke(app, ["explain", str(path), "--rules", str(tiny_rules),
                                 "--lang", "en"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "To reach 5 stars (≥ 90): needs 15.01 pts, 2 criteria" in out
    upgrades = [line.strip() for line in out.splitlines() if line.strip().startswith("•")]
    assert upgrades[0].startswith("• A1 A1: e → f  +0.01 pts")
    assert upgrades[1].startswith("• C1 C1: b → c  +15.00 pts")
    assert len(upgrades) == 2
    assert "Phiếu kiểm nghiệm 12/2026" in out  # evidence
    assert "Gates applied:" in out  # no gate applied, and the unread rejection is said
    assert "rejection conditions not checked" in out
    assert "rejection condition “Falsified dossier” not checked" in out


def test_explain_shows_derived_facts_gates_and_self_assessment(
        tiny_rules: Path, write_dossier: Callable[..., Path]) -> None:
    data = dossier_data([{"A1": "h", "B1": "c"}, {"A1": "g", "B1": "c"}],
                        facts={"local_share": 0.8, "falsified": True},
                        self_assessment={"A1": "h", "B1": "c", "C1": "c"})
    path = write_dossier("p.yaml", data)
    result = runner.invoke(app, ["explain", str(path), "--rules", str(tiny_rules),
                                 "--lang", "en"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "derived from facts: local_share" in out and "c* 35" in out
    assert "⛔ Falsified dossier" in out  # the blocking gate, by its reason
    # self 100 vs council (40+39)/2 + 25 + 35 = 99.5: part A differs by -0.5
    table = out[out.index("Self-assessment / Council"):].splitlines()
    a_row = next(line for line in table if "A Part A" in line)
    assert re.search(r"40\.00 .* 39\.50 .* -0\.50", a_row)
    total_row = next(line for line in table if "Total" in line)
    assert re.search(r"100\.00 .* 99\.50 .* -0\.50", total_row)


def test_explain_real_sample_and_failures(tmp_path: Path, tiny_rules: Path,
                                          write_dossier: Callable[..., Path]) -> None:
    sample = runner.invoke(app, ["explain", str(SAMPLES / "qn-ct-cha-ca.yaml")],
                           env={"COLUMNS": "160"})
    assert sample.exit_code == 0
    assert "A2.2 Đóng gói, bao bì sản phẩm: cần tối thiểu phương án" in sample.stdout
    assert "min-option" not in sample.stdout  # reasons in plain words, never internal ids
    assert "A2.2 Đóng gói, bao bì sản phẩm: b → c" in sample.stdout
    bad = write_dossier("bad.yaml", dossier_data([{"A1": "h", "B1": "z", "C1": "c"}]))
    failed = runner.invoke(app, ["explain", str(bad), "--rules", str(tiny_rules), "-l", "en"])
    assert failed.exit_code == 1
    assert "bad.yaml:" in failed.stdout and "unknown option 'z'" in failed.stdout
