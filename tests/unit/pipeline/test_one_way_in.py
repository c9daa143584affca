"""Issue 19, one way in: the same scores give the same ratings whatever door they come in
by — YAML dossiers, one combined sheet, one file per member passed loose, a round folder —
and the same anomalies (a near-miss id, upper-case codes, a member twice, names spelled
with other case or without diacritics) are treated alike loose and in a round.

Everything runs through the real CLI on files generated here with a seeded generator over
the bundled rubrics.
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import bundled_library

runner = CliRunner()
ROSTER = ["Nguyễn Thị Lan", "Hoàng Văn Sơn", "Trần Minh Đức", "Lê Thu Hà", "Phạm Quốc Bảo",
          "Vũ Thị Mai", "Đặng Văn Hùng", "Bùi Thị Hạnh"]
Row = tuple[str, str, str, dict[str, str]]
"""(product id, rubric id, member as written, criterion -> option code)."""


def rubric_ids(rng: random.Random, count: int) -> list[str]:
    """Product sets of the decisions (no case groups: a random pick could mix cases)."""
    every = sorted(r.id for r in bundled_library().rubrics.values()
                   if not r.case_groups and re.search(r"-(26|148)$", r.id))
    return rng.sample(every, count)


def councils(seed: int, products: int = 12) -> list[Row]:
    """``products`` councils of 1 to 8 members (roster order) over four rubrics, each
    product near a quality of its own so the classes spread."""
    rng = random.Random(seed)
    library = bundled_library()
    chosen = rubric_ids(rng, 4)
    sizes = [1, 8, *[rng.randint(1, 8) for _ in range(products - 2)]]
    ids = far_apart_ids(rng, products)
    rows: list[Row] = []
    for k, size in enumerate(sizes):
        rubric = library.rubrics[chosen[k % len(chosen)]]
        members = sorted(rng.sample(range(len(ROSTER)), size))
        quality = rng.random()
        for m in members:
            codes = {}
            for crit in rubric.criteria:
                top = len(crit.options) - 1
                pick = round(quality * top + rng.gauss(0, 0.8))
                codes[crit.id] = crit.options[min(top, max(0, pick))].code
            rows.append((ids[k], rubric.id, ROSTER[m], codes))
    return rows


def far_apart_ids(rng: random.Random, count: int) -> list[str]:
    """Ids more than two edits apart and unlike but for padding, case or separators: a
    council of one member beside larger ones is then a product of its own, not a near
    miss (ids a few edits apart, QN-0001 and QN-0005, are the near-miss tests' subject)."""
    from ocop_rate.models.names import NEAR_MISS_EDITS, edits, loose_id_key

    out: list[str] = []
    while len(out) < count:
        pid = "QN-" + "".join(rng.choice("ABCDEFGHKLMNPQRSTUVXY") for _ in range(5))
        if all(edits(pid, o) > NEAR_MISS_EDITS and loose_id_key(pid) != loose_id_key(o)
               for o in out):
            out.append(pid)
    return out


def _columns(rows: list[Row]) -> list[str]:
    library = bundled_library()
    seen: dict[str, None] = {}
    for rid in dict.fromkeys(r[1] for r in rows):
        seen.update(dict.fromkeys(c.id for c in library.rubrics[rid].criteria))
    return list(seen)


def write_sheet(path: Path, rows: list[Row], columns: list[str]) -> Path:
    """A CSV sheet, or by its suffix an XLSX workbook (as members send them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = [["product_id", "product_name", "rubric", "member", *columns]]
    table += [[pid, f"Sản phẩm {pid}", rid, member, *[codes.get(c, "") for c in columns]]
              for pid, rid, member, codes in rows]
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Phiếu chấm"
        for line in table:
            sheet.append(line)
        book.save(path)
        return path
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(table)
    return path


def as_dossiers(folder: Path, rows: list[Row]) -> list[str]:
    folder.mkdir(parents=True)
    by_product: dict[str, list[Row]] = {}
    for row in rows:
        by_product.setdefault(row[0], []).append(row)
    for pid, own in by_product.items():
        data = {"product": {"id": pid, "name": f"Sản phẩm {pid}", "rubric": own[0][1]},
                "council": [{"member": m, "scores": codes} for _, _, m, codes in own]}
        (folder / f"{pid}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                            encoding="utf-8")
    return [str(folder)]


def as_combined(folder: Path, rows: list[Row]) -> list[str]:
    return [str(write_sheet(folder / "combined.csv", rows, _columns(rows)))]


def _per_member(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """Each member's rows, members in roster order (a name not on it comes last)."""
    by_member: dict[str, list[Row]] = {}
    for row in rows:
        by_member.setdefault(row[2], []).append(row)
    rank = {name: i for i, name in enumerate(ROSTER)}
    return sorted(by_member.items(), key=lambda kv: rank.get(kv[0], len(ROSTER)))


def as_member_files(folder: Path, rows: list[Row]) -> list[str]:
    columns = _columns(rows)
    return [str(write_sheet(folder / f"member-{i + 1}.csv", own, columns))
            for i, (_, own) in enumerate(_per_member(rows))]


def as_round(folder: Path, rows: list[Row], files: list[list[Row]] | None = None,
             suffix: str = ".csv") -> list[str]:
    """A round folder: the roster, the product list (every id scored, as a secretary
    lists them: near-miss ids left out), one sheet per member (or ``files``)."""
    folder.mkdir(parents=True)
    config = {"name": "Đợt 2 năm 2026", "date": "2026-11-20", "level": "province",
              "province": "Quảng Ninh", "quorum": 1, "spread_limit": 10, "mode": "average",
              "products": "products.csv",
              "roster": [{"name": n, "role": "member"} for n in ROSTER]}
    (folder / "round.yaml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                       encoding="utf-8")
    with (folder / "products.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["product_id", "product_name", "rubric"])
        listed: dict[str, tuple[str, str]] = {}  # one id per product, as first spelled
        for pid, rid, *_ in rows:
            if pid != "QN-HL-002":
                listed.setdefault(pid.upper(), (pid, rid))
        for pid, rid in listed.values():
            out.writerow([pid, f"Sản phẩm {pid}", rid])
    columns = _columns(rows)
    parts = files if files is not None else [own for _, own in _per_member(rows)]
    for i, own in enumerate(parts):
        write_sheet(folder / "sheets" / f"{i + 1:02d}{suffix}", own, columns)
    return [str(folder)]


def rate(args: list[str]) -> tuple[int, dict[str, dict[str, Any]], str]:
    """``rate ARGS -f json``: exit code, the products by id, and every problem said (a
    product's ``errors``; a round's own problems are on stderr)."""
    result = runner.invoke(app, ["rate", *args, "-f", "json", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    items = json.loads(result.stdout)
    said = [f"{e['file']}:{e['line']}: {e['message']}" for i in items
            for e in i.get("errors") or []]
    return result.exit_code, {i["product_id"]: i for i in items}, "\n".join(
        [*said, result.stderr])


ROUND_OWN = frozenset({"level_source", "round", "round_date", "registration",
                       "legal_representative", "quorum", "completeness", "sheets",
                       "individual", "pair", "written", "deadlines"})
"""The fields a round adds to each product (docs/contract.md, "Round result")."""
CRITERION = ("id", "points", "max_points", "option")
"""What every input's JSON says of a criterion (docs/contract.md; a dossier says more)."""


def contract(item: dict[str, Any]) -> dict[str, Any]:
    """A product's contract fields, less the round's own and where it was read (``file``,
    the place a warning names): the same scores must give the same of everything else."""
    out = {k: v for k, v in item.items() if k != "file" and k not in ROUND_OWN}
    out["warnings"] = [re.sub(r"\([^()]*\)", "(…)", w) for w in item.get("warnings", [])]
    out["criteria"] = [{k: c[k] for k in CRITERION} for c in item.get("criteria", [])]
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_four_doors_one_result(tmp_path: Path, seed: int) -> None:
    """12 councils of 1 to 8 members over four rubrics per seed: identical ratings fed as
    dossiers, one combined sheet, one file per member, and a round."""
    rows = councils(seed)
    results = {}
    for name, write in (("dossiers", as_dossiers), ("combined", as_combined),
                        ("members", as_member_files), ("round", as_round)):
        code, products, _ = rate(write(tmp_path / name, rows))
        assert code == 0, (name, [p["errors"] for p in products.values() if p.get("errors")])
        results[name] = {pid: contract(item) for pid, item in products.items()}
    expected = results["dossiers"]
    assert len(expected) == 12
    sizes = {pid: len(item["members"]) for pid, item in expected.items()}
    assert min(sizes.values()) == 1 and max(sizes.values()) == 8
    assert len({item["rubric"] for item in expected.values()}) == 4
    lone = [pid for pid, n in sizes.items() if n == 1]
    assert all(any("one member only" in w for w in expected[pid]["warnings"]) for pid in lone)
    for name in ("combined", "members", "round"):
        assert results[name] == expected, name


def _fixed(seed: int) -> list[Row]:
    """Three members, four products of one rubric, every product scored by all three."""
    rng = random.Random(seed)
    rubric = bundled_library().rubrics[rubric_ids(rng, 1)[0]]
    rows: list[Row] = []
    for k in range(4):
        for member in ROSTER[:3]:
            codes = {c.id: rng.choice(c.options).code for c in rubric.criteria}
            rows.append((f"QN-HL-{k + 1:04d}", rubric.id, member, codes))
    return rows


def loose_and_round(tmp_path: Path, rows: list[Row], files: list[list[Row]],
                    suffix: str = ".csv"
                    ) -> dict[str, tuple[int, dict[str, dict[str, Any]], str]]:
    """``rows`` as the members' own files passed loose, and as a round of those files."""
    columns = _columns(rows)
    loose = [str(write_sheet(tmp_path / "loose" / f"{i + 1:02d}{suffix}", own, columns))
             for i, own in enumerate(files)]
    return {"loose": rate(loose),
            "round": rate(as_round(tmp_path / "round", rows, files, suffix))}


def _by_member(rows: list[Row]) -> list[list[Row]]:
    return [own for _, own in _per_member(rows)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_near_miss_id_is_caught_loose_as_in_a_round(tmp_path: Path, suffix: str) -> None:
    """Lan types QN-HL-002 for QN-HL-0002: not rated as a product of its own, the right
    id suggested, QN-HL-0002 rated on the two others' sheets, exit 1, both ways."""
    rows = _fixed(5)
    typo = [(("QN-HL-002" if p == "QN-HL-0002" and m == ROSTER[0] else p), r, m, c)
            for p, r, m, c in rows]
    runs = loose_and_round(tmp_path, typo, _by_member(typo), suffix)
    for name, (code, products, said) in runs.items():
        assert code == 1, name
        assert "QN-HL-002" not in products or products["QN-HL-002"]["errors"], name
        assert "did you mean QN-HL-0002" in said, (name, said)
        assert [m["member"] for m in products["QN-HL-0002"]["members"]] == ROSTER[1:3]
    assert contract(runs["loose"][1]["QN-HL-0002"]) == contract(runs["round"][1]["QN-HL-0002"])
    problem = runs["loose"][1]["QN-HL-002"]["errors"][0]
    assert problem["file"].endswith(f"01{suffix}") and problem["line"] == 3
    assert problem["column"] == 1
    clean = loose_and_round(tmp_path / "clean", rows, _by_member(rows), suffix)
    assert all(code == 0 for code, _, _ in clean.values())


def test_upper_case_codes_are_the_lower_case_codes(tmp_path: Path) -> None:
    """Sơn writes B, C, NONE and -: the same ratings as in lower case, loose and round."""
    rows = _fixed(6)
    shouted: list[Row] = []
    for i, (p, r, m, c) in enumerate(rows):
        if m == ROSTER[1]:
            c = {k: ("-" if v == "none" and i % 2 else v.upper()) for k, v in c.items()}
        shouted.append((p, r, m, c))
    assert any(v.isupper() for *_, c in shouted for v in c.values())
    plain = loose_and_round(tmp_path / "plain", rows, _by_member(rows))
    loud = loose_and_round(tmp_path / "loud", shouted, _by_member(shouted))
    expected = {pid: contract(i) for pid, i in plain["loose"][1].items()}
    assert plain["loose"][0] == 0 and len(expected) == 4
    for name, (code, products, _) in [*plain.items(), *loud.items()]:
        assert code == 0, name
        assert {pid: contract(i) for pid, i in products.items()} == expected, name


def test_member_twice_is_refused_loose_as_in_a_round(tmp_path: Path) -> None:
    """Lan's sheet for QN-HL-0003 comes twice (a second file, her name in capitals and
    without diacritics): QN-HL-0003 is not rated either way, both places said; the other
    products are rated alike."""
    rows = _fixed(7)
    again = [("QN-HL-0003", r, "NGUYEN THI LAN", c) for p, r, m, c in rows
             if p == "QN-HL-0003" and m == ROSTER[0]]
    runs = loose_and_round(tmp_path, rows, [*_by_member(rows), again])
    for name, (code, products, said) in runs.items():
        assert code == 1, name
        assert "QN-HL-0003" not in products or products["QN-HL-0003"]["errors"], name
        assert "twice" in said and "01.csv" in said and "04.csv" in said, (name, said)
    for pid in ("QN-HL-0001", "QN-HL-0002", "QN-HL-0004"):
        assert contract(runs["loose"][1][pid]) == contract(runs["round"][1][pid])


def test_names_spelled_otherwise_are_one_member(tmp_path: Path) -> None:
    """A member who signs in capitals, without diacritics or with a zero-width space on
    some sheets is the same member: loose files merge her rows into one council of
    three, as the round matches her to its roster."""
    rows = _fixed(8)
    spelled = {ROSTER[0]: "nguyen thi lan", ROSTER[1]: "HOÀNG VĂN SƠN",
               ROSTER[2]: "Trần Minh\u200b Đức"}
    odd = [(p, r, spelled[m] if p in ("QN-HL-0002", "QN-HL-0004") else m, c)
           for p, r, m, c in rows]
    files = [[row for row in odd if row[2] in (m, spelled[m])] for m in ROSTER[:3]]
    runs = loose_and_round(tmp_path, odd, files)
    same = loose_and_round(tmp_path / "same", rows, _by_member(rows))
    for name, (code, products, said) in runs.items():
        assert code == 0, (name, said)
        for pid, item in products.items():
            assert len(item["members"]) == 3, (name, pid)
            ref = same[name][1][pid]
            assert (item["total"], item["stars"], item["outcome"]) == (
                ref["total"], ref["stars"], ref["outcome"]), (name, pid)


def test_member_named_by_the_file(tmp_path: Path) -> None:
    """A member's own file without a member column: the file names the member
    (``Hoàng Văn Sơn.csv``), loose as in a round (where the roster matches the name)."""
    rows = _fixed(9)
    columns = _columns(rows)
    loose: list[str] = []
    folder = tmp_path / "round"
    as_round(folder, rows, [])
    for member, own in _per_member(rows):
        for where in (tmp_path / "loose", folder):
            path = write_sheet(where / f"{member}.csv", own, columns)
            with path.open(encoding="utf-8") as handle:
                table = list(csv.reader(handle))
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows([r[:3] + r[4:] for r in table])
        loose.append(str(tmp_path / "loose" / f"{member}.csv"))
    named = rate(as_member_files(tmp_path / "named", rows))
    for code, products, said in (rate(loose), rate([str(folder)])):
        assert code == 0, said
        assert {p: contract(i) for p, i in products.items()} == \
            {p: contract(i) for p, i in named[1].items()}
        assert all(len(i["members"]) == 3 for i in products.values())


def test_ids_in_other_case_are_one_product(tmp_path: Path) -> None:
    """Đức writes the ids in lower case: the same products (ids are compared as
    ``models.names.id_key`` says), loose as in a round, each rated on three members."""
    rows = _fixed(10)
    lower = [(p.lower() if m == ROSTER[2] else p, r, m, c) for p, r, m, c in rows]
    runs = loose_and_round(tmp_path, lower, _by_member(lower))
    plain = loose_and_round(tmp_path / "plain", rows, _by_member(rows))
    for name, (code, products, said) in runs.items():
        assert code == 0, (name, said)
        assert sorted(products) == sorted({p for p, *_ in rows}), name
        assert {p: contract(i) for p, i in products.items()} == \
            {p: contract(i) for p, i in plain[name][1].items()}, name
        assert all(len(i["members"]) == 3 for i in products.values())


def test_a_part_that_cannot_be_used_stops_the_product(tmp_path: Path) -> None:
    """Lan's row of QN-HL-0001 has a code the rubric does not know: the product is not
    rated on the others' rows alone (that would be a different council), and both files
    say why; the other products are rated on all three."""
    rows = _fixed(12)
    bad = [(p, r, m, {**c, next(iter(c)): "zz"} if (p, m) == ("QN-HL-0001", ROSTER[0]) else c)
           for p, r, m, c in rows]
    code, products, said = rate(as_member_files(tmp_path, bad))
    assert code == 1
    assert "QN-HL-0001" not in {p for p, i in products.items() if not i.get("errors")}
    assert "unknown option 'zz'" in said and "whose part could not be used" in said
    assert "member-1.csv" in said and "member-2.csv" in said
    rated = [i for i in products.values() if not i.get("errors")]
    assert len(rated) == 3 and all(len(i["members"]) == 3 for i in rated)


def _said(run: tuple[int, dict[str, dict[str, Any]], str], folder: Path) -> list[str]:
    """Every located line a run says, its folder written ``…/`` (the loose files and the
    round's sheets lie in different folders; what is said of them must not differ)."""
    _, products, said = run
    lines = [f"{e['file']}:{e['line']}:{e['column']}: {e['field']}: {e['message']}"
             for item in products.values() for e in item.get("errors") or []]
    lines += [line.removeprefix("error: ") for line in said.splitlines()
              if line.startswith("error: ")]  # a round's own problems, said alike
    return sorted({line.replace(str(folder) + "/", "…/") for line in lines})


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_same_slips_are_said_in_the_same_words(tmp_path: Path, suffix: str) -> None:
    """A member twice (in capitals, without diacritics) and a near-miss id, in the same
    files passed loose and as a round's sheets: the same message, file, line and cell
    (a workbook's sheet named too), word for word, because both go through the same
    rules of ``ocop_rate.merge`` (member_twice, near_miss)."""
    rows = _fixed(13)
    slips = [(("QN-HL-002" if p == "QN-HL-0002" and m == ROSTER[1] else p), r, m, c)
             for p, r, m, c in rows]
    again = [("QN-HL-0003", r, "NGUYEN THI LAN", c) for p, r, m, c in rows
             if p == "QN-HL-0003" and m == ROSTER[0]]
    runs = loose_and_round(tmp_path, slips, [*_by_member(slips), again], suffix)
    loose = _said(runs["loose"], tmp_path / "loose")
    round_ = _said(runs["round"], tmp_path / "round" / "sheets")
    assert loose == round_
    assert len(loose) == 2, loose
    twice = next(line for line in loose if "twice" in line)
    sheet = " (Phiếu chấm)" if suffix == ".xlsx" else ""
    assert twice.startswith(f"…/04{suffix}:2:4: member")
    assert f"(…/01{suffix}{sheet}:4 and …/04{suffix}{sheet}:2)" in twice
    assert "member 'NGUYEN THI LAN' scores product QN-HL-0003 twice" in twice
    near = next(line for line in loose if "did you mean" in line)
    assert near.startswith(f"…/02{suffix}:3:1: product_id")
    assert "scored by 1 of 3 members" in near  # Lan's second sheet makes no fourth member
    assert "QN-HL-0003" not in {p for p, i in runs["round"][1].items() if not i.get("errors")}


def test_criterion_columns_labelled_with_their_names(tmp_path: Path) -> None:
    """A member labels each column with the criterion's id and name (``A1.1 Nguồn
    nguyên liệu``), as score sheets allow: read alike loose and in a round (the round
    once left such columns unread and its products below quorum)."""
    rows = _fixed(14)
    rubric = bundled_library().rubrics[rows[0][1]]
    label = {c.id: f"{c.id} {c.name.vi}" for c in rubric.criteria}
    plain = loose_and_round(tmp_path / "named", rows, _by_member(rows))  # then relabelled:
    for folder in (tmp_path / "named" / "loose", tmp_path / "named" / "round" / "sheets"):
        for path in folder.glob("*.csv"):
            with path.open(encoding="utf-8") as handle:
                table = list(csv.reader(handle))
            table[0] = [label.get(h, h) for h in table[0]]
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(table)
    assert any(" " in h for h in label.values())
    again = {"loose": rate([str(p) for p in sorted((tmp_path / "named" / "loose")
                                                   .glob("*.csv"))]),
             "round": rate([str(tmp_path / "named" / "round")])}
    for name, (code, products, said) in again.items():
        assert code == 0, (name, said)
        assert {p: contract(i) for p, i in products.items()} == \
            {p: contract(i) for p, i in plain[name][1].items()}, name
        assert all(len(i["members"]) == 3 for i in products.values()), name


def said_by(args: list[str], folder: Path) -> tuple[int, list[str]]:
    """``rate ARGS -f json``: its exit code and every located line it says (every
    product's errors, a round's own problems), ``folder`` written ``…/``."""
    result = runner.invoke(app, ["rate", *args, "-f", "json", "--lang", "en"])
    lines = [f"{e['file']}:{e['line']}:{e['column']}: {e['field']}: {e['message']}"
             for item in json.loads(result.stdout) for e in item.get("errors") or []]
    lines += [line.removeprefix("error: ") for line in result.stderr.splitlines()
              if line.startswith("error: ")]
    return result.exit_code, sorted({ln.replace(str(folder) + "/", "…/") for ln in lines})


def test_a_row_that_cannot_be_used_stops_its_product_both_ways(tmp_path: Path) -> None:
    """Sơn's row of QN-HL-0003 has a member column but a blank name: loose and in a round
    the row is said (``member is blank``) and QN-HL-0003 is not rated on the two other
    sheets, in the same words at the same cells; the other products are rated alike."""
    rows = [(p, r, "" if (p, m) == ("QN-HL-0003", ROSTER[1]) else m, c)
            for p, r, m, c in _fixed(16)]
    runs = loose_and_round(tmp_path, rows, _by_member(rows))
    loose = said_by(sorted(str(p) for p in (tmp_path / "loose").glob("*.csv")),
                    tmp_path / "loose")
    round_ = said_by([str(tmp_path / "round")], tmp_path / "round" / "sheets")
    assert loose == round_
    assert loose[0] == 1 and len(loose[1]) == 2
    assert "…/04.csv:2:4: member: member is blank" in loose[1]
    assert any(ln.startswith("…/01.csv:4:1: product_id: QN-HL-0003 is also scored in "
                             "…/04.csv, whose part could not be used") for ln in loose[1])
    for name, (_, products, _) in runs.items():
        rated = {p: contract(i) for p, i in products.items() if not i.get("errors")}
        assert sorted(rated) == ["QN-HL-0001", "QN-HL-0002", "QN-HL-0004"], name
    assert {p: contract(i) for p, i in runs["loose"][1].items() if not i.get("errors")} == \
        {p: contract(i) for p, i in runs["round"][1].items() if not i.get("errors")}
