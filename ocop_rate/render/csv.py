"""Any :class:`~ocop_rate.models.document.Document`'s tables as CSV: each table its head then
its rows, a blank line between two tables (titles, paragraphs and notes are for people and
stay out of a data file). Every cell is guarded (:func:`~ocop_rate.render.safety.neutralise`):
a name such as ``=HYPERLINK(…)`` is text in a spreadsheet, never a formula. Lines end
``\\r\\n`` (RFC 4180); the caller writes the file with a BOM so Excel reads UTF-8."""

from __future__ import annotations

import csv
import io

from ocop_rate.models.document import Document, Table
from ocop_rate.render.safety import neutralise


def tables(document: Document) -> list[Table]:
    """The document's tables, in reading order."""
    return [b for part in document.sections for b in part.blocks if isinstance(b, Table)]


def draw(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for n, block in enumerate(tables(document)):
        if n:
            writer.writerow([])
        writer.writerow([neutralise(h) for h in block.head])
        writer.writerows([neutralise(c) for c in row] for row in block.body())
    return buffer.getvalue()
