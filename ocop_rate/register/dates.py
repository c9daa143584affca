"""Calendar arithmetic of the register: months as the civil law counts them, day counts,
and dates written the Vietnamese way. Pure functions over :class:`datetime.date`."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Literal

from ocop_rate.models.days import parse_date as parse_date  # the one date reader

Lang = Literal["vi", "en"]


def add_months(start: date, months: int) -> date:
    """The day ``months`` later with the same day number, or the last day of that month
    when it has no such day (29 Feb 2028 + 36 months -> 28 Feb 2031).

    How we read a term "36 tháng kể từ ngày ... ban hành" (Điều 4.3): a term counted in
    months ends on the corresponding day of its last month, or on that month's last day
    when it has none (the civil-law convention, Bộ luật Dân sự 2015, Điều 148)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def days_before(day: date, days: int) -> date:
    return day - timedelta(days=days)


def days_after(day: date, days: int) -> date:
    return day + timedelta(days=days)


def short(day: date | None, lang: Lang) -> str:
    """``05/02/2026`` in Vietnamese, ``2026-02-05`` in English; blank for no date."""
    if day is None:
        return ""
    return f"{day:%d/%m/%Y}" if lang == "vi" else day.isoformat()


def long(day: date, lang: Lang) -> str:
    """``ngày 05 tháng 6 năm 2026`` (as a decision is dated) or ``5 June 2026``: the one
    date-writing function, :func:`ocop_rate.messages.long_date`."""
    from ocop_rate.messages import long_date

    return long_date(day, lang)


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def from_iso(text: str | None) -> date | None:
    return None if text is None else stored_day(text)


def stored_day(text: object) -> date:
    """A date read back from the register file, checked as a typed one is (a file edited
    by another tool may hold ``9999-12-31``, whose window would leave the calendar, or no
    date at all): an ``OcopError`` naming the value, never an overflow later."""
    day = parse_date(str(text)) if isinstance(text, str) else None
    if day is None:
        from ocop_rate.errors import OcopError, Problem

        raise OcopError(Problem.of("register.stored_date", None, value=str(text)))
    return day


def today() -> date:
    return datetime.now().date()
