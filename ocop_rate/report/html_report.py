"""One self-contained HTML file for the province: the batch summary with charts, the
results table, and a printable score sheet per product (one per page when printed).

Printed (A4), each product's sheet starts a page and fits on it, two pages at most when its
notes are long: rows are one line (the chosen option's wording is cut to what the line
holds), the notes are numbered under the table rather than in a column that would stay
mostly empty, and a note several members wrote is said once (tests/acceptance/test_print_pages.py).

No external assets: CSS inline, charts as inline SVG. Every text that comes from a file
(names, members, notes, evidence, paths) goes through :func:`html.escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from html import escape

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Rating
from ocop_rate.models.rubric import PART_ORDER, Rubric
from ocop_rate.models.summary import RATED_CLASS_KEYS, Summary
from ocop_rate.render.html import CSS
from ocop_rate.report.labels import (
    citation,
    class_label,
    dimension_value,
    notice_text,
    number,
    outcome_words,
    percent,
    producer_kind,
    signed,
    split_text,
    spread_text,
    star_glyphs,
    star_label,
    word,
)
from ocop_rate.report.outcome_words import (
    case_split_line,
    not_applicable_line,
    option_label,
    outcome_note,
    requirement_line,
)
from ocop_rate.report.rows import criterion_notes, rows, unchecked
from ocop_rate.report.shown import Detail, rated, shown_products

CLASS_COLOURS = {"5": "#b7791f", "4": "#d69e2e", "3": "#38a169", "not_recognised": "#c53030",
                 "could_not_rate": "#805ad5"}

def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _n(value: float | None, lang: Lang) -> str:
    return "" if value is None else number(value, lang)


def render(result: BatchResult, lang: Lang, summary: Summary,
           rubrics: Mapping[str, Rubric] | None = None,
           generated: dt.date | None = None, *, detail: Detail) -> str:
    """The whole report as one HTML document."""
    return "".join(render_chunks(result, lang, summary, rubrics, generated, detail=detail))


def render_chunks(result: BatchResult, lang: Lang, summary: Summary,
                  rubrics: Mapping[str, Rubric] | None = None,
                  generated: dt.date | None = None, *, detail: Detail) -> Iterator[str]:
    """:func:`render` piece by piece: the summary and results read off the columns, then
    each product's sheet, its rating built from its block (by ``detail``) when written and
    then dropped, so memory does not grow with the number of products."""
    day = (generated or dt.date.today()).strftime("%d/%m/%Y")
    title = word("report_title", lang)
    yield (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n")
    yield (f'<header class="top"><h1>{_e(title)}</h1><p>{_e(word("generated", lang))} {day} · '
           f'{summary.products} {_e(word("products", lang))}</p></header><main>')
    yield "\n" + _summary_section(summary, result, lang)
    yield "\n" + _results_section(result, lang)
    for r in _ratings(result, detail):
        yield "\n" + _sheet(r, lang, (rubrics or {}).get(r.rubric))
    yield "\n</main>\n</body>\n</html>\n"


def _ratings(result: BatchResult, detail: Detail) -> Iterator[Rating]:
    """Every rated product in full, one at a time (a block's built from its columns)."""
    yield from result.ratings
    for block in result.blocks:
        for p in range(len(block)):
            yield detail(block, p)


def _class_chart(summary: Summary, lang: Lang) -> str:
    """Horizontal bars of products per class, as inline SVG."""
    top = max((c.count for c in summary.classes), default=0) or 1
    row_h, label_w, bar_w = 30, 130, 230
    height = row_h * len(summary.classes) + 8
    width = label_w + bar_w + 80
    parts = [f'<h3 style="margin-top:0">{_e(word("stars_chart", lang))}</h3>'
             f'<svg role="img" aria-label="{_e(word("stars_chart", lang))}" '
             f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width * 1.4:.0f}px" '
             f'xmlns="http://www.w3.org/2000/svg" font-size="13">']
    for i, c in enumerate(summary.classes):
        y = i * row_h + 4
        bar = c.count / top * bar_w
        colour = CLASS_COLOURS.get(c.key, "#4a5568")
        parts.append(
            f'<text x="0" y="{y + 17}">{_e(class_label(c.key, lang))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="20" rx="3" '
            f'fill="#edf2f7"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="20" rx="3" '
            f'fill="{colour}"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 17}">{c.count} '
            f'({percent(c.share, lang)})</text>')
    parts.append("</svg>")
    return "".join(parts)


