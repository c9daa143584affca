"""Documents to print and sign, in the official layout (HTML for the browser's print):
each member's score sheet as Appendix II of Decision 26/2026/QĐ-TTg prints it (national motto,
product set, product code, tick boxes with the chosen one marked, the evaluator's comment,
"…, ngày … tháng … năm …", signature and full name), the council's summary sheet for each
product, and the round's results list with its proposals.

A4, Times New Roman 13 pt, Vietnamese dates and comma decimals in Vietnamese documents; each
sheet starts a page. To fit a member's sheet on at most two pages, a criterion takes one row:
its boxes (code and points, the chosen one ticked) and, below, the chosen option's words.
Every text from a file is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from html import escape

from ocop_rate.messages import long_date, text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Failure, Rating
from ocop_rate.models.rubric import PART_ORDER, Rubric
from ocop_rate.report.labels import group_name, number, outcome_words, star_label
from ocop_rate.report.rows import Row, rows

CSS = """
@page { size: A4; margin: 14mm 14mm 14mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt;
       line-height: 1.15; color: #000; margin: 0; }
.doc { page-break-after: always; break-after: page; }
.doc:last-child { page-break-after: auto; break-after: auto; }
.motto { display: flex; justify-content: space-between; text-align: center; }
.motto div { width: 48%; } .motto b { display: block; }
.motto .line { display: block; width: 40%; margin: 2pt auto 0; border-top: 0.75pt solid #000; }
h1 { font-size: 14pt; text-align: center; margin: 6pt 0 2pt; }
p { margin: 1pt 0; }
.center { text-align: center; }
table { border-collapse: collapse; width: 100%; margin-top: 4pt; }
th, td { border: 0.75pt solid #000; padding: 0 3pt; vertical-align: top; }
tr { page-break-inside: avoid; break-inside: avoid; }
th { font-weight: bold; text-align: center; }
td.n, th.n { text-align: right; white-space: nowrap; width: 1%; }
table.sheet td.n, table.sheet th.n { width: auto; white-space: normal; }
tr.part td { font-weight: bold; }
table.sheet { table-layout: fixed; }
.box { white-space: nowrap; margin-right: 4pt; }
.sign { display: flex; justify-content: space-between; margin-top: 10pt;
        page-break-inside: avoid; break-inside: avoid; }
.sign div { width: 48%; text-align: center; }
.sign .name { margin-top: 40pt; font-weight: bold; }
.dots { border-bottom: 0.75pt dotted #000; min-height: 16pt; }
.id { white-space: nowrap; }  /* a product code is never broken at its hyphen */
"""


SECTIONS = ("printed.section_recognise", "printed.section_forward", "printed.section_other")


def section_of(row: Row) -> str:
    """The results list's section of a product: 3–4 stars to recognise, 5 stars (90 or
    more) to forward or recognised at 5, the others."""
    if row.outcome == "proposed-5-star" or (row.outcome == "recognised" and row.stars == 5):
        return "printed.section_forward"
    if row.outcome == "recognised":
        return "printed.section_recognise"
    return "printed.section_other"


def vietnamese_date(day: dt.date, lang: Lang) -> str:
    """``ngày 05 tháng 02 năm 2026``: :func:`ocop_rate.messages.long_date`, the one
    date-writing function (a leading zero for days below 10 and months 1–2 only)."""
    return long_date(day, lang)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _t(message_id: str, lang: Lang, **params: object) -> str:
    return _e(text(message_id, lang, params))


def _code_line(code: str, lang: Lang) -> str:
    """"Mã số sản phẩm: QN-BL-0120", the code kept whole on its line (``.id``), so that a
    narrow column never breaks it at a hyphen."""
    mark = "\x00"  # never in a catalogue's text, and left alone by escaping
    return _t("printed.product_code", lang, code=mark).replace(
        mark, f'<span class="id">{_e(code)}</span>')


def _motto(lang: Lang) -> str:
    return (f'<div class="motto"><div><b>{_t("printed.council", lang)}</b>'
            f'<span class="line"></span></div><div><b>{_t("printed.motto_state", lang)}</b>'
            f'<b>{_t("printed.motto", lang)}</b><span class="line"></span></div></div>')


def _place(rating: Rating) -> str:
    p = rating.producer
    return (p.province if p is not None and p.province else "…")


def _signature(left: str | None, right: str, lang: Lang, place_date: str,
               right_name: str = "", left_name: str = "") -> str:
    first = (f"<div><b>{_e(left)}</b><br><i>{_t('printed.sign', lang)}</i>"
             f'<div class="name">{_e(left_name)}</div></div>' if left else "<div></div>")
    return (f'<div class="sign">{first}<div><i>{_e(place_date)}</i><br><b>{_e(right)}</b>'
            f'<br><i>{_t("printed.sign", lang)}</i><div class="name">{_e(right_name)}</div>'
            "</div></div>")


def member_sheet(rating: Rating, member: str, rubric: Rubric, lang: Lang,
                 day: dt.date | None) -> str:
    """One member's sheet for one product, as Appendix II prints it."""
    chosen = {c.id: next((ch for ch in c.choices if ch.member == member), None)
              for c in rating.criteria}
    total = next(m.total for m in rating.members if m.member == member)
    p = rating.producer
    address = ", ".join(x for x in ((p.commune, p.district, p.province) if p else ()) if x)
    out = [f'<section class="doc">{_motto(lang)}<h1>{_t("printed.sheet_title", lang)}</h1>',
           f'<p class="center"><b>{_product_set(rating, lang)}</b><br>'
           f'{_t("printed.group", lang, group=group_name(rating.product_group, lang))}</p>',
           f'<p>{_t("printed.product_name", lang, name=rating.product_name.get(lang))}; '
           f'{_code_line(rating.product_id, lang)}</p>',
           f'<p>{_t("printed.producer", lang, name=p.name if p else "…")}; '
           f'{_t("printed.address", lang, address=address or "…")}</p>',
           f'<p>{_t("printed.member", lang, member=member)}</p>',
           # the two number columns hold "23,00" in 13 pt bold without spilling over the
           # table's edge (at 8 % each they did, past the page's margin)
           '<table class="sheet"><colgroup><col style="width:47%"><col style="width:33%">'
           '<col style="width:10%"><col style="width:10%"></colgroup>'
           f'<tr><th>{_t("printed.criteria", lang)}</th>'
           f'<th>{_e(text("report.options", lang))}</th>'
           f'<th class="n">{_t("printed.scale", lang)}</th>'
           f'<th class="n">{_t("printed.score", lang)}</th></tr>']
    member_parts = next(m.parts for m in rating.members if m.member == member)
    for part in rubric.parts:
        head = _t("printed.part", lang, part=part.id, name=part.name.get(lang),
                  max=part.max_points)
        out.append(f'<tr class="part"><td colspan="2">{head}</td>'
                   f'<td class="n">{_e(number(part.max_points, lang, 0))}</td>'
                   f'<td class="n">{_e(number(member_parts.get(part.id, 0.0), lang))}</td></tr>')
        for crit in (c for c in rubric.criteria if c.part == part.id):
            pick = chosen.get(crit.id)
            boxes = " ".join(
                f'<span class="box">{"☒" if pick and pick.option == o.code else "☐"} '
                f'{_e(o.code)} {_e(number(o.points, lang, 0))}'
                f'{"*" * o.min_star if o.min_star else ""}</span>' for o in crit.options)
            out.append(f"<tr><td>{_e(crit.id)} {_e(crit.name.get(lang))}</td>"
                       f'<td class="boxes">{boxes}</td>'
                       f'<td class="n">{_e(number(crit.max_points, lang, 0))}</td>'
                       f'<td class="n">{_e(number(pick.points, lang, 0)) if pick else ""}'
                       "</td></tr>")
    out.append(f'<tr class="part"><td colspan="2">{_t("printed.grand_total", lang)}</td>'
               f'<td class="n">{_e(number(rubric.max_points, lang, 0))}</td>'
               f'<td class="n">{_e(number(total, lang))}</td></tr></table>')
    notes = [f"{_e(c.id)}: {_e(ch.note)}" for c in rating.criteria for ch in c.choices
             if ch.member == member and ch.note]
    out.append(f'<p><i>{_t("printed.marks_note", lang)}</i></p>'
               f'<p>{_t("printed.comment", lang)}</p>'
               + ("".join(f"<p>{n}</p>" for n in notes) or '<div class="dots"></div>'
                  '<div class="dots"></div>'))
    out.append(_signature(None, text("printed.evaluator", lang), lang,
                          _place_date(rating, day, lang), right_name=member))
    out.append("</section>")
    return "".join(out)


def _product_set(rating: Rating, lang: Lang) -> str:
    return _t("printed.product_set", lang, name=rating.rubric_name.get(lang))


def _place_date(rating: Rating, day: dt.date | None, lang: Lang) -> str:
    date = vietnamese_date(day, lang) if day else text("printed.blank_date", lang)
    return text("printed.place_date", lang, place=_place(rating), date=date)


def summary_sheet(rating: Rating, row: Row, lang: Lang, day: dt.date | None) -> str:
    """The council's summary sheet for one product: every member's parts and total with a
    signature cell, the average, the class and the outcome."""
    heads = "".join(f'<th class="n">{_e(p)}</th>' for p in PART_ORDER)
    out = [f'<section class="doc">{_motto(lang)}<h1>{_t("printed.summary_title", lang)}</h1>',
           f'<p class="center"><b>{_product_set(rating, lang)}</b></p>',
           f'<p>{_t("printed.product_name", lang, name=rating.product_name.get(lang))}</p>',
           f'<p>{_code_line(rating.product_id, lang)}</p>',
           f'<table><tr><th class="n">{_t("printed.no", lang)}</th>'
           f'<th>{_e(text("report.member", lang))}</th>{heads}'
           f'<th class="n">{_e(text("report.total", lang))}</th>'
           f'<th style="width:22%">{_t("printed.signature", lang)}</th></tr>']
    for index, m in enumerate(rating.members, start=1):
        parts = "".join(f'<td class="n">{_e(number(m.parts.get(p, 0.0), lang))}</td>'
                        for p in PART_ORDER)
        out.append(f'<tr><td class="n">{index}</td><td>{_e(m.member)}</td>{parts}'
                   f'<td class="n">{_e(number(m.total, lang))}</td><td></td></tr>')
    means = "".join(f'<td class="n">{_e(number(rating.part_points(p) or 0.0, lang))}</td>'
                    for p in PART_ORDER)
    out.append(f'<tr class="part"><td></td><td>{_t("printed.average", lang)}</td>{means}'
               f'<td class="n">{_e(number(rating.total, lang))}</td><td></td></tr></table>')
    verdict = _t("printed.class_outcome", lang, stars=star_label(rating.stars, lang),
                 outcome=outcome_words(row.outcome, row.unchecked, lang))
    out.append(f"<p><b>{verdict}</b></p>")
    out += [f"<p>• {_e(g.reason.get(lang))}</p>" for g in rating.gates]
    out.append(_signature(text("printed.secretary", lang), text("printed.chair", lang), lang,
                          _place_date(rating, day, lang)))
    out.append("</section>")
    return "".join(out)


def results_list(result: BatchResult, lang: Lang, day: dt.date | None) -> str:
    """The round's results list: proposals to recognise (3–4 stars), products forwarded to
    the central council (5 stars), then the others, each a numbered table."""
    all_rows = rows(result, lang)
    producers = {i.product_id: (i.producer.name if i.producer else "")
                 for i in result.items if isinstance(i, Rating)}
    out = [f'<section class="doc">{_motto(lang)}<h1>{_t("printed.results_title", lang)}</h1>',
           f'<p class="center"><i>{_t("printed.results_count", lang, count=len(all_rows))}</i>'
           "</p>"]
    for title in SECTIONS:
        chosen = [r for r in all_rows if section_of(r) == title]
        out.append(f"<p><b>{_t(title, lang)}</b></p>")
        if not chosen:
            out.append(f"<p><i>{_t('printed.none_listed', lang)}</i></p>")
            continue
        out.append(f'<table><tr><th class="n">{_t("printed.no", lang)}</th>'
                   f'<th>{_e(text("report.product", lang))}</th>'
                   f'<th>{_e(text("report.producer", lang))}</th>'
                   f'<th>{_e(text("report.product_set", lang))}</th>'
                   f'<th class="n">{_t("printed.points", lang)}</th>'
                   f'<th class="n">{_e(text("report.class", lang))}</th>'
                   f'<th>{_e(text("report.outcome", lang))}</th></tr>')
        for index, r in enumerate(chosen, start=1):
            mark = " (*)" if r.unchecked else ""
            total = "" if r.total is None else number(r.total, lang)
            stars = "" if r.total is None else star_label(r.stars, lang)
            out.append(f'<tr><td class="n">{index}</td><td><span class="id">{_e(r.product_id)}'
                       '</span><br>'
                       f'{_e(r.product_name)}</td><td>{_e(producers.get(r.product_id, ""))}'
                       f'</td><td>{_e(r.rubric_name or r.rubric)}</td>'
                       f'<td class="n">{_e(total)}</td><td class="n">{_e(stars)}</td>'
                       f'<td>{_e(text("outcome." + r.outcome, lang))}{mark}</td></tr>')
        out.append("</table>")
    if any(r.unchecked for r in all_rows):
        out.append(f"<p><i>{_t('printed.unchecked_note', lang)}</i></p>")
    date = vietnamese_date(day, lang) if day else text("printed.blank_date", lang)
    out.append(_signature(text("printed.secretary", lang), text("printed.chair", lang), lang,
                          text("printed.place_date", lang, place="…", date=date)))
    out.append("</section>")
    return "".join(out)


def render(result: BatchResult, lang: Lang, rubrics: Mapping[str, Rubric],
           day: dt.date | None = None, sheets: bool = True, listing: bool = True) -> str:
    """One HTML document to print: per product, each member's sheet then the council's
    summary sheet (``sheets``); then the results list (``listing``)."""
    body: list[str] = []
    if sheets:
        row_of = {r.product_id: r for r in rows(result, lang)}
        for item in _ratings(result):
            rubric = rubrics.get(item.rubric)
            if rubric is None:
                continue
            body += [member_sheet(item, m.member, rubric, lang, day) for m in item.members]
            body.append(summary_sheet(item, row_of[item.product_id], lang, day))
    if listing:
        body.append(results_list(result, lang, day))
    return document(body, lang)


def document(sections: list[str], lang: Lang) -> str:
    """The HTML page around printed sections (each a ``<section class="doc">``)."""
    title = _t("printed.results_title", lang)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{CSS}</style></head><body>"
            + "".join(sections) + "</body></html>\n")


def _ratings(result: BatchResult) -> Iterable[Rating]:
    return (i for i in result.items if not isinstance(i, Failure))
