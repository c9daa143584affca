"""Import an existing register from a workbook or CSV (one certificate a row).

Headers are matched as score sheets match them (case, diacritics, spaces, ``_`` and ``-``
ignored; Vietnamese names in :data:`ALIASES`); the columns ``register export`` writes are
all understood, so an export imports back. Every row is validated and its problems located
by row and column (in a workbook also the cell); nothing is written unless every row is
good, or, with ``partial``, the good rows are written and the others reported. Validation
and writing happen in one transaction, so a killed import leaves the file as it was.
"""

from __future__ import annotations

import operator
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from ocop_rate.errors import Location, Problem
from ocop_rate.loading.csv_records import RecordTable, table_records
from ocop_rate.loading.sheet_files import MAX_CELL_CHARS
from ocop_rate.models.names import invisible_in_id
from ocop_rate.register import ledger, rules
from ocop_rate.register.dates import parse_date
from ocop_rate.register.keys import bad_id, producer_kind
from ocop_rate.register.store import Register, RegisterError
from ocop_rate.text_safety import spelt_out

COLUMNS = ("product_id", "product_name", "province", "commune", "product_group", "producer",
           "producer_kind", "stars", "certificate", "issued_on", "expires_on", "decision",
           "decision_date", "authority", "filed_on", "revoked_on", "ground", "revocation_decision")
IMPORT_SUFFIXES = (".xlsx", ".xls", ".csv", ".tsv", ".txt")  # what read_raw reads as a table
REQUIRED = ("product_id", "stars", "certificate", "issued_on", "decision")
DERIVED = ("status", "status_until", "window_opens", "window_closes", "term_source")
ALIASES: dict[str, str] = {
    "ma san pham": "product_id", "ma sp": "product_id", "product id": "product_id",
    "ten san pham": "product_name", "ten sp": "product_name", "product name": "product_name",
    "tinh": "province", "tinh thanh pho": "province", "xa": "commune", "xa phuong": "commune",
    "nhom": "product_group", "nhom san pham": "product_group", "group": "product_group",
    "chu the": "producer", "chu the ocop": "producer",
    "loai hinh chu the": "producer_kind", "loai hinh": "producer_kind",
    "hang sao": "stars", "so sao": "stars", "hang": "stars", "class": "stars",
    "so giay chung nhan": "certificate", "giay chung nhan": "certificate",
    "so gcn": "certificate", "certificate number": "certificate",
    "ngay cap": "issued_on", "issued": "issued_on",
    "ngay het han": "expires_on", "hieu luc den": "expires_on", "expires": "expires_on",
    "so quyet dinh": "decision", "quyet dinh": "decision", "decision number": "decision",
    "ngay quyet dinh": "decision_date", "tham quyen": "authority",
    "ngay nop ho so": "filed_on", "filed": "filed_on",
    "ngay thu hoi": "revoked_on", "revoked": "revoked_on",
    "can cu thu hoi": "ground", "quyet dinh thu hoi": "revocation_decision",
}
AUTHORITY_WORDS: dict[str, rules.Authority] = {
    "province chair": "province-chair", "chu tich ubnd cap tinh": "province-chair",
    "chu tich ubnd tinh": "province-chair",
    "minister": "minister", "bo truong bo nong nghiep va moi truong": "minister",
    "bo truong": "minister",
}


def _export_words() -> None:
    """What ``register export`` writes, in both languages, read back: every column's header
    (``register.column.*``) and the authority's words (``register.label.*``)."""
    from ocop_rate.loading.sheet_files import header_key
    from ocop_rate.messages import LANGS, text

    for name in (*COLUMNS, *DERIVED):
        for lang in LANGS:
            ALIASES.setdefault(header_key(text(f"register.column.{name}", lang)), name)
    for code in ("province-chair", "minister"):
        for lang in LANGS:
            AUTHORITY_WORDS.setdefault(header_key(text(f"register.label.{code}", lang)), code)
        AUTHORITY_WORDS.setdefault(header_key(code), code)


_export_words()


class Row(NamedTuple):
    """A good row, as it will be written (a tuple: thousands are made at once)."""

    line: int
    product: ledger.ProductInfo
    stars: int
    certificate: str
    issued_on: date
    expires_on: date
    term_source: str
    decision: ledger.Decision
    filed_on: date | None
    revoked_on: date | None
    ground: str | None
    revocation_decision: str | None


