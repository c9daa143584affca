"""A round's results as CSV: the loose-file columns (:mod:`csv_report`), then the round's —
level, round, date, registration, quorum, who is missing, who re-scored, and (written-opinion
rounds) whether a meeting is needed and why."""

from __future__ import annotations

import csv
import io

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.round import RoundReport
from ocop_rate.render.safety import neutralise
from ocop_rate.report.csv_report import HEADER, row_cells
from ocop_rate.report.round_lines import missed, reason
from ocop_rate.report.rows import rows

ROUND_HEADER = ["level", "round", "round_date", "registration", "members_scored",
                "quorum_required", "quorum_met", "missing", "rescored", "written_state",
                "written_reasons", "deadlines_missed"]


def render(report: RoundReport, result: BatchResult, lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*HEADER, *ROUND_HEADER])
    date = report.date.isoformat() if report.date else ""
    for row, entry in zip(rows(result, lang), report.entries, strict=True):
        status = entry.completeness
        cells: list[object] = [
            *row_cells(row), report.level, report.name, date, entry.registration,
            entry.quorum.scored,
            entry.quorum.required, str(entry.quorum.met).lower(),
            " | ".join(m for m, s in status.items() if s == "missing"),
            " | ".join(m for m, s in status.items() if s == "rescored"),
            "" if entry.written is None else entry.written.state,
            "" if entry.written is None else " | ".join(
                reason(entry.product_id, d, report.spread_limit, lang)
                for d in entry.written.differences),
            " | ".join(missed(d, lang) for d in entry.deadlines if d.late),
        ]
        writer.writerow([neutralise(c) for c in cells])
    return buffer.getvalue()
