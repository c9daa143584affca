"""Typer's coercion of a command's options, without building pydantic adapters where the
answer is plain Python.

Typer 0.29 coerces each parameter of the command being run through a pydantic
``TypeAdapter`` it builds on every run; importing pydantic's validation machinery for that
and building the adapters costs more than ``import typer, pydantic`` itself (issue 23:
``typer._adapters`` alone is 1.5x that floor), paid by ``rubrics list`` as by every other
command. The options ocop-rate takes are nearly all a ``str``, a ``Path``, an enum or a
list of these, and for a value read from the command line their coercion is what typer's own
functions do: the same string, :func:`typer._param_types.coerce_cli_choice`,
:func:`typer._param_types.coerce_cli_path` on ``Path(value)`` (what pydantic makes of a
string), and a number's default as it is. :class:`PlainParam` does that; a number typed on
the command line, a boolean that is not a flag, a type of any other kind and a value the
plain way refuses go to typer's own adapter, so every error is worded by typer exactly as
before (tests/unit/cli/test_cli_coercion.py holds the two
ways to the same results over every parameter of every command).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import (
    choice_coercion_annotation,
    coerce_cli_choice,
    coerce_cli_path,
    lenient_issubclass,
    routes_to_path,
)

if TYPE_CHECKING:
    from typer._click import Context
    from typer.core import _TyperParameter

Kind = Literal["str", "bool", "number", "path", "choice"]


@dataclass(frozen=True)
class PlainParam(RuntimeParam):
    """A parameter of a plain kind, coerced as typer's adapter would coerce it."""

    descriptor: TypeDescriptor
    kind: Kind
    item: Any  # the annotation of one value (a list's item type, else the annotation)
    many: bool  # a ``list[...]``: each value coerced, a list returned

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        try:
            if self.many:
                values = value if isinstance(value, (list, tuple)) else [value]
                return [self._one(each, param, ctx) for each in values]
            return self._one(value, param, ctx)
        except Exception:  # typer says what is wrong, in its own words
            return build_runtime_param(self.descriptor)._coerce_value(value, param, ctx)

    def _one(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        if self.kind in ("str", "bool"):
            if type(value) is not (str if self.kind == "str" else bool):
                raise TypeError(value)  # a flag's True or False; any other value: typer's
            return value
        info = self.descriptor.parameter_info
        if self.kind == "number":  # a default or a value already read: typed text is typer's
            low, high = info.min, info.max
            if type(value) is not self.item or info.clamp or (
                    low is not None and not value >= low) or (
                    high is not None and not value <= high):
                raise TypeError(value)
            return value
        if self.kind == "choice":
            choices, case_sensitive = choice_coercion_annotation(self.item, info) or ((), True)
            return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive,
                                     ctx=ctx)
        path_type: Any = info.path_type
        if path_type is None and lenient_issubclass(self.item, Path):
            path_type = self.item
        if type(value) is str and lenient_issubclass(path_type, Path):
            value = path_type(value)  # pydantic's path from a string: the class called
        elif not isinstance(value, Path):
            raise TypeError(value)
        return coerce_cli_path(value, info, path_type=path_type, param=param, ctx=ctx)


def _kind(annotation: Any, descriptor: TypeDescriptor) -> Kind | None:
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.file_annotation is not None:
        return None
    if annotation is str:
        return "str"
    if annotation is bool:
        return "bool"
    if annotation in (int, float):
        return "number"
    if choice_coercion_annotation(annotation, info) is not None:
        return "choice"
    if lenient_issubclass(annotation, Path) and routes_to_path(annotation, info):
        return "path"
    return None


def plain(descriptor: TypeDescriptor) -> PlainParam | None:
    """The plain coercion of a parameter, or None when typer's adapter must do it."""
    annotation = descriptor.annotation
    origin: Any = get_origin(annotation)
    many = origin is list
    item = get_args(annotation)[0] if many else annotation
    if many and get_origin(item) is not None:
        return None
    kind = _kind(item, descriptor)
    if kind is None:
        return None
    return PlainParam(descriptor.parameter_info, annotation, descriptor, kind, item, many)


def install(params: Iterable[Any]) -> None:
    """Give each parameter of a plain kind its plain coercion (before its value is read)."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", True) is None:
            param._runtime_param = plain(descriptor)
