"""The register's rows read and written: decisions, products, certificates as of a date.
Helpers for the commands in :mod:`.record`, :mod:`.changes` and :mod:`.importing`; each runs
inside the caller's transaction."""

from __future__ import annotations

import functools
import operator
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from ocop_rate.models.names import id_keys
from ocop_rate.models.register import CertificateView
from ocop_rate.register import rules
from ocop_rate.register.dates import from_iso, stored_day


class Decision(NamedTuple):
    """A decision as written on it: number, date, the authority that signed."""

    number: str
    on: date
    authority: rules.Authority
    signer: str | None = None
    province: str | None = None


class ProductInfo(NamedTuple):
    """A product as the register keeps it (a tuple: an import makes thousands at once)."""

    product_id: str
    name: str = ""
    rubric: str | None = None
    product_group: str | None = None
    producer: str | None = None
    commune: str | None = None
    province: str | None = None
    producer_kind: str | None = None      # :func:`.keys.producer_kind`, or as written


def decision_id(conn: sqlite3.Connection, decision: Decision) -> int:
    """The row of this decision, added when it is new."""
    row = conn.execute("SELECT decision_id FROM decisions WHERE number = ? AND decided_on = ? "
                       "AND authority = ?", (decision.number, decision.on.isoformat(),
                                             decision.authority)).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute("INSERT INTO decisions (number, decided_on, authority, signer, province)"
                       " VALUES (?, ?, ?, ?, ?)", (decision.number, decision.on.isoformat(),
                                                   decision.authority, decision.signer,
                                                   decision.province))
    return int(cur.lastrowid or 0)


def upsert_products(conn: sqlite3.Connection, products: list[ProductInfo]) -> None:
    """Add products, or fill in what a later source knows (a blank never erases). Ids
    should be :func:`canonical` ones.

    A column that no product here fills (None in every one) is written as the literal
    ``NULL`` instead of a bound None: the ``sqlite3`` module binds a None only after
    looking for an adapter for it, thousands of instructions a cell, and an import's
    20,000 products often leave three columns empty (the same rows either way)."""
    filled = [i for i, name in enumerate(ProductInfo._fields)
              if name in ("product_id", "name") or any(p[i] is not None for p in products)]
    values = ", ".join("?" if i in filled else "NULL" for i in range(len(ProductInfo._fields)))
    pick = operator.itemgetter(*filled)   # product_id and name at least: always a tuple
    conn.executemany(
        "INSERT INTO products (product_id, name, rubric, product_group, producer, commune, "
        f"province, producer_kind, product_key) VALUES ({values}, ?) "
        "ON CONFLICT (product_id) DO "
        "UPDATE SET "
        "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE products.name END, "
        "rubric = coalesce(excluded.rubric, products.rubric), "
        "product_group = coalesce(excluded.product_group, products.product_group), "
        "producer = coalesce(excluded.producer, products.producer), "
        "commune = coalesce(excluded.commune, products.commune), "
        "province = coalesce(excluded.province, products.province), "
        "producer_kind = coalesce(excluded.producer_kind, products.producer_kind)",
        [(*pick(p), key) for p, key in zip(products, id_keys([p.product_id for p in products]),
                                           strict=True)])   # the columns in ProductInfo's order


