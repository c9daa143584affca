"""A rated round in JSON, as CONTRACT.md's result: a JSON array, one object per listed
product — the CONTRACT product object (a product below quorum or that could not be rated is
a ``not-rated`` object with its ``errors``) with the round's fields beside it (``level``,
``level_source``, ``round``, ``round_date``, ``quorum``, ``completeness``, ``sheets``,
``individual``, ``pair``, ``written``: a written-opinion round's answers and
differences…).

The round as a whole (roster, the members × products matrix, ids not on the list, the
round's problems) is ``round status -f json``: :func:`status`. Both are a document's data,
drawn by :mod:`ocop_rate.render.json`.
"""

from __future__ import annotations

from typing import Any

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.round import RoundEntry, RoundProblem, RoundReport
from ocop_rate.report.json_report import item_to_dict


def round_dict(report: RoundReport, lang: Lang) -> dict[str, Any]:
    return {
        "name": report.name, "date": report.date.isoformat() if report.date else None,
        "level": report.level, "level_source": report.level_source,
        "province": report.province, "mode": report.mode, "quorum": report.quorum,
        "required": report.required, "spread_limit": report.spread_limit,
        "roster": [m.model_dump() for m in report.roster],
        "written": None if report.written is None else report.written.model_dump(mode="json"),
    }


def entry_dict(report: RoundReport, entry: RoundEntry) -> dict[str, Any]:
    """The round's fields of one product (beside its CONTRACT fields)."""
    return {
        "level": report.level, "level_source": report.level_source,
        "round": report.name,
        "round_date": report.date.isoformat() if report.date else None,
        "registration": entry.registration,
        "legal_representative": entry.legal_representative,
        "quorum": entry.quorum.model_dump(),
        "completeness": entry.completeness,
        "sheets": [s.model_dump() for s in entry.sheets],
        "individual": [{"member": m, "total": t} for m, t in entry.individual],
        "pair": None if entry.pair is None else entry.pair.model_dump(),
        "written": None if entry.written is None else entry.written.model_dump(mode="json"),
        "deadlines": [d.model_dump(mode="json") for d in entry.deadlines],
    }


def products(report: RoundReport, result: BatchResult, lang: Lang) -> list[dict[str, Any]]:
    return [{**item_to_dict(item, lang), **entry_dict(report, entry)}
            for entry, item in zip(report.entries, result.items, strict=True)]


def problem_dict(problem: RoundProblem, lang: Lang) -> dict[str, Any]:
    return {**problem.model_dump(exclude={"message_vi"}), "text": problem.text(lang)}


def status(report: RoundReport, lang: Lang) -> dict[str, Any]:
    """``round status -f json``: the round, who scored what (product -> member -> status),
    each product's quorum, ids not on the list, and the round's problems, located."""
    return {
        "round": round_dict(report, lang),
        "completeness": {e.product_id: e.completeness for e in report.entries},
        "quorum": {e.product_id: e.quorum.model_dump() for e in report.entries},
        "extra": [x.model_dump() for x in report.extra],
        "written": {e.product_id: e.written.model_dump(mode="json") for e in report.entries
                    if e.written is not None},
        "deadlines": [d.model_dump(mode="json") for e in report.entries for d in e.deadlines],
        "problems": [problem_dict(p, lang) for p in report.problems],
    }
