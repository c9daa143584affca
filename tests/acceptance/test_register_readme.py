"""The year in a provincial office of the secretary's guide (docs/huong-dan.md, "Sổ đăng
ký giấy chứng nhận"): every command runs as printed, in order, with the exit code it
states, and prints the lines shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import REPO


def _steps() -> list[tuple[str, list[str]]]:
    guide = (REPO / "docs" / "huong-dan.md").read_text(encoding="utf-8")
    section = guide.split("## 5. Sổ đăng ký giấy chứng nhận", 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", section, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif line.strip():
                steps[-1][1].append(line.rstrip())
    return steps


def test_the_readme_year_runs_as_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    steps = _steps()
    assert len(steps) >= 15
    for name in ("sample_products", "sample_register"):
        (tmp_path / name).symlink_to(REPO / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OCOP_REGISTER", raising=False)
    monkeypatch.delenv("OCOP_LANG", raising=False)
    runner = CliRunner()
    for command, expected in steps:
        found = re.search(r"# exit (\d)", command)
        code = int(found.group(1)) if found else 0
        argv = shlex.split(command, comments=True)
        assert argv[0] == "ocop-rate"
        result = runner.invoke(app, argv[1:], env={"COLUMNS": "80"})
        assert result.exit_code == code, (command, result.stdout, result.stderr)
        printed = {line.rstrip() for line in (result.stdout + result.stderr).splitlines()}
        for line in expected:
            assert line in printed, (command, line, result.stdout + result.stderr)
    assert (tmp_path / "so-dang-ky-2026.xlsx").exists()
    assert "QN-BC-0021" in (tmp_path / "con-hieu-luc.csv").read_text(encoding="utf-8-sig")
