"""A council round (đợt đánh giá): who sits on the council, what they rate, how they decide.

``round.yaml`` holds a :class:`RoundConfig`; the product list holds :class:`RoundProduct`
rows. Members' sheets are read by ``ocop_rate.round.sheets``. The models carry no logic
beyond their own consistency (names unique, quorum reachable).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from fractions import Fraction
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ocop_rate.models.common import Day, Frozen, Text
from ocop_rate.models.conditions import FactValue, facts_as_written
from ocop_rate.models.dossier import Producer
from ocop_rate.models.names import hidden_in_name, same_person

Level = Literal["province", "central"]
Role = Literal["chair", "member", "secretary"]
Mode = Literal["average", "consensus", "written"]
"""How the council decides: the average of members' sheets at a meeting, one agreed sheet
(consensus), or members' written opinions averaged, with a meeting only where they differ
(Điều 7.6.d; the default for a round of re-evaluations)."""
Registration = Literal["first", "upgrade", "re-evaluation"]
"""Mẫu số 01 (phiếu đăng ký): first rating, upgrade of the class, or re-evaluation."""

DEFAULT_SPREAD_LIMIT = 10.0  # restated from ocop_rate.defaults: models import nothing of ours
MAX_ROSTER = 100  # restated from ocop_rate.loading.caps (a test keeps the two equal)


class RosterMember(Frozen):
    """One person of the council (thành viên hội đồng). The secretary does not score."""

    name: str = Field(min_length=1)
    unit: str | None = None
    role: Role = "member"

    @property
    def scores(self) -> bool:
        return self.role != "secretary"

    @field_validator("name")
    @classmethod
    def _no_hidden_character(cls, value: str) -> str:
        bad = hidden_in_name(value)
        if bad is not None:
            from pydantic_core import PydanticCustomError

            shown = "".join(f"\\u{ord(ch):04x}" if hidden_in_name(ch) else ch for ch in value)
            params = {"shown": shown, "code": bad}
            raise PydanticCustomError("round.name_hidden_char", "name '{shown}' holds the "
                                      "invisible character {code}", params)
        return value


class SheetFile(Frozen):
    """A members' sheet file named in ``round.yaml``; files listed later supersede earlier
    ones for the same member and product (a re-scoring after discussion). ``member`` names
    the file's one member when its rows carry no member column."""

    file: str = Field(min_length=1)
    member: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        return {"file": value} if isinstance(value, str) else value


WrittenState = Literal["waiting", "meeting", "met", "stands"]
DifferRule = Literal["classes", "spread", "star_mark", "rejection"]


class WrittenRule(Frozen):
    """``written:`` in round.yaml — a written-opinion round (lấy ý kiến bằng văn bản, Điều
    7.6.d): by when members answer, when the round decides, and which differences between
    members' opinions call a meeting (each switchable)."""

    answers_due: dt.date | None = Field(
        default=None, description="Last day for members' written opinions (hạn gửi ý "
        "kiến); a sheet dated later is late, a member without one after it is overdue.")
    meeting_on: dt.date | None = Field(
        default=None, description="The day the council met in person (họp trực tiếp) on "
        "the products whose opinions differed: they are then 'met', their final sheets "
        "(re-scored at the meeting) the result.")
    wait_for: Literal["all", "quorum"] = Field(
        default="all", description="Decide once every scoring member has answered (all) "
        "or once the product's quorum has (quorum).")
    classes_differ: bool = Field(default=True, description="Members' own classes differ.")
    spread_over_limit: bool = Field(default=True, description="Members' totals lie more "
                                    "than spread_limit apart.")
    star_mark_split: bool = Field(default=True, description="On a criterion whose star mark "
                                  "the product's class needs, some members meet it, others "
                                  "do not.")
    rejection_split: bool = Field(default=True, description="Some members' sheets reject "
                                  "the dossier, others rate it.")

    def switched_on(self) -> tuple[DifferRule, ...]:
        flags: tuple[tuple[DifferRule, bool], ...] = (
            ("classes", self.classes_differ), ("spread", self.spread_over_limit),
            ("star_mark", self.star_mark_split), ("rejection", self.rejection_split))
        return tuple(rule for rule, on in flags if on)


