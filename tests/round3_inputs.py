"""Hostile inputs of issue 20 (round 3): workbooks that hide scores or hold too much,
round folders and rosters with bad values or one person twice, results files with
impossible totals. The small ones are written into tests/bad_inputs/ (run this module to
refresh them); the big ones are made at run time, cheaply, straight as zip parts."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import yaml

from tests.sheet_bombs import GOOD_ROW, HEADER, workbook

ROSTER = [{"name": "Nguyễn Thị Lan", "role": "chair"}, {"name": "Hoàng Văn Sơn"},
          {"name": "Trần Minh Đức"}]


def _book(sheets: list[tuple[str, list[list[str]]]]) -> Any:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    for index, (title, rows) in enumerate(sheets):
        sheet = first if index == 0 else book.create_sheet()
        sheet.title = title
        for row in rows:
            sheet.append(row)
    return book


def _bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def hidden_sheet(state: str = "veryHidden") -> bytes:
    """A visible sheet rating S-1, and a second score sheet, hidden, giving S-9 5 stars."""
    book = _book([("Phiếu", [HEADER, GOOD_ROW]),
                  ("Ẩn", [HEADER, ["S-9", "Ẩn", "tiny", "M1", "h", "c", "c"]])])
    book["Ẩn"].sheet_state = state
    return _bytes(book)


def hidden_row() -> bytes:
    """Row 3 (a second member's sheet for S-1, all lowest options) hidden in Excel."""
    book = _book([("Phiếu", [HEADER, GOOD_ROW, ["S-1", "Chè", "tiny", "M2", "a", "a", "a"]])])
    book["Phiếu"].row_dimensions[3].hidden = True
    return _bytes(book)


def hidden_column() -> bytes:
    """Column E (criterion A1) hidden: its scores count though nobody sees them."""
    book = _book([("Phiếu", [HEADER, GOOD_ROW])])
    book["Phiếu"].column_dimensions["E"].hidden = True
    return _bytes(book)


def zero_height_row() -> bytes:
    """Row 3 of height 0: not marked hidden, and no more visible."""
    data = _bytes(_book([("Phiếu", [HEADER, GOOD_ROW,
                                     ["S-1", "Chè", "tiny", "M2", "a", "a", "a"]])]))
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b'<row r="3"', b'<row r="3" ht="0" customHeight="1"')
    return with_part(data, "xl/worksheets/sheet1.xml", sheet)


def hidden_guide() -> bytes:
    """A hidden guide sheet (no product id column): nothing of it is scored, so it is fine."""
    book = _book([("Phiếu", [HEADER, GOOD_ROW]), ("Lists", [["h", "c"]])])
    book["Lists"].sheet_state = "hidden"
    return _bytes(book)


def _minimal_xlsx(parts: dict[str, bytes]) -> bytes:
    """A zip with the given parts, each written as it comes (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def with_part(data: bytes, name: str, body: bytes) -> bytes:
    """``data`` (a workbook) with part ``name`` replaced or added."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    parts[name] = body
    return _minimal_xlsx(parts)


def many_shared_strings(count: int) -> bytes:
    """A valid workbook whose shared-string table holds ``count`` strings."""
    body = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main">' + b"<si><t>x</t></si>" * count + b"</sst>")
    return with_part(workbook([HEADER, GOOD_ROW]), "xl/sharedStrings.xml", body)


def one_huge_value(megabytes: int) -> bytes:
    """A workbook whose first cell is an inline string of ``megabytes`` MB."""
    text = b"x" * (megabytes * 1024 * 1024)
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
             b't="inlineStr"><is><t>' + text + b"</t></is></c></row></sheetData></worksheet>")
    return with_part(workbook([HEADER, GOOD_ROW]), "xl/worksheets/sheet1.xml", sheet)


def many_sheets(count: int) -> bytes:
    """A workbook declaring ``count`` sheets (the parts behind them are not needed to
    refuse it)."""
    sheets = b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId%d"/>' % (i, i, i)
                      for i in range(1, count + 1))
    body = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
            b'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships"><sheets>' + sheets
            + b"</sheets></workbook>")
    return with_part(workbook([HEADER, GOOD_ROW]), "xl/workbook.xml", body)


