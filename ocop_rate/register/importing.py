"""Import an existing register from a workbook or CSV (one certificate a row).

Headers are matched as score sheets match them (case, diacritics, spaces, ``_`` and ``-``
ignored; Vietnamese names in :data:`ALIASES`); the columns ``register export`` writes are
all understood, so an export imports back. Every row is validated and its problems located
by row and column (in a workbook also the cell); nothing is written unless every row is
good, or, with ``partial``, the good rows are written and the others reported. Validation
and writing happen in one transaction, so a killed import leaves the file as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ocop_rate.errors import Location, Problem
from ocop_rate.models.dossier import PRODUCER_KINDS
from ocop_rate.register import ledger, rules
from ocop_rate.register.dates import parse_date
from ocop_rate.register.keys import bad_id, producer_kind
from ocop_rate.register.store import Register, RegisterError

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


@dataclass(frozen=True)
class Row:
    line: int
    product: ledger.ProductInfo
    stars: int
    certificate: str
    issued_on: date
    expires_on: date | None
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


def read_rows(path: Path) -> tuple[Any, dict[str, int]]:
    """The sheet's cells and the column of each canonical field."""
    from ocop_rate.loading.raw_sheets import read_raw
    from ocop_rate.loading.sheet_files import header_key

    if path.suffix.lower() not in IMPORT_SUFFIXES:
        raise RegisterError(Problem.of("register.import_suffix", Location(str(path))))
    raw = read_raw(path)[0]  # the first sheet (a workbook's others are notes)
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
                                       _where(raw, None, col), header=header,
                                       expected=", ".join(REQUIRED)))
        elif canonical in columns:
            problems.append(Problem.of("register.import_repeated_column",
                                       _where(raw, None, col), header=header))
        else:
            columns[canonical] = col
    for need in REQUIRED:
        if need not in columns:
            problems.append(Problem.of("register.import_missing_column",
                                       Location(raw.file, 1), column=need))
    if problems:
        raise RegisterError(problems)
    return raw, columns


def _where(raw: Any, row: int | None, col: int) -> Location:
    from ocop_rate.loading.sheet_files import column_letter

    line = 1 if row is None else raw.first_row + row
    header = raw.headers[col]
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


def validate(raw: Any, columns: dict[str, int]) -> tuple[list[Row], list[Problem], int]:
    """Each row checked on its own; a row with any problem is left out. Also the number
    of data rows (blank rows are skipped)."""
    import unicodedata

    good: list[Row] = []
    problems: list[Problem] = []
    frame = raw.frame
    cells = {name: [_inert_back(unicodedata.normalize("NFC", str(v)).strip())
                    for v in frame[col].astype(object).fillna("").tolist()]
             for name, col in columns.items()}
    seen: dict[str, int] = {}
    count = 0
    for i in range(len(frame)):
        def get(name: str, row: int = i) -> str:
            return cells[name][row] if name in cells else ""

        if not any(cells[n][i] for n in cells):
            continue
        count += 1
        here: list[Problem] = []

        def bad(name: str, message_id: str, row: int = i, out: list[Problem] = here,
                **params: object) -> None:
            out.append(Problem.of(message_id, _where(raw, row, columns[name]),
                                  value=get(name, row), **params))

        pid = get("product_id")
        if bad_id(pid):
            bad("product_id", "register.import_bad_id")
        stars_text = get("stars")
        stars = int(stars_text) if stars_text in ("3", "4", "5") else 0
        if not stars:
            bad("stars", "register.import_bad_stars")
        number = get("certificate")
        if not number:
            bad("certificate", "register.import_blank", column="certificate")
        elif number in seen:
            bad("certificate", "register.import_repeated_certificate",
                line=raw.first_row + seen[number])
        seen.setdefault(number, i)
        dates: dict[str, date | None] = {}
        for name in ("issued_on", "expires_on", "decision_date", "filed_on", "revoked_on"):
            text = get(name)
            dates[name] = parse_date(text) if text else None
            if text and dates[name] is None:
                bad(name, "register.import_bad_date")
        issued = dates["issued_on"]
        if issued is None and not get("issued_on"):
            bad("issued_on", "register.import_blank", column="issued_on")
        decision = get("decision")
        if not decision:
            bad("decision", "register.import_blank", column="decision")
        authority = rules.authority_for(stars or 3)
        if get("authority"):
            from ocop_rate.loading.sheet_files import header_key

            word = AUTHORITY_WORDS.get(header_key(get("authority")))
            if word is None:
                bad("authority", "register.import_bad_authority")
            elif stars and word != authority:
                bad("authority", "register.import_wrong_authority", stars=stars,
                    authority=authority)
        expires, term = dates["expires_on"], "36-months"
        if issued is not None:
            computed = rules.expiry(issued)
            if expires is not None and issued < rules.EFFECTIVE:
                term = "decision"            # Điều 12.1: the term its decision gave
                if expires <= issued:
                    bad("expires_on", "register.import_expiry_order")
            elif expires is not None and expires != computed:
                bad("expires_on", "register.import_not_36_months", expected=computed)
            expires = expires or computed
        revoked = dates["revoked_on"]
        letter = rules.ground(get("ground")) if get("ground") else None
        if revoked is not None or get("ground") or get("revocation_decision"):
            for name in ("revoked_on", "ground", "revocation_decision"):
                if name not in columns or not get(name):
                    where = _where(raw, i, columns[name]) if name in columns else \
                        Location(raw.file, raw.first_row + i)
                    here.append(Problem.of("register.import_revocation_incomplete", where,
                                           column=name))
            if get("ground") and letter is None:
                bad("ground", "register.bad_ground", grounds=", ".join(rules.GROUNDS))
        kind = producer_kind(get("producer_kind"))
        if get("producer_kind") and kind is None:
            bad("producer_kind", "register.import_bad_producer_kind",
                kinds=", ".join(PRODUCER_KINDS))
        if here or issued is None:
            problems += here
            continue
        dec_on = dates["decision_date"] or issued
        good.append(Row(
            raw.first_row + i,
            ledger.ProductInfo(pid, get("product_name"), None, get("product_group") or None,
                               get("producer") or None, get("commune") or None,
                               get("province") or None, kind),
            stars, number, issued, expires, term,
            ledger.Decision(decision, dec_on, authority, None, get("province") or None),
            dates["filed_on"], revoked, letter, get("revocation_decision") or None))
    return good, problems, count


