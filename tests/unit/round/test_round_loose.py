"""Loose files named beside a round folder join the round (``rate ROUND/ late.xlsx``):
their sheets are merged by product id with the folder's under the same rules, through the
real CLI on files generated here; two round folders in one run are refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_rate.cli import app
from tests.conftest import bundled_library
from tests.unit.pipeline.test_one_way_in import (
    ROSTER,
    Row,
    _by_member,
    _columns,
    _fixed,
    as_dossiers,
    as_round,
    contract,
    rate,
    runner,
    write_sheet,
)

SAME = ("completeness", "quorum")
"""What the round says of each product besides its rating, compared too."""


def fingerprint(root: Path) -> dict[str, str]:
    """Every file under ``root`` and its digest: inputs are never modified."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def seen(products: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {pid: {**contract(item), **{k: item.get(k) for k in SAME}}
            for pid, item in products.items()}


@pytest.mark.parametrize("form", ["csv", "xlsx", "dossiers"])
def test_a_late_sheet_beside_the_round_joins_it(tmp_path: Path, form: str) -> None:
    """Đức's sheet comes late by mail: ``rate ROUND/ duc.xlsx`` rates what the round
    with his sheet in its folder rates (every contract field, completeness and quorum);
    the same when his scores come as YAML dossiers in a folder."""
    rows = _fixed(21)
    files = _by_member(rows)
    whole = rate(as_round(tmp_path / "whole", rows, files))
    folder = tmp_path / "round"
    as_round(folder, rows, files[:2])
    late = tmp_path / "mail"
    if form == "dossiers":
        args = as_dossiers(late, files[2])
    else:
        args = [str(write_sheet(late / f"duc.{form}", files[2], _columns(rows)))]
    before = fingerprint(tmp_path)
    code, products, said = rate([str(folder), *args])
    assert code == 0, said
    assert seen(products) == seen(whole[1])
    assert all(len(item["members"]) == 3 for item in products.values())
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("ordered", [False, True])
def test_scoring_again_loose_is_scoring_twice(tmp_path: Path, ordered: bool) -> None:
    """Lan scored QN-HL-0003 in the folder and sends it again loose: she scored it twice
    (both places said, the product not rated), whether or not round.yaml orders its
    sheets — a loose file never silently replaces a sheet of the folder."""
    rows = _fixed(22)
    folder = tmp_path / "round"
    as_round(folder, rows, _by_member(rows))
    if ordered:
        config = yaml.safe_load((folder / "round.yaml").read_text(encoding="utf-8"))
        config["sheets"] = [{"file": f"sheets/{i:02d}.csv"} for i in (1, 2, 3)]
        (folder / "round.yaml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                           encoding="utf-8")
    again: list[Row] = [("qn-hl-0003", r, "NGUYEN THI LAN", c) for p, r, m, c in rows
                        if p == "QN-HL-0003" and m == ROSTER[0]]
    loose = write_sheet(tmp_path / "again.csv", again, _columns(rows))
    code, products, _ = rate([str(folder), str(loose)])
    assert code == 1
    [error] = products["QN-HL-0003"]["errors"]
    assert products["QN-HL-0003"]["stars"] is None
    assert error["file"] == str(loose) and (error["line"], error["column"]) == (2, 4)
    assert error["message"] == (
        "member 'NGUYEN THI LAN' scores product QN-HL-0003 twice "
        f"({folder / 'sheets' / '01.csv'}:4 and {loose}:2); not rated")
    rated = [pid for pid, item in products.items() if not item.get("errors")]
    assert sorted(rated) == ["QN-HL-0001", "QN-HL-0002", "QN-HL-0004"]


def test_a_higher_pass_loose_re_scores(tmp_path: Path) -> None:
    """A loose sheet may still re-score by its pass column, as a folder's sheet does."""
    rows = _fixed(23)
    folder = tmp_path / "round"
    as_round(folder, rows, _by_member(rows))
    mine = [r for r in rows if r[0] == "QN-HL-0001" and r[2] == ROSTER[1]]
    path = write_sheet(tmp_path / "pass2.csv", mine, _columns(rows))
    text = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([text[0] + ",pass", *(t + ",2" for t in text[1:])]) + "\n",
                    encoding="utf-8")
    code, products, said = rate([str(folder), str(path)])
    assert code == 0, said
    assert products["QN-HL-0001"]["completeness"][ROSTER[1]] == "rescored"


