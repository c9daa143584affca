"""The rules as Decision 26/2026 states them, on cases computed by hand from the decision's
text (docs/decision/qd26-2026/qd26-2026-fulltext.txt), through the real CLI.

Sheet 1 (food-fresh-produce-26) best boxes: part A 40, B 25, C 35 (lines 247-396 of the
full text); every case below starts from them and changes what it says, so each expected
total is a sum a council secretary can redo with the printed sheet in hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import dump

runner = CliRunner()

# Sheet 1, the best box of every criterion (points in brackets, from the full text).
TOP = {
    "A1.1": "c", "A1.2": "c", "A1.3": "c", "A1.4": "c", "A1.5": "d", "A1.6": "c",  # 3 2 3 3 3 3
    "A1.7": "b", "A2.1": "c", "A2.2": "d", "A2.3": "c", "A2.4": "b", "A3.1": "c",  # 1 3 3 3 1 3
    "A3.2": "b", "A3.3": "c", "A3.4": "b", "A3.5": "c",                            # 1 3 2 3 = 40
    "B4.1": "d", "B4.2": "d", "B4.3": "e", "B5.1": "e", "B5.2": "c", "B5.3": "d",  # 5 3 5 5 2 5
    "C6.1": "c", "C6.2": "e", "C6.3": "d", "C6.4": "d", "C7": "c", "C8": "d",      # 2 4 3 3 3 5
    "C9": "c", "C10": "c", "C11": "b", "C12": "c",                                 # 5 5 2 3 = 35
}
# Sheet 1 less 10 points on criteria without star marks: 6.3 d->a (-3), 6.4 d->a (-3),
# 7 c->a (-3), 11 b->a (-1): 90.00.
NINETY = {**TOP, "C6.3": "a", "C6.4": "a", "C7": "a", "C11": "a"}
# Sheet 26 (tourism-community-26), best boxes; 8, 9 and 15 in case 1 (b) or case 2 (d),
# 3 + 2 + 3 points either way: 100.
TOURISM = {
    "A1.1": "b", "A1.2": "c", "A1.3": "d", "A1.4": "b", "A2.1": "c", "A2.2": "b", "A2.3": "c",
    "A3.1": "c", "A3.2": "b", "A3.3": "c", "A3.4": "b", "A3.5": "c", "B4.1": "c", "B4.2": "c",
    "B4.3": "b", "B4.4": "d", "B4.5": "c", "B5.1": "c", "B5.2": "b", "B5.3": "b", "C6": "c",
    "C7": "c", "C8": "b", "C9": "b", "C10": "c", "C11": "b", "C12": "c", "C13": "d",
    "C14": "c", "C15": "b", "C16": "c", "C17": "b",
}


def dossier(tmp_path: Path, sheets: list[dict[str, str]], rubric: str = "food-fresh-produce-26",
            facts: dict[str, Any] | None = None, name: str = "d.yaml") -> Path:
    data: dict[str, Any] = {
        "product": {"id": "P-1", "name": "Sản phẩm thử", "rubric": rubric},
        "facts": facts or {},
        "council": [{"member": f"M{i + 1}", "scores": s} for i, s in enumerate(sheets)],
    }
    return dump(tmp_path / name, data)


def rate(path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["rate", str(path), "--format", "json", *args])
    [item] = json.loads(result.stdout)
    return result.exit_code, item


def criterion(item: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in item["criteria"] if c["id"] == cid)


def test_local_labour_10_percent_derives_none(tmp_path: Path) -> None:
    """3.3's lowest box is "25% to under 50%": at 10 % no box applies. Left blank, it is
    derived from the fact as none (0 points) and the dossier is rated: 100 - 3 = 97.00."""
    sheet = {k: v for k, v in TOP.items() if k != "A3.3"}
    code, item = rate(dossier(tmp_path, [sheet, sheet], facts={"local_labour_share": 0.10}))
    assert code == 0
    a33 = criterion(item, "A3.3")
    assert (a33["option"], a33["points"], a33["members"]) == ("none", 0.0,
                                                              {"M1": "none", "M2": "none"})
    assert a33["derived_from"] == ["local_labour_share"]
    assert (item["total"], item["parts"]["A"], item["stars"]) == (97.0, 37.0, 5)


def test_unknown_labour_share_is_still_not_derived(tmp_path: Path) -> None:
    sheet = {k: v for k, v in TOP.items() if k != "A3.3"}
    code, item = rate(dossier(tmp_path, [sheet]))
    assert code == 1 and item["outcome"] == "not-rated"
    assert "A3.3" in item["errors"][0]["message"] and "none" in item["errors"][0]["message"]


def test_none_on_3_5_caps_at_2_stars_through_its_3_star_mark(tmp_path: Path) -> None:
    """3.5 a carries *** (line 319): none is below it, so 97.00 holds 2 stars only."""
    sheet = {**TOP, "A3.5": "none"}
    code, item = rate(dossier(tmp_path, [sheet, sheet, sheet]))
    assert code == 0
    assert (item["total"], item["band_stars"], item["stars"]) == (97.0, 5, 2)
    assert (item["outcome"], item["recognised"]) == ("not-recognised", False)
    assert [g["id"] for g in item["gates"]] == ["min-option:A3.5"]


def test_a_dash_in_a_score_sheet_is_none(tmp_path: Path) -> None:
    ids = list(TOP)
    lines = ["product_id,product_name,rubric,member," + ",".join(ids)]
    for member in ("M1", "M2"):
        cells = ["-" if cid == "A3.5" else TOP[cid] for cid in ids]
        lines.append(f"P-1,Thử,food-fresh-produce-26,{member}," + ",".join(cells))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, item = rate(sheet)
    assert code == 0
    assert criterion(item, "A3.5")["option"] == "none"
    assert (item["total"], item["stars"], item["outcome"]) == (97.0, 2, "not-recognised")


def test_no_story_makes_5_2_count_zero(tmp_path: Path) -> None:
    """5.2 "Chỉ áp dụng khi có câu chuyện sản phẩm" (line 340). From the best boxes: 6.3, 6.4,
    7 to a (-9), 11 a (-1), 12 a (-2), 5.1 a (-5), 1.2, 1.4, 3.1 a (-6), 1.7, 2.4, 3.2 a (-3),
    4.2 a (-3): 71.00 if 5.2 c's 2 points were added; the decision gives 69.00."""
    sheet = {**TOP, "C6.3": "a", "C6.4": "a", "C7": "a", "C11": "a", "C12": "a", "B5.1": "a",
             "A1.2": "a", "A1.4": "a", "A3.1": "a", "A1.7": "a", "A2.4": "a", "A3.2": "a",
             "B4.2": "a", "B5.2": "c"}
    code, item = rate(dossier(tmp_path, [sheet, sheet]))
    assert code == 0
    assert (item["total"], item["parts"]["B"]) == (69.0, 15.0)   # 25 - 5 - 3 - 2
    b52 = criterion(item, "B5.2")
    assert (b52["points"], b52["applies"], b52["members"]) == (0.0, False, {"M1": "c", "M2": "c"})
    assert b52["not_applicable"] == "sản phẩm không có câu chuyện (5.1 a)"
    # 5.1 a misses 5.1 e's **** mark: 3 stars, recognised by the province
    assert (item["stars"], item["outcome"]) == (3, "recognised")
    out = tmp_path / "explain.txt"
    explain = runner.invoke(app, ["explain", str(tmp_path / "d.yaml"), "-o", str(out)])
    assert explain.exit_code == 0
    assert "không áp dụng: sản phẩm không có câu chuyện (5.1 a)" in out.read_text("utf-8")


