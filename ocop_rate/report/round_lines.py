"""A rated round in words: the header, who scored what, and the notes under the results
(problems, re-scorings, the furthest-apart pair, consensus sheets, members' comments).

Plain text, shared by every view of a round (:mod:`ocop_rate.views.round`).
"""

from __future__ import annotations

from ocop_rate.messages import say_number, text
from ocop_rate.models.common import Lang
from ocop_rate.models.round import DeadlineCheck, Difference, RoundEntry, RoundReport
from ocop_rate.report.labels import number

STATUS_KEYS = ("scored", "rescored", "missing")


def header(report: RoundReport, lang: Lang) -> tuple[str, str]:
    """The title and the line under it."""
    scoring = sum(1 for m in report.roster if m.role != "secretary")
    line = text("round.view.line", lang, level=text(f"round.view.level.{report.level}", lang),
                province=report.province or "—",
                date=report.date or "—",  # said the language's way (messages.say_date)
                mode=text(f"round.view.mode.{report.mode}", lang),
                required=report.required, scoring=scoring)
    if report.level_source == "--level":
        line += " " + text("round.view.level_override", lang)
    return text("round.view.title", lang, name=report.name), line


def members(report: RoundReport) -> list[str]:
    return [m.name for m in report.roster if m.role != "secretary"]


def status(value: str, lang: Lang) -> str:
    return text(f"round.view.status.{value}", lang)


def matrix_rows(report: RoundReport, lang: Lang, only_incomplete: bool = False
                ) -> list[list[str]]:
    """One row per product: id, each member's status, scored/required."""
    out = []
    for entry in report.entries:
        if only_incomplete and all(v == "scored" for v in entry.completeness.values()):
            continue
        q = entry.quorum
        when = _answered_on(entry, lang)
        out.append([entry.product_id,
                    *[status(entry.completeness.get(m, "missing"), lang) + when.get(m, "")
                      for m in members(report)],
                    f"{q.scored}/{q.scoring} (≥{q.required})" + ("" if q.met else " ✗")])
    return out


def _answered_on(entry: RoundEntry, lang: Lang) -> dict[str, str]:
    """Written-opinion rounds: the date each member's answer carries (and whether it came
    after answers_due), shown beside the tick: who has answered, and by when."""
    if entry.written is None:
        return {}
    out = {}
    for answer in entry.written.answered:
        day = _day(answer.on)
        bits = [say_number(day, lang) if day else "",
                f"({text('written.late', lang)})" if answer.late else ""]
        out[answer.member] = "".join(" " + b for b in bits if b)
    return out


def written_lines(report: RoundReport, lang: Lang) -> list[str]:
    """A written-opinion round's rule and outcome (Điều 7.6.d): what counts as differing,
    when it is decided, whether a meeting is needed and why, product by product; who is
    past the deadline. Empty for other rounds."""
    written = report.written
    if written is None:
        return []
    rule = written.rule
    limit = _num(report.spread_limit, lang)
    rules = "; ".join(text(f"written.rule.{r}", lang, limit=limit) for r in written.rules_on)
    out = [text("written.title", lang),
           text("written.rule", lang, rules=rules or text("written.rule.none", lang),
                wait=text(f"written.wait.{rule.wait_for}", lang),
                due=rule.answers_due or text("written.no_due", lang))]
    if written.state == "stands":
        out.append(text("written.state.stands", lang))
    if written.meeting:
        out.append(text("written.state.meeting", lang, count=len(written.meeting),
                        products=", ".join(written.meeting)))
    if written.met:
        out.append(text("written.state.met", lang, count=len(written.met), on=rule.meeting_on,
                        products=", ".join(written.met)))
    for entry in report.entries:
        if entry.written is not None:
            out += [reason(entry.product_id, d, report.spread_limit, lang)
                    for d in entry.written.differences]
    if written.waiting:
        out.append(text("written.state.waiting", lang, count=len(written.waiting),
                        products=", ".join(written.waiting)))
    if written.overdue:
        out.append(text("written.overdue", lang, due=rule.answers_due, today=written.as_of,
                        members=", ".join(written.overdue)))
    return out


