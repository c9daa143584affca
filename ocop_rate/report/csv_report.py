"""CSV results for Excel: UTF-8 with a BOM (so Excel shows diacritics), formulas neutralised."""

from __future__ import annotations

import csv
import io

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.report.rows import Row, fmt, rows
from ocop_rate.report.safety import neutralise

HEADER = ["product_id", "product_name", "rubric", *PART_ORDER, "total", "stars", "recognised",
          "outcome", "authority", "outcome_note", "gates", "errors", "file"]


def render(result: BatchResult, lang: Lang) -> str:
    """CSV text (the BOM is added by the writer: see :data:`ENCODING`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(result, lang):
        writer.writerow([neutralise(c) for c in row_cells(row)])
    return buffer.getvalue()


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