def _summary_section(summary: Summary, result: BatchResult, lang: Lang) -> str:
    recognised = sum(c.count for c in summary.classes if c.key.isdigit())
    flagged = sum(1 for r in rated(result, lang) if r.flagged)
    kpis = [(summary.products, word("products", lang)),
            (recognised, f"{word('recognised', lang)} OCOP"),
            (flagged, word("discuss", lang)),
            (summary.could_not_rate, word("could_not_rate", lang))]
    out = [f'<section id="summary"><h2>{_e(word("summary", lang))}</h2><div class="kpis">']
    out += [f'<div class="kpi"><b>{n}</b>{_e(label)}</div>' for n, label in kpis]
    out.append(f'</div><div class="grid"><div>{_class_chart(summary, lang)}</div><div>')
    out.append(_part_means(summary, result, lang))
    out.append("</div></div>")
    for b in summary.breakdowns:
        if not b.rows:
            continue
        head = "".join(f'<th class="num">{_e(class_label(k, lang))}</th>'
                       for k in RATED_CLASS_KEYS)
        out.append(f'<h3>{_e(word(b.dimension, lang))}</h3><table><tr>'
                   f'<th>{_e(word(b.dimension, lang))}</th>'
                   f'<th class="num">{_e(word("count", lang))}</th>'
                   f'<th class="num">{_e(word("share", lang))}</th>{head}'
                   f'<th class="num">{_e(word("mean_total", lang))}</th></tr>')
        for row in b.rows:
            cells = "".join(f'<td class="num">{row.by_class[k]}</td>' for k in RATED_CLASS_KEYS)
            out.append(f'<tr><td>{_e(dimension_value(b.dimension, row.value, lang))}</td>'
                       f'<td class="num">{row.count}</td>'
                       f'<td class="num">{percent(row.share, lang)}</td>{cells}'
                       f'<td class="num">{number(row.mean_total, lang)}</td></tr>')
        out.append("</table>")
    out.append("</section>")
    return "".join(out)


def _part_means(summary: Summary, result: BatchResult, lang: Lang) -> str:
    """Mean part scores as bars against each part's maximum."""
    maxima = {p.id: p.max_points for r in result.ratings for p in r.parts}
    maxima |= {p.id: p.max_points for b in result.blocks if len(b) for p in b.rubric.parts}
    overall = next((pm for pm in summary.part_means if pm.key == "all"), None)
    if overall is None:
        return ""
    out = [f'<h3 style="margin-top:0">{_e(word("mean_parts", lang))}</h3><table>']
    for part in PART_ORDER:
        mean, top = overall.parts[part], maxima.get(part, 0) or 1
        out.append(f'<tr><th>{part}</th><td class="num">{number(mean, lang)} / '
                   f'{number(top, lang, 0)}</td>'
                   f'<td style="width:55%"><div class="bar"><span style="width:'
                   f'{min(100.0, mean / top * 100):.1f}%"></span></div></td></tr>')
    out.append(f'<tr><th>{_e(word("total", lang))}</th><td class="num">'
               f'{number(overall.total, lang)}'
               f' / 100</td><td><div class="bar"><span style="width:{overall.total:.1f}%">'
               f'</span></div></td></tr></table>')
    rows = "".join(
        f'<tr><td>{_e(word("all", lang) if pm.key == "all" else class_label(pm.key, lang))}'
        f'</td><td class="num">{pm.count}</td>'
        + "".join(f'<td class="num">{number(pm.parts[p], lang)}</td>' for p in PART_ORDER)
        + f'<td class="num">{number(pm.total, lang)}</td></tr>' for pm in summary.part_means)
    heads = "".join(f'<th class="num">{p}</th>' for p in PART_ORDER)
    out.append(f'<table><tr><th>{_e(word("class", lang))}</th><th class="num">'
               f'{_e(word("count", lang))}</th>{heads}<th class="num">'
               f'{_e(word("total", lang))}</th></tr>{rows}</table>')
    return "".join(out)


