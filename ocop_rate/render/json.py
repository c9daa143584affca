"""Any :class:`~ocop_rate.models.document.Document`'s data as JSON: UTF-8 with diacritics as
they are, indented for a person reading a diff. A list of products is written one compact
product a line instead (:func:`draw_lines`), as a batch's results stream
(:mod:`ocop_rate.report.json_report`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ocop_rate.models.document import Document


def draw(document: Document) -> str:
    return json.dumps(document.data, ensure_ascii=False, indent=2) + "\n"


def draw_lines(items: Iterable[Any]) -> str:
    """A JSON array of ``items``, one compact item a line. Why not ``indent=2``: indenting
    makes ``json`` fall back from its C encoder to the pure-Python one, ~8x slower (a
    round of 100 products x 7 members: 0.22 s against 0.03 s)."""
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    return "[\n  " + ",\n  ".join(lines) + "\n]\n" if lines else "[]\n"
