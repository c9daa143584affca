"""What the certificate register shows: a certificate as of a date, a due re-evaluation,
an event of a product's history. Typed named tuples: the register reads tens of thousands
of rows, built straight from SQL rows that the schema's checks keep valid, and a tuple is
built several times faster than a frozen dataclass."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class CertificateView(NamedTuple):
    """One certificate and its product, with its status on the date asked about."""

    product_id: str
    product_name: str
    province: str | None
    commune: str | None
    product_group: str | None
    producer: str | None
    certificate: str
    stars: int
    issued_on: date
    expires_on: date
    term_source: str            # '36-months' (Điều 4.3) or 'decision' (Điều 12.1)
    decision: str
    decision_date: date
    authority: str
    status: str                 # valid, extended, expired, revoked, superseded
    status_until: date | None   # last day of validity (extended: of the extension)
    window_opens: date
    window_closes: date
    filed_on: date | None
    revoked_on: date | None
    ground: str | None
    revocation_decision: str | None
    producer_kind: str | None = None   # the dossier's code (``dossier.PRODUCER_KINDS``)


class DueItem(NamedTuple):
    """A certificate whose re-evaluation window (Điều 7.6.a) matters on the date asked."""

    certificate: CertificateView
    state: str                  # opening, open, closed-unfiled
    days_to_expiry: int


class HistoryEvent(NamedTuple):
    """One thing that happened to a product, in date order."""

    on: date
    event: str                  # rating, proposal, certificate, filing, revocation
    kind: str | None            # first, upgrade, re-evaluation (ratings)
    stars: int | None
    outcome: str | None
    reference: str | None       # certificate or decision number
    detail: str | None = None   # level, ground, term …