def deadline_lines(report: RoundReport, lang: Lang) -> list[str]:
    """The procedure's deadlines checked on the round's products: a count, then each one
    missed, with its clause. Empty when no product carries the dates to check."""
    checks = [d for e in report.entries for d in e.deadlines]
    if not checks:
        return []
    late = [d for d in checks if d.late]
    return [text("deadline.title", lang, checked=len(checks), late=len(late)),
            *(missed(d, lang) for d in late)]


def missed(check: DeadlineCheck, lang: Lang) -> str:
    moved = ("" if check.moved_from is None
             else text("deadline.moved", lang, day=check.moved_from))
    return text(f"deadline.late.{check.rule}", lang, pid=check.product_id,
                start=check.start or "—", due=check.due, on=check.on, moved=moved,
                days=(check.on - check.due).days)


def reason(pid: str, diff: Difference, limit: float, lang: Lang) -> str:
    """Why the opinions on ``pid`` differ, in words: who gave what."""
    def given(member: str, value: str) -> str:
        if diff.rule in ("classes", "rejection"):
            if value == "rejected":
                return text("written.rejected", lang)
            return text("written.stars", lang, stars=value)
        if diff.rule == "star_mark":
            return f"{value} {'✓' if member in diff.meets else '✗'}"
        return value

    members = ", ".join(f"{m} {given(m, v)}" for m, v in diff.members.items())
    return text(f"written.reason.{diff.rule}", lang, pid=pid, members=members,
                spread=_num(diff.spread, lang), limit=_num(limit, lang),
                criterion=diff.criterion or "", mark=diff.mark or "")


def notes(report: RoundReport, lang: Lang) -> list[str]:
    """What the council should read under the results, product by product."""
    out: list[str] = []
    for entry in report.entries:
        out += entry_notes(entry, report.spread_limit, lang)
    return out


def entry_notes(entry: RoundEntry, limit: float, lang: Lang) -> list[str]:
    out: list[str] = []
    pid = entry.product_id
    finals = {s.member: s for s in entry.sheets if s.final and not s.consensus}
    for old in (s for s in entry.sheets if not s.final):
        new = finals.get(old.member)
        out.append(text("round.view.history", lang, pid=pid, member=old.member,
                        old=old.pass_no, old_total=_num(old.total, lang),
                        new=new.pass_no if new else "?",
                        new_total=_num(new.total, lang) if new and new.total is not None else "…"))
    pair = entry.pair
    if pair is not None and pair.over_limit:
        crits = ", ".join(f"{c.id} ({c.high_option}/{c.low_option}, "
                          f"{'+' if c.points >= 0 else ''}{number(c.points, lang, 0)})"
                          for c in pair.criteria)
        out.append(text("round.view.pair", lang, pid=pid, high=pair.high, low=pair.low,
                        spread=_num(pair.spread, lang), limit=_num(limit, lang),
                        criteria=crits or "—"))
    agreed = next((s for s in entry.sheets if s.consensus), None)
    if agreed is not None and entry.individual:
        sheets = ", ".join(f"{m} {_num(t, lang)}" for m, t in entry.individual)
        out.append(text("round.view.individual", lang, pid=pid, total=_num(agreed.total, lang),
                        sheets=sheets))
    for sheet in entry.sheets:
        if sheet.final and sheet.comment:
            out.append(text("round.view.comment", lang, pid=pid, member=sheet.member,
                            date=_day(sheet.date) or text("round.view.nodate", lang),
                            comment=sheet.comment))
    return out


def _day(typed: str | None) -> object:
    """A sheet's scoring date as a date when it is one (said the language's way), else as
    the member typed it."""
    from ocop_rate.models.days import parse_date

    return (parse_date(typed) or typed) if typed else None


def summary(report: RoundReport, lang: Lang) -> str:
    rated = sum(1 for e in report.entries if e.rated)
    return text("round.view.summary", lang, rated=rated, products=len(report.entries),
                short=len(report.entries) - rated, problems=len(report.problems))


def _num(value: float | None, lang: Lang) -> str:
    return "—" if value is None else number(value, lang)
