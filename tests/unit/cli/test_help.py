"""``--help`` in both languages, with real metavars (no Python types) and an example."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.cli.help import help_sources
from ocop_rate.messages import CATALOGUE
from tests.acceptance.test_vietnamese import command_names, english_words
from tests.conftest import REPO
from tests.shell_line import ocop_words, run_line

runner = CliRunner()
REGISTER = ["queue", "due", "expired", "list", "history", "counts", "export", "record",
            "result", "file", "revoke", "import"]
COMMANDS = [["rate"], ["explain"], ["summary"], ["template"], ["validate"], ["diff"],
            ["check"], ["rubrics", "list"], ["rubrics", "show"], ["round", "status"],
            ["round", "new"], ["register"], *(["register", name] for name in REGISTER)]
# A group's list of its commands: their names are not English prose, even when they are
# English words (english_words leaves out those of a command line, "ocop-rate register file").
LISTED = re.compile(rf"(?m)^ {{2}}(?:{'|'.join(sorted(command_names(), key=len)[::-1])}) ")
LEAKS = ("<list", "<float", "<file>", "<str>", "<path>", "<int", "{PATH}", "[[", "<",
         "{")


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
    prose = LISTED.sub(" ", re.sub(r"\S*\|\S*", " ", out))  # choices (table|json|…) too
    assert english_words(prose) == set(), english_words(prose)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_in_english(command: list[str]) -> None:
    # a group has no --lang of its own: OCOP_LANG speaks for it
    lang = [] if command == ["register"] else ["--lang", "en"]
    result = runner.invoke(app, [*command, "--help", *lang],
                           env={"COLUMNS": "100", "OCOP_LANG": "en" if not lang else None},
                           prog_name="ocop-rate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ocop-rate") and "Examples:" in result.stdout
    assert not any(leak in result.stdout for leak in LEAKS)


def _tree(group: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every group and command of the whole (eager) tree, with its command-line words."""
    found = [(path, group)]
    for name in group.commands:
        command = group.commands[name]
        if hasattr(command, "commands"):
            found += _tree(command, (*path, name))
        else:
            found.append(((*path, name), command))
    return found


SHARED = {"help.param.help", "help.param.lang"}  # the same words on every command


def test_every_command_has_help_of_its_own_in_both_languages() -> None:
    """Each text of each command's help is catalogued in both languages; no two commands
    share a description; the words a key gives to one command (``help.<command>.…``) are
    never another's (``register list`` does not take ``rubrics list``'s ``help.list``);
    and a command whose keys carry its path (the register's) takes no words written for
    other commands (``help.param.on`` is about rubrics), only those every command shares."""
    tree = _tree(typer.main.get_command(app))
    assert len(tree) > 25 and ("register", "list") in [path for path, _ in tree]
    owners: dict[str, tuple[str, ...]] = {}
    for path, command in tree:
        sources = help_sources(command, path)
        assert None not in sources.values(), (path, sources)
        keys = {role: str(key) for role, key in sources.items()}
        for key in keys.values():
            vi, en = CATALOGUE[key]
            assert vi.strip() and en.strip(), key
        own = keys.pop("")
        assert owners.setdefault(own, path) == path, (own, owners[own], path)
        pathed = len(path) > 1 and own == f"help.{'.'.join(path)}"
        for role, key in keys.items():
            if role.startswith("command:"):
                assert key == help_sources(command.commands[role[8:]],
                                           (*path, role[8:]))[""], (path, role)
            elif pathed:
                assert key.startswith(f"{own}.") or key in SHARED, (path, role, key)
            else:
                assert key.startswith(f"{own}.") or key.startswith("help.param."), \
                    (path, role, key)
    assert all(f"help.register.{name}" in owners for name in REGISTER)


