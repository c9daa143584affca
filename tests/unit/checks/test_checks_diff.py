"""`ocop-rate diff`: the same dossiers rated under two git revisions of a temporary rubric
repository (read with git show, no checkout) and under two folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import dossier_data, dump
from tests.unit.checks.test_checks_validate import clean_rubric, crit

runner = CliRunner()
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

# Under BASE: 89.99 → 4★, 70 → 4★, 100 → 5★, 60 → 3★, 50 → 3★.
# HEAD moves the band edges (3★ 50–75, 4★ 75–88, 5★ 88–100) and raises A1 option d 20 → 22.
PRODUCTS = {
    "P-UP": {"A1": "e", "B1": "c", "C1": "c"},
    "P-DOWN": {"A1": "h", "B1": "b", "C1": "b"},
    "P-TOP": {"A1": "h", "B1": "c", "C1": "c"},
    "P-SAME": {"A1": "f", "B1": "b", "C1": "b"},
    "P-TOTAL": {"A1": "d", "B1": "b", "C1": "b"},
}
HEAD_BANDS = [{"stars": 1, "min": 0, "max": 30}, {"stars": 2, "min": 30, "max": 50},
              {"stars": 3, "min": 50, "max": 75}, {"stars": 4, "min": 75, "max": 88},
              {"stars": 5, "min": 88, "max": 100}]


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)
    return proc.stdout.decode()


def head_rubric() -> dict[str, Any]:
    data = clean_rubric(star_bands=HEAD_BANDS)
    crit(data, "A1")["options"][3]["points"] = 22
    return data


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with two commits of scoring_rules/ and a corpus of dossiers; the
    work tree is left dirty afterwards, to show that diff reads commits, not files."""
    root = tmp_path / "rubric-repo"
    root.mkdir()
    git(root, "init", "-q")
    dump(root / "scoring_rules" / "tiny.yaml", clean_rubric())
    for pid, sheet in PRODUCTS.items():
        dump(root / "dossiers" / f"{pid.lower()}.yaml", dossier_data([sheet], pid=pid))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    dump(root / "scoring_rules" / "tiny.yaml", head_rubric())
    git(root, "commit", "-q", "-am", "move band edges")
    (root / "scoring_rules" / "tiny.yaml").write_text("id: [broken\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def run_diff(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["diff", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_diff_across_two_git_revisions(repo: Path) -> None:
    before = (repo / "scoring_rules" / "tiny.yaml").read_bytes()
    code, report = run_diff("HEAD~1", "HEAD", "--dossiers", "dossiers")
    assert code == 0  # no --fail-on: the diff informs, it does not judge
    products = {p["product_id"]: p for p in report["products"]}
    assert {k: (p["before"]["stars"], p["after"]["stars"]) for k, p in products.items()} == {
        "P-UP": (4, 5), "P-DOWN": (4, 3), "P-TOP": (5, 5), "P-SAME": (3, 3),
        "P-TOTAL": (3, 3)}
    assert products["P-UP"]["before"]["total"] == 89.99
    assert products["P-TOTAL"]["before"]["total"] == 50.0
    assert products["P-TOTAL"]["after"]["total"] == 52.0
    assert products["P-TOTAL"]["total_delta"] == 2.0 and products["P-TOTAL"]["changed"]
    assert products["P-SAME"]["changed"] is False
    assert {k: p["movement"] for k, p in products.items()} == {
        "P-UP": "up", "P-DOWN": "down", "P-TOP": "unchanged", "P-SAME": "unchanged",
        "P-TOTAL": "unchanged"}
    summary = report["summary"]
    assert (summary["up"], summary["down"], summary["unchanged"]) == (1, 1, 3)
    assert summary["by_class"] == [
        {"stars": 5, "up": 0, "down": 0, "unchanged": 1, "not_rated": 0},
        {"stars": 4, "up": 1, "down": 1, "unchanged": 0, "not_rated": 0},
        {"stars": 3, "up": 0, "down": 0, "unchanged": 2, "not_rated": 0}]
    assert (repo / "scoring_rules" / "tiny.yaml").read_bytes() == before  # never checked out
    assert git(repo, "status", "--porcelain").strip() == "M scoring_rules/tiny.yaml"


@pytest.mark.parametrize(("fail_on", "exit_code", "failing"), [
    ("down", 1, {"P-DOWN"}),
    ("class-change", 1, {"P-UP", "P-DOWN"}),
    ("any", 1, {"P-UP", "P-DOWN", "P-TOTAL"}),
])
def test_fail_on(repo: Path, fail_on: str, exit_code: int, failing: set[str]) -> None:
    code, report = run_diff("HEAD~1", "HEAD", "-d", "dossiers", "--fail-on", fail_on)
    assert code == exit_code
    assert {p["product_id"] for p in report["products"] if p["fails"]} == failing
    assert report["fail_on"] == fail_on and report["ok"] is False


def test_total_only_change_passes_class_change_but_not_any(repo: Path) -> None:
    only = ["-d", "dossiers/p-total.yaml"]
    assert run_diff("HEAD~1", "HEAD", *only, "--fail-on", "class-change")[0] == 0
    assert run_diff("HEAD~1", "HEAD", *only, "--fail-on", "down")[0] == 0
    assert run_diff("HEAD~1", "HEAD", *only, "--fail-on", "any")[0] == 1


def test_folders_table_and_github(tmp_path: Path, repo: Path) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    dump(base / "tiny.yaml", clean_rubric())
    dump(head / "tiny.yaml", head_rubric())
    table = runner.invoke(app, ["diff", str(base), str(head), "dossiers/", "--lang", "en"])
    assert table.exit_code == 0, table.output
    assert "P-DOWN" in table.stdout and "4 stars" in table.stdout and "3 stars" in table.stdout
    assert "up: 1 · down: 1 · unchanged: 3 · not rated: 0" in table.stdout
    github = runner.invoke(app, ["diff", str(base), str(head), "-d", "dossiers",
                                 "--fail-on", "down", "-f", "github", "--lang", "en"])
    assert github.exit_code == 1
    lines = github.stdout.splitlines()
    assert any(x.startswith("::error file=dossiers/p-down.yaml,title=ocop-rate diff ")
               and x.endswith("::P-DOWN: 4 stars → 3 stars, 70.00 → 70.00") for x in lines)
    assert any(x.startswith("::notice file=dossiers/p-up.yaml") for x in lines)
    assert not any("p-same" in x for x in lines)
    junit = runner.invoke(app, ["diff", str(base), str(head), "-d", "dossiers", "-f", "junit",
                                "--fail-on", "class-change"])
    assert junit.exit_code == 1 and 'failures="2"' in junit.stdout


def test_dossier_unratable_under_head_fails(tmp_path: Path, repo: Path) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    dump(base / "tiny.yaml", clean_rubric())
    renamed = clean_rubric()
    crit(renamed, "B1")["id"] = "B1.1"  # dossiers still score B1
    dump(head / "tiny.yaml", renamed)
    code, report = run_diff(str(base), str(head), "-d", "dossiers/p-top.yaml")
    assert code == 1
    (product,) = report["products"]
    assert product["movement"] == "not-rated" and product["after"]["errors"]
    assert product["before"]["stars"] == 5


def test_bad_revision_and_broken_rubric_at_revision_exit_2(
        tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = runner.invoke(app, ["diff", "no-such-rev", "HEAD", "-d", "dossiers", "-l", "en"])
    assert missing.exit_code == 2
    assert "neither a folder nor a git revision" in missing.stderr
    dump(repo / "scoring_rules" / "tiny.yaml", {"id": "tiny", "parts": "none"})
    git(repo, "commit", "-q", "-am", "break the rubric")
    broken = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "-d", "dossiers"])
    assert broken.exit_code == 2
    assert "HEAD:scoring_rules/tiny.yaml" in broken.stderr
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    monkeypatch.chdir(outside)
    assert runner.invoke(app, ["diff", "HEAD~1", "HEAD", "-d", str(repo / "dossiers")]
                         ).exit_code == 2


