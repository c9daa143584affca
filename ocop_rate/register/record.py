"""Record a round's decision: the results of ``ocop-rate rate … -f json``, the province's
decision, and the certificates it issues; 5-star proposals wait for the Ministry's result.

CONTRACT fields read: ``product_id``, ``rubric``, ``total``, ``stars``, ``recognised``,
``outcome`` (when absent — ocop-rate before issue 11 — the outcome is derived from ``stars``
and ``recognised`` by :func:`~ocop_rate.register.rules.derive_outcome` and the rating row
says so: ``outcome_derived = 1``), and when present ``product_name``, ``product_group``,
``producer`` (``name``, ``kind``, ``commune``, ``province``) and ``gates`` (``effect``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ocop_rate.errors import Location, Problem
from ocop_rate.register import keys, ledger, rules
from ocop_rate.register.keys import bad_id
from ocop_rate.register.store import Register, RegisterError

MAX_ROUND_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class RoundResult:
    """One product's result in a rated round, as the register needs it."""

    product: ledger.ProductInfo
    total: float | None
    stars: int | None
    outcome: str
    derived: bool
    index: int


@dataclass
class Recorded:
    """What a recording did, and what deserves a second look."""

    ratings: int = 0
    certificates: int = 0
    proposals: int = 0
    derived: int = 0
    returns_closed: list[str] = field(default_factory=list)   # Điều 7.4.g, own evaluation
    warnings: list[Problem] = field(default_factory=list)


MAX_TOTAL = 100
"""A rating's total is out of 100 points (Quyết định 26/2026, Phụ lục: the parts of every
product set add up to 100); NaN, Infinity or 1e300 in a results file is no total."""


def read_round(path: Path, authority: rules.Authority) -> list[RoundResult]:
    """The products of a rated round's JSON, checked field by field (located by index)."""
    from ocop_rate.loading.file_text import read_bytes

    name = str(path)
    try:
        data = json.loads(read_bytes(path, MAX_ROUND_BYTES))
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise RegisterError(Problem.of("register.round_not_json", Location(name),
                                       reason=type(exc).__name__)) from None
    return round_results(data, name, authority)


def round_results(data: Any, name: str, authority: rules.Authority) -> list[RoundResult]:
    """The products of a rated round (the CONTRACT array, or one object), checked field by
    field and located by index in ``name``: read from a results file, or straight from a
    round folder rated for the recording."""
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise RegisterError(Problem.of("register.round_not_list", Location(name)))
    problems: list[Problem] = []
    out = [_result(item, i, name, authority, problems) for i, item in enumerate(data)]
    if problems:
        raise RegisterError(problems)
    return [r for r in out if r is not None]


def _result(item: Any, i: int, file: str, authority: rules.Authority,
            problems: list[Problem]) -> RoundResult | None:
    def bad(fld: str, expected: str) -> None:
        problems.append(Problem.of("register.round_field", Location(file, field=f"[{i}].{fld}"),
                                   expected=expected))

    if not isinstance(item, dict):
        bad("", "an object")
        return None
    pid = item.get("product_id")
    stars = item.get("stars")
    total = item.get("total")
    recognised = item.get("recognised")
    outcome = item.get("outcome")
    if not isinstance(pid, str) or bad_id(pid):
        bad("product_id", "a product id without spaces")
    if stars is not None and (isinstance(stars, bool) or stars not in (1, 2, 3, 4, 5)):
        bad("stars", "1-5 or null")
    if total is not None and (isinstance(total, bool) or not isinstance(total, (int, float))
                              or not 0 <= total <= MAX_TOTAL):  # NaN fails both sides
        bad("total", f"a number from 0 to {MAX_TOTAL} or null")
    if item.get("level") is not None and item.get("level") not in ("province", "central"):
        bad("level", "province or central")
    if recognised is not None and not isinstance(recognised, bool):
        bad("recognised", "true or false")
    if outcome is not None and outcome not in rules.OUTCOMES:
        bad("outcome", " / ".join(rules.OUTCOMES))
    if problems:
        return None
    gates = item.get("gates") or []
    rejected = any(isinstance(g, dict) and g.get("effect") == "reject" for g in gates)
    derived = outcome is None
    if derived:
        outcome = rules.derive_outcome(stars, recognised, rejected, authority)
    raw_producer = item.get("producer")
    producer: dict[str, Any] = raw_producer if isinstance(raw_producer, dict) else {}
    name = item.get("product_name")
    return RoundResult(
        ledger.ProductInfo(str(pid), name if isinstance(name, str) else "", _s(item.get("rubric")),
                           _s(item.get("product_group")), _s(producer.get("name")),
                           _s(producer.get("commune")), _s(producer.get("province")),
                           _kind(producer.get("kind"))),
        None if total is None else float(total), stars, str(outcome), derived, i)


