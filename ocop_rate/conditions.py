"""Evaluate conditions on dossier facts, in three-valued logic.

A condition that reads a fact the dossier does not give is *unknown* (None), not false:
a derivation then does not fire and a gate reports that it could not be checked.
"""

from __future__ import annotations

from collections.abc import Mapping

from ocop_rate.models.conditions import Condition, FactValue

Facts = Mapping[str, FactValue]


def evaluate(cond: Condition, facts: Facts) -> bool | None:
    """True, False, or None when a fact it needs is missing."""
    if cond.fact is not None:
        if cond.fact not in facts:
            return None
        value = facts[cond.fact]
        return all(_compare(op, value, target) for op, target in cond.comparisons().items())
    if cond.not_ is not None:
        inner = evaluate(cond.not_, facts)
        return None if inner is None else not inner
    results = [evaluate(c, facts) for c in (cond.all_ or cond.any_ or ())]
    if cond.all_ is not None:
        if False in results:
            return False
        return None if None in results else True
    if True in results:
        return True
    return None if None in results else False


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
