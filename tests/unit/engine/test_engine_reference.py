"""The engine equals the reference scorer (``tests/reference_scorer.py``: exact fractions,
one dossier at a time) on random rubrics, councils and dossiers, and on the bundled rubrics.

Every field of every rating is compared (the pydantic models' equality), and the JSON a
score sheet's block is written as (the fast column writer) against the reference's.
"""

from __future__ import annotations

import json
import random
from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from benchmarks.corpus import dossier as corpus_dossier
from ocop_rate.engine import (
    CouncilColumns,
    check_fit,
    from_dossiers,
    rating_at,
    score_columns,
)
from ocop_rate.loading.rubrics import load_library
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.rubric import Rubric
from ocop_rate.report.json_dossiers import DossierView
from ocop_rate.report.json_report import block_lines, item_to_dict
from ocop_rate.report.rows import rows, stream_rows
from tests import reference_scorer as reference
from tests.conftest import TINY_RUBRIC
from tests.unit.engine.test_properties import SETTINGS, councils, rubrics

CRITERION_KEYS = ("id", "points", "max_points", "option")


def contract_view(item: dict[str, Any]) -> dict[str, Any]:
    """What the column JSON writer gives for a score-sheet product."""
    out = dict(item)
    out["criteria"] = [{k: c[k] for k in CRITERION_KEYS} for c in item["criteria"]]
    return out


@SETTINGS
@given(data=st.data(), rubric=rubrics(), policy=st.sampled_from(["majority", "all"]),
       spread=st.sampled_from([0.0, 2.5, 4.1, 10.0]))
def test_sheets_equal_reference(data: st.DataObject, rubric: Rubric, policy: Any,
                                spread: float) -> None:
    cols = data.draw(councils(rubric))
    block = score_columns(cols, policy, spread)
    fast = [json.loads(line) for line in block_lines(block, "vi")]
    for i, got in enumerate(fast):
        dossier = cols.dossier(i)
        assert check_fit(rubric, dossier) == []
        want = reference.score(rubric, dossier, policy=policy, file="sheet.csv",
                               spread_limit=spread)
        assert rating_at(block, i) == want
        assert got == contract_view(item_to_dict(want, "vi"))


@st.composite
def rubrics_with_facts(draw: st.DrawFn) -> Rubric:
    """A random rubric (:func:`rubrics`) given facts, derivations and fact gates."""
    base = draw(rubrics())
    data = base.model_dump(mode="json", by_alias=True, exclude_none=True)
    for crit in data["criteria"]:
        crit.pop("max_points", None)
        if draw(st.booleans()):
            codes = [o["code"] for o in crit["options"]]
            crit["derive"] = [
                {"option": draw(st.sampled_from(codes)),
                 "when": {"fact": "share", draw(st.sampled_from(["gte", "lt"])):
                          draw(st.sampled_from([0.25, 0.5, 0.75]))}}
                for _ in range(draw(st.integers(1, 2)))]
    data.pop("max_points", None)
    data["facts"] = [{"id": "flag", "type": "boolean", "name": "flag"},
                     {"id": "share", "type": "number", "name": "share"}]
    data["gates"] = [
        {"id": "flag-blocks", "effect": "block", "when": {"fact": "flag", "eq": True},
         "reason": "flag"},
        {"id": "low-share-cap", "effect": "cap", "max_stars": draw(st.integers(1, 4)),
         "when": {"all": [{"fact": "share", "lt": 0.5}, {"fact": "flag", "eq": False}]},
         "reason": {"vi": "ít", "en": "low"}},
    ]
    return Rubric.model_validate(data)


