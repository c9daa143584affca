"""``rows_lines`` (the register's JSON answers: tuples, not dicts) writes the very text
``data_lines`` writes for the same rows as objects, whatever the cells hold."""

from __future__ import annotations

import datetime as dt
import json

from ocop_rate.render.json import data_lines, rows_lines

KEYS = ("product_id", "name", "stars", "issued_on", "note", "extra", "flag")


def _same(rows: list[tuple[object, ...]]) -> str:
    drawn = rows_lines(iter(rows), KEYS)
    assert drawn == data_lines([dict(zip(KEYS, row, strict=True)) for row in rows])
    return drawn


def test_texts_numbers_days_and_nulls_as_the_encoder_writes_them() -> None:
    rows: list[tuple[object, ...]] = [
        ("QN-01", 'Trà "xanh" \\ Sơn La', 4, dt.date(2026, 2, 5), "a\nb\tc\x1b", 1.5, True),
        ("QN-02", "Mắm 🐟", 3, None, None, None, False),
        ("QN-03", "", 5, dt.date(2026, 2, 5), "}, {\"product_id\": ", [1, "x"], None),
    ]
    drawn = _same(rows)
    assert len(drawn.splitlines()) == 5   # "[", a line for each row, "]"
    loaded = json.loads(drawn)
    assert loaded[0]["name"] == 'Trà "xanh" \\ Sơn La' and loaded[0]["issued_on"] == "2026-02-05"
    assert loaded[1] == {"product_id": "QN-02", "name": "Mắm 🐟", "stars": 3, "issued_on": None,
                         "note": None, "extra": None, "flag": False}
    assert loaded[2]["note"] == "}, {\"product_id\": " and loaded[2]["extra"] == [1, "x"]


def test_one_row_and_none() -> None:
    _same([("QN-01", "Trà", 3, dt.date(2029, 1, 1), "x", 2, True)])
    assert rows_lines([], KEYS) == data_lines([]) == "[]\n"
