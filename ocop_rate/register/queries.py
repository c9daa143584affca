"""Questions asked of the register: who is due for re-evaluation, what expired, the list
with filters, a product's history, counts for reports. Reads only."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from ocop_rate.models.register import CertificateView, DueItem, HistoryEvent
from ocop_rate.register import ledger, rules
from ocop_rate.register.dates import from_iso, stored_day
from ocop_rate.register.store import Register

DUE_STATES = ("open", "opening", "closed-unfiled")


def due(register: Register, on: date, within: int = 90) -> list[DueItem]:
    """Unfiled, current certificates whose window (Điều 7.6.a) is open on ``on``, opens
    within ``within`` days, or has closed while the certificate still runs (a late filing
    is still possible: Điều 12.3). Only certificates expiring between ``on`` and
    ``on + 180 + within`` days can be such, so one range of the expiry index is read."""
    last = on + timedelta(days=rules.WINDOW_OPENS_DAYS + within)
    with register.snapshot() as conn:
        rows = ledger.views(conn, on, "c.expires_on BETWEEN ? AND ?",
                            (on.isoformat(), last.isoformat()), order="",  # sorted below
                            unsettled=True)
    out: list[DueItem] = []
    for v in rows:
        if v.status != "valid":
            continue
        if on < v.window_opens:
            state = "opening"
        elif on <= v.window_closes:
            state = "open"
        else:
            state = "closed-unfiled"
        out.append(DueItem(v, state, (v.expires_on - on).days))
    order = {s: i for i, s in enumerate(DUE_STATES)}
    out.sort(key=lambda d: (order[d.state], d.certificate.expires_on, d.certificate.product_id,
                            d.certificate.issued_on))
    return out


def expired(register: Register, on: date) -> list[CertificateView]:
    """Certificates past their expiry on ``on`` that nothing replaced or revoked: expired,
    or still extended for a late filer (Điều 12.3)."""
    with register.snapshot() as conn:
        rows = ledger.views(conn, on, "c.expires_on < ? AND c.superseded_by IS NULL "
                            "AND r.revoked_on IS NULL", (on.isoformat(),))
    return [v for v in rows if v.status in ("expired", "extended")]


class Filters(NamedTuple):
    province: str | None = None
    commune: str | None = None
    group: str | None = None
    stars: int | None = None
    status: str | None = None
    current_only: bool = True   # a product's newest certificate only


def listing(register: Register, on: date, filters: Filters) -> list[CertificateView]:
    """Certificates as of ``on``; by default each product's newest one."""
    where, params = [], []
    if filters.stars is not None:
        where.append("c.stars = ?")
        params.append(str(filters.stars))
    if filters.current_only:
        where.append("c.superseded_by IS NULL")
    with register.snapshot() as conn:
        rows = ledger.views(conn, on, " AND ".join(where), tuple(params))
    if filters.status is not None:
        rows = [v for v in rows if v.status == filters.status]
    for attribute, wanted in (("province", filters.province), ("commune", filters.commune),
                              ("product_group", filters.group)):
        if wanted is not None:   # SQLite's lower() knows ASCII only: compare here
            key = _fold(wanted)
            rows = [v for v in rows if _fold(getattr(v, attribute) or "") == key]
    return rows


def _fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text.strip()).casefold()


