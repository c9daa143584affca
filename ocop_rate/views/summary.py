"""The summary of a batch (``summary``): counts and shares by class, group, place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.models.summary import Summary
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType


def terminal(digest: Summary, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report.summary_view import summary_view

    return summary_view(digest, asked.lang)


def json(digest: Summary, asked: Asked) -> str:
    from ocop_rate.models.document import Document
    from ocop_rate.render.json import draw

    return draw(Document("", data=digest.model_dump(mode="json")))


def markdown(digest: Summary, asked: Asked) -> str:
    from ocop_rate.report import summary_markdown

    return summary_markdown.render(digest, asked.lang)