def _results_section(result: BatchResult, lang: Lang) -> str:
    heads = "".join(f'<th class="num">{p}</th>' for p in PART_ORDER)
    out = [f'<section id="results"><h2>{_e(word("results", lang))}</h2><table><tr>'
           f'<th>{_e(word("product", lang))}</th><th>{_e(word("product_set", lang))}</th>'
           f'{heads}<th class="num">{_e(word("total", lang))}</th>'
           f'<th>{_e(word("stars", lang))}</th><th>{_e(text("rules.outcome", lang))}</th>'
           f'<th>{_e(word("council", lang))}</th></tr>']
    problems: list[str] = []
    for row, shown in zip(rows(result, lang), shown_products(result, lang), strict=True):
        if shown is None:
            out.append(f'<tr><td><b class="id">{_e(row.product_id)}</b></td>'
                       f'<td>{_e(row.rubric)}</td>'
                       f'<td colspan="{len(PART_ORDER) + 4}" class="no">'
                       f'{_e(word("could_not_rate", lang))}</td></tr>')
            problems += row.errors
            continue
        flag = (f'<span class="badge">{_e(word("discuss", lang))}</span>'
                if shown.flagged else "")
        parts = "".join(f'<td class="num">{_n(v, lang)}</td>' for v in shown.parts)
        out.append(
            f'<tr{" class=flag" if flag else ""}><td><a href="#p-{_e(shown.product_id)}">'
            f'<b class="id">{_e(shown.product_id)}</b></a><br>{_e(shown.name)}</td>'
            f'<td>{_e(shown.rubric_name)}</td>{parts}'
            f'<td class="num"><b>{number(shown.total, lang)}</b></td>'
            f'<td>{_stars(shown.stars, lang)}</td>'
            f'<td class="{"yes" if shown.recognised else "no"}">'
            f'{_e(outcome_words(row.outcome, row.unchecked, lang))}'
            f'{"<br><span class=muted>" + _e(row.note) + "</span>" if row.note else ""}</td>'
            f'<td>{flag}</td></tr>')
    out.append("</table>")
    if problems:
        out.append(f'<h3 class="no">{_e(word("error", lang))}</h3><ul class="tight">'
                   + "".join(f"<li>{_e(p)}</li>" for p in problems) + "</ul>")
    out.append("</section>")
    return "".join(out)


def _stars(stars: int | None, lang: Lang) -> str:
    if stars is None:  # a rejected dossier has no class
        return "—"
    return f'<span class="stars">{star_glyphs(stars)}</span> {_e(star_label(stars, lang))}'


def _outcome_line(rating: Rating, lang: Lang) -> str:
    authority = None if rating.authority is None else rating.authority.get(lang)
    note = outcome_note(rating.outcome, rating.stars, authority,
                        rating.province_may_recognise, rating.outcome_source, lang)
    level = text(f"level.{rating.level}", lang)
    said = outcome_words(rating.outcome, unchecked(rating.warnings), lang)
    return (f'<p><b>{_e(text("rules.outcome", lang))}: '
            f'{_e(said)}</b> · {_e(level)}'
            + (f"<br>{_e(note)}" if note else "") + "</p>")


def _requirements(rating: Rating, lang: Lang) -> str:
    if not rating.requirements:
        return ""
    items = "".join(f"<li>{_e(requirement_line(r, lang))}</li>" for r in rating.requirements)
    return f'<h3>{_e(text("rules.requirements", lang))}</h3><ul class="tight">{items}</ul>'
def _cited(source: str | None, lang: Lang) -> str:
    if not source:
        return ""
    return f" <span class=muted>({_e(citation(source, lang))})</span>"


def _producer(rating: Rating, lang: Lang) -> str:
    p = rating.producer
    if p is None:
        return ""
    bits = [p.name, producer_kind(p.kind, lang), p.commune, p.district, p.province]
    return f"{word('producer', lang)}: " + ", ".join(b for b in bits if b)