class RoundConfig(Frozen):
    """``round.yaml``: the round, its council and how it decides."""

    name: str = Field(min_length=1, description="The round's name, e.g. 'Đợt 2 năm 2026'.")
    date: Day | None = None
    level: Level = "province"
    province: str | None = None
    roster: tuple[RosterMember, ...] = Field(min_length=1, max_length=MAX_ROSTER)
    quorum: int | float | str = Field(
        default=1.0, description="Scoring members needed per product: a count (3) or a "
        "share of the scoring members (0.67 or '2/3'); default all of them.")
    spread_limit: float = Field(default=DEFAULT_SPREAD_LIMIT, ge=0, le=100,
                                allow_inf_nan=False)  # points of a 100-point total
    mode: Mode | None = Field(
        default=None, description="average, consensus or written; default: written when "
        "every listed product is a re-evaluation (Điều 7.6.d), else average.")
    written: WrittenRule = Field(default_factory=WrittenRule)
    gate_policy: Literal["majority", "all"] = "majority"
    products: str = Field(default="products.csv", min_length=1,
                          description="The product list, relative to the round folder.")
    sheets: tuple[SheetFile, ...] = Field(
        default=(), description="Members' sheets in order (later supersede earlier); "
        "default: every other .csv/.xlsx/.yaml file of the folder, in name order.")

    @field_validator("roster")
    @classmethod
    def _one_person_once(cls, value: tuple[RosterMember, ...]) -> tuple[RosterMember, ...]:
        """Names the round would match to one person (``models.names.person_key``)."""
        dupes = same_person(m.name for m in value)
        if dupes:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("round.roster_same_person", "the roster names one "
                                      "person more than once: {names}",
                                      {"names": ", ".join(dupes)})
        return value

    @field_validator("quorum", mode="before")
    @classmethod
    def _quorum_not_yes_no(cls, value: Any) -> Any:
        """``quorum: true`` is no count: refused before pydantic would take it as 1."""
        if isinstance(value, bool):
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("schema.quorum_yes_no", "quorum {value} is no count "
                                      "(3) or share (0.67)", {"value": str(value).lower()})
        return value

    @field_validator("quorum")
    @classmethod
    def _quorum_shape(cls, value: int | float | str) -> int | float | str:
        if isinstance(value, str):
            found = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", value)
            if not found or int(found[2]) == 0 or not 0 < Fraction(value) <= 1:
                raise ValueError("a quorum share written as a fraction looks like '2/3'")
            return f"{found[1]}/{found[2]}"
        if isinstance(value, int):
            if value < 1:
                raise ValueError("a quorum count is at least 1")
        elif not 0 < value <= 1:
            raise ValueError("a quorum share lies above 0 and at most 1 (e.g. 0.67)")
        return value

    @model_validator(mode="after")
    def _roster_sound(self) -> RoundConfig:
        scoring = len(self.scoring)
        if not scoring:
            raise ValueError("the roster has no scoring member (only a secretary)")
        if isinstance(self.quorum, int) and self.quorum > scoring:
            raise ValueError(f"quorum {self.quorum} is more than the {scoring} scoring "
                             "members of the roster")
        return self

    def decided_by(self, registrations: list[Registration]) -> Mode:
        """The mode round.yaml gives, or by default ``written`` for a round whose every
        product is a re-evaluation (Điều 7.6.d: "Hội đồng cấp tỉnh thực hiện đánh giá thông
        qua hình thức lấy ý kiến bằng văn bản"), else ``average``."""
        if self.mode is not None:
            return self.mode
        only_again = bool(registrations) and all(r == "re-evaluation" for r in registrations)
        return "written" if only_again else "average"

    @property
    def scoring(self) -> tuple[RosterMember, ...]:
        """The members who score (everyone but the secretary), in roster order."""
        return tuple(m for m in self.roster if m.scores)

    @property
    def required(self) -> int:
        """Scoring members needed for a product: the count, or the share rounded up."""
        if isinstance(self.quorum, int):
            return self.quorum
        if isinstance(self.quorum, str):
            return max(1, math.ceil(Fraction(self.quorum) * len(self.scoring)))
        return max(1, math.ceil(self.quorum * len(self.scoring) - 1e-9))


