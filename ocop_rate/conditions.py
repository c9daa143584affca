"""Evaluate conditions on dossier facts and a member's choices, in three-valued logic.

A condition that reads a fact the dossier does not give (or a criterion the member left
blank) is *unknown* (None), not false: a derivation then does not fire, a gate reports that
it could not be checked, and a criterion whose applicability is unknown counts as applying.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ocop_rate.models.conditions import Condition, FactValue
from ocop_rate.per_object import once_per_object

Facts = Mapping[str, FactValue]
Chosen = Mapping[str, str]
"""criterion id -> the option code one member chose (or that was derived for them)."""


def evaluate(cond: Condition, facts: Facts, chosen: Chosen | None = None) -> bool | None:
    """True, False, or None when a fact (or a criterion's option) it needs is missing."""
    return _compiled(cond)(facts, chosen)


Test = Callable[[Facts, "Chosen | None"], "bool | None"]
_COMPILED: dict[int, tuple[Condition, Test]] = {}
_COMPILED_SIZE = 4096


def _compiled(cond: Condition) -> Test:
    """``cond`` as a function of (facts, chosen), made once per condition object
    (conditions are frozen; one is evaluated for every member and product of a batch) and
    remembered in a bounded table: no model attribute read, no ``comparisons()`` dict
    rebuilt, per evaluation."""
    return once_per_object(_COMPILED, cond, _compile, _COMPILED_SIZE)


def _compile(cond: Condition) -> Test:
    if cond.fact is not None or cond.criterion is not None:
        return _leaf(cond)
    if cond.not_ is not None:
        inner = _compiled(cond.not_)

        def negated(facts: Facts, chosen: Chosen | None) -> bool | None:
            found = inner(facts, chosen)
            return None if found is None else not found
        return negated
    parts = [_compiled(c) for c in (cond.all_ or cond.any_ or ())]
    # all: False if a part is, else unknown if one is, else True; any: the same with True
    decides = cond.all_ is None

    def joined(facts: Facts, chosen: Chosen | None) -> bool | None:
        unknown = False
        for part in parts:
            found = part(facts, chosen)
            if found is decides:
                return decides
            unknown = unknown or found is None
        return None if unknown else not decides
    return joined


def _leaf(cond: Condition) -> Test:
    """A fact's or a criterion's comparisons; unknown when the dossier does not give it."""
    on_facts = cond.fact is not None
    found = cond.fact if on_facts else cond.criterion
    assert found is not None
    key: str = found
    tests = tuple(cond.comparisons().items())
    if len(tests) == 1 and tests[0][0] == "eq":  # the usual: one equality
        target = tests[0][1]
        flag = isinstance(target, bool)

        def equal(facts: Facts, chosen: Chosen | None) -> bool | None:
            source = facts if on_facts else (chosen or {})
            if key not in source:
                return None
            value = source[key]  # True must not equal 1 (as _compare)
            return isinstance(value, bool) == flag and value == target
        return equal

    def compare(facts: Facts, chosen: Chosen | None) -> bool | None:
        source = facts if on_facts else (chosen or {})
        if key not in source:
            return None
        value = source[key]
        return all(_compare(op, value, target) for op, target in tests)
    return compare


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
