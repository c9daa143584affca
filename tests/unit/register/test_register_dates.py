"""Hand-computed dates of the register's rules (Decision 26/2026), by the public API."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_rate.procedure.workdays import is_working_day
from ocop_rate.register import rules
from ocop_rate.register.dates import add_months, long, parse_date, short


@pytest.mark.parametrize(("issued", "expires"), [
    (date(2026, 5, 31), date(2029, 5, 31)),    # 36 months from 31 May end on 31 May
    (date(2028, 2, 29), date(2031, 2, 28)),    # no 29 Feb in 2031: the month's last day
    (date(2026, 6, 5), date(2029, 6, 5)),
    (date(2027, 12, 31), date(2030, 12, 31)),
    (date(2024, 2, 29), date(2027, 2, 28)),
])
def test_36_months(issued: date, expires: date) -> None:
    assert rules.expiry(issued) == expires


def test_add_months_clamps_to_the_last_day() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 8, 31), 13) == date(2027, 9, 30)


def test_window_edges_counted_by_hand() -> None:
    # expiry 31/05/2029. Back 180 days: May 31 -> Apr 30 (31), Mar 31 (61), Feb 28 (92),
    # Jan 31 (120), Dec 31 (151), then 29 more -> 2 Dec 2028. Back 120 days: 31 Jan 2029.
    win = rules.window(date(2029, 5, 31))
    assert win.opens == date(2028, 12, 2)
    assert win.closes == date(2029, 1, 31)
    assert win.where(date(2028, 12, 1)) == "early"
    assert win.where(date(2028, 12, 2)) == "inside"     # "không sớm hơn 180 ngày": included
    assert win.where(date(2029, 1, 31)) == "inside"     # "không muộn hơn 120 ngày": included
    assert win.where(date(2029, 2, 1)) == "late"
    # expiry 05/06/2029: back 180 -> 7 Dec 2028, back 120 -> 5 Feb 2029 (2029 is no leap year)
    win = rules.window(date(2029, 6, 5))
    assert (win.opens, win.closes) == (date(2028, 12, 7), date(2029, 2, 5))
    # across a leap February: expiry 31/05/2028, back 120 -> 1 Feb 2028 (Feb has 29 days)
    assert rules.window(date(2028, 5, 31)).closes == date(2028, 2, 1)


def test_late_filer_limit() -> None:
    # 31/05/2029 + 180 days: Jun 30 (30), Jul 31 (61), Aug 31 (92), Sep 30 (122),
    # Oct 31 (153), then 27 more -> 27 Nov 2029 (Điều 12.3).
    assert rules.late_limit(date(2029, 5, 31)) == date(2029, 11, 27)


def test_authority_and_grounds() -> None:
    assert rules.authority_for(3) == rules.authority_for(4) == "province-chair"
    assert rules.authority_for(5) == "minister"
    assert rules.GROUNDS == ("a", "b", "c", "d", "đ", "e")
    assert rules.ground("dd") == rules.ground("Đ") == "đ"
    assert rules.ground("f") is None


def test_outcome_derived_when_absent() -> None:
    assert rules.derive_outcome(4, True, False, "province-chair") == "recognised"
    assert rules.derive_outcome(5, True, False, "province-chair") == "proposed-5-star"
    assert rules.derive_outcome(5, True, False, "minister") == "recognised"
    assert rules.derive_outcome(2, False, False, "province-chair") == "not-recognised"
    assert rules.derive_outcome(None, False, True, "province-chair") == "rejected"
    assert rules.derive_outcome(None, False, False, "province-chair") == "not-rated"


def test_dates_read_and_written_the_vietnamese_way() -> None:
    assert parse_date("05/02/2026") == date(2026, 2, 5)      # day first
    assert parse_date("2026-02-05") == parse_date("2026-02-05T00:00:00") == date(2026, 2, 5)
    assert parse_date("31/02/2026") is None
    assert parse_date("02-05-2026") is None
    assert short(date(2026, 2, 5), "vi") == "05/02/2026"
    assert short(date(2026, 2, 5), "en") == "2026-02-05"
    assert long(date(2026, 2, 5), "vi") == "ngày 05 tháng 02 năm 2026"
    assert long(date(2026, 2, 5), "en") == "5 February 2026"
    assert long(date(2026, 6, 5), "vi") == "ngày 05 tháng 6 năm 2026"  # NĐ 30/2020, Phụ lục I
    assert long(date(2026, 12, 25), "vi") == "ngày 25 tháng 12 năm 2026"
    assert long(date(2027, 1, 9), "vi") == "ngày 09 tháng 01 năm 2027"


def test_rules_quote_the_decision() -> None:
    """Each rule the register keeps quotes its line; the line is in the decision's text."""
    import inspect
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "docs/decision/qd26-2026/"
            "qd26-2026-fulltext.txt")
    source = " ".join(text.read_text(encoding="utf-8").split())
    doc = inspect.getdoc(rules) or ""
    quotes = [q for q in doc.replace("\n", " ").split('"')[1::2] if len(q) > 30]
    assert len(quotes) >= 7
    for quote in quotes:
        pieces = [p.strip() for p in " ".join(quote.split()).split("...")]
        for piece in pieces:
            assert piece in source, piece


@settings(deadline=None)   # the first date of a run loads the holiday calendar (~0.2 s)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_every_term_and_window_keeps_its_shape(issued: date) -> None:
    expires = rules.expiry(issued)
    assert 1095 <= (expires - issued).days <= 1097          # 36 months: 3 years of days
    assert (expires.year, expires.month) == (issued.year + 3, issued.month)
    assert expires.day == issued.day or (issued.month, issued.day) == (2, 29)
    win = rules.window(expires)
    assert (expires - win.opens).days == 180
    # the 120th day before expiry, or the next working day when it is a day off (at most
    # Tết's nine days plus a weekend later)
    assert 106 <= (expires - win.closes).days <= 120
    assert is_working_day(win.closes)
    assert all(not is_working_day(win.closes - timedelta(days=d))
               for d in range(1, 121 - (expires - win.closes).days))
    assert win.where(win.opens) == win.where(win.closes) == "inside"
    assert (rules.late_limit(expires) - expires).days == 180
