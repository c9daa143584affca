"""The register's statistics drawn: two terminal tables (year × class × kind; province ×
commune × class, issued and valid), JSON and a long CSV (one count a row)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ocop_rate.messages import Lang, text
from ocop_rate.register.stats import KINDS, Stats
from ocop_rate.report.safety import neutralise


def to_json(found: Stats) -> str:
    return json.dumps({
        "on": found.on.isoformat(),
        "by_kind": [{"year": y, "stars": s, "kind": k, "issued": n}
                    for (y, s, k), n in found.by_kind.items()],
        "by_place": [{"province": p, "commune": c, "stars": s, "issued": n, "valid": v}
                     for (p, c, s), (n, v) in found.by_place.items()]},
        ensure_ascii=False, indent=1) + "\n"


def to_csv(found: Stats, lang: Lang) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(["table", "year", "province", "commune", "stars", "kind", "issued",
                  "valid"])
    for (y, s, k), n in found.by_kind.items():
        out.writerow(["by_kind", y, "", "", s, text(f"stats.kind.{k}", lang), n, ""])
    for (p, c, s), (n, v) in found.by_place.items():
        out.writerow(["by_place", "", neutralise(p), neutralise(c), s, "", n, v])
    return buffer.getvalue()


def tables(found: Stats, lang: Lang) -> list[Any]:
    from rich.table import Table

    from ocop_rate.report.register_view import add_row

    kinds = Table(title=text("stats.by_kind", lang), title_justify="left")
    for head in (text("register.header.year", lang), text("register.header.stars", lang),
                 *(text(f"stats.kind.{k}", lang) for k in KINDS),
                 text("stats.total", lang)):
        kinds.add_column(head, justify="right")
    years = sorted({(y, s) for y, s, _ in found.by_kind})
    for y, s in years:
        counts = [found.by_kind.get((y, s, k), 0) for k in KINDS]
        add_row(kinds, str(y), f"{s}★", *map(str, counts), str(sum(counts)))
    places = Table(title=text("stats.by_place", lang, on=found.on), title_justify="left")
    for head in ("province", "commune", "stars", "issued", "valid"):
        places.add_column(text(f"register.header.{head}", lang),
                          justify="right" if head in ("issued", "valid") else "left")
    for (p, c, s), (n, v) in found.by_place.items():
        add_row(places, p, c, f"{s}★", str(n), str(v))
    return [kinds, places]