@dataclass
class Imported:
    rows: int = 0
    written: int = 0
    problems: list[Problem] = field(default_factory=list)


MAX_IMPORT_ROWS = 200_000
"""Rows one import may hold: every row is validated before anything is written, so all are
kept in memory at once (a province's register is some thousands; the country's, tens)."""


def read_rows(path: Path) -> tuple[RecordTable, dict[str, int]]:
    """The table's records and the column of each canonical field."""
    from ocop_rate.loading.sheet_files import header_key

    raw = open_sheet(path)
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for col, header in enumerate(raw.headers):
        key = header_key(header)
        if not key:
            continue
        canonical = ALIASES.get(key, key.replace(" ", "_"))
        if canonical in DERIVED:
            continue
        if canonical not in COLUMNS:
            problems.append(Problem.of("register.import_unknown_column",
                                       _where(raw, raw.header_line, col), header=header,
                                       expected=", ".join(REQUIRED)))
        elif canonical in columns:
            problems.append(Problem.of("register.import_repeated_column",
                                       _where(raw, raw.header_line, col), header=header))
        else:
            columns[canonical] = col
    for need in REQUIRED:
        if need not in columns:
            problems.append(Problem.of("register.import_missing_column",
                                       Location(raw.file, raw.header_line), column=need))
    if problems:
        raise RegisterError(problems)
    return raw, columns


def open_sheet(path: Path) -> RecordTable:
    """The table in ``path`` (:func:`~ocop_rate.loading.csv_records.table_records`: a CSV
    record by record, no pandas; a workbook's first sheet, its others are notes), when it
    is of a kind the register imports."""
    if path.suffix.lower() not in IMPORT_SUFFIXES:
        raise RegisterError(Problem.of("register.import_suffix", Location(str(path))))
    return table_records(path, MAX_IMPORT_ROWS)


def _where(raw: RecordTable, line: int, col: int) -> Location:
    from ocop_rate.loading.sheet_files import column_letter

    header = raw.headers[col] if col < len(raw.headers) else ""
    if raw.sheet is not None:
        header = f"{header} ({raw.sheet}!{column_letter(col)}{line})"
    return Location(raw.file, line, col + 1, header)


def _inert_back(text: str) -> str:
    """Undo the apostrophe an export put before formula-like text (``'=x`` -> ``=x``), so
    a register exported and imported back keeps its names as they were."""
    from ocop_rate.render.safety import FORMULA_STARTS

    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _cells(values: Sequence[str]) -> tuple[list[str], int]:
    """A row's cells as the register keeps them: NFC, stripped, an export's formula guard
    undone; and a bound on the longest (the row's length). A row is checked and
    normalised as one string (the separator, a control character, never composes with
    its neighbours), as most rows are plain ASCII or already NFC and none needs it."""
    joined = _SEP.join(values)
    longest = len(joined)
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        normal = unicodedata.normalize("NFC", joined)
        parts = normal.split(_SEP)
        longest = len(normal)
        if len(parts) != len(values):   # a cell holding the separator
            parts = [unicodedata.normalize("NFC", v) for v in values]
            longest = max(map(len, parts))
        values = parts
    cells = list(map(str.strip, values))
    return ([_inert_back(v) for v in cells] if "'" in joined else cells), longest


_SEP = "\x1f"   # the unit separator


DATE_FIELDS = ("issued_on", "expires_on", "decision_date", "filed_on", "revoked_on")
COLUMN_AT = {name: i for i, name in enumerate(COLUMNS)}
AUTHORITY_OF_STARS = {stars: rules.authority_for(stars or 3) for stars in (0, 3, 4, 5)}
STARS = {"3": 3, "4": 4, "5": 5}


