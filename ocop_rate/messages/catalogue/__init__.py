"""The rooms' message modules joined into one catalogue; an id defined twice is refused."""

from __future__ import annotations

from types import ModuleType

from ocop_rate.messages.catalogue import (
    checks,
    cli,
    common,
    engine,
    guards,
    help,
    help_register,
    lint,
    outcome,
    printed,
    rating,
    reading,
    register,
    report,
    rubric,
    rules,
    safety,
    schema,
    sheet,
    template,
)
from ocop_rate.messages.catalogue import round as round_room

_MODULES: tuple[ModuleType, ...] = (
    checks, cli, common, engine, guards, help, help_register, lint, outcome, printed, rating,
    reading, register, report, round_room, rubric, rules, safety, schema, sheet, template)


def _join(modules: tuple[ModuleType, ...]) -> dict[str, tuple[str, str]]:
    joined: dict[str, tuple[str, str]] = {}
    for module in modules:
        for key, pair in module.MESSAGES.items():
            if key in joined:
                raise ValueError(f"message id {key!r} is defined twice ({module.__name__})")
            joined[key] = pair
    return joined


CATALOGUE: dict[str, tuple[str, str]] = _join(_MODULES)
