"""Ratings: what the engine concludes about a product, explained criterion by criterion.

Reports only render these values; they compute nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ocop_rate.models.common import Frozen, Text
from ocop_rate.models.conditions import FactValue
from ocop_rate.models.dossier import Producer

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from ocop_rate.models.rubric import Rubric


class Choice(Frozen):
    """One member's option on one criterion, and how it was reached."""

    member: str
    option: str
    points: float
    chosen_by: Literal["member", "derived"]
    facts: tuple[str, ...] = ()
    note: str | None = None
    applies: bool = Field(default=True, description="False where the criterion does not "
                          "apply to this member's sheet (``points`` is then 0).")
    case: str | None = Field(default=None, description="The case (trường hợp) the option "
                             "belongs to, on criteria that print alternative cases.")


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
    applies: bool = Field(default=True, description="False where it applies to no member.")
    not_applicable: Text | None = Field(
        default=None, description="Why it does not apply (to some or all members).")


class RequirementResult(Frozen):
    """A requirement printed on the sheet that is not a rejection, checked on declared facts:
    ``met``, ``unmet``, ``unchecked`` (a fact is missing) or ``not-required``."""

    id: str
    criterion: str
    name: Text
    text: str
    status: Literal["met", "unmet", "unchecked", "not-required"]
    missing: tuple[str, ...] = ()
    max_stars: int | None = None
    source: str | None = None


class CaseSplit(Frozen):
    """Members who scored a case group (tourism 8, 9, 15) under different cases."""

    group: str
    criteria: tuple[str, ...]
    cases: dict[str, str] = Field(description="member -> case id")


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


