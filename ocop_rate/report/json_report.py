"""JSON results, in the field names that CONTRACT.md fixes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Failure, Rating
from ocop_rate.models.rubric import Rubric

if TYPE_CHECKING:  # check results: types only, so `rate` does not load the checks
    from ocop_rate.checks.diff import DiffReport, Side
    from ocop_rate.checks.golden import GoldenCase, GoldenReport
    from ocop_rate.checks.lints import LintReport


def item_to_dict(item: Rating | Failure, lang: Lang) -> dict[str, Any]:
    if isinstance(item, Failure):
        return {
            "product_id": item.product_id, "rubric": item.rubric, "file": item.file,
            "total": None, "parts": None, "stars": None, "recognised": False,
            "gates": [], "members": [], "criteria": [], "next_star": None,
            "errors": [e.model_dump() for e in item.errors],
        }
    ns = item.next_star
    return {
        "product_id": item.product_id,
        "product_name": item.product_name.get(lang),
        "rubric": item.rubric,
        "product_group": item.product_group,
        "file": item.file,
        "total": item.total,
        "parts": {p.id: p.points for p in item.parts},
        "band_stars": item.band_stars,
        "stars": item.stars,
        "recognised": item.recognised,
        "gate_policy": item.gate_policy,
        "gates": [{"id": g.id, "effect": g.effect, "max_stars": g.max_stars,
                   "reason": g.reason.get(lang), "source": g.source} for g in item.gates],
        "members": [{"member": m.member, "total": m.total, "parts": m.parts}
                    for m in item.members],
        "criteria": [
            {"id": c.id, "number": c.number, "part": c.part, "points": c.points,
             "max_points": c.max_points, "option": c.option,
             "members": {ch.member: ch.option for ch in c.choices},
             "derived_from": sorted({f for ch in c.choices for f in ch.facts}),
             "evidence": list(c.evidence), "self_assessed": c.self_assessed}
            for c in item.criteria
        ],
        "next_star": None if ns is None else {
            "stars": ns.stars, "threshold": ns.threshold, "points_needed": ns.points_needed,
            "reachable": ns.reachable, "blocked_by": list(ns.blocked_by),
            "upgrades": [{"criterion": u.criterion, "from_option": u.from_option,
                          "to_option": u.to_option, "points": u.points,
                          "required_by_gate": u.required_by_gate} for u in ns.upgrades],
        },
        "self_assessment": None if item.self_assessment is None
        else item.self_assessment.model_dump(),
        "warnings": list(item.warnings),
        "producer": None if item.producer is None else item.producer.model_dump(),
        "disagreement": None if item.disagreement is None else {
            **item.disagreement.model_dump(exclude={"splits"}),
            "flagged": item.disagreement.flagged,
            "splits": [{"criterion": s.criterion, "options": s.options, "steps": s.steps}
                       for s in item.disagreement.splits]},
        "errors": [],
    }


def render(result: BatchResult, lang: Lang) -> str:
    """A JSON array, one object per product, UTF-8 with diacritics as they are."""
    data = [item_to_dict(i, lang) for i in result.items]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def rubric_to_dict(rubric: Rubric) -> dict[str, Any]:
    """The resolved rubric in its file's keys, with each criterion's ``max_points``."""
    data: dict[str, Any] = rubric.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {"id": data.pop("id"), "extends": rubric.lineage[0] if rubric.lineage else None,
            **data}


def render_rubric(rubric: Rubric) -> str:
    return json.dumps(rubric_to_dict(rubric), ensure_ascii=False, indent=2) + "\n"


def render_rubric_list(entries: list[dict[str, Any]]) -> str:
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"


# -- rubric checks (validate, diff, check): one documented envelope each -------------------
# Every document has "command" and "schema_version"; fields are added, never renamed
# (README: "Rubric checks in CI").

CHECKS_SCHEMA_VERSION = 1


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_lints(report: LintReport) -> str:
    return _dump({
        "command": "validate", "schema_version": CHECKS_SCHEMA_VERSION,
        "ok": report.ok, "strict": report.strict,
        "files": list(report.files), "rubrics": list(report.rubrics),
        "summary": {"errors": report.count("error"), "warnings": report.count("warning"),
                    "failing": sum(1 for f in report.findings if report.fails(f))},
        "findings": [{**f.as_dict(), "fails": report.fails(f)} for f in report.findings],
    })


def _side(side: Side) -> dict[str, Any]:
    return {"total": side.total, "stars": side.stars, "recognised": side.recognised,
            "errors": [e.model_dump() for e in side.errors]}


def render_diff(report: DiffReport) -> str:
    return _dump({
        "command": "diff", "schema_version": CHECKS_SCHEMA_VERSION,
        "base": report.base, "head": report.head, "fail_on": report.fail_on,
        "ok": not report.failed,
        "summary": {
            "products": len(report.products),
            "up": report.count("up"), "down": report.count("down"),
            "unchanged": report.count("unchanged"), "not_rated": report.count("not-rated"),
            "changed": sum(1 for p in report.products if p.changed),
            "by_class": [{"stars": c.stars, "up": c.up, "down": c.down,
                          "unchanged": c.unchanged, "not_rated": c.not_rated}
                         for c in report.by_class()],
        },
        "products": [{"product_id": p.product_id, "rubric": p.rubric, "file": p.file,
                      "before": _side(p.before), "after": _side(p.after),
                      "movement": p.movement, "total_delta": p.total_delta,
                      "changed": p.changed, "fails": report.trips(p)}
                     for p in report.products],
    })


def render_golden(report: GoldenReport) -> str:
    def expected(c: GoldenCase) -> dict[str, Any] | None:
        e = c.expected
        return None if e is None else {"stars": e.stars, "total": e.total,
                                       "file": e.location.file, "line": e.location.line}

    return _dump({
        "command": "check", "schema_version": CHECKS_SCHEMA_VERSION,
        "expect": report.expect, "tolerance": report.tolerance, "ok": report.ok,
        "summary": {s: report.count(s) for s in ("pass", "mismatch", "missing", "unexpected",
                                                 "error")},
        "products": [{"product_id": c.product_id, "status": c.status, "message": c.message,
                      "file": c.file, "expected": expected(c),
                      "actual": None if c.stars is None else {"stars": c.stars,
                                                              "total": c.total},
                      "errors": [e.model_dump() for e in c.errors]}
                     for c in report.cases],
    })
