"""Property-based tests: random rubrics, councils, dossier files and score sheets.

- (the engine against the reference scorer: ``test_engine_reference.py``);
- ratings do not depend on the order of members or of products;
- the printed parts add up to the printed total; the band never falls as the total rises;
- whatever the input, the library rates it or raises its own located error, nothing else.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from ocop_rate.engine import CouncilColumns, score_columns
from ocop_rate.engine.columns import starts_of
from ocop_rate.errors import OcopError
from ocop_rate.loading.rubrics import load_library
from ocop_rate.loading.score_sheets import read_score_sheet
from ocop_rate.models.rating import BatchResult, Failure
from ocop_rate.models.rubric import Rubric
from ocop_rate.pipeline import rate_paths
from ocop_rate.report.json_report import block_lines
from tests.conftest import TINY_RUBRIC, dossier_data

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def rubrics(draw: st.DrawFn) -> Rubric:
    """A valid rubric: 1-4 criteria per part, rising option points, random star marks."""
    criteria: list[dict[str, Any]] = []
    maxima = {}
    for part in "ABC":
        total = 0
        for i in range(draw(st.integers(1, 4))):
            steps = draw(st.lists(st.integers(1, 400), min_size=1, max_size=4))
            cents = [draw(st.integers(0, 100))]
            for step in steps:
                cents.append(cents[-1] + step)
            marks = draw(st.lists(st.sampled_from([None, None, 3, 4, 5]), min_size=len(cents),
                                  max_size=len(cents)))
            options = [{"code": "abcdefgh"[k], "points": c / 100, "label": f"{part}{i}{k}",
                        **({"min_star": m} if m else {})}
                       for k, (c, m) in enumerate(zip(cents, marks, strict=True))]
            criteria.append({"id": f"{part}{i + 1}", "number": str(i + 1), "part": part,
                             "name": f"{part}{i}", "options": options})
            total += cents[-1]
        maxima[part] = total
    top = sum(maxima.values())
    edges = [0, top * 3 // 10, top // 2, top * 7 // 10, top * 9 // 10, top]
    assume(len(set(edges)) == 6)
    assume(sum(maxima[p] / 100 for p in "ABC") == top / 100)  # the model sums floats
    data = {
        **{k: TINY_RUBRIC[k] for k in ("id", "name", "product_group", "source", "facts",
                                        "gates")},
        "parts": [{"id": p, "name": p, "max_points": maxima[p] / 100} for p in "ABC"],
        "criteria": criteria,
        "star_bands": [{"stars": s + 1, "min": edges[s] / 100, "max": edges[s + 1] / 100}
                       for s in range(5)],
    }
    return Rubric.model_validate(data)


@st.composite
def councils(draw: st.DrawFn, rubric: Rubric) -> CouncilColumns:
    """1-12 products, 1-5 members each, every member's option random."""
    sizes = draw(st.lists(st.integers(1, 5), min_size=1, max_size=12))
    rows = sum(sizes)
    option = np.zeros((rows, len(rubric.criteria)), dtype=np.int8)
    for k, crit in enumerate(rubric.criteria):
        column = draw(st.lists(st.integers(0, len(crit.options) - 1), min_size=rows,
                               max_size=rows))
        option[:, k] = column
    return CouncilColumns(
        rubric=rubric, file="sheet.csv",
        product_id=[f"P-{i}" for i in range(len(sizes))],
        product_name=[f"Sản phẩm {i}" for i in range(len(sizes))],
        starts=starts_of(sizes),
        member=[f"M{j}" for s in sizes for j in range(s)], option=option)


@SETTINGS
@given(data=st.data(), rubric=rubrics())
def test_order_of_members_and_products_does_not_matter(data: st.DataObject,
                                                       rubric: Rubric) -> None:
    cols = data.draw(councils(rubric))
    seed = data.draw(st.integers(0, 2**32 - 1))
    shuffle = random.Random(seed)
    products = list(range(len(cols)))
    shuffle.shuffle(products)
    rows: list[int] = []
    starts = [0]
    for p in products:
        members = list(range(int(cols.starts[p]), int(cols.starts[p + 1])))
        shuffle.shuffle(members)
        rows += members
        starts.append(len(rows))
    mixed = CouncilColumns(cols.rubric, cols.file, [cols.product_id[p] for p in products],
                           [cols.product_name[p] for p in products],
                           np.array(starts, dtype=np.int64), [cols.member[r] for r in rows],
                           cols.option[rows])

    def verdicts(block_cols: CouncilColumns) -> dict[str, Any]:
        out = {}
        for line in block_lines(score_columns(block_cols), "en"):
            item = json.loads(line)
            item["members"] = sorted(item["members"], key=lambda m: m["member"])
            out[item["product_id"]] = item
        return out

    assert verdicts(mixed) == verdicts(cols)


