"""The layout of a Vietnamese administrative document in Word (python-docx), as Nghị định
30/2020/NĐ-CP, Phụ lục I lays it out: the issuing body and the number top left, the national
title and motto top right with the place and date below them, the document's kind and summary
centred, the body, then "Nơi nhận" bottom left and the signature block bottom right.

Sizes (Phụ lục I, Phần I): A4; margins top and bottom 20 mm, left 30 mm, right 15 mm (the
decree allows 20–25, 30–35 and 15–20); Times New Roman; the national title 12 pt bold upper
case, the motto 13 pt bold, the issuing body 12 pt upper case (its own name bold), the kind
14 pt bold upper case, the summary 14 pt bold, the body 13 pt, "Nơi nhận:" 12 pt bold
italic and its lines 11 pt, the signer's authority and title 13 pt bold upper case, the
name 13 pt bold. The decree's short rules under the headers are drawn as short lines of
text, which every word processor shows alike.

python-docx is imported inside each function, so importing this module costs nothing. Every
text is passed through :func:`ocop_rate.render.safety.cell_text`: a control character a
file may carry cannot break the document's XML.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ocop_rate.messages import Lang, text
from ocop_rate.render.safety import cell_text

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell

FONT = "Times New Roman"
BODY_PT = 13
RULE = "――――――――"   # the short line under the headers


@dataclass(frozen=True)
class Header:
    """What the top of a document says: the superior body's lines (upper case, regular;
    none for a People's Committee) and the issuing body's own (upper case, bold)."""

    superior: tuple[str, ...]
    body: tuple[str, ...]
    number: str                       # "Số: …/QĐ-UBND"
    place_date: str                   # "Quảng Ninh, ngày … tháng … năm …"
    subject: str | None = None        # a letter's "V/v …" under its number


def new_document() -> Document:
    """An empty A4 document in Times New Roman with the decree's margins."""
    from docx import Document as make
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc: Document = make()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style: Any = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    style.paragraph_format.space_after = Pt(3)
    return doc


def _run(paragraph: Any, said: str, *, bold: bool = False, italic: bool = False,
         size: float | None = None, upper: bool = False) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(cell_text(said.upper() if upper else said))
    run.bold, run.italic = bold, italic
    if size is not None:
        run.font.size = Pt(size)
    return run


def _line(where: Any, said: str, *, bold: bool = False, italic: bool = False,
          size: float | None = None, upper: bool = False, align: str = "center",
          first: bool = False) -> Any:
    """A paragraph in a document or a cell (``first``: the cell's own first paragraph)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = where.paragraphs[0] if first else where.add_paragraph()
    paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER,
                           "left": WD_ALIGN_PARAGRAPH.LEFT,
                           "right": WD_ALIGN_PARAGRAPH.RIGHT,
                           "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, said, bold=bold, italic=italic, size=size, upper=upper)
    return paragraph


def _cells(table: Table, tr: Any) -> list[_Cell]:
    """A row's cells straight from its XML: python-docx's ``row.cells`` lays out the whole
    table each time it is asked, which makes a long table quadratic."""
    from docx.table import _Cell

    return [_Cell(tc, table) for tc in tr.tc_lst]


def _widths(table: Table, shares: Sequence[float]) -> None:
    from docx.shared import Mm

    table.autofit = False
    widths = [Mm(165 * share) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width   # the grid: LibreOffice lays columns out by it
    for tr in table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths, strict=True):
            tc.width = width   # each cell: Word lays columns out by these


def header(doc: Document, head: Header, lang: Lang) -> None:
    """The two header columns of the decree's forms, as a table without borders."""
    table = doc.add_table(rows=1, cols=2)
    _widths(table, (0.42, 0.58))
    left, right = table.rows[0].cells
    lines = [(said, False) for said in head.superior] + [(said, True) for said in head.body]
    for i, (said, bold) in enumerate(lines):
        _line(left, said, bold=bold, size=12, upper=True, first=i == 0)
    _line(left, RULE, size=8)
    _line(left, head.number, size=13)
    if head.subject:
        _line(left, head.subject, size=12)
    _line(right, text("printed.motto_state", lang), bold=True, size=12, first=True)
    _line(right, text("printed.motto", lang), bold=True, size=13)
    _line(right, RULE, size=8)
    _line(right, head.place_date, italic=True, size=13)
    doc.add_paragraph()


