"""Markdown, JSON and DOCX drawings of the hostile document: Markdown escapes every text
(one table row stays one row, nothing becomes markup), JSON loads back with dates ISO and
diacritics as written, a Word file opens with every cell's text shown."""

from __future__ import annotations

import datetime as dt
import io
import json

from ocop_rate.models.document import Document
from ocop_rate.render import json as render_json
from ocop_rate.render.markdown import draw as markdown
from tests.unit.render.hostile_doc import NAME_NFC, SCRIPT


def test_markdown_escapes_every_text(document: Document) -> None:
    text = markdown(document)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "[bold]" not in text and "\\[bold\\]" in text
    assert "\x1b" not in text and "\\x1b" in text
    rows = [line for line in text.splitlines() if line.startswith("| QN-")]
    assert len(rows) == 5 and all(line.count(" | ") == 3 for line in rows)
    assert NAME_NFC in text


def test_json_loads_back_with_dates_iso_and_diacritics() -> None:
    data = [{"product_name": NAME_NFC, "on": dt.date(2026, 2, 5), "note": SCRIPT},
            {"product_name": "Trà", "on": None, "note": ""}]
    for drawn in (render_json.draw(Document("", data=data)),
                  render_json.draw(Document("", data=data), None),
                  render_json.lines(Document("", data=data))):
        assert json.loads(drawn) == [{**data[0], "on": "2026-02-05"}, data[1]]
        assert NAME_NFC in drawn  # not \\u escapes
    lines = render_json.lines(Document("", data=data)).splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert render_json.lines(Document("", data=[])) == "[]\n"


def test_docx_opens_and_shows_every_text(document: Document) -> None:
    from docx import Document as Word

    from ocop_rate.render.docx import draw_into

    word = Word()
    draw_into(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    opened = Word(io.BytesIO(buffer.getvalue()))
    first = opened.tables[0]
    names = [row.cells[1].text for row in first.rows[1:]]
    assert names[1] == SCRIPT and names[4] == NAME_NFC
    assert "\x1b" not in names[3] and "\\x1b" in names[3]
    assert len(opened.tables) == 2
