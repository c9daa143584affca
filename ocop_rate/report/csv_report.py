"""CSV results for Excel: UTF-8 with a BOM (so Excel shows diacritics), formulas neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Failure, RatingColumns
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.render.safety import neutralise
from ocop_rate.report.rows import Row, fmt, rows, stream_rows

HEADER = ["product_id", "product_name", "rubric", *PART_ORDER, "total", "stars", "recognised",
          "outcome", "authority", "outcome_note", "gates", "errors", "file"]


def render(result: BatchResult, lang: Lang) -> str:
    """CSV text (the BOM is added by the writer: see :data:`ENCODING`)."""
    return "".join(render_rows(rows(result, lang)))


def render_stream(pieces: Iterable[Failure | tuple[RatingColumns, int] | RatingColumns],
                  lang: Lang, chunk: int = 2000) -> Iterator[str]:
    """:func:`render` of a stream (``pipeline.stream_paths``), in chunks as it comes; a
    sheet's block is written from its columns (:mod:`~ocop_rate.report.csv_blocks`)."""
    from ocop_rate.report.csv_blocks import block_records

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    held = 0
    for piece in pieces:
        if isinstance(piece, (Failure, tuple)):
            for row in stream_rows([piece], lang):
                writer.writerow([neutralise(c) for c in row_cells(row)])
            held += 1
        else:
            for text in block_records(piece, lang, chunk):
                buffer.write(text)
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        if held >= chunk:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            held = 0
    yield buffer.getvalue()


def render_rows(all_rows: Iterable[Row], chunk: int = 2000) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for n, row in enumerate(all_rows, start=1):
        writer.writerow([neutralise(c) for c in row_cells(row)])
        if n % chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def row_cells(row: Row) -> list[object]:
    """One product's cells under :data:`HEADER` (a round's CSV adds its own after them)."""
    return [
        row.product_id, row.product_name, row.rubric,
        *[fmt(row.parts[p]) for p in PART_ORDER],
        fmt(row.total), "" if row.stars is None else row.stars,
        "" if row.errors else str(row.recognised).lower(),
        row.outcome, row.authority or "", row.note or "",
        " | ".join(row.gates), " | ".join(row.errors), row.file or "",
    ]


ENCODING = "utf-8-sig"
