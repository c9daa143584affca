"""Gates: the rubric's gates (rejections and caps read from a dossier's facts, or from the
council's options) and the star marks (a criterion below its marked option caps the class
below that mark).

Where a product's class is decided: :func:`ocop_rate.engine.scorer.score_columns` takes the
band of the rounded total, caps it by the first star mark missed, the gates and unmet
requirements (``scorer._capped``), then ``outcome.decide`` gives the outcome by council
level (``scorer._verdict``).
"""

from __future__ import annotations

from collections.abc import Mapping

from ocop_rate.conditions import Facts, evaluate, missing_facts
from ocop_rate.messages import LANGS, Lang, text
from ocop_rate.models.common import Text
from ocop_rate.models.rating import GateResult, Notice
from ocop_rate.models.rubric import Criterion, Gate, Option, Rubric
from ocop_rate.per_object import once_per_object

BLOCKED_STARS = 2
"""The class a ``block`` gate leaves: below every recognised class."""


def fact_gates(rubric: Rubric, facts: Facts, council: Mapping[str, str] | None = None
               ) -> tuple[tuple[GateResult, ...], tuple[Notice, ...]]:
    """The rubric's gates that apply to ``facts`` (and to the ``council``'s options, for a
    gate that reads criteria), and a warning for each gate whose facts are not all given
    (never silently passed)."""
    applied: list[GateResult] = []
    warnings: list[Notice] = []
    results, notices = once_per_object(_MADE, rubric, _results)
    for i, (gate, result) in enumerate(zip(rubric.gates, results, strict=True)):
        verdict = evaluate(gate.when, facts, council)
        if verdict is True:
            applied.append(result)
        elif verdict is None:
            missing = missing_facts(gate.when, facts)
            key = (i, tuple(missing))
            notice = notices.get(key)
            if notice is None:
                notice = notices[key] = unchecked_notice(rubric, gate, missing)
            warnings.append(notice)
    return tuple(applied), tuple(warnings)


_Made = tuple[list[GateResult], dict[tuple[int, tuple[str, ...]], Notice]]
_MADE: dict[int, tuple[Rubric, _Made]] = {}


def _results(rubric: Rubric) -> _Made:
    """What each of the rubric's gates puts on a product it applies to, and (as products
    come) the notice of a gate whose facts are missing, by gate and facts: the same for
    every product, made once per rubric object (and shared: both are immutable)."""
    return ([GateResult(id=gate.id, effect=gate.effect,
                        max_stars=BLOCKED_STARS if gate.effect == "block" else gate.max_stars,
                        reason=gate.reason, source=rubric.cite(gate.source))
             for gate in rubric.gates], {})


def unchecked_notice(rubric: Rubric, gate: Gate, missing: list[str]) -> Notice:
    """The notice for a rejection condition whose facts the dossier does not state: named
    by its reason and the facts' names in both languages (the ids stay as parameters)."""
    params = {"gate": gate.id, "facts": ", ".join(missing)}
    for lang in LANGS:
        names = [rubric.facts_by_id[f].name.get(lang) if f in rubric.facts_by_id else f
                 for f in missing]
        params[f"gate_name@{lang}"] = gate.reason.get(lang)
        params[f"fact_names@{lang}"] = ", ".join(names)
    return Notice(message_id="rating.gate_not_checked", params=params)


def mark_reason(crit: Criterion, req: Option, level: int, chosen: Option, lang: Lang) -> str:
    """Why a star mark caps a product, in plain words: the criterion's number and name."""
    return text("rating.mark_reason", lang, criterion=crit.id, name=crit.name.get(lang),
                required=req.code, points=req.points, level=str(level), chosen=chosen.code)


def mark_gate(rubric: Rubric, crit: Criterion, req: Option, level: int, chosen: Option
              ) -> GateResult:
    """The cap a star mark puts on a product whose council chose ``chosen`` on ``crit``,
    below ``req``, the option ``level`` stars need."""
    return GateResult(
        id=f"min-option:{crit.id}", effect="cap", max_stars=level - 1,
        reason=Text(vi=mark_reason(crit, req, level, chosen, "vi"),
                    en=mark_reason(crit, req, level, chosen, "en")),
        source=rubric.cite(crit.source))


def blocking(applied: tuple[GateResult, ...], target: int) -> tuple[str, ...]:
    """Gates (not star marks) in ``applied`` that keep a product below ``target``."""
    return tuple(g.id for g in applied if not g.id.startswith("min-option:")
                 and g.max_stars is not None and g.max_stars < target)