def test_tourism_member_mixing_cases_is_a_located_error(tmp_path: Path) -> None:
    mixed = {**TOURISM, "C9": "d"}            # 8 in case 1, 9 in case 2
    path = dossier(tmp_path, [TOURISM, mixed], rubric="tourism-community-26")
    code, item = rate(path)
    assert code == 1 and item["outcome"] == "not-rated"
    [error] = item["errors"]
    line = path.read_text(encoding="utf-8").splitlines().index("    C9: d") + 1
    assert (error["line"], error["field"]) == (line, "council[1].scores.C9")
    assert "M2" in error["message"] and "C8, C9, C15" in error["message"]


def test_tourism_members_on_different_cases_are_flagged(tmp_path: Path) -> None:
    other = {**TOURISM, "C8": "d", "C9": "d", "C15": "d"}   # all three in case 2
    code, item = rate(dossier(tmp_path, [TOURISM, other], rubric="tourism-community-26"))
    assert code == 0 and item["total"] == 100.0
    flag = item["disagreement"]
    assert flag["flagged"] is True
    assert flag["case_splits"] == [{"group": "provider", "criteria": ["C8", "C9", "C15"],
                                    "cases": {"M1": "1", "M2": "2"}}]
    assert flag["splits"] == []   # b and d give the same points: no option split
    html = tmp_path / "r.html"
    assert runner.invoke(app, ["rate", str(tmp_path / "d.yaml"), "-f", "html", "--lang", "en",
                               "-o", str(html)]).exit_code == 0
    assert "members scored C8, C9, C15 under different cases: M1: 1, M2: 2" in html.read_text(
        "utf-8")