def unknown_extension() -> bytes:
    """A good sheet with an extension openpyxl does not know: it warns ("… is not
    supported and will be removed"), naming its own file, when it reads the sheet."""
    data = workbook([HEADER, GOOD_ROW])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b"</worksheet>", b'<extLst><ext uri="{00000000-0000-0000-0000-'
                          b'000000000001}"/></extLst></worksheet>')
    return with_part(data, "xl/worksheets/sheet1.xml", sheet)


def many_merged_ranges(count: int) -> bytes:
    """A good sheet followed by ``count`` merged ranges (openpyxl builds one object each,
    all at once: a million took 44 s and 770 MB)."""
    data = workbook([HEADER, GOOD_ROW])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    merges = b"".join(b'<mergeCell ref="H%d:I%d"/>' % (i, i) for i in range(1, count + 1))
    sheet = sheet.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merges
                          + b"</mergeCells>")
    return with_part(data, "xl/worksheets/sheet1.xml", sheet)


def product_list_csv(rows: int) -> bytes:
    head = "product_id,product_name,rubric\n"
    return (head + "".join(f"P-{i},Sản phẩm {i},food-processed-plant-26\n"
                           for i in range(rows))).encode("utf-8")


def round_config(**changes: Any) -> dict[str, Any]:
    return {"name": "Đợt 1", "date": dt.date(2026, 11, 20), "level": "province",
            "roster": ROSTER, "quorum": 1, "spread_limit": 10, "mode": "average",
            "products": "products.csv", **changes}


ROUND_CASES: dict[str, tuple[str, str]] = {
    # case -> (round.yaml text, words the refusal must hold)
    "spread-inf": (yaml.safe_dump(round_config(spread_limit=float("inf")),
                                  allow_unicode=True), "spread_limit"),
    "spread-1e300": (yaml.safe_dump(round_config(spread_limit=1e300), allow_unicode=True),
                     "spread_limit"),
    "quorum-true": (yaml.safe_dump(round_config(quorum=True), allow_unicode=True),
                    "quorum true is not a count"),
    "date-feb-30": (yaml.safe_dump(round_config(), allow_unicode=True).replace(
        "2026-11-20", "2026-02-30"), "'2026-02-30' is not a day of the calendar"),
    "date-year-1": (yaml.safe_dump(round_config(), allow_unicode=True).replace(
        "2026-11-20", "0001-01-01"), "lies outside the OCOP programme"),
    "date-year-9999": (yaml.safe_dump(round_config(), allow_unicode=True).replace(
        "2026-11-20", "9999-12-31"), "lies outside the OCOP programme"),
    "level-district": (yaml.safe_dump(round_config(level="district"), allow_unicode=True),
                       "level"),
    "same-person-case": (yaml.safe_dump(round_config(roster=[
        *ROSTER, {"name": "HOÀNG VĂN SƠN"}]), allow_unicode=True),
        "Hoàng Văn Sơn = HOÀNG VĂN SƠN"),
    "same-person-diacritics": (yaml.safe_dump(round_config(roster=[
        *ROSTER, {"name": "Hoang  Van Son"}]), allow_unicode=True),
        "Hoàng Văn Sơn = Hoang  Van Son"),
    "zero-width-member": (yaml.safe_dump(round_config(roster=[
        *ROSTER, {"name": "Trần Minh\u200b Đức"}]), allow_unicode=True), "U+200B"),
}


def write_corpus(folder: Path) -> None:
    """The small cases, stored in the corpus."""
    sheets = folder / "sheets"
    (sheets / "very-hidden-sheet.xlsx").write_bytes(hidden_sheet("veryHidden"))
    (sheets / "hidden-sheet.xlsx").write_bytes(hidden_sheet("hidden"))
    (sheets / "hidden-row.xlsx").write_bytes(hidden_row())
    (sheets / "hidden-column.xlsx").write_bytes(hidden_column())
    (sheets / "zero-height-row.xlsx").write_bytes(zero_height_row())
    (sheets / "hidden-guide-sheet.xlsx").write_bytes(hidden_guide())
    for case, (text, _) in ROUND_CASES.items():
        target = folder / "rounds" / case
        target.mkdir(parents=True, exist_ok=True)
        (target / "round.yaml").write_text(text, encoding="utf-8")
        (target / "products.csv").write_text(
            "product_id,product_name,rubric\nS-1,Chè,tiny\n", encoding="utf-8")


if __name__ == "__main__":
    write_corpus(Path(__file__).parent / "bad_inputs")