def history(register: Register, ident: str) -> tuple[ledger.ProductInfo, list[HistoryEvent]]:
    """Every rating, proposal, certificate, filing and revocation of a product, by date."""
    from ocop_rate.register.changes import resolve

    events: list[HistoryEvent] = []
    with register.snapshot() as conn:
        pid = resolve(conn, ident)
        p = conn.execute("SELECT product_id, name, rubric, product_group, producer, commune, "
                         "province FROM products WHERE product_id = ?", (pid,)).fetchone()
        product = ledger.ProductInfo(*p)
        for on, kind, level, stars, outcome, total, number in conn.execute(
                "SELECT r.rated_on, r.kind, r.level, r.stars, r.outcome, r.total_cents, "
                "d.number FROM ratings r LEFT JOIN decisions d ON d.decision_id = r.decision_id"
                " WHERE r.product_id = ? ORDER BY r.rated_on, r.rating_id", (pid,)):
            detail = level if total is None else f"{level} {total / 100:.2f}"
            events.append(HistoryEvent(stored_day(on), "rating", kind, stars, outcome,
                                       number, detail))
        for on, state, branch, own in conn.execute(
                "SELECT proposed_on, state, returned_as, own_rating_id FROM proposals WHERE "
                "product_id = ?", (pid,)):
            waiting = branch == "own-evaluation" and own is None
            events.append(HistoryEvent(stored_day(on), "proposal", None, 5, state,
                                       None, "own-evaluation-due" if waiting else branch))
        for number, stars, issued, expires, term, filed, revoked, ground, dec in conn.execute(
                "SELECT c.number, c.stars, c.issued_on, c.expires_on, c.term_source, "
                "f.filed_on, r.revoked_on, r.ground, d.number FROM certificates c "
                "LEFT JOIN filings f ON f.certificate_id = c.certificate_id "
                "LEFT JOIN revocations r ON r.certificate_id = c.certificate_id "
                "LEFT JOIN decisions d ON d.decision_id = r.decision_id "
                "WHERE c.product_id = ?", (pid,)):
            events.append(HistoryEvent(stored_day(issued), "certificate", None, stars,
                                       None, number, f"{term} → {expires}"))
            filed_on = from_iso(filed)
            if filed_on is not None:
                place = rules.window(stored_day(expires)).where(filed_on)
                events.append(HistoryEvent(filed_on, "filing", None, stars, place, number))
            revoked_on = from_iso(revoked)
            if revoked_on is not None:
                events.append(HistoryEvent(revoked_on, "revocation", None, stars, ground,
                                           number, dec))
    order = {"rating": 0, "proposal": 1, "certificate": 2, "filing": 3, "revocation": 4}
    events.sort(key=lambda e: (e.on, order[e.event]))
    return product, events


class Count(NamedTuple):
    year: int
    province: str
    stars: int
    issued: int
    valid: int


def counts(register: Register, on: date) -> list[Count]:
    """Certificates issued by year, province and class, and how many are valid on ``on``."""
    table: dict[tuple[int, str, int], list[int]] = {}
    with register.snapshot() as conn:
        rows = ledger.views(conn, on)
    for v in rows:
        key = (v.issued_on.year, v.province or "", v.stars)
        cell = table.setdefault(key, [0, 0])
        cell[0] += 1
        cell[1] += v.status in ("valid", "extended")
    return [Count(y, p, s, n, k) for (y, p, s), (n, k) in sorted(table.items())]


def awaiting_own_evaluation(register: Register) -> list[tuple[str, str, date]]:
    """Products the Ministry returned under 90 points that the province chose to evaluate
    again under its own authority (Điều 7.4.g) and has not yet: product, name, proposed."""
    with register.snapshot() as conn:
        return [(pid, name, stored_day(on)) for pid, name, on in conn.execute(
            "SELECT p.product_id, pr.name, p.proposed_on FROM proposals p JOIN products pr "
            "ON pr.product_id = p.product_id WHERE p.returned_as = 'own-evaluation' AND "
            "p.own_rating_id IS NULL ORDER BY p.proposed_on, p.product_id")]


def pending_proposals(register: Register) -> list[tuple[str, str, date, float | None]]:
    """The 5-star queue: product, name, date proposed, provincial total."""
    with register.snapshot() as conn:
        return [(pid, name, stored_day(on), None if t is None else t / 100)
                for pid, name, on, t in conn.execute(
                    "SELECT p.product_id, pr.name, p.proposed_on, r.total_cents FROM proposals"
                    " p JOIN products pr ON pr.product_id = p.product_id JOIN ratings r ON "
                    "r.rating_id = p.rating_id WHERE p.state = 'pending' "
                    "ORDER BY p.proposed_on, p.product_id")]
