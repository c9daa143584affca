"""The ``--format`` every command shares, checked against the registry
(:mod:`ocop_rate.views.registry`) while the command line is parsed, and :func:`deliver`,
which draws a subject in a format by looking the pair up and writes it to the screen or a
file. No command tests a format's name.

Not a command module: commands import it, it imports no command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from ocop_rate.cli.common import _console, _emit, _emit_bytes, _say
from ocop_rate.views import registry
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

Writer = Callable[[Path, "str | bytes | Iterable[str]", str], None]


def refuse_unless(subject: str, fmt: str, output: Path | None = None,
                  parsing: bool = False) -> None:
    """Stop (exit 2, nothing read or written) when ``subject`` has no format ``fmt``, or
    when the format writes a file and no ``--output`` names one (not asked while the
    command line is being ``parsing``: ``--output`` may come later)."""
    if not registry.has(subject, fmt):
        from ocop_rate.cli.common import spoken
        from ocop_rate.messages import text

        _say("cli.format_not_for", subject=text(f"cli.subject.{subject}", spoken()),
             format=fmt, formats=", ".join(registry.formats(subject)))
    if output is None and not parsing and registry.needs_file(subject, fmt):
        _say("cli.needs_output", format=fmt)


def checked_format(ctx: typer.Context, param: typer.CallbackParam, value: str) -> str:
    """The ``--format`` callback: the command's subject must have the format, else a usage
    error (exit 2) that lists the formats it has (:func:`ocop_rate.cli.help.usage_problem`
    reads them from the registry)."""
    from ocop_rate.cli.help import command_path

    subject = registry.subject_of(command_path(ctx))
    if subject is not None and not registry.has(subject, value):
        raise typer.BadParameter(value, ctx=ctx, param=cast(Any, param))
    return value


FormatOpt = Annotated[str, typer.Option(
    "--format", "-f", callback=checked_format, show_default=True,
    help="Output format (each command lists its own).")]


def deliver(subject: str, fmt: str, what: Any, asked: Asked, output: Path | None,
            write: Writer | None = None) -> None:
    """Draw ``what`` as ``subject`` in ``fmt`` and write it: to ``output`` (atomically,
    through ``write`` when the command guards its own files) or to the screen."""
    drawer = registry.drawer(subject, fmt)
    if drawer.kind == "blocks":
        console = _console() if output is None else _console(width=drawer.file_width)
        blocks = drawer.load()(what, asked._replace(width=console.width))
        if output is None and (console.is_terminal or drawer.wrap != "located"):
            for block in blocks:
                console.print(block, soft_wrap=_soft(block, drawer.wrap))
            return
        if output is None:  # the results view into a pipe: block by block
            _emit(_captured(console, blocks, drawer.wrap), None)
        else:
            _put(_captured(console, blocks, drawer.wrap, to_file=True), output, drawer.encoding,
                 write)
        return
    drawn = drawer.load()(what, asked)
    if output is None:
        if isinstance(drawn, bytes):  # refused while parsing: never reached
            raise TypeError(fmt)
        _emit(drawn, None)
        return
    _put(drawn, output, drawer.encoding, write)


def _put(data: str | bytes | Iterable[str], output: Path, encoding: str,
         write: Writer | None) -> None:
    if write is not None:
        write(output, data if isinstance(data, (str, bytes)) else "".join(data), encoding)
    elif isinstance(data, bytes):
        _emit_bytes(data, output)
    else:
        _emit(data, output, encoding)


def _soft(block: object, wrap: registry.Wrap) -> bool:
    """Whether ``block`` is printed with ``soft_wrap`` (see :data:`registry.Wrap`)."""
    if wrap == "always":
        return True
    if wrap == "located":
        return located(block)
    return False


def located(block: object) -> bool:
    """An error line (``✗ file:line: …``) stays on one line, for grep and editors; all
    else wraps to the screen."""
    from rich.text import Text

    return isinstance(block, Text) and block.plain.startswith("✗")


def _captured(console: Console, blocks: Iterable[RenderableType], wrap: registry.Wrap,
              to_file: bool = False) -> Iterator[str]:
    """The text of each block as the console lays it out, one block at a time: a file or
    a pipe receives a long output block by block instead of as one string.

    For the results view (``wrap="located"``) two kinds of block skip rich's printing: a
    line of plain text is written as it is when it fits the width or is a located error
    (``✗ file:line``, never wrapped), and otherwise cut into lines by rich's own
    ``Text.wrap`` (the lines under a long table, one per disagreement: printing each
    through the console took most of a national sheet's time), and
    in a file (``to_file``) the results table is written as plain rows
    (:class:`~ocop_rate.report.plain_table.PlainTable`) rather than laid out by rich. Plain
    lines go out a thousand at a time (one write each, not one a line)."""
    from itertools import islice

    from rich.text import Text

    from ocop_rate.report.plain_table import PlainTable, cells

    plain = console.color_system is None and wrap == "located"
    width = console.width
    held: list[str] = []  # plain lines, written a thousand at a time
    for block in blocks:
        if plain and isinstance(block, Text) and block.end == "\n" and not block.justify \
                and not block.overflow and not block.no_wrap:
            line = block.plain
            if line.isprintable() and line == line.strip():
                if cells(line) <= width or located(block):
                    held.append(line)
                else:  # wider than the page: cut where rich cuts it, not printed through it
                    held += [part.plain for part in block.wrap(
                        console, width, justify="default", overflow="fold",
                        tab_size=console.tab_size or 8)]
                if len(held) >= 1000:
                    yield "\n".join(held) + "\n"
                    held.clear()
                continue
        if held:
            yield "\n".join(held) + "\n"
            held.clear()
        if plain and to_file and isinstance(block, PlainTable):
            lines = block.plain_lines(width)
            while chunk := list(islice(lines, 1000)):
                yield "\n".join(chunk) + "\n"
            continue
        with console.capture() as capture:
            console.print(block, soft_wrap=_soft(block, wrap))
        yield capture.get()
    if held:
        yield "\n".join(held) + "\n"
