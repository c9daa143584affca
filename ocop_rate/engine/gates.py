"""Gates: the rubric's fact gates (rejections and caps read from a dossier's facts) and the
star marks (a criterion below its marked option caps the class below that mark).

Where a product's class is decided: :func:`ocop_rate.engine.scorer.score_columns` takes the
band of the rounded total, caps it by the first star mark missed and by the fact gates, and
blocks recognition on a ``block`` gate. (Issue 11's ``outcome`` is decided there too.)
"""

from __future__ import annotations

from collections.abc import Mapping

from ocop_rate.conditions import Facts, evaluate, missing_facts
from ocop_rate.models.common import Text
from ocop_rate.models.rating import GateResult
from ocop_rate.models.rubric import Criterion, Option, Rubric

BLOCKED_STARS = 2
"""The class a ``block`` gate leaves: below every recognised class."""


def fact_gates(rubric: Rubric, facts: Facts, council: Mapping[str, str] | None = None
               ) -> tuple[tuple[GateResult, ...], tuple[str, ...]]:
    """The rubric's gates that apply to ``facts`` (and to the ``council``'s options, for a
    gate that reads criteria), and a warning for each gate whose facts are not all given
    (never silently passed)."""
    applied: list[GateResult] = []
    warnings: list[str] = []
    for gate in rubric.gates:
        verdict = evaluate(gate.when, facts, council)
        if verdict is True:
            cap = BLOCKED_STARS if gate.effect == "block" else gate.max_stars
            applied.append(GateResult(id=gate.id, effect=gate.effect, max_stars=cap,
                                      reason=gate.reason,
                                      source=rubric.cite(gate.source)))
        elif verdict is None:
            missing = ", ".join(missing_facts(gate.when, facts))
            warnings.append(f"gate {gate.id} not checked: the dossier does not state {missing}")
    return tuple(applied), tuple(warnings)


def mark_gate(rubric: Rubric, crit: Criterion, req: Option, level: int, chosen: str
              ) -> GateResult:
    """The cap a star mark puts on a product whose council chose option code ``chosen`` on
    ``crit``, below ``req``, the option ``level`` stars need."""
    return GateResult(
        id=f"min-option:{crit.id}", effect="cap", max_stars=level - 1,
        reason=Text(
            vi=f"{crit.id}: cần tối thiểu phương án {req.code} ({req.points:g} điểm) "
               f"để đạt {level} sao; hội đồng chấm {chosen}",
            en=f"{crit.id}: needs option {req.code} ({req.points:g} pts) or better "
               f"for {level} stars; the council chose {chosen}"),
        source=rubric.cite(crit.source))


def blocking(applied: tuple[GateResult, ...], target: int) -> tuple[str, ...]:
    """Fact gates (not star marks) in ``applied`` that keep a product below ``target``."""
    return tuple(g.id for g in applied if not g.id.startswith("min-option:")
                 and g.max_stars is not None and g.max_stars < target)
