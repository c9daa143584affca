"""``--help`` in both languages, with real metavars (no Python types) and an example."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import REPO
from tests.test_vietnamese import english_words

runner = CliRunner()
COMMANDS = [["rate"], ["explain"], ["summary"], ["template"], ["validate"], ["diff"],
            ["check"], ["rubrics", "list"], ["rubrics", "show"], ["round", "status"],
            ["round", "new"]]
LEAKS = ("<list", "<float", "<file>", "<str>", "<path>", "{PATH}", "[[")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_in_vietnamese_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"OCOP_LANG": None,
                                                           "COLUMNS": "100"},
                           prog_name="ocop-rate")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"Cách dùng: ocop-rate {' '.join(command)}")
    assert "Tuỳ chọn:" in out and "Ví dụ:" in out and f"ocop-rate {' '.join(command)}" in out
    assert not any(leak in out for leak in LEAKS), out
    prose = re.sub(r"\S*\|\S*", " ", out)  # choices (table|json|…) are typed as they are
    assert english_words(prose) == set(), english_words(prose)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_in_english(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help", "--lang", "en"], env={"COLUMNS": "100"},
                           prog_name="ocop-rate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ocop-rate") and "Examples:" in result.stdout
    assert not any(leak in result.stdout for leak in LEAKS)


def test_top_level_help_lists_commands_in_the_users_language() -> None:
    vi = runner.invoke(app, ["--help"], env={"OCOP_LANG": None})
    assert "Lệnh:" in vi.stdout and "Chấm điểm các hồ sơ" in vi.stdout
    en = runner.invoke(app, ["--help"], env={"OCOP_LANG": "en"})
    assert "Commands:" in en.stdout and "Rate dossiers and score sheets" in en.stdout


def test_readme_commands_of_this_section_run(tmp_path: Path) -> None:
    """The commands of the README's "Vietnamese first" section, as printed."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Vietnamese first"):]
    section = section[:section.index("\n## ", 1)]
    commands = [line for block in re.findall(r"```\n(.*?)```", section, re.S)
                for line in block.splitlines() if line.strip()]
    assert len(commands) >= 8
    for name in ("sample_products", "tests"):
        (tmp_path / name).symlink_to(REPO / name)
    for line in commands:
        env = {**os.environ}
        words = shlex.split(line)
        while "=" in words[0]:
            key, _, value = words.pop(0).partition("=")
            env[key] = value
        assert words[0] == "ocop-rate", line
        done = subprocess.run([sys.executable, "-m", "ocop_rate", *words[1:]], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1), (line, done.stderr)
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["rate"], ["rate", "x", "--formt", "json"],
                                  ["rate", "x", "-f", "jsn"], ["rat"],
                                  ["rate", "x", "--spread", "abc"], ["rubrics", "shw"]])
def test_usage_errors_in_the_users_language(args: list[str]) -> None:
    vi = runner.invoke(app, args, env={"OCOP_LANG": None}, prog_name="ocop-rate")
    assert vi.exit_code == 2
    assert "lỗi: " in vi.stderr and "Cách dùng: ocop-rate" in vi.stderr
    assert english_words(re.sub(r"\S*\|\S*|--\S+", " ", vi.stderr)) == set(), vi.stderr
    en = runner.invoke(app, [*args, "--lang", "en"] if args[0] != "rat" else args,
                       env={"OCOP_LANG": "en"}, prog_name="ocop-rate")
    assert en.exit_code == 2 and "error: " in en.stderr and "Usage: ocop-rate" in en.stderr
