"""The house's import rules (``[tool.importlinter]`` in pyproject.toml), as ``lint-imports``
checks them in the README's test command: kept by the code today, and broken by a new
upward import, a new circle or one command module importing another."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` over the package under ``root`` (run from there, as CI does)."""
    return subprocess.run([str(LINT), "--no-cache", "--config", str(root / "pyproject.toml")],
                          cwd=root, capture_output=True, text=True, timeout=120, check=False)


def _copy(tmp_path: Path) -> Path:
    """The package's Python files and pyproject.toml, copied: a house to break."""
    root = tmp_path / "house"
    shutil.copytree(REPO / "ocop_rate", root / "ocop_rate",
                    ignore=shutil.ignore_patterns("__pycache__", "*.jsonl", "locale"))
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")
def test_the_rules_hold_and_each_kind_of_break_fails_them(tmp_path: Path) -> None:
    kept = _lint(REPO)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    root = _copy(tmp_path)
    clean = _lint(root)
    assert clean.returncode == 0, clean.stdout + clean.stderr  # the copy alone breaks nothing
    breaks = {  # module -> the import added to it, and the contract it must break
        "models/common.py": ("from ocop_rate.engine import scorer",
                             "Rooms are layers", "ocop_rate.models.common -> ocop_rate.engine"),
        "engine/plan.py": ("import ocop_rate.report.labels",
                           "draw nothing", "ocop_rate.engine.plan -> ocop_rate.report.labels"),
        "cli/rubrics.py": ("import ocop_rate.cli.checks",
                           "No command module", "ocop_rate.cli.rubrics -> ocop_rate.cli.checks"),
        "loading/rule_files.py": ("import ocop_rate.loading.rubrics",
                                  "No circles", ".rule_files -> .rubrics"),
    }
    for module, (line, contract, named) in breaks.items():
        path = root / "ocop_rate" / module
        before = path.read_text(encoding="utf-8")
        path.write_text(before + f"\n{line}  # noqa\n", encoding="utf-8")
        broken = _lint(root)
        path.write_text(before, encoding="utf-8")
        said = broken.stdout + broken.stderr
        assert broken.returncode == 1, (module, said)
        report = said[said.index("Broken contracts"):]
        assert contract in report and named in report, (module, report)
