"""Whether a dossier fits its rubric: unknown criteria, options and facts, unscored criteria,
facts of the wrong type or range, mixed cases, each with its field path. The engine rates
only what fits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ocop_rate.clauses import case_mixes, derive
from ocop_rate.models.dossier import Dossier, MemberSheet
from ocop_rate.models.rubric import NONE, Criterion, Rubric

FieldPath = tuple[str | int, ...]

__all__ = ["FieldPath", "FitProblem", "check_fit", "derive", "unknown_option_message"]


@dataclass(frozen=True)
class FitProblem:
    """Something in a dossier that does not fit its rubric, by field path; catalogued
    problems name their sentence (``message_id``, ``params``) for the user's language."""

    path: FieldPath
    message: str
    message_id: str | None = None
    params: dict[str, object] | None = None


def check_fit(rubric: Rubric, dossier: Dossier) -> list[FitProblem]:
    """Every way ``dossier`` fails to fit ``rubric``: unknown criteria, options and facts,
    unscored criteria, facts of the wrong type. Empty when it can be scored."""
    out: list[FitProblem] = []
    ids = list(rubric.criteria_by_id)
    for name, value in dossier.facts.items():
        spec = rubric.facts_by_id.get(name)
        if spec is None:
            known = ", ".join(rubric.facts_by_id) or "none"
            out.append(FitProblem(("facts", name),
                                  f"unknown fact '{name}' for rubric {rubric.id} (known: {known})"))
        elif not _fact_type_ok(spec.type, value):
            out.append(FitProblem(("facts", name),
                                  f"fact '{name}' should be a {_kind(spec.type)}, got "
                                  f"{value!r}"))
        elif spec.unit == "fraction" and not 0 <= float(value) <= 1:
            out.append(FitProblem(("facts", name),
                                  f"fact '{name}' is a share from 0 to 1, got {value!r}"))
    for i, sheet in enumerate(dossier.council):
        where: FieldPath = ("council", i, "scores")
        out += _check_codes(rubric, sheet.scores, where)
        for cid in sheet.notes:
            if cid not in rubric.criteria_by_id:
                out.append(FitProblem(("council", i, "notes", cid), _unknown_criterion(cid, ids)))
        blank = [c.id for c in rubric.criteria
                 if c.id not in sheet.scores and derive(c, dossier.facts)[0] is None]
        if blank:
            out.append(FitProblem(where, (
                f"member '{sheet.member}' gave no option for {', '.join(blank)}; every criterion "
                "needs one (a blank is allowed only where the rubric derives it from facts; "
                f"write '{NONE}' where no option printed on the sheet applies)")))
        out += _case_problems(rubric, sheet, where)
    out += _check_codes(rubric, dossier.self_assessment, ("self_assessment",))
    for cid in dossier.evidence:
        if cid not in rubric.criteria_by_id:
            out.append(FitProblem(("evidence", cid), _unknown_criterion(cid, ids)))
    return out


def _case_problems(rubric: Rubric, sheet: MemberSheet, where: FieldPath) -> list[FitProblem]:
    """A member who mixes the cases of a case group, located at the first criterion scored
    under a case other than the group's first one chosen."""
    out = []
    for mix in case_mixes(rubric, sheet.scores):
        first = next(iter(mix.picked.values()))
        odd = next(cid for cid, case in mix.picked.items() if case != first)
        params: dict[str, object] = {
            "member": sheet.member, "criteria": ", ".join(mix.group.criteria),
            "picked": ", ".join(f"{cid}: {sheet.scores.get(cid, NONE)} ({case})"
                                for cid, case in mix.picked.items())}
        from ocop_rate.messages import text

        out.append(FitProblem((*where, odd), text("rules.case_mixed", "en", params),
                              "rules.case_mixed", params))
    return out


def _fact_type_ok(kind: str, value: object) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "number":  # NaN and infinities compare false with everything: refuse them
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value))
    return isinstance(value, str)


def _kind(fact_type: str) -> str:
    return "finite number" if fact_type == "number" else fact_type


def _unknown_criterion(cid: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(cid, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown criterion '{cid}'{hint} (criteria: {known[0]} … {known[-1]})"


def _check_codes(rubric: Rubric, scores: dict[str, str], where: FieldPath) -> list[FitProblem]:
    out: list[FitProblem] = []
    ids = list(rubric.criteria_by_id)
    for cid, code in scores.items():
        crit = rubric.criteria_by_id.get(cid)
        if crit is None:
            out.append(FitProblem((*where, cid), _unknown_criterion(cid, ids)))
        elif crit.option(code) is None:
            out.append(FitProblem((*where, cid), unknown_option_message(crit, code)))
    return out


def unknown_option_message(crit: Criterion, code: str) -> str:
    """What to say about an option code ``crit`` does not have (dossiers and sheets alike)."""
    codes = ", ".join(f"{o.code} ({o.points:g})" for o in crit.options)
    return (f"unknown option '{code}' for {crit.id}; expected one of {codes}, "
            f"or {NONE} (0) where no option applies")