@SETTINGS
@given(data=st.data(), rubric=rubrics())
def test_parts_add_up_and_bands_rise_with_total(data: st.DataObject, rubric: Rubric) -> None:
    block = score_columns(data.draw(councils(rubric)))
    assert (block.parts.sum(axis=1) == block.total).all()
    order = np.argsort(block.total, kind="stable")
    assert (np.diff(block.band_stars[order].astype(int)) >= 0).all()
    assert (block.stars <= block.band_stars).all()
    for p in range(len(block)):  # the mean of the members' totals, rounded half up
        members = block.member_total[block.starts[p]:block.starts[p + 1]]
        assert abs(members.mean() - block.total[p]) <= 0.5


# ---- whatever the input: rated, or our own located error ---------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                    st.floats(allow_nan=True, allow_infinity=True), TEXT)
JSONISH = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)), max_leaves=20)


@st.composite
def broken_dossiers(draw: st.DrawFn) -> Any:
    """A valid dossier of the tiny rubric with one random part replaced by random data."""
    data: dict[str, Any] = dossier_data([{"A1": "h", "B1": "c", "C1": "c"}])
    where = draw(st.sampled_from(["root", "product", "council", "scores", "facts", "extra",
                                  "none"]))
    junk = draw(JSONISH)
    if where == "root":
        return junk
    if where == "product":
        data["product"][draw(st.sampled_from(["id", "name", "rubric", "producer"]))] = junk
    elif where == "council":
        data["council"] = junk
    elif where == "scores":
        data["council"][0]["scores"][draw(TEXT)] = junk
    elif where == "facts":
        data["facts"] = {draw(TEXT): junk}
    elif where == "extra":
        data[draw(TEXT)] = junk
    return data


def _rated_or_located(result: BatchResult) -> None:
    for item in result.items:
        if isinstance(item, Failure):
            assert item.errors and all(e.file for e in item.errors)


@SETTINGS
@given(data=broken_dossiers(), as_json=st.booleans())
def test_any_dossier_is_rated_or_located(data: Any, as_json: bool) -> None:
    library = load_library([_tiny_rules()])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("d.json" if as_json else "d.yaml")
        try:
            text = (json.dumps(data, ensure_ascii=False) if as_json
                    else yaml.safe_dump(data, allow_unicode=True))
        except (ValueError, yaml.YAMLError):
            return
        path.write_text(text, encoding="utf-8")
        _rated_or_located(rate_paths(library, [str(path)]))


@SETTINGS
@given(cells=st.lists(st.lists(st.one_of(TEXT, st.sampled_from(
    ["P-1", "tiny", "M1", "a", "h", "c", "", "product_id", "member", "rubric", "A1", "B1",
     "C1"])), max_size=8), max_size=6),
    header=st.booleans())
@example(cells=[["0"], ["", "\x1b"]], header=True)  # a hostile name on a row without an id
@example(cells=[["0"], ["", "x" * 1001]], header=True)
def test_any_score_sheet_is_rated_or_located(cells: list[list[str]], header: bool) -> None:
    import csv
    import io

    library = load_library([_tiny_rules()])
    rows = ([["product_id", "product_name", "rubric", "member", "A1", "B1", "C1"]]
            if header else []) + cells
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        try:
            content = read_score_sheet(path, library)
        except OcopError as exc:
            assert exc.problems and all(p.location.file == str(path) for p in exc.problems)
            return
        for bad in content.bad:
            assert bad.problems and all(p.location.file == str(path) and p.location.line
                                        for p in bad.problems)
        for block in content.blocks:
            score_columns(block)
        _rated_or_located(rate_paths(library, [str(path)]))


@SETTINGS
@given(junk=JSONISH, key=st.sampled_from(["parts", "criteria", "star_bands", "gates",
                                          "extends", "facts", "id", "source"]))
def test_any_rubric_loads_or_is_located(junk: Any, key: str) -> None:
    data = json.loads(json.dumps(TINY_RUBRIC))
    data[key] = junk
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.json"
        try:
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        except ValueError:
            return
        try:
            load_library([path])
        except OcopError as exc:
            assert exc.problems and all(p.location.file for p in exc.problems)


_TINY: list[Path] = []


def _tiny_rules() -> Path:
    """The tiny rubric written once per session (hypothesis forbids function fixtures)."""
    if not _TINY:
        folder = Path(tempfile.mkdtemp(prefix="ocop-tiny-"))
        (folder / "tiny.yaml").write_text(yaml.safe_dump(TINY_RUBRIC, allow_unicode=True),
                                          encoding="utf-8")
        _TINY.append(folder)
    return _TINY[0]
