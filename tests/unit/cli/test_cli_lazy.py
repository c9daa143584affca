"""The command line as it runs (``ocop-rate`` builds its commands lazily, on first use) says
and does exactly what typer's whole tree does, and ``--help`` converts no command."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.cli.lazy import command_tree
from tests.conftest import REPO

runner = CliRunner()


def _paths(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group of the whole (eager) tree, as command-line words."""
    out = [prefix]
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            out += _paths(command, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out


EVERY = _paths(typer.main.get_command(app))


def _run(tree: Any, args: list[str], lang: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``tree`` run on ``args`` (80 columns, ``lang``)."""
    code: Any = 0
    with runner.isolation(env={"COLUMNS": "80", "OCOP_LANG": lang}) as (out, err, _):
        try:
            tree.main(args=args, prog_name="ocop-rate")
        except SystemExit as stop:
            code = stop.code
        said = out.getvalue().decode(), err.getvalue().decode()
    return int(code or 0), *said


def test_the_tree_has_every_command() -> None:
    assert len(EVERY) > 20  # the root, 4 groups and their commands
    assert ("register", "record") in EVERY and ("rate",) in EVERY


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", EVERY, ids=lambda p: " ".join(p) or "root")
def test_help_is_typers_word_for_word(path: tuple[str, ...], lang: str) -> None:
    eager = _run(typer.main.get_command(app), [*path, "--help"], lang)
    lazy = _run(command_tree(app), [*path, "--help"], lang)
    assert eager[0] == 0 and eager[1].strip()
    assert lazy == eager


@pytest.mark.parametrize(("args", "code"), [
    (["raet", "x"], 2), (["rubrics", "lst"], 2), (["rate"], 2),
    (["rate", "--format", "pdf", "x"], 2), (["rubrics", "list", "-f", "json"], 0),
    (["validate", "-f", "json"], 0), (["rate", str(REPO / "sample_products"), "-f", "csv"], 0),
], ids=lambda v: " ".join(v) if isinstance(v, list) else str(v))
def test_runs_and_mistakes_are_typers(args: list[str], code: int) -> None:
    eager = _run(typer.main.get_command(app), args, "vi")
    lazy = _run(command_tree(app), args, "vi")
    assert lazy == eager
    assert eager[0] == code
    assert code != 0 or eager[1].strip()


def test_root_help_converts_no_command(monkeypatch: pytest.MonkeyPatch) -> None:
    converted: list[str] = []
    real = typer.main.get_command_from_info

    def counting(info: Any, **kwargs: Any) -> Any:
        converted.append(info.callback.__name__)
        return real(info, **kwargs)

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)
    code, out, _ = _run(command_tree(app), ["--help"], "vi")
    assert code == 0 and "rate" in out and "register" in out
    assert converted == []
    code, _, _ = _run(command_tree(app), ["rubrics", "list", "-f", "json"], "vi")
    assert code == 0 and converted == ["rubrics_list"]
