"""Ratings: what the engine concludes about a product, explained criterion by criterion.

Reports only render these values; they compute nothing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ocop_rate.models.common import Frozen, Text
from ocop_rate.models.dossier import Producer


class Choice(Frozen):
    """One member's option on one criterion, and how it was reached."""

    member: str
    option: str
    points: float
    chosen_by: Literal["member", "derived"]
    facts: tuple[str, ...] = ()
    note: str | None = None


class CriterionScore(Frozen):
    """A criterion as the council scored it: the mean points and each member's choice."""

    id: str
    number: str | None
    part: str
    name: Text
    points: float
    max_points: float
    option: str = Field(description="The council's option: the one a majority reached.")
    choices: tuple[Choice, ...]
    evidence: tuple[str, ...] = ()
    self_assessed: str | None = None


class PartScore(Frozen):
    id: str
    name: Text
    points: float
    max_points: float


class MemberTotal(Frozen):
    member: str
    total: float
    parts: dict[str, float]


class GateResult(Frozen):
    """A gate that capped or blocked this product's class."""

    id: str
    effect: Literal["block", "cap"]
    max_stars: int | None
    reason: Text
    source: str | None = None


class Upgrade(Frozen):
    """Raise ``criterion`` to ``to_option``: adds ``points`` to the council average."""

    criterion: str
    name: Text
    from_option: str
    to_option: str
    points: float
    required_by_gate: bool = False


class NextStar(Frozen):
    """The fewest criterion upgrades that would lift the product to ``stars``."""

    stars: int
    threshold: float
    points_needed: float
    upgrades: tuple[Upgrade, ...]
    reachable: bool
    blocked_by: tuple[str, ...] = ()


class SelfAssessment(Frozen):
    """The producer's own sheet, and how far the council's average lies from it."""

    total: float
    parts: dict[str, float]
    difference: dict[str, float] = Field(
        default_factory=dict, description="Council minus self-assessment, per part id.")
    total_difference: float = Field(default=0.0,
                                    description="Council total minus self-assessed total.")


class OptionSplit(Frozen):
    """A criterion on which members chose options ``steps`` or more apart in sheet order."""

    criterion: str
    name: Text
    options: dict[str, str] = Field(description="member -> option code")
    steps: int


class Disagreement(Frozen):
    """Where the council's members disagree enough to discuss before deciding."""

    spread: float = Field(description="Highest member total minus the lowest.")
    spread_limit: float
    over_limit: bool = Field(description="spread > spread_limit")
    splits: tuple[OptionSplit, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.over_limit or bool(self.splits)


class Rating(Frozen):
    """A rated product."""

    product_id: str
    product_name: Text
    rubric: str
    rubric_name: Text = Field(description="The product set's name (or the rubric's).")
    product_group: str
    file: str | None = None
    total: float
    parts: tuple[PartScore, ...]
    band_stars: int = Field(description="Stars from the total alone, before gates.")
    stars: int
    recognised: bool
    gates: tuple[GateResult, ...]
    gate_policy: str
    members: tuple[MemberTotal, ...]
    criteria: tuple[CriterionScore, ...]
    next_star: NextStar | None
    self_assessment: SelfAssessment | None = None
    warnings: tuple[str, ...] = ()
    producer: Producer | None = None
    disagreement: Disagreement | None = None

    def part_points(self, part_id: str) -> float | None:
        for p in self.parts:
            if p.id == part_id:
                return p.points
        return None


class ProblemOut(Frozen):
    """A located problem, as carried in results."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None


class Failure(Frozen):
    """A dossier that could not be rated, with every problem found in it."""

    product_id: str | None
    rubric: str | None
    file: str | None
    errors: tuple[ProblemOut, ...]


class BatchResult(Frozen):
    """Ratings and failures in input order."""

    items: tuple[Rating | Failure, ...]

    @property
    def ratings(self) -> list[Rating]:
        return [i for i in self.items if isinstance(i, Rating)]

    @property
    def failures(self) -> list[Failure]:
        return [i for i in self.items if isinstance(i, Failure)]