_NOTE_MARKUP = {"derived": '<span class="muted">{}</span>', "evidence": "{}",
                "note": "<i>{}</i>"}


def _sheet(rating: Rating, lang: Lang, rubric: Rubric | None) -> str:
    """A printable score sheet: criteria by part, each member's option and points."""
    members = rating.members
    split_ids = {s.criterion for s in rating.disagreement.splits} if rating.disagreement \
        else set()
    member_heads = "".join(f'<th class="c">{_e(m.member)}</th>' for m in members)
    out = [f'<section class="sheet" id="p-{_e(rating.product_id)}">'
           f'<h2>{_e(word("score_sheet", lang))}: {_e(rating.product_id)} — '
           f'{_e(rating.product_name.get(lang))}</h2>'
           f'<p>{_e(word("rubric", lang))}: {_e(rating.rubric_name.get(lang))} '
           f'<span class="muted">({_e(rating.rubric)})</span><br>{_e(_producer(rating, lang))}'
           f'</p><p><b>{_e(word("total", lang))}: {number(rating.total, lang)}</b> · '
           f'{_stars(rating.stars, lang)}</p>{_outcome_line(rating, lang)}'
           f'<table class="crits{" many" if len(members) > 3 else ""}">'
           f'<tr><th>{_e(word("criterion", lang))}</th>{member_heads}'
           f'<th class="c">{_e(word("council", lang))}</th>'
           f'<th class="num">{_e(word("points", lang))}</th>'
           f'<th class="num">{_e(word("max", lang))}</th>'
           f'<th class="c">{_e(word("self_assessment", lang))}</th></tr>']
    noted: list[str] = []  # the notes, numbered, under the table: a column would be empty
    parts = {p.id: p for p in rating.parts}
    current = None
    for crit in rating.criteria:
        if crit.part != current:
            current = crit.part
            part = parts[crit.part]
            per_member = "".join(f'<td class="c">{number(m.parts.get(part.id, 0), lang, 0)}</td>'
                                 for m in members)
            out.append(f'<tr class="part"><td>{_e(word("part", lang))} {part.id}: '
                       f'{_e(part.name.get(lang))}</td>{per_member}<td></td>'
                       f'<td class="num">{number(part.points, lang)}</td>'
                       f'<td class="num">{number(part.max_points, lang, 0)}</td>'
                       '<td></td></tr>')
        label = ""
        if rubric is not None and (c := rubric.criteria_by_id.get(crit.id)) is not None:
            opt = c.option(crit.option)
            if opt is not None:
                said = option_label(opt, lang)
                label = f'<span class="muted opt">{_e(crit.option)}) {_e(said)}</span>'
        if crit.not_applicable is not None:
            label += (f'<span class="muted opt">{_e(not_applicable_line(crit, lang))}'
                      "</span>")
        choices = "".join(
            f'<td class="c">{_e(ch.option)}{"*" if ch.chosen_by == "derived" else ""} '
            f'<span class="muted">{number(ch.points, lang, 0)}</span></td>' for ch in crit.choices)
        notes = [_NOTE_MARKUP[kind].format(_e(said))
                 for kind, said in criterion_notes(crit, lang)]
        mark = ""
        if notes:
            noted.append(f"<li><b>{_e(crit.id)}</b>: {'; '.join(notes)}</li>")
            mark = f'<sup class="n">{len(noted)}</sup>'
        flag = ' class="flag"' if crit.id in split_ids else ""
        out.append(f'<tr{flag}><td class="crit"><div><span class="name">{_e(crit.id)} '
                   f'{_e(crit.name.get(lang))}{mark}</span>{label}</div></td>{choices}'
                   f'<td class="c"><b>{_e(crit.option)}</b></td>'
                   f'<td class="num">{number(crit.points, lang, 0)}</td>'
                   f'<td class="num">{number(crit.max_points, lang, 0)}'
                   f'</td><td class="c">{_e(crit.self_assessed or "")}</td></tr>')
    totals = "".join(f'<td class="c"><b>{number(m.total, lang)}</b></td>' for m in members)
    own = rating.self_assessment
    out.append(f'<tr class="part"><td>{_e(word("total", lang))}</td>{totals}<td></td>'
               f'<td class="num">{number(rating.total, lang)}</td><td class="num">100</td>'
               f'<td class="c">{"" if own is None else number(own.total, lang)}</td></tr>'
               "</table>")
    if noted:
        out.append(f'<h3>{_e(word("evidence", lang))} · {_e(word("note", lang))}</h3>'
                   f'<ol class="notes">{"".join(noted)}</ol>')
    out.append(_requirements(rating, lang))
    out += _sheet_notes(rating, lang)
    out.append(f'<div class="signs"><div><b>{_e(word("secretary", lang))}</b><br>'
               f'<span class="muted">{_e(word("signature", lang))}</span></div>'
               f'<div><b>{_e(word("chair", lang))}</b><br>'
               f'<span class="muted">{_e(word("signature", lang))}</span></div></div>'
               "</section>")
    return "".join(out)


