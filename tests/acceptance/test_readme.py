"""Every documentation page's commands run as printed (the README, every page of `docs/`,
`scoring_rules/README.md`).

- each page's ```bash and ```console blocks run in order, in one scratch copy of the
  repository's data (a walk-through's later blocks see what its earlier ones wrote): every
  command exits as the line says — 0 unless it ends with a comment ``# exit N`` — and in a
  console block (``$ command`` then what it prints) every printed line appears in the
  output; install lines are skipped (this environment is the install), and so is the test
  command itself;
- the Quick start: its test command is exactly the one `.ci/run` runs, both commands install
  from the lock into a virtual environment, the Windows lines are the same commands, and the
  lines shown under the first command are what it prints at 80 columns; run from a fresh
  clone into a fresh virtual environment when ``OCOP_QUICK_START=1`` (`.ci/run` sets it: it
  downloads every dependency);
- the GitHub Actions job the reference prints runs step by step in a scratch git repository
  whose ``origin/main`` is the same tree: every step exits 0;
- no page uses the project's internal words, and nothing in the repository points outside
  it (a clone has only itself).
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
from tests.shell_line import Done, ocop_words, run_line

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")),
         REPO / "scoring_rules" / "README.md"]
README = (REPO / "README.md").read_text(encoding="utf-8")
DATA = ("sample_products", "sample_register", "scoring_rules", "golden.csv",
        "constraints.txt", "examples", "tools", "docs/decision", "tests/bad_inputs")
EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\b.*$")


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _blocks(text: str, *langs: str) -> list[tuple[str, str]]:
    """The fenced blocks of ``text`` in the given languages, in page order."""
    found = re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)
    return [(lang, body) for lang, body in found if lang in langs]


def _commands(block: str) -> list[tuple[str, int]]:
    """The command lines of a bash block (continuations joined), each with its exit code."""
    joined = re.sub(r"\s*\\\n\s*", " ", block)
    out = []
    for raw in joined.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        expected = 0
        if m := EXIT.search(line):
            expected, line = int(m.group(1)), line[: m.start()]
        elif " #" in line:
            line = line[: line.index(" #")]
        out.append((line, expected))
    return out


def _console(block: str) -> list[tuple[str, int, list[str]]]:
    """A console block's steps: ``$ command`` (its exit code as in bash blocks), then the
    lines it prints."""
    steps: list[tuple[str, int, list[str]]] = []
    for raw in block.splitlines():
        if raw.startswith("$ "):
            [(line, code)] = _commands(raw[2:]) or [("", 0)]
            steps.append((line, code, []))
        elif raw.strip() and steps:
            steps[-1][2].append(raw.rstrip())
    return steps


def _runnable(line: str) -> str | None:
    """The part of a documented line this test runs: the virtual environment and the
    installs are what made this environment (its scripts are on PATH), and the test
    command is this very suite."""
    line = line.replace(".venv/bin/", "")
    if "pytest" in line.split():
        return None
    parts = [p.strip() for p in line.split("&&")]
    parts = [p for p in parts if not re.match(r"(python3?|py) -m venv\b", p)
             and not re.match(r"\S*python3? -m pip install\b", p)]
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
    env["PYTHONPATH"] = f"{REPO}{os.pathsep}{env.get('PYTHONPATH', '')}"
    env["COLUMNS"] = "80"
    env.pop("OCOP_LANG", None)
    env.pop("OCOP_REGISTER", None)
    return env


def _run(line: str, cwd: Path) -> Done:
    """``line`` as bash runs it: a plain ``ocop-rate`` line in this process (the same
    words, folder and environment), any other in ``bash -c`` (tests/shell_line.py)."""
    return run_line(line, cwd, _env())


def _check(page: Path, line: str, expected: int, shown: list[str], cwd: Path) -> bool:
    """Run one documented line; False when it is not one this test runs."""
    command = _runnable(line)
    if command is None:
        return False
    result = _run(command, cwd)
    assert "Traceback" not in result.stderr, (page.name, line, result.stderr)
    assert result.returncode == expected, (
        f"{page.name}: `{line}` exited {result.returncode}, expected {expected}\n"
        f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    printed = {out.rstrip() for out in (result.stdout + result.stderr).splitlines()}
    for out in shown:
        assert out in printed, (page.name, line, out, result.stdout + result.stderr)
    return True


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_page_runs_as_printed(page: Path, tmp_path: Path) -> None:
    blocks = _blocks(_text(page), "bash", "console")
    if not blocks:
        pytest.skip(f"{page.name} prints no command")
    work = _scratch(tmp_path)
    before = {p: p.read_bytes() for p in (work / "sample_products").rglob("*") if p.is_file()}
    ran = 0
    for lang, body in blocks:
        if lang == "bash":
            ran += sum(_check(page, line, code, [], work) for line, code in _commands(body))
        else:
            ran += sum(_check(page, line, code, shown, work)
                       for line, code, shown in _console(body))
    assert ran, f"{page.name}: no command this test can run"
    after = {p: p.read_bytes() for p in (work / "sample_products").rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if p in before} == before, "an input was modified"


def _quick_start() -> list[str]:
    return [line for line, _ in _commands(_blocks(README, "bash")[0][1])]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_lines = [c for c in _quick_start() if "pytest" in c]
    assert len(test_lines) == 1, test_lines
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_lines[0] in ci.splitlines(), "the README's test command is not in .ci/run"
    assert "-c constraints.txt" in test_lines[0], "the test command installs from the lock"


def test_quick_start_installs_from_the_lock_into_a_virtual_environment() -> None:
    lines = _quick_start()
    assert len(lines) == 2
    for line in lines:
        steps = line.split(" && ")
        assert steps[0] == "python3 -m venv .venv", line  # PEP 668: never the system Python
        assert steps[1].startswith(".venv/bin/python -m pip install -c constraints.txt "), line
        assert all(s.startswith(".venv/bin/") for s in steps[1:]), line
    lock = (REPO / "constraints.txt").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].lower() for line in lock.splitlines()
              if "==" in line and not line.startswith("#")}
    for dep in ("typer", "pydantic", "rich", "pyyaml", "pandas", "openpyxl", "pytest",
                "ruff", "mypy"):
        assert dep in pinned, f"{dep} is not locked"


def test_the_windows_lines_are_the_same_commands() -> None:
    [(_, windows)] = _blocks(README, "bat")
    expected = [line.replace("python3 -m venv", "py -m venv").replace(".venv/bin/",
                                                                       ".venv\\Scripts\\")
                .replace("sample_products/", "sample_products\\") for line in _quick_start()]
    assert [line.strip() for line in windows.splitlines() if line.strip()] == expected


def test_quick_start_output_matches_the_readme(tmp_path: Path) -> None:
    # The excerpt the README shows under the first command is what the command prints in an
    # 80-column window: every line of it ("…" stands for lines left out), in order.
    start = README.index("The first command prints")
    shown = re.search(r"^```text\n(.*?)^```", README[start:], flags=re.S | re.M)
    assert shown is not None
    excerpt = [line for line in shown.group(1).splitlines() if line != "…"]
    assert len(excerpt) >= 8 and any(line.startswith("5 sao: ") for line in excerpt)
    result = _run("ocop-rate rate sample_products/", _scratch(tmp_path))
    assert result.returncode == 0, result.stderr
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    at = 0
    for line in excerpt:
        assert line in printed[at:], line
        at = printed.index(line, at) + 1


@pytest.mark.skipif(os.environ.get("OCOP_QUICK_START") != "1",
                    reason="downloads every dependency: set OCOP_QUICK_START=1 (.ci/run does)")
def test_quick_start_from_a_fresh_clone(tmp_path: Path) -> None:
    """The first Quick start command, exactly as printed, in a fresh clone of this
    repository's last commit, with a fresh virtual environment and nothing else."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run([git, "clone", "--quiet", str(REPO), str(clone)], check=True,
                   timeout=120, capture_output=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "OCOP_LANG", "OCOP_REGISTER")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if Path(sys.executable).parent != Path(p))
    env["COLUMNS"] = "80"
    result = subprocess.run(["bash", "-c", _quick_start()[0]], cwd=clone, env=env,
                            capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
    assert "5 sao: 1 · 4 sao: 7 · 3 sao: 9" in result.stdout


def _actions_steps() -> list[str]:
    job = next(body for page in PAGES for _, body in _blocks(_text(page), "yaml")
               if "runs-on" in body)
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


INTERNAL = re.compile(r"\bissue \d+\b|\bhelper [A-Z]\b|\bsessions?\b", re.I)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_internal_words(page: Path) -> None:
    found = [m.group(0) for m in INTERNAL.finditer(_text(page))]
    assert not found, (page.name, found)


def test_nothing_points_outside_the_repository() -> None:
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    files = subprocess.run([git, "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                           check=True, capture_output=True, text=True, timeout=60).stdout
    outside = re.compile(r"\.\./" + "shared|" + "shared/" + "domain")
    found = []
    for name in files.splitlines():
        path = REPO / name
        if path.suffix not in (".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".cfg", "") \
                or not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {m.group(0)}" for m in outside.finditer(text)]
    assert not found, found


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_link_reaches_a_file_and_heading(page: Path) -> None:
    text = re.sub(r"^```.*?^```", "", _text(page), flags=re.S | re.M)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        name, _, anchor = target.partition("#")
        path = (page.parent / name).resolve() if name else page
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md":
            heads = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
            if anchor not in {_slug(h) for h in heads}:
                broken.append(target)
    assert not broken, (page.name, broken)


def test_commands_are_split_as_a_shell_would() -> None:
    # the harness itself: continuation lines join, `# exit N` sets the expected code
    block = "ocop-rate rate x \\\n  --lang en   # exit 1\n# a comment\nocop-rate --version\n"
    assert _commands(block) == [("ocop-rate rate x --lang en", 1), ("ocop-rate --version", 0)]
    assert _commands("ocop-rate register file X  # exit 1: filed late\n") == [
        ("ocop-rate register file X", 1)]
    assert _runnable("python3 -m venv .venv && .venv/bin/python -m pip install -c "
                     "constraints.txt . && .venv/bin/ocop-rate rate s/") == "ocop-rate rate s/"
    assert _runnable("pip install -e . && pytest") is None
    assert _console("$ ocop-rate a  # exit 2\nshown\n\n$ ocop-rate b\n") == [
        ("ocop-rate a", 2, ["shown"]), ("ocop-rate b", 0, [])]


def test_a_plain_line_runs_here_as_bash_runs_it() -> None:
    """The harness (tests/shell_line.py): only a plain ``[NAME=value] ocop-rate ARGS`` line
    runs in this process, split as bash splits it; and such a line prints the same bytes
    and exits with the same code in this process as in ``bash -c``."""
    assert ocop_words("OCOP_LANG=en ocop-rate rate 'a b' \"c\"  # exit 1") == (
        {"OCOP_LANG": "en"}, "ocop-rate", ["rate", "a b", "c"])
    assert ocop_words("python -m ocop_rate --version") == ({}, "python -m ocop_rate",
                                                           ["--version"])
    for shell in ("ocop-rate rate x > out.txt", "ocop-rate rate x | head", "ocop-rate a && b",
                  "ocop-rate rate $HOME", "ocop-rate rate *.yaml", "ocop-rate rate ~/x",
                  "ocop-rate rate 'a #b'", "python tools/fidelity.py", "ocop-rate rate 'x"):
        assert ocop_words(shell) is None, shell
    for line in ("OCOP_LANG=en ocop-rate rate --help",
                 "ocop-rate rate tests/bad_inputs/dossiers/tabs.yaml --rules "
                 "tests/bad_inputs/tiny-rubric  # exit 1"):
        here = run_line(line, REPO, _env())
        child = subprocess.run(["bash", "-c", line], cwd=REPO, env=_env(), capture_output=True,
                               text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
        assert (here.returncode, here.stdout, here.stderr) == (
            child.returncode, child.stdout, child.stderr), line
    assert here.returncode == 1 and "tabs.yaml" in here.stderr + here.stdout
