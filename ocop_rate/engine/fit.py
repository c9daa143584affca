"""Whether a dossier fits its rubric: unknown criteria, options and facts, unscored criteria,
facts of the wrong type or range, mixed cases, each with its field path and a catalogued
message. The engine rates only what fits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ocop_rate.clauses import case_mixes, derive
from ocop_rate.messages import LANGS, Lang, say_number, text
from ocop_rate.models.dossier import Dossier, MemberSheet
from ocop_rate.models.rubric import NONE, Criterion, Option, Rubric
from ocop_rate.per_object import once_per_object

FieldPath = tuple[str | int, ...]

__all__ = ["FieldPath", "FitProblem", "check_fit", "derive", "unknown_option"]


@dataclass(frozen=True)
class FitProblem:
    """Something in a dossier that does not fit its rubric, by field path: a catalogued
    message (``ocop_rate.messages``) and its parameters."""

    path: FieldPath
    message_id: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English sentence (logs, exception text)."""
        return text(self.message_id, "en", self.params)


def check_fit(rubric: Rubric, dossier: Dossier) -> list[FitProblem]:
    """Every way ``dossier`` fails to fit ``rubric``: unknown criteria, options and facts,
    unscored criteria, facts of the wrong type. Empty when it can be scored."""
    out: list[FitProblem] = []
    for name, value in dossier.facts.items():
        spec = rubric.facts_by_id.get(name)
        if spec is None:
            known = ", ".join(rubric.facts_by_id) or "-"
            out.append(FitProblem(("facts", name), "rating.unknown_fact",
                                  {"fact": name, "rubric": rubric.id, "known": known}))
        elif not _fact_type_ok(spec.type, value):
            out.append(FitProblem(("facts", name), "rating.fact_type",
                                  {"fact": name, "kind_text_id": _kind(spec.type),
                                   **_shown(value)}))
        elif spec.unit == "fraction" and not 0 <= float(value) <= 1:
            out.append(FitProblem(("facts", name), "rating.fact_fraction",
                                  {"fact": name, **_shown(value)}))
    position = _known(rubric)[2]
    underived: dict[str, bool] = {}  # derivations read only the facts: once per dossier
    for i, sheet in enumerate(dossier.council):
        where: FieldPath = ("council", i, "scores")
        out += _check_codes(rubric, sheet.scores, where)
        for cid in sheet.notes:
            if cid not in rubric.criteria_by_id:
                out.append(FitProblem(("council", i, "notes", cid),
                                      *_unknown_criterion(cid, list(position))))
        missing = position.keys() - sheet.scores.keys()  # most leave derived ones blank
        blank = [cid for cid in sorted(missing, key=position.__getitem__)
                 if _underived(underived, rubric.criteria_by_id[cid], dossier)]
        if blank:
            out.append(FitProblem(where, "rating.member_blank",
                                  {"member": sheet.member, "criteria": ", ".join(blank)}))
        out += _case_problems(rubric, sheet, where)
    out += _check_codes(rubric, dossier.self_assessment, ("self_assessment",))
    for cid in dossier.evidence:
        if cid not in rubric.criteria_by_id:
            out.append(FitProblem(("evidence", cid), *_unknown_criterion(cid, list(position))))
    return out


def _case_problems(rubric: Rubric, sheet: MemberSheet, where: FieldPath) -> list[FitProblem]:
    """A member who mixes the cases of a case group, located at the first criterion scored
    under a case other than the group's first one chosen."""
    out = []
    for mix in case_mixes(rubric, sheet.scores):
        first = next(iter(mix.picked.values()))
        odd = next(cid for cid, case in mix.picked.items() if case != first)
        params = {
            "member": sheet.member, "criteria": ", ".join(mix.group.criteria),
            "picked": ", ".join(f"{cid}: {sheet.scores.get(cid, NONE)} ({case})"
                                for cid, case in mix.picked.items())}
        out.append(FitProblem((*where, odd), "rules.case_mixed", params))
    return out


