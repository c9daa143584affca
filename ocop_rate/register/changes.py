"""Changes to a recorded certificate: the Ministry's result on a 5-star proposal, a
re-evaluation dossier filed, a revocation. Each is one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from ocop_rate.errors import Location, Problem
from ocop_rate.register import ledger, rules
from ocop_rate.register.dates import stored_day
from ocop_rate.register.store import Register, RegisterError


@dataclass
class Changed:
    """What a change did (``reference``: the certificate concerned) and its warnings."""

    reference: str | None = None
    detail: str | None = None
    warnings: list[Problem] = field(default_factory=list)


def _refuse(message_id: str, **params: object) -> RegisterError:
    return RegisterError(Problem.of(message_id, Location(field=str(params.get("ident", ""))),
                                    **params))


def resolve(conn: sqlite3.Connection, ident: str) -> str:
    """A product id (compared by key: case and dashes do not matter), or the product of a
    certificate number."""
    pid = ledger.canonical(conn, [ident])[ident]
    if conn.execute("SELECT 1 FROM products WHERE product_id = ?", (pid,)).fetchone():
        return pid
    owner = ledger.certificate_by_number(conn, ident)
    if owner is None:
        raise _refuse("register.unknown_product", ident=ident)
    return owner


def ministry_result(register: Register, ident: str, stars: int | None,
                    decision: ledger.Decision | None, certificate: str | None,
                    issued_on: date | None, total: float | None,
                    evaluate_again: bool = False) -> Changed:
    """Close a pending 5-star proposal: recognised 5 stars by the Minister (Điều 7.4.e), or
    returned under 90 points, when the province takes one of the two ways of Điều 7.4.g:
    "Trường hợp sản phẩm không đạt 90 điểm, Chủ tịch UBND cấp tỉnh có thể căn cứ vào kết quả
    đánh giá của Hội đồng cấp trung ương để xem xét, quyết định công nhận và cấp giấy chứng
    nhận cho sản phẩm OCOP đạt 3 sao, 4 sao hoặc tổ chức đánh giá và phân hạng sản phẩm theo
    thẩm quyền."

    * ``stars`` 3 or 4 with the Chair's ``decision`` and ``certificate``: recognised from
      the central result (``returned_as = 'central-result'``);
    * ``evaluate_again``: the province evaluates it under its own authority; the return
      waits for that rating (``'own-evaluation'``), which the next ``record`` of the
      product at a provincial level closes (:func:`ocop_rate.register.record.record_round`);
    * neither: returned, no class recognised (``'no-class'``)."""
    with register.transaction() as conn:
        pid = resolve(conn, ident)
        row = conn.execute("SELECT p.proposal_id, r.kind FROM proposals p JOIN ratings r ON "
                           "r.rating_id = p.rating_id WHERE p.product_id = ? AND p.state = "
                           "'pending' ORDER BY p.proposed_on DESC", (pid,)).fetchone()
        if row is None:
            raise _refuse("register.no_proposal", ident=ident)
        if stars is not None:
            if decision is None or certificate is None:
                raise _refuse("register.result_needs_decision", ident=ident)
            needed = rules.authority_for(stars)
            if decision.authority != needed:
                raise _refuse("register.wrong_authority", ident=ident, product=pid,
                              stars=stars, authority=needed)
            if ledger.certificate_by_number(conn, certificate) is not None:
                raise _refuse("register.certificate_taken", ident=ident,
                              certificate=certificate,
                              product=ledger.certificate_by_number(conn, certificate))
        dec = None if decision is None else ledger.decision_id(conn, decision)
        on = decision.on if decision is not None else date.today()
        cur = conn.execute(
            "INSERT INTO ratings (product_id, decision_id, rated_on, kind, level, total_cents, "
            "stars, outcome, source) VALUES (?, ?, ?, ?, 'central', ?, ?, ?, 'ministry result')",
            (pid, dec, on.isoformat(), row[1], None if total is None else round(total * 100),
             stars, "recognised" if stars is not None else "not-recognised"))
        rating = int(cur.lastrowid or 0)
        state = "recognised" if stars == 5 else "returned"
        branch = (None if stars == 5 else "central-result" if stars is not None
                  else "own-evaluation" if evaluate_again else "no-class")
        conn.execute("UPDATE proposals SET state = ?, result_rating_id = ?, returned_as = ? "
                     "WHERE proposal_id = ?", (state, rating, branch, row[0]))
        if stars is not None and dec is not None and certificate is not None:
            ledger.issue(conn, number=certificate, product_id=pid, rating_id=rating,
                         decision_row=dec, stars=stars, issued_on=issued_on or on)
        said = "own-evaluation-due" if branch == "own-evaluation" else branch or state
        return Changed(certificate, said)


def file_reevaluation(register: Register, ident: str, filed_on: date) -> Changed:
    """Record that a re-evaluation dossier was filed for the current certificate; warn when
    it falls outside the window of Điều 7.6.a (late: Điều 12.3 extends the certificate)."""
    with register.transaction() as conn:
        pid = resolve(conn, ident)
        cert = ledger.current(conn, pid)
        if cert is None or (cert.revoked_on is not None and cert.revoked_on <= filed_on):
            raise _refuse("register.no_current", ident=ident)
        if cert.filed_on is not None:
            raise _refuse("register.already_filed", ident=ident, certificate=cert.number,
                          filed=cert.filed_on)
        conn.execute("INSERT INTO filings (certificate_id, filed_on) VALUES (?, ?)",
                     (cert.certificate_id, filed_on.isoformat()))
        win = rules.window(cert.expires_on)
        place = win.where(filed_on)
        out = Changed(cert.number, place)
        if place != "inside":
            out.warnings.append(Problem.of(f"register.filed_{place}", None,
                                           product=pid, opens=win.opens,
                                           closes=win.closes,
                                           limit=rules.late_limit(cert.expires_on)))
        return out


def revoke(register: Register, ident: str, ground: str, decision: ledger.Decision,
           concluded_on: date | None) -> Changed:
    """Revoke the certificate ``ident`` (a certificate number, or a product's current one)
    on a ground of Điều 8.1, by the authority Điều 8.2 gives for its class."""
    letter = rules.ground(ground)
    if letter is None:
        raise _refuse("register.bad_ground", ident=ground, grounds=", ".join(rules.GROUNDS))
    with register.transaction() as conn:
        row = conn.execute("SELECT certificate_id, product_id, number, stars, issued_on FROM "
                           "certificates WHERE number = ?", (ident,)).fetchone()
        if row is None:
            pid = resolve(conn, ident)
            cert = ledger.current(conn, pid)
            if cert is None:
                raise _refuse("register.no_current", ident=ident)
            row = (cert.certificate_id, pid, cert.number, cert.stars, cert.issued_on.isoformat())
        cert_id, pid, number, stars, issued = row
        if conn.execute("SELECT 1 FROM revocations WHERE certificate_id = ?",
                        (cert_id,)).fetchone():
            raise _refuse("register.already_revoked", ident=ident, certificate=number)
        needed = rules.authority_for(int(stars))
        if decision.authority != needed:
            raise _refuse("register.revoke_authority", ident=ident, certificate=number,
                          stars=stars, authority=needed)
        if decision.on < stored_day(issued):
            raise _refuse("register.revoked_before_issue", ident=ident, certificate=number)
        if concluded_on is not None and decision.on < concluded_on:
            raise _refuse("register.revoked_before_conclusion", ident=ident)
        dec = ledger.decision_id(conn, decision)
        conn.execute("INSERT INTO revocations (certificate_id, ground, decision_id, revoked_on, "
                     "concluded_on) VALUES (?, ?, ?, ?, ?)",
                     (cert_id, letter, dec, decision.on.isoformat(),
                      None if concluded_on is None else concluded_on.isoformat()))
        out = Changed(str(number), letter)
        if concluded_on is not None and decision.on > rules.revoke_by(concluded_on):
            out.warnings.append(Problem.of(
                "register.revoked_late", None, certificate=number,
                days=(decision.on - concluded_on).days, limit=rules.REVOKE_DAYS))
        return out
