"""Places are real places: names checked against the official list after the 2025
reorganisation, with a near-miss suggestion, located."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml
from typer.testing import CliRunner

from ocop_rate import places
from ocop_rate.cli import app
from ocop_rate.errors import Location

runner = CliRunner()


def test_the_list_is_the_one_after_the_2025_reorganisation() -> None:
    """34 provincial units and 3,321 communal ones, no districts: a pre-2025 release of
    the package (63 provinces) would fail here rather than check against the old map."""
    atlas = places.atlas()
    assert len(atlas.provinces) == places.PROVINCES_EXPECTED == 34
    assert sum(len(c) for c in atlas.communes.values()) == places.COMMUNES_EXPECTED
    assert places.province("Quảng Nam") is None          # merged into Đà Nẵng in 2025
    assert places.province("Thành phố Đà Nẵng") == places.province("đà nẵng")
    assert places.commune("Quảng Ninh", "Xã Đầm Hà") == places.commune("Quảng Ninh",
                                                                        "đầm hà")


def test_a_misspelt_commune_gets_its_official_spelling() -> None:
    at = Location("products.csv", 3, 6)
    found = places.check("Quảng Ninh", "Dam Ha", at)
    assert [p.message_id for p in found] == ["places.unknown_commune_near"]
    assert found[0].location.line == 3 and found[0].location.field == "commune"
    assert "'Xã Đầm Hà'" in found[0].text("vi")
    assert places.check("Quảng Ninh", "Đầm Hà") == []
    assert places.check("TP. Hồ Chí Minh", "Phường Bến Thành") == []
    wrong = places.check("Quang Ninh", "Hoàn Kiếm")
    assert [p.message_id for p in wrong] == ["places.unknown_province_near",
                                             "places.commune_elsewhere"]
    assert "Quảng Ninh" in wrong[0].text("en") and "Hà Nội" in wrong[1].text("en")
    # a former province is not offered a different one that merely looks alike
    assert [p.message_id for p in places.check("Quảng Nam", None)] == \
        ["places.unknown_province"]


def test_places_command_on_a_product_list_a_dossier_and_a_register(tmp_path: Path) -> None:
    listing = tmp_path / "san-pham.csv"
    with listing.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["product_id", "product_name", "rubric", "producer", "commune",
                      "province"])
        out.writerow(["QN-1", "Mực", "food-processed-animal-26", "HTX A", "Hồng Gai",
                      "Quảng Ninh"])
        out.writerow(["QN-2", "Gừng", "food-processed-plant-26", "HTX B", "Dong Trieu",
                      "Quảng Ninh"])
    dossier = tmp_path / "ho-so.yaml"
    dossier.write_text(yaml.safe_dump({"product": {
        "id": "QN-3", "name": "Miến", "rubric": "food-processed-plant-26",
        "producer": {"name": "HTX C", "commune": "Bình Liêuu", "province": "Quảng Ninh"}}},
        allow_unicode=True), encoding="utf-8")
    done = runner.invoke(app, ["places", str(listing), str(dossier), "--lang", "en"])
    assert done.exit_code == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 2
    assert f"{listing}:3:5: commune" in lines[0] and "'Phường Đông Triều'" in lines[0]
    assert str(dossier) in lines[1] and "'Xã Bình Liêu'" in lines[1]
    clean = runner.invoke(app, ["places", str(dossier.parent / "none.csv")])
    assert clean.exit_code == 2    # a file that is not there stops, located


def test_places_of_the_register(tmp_path: Path) -> None:
    from tests.register_helpers import cli, write_sheet

    db = tmp_path / "so.sqlite"
    sheet = write_sheet(tmp_path / "so.csv", [
        ["QN-VD-0066", "Nước mắm", "Quảng Ninh", "Vân Đồn", "food", 3, "0412/GCN",
         "2025-08-20", "", "2510/QĐ-UBND"],
        ["QN-XX-0001", "Mực", "Quảng Ninh", "Cái Rồng", "food", 4, "0413/GCN",
         "2025-08-20", "", "2510/QĐ-UBND"]])
    cli("register", "import", sheet, "--db", db, code=None)
    done = runner.invoke(app, ["places", "--db", str(db)])
    assert done.exit_code == 1
    assert "Cái Rồng" in done.stderr and "Vân Đồn" not in done.stderr
