"""A rated round in words: the header, who scored what, and the notes under the results
(problems, re-scorings, the furthest-apart pair, consensus sheets, members' comments).

Plain text, shared by the terminal and Markdown views; rich lives in :mod:`round_view`.
"""

from __future__ import annotations

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.round import RoundEntry, RoundReport
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
        out.append([entry.product_id,
                    *[status(entry.completeness.get(m, "missing"), lang)
                      for m in members(report)],
                    f"{q.scored}/{q.scoring} (≥{q.required})" + ("" if q.met else " ✗")])
    return out


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
