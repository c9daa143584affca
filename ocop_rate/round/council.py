"""The round -> council adapter: merged products become the engine's council columns.

Kept small on purpose: this is the one place that knows both the round and the engine's
entry points, so it can be re-pointed when the engine changes. A product is fitted on its
own (:func:`fit_council`: every problem located at its cell), then every product of one
rubric is scored as one block on the engine's column path (:func:`score_councils`), as the
pipeline scores a batch of dossiers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ocop_rate.engine import GatePolicy, check_fit, not_whole_hundredths
from ocop_rate.errors import Location, Problem
from ocop_rate.merge import unratable
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import RatingColumns
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


def fit_council(rubric: Rubric, product: RoundProduct, sheets: Sequence[tuple[str, SheetRow]],
                locate_product: Callable[[str | None], Location]) -> Dossier | list[Problem]:
    """``product`` scored by ``sheets`` as the dossier the engine rates, or every way the
    sheets do not fit the rubric, each located at its cell and catalogued (said in the
    reader's language)."""
    if not_whole_hundredths(rubric):
        return [unratable(rubric, locate_product("rubric"))]
    dossier = dossier_of(product, sheets)
    out = []
    for fit in check_fit(rubric, dossier):
        path = fit.path
        if len(path) >= 3 and path[0] == "council" and isinstance(path[1], int):
            where = sheets[path[1]][1].locate(str(path[3]) if len(path) > 3 else None)
        else:
            where = locate_product(str(path[-1]) if path else None)
        out.append(Problem.of(fit.message_id, where, **fit.params))
    return out or dossier


def score_councils(rubric: Rubric, dossiers: Sequence[Dossier], *, policy: GatePolicy,
                   spread_limit: float, file: str | None, level: Level) -> RatingColumns:
    """Every fitted dossier of ``rubric`` scored as one block at the council's ``level``
    (its outcome is decided there: a central council recognises 5 stars, a provincial one
    proposes them); product ``p`` of the block is ``dossiers[p]``."""
    from ocop_rate.engine import from_dossiers, score_columns

    return score_columns(from_dossiers(rubric, [(d, file) for d in dossiers]), policy,
                         spread_limit, level)
