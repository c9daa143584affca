"""Rubrics as they were at a git revision, read with ``git cat-file`` (no checkout, the work
tree is never touched), or from a folder.

A revision's files are copied into a temporary folder just long enough to load them; error
locations then name ``REV:scoring_rules/file.yaml``, as ``git show`` would. A git tree is
data, not a promise: an entry named ``..`` (``git mktree`` accepts it), a symbolic link or a
submodule is refused, and every file is written with :func:`~ocop_rate.loading.paths.contained`
and exclusive creation, so nothing is ever written outside the temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ocop_rate.errors import Location, OcopError, Problem, RubricError, UsageError
from ocop_rate.loading.paths import contained, is_safe_relative
from ocop_rate.loading.rubrics import RubricLibrary, load_library
from ocop_rate.loading.rule_files import RULE_SUFFIXES

DEFAULT_RULES_PATH = "scoring_rules"
BLOB_MODES = ("100644", "100755")


def library_at(ref: str, rules_path: str = DEFAULT_RULES_PATH,
               repo: Path | None = None) -> RubricLibrary:
    """The rubric library of ``ref``: a rubric folder (or file) if such a path exists,
    otherwise a git revision of the repository at ``repo`` (default: the current folder),
    reading every rubric file under ``rules_path`` at that revision."""
    if Path(ref).exists():
        return load_library([Path(ref)])
    prefix = rules_prefix(rules_path)
    with tempfile.TemporaryDirectory(prefix="ocop-rate-rev-") as tmp:
        folder = Path(tmp) / "rules"
        folder.mkdir()
        _materialise(ref, prefix, folder, repo or Path.cwd())
        try:
            return load_library([folder])
        except OcopError as exc:
            raise RubricError([_relabel(p, folder, f"{ref}:{prefix}")
                               for p in exc.problems]) from None


def rules_prefix(rules_path: str) -> str:
    """``rules_path`` as a git path prefix; ``..``, absolute paths and the like refused."""
    prefix = rules_path.strip().strip("/") if not rules_path.startswith("/") else rules_path
    if not is_safe_relative(prefix):
        raise UsageError(Problem.of("safety.rules_path", Location(field="--rules-path"),
                                    path=rules_path))
    return prefix


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(Problem.of("checks.no_git")) from None


def _materialise(ref: str, prefix: str, dest: Path, repo: Path) -> None:
    top = _git(["rev-parse", "--show-toplevel"], repo)
    if top.returncode != 0:
        raise UsageError(Problem.of("checks.not_a_repo", Location(ref), ref=ref))
    root = Path(top.stdout.decode().strip())
    sha = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
               root)
    if sha.returncode != 0:
        raise UsageError(Problem.of("checks.not_a_revision", Location(ref), ref=ref,
                                    root=str(root)))
    commit = sha.stdout.decode().strip()
    listed = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{prefix}/"], root)
    entries = _rubric_entries(listed.stdout, prefix, ref)
    if listed.returncode != 0 or not entries:
        raise UsageError(Problem.of("checks.no_rubrics_at", Location(ref), prefix=prefix,
                                    ref=ref))
    for name, blob in entries:
        label = f"{ref}:{prefix}/{name}"
        target = contained(dest, name, label)
        shown = _git(["cat-file", "blob", blob], root)
        if shown.returncode != 0:
            raise UsageError(Problem.of("checks.git_show", Location(label)))
        target.parent.mkdir(parents=True, exist_ok=True)
        contained(dest, name, label)  # again: the folders now exist, links would show
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(shown.stdout)


def _rubric_entries(listing: bytes, prefix: str, ref: str) -> list[tuple[str, str]]:
    """``(path under prefix, blob sha)`` of each rubric file of an ``ls-tree -r -z``
    listing; links, submodules and names that would leave the folder are refused."""
    out: list[tuple[str, str]] = []
    for record in listing.decode("utf-8", "replace").split("\0"):
        if not record:
            continue
        meta, _, path = record.partition("\t")
        mode, kind, blob = [*meta.split(), "", "", ""][:3]
        if not path.startswith(f"{prefix}/") or Path(path).suffix.lower() not in RULE_SUFFIXES:
            continue
        name = path[len(prefix) + 1:]
        label = f"{ref}:{path}"
        if kind != "blob" or mode not in BLOB_MODES:
            raise UsageError(Problem.of("safety.revision_link", Location(label)))
        if not is_safe_relative(name):
            raise UsageError(Problem.of("safety.path_escapes", Location(label), name=path,
                                        root=f"{prefix}/"))
        out.append((name, blob))
    return out


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
