"""What the register says about products being rated (``ocop-rate rate --register DB``):
the kind of rating each one is, its previous class, and two flags — an upgrade request
that does not rise (Điều 7.5) and a re-evaluation filed outside its window (Điều 7.6.a)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ocop_rate.register import ledger, rules
from ocop_rate.register.store import open_register


@dataclass(frozen=True)
class Registration:
    product_id: str
    kind: rules.Kind
    previous_stars: int | None
    previous_certificate: str | None
    expires_on: date | None
    flags: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def registrations(path: Path, products: list[tuple[str, int | None]], on: date
                  ) -> list[Registration]:
    """One :class:`Registration` per product (id, stars just rated), as of ``on``."""
    register = open_register(path, create=False)
    try:
        with register.snapshot() as conn:
            ids = ledger.canonical(conn, [pid for pid, _ in products])
            return [_one(ledger.current(conn, ids[pid]), pid, stars, on)
                    for pid, stars in products]
    finally:
        register.close()


def _one(cert: ledger.Current | None, pid: str, stars: int | None, on: date) -> Registration:
    kind = ledger.kind_of(cert, on)
    if cert is None or kind == "first":
        return Registration(pid, "first", None, None, None)
    out = Registration(pid, kind, cert.stars, cert.number, cert.expires_on)
    if kind == "upgrade" and stars is not None and stars <= cert.stars:
        out.flags.append(("register.flag_upgrade_flat", {"stars": stars,
                                                         "previous": cert.stars}))
    if kind == "re-evaluation":
        win = rules.window(cert.expires_on)
        filed = cert.filed_on
        if filed is not None and win.where(filed) != "inside":
            out.flags.append(("register.flag_filed_outside", {
                "filed": filed, "opens": win.opens,
                "closes": win.closes}))
        elif filed is None and on > win.closes:
            out.flags.append(("register.flag_not_filed", {"closes": win.closes}))
    return out
