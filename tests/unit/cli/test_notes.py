"""A note (``_note``: what was written, and where) is one plain line on stderr, written
without rich: byte for byte the line the CLI's console writes for it, whatever a file or
a path put in it (Vietnamese, wide characters, markup-like brackets, control characters,
a tab), to a terminal or a pipe; a bad ``COLUMNS`` still stops the run."""

from __future__ import annotations

import io

import pytest
import typer

from ocop_rate.cli.common import _escape, _note, spoken
from ocop_rate.messages import say_number, text
from ocop_rate.report.safe_console import SafeConsole

PATHS = ["/srv/sổ đăng ký.sqlite", "C:\\hồ sơ\\中文 😀.sqlite", "[bold]x[/] [link=y]z",
         ":smile: a\x1b[31mb\x07c\r\nd", "\u202egnp.exe", "  spaces  ", "tab\there",
         "x" * 300]


def _console_line(message_id: str, terminal: bool, **params: object) -> str:
    """What the CLI's console writes for this note (as ``_note`` wrote it before)."""
    out = io.StringIO()
    SafeConsole(file=out, width=80, highlight=False, force_terminal=terminal).print(
        _escape(text(message_id, spoken(), params)), highlight=False, soft_wrap=True)
    return out.getvalue()


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("terminal", [False, True])
def test_a_note_is_the_line_the_console_writes(path: str, terminal: bool,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _note("register.imported", written=20_000, rows=20_001, path=path)
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == _console_line("register.imported", terminal, written=20_000,
                                     rows=20_001, path=path)
    assert said.err.endswith("\n") and say_number(20_000, spoken()) in said.err  # its way


def test_a_note_escapes_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    _note("register.imported", written=1, rows=1, path="a\x1b]0;title\x07b")
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;title\\x07b" in err


def test_a_bad_columns_still_stops_the_run(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "abc")
    with pytest.raises(typer.Exit) as stop:
        _note("register.imported", written=1, rows=1, path="so.sqlite")
    assert stop.value.exit_code == 2
    assert "so.sqlite" not in capsys.readouterr().err
