"""What the council's documents say, gathered once from a rated round (and, for certificate
numbers, the register): names, numbers and dates are read from the round folder and the
register, never typed again. The documents (``minutes``, ``decision`` …) only lay these out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Rating
from ocop_rate.models.round import RosterMember, RoundEntry, RoundReport
from ocop_rate.report.rows import unchecked


class NothingToDraft(ValueError):
    """The round has no product a document is about; the message id says which."""

    def __init__(self, message_id: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id


@dataclass(frozen=True)
class Product:
    """One product of the round as the documents name it."""

    product_id: str
    name: str
    rubric_name: str
    producer: str
    producer_kind: str | None
    commune: str | None
    province: str | None
    registration: str
    scored_by: int                     # members whose sheet counts
    total: float | None                # the council's mean
    stars: int | None
    outcome: str                       # recognised, proposed-5-star, … (the contract's)
    unchecked: bool
    entry: RoundEntry
    rating: Rating | None
    certificate: str | None = None     # from the register, when recorded


@dataclass(frozen=True)
class RoundFacts:
    name: str
    date: dt.date | None
    level: str
    province: str | None
    mode: str
    required: int
    spread_limit: float
    roster: tuple[RosterMember, ...]
    products: tuple[Product, ...]
    present: tuple[str, ...]           # scoring members with a sheet that counts
    lang: Lang
    office: str | None = None          # the provincial OCOP office (--office)
    day: dt.date | None = None         # the date a document is given (--date)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def chair(self) -> str | None:
        return next((m.name for m in self.roster if m.role == "chair"), None)

    @property
    def secretary(self) -> str | None:
        return next((m.name for m in self.roster if m.role == "secretary"), None)

    @property
    def scoring(self) -> tuple[RosterMember, ...]:
        return tuple(m for m in self.roster if m.scores)

    def by_outcome(self, *outcomes: str) -> list[Product]:
        return [p for p in self.products if p.outcome in outcomes]


def gather(report: RoundReport, result: BatchResult, lang: Lang, *,
           certificates: Mapping[str, str] | None = None, office: str | None = None,
           day: dt.date | None = None) -> RoundFacts:
    """The round's facts: ``result`` must hold full ratings (``engine.expanded``)."""
    ratings = {i.product_id: i for i in result.items if isinstance(i, Rating)}
    products = []
    present: set[str] = set()
    for entry in report.entries:
        rating = ratings.get(entry.product_id)
        present.update(s.member for s in entry.sheets if s.final and not s.consensus)
        producer = rating.producer if rating is not None else None
        outcome = rating.outcome if rating is not None else "not-rated"
        products.append(Product(
            product_id=entry.product_id, name=entry.product_name.get(lang),
            rubric_name=(rating.rubric_name.get(lang) if rating is not None else entry.rubric),
            producer=producer.name if producer is not None else "",
            producer_kind=producer.kind if producer is not None else None,
            commune=producer.commune if producer is not None else None,
            province=(producer.province if producer is not None and producer.province
                      else report.province),
            registration=entry.registration, scored_by=entry.quorum.scored,
            total=rating.total if rating is not None else None,
            stars=rating.stars if rating is not None else None, outcome=outcome,
            unchecked=rating is not None and unchecked(rating.warnings), entry=entry,
            rating=rating, certificate=(certificates or {}).get(entry.product_id)))
    order = [m.name for m in report.roster]
    return RoundFacts(
        name=report.name, date=report.date, level=report.level, province=report.province,
        mode=report.mode, required=report.required, spread_limit=report.spread_limit,
        roster=report.roster, products=tuple(products),
        present=tuple(n for n in order if n in present), lang=lang, office=office, day=day)


def certificates_from(register_path: Path, product_ids: list[str],
                      since: dt.date | None) -> dict[str, str]:
    """Each product's current certificate number in the register, when it was issued on
    or after ``since`` (the round's date: a certificate of an earlier round is not this
    round's). The register is opened read-only."""
    from ocop_rate.register import ledger
    from ocop_rate.register.store import open_register

    register = open_register(register_path, create=False, write=False)
    found: dict[str, str] = {}
    try:
        with register.snapshot() as conn:
            ids = ledger.canonical(conn, product_ids)
            for pid in product_ids:
                current = ledger.current(conn, ids.get(pid, pid))
                if current is not None and (since is None or current.issued_on >= since):
                    found[pid] = current.number
    finally:
        register.close()
    return found
