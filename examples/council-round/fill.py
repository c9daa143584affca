"""Stand in for the council's members in the walk-through of docs/huong-dan.md: fill
their workbooks.

A real member opens ``sheets/<name>.xlsx`` in Excel and picks a code from each drop-down;
this script does the same with openpyxl, so the walk-through runs as printed.

    python examples/council-round/fill.py dot-2/sheets                 # every workbook
    python examples/council-round/fill.py dot-2/sheets --skip tran-minh-duc
    python examples/council-round/fill.py dot-2/sheets --rescore QN-DT-0120 \
        --member hoang-van-son --set C7=d --set A3.1=c --out dot-2/rescore/son-2.xlsx

``--rescore`` writes a new workbook holding one product's row again with ``pass`` 2 and the
codes given with ``--set`` changed (the member's second look after discussion); the first
workbook stays as it was.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from pathlib import Path

from openpyxl import load_workbook

from ocop_rate.loading.rubrics import load_library

SHEET = "Phiếu chấm"
DERIVED = {"A1.1", "A3.2", "A3.3"}  # the product list's facts decide these


def codes_for(rubric_id: str, product: str, member: str) -> dict[str, str]:
    rubric = load_library().rubrics[rubric_id]
    seed = int(hashlib.sha256(product.encode()).hexdigest(), 16) % 2**32
    quality = random.Random(seed).uniform(0.55, 0.95)
    rng = random.Random(f"{product}/{member}")
    out = {}
    for crit in rubric.criteria:
        if crit.id in DERIVED:
            continue
        size = len(crit.options)
        pick = round(quality * (size - 1) + rng.gauss(0, 0.35))
        out[crit.id] = crit.options[min(size - 1, max(0, pick))].code
    return out


def fill(path: Path) -> None:
    book = load_workbook(path)
    sheet = book[SHEET]
    head = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        product, rubric, member = (sheet.cell(row=row, column=i).value for i in (1, 3, 4))
        for cid, code in codes_for(str(rubric), str(product), str(member)).items():
            sheet.cell(row=row, column=head.index(cid) + 1).value = code
        sheet.cell(row=row, column=head.index("date") + 1).value = "2026-11-20"
    sheet.cell(row=2, column=head.index("comment") + 1).value = "Bao bì đẹp, cần bổ sung " \
        "chứng nhận chất lượng"
    book.save(path)


def rescore(path: Path, product: str, changes: list[str], out: Path) -> None:
    book = load_workbook(path)
    sheet = book[SHEET]
    head = [c.value for c in sheet[1]]
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row=row, column=1).value != product:
            sheet.delete_rows(row)
    for change in changes:
        cid, code = change.split("=", 1)
        sheet.cell(row=2, column=head.index(cid) + 1).value = code
    sheet.cell(row=2, column=head.index("pass") + 1).value = 2
    sheet.cell(row=2, column=head.index("date") + 1).value = "2026-11-21"
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sheets", type=Path)
    parser.add_argument("--skip", action="append", default=[], help="a workbook's name "
                        "(without .xlsx) to leave blank")
    parser.add_argument("--rescore", metavar="PRODUCT_ID")
    parser.add_argument("--member", help="the workbook's name, with --rescore")
    parser.add_argument("--set", action="append", default=[], metavar="CRITERION=CODE",
                        help="a changed code, with --rescore")
    parser.add_argument("--out", type=Path, help="the new workbook, with --rescore")
    args = parser.parse_args()
    if args.rescore:
        rescore(args.sheets / f"{args.member}.xlsx", args.rescore, args.set, args.out)
        return
    for path in sorted(args.sheets.glob("*.xlsx")):
        if path.stem not in args.skip:
            fill(path)


if __name__ == "__main__":
    main()
