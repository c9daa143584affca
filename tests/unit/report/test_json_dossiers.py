"""The dossier JSON written straight off a block's columns, a chunk of products at a time,
equals ``json.dumps`` of each product's rating as ``item_to_dict`` makes it, whatever
order the products are asked for in and wherever a chunk ends."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
import yaml

from benchmarks.corpus import from_sample
from ocop_rate.engine import check_fit, from_dossiers, rating_at, score_columns
from ocop_rate.models.dossier import Dossier
from ocop_rate.report.json_dossiers import CHUNK, DossierView
from ocop_rate.report.json_report import item_to_dict
from tests.conftest import SAMPLES, bundled_library


def _block(sample: str, count: int, cases: bool = False) -> Any:
    """``count`` dossiers made from ``sample`` (councils of 1-7 members), scored as one
    block; with ``cases``, members alternate between the two cases of the tourism rubric's
    case group, so councils split over cases."""
    data = yaml.safe_load((SAMPLES / sample).read_text(encoding="utf-8"))
    rubric = bundled_library().rubrics[data["product"]["rubric"]]
    rng = random.Random(5)
    made = [from_sample(data, rubric, i, rng.randint(1, 7), rng) for i in range(count)]
    for i, dossier in enumerate(made):
        for m, sheet in enumerate(dossier["council"] if cases else ()):
            sheet["scores"].update(dict.fromkeys(["C8", "C9", "C15"], "ac"[(i + m) % 2]))
    dossiers = [Dossier.model_validate(d) for d in made]
    assert all(check_fit(rubric, d) == [] for d in dossiers)
    return score_columns(from_dossiers(rubric, [(d, f"d{i}.yaml")
                                                for i, d in enumerate(dossiers)]))


def _want(block: Any, lang: str) -> list[str]:
    return [json.dumps(item_to_dict(rating_at(block, p), lang), ensure_ascii=False)
            for p in range(len(block))]


@pytest.mark.parametrize("sample", [
    "qn-dh-xa-phong-thao-duoc.yaml",  # criteria that do not apply to some members
    "qn-ct-cha-ca.yaml",              # options derived from facts
    "qn-bc-tra-hoa-vang.yaml"])       # evidence and a self-assessment
def test_chunks_equal_each_rating(sample: str) -> None:
    block = _block(sample, 2 * CHUNK + 3)
    for lang in ("vi", "en"):
        want = _want(block, lang)
        in_order = DossierView(block, lang)
        assert [in_order.text(p) for p in range(len(block))] == want
        backwards = DossierView(block, lang)  # every product starts a chunk of its own
        assert [backwards.text(p) for p in reversed(range(len(block)))] == want[::-1]
        twice = DossierView(block, lang)
        assert [twice.text(3), twice.text(3), twice.text(CHUNK + 2)] == [
            want[3], want[3], want[CHUNK + 2]]


def test_councils_split_over_cases() -> None:
    block = _block("qn-bl-du-lich-cong-dong.yaml", 6, cases=True)
    want = _want(block, "vi")
    assert sum('"case_splits": [{"group": "provider"' in w for w in want) >= 3
    view = DossierView(block, "vi")
    assert [view.text(p) for p in range(len(block))] == want
