"""The procedure's deadlines checked on a round's products (Decision 26/2026/QĐ-TTg, Điều 5,
7.2, 7.6.g, 12.2; the rules and how they are read: :mod:`ocop_rate.procedure.deadlines`).

A check needs its dates: the product list's ``received_on``, ``proposed_on``,
``complete_on``, ``filed_on`` and the round's ``date`` (the council's evaluation); a check
whose dates are not given is not made (nothing is guessed).
"""

from __future__ import annotations

import datetime as dt

from ocop_rate.models.round import DeadlineCheck, Level, RoundProduct
from ocop_rate.procedure import deadlines as rules
from ocop_rate.procedure.deadlines import EFFECTIVE


def check(product: RoundProduct, level: Level, held: dt.date | None
          ) -> tuple[DeadlineCheck, ...]:
    """Every deadline of ``product`` whose dates are known, late or not."""
    out: list[DeadlineCheck] = []
    pid = product.id

    def add(rule: rules.Rule, start: dt.date | None, due: dt.date, on: dt.date,
            raw: dt.date | None = None) -> None:
        moved = raw if raw is not None and raw != due else None
        out.append(DeadlineCheck(product_id=pid, rule=rule, start=start, due=due,
                                 moved_from=moved, on=on, late=on > due))

    proposed = product.proposed_on
    if level == "province" and product.received_on is not None and proposed is not None:
        add("7.2", product.received_on, rules.commune_due(product.received_on), proposed)
    if held is None:
        return tuple(out)
    if proposed is not None:
        add(rules.round_rule(level), proposed, rules.round_due(proposed, level), held)
    if product.registration == "re-evaluation" and product.complete_on is not None:
        start = product.complete_on
        add("7.6.g", start, rules.reevaluation_due(start), held,
            start + dt.timedelta(days=rules.REEVALUATION_DAYS))
    if product.filed_on is not None:
        found = rules.transitional(product.filed_on, product.registration)
        if found is not None:
            rule, due = found
            days = (rules.TRANSITIONAL_AGAIN_DAYS if rule == "12.2.b"
                    else rules.TRANSITIONAL_FIRST_DAYS)
            add(rule, EFFECTIVE, due, held,
                EFFECTIVE + dt.timedelta(days=days))
    return tuple(out)
