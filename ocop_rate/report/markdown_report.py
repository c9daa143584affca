"""Markdown results: a table a secretary can paste into minutes or a wiki."""

from __future__ import annotations

from ocop_rate.loading.text_safety import printable
from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.report.labels import outcome_words, star_glyphs, star_label, word
from ocop_rate.report.rows import fmt, rows, summary_line


def cell(text: str) -> str:
    """Escape what would break a Markdown table cell or inject markup."""
    out = text.replace("\\", "\\\\").replace("|", "\\|")
    out = out.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")  # one table row
    out = printable(out)  # a file name may hold ESC: shown as \x1b, never acting
    for ch in "<>*_`[]&#!~":
        out = out.replace(ch, "\\" + ch)
    return out


def render(result: BatchResult, lang: Lang) -> str:
    head = [word("product", lang), word("product_set", lang), *PART_ORDER,
            word("total", lang), word("stars", lang), text("rules.outcome", lang),
            text("rules.authority_short", lang)]
    lines = ["| " + " | ".join(head) + " |",
             "| --- | --- | " + " | ".join("---:" for _ in PART_ORDER)
             + " | ---: | --- | --- | --- |"]
    problems: list[str] = []
    reasons: list[str] = []
    for row in rows(result, lang):
        reasons += [f"- **{cell(row.product_id)}**: {cell(g)}" for g in row.gates]
        if row.errors:
            stars = word("could_not_rate", lang)
            problems += [f"- **{cell(row.product_id)}**: {cell(e)}" for e in row.errors]
        elif row.stars is None:
            stars = "—"
        else:
            stars = f"{star_glyphs(row.stars)} {star_label(row.stars, lang)}"
        outcome = "" if row.errors else outcome_words(row.outcome, row.unchecked, lang)
        name = f"{row.product_id} {row.product_name}".strip()
        lines.append("| " + " | ".join([
            cell(name), cell(row.rubric_name or row.rubric),
            *[fmt(row.parts[p], lang) for p in PART_ORDER], fmt(row.total, lang), stars,
            cell(outcome),
            cell(row.note or ""),
        ]) + " |")
    out = "\n".join(lines) + "\n\n" + f"**{word('summary', lang)}:** {summary_line(result, lang)}\n"
    if reasons:
        out += f"\n**{word('reasons', lang)}:**\n\n" + "\n".join(reasons) + "\n"
    if problems:
        out += f"\n**{word('error', lang)}:**\n\n" + "\n".join(problems) + "\n"
    return out