def test_loose_ids_not_on_the_list_are_not_rated(tmp_path: Path) -> None:
    """A loose sheet's product that is not on the round's list is not this council's: it
    is said where it is (the nearest listed id suggested when there is one), not rated,
    exit 1; the listed products are rated as without it."""
    rows = _fixed(24)
    folder = tmp_path / "round"
    as_round(folder, rows, _by_member(rows))
    plain = rate([str(folder)])
    codes = next(c for p, _, m, c in rows if p == "QN-HL-0001" and m == ROSTER[0])
    rubric = rows[0][1]
    extra: list[Row] = [("QN-HL-001", rubric, ROSTER[3], codes),
                        ("HG-XYZ-77", rubric, ROSTER[3], codes)]
    loose = write_sheet(tmp_path / "extra.csv", extra, _columns(rows))
    code, products, said = rate([str(folder), str(loose)])
    assert code == 1
    assert f"{loose}:2:1: product_id: QN-HL-001 was scored by 1 of 3 members (Lê Thu Hà); " \
        "did you mean QN-HL-0001?" in said
    assert f"{loose}:3:1: product_id: HG-XYZ-77 is not on the round's product list" in said
    assert seen(products) == seen(plain[1])


def test_a_dossier_that_describes_the_product_otherwise_stops_it(tmp_path: Path) -> None:
    """A dossier beside a round gives its council's sheets; the product is the list's, so
    a dossier that names another rubric for it (or other facts) is said, located, and
    the product is not rated on either description."""
    rows = _fixed(25)
    files = _by_member(rows)
    folder = tmp_path / "round"
    as_round(folder, rows, files[:2])
    late = as_dossiers(tmp_path / "mail", files[2])[0]
    path = Path(late) / "QN-HL-0002.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["facts"] = {"local_labour_share": 0.9}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, products, _ = rate([str(folder), late])
    assert code == 1
    [error] = products["QN-HL-0002"]["errors"]
    assert error["file"] == str(path) and error["field"] == "facts.local_labour_share"
    assert "local_labour_share" in error["message"] and "0.9" in error["message"]
    assert "QN-HL-0002 is not rated" in error["message"]
    others = [i for p, i in products.items() if p != "QN-HL-0002"]
    assert all(not i.get("errors") and len(i["members"]) == 3 for i in others)


def test_two_round_folders_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    rows = _fixed(26)
    one, two = tmp_path / "one", tmp_path / "two"
    as_round(one, rows, _by_member(rows))
    as_round(two, rows, _by_member(rows))
    out = tmp_path / "out.json"
    before = fingerprint(tmp_path)
    result = runner.invoke(app, ["rate", str(one), str(two), "-f", "json", "-o", str(out),
                                 "--lang", "en"])
    assert result.exit_code == 2
    assert f"{one} and {two} are both round folders" in result.stderr
    assert not out.exists() and fingerprint(tmp_path) == before
    same = runner.invoke(app, ["rate", str(one), str(one / "round.yaml"), "-f", "json"])
    assert same.exit_code == 0 and len(json.loads(same.stdout)) == 4  # one round, named twice


def test_a_report_never_lands_on_a_loose_input(tmp_path: Path) -> None:
    rows = _fixed(27)
    files = _by_member(rows)
    folder = tmp_path / "round"
    as_round(folder, rows, files[:2])
    late = write_sheet(tmp_path / "late.csv", files[2], _columns(rows))
    before = fingerprint(tmp_path)
    result = runner.invoke(app, ["rate", str(folder), str(late), "-f", "csv", "-o",
                                 str(late)])
    assert result.exit_code == 2
    assert fingerprint(tmp_path) == before


def test_a_loose_row_naming_another_rubric_stops_the_product(tmp_path: Path) -> None:
    """All rows of one product name one rubric, loose as in a round: a late sheet (or a
    dossier) whose rubric cell is not the listed rubric stops that product, said at the
    cell, in the words loose files get."""
    rows = _fixed(28)
    files = _by_member(rows)
    folder = tmp_path / "round"
    as_round(folder, rows, files[:2])
    other = next(r for r in sorted(bundled_library().rubrics) if r != rows[0][1])
    late = [(p, other if p == "QN-HL-0004" else r, m, c) for p, r, m, c in files[2]]
    path = write_sheet(tmp_path / "late.csv", late, _columns(rows))
    code, products, _ = rate([str(folder), str(path)])
    assert code == 1
    [error] = products["QN-HL-0004"]["errors"]
    assert (error["file"], error["line"], error["column"]) == (str(path), 5, 3)
    assert error["message"] == (f"rows of product QN-HL-0004 name different rubrics: "
                                f"{rows[0][1]!r}, {other!r}")
    assert all(not products[p].get("errors") for p in ("QN-HL-0001", "QN-HL-0002"))


def test_a_dossier_in_the_folder_gives_its_council_too(tmp_path: Path) -> None:
    """The same dossiers inside the round folder rather than beside it: the same round
    (a folder's YAML file is a member's sheet, or a product's dossier)."""
    rows = _fixed(29)
    files = _by_member(rows)
    whole = rate(as_round(tmp_path / "whole", rows, files))
    folder = tmp_path / "round"
    as_round(folder, rows, files[:2])
    as_dossiers(folder / "ho-so", files[2])
    code, products, said = rate([str(folder)])
    assert code == 0, said
    assert seen(products) == seen(whole[1])
