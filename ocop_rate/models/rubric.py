"""A rubric: one product set's scoring sheet (phiếu đánh giá), fully resolved and validated.

Raw rubric files may ``extends:`` a base; :mod:`ocop_rate.loading.rubrics` merges the chain
and validates the result as a :class:`Rubric`. The model enforces what scoring depends on:
unique ids, references that resolve, criteria that add up to their part's maximum, and
star bands that cover the whole scale without gaps.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from itertools import pairwise
from typing import Any, Literal

from pydantic import ConfigDict, Field, computed_field, model_validator

from ocop_rate.models.common import Day, Frozen, Text, repeated
from ocop_rate.models.conditions import Condition

PartId = Literal["A", "B", "C"]
PART_ORDER: tuple[PartId, ...] = ("A", "B", "C")
RECOGNISED_MIN_STARS = 3
NONE = "none"
"""The option code for "no option printed on the sheet applies" (CONTRACT.md): 0 points,
below every star mark. A score-sheet cell may also write it ``-``."""


def option_code(text: str) -> str:
    """A member's option code as compared: trimmed, case ignored (``B`` is ``b``: rubric
    codes are lower case), ``-`` the same as ``none``. One rule for dossiers, score sheets
    and a round's sheets (issue 19)."""
    code = text.strip().casefold()
    return NONE if code == "-" else code

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


class Citation(Frozen):
    """Where a rule comes from in the official text."""

    decision: str | None = None
    date: Day | None = None
    appendix: str | None = None
    sheet: int | str | None = None
    criterion: str | None = None
    article: str | None = None
    amendments: tuple[str, ...] = ()
    url: str | None = None
    note: str | None = None
    lines: tuple[int, ...] = Field(
        default=(),
        description="Lines of the clause in the decision's full text "
        "(docs/decision/qd26-2026/qd26-2026-fulltext.txt), one per sheet cited, where a "
        "rule quotes one.")

    def render(self) -> str:
        bits = [self.decision or ""]
        if self.article:
            bits.append(self.article)
        if self.appendix:
            bits.append(f"Appendix {self.appendix}")
        if self.sheet is not None:
            bits.append(f"sheet {self.sheet}")
        if self.criterion:
            bits.append(f"criterion {self.criterion}")
        return ", ".join(b for b in bits if b)


class Option(Frozen):
    """One tick box (phương án) of a criterion."""

    code: str = Field(pattern=r"^[a-z0-9_]+$")
    points: float = Field(ge=0, allow_inf_nan=False)
    label: Text
    min_star: int | None = Field(
        default=None, ge=3, le=5,
        description="Star mark (***, ****, *****): the lowest option a product needs on "
        "this criterion to hold that class.",
    )
    case: Text | None = Field(
        default=None,
        description="The alternative this option belongs to, where a sheet lets the council "
        "pick one of two cases (trường hợp) and score only its options.",
    )


NONE_OPTION = Option(code=NONE, points=0, label=Text(
    vi="không có phương án nào phù hợp", en="no option applies"))
"""Every criterion's implicit ``none`` option; never written in a rubric."""


class Applicability(Frozen):
    """When a criterion applies ("Chỉ áp dụng khi …"): a condition on the member's other
    choices and the dossier's facts. Where it does not hold, the criterion counts 0
    whatever the member chose, and the rating says why (``reason``)."""

    when: Condition
    reason: Text = Field(description="Why it does not apply, e.g. 'no product story (5.1 a)'.")
    text: str = Field(description="The sheet's words, as printed.")
    reading: Text | None = Field(default=None, description="How the clause is read, if "
                                 "the text leaves room.")
    source: Citation | None = None


class Requirement(Frozen):
    """A requirement printed on the sheet that is not a rejection ("Yêu cầu: 100% …"):
    checked on declared facts and reported met, unmet or unchecked; it caps the class only
    where ``max_stars`` is set (the text must say so)."""

    id: str = Field(pattern=_ID)
    text: str = Field(description="The sheet's words, as printed.")
    check: Condition = Field(description="Holds when the requirement is met.")
    when: Condition | None = Field(default=None,
                                   description="Only products for which this holds must meet it.")
    max_stars: int | None = Field(default=None, ge=1, le=4)
    name: Text
    reading: Text | None = None
    source: Citation | None = None


class Case(Frozen):
    """One alternative (trường hợp) of a case group, and its options on each criterion."""

    id: str = Field(pattern=_ID)
    name: Text
    options: dict[str, tuple[str, ...]] = Field(
        description="criterion id -> the option codes of this case")


