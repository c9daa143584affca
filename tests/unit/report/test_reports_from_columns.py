"""Reports read score-sheet products off the engine's columns, never expanding them into
ratings: the workbook equals the one written from the fully expanded ratings."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ocop_rate.engine import expanded, rating_at
from ocop_rate.loading.rubrics import load_library
from ocop_rate.pipeline import rate_paths
from ocop_rate.views import batch
from ocop_rate.views.registry import Asked
from tests.conftest import SAMPLES, write_council_sheet


def _sheet(path: Path, products: int) -> None:
    """A council sheet whose products spread over every class, with names long enough to
    wrap and a few members far apart."""
    def name(p: int, rng: Any) -> str:
        if p % 17 == 0:  # one word wider than a column
            rng.randrange(0, 6)  # drawn all the same: the sheet stays the one it always was
            return "Nướcmắmcốtnhĩthượnghạngđóngchaithủytinh" * 2 + str(p)
        return "Sản phẩm " + "rất dài " * rng.randrange(0, 6) + str(p)

    write_council_sheet(path, products, seed=7, noise=0.8, members=lambda p: 2, name=name,
                        product_id=lambda p: f"P-{p:05d}",
                        rubric_id="food-processed-plant-26")


def _mixed_folder(tmp_path: Path, dossiers: int, products: int) -> Path:
    """A folder of the first ``dossiers`` sample dossiers and a council sheet of
    ``products`` products (2 members each): ratings and column blocks in one batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.yaml"))[:dossiers]:
        shutil.copy(sample, folder)
    _sheet(folder / "sheet.csv", products)
    return folder


def _cells(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    book = load_workbook(io.BytesIO(data))
    return [(ws.title, [[c.value for c in row] for row in ws.iter_rows()])
            for ws in book.worksheets]


def test_xlsx_from_columns_equals_xlsx_from_ratings(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path, 4, 60)
    (folder / "broken.csv").write_text(
        "product_id,product_name,rubric,member,A1.1\nBAD-1,x,food-processed-plant-26,M,zz\n",
        encoding="utf-8")
    result = rate_paths(load_library(), [str(folder)])
    assert result.blocks and result.failures and result.ratings  # all three kinds
    for lang in ("vi", "en"):
        from_columns = _cells(batch.xlsx(result, Asked(lang)))
        from_ratings = _cells(batch.xlsx(expanded(result), Asked(lang)))
        assert from_columns == from_ratings
    titles = [title for title, _ in from_columns]
    assert len(titles) >= 4  # results, a product-set sheet, members, data
    members = dict(from_columns)[titles[-2]]
    assert sum(1 for row in members if str(row[0]).startswith("P-")) == 120  # 60 × 2


def test_html_from_columns_equals_html_from_ratings(tmp_path: Path) -> None:
    import datetime as dt

    from ocop_rate.report import html_report
    from ocop_rate.summary import summarise

    folder = _mixed_folder(tmp_path, 3, 40)
    library = load_library()
    result = rate_paths(library, [str(folder)])
    assert result.blocks and result.ratings
    day = dt.date(2026, 12, 1)
    for lang in ("vi", "en"):
        streamed = list(html_report.render_chunks(result, lang, summarise(result),
                                                  library.rubrics, day, detail=rating_at))
        assert len(streamed) > 40  # a sheet per product, each its own piece
        whole = html_report.render(expanded(result), lang, summarise(result),
                                   library.rubrics, day, detail=rating_at)
        assert "".join(streamed) == whole
        assert whole.count('id="p-P-') == 40


def test_members_sheets_from_columns_equal_the_expanded_ones(tmp_path: Path) -> None:
    from rich.console import Console

    from ocop_rate.views.product import members_blocks

    folder = _mixed_folder(tmp_path, 1, 12)
    result = rate_paths(load_library(), [str(folder)])
    assert result.blocks

    def printed(blocks: list[Any]) -> str:
        console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
        for block in blocks:
            console.print(block)
        return console.export_text()

    lazy = members_blocks(result, "en", rating_at)
    assert len(lazy) == 13
    assert printed(lazy) == printed(members_blocks(expanded(result), "en", rating_at))
    assert printed(lazy).count("P-000") >= 12
