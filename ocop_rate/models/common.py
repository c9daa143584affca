"""Shared building blocks of the models: frozen base and bilingual text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

Lang = Literal["vi", "en"]


def _day_first(value: Any) -> Any:
    """Text read by the one date reader (:func:`ocop_rate.models.days.parse_date`); what it
    cannot read is left for pydantic to refuse, located."""
    if isinstance(value, str):
        from ocop_rate.models.days import parse_date

        return parse_date(value) or value
    return value


Day = Annotated[dt.date, BeforeValidator(_day_first)]
"""A date a person writes in a file: ``05/02/2026`` (day first, as Vietnamese documents
write it) or ``2026-02-05`` (YAML reads the latter as a date already)."""


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
