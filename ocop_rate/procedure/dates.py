"""Dates as Vietnamese documents write them, read by the round and the register alike."""

from __future__ import annotations

import re
from datetime import date

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$")


def parse_date(text: str) -> date | None:
    """``2026-02-05``, ``05/02/2026`` (day first, as Vietnamese documents write it) or a
    spreadsheet's ``2026-02-05T00:00:00``; None when the text is no such date."""
    text = text.strip()
    found = _ISO.match(text)
    try:
        if found:
            return date(int(found[1]), int(found[2]), int(found[3]))
        found = _DMY.match(text)
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None
    return None
