"""Statistics in the shape provinces report them: certificates issued by year, class and
kind (new, upgraded, re-evaluated, re-issued), and by province and commune with how many are
valid on a date, places under their official names (``ocop_rate.places``). Reads only.

How a certificate's kind is read: from the rating it was issued on, when the register holds
it (``ratings.kind``: ``first`` -> new, ``upgrade`` -> upgraded (Điều 7.5),
``re-evaluation`` -> re-evaluated (Điều 7.6)); a certificate recorded without a rating (an
imported one) is new when it is the product's first certificate in the register, upgraded
when an earlier one had fewer stars, and otherwise re-issued ("công nhận lại": the register
cannot tell whether a re-evaluation led to it).

By producer kind: each certificate under its product's kind as the register holds it now
(the dossier's code, ``models.dossier.PRODUCER_KINDS``, filled by ``register record`` and
``register import``); a product whose kind was never given counts under a blank kind
(migration 5 added the column, so older rows are blank until named).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ocop_rate.models.dossier import PRODUCER_KINDS
from ocop_rate.register import ledger
from ocop_rate.register.store import Register

KINDS = ("new", "upgraded", "re-evaluated", "re-issued")
_FROM_RATING = {"first": "new", "upgrade": "upgraded", "re-evaluation": "re-evaluated"}


@dataclass(frozen=True)
class Stats:
    on: date
    by_kind: dict[tuple[int, int, str], int]          # (year, stars, kind) -> issued
    by_place: dict[tuple[str, str, int], tuple[int, int]]  # (province, commune, stars) ->
    #                                                     (issued, valid on ``on``)
    by_producer_kind: dict[tuple[int, str, int], int]  # (year, producer kind, stars) ->
    #                                                    issued ("" when not known)


def official(province_name: str | None, commune_name: str | None) -> tuple[str, str]:
    """The place under its official names when the list knows it ("Đầm Hà" and "xã Đầm
    Hà" are one commune, "Xã Đầm Hà"), else as written: so counts by commune add up."""
    from ocop_rate import places

    province = places.province(province_name)
    commune = places.commune(province_name, commune_name)
    return (province.name if province else province_name or "",
            commune.name if commune else commune_name or "")


def stats(register: Register, on: date, year: int | None = None) -> Stats:
    """The counts as of ``on``; ``year`` keeps certificates issued that year only."""
    with register.snapshot() as conn:
        rows = conn.execute(
            "SELECT c.product_id, c.stars, c.issued_on, r.kind, p.producer_kind "
            "FROM certificates c JOIN products p ON p.product_id = c.product_id "
            "LEFT JOIN ratings r ON r.rating_id = c.rating_id "
            "ORDER BY c.product_id, c.issued_on, c.certificate_id").fetchall()
        views = ledger.views(conn, on)
    by_kind: Counter[tuple[int, int, str]] = Counter()
    by_producer: Counter[tuple[int, str, int]] = Counter()
    previous: dict[str, int] = {}
    for pid, stars, issued, kind, producer_kind in rows:
        issued_year = int(issued[:4])
        if kind in _FROM_RATING:
            said = _FROM_RATING[kind]
        elif pid not in previous:
            said = "new"
        else:
            said = "upgraded" if previous[pid] < stars else "re-issued"
        previous[pid] = stars
        if year is None or issued_year == year:
            by_kind[(issued_year, stars, said)] += 1
            by_producer[(issued_year, producer_kind or "", stars)] += 1
    by_place: dict[tuple[str, str, int], tuple[int, int]] = {}
    for v in views:
        if year is not None and v.issued_on.year != year:
            continue
        key = (*official(v.province, v.commune), v.stars)
        issued, valid = by_place.get(key, (0, 0))
        by_place[key] = (issued + 1, valid + (v.status in ("valid", "extended")))
    return Stats(on, dict(sorted(by_kind.items())), dict(sorted(by_place.items())),
                 dict(sorted(by_producer.items(), key=lambda item: _producer_order(*item[0]))))


def _producer_order(year: int, kind: str, stars: int) -> tuple[int, int, str, int]:
    """Year, then the dossier's kinds in their order, kinds written otherwise, blank last."""
    rank = PRODUCER_KINDS.index(kind) if kind in PRODUCER_KINDS else \
        len(PRODUCER_KINDS) + (not kind)
    return year, rank, kind, stars
