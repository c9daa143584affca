"""The round -> council adapter: a merged product becomes the Dossier the engine rates.

Kept small on purpose: this is the one place that knows both the round and the engine's
entry points (``check_fit``, ``score``), so it can be re-pointed when the engine changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ocop_rate.engine import GatePolicy, check_fit, score
from ocop_rate.errors import Location, Problem
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import Rating
from ocop_rate.models.round import RoundProduct
from ocop_rate.models.rubric import Rubric
from ocop_rate.outcome import Level
from ocop_rate.round.sheets import SheetRow

CONSENSUS_MEMBER = "Hội đồng"  # the agreed sheet's member name in ratings


def dossier_of(product: RoundProduct, sheets: Sequence[tuple[str, SheetRow]]) -> Dossier:
    """``product`` with ``sheets`` (member name, row) as its council."""
    return Dossier.model_validate({
        "product": {"id": product.id, "name": product.name.model_dump(),
                    "rubric": product.rubric,
                    "producer": None if product.producer is None
                    else product.producer.model_dump()},
        "facts": dict(product.facts),
        "council": [{"member": member, "scores": row.scores} for member, row in sheets],
    })


def rate_council(rubric: Rubric, product: RoundProduct,
                 sheets: Sequence[tuple[str, SheetRow]],
                 locate_product: Callable[[str | None], Location], *,
                 policy: GatePolicy, spread_limit: float, file: str | None,
                 level: Level) -> Rating | list[Problem]:
    """The engine's rating of ``product`` scored by ``sheets`` at the council's ``level``
    (its outcome is decided there: a central council recognises 5 stars, a provincial one
    proposes them), or every way the sheets do not fit the rubric, each located at its
    cell."""
    dossier = dossier_of(product, sheets)
    fits = check_fit(rubric, dossier)
    if fits:
        out = []
        for fit in fits:
            path = fit.path
            if len(path) >= 3 and path[0] == "council" and isinstance(path[1], int):
                row = sheets[path[1]][1]
                where = row.locate(str(path[3]) if len(path) > 3 else None)
            else:
                where = locate_product(str(path[-1]) if path else None)
            out.append(Problem(fit.message, where))
        return out
    return score(rubric, dossier, policy=policy, file=file, spread_limit=spread_limit,
                 level=level)
