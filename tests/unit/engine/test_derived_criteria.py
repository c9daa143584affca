"""Criteria the sheets print alike are derived alike (issue 21, item 7).

Criterion 3.2 (the legal representative is a woman, an ethnic minority person or a person
with disability) is printed on all 26 sheets of Appendix II with the same meaning; sheet 5
says "không là" where the others say "không phải là", sheet 24 ends option b with a full
stop. Those two rubrics used not to derive 3.2 from the fact, so a dossier that left 3.2 to
the fact (as the README says it may) was refused on them and rated on the 24 others.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import bundled_library, dossier_data, dump

runner = CliRunner()
FACT = "legal_rep_woman_minority_or_disabled"


def _sheets_26() -> list[str]:
    return sorted(rid for rid, r in bundled_library().rubrics.items()
                  if rid.endswith("-26") and "A3.2" in r.criteria_by_id)


def test_every_sheet_of_decision_26_derives_3_2_from_the_one_fact() -> None:
    ids = _sheets_26()
    assert len(ids) == 26                              # every sheet prints 3.2
    for rid in ids:
        crit = bundled_library().rubrics[rid].criteria_by_id.get("A3.2")
        assert crit is not None
        facts = {d.when.model_dump(exclude_none=True).get("fact") for d in crit.derive}
        assert facts == {FACT}, rid


@pytest.mark.parametrize("rubric", ["food-fast-food-26", "ornamental-plant-26",
                                    "food-fast-food-148", "ornamental-plant-148"])
@pytest.mark.parametrize(("fact", "option", "points"), [(True, "b", 1), (False, "a", 0)])
def test_a_dossier_leaving_3_2_to_the_fact_is_rated(tmp_path: Path, rubric: str, fact: bool,
                                                   option: str, points: int) -> None:
    """Through the real CLI: every other criterion scored, 3.2 blank, the fact known."""
    resolved = bundled_library().rubrics[rubric]
    scores = {c.id: c.options[-1].code for c in resolved.criteria
              if c.id != "A3.2" and not c.derive}
    facts = {k: v for k, v in {FACT: fact, "commune_origin_share": 0.9,
                               "local_material_share": 0.9, "local_labour_share": 0.9}.items()
             if k in resolved.facts_by_id}
    path = dump(tmp_path / "p.yaml", dossier_data([scores], rubric=rubric, facts=facts))
    result = runner.invoke(app, ["rate", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout)[0]
    assert item["errors"] == [] and item["stars"] is not None
    a32 = next(c for c in item["criteria"] if c["id"] == "A3.2")
    assert (a32["option"], a32["points"]) == (option, points)