OPTION_STEPS = 2
"""Members whose options on a criterion lie this many or more apart (sheet order) are
flagged for discussion (``Disagreement.splits``)."""


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
    case_splits: tuple[CaseSplit, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.over_limit or bool(self.splits) or bool(self.case_splits)


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
    stars: int | None = Field(description="The class (after star marks and caps); None "
                              "when the dossier was rejected.")
    recognised: bool
    outcome: str = Field(default="not-recognised", description="recognised, "
                         "proposed-5-star, not-recognised or rejected (CONTRACT.md)")
    level: str = "province"
    authority: Text | None = Field(default=None, description="Who recognises this class "
                                   "(for proposed-5-star: who is asked to)")
    outcome_source: str | None = Field(default=None, description="The clause of the "
                                       "decision that gives the outcome.")
    province_may_recognise: int | None = Field(
        default=None, description="At the central level, under 5 stars: the class the "
        "province may recognise on this result (Điều 7 khoản 4).")
    requirements: tuple[RequirementResult, ...] = ()
    gates: tuple[GateResult, ...]
    gate_policy: str
    members: tuple[MemberTotal, ...]
    criteria: tuple[CriterionScore, ...]
    next_star: NextStar | None
    self_assessment: SelfAssessment | None = None
    warnings: tuple[Notice, ...] = ()
    producer: Producer | None = None
    disagreement: Disagreement | None = None

    def part_points(self, part_id: str) -> float | None:
        for p in self.parts:
            if p.id == part_id:
                return p.points
        return None


class ProblemOut(Frozen):
    """A located problem, as carried in results. ``message`` is English; ``message_id`` and
    ``params`` name the sentence in ``ocop_rate.messages``, for the user's language."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    message_id: str | None = Field(default=None, exclude=True)
    params: dict[str, str | int | float] = Field(default_factory=dict, exclude=True)


class Notice(Frozen):
    """Something a person must know about a rating, e.g. a rejection condition that could
    not be checked: a sentence of ``ocop_rate.messages`` and its parameters."""

    message_id: str
    params: dict[str, str] = Field(default_factory=dict)


class Failure(Frozen):
    """A dossier that could not be rated, with every problem found in it."""

    product_id: str | None
    rubric: str | None
    file: str | None
    errors: tuple[ProblemOut, ...]


@dataclass(frozen=True)
class ProductExtras:
    """What a dossier says beyond its codes, carried beside the columns (dossiers only):
    shown in the product's detail, and read by its fact gates."""

    file: str | None
    name: Text
    facts: Mapping[str, FactValue]
    evidence: Mapping[str, Sequence[str]]
    self_assessment: Mapping[str, str]
    producer: Producer | None
    notes: tuple[Mapping[str, str], ...]            # per member, in sheet order
    derived_facts: Mapping[int, tuple[str, ...]]    # criterion index -> facts it came from


@dataclass(frozen=True, eq=False)
class RatingColumns:
    """Many products of one rubric rated at once, held column by column (numpy arrays):
    what the engine (``ocop_rate.engine``) gives for every input, from a 100,000-row sheet
    to one dossier. ``ocop_rate.engine.rating_at`` is the detailed view of one product as
    a :class:`Rating`. Money-like exactness: points are integer hundredths. ``P``
    products, ``R`` member rows, ``C`` criteria in ``rubric.criteria`` order, parts in
    ``rubric.parts`` order; option index -1 is the code ``none``.
    """

    rubric: Rubric
    file: str | None
    gate_policy: str
    product_id: list[str]                 # P
    product_name: list[str]               # P
    starts: NDArray[np.int64]             # P + 1: rows of product p are starts[p]:starts[p+1]
    member: list[str]                     # R, in sheet order within each product
    row_option: NDArray[np.int8]          # R x C: each member's option (index into options)
    member_total: NDArray[np.int64]       # R, hundredths
    member_parts: NDArray[np.int64]       # R x parts, hundredths
    total: NDArray[np.int64]              # P, hundredths (mean of members, rounded half up)
    parts: NDArray[np.integer[Any]]       # P x parts, hundredths, adding up to ``total``
    band_stars: NDArray[np.int8]          # P
    stars: NDArray[np.int8]               # P
    recognised: NDArray[np.bool_]         # P
    points: NDArray[np.int32]             # P x C, hundredths: each criterion's mean, rounded
    council_option: NDArray[np.int8]      # P x C: the option the council reached
    gates: list[tuple[GateResult, ...]]   # P: gates that applied (shared, immutable)
    warnings: list[tuple[Notice, ...]]    # P: gates left unchecked (shared)
    next_stars: NDArray[np.int8]          # P: the class aimed at; 0 at 5 stars (no next star)
    next_threshold: NDArray[np.float64]   # P: that class's lower bound
    next_needed: NDArray[np.int64]        # P, hundredths
    next_reachable: NDArray[np.bool_]     # P
    next_blocked_by: list[tuple[str, ...]]  # P
    upgrade_option: NDArray[np.int8]      # P x C: option to raise to; -1 where no upgrade
    upgrade_points: NDArray[np.int32]     # P x C, hundredths the upgrade adds to the average
    upgrade_required: NDArray[np.bool_]   # P x C: needed to meet a star mark
    spread: NDArray[np.int64]             # P, hundredths: highest member total minus lowest
    spread_limit: float                   # the council's limit
    over_limit: NDArray[np.bool_]         # P: spread > spread_limit, exactly
    split_steps: NDArray[np.int8]         # P x C: options apart between members (sheet order)
    derived: NDArray[np.bool_] | None = None       # R x C: option derived from facts
    extras: list[ProductExtras] | None = None      # P: dossiers only
    self_parts: NDArray[np.int64] | None = None    # P x parts: self-assessed, hundredths
    self_given: NDArray[np.bool_] | None = None    # P: a complete self-assessment
    level: str = "province"               # the council's level (ocop_rate.outcome)
    outcome: NDArray[np.int8] | None = None  # P: index into ocop_rate.outcome.OUTCOMES
    case_splits: list[tuple[CaseSplit, ...]] = field(default_factory=list)  # P, or empty
    requirements: list[tuple[RequirementResult, ...]] = field(default_factory=list)  # P
    counts: NDArray[np.bool_] | None = None        # R x C: the member's criterion applies

    def __len__(self) -> int:
        return len(self.product_id)

    def file_of(self, p: int) -> str | None:
        return self.file if self.extras is None else self.extras[p].file


@dataclass(frozen=True)
class BatchResult:
    """Ratings and failures in input order (``items``), then the products of score sheets,
    rated column-wise (``blocks``).

    ``ratings`` and ``failures`` cover ``items`` only; every failure of a score sheet is in
    ``items``. Use ``ocop_rate.engine.ratings_of`` to see a block's products as ratings.
    """

    items: tuple[Rating | Failure, ...]
    blocks: tuple[RatingColumns, ...] = ()

    @property
    def ratings(self) -> list[Rating]:
        return [i for i in self.items if isinstance(i, Rating)]

    @property
    def failures(self) -> list[Failure]:
        return [i for i in self.items if isinstance(i, Failure)]

    @property
    def count(self) -> int:
        """Products in the batch, rated or not."""
        return len(self.items) + sum(len(b) for b in self.blocks)
