"""A score sheet's JSON and CSV are written straight from the engine's columns (a block's
text column by column, not one object per product): they say what the fully expanded
ratings say, through the real CLI on real files, for councils of different sizes, every
class, members far apart and cells a spreadsheet must not run or split."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.engine import expanded
from ocop_rate.pipeline import rate_paths
from ocop_rate.report import csv_report
from ocop_rate.report.json_report import item_to_dict
from tests.conftest import bundled_library, write_council_sheet

RUBRIC = "food-processed-plant-26"
NAMES = ["Sản phẩm, có dấu phẩy", 'Nước "cốt" nhĩ', "=1+2", "+84 trà", "-giảm", "@cmd",
         "Miến dong", "Trà hoa vàng"]


def _sheet(path: Path, products: int) -> None:
    """Products of 1 to 6 members, some far apart, names that need quoting or are
    formula-like."""
    write_council_sheet(path, products, seed=11, noise=1.2, members=lambda p: 1 + p % 6,
                        name=lambda p, rng: NAMES[p % len(NAMES)],
                        product_id=lambda p: f"S-{p:04d}", rubric_id=RUBRIC)


def _cli(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "sheet.csv"
    _sheet(path, 240)
    return path


def test_sheet_csv_equals_the_rows_of_its_expanded_ratings(sheet: Path, tmp_path: Path
                                                           ) -> None:
    """The column-wise CSV is the bytes the csv module writes for each product's row."""
    out = tmp_path / "out.csv"
    _cli("rate", str(sheet), "-f", "csv", "-o", str(out))
    ratings = expanded(rate_paths(bundled_library(), [str(sheet)]))
    assert out.read_bytes() == csv_report.render(ratings, "vi").encode("utf-8-sig")
    records = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    names = {r[0]: r[1] for r in records[1:]}
    assert names["S-0000"] == "Sản phẩm, có dấu phẩy" and names["S-0001"] == 'Nước "cốt" nhĩ'
    assert names["S-0002"] == "'=1+2" and names["S-0005"] == "'@cmd"  # never run as formulas


def test_sheet_json_disagreement_equals_the_expanded_ratings(sheet: Path, tmp_path: Path
                                                             ) -> None:
    """Each product's disagreement (spread, flagged, every split with each member's own
    option) is what the expanded rating says, for councils of 1 to 6 members."""
    out = tmp_path / "out.json"
    _cli("rate", str(sheet), "-f", "json", "-o", str(out))
    written = {item["product_id"]: item for item in json.loads(out.read_text("utf-8"))}
    ratings = expanded(rate_paths(bundled_library(), [str(sheet)])).ratings
    assert len(written) == len(ratings) == 240
    splits = 0
    for rating in ratings:
        want: dict[str, Any] = item_to_dict(rating, "vi")["disagreement"]
        got = written[rating.product_id]["disagreement"]
        assert json.dumps(got) == json.dumps(want), rating.product_id  # members in order
        splits += len(want["splits"])
    assert splits > 100
    six = written["S-0005"]["disagreement"]
    assert any(len(s["options"]) == 6 for s in six["splits"])