def test_rejected_dossier_has_no_class(tmp_path: Path) -> None:
    code, item = rate(dossier(tmp_path, [TOP], facts={"dossier_falsified": True}))
    assert code == 0
    assert (item["outcome"], item["stars"], item["recognised"]) == ("rejected", None, False)
    assert item["total"] == 100.0
    assert [g["id"] for g in item["gates"]] == ["rejected-dossier"]


def test_ninety_at_province_is_proposed_and_at_central_recognised(tmp_path: Path) -> None:
    path = dossier(tmp_path, [NINETY, NINETY])
    code, item = rate(path)
    assert code == 0 and item["total"] == 90.0
    assert (item["stars"], item["outcome"], item["recognised"]) == (5, "proposed-5-star", False)
    assert item["authority"] == "Bộ Nông nghiệp và Môi trường"
    _, central = rate(path, "--level", "central")
    assert (central["stars"], central["outcome"], central["recognised"]) == (
        5, "recognised", True)
    assert central["level"] == "central"


def test_89_50_at_central_is_not_recognised_there(tmp_path: Path) -> None:
    """Members 89 (12 c->b, -1) and 90: 89.50, 4 stars; the central council does not
    recognise 4 stars; the province may, on this result (Điều 7 khoản 4)."""
    path = dossier(tmp_path, [{**NINETY, "C12": "b"}, NINETY])
    code, item = rate(path, "--level", "central")
    assert code == 0
    assert [m["total"] for m in item["members"]] == [89.0, 90.0]
    assert (item["total"], item["stars"]) == (89.5, 4)
    assert (item["outcome"], item["recognised"]) == ("not-recognised", False)
    assert item["province_may_recognise"] == 4
    table = runner.invoke(app, ["rate", str(path), "--level", "central", "--lang", "en"])
    assert "may recognise 4 stars" in " ".join(table.stdout.split())  # wrapped at 80 columns


def test_every_report_says_the_outcome_and_who_recognises(tmp_path: Path) -> None:
    import csv

    from openpyxl import load_workbook

    path = dossier(tmp_path, [NINETY, NINETY])
    for lang, outcome, who in (("vi", "Đề nghị công nhận 5 sao", "Bộ Nông nghiệp và Môi trường"),
                               ("en", "Proposed for 5 stars",
                                "Ministry of Agriculture and Environment")):
        table = runner.invoke(app, ["rate", str(path), "--lang", lang, "-o",
                                    str(tmp_path / f"t-{lang}.txt")])
        assert table.exit_code == 0
        text = " ".join((tmp_path / f"t-{lang}.txt").read_text("utf-8").split())  # unwrapped
        assert outcome.split()[0] in text and who in text and "Điều 7 khoản 3 điểm e" in text
        md = runner.invoke(app, ["rate", str(path), "-f", "markdown", "--lang", lang])
        assert outcome in md.stdout and who in md.stdout
        html = tmp_path / f"r-{lang}.html"
        assert runner.invoke(app, ["rate", str(path), "-f", "html", "--lang", lang,
                                   "-o", str(html)]).exit_code == 0
        page = html.read_text("utf-8")
        assert outcome in page and who in page
        out = tmp_path / f"r-{lang}.csv"
        assert runner.invoke(app, ["rate", str(path), "-f", "csv", "--lang", lang,
                                   "-o", str(out)]).exit_code == 0
        [row] = list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
        assert (row["outcome"], row["recognised"], row["authority"]) == (
            "proposed-5-star", "false", who)
        book = tmp_path / f"r-{lang}.xlsx"
        assert runner.invoke(app, ["rate", str(path), "-f", "xlsx", "--lang", lang,
                                   "-o", str(book)]).exit_code == 0
        workbook = load_workbook(book)
        sheet = workbook["data"]  # the machine sheet: CONTRACT field names
        head = [c.value for c in sheet[1]]
        cells = dict(zip(head, [c.value for c in sheet[2]], strict=True))
        assert (cells["outcome"], cells["authority"]) == ("proposed-5-star", who)
        people = [c.value for c in workbook.worksheets[0][2]]  # the sheet for people
        assert any(outcome in str(v) for v in people if v)
        assert any(who in str(v) for v in people if v)


