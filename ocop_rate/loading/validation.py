"""Turn pydantic's validation errors into located, readable problems."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ocop_rate.errors import Location, Problem
from ocop_rate.loading.source import SourceMap, render_path

M = TypeVar("M", bound=BaseModel)

Locator = Callable[[tuple[str | int, ...]], Location]


def data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop the parts of a pydantic ``loc`` that are not in the data (union tags and such)."""
    out: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            out.append(part)
            current = current[part]
        elif last and isinstance(part, str) and isinstance(current, dict):
            out.append(part)  # a missing or unknown key: name it
        elif isinstance(current, dict) and isinstance(part, str) and part.rstrip("_") in current:
            out.append(part.rstrip("_"))  # python-side names such as 'all_' for 'all'
            current = current[part.rstrip("_")]
    return tuple(out)


def _describe(error: Any) -> str:
    kind = error["type"]
    msg = str(error["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling against the format)"
    value = error.get("input")
    if kind not in ("value_error", "assertion_error") and not isinstance(value, (dict, list)):
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        msg += f" (got {shown})"
    return msg


def located_errors(exc: ValidationError, data: Any,
                   locate: Locator) -> list[tuple[str, tuple[str | int, ...], Problem]]:
    """Each pydantic error as (error type, path in ``data``, located problem), in order."""
    out: list[tuple[str, tuple[str | int, ...], Problem]] = []
    for error in exc.errors(include_url=False):
        path = data_path(data, tuple(error["loc"]))
        out.append((str(error["type"]), path, Problem(_describe(error), locate(path))))
    return out


def problems_from(exc: ValidationError, data: Any, locate: Locator) -> list[Problem]:
    """One located problem per pydantic error, deduplicated, in document order."""
    seen: set[str] = set()
    out: list[Problem] = []
    for _, _, problem in located_errors(exc, data, locate):
        key = problem.render()
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def validate(model: type[M], data: Any, source: SourceMap) -> M | list[Problem]:
    """The validated model, or the located problems that stop it."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        return problems_from(exc, data, source.locate)


def field_location(source: SourceMap, *path: str | int) -> Location:
    """Shorthand: where ``path`` stands in ``source``."""
    loc = source.locate(path)
    return Location(loc.file, loc.line, loc.column, render_path(path))