def validate(raw: RecordTable, columns: dict[str, int]) -> tuple[list[Row], list[Problem], int]:
    """Each row checked on its own; a row with any problem is left out. Also the number
    of data rows (blank rows are skipped). Dates, expiries, authorities and decisions
    repeat from row to row: each distinct one is read (or made) once.

    A province's register is tens of thousands of rows, each read here once, so the loop
    keeps its work per row small: a row's cells go into local variables in one step (a
    column the file lacks reads as an empty cell), a row's problems straight into the
    list, and a good row's tuples are made by ``tuple.__new__`` (a NamedTuple's own
    ``__new__`` is a Python function, called 40,000 times for 20,000 rows)."""
    good: list[Row] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    count = line = 0
    dates_read: dict[str, date | None] = {"": None}
    expiries: dict[date, date] = {}
    authorities: dict[str, rules.Authority | None] = {}
    decisions: dict[tuple[str, date, str, str | None], ledger.Decision] = {}
    names, cols = list(columns), list(columns.values())
    pick, last = operator.itemgetter(*cols), max(cols)   # the required columns: two or more
    # each of COLUMNS from a row's cells, a missing column from the empty cell added last
    at = {name: i for i, name in enumerate(names)}
    fields = operator.itemgetter(*(at.get(name, len(names)) for name in COLUMNS))
    row: tuple[str, ...] = ()
    new = tuple.__new__

    def bad(name: str, message_id: str, **params: object) -> None:
        """A problem of this row's cell ``name`` (``line``, ``row``: the row's)."""
        problems.append(Problem.of(message_id, _where(raw, line, columns[name]),
                                   value=row[COLUMN_AT[name]], **params))

    def day(name: str, text: str) -> date | None:
        """The date in a non-blank cell, or None (a problem of the row)."""
        if text not in dates_read:
            dates_read[text] = parse_date(text)
        found = dates_read[text]
        if found is None:
            bad(name, "register.import_bad_date")
        return found

    for line, record in raw.records:
        width = len(record)
        values, longest = _cells(pick(record) if width > last else
                                 [record[c] if c < width else "" for c in cols])
        if not any(values):
            continue
        count += 1
        if longest > MAX_CELL_CHARS and max(map(len, values)) > MAX_CELL_CHARS:
            problems += [Problem.of("sheet.cell_too_long", _where(raw, line, columns[name]),
                                    line=line, limit=MAX_CELL_CHARS)
                         for name, text in zip(names, values, strict=True)
                         if len(text) > MAX_CELL_CHARS]
            continue
        values.append("")
        row = fields(values)
        (pid, product_name, province, commune, group, producer, kind_text, stars_text, number,
         issued_text, expires_text, decision, decided_text, said, filed_text, revoked_text,
         ground_text, revocation_decision) = row
        before = len(problems)
        if not pid:
            bad("product_id", "register.import_bad_id")
        elif bad_id(pid):  # as a dossier's or a sheet's id is refused: what is hidden, spelt out
            bad("product_id", "safety.invisible_in_id", shown=spelt_out(pid),
                code=invisible_in_id(pid))
        stars = STARS.get(stars_text, 0)
        if not stars:
            bad("stars", "register.import_bad_stars")
        if not number:
            bad("certificate", "register.import_blank", column="certificate")
        elif number in seen:
            bad("certificate", "register.import_repeated_certificate", line=seen[number])
        else:
            seen[number] = line
        issued = day("issued_on", issued_text) if issued_text else None
        expires = day("expires_on", expires_text) if expires_text else None
        decided = day("decision_date", decided_text) if decided_text else None
        filed = day("filed_on", filed_text) if filed_text else None
        revoked = day("revoked_on", revoked_text) if revoked_text else None
        if not issued_text:
            bad("issued_on", "register.import_blank", column="issued_on")
        if not decision:
            bad("decision", "register.import_blank", column="decision")
        authority = AUTHORITY_OF_STARS[stars]
        if said:
            if said not in authorities:
                from ocop_rate.loading.sheet_files import header_key

                authorities[said] = AUTHORITY_WORDS.get(header_key(said))
            word = authorities[said]
            if word is None:
                bad("authority", "register.import_bad_authority")
            elif stars and word != authority:
                bad("authority", "register.import_wrong_authority", stars=stars,
                    authority=authority)
        term = "36-months"
        if issued is not None:
            if issued not in expiries:
                expiries[issued] = rules.expiry(issued)
            computed = expiries[issued]
            if expires is not None and issued < rules.EFFECTIVE:
                term = "decision"            # Điều 12.1: the term its decision gave
                if expires <= issued:
                    bad("expires_on", "register.import_expiry_order")
            elif expires is not None and expires != computed:
                bad("expires_on", "register.import_not_36_months", expected=computed)
            expires = expires or computed
        letter = rules.ground(ground_text) if ground_text else None
        if revoked is not None or ground_text or revocation_decision:
            for name in ("revoked_on", "ground", "revocation_decision"):
                if name not in columns or not row[COLUMN_AT[name]]:
                    where = _where(raw, line, columns[name]) if name in columns else \
                        Location(raw.file, line)
                    problems.append(Problem.of("register.import_revocation_incomplete",
                                               where, column=name))
            if ground_text and letter is None:
                bad("ground", "register.bad_ground", ident=ground_text,
                    grounds=", ".join(rules.GROUNDS))
        kind = None
        if kind_text:
            kind = producer_kind(kind_text)
            if kind is None:
                from ocop_rate.models.dossier import PRODUCER_KINDS

                bad("producer_kind", "register.import_bad_producer_kind",
                    kinds=", ".join(PRODUCER_KINDS))
        if len(problems) > before or issued is None or expires is None:
            continue
        key = (decision, decided or issued, authority, province or None)
        if key not in decisions:
            decisions[key] = ledger.Decision(key[0], key[1], authority, None, key[3])
        good.append(new(Row, (
            line,
            new(ledger.ProductInfo, (pid, product_name, None, group or None, producer or None,
                                     commune or None, province or None, kind)),
            stars, number, issued, expires, term, decisions[key], filed, revoked, letter,
            revocation_decision or None)))
    return good, problems, count