def test_a_rejected_dossier_shows_no_class_in_the_table(tmp_path: Path) -> None:
    path = dossier(tmp_path, [TOP], facts={"dossier_falsified": True})
    out = tmp_path / "t.txt"
    assert runner.invoke(app, ["rate", str(path), "--lang", "en", "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    assert "Dossier rejected" in text or "Rejected" in text
    assert "5 stars" not in text.split("\n5 stars:")[0]   # no class beside the product


def test_a_gate_on_the_councils_options(tmp_path: Path) -> None:
    """A rejection that reads the council's options (how sheet 16's "0 points on one of the
    indicators above stops the evaluation" is written, tools/gen_rubrics.py
    ENCODE_ZERO_STOP): a majority at 0 points rejects; one member of three does not."""
    import copy

    from tests.conftest import TINY_RUBRIC

    rubric = copy.deepcopy(TINY_RUBRIC)
    rubric["gates"].append({"id": "zero-c1", "effect": "block",
                            "when": {"criterion": "C1", "in": ["a", "none"]},
                            "reason": {"vi": "0 điểm ở C1", "en": "0 points on C1"}})
    rules = dump(tmp_path / "rules" / "tiny.yaml", rubric).parent
    good = {"A1": "h", "B1": "c", "C1": "c"}
    path = dossier(tmp_path, [good, {**good, "C1": "a"}, {**good, "C1": "none"}], rubric="tiny")
    code, item = rate(path, "--rules", str(rules))
    assert code == 0
    assert (item["outcome"], item["stars"]) == ("rejected", None)
    assert [g["id"] for g in item["gates"]] == ["zero-c1", "min-option:C1"]  # and C1 b's ****
    one = dossier(tmp_path, [good, good, {**good, "C1": "a"}], rubric="tiny", name="e.yaml")
    _, item = rate(one, "--rules", str(rules))
    assert "zero-c1" not in [g["id"] for g in item["gates"]]   # the majority is at c
    assert (item["total"], item["outcome"]) == (88.33, "recognised")  # (100+100+65)/3


def test_golden_file_records_a_rejected_dossier(tmp_path: Path) -> None:
    path = dossier(tmp_path, [TOP], facts={"dossier_falsified": True})
    golden = tmp_path / "golden.csv"
    update = runner.invoke(app, ["check", str(path), "--expect", str(golden), "--update"])
    assert update.exit_code == 0, update.output
    assert "P-1,food-fresh-produce-26,rejected,100.00" in golden.read_text("utf-8")
    again = runner.invoke(app, ["check", str(path), "--expect", str(golden)])
    assert again.exit_code == 0, again.output
    clean = dossier(tmp_path, [TOP], facts={"dossier_falsified": False}, name="d.yaml")
    moved = runner.invoke(app, ["check", str(clean), "--expect", str(golden), "--lang", "en"],
                          env={"COLUMNS": "200"})
    assert moved.exit_code == 1 and "expected rejected" in " ".join(moved.output.split())


def test_sheet_16_stops_at_a_zero_sensory_score(tmp_path: Path) -> None:
    """Sheet 16, note under 6.4 (full text line 2861): 0 points on one of 6.1-6.4 stops the
    evaluation. The bundled sample with a majority ticking 6.2 a ("Có màu") is rejected; with
    one member of three it is rated as before."""
    from tests.conftest import SAMPLES

    sample = (SAMPLES / "qn-cp-nuoc-khoang-quang-hanh.yaml").read_text("utf-8")
    assert sample.count("C6.2: b") == 3
    coloured = tmp_path / "coloured.yaml"
    coloured.write_text(sample.replace("C6.2: b", "C6.2: a"), "utf-8")
    code, item = rate(coloured)
    assert code == 0
    assert (item["outcome"], item["stars"]) == ("rejected", None)
    assert "zero-sensory-score" in [g["id"] for g in item["gates"]]
    one = tmp_path / "one.yaml"
    one.write_text(sample.replace("C6.2: b", "C6.2: a", 1), "utf-8")
    _, item = rate(one)
    assert (item["outcome"], item["stars"]) == ("recognised", 4)
    assert "zero-sensory-score" not in [g["id"] for g in item["gates"]]
