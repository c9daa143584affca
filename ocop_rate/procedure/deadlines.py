"""The deadlines of the procedure of Decision 26/2026/QĐ-TTg, each with its clause.

Quoted from ``qd26-2026-fulltext.txt`` (the project's copy of the decision):

* Điều 5.1 — "UBND cấp tỉnh tổ chức đánh giá, phân hạng sản phẩm OCOP cấp tỉnh ít nhất 02
  đợt trong năm. Đợt 01 trước ngày 30 tháng 6 đối với các hồ sơ được UBND cấp xã đề nghị
  trước ngày 30 tháng 4; đợt 02 trước ngày 30 tháng 12 đối với các hồ sơ được UBND cấp xã
  đề nghị trước ngày 30 tháng 10." -> :func:`round_due` at ``province``.
* Điều 5.2 — "Đợt 01 trước ngày 30 tháng 9 đối với các hồ sơ được UBND cấp tỉnh đề nghị
  trước ngày 30 tháng 7; đợt 02 trước ngày 30 tháng 3 đối với các hồ sơ được UBND cấp tỉnh
  đề nghị trước ngày 30 tháng 01." -> :func:`round_due` at ``central``.
* Điều 7.2 — "Trong thời hạn 15 ngày làm việc kể từ ngày tiếp nhận hồ sơ sản phẩm, UBND cấp
  xã: a) Kiểm tra ... b) Ban hành Báo cáo đánh giá theo Mẫu số 03 ..., văn bản đề nghị UBND
  cấp tỉnh đánh giá" -> :func:`commune_due`.
* Điều 7.6.g — "Thời gian tổ chức đánh giá, phân hạng lại sản phẩm OCOP không quá 45 ngày kể
  từ ngày nhận đủ hồ sơ đề nghị của UBND cấp xã hoặc UBND cấp tỉnh." -> :func:`reevaluation_due`.
* Điều 12.2 — products filed before the decision took effect (22/05/2026, Điều 11.1) and not
  yet rated: "a) Đối với những sản phẩm đánh giá, phân hạng lần đầu hoặc nâng hạng: ... thời
  hạn hoàn thành đánh giá, phân hạng không quá 60 ngày, kể từ ngày Quyết định này có hiệu
  lực. b) Đối với những sản phẩm đăng ký đánh giá, phân hạng lại: ... không quá 30 ngày, kể
  từ ngày Quyết định này có hiệu lực." -> :func:`transitional`.

How the tool reads what could be read two ways:

* "trước ngày 30 tháng 6" is read literally, *before* that day: the last day allowed is 29
  June (likewise 29 April, 29 October, 29 December, 29 July, 29 September, 29 January,
  29 March). A dossier the commune proposed on 30 April itself belongs to đợt 02.
  A dossier proposed on or after 30 October (province) or 30 July (central) goes to the
  next year's first round, whose "before" date then applies. These are fixed dates of the
  calendar, not periods counted from an event: they are not moved off a day off.
* Periods counted in days ("45 ngày", "60 ngày", "30 ngày") are calendar days, the day of
  the event not counted (Bộ luật Dân sự 2015, Điều 147.2), the last day moved to the next
  working day when it is a day off (Điều 148.5). "15 ngày làm việc" counts working days
  (:mod:`ocop_rate.procedure.workdays`).
* Điều 7.2: the commune's report and its proposal letter are one act (điểm b); its date
  (the product list's ``proposed_on``) must fall within the 15 working days.
* Điều 7.6.g "Thời gian tổ chức đánh giá, phân hạng lại": the council's evaluation (the
  round's ``date``) must fall within the 45 days; the Chair's decision that follows is not
  counted in (the text bounds "đánh giá, phân hạng", not "công nhận").
* Điều 12.2 "thời hạn hoàn thành đánh giá, phân hạng": the round's date must fall within
  the 60 or 30 days; it applies to a product whose dossier the producer filed
  (``filed_on``) before 22/05/2026.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from ocop_rate.procedure.workdays import add_working_days, days_then_working_day

EFFECTIVE = date(2026, 5, 22)      # Điều 11.1: "có hiệu lực thi hành từ ngày 22 tháng 5 năm 2026"
COMMUNE_WORKING_DAYS = 15          # Điều 7.2
REEVALUATION_DAYS = 45             # Điều 7.6.g
TRANSITIONAL_FIRST_DAYS = 60       # Điều 12.2.a (first rating or upgrade)
TRANSITIONAL_AGAIN_DAYS = 30       # Điều 12.2.b (re-evaluation)

# Điều 5: (proposed before (month, day), evaluated before (month, day)) in calendar order; a
# proposal on or after the last cut-off goes to the next year's first round.
PROVINCE_ROUNDS = (((4, 30), (6, 30)), ((10, 30), (12, 30)))
CENTRAL_ROUNDS = (((1, 30), (3, 30)), ((7, 30), (9, 30)))

Rule = Literal["5.1", "5.2", "7.2", "7.6.g", "12.2.a", "12.2.b"]


def round_due(proposed: date, level: Literal["province", "central"]) -> date:
    """The last day the council may evaluate a dossier proposed on ``proposed`` (Điều 5.1
    for the provincial council, 5.2 for the central one): the day before the round's
    "trước ngày" date."""
    rounds = PROVINCE_ROUNDS if level == "province" else CENTRAL_ROUNDS
    for (pm, pd), (em, ed) in rounds:
        if proposed < date(proposed.year, pm, pd):
            return _day_before(date(proposed.year, em, ed))
    _, (em, ed) = rounds[0]
    return _day_before(date(proposed.year + 1, em, ed))


def _day_before(day: date) -> date:
    return date.fromordinal(day.toordinal() - 1)


def round_rule(level: Literal["province", "central"]) -> Rule:
    return "5.1" if level == "province" else "5.2"


def commune_due(received: date) -> date:
    """Điều 7.2: the commune's report and proposal within 15 working days of receipt."""
    return add_working_days(received, COMMUNE_WORKING_DAYS)


def reevaluation_due(complete: date) -> date:
    """Điều 7.6.g: a re-evaluation within 45 days of the complete dossier's receipt."""
    return days_then_working_day(complete, REEVALUATION_DAYS)


def transitional(filed: date, registration: str) -> tuple[Rule, date] | None:
    """Điều 12.2: for a dossier filed before 22/05/2026, the rule and the last day to
    complete its rating (60 days; 30 for a re-evaluation); None for later filings."""
    if filed >= EFFECTIVE:
        return None
    if registration == "re-evaluation":
        return "12.2.b", days_then_working_day(EFFECTIVE, TRANSITIONAL_AGAIN_DAYS)
    return "12.2.a", days_then_working_day(EFFECTIVE, TRANSITIONAL_FIRST_DAYS)
