"""The procedure's deadlines (issue 21, item 3), each computed by hand here with the calendar
of the day: working days with Vietnam's public holidays (Tết included), a last day off moved
to the next working day (Bộ luật Dân sự 2015, Điều 148.5), and a round whose products are
late reported with the clause (exit 1) through the real CLI.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.procedure import deadlines
from ocop_rate.procedure.workdays import add_working_days, is_working_day, next_working_day
from ocop_rate.register import rules
from tests.unit.round.test_written_round import PLANT, TRIO, top, write_round

runner = CliRunner()


def test_days_off_come_from_the_vietnam_calendar() -> None:
    assert not is_working_day(date(2026, 9, 2))      # Quốc khánh
    assert not is_working_day(date(2026, 8, 31))     # the day off swapped for Sat 22/08
    assert is_working_day(date(2026, 8, 22))         # ... that Saturday is worked
    assert not is_working_day(date(2026, 2, 17))     # Tết Bính Ngọ
    assert not is_working_day(date(2026, 6, 21))     # a Sunday
    assert is_working_day(date(2026, 9, 3))
    assert next_working_day(date(2026, 8, 29)) == date(2026, 9, 3)   # Sat → Thu


def test_a_window_closing_on_2_september_closes_on_the_next_working_day() -> None:
    # Expiry 31/12/2026; back 120 days: 01/12 (30), 01/11 (60), 01/10 (91), 02/09 (120):
    # Quốc khánh (Wednesday). Điều 148.5: the window ends on Thursday 03/09/2026.
    win = rules.window(date(2026, 12, 31))
    assert win.closes == date(2026, 9, 3)
    assert win.where(date(2026, 9, 3)) == "inside"
    assert win.where(date(2026, 9, 4)) == "late"
    assert win.opens == date(2026, 7, 4)             # the opening edge is not moved


def test_the_communes_15_working_days_across_tet() -> None:
    # Received Tue 10/02/2026. Working days after it: 11, 12, 13 Feb (3); Tết closes
    # 16-20 Feb; 23-27 Feb (8); 2-6 Mar (13); 9 Mar (14), 10 Mar (15).
    assert deadlines.commune_due(date(2026, 2, 10)) == date(2026, 3, 10)
    # no holiday: received Fri 02/10/2026 → three weeks later, Fri 23/10/2026
    assert deadlines.commune_due(date(2026, 10, 2)) == date(2026, 10, 23)
    assert add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 3)


def test_45_days_of_a_re_evaluation_ending_in_tet() -> None:
    # Complete dossier 22/12/2026; +45 days: 31/12 (9), 31/01 (40), 05/02/2027 (45):
    # Lunar New Year's Eve; Tết Đinh Mùi is off until Wed 10/02 → Thu 11/02/2027.
    assert deadlines.reevaluation_due(date(2026, 12, 22)) == date(2027, 2, 11)
    assert deadlines.reevaluation_due(date(2026, 5, 10)) == date(2026, 6, 24)


def test_the_transitional_60_and_30_days() -> None:
    # From 22/05/2026 (Điều 11.1), the day itself not counted: +60 → Tue 21/07/2026;
    # +30 → Sun 21/06/2026, moved to Mon 22/06/2026.
    assert deadlines.transitional(date(2026, 5, 1), "first") == ("12.2.a", date(2026, 7, 21))
    assert deadlines.transitional(date(2026, 5, 1), "upgrade") == ("12.2.a", date(2026, 7, 21))
    assert deadlines.transitional(date(2026, 5, 21), "re-evaluation") == (
        "12.2.b", date(2026, 6, 22))
    assert deadlines.transitional(date(2026, 5, 22), "first") is None


def test_revocation_period_ending_on_a_holiday() -> None:
    # Conclusion 18/08/2026 + 15 days = 02/09/2026 (Quốc khánh) → 03/09/2026 (Điều 8.4).
    assert rules.revoke_by(date(2026, 8, 18)) == date(2026, 9, 3)


@pytest.mark.parametrize(("proposed", "level", "due"), [
    (date(2026, 4, 29), "province", date(2026, 6, 29)),   # before 30/4 → before 30/6
    (date(2026, 4, 30), "province", date(2026, 12, 29)),  # on 30/4: round 2
    (date(2026, 10, 29), "province", date(2026, 12, 29)),
    (date(2026, 10, 30), "province", date(2027, 6, 29)),  # next year's round 1
    (date(2027, 1, 29), "central", date(2027, 3, 29)),    # before 30/01 → before 30/3
    (date(2027, 1, 30), "central", date(2027, 9, 29)),
    (date(2027, 7, 29), "central", date(2027, 9, 29)),    # before 30/7 → before 30/9
    (date(2027, 7, 30), "central", date(2028, 3, 29)),
])
def test_round_dates_of_article_5(proposed: date, level: str, due: date) -> None:
    assert deadlines.round_due(proposed, level) == due  # type: ignore[arg-type]


def test_a_round_with_late_products_warns_with_the_clause(tmp_path: Path) -> None:
    """A provincial round on 01/07/2026: P-1 proposed 20/04 (due 29/06: 2 days late, Điều
    5.1); P-2's commune took 16 working days (Điều 7.2); P-3's re-evaluation is past 45
    days (Điều 7.6.g); P-5, filed before 22/05/2026, is past the 30 days (Điều 12.2.b,
    moved off Sunday 21/06); P-4 and P-6 are on time."""
    best = top(PLANT)
    ids = [f"P-{i}" for i in range(1, 7)]
    kinds = ["first", "first", "re-evaluation", "first", "re-evaluation", "first"]
    root = write_round(tmp_path / "r", [(p, PLANT, k) for p, k in zip(ids, kinds, strict=True)],
                       {m: dict.fromkeys(ids, best) for m in TRIO}, date="2026-07-01",
                       mode="average")
    listed = yaml.safe_load((root / "products.yaml").read_text(encoding="utf-8"))
    dates = [{"proposed_on": "20/04/2026"},
             {"received_on": "2026-02-10", "proposed_on": "11/03/2026"},
             {"complete_on": "10/05/2026"}, {"filed_on": "15/05/2026"},
             {"filed_on": "15/05/2026"}, {"proposed_on": "05/05/2026"}]
    for item, extra in zip(listed["products"], dates, strict=True):
        item.update(extra)
    (root / "products.yaml").write_text(yaml.safe_dump(listed, allow_unicode=True),
                                        encoding="utf-8")
    done = runner.invoke(app, ["rate", str(root), "-f", "json"])
    assert done.exit_code == 1
    checks = {(d["product_id"], d["rule"]): d for item in json.loads(done.stdout)
              for d in item["deadlines"]}
    assert {k: (v["due"], v["late"]) for k, v in checks.items()} == {
        ("P-1", "5.1"): ("2026-06-29", True),
        ("P-2", "7.2"): ("2026-03-10", True),
        ("P-2", "5.1"): ("2026-06-29", True),     # proposed 11/03: before 30/06 too
        ("P-3", "7.6.g"): ("2026-06-24", True),
        ("P-4", "12.2.a"): ("2026-07-21", False),
        ("P-5", "12.2.b"): ("2026-06-22", True),
        ("P-6", "5.1"): ("2026-12-29", False),
    }
    assert checks[("P-5", "12.2.b")]["moved_from"] == "2026-06-21"
    shown = runner.invoke(app, ["round", "status", str(root), "-o", str(tmp_path / "s.txt")])
    assert shown.exit_code == 1
    page = (tmp_path / "s.txt").read_text(encoding="utf-8")
    assert "7 lần kiểm tra, 5 quá hạn" in page
    assert "đợt đánh giá ngày 01/07/2026 muộn 2 ngày" in page and "(Điều 5.1:" in page
    assert "Điều 7.2)" in page and "Điều 7.6.g)" in page
    assert "ngày 21/06/2026 là ngày nghỉ" in page and "Điều 12.2.b" in page
    for fmt in ("markdown", "html"):
        out = tmp_path / f"r.{fmt}"
        assert runner.invoke(app, ["rate", str(root), "-f", fmt, "-o", str(out)]).exit_code == 1
        assert "P-2: UBND cấp xã tiếp nhận hồ sơ ngày 10/02/2026" in out.read_text("utf-8")


def test_a_bad_date_in_the_product_list_is_located(tmp_path: Path) -> None:
    root = write_round(tmp_path / "r", [("P-1", PLANT, "first")],
                       {m: {"P-1": top(PLANT)} for m in TRIO}, mode="average")
    listed = yaml.safe_load((root / "products.yaml").read_text(encoding="utf-8"))
    listed["products"][0]["received_on"] = "31/02/2026"
    (root / "products.yaml").write_text(yaml.safe_dump(listed, allow_unicode=True),
                                        encoding="utf-8")
    done = runner.invoke(app, ["round", "status", str(root)])
    assert done.exit_code == 1
    assert "products.yaml" in done.stdout + done.stderr
    assert "received_on" in done.stdout + done.stderr


def test_the_deadlines_quote_the_decision() -> None:
    """Every line ``procedure/deadlines.py`` and ``round/written.py`` quote from the decision
    is in its text (docs/decision/, in the repository)."""
    import inspect

    from ocop_rate.round import written

    text = (Path(__file__).resolve().parents[3] / "docs/decision/qd26-2026/"
            "qd26-2026-fulltext.txt")
    source = " ".join(text.read_text(encoding="utf-8").split())
    for module in (deadlines, written):
        doc = inspect.getdoc(module) or ""
        quotes = [q for q in doc.replace("\n", " ").split('"')[1::2] if len(q) > 30]
        assert len(quotes) >= 1
        for quote in quotes:
            for piece in (p.strip() for p in " ".join(quote.split()).split("...")):
                assert piece in source, piece
