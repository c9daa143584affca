"""Write ocop_rate/procedure/vn_calendar.py: Vietnam's days off (public holidays, swapped
days off) and worked Saturdays for YEARS, as the installed ``holidays`` package gives them.

    python tools/vn_calendar.py           # rewrite the table from the installed package
    python tools/vn_calendar.py --check   # exit 1 when the table says other than it

Why a table: importing ``holidays`` loads every country's calendar (~0.1 s), which a
register question (``register due`` computes each certificate's window) would pay on every
run. The table is the package's own answer, recorded with its version; at run time it is
used only when that very version is installed (:mod:`ocop_rate.procedure.workdays`), else
the package is asked. Run this after upgrading ``holidays`` (constraints.txt).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from datetime import date
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "ocop_rate" / "procedure" / "vn_calendar.py"
YEARS = range(2000, 2081)

HEAD = '''"""Vietnam's days off and worked Saturdays by year, from ``holidays`` {version}
(written by tools/vn_calendar.py; do not edit: rerun it after upgrading ``holidays``).
:mod:`ocop_rate.procedure.workdays` reads it only when that version is installed."""

HOLIDAYS_VERSION = "{version}"
FIRST_YEAR, LAST_YEAR = {first}, {last}
'''


def _entry(year: int, days: list[date]) -> str:
    """``    2026: "01-01 02-16 ..."`` (month-day, the year is the key), wrapped within 100
    columns."""
    lines = textwrap.wrap(" ".join(f"{d:%m-%d}" for d in days), 84)
    body = "\n          ".join(f"{line + (' ' if i < len(lines) - 1 else '')!r}"
                                for i, line in enumerate(lines))
    return f"    {year}: ({body})," if len(lines) > 1 else f"    {year}: {body},"


def source() -> str:
    """The module's text, from the installed package."""
    import holidays

    days_off, worked = [], []
    for year in YEARS:
        calendar = holidays.country_holidays("VN", years=year)
        days_off.append(_entry(year, sorted(calendar)))
        sat = sorted(d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year)
        if sat:
            worked.append(_entry(year, sat))
    return (HEAD.format(version=version("holidays"), first=YEARS[0], last=YEARS[-1])
            + "\n# the year's days off, month-day, separated by spaces\nDAYS_OFF: "
            "dict[int, str] = {\n" + "\n".join(days_off) + "\n}\n"
            + "\n# Saturdays worked in a swap (years without one are left out)\nWORKED_"
            "SATURDAYS: dict[int, str] = {\n" + "\n".join(worked) + "\n}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    text = source()
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET} is stale: run tools/vn_calendar.py")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