def canonical(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """Each id as the register spells it: the product already registered under the same
    key (``qn-01`` finds ``QN-01``), else the first spelling among ``ids``. The register
    is asked about the keys a few hundred at a time (an import brings thousands)."""
    distinct = list(dict.fromkeys(ids))
    keys = id_keys(distinct)
    known: dict[str, str] = {}
    wanted = list(dict.fromkeys(keys))
    if conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None:
        wanted = []   # a new register (a first import): nothing to look up
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        part = wanted[start:start + KEYS_PER_QUERY]
        for key, pid in conn.execute(
                "SELECT product_key, product_id FROM products WHERE product_key IN "
                f"({', '.join('?' * len(part))}) ORDER BY rowid DESC", part):
            known[key] = pid          # the earliest row (read last) wins, as before
    out: dict[str, str] = {}
    for pid, key in zip(distinct, keys, strict=True):
        out[pid] = known.setdefault(key, pid)
    return out


KEYS_PER_QUERY = 500   # within SQLite's bound on a statement's parameters (999 before 3.32)


class Current(NamedTuple):
    """A product's newest certificate that no later one replaced."""

    certificate_id: int
    number: str
    stars: int
    issued_on: date
    expires_on: date
    revoked_on: date | None
    filed_on: date | None


def current(conn: sqlite3.Connection, product_id: str) -> Current | None:
    row = conn.execute(
        "SELECT c.certificate_id, c.number, c.stars, c.issued_on, c.expires_on, r.revoked_on,"
        " f.filed_on FROM certificates c LEFT JOIN revocations r ON r.certificate_id = "
        "c.certificate_id LEFT JOIN filings f ON f.certificate_id = c.certificate_id "
        "WHERE c.product_id = ? AND c.superseded_by IS NULL "
        "ORDER BY c.issued_on DESC, c.certificate_id DESC", (product_id,)).fetchone()
    if row is None:
        return None
    return Current(row[0], row[1], row[2], stored_day(row[3]),
                   stored_day(row[4]), from_iso(row[5]), from_iso(row[6]))


def certificate_by_number(conn: sqlite3.Connection, number: str) -> str | None:
    """The product a certificate number belongs to, or None."""
    row = conn.execute("SELECT product_id FROM certificates WHERE number = ?",
                       (number,)).fetchone()
    return None if row is None else str(row[0])


def kind_of(existing: Current | None, on: date) -> rules.Kind:
    """What a rating decided on ``on`` is, from the product's current certificate: none (or
    revoked) -> first; the re-evaluation window opened or a filing recorded ->
    re-evaluation (Điều 7.6); still valid before that -> upgrade (Điều 7.5)."""
    if existing is None or (existing.revoked_on is not None and existing.revoked_on <= on):
        return "first"
    if existing.filed_on is not None or on >= rules.window(existing.expires_on).opens:
        return "re-evaluation"
    return "upgrade"


def issue(conn: sqlite3.Connection, *, number: str, product_id: str, rating_id: int | None,
          decision_row: int, stars: int, issued_on: date, expires_on: date | None = None,
          term_source: str = "36-months") -> int:
    """Add a certificate; the product's previous current one is replaced by it, and a
    re-evaluation filed for that one gets this rating as its result."""
    previous = current(conn, product_id)
    cur = conn.execute(
        "INSERT INTO certificates (number, product_id, rating_id, decision_id, stars, "
        "issued_on, expires_on, term_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (number, product_id, rating_id, decision_row, stars, issued_on.isoformat(),
         (expires_on or rules.expiry(issued_on)).isoformat(), term_source))
    new_id = int(cur.lastrowid or 0)
    if previous is not None and previous.issued_on <= issued_on:
        conn.execute("UPDATE certificates SET superseded_by = ? WHERE certificate_id = ?",
                     (new_id, previous.certificate_id))
        settle_filing(conn, previous.certificate_id, rating_id)
    elif previous is not None:   # an older certificate imported after a newer one
        conn.execute("UPDATE certificates SET superseded_by = ? WHERE certificate_id = ?",
                     (previous.certificate_id, new_id))
    return new_id


def settle_filing(conn: sqlite3.Connection, certificate_id: int, rating_id: int | None) -> None:
    if rating_id is not None:
        conn.execute("UPDATE filings SET result_rating_id = ? WHERE certificate_id = ? AND "
                     "result_rating_id IS NULL", (rating_id, certificate_id))


_VIEW = """
SELECT p.product_id, p.name, p.province, p.commune, p.product_group, p.producer,
       c.number, c.stars, c.issued_on, c.expires_on, c.term_source,
       d.number, d.decided_on, d.authority,
       {ended},
       p.producer_kind
FROM certificates c
JOIN products p ON p.product_id = c.product_id
JOIN decisions d ON d.decision_id = c.decision_id
LEFT JOIN filings f ON f.certificate_id = c.certificate_id
LEFT JOIN revocations r ON r.certificate_id = c.certificate_id
"""
VIEW_SQL = _VIEW.format(ended="s.issued_on, f.filed_on, fr.rated_on, r.revoked_on, r.ground, "
                              "rd.number") + """\
LEFT JOIN certificates s ON s.certificate_id = c.superseded_by
LEFT JOIN ratings fr ON fr.rating_id = f.result_rating_id
LEFT JOIN decisions rd ON rd.decision_id = r.decision_id
"""
"""A certificate with its product, decision, filing (and its result), revocation (and its
decision) and the certificate that replaced it: one row a :class:`CertificateView`."""

