"""The small condition language that derives options, decides applicability and triggers
gates from dossier facts and members' choices.

Conditions are data (validated here, evaluated in :mod:`ocop_rate.conditions`), never code:
``{fact: local_material_share, gte: 0.5}`` on a fact, ``{criterion: B5.1, ne: a}`` on the
option a member chose (``eq``, ``ne``, ``in`` only), combined with ``all``, ``any``, ``not``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from ocop_rate.models.common import Frozen

FactValue = bool | int | float | str

_WRITTEN_NUMBER = re.compile(
    r"\s*([+-]?)(\d{1,15})(?:[.,](\d{1,15}))?(?:[eE]([+-]?\d{1,3}))?\s*(%?)\s*")


def written_number(text: str) -> int | float | None:
    """A number as a person writes it in a cell or a file: ``7,5`` (the decimal comma of
    Vietnamese documents) or ``7.5``; ``75%`` is a share, 0.75; ``3`` stays a whole number.
    None when the text is no such number. Grouped thousands are not read (``1.234`` and
    ``1,234`` are both 1.234: a fact is a share or a small count)."""
    found = _WRITTEN_NUMBER.fullmatch(text)
    if found is None:
        return None
    sign, whole, part, exponent, percent = found.groups()
    if part is None and exponent is None and not percent:
        return int(sign + whole)
    value = float(f"{sign}{whole}.{part or 0}e{exponent or 0}")  # 1,5E+06: as Excel writes
    if not math.isfinite(value):
        return None
    return value / 100 if percent else value


def facts_as_written(value: Any) -> Any:
    """A dossier's or product list's facts with numbers written the Vietnamese way (``0,75``,
    ``75%``: text to YAML) read as numbers; blank facts dropped. Other text stays text (the
    rubric's fact types then say what is wrong, located)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        return value
    out: dict[Any, Any] = {}
    for key, fact in value.items():
        if fact is None:
            continue
        if isinstance(fact, str) and ("," in fact or "%" in fact):
            number = written_number(fact)
            fact = fact if number is None else number
        out[key] = fact
    return out

COMPARISONS = ("eq", "ne", "gt", "gte", "lt", "lte", "in")
CRITERION_COMPARISONS = ("eq", "ne", "in")


class Condition(Frozen):
    """Exactly one of: a fact test, ``all``, ``any`` or ``not``."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    fact: str | None = None
    criterion: str | None = None
    eq: FactValue | None = None
    ne: FactValue | None = None
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    in_: tuple[FactValue, ...] | None = Field(default=None, alias="in")
    all_: tuple[Condition, ...] | None = Field(default=None, alias="all")
    any_: tuple[Condition, ...] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [self.fact is not None, self.criterion is not None, self.all_ is not None,
                 self.any_ is not None, self.not_ is not None]
        if sum(forms) != 1:
            raise ValueError(
                "a condition needs exactly one of 'fact', 'criterion', 'all', 'any', 'not'")
        tests = self.comparisons()
        leaf = self.fact if self.fact is not None else self.criterion
        if leaf is not None and not tests:
            raise ValueError(
                f"'{leaf}' needs a comparison: one of {', '.join(COMPARISONS)}"
            )
        if leaf is None and tests:
            raise ValueError("comparisons (eq, gte, ...) go with 'fact' or 'criterion'")
        if self.criterion is not None:
            wrong = sorted(set(tests) - set(CRITERION_COMPARISONS))
            if wrong or not all(isinstance(v, str) for v in self._codes()):
                raise ValueError(
                    f"criterion '{self.criterion}' is compared with option codes by "
                    f"{', '.join(CRITERION_COMPARISONS)} only")
        return self

    def _codes(self) -> list[Any]:
        return [c for v in self.comparisons().values()
                for c in (v if isinstance(v, tuple) else (v,))]

    def comparisons(self) -> dict[str, Any]:
        """The comparisons given, keyed by their operator name."""
        found = {
            "eq": self.eq, "ne": self.ne, "gt": self.gt, "gte": self.gte,
            "lt": self.lt, "lte": self.lte, "in": self.in_,
        }
        return {op: v for op, v in found.items() if v is not None}

    def children(self) -> tuple[Condition, ...]:
        if self.not_ is not None:
            return (self.not_,)
        return self.all_ or self.any_ or ()

    def facts(self) -> set[str]:
        """Every fact id this condition reads, for validation."""
        if self.fact is not None:
            return {self.fact}
        out: set[str] = set()
        for child in self.children():
            out |= child.facts()
        return out

    def criteria(self) -> dict[str, set[str]]:
        """Every criterion this condition reads, with the option codes it names."""
        out: dict[str, set[str]] = {}
        if self.criterion is not None:
            out[self.criterion] = {str(c) for c in self._codes()}
        for child in self.children():
            for cid, codes in child.criteria().items():
                out.setdefault(cid, set()).update(codes)
        return out

    def describe(self) -> str:
        """A short human rendering, e.g. ``local_material_share >= 0.75``."""
        symbols = {"eq": "=", "ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤",
                   "in": "in"}
        leaf = self.fact if self.fact is not None else self.criterion
        if leaf is not None:
            return " and ".join(
                f"{leaf} {symbols[op]} {value}" for op, value in self.comparisons().items()
            )
        if self.not_ is not None:
            return f"not ({self.not_.describe()})"
        joiner = " and " if self.all_ is not None else " or "
        return "(" + joiner.join(c.describe() for c in (self.all_ or self.any_ or ())) + ")"
