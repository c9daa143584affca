"""Written-opinion rounds (issue 21, item 1; Điều 7.6.d of Decision 26/2026/QĐ-TTg): members'
sheets arrive one by one; once all (or the quorum) have answered, the round says whether the
opinions differ — and so a meeting is needed — or the result stands without one. Through
the real CLI, on rounds written in tmp_path.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import bundled_library
from tests.round_factory import FACTS, MEMBERS, SECRETARY

runner = CliRunner()
PLANT = "food-processed-plant-26"
WATER = "beverage-bottled-water-26"
TRIO = MEMBERS[:3]


def top(rubric: str) -> dict[str, str]:
    """Every criterion the members score at its best option (derived ones left blank)."""
    return {c.id: max(c.options, key=lambda o: o.points).code
            for c in bundled_library().rubrics[rubric].criteria if not c.derive}


def marked_criterion(rubric: str) -> tuple[str, str]:
    """A criterion whose 5-star mark a lower option misses: (criterion, that option)."""
    for crit in bundled_library().rubrics[rubric].criteria:
        marks = [o for o in crit.options if o.min_star == 5]
        if marks and not crit.derive:
            below = [o for o in crit.options if o.points < marks[0].points]
            if below:
                return crit.id, below[-1].code
    raise AssertionError("no 5-star mark on " + rubric)


def write_round(root: Path, products: list[tuple[str, str, str]],
                sheets: dict[str, dict[str, dict[str, str]]], *, dates: dict[str, str]
                | None = None, **settings: Any) -> Path:
    """A round: ``products`` (id, rubric, registration); ``sheets`` member -> product ->
    codes, one YAML sheet per member dated ``dates[member]``."""
    root.mkdir(parents=True, exist_ok=True)
    roster = [{"name": SECRETARY, "role": "secretary"}]
    roster += [{"name": m, "role": "member"} for m in TRIO]
    config = {"name": "Đánh giá lại đợt 2 năm 2026", "date": "2026-10-20", "level": "province",
              "province": "Quảng Ninh", "roster": roster, "spread_limit": 10,
              "products": "products.yaml", **settings}
    (root / "round.yaml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                     encoding="utf-8")
    listed = []
    for pid, rubric, registration in products:
        known = bundled_library().rubrics[rubric].facts_by_id
        listed.append({"id": pid, "name": f"Sản phẩm {pid}", "rubric": rubric,
                       "registration": registration,
                       "facts": {k: v for k, v in FACTS.items() if k in known}})
    (root / "products.yaml").write_text(yaml.safe_dump({"products": listed},
                                                       allow_unicode=True), encoding="utf-8")
    for i, (member, scored) in enumerate(sheets.items()):
        sheet = {"member": member, "date": (dates or {}).get(member, "2026-10-10"),
                 "products": [{"product_id": pid, "scores": codes}
                              for pid, codes in scored.items()]}
        (root / f"y-kien-{i + 1}.yaml").write_text(yaml.safe_dump(sheet, allow_unicode=True),
                                                   encoding="utf-8")
    return root


def rate_json(root: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    done = runner.invoke(app, ["rate", str(root), "-f", "json", *extra])
    return done.exit_code, json.loads(done.stdout)


def status_json(root: Path) -> tuple[int, dict[str, Any]]:
    done = runner.invoke(app, ["round", "status", str(root), "-f", "json"])
    return done.exit_code, json.loads(done.stdout)


def test_agreeing_opinions_stand_without_a_meeting(tmp_path: Path) -> None:
    """Three members send the same sheet for two re-evaluated products: no mode in
    round.yaml (a round of re-evaluations is a written one), nothing differs, exit 0."""
    same = {"P-1": top(PLANT), "P-2": top(PLANT)}
    root = write_round(tmp_path / "r", [("P-1", PLANT, "re-evaluation"),
                                        ("P-2", PLANT, "re-evaluation")],
                       dict.fromkeys(TRIO, same), written={"answers_due": "2026-10-15"})
    code, data = status_json(root)
    assert code == 0
    written = data["round"]["written"]
    assert data["round"]["mode"] == "written"
    assert (written["state"], written["meeting"], written["waiting"]) == ("stands", [], [])
    assert written["rules_on"] == ["classes", "spread", "star_mark", "rejection"]
    assert written["rule"]["answers_due"] == "2026-10-15"
    assert [a["on"] for a in data["written"]["P-1"]["answered"]] == ["2026-10-10"] * 3
    code, items = rate_json(root)
    assert code == 0
    assert [(i["product_id"], i["written"]["state"], i["written"]["differences"])
            for i in items] == [("P-1", "stands", []), ("P-2", "stands", [])]
    shown = runner.invoke(app, ["round", "status", str(root)])
    assert "không cần họp trực tiếp" in shown.stdout
    assert "10/10/2026" in shown.stdout          # by when each member answered


def test_differing_opinions_call_a_meeting_and_name_the_reasons(tmp_path: Path) -> None:
    """P-1: one member misses a 5-star mark (classes differ, star mark split); P-2: one
    member scores everything lowest (totals far apart, classes differ); P-3: a member's
    0 on a sensory criterion rejects the dossier on their sheet only; P-4 agrees."""
    crit, low = marked_criterion(PLANT)
    best, water = top(PLANT), top(WATER)
    worst = {c.id: min(c.options, key=lambda o: o.points).code
             for c in bundled_library().rubrics[PLANT].criteria if not c.derive}
    sheets = {m: {"P-1": best, "P-2": best, "P-3": water, "P-4": best} for m in TRIO}
    sheets[TRIO[2]] = {"P-1": {**best, crit: low}, "P-2": worst,
                       "P-3": {**water, "C6.1": "a"}, "P-4": best}
    root = write_round(tmp_path / "r", [("P-1", PLANT, "re-evaluation"),
                                        ("P-2", PLANT, "re-evaluation"),
                                        ("P-3", WATER, "re-evaluation"),
                                        ("P-4", PLANT, "re-evaluation")], sheets,
                       mode="written")
    code, items = rate_json(root)
    assert code == 1                              # a meeting is needed: action to take
    by_id = {i["product_id"]: i["written"] for i in items}
    rules = {pid: [d["rule"] for d in w["differences"]] for pid, w in by_id.items()}
    assert rules["P-1"] == ["classes", "star_mark"]
    mark = by_id["P-1"]["differences"][1]
    assert (mark["criterion"], mark["mark"]) == (crit, 5)
    assert mark["members"][TRIO[2]] == low and TRIO[2] not in mark["meets"]
    assert by_id["P-1"]["differences"][0]["members"] == {TRIO[0]: "5", TRIO[1]: "5",
                                                         TRIO[2]: "4"}
    assert rules["P-2"][:2] == ["classes", "spread"]
    assert by_id["P-2"]["differences"][1]["spread"] > 10
    assert rules["P-3"][0] == "rejection"
    assert by_id["P-3"]["differences"][0]["members"][TRIO[2]] == "rejected"
    assert rules["P-4"] == [] and by_id["P-4"]["state"] == "stands"
    assert [by_id[p]["state"] for p in ("P-1", "P-2", "P-3")] == ["meeting"] * 3
    _, status = status_json(root)
    assert status["round"]["written"]["meeting"] == ["P-1", "P-2", "P-3"]
    for fmt in ("table", "markdown", "html"):
        out = tmp_path / f"out.{fmt}"
        done = runner.invoke(app, ["rate", str(root), "-f", fmt, "-o", str(out)])
        assert done.exit_code == 1
        page = out.read_text(encoding="utf-8")
        assert "cần họp trực tiếp (3 sản phẩm): P-1, P-2, P-3" in page, fmt
        assert f"P-1: tiêu chí {crit}, mức bắt buộc của hạng 5 sao" in page, fmt
        assert "P-3: chỉ một số thành viên loại hồ sơ" in page, fmt
    out = tmp_path / "out.csv"
    assert runner.invoke(app, ["rate", str(root), "-f", "csv", "-o", str(out)]).exit_code == 1
    import csv

    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["written_state"] for r in rows] == ["meeting"] * 3 + ["stands"]
    assert "P-2: tổng điểm chênh" in rows[1]["written_reasons"]
    out = tmp_path / "out.xlsx"
    assert runner.invoke(app, ["rate", str(root), "-f", "xlsx", "-o", str(out)]).exit_code == 1
    from openpyxl import load_workbook

    cells = [str(c.value) for row in load_workbook(out).worksheets[0].iter_rows()
             for c in row if c.value is not None]
    assert any("cần họp trực tiếp (3 sản phẩm)" in c for c in cells)
    english = runner.invoke(app, ["round", "status", str(root), "--lang", "en"]).stdout
    assert "a meeting is needed (cần họp trực tiếp) for 3 products" in english


def test_each_rule_can_be_switched_off(tmp_path: Path) -> None:
    crit, low = marked_criterion(PLANT)
    best = top(PLANT)
    sheets = {m: {"P-1": best} for m in TRIO}
    sheets[TRIO[2]] = {"P-1": {**best, crit: low}}
    products = [("P-1", PLANT, "re-evaluation")]
    off = {"classes_differ": False, "star_mark_split": False}
    root = write_round(tmp_path / "off", products, sheets, written=off)
    code, items = rate_json(root)
    assert (code, items[0]["written"]["state"]) == (0, "stands")
    root = write_round(tmp_path / "marks", products, sheets, written={"classes_differ": False})
    code, items = rate_json(root)
    assert code == 1
    assert [d["rule"] for d in items[0]["written"]["differences"]] == ["star_mark"]


def test_answers_awaited_late_and_overdue(tmp_path: Path) -> None:
    """One member has not answered: with wait_for all the product waits (exit 1), with
    wait_for quorum (2 of 3) it is decided; an answer dated after answers_due is late; a
    missing answer after it is overdue."""
    best = top(PLANT)
    sheets = {TRIO[0]: {"P-1": best}, TRIO[1]: {"P-1": best}}
    dates = {TRIO[0]: "2026-10-01", TRIO[1]: "2026-10-20"}
    products = [("P-1", PLANT, "re-evaluation")]
    root = write_round(tmp_path / "all", products, sheets, dates=dates, quorum="2/3",
                       written={"answers_due": "2026-10-15"})
    code, status = status_json(root)
    assert code == 1
    written = status["round"]["written"]
    assert (written["state"], written["waiting"]) == ("waiting", ["P-1"])
    answered = status["written"]["P-1"]["answered"]
    assert [(a["member"], a["late"]) for a in answered] == [(TRIO[0], False), (TRIO[1], True)]
    assert status["written"]["P-1"]["missing"] == [TRIO[2]]
    assert written["overdue"] == [TRIO[2]]       # today is after 15/10/2026
    shown = runner.invoke(app, ["round", "status", str(root)]).stdout
    assert "✓ 20/10/2026" in shown and "(muộn)" in shown   # by when, and late
    assert "Quá hạn gửi ý kiến (15/10/2026" in shown and TRIO[2] in shown
    root = write_round(tmp_path / "quorum", products, sheets, dates=dates, quorum="2/3",
                       written={"wait_for": "quorum"})
    code, items = rate_json(root)
    assert (code, items[0]["written"]["state"]) == (0, "stands")


def test_the_mode_defaults_to_written_only_for_a_round_of_re_evaluations(
        tmp_path: Path) -> None:
    best = top(PLANT)
    sheets = {m: {"P-1": best, "P-2": best} for m in TRIO}
    root = write_round(tmp_path / "mixed", [("P-1", PLANT, "re-evaluation"),
                                            ("P-2", PLANT, "first")], sheets)
    _, status = status_json(root)
    assert (status["round"]["mode"], status["round"]["written"]) == ("average", None)
    root = write_round(tmp_path / "again", [("P-1", PLANT, "re-evaluation"),
                                            ("P-2", PLANT, "re-evaluation")], sheets)
    assert status_json(root)[1]["round"]["mode"] == "written"


def test_a_bad_written_setting_is_a_located_error(tmp_path: Path) -> None:
    sheets = {m: {"P-1": top(PLANT)} for m in TRIO}
    root = write_round(tmp_path / "bad", [("P-1", PLANT, "re-evaluation")], sheets,
                       written={"wait_for": "most", "answers_due": "15/13/2026"})
    done = runner.invoke(app, ["round", "status", str(root)])
    assert done.exit_code == 2
    said = done.stderr
    assert "round.yaml" in said and "written.wait_for" in said
    assert "written.answers_due" in said


def test_after_the_meeting_the_products_that_differed_are_met(tmp_path: Path) -> None:
    """written.meeting_on: the council met; the product whose opinions differed is 'met'
    (exit 0), its differences still listed for the minutes."""
    crit, low = marked_criterion(PLANT)
    best = top(PLANT)
    sheets = {m: {"P-1": best, "P-2": best} for m in TRIO}
    sheets[TRIO[2]] = {"P-1": {**best, crit: low}, "P-2": best}
    root = write_round(tmp_path / "r", [("P-1", PLANT, "re-evaluation"),
                                        ("P-2", PLANT, "re-evaluation")], sheets,
                       written={"meeting_on": "2026-10-25"})
    code, status = status_json(root)
    assert code == 0
    written = status["round"]["written"]
    assert (written["state"], written["met"], written["meeting"]) == ("met", ["P-1"], [])
    assert status["written"]["P-1"]["state"] == "met"
    assert [d["rule"] for d in status["written"]["P-1"]["differences"]] == [
        "classes", "star_mark"]
    shown = runner.invoke(app, ["round", "status", str(root), "-o", str(tmp_path / "s.txt")])
    page = (tmp_path / "s.txt").read_text(encoding="utf-8")
    assert shown.exit_code == 0
    assert "Đã họp trực tiếp ngày 25/10/2026 về 1 sản phẩm có ý kiến khác nhau: P-1" in page


def test_round_new_for_re_evaluations_scaffolds_a_written_round(tmp_path: Path) -> None:
    """`round new --answers-due`: round.yaml carries the deadline and no mode, so a list
    of re-evaluations makes a written-opinion round; nobody has answered yet."""
    roster = tmp_path / "roster.yaml"
    roster.write_text(yaml.safe_dump({"roster": [{"name": m, "role": "member"}
                                                 for m in TRIO]}, allow_unicode=True),
                      encoding="utf-8")
    listed = write_round(tmp_path / "src", [("P-1", PLANT, "re-evaluation")], {})
    folder = tmp_path / "dot"
    made = runner.invoke(app, ["round", "new", str(folder), "--roster", str(roster),
                               "--products", str(listed / "products.yaml"), "--name",
                               "Đánh giá lại", "--answers-due", "2026-12-20"])
    assert made.exit_code == 0, made.output
    config = yaml.safe_load((folder / "round.yaml").read_text(encoding="utf-8"))
    assert "mode" not in config
    assert config["written"] == {"answers_due": dt.date(2026, 12, 20)}
    code, status = status_json(folder)
    assert code == 1
    assert status["round"]["mode"] == "written"
    assert status["round"]["written"]["state"] == "waiting"
    assert status["written"]["P-1"]["missing"] == TRIO
    bad = runner.invoke(app, ["round", "new", str(tmp_path / "x"), "--roster", str(roster),
                              "--products", str(listed / "products.yaml"), "--name", "x",
                              "--answers-due", "20/12"])
    assert bad.exit_code == 2
