"""The HTML renderer: one well-formed page whose every text is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from ocop_rate.models.document import Document
from ocop_rate.render.html import draw
from tests.unit.render.hostile_doc import FORMULA, MARKUP, NAME_NFC, SCRIPT


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _parsed(page: str) -> _Texts:
    found = _Texts()
    found.feed(page)
    found.close()
    return found


def test_the_page_is_well_formed(document: Document) -> None:
    page = draw(document)
    assert page.startswith("<!DOCTYPE html>")
    body = page.split("\n", 1)[1]  # XML has no doctype of HTML's kind
    root = ET.fromstring(body)
    assert root.tag == "html" and root.get("lang") == "vi"
    assert len(root.findall(".//table")) == 2


def test_no_text_becomes_markup(document: Document) -> None:
    page = draw(document)
    found = _parsed(page)
    assert "script" not in found.tags
    texts = "".join(found.texts)
    assert SCRIPT in texts and MARKUP in texts and FORMULA in texts
    assert NAME_NFC in texts
    assert "\x1b" not in page and "\\x1b" in texts


def test_numbers_are_aligned_right_and_sections_have_headings(document: Document) -> None:
    page = draw(document)
    root = ET.fromstring(page.split("\n", 1)[1])
    heads = [h.text for h in root.iter("h2")]
    assert heads == [SCRIPT, "Ghi chú", FORMULA]
    first = root.find(".//table")
    assert first is not None
    assert [th.get("class") for th in first.iter("th")] == [None, None, None, "num"]
    assert [li.text for li in root.iter("li")][1] == FORMULA


def test_a_closing_row_is_the_tables_foot() -> None:
    from ocop_rate.models.document import Section, Table

    page = draw(Document("T", [Section([Table(("Mã", "Điểm"), [("A1", "4")],
                                                foot=("Tổng", "4"))])]))
    body = page[page.index("<tbody>"):]
    assert body.index("A1") < body.index("<tfoot>") < body.index("Tổng")


def test_a_document_as_part_of_a_page(document: Document) -> None:
    from ocop_rate.render.html import part

    drawn = part(document, "round")
    ET.fromstring(drawn)  # one well-formed element
    assert drawn.startswith('<section class="round">\n<h2>')
    assert "<h3>" in drawn and "<h2>" not in drawn[drawn.index("</h2>"):]
    assert "<script" not in drawn and SCRIPT not in drawn
