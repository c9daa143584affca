"""Check every bundled 26/2026 rubric, resolved, against the JSON sheets and the decision text.

For each of the 26 sets: the same criteria (by official number), each with the printed
maximum, the printed options in order (wording NFC-equal, points, star marks), a source
citing the sheet; option wording and notes must also occur in the decision's full text.
Documented [sic] resolutions (gen_rubrics.SIC_POINTS, blank points cells) are reported, not
failed, and must be marked ``unconfirmed``. Exit status 1 on any mismatch.

Usage: python tools/compare_rubrics.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from gen_rubrics import SETS, SIC_POINTS, SRC, SHARED, crit_number  # noqa: E402

from ocop_rate.loading.rubrics import load_library  # noqa: E402


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def main() -> int:
    data = json.loads(SRC.read_text(encoding="utf-8"))
    full = squash((SHARED / "qd26-2026-fulltext.txt").read_text(encoding="utf-8"))
    library = load_library()
    bad = 0

    def err(*a: object) -> None:
        nonlocal bad
        bad += 1
        print("MISMATCH", *a)

    for s in data["sets"]:
        no = s["no"]
        rid = SETS[no][0]
        rubric = library.get(rid)
        crits = {c.number: c for c in rubric.criteria}
        if rubric.source.sheet != no:
            err(rid, "rubric source sheet", rubric.source.sheet)
        seen: set[str] = set()
        items = []
        for p in s["parts"]:
            for g in p["groups"]:
                gid, _ = crit_number(g["label"])
                if not g["criteria"]:
                    items.append((gid, g["options"], g["max"]))
                for c in g["criteria"]:
                    cn, _ = crit_number(c["label"])
                    if c.get("subs"):
                        for x in c["subs"]:
                            items.append((crit_number(x["label"])[0], x["options"], x["max"]))
                    else:
                        items.append((cn, c["options"], c["max"]))
        for num, opts, cmax in items:
            seen.add(num)
            c = crits.get(num)
            if c is None:
                err(rid, num, "missing")
                continue
            src = c.source
            if src is None or src.decision != "26/2026/QĐ-TTg" or src.criterion != num or \
                    str(no) not in re.split(r"[,\s]+", str(src.sheet)) and not _in_range(no, str(src.sheet)):
                err(rid, num, "source", src)
            if c.max_points != cmax and not any(k[:2] == (no, num) for k in SIC_POINTS):
                err(rid, num, "max", c.max_points, cmax)
            if not opts:
                if not c.unconfirmed:
                    err(rid, num, "no options printed but not unconfirmed")
                continue
            if len(opts) != len(c.options):
                err(rid, num, "option count", len(c.options), len(opts))
                continue
            for i, (o, y) in enumerate(zip(opts, c.options)):
                printed = unicodedata.normalize("NFC", o["label"]).split(" Ghi chú: ")[0]
                if y.label.vi != printed:
                    err(rid, num, y.code, "label")
                if y.min_star != o["min_star"]:
                    err(rid, num, y.code, "min_star", y.min_star, o["min_star"])
                sic = SIC_POINTS.get((no, num, i))
                if y.points != o["points"]:
                    if sic and sic[1] == y.points and c.unconfirmed:
                        print(f"documented [sic]: {rid} {num} {y.code}: printed {o['points']:g}, "
                              f"read {y.points:g}")
                    else:
                        err(rid, num, y.code, "points", y.points, o["points"])
                if "source_anomaly" in o and not c.unconfirmed:
                    err(rid, num, y.code, "anomaly not marked unconfirmed")
                if squash(y.label.vi) not in full:
                    err(rid, num, y.code, "label not in the decision text")
        extra = set(crits) - seen
        if extra:
            err(rid, "criteria not on the sheet", sorted(extra))
        for g in rubric.gates:
            if squash(g.reason.vi).rstrip(".") not in full:
                err(rid, "gate", g.id, "reason not in the decision text")
    hist = [r for r in library.rubrics.values() if r.id.endswith("-148")]
    for r in hist:
        base = library.get(r.id[:-4] + "-26")
        if [c.model_dump() for c in r.criteria] != [c.model_dump() for c in base.criteria]:
            err(r.id, "criteria differ from", base.id)
    print(f"{len(data['sets'])} sheets, {len(hist)} rubrics of 148 checked; mismatches: {bad}")
    return 1 if bad else 0


def _in_range(no: int, sheets: str) -> bool:
    for part in sheets.split(","):
        a, _, b = part.strip().partition("-")
        if a.isdigit() and int(a) <= no <= int(b or a):
            return True
    return False


if __name__ == "__main__":
    sys.exit(main())