@st.composite
def dossiers(draw: st.DrawFn, rubric: Rubric) -> Dossier:
    """A dossier that fits ``rubric``: facts stated or not, blank criteria where facts
    derive them, notes, evidence and a self-assessment (complete or not)."""
    facts: dict[str, Any] = {}
    if draw(st.booleans()):
        facts["flag"] = draw(st.booleans())
    if draw(st.integers(0, 3)):
        facts["share"] = draw(st.sampled_from([0, 0.25, 0.3, 0.5, 0.75, 1]))
    council = []
    for m in range(draw(st.integers(1, 5))):
        scores, notes = {}, {}
        for crit in rubric.criteria:
            derivable = any(reference.evaluate(d.when, facts) is True for d in crit.derive)
            if not (derivable and draw(st.booleans())):
                scores[crit.id] = draw(st.sampled_from([o.code for o in crit.options]))
            if draw(st.integers(0, 9)) == 0:
                notes[crit.id] = f"n{m}"
        council.append({"member": f"M{m}", "scores": scores, "notes": notes})
    ids = [c.id for c in rubric.criteria]
    self_assessed = {c.id: draw(st.sampled_from([o.code for o in c.options]))
                     for c in rubric.criteria if draw(st.integers(0, 5))}
    return Dossier.model_validate({
        "product": {"id": "P-1", "name": {"vi": "Thử", "en": "Test"}, "rubric": rubric.id,
                    **({"producer": {"name": "HTX"}} if draw(st.booleans()) else {})},
        "facts": facts, "council": council,
        "self_assessment": self_assessed if draw(st.booleans()) else {},
        "evidence": {cid: ["doc.pdf"] for cid in draw(st.lists(st.sampled_from(ids),
                                                               unique=True, max_size=2))},
    })


@SETTINGS
@given(data=st.data(), rubric=rubrics_with_facts(), policy=st.sampled_from(["majority", "all"]))
def test_dossiers_equal_reference(data: st.DataObject, rubric: Rubric, policy: Any) -> None:
    batch = [data.draw(dossiers(rubric)) for _ in range(data.draw(st.integers(1, 4)))]
    for d in batch:
        assume(check_fit(rubric, d) == [])
    block = score_columns(from_dossiers(rubric, [(d, f"d{i}.yaml") for i, d in
                                                 enumerate(batch)]), policy)
    for i, d in enumerate(batch):
        want = reference.score(rubric, d, policy=policy, file=f"d{i}.yaml")
        assert rating_at(block, i) == want
        for lang in ("vi", "en"):  # the column views the streamed JSON and CSV are made of
            view = DossierView(block, lang)
            assert view.text(i) == json.dumps(item_to_dict(want, lang), ensure_ascii=False)
            assert list(stream_rows([(block, i)], lang)) == rows(BatchResult((want,)), lang)


_LIBRARY: list[Any] = []


def _bundled() -> list[Rubric]:
    if not _LIBRARY:
        _LIBRARY.append(load_library())
    return sorted((r for r in _LIBRARY[0].rubrics.values() if not r.abstract),
                  key=lambda r: r.id)


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), policy=st.sampled_from(["majority", "all"]))
def test_bundled_rubrics_equal_reference(seed: int, policy: Any) -> None:
    rng = random.Random(seed)
    rubric = rng.choice(_bundled())
    batch = []
    for i in range(3):
        d = Dossier.model_validate(yaml.safe_load(yaml.safe_dump(
            corpus_dossier(rubric, i, rng), allow_unicode=True)))
        if not check_fit(rubric, d):
            batch.append(d)
    assume(batch)
    block = score_columns(from_dossiers(rubric, [(d, None) for d in batch]), policy)
    for i, d in enumerate(batch):
        assert rating_at(block, i) == reference.score(rubric, d, policy=policy)


def test_tiny_rubric_is_in_reach() -> None:
    """The hand-made rubric the other tests use is one the engine can rate."""
    from ocop_rate.engine import ratable

    assert ratable(Rubric.model_validate(TINY_RUBRIC))


def test_big_gains_do_not_overflow() -> None:
    """7 members at the bottom of a points-scale rubric: the next star's gains (n x
    hundredths, doubled when rounded) exceed int16; the engine must still equal the
    reference (it once printed a negative upgrade)."""
    import numpy as np

    rubric = load_library().rubrics["all-part-totals-1048"]
    option = np.zeros((7, len(rubric.criteria)), dtype=np.int8)
    cols = CouncilColumns(rubric, "s.csv", ["P"], ["P"], np.array([0, 7]),
                          [f"M{i}" for i in range(7)], option)
    got = rating_at(score_columns(cols), 0)
    assert got == reference.score(rubric, cols.dossier(0), file="s.csv")
    assert got.next_star is not None and all(u.points > 0 for u in got.next_star.upgrades)