@pytest.mark.parametrize("lang", [0, 1], ids=["vi", "en"])
def test_register_examples_are_command_lines_it_takes(lang: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Each example line of a register command is that command, its options all known and
    its required ones given (parsed as the command parses it, without running it)."""
    from ocop_rate.cli import common

    monkeypatch.setattr(common, "_SPOKEN", [])  # parsing --lang records the language
    group = typer.main.get_command(app).commands["register"]  # type: ignore[attr-defined]
    for name in REGISTER:
        command = group.commands[name]
        source = help_sources(command, ("register", name))["example"]
        lines = CATALOGUE[str(source)][lang].splitlines()
        assert lines, name
        for line in lines:
            words = shlex.split(line, comments=True)
            assert words[:3] == ["ocop-rate", "register", name], line
            command.make_context(name, words[3:])  # a usage error fails the test


@pytest.mark.parametrize("group_name", ["rubrics", "round", "register"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_groups_help_ends_with_its_own_examples(group_name: str, lang: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """``ocop-rate register --help`` shows register commands as examples (not the app's),
    each a command line of that group that its command parses."""
    from ocop_rate.cli import common

    monkeypatch.setattr(common, "_SPOKEN", [])
    out = runner.invoke(app, [group_name, "--help"], env={"OCOP_LANG": lang, "COLUMNS": "100"},
                        prog_name="ocop-rate")
    assert out.exit_code == 0, out.output
    examples = out.stdout.split("Ví dụ:" if lang == "vi" else "Examples:")[1].splitlines()
    lines = [line.strip() for line in examples if line.strip()]
    assert lines
    group = typer.main.get_command(app).commands[group_name]  # type: ignore[attr-defined]
    for line in lines:
        words = shlex.split(line, comments=True)
        if words[1] != group_name:  # 'ocop-rate rate dot-2' after 'round status dot-2'
            assert words[1] == "rate", line
            continue
        group.commands[words[2]].make_context(words[2], words[3:])  # a usage error fails


def test_register_list_and_rubrics_list_say_their_own_words() -> None:
    """The two ``list`` commands (and their group listings) are told apart."""
    def said(*args: str) -> str:
        out = runner.invoke(app, [*args, "--help"], env={"OCOP_LANG": None, "COLUMNS": "100"})
        assert out.exit_code == 0, out.output
        return out.stdout

    rubrics, register = said("rubrics", "list"), said("register", "list")
    assert "Liệt kê các phiếu đánh giá" in rubrics and "phiếu đánh giá" not in register
    assert "Danh sách giấy chứng nhận trong sổ" in register
    assert "--on NGÀY " in register and "--on NGÀY " in rubrics
    assert "Danh sách giấy chứng nhận trong sổ" in said("register")
    assert "Liệt kê các phiếu đánh giá" in said("rubrics")


def test_top_level_help_lists_commands_in_the_users_language() -> None:
    vi = runner.invoke(app, ["--help"], env={"OCOP_LANG": None})
    assert "Lệnh:" in vi.stdout and "Chấm điểm các hồ sơ" in vi.stdout
    en = runner.invoke(app, ["--help"], env={"OCOP_LANG": "en"})
    assert "Commands:" in en.stdout and "Rate dossiers and score sheets" in en.stdout


def test_readme_commands_of_this_section_run(tmp_path: Path) -> None:
    """The commands of the reference's "Languages and terminal width" section, as printed."""
    reference = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    section = reference[reference.index("## Languages and terminal width"):]
    section = section[:section.index("\n## ", 1)]
    commands = [line for block in re.findall(r"```bash\n(.*?)```", section, re.S)
                for line in block.splitlines() if line.strip()]
    assert len(commands) >= 4
    for name in ("sample_products", "tests"):
        (tmp_path / name).symlink_to(REPO / name)
    for line in commands:
        assert ocop_words(line) is not None, line  # a plain `[VAR=x] ocop-rate ARGS` line
        done = run_line(line, tmp_path, dict(os.environ))  # as bash would, in this process
        assert done.returncode in (0, 1), (line, done.stderr)
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["rate"], ["rate", "x", "--formt", "json"],
                                  ["rate", "x", "-f", "jsn"], ["rat"],
                                  ["rate", "x", "--spread", "abc"], ["rubrics", "shw"],
                                  ["register", "history"], ["register", "lst"],
                                  ["register", "list", "--stars", "9"],
                                  ["register", "record", "x.json"]])
def test_usage_errors_in_the_users_language(args: list[str]) -> None:
    vi = runner.invoke(app, args, env={"OCOP_LANG": None}, prog_name="ocop-rate")
    assert vi.exit_code == 2
    assert "lỗi: " in vi.stderr and "Cách dùng: ocop-rate" in vi.stderr
    assert english_words(re.sub(r"\S*\|\S*|--\S+", " ", vi.stderr)) == set(), vi.stderr
    en = runner.invoke(app, [*args, "--lang", "en"] if args[0] != "rat" else args,
                       env={"OCOP_LANG": "en"}, prog_name="ocop-rate")
    assert en.exit_code == 2 and "error: " in en.stderr and "Usage: ocop-rate" in en.stderr