UNSETTLED_SQL = _VIEW.format(ended="NULL, f.filed_on, NULL, r.revoked_on, r.ground, NULL") + (
    "WHERE c.superseded_by IS NULL AND f.filed_on IS NULL AND r.revoked_on IS NULL\n")
""":data:`VIEW_SQL`'s columns for certificates that nothing replaced, no filing answered and
no revocation ended (what ``due`` asks of): the joins that can only come back empty for
them (the replacing certificate, the filing's result, the revocation's decision) are left
out and read NULL, a third of the query's time on a 20,000-product register."""

PLACE_ORDER = "p.province, p.commune, p.product_id, c.issued_on"


def views(conn: sqlite3.Connection, on: date, where: str = "", params: tuple[object, ...] = (),
          order: str = PLACE_ORDER, *, unsettled: bool = False) -> list[CertificateView]:
    """Certificates (joined with their product, decision, filing, revocation) as of ``on``,
    by place (``order``; empty: as the index read them, for a caller that sorts its own);
    ``unsettled``: only those :data:`UNSETTLED_SQL` reads, ``where`` narrowing them."""
    if unsettled:
        sql = UNSETTLED_SQL + (f" AND {where}" if where else "")
    else:
        sql = VIEW_SQL + (f" WHERE {where}" if where else "")
    sql += f" ORDER BY {order}" if order else ""
    return [view(row, on) for row in conn.execute(sql, params)]


def view(row: tuple[Any, ...], on: date) -> CertificateView:
    """One row of :data:`VIEW_SQL` (its columns are valid by the schema's checks).

    A register's every certificate passes here (20,000 for ``list``): a column that is
    mostly NULL (the ended ones) is looked up only when it holds a date, and the view is
    made by ``tuple.__new__``, not the named tuple's ``__new__``, a Python function."""
    (pid, name, province, commune, group, producer, number, stars, issued, expires, term,
     dec, dec_on, authority, superseded_on, filed, result_on, revoked, ground, rev_dec,
     producer_kind) = row
    expires_on = _day(expires)
    win = _window(expires_on)
    filed_on = None if filed is None else _day(filed)
    revoked_on = None if revoked is None else _day(revoked)
    status, until = status_on(on, expires_on, win, filed_on,
                              None if result_on is None else _day(result_on),
                              None if superseded_on is None else _day(superseded_on),
                              revoked_on)
    return _new(CertificateView, (
        pid, name, province, commune, group, producer, number, stars, _day(issued), expires_on,
        term, dec, _day(dec_on), authority, status, until, win.opens, win.closes, filed_on,
        revoked_on, ground, rev_dec, producer_kind))


_new = tuple.__new__


@functools.lru_cache(maxsize=8192)
def _day(text: object) -> Any:
    """An ISO date column as a date (None stays None); dates repeat, so each is parsed once."""
    return None if text is None else stored_day(text)


@functools.lru_cache(maxsize=8192)
def _window(expires: date) -> rules.Window:
    return rules.window(expires)


def status_on(on: date, expires: date, win: rules.Window, filed: date | None,
              result: date | None, superseded: date | None, revoked: date | None
              ) -> tuple[str, date | None]:
    """A certificate's status on ``on`` and the last day it holds.

    Revoked or replaced first; then valid to its expiry (Điều 4.3); past expiry, a
    re-evaluation filed after the window closed keeps it until the result, at most 180 days
    past expiry (Điều 12.3); otherwise expired."""
    if revoked is not None and revoked <= on:
        return "revoked", revoked
    if superseded is not None and superseded <= on:
        return "superseded", superseded
    if on <= expires:
        return "valid", expires
    if filed is not None and win.where(filed) == "late":
        limit = rules.late_limit(expires)
        if result is not None and result < limit:
            limit = result
        if on < limit or (result is None and on <= limit):
            return "extended", limit
    return "expired", expires
