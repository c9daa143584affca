"""Any :class:`~ocop_rate.models.document.Document`'s data as JSON: UTF-8 with diacritics as
they are, indented for a person reading a diff. (A batch's results stream instead:
:mod:`ocop_rate.report.json_report`.)"""

from __future__ import annotations

import json

from ocop_rate.models.document import Document


def draw(document: Document) -> str:
    return json.dumps(document.data, ensure_ascii=False, indent=2) + "\n"
