"""`validate` on the rubric fields of issue 11: applicability, requirements, case groups."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import dump
from tests.unit.checks.test_checks_validate import clean_rubric, crit, findings, validate


def test_clauses_that_read_nothing_real_are_located_errors(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["applies"] = {
        "when": {"criterion": "A1", "in": ["b", "zz"]}, "text": "Chỉ áp dụng khi …",
        "reason": {"vi": "không", "en": "no"},
        "source": {"criterion": "2", "lines": [7]}}
    crit(data, "C1")["requirements"] = [{
        "id": "all-local", "name": {"vi": "Toàn bộ", "en": "All"}, "text": "Yêu cầu: 100%",
        "check": {"fact": "province_share", "gte": 1}}]
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    messages = [f["message"] for f in findings(report, "clauses")]
    assert any("criterion A1 has no option 'zz'" in m for m in messages)
    assert any("fact 'province_share' is not declared" in m for m in messages)
    unsourced = findings(report, "clause-source")
    assert [f["field"] for f in unsourced] == ["criteria[2].requirements[0]"]
    assert all(f["line"] for f in findings(report, "clauses"))


def test_a_case_group_must_share_out_the_options(tmp_path: Path) -> None:
    data = clean_rubric(case_groups=[{
        "id": "provider", "criteria": ["B1"], "text": "Lựa chọn một trong hai trường hợp",
        "source": {"lines": [1]},
        "cases": [{"id": "1", "name": {"vi": "TH1", "en": "Case 1"}, "options": {"B1": ["a"]}},
                  {"id": "2", "name": {"vi": "TH2", "en": "Case 2"}, "options": {"B1": ["b"]}}],
    }])
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert code == 1
    [finding] = findings(report, "clauses")
    assert "share out every option of B1 once, got a, b" in finding["message"]


def test_none_may_be_named_and_a_good_clause_passes(tmp_path: Path) -> None:
    data = clean_rubric()
    crit(data, "B1")["applies"] = {
        "when": {"not": {"criterion": "A1", "in": ["a", "none"]}},
        "text": "Chỉ áp dụng khi …", "reason": {"vi": "không", "en": "no"},
        "source": {"criterion": "2", "lines": [7]}}
    dump(tmp_path / "tiny.yaml", data)
    code, report = validate(tmp_path)
    assert (code, report["findings"]) == (0, [])
