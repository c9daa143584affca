"""A product dossier (hồ sơ sản phẩm): the product, its producer, facts and council sheets."""

from __future__ import annotations

import functools
from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ocop_rate.models.common import Frozen, Text, repeated
from ocop_rate.models.conditions import FactValue, facts_as_written
from ocop_rate.models.names import invisible_in_id, member_key
from ocop_rate.models.rubric import option_code
from ocop_rate.text_safety import spelt_out

MAX_COUNCIL = 100  # members of one council: restated from ocop_rate.loading.caps.MAX_ROSTER

PRODUCER_KINDS = ("cooperative", "company", "household", "cooperative_group", "farm",
                  "association")
"""The producer kinds a dossier names (``producer_kind.*`` in the catalogue says them in
words); the register counts certificates by them."""


class Producer(Frozen):
    """The OCOP subject (chủ thể OCOP)."""

    name: str
    kind: str | None = Field(default=None, description=", ".join(PRODUCER_KINDS))
    commune: str | None = None
    district: str | None = None
    province: str | None = None


class Product(Frozen):
    """What is being rated and under which product set's rubric."""

    id: str = Field(min_length=1, pattern=r"^\S+$")
    name: Text
    rubric: str = Field(min_length=1)
    producer: Producer | None = None

    @field_validator("id")
    @classmethod
    def _visible(cls, value: str) -> str:
        """An id that prints like another one (a zero-width space, a BOM, a non-breaking
        hyphen) would be rated as a different product: refused."""
        bad = invisible_in_id(value)
        if bad is not None:
            from ocop_rate.messages import text

            params = {"shown": spelt_out(value), "code": bad}
            raise PydanticCustomError(  # message id of ocop_rate.messages, English text
                "safety.invisible_in_id", text("safety.invisible_in_id", "en", params), params)
        return value


class MemberSheet(Frozen):
    """One council member's sheet: criterion id -> option code."""

    member: str = Field(min_length=1)
    scores: dict[str, str] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)

    @field_validator("scores", mode="after")
    @classmethod
    def _codes(cls, value: dict[str, str]) -> dict[str, str]:
        """Option codes as every input compares them (``B`` is ``b``, ``-`` is ``none``)."""
        return dict(zip(value, map(_code, value.values()), strict=True))

    @field_validator("scores", "notes", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: Any) -> Any:
        """A blank section or entry (``A1.1:`` in YAML, an empty cell) is no entry: as in
        a score sheet, a blank criterion is derived from facts or reported as unscored."""
        if isinstance(value, dict):
            if set(map(type, value.values())) <= _ONLY_TEXT:  # as written, nothing blank
                return value
            # a member who typed the points (2, 0.5): read as text, answered "did you mean"
            return {k: v if type(v) is str else _number_text(v)
                    for k, v in value.items() if v is not None}
        return _drop_blanks(value)


@functools.lru_cache(maxsize=1024)  # a few codes repeat on every sheet: a small table
def _code(value: str) -> str:
    """``option_code`` of a member's entry (a blank one kept as it is), remembered."""
    return option_code(value) if value.strip() else value


_ONLY_TEXT = frozenset({str})
_member_key = functools.lru_cache(maxsize=1024)(member_key)
"""``member_key``, remembered: the same members sign dossier after dossier."""


def _number_text(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return f"{value:g}"


class Dossier(Frozen):
    """A product and the council's sheets for it; at least one sheet is needed to rate."""

    product: Product
    facts: dict[str, FactValue] = Field(default_factory=dict)
    evidence: dict[str, list[str]] = Field(
        default_factory=dict, description="criterion id -> documents cited"
    )
    self_assessment: dict[str, str] = Field(default_factory=dict)
    council: tuple[MemberSheet, ...] = Field(min_length=1, max_length=MAX_COUNCIL)

    @field_validator("facts", "evidence", "self_assessment", mode="before")
    @classmethod
    def _blank_is_empty(cls, value: Any) -> Any:
        """Blank sections (as a filled-in template leaves them) are empty, not errors."""
        return _drop_blanks(value)

    @field_validator("facts", mode="before")
    @classmethod
    def _numbers_as_written(cls, value: Any) -> Any:
        """``0,75`` and ``75%`` (text to YAML) are the number 0.75."""
        return facts_as_written(value)

    @model_validator(mode="after")
    def _members_unique(self) -> Dossier:
        keys = [_member_key(m.member) for m in self.council]
        dupes = set(repeated(keys))
        if dupes:
            spelled = [repr(m.member) for m, k in zip(self.council, keys, strict=True)
                       if k in dupes]
            raise PydanticCustomError(  # message id of ocop_rate.messages, English text
                "rating.council_repeated", "council member named more than once: {names}",
                {"names": ", ".join(spelled)})
        return self


def _drop_blanks(value: Any) -> Any:
    if value is None:
        return {}
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if v is not None}
    return value
