"""A document of hostile text, the same for every renderer: rich markup, an HTML script, a
spreadsheet formula, an escape sequence,
Vietnamese (NFC)."""

from __future__ import annotations

import datetime as dt

from ocop_rate.models.document import Document, Notes, Paragraph, Section, Table

MARKUP = "[bold]Trà[/bold] [link=http://x]bấm[/link]"
SCRIPT = "<script>alert('x')</script> & \"Mật ong\""
FORMULA = '=HYPERLINK("http://evil","Bấm")'
ESC = "Tên\x1b]0;owned\x07\x1b[31m đỏ"
NAME_NFC = "Hợp tác xã Đầm Hà"


def hostile() -> Document:
    head = ("Mã", "Tên sản phẩm", "Hạn", "Điểm")
    rows = [("QN-0001", MARKUP, "05/02/2026", "74,00"),
            ("QN-0002", SCRIPT, "06/02/2026", "81,50"),
            ("QN-0003", FORMULA, "07/02/2026", "-3"),
            ("QN-0004", ESC, "08/02/2026", "90,00"),
            ("QN-0005", NAME_NFC, "09/02/2026", "50,00")]
    values: list[tuple[object, ...]] = [
        (r[0], r[1], dt.date(2026, 2, 5 + n), float(r[3].replace(",", ".")))
        for n, r in enumerate(rows)]
    return Document(
        title=f"Sổ đăng ký {MARKUP}",
        sections=[
            Section([Table(head, rows, ("left", "left", "left", "right"), values=values,
                           name="Sổ [đăng]: ký/2026", keys=1)], title=SCRIPT),
            Section([Paragraph(ESC, label=MARKUP, strong=True),
                     Notes([("QN-0001", SCRIPT), ("", FORMULA)], title=NAME_NFC)],
                    title="Ghi chú"),
            Section([Table(("Xã", "Số"), [(NAME_NFC, "3")], ("left", "right"))],
                    title=FORMULA),
        ],
        lang="vi")
