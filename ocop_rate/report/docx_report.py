"""Word documents an office edits and signs (``rate -f docx``): the round's results list
and a draft of the council meeting's minutes, with the conventions of the printed sheets
(national motto, Times New Roman 13 pt on A4, Vietnamese dates, comma decimals).

python-docx is imported inside :func:`render`, so the CLI starts without it.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Rating
from ocop_rate.report.labels import number, star_label
from ocop_rate.report.printed import SECTIONS, section_of, vietnamese_date
from ocop_rate.report.rows import Row, rows

if TYPE_CHECKING:
    from docx.document import Document

    from ocop_rate.models.document import Document as View

def render(result: BatchResult, lang: Lang, day: dt.date | None = None,
           minutes: View | None = None) -> bytes:
    """The .docx bytes: the minutes' draft, then the results list on a page of its own.
    ``minutes`` is what the council read in the meeting (for a round: its header, who
    scored what, the results, the products to discuss again, the notes), drawn into the
    minutes before their closing line."""
    from docx import Document as new_document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc: Document = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style: Any = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    all_rows = rows(result, lang)
    date = vietnamese_date(day, lang) if day else text("printed.blank_date", lang)
    _minutes(doc, result, all_rows, lang, date, minutes)
    doc.add_page_break()  # type: ignore[no-untyped-call]
    _results(doc, result, all_rows, lang, date)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _centred(doc: Document, said: str, bold: bool = False, italic: bool = False,
             size: int | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(said)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)


def _motto(doc: Document, lang: Lang) -> None:
    _centred(doc, text("printed.motto_state", lang), bold=True)
    _centred(doc, text("printed.motto", lang), bold=True)
    _centred(doc, "―――――――――")


def _minutes(doc: Document, result: BatchResult, all_rows: list[Row], lang: Lang,
             date: str, read: View | None) -> None:
    _motto(doc, lang)
    _centred(doc, text("printed.minutes_title", lang), bold=True, size=14)
    _centred(doc, text("printed.minutes_draft", lang), italic=True)
    members = sorted({m.member for i in result.items if isinstance(i, Rating)
                      for m in i.members})
    doc.add_paragraph(text("printed.minutes_time", lang, date=date))
    doc.add_paragraph(text("printed.minutes_members", lang, count=str(len(members)),
                           names=", ".join(members) or "…"))
    doc.add_paragraph(text("printed.minutes_content", lang, count=str(len(all_rows))))
    for title in SECTIONS:
        chosen = [r for r in all_rows if section_of(r) == title]
        names = "; ".join(f"{r.product_id} {r.product_name} ({_figures(r, lang)})"
                          for r in chosen) or text("printed.none_listed", lang)
        doc.add_paragraph(f"{text(title, lang)}: {names}.")
    if read is not None:
        from ocop_rate.render.docx import draw_into

        draw_into(doc, read)
    doc.add_paragraph(text("printed.minutes_close", lang))
    _signatures(doc, lang)


def _figures(row: Row, lang: Lang) -> str:
    if row.total is None:
        return text(f"outcome.{row.outcome}", lang)
    return f"{number(row.total, lang)} {text('report.points_short', lang)}, " \
           f"{star_label(row.stars, lang)}"


def _signatures(doc: Document, lang: Lang) -> None:
    table = doc.add_table(rows=3, cols=2)
    for col, key in enumerate(("printed.secretary", "printed.chair")):
        table.cell(0, col).text = text(key, lang)
        table.cell(1, col).text = text("printed.sign", lang)
        table.cell(2, col).text = "\n\n\n"


def _results(doc: Document, result: BatchResult, all_rows: list[Row], lang: Lang,
             date: str) -> None:
    _motto(doc, lang)
    _centred(doc, text("printed.results_title", lang), bold=True, size=14)
    _centred(doc, text("printed.results_count", lang, count=str(len(all_rows))), italic=True)
    producers = {i.product_id: (i.producer.name if i.producer else "")
                 for i in result.items if isinstance(i, Rating)}
    heads = [text("printed.no", lang), text("report.product", lang),
             text("report.producer", lang), text("report.product_set", lang),
             text("printed.points", lang), text("report.class", lang),
             text("report.outcome", lang)]
    for title in SECTIONS:
        chosen = [r for r in all_rows if section_of(r) == title]
        doc.add_paragraph().add_run(text(title, lang)).bold = True
        if not chosen:
            doc.add_paragraph(text("printed.none_listed", lang))
            continue
        table = doc.add_table(rows=1, cols=len(heads))
        table.style = "Table Grid"
        for cell, head in zip(table.rows[0].cells, heads, strict=True):
            cell.text = head
        for index, r in enumerate(chosen, start=1):
            cells = table.add_row().cells
            values = [str(index), f"{r.product_id}\n{r.product_name}",
                      producers.get(r.product_id, ""), r.rubric_name or r.rubric,
                      "" if r.total is None else number(r.total, lang),
                      "" if r.total is None else star_label(r.stars, lang),
                      text(f"outcome.{r.outcome}", lang) + (" (*)" if r.unchecked else "")]
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    if any(r.unchecked for r in all_rows):
        doc.add_paragraph(text("printed.unchecked_note", lang)).runs[0].italic = True
    doc.add_paragraph(text("printed.place_date", lang, place="…", date=date))
    _signatures(doc, lang)
