"""The rules of Decision 26/2026/QĐ-TTg that the register keeps, each with its line.

Quoted from ``docs/decision/qd26-2026/qd26-2026-fulltext.txt``:

* Điều 4.3 — "Giấy chứng nhận cho sản phẩm OCOP đạt từ 3 sao trở lên có giá trị trong thời
  hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành." -> :data:`VALIDITY_MONTHS`.
* Điều 4.1.a/b — UBND cấp tỉnh "quyết định công nhận, cấp giấy chứng nhận cho sản phẩm OCOP
  3 sao, 4 sao"; Bộ Nông nghiệp và Môi trường "... cho sản phẩm OCOP 5 sao"; 1-2 sao: "không
  ban hành quyết định công nhận và không cấp giấy chứng nhận".
* Điều 7.3.e — "Đối với các sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở lên), Chủ tịch
  UBND cấp tỉnh xem xét, quyết định phê duyệt kết quả đánh giá; ... đề nghị Bộ Nông nghiệp và
  Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao." -> the 5-star queue.
* Điều 7.4.g — "Trường hợp sản phẩm không đạt 90 điểm, Chủ tịch UBND cấp tỉnh có thể căn cứ
  vào kết quả đánh giá của Hội đồng cấp trung ương để xem xét, quyết định công nhận và cấp
  giấy chứng nhận cho sản phẩm OCOP đạt 3 sao, 4 sao" -> a returned proposal.
* Điều 7.6.a — "Thời gian nộp hồ sơ không sớm hơn 180 ngày và không muộn hơn 120 ngày tính
  đến ngày hết thời hạn của giấy chứng nhận." -> :data:`WINDOW_OPENS_DAYS`,
  :data:`WINDOW_CLOSES_DAYS` (both edges inside the window). The window's last day is the
  last day of a period: when it is a day off (a weekend, 2 September, Tết) the producer may
  still file on the next working day (Bộ luật Dân sự 2015, Điều 148.5; see
  :mod:`ocop_rate.procedure.workdays`). The opening day is not moved: it bounds how early
  one may file, it ends no period.
* Điều 7.6.g — "Thời gian tổ chức đánh giá, phân hạng lại sản phẩm OCOP không quá 45 ngày
  kể từ ngày nhận đủ hồ sơ" -> :data:`DECIDE_DAYS`.
* Điều 8.1 a, b, c, d, đ, e — the grounds of revocation (:data:`GROUNDS`; the decision
  letters them in the Vietnamese alphabet, so there are six: ``đ`` sits between ``d`` and
  ``e``; ``dd`` is accepted for it on a keyboard without Vietnamese).
* Điều 8.2 — "a) Chủ tịch UBND cấp tỉnh quyết định thu hồi giấy chứng nhận đối với sản phẩm
  OCOP được công nhận 3 sao, 4 sao. b) Bộ trưởng Bộ Nông nghiệp và Môi trường quyết định thu
  hồi giấy chứng nhận đối với sản phẩm OCOP được công nhận 5 sao." -> :func:`authority_for`.
* Điều 8.4 — "Thời gian thu hồi giấy chứng nhận là 15 ngày kể từ ngày có kết luận của cơ
  quan có thẩm quyền" -> :data:`REVOKE_DAYS` (calendar days, the conclusion's day not
  counted, a last day off moved to the next working day: :func:`revoke_by`).
* Điều 11.1 — "Quyết định này có hiệu lực thi hành từ ngày 22 tháng 5 năm 2026."
* Điều 12.1 — products rated 3 to 5 stars before that day "tiếp tục có giá trị đến hết thời
  hạn theo quyết định công nhận": an imported certificate issued before
  :data:`EFFECTIVE` keeps the expiry its decision wrote (``term_source = 'decision'``).
* Điều 12.3 — a re-evaluation filed outside the Điều 7.6.a window: "giấy chứng nhận tiếp
  tục có hiệu lực đến ngày có kết quả xử lý của cơ quan có thẩm quyền, nhưng không quá 180
  ngày tính từ ngày hết thời hạn" -> :data:`LATE_EXTENSION_DAYS`. We read "không đáp ứng được
  thời hạn" as filed after the window closed (a filing before it opens is early, not late,
  and gets no extension); a timely filer's certificate is not extended (the text does not).
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

from ocop_rate.procedure.deadlines import EFFECTIVE as EFFECTIVE
from ocop_rate.procedure.workdays import days_then_working_day, next_working_day
from ocop_rate.register.dates import add_months, days_after, days_before

VALIDITY_MONTHS = 36            # Điều 4.3
WINDOW_OPENS_DAYS = 180         # Điều 7.6.a: not earlier than 180 days before expiry
WINDOW_CLOSES_DAYS = 120        # Điều 7.6.a: not later than 120 days before expiry
DECIDE_DAYS = 45                # Điều 7.6.g
LATE_EXTENSION_DAYS = 180       # Điều 12.3
REVOKE_DAYS = 15                # Điều 8.4
FIVE_STAR_POINTS = 90           # Điều 3.3.a, Điều 7.3.e

Authority = Literal["province-chair", "minister"]
AUTHORITIES: tuple[Authority, ...] = ("province-chair", "minister")
Kind = Literal["first", "upgrade", "re-evaluation"]
KINDS: tuple[Kind, ...] = ("first", "upgrade", "re-evaluation")
OUTCOMES = ("recognised", "proposed-5-star", "not-recognised", "rejected", "not-rated")
GROUNDS = ("a", "b", "c", "d", "đ", "e")   # Điều 8.1
STATUSES = ("valid", "extended", "expired", "revoked", "superseded")


def expiry(issued: date) -> date:
    """The last day of a certificate issued on ``issued`` (Điều 4.3: 36 months)."""
    return add_months(issued, VALIDITY_MONTHS)


class Window(NamedTuple):
    """The re-evaluation filing window of one certificate, both edges included (a tuple:
    a register's thousands of certificates each have one, and a tuple class loads fast)."""

    opens: date
    closes: date
    expires: date

    def where(self, day: date) -> Literal["early", "inside", "late"]:
        if day < self.opens:
            return "early"
        return "inside" if day <= self.closes else "late"


def window(expires: date) -> Window:
    """Điều 7.6.a: filed no earlier than 180 and no later than 120 days before expiry; a
    last day that is a day off moves to the next working day (Điều 148.5 BLDS 2015)."""
    return Window(days_before(expires, WINDOW_OPENS_DAYS),
                  next_working_day(days_before(expires, WINDOW_CLOSES_DAYS)), expires)


def revoke_by(concluded: date) -> date:
    """Điều 8.4: the last day to revoke, 15 days after the conclusion (Điều 147.2, 148.5
    BLDS 2015)."""
    return days_then_working_day(concluded, REVOKE_DAYS)


def late_limit(expires: date) -> date:
    """Điều 12.3: a late filer's certificate runs on at most 180 days past expiry."""
    return days_after(expires, LATE_EXTENSION_DAYS)


def authority_for(stars: int) -> Authority:
    """Who recognises and revokes this class (Điều 4.1, Điều 8.2)."""
    return "minister" if stars == 5 else "province-chair"


def ground(text: str) -> str | None:
    """A ground letter of Điều 8.1 (``dd`` read as ``đ``), or None."""
    letter = text.strip().casefold()
    letter = "đ" if letter == "dd" else letter
    return letter if letter in GROUNDS else None


def derive_outcome(stars: int | None, recognised: bool | None, rejected: bool,
                   authority: Authority) -> str:
    """The outcome of a result that has no ``outcome`` field (older ocop-rate output).

    Not rated -> ``not-rated`` (``rejected`` when a rejecting gate applied); 5 stars before a
    provincial authority -> ``proposed-5-star`` (Điều 4.1.b: only the Ministry recognises
    5 stars; Điều 7.3.e: 90 or more goes to the Ministry); otherwise the ``recognised``
    flag; 1-2 stars are never recognised (Điều 4.1.a)."""
    if stars is None:
        return "rejected" if rejected else "not-rated"
    if stars == 5 and authority == "province-chair":
        return "proposed-5-star"
    if stars >= 3 and recognised:
        return "recognised"
    return "not-recognised"
