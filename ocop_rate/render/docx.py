"""Any :class:`~ocop_rate.models.document.Document` into a Word document being built: bold
headings, grid tables, bulleted notes. The office layout around it (motto, signatures, page
size) is the caller's; python-docx is imported by the caller."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.models.document import Document, Notes, Paragraph, Table

if TYPE_CHECKING:
    from docx.document import Document as WordDocument



def _clean(text: str) -> str:
    """Word refuses control characters in its XML: they are shown as escapes."""
    from ocop_rate.text_safety import printable

    return printable(text)


def draw_into(doc: WordDocument, document: Document) -> None:
    """Append ``document``'s sections to ``doc`` (its title too, when it has one)."""
    if document.title:
        doc.add_paragraph().add_run(_clean(document.title)).bold = True
    for part in document.sections:
        if part.title:
            doc.add_paragraph().add_run(_clean(part.title)).bold = True
        for block in part.blocks:
            if isinstance(block, Table):
                _table(doc, block)
            elif isinstance(block, Paragraph):
                paragraph = doc.add_paragraph()
                if block.label:
                    paragraph.add_run(_clean(block.label) + ": ").bold = True
                paragraph.add_run(_clean(block.text)).bold = block.strong
            elif isinstance(block, Notes) and block.items:
                if block.title:
                    doc.add_paragraph().add_run(_clean(block.title) + ":").bold = True
                for lead, said in block.items:
                    paragraph = doc.add_paragraph("• ")
                    if lead:
                        paragraph.add_run(_clean(lead)).bold = True
                        paragraph.add_run(": ")
                    paragraph.add_run(_clean(said))


def _table(doc: WordDocument, block: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT}
    table = doc.add_table(rows=1, cols=len(block.head))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, block.head, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(head)).bold = True
    for row in block.body():
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = _clean(value)
            cell.paragraphs[0].alignment = align[block.alignment(index)]
