"""The README's commands run as printed.

- the test command in the Quick start is exactly the one `.ci/run` runs (both lanes);
- every command line of every ```bash block runs, in order, in a scratch copy of the
  repository's data (sample products, rubrics, golden file), and exits as the block says:
  0 unless the line ends with a comment ``# exit N``; install lines are skipped (this
  environment is the install) and so is the test command itself;
- the GitHub Actions job the README prints runs step by step in a scratch git repository
  whose ``origin/main`` is the same tree: every step exits 0.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
TIMEOUT = 300  # a guard against hangs, not a speed test
DATA = ("sample_products", "scoring_rules", "golden.csv", "constraints.txt")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.S | re.M)


def _commands(block: str) -> list[tuple[str, int]]:
    """The command lines of a bash block (continuations joined), each with its exit code."""
    joined = re.sub(r"\s*\\\n\s*", " ", block)
    out = []
    for raw in joined.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        expected = 0
        if m := re.search(r"\s+#\s*exit\s+(\d+)\s*$", line):
            expected, line = int(m.group(1)), line[: m.start()]
        elif " #" in line:
            line = line[: line.index(" #")]
        out.append((line, expected))
    return out


def _runnable(line: str) -> str | None:
    """The part of a README line this test runs: installs are what made this environment,
    and the test command is this very suite."""
    if "pytest" in line.split():
        return None
    parts = [p.strip() for p in line.split("&&")]
    parts = [p for p in parts if not re.match(r"python3? -m pip install\b", p)]
    return " && ".join(parts) or None


def _scratch(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    work.mkdir()
    for name in DATA:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, work / name)
        elif src.exists():
            shutil.copy2(src, work / name)
    return work


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("OCOP_LANG", None)
    return env


def _run(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    quick = _blocks("bash")[0]
    test_lines = [c for c, _ in _commands(quick) if "pytest" in c.split()]
    assert len(test_lines) == 1, test_lines
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_lines[0] in ci.splitlines(), "the README's test command is not in .ci/run"
    assert "-c constraints.txt" in test_lines[0], "the test command installs from the lock"


def test_quick_start_installs_from_the_lock() -> None:
    quick = _blocks("bash")[0]
    installs = [c for c, _ in _commands(quick) if "pip install" in c]
    assert len(installs) == 2 and all("-c constraints.txt" in c for c in installs)
    lock = (REPO / "constraints.txt").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].lower() for line in lock.splitlines()
              if "==" in line and not line.startswith("#")}
    for dep in ("typer", "pydantic", "rich", "pyyaml", "pandas", "openpyxl", "pytest",
                "ruff", "mypy"):
        assert dep in pinned, f"{dep} is not locked"


@pytest.mark.parametrize("index", range(len(_blocks("bash"))))
def test_every_bash_block_runs_as_printed(index: int, tmp_path: Path) -> None:
    work = _scratch(tmp_path)
    before = {p: p.read_bytes() for p in (work / "sample_products").rglob("*") if p.is_file()}
    ran = 0
    for line, expected in _commands(_blocks("bash")[index]):
        command = _runnable(line)
        if command is None:
            continue
        result = _run(command, work)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == expected, (
            f"README: `{line}` exited {result.returncode}, expected {expected}\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
        ran += 1
    assert ran, "the block has no command this test can run"
    after = {p: p.read_bytes() for p in (work / "sample_products").rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if p in before} == before, "an input was modified"


def test_quick_start_output_matches_the_readme(tmp_path: Path) -> None:
    # The excerpt the README shows under the first command is what the command prints in an
    # 80-column window: every line of it ("…" stands for lines left out), in order.
    start = README.index("The first command prints")
    shown = re.search(r"^```text\n(.*?)^```", README[start:], flags=re.S | re.M)
    assert shown is not None
    excerpt = [line for line in shown.group(1).splitlines() if line != "…"]
    assert len(excerpt) > 10 and any(line.startswith("5 sao: ") for line in excerpt)
    result = subprocess.run(["bash", "-c", "ocop-rate rate sample_products/"],
                            cwd=_scratch(tmp_path), env={**_env(), "COLUMNS": "80"},
                            capture_output=True, text=True, timeout=TIMEOUT,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 0, result.stderr
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    at = 0
    for line in excerpt:
        assert line in printed[at:], line
        at = printed.index(line, at) + 1


def _actions_steps() -> list[str]:
    job = next(b for b in _blocks("yaml") if "runs-on" in b)
    workflow = yaml.safe_load(job)
    steps = workflow["jobs"]["rubric-checks"]["steps"]
    return [" ".join(s["run"].split()) for s in steps if "run" in s]


def test_github_actions_job_runs_step_by_step(tmp_path: Path) -> None:
    work = _scratch(tmp_path)
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")

    def g(*args: str) -> None:
        subprocess.run([git, *args], cwd=work, check=True, capture_output=True, timeout=60)

    g("init", "-q", "-b", "main")
    g("-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "add", "-A")
    g("-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "commit", "-qm", "base")
    g("update-ref", "refs/remotes/origin/main", "HEAD")  # the pull request's base branch
    steps = _actions_steps()
    assert any(s.startswith("ocop-rate validate") for s in steps)
    ran = 0
    for step in steps:
        command = _runnable(step.replace("${{ github.base_ref }}", "main"))
        if command is None:
            continue
        result = _run(command, work)
        assert result.returncode == 0, (step, result.stdout[-2000:], result.stderr[-2000:])
        assert "::error" not in result.stdout, (step, result.stdout)
        ran += 1
    assert ran == len(steps) - 1  # all but the install
    assert (work / "check.xml").is_file()


def test_commands_are_split_as_a_shell_would() -> None:
    # the harness itself: continuation lines join, `# exit N` sets the expected code
    block = "ocop-rate rate x \\\n  --lang en   # exit 1\n# a comment\nocop-rate --version\n"
    assert _commands(block) == [("ocop-rate rate x --lang en", 1), ("ocop-rate --version", 0)]
    assert _runnable("python -m pip install -c constraints.txt . && ocop-rate rate s/") == (
        "ocop-rate rate s/")
    assert _runnable("pip install -e . && pytest") is None
