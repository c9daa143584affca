"""The register's statistics (``register stats``): in the terminal three tables (year ×
class × kind; province × commune × class, issued and valid; year × producer kind × class),
in CSV one long table (one count a row, kinds in words), in JSON the codes. Each a
:class:`~ocop_rate.models.document.Document` drawn by the generic renderers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.messages import Lang, text
from ocop_rate.models.document import Document, Section, Table
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.register.stats import Stats


def _producer_kind(kind: str, lang: Lang) -> str:
    """A producer kind in words (``Hợp tác xã``), a blank one as "unknown"."""
    from ocop_rate.report.labels import dimension_value

    return dimension_value("producer_kind", kind, lang)


def _by_kind(found: Stats, lang: Lang) -> Section:
    from ocop_rate.register.stats import KINDS

    head = (text("register.header.year", lang), text("register.header.stars", lang),
            *(text(f"stats.kind.{k}", lang) for k in KINDS), text("stats.total", lang))
    rows = []
    for y, s in sorted({(y, s) for y, s, _ in found.by_kind}):
        counts = [found.by_kind.get((y, s, k), 0) for k in KINDS]
        rows.append((str(y), f"{s}★", *map(str, counts), str(sum(counts))))
    return Section([Table(head, rows, ("right",) * len(head))], text("stats.by_kind", lang))


def _by_place(found: Stats, lang: Lang) -> Section:
    heads = ("province", "commune", "stars", "issued", "valid")
    rows = [(p, c, f"{s}★", str(n), str(v)) for (p, c, s), (n, v) in found.by_place.items()]
    return Section([Table(tuple(text(f"register.header.{h}", lang) for h in heads), rows,
                          ("left",) * 3 + ("right",) * 2)],
                   text("stats.by_place", lang, on=found.on))


def _by_producer_kind(found: Stats, lang: Lang) -> Section:
    """Year × producer kind, a column per class and the total."""
    classes = sorted({s for _, _, s in found.by_producer_kind}) or [3, 4, 5]
    head = (text("register.header.year", lang), text("report.producer_kind", lang),
            *(f"{s}★" for s in classes), text("stats.total", lang))
    rows = []
    for y, k in dict.fromkeys((y, k) for y, k, _ in found.by_producer_kind):
        counts = [found.by_producer_kind.get((y, k, s), 0) for s in classes]
        rows.append((str(y), _producer_kind(k, lang), *map(str, counts), str(sum(counts))))
    return Section([Table(head, rows, ("right", "left") + ("right",) * (len(head) - 2))],
                   text("stats.by_producer_kind", lang))


def reading(found: Stats, lang: Lang) -> Document:
    return Document("", [_by_kind(found, lang), _by_place(found, lang),
                         _by_producer_kind(found, lang)], lang=lang)


def long_table(found: Stats, lang: Lang) -> Document:
    """One count a row, which table it is from in the first column; the head in codes."""
    rows = [("by_kind", str(y), "", "", "", str(s), text(f"stats.kind.{k}", lang), str(n), "")
            for (y, s, k), n in found.by_kind.items()]
    rows += [("by_place", "", p, c, "", str(s), "", str(n), str(v))
             for (p, c, s), (n, v) in found.by_place.items()]
    rows += [("by_producer_kind", str(y), "", "", _producer_kind(k, lang), str(s), "", str(n),
              "") for (y, k, s), n in found.by_producer_kind.items()]
    head = ("table", "year", "province", "commune", "producer_kind", "stars", "kind",
            "issued", "valid")
    return Document("", [Section([Table(head, rows)])], lang=lang)


def stats_table(found: Stats, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(reading(found, asked.lang))


def stats_json(found: Stats, asked: Asked) -> str:
    from ocop_rate.render.json import draw

    return draw(Document("", data={
        "on": found.on,
        "by_kind": [{"year": y, "stars": s, "kind": k, "issued": n}
                    for (y, s, k), n in found.by_kind.items()],
        "by_place": [{"province": p, "commune": c, "stars": s, "issued": n, "valid": v}
                     for (p, c, s), (n, v) in found.by_place.items()],
        "by_producer_kind": [{"year": y, "producer_kind": k or None, "stars": s, "issued": n}
                             for (y, k, s), n in found.by_producer_kind.items()]}), 1)


def stats_csv(found: Stats, asked: Asked) -> str:
    from ocop_rate.render.csv import draw

    return draw(long_table(found, asked.lang))