class RoundProduct(Frozen):
    """One product of the round's list, with what the dossier and the commune attest."""

    id: str = Field(min_length=1, pattern=r"^\S+$")
    name: Text
    rubric: str = Field(min_length=1)
    producer: Producer | None = None
    legal_representative: str | None = None
    registration: Registration = "first"
    filed_on: dt.date | None = Field(default=None, description="The producer filed the "
                                     "dossier (nộp hồ sơ): Điều 12.2 for filings before "
                                     "22/05/2026.")
    received_on: dt.date | None = Field(default=None, description="The commune received "
                                        "it (tiếp nhận hồ sơ): Điều 7.2's 15 working days.")
    proposed_on: dt.date | None = Field(default=None, description="The proposal that brings "
                                        "it to this council (văn bản đề nghị): the commune's "
                                        "for a provincial round, the province's for a "
                                        "central one (Điều 5, Điều 7.2).")
    complete_on: dt.date | None = Field(default=None, description="The council's office "
                                        "received the complete dossier (nhận đủ hồ sơ): "
                                        "Điều 7.6.g's 45 days for a re-evaluation.")
    facts: dict[str, FactValue] = Field(default_factory=dict)

    @field_validator("filed_on", "received_on", "proposed_on", "complete_on", mode="before")
    @classmethod
    def _day_first(cls, value: Any) -> Any:
        """``10/02/2026`` as Vietnamese documents write it (day first), besides ISO."""
        if isinstance(value, str):
            found = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
            if found:
                try:
                    return dt.date(int(found[3]), int(found[2]), int(found[1]))
                except ValueError:
                    return value
        return value

    @field_validator("facts", mode="before")
    @classmethod
    def _blank_is_empty(cls, value: Any) -> Any:
        return facts_as_written(value)


# --- what a rated round reports (reports render these; they compute nothing) ---

Status = Literal["scored", "rescored", "missing", "refused"]


class RoundProblem(Frozen):
    """A located problem of the round, in both languages (reports pick one)."""

    message: str
    message_vi: str
    message_id: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def text(self, lang: Literal["vi", "en"]) -> str:
        where = self.file or ""
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        head = ": ".join(p for p in (where, self.field) if p)
        message = self.message_vi if lang == "vi" else self.message
        return f"{head}: {message}" if head else message


class SheetRecord(Frozen):
    """One member's sheet for one product as collected: final, or superseded by a later
    pass (kept, so a re-scoring never makes the first sheet vanish)."""

    member: str
    pass_no: int
    file: str
    date: str | None = None
    comment: str | None = None
    final: bool
    consensus: bool = False
    total: float | None = Field(default=None, description="This sheet's own total.")
    scores: dict[str, str] = Field(default_factory=dict)


class PairCriterion(Frozen):
    id: str
    high_option: str
    low_option: str
    points: float = Field(description="Points between the two members on this criterion.")


class MemberPair(Frozen):
    """The two members whose final totals lie furthest apart, and where they differ most."""

    high: str
    low: str
    spread: float
    over_limit: bool
    criteria: tuple[PairCriterion, ...] = ()


class Quorum(Frozen):
    required: int
    scoring: int = Field(description="Scoring members on the roster.")
    scored: int
    met: bool
    checked: bool = Field(default=True, description="False in consensus mode without "
                          "individual sheets: the agreed sheet stands for the council.")


class Difference(Frozen):
    """One way members' written opinions on a product differ (a reason to meet)."""

    rule: DifferRule
    members: dict[str, str] = Field(
        default_factory=dict, description="member -> what they gave: class ('4', "
        "'rejected'), total, or the option on the criterion.")
    criterion: str | None = Field(default=None, description="star_mark: the criterion.")
    mark: int | None = Field(default=None, description="star_mark: the class whose mark "
                             "splits them.")
    meets: tuple[str, ...] = Field(default=(), description="star_mark: the members whose "
                                   "option meets the mark.")
    spread: float | None = Field(default=None, description="spread: highest total minus "
                                 "lowest.")


class Answer(Frozen):
    """A member's written opinion on a product: when it is dated, whether it came late."""

    member: str
    on: str | None = Field(default=None, description="The sheet's date as written.")
    late: bool = False


