"""The sheet's clauses that are neither points nor rejections, as plain functions.

- derivation with ``none``: a criterion derived from facts that are known but match no box
  derives ``none`` (0 points); an unknown fact derives nothing (the member must choose);
- applicability ("Chỉ áp dụng khi …"): where it does not hold on a member's own choices and
  the dossier's facts, the criterion counts 0 for that member whatever they chose; where it
  cannot be told (a fact missing), the criterion applies;
- alternative cases ("Lựa chọn một trong hai trường hợp"): one case per member per case
  group; a member mixing cases is an error, members on different cases a disagreement;
- requirements ("Yêu cầu: …"): checked on declared facts (and the council's options),
  reported met, unmet, unchecked or not required, never silently passed.

Every engine calls these, so a single dossier and a 100,000-row sheet agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ocop_rate.conditions import Chosen, Facts, evaluate, missing_facts
from ocop_rate.models.rating import CaseSplit, RequirementResult
from ocop_rate.models.rubric import NONE, CaseGroup, Criterion, Rubric


def derive(crit: Criterion, facts: Facts) -> tuple[str | None, tuple[str, ...]]:
    """The option facts decide for ``crit`` and the facts read: the first derivation that
    holds; ``none`` when every derivation is decidedly false (the facts match no box);
    None when a fact is missing and no derivation holds."""
    verdicts = []
    for d in crit.derive:
        verdict = evaluate(d.when, facts)
        if verdict is True:
            return d.option, tuple(sorted(d.when.facts()))
        verdicts.append(verdict)
    if verdicts and all(v is False for v in verdicts):
        read = set().union(*(d.when.facts() for d in crit.derive))
        return NONE, tuple(sorted(read))
    return None, ()


def applies(crit: Criterion, facts: Facts, chosen: Chosen) -> bool:
    """Whether ``crit`` counts on a sheet whose options are ``chosen`` (unknown: it does)."""
    if crit.applies is None:
        return True
    return evaluate(crit.applies.when, facts, chosen) is not False


def case_id(rubric: Rubric, criterion_id: str, code: str) -> str | None:
    """The case an option belongs to, or None (``none`` and criteria without cases)."""
    found = rubric.case_of(criterion_id, code)
    return found[1].id if found else None


@dataclass(frozen=True)
class CaseMix:
    """A member who scored one case group under more than one case: ``picked`` maps each
    criterion of the group to the case of the option chosen."""

    group: CaseGroup
    picked: dict[str, str]


def case_mixes(rubric: Rubric, chosen: Chosen) -> list[CaseMix]:
    """The case groups ``chosen`` (one member's sheet) mixes cases in."""
    out = []
    for group in rubric.case_groups:
        picked = {cid: case for cid in group.criteria
                  if (case := case_id(rubric, cid, chosen.get(cid, NONE))) is not None}
        if len(set(picked.values())) > 1:
            out.append(CaseMix(group, picked))
    return out


def case_splits(rubric: Rubric, sheets: Sequence[tuple[str, Chosen]]) -> tuple[CaseSplit, ...]:
    """Case groups whose members (``(member, chosen)``) scored under different cases."""
    out = []
    for group in rubric.case_groups:
        cases: dict[str, str] = {}
        for member, chosen in sheets:
            picked = {case_id(rubric, cid, chosen.get(cid, NONE)) for cid in group.criteria}
            picked.discard(None)
            if len(picked) == 1:
                cases[member] = str(next(iter(picked)))
        if len(set(cases.values())) > 1:
            out.append(CaseSplit(group=group.id, criteria=group.criteria, cases=cases))
    return tuple(out)


def check_requirements(rubric: Rubric, facts: Facts, council: Mapping[str, str]
                       ) -> tuple[RequirementResult, ...]:
    """Every requirement of the rubric, on the dossier's facts and the council's options."""
    out = []
    for crit in rubric.criteria:
        for req in crit.requirements:
            needed = True if req.when is None else evaluate(req.when, facts, council)
            met = evaluate(req.check, facts, council)
            missing: list[str] = []
            if needed is False:
                status = "not-required"
            elif met is None or needed is None:
                status = "unchecked"
                for cond in (req.when, req.check):
                    if cond is not None:
                        missing += missing_facts(cond, facts)
            else:
                status = "met" if met else "unmet"
            out.append(RequirementResult(
                id=req.id, criterion=crit.id, name=req.name, text=req.text,
                status=status,
                missing=tuple(sorted(set(missing))), max_stars=req.max_stars,
                source=rubric.cite(req.source)))
    return tuple(out)


def requirement_cap(results: Sequence[RequirementResult]) -> int | None:
    """The lowest cap an unmet requirement puts on the class (none of 26/2026's do)."""
    caps = [r.max_stars for r in results if r.status == "unmet" and r.max_stars is not None]
    return min(caps) if caps else None
