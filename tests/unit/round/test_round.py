"""Council rounds through the real CLI, on real files (CSV, XLSX, YAML)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests import round_factory as rf
from tests.conftest import bundled_library

runner = CliRunner()
RESULT_KEYS = ("product_id", "total", "parts", "band_stars", "stars", "recognised", "gates",
               "members", "criteria", "next_star", "disagreement")


def rate_json(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """``rate ROUND/ -f json``: the CONTRACT array (``products``) and the round's problems,
    one located line each on stderr (``problems``)."""
    result = runner.invoke(app, ["rate", str(folder), "-f", "json", "--lang", "en", *args])
    assert result.exit_code in (0, 1), result.output
    array = json.loads(result.stdout)
    assert isinstance(array, list)  # CONTRACT.md: a JSON array, one object per product
    lines = [line.removeprefix("error: ") for line in result.stderr.splitlines()]
    return result.exit_code, {"products": array, "problems": lines}


def status_json(folder: Path, *args: str) -> dict[str, Any]:
    """``round status -f json``: the round, its matrix, extra ids and problems."""
    result = runner.invoke(app, ["round", "status", str(folder), "-f", "json", "--lang",
                                 "en", *args])
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def product(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in data["products"] if p["product_id"] == pid)


def problems(data: dict[str, Any]) -> list[str]:
    return list(data["problems"])


def edit_config(folder: Path, **changes: Any) -> None:
    path = folder / "round.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.update(changes)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def test_one_workbook_per_member_rates_as_one_combined_sheet(tmp_path: Path) -> None:
    rf.make_round(tmp_path / "apart", products=12, members=5, per_member=True)
    rf.make_round(tmp_path / "together", products=12, members=5, per_member=False,
                  suffix=".csv")
    code_a, apart = rate_json(tmp_path / "apart")
    code_t, together = rate_json(tmp_path / "together")
    assert code_a == code_t == 0
    assert len(apart["products"]) == 12 and not apart["problems"]
    for a, t in zip(apart["products"], together["products"], strict=True):
        assert {k: a[k] for k in RESULT_KEYS} == {k: t[k] for k in RESULT_KEYS}
        assert a["stars"] is not None and len(a["members"]) == 5
    # the round's fields: level, round, quorum and who scored what
    status = status_json(tmp_path / "apart")
    assert status["round"]["level"] == "province" and status["round"]["required"] == 3
    assert set(status["completeness"]) == set(rf.product_ids(12)) and not status["problems"]
    first = apart["products"][0]
    assert first["level"] == "province" and first["round"] == "Đợt 2 năm 2026"
    assert first["level_source"] == "round.yaml" and first["round_date"] == "2026-11-20"
    assert first["quorum"] == {"required": 3, "scoring": 5, "scored": 5, "met": True,
                               "checked": True}
    assert set(first["completeness"].values()) == {"scored"}
    assert rf.SECRETARY not in first["completeness"]  # the secretary does not score


def test_round_of_12_by_5_scores_as_the_same_scores_in_one_loose_sheet(tmp_path: Path
                                                                       ) -> None:
    """The round is scored on the engine's column path, one block per rubric: a round of
    12 products x 5 members (one workbook each) gives what the same scores give as one
    combined loose score sheet — totals, parts, band, each member, each criterion."""
    drawn = rf.make_round(tmp_path / "round", products=12, members=5)
    loose = tmp_path / "loose.csv"
    rows = []
    for (pid, member), codes in drawn.items():
        full = dict(codes)
        full.update({"A1.1": "c", "A3.2": "b", "A3.3": "b"})  # what the facts derive
        rows.append((pid, member, full))
    rf.write_sheet(loose, rows)
    result = runner.invoke(app, ["rate", str(loose), "-f", "json"])
    assert result.exit_code == 0, result.output
    def view(p: dict[str, Any]) -> dict[str, Any]:  # CONTRACT's keys (criteria too)
        keys = ("product_id", "total", "parts", "band_stars", "members")
        return {**{k: p[k] for k in keys}, "criteria": [
            {k: c[k] for k in ("id", "points", "max_points", "option")}
            for c in p["criteria"]]}

    flat = [view(p) for p in json.loads(result.stdout)]
    _, rated = rate_json(tmp_path / "round")
    assert [view(p) for p in rated["products"]] == flat
    assert len(flat) == 12 and all(len(p["members"]) == 5 for p in flat)


def drop_rows(path: Path, pids: set[str]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row=row, column=1).value in pids:
            sheet.delete_rows(row)
    book.save(path)


def test_missing_member_on_two_products_quorum_met_or_not(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    rf.make_round(folder)
    drop_rows(folder / "member-4.xlsx", {"QN-UB-0003", "QN-UB-0007"})
    code, data = rate_json(folder)
    assert code == 0  # quorum 0.6 of 5 = 3 members; 4 scored
    p3 = product(data, "QN-UB-0003")
    assert p3["completeness"]["Lê Thu Hà"] == "missing"
    assert p3["quorum"]["scored"] == 4 and p3["quorum"]["met"] and p3["stars"] is not None
    assert len(p3["members"]) == 4
    status = runner.invoke(app, ["round", "status", str(folder), "--lang", "en"])
    assert status.exit_code == 1  # someone is still missing
    assert "missing" in status.stdout and "QN-UB-0007" in status.stdout

    edit_config(folder, quorum=5)
    code, data = rate_json(folder)
    assert code == 1
    for pid in ("QN-UB-0003", "QN-UB-0007"):
        item = product(data, pid)
        assert item["stars"] is None and not item["quorum"]["met"]
        assert item["outcome"] == "not-rated" and item["round"] == "Đợt 2 năm 2026"
        assert any("4 of 5 members scored it, 5 needed; not rated. Missing: Lê Thu Hà"
                   in e["message"] for e in item["errors"])
    assert product(data, "QN-UB-0001")["stars"] is not None  # the others are rated
    table = runner.invoke(app, ["rate", str(folder)])
    assert table.exit_code == 1
    assert "4/5 thành viên đã chấm, cần 5; chưa xếp hạng. Còn thiếu: Lê Thu Hà" in table.stdout


def retype_id(path: Path, old: str, new: str) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == old:
            sheet.cell(row=row, column=1).value = new
    book.save(path)


def test_typo_id_is_a_near_miss_not_a_product(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    rf.make_round(folder)
    retype_id(folder / "member-2.xlsx", "QN-UB-0001", "QN-UB-001")
    code, data = rate_json(folder)
    assert code == 1
    assert [p["product_id"] for p in data["products"]] == rf.product_ids(12)
    near = [t for t in problems(data) if "QN-UB-001 was scored by 1 of 5 members" in t]
    assert len(near) == 1 and "did you mean QN-UB-0001?" in near[0]
    assert "member-2.xlsx:2:1" in near[0]  # the cell of the typo
    status = status_json(folder)
    assert status["extra"] == [{"product_id": "QN-UB-001", "members": ["Hoàng Văn Sơn"],
                                "suggestion": "QN-UB-0001"}]
    [located] = [p for p in status["problems"] if p["message_id"] == "round.near_miss"]
    assert (located["line"], located["column"]) == (2, 1)
    assert located["file"].endswith("member-2.xlsx") and located["text"] == near[0]
    p1 = product(data, "QN-UB-0001")
    assert p1["completeness"]["Hoàng Văn Sơn"] == "missing" and p1["quorum"]["scored"] == 4
    vi = runner.invoke(app, ["rate", str(folder)])
    assert "QN-UB-001 được 1/5 thành viên chấm (Hoàng Văn Sơn); có phải là QN-UB-0001?" \
        in vi.stdout


def test_sheet_from_someone_not_on_the_roster_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    drawn = rf.make_round(folder)
    stranger = [(pid, "Người Lạ", drawn[(pid, rf.MEMBERS[0])]) for pid in rf.product_ids(12)]
    rf.write_sheet(folder / "stranger.csv", stranger)
    secretary = [(pid, rf.SECRETARY, drawn[(pid, rf.MEMBERS[0])])
                 for pid in rf.product_ids(2)]
    rf.write_sheet(folder / "secretary.csv", secretary)
    code, data = rate_json(folder)
    assert code == 1
    texts = problems(data)
    assert sum("'Người Lạ' is not on the council's roster" in t for t in texts) == 1
    assert sum(f"'{rf.SECRETARY}' is the council's secretary" in t for t in texts) == 1
    for item in data["products"]:
        assert [m["member"] for m in item["members"]] == rf.MEMBERS[:5]


def test_consensus_mode_uses_the_agreed_sheet_beside_the_members(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    drawn = rf.make_round(folder, products=3, mode="consensus")
    agreed = raise_codes({c: "b" for c in rf.criteria() if c not in rf.DERIVED})
    rf.write_sheet(folder / "thong-nhat.csv",
                   [(pid, "Hội đồng", agreed) for pid in rf.product_ids(3)])
    code, data = rate_json(folder)
    assert code == 0, problems(data)
    for item in data["products"]:
        assert [m["member"] for m in item["members"]] == ["Hội đồng"]
        own = item["members"][0]["total"]
        assert item["total"] == own  # the agreed sheet, not a mean
        individual = {i["member"]: i["total"] for i in item["individual"]}
        assert set(individual) == set(rf.MEMBERS[:5])
        mean = round(sum(individual.values()) / 5, 2)
        assert mean != own
        sheets = item["sheets"]
        assert sheets[0]["consensus"] and sheets[0]["final"] and sheets[0]["total"] == own
    assert drawn  # members' sheets were there, shown beside
    # a product without an agreed sheet is not rated
    rf.write_sheet(folder / "thong-nhat.csv",
                   [(pid, "Hội đồng", agreed) for pid in rf.product_ids(2)])
    code, data = rate_json(folder)
    assert code == 1 and product(data, "QN-UB-0003")["stars"] is None


def raise_codes(codes: dict[str, str]) -> dict[str, str]:
    """Every criterion one option higher where it can go (a member who re-scores up)."""

    rubric = bundled_library().rubrics[rf.RUBRIC]
    out = {}
    for cid, code in codes.items():
        options = [o.code for o in rubric.criteria_by_id[cid].options]
        out[cid] = options[min(len(options) - 1, options.index(code) + 1)]
    return out


@pytest.mark.parametrize("how", ["pass column", "later file in round.yaml"])
def test_rescored_product_keeps_history_and_uses_the_final_sheet(tmp_path: Path,
                                                                 how: str) -> None:
    folder = tmp_path / "r"
    drawn = rf.make_round(folder)
    member, pid = rf.MEMBERS[1], "QN-UB-0004"
    _, before = rate_json(folder)
    first_total = next(m["total"] for m in product(before, pid)["members"]
                       if m["member"] == member)
    again = raise_codes(drawn[(pid, member)])
    if how == "pass column":
        rf.write_sheet(folder / "rescore.csv", [(pid, member, again)],
                       extra={"pass": ["2"], "comment": ["Đã xem lại mẫu"],
                              "date": ["2026-11-21"]})
    else:
        (folder / "second").mkdir()
        rf.write_sheet(folder / "second" / "son.csv", [(pid, member, again)])
        edit_config(folder, sheets=[f"member-{i}.xlsx" for i in range(1, 6)]
                    + ["second/son.csv"])
    code, data = rate_json(folder)
    assert code == 0, problems(data)
    item = product(data, pid)
    final = next(m["total"] for m in item["members"] if m["member"] == member)
    assert final > first_total
    mine = [s for s in item["sheets"] if s["member"] == member]
    assert [(s["final"], s["pass_no"]) for s in mine] == (
        [(True, 2), (False, 1)] if how == "pass column" else [(True, 1), (False, 1)])
    assert next(s for s in mine if not s["final"])["total"] == first_total
    assert item["completeness"][member] == "rescored"
    assert item["pair"] is not None and item["pair"]["high"] != item["pair"]["low"]
    table = runner.invoke(app, ["rate", str(folder), "--lang", "en"])
    assert f"{pid}: {member} re-scored" in table.stdout
    if how == "pass column":
        assert mine[0]["comment"] == "Đã xem lại mẫu" and mine[0]["date"] == "2026-11-21"
        assert "Đã xem lại mẫu" in table.stdout


def test_two_sheets_in_one_pass_are_a_problem_not_a_silent_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    drawn = rf.make_round(folder)
    member, pid = rf.MEMBERS[0], "QN-UB-0002"
    rf.write_sheet(folder / "again.csv", [(pid, member, raise_codes(drawn[(pid, member)]))])
    code, data = rate_json(folder)
    assert code == 1
    item = product(data, pid)
    assert item["stars"] is None
    assert any("scores product QN-UB-0002 twice" in e["message"] for e in item["errors"])


def test_level_from_the_command_line_overrides_round_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    rf.make_round(folder, products=2)
    _, data = rate_json(folder, "--level", "central")
    assert {(p["level"], p["level_source"]) for p in data["products"]} == {
        ("central", "--level")}
    md = runner.invoke(app, ["rate", str(folder), "-f", "markdown", "--level", "central"])
    assert "Hội đồng cấp Trung ương" in md.stdout and "Túc số" in md.stdout


def test_bad_round_yaml_is_located_and_stops(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    rf.make_round(folder, products=2)
    edit_config(folder, quorum=9, products="../outside.csv")
    result = runner.invoke(app, ["rate", str(folder)])
    assert result.exit_code == 2
    assert "round.yaml" in result.output
    edit_config(folder, quorum=3, products="../outside.csv")
    result = runner.invoke(app, ["rate", str(folder), "--lang", "en"])
    assert result.exit_code == 2 and "outside the round folder" in result.output


def fill_workbooks(folder: Path, seed: int = 3) -> None:
    """What members do: open their workbook and pick a code in every criterion cell."""
    import random

    from openpyxl import load_workbook


    rubrics = bundled_library().rubrics
    rng = random.Random(seed)
    for path in sorted((folder / "sheets").glob("*.xlsx")):
        book = load_workbook(path)
        sheet = book["Phiếu chấm"]
        head = [c.value for c in sheet[1]]
        for row in range(2, sheet.max_row + 1):
            rubric = rubrics[sheet.cell(row=row, column=3).value]
            for crit in rubric.criteria:
                if crit.id in rf.DERIVED:
                    continue
                codes = [o.code for o in crit.options]
                col = head.index(crit.id) + 1
                sheet.cell(row=row, column=col).value = codes[rng.randrange(len(codes))]
            sheet.cell(row=row, column=head.index("date") + 1).value = "2026-11-20"
        sheet.cell(row=2, column=head.index("comment") + 1).value = "Sản phẩm tốt, bao bì đẹp"
        book.save(path)


def test_round_new_scaffold_filled_by_openpyxl_then_rated(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Họ và tên", "Đơn vị", "Vai trò"])
        out.writerow(["Nguyễn Thị Lan", "Sở NN&MT", "Chủ tịch"])
        out.writerow(["Hoàng Văn Sơn", "Sở KH&CN", "Thành viên"])
        out.writerow(["Trần Minh Đức", "Sở Công Thương", "Thành viên"])
        out.writerow([rf.SECRETARY, "Văn phòng", "Thư ký"])
    products = tmp_path / "danh-sach.csv"
    rf.write_products(products, 4)
    folder = tmp_path / "dot-2"
    args = ["round", "new", str(folder), "--roster", str(roster), "--products",
            str(products), "--name", "Đợt 2 năm 2026", "--date", "2026-11-20",
            "--province", "Quảng Ninh", "--quorum", "2/3"]
    made = runner.invoke(app, args)
    assert made.exit_code == 0, made.output
    books = sorted(p.name for p in (folder / "sheets").glob("*.xlsx"))
    assert books == ["hoang-van-son.xlsx", "nguyen-thi-lan.xlsx", "tran-minh-duc.xlsx"]
    from openpyxl import load_workbook

    book = load_workbook(folder / "sheets" / "hoang-van-son.xlsx")
    sheet = book["Phiếu chấm"]
    assert [sheet.cell(row=r, column=4).value for r in range(2, 6)] == ["Hoàng Văn Sơn"] * 4
    assert [sheet.cell(row=r, column=1).value for r in range(2, 6)] == rf.product_ids(4)
    assert sheet.data_validations.dataValidation  # option drop-downs
    assert "Hướng dẫn - Guide" in book.sheetnames

    status = runner.invoke(app, ["round", "status", str(folder)])
    assert status.exit_code == 1  # nobody has scored yet: blank sheets fail the fit check
    fill_workbooks(folder)
    code, data = rate_json(folder)
    assert code == 0, problems(data)
    assert status_json(folder)["round"]["required"] == 2 and len(data["products"]) == 4
    assert all(p["stars"] is not None for p in data["products"])
    first = product(data, "QN-UB-0001")
    comments = [s["comment"] for s in first["sheets"] if s["comment"]]
    assert comments == ["Sản phẩm tốt, bao bì đẹp"] * 3
    vi = runner.invoke(app, ["rate", str(folder), "--lang", "vi"], env={"COLUMNS": "200"})
    en = runner.invoke(app, ["rate", str(folder), "--lang", "en"], env={"COLUMNS": "200"})
    assert "Ngày: 20/11/2026" in vi.stdout and "(20/11/2026): Sản phẩm tốt" in vi.stdout
    assert "Date: 2026-11-20" in en.stdout and "(2026-11-20): Sản phẩm tốt" in en.stdout

    before = (folder / "round.yaml").read_bytes()
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "--force" in again.output
    assert (folder / "round.yaml").read_bytes() == before
    assert load_workbook(folder / "sheets" / "hoang-van-son.xlsx")["Phiếu chấm"].cell(
        row=2, column=8).value is not None  # the filled workbook is untouched (A1.2)
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0


def test_yaml_sheet_and_yaml_product_list(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    drawn = rf.make_round(folder, products=2, members=3, per_member=False, suffix=".csv")
    (folder / "combined.csv").unlink()
    listed = [{"id": pid, "name": f"Sản phẩm {pid}", "rubric": rf.RUBRIC,
               "registration": "re-evaluation", "legal_representative": "Bà Hoa",
               "facts": rf.FACTS} for pid in rf.product_ids(2)]
    (folder / "products.yaml").write_text(yaml.safe_dump({"products": listed},
                                                         allow_unicode=True), "utf-8")
    (folder / "products.csv").unlink()
    edit_config(folder, products="products.yaml")
    for member in rf.MEMBERS[:3]:
        sheet = {"member": member, "date": "2026-11-20",
                 "products": [{"product_id": pid, "scores": drawn[(pid, member)]}
                              for pid in rf.product_ids(2)]}
        (folder / f"{rf.slug_like(member)}.yaml").write_text(
            yaml.safe_dump(sheet, allow_unicode=True), "utf-8")
    code, data = rate_json(folder)
    assert code == 0, problems(data)
    item = data["products"][0]
    assert item["registration"] == "re-evaluation" and item["legal_representative"] == "Bà Hoa"
    assert len(item["members"]) == 3
    assert {s["date"] for s in item["sheets"]} == {"2026-11-20"}


def test_csv_of_a_round_carries_level_round_and_quorum(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    rf.make_round(folder, products=3)
    drop_rows(folder / "member-5.xlsx", {"QN-UB-0002"})
    out = tmp_path / "ket-qua.csv"
    result = runner.invoke(app, ["rate", str(folder), "-f", "csv", "-o", str(out),
                                 "--level", "central"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["product_id"] for r in table] == rf.product_ids(3)
    second = table[1]
    assert second["level"] == "central" and second["round"] == "Đợt 2 năm 2026"
    assert second["members_scored"] == "4" and second["quorum_met"] == "true"
    assert second["missing"] == "Phạm Quốc Bảo" and second["stars"]
    inside = runner.invoke(app, ["rate", str(folder), "-f", "csv", "-o",
                                 str(folder / "ket-qua.csv")])
    assert inside.exit_code == 2 and not (folder / "ket-qua.csv").exists()


def test_html_and_xlsx_of_a_round_open_with_the_round(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "r"
    rf.make_round(folder, products=2)
    drop_rows(folder / "member-3.xlsx", {"QN-UB-0002"})
    page = tmp_path / "bao-cao.html"
    assert runner.invoke(app, ["rate", str(folder), "-f", "html", "-o", str(page)]
                         ).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "Đợt đánh giá: Đợt 2 năm 2026" in html and "Hội đồng cấp tỉnh" in html
    assert html.index('class="round"') < html.index("QN-UB-0001")
    book_path = tmp_path / "ket-qua.xlsx"
    assert runner.invoke(app, ["rate", str(folder), "-f", "xlsx", "-o", str(book_path),
                               "--lang", "en"]).exit_code == 0
    book = load_workbook(book_path)
    assert book.sheetnames[:2] == ["Đợt đánh giá", "Who scored what"]  # then the results
    cells = [c for name in book.sheetnames[:2] for row in book[name].iter_rows(values_only=True)
             for c in row if c]
    assert "Round: Đợt 2 năm 2026" in cells and "missing" in cells


def test_a_link_out_of_the_round_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    drawn = rf.make_round(folder, products=2)
    secret = tmp_path / "elsewhere.csv"
    rf.write_sheet(secret, [(pid, rf.MEMBERS[0], drawn[(pid, rf.MEMBERS[0])])
                            for pid in rf.product_ids(2)])
    (folder / "link.csv").symlink_to(secret)
    code, data = rate_json(folder)
    assert code == 1
    assert any("a link to a file outside the round folder; not read" in t
               for t in problems(data))
    assert all(p["stars"] is not None for p in data["products"])


def top_codes(lower: tuple[str, ...] = ()) -> dict[str, str]:
    """Every scored criterion at its best option; those in ``lower`` at their worst."""
    rubric = bundled_library().rubrics[rf.RUBRIC]
    return {c.id: (min(c.options, key=lambda o: o.points) if c.id in lower
                   else max(c.options, key=lambda o: o.points)).code
            for c in rubric.criteria if c.id not in rf.DERIVED}


def level_round(folder: Path, level: str) -> None:
    """Two products scored alike by 3 members: QN-UB-0001 at 90+ (5 stars), QN-UB-0002
    lowered on criteria without a 5-star mark to 4 stars."""
    rf.make_round(folder, products=2, members=3, per_member=False, suffix=".csv")
    edit_config(folder, level=level)
    four = top_codes(lower=("B4.2", "B4.3", "B5.2", "C6.2", "C11", "A1.3"))
    rows = [(pid, m, codes) for pid, codes in (("QN-UB-0001", top_codes()),
                                               ("QN-UB-0002", four))
            for m in rf.MEMBERS[:3]]
    rf.write_sheet(folder / "combined.csv", rows)


@pytest.mark.parametrize(("level", "how", "five", "four"), [
    ("central", "round.yaml", ("recognised", True), ("not-recognised", False)),
    ("province", "round.yaml", ("proposed-5-star", False), ("recognised", True)),
    ("province", "--level", ("recognised", True), ("not-recognised", False)),
])
def test_the_rounds_level_decides_the_outcome(tmp_path: Path, level: str, how: str,
                                              five: tuple[str, bool],
                                              four: tuple[str, bool]) -> None:
    """Decision 26/2026, Điều 4 khoản 1: the province recognises 3 and 4 stars (điểm a),
    the Ministry's central council 5 stars (điểm b); 90+ at a provincial council is
    proposed to the Ministry (Điều 7 khoản 3 điểm e); a central council's 4 stars are
    not its to recognise (the province may, Điều 7 khoản 4 điểm g)."""
    folder = tmp_path / "r"
    level_round(folder, level)
    args = ("--level", "central") if how == "--level" else ()
    code, data = rate_json(folder, *args)
    assert code == 0
    top, good = product(data, "QN-UB-0001"), product(data, "QN-UB-0002")
    assert top["total"] >= 90 and top["stars"] == 5
    assert 70 <= good["total"] < 90 and good["stars"] == 4
    assert (top["outcome"], top["recognised"]) == five
    assert (good["outcome"], good["recognised"]) == four
    central = level == "central" or how == "--level"
    assert top["level"] == good["level"] == ("central" if central else "province")
    assert good["province_may_recognise"] == (4 if central else None)
    assert ("Điều 4 khoản 1 điểm b" in top["outcome_source"]) == central


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_members_workbook_rated_alone_names_its_round(tmp_path: Path, lang: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A secretary rates one member's workbook on its own: instead of three 'unknown
    column' errors (pass, date, comment), one located line says to rate the round folder."""
    rf.make_round(tmp_path / "dot-2", products=3, members=3)
    rows = [(pid, rf.MEMBERS[0], codes) for (pid, member), codes in
            rf.scores(3, 3).items() if member == rf.MEMBERS[0]]
    sheet = tmp_path / "dot-2" / "sheets" / "lan.xlsx"
    sheet.parent.mkdir()
    rf.write_sheet(sheet, rows, extra={"Lượt": ["1"] * 3, "Ngày": ["2026-11-20"] * 3,
                                       "Ý kiến": ["", "tốt", ""]})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rate", "dot-2/sheets/lan.xlsx", "--lang", lang])
    assert result.exit_code == 1
    said = [line for line in result.output.splitlines() if line.startswith("✗")]
    assert len(said) == 1, result.output
    assert said[0].startswith("✗ dot-2/sheets/lan.xlsx:1:")
    assert "Lượt, Ngày, Ý kiến" in said[0] and "ocop-rate rate dot-2/" in said[0]
    alone = tmp_path / "lan.xlsx"
    alone.write_bytes(sheet.read_bytes())
    result = runner.invoke(app, ["rate", str(alone), "--lang", lang])
    said = [line for line in result.output.splitlines() if line.startswith("✗")]
    assert len(said) == 1 and "round.yaml" in said[0], result.output
