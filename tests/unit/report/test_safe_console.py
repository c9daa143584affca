"""The CLI's console shows control characters instead of obeying them, wherever the text
sits in what is printed: in a cell of a table inside a panel, printed by a renderable while
it is being drawn, or printed by another thread while one is drawing."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ocop_rate.report.safe_console import SafeConsole

HOSTILE = "Tên\x1b]0;owned\x07\x1b[31m đỏ\u202e"


def _console() -> tuple[SafeConsole, io.StringIO]:
    out = io.StringIO()
    return SafeConsole(file=out, width=80, color_system=None, highlight=False), out


def _clean(shown: str) -> None:
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b" in shown and "\\u202e" in shown
    assert "đỏ" in shown


def test_a_cell_deep_in_a_table_in_a_panel_is_shown_escaped() -> None:
    console, out = _console()
    table = Table("id", "tên")
    table.add_row("VN-1", Text(HOSTILE))
    console.print(Panel(table))
    _clean(out.getvalue())


class _PrintsWhileDrawn:
    """A renderable that prints on its console in the middle of being drawn."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        yield Text("trước")
        console.print(Text(HOSTILE))
        yield Text("sau")


def test_text_printed_while_another_thing_is_drawn_is_shown_escaped() -> None:
    console, out = _console()
    console.print(Panel(_PrintsWhileDrawn()))
    shown = out.getvalue()
    _clean(shown)
    assert "trước" in shown and "sau" in shown


class _Waits:
    """A renderable whose drawing pauses until another thread has rendered."""

    def __init__(self) -> None:
        self.drawing = threading.Event()
        self.rendered = threading.Event()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        self.drawing.set()
        assert self.rendered.wait(10)
        yield Text("xong")


def test_another_thread_rendering_during_a_drawing_is_shown_escaped() -> None:
    """Rich lets a thread render a text while another thread is drawing a panel (it
    serialises laying out lines and writing, not rendering): that render is an outermost
    one of its own."""
    console, out = _console()
    waits = _Waits()
    drawer = threading.Thread(target=console.print, args=(Panel(waits),))
    drawer.start()
    assert waits.drawing.wait(10)
    try:
        shown = "".join(s.text for s in console.render(Text(HOSTILE)))
    finally:
        waits.rendered.set()
        drawer.join(10)
    _clean(shown)
    assert "xong" in out.getvalue()