def title(doc: Document, kind: str, *summary: str) -> None:
    """The document's kind (upper case, bold) and its summary line(s), centred."""
    _line(doc, kind, bold=True, size=14, upper=True)
    for said in summary:
        _line(doc, said, bold=True, size=14)
    _line(doc, RULE, size=8)


def heading(doc: Document, said: str, align: str = "left") -> Any:
    """A section heading of the body (bold): python-docx reads it back as bold."""
    return _line(doc, said, bold=True, align=align)


def para(doc: Document | _Cell, said: str, *, bold: bool = False, italic: bool = False,
         align: str = "justify", size: float | None = None) -> Any:
    from docx.shared import Mm

    paragraph = _line(doc, said, bold=bold, italic=italic, align=align, size=size)
    if align == "justify":
        paragraph.paragraph_format.first_line_indent = Mm(10)
    return paragraph


def grid(doc: Document, heads: Sequence[str], rows: Sequence[Sequence[str]],
         shares: Sequence[float] | None = None, size: float = 12,
         numbered: bool = True) -> Table:
    """A bordered table: its head in bold, repeated on every page; numbers as given; the
    first column centred when it numbers the rows (STT)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table: Table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    head_tr = table._tbl.tr_lst[0]
    for cell, head in zip(_cells(table, head_tr), heads, strict=True):
        _line(cell, head, bold=True, size=size, first=True)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head_tr.get_or_add_trPr().append(repeat)
    styles = (_cell_style(doc, size, centred=True).style_id,
              _cell_style(doc, size, centred=False).style_id)
    for values in rows:
        tr = table.add_row()._tr  # type: ignore[no-untyped-call]
        for i, (tc, value) in enumerate(zip(tr.tc_lst, values, strict=True)):
            # a style id set in the XML, not per-run settings nor python-docx's style
            # lookup (which lists every style each time): a long table stays quick
            p = tc.p_lst[0]
            p.get_or_add_pPr().get_or_add_pStyle().val = styles[0 if numbered and i == 0
                                                                 else 1]
            p.add_r().text = cell_text(value)
    if shares is not None:
        _widths(table, shares)
    return table


def _cell_style(doc: Document, size: float, centred: bool) -> Any:
    """The paragraph style of a table's body cells at ``size`` (made once a document)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    name = f"OCOP cell {size:g}{' centred' if centred else ''}"
    if name in [s.name for s in doc.styles]:
        return doc.styles[name]
    style: Any = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.alignment = (WD_ALIGN_PARAGRAPH.CENTER if centred
                                        else WD_ALIGN_PARAGRAPH.LEFT)
    return style


@dataclass(frozen=True)
class Signer:
    """A signature block: the authority line(s) ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
    the signer's title, and their name (blank when not known: the dotted line is left)."""

    authority: tuple[str, ...]
    title: str
    name: str | None = None


def _sign(cell: _Cell, signer: Signer, lang: Lang, first: bool) -> None:
    for i, said in enumerate(signer.authority):
        _line(cell, said, bold=True, size=13, upper=True, first=first and i == 0)
    _line(cell, signer.title, bold=True, size=13, upper=True,
          first=first and not signer.authority)
    _line(cell, text("printed.sign", lang), italic=True, size=12)
    for _ in range(3):
        _line(cell, "")
    _line(cell, signer.name or "……………………", bold=True, size=13)


def closing(doc: Document, recipients: Sequence[str], signer: Signer, lang: Lang) -> None:
    """"Nơi nhận" bottom left, the signature block bottom right."""
    table = doc.add_table(rows=1, cols=2)
    _widths(table, (0.45, 0.55))
    left, right = table.rows[0].cells
    if recipients:
        _line(left, text("documents.recipients", lang), bold=True, italic=True, size=12,
              align="left", first=True)
        for said in recipients:
            _line(left, f"- {said};", size=11, align="left")
    _sign(right, signer, lang, first=True)


def signatures(doc: Document, signers: Sequence[Signer], lang: Lang) -> None:
    """Signature blocks side by side (the minutes: secretary and chair), no recipients."""
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=len(signers))
    for cell, signer in zip(table.rows[0].cells, signers, strict=True):
        _sign(cell, signer, lang, first=True)


def page_break(doc: Document) -> None:
    doc.add_page_break()  # type: ignore[no-untyped-call]


def to_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