def test_an_unchanged_rubric_beside_a_changed_one(tmp_path: Path, repo: Path) -> None:
    """An unchanged rubric is fitted and scored once for both sides: its products must
    still come out as each side rates them alone, beside a changed rubric's products."""
    base, head, dossiers = tmp_path / "base", tmp_path / "head", tmp_path / "both"
    dump(base / "tiny.yaml", clean_rubric())
    dump(head / "tiny.yaml", head_rubric())
    for folder in (base, head):
        dump(folder / "same.yaml", clean_rubric(id="same"))
    for pid, sheet in PRODUCTS.items():
        for rubric in ("tiny", "same"):
            dump(dossiers / f"{rubric}-{pid}.yaml",
                 dossier_data([sheet, sheet], pid=f"{rubric}-{pid}", rubric=rubric))
    dump(dossiers / "same-bad.yaml",
         dossier_data([{"A1": "zz", "B1": "c", "C1": "c"}], pid="same-bad", rubric="same"))
    code, report = run_diff(str(base), str(head), "-d", str(dossiers))
    assert code == 1  # the dossier neither side can rate
    alone = {}
    for side, folder in (("before", base), ("after", head)):
        rated = runner.invoke(app, ["rate", str(dossiers), "-r", str(folder), "-f", "json"])
        alone[side] = {p["product_id"]: (p["total"], p["stars"]) for p in
                       json.loads(rated.stdout)}
    products = {p["product_id"]: p for p in report["products"]}
    assert len(products) == 2 * len(PRODUCTS) + 1
    for pid, product in products.items():
        for side in ("before", "after"):
            if pid == "same-bad":
                assert product[side]["errors"] and product[side]["stars"] is None
            else:
                assert (product[side]["total"], product[side]["stars"]) == alone[side][pid]
        if pid.startswith("same"):
            assert product["movement"] in ("unchanged", "not-rated")
    assert products["tiny-P-DOWN"]["movement"] == "down"
    assert products["tiny-P-UP"]["movement"] == "up"
