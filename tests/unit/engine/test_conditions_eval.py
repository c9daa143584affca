"""``conditions.evaluate`` (each condition made once into a function) against the rules of
three-valued logic written out plainly: a missing fact or criterion is unknown; ``not``
keeps unknown; ``all`` is false if any part is, else unknown if any is; ``any`` is true if
any part is, else unknown if any is; a boolean never equals a number."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ocop_rate.conditions import evaluate
from ocop_rate.models.conditions import Condition

FACTS = ("flag", "share", "kind")
VALUES = st.one_of(st.booleans(), st.sampled_from([0, 1, 0.5, 0.75]), st.sampled_from(
    ["có", "không"]))


def plain(cond: Condition, facts: dict[str, Any], chosen: dict[str, str] | None) -> Any:
    if cond.fact is not None or cond.criterion is not None:
        source: dict[str, Any] = facts if cond.fact is not None else (chosen or {})
        key = cond.fact if cond.fact is not None else cond.criterion
        if key not in source:
            return None
        value = source[key]
        result = True
        for op, target in cond.comparisons().items():
            result = result and _holds(op, value, target)
        return result
    if cond.not_ is not None:
        inner = plain(cond.not_, facts, chosen)
        return None if inner is None else not inner
    found = [plain(c, facts, chosen) for c in (cond.all_ or cond.any_ or ())]
    if cond.all_ is not None:
        return False if False in found else None if None in found else True
    return True if True in found else None if None in found else False


def _holds(op: str, value: Any, target: Any) -> bool:
    def same(a: Any, b: Any) -> bool:
        return isinstance(a, bool) == isinstance(b, bool) and a == b

    if op in ("eq", "ne", "in"):
        hit = any(same(value, t) for t in target) if op == "in" else same(value, target)
        return hit if op != "ne" else not hit
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return {"gt": value > target, "gte": value >= target, "lt": value < target,
            "lte": value <= target}[op]


def _leaf() -> st.SearchStrategy[dict[str, Any]]:
    fact = st.builds(lambda f, op, v: {"fact": f, op: v}, st.sampled_from(FACTS),
                     st.sampled_from(["eq", "ne"]), VALUES)
    order = st.builds(lambda f, op, v: {"fact": f, op: v}, st.sampled_from(FACTS),
                      st.sampled_from(["gt", "gte", "lt", "lte"]),
                      st.sampled_from([0, 0.5, 0.7]))
    both = st.builds(lambda f, a, b: {"fact": f, "gte": a, "lt": b}, st.sampled_from(FACTS),
                     st.sampled_from([0, 0.5]), st.sampled_from([0.6, 1]))
    among = st.builds(lambda f, vs: {"fact": f, "in": vs}, st.sampled_from(FACTS),
                      st.lists(VALUES, min_size=1, max_size=3))
    crit = st.builds(lambda c, v: {"criterion": c, "eq": v}, st.sampled_from(["A1", "B2"]),
                     st.sampled_from(["a", "b"]))
    return st.one_of(fact, order, both, among, crit)


CONDITIONS = st.recursive(_leaf(), lambda inner: st.one_of(
    st.builds(lambda c: {"not": c}, inner),
    st.builds(lambda cs: {"all": cs}, st.lists(inner, max_size=3)),
    st.builds(lambda cs: {"any": cs}, st.lists(inner, max_size=3))), max_leaves=8)


@given(data=CONDITIONS,
       facts=st.dictionaries(st.sampled_from(FACTS), VALUES, max_size=3),
       chosen=st.one_of(st.none(), st.dictionaries(st.sampled_from(["A1", "B2"]),
                                                   st.sampled_from(["a", "b"]), max_size=2)))
def test_evaluate_keeps_the_three_valued_rules(data: dict[str, Any], facts: dict[str, Any],
                                               chosen: dict[str, str] | None) -> None:
    cond = Condition.model_validate(data)
    want = plain(cond, facts, chosen)
    assert evaluate(cond, facts, chosen) is want
    assert evaluate(cond, facts, chosen) is want  # the second time: the remembered function
