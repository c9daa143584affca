"""Working days and deadlines as Vietnamese law counts them.

Public holidays come from the ``holidays`` package's Vietnam calendar (Tết, Giỗ Tổ Hùng
Vương, 30/4, 1/5, Quốc khánh, and the days the Government swaps), not from a list typed
here: a maintained calendar follows each year's announced swaps (read from its record,
:mod:`.vn_calendar`, when the installed version is the recorded one). Saturdays and Sundays are
days off (the civil service's five-day week, Quyết định 188/1999/QĐ-TTg); a Saturday the
calendar makes a working day in a swap counts as one.

Counting follows the Civil Code (Bộ luật Dân sự 2015):

* Điều 147.2 — "Khi thời hạn được xác định bằng ngày, tuần, tháng, năm thì ngày đầu tiên của
  thời hạn không được tính mà tính từ ngày tiếp theo liền kề ngày được xác định": the day of
  the event is not counted (:func:`add_working_days`, :func:`days_then_working_day`).
* Điều 148.5 — "Trường hợp ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ
  lễ thì thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó": a
  period whose last day is a day off ends on the next working day
  (:func:`next_working_day`).
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

MAX_WORKING_DAYS = 3660   # a bound on a count read from a file (ten years of days)


@functools.cache
def _days_off(year: int) -> frozenset[date]:
    """The public holidays (and swapped days off) of ``year``; Saturdays made working days
    in a swap are left out of :func:`_worked_weekends` instead."""
    table = _table()
    if table is not None and table.FIRST_YEAR <= year <= table.LAST_YEAR:
        return _days(year, table.DAYS_OFF.get(year, ""))
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year))


@functools.cache
def _worked_weekends(year: int) -> frozenset[date]:
    table = _table()
    if table is not None and table.FIRST_YEAR <= year <= table.LAST_YEAR:
        return _days(year, table.WORKED_SATURDAYS.get(year, ""))
    import holidays

    calendar = holidays.country_holidays("VN", years=year)
    return frozenset(d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year)


@functools.cache
def _table() -> Any:
    """The calendar recorded from the installed ``holidays`` (:mod:`.vn_calendar`), or None
    when another version is installed (then the package is asked). Importing ``holidays``
    loads every country's calendar, ~0.1 s that each ``register due`` would pay; its version
    is read from the folder pip installed it with, which costs nothing to look at."""
    from importlib.util import find_spec

    from ocop_rate.procedure import vn_calendar

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    site = Path(spec.origin).parent.parent
    if not (site / f"holidays-{vn_calendar.HOLIDAYS_VERSION}.dist-info").is_dir():
        return None
    return vn_calendar


def _days(year: int, month_days: str) -> frozenset[date]:
    return frozenset(date(year, int(md[:2]), int(md[3:])) for md in month_days.split())


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday; or a Saturday worked in a swap."""
    if day in _days_off(day.year):
        return False
    return day.weekday() < 5 or day in _worked_weekends(day.year)


def holiday_name(day: date) -> str | None:
    """The calendar's name of the holiday on ``day`` (English), or None."""
    if day not in _days_off(day.year):
        return None
    import holidays

    return str(holidays.country_holidays("VN", years=day.year).get(day))


@functools.lru_cache(maxsize=65536)   # a register asks it of every certificate it shows
def next_working_day(day: date) -> date:
    """``day`` when it is a working day, else the first working day after it (Điều 148.5)."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted, Điều
    147.2): "15 ngày làm việc kể từ ngày tiếp nhận" received on a Friday ends three weeks
    later on a Friday, later by every holiday in between."""
    if not 0 <= count <= MAX_WORKING_DAYS:
        raise ValueError(f"working days out of range: {count}")
    day = start
    for _ in range(count):
        day = next_working_day(day + timedelta(days=1))
    return day


def days_then_working_day(start: date, days: int) -> date:
    """The last day of a period of ``days`` days from ``start`` (``start`` not counted,
    Điều 147.2), moved to the next working day when it is a day off (Điều 148.5)."""
    return next_working_day(start + timedelta(days=days))