def import_file(register: Register, path: Path, partial: bool) -> Imported:
    """Validate every row, then write the good ones in one transaction — all of them, or
    with ``partial`` those without problems."""
    raw, columns = read_rows(path)
    rows, problems, count = validate(raw, columns)
    out = Imported(rows=count)
    with register.transaction() as conn:
        ids = ledger.canonical(conn, [r.product.product_id for r in rows])
        rows = [replace(r, product=replace(r.product, product_id=ids[r.product.product_id]))
                for r in rows]
        rows, taken = _not_in_register(conn, rows, raw, columns)
        problems += taken
        out.problems = sorted(problems, key=lambda p: (p.location.line or 0,
                                                       p.location.column or 0))
        if problems and not partial:
            raise RegisterError(out.problems)
        _write(conn, rows)
        out.written = len(rows)
    return out


def _not_in_register(conn: sqlite3.Connection, rows: list[Row], raw: Any,
                     columns: dict[str, int]) -> tuple[list[Row], list[Problem]]:
    known = {n for (n,) in conn.execute("SELECT number FROM certificates")}
    problems = [Problem.of("register.certificate_taken",
                           _where(raw, r.line - raw.first_row, columns["certificate"]),
                           certificate=r.certificate,
                           product=ledger.certificate_by_number(conn, r.certificate))
                for r in rows if r.certificate in known]
    return [r for r in rows if r.certificate not in known], problems


def _write(conn: sqlite3.Connection, rows: list[Row]) -> None:
    ledger.upsert_products(conn, [r.product for r in rows])
    decisions: dict[tuple[str, date, str], int] = {}
    for r in sorted(rows, key=lambda r: (r.product.product_id, r.issued_on)):
        key = (r.decision.number, r.decision.on, r.decision.authority)
        if key not in decisions:
            decisions[key] = ledger.decision_id(conn, r.decision)
        cert = ledger.issue(conn, number=r.certificate, product_id=r.product.product_id,
                            rating_id=None, decision_row=decisions[key], stars=r.stars,
                            issued_on=r.issued_on, expires_on=r.expires_on,
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


GRANT_ALIASES = {**ALIASES, "certificate number": "certificate", "so": "certificate"}


def grants_from_file(path: Path) -> dict[str, Any]:
    """Certificate numbers for ``register record --certificates FILE``: columns
    ``product_id``, ``certificate`` and optionally ``issued_on``, located problems."""
    from ocop_rate.loading.raw_sheets import read_raw
    from ocop_rate.loading.sheet_files import header_key
    from ocop_rate.register.record import CertificateGrant

    if path.suffix.lower() not in IMPORT_SUFFIXES:
        raise RegisterError(Problem.of("register.import_suffix", Location(str(path))))
    raw = read_raw(path)[0]
    columns = {GRANT_ALIASES.get(header_key(h), header_key(h).replace(" ", "_")): c
               for c, h in enumerate(raw.headers) if header_key(h)}
    problems = [Problem.of("register.import_missing_column", Location(raw.file, 1), column=c)
                for c in ("product_id", "certificate") if c not in columns]
    if problems:
        raise RegisterError(problems)
    grants: dict[str, Any] = {}
    frame = raw.frame
    for i in range(len(frame)):
        pid = str(frame[columns["product_id"]][i]).strip()
        number = str(frame[columns["certificate"]][i]).strip()
        if not pid and not number:
            continue
        issued_text = str(frame[columns["issued_on"]][i]).strip() if "issued_on" in columns \
            else ""
        issued = parse_date(issued_text) if issued_text else None
        for name, value, ok in (("product_id", pid, bool(pid)),
                                ("certificate", number, bool(number)),
                                ("issued_on", issued_text, not issued_text or issued)):
            if not ok:
                problems.append(Problem.of("register.import_blank" if not value else
                                           "register.import_bad_date",
                                           _where(raw, i, columns[name]), value=value,
                                           column=name))
        if pid and number:
            grants[pid] = CertificateGrant(number, issued)
    if problems:
        raise RegisterError(problems)
    return grants
