"""Turn pydantic's validation errors into located, readable problems."""

from __future__ import annotations

import re
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


_KINDS: dict[str, str] = {
    "missing": "schema.missing", "extra_forbidden": "schema.extra",
    "string_type": "schema.string", "string_unicode": "schema.string",
    "int_type": "schema.integer", "int_parsing": "schema.integer",
    "int_from_float": "schema.integer",
    "float_type": "schema.number", "float_parsing": "schema.number",
    "finite_number": "schema.finite",
    "bool_type": "schema.boolean", "bool_parsing": "schema.boolean",
    "date_type": "schema.date", "date_parsing": "schema.date",
    "date_from_datetime_parsing": "schema.date", "date_from_datetime_inexact": "schema.date",
    "dict_type": "schema.mapping", "model_type": "schema.mapping",
    "model_attributes_type": "schema.mapping",
    "list_type": "schema.list", "tuple_type": "schema.list",
    "too_short": "schema.too_short", "too_long": "schema.too_long",
    "string_too_short": "schema.too_short_text", "string_too_long": "schema.too_long",
    "greater_than_equal": "schema.ge", "greater_than": "schema.gt",
    "less_than_equal": "schema.le", "less_than": "schema.lt",
    "literal_error": "schema.choice", "enum": "schema.choice",
    "string_pattern_mismatch": "schema.pattern",
}


_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), i) for p, i in (
    (r"^part (?P<part>\S+): its criteria add up to (?P<total>\S+) points, but the part's "
     r"max_points is (?P<max>\S+)$", "schema.rule.part_sum"),
    (r"^criterion (?P<criterion>\S+): part (?P<part>\S+) is not among the parts$",
     "schema.rule.no_part"),
    (r"^(?P<where>.+): fact '(?P<fact>[^']+)' is not declared under 'facts'$",
     "schema.rule.undeclared_fact"),
    (r"^(?P<what>[a-z ]+) '(?P<id>[^']+)' is defined more than once$", "schema.rule.repeated"),
    (r"^star bands (?P<low>\d)★ and (?P<high>\d)★ leave a gap or overlap "
     r"\((?P<a>\S+) vs (?P<b>\S+)\)$", "schema.rule.band_gap"),
    (r"^criterion (?P<criterion>\S+): max_points is (?P<declared>\S+), but its best option "
     r"gives (?P<best>\S+)$", "schema.rule.max_points"),
))


def rule_details(detail: str) -> dict[str, object]:
    """A rubric model's rule violations (our own English sentences, ``; ``-joined), each
    said in both languages where the catalogue knows its shape."""
    from ocop_rate.messages import LANGS, text

    said: dict[str, list[str]] = {"vi": [], "en": []}
    for part in detail.split("; "):
        for pattern, message_id in _RULES:
            found = pattern.match(part)
            if found:
                for lang in LANGS:
                    said[lang].append(text(message_id, lang, found.groupdict()))
                break
        else:
            said["vi"].append(part)
            said["en"].append(part)
    return {"detail@vi": "; ".join(said["vi"]), "detail@en": "; ".join(said["en"])}


def _describe(error: Any) -> tuple[str, dict[str, object]]:
    """A pydantic error as one of our messages (id, parameters): pydantic's wording is
    English and changes between versions, so it is never shown."""
    from ocop_rate.messages import CATALOGUE, LANGS, text

    kind = str(error["type"])
    ctx = error.get("ctx") or {}
    if kind in CATALOGUE:  # our own models' rules (PydanticCustomError with a message id)
        return kind, dict(ctx)
    value = error.get("input")
    params: dict[str, object] = {}
    if kind not in ("missing", "extra_forbidden") and not isinstance(value, (dict, list)):
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        for lang in LANGS:
            params[f"got@{lang}"] = text("schema.got", lang, value=shown)
    else:
        params.update({"got@vi": "", "got@en": ""})
    message_id = _KINDS.get(kind)
    if message_id in ("schema.too_short", "schema.too_long"):
        params.update(min=ctx.get("min_length", "?"), max=ctx.get("max_length", "?"),
                      actual=ctx.get("actual_length", "?"))
    elif message_id in ("schema.ge", "schema.gt", "schema.le", "schema.lt"):
        params["limit"] = next((ctx[k] for k in ("ge", "gt", "le", "lt") if k in ctx), "?")
    elif message_id == "schema.choice":
        params["expected"] = str(ctx.get("expected", "?"))
    elif message_id is None and kind in ("value_error", "assertion_error"):
        detail = str(error["msg"]).removeprefix("Value error, ")
        return "schema.rule", rule_details(detail)  # a rubric's inner rule, for its author
    return message_id or "schema.invalid", params


def located_errors(exc: ValidationError, data: Any,
                   locate: Locator) -> list[tuple[str, tuple[str | int, ...], Problem]]:
    """Each pydantic error as (error type, path in ``data``, located problem), in order."""
    out: list[tuple[str, tuple[str | int, ...], Problem]] = []
    for error in exc.errors(include_url=False):
        path = data_path(data, tuple(error["loc"]))
        message_id, params = _describe(error)
        out.append((str(error["type"]), path, Problem.of(message_id, locate(path), **params)))
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
