"""The register's schema as forward migrations of plain SQL.

Each migration is a list of statements another SQL server could run as written (TEXT dates
in ISO form compare in calendar order; no SQLite-only types), and at most a data step in
Python where SQL has no such function (migration 3: Unicode normal forms). A database records the
migrations it has had in ``register_schema``; opening an older one applies the missing ones
in one transaction, so every row is kept. Migrations are never edited once released: a
change is a new migration at the end.

SQLite-only settings (WAL, foreign keys, the file's application id) live in
:mod:`ocop_rate.register.store`, not here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4F434F50   # "OCOP": marks the file as an ocop-rate register

def _fill_product_keys(conn: sqlite3.Connection) -> None:
    """Migration 3's data step: each product's comparison key (NFKC and case folding are
    not SQL; another server would run this step in its own language)."""
    from ocop_rate.register.keys import product_key

    conn.executemany("UPDATE products SET product_key = ? WHERE product_id = ?",
                     [(product_key(pid), pid) for (pid,) in
                      conn.execute("SELECT product_id FROM products").fetchall()])


Step = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: tuple[tuple[str, tuple[Step, ...]], ...] = (
    ("products, decisions, ratings, certificates, revocations", (
        """CREATE TABLE register_schema (
            version     INTEGER PRIMARY KEY,
            applied_on  TEXT NOT NULL,
            note        TEXT NOT NULL)""",
        """CREATE TABLE products (
            product_id     TEXT PRIMARY KEY,
            name           TEXT NOT NULL DEFAULT '',
            rubric         TEXT,
            product_group  TEXT,
            producer       TEXT,
            commune        TEXT,
            province       TEXT)""",
        """CREATE TABLE decisions (
            decision_id  INTEGER PRIMARY KEY,
            number       TEXT NOT NULL,
            decided_on   TEXT NOT NULL,
            authority    TEXT NOT NULL CHECK (authority IN ('province-chair', 'minister')),
            signer       TEXT,
            province     TEXT,
            UNIQUE (number, decided_on, authority))""",
        """CREATE TABLE ratings (
            rating_id     INTEGER PRIMARY KEY,
            product_id    TEXT NOT NULL REFERENCES products (product_id),
            decision_id   INTEGER REFERENCES decisions (decision_id),
            rated_on      TEXT NOT NULL,
            kind          TEXT NOT NULL CHECK (kind IN ('first', 'upgrade', 're-evaluation')),
            level         TEXT NOT NULL CHECK (level IN ('province', 'central')),
            rubric        TEXT,
            total_cents   INTEGER,
            stars         INTEGER CHECK (stars BETWEEN 1 AND 5),
            outcome       TEXT NOT NULL CHECK (outcome IN ('recognised', 'proposed-5-star',
                              'not-recognised', 'rejected', 'not-rated')),
            outcome_derived INTEGER NOT NULL DEFAULT 0,
            source        TEXT)""",
        """CREATE TABLE certificates (
            certificate_id INTEGER PRIMARY KEY,
            number         TEXT NOT NULL UNIQUE,
            product_id     TEXT NOT NULL REFERENCES products (product_id),
            rating_id      INTEGER REFERENCES ratings (rating_id),
            decision_id    INTEGER NOT NULL REFERENCES decisions (decision_id),
            stars          INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
            issued_on      TEXT NOT NULL,
            expires_on     TEXT NOT NULL,
            term_source    TEXT NOT NULL CHECK (term_source IN ('36-months', 'decision')),
            superseded_by  INTEGER REFERENCES certificates (certificate_id))""",
        "CREATE INDEX certificates_by_product ON certificates (product_id, issued_on)",
        """CREATE TABLE revocations (
            certificate_id INTEGER PRIMARY KEY REFERENCES certificates (certificate_id),
            ground         TEXT NOT NULL CHECK (ground IN ('a', 'b', 'c', 'd', 'đ', 'e')),
            decision_id    INTEGER NOT NULL REFERENCES decisions (decision_id),
            revoked_on     TEXT NOT NULL,
            concluded_on   TEXT)""",
        "CREATE INDEX ratings_by_product ON ratings (product_id, rated_on)",
    )),
    ("5-star queue, re-evaluation filings, expiry index", (
        """CREATE TABLE proposals (
            proposal_id      INTEGER PRIMARY KEY,
            rating_id        INTEGER NOT NULL UNIQUE REFERENCES ratings (rating_id),
            product_id       TEXT NOT NULL REFERENCES products (product_id),
            proposed_on      TEXT NOT NULL,
            state            TEXT NOT NULL DEFAULT 'pending'
                                 CHECK (state IN ('pending', 'recognised', 'returned')),
            result_rating_id INTEGER REFERENCES ratings (rating_id))""",
        """CREATE TABLE filings (
            certificate_id   INTEGER PRIMARY KEY REFERENCES certificates (certificate_id),
            filed_on         TEXT NOT NULL,
            result_rating_id INTEGER REFERENCES ratings (rating_id))""",
        "CREATE INDEX certificates_by_expiry ON certificates (expires_on)",
        "CREATE INDEX products_by_province ON products (province, commune)",
    )),
    ("product ids compared by key (case, dashes)", (
        "ALTER TABLE products ADD COLUMN product_key TEXT",
        _fill_product_keys,
        "CREATE INDEX products_by_key ON products (product_key)",
    )),
    ("the Ministry's return: which branch of Điều 7.4.g the province took", (
        """ALTER TABLE proposals ADD COLUMN returned_as TEXT
            CHECK (returned_as IN ('central-result', 'own-evaluation', 'no-class'))""",
        "ALTER TABLE proposals ADD COLUMN own_rating_id INTEGER REFERENCES ratings (rating_id)",
        """UPDATE proposals SET returned_as = CASE WHEN (SELECT r.stars FROM ratings r
            WHERE r.rating_id = proposals.result_rating_id) IS NULL THEN 'no-class'
            ELSE 'central-result' END WHERE state = 'returned'""",
    )),
    # A dossier's producer kind (``models.dossier.PRODUCER_KINDS``, or as written when it
    # is none of them); older rows stay blank until a recording or an import names it.
    ("the producer's kind, for counts by producer kind", (
        "ALTER TABLE products ADD COLUMN producer_kind TEXT",
    )),
)

LATEST = len(MIGRATIONS)
