"""The house's import rules (``[tool.importlinter]`` in pyproject.toml), as ``lint-imports``
checks them in the README's test command: kept by the code today, and broken by a new
upward import, a new circle or one command module importing another."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
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
        # report and render draw models: never the engine, the checks or the loaders
        "report/shown.py": ("from ocop_rate.engine import rating_at",
                            "Rooms are layers", "ocop_rate.report.shown -> ocop_rate.engine"),
        "report/junit.py": ("import ocop_rate.checks.lints", "Rooms are layers",
                            "ocop_rate.report.junit -> ocop_rate.checks.lints"),
        "render/markdown.py": ("import ocop_rate.loading.source", "Rooms are layers",
                               "ocop_rate.render.markdown -> ocop_rate.loading.source"),
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


def _excused(pyproject: str) -> list[str]:
    """Every ``ignore_imports`` entry of any contract whose importer is in report or render:
    an upward import of theirs let through instead of fixed."""
    config = tomllib.loads(pyproject)["tool"]["importlinter"]
    return [ignored for contract in config["contracts"]
            for ignored in contract.get("ignore_imports", [])
            if ignored.split("->")[0].strip().startswith(("ocop_rate.report",
                                                          "ocop_rate.render"))]


def test_report_and_render_have_no_excused_imports() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert _excused(text) == []
    # the check sees an excuse where one is written (it would fail were one added back)
    layers = 'type = "layers"\n'
    assert layers in text
    excused = text.replace(layers, layers + 'ignore_imports = ["ocop_rate.report.shown -> '
                           'ocop_rate.engine.view"]\n', 1)
    assert _excused(excused) == ["ocop_rate.report.shown -> ocop_rate.engine.view"]