def _fact_type_ok(kind: str, value: object) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "number":  # NaN and infinities compare false with everything: refuse them
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value))
    return isinstance(value, str)


def _shown(value: object) -> dict[str, str]:
    """A fact's value as the ``value`` parameter of a message: a number with each language's
    decimal mark (``0,75`` / ``0.75``), anything else quoted as written."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {f"value@{lang}": say_number(value, lang) for lang in LANGS}
    return {"value": repr(value)}


def _kind(fact_type: str) -> str:
    """The message id naming a fact type (``rating.kind.number`` …)."""
    return f"rating.kind.{fact_type if fact_type in ('number', 'boolean') else 'text'}"


def _unknown_criterion(cid: str, known: list[str]) -> tuple[str, dict[str, str]]:
    import difflib

    close = difflib.get_close_matches(cid, known, n=3, cutoff=0.5)
    params = {"criterion": cid, "first": known[0], "last": known[-1]}
    if close:
        return "rating.unknown_criterion_close", {**params, "close": ", ".join(close)}
    return "rating.unknown_criterion", params


def _underived(made: dict[str, bool], crit: Criterion, dossier: Dossier) -> bool:
    """Whether the dossier's facts derive no option of ``crit`` (remembered in ``made``)."""
    hit = made.get(crit.id)
    if hit is None:
        hit = made[crit.id] = derive(crit, dossier.facts)[0] is None
    return hit


def _check_codes(rubric: Rubric, scores: dict[str, str], where: FieldPath) -> list[FitProblem]:
    codes, pairs, _ = _known(rubric)
    if scores.items() <= pairs:  # the usual sheet: every criterion and code known
        return []
    out: list[FitProblem] = []
    for cid, code in scores.items():
        known = codes.get(cid)
        if known is not None and code in known:
            continue
        crit = rubric.criteria_by_id.get(cid)
        if crit is None:
            out.append(FitProblem((*where, cid),
                                  *_unknown_criterion(cid, list(rubric.criteria_by_id))))
        elif crit.option(code) is None:
            out.append(FitProblem((*where, cid), *unknown_option(crit, code)))
    return out


_Known = tuple[dict[str, frozenset[str]], frozenset[tuple[str, str]], dict[str, int]]
_CODES: dict[int, tuple[Rubric, _Known]] = {}


def _known(rubric: Rubric) -> _Known:
    """Each criterion's option codes, ``none`` included (what ``Criterion.option``
    finds), the same as (criterion, code) pairs, and each criterion id's place: made once
    per rubric object (rubrics are immutable)."""
    return once_per_object(_CODES, rubric, _make_known)


def _make_known(rubric: Rubric) -> _Known:
    codes = {c.id: frozenset({NONE, *(o.code for o in c.options)}) for c in rubric.criteria}
    return (codes, frozenset((cid, code) for cid, known in codes.items() for code in known),
            {cid: k for k, cid in enumerate(codes)})


def unknown_option(crit: Criterion, code: str) -> tuple[str, dict[str, str]]:
    """What to say about an option code ``crit`` does not have (dossiers and sheets alike):
    message id and parameters. A number that is some option's points (a member who typed
    the points, not the code) is answered with that option."""
    params = {"code": code, "criterion": crit.id}
    for lang in LANGS:
        params[f"codes@{lang}"] = ", ".join(_option_said(o, lang) for o in crit.options)
    try:
        typed = float(code.replace(",", "."))
    except ValueError:
        typed = math.nan
    close = [o for o in crit.options if math.isfinite(typed) and o.points == typed]
    if close:
        for lang in LANGS:
            params[f"close@{lang}"] = " / ".join(_option_said(o, lang) for o in close)
        return "rating.unknown_option_close", params
    return "rating.unknown_option", params


def _option_said(option: Option, lang: Lang) -> str:
    """``b (1 điểm)`` / ``b (1 pts)``."""
    return text("rating.option_points", lang, code=option.code, points=option.points)
