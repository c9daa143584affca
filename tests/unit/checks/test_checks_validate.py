"""`ocop-rate validate`: one broken rubric per lint, run through the real CLI on real files;
the bundled rubrics; the output formats; and the promise not to import pandas."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.models.checks import LINTS
from tests.conftest import REPO, RULES, TINY_RUBRIC, dump

runner = CliRunner()


def clean_rubric(**changes: Any) -> dict[str, Any]:
    """The tiny test rubric with every label bilingual, so it validates without findings."""
    data = copy.deepcopy(TINY_RUBRIC)
    for crit in data["criteria"]:
        for opt in crit["options"]:
            opt["label"] = {"vi": opt["label"], "en": opt["label"]}
    data.update(changes)
    return data


def crit(data: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in data["criteria"] if c["id"] == cid)


def validate(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["validate", str(folder), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def findings(report: dict[str, Any], lint: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["lint"] == lint]


def line_of(path: Path, pattern: str, after: int = 0) -> int:
    """1-based number of the first line of ``path`` after line ``after`` that matches."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number > after and re.search(pattern, text):
            return number
    raise AssertionError(f"{pattern!r} not in {path}")


def test_clean_rubric_has_no_findings(tmp_path: Path) -> None:
    dump(tmp_path / "tiny.yaml", clean_rubric())
    code, report = validate(tmp_path)
    assert code == 0
    assert report["findings"] == [] and report["ok"] is True
    assert report["rubrics"] == ["tiny"]


