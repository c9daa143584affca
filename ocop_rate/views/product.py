"""Products in detail (``explain``): each product's sheet as scored, in the terminal; the
same ratings as JSON (the contract's objects); or each member's printed sheet and the
council's summary sheet, to sign."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ocop_rate.models.rating import BatchResult, Failure
from ocop_rate.views.batch import detailed
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType


def terminal(result: BatchResult, asked: Asked) -> Iterator[RenderableType]:
    from rich.rule import Rule
    from rich.text import Text

    from ocop_rate.report.explain import explain_view
    from ocop_rate.report.labels import problem_line

    for item in detailed(result).items:
        if isinstance(item, Failure):
            yield Rule(item.product_id or item.file or "?")
            for e in item.errors:
                yield Text.assemble(("✗", "red"), " ", problem_line(e, asked.lang))
            continue
        yield Rule(item.product_id)
        yield from explain_view(item, asked.lang, asked.rubrics.get(item.rubric))


def json(result: BatchResult, asked: Asked) -> Iterator[str]:
    from ocop_rate.report import json_report

    return json_report.render_chunks(detailed(result), asked.lang)


def sheets(result: BatchResult, asked: Asked) -> str:
    from ocop_rate.report import printed

    return printed.render(detailed(result), asked.lang, asked.rubrics, asked.day,
                          sheets=True, listing=False)