class WrittenEntry(Frozen):
    """A product of a written-opinion round: who has answered, and whether the opinions
    differ enough to meet ("meeting"; "met" once round.yaml gives ``meeting_on``), stand
    without a meeting ("stands"), or are still awaited ("waiting")."""

    state: WrittenState
    answered: tuple[Answer, ...] = ()
    missing: tuple[str, ...] = ()
    differences: tuple[Difference, ...] = ()


class WrittenRound(Frozen):
    """The written-opinion round as a whole: the rule it was judged by and its outcome.
    ``meeting`` lists the products that need a meeting ("cần họp trực tiếp")."""

    rule: WrittenRule
    rules_on: tuple[DifferRule, ...]
    state: WrittenState
    meeting: tuple[str, ...] = ()
    met: tuple[str, ...] = Field(default=(), description="Products whose differing "
                                 "opinions were settled at the meeting of meeting_on.")
    waiting: tuple[str, ...] = ()
    overdue: tuple[str, ...] = Field(default=(), description="Members who have not "
                                     "answered every product after answers_due.")
    as_of: dt.date | None = Field(default=None, description="The day 'overdue' is "
                                  "judged on.")
    source: str = "Điều 7.6.d, Quyết định 26/2026/QĐ-TTg"


DeadlineRule = Literal["5.1", "5.2", "7.2", "7.6.g", "12.2.a", "12.2.b"]


class DeadlineCheck(Frozen):
    """A deadline of the procedure checked on one product of the round: counted from
    ``start``, the last day allowed ``due`` (``moved_from``: the day it fell on before a
    day off moved it), what happened ``on`` (the proposal, the round's date)."""

    product_id: str
    rule: DeadlineRule
    start: dt.date | None = None
    due: dt.date
    moved_from: dt.date | None = None
    on: dt.date
    late: bool


class RoundEntry(Frozen):
    """A product of the round: its quorum, who scored it, every sheet collected."""

    product_id: str
    product_name: Text
    rubric: str
    registration: Registration
    legal_representative: str | None = None
    quorum: Quorum
    completeness: dict[str, Status]
    sheets: tuple[SheetRecord, ...] = ()
    individual: tuple[tuple[str, float], ...] = Field(
        default=(), description="Consensus mode: each member's own total, shown beside the "
        "agreed sheet, never averaged.")
    pair: MemberPair | None = None
    rated: bool
    problems: tuple[RoundProblem, ...] = Field(
        default=(), description="Why the product was not rated (quorum, sheets that do not "
        "fit its rubric), in both languages.")
    written: WrittenEntry | None = Field(default=None, description="Written-opinion "
                                         "rounds: who answered, whether opinions differ.")
    deadlines: tuple[DeadlineCheck, ...] = Field(
        default=(), description="The procedure's deadlines checked on this product "
        "(Điều 5, 7.2, 7.6.g, 12.2), late or not.")


class ExtraId(Frozen):
    """A product id scored by someone but not on the product list (a typo, mostly)."""

    product_id: str
    members: tuple[str, ...]
    suggestion: str | None = None


class RoundReport(Frozen):
    """The round as rated: the council, completeness, quorum and problems (the ratings
    themselves are the usual :class:`~ocop_rate.models.rating.Rating` objects)."""

    name: str
    date: dt.date | None
    level: Level
    level_source: Literal["round.yaml", "--level"] = "round.yaml"
    province: str | None
    mode: Mode
    quorum: int | float | str
    required: int
    spread_limit: float
    roster: tuple[RosterMember, ...]
    entries: tuple[RoundEntry, ...]
    extra: tuple[ExtraId, ...] = ()
    problems: tuple[RoundProblem, ...] = ()
    written: WrittenRound | None = Field(default=None, description="mode written: the "
                                         "rule and the outcome (meeting needed or not).")

    @property
    def short(self) -> bool:
        """Whether something fell short: a product not rated, a problem reported, a
        deadline of the procedure missed, or (a written-opinion round) opinions still
        awaited or differing so that a meeting is needed."""
        waiting = self.written is not None and self.written.state not in ("stands", "met")
        late = any(d.late for e in self.entries for d in e.deadlines)
        return (bool(self.problems) or any(not e.rated for e in self.entries) or waiting
                or late)