def _sheet_notes(rating: Rating, lang: Lang) -> list[str]:
    out: list[str] = []
    d = rating.disagreement
    if d is not None and d.flagged:
        reasons = [spread_text(d.spread, d.spread_limit, lang)] if d.over_limit else []
        reasons += [split_text(s.criterion, s.options, s.steps, lang) for s in d.splits]
        reasons += [case_split_line(c, lang) for c in d.case_splits]
        out.append(f'<p><span class="badge">{_e(word("discuss", lang))}</span></p>'
                   '<ul class="tight">' + "".join(f"<li>{_e(r)}</li>" for r in reasons)
                   + "</ul>")
    own = rating.self_assessment
    if own is not None:
        cells = "".join(f'<td class="num">{number(own.parts[p.id], lang)}</td><td class="num">'
                        f'{number(p.points, lang)}</td>'
                        f'<td class="num">{signed(own.difference[p.id], lang)}</td>'
                        for p in rating.parts)
        heads = "".join(f'<th class="num">{p.id}: {_e(word("self_assessment", lang))}</th>'
                        f'<th class="num">{p.id}: {_e(word("council", lang))}</th>'
                        f'<th class="num">{p.id}: ±</th>' for p in rating.parts)
        out.append(f'<h3>{_e(word("self_assessment", lang))} / {_e(word("council", lang))}'
                   f'</h3><table><tr>{heads}</tr><tr>{cells}</tr></table>')
    if rating.gates or rating.warnings:
        out.append(f'<h3>{_e(word("gates", lang))}</h3><ul class="tight">' + "".join(
            f'<li class="no">{_e(g.reason.get(lang))}{_cited(g.source, lang)}</li>'
            for g in rating.gates) + "".join(
            f"<li>{_e(notice_text(w, lang))}</li>" for w in rating.warnings) + "</ul>")
    else:
        out.append(f"<p><b>{_e(word('gates', lang))}:</b> {_e(word('none', lang))}</p>")
    ns = rating.next_star
    if ns is None:
        out.append(f"<p><b>{_e(word('top_class', lang))}</b></p>")
        return out
    out.append(f"<h3>{_e(word('next_star', lang))} {_e(star_label(ns.stars, lang))} "
               f"(≥ {number(ns.threshold, lang, 0)}): {_e(word('points_to_go', lang))} "
               f"{number(ns.points_needed, lang)} {_e(word('points_short', lang))}</h3>")
    required = f" ({_e(word('required_by_mark', lang))})"
    items = [f"<li>{_e(u.criterion)} {_e(u.name.get(lang))}: {_e(u.from_option)} → "
             f"{_e(u.to_option)} <b>+{number(u.points, lang)}</b>"
             f"{required if u.required_by_gate else ''}</li>" for u in ns.upgrades]
    if ns.blocked_by:
        items.append(f'<li class="no">{_e(word("unreachable", lang))}: '
                     f'{_e(word("blocked_by", lang))} {_e(", ".join(ns.blocked_by))}</li>')
    out.append('<ul class="tight next">' + "".join(items) + "</ul>")
    return out
