"""Council columns: what the engine scores. Every input becomes this: a score sheet of
100,000 products, a member's workbook, or one YAML dossier (a one-product block).

Rows are members' sheets grouped by product (rows of product ``p`` are
``starts[p]:starts[p + 1]``); columns are the rubric's criteria in order. A cell is an
option index (``len(options)`` for ``none``: see :mod:`ocop_rate.engine.tables`). Facts,
notes, evidence,
the self-assessment and the producer ride alongside, per product, for dossiers only: a
sheet has none of them and pays nothing for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import getitem
from typing import TYPE_CHECKING, cast

import numpy as np

from ocop_rate.engine.fit import derive
from ocop_rate.engine.tables import tables
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import ProductExtras
from ocop_rate.models.rubric import Criterion, Rubric

if TYPE_CHECKING:
    from numpy.typing import NDArray


def starts_of(sizes: Sequence[int] | NDArray[np.int64]) -> NDArray[np.int64]:
    """The ``P + 1`` row offsets of :attr:`CouncilColumns.starts`, from each product's
    council size."""
    starts: NDArray[np.int64] = np.r_[0, np.cumsum(sizes)].astype(np.int64)
    return starts


@dataclass(frozen=True)
class CouncilColumns:
    """Validated council sheets of many products of one rubric, column-wise."""

    rubric: Rubric
    file: str
    product_id: list[str]
    product_name: list[str]
    starts: NDArray[np.int64]      # P + 1 row offsets
    member: list[str]              # R
    option: NDArray[np.int8]       # R x C option indices, criteria in rubric order
    derived: NDArray[np.bool_] | None = None   # R x C: the option was derived from facts
    self_option: NDArray[np.int8] | None = None  # P x C: self-assessed option, -2 where none
    extras: list[ProductExtras] | None = None  # P, dossiers only

    def __len__(self) -> int:
        return len(self.product_id)

    def dossier(self, index: int) -> Dossier:
        """Product ``index`` as the dossier it stands for (for the reference scorer)."""
        if self.extras is not None:
            ext = self.extras[index]
            first = int(self.starts[index])
        crits = self.rubric.criteria
        rows = range(int(self.starts[index]), int(self.starts[index + 1]))
        data: dict[str, object] = {
            "product": {"id": self.product_id[index], "name": self.product_name[index],
                        "rubric": self.rubric.id},
            "council": [{"member": self.member[r], "scores": {
                c.id: c.option_at(int(self.option[r, k])).code for k, c in enumerate(crits)
                if self.derived is None or not self.derived[r, k]}}
                for r in rows],
        }
        if self.extras is not None:
            data["product"] = {"id": self.product_id[index], "name": ext.name,
                               "rubric": self.rubric.id, "producer": ext.producer}
            data["facts"] = dict(ext.facts)
            data["evidence"] = {k: list(v) for k, v in ext.evidence.items()}
            data["self_assessment"] = dict(ext.self_assessment)
            for r, sheet in zip(rows, data["council"], strict=True):  # type: ignore[call-overload]
                sheet["notes"] = dict(ext.notes[r - first])
        return Dossier.model_validate(data)


NO_SELF = -2


def from_dossiers(rubric: Rubric, dossiers: Sequence[tuple[Dossier, str | None]]
                  ) -> CouncilColumns:
    """Dossiers of ``rubric`` that fit it (``check_fit`` empty) as one block, in order.
    A member's blank criterion takes the option its derivation gives from the facts."""
    t = tables(rubric)
    crits = rubric.criteria
    n_crit = len(crits)
    sizes = [len(d.council) for d, _ in dossiers]
    rows = sum(sizes)
    flat: list[int] = []  # every row's option indices, made into one array at the end
    derived_at: list[int] = []  # r * n_crit + k of each derived option
    self_option = np.full((len(dossiers), n_crit), NO_SELF, dtype=np.int8)
    members: list[str] = []
    extras: list[ProductExtras] = []
    ids = [c.id for c in crits]
    index = t.index
    r = 0
    for p, (dossier, file) in enumerate(dossiers):
        made: dict[int, tuple[str | None, tuple[str, ...]]] = {}  # derivations, once each
        hit: set[int] = set()  # criteria derived for some member
        for sheet in dossier.council:
            members.append(sheet.member)
            codes = list(map(sheet.scores.get, ids))
            for k in _blanks(codes):  # blank criteria: derived from the facts
                codes[k] = _derived(made, crits, k, dossier)[0]
                assert codes[k] is not None, "check_fit must run before scoring"
                derived_at.append(r * n_crit + k)
                hit.add(k)
            flat += map(getitem, index, cast("list[str]", codes))  # every code known: check_fit
            r += 1
        own = dossier.self_assessment
        if own:
            codes = list(map(own.get, ids))
            for k in _blanks(codes):
                codes[k] = _derived(made, crits, k, dossier)[0]
            self_option[p] = [NO_SELF if code is None else known[code]
                              for known, code in zip(index, codes, strict=True)]
        product = dossier.product
        extras.append(ProductExtras(
            file=file, name=product.name, facts=dossier.facts, evidence=dossier.evidence,
            self_assessment=own, producer=product.producer,
            notes=tuple(s.notes for s in dossier.council),
            derived_facts={k: v[1] for k, v in made.items() if v[0] is not None and k in hit},
        ))
    option = np.array(flat, dtype=np.int8).reshape(rows, n_crit)
    derived = np.zeros((rows, n_crit), dtype=bool)
    derived.reshape(-1)[derived_at] = True
    return CouncilColumns(
        rubric=rubric, file="", product_id=[d.product.id for d, _ in dossiers],
        product_name=[d.product.name.vi for d, _ in dossiers],
        starts=starts_of(sizes), member=members, option=option,
        derived=derived, self_option=self_option, extras=extras)


def _derived(made: dict[int, tuple[str | None, tuple[str, ...]]],
             crits: Sequence[Criterion], k: int, dossier: Dossier
             ) -> tuple[str | None, tuple[str, ...]]:
    """The option the facts give criterion ``k`` (and those facts), computed once."""
    if k not in made:
        made[k] = derive(crits[k], dossier.facts)
    return made[k]


def _blanks(codes: list[str | None]) -> list[int]:
    """Where ``codes`` holds None (a blank criterion: a few of a sheet's tens, found by
    ``list.index`` rather than a Python loop over every criterion)."""
    out: list[int] = []
    k = -1
    for _ in range(codes.count(None)):
        k = codes.index(None, k + 1)
        out.append(k)
    return out
