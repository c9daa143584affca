"""The one rich console of the CLI: markup off, control characters shown, never acted on.

Why markup off: every string a view prints may come from a file (a member named ``[/]``
crashed the views; ``[blink]`` or ``[link=…]`` changed what was printed). Our own styles
are Text and Style objects, never markup in strings. Why a render filter: a name, a note,
a file name holding ESC, OSC or bidirectional controls would reach the terminal through
any view; every text segment is passed through :func:`~ocop_rate.text_safety.printable`
on its way out, while rich's own control segments (colours, cursor) pass untouched.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console
from rich.segment import Segment

from ocop_rate.text_safety import hostile_char, printable


class SafeConsole(Console):
    """A :class:`rich.console.Console` whose text can neither carry markup nor escapes."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)  # ':smile:' in a name stays as typed
        super().__init__(**kwargs)
        self._drawing = threading.local()

    def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
        """Rich renders what a renderable holds by calling ``render`` again: every segment
        of a table's cell comes up through the table's render, so only the outermost call
        (in this thread) filters; the inner ones pass their segments up as they are."""
        if getattr(self._drawing, "inside", False):
            return super().render(renderable, options)
        return self._filtered(renderable, options)

    def print(self, *objects: Any, **kwargs: Any) -> None:
        """Printing starts an outermost render, even from inside a renderable's drawing
        (its segments go to the output, not up through the render that was drawing)."""
        with self._outermost():
            super().print(*objects, **kwargs)

    def log(self, *objects: Any, **kwargs: Any) -> None:
        """As :meth:`print`."""
        with self._outermost():
            super().log(*objects, **kwargs)

    @contextlib.contextmanager
    def _outermost(self) -> Iterator[None]:
        was = getattr(self._drawing, "inside", False)
        self._drawing.inside = False
        try:
            yield
        finally:
            self._drawing.inside = was

    def _filtered(self, renderable: Any, options: Any) -> Iterator[Segment]:
        self._drawing.inside = True
        try:
            for segment in super().render(renderable, options):
                if segment.control is None and hostile_char(segment.text) is not None:
                    yield Segment(printable(segment.text), segment.style, segment.control)
                else:
                    yield segment
        finally:
            self._drawing.inside = False