def test_bundled_rubrics_pass_strict_with_the_printed_quirks_accepted() -> None:
    # Sheets 7 (A3.1) and 23 (C6.2) print two options with the same points; both are kept
    # as printed, marked unconfirmed, and carry a recorded exception (`accepted:`) with the
    # reason, so `validate --strict` (the README's CI job) passes and says why.
    result = runner.invoke(app, ["validate", "--format", "json", "--strict"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["summary"] == {"errors": 0, "warnings": 0, "accepted": 2, "failing": 0}
    accepted = sorted(report["findings"], key=lambda f: f["file"])
    assert [(Path(w["file"]).name, w["lint"], w["accepted"], w["fails"]) for w in accepted] == [
        ("food-processed-plant-26.yaml", "option-order", True, False),
        ("ornamental-flower-26.yaml", "option-order", True, False),
    ]
    sheet7, sheet23 = accepted
    assert "A3.1" in sheet7["message"] and "Sheet 7" in sheet7["reason"]["en"]
    assert sheet7["line"] == line_of(RULES / "food-processed-plant-26.yaml",
                                     r"code: b, points: 1, label: \{vi: \"Công ty TNHH")
    assert "C6.2" in sheet23["message"] and "Sheet 23" in sheet23["reason"]["en"]
    table = runner.invoke(app, ["validate", "--strict", "--lang", "en"])
    assert table.exit_code == 0
    assert "accepted [option-order]" in table.stdout and "kept as printed" in table.stdout


def test_an_accepted_warning_passes_strict_an_unrecorded_one_fails(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["options"][1]["points"] = 0  # equal to option a: an option-order warning
    dump(tmp_path / "tiny.yaml", data)
    assert validate(tmp_path, "--strict")[0] == 1
    crit(data, "B1")["accepted"] = [{"lint": "option-order",
                                     "reason": {"vi": "in như văn bản", "en": "as printed"}}]
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path, "--strict")
    assert code == 0, report
    (finding,) = findings(report, "option-order")
    assert finding["accepted"] is True and finding["reason"]["en"] == "as printed"
    github = runner.invoke(app, ["validate", str(tmp_path), "--strict", "-f", "github"])
    assert github.exit_code == 0 and github.stdout.startswith("::notice ")
    # an error is never waived, and an accepted record must name a warning lint
    crit(data, "B1")["accepted"] = [{"lint": "part-sum", "reason": "no"}]
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    assert any("accepted names 'part-sum'" in f["message"] for f in findings(report, "references"))


def test_parse_error_is_located(tmp_path: Path) -> None:
    dump(tmp_path / "tiny.yaml", clean_rubric())
    (tmp_path / "broken.yaml").write_text("id: broken\nparts: [\n", encoding="utf-8")
    (tmp_path / "noid.yaml").write_text("name: no id here\n", encoding="utf-8")
    code, report = validate(tmp_path)
    assert code == 1
    found = {Path(f["file"]).name: f for f in findings(report, "parse")}
    assert found["broken.yaml"]["line"] is not None
    assert "invalid YAML" in found["broken.yaml"]["message"]
    assert "needs an 'id'" in found["noid.yaml"]["message"]
    assert report["rubrics"] == ["tiny"]  # the good rubric is still checked


def test_schema_error_names_the_field(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["options"][1]["pionts"] = 3
    path = dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    (found,) = [f for f in findings(report, "schema") if "pionts" in (f["field"] or "")]
    assert found["severity"] == "error" and "unknown field" in found["message"]
    assert found["line"] == line_of(path, r"pionts")


def test_extends_missing_target_and_cycle(tmp_path: Path) -> None:
    dump(tmp_path / "orphan.yaml", clean_rubric(id="orphan", extends="no-such-base"))
    dump(tmp_path / "one.yaml", clean_rubric(id="one", extends="two"))
    dump(tmp_path / "two.yaml", clean_rubric(id="two", extends="one"))
    code, report = validate(tmp_path)
    assert code == 1
    messages = [f["message"] for f in findings(report, "extends")]
    assert any("unknown rubric 'no-such-base'" in m for m in messages)
    assert any("cycle" in m for m in messages)
    orphan = next(f for f in findings(report, "extends") if "no-such-base" in f["message"])
    assert orphan["line"] == line_of(tmp_path / "orphan.yaml", r"^extends:")


def test_unique_ids_within_file_across_files_and_options(tmp_path: Path) -> None:
    data = clean_rubric()
    twin = copy.deepcopy(crit(data, "B1"))
    data["criteria"].append(twin)  # the loader would silently keep only the second
    crit(data, "C1")["options"][2]["code"] = "b"
    path = dump(tmp_path / "tiny.yaml", data)
    dump(tmp_path / "z-copy.yaml", clean_rubric())  # same rubric id in another file
    code, report = validate(tmp_path)
    assert code == 1
    messages = [f["message"] for f in findings(report, "unique-ids")]
    assert any("criterion id 'B1' appears twice" in m for m in messages)
    assert any("rubric id 'tiny' is also defined" in m for m in messages)
    assert any("option code 'b' is used twice" in m for m in messages)
    twice = next(f for f in findings(report, "unique-ids") if "'B1' appears" in f["message"])
    assert twice["file"] == str(path) and twice["line"] > line_of(path, r"id: C1")


def test_references_to_groups_options_and_facts(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "A1")["group"] = "9"
    crit(data, "C1")["derive"] = [{"option": "z", "when": {"fact": "local_share", "gte": 1}},
                                  {"option": "c", "when": {"any": [{"fact": "nowhere",
                                                                    "eq": True}]}}]
    data["gates"][0]["when"] = {"not": {"fact": "ghost", "eq": True}}
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    messages = " | ".join(f["message"] for f in findings(report, "references"))
    assert "group '9' is not among the groups" in messages
    assert "derive names option 'z'" in messages
    assert "fact 'nowhere' is not declared" in messages
    assert "gate falsified-dossier: fact 'ghost'" in messages
    assert not findings(report, "schema")  # the model's own messages are not repeated
    fields = {f["field"] for f in findings(report, "references")}
    assert "criteria[2].derive[1].when.any[0].fact" in fields


def test_parts_total_is_the_100_point_scale(tmp_path: Path) -> None:
    data = clean_rubric()
    data["parts"][2]["max_points"] = 30
    crit(data, "C1")["options"][2]["points"] = 30
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    (found,) = findings(report, "parts-total")
    assert "add up to 95, expected 100" in found["message"]
    assert not findings(report, "schema")


def test_part_maxima_match_the_decision(tmp_path: Path) -> None:
    data = clean_rubric()
    data["source"]["decision"] = "1048/QĐ-TTg"
    path = dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    found = findings(report, "part-decision")
    assert {f["field"] for f in found} == {"parts[0].max_points", "parts[2].max_points"}
    assert any("part A has max_points 40, but Decision 1048 sets 35" in f["message"]
               for f in found)
    assert found[0]["line"] == line_of(path, r"max_points: 40")
    data["source"]["decision"] = "26/2026/QĐ-TTg"
    dump(tmp_path / "tiny.yaml", data)
    assert validate(tmp_path)[0] == 0


def test_part_sum_of_criteria(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["options"][2]["points"] = 20
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    (found,) = findings(report, "part-sum")
    assert "part B: its criteria add up to 20 points" in found["message"]
    assert found["field"] == "parts[1].max_points"
    assert not findings(report, "schema")


def test_group_sum_of_criteria(tmp_path: Path) -> None:
    data = clean_rubric(groups=[{"id": "1", "part": "A", "name": "Nhóm 1", "max_points": 30}])
    crit(data, "A1")["group"] = "1"
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    (found,) = findings(report, "group-sum")
    assert "group 1: its criteria add up to 40 points, but the group's max_points is 30" \
        in found["message"]


def test_group_sum_counts_sub_groups(tmp_path: Path) -> None:
    # Sheets 11 and 13 put criteria under sub-groups (6.1, 6.2 under 6): the heading's
    # maximum is the sum over its sub-groups.
    groups = [{"id": "1", "part": "A", "name": "Nhóm 1", "max_points": 40},
              {"id": "1.1", "part": "A", "name": "Nhóm 1.1", "parent": "1", "max_points": 40}]
    data = clean_rubric(groups=groups)
    crit(data, "A1")["group"] = "1.1"
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 0 and not findings(report, "group-sum")
    groups[0]["max_points"] = 30
    dump(tmp_path / "tiny.yaml", clean_rubric(groups=groups, criteria=data["criteria"]))
    code, report = validate(tmp_path)
    assert code == 1
    (found,) = findings(report, "group-sum")
    assert "group 1: its criteria add up to 40 points" in found["message"]


def test_option_order_within_each_case(tmp_path: Path) -> None:
    # The tourism sheet lists two alternative cases in one criterion; each rises on its own.
    data = clean_rubric()
    crit(data, "B1")["options"] = [
        {"code": "a", "points": 10, "label": {"vi": "1a", "en": "1a"}, "case": 1},
        {"code": "b", "points": 25, "label": {"vi": "1b", "en": "1b"}, "case": 1},
        {"code": "c", "points": 0, "label": {"vi": "2a", "en": "2a"}, "case": 2},
        {"code": "d", "points": 25, "label": {"vi": "2b", "en": "2b"}, "case": 2},
    ]
    dump(tmp_path / "tiny.yaml", data)
    assert not findings(validate(tmp_path)[1], "option-order")
    crit(data, "B1")["options"][3]["points"] = 0
    crit(data, "B1")["options"][1]["points"] = 25
    crit(data, "B1")["options"][2]["points"] = 25
    dump(tmp_path / "tiny.yaml", data)
    (found,) = findings(validate(tmp_path)[1], "option-order")
    assert "option d (0) is listed after c (25)" in found["message"]


def test_declared_criterion_max_must_equal_best_option(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "A1")["max_points"] = 40  # right: accepted by validate and by rate
    dump(tmp_path / "tiny.yaml", data)
    assert validate(tmp_path)[0] == 0
    crit(data, "A1")["max_points"] = 35
    path = dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    (found,) = findings(report, "criterion-max")
    assert found["message"] == "criterion A1: max_points is 35, but its best option gives 40"
    assert found["line"] == line_of(path, r"max_points: 35", after=line_of(path, r"id: A1"))
    assert not findings(report, "schema")
    listed = runner.invoke(app, ["rubrics", "list", "--rules", str(tmp_path), "-l", "en"])
    assert listed.exit_code == 2 and "max_points is 35" in listed.stderr  # rating refuses it


@pytest.mark.parametrize(("bands", "expected"), [
    ([(1, 0, 30), (2, 30, 50), (3, 50, 70), (4, 71, 90), (5, 90, 100)],
     "gap between 3★ and 4★: nothing covers 70 to 71"),
    ([(1, 0, 30), (2, 30, 55), (3, 50, 70), (4, 70, 90), (5, 90, 100)],
     "2★ and 3★ overlap from 50 to 55"),
    ([(1, 5, 30), (2, 30, 50), (3, 50, 70), (4, 70, 90), (5, 90, 100)],
     "star bands start at 5, expected 0"),
    ([(1, 0, 30), (2, 30, 50), (3, 50, 70), (4, 70, 90), (5, 90, 99)],
     "star bands end at 99, expected 100"),
    ([(1, 0, 30), (2, 30, 50), (2, 50, 70), (4, 70, 90), (5, 90, 100)],
     "more than one band for 2★"),
])
def test_star_bands(tmp_path: Path, bands: list[tuple[int, float, float]],
                    expected: str) -> None:
    data = clean_rubric(star_bands=[{"stars": s, "min": lo, "max": hi} for s, lo, hi in bands])
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    messages = [f["message"] for f in findings(report, "star-bands")]
    assert expected in messages
    assert not findings(report, "schema")


def test_option_order_is_a_warning_unless_strict(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["options"][1]["points"] = 0  # equal to option a
    crit(data, "C1")["options"] = list(reversed(crit(data, "C1")["options"]))
    path = dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 0
    messages = [f["message"] for f in findings(report, "option-order")]
    assert "criterion B1: options a and b both give 0 points" in messages
    assert any(m.startswith("criterion C1: option b (20) is listed after c (35)")
               for m in messages)
    assert all(f["severity"] == "warning" and f["fails"] is False
               for f in findings(report, "option-order"))
    assert validate(tmp_path, "--strict")[0] == 1
    b1 = next(f for f in findings(report, "option-order") if "B1" in f["message"])
    option_b = line_of(path, r"code: b", after=line_of(path, r"id: B1"))
    assert b1["line"] == line_of(path, r"points: 0", after=option_b)
    assert b1["field"] == "criteria[1].options[1].points"


def test_labels_need_vietnamese_and_english(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "A1")["name"] = "Chỉ có tiếng Việt"
    crit(data, "B1")["options"][0]["label"] = {"vi": "", "en": "English only"}
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 0
    messages = [f["message"] for f in findings(report, "labels")]
    assert "criterion A1: name has no English label (en)" in messages
    assert "criterion B1: option a has no Vietnamese label (vi)" in messages
    assert validate(tmp_path, "--strict")[0] == 1


def test_every_criterion_cites_a_source(tmp_path: Path) -> None:
    data = clean_rubric()
    del crit(data, "C1")["source"]
    path = dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 0
    (found,) = findings(report, "source")
    assert found["message"].startswith("criterion C1: no source")
    assert found["line"] == line_of(path, r"id: C1")


def test_all_problems_in_one_pass_and_base_problems_once(tmp_path: Path) -> None:
    base = clean_rubric(id="base", abstract=True)
    crit(base, "A1")["name"] = "Chỉ tiếng Việt"  # inherited by both children
    crit(base, "B1")["options"][2]["points"] = 24  # part B sums to 24 in both
    dump(tmp_path / "base.yaml", base)
    for child in ("child-1", "child-2"):
        dump(tmp_path / f"{child}.yaml", {"id": child, "extends": "base"})
    code, report = validate(tmp_path)
    assert code == 1
    labels = findings(report, "labels")
    assert len(labels) == 1 and labels[0]["file"].endswith("base.yaml")
    sums = findings(report, "part-sum")
    assert {f["rubric"] for f in sums} == {"child-1", "child-2"}
    assert report["rubrics"] == ["child-1", "child-2"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(tmp_path / "missing")]).exit_code == 2
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["validate", str(tmp_path / "empty"), "-l", "en"])
    assert result.exit_code == 2 and "no rubric files" in result.stderr


def test_table_junit_and_github_formats(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["options"][2]["points"] = 20
    del crit(data, "C1")["source"]
    path = dump(tmp_path / "tiny.yaml", data)
    table = runner.invoke(app, ["validate", str(tmp_path), "--lang", "en"])
    assert table.exit_code == 1
    assert f"{path}:" in table.stdout and "error [part-sum]" in table.stdout
    assert "warning [source]" in table.stdout
    junit = runner.invoke(app, ["validate", str(tmp_path), "-f", "junit", "--lang", "en"])
    assert junit.exit_code == 1
    root = ET.fromstring(junit.stdout)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == str(path)
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert cases["part-sum"].find("failure") is not None
    assert cases["source"].find("failure") is None  # a warning: reported, not failed
    assert "no source" in (cases["source"].findtext("system-out") or "")
    assert "warning [source]" in (cases["source"].findtext("system-out") or "")
    assert root.get("failures") == "1"
    vi = ET.fromstring(runner.invoke(app, ["validate", str(tmp_path), "-f", "junit",
                                           "--lang", "vi"]).stdout)
    vi_suite = vi.find("testsuite")
    assert vi_suite is not None
    vi_cases = {c.get("name"): c for c in vi_suite.findall("testcase")}
    assert "cảnh báo [source]" in (vi_cases["source"].findtext("system-out") or "")
    failure = vi_cases["part-sum"].find("failure")
    assert failure is not None and "phần B" in (failure.get("message") or "")
    github = runner.invoke(app, ["validate", str(tmp_path), "-f", "github", "--lang", "en"])
    assert github.exit_code == 1
    lines = github.stdout.splitlines()
    line = line_of(path, r"max_points: 25")
    assert any(re.fullmatch(rf"::error file=[^,]*tiny\.yaml,line={line},col=\d+,"
                            r"title=ocop-rate validate \[part-sum\]::tiny: part B: .*", x)
               for x in lines)
    vi = runner.invoke(app, ["validate", str(tmp_path), "-f", "github", "--lang", "vi"])
    assert vi.exit_code == 1  # the same annotations, said in Vietnamese (issue 22)
    assert any(re.fullmatch(rf"::error file=[^,]*tiny\.yaml,line={line},col=\d+,"
                            r"title=ocop-rate validate \[part-sum\]::tiny: phần B: .*", x)
               for x in vi.stdout.splitlines())
    assert vi.stdout.splitlines()[-1].startswith("::notice title=ocop-rate validate::phiếu")
    assert any(x.startswith("::warning ") and "[source]" in x for x in lines)
    out = tmp_path / "lint.xml"
    assert runner.invoke(app, ["validate", str(tmp_path), "-f", "junit", "-o",
                               str(out)]).exit_code == 1
    assert ET.parse(out).getroot().tag == "testsuites"


def test_validate_does_not_import_pandas() -> None:
    code = ("import sys; from ocop_rate.cli import main; sys.argv=['ocop-rate','validate'];\n"
            "try:\n main()\nexcept SystemExit as e: assert e.code == 0, e.code\n"
            "assert 'pandas' not in sys.modules, 'pandas imported'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()


def test_pre_commit_hook_definition_runs() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "ocop-rate-validate"]
    assert hook["entry"] == "ocop-rate validate"
    pattern = re.compile(hook["files"])
    assert pattern.search("scoring_rules/food-fresh-meat-26.yaml")
    assert pattern.search("scoring_rules/sub/x.json")
    assert not pattern.search("sample_products/qn-ct-cha-ca.yaml")
    args = [*hook["entry"].split()[1:], *hook.get("args", [])]
    proc = subprocess.run([sys.executable, "-m", "ocop_rate", *args], cwd=REPO,
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()


def test_readme_documents_every_lint() -> None:
    readme = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    for lint in LINTS.values():
        assert f"| `{lint.id}` | {lint.severity} | {lint.rule} |" in readme
