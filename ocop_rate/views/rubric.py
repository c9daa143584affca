"""The rubrics (``rubrics list``) and one rubric resolved (``rubrics show``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.rubric import Rubric


def list_table(entries: list[dict[str, Any]], asked: Asked) -> list[RenderableType]:
    from ocop_rate.report.terminal import rubric_list_view

    return list(rubric_list_view(entries, asked.lang))


def list_json(entries: list[dict[str, Any]], asked: Asked) -> str:
    from ocop_rate.report.json_report import render_rubric_list

    return render_rubric_list(entries)


def sheet_table(rubric: Rubric, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report.terminal import rubric_sheet_view

    return [rubric_sheet_view(rubric, asked.lang)]


def sheet_json(rubric: Rubric, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_rubric

    return render_rubric(rubric)
