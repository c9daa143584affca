"""Evaluate conditions on dossier facts and a member's choices, in three-valued logic.

A condition that reads a fact the dossier does not give (or a criterion the member left
blank) is *unknown* (None), not false: a derivation then does not fire, a gate reports that
it could not be checked, and a criterion whose applicability is unknown counts as applying.
"""

from __future__ import annotations

from collections.abc import Mapping

from ocop_rate.models.conditions import Condition, FactValue

Facts = Mapping[str, FactValue]
Chosen = Mapping[str, str]
"""criterion id -> the option code one member chose (or that was derived for them)."""


def evaluate(cond: Condition, facts: Facts, chosen: Chosen | None = None) -> bool | None:
    """True, False, or None when a fact (or a criterion's option) it needs is missing."""
    if cond.fact is not None or cond.criterion is not None:
        source: Mapping[str, FactValue] = facts if cond.fact is not None else (chosen or {})
        key = cond.fact if cond.fact is not None else cond.criterion
        assert key is not None
        if key not in source:
            return None
        value = source[key]
        return all(_compare(op, value, target) for op, target in _tests(cond))
    if cond.not_ is not None:
        inner = evaluate(cond.not_, facts, chosen)
        return None if inner is None else not inner
    results = [evaluate(c, facts, chosen) for c in (cond.all_ or cond.any_ or ())]
    if cond.all_ is not None:
        if False in results:
            return False
        return None if None in results else True
    if True in results:
        return True
    return None if None in results else False


_TESTS: dict[int, tuple[Condition, tuple[tuple[str, object], ...]]] = {}
_TESTS_SIZE = 4096


def _tests(cond: Condition) -> tuple[tuple[str, object], ...]:
    """``cond.comparisons()`` as pairs, made once per condition object (conditions are
    frozen; one is evaluated for every member and product of a batch) and remembered in a
    bounded table."""
    hit = _TESTS.get(id(cond))
    if hit is None or hit[0] is not cond:
        if len(_TESTS) >= _TESTS_SIZE:
            _TESTS.clear()
        hit = _TESTS[id(cond)] = (cond, tuple(cond.comparisons().items()))
    return hit[1]


def missing_facts(cond: Condition, facts: Facts) -> list[str]:
    """Facts the condition reads that the dossier does not give."""
    return sorted(f for f in cond.facts() if f not in facts)


def _compare(op: str, value: FactValue, target: object) -> bool:
    if op == "eq":
        # True must not equal 1: a boolean fact matches only a boolean target
        return isinstance(value, bool) == isinstance(target, bool) and value == target
    if op == "ne":
        return not _compare("eq", value, target)
    if op == "in":
        assert isinstance(target, tuple)
        return any(_compare("eq", value, t) for t in target)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False  # ordering comparisons only make sense on numbers
    assert isinstance(target, (int, float))
    if op == "gt":
        return value > target
    if op == "gte":
        return value >= target
    if op == "lt":
        return value < target
    return value <= target  # lte
