"""Build council rounds on disk for the tests: a roster, a product list, members' sheets.

Scores are drawn with a fixed seed; each product has a quality and members score near it,
as the benchmark's sheets do. Nothing here rates anything.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import bundled_library

RUBRIC = "food-processed-plant-26"
MEMBERS = ["Nguyễn Thị Lan", "Hoàng Văn Sơn", "Trần Minh Đức", "Lê Thu Hà", "Phạm Quốc Bảo",
           "Vũ Thị Mai", "Đặng Văn Hùng"]
SECRETARY = "Bùi Thanh Tâm"
FACTS = {"local_material_share": 0.8, "local_labour_share": 0.6,
         "legal_rep_woman_minority_or_disabled": True, "dossier_falsified": False,
         "food_safety_certificate_valid": True, "registration_dossier_complete": True}
DERIVED = ("A1.1", "A3.2", "A3.3")  # the criteria these facts derive: left blank on sheets


def product_ids(count: int) -> list[str]:
    return [f"QN-UB-{i + 1:04d}" for i in range(count)]


def config(members: int, **extra: Any) -> dict[str, Any]:
    roster = [{"name": SECRETARY, "unit": "Sở NN&MT", "role": "secretary"}]
    roster += [{"name": n, "unit": "Sở KH&CN", "role": "chair" if i == 0 else "member"}
               for i, n in enumerate(MEMBERS[:members])]
    return {"name": "Đợt 2 năm 2026", "date": "2026-11-20", "level": "province",
            "province": "Quảng Ninh", "roster": roster, "quorum": 0.6, "spread_limit": 10,
            "mode": "average", "products": "products.csv", **extra}


def write_products(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["product_id", "product_name", "rubric", "producer", "producer_kind",
                      "commune", "province", "legal_representative", "registration",
                      *FACTS])
        for i, pid in enumerate(product_ids(count)):
            out.writerow([pid, f"Sản phẩm {i + 1}", RUBRIC, f"HTX số {i + 1}", "cooperative",
                          "Yên Thanh", "Quảng Ninh", "Nguyễn Văn A",
                          "upgrade" if i % 4 == 3 else "first",
                          *[str(v).lower() for v in FACTS.values()]])


def scores(count: int, members: int, seed: int = 7) -> dict[tuple[str, str], dict[str, str]]:
    """(product id, member) -> criterion -> option code, derived criteria left out."""
    rubric = bundled_library().rubrics[RUBRIC]
    rng = random.Random(seed)
    out: dict[tuple[str, str], dict[str, str]] = {}
    for pid in product_ids(count):
        quality = rng.betavariate(4, 2)
        for member in MEMBERS[:members]:
            row = {}
            for crit in rubric.criteria:
                if crit.id in DERIVED:
                    continue
                size = len(crit.options)
                pick = round(quality * (size - 1) + rng.gauss(0, 0.3))
                row[crit.id] = crit.options[min(size - 1, max(0, pick))].code
            out[(pid, member)] = row
    return out


def criteria() -> list[str]:
    return [c.id for c in bundled_library().rubrics[RUBRIC].criteria]


def write_sheet(path: Path, rows: list[tuple[str, str, dict[str, str]]],
                extra: dict[str, list[str]] | None = None, member_column: bool = True) -> None:
    """A CSV (or, by suffix, XLSX) members' sheet: (product id, member, codes) rows."""
    head = ["product_id", "rubric", *(["member"] if member_column else []),
            *(extra or {}), *criteria()]
    body = []
    for i, (pid, member, codes) in enumerate(rows):
        body.append([pid, RUBRIC, *([member] if member_column else []),
                     *[v[i] for v in (extra or {}).values()],
                     *[codes.get(c, "") for c in criteria()]])
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(head)
        for line in body:
            sheet.append(line)
        book.save(path)
        return
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(head)
        writer.writerows(body)


def make_round(root: Path, products: int = 12, members: int = 5, per_member: bool = True,
               suffix: str = ".xlsx", **extra: Any) -> dict[tuple[str, str], dict[str, str]]:
    """A complete round in ``root``: one workbook per member (or one combined sheet)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "round.yaml").write_text(yaml.safe_dump(config(members, **extra),
                                                    allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    write_products(root / "products.csv", products)
    drawn = scores(products, members)
    if per_member:
        for m, member in enumerate(MEMBERS[:members]):
            rows = [(pid, member, drawn[(pid, member)]) for pid in product_ids(products)]
            write_sheet(root / f"member-{m + 1}{suffix}", rows)
    else:
        rows = [(pid, member, drawn[(pid, member)]) for pid in product_ids(products)
                for member in MEMBERS[:members]]
        write_sheet(root / f"combined{suffix}", rows)
    return drawn


def slug_like(name: str) -> str:
    from ocop_rate.round.scaffold import slug

    return slug(name)


def run_fill_example(*args: str | Path) -> None:
    """``python examples/council-round/fill.py ARGS`` in this process, for a test whose
    subject is what is done with the filled workbooks (a child would only add an
    interpreter and openpyxl's import): the script's own ``main``, its own arguments."""
    import runpy
    import sys
    from unittest import mock

    script = Path(__file__).resolve().parent.parent / "examples" / "council-round" / "fill.py"
    with mock.patch.object(sys, "argv", [str(script), *map(str, args)]):
        runpy.run_path(str(script), run_name="__main__")
