"""Options coerced without pydantic (:mod:`ocop_rate.cli.coercion`) come out exactly as
typer's own adapters make them: the same value of the same type, or the same error in the
same words, for every parameter of every command, on values a person types (good, bad,
empty, Vietnamese, an existing file, a folder, a missing path). That a light command then
loads no pydantic at all is tests/unit/cli/test_cli_imports.py's to say."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click import Context
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from ocop_rate.cli import app
from ocop_rate.cli.coercion import plain


def _params(group: Any) -> list[tuple[Any, Any]]:
    """Every (command, typer parameter) of the whole tree, the groups' own and the help
    flags included."""
    ctx = Context(group)
    out = [(group, p) for p in group.get_params(ctx) if isinstance(p, _TyperParameter)]
    for command in group.commands.values():
        if hasattr(command, "commands"):
            out += _params(command)
        else:
            out += [(command, p) for p in command.get_params(Context(command))
                    if isinstance(p, _TyperParameter)]
    return out


PARAMS = _params(typer.main.get_command(app))
PLAIN = [(c, p) for c, p in PARAMS if plain(p.type_descriptor) is not None]


def _outcome(coerce: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        got = coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the error itself is what is compared
        return "error", (type(exc).__name__, getattr(exc, "message", str(exc)))
    return "value", (type(got).__name__, got,
                     [type(x).__name__ for x in got] if isinstance(got, list) else None)


def _samples(param: Any, place: Path) -> list[Any]:
    """Values a person could give this parameter (as the command line gives them: text),
    its default, and wrong ones."""
    descriptor = param.type_descriptor
    texts = ["", "abc", "Quảng Ninh", "-", "  x  ", "VN-0001", "true", "0", "2026-01-05",
             str(place / "file.csv"), str(place), str(place / "missing" / "x.yaml"),
             "ĐẠT", "vi", "en", "table", "json"]
    choices = descriptor.choices or ()
    texts += [str(getattr(c, "value", c)) for c in choices]
    texts += [str(getattr(c, "value", c)).upper() for c in choices]
    values: list[Any] = [*texts, *choices, True, False, 3, None, b"abc", Path("x.csv"),
                         place / "file.csv", place, 0, 1, -1, 5, 30, 100, 3660, 3661, 2026,
                         0.0, 2.5, -0.5, 100.0, 100.5, float("nan"), float("inf"), "7", "1.5",
                         "x7", "1_000"]
    if descriptor.is_list or param.multiple:
        values += [tuple(texts[:3]), (str(place / "file.csv"), str(place)), [], ("",)]
    if param.default is not None:
        values.append(param.default)
    return values


def test_most_parameters_are_plain() -> None:
    """Every parameter ocop-rate has is of a plain kind (text, a flag, a number, a path, a
    choice, a list of these): a command builds no pydantic adapter unless a value needs
    typer's word (a number typed, a value refused)."""
    kinds = {plain(p.type_descriptor).kind for _, p in PLAIN}  # type: ignore[union-attr]
    assert kinds == {"str", "bool", "number", "path", "choice"}
    assert len(PLAIN) > 150 and len(PLAIN) == len(PARAMS)


@pytest.mark.parametrize(("command", "param"), PLAIN,
                         ids=lambda x: getattr(x, "name", None) or "?")
def test_plain_coercion_is_typers(command: Any, param: Any, tmp_path: Path) -> None:
    (tmp_path / "file.csv").write_text("a,b\n", encoding="utf-8")
    ctx = Context(command)
    ours = plain(param.type_descriptor)
    assert ours is not None
    typers = build_runtime_param(param.type_descriptor)
    for value in _samples(param, tmp_path):
        expected = _outcome(typers.coerce, value, param, ctx)
        assert _outcome(ours.coerce, value, param, ctx) == expected, value


def test_a_choice_is_the_enums_member() -> None:
    """``-l en`` is the enum's member, as typer makes it (a command compares members)."""
    command, lang = next((c, p) for c, p in PLAIN if c.name == "list" and p.name == "lang")
    ours = plain(lang.type_descriptor)
    assert ours is not None
    got = ours.coerce("en", param=lang, ctx=Context(command))
    assert isinstance(got, Enum) and got.value == "en"
    assert got is build_runtime_param(lang.type_descriptor).coerce("en", param=lang,
                                                                     ctx=Context(command))

