"""The register's statistics drawn: three terminal tables (year × class × kind; province ×
commune × class, issued and valid; year × producer kind × class), JSON (codes) and a long
CSV (one count a row, kinds in words)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ocop_rate.messages import Lang, text
from ocop_rate.register.stats import KINDS, Stats
from ocop_rate.render.safety import neutralise


def to_json(found: Stats) -> str:
    return json.dumps({
        "on": found.on.isoformat(),
        "by_kind": [{"year": y, "stars": s, "kind": k, "issued": n}
                    for (y, s, k), n in found.by_kind.items()],
        "by_place": [{"province": p, "commune": c, "stars": s, "issued": n, "valid": v}
                     for (p, c, s), (n, v) in found.by_place.items()],
        "by_producer_kind": [{"year": y, "producer_kind": k or None, "stars": s, "issued": n}
                             for (y, k, s), n in found.by_producer_kind.items()]},
        ensure_ascii=False, indent=1) + "\n"


def to_csv(found: Stats, lang: Lang) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(["table", "year", "province", "commune", "producer_kind", "stars", "kind",
                  "issued", "valid"])
    for (y, s, k), n in found.by_kind.items():
        out.writerow(["by_kind", y, "", "", "", s, text(f"stats.kind.{k}", lang), n, ""])
    for (p, c, s), (n, v) in found.by_place.items():
        out.writerow(["by_place", "", neutralise(p), neutralise(c), "", s, "", n, v])
    for (y, k, s), n in found.by_producer_kind.items():
        out.writerow(["by_producer_kind", y, "", "", neutralise(_producer_kind(k, lang)), s,
                      "", n, ""])
    return buffer.getvalue()


def _producer_kind(kind: str, lang: Lang) -> str:
    """A producer kind in words (``Hợp tác xã``), a blank one as "unknown"."""
    from ocop_rate.report.labels import dimension_value

    return dimension_value("producer_kind", kind, lang)


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
    return [kinds, places, _by_producer_kind(found, lang)]


def _by_producer_kind(found: Stats, lang: Lang) -> Any:
    """Year × producer kind, a column per class and the total."""
    from rich.table import Table

    from ocop_rate.report.register_view import add_row

    classes = sorted({s for _, _, s in found.by_producer_kind}) or [3, 4, 5]
    table = Table(title=text("stats.by_producer_kind", lang), title_justify="left")
    table.add_column(text("register.header.year", lang), justify="right")
    table.add_column(text("report.producer_kind", lang))
    for head in (*(f"{s}★" for s in classes), text("stats.total", lang)):
        table.add_column(head, justify="right")
    for y, k in dict.fromkeys((y, k) for y, k, _ in found.by_producer_kind):
        counts = [found.by_producer_kind.get((y, k, s), 0) for s in classes]
        add_row(table, str(y), _producer_kind(k, lang), *map(str, counts), str(sum(counts)))
    return table
