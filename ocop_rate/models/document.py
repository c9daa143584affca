"""The view model every person-facing document is drawn from: a title, sections of tables,
paragraphs and notes, all already in the user's language, plus the contract-shaped data for
machine formats. A subject builds one (:mod:`~ocop_rate.views.batch`,
:mod:`~ocop_rate.views.round`); one module per format draws any of them
(:mod:`ocop_rate.render.markdown`, :mod:`~ocop_rate.render.docx`,
:mod:`~ocop_rate.render.json`), knowing nothing of OCOP. It lives with the models (it imports
nothing of ours) so that the views above and the renderers below both read it.

Plain dataclasses (no pydantic): a document is built and drawn once per run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Table:
    """A table: its head, its rows (text cells), each column's alignment (``left``, the
    default, ``right`` for numbers, ``center``).

    For a spreadsheet, ``values`` may hold the same rows as typed values (dates, numbers,
    None for an empty cell), so a date is a date cell; ``name`` is a short name (a sheet's)
    and ``keys`` the leading columns that name a row (kept in view: frozen in a sheet);
    ``foot`` a closing row (the totals), set apart from the rows where the format can.

    For a screen: ``title`` is said over the table; ``stacked`` draws one block per row
    instead of a grid (a narrow screen: the first cell, then the others on a line);
    ``numbered``, when the heads between the first and the last column (members' names)
    cannot be shown whole, numbers them under a line ``numbered: 1 head · 2 head …``."""

    head: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    align: tuple[str, ...] = ()
    values: Sequence[tuple[object, ...]] | None = None
    name: str = ""
    keys: int = 0
    foot: tuple[str, ...] = ()
    title: str = ""
    stacked: bool = False
    numbered: str = ""

    def body(self) -> Iterator[tuple[str, ...]]:
        """The rows, then the closing row if any: for formats that do not set it apart."""
        yield from self.rows
        if self.foot:
            yield self.foot

    def alignment(self, column: int) -> str:
        found = self.align[column] if column < len(self.align) else "left"
        return found if found in ("right", "center") else "left"


@dataclass(frozen=True)
class Paragraph:
    """A line of text; ``label`` (said first, in bold) names it; ``strong`` makes it bold."""

    text: str
    label: str = ""
    strong: bool = False


@dataclass(frozen=True)
class Notes:
    """A list under an optional bold ``title``; each item is ``(lead, text)``, the lead (a
    product id, often) shown in bold, or empty. ``mark`` starts each item on a screen
    (``✗`` for errors: a located error line stays whole on one line)."""

    items: list[tuple[str, str]]
    title: str = ""
    mark: str = "•"


Block = Table | Paragraph | Notes


@dataclass(frozen=True)
class Section:
    """Blocks under an optional heading."""

    blocks: list[Block]
    title: str = ""


@dataclass
class Document:
    """What a subject shows a person, format-free; ``data`` is what machines read; ``lang``
    the language its words are in (a spreadsheet shows its dates day first in Vietnamese)."""

    title: str
    sections: list[Section] = field(default_factory=list)
    data: Any = None
    lang: str = "vi"
