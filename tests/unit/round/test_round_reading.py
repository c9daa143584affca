"""How a round reads its tables (issue 23): its CSV tables record by record with the csv
module and its workbooks without pandas, so ``rate ROUND/`` loads no pandas; a row of the
product list is located at its own line of the file, blank lines counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import round_factory as rf
from tests.unit.cli.test_cli_imports import _loaded
from tests.unit.round.test_round import rate_json


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_rating_a_round_loads_no_pandas(suffix: str, tmp_path: Path) -> None:
    """Members' workbooks (or CSV sheets) and a CSV product list, rated to JSON as a real
    process: every product rated, and pandas never imported (openpyxl only for workbooks)."""
    folder = tmp_path / "round"
    rf.make_round(folder, products=4, members=3, suffix=suffix)
    modules, _ = _loaded(["rate", str(folder), "-f", "json", "-o", str(tmp_path / "r.json")],
                         tmp_path)
    assert "numpy" in modules and "pandas" not in modules
    assert ("openpyxl" in modules) == (suffix == ".xlsx")
    code, data = rate_json(folder)
    assert code == 0 and [p["outcome"] != "not-rated" for p in data["products"]] == [True] * 4


def test_a_product_list_row_is_located_at_its_line_in_the_file(tmp_path: Path) -> None:
    """A blank line above a bad row is a line of the file: the row's cell is said at the
    line a person's editor shows."""
    folder = tmp_path / "round"
    rf.make_round(folder, products=4, members=3)
    listing = folder / "products.csv"
    lines = listing.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "")                                           # line 3 is blank
    lines[4] = lines[4].replace(",first,", ",lần thứ ba,")        # QN-UB-0003, line 5
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, data = rate_json(folder)
    said = [p for p in data["problems"] if "lần thứ ba" in p]
    assert code == 1 and len(said) == 1
    assert said[0].startswith(f"{listing}:5:9: registration")
