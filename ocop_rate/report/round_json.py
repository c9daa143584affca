"""A rated round as one JSON object: the round (level, council, quorum), who scored what,
the round's problems, and ``products`` — each the CONTRACT.md product object with the
round's fields beside it (``level``, ``round``, ``quorum``, ``completeness``, ``sheets``)."""

from __future__ import annotations

import json
from typing import Any

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.round import RoundEntry, RoundReport
from ocop_rate.report.json_report import item_to_dict


def round_dict(report: RoundReport, lang: Lang) -> dict[str, Any]:
    return {
        "name": report.name, "date": report.date.isoformat() if report.date else None,
        "level": report.level, "level_source": report.level_source,
        "province": report.province, "mode": report.mode, "quorum": report.quorum,
        "required": report.required, "spread_limit": report.spread_limit,
        "roster": [m.model_dump() for m in report.roster],
    }


def entry_dict(entry: RoundEntry) -> dict[str, Any]:
    return {
        "registration": entry.registration,
        "legal_representative": entry.legal_representative,
        "quorum": entry.quorum.model_dump(),
        "completeness": entry.completeness,
        "sheets": [s.model_dump() for s in entry.sheets],
        "individual": [{"member": m, "total": t} for m, t in entry.individual],
        "pair": None if entry.pair is None else entry.pair.model_dump(),
    }


def render(report: RoundReport, result: BatchResult, lang: Lang) -> str:
    head = round_dict(report, lang)
    products = []
    for entry, item in zip(report.entries, result.items, strict=True):
        products.append({**item_to_dict(item, lang), "level": report.level,
                         "round": report.name, **entry_dict(entry)})
    data = {
        "round": head,
        "completeness": {e.product_id: e.completeness for e in report.entries},
        "extra": [x.model_dump() for x in report.extra],
        "problems": [{**p.model_dump(exclude={"message_vi"}),
                      "text": p.text(lang)}
                     for p in report.problems],
        "products": products,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