def _s(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _kind(value: object) -> str | None:
    """The dossier's producer kind as a code when it names one (a round's product list may
    say ``Hợp tác xã``), else as written: the dossier took it, so the register keeps it."""
    written = _s(value)
    return keys.producer_kind(written) or written


@dataclass(frozen=True)
class CertificateGrant:
    number: str
    issued_on: date | None = None


def record_round(register: Register, results: list[RoundResult], decision: ledger.Decision,
                 grants: dict[str, CertificateGrant], source: str,
                 kind: rules.Kind | None = None) -> Recorded:
    """Record every result under ``decision`` in one transaction (all or nothing)."""
    done = Recorded()
    level = "central" if decision.authority == "minister" else "province"
    with register.transaction() as conn:
        ids = ledger.canonical(conn, [*(r.product.product_id for r in results), *grants])
        results = [replace(r, product=r.product._replace(product_id=ids[r.product.product_id]))
                   for r in results]
        grants = {ids[pid]: grant for pid, grant in grants.items()}
        problems = _check(conn, results, decision, grants, source)
        if problems:
            raise RegisterError(problems)
        ledger.upsert_products(conn, [r.product for r in results])
        dec = ledger.decision_id(conn, decision)
        for r in results:
            pid = r.product.product_id
            existing = ledger.current(conn, pid)
            this_kind = kind or ledger.kind_of(existing, decision.on)
            rating = _add_rating(conn, pid, dec, decision.on, this_kind, level, r, source)
            done.ratings += 1
            if level == "province" and _close_return(conn, pid, rating):
                done.returns_closed.append(pid)
                if r.outcome == "proposed-5-star":
                    done.warnings.append(Problem.of(
                        "register.proposed_after_return", Location(source, field=f"[{r.index}]"),
                        product=pid))
            done.derived += r.derived
            grant = grants.get(pid)
            flat = (this_kind == "upgrade" and existing is not None and r.stars is not None
                    and r.stars <= existing.stars)
            if flat:
                done.warnings.append(Problem.of(
                    "register.upgrade_flat", Location(source, field=f"[{r.index}]"),
                    product=pid, stars=r.stars, previous=existing.stars if existing else 0))
            if r.outcome == "proposed-5-star":
                conn.execute("INSERT INTO proposals (rating_id, product_id, proposed_on) "
                             "VALUES (?, ?, ?)", (rating, pid, decision.on.isoformat()))
                done.proposals += 1
            elif r.outcome == "recognised" and grant is not None:
                assert r.stars is not None
                ledger.issue(conn, number=grant.number, product_id=pid, rating_id=rating,
                             decision_row=dec, stars=r.stars,
                             issued_on=grant.issued_on or decision.on)
                done.certificates += 1
            elif existing is not None and this_kind == "re-evaluation":
                ledger.settle_filing(conn, existing.certificate_id, rating)
    return done


def _close_return(conn: sqlite3.Connection, pid: str, rating: int) -> bool:
    """A provincial rating of a product the Ministry returned under 90 points, where the
    province chose to evaluate it again under its own authority (Điều 7.4.g): it is that
    evaluation. True when it closed such a return."""
    found = conn.execute("SELECT proposal_id FROM proposals WHERE product_id = ? AND "
                         "returned_as = 'own-evaluation' AND own_rating_id IS NULL "
                         "ORDER BY proposed_on DESC", (pid,)).fetchone()
    if found is None:
        return False
    conn.execute("UPDATE proposals SET own_rating_id = ? WHERE proposal_id = ?",
                 (rating, found[0]))
    return True


def _add_rating(conn: sqlite3.Connection, pid: str, dec: int | None, on: date, kind: str,
                level: str, r: RoundResult, source: str) -> int:
    cur = conn.execute(
        "INSERT INTO ratings (product_id, decision_id, rated_on, kind, level, rubric, "
        "total_cents, stars, outcome, outcome_derived, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pid, dec, on.isoformat(), kind, level, r.product.rubric,
         None if r.total is None else round(r.total * 100), r.stars, r.outcome,
         int(r.derived), source))
    return int(cur.lastrowid or 0)


def _check(conn: sqlite3.Connection, results: list[RoundResult], decision: ledger.Decision,
           grants: dict[str, CertificateGrant], source: str) -> list[Problem]:
    """Everything that would make the recording wrong, found before anything is written."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    by_id = {r.product.product_id: r for r in results}
    for r in results:
        pid = r.product.product_id
        where = Location(source, field=f"[{r.index}].product_id")
        if pid in seen:
            problems.append(Problem.of("register.round_repeat", where, product=pid))
        seen[pid] = r.index
        if r.outcome == "recognised" and r.stars is not None:
            needed = rules.authority_for(r.stars)
            if needed != decision.authority:
                problems.append(Problem.of("register.wrong_authority", where, product=pid,
                                           stars=r.stars, authority=needed))
            existing = ledger.current(conn, pid)
            flat = (existing is not None and ledger.kind_of(existing, decision.on) == "upgrade"
                    and r.stars <= existing.stars)
            if pid not in grants and not flat:
                problems.append(Problem.of("register.no_certificate", where, product=pid))
        already = conn.execute(
            "SELECT 1 FROM ratings r JOIN decisions d ON d.decision_id = r.decision_id "
            "WHERE r.product_id = ? AND d.number = ? AND d.decided_on = ?",
            (pid, decision.number, decision.on.isoformat())).fetchone()
        if already:
            problems.append(Problem.of("register.already_recorded", where, product=pid,
                                       decision=decision.number))
    numbers: dict[str, str] = {}
    for pid, grant in grants.items():
        where = Location(source, field=pid)
        result = by_id.get(pid)
        if result is None or result.outcome != "recognised":
            problems.append(Problem.of("register.certificate_not_recognised", where,
                                       product=pid, certificate=grant.number))
        owner = ledger.certificate_by_number(conn, grant.number)
        if owner is not None or grant.number in numbers:
            problems.append(Problem.of("register.certificate_taken", where,
                                       certificate=grant.number,
                                       product=owner or numbers[grant.number]))
        numbers[grant.number] = pid
        if grant.issued_on is not None and grant.issued_on < decision.on:
            problems.append(Problem.of("register.issued_before_decision", where,
                                       certificate=grant.number))
    return problems
