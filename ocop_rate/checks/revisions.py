"""Rubrics as they were at a git revision, read with ``git show`` (no checkout, the work tree
is never touched), or from a folder.

A revision's files are copied into a temporary folder just long enough to load them; error
locations then name ``REV:scoring_rules/file.yaml``, as ``git show`` would.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ocop_rate.errors import Location, OcopError, Problem, RubricError, UsageError
from ocop_rate.loading.rubrics import RULE_SUFFIXES, RubricLibrary, load_library

DEFAULT_RULES_PATH = "scoring_rules"


def library_at(ref: str, rules_path: str = DEFAULT_RULES_PATH,
               repo: Path | None = None) -> RubricLibrary:
    """The rubric library of ``ref``: a rubric folder (or file) if such a path exists,
    otherwise a git revision of the repository at ``repo`` (default: the current folder),
    reading every rubric file under ``rules_path`` at that revision."""
    if Path(ref).exists():
        return load_library([Path(ref)])
    with tempfile.TemporaryDirectory(prefix="ocop-rate-rev-") as tmp:
        folder = Path(tmp) / "rules"
        _materialise(ref, rules_path, folder, repo or Path.cwd())
        try:
            return load_library([folder])
        except OcopError as exc:
            raise RubricError([_relabel(p, folder, f"{ref}:{rules_path.strip('/')}")
                               for p in exc.problems]) from None


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(Problem.of("checks.no_git")) from None


def _materialise(ref: str, rules_path: str, dest: Path, repo: Path) -> None:
    top = _git(["rev-parse", "--show-toplevel"], repo)
    if top.returncode != 0:
        raise UsageError(Problem.of("checks.not_a_repo", Location(ref), ref=ref))
    root = Path(top.stdout.decode().strip())
    sha = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    if sha.returncode != 0:
        raise UsageError(Problem.of("checks.not_a_revision", Location(ref), ref=ref,
                                    root=str(root)))
    commit = sha.stdout.decode().strip()
    prefix = rules_path.strip("/")
    listed = _git(["ls-tree", "-r", "-z", "--name-only", commit, "--", f"{prefix}/"], root)
    names = [n for n in listed.stdout.decode("utf-8", "replace").split("\0")
             if n and Path(n).suffix.lower() in RULE_SUFFIXES]
    if listed.returncode != 0 or not names:
        raise UsageError(Problem.of("checks.no_rubrics_at", Location(ref), prefix=prefix,
                                    ref=ref))
    for name in names:
        shown = _git(["show", f"{commit}:{name}"], root)
        if shown.returncode != 0:
            raise UsageError(Problem.of("checks.git_show", Location(f"{ref}:{name}")))
        target = dest / Path(name).relative_to(prefix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(shown.stdout)


def _relabel(problem: Problem, folder: Path, label: str) -> Problem:
    """Name a temporary copy by the revision it came from."""
    file = problem.location.file
    if file is None:
        return problem
    try:
        rel = Path(file).relative_to(folder)
    except ValueError:
        return problem
    return replace(problem, location=replace(problem.location, file=f"{label}/{rel}"))
