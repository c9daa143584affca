"""The results table as plain text rows, for a file (``rate BIG.csv -o t.txt``).

A layout of our own, not rich's: fixed-width columns (product id, the parts A, B, C on a
wide line, total, class, outcome) padded with spaces, then the name column (the product's
name, then its product set) wrapped in the room left. Each product's lines are written as
they are made, so a national-scale file (20,000 products) costs about what its CSV costs,
where rich lays out a table at about 1.5 ms a row. What people read on a screen or in a
pipe stays the screen's table (:func:`ocop_rate.views.batch.screen_document`, drawn by
:mod:`ocop_rate.render.terminal`); :class:`PlainTable` carries both.

Width: every line is at most ``width`` cells, but an id is never split: an id wider than
its column stands whole on a line of its own (the only line that may pass the width is an
id wider than the whole line).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.report.labels import star_label, word
from ocop_rate.text_safety import hostile_char, printable

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from ocop_rate.models.common import Lang
    from ocop_rate.report.rows import Row

GAP = "  "
"""Between two columns."""
NAME_LEAST = 12
"""Narrower than this, the name column moves under the row (indented by :data:`GAP`)."""


@dataclass
class PlainTable:
    """The results table: ``drawn`` on a screen or in a pipe (what people read), and in a
    file (``rate BIG.csv -o t.txt``) plain rows written directly by :func:`plain_table`
    (``ocop_rate.cli.formats`` asks for :meth:`plain_lines`)."""

    drawn: RenderableType
    rows: list[Row]
    lang: Lang
    title: str
    wide: bool

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.drawn

    def plain_lines(self, width: int) -> Iterator[str]:
        """The table as plain text lines at most ``width`` cells wide (an id longer than
        the line is never split: it stands whole on a line of its own)."""
        return plain_table(self.rows, self.lang, self.title, width, self.wide)


def outcome_words(row: Row, lang: Lang) -> str:
    """The outcome as the screen's table says it: a product rated without its rejection
    facts is marked ``*`` (the legend under the table says what was not checked)."""
    return text(f"outcome.{row.outcome}", lang) + ("*" if row.unchecked else "")


def plain_table(rows: Sequence[Row], lang: Lang, title: str, width: int, wide: bool
                ) -> Iterator[str]:
    """The table's lines (no line ends): title, header, a rule, then each product (its
    outcome in the words :func:`outcome_words` gives, as the screen's table says it)."""
    from ocop_rate.models.rubric import PART_ORDER
    from ocop_rate.report.rows import fmt

    heads = [word("product", lang), *(PART_ORDER if wide else ()), word("total", lang),
             word("class", lang), word("outcome", lang)]
    right = [False, *([True] * len(PART_ORDER) if wide else ()), True, False, False]
    table = [[_safe(row.product_id),
              *([fmt(row.parts[p], lang) for p in PART_ORDER] if wide else ()),
              fmt(row.total, lang), star_label(row.stars, lang) if row.errors == [] else "",
              outcome_words(row, lang)] for row in rows]
    sizes = [cells(head) for head in heads]
    for said in table:
        sizes = [max(size, cells(cell)) for size, cell in zip(sizes, said, strict=True)]
    fixed_rest = sum(sizes[1:]) + len(GAP) * len(sizes[1:])
    sizes[0] = min(sizes[0], max(cells(heads[0]), min(width // 4, width - fixed_rest
                                                       - len(GAP) - NAME_LEAST)))
    room = width - sum(sizes) - len(GAP) * len(sizes)
    under = room < NAME_LEAST  # no room beside the figures: the name goes under them
    room = width - len(GAP) if under else room
    name_head = word("name", lang) + " / " + word("product_set", lang)
    if cells(name_head) > room:
        name_head = wrap(word("name", lang), room)[0]
    yield title
    yield _line([*heads, "" if under else name_head], sizes, right)
    yield "-" * min(width, sum(sizes) + len(GAP) * len(sizes) + (0 if under else room))
    for row, said in zip(rows, table, strict=True):
        names = [line for said in (row.product_name, row.rubric_name) if said
                 for line in wrap(_safe(said), room)]
        if cells(said[0]) > sizes[0]:  # a long id: whole, on its own line
            yield said[0]
            said = ["", *said[1:]]
        if under:
            yield _line(said, sizes, right)
            yield from (GAP + name for name in names)
            continue
        yield _line([*said, names[0] if names else ""], sizes, right)
        blank = [""] * len(said)
        yield from (_line([*blank, name], sizes, right) for name in names[1:])


def _line(texts: Sequence[str], sizes: Sequence[int], right: Sequence[bool]) -> str:
    """Cells padded to their sizes (a last cell beyond ``sizes`` as it is), no trailing
    spaces. Only the id column can hold a cell wider than its size; it is then alone on
    its line (:func:`plain_table`), never cut here."""
    out = []
    for i, cell in enumerate(texts):
        if i >= len(sizes):
            out.append(cell)
            continue
        pad = " " * max(0, sizes[i] - cells(cell))
        out.append(pad + cell if right[i] else cell + pad)
    return GAP.join(out).rstrip()


_ONE_CELL = re.compile("[ -~\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027\u2190-\u21ff"
                       "\u2605\u2606\u26a0\u2717]*")
"""Characters rich measures one cell wide (checked against rich by
tests/unit/report/test_plain_table.py): Latin with its accents (precomposed Vietnamese is
U+1EA0–U+1EF9), dashes, arrows, ★ ⚠ ✗."""


def cells(text: str) -> int:
    """How many cells ``text`` takes on a screen (rich's measure; one character a cell
    for the usual text, without measuring each character)."""
    if _ONE_CELL.fullmatch(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """``text``'s lines at most ``width`` cells, broken between words where it can (a word
    wider than the line is cut, as any table cuts it)."""
    from rich.cells import chop_cells

    out: list[str] = []
    for line in text.splitlines() or [""]:
        if cells(line) <= width:
            out.append(line)
            continue
        for piece in textwrap.wrap(line, width, break_on_hyphens=False) or [""]:
            out += [piece] if cells(piece) <= width else chop_cells(piece, width)
    return out


def _safe(text: str) -> str:
    """A name or id as a file may hold it: a control character shown, never acting."""
    return text if hostile_char(text) is None else printable(text)