class CaseGroup(Frozen):
    """Criteria that print alternative cases ("Lựa chọn một trong hai trường hợp"): each
    member scores every criterion of the group within one case."""

    id: str = Field(pattern=_ID)
    criteria: tuple[str, ...] = Field(min_length=1)
    cases: tuple[Case, ...] = Field(min_length=2)
    text: str
    reading: Text | None = None
    source: Citation | None = None


class Derivation(Frozen):
    """Choose ``option`` when ``when`` holds on the dossier's facts (first match wins)."""

    option: str
    when: Condition


class Accepted(Frozen):
    """A recorded exception: a lint finding on this criterion that the official text itself
    causes (a quirk kept as printed), accepted with its reason and source so that
    ``validate --strict`` reports it as accepted instead of failing (as checkov skips carry a
    reason)."""

    lint: str
    reason: Text
    source: Citation | None = None


class Criterion(Frozen):
    """A scored criterion (tiêu chí) with its options."""

    id: str = Field(pattern=_ID)
    number: str | None = None
    part: PartId
    group: str | None = None
    name: Text
    options: tuple[Option, ...] = Field(min_length=1)
    derive: tuple[Derivation, ...] = ()
    applies: Applicability | None = None
    requirements: tuple[Requirement, ...] = ()
    note: Text | None = None
    source: Citation | None = None
    unconfirmed: bool = False
    accepted: tuple[Accepted, ...] = ()
    scale: bool = Field(
        default=False,
        description="The options are a points scale (e.g. a part total), not tick boxes: "
        "members' options far apart are then no disagreement of their own.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def max_points(self) -> float:
        return max(o.points for o in self.options)

    @model_validator(mode="before")
    @classmethod
    def _declared_max(cls, value: Any) -> Any:
        """A file may repeat the sheet's maximum as ``max_points`` (as ``rubrics show``
        prints it); it must equal the best option. Not stored: the options decide."""
        if isinstance(value, dict) and "max_points" in value:
            declared = value["max_points"]
            value = {k: v for k, v in value.items() if k != "max_points"}
            problem = criterion_max_problem(value.get("id"), declared, value.get("options"))
            if problem:
                raise ValueError(problem)
        return value

    def option(self, code: str) -> Option | None:
        """The option with ``code`` (``none`` included), or None."""
        if code == NONE:
            return NONE_OPTION
        for opt in self.options:
            if opt.code == code:
                return opt
        return None

    def option_at(self, index: int) -> Option:
        """The option at ``index`` in sheet order; an index past the printed options is
        ``none`` (column engines code ``none`` as ``len(options)`` and a criterion that does
        not apply as ``len(options) + 1``)."""
        return self.options[index] if 0 <= index < len(self.options) else NONE_OPTION

    @model_validator(mode="after")
    def _options_consistent(self) -> Criterion:
        codes = [o.code for o in self.options]
        dupes = repeated(codes)
        if dupes:
            raise ValueError(f"criterion {self.id}: option codes repeat: {', '.join(dupes)}")
        if NONE in codes:
            raise ValueError(f"criterion {self.id}: '{NONE}' is every criterion's implicit "
                             "option (no option applies); a rubric does not write it")
        for d in self.derive:
            if d.option not in codes and d.option != NONE:
                raise ValueError(
                    f"criterion {self.id}: derive names option '{d.option}', "
                    f"expected one of {', '.join(codes)}"
                )
        return self


class Part(Frozen):
    """Part A, B or C of the sheet, with its maximum."""

    id: PartId
    name: Text
    max_points: float = Field(gt=0, allow_inf_nan=False)


class Group(Frozen):
    """A heading that gathers criteria inside a part (e.g. 1. TỔ CHỨC SẢN XUẤT)."""

    id: str
    part: PartId
    name: Text
    max_points: float | None = None
    parent: str | None = Field(
        default=None, description="The heading this one sits under (e.g. 6.1 under 6).")


class StarBand(Frozen):
    """Totals from ``min`` (inclusive) to ``max`` (exclusive; the top band includes it)."""

    stars: int = Field(ge=1, le=5)
    min: float = Field(allow_inf_nan=False)
    max: float = Field(allow_inf_nan=False)
    label: Text | None = None


class Gate(Frozen):
    """A rule that caps or blocks a class whatever the total, triggered by dossier facts or
    by the council's options (``{criterion: C6.1, in: [a, none]}``, read under the gate
    policy)."""

    id: str = Field(pattern=_ID)
    effect: Literal["block", "cap"]
    max_stars: int | None = Field(default=None, ge=1, le=4)
    when: Condition
    reason: Text
    source: Citation | None = None
    unconfirmed: bool = False

    @model_validator(mode="after")
    def _cap_has_level(self) -> Gate:
        if self.effect == "cap" and self.max_stars is None:
            raise ValueError(f"gate {self.id}: effect 'cap' needs max_stars")
        return self


class FactSpec(Frozen):
    """A fact a dossier may state, which derivations and gates read."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["number", "boolean", "text"]
    name: Text
    unit: str | None = None


class Recognition(Frozen):
    """Who recognises a class (cấp công nhận)."""

    stars: int = Field(ge=1, le=5)
    authority: Text
    source: Citation | None = None


class Effective(Frozen):
    """Dates between which a rubric's decision is in force."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_: Day = Field(alias="from")
    until: Day | None = None

    def covers(self, day: dt.date) -> bool:
        return self.from_ <= day and (self.until is None or day <= self.until)


def criterion_max_problem(criterion_id: Any, declared: Any, options: Any) -> str | None:
    """Why a criterion's declared ``max_points`` disagrees with its best option, or None
    (also None when the points are not numbers yet: the schema reports those)."""
    points = [o.get("points") for o in options if isinstance(o, dict)] \
        if isinstance(options, list | tuple) else []
    numbers = [p for p in points if isinstance(p, int | float) and not isinstance(p, bool)]
    if not numbers or len(numbers) != len(points):
        return None
    if isinstance(declared, bool) or not isinstance(declared, int | float):
        return f"criterion {criterion_id}: max_points must be a number (got {declared!r})"
    best = max(numbers)
    if abs(declared - best) > 1e-9:
        return (f"criterion {criterion_id}: max_points is {declared:g}, "
                f"but its best option gives {best:g}")
    return None


def number_key(text: str | None) -> tuple[int, ...]:
    """Sort key for official numbers such as ``1.10`` after ``1.9``."""
    return tuple(int(n) for n in re.findall(r"\d+", text or ""))


class Rubric(Frozen):
    """A resolved, validated scoring sheet for one product set."""

    id: str = Field(pattern=_ID)
    lineage: tuple[str, ...] = Field(
        default=(), description="Rubric ids this one extends, nearest first."
    )
    abstract: bool = False
    name: Text
    product_group: str
    product_set: Text | None = None
    source: Citation
    effective: Effective | None = None
    parts: tuple[Part, ...] = Field(min_length=1)
    groups: tuple[Group, ...] = ()
    facts: tuple[FactSpec, ...] = ()
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    star_bands: tuple[StarBand, ...] = Field(min_length=1)
    gates: tuple[Gate, ...] = ()
    recognition: tuple[Recognition, ...] = ()
    case_groups: tuple[CaseGroup, ...] = ()
    notes: tuple[str, ...] = ()
    unconfirmed: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def max_points(self) -> float:
        return sum(p.max_points for p in self.parts)

    @cached_property
    def criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for c in self.criteria}

    @cached_property
    def facts_by_id(self) -> dict[str, FactSpec]:
        return {f.id: f for f in self.facts}

    def part(self, part_id: str) -> Part | None:
        for p in self.parts:
            if p.id == part_id:
                return p
        return None

    def cite(self, citation: Citation | None) -> str | None:
        """Render a rule's citation, completing decision and appendix from the rubric's."""
        if citation is None:
            return None
        return citation.model_copy(update={
            "decision": citation.decision or self.source.decision,
            "appendix": citation.appendix or self.source.appendix,
        }).render()

    def band(self, total: float) -> StarBand:
        """The star band ``total`` falls in (bands are validated to cover the scale)."""
        bands = sorted(self.star_bands, key=lambda b: b.min)
        for band in bands:
            if band.min <= total < band.max:
                return band
        return bands[-1] if total >= bands[-1].max else bands[0]

    def authority(self, stars: int) -> Recognition | None:
        """Who recognises ``stars`` (the rubric's ``recognition``), or None."""
        for rec in self.recognition:
            if rec.stars == stars:
                return rec
        return None

    def case_of(self, criterion_id: str, code: str) -> tuple[CaseGroup, Case] | None:
        """The case group and case that option ``code`` of a criterion belongs to."""
        for group in self.case_groups:
            for case in group.cases:
                if code in case.options.get(criterion_id, ()):
                    return group, case
        return None

    def band_for(self, stars: int) -> StarBand | None:
        for band in self.star_bands:
            if band.stars == stars:
                return band
        return None

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        problems: list[str] = []
        problems += _repeats("criterion id", [c.id for c in self.criteria])
        problems += _repeats("part id", [p.id for p in self.parts])
        problems += _repeats("gate id", [g.id for g in self.gates])
        problems += _repeats("fact id", [f.id for f in self.facts])
        part_ids = {p.id for p in self.parts}
        group_ids = {g.id for g in self.groups}
        fact_ids = {f.id for f in self.facts}
        for c in self.criteria:
            if c.part not in part_ids:
                problems.append(f"criterion {c.id}: part {c.part} is not among the parts")
            if c.group is not None and c.group not in group_ids:
                problems.append(f"criterion {c.id}: group '{c.group}' is not among the groups")
            for d in c.derive:
                problems += _unknown_facts(f"criterion {c.id} derive", d.when, fact_ids)
            if c.applies is not None:
                where = f"criterion {c.id} applies"
                problems += _unknown_facts(where, c.applies.when, fact_ids)
                problems += self._unknown_choices(where, c.applies.when)
            for req in c.requirements:
                where = f"criterion {c.id} requirement {req.id}"
                for cond in (req.check, req.when):
                    if cond is not None:
                        problems += _unknown_facts(where, cond, fact_ids)
                        problems += self._unknown_choices(where, cond)
        problems += self._case_problems()
        for grp in self.groups:
            if grp.parent is not None and grp.parent not in group_ids:
                problems.append(f"group {grp.id}: parent '{grp.parent}' is not among the groups")
        for g in self.gates:
            problems += _unknown_facts(f"gate {g.id}", g.when, fact_ids)
            problems += self._unknown_choices(f"gate {g.id}", g.when)
        for p in self.parts:
            total = sum(c.max_points for c in self.criteria if c.part == p.id)
            if abs(total - p.max_points) > 1e-9:
                problems.append(
                    f"part {p.id}: its criteria add up to {total:g} points, "
                    f"but the part's max_points is {p.max_points:g}"
                )
        problems += _band_gaps(self.star_bands, self.max_points)
        if problems:
            raise ValueError("; ".join(problems))
        return self


    def _unknown_choices(self, where: str, cond: Condition) -> list[str]:
        out: list[str] = []
        for cid, codes in cond.criteria().items():
            crit = self.criteria_by_id.get(cid)
            if crit is None:
                out.append(f"{where}: criterion '{cid}' is not among the criteria")
                continue
            out += [f"{where}: criterion {cid} has no option '{code}'"
                    for code in sorted(codes) if crit.option(code) is None]
        return out

    def _case_problems(self) -> list[str]:
        """Each case group's cases split the options of each of its criteria between them."""
        out = _repeats("case group id", [g.id for g in self.case_groups])
        for g in self.case_groups:
            for cid in g.criteria:
                crit = self.criteria_by_id.get(cid)
                if crit is None:
                    out.append(f"case group {g.id}: criterion '{cid}' is not among the criteria")
                    continue
                listed = [code for case in g.cases for code in case.options.get(cid, ())]
                if sorted(listed) != sorted(o.code for o in crit.options):
                    out.append(f"case group {g.id}: the cases must share out every option of "
                               f"{cid} once ({', '.join(o.code for o in crit.options)}), "
                               f"got {', '.join(listed) or 'none'}")
            for case in g.cases:
                extra = sorted(set(case.options) - set(g.criteria))
                if extra:
                    out.append(f"case group {g.id}: case {case.id} names criteria outside "
                               f"the group: {', '.join(extra)}")
        return out


def _repeats(what: str, ids: list[str]) -> list[str]:
    return [f"{what} '{d}' is defined more than once" for d in repeated(ids)]


def _unknown_facts(where: str, cond: Condition, known: set[str]) -> list[str]:
    missing = sorted(cond.facts() - known)
    return [f"{where}: fact '{m}' is not declared under 'facts'" for m in missing]


def _band_gaps(bands: tuple[StarBand, ...], top: float) -> list[str]:
    ordered = sorted(bands, key=lambda b: b.min)
    problems = _repeats("star band", [str(b.stars) for b in bands])
    if ordered[0].min != 0:
        problems.append(f"star bands start at {ordered[0].min:g}, expected 0")
    for low, high in pairwise(ordered):
        if low.max != high.min:
            problems.append(
                f"star bands {low.stars}★ and {high.stars}★ leave a gap or overlap "
                f"({low.max:g} vs {high.min:g})"
            )
        if high.stars <= low.stars:
            problems.append("star bands must rise with the total")
    if ordered[-1].max != top:
        problems.append(f"star bands end at {ordered[-1].max:g}, expected {top:g}")
    return problems
