"""The recorded calendar (procedure/vn_calendar.py, written by tools/vn_calendar.py) says
what the installed ``holidays`` package says, and is only used when that package's version
is the one it was recorded from."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path

import holidays
import pytest

from ocop_rate.procedure import vn_calendar, workdays

ROOT = Path(__file__).resolve().parents[3]
RECORDED = pytest.mark.skipif(
    version("holidays") != vn_calendar.HOLIDAYS_VERSION,
    reason=f"the table is of holidays {vn_calendar.HOLIDAYS_VERSION}, {version('holidays')} "
    "is installed (CI's newest-releases lane): the package is asked, as "
    "test_another_holidays_version_asks_the_package checks")


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    for cached in (workdays._table, workdays._days_off, workdays._worked_weekends,
                   workdays.next_working_day):
        cached.cache_clear()
    yield
    for cached in (workdays._table, workdays._days_off, workdays._worked_weekends,
                   workdays.next_working_day):
        cached.cache_clear()


@RECORDED
def test_the_table_is_the_installed_packages_calendar() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "vn_calendar.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout   # stale: run tools/vn_calendar.py


@RECORDED
def test_every_day_of_the_recorded_years_agrees_with_the_package(fresh_caches: None) -> None:
    assert workdays._table() is vn_calendar
    for year in (vn_calendar.FIRST_YEAR, 2026, 2029, vn_calendar.LAST_YEAR):
        calendar = holidays.country_holidays("VN", years=year)
        worked = set(getattr(calendar, "weekend_workdays", ()))
        day = date(year, 1, 1)
        while day.year == year:
            expected = day not in calendar and (day.weekday() < 5 or day in worked)
            assert workdays.is_working_day(day) == expected, day
            day += timedelta(days=1)


def test_another_holidays_version_asks_the_package(fresh_caches: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """What every run on another release of ``holidays`` does."""
    monkeypatch.setattr(vn_calendar, "HOLIDAYS_VERSION", "0.0-not-installed")
    monkeypatch.setattr(vn_calendar, "DAYS_OFF", {})   # would say no day is off
    assert workdays._table() is None
    assert not workdays.is_working_day(date(2026, 9, 2))     # Quốc khánh, from the package
    assert workdays.is_working_day(date(2026, 8, 22))        # the worked Saturday


def test_a_year_outside_the_table_asks_the_package(fresh_caches: None) -> None:
    year = vn_calendar.LAST_YEAR + 5
    assert not workdays.is_working_day(date(year, 9, 2))      # Quốc khánh, every year
    assert workdays._days_off(year) == frozenset(holidays.country_holidays("VN", years=year))
