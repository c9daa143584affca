"""Whether a dossier fits its rubric: unknown criteria, options and facts, unscored criteria,
facts of the wrong type, each with its field path. The engine rates only what fits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ocop_rate.conditions import Facts, evaluate
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rubric import Criterion, Rubric

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FitProblem:
    """Something in a dossier that does not fit its rubric, by field path."""

    path: FieldPath
    message: str


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
                "needs one (a blank is allowed only where the rubric derives it from facts)")))
    out += _check_codes(rubric, dossier.self_assessment, ("self_assessment",))
    for cid in dossier.evidence:
        if cid not in rubric.criteria_by_id:
            out.append(FitProblem(("evidence", cid), _unknown_criterion(cid, ids)))
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
    return f"unknown option '{code}' for {crit.id}; expected one of {codes}"


def derive(crit: Criterion, facts: Facts) -> tuple[str | None, tuple[str, ...]]:
    """The option facts decide for ``crit`` (first derivation that holds), and those facts."""
    for d in crit.derive:
        if evaluate(d.when, facts) is True:
            return d.option, tuple(sorted(d.when.facts()))
    return None, ()
