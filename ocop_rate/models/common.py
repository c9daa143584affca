"""Shared building blocks of the models: frozen base and bilingual text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

Lang = Literal["vi", "en"]


class Frozen(BaseModel):
    """Immutable model that rejects unknown keys, so typos in files are caught."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A label in Vietnamese and English; a plain string is taken as both."""

    vi: str
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"vi": value, "en": None}
        return value

    def get(self, lang: Lang) -> str:
        """The label in ``lang``; falls back to Vietnamese where no English is given."""
        if lang == "en" and self.en:
            return self.en
        return self.vi


def repeated(values: Iterable[str]) -> list[str]:
    """The values that occur more than once, sorted: for uniqueness checks (called for
    every criterion of every rubric, so kept to plain sets)."""
    seen: set[str] = set()
    again: set[str] = set()
    for value in values:
        (again if value in seen else seen).add(value)
    return sorted(again)


FIRST_DAY = dt.date(2018, 5, 7)
"""The earliest date any file or option may carry: the OCOP programme was approved by
Quyết định 490/QĐ-TTg of 07/05/2018, so no rating, certificate or decision is older (a
year 1, or an Excel serial of 1899, is a typing or conversion slip)."""
LAST_DAY = dt.date(2100, 12, 31)
"""The latest: our bound, not the decision's. A 36-month term and its re-evaluation
window counted from it stay far inside the calendar (year 9999 would overflow)."""


def check_day(day: dt.date) -> dt.date:
    """``day`` when it can be a date of the programme; else a pydantic error carrying the
    catalogue's id (``schema.day_outside``), so a file's date is refused at its line."""
    if not FIRST_DAY <= day <= LAST_DAY:
        from pydantic_core import PydanticCustomError

        params = {"first": f"{FIRST_DAY:%d/%m/%Y}", "last": f"{LAST_DAY:%d/%m/%Y}",
                  "value": day.isoformat()}
        raise PydanticCustomError("schema.day_outside", "date {value} is outside the "
                                  "programme, {first} to {last}", params)
    return day


def in_programme(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY
