"""The batch's results on a terminal (views.batch.screen_document): the columns a width
holds — parts and product set from 110 columns, one block per product below 60 — and, on
a screen, the same figures whatever the layout."""

from __future__ import annotations

import pytest

from ocop_rate.models.document import Notes, Table
from ocop_rate.models.rating import BatchResult
from tests.conftest import SAMPLES, bundled_library


@pytest.fixture(scope="module")
def batch() -> BatchResult:
    from ocop_rate.pipeline import rate_paths

    return rate_paths(bundled_library(), [str(SAMPLES)])


def _table(batch: BatchResult, width: int) -> Table:
    from ocop_rate.report.rows import rows
    from ocop_rate.views.batch import screen_document

    found = screen_document(batch, rows(batch, "vi"), "vi", width).sections[0].blocks[0]
    assert isinstance(found, Table)
    return found


def test_the_columns_a_width_holds(batch: BatchResult) -> None:
    narrow, middle, wide = (_table(batch, w) for w in (50, 80, 120))
    assert middle.head == ("Sản phẩm", "Tổng", "Hạng", "Kết quả") and not middle.stacked
    assert wide.head == ("Sản phẩm", "Bộ sản phẩm", "A", "B", "C", "Tổng", "Hạng", "Kết quả")
    assert narrow.stacked and narrow.head[1:4] == ("A", "B", "C")
    assert {t.title for t in (narrow, middle, wide)} == {f"OCOP — {batch.count} sản phẩm"}
    for table in (narrow, middle, wide):
        assert len(table.rows) == batch.count
        totals = [row[table.head.index("Tổng")] for row in table.rows]
        assert totals == [row[1] for row in middle.rows]  # the same figure in each layout
    assert any("★" in row[6] for row in wide.rows)
    assert not any("★" in cell for row in middle.rows for cell in row)


def test_a_shared_sentence_is_said_once_with_its_products(batch: BatchResult) -> None:
    from ocop_rate.report.rows import rows
    from ocop_rate.views.batch import screen_document

    blocks = screen_document(batch, rows(batch, "vi"), "vi", 80).sections[0].blocks
    said = [text for block in blocks if isinstance(block, Notes) for _, text in block.items]
    ids = [row.product_id for row in rows(batch, "vi")]
    shared = [s for s in said if s.count(", QN-") >= 4]
    assert shared and all(pid in ids for pid in shared[0].rsplit(": ", 1)[1].split(", "))
