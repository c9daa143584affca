"""Written-opinion rounds (lấy ý kiến bằng văn bản): do the members' opinions differ enough
that the council must meet?

Decision 26/2026/QĐ-TTg, Điều 7.6.d (re-evaluation at the provincial council): "Hội đồng cấp
tỉnh thực hiện đánh giá thông qua hình thức lấy ý kiến bằng văn bản; chỉ tổ chức họp trực
tiếp khi có nhiều ý kiến đánh giá khác nhau hoặc có nội dung phức tạp cần thảo luận; báo cáo
kết quả đánh giá, phân hạng, đề xuất Chủ tịch UBND cấp tỉnh công nhận đối với các sản phẩm
OCOP đáp ứng tiêu chí theo quy định." Điều 7.6.e says the same of the central council.

The decision does not say when opinions are "khác nhau"; how we read it (each switchable in
round.yaml, ``written:``) — the opinions on a product differ when:

* ``classes_differ``: the members' own sheets, each rated alone, give different classes;
* ``spread_over_limit``: the members' totals lie more than the round's ``spread_limit``
  apart (the same test as an average round's "widest gap");
* ``star_mark_split``: the average reaches a class (3-5 stars) whose star mark (***, ****,
  *****) on some criterion some members' options meet and others' do not;
* ``rejection_split``: some members' sheets reject the dossier (a rejection the options
  raise, e.g. 0 points on a sensory criterion) and others' rate it. A rejection on the
  dossier's facts is the same for every member and splits nothing.

"nội dung phức tạp cần thảo luận" (a complex matter) is the council's judgement, not a
number: a product can be sent to a meeting by a member's comment, which the report shows;
the tool does not read comments for it.

A product is decided once every scoring member has answered (``wait_for: all``, the
default) or once its quorum has (``wait_for: quorum``); until then it is ``waiting``. Once
the council has met on the products whose opinions differ (``meeting_on`` in round.yaml),
they are ``met``: their final sheets, re-scored at the meeting, are the result, and their
differences stay listed for the minutes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ocop_rate.engine.tables import requirement
from ocop_rate.models.days import parse_date
from ocop_rate.models.rating import Failure, Rating
from ocop_rate.models.round import (
    Answer,
    Difference,
    RoundConfig,
    RoundEntry,
    WrittenEntry,
    WrittenRound,
    WrittenState,
)
from ocop_rate.models.rubric import Rubric
from ocop_rate.round.sheets import SheetRow

REJECTED = "rejected"


@dataclass(frozen=True)
class OwnSheet:
    """A member's final sheet rated on its own: total, class, outcome."""

    total: float
    stars: int | None
    outcome: str


def judge(config: RoundConfig, final: Sequence[tuple[str, SheetRow]], quorum_met: bool,
          item: Rating | Failure, own: Mapping[str, OwnSheet], rubric: Rubric | None
          ) -> WrittenEntry:
    """One product of a written-opinion round: who answered (and whether late), who has
    not, and — once enough have answered — how their opinions differ."""
    rule = config.written
    answered = tuple(_answer(member, row, rule.answers_due) for member, row in final)
    done = {a.member for a in answered}
    missing = tuple(m.name for m in config.scoring if m.name not in done)
    enough = quorum_met if rule.wait_for == "quorum" else not missing
    if not enough or not isinstance(item, Rating):
        return WrittenEntry(state="waiting", answered=answered, missing=missing)
    differences = differ(config, item, own, rubric)
    state: WrittenState = "stands"
    if differences:
        state = "met" if rule.meeting_on is not None else "meeting"
    return WrittenEntry(state=state, answered=answered, missing=missing,
                        differences=differences)


def _answer(member: str, row: SheetRow, due: dt.date | None) -> Answer:
    day = parse_date(row.date) if row.date else None
    return Answer(member=member, on=row.date,
                  late=due is not None and day is not None and day > due)


def differ(config: RoundConfig, item: Rating, own: Mapping[str, OwnSheet],
           rubric: Rubric | None) -> tuple[Difference, ...]:
    """Every switched-on way the members' opinions on ``item`` differ."""
    rule = config.written
    out: list[Difference] = []
    sheets = {m.member: own[m.member] for m in item.members if m.member in own}
    rejected = {m for m, s in sheets.items() if s.outcome == REJECTED}
    if rule.rejection_split and rejected and len(rejected) < len(sheets):
        out.append(Difference(rule="rejection", members={
            m: REJECTED if m in rejected else _class(s) for m, s in sheets.items()}))
    rated = {m: s for m, s in sheets.items() if m not in rejected}
    if rule.classes_differ and len({s.stars for s in rated.values()}) > 1:
        out.append(Difference(rule="classes", members={m: _class(s) for m, s in
                                                       rated.items()}))
    if rule.spread_over_limit and len(item.members) > 1:
        totals = [m.total for m in item.members]
        spread = round(max(totals) - min(totals), 2)
        if spread > config.spread_limit:
            out.append(Difference(rule="spread", spread=spread, members={
                m.member: f"{m.total:.2f}" for m in item.members}))
    if rule.star_mark_split and rubric is not None:
        out += _mark_splits(item, rubric)
    return tuple(out)


def _class(sheet: OwnSheet) -> str:
    return "—" if sheet.stars is None else str(sheet.stars)


def _mark_splits(item: Rating, rubric: Rubric) -> list[Difference]:
    """Criteria whose star mark for the class the average reaches (band 3-5) some members
    meet and others miss."""
    band = item.band_stars
    if band < 3:
        return []
    crits = rubric.criteria_by_id
    out = []
    for score in item.criteria:
        crit = crits.get(score.id)
        need = requirement(crit, band) if crit is not None else None
        if need is None:
            continue
        counted = [c for c in score.choices if c.applies]
        meets = {c.member for c in counted if c.points >= need.points}
        if meets and len(meets) < len(counted):
            out.append(Difference(rule="star_mark", criterion=score.id, mark=band,
                                  members={c.member: c.option for c in counted},
                                  meets=tuple(c.member for c in counted if c.member in meets)))
    return out


def summarise(config: RoundConfig, entries: Sequence[RoundEntry], today: dt.date
              ) -> WrittenRound:
    """The round's outcome: a meeting is needed when any product's opinions differ; the
    round waits while any product waits; otherwise the results stand without a meeting."""
    rule = config.written
    def named(state: str) -> tuple[str, ...]:
        return tuple(e.product_id for e in entries
                     if e.written is not None and e.written.state == state)

    meeting, met = named("meeting"), named("met")
    waiting = tuple(e.product_id for e in entries
                    if e.written is None or e.written.state == "waiting")
    overdue: tuple[str, ...] = ()
    if rule.answers_due is not None and today > rule.answers_due:
        late = {m for e in entries if e.written is not None for m in e.written.missing}
        overdue = tuple(m.name for m in config.scoring if m.name in late)
    state: WrittenState = ("meeting" if meeting else "waiting" if waiting
                           else "met" if met else "stands")
    return WrittenRound(rule=rule, rules_on=rule.switched_on(), state=state, meeting=meeting,
                        met=met, waiting=waiting, overdue=overdue, as_of=today)