def import_file(register: Register, path: Path, partial: bool) -> Imported:
    """Validate every row, then write the good ones in one transaction — all of them, or
    with ``partial`` those without problems. The problems listed are the first
    :data:`~ocop_rate.loading.caps.MAX_PROBLEMS_PER_FILE` and a count of the others."""
    from ocop_rate.loading.caps import capped

    raw, columns = read_rows(path)
    rows, problems, count = validate(raw, columns)
    out = Imported(rows=count)
    with register.transaction() as conn:
        ids = ledger.canonical(conn, [r.product.product_id for r in rows])
        rows = [r if ids[r.product.product_id] == r.product.product_id else
                r._replace(product=r.product._replace(product_id=ids[r.product.product_id]))
                for r in rows]
        rows, taken = _not_in_register(conn, rows, raw, columns)
        problems += taken
        out.problems = capped(sorted(problems, key=lambda p: (p.location.line or 0,
                                                              p.location.column or 0)),
                              raw.file)
        if problems and not partial:
            raise RegisterError(out.problems)
        _write(conn, rows)
        out.written = len(rows)
    return out


def _not_in_register(conn: sqlite3.Connection, rows: list[Row], raw: RecordTable,
                     columns: dict[str, int]) -> tuple[list[Row], list[Problem]]:
    known = {n for (n,) in conn.execute("SELECT number FROM certificates")}
    if not known:
        return rows, []
    problems = [Problem.of("register.certificate_taken",
                           _where(raw, r.line, columns["certificate"]),
                           certificate=r.certificate,
                           product=ledger.certificate_by_number(conn, r.certificate))
                for r in rows if r.certificate in known]
    return [r for r in rows if r.certificate not in known], problems


