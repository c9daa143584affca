"""The engine and the reference scorer (``tests/reference_scorer.py``) agree on the clauses
of issue 11:
``none``, 5.2's applicability, requirements, tourism's cases, outcomes at both levels.

Random councils on bundled rubrics that carry those clauses; every product's JSON from the
columns must equal the engine's (criteria compared on the contract's keys).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_rate.engine import CouncilColumns, check_fit, rating_at, score_columns
from ocop_rate.engine.columns import starts_of
from ocop_rate.loading.rubrics import load_library
from ocop_rate.models.rubric import Rubric
from ocop_rate.report.json_report import block_lines, item_to_dict
from tests.reference_scorer import score
from tests.unit.engine.test_engine_reference import contract_view

LIBRARY = load_library()
RUBRICS = ["food-fresh-produce-26", "handicraft-decorative-26", "tourism-community-26"]
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def councils(draw: st.DrawFn, rubric: Rubric) -> CouncilColumns:
    """1-6 products, 1-4 members; each member keeps to one case per case group; every
    option, ``none`` included (index ``len(options)``), may be drawn."""
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=6))
    rows = sum(sizes)
    option = np.zeros((rows, len(rubric.criteria)), dtype=np.int8)
    for r in range(rows):
        cases = {g.id: draw(st.sampled_from(g.cases)) for g in rubric.case_groups}
        for k, crit in enumerate(rubric.criteria):
            allowed = list(range(len(crit.options) + 1))
            for group in rubric.case_groups:
                if crit.id in group.criteria:
                    codes = cases[group.id].options[crit.id]
                    allowed = [i for i, o in enumerate(crit.options) if o.code in codes]
                    allowed.append(len(crit.options))     # none belongs to no case
            option[r, k] = draw(st.sampled_from(allowed))
    return CouncilColumns(
        rubric=rubric, file="sheet.csv",
        product_id=[f"P-{i}" for i in range(len(sizes))],
        product_name=[f"Sản phẩm {i}" for i in range(len(sizes))],
        starts=starts_of(sizes),
        member=[f"M{j}" for s in sizes for j in range(s)], option=option)


@SETTINGS
@given(data=st.data(), rubric_id=st.sampled_from(RUBRICS),
       policy=st.sampled_from(["majority", "all"]),
       level=st.sampled_from(["province", "central"]))
def test_columns_equal_engine_on_the_clauses(data: st.DataObject, rubric_id: str,
                                             policy: Any, level: Any) -> None:
    rubric = LIBRARY.get(rubric_id)
    cols = data.draw(councils(rubric))
    block = score_columns(cols, policy, level=level)
    fast = [json.loads(line) for line in block_lines(block, "en")]
    for i, got in enumerate(fast):
        dossier = cols.dossier(i)
        assert check_fit(rubric, dossier) == []
        rating = score(rubric, dossier, policy=policy, file="sheet.csv", level=level)
        assert got == contract_view(item_to_dict(rating, "en"))
        assert rating_at(block, i) == rating


def test_story_applicability_is_exercised() -> None:
    """The random councils above do reach 5.2 without a story: a fixed case."""
    rubric = LIBRARY.get("food-fresh-produce-26")
    k51 = next(k for k, c in enumerate(rubric.criteria) if c.id == "B5.1")
    k52 = next(k for k, c in enumerate(rubric.criteria) if c.id == "B5.2")
    option = np.zeros((2, len(rubric.criteria)), dtype=np.int8)
    option[:, k52] = 2                      # 5.2 c (2 points) ...
    option[1, k51] = 4                      # ... counted for M1 only: M0 has no story (5.1 a)
    cols = CouncilColumns(rubric, "s.csv", ["P"], ["P"], np.array([0, 2]), ["M0", "M1"],
                          option)
    block = score_columns(cols)
    [item] = [json.loads(line) for line in block_lines(block, "en")]
    b52 = next(c for c in item["criteria"] if c["id"] == "B5.2")
    assert b52["points"] == 1.0            # (0 + 2) / 2
    # 4.1 a is 1 point, the other a boxes 0: M0 1 (5.2 does not apply), M1 1 + 5 + 2
    assert [m["parts"]["B"] for m in item["members"]] == [1.0, 8.0]
