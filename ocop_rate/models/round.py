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

from ocop_rate.models.common import Frozen, Text, check_day
from ocop_rate.models.conditions import FactValue
from ocop_rate.models.dossier import Producer
from ocop_rate.models.names import hidden_in_name, same_person

Level = Literal["province", "central"]
Role = Literal["chair", "member", "secretary"]
Mode = Literal["average", "consensus"]
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


class RoundConfig(Frozen):
    """``round.yaml``: the round, its council and how it decides."""

    name: str = Field(min_length=1, description="The round's name, e.g. 'Đợt 2 năm 2026'.")
    date: dt.date | None = None
    level: Level = "province"
    province: str | None = None
    roster: tuple[RosterMember, ...] = Field(min_length=1, max_length=MAX_ROSTER)
    quorum: int | float | str = Field(
        default=1.0, description="Scoring members needed per product: a count (3) or a "
        "share of the scoring members (0.67 or '2/3'); default all of them.")
    spread_limit: float = Field(default=DEFAULT_SPREAD_LIMIT, ge=0, le=100,
                                allow_inf_nan=False)  # points of a 100-point total
    mode: Mode = "average"
    gate_policy: Literal["majority", "all"] = "majority"
    products: str = Field(default="products.csv", min_length=1,
                          description="The product list, relative to the round folder.")
    sheets: tuple[SheetFile, ...] = Field(
        default=(), description="Members' sheets in order (later supersede earlier); "
        "default: every other .csv/.xlsx/.yaml file of the folder, in name order.")

    @field_validator("date")
    @classmethod
    def _date_in_programme(cls, value: dt.date | None) -> dt.date | None:
        return None if value is None else check_day(value)

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
    facts: dict[str, FactValue] = Field(default_factory=dict)

    @field_validator("facts", mode="before")
    @classmethod
    def _blank_is_empty(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: v for k, v in value.items() if v is not None}
        return value


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

    @property
    def short(self) -> bool:
        """Whether something fell short: a product not rated or a problem reported."""
        return bool(self.problems) or any(not e.rated for e in self.entries)
