"""Engine behaviour on hand-computed sheets: bands, averaging, gates, next star."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_rate.engine import check_fit, score
from ocop_rate.loading.rubrics import load_library
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import Rating
from tests.conftest import dossier_data


def rate(rules: Path, sheets: list[dict[str, str]], policy: str = "majority",
         **extra: object) -> Rating:
    rubric = load_library([rules]).get("tiny")
    dossier = Dossier.model_validate(dossier_data(sheets, **extra))
    assert check_fit(rubric, dossier) == []
    return score(rubric, dossier, policy=policy)  # type: ignore[arg-type]


# (A option, B option, C option) -> total, stars. C option b carries the 4-star mark and
# B option c the 5-star mark, so these sheets also meet the marks of their class.
EDGES = [
    ({"A1": "e", "B1": "a", "C1": "a"}, 29.99, 1),
    ({"A1": "f", "B1": "a", "C1": "a"}, 30.00, 2),
    ({"A1": "e", "B1": "a", "C1": "b"}, 49.99, 2),
    ({"A1": "f", "B1": "a", "C1": "b"}, 50.00, 3),
    ({"A1": "b", "B1": "c", "C1": "c"}, 69.99, 3),
    ({"A1": "c", "B1": "c", "C1": "c"}, 70.00, 4),
    ({"A1": "e", "B1": "c", "C1": "c"}, 89.99, 4),
    ({"A1": "f", "B1": "c", "C1": "c"}, 90.00, 5),
    ({"A1": "h", "B1": "c", "C1": "c"}, 100.00, 5),
]


@pytest.mark.parametrize(("sheet", "total", "stars"), EDGES)
def test_band_edges(tiny_rules: Path, sheet: dict[str, str], total: float, stars: int) -> None:
    rating = rate(tiny_rules, [sheet])
    assert rating.total == total
    assert rating.stars == stars
    # a provincial council recognises 3-4 stars; 90 or more is proposed for 5 (Điều 4, 7)
    assert rating.recognised is (3 <= stars <= 4)
    assert rating.outcome == ("proposed-5-star" if stars == 5 else
                              "recognised" if stars >= 3 else "not-recognised")


def test_average_is_banded_after_rounding(tiny_rules: Path) -> None:
    # 49.99 and 50.00 average 49.995, printed 50.00: the class must agree with the print.
    rating = rate(tiny_rules, [EDGES[2][0], EDGES[3][0]])
    assert [m.total for m in rating.members] == [49.99, 50.0]
    assert rating.total == 50.0
    assert rating.stars == 3


def test_average_of_three_members_and_parts_add_up(tiny_rules: Path) -> None:
    sheets = [{"A1": "c", "B1": "b", "C1": "b"},   # 10 + 10 + 20 = 40
              {"A1": "d", "B1": "b", "C1": "b"},   # 20 + 10 + 20 = 50
              {"A1": "d", "B1": "c", "C1": "b"}]   # 20 + 25 + 20 = 65
    rating = rate(tiny_rules, sheets)
    assert rating.total == 51.67  # 155 / 3
    parts = {p.id: p.points for p in rating.parts}
    assert parts == {"A": 16.67, "B": 15.0, "C": 20.0}
    assert round(sum(parts.values()), 2) == rating.total
    assert rating.stars == 3


def test_star_mark_caps_class(tiny_rules: Path) -> None:
    # 40 + 10 + 35 = 85: 4 stars; B1's 5-star mark does not matter below 5 stars.
    rating = rate(tiny_rules, [{"A1": "h", "B1": "b", "C1": "c"}])
    assert (rating.total, rating.stars, rating.gates) == (85.0, 4, ())
    # 40 + 25 + 20 = 85 with C1 exactly at its 4-star mark (b): 4 stars, no gate.
    held = rate(tiny_rules, [{"A1": "h", "B1": "c", "C1": "b"}])
    assert (held.stars, held.gates) == (4, ())


def test_star_mark_gate_applies_and_is_explained(tiny_rules: Path) -> None:
    # Members: 40 + 25 + 0 = 65 and 40 + 25 + 35 = 100; average 82.5 is in the 4-star
    # band, but only one of two members put C1 at its 4-star mark (b) or better.
    rating = rate(tiny_rules, [{"A1": "h", "B1": "c", "C1": "a"},
                               {"A1": "h", "B1": "c", "C1": "c"}])
    assert rating.total == 82.5
    assert rating.band_stars == 4
    assert rating.stars == 3
    assert [g.id for g in rating.gates] == ["min-option:C1"]
    assert rating.gates[0].max_stars == 3
    assert "C1" in rating.gates[0].reason.en
    assert rating.criteria[2].option == "a"


def test_gate_policy_majority_of_three(tiny_rules: Path) -> None:
    sheets = [{"A1": "h", "B1": "c", "C1": "a"}, {"A1": "h", "B1": "c", "C1": "b"},
              {"A1": "h", "B1": "c", "C1": "b"}]
    majority = rate(tiny_rules, sheets)
    assert majority.total == 78.33
    assert majority.stars == 4  # two of three reached the mark
    unanimous = rate(tiny_rules, sheets, policy="all")
    assert unanimous.stars == 3
    assert unanimous.gate_policy == "all"


def test_block_gate_from_facts(tiny_rules: Path) -> None:
    rating = rate(tiny_rules, [{"A1": "h", "B1": "c", "C1": "c"}], facts={"falsified": True})
    assert rating.total == 100.0
    assert rating.stars is None                      # a rejected dossier has no class
    assert (rating.outcome, rating.recognised) == ("rejected", False)
    assert [(g.id, g.effect) for g in rating.gates] == [("falsified-dossier", "block")]
    assert rating.next_star is not None
    assert rating.next_star.reachable is False
    assert rating.next_star.blocked_by == ("falsified-dossier",)


def test_unknown_fact_gate_is_a_warning(tiny_rules: Path) -> None:
    rating = rate(tiny_rules, [{"A1": "h", "B1": "c", "C1": "c"}])
    assert rating.stars == 5
    assert [(w.message_id, w.params["gate"], w.params["facts"]) for w in rating.warnings] == [
        ("rating.gate_not_checked", "falsified-dossier", "falsified")]
    clean = rate(tiny_rules, [{"A1": "h", "B1": "c", "C1": "c"}], facts={"falsified": False})
    assert clean.warnings == ()


def test_derived_option_from_facts(tiny_rules: Path) -> None:
    rating = rate(tiny_rules, [{"A1": "h", "B1": "c"}], facts={"local_share": 0.8})
    c1 = rating.criteria[2]
    assert (c1.option, c1.points) == ("c", 35.0)
    assert c1.choices[0].chosen_by == "derived"
    assert c1.choices[0].facts == ("local_share",)


def test_next_star_fewest_upgrades(tiny_rules: Path) -> None:
    # 20 + 10 + 20 = 50 (3 stars); 4 stars needs 70, i.e. +20. B1 b->c and C1 b->c add
    # 15 each, A1 d->h adds 20: one upgrade (A1 to h) is the fewest.
    rating = rate(tiny_rules, [{"A1": "d", "B1": "b", "C1": "b"}])
    ns = rating.next_star
    assert ns is not None
    assert (ns.stars, ns.threshold, ns.points_needed, ns.reachable) == (4, 70, 20.0, True)
    assert [(u.criterion, u.from_option, u.to_option, u.points) for u in ns.upgrades] == [
        ("A1", "d", "h", 20.0)]


def test_next_star_meets_marks_first(tiny_rules: Path) -> None:
    # 40 + 10 + 35 = 85 (4 stars). 5 stars needs 90 and B1 at its 5-star mark (c):
    # B1 b->c adds 15 and alone reaches 100.
    rating = rate(tiny_rules, [{"A1": "h", "B1": "b", "C1": "c"}])
    ns = rating.next_star
    assert ns is not None
    assert [(u.criterion, u.to_option, u.required_by_gate) for u in ns.upgrades] == [
        ("B1", "c", True)]
    assert ns.reachable


def test_next_star_targets_first_recognised_class(tiny_rules: Path) -> None:
    rating = rate(tiny_rules, [{"A1": "b", "B1": "a", "C1": "a"}])  # 9.99: 1 star
    assert rating.next_star is not None
    assert rating.next_star.stars == 3
    assert rating.next_star.points_needed == 40.01


def test_no_next_star_at_five(tiny_rules: Path) -> None:
    rating = rate(tiny_rules, [{"A1": "h", "B1": "c", "C1": "c"}], facts={"falsified": False})
    assert rating.next_star is None


def test_self_assessment_total(tiny_rules: Path) -> None:
    rating = rate(tiny_rules, [{"A1": "d", "B1": "b", "C1": "b"}],
                  self_assessment={"A1": "h", "B1": "c", "C1": "c"})
    assert rating.self_assessment is not None
    assert rating.self_assessment.total == 100.0
    assert rating.criteria[0].self_assessed == "h"


def test_member_order_does_not_change_rating(tiny_rules: Path) -> None:
    sheets = [{"A1": "h", "B1": "c", "C1": "a"}, {"A1": "d", "B1": "b", "C1": "b"},
              {"A1": "e", "B1": "c", "C1": "c"}]
    forward = rate(tiny_rules, sheets)
    backward = rate(tiny_rules, list(reversed(sheets)))
    assert (forward.total, forward.stars, forward.parts) == (
        backward.total, backward.stars, backward.parts)


def test_points_scale_criteria_split_only_by_total(tmp_path: Path) -> None:
    # A criterion whose options are a points scale (the 1048 part totals) is no tick box:
    # members 6 options apart there are judged by the spread of totals alone.
    from tests.conftest import TINY_RUBRIC, dump

    data = {**TINY_RUBRIC, "criteria": [dict(c) for c in TINY_RUBRIC["criteria"]]}
    sheets = [{"A1": "b", "B1": "c", "C1": "c"}, {"A1": "d", "B1": "c", "C1": "c"}]
    ticked = rate(dump(tmp_path / "a" / "tiny.yaml", data).parent, sheets)
    assert ticked.disagreement is not None
    assert [s.criterion for s in ticked.disagreement.splits] == ["A1"]
    data["criteria"][0]["scale"] = True
    scaled = rate(dump(tmp_path / "b" / "tiny.yaml", data).parent, sheets)
    assert scaled.disagreement is not None
    assert scaled.disagreement.splits == ()
    assert scaled.disagreement.spread == 10.01 and scaled.disagreement.over_limit
