"""Shared building blocks of the models: frozen base and bilingual text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, model_validator

from ocop_rate.models.days import FIRST_DAY, LAST_DAY, in_programme

Lang = Literal["vi", "en"]


def _day_first(value: Any) -> Any:
    """Text read by the one date reader (:func:`ocop_rate.models.days.parse_date`); what it
    cannot read is left for pydantic to refuse, located."""
    if isinstance(value, str):
        from ocop_rate.models.days import parse_date

        return parse_date(value) or value
    return value


def _in_programme(day: dt.date) -> dt.date:
    return check_day(day)


Day = Annotated[dt.date, BeforeValidator(_day_first), AfterValidator(_in_programme)]
"""A date a person writes in a file: ``05/02/2026`` (day first, as Vietnamese documents
write it) or ``2026-02-05`` (YAML reads the latter as a date already), within the
programme's years (:func:`check_day`)."""


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


def check_day(day: dt.date) -> dt.date:
    """``day`` when it can be a date of the programme; else a pydantic error carrying the
    catalogue's id (``schema.day_outside``), so a file's date is refused at its line."""
    if not in_programme(day):
        from pydantic_core import PydanticCustomError

        params = {"first": f"{FIRST_DAY:%d/%m/%Y}", "last": f"{LAST_DAY:%d/%m/%Y}",
                  "value": day.isoformat()}
        raise PydanticCustomError("schema.day_outside", "date {value} is outside the "
                                  "programme, {first} to {last}", params)
    return day
