"""Paths from data never leave their folder; walks never loop (issue 12, items 1, 5, 17)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import dossier_data, dump
from tests.hostile import TINY, assert_clean, cli, cli_here
from tests.unit.checks.test_checks_diff import git
from tests.unit.checks.test_checks_validate import clean_rubric

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _mktree(repo: Path, lines: list[str]) -> str:
    proc = subprocess.run(["git", "mktree"], cwd=repo, input="".join(lines).encode(),
                          capture_output=True, check=True)
    return proc.stdout.decode().strip()


def _blob(repo: Path, text: str) -> str:
    proc = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=repo,
                          input=text.encode(), capture_output=True, check=True)
    return proc.stdout.decode().strip()


@pytest.fixture
def evil_repo(tmp_path: Path) -> Path:
    """A repository whose HEAD is sound and whose branch ``evil`` holds hostile trees."""
    root = tmp_path / "work" / "repo"
    root.mkdir(parents=True)
    git(root, "init", "-q")
    dump(root / "scoring_rules" / "tiny.yaml", clean_rubric())
    dump(root / "dossiers" / "p.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}]))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def _commit(repo: Path, tree: str, branch: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    sha = subprocess.run(["git", "commit-tree", tree, "-m", "evil"], cwd=repo, env=env,
                         capture_output=True, check=True).stdout.decode().strip()
    git(repo, "branch", "-f", branch, sha)


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@needs_git
@pytest.mark.parametrize("shape", ["dotdot", "dotdot-deep", "dot", "link", "backslash"])
def test_diff_never_writes_outside_its_temporary_folder(evil_repo: Path, tmp_path: Path,
                                                        shape: str) -> None:
    rubric = (evil_repo / "scoring_rules" / "tiny.yaml").read_text("utf-8")
    good = _blob(evil_repo, rubric)
    bad = _blob(evil_repo, "id: planted\n")
    leaf = _mktree(evil_repo, [f"100644 blob {bad}\tplanted.yaml\n"])
    up_tree = _mktree(evil_repo, [f"040000 tree {leaf}\t..\n"])
    up = f"040000 tree {up_tree}\t..\n"
    inner = {
        "dotdot": [f"040000 tree {leaf}\t..\n"],
        "dotdot-deep": [f"040000 tree {_mktree(evil_repo, [up])}\tsub\n"],
        "dot": [f"040000 tree {leaf}\t.\n"],
        "link": [f"120000 blob {_blob(evil_repo, '/etc/passwd')}\tlink.yaml\n"],
        "backslash": [f"100644 blob {bad}\t..\\..\\planted.yaml\n"],
    }[shape]
    rules = _mktree(evil_repo, [*inner, f"100644 blob {good}\ttiny.yaml\n"])
    top = _mktree(evil_repo, [f"040000 tree {rules}\tscoring_rules\n"])
    _commit(evil_repo, top, "evil")
    before = _files(tmp_path)
    tmp_root = tmp_path / "tmp"
    tmp_root.mkdir()
    run = cli("diff", "HEAD", "evil", "dossiers", cwd=evil_repo,
              env={"TMPDIR": str(tmp_root)})
    assert_clean(run)
    assert run.code == 2, run.text
    assert "evil:scoring_rules/" in run.err
    assert _files(tmp_path) - before <= {"tmp"}  # nothing planted anywhere
    assert not any(tmp_root.iterdir())  # and the temporary folder is gone


@needs_git
def test_rules_path_that_leaves_the_repository_is_refused(evil_repo: Path) -> None:
    """Every path in this process (the first in a real one too)."""
    paths = ["scoring_rules/../x", "../scoring_rules", "/etc", "a/./b"]
    runs = [(paths[0], cli("diff", "HEAD", "HEAD", "dossiers", "--rules-path", paths[0],
                           cwd=evil_repo))]
    runs += [(path, cli_here("diff", "HEAD", "HEAD", "dossiers", "--rules-path", path,
                             cwd=evil_repo)) for path in paths]
    for path, run in runs:
        assert_clean(run)
        assert run.code == 2 and "--rules-path" in run.err, (path, run.text)


@pytest.mark.parametrize("pattern", ["loop/**/*.yaml", "loop/**", "loop/*/*/*/*/*.yaml"])
def test_globs_do_not_follow_directory_link_loops(tmp_path: Path, pattern: str) -> None:
    folder = tmp_path / "loop"
    folder.mkdir()
    dump(folder / "p.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}]))
    (folder / "l1").symlink_to(".", target_is_directory=True)
    (folder / "l2").symlink_to(folder, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)
    run = cli("rate", pattern, "--rules", TINY, "-f", "json", cwd=tmp_path, timeout=30)
    assert_clean(run)
    assert run.code == 0, run.text
    assert run.out.count('"product_id": "P-1"') == 1


def test_folders_with_link_loops_in_rules_and_dossiers(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(TINY, rules)
    (rules / "again").symlink_to(".", target_is_directory=True)
    folder = tmp_path / "d"
    dump(folder / "p.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}]))
    (folder / "again").symlink_to("..", target_is_directory=True)
    run = cli("rate", folder, "--rules", rules, "-f", "json", timeout=30)
    assert_clean(run)
    assert run.code == 0, run.text
