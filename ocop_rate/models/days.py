"""The one reader of a date a person types: ``05/02/2026`` (day first, as Vietnamese documents
write it) or ``2026-02-05``. It lives with the models, the lowest room, so that model
validators, the register, the command line and the views all read dates one way."""

from __future__ import annotations

import re
from datetime import date

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$")


FIRST_DAY = date(2018, 5, 7)
"""The earliest date any file or option may carry: the OCOP programme was approved by
Quyết định 490/QĐ-TTg of 07/05/2018, so no rating, certificate or decision is older (a
year 1, or an Excel serial of 1899, is a typing or conversion slip)."""
LAST_DAY = date(2100, 12, 31)
"""The latest: our bound, not the decision's. A 36-month term and its re-evaluation
window counted from it stay far inside the calendar (year 9999 would overflow)."""


def in_programme(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def parse_date(text: str) -> date | None:
    """``2026-02-05``, ``05/02/2026`` (day first, as Vietnamese documents write it) or a
    spreadsheet's ``2026-02-05T00:00:00``; None when the text is no such date, or a date
    outside the programme (:data:`FIRST_DAY` to :data:`LAST_DAY`: a year 1 or an Excel
    serial of 1899 is a slip, and a year 9999 would carry a term and its window off the
    calendar)."""
    text = text.strip()
    found = _ISO.match(text)
    try:
        if found:
            day = date(int(found[1]), int(found[2]), int(found[3]))
        elif found := _DMY.match(text):
            day = date(int(found[3]), int(found[2]), int(found[1]))
        else:
            return None
    except ValueError:
        return None
    return day if in_programme(day) else None