def _write(conn: sqlite3.Connection, rows: list[Row]) -> None:
    """Products, decisions and certificates. A product that has no current certificate
    and one row here (the whole of a first import) has its certificate added in one
    statement with the others alike; the rest go one by one (:func:`ledger.issue`), so a
    newer certificate replaces an older one whichever is imported first."""
    ledger.upsert_products(conn, [r.product for r in rows])
    decisions = _decision_rows(conn, rows)
    holders = {pid for (pid,) in conn.execute(
        "SELECT DISTINCT product_id FROM certificates WHERE superseded_by IS NULL")}
    per_product: dict[str, int] = {}
    for r in rows:
        per_product[r.product.product_id] = per_product.get(r.product.product_id, 0) + 1
    alone = [r for r in rows if per_product[r.product.product_id] == 1
             and r.product.product_id not in holders and r.filed_on is None
             and r.revoked_on is None]
    iso: dict[date, str] = {}    # a few hundred distinct days among thousands of rows
    conn.executemany(
        "INSERT INTO certificates (number, product_id, rating_id, decision_id, stars, "
        "issued_on, expires_on, term_source) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
        [(r.certificate, r.product.product_id, decisions[id(r.decision)], r.stars,
          iso.get(r.issued_on) or iso.setdefault(r.issued_on, r.issued_on.isoformat()),
          iso.get(r.expires_on) or iso.setdefault(r.expires_on, r.expires_on.isoformat()),
          r.term_source) for r in alone])
    done = {id(r) for r in alone}
    rest = [r for r in rows if id(r) not in done]
    for r in sorted(rest, key=lambda r: (r.product.product_id, r.issued_on)):
        cert = ledger.issue(conn, number=r.certificate, product_id=r.product.product_id,
                            rating_id=None, decision_row=decisions[id(r.decision)],
                            stars=r.stars, issued_on=r.issued_on, expires_on=r.expires_on,
                            term_source=r.term_source)
        if r.filed_on is not None:
            conn.execute("INSERT INTO filings (certificate_id, filed_on) VALUES (?, ?)",
                         (cert, r.filed_on.isoformat()))
        if r.revoked_on is not None and r.ground is not None and r.revocation_decision:
            rev = ledger.decision_id(conn, ledger.Decision(
                r.revocation_decision, r.revoked_on, r.decision.authority))
            conn.execute("INSERT INTO revocations (certificate_id, ground, decision_id, "
                         "revoked_on) VALUES (?, ?, ?, ?)",
                         (cert, r.ground, rev, r.revoked_on.isoformat()))


def _decision_rows(conn: sqlite3.Connection, rows: list[Row]) -> dict[int, int]:
    """The register's row of each row's decision (by the Decision object, which rows
    share: :func:`validate` makes each once), added when new: one statement for all, as
    :func:`ledger.decision_id` does for one (a decision already there is kept as it is)."""
    distinct = {id(r.decision): r.decision for r in rows}
    conn.executemany("INSERT INTO decisions (number, decided_on, authority, signer, province) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (number, decided_on, authority) "
                     "DO NOTHING",
                     [(d.number, d.on.isoformat(), d.authority, d.signer, d.province)
                      for d in distinct.values()])
    known = {(number, on, authority): row for row, number, on, authority in conn.execute(
        "SELECT decision_id, number, decided_on, authority FROM decisions")}
    return {key: known[(d.number, d.on.isoformat(), d.authority)]
            for key, d in distinct.items()}


GRANT_ALIASES = {**ALIASES, "certificate number": "certificate", "so": "certificate"}


def grants_from_file(path: Path) -> dict[str, Any]:
    """Certificate numbers for ``register record --certificates FILE``: columns
    ``product_id``, ``certificate`` and optionally ``issued_on``, located problems."""
    from ocop_rate.loading.sheet_files import header_key
    from ocop_rate.register.record import CertificateGrant

    raw = open_sheet(path)
    columns: dict[str, int] = {}
    for c, h in enumerate(raw.headers):
        if header_key(h):
            columns[GRANT_ALIASES.get(header_key(h), header_key(h).replace(" ", "_"))] = c
    problems = [Problem.of("register.import_missing_column",
                           Location(raw.file, raw.header_line), column=c)
                for c in ("product_id", "certificate") if c not in columns]
    if problems:
        raise RegisterError(problems)
    grants: dict[str, Any] = {}
    for line, record in raw.records:
        def cell(name: str, record: list[str] = record) -> str:
            col = columns.get(name)
            return record[col].strip() if col is not None and col < len(record) else ""

        pid, number, issued_text = cell("product_id"), cell("certificate"), cell("issued_on")
        if not pid and not number:
            continue
        issued = parse_date(issued_text) if issued_text else None
        for name, value, ok in (("product_id", pid, bool(pid)),
                                ("certificate", number, bool(number)),
                                ("issued_on", issued_text, not issued_text or issued)):
            if not ok:
                problems.append(Problem.of("register.import_blank" if not value else
                                           "register.import_bad_date",
                                           _where(raw, line, columns[name]), value=value,
                                           column=name))
        if pid and number:
            grants[pid] = CertificateGrant(number, issued)
    if problems:
        raise RegisterError(problems)
    return grants
