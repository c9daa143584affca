"""The JSON text of dossier products, read straight off the rating columns.

The same objects :func:`ocop_rate.report.json_report.item_to_dict` makes from a
:class:`~ocop_rate.models.rating.Rating`, written without building one: a dossier's full
detail (each member's option, derived facts, evidence, self-assessment) costs a few numpy
object arrays per chunk of products, not hundreds of pydantic objects or a dict per
criterion. Tests check both give the same JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import (
    OPTION_STEPS,
    GateResult,
    Notice,
    RatingColumns,
    RequirementResult,
)
from ocop_rate.models.rubric import NONE, Rubric
from ocop_rate.outcome import OUTCOMES, Level, decide
from ocop_rate.per_object import once_per_object
from ocop_rate.report.json_parts import case_split_dict, requirement_dict
from ocop_rate.report.labels import notice_text

CHUNK = 8
"""Products whose criteria are written together: numpy's cost per call is shared by a
chunk, and a stream that holds a view per rubric (tens of them) holds tens of chunks of
text, not whole blocks (16 cost the 5,000-dossier sample corpus ~10 MB more peak memory
than 8, for a few hundredths of a second)."""


def _code(options: list[str], index: int) -> str:
    return options[index] if 0 <= index < len(options) else NONE


class _Criteria:
    """A rubric's criteria as pieces of JSON text, the same for every block of it: made
    once per rubric object (a batch of many rubrics makes a view per rubric and flush)."""

    def __init__(self, rubric: Rubric) -> None:
        import numpy as np

        crits = rubric.criteria
        self.codes = [[o.code for o in c.options] for c in crits]
        self.position = {c.id: k for k, c in enumerate(crits)}
        self.part_ids: list[str] = [q.id for q in rubric.parts]
        self.part_keys = [encode_basestring(i) + ": " for i in self.part_ids]
        self.crit_ids = [encode_basestring(c.id) for c in crits]
        # each criterion's codes as JSON strings, ``none`` in the last column and past a
        # criterion's own options (what ``_code`` gives for any other index)
        width = max((len(codes) for codes in self.codes), default=0)
        self.lengths = np.array([len(codes) for codes in self.codes], dtype=np.intp)
        self.code_text = np.full((len(crits), width + 1), _NONE_TEXT, dtype=object)
        for k, codes in enumerate(self.codes):
            self.code_text[k, :len(codes)] = [encode_basestring(c) for c in codes]
        self.none_at = width
        # each criterion's text up to its points, and from them up to its members' object
        self.before_points = np.array([
            f'{{"id": {_json(c.id)}, "number": {_json(c.number)}, "part": {_json(c.part)}, '
            '"points": ' for c in crits], dtype=object)
        self.after_points = np.array(
            [f', "max_points": {_json(c.max_points)}, "option": ' for c in crits],
            dtype=object)
        self.option_text = self.code_text + ', "members": {'


_CRITERIA: dict[int, tuple[Rubric, _Criteria]] = {}
_CRITERIA_SIZE = 256


class DossierView:
    """The JSON text of one dossier block's products (``block.extras`` set): the block's
    tables made once, the criteria (most of the text) of :data:`CHUNK` products at a time
    as numpy object arrays of prepared pieces, joined once per product (a dossier's members
    have distinct names: ``Dossier`` refuses a repeat, so the members' object has one key
    per member)."""

    def __init__(self, block: RatingColumns, lang: Lang) -> None:
        import numpy as np

        from ocop_rate.distinct import distinct_values

        assert block.extras is not None
        self.block, self.lang, self.extras = block, lang, block.extras
        rubric = block.rubric
        self.crit = once_per_object(_CRITERIA, rubric, _Criteria, _CRITERIA_SIZE)
        self.said_text: dict[str, str] = {}
        self.reasons: list[str | None] = [
            None if crit.applies is None or crit.applies.reason is None
            else crit.applies.reason.get(lang) for crit in rubric.criteria]
        self.member_total = (block.member_total / 100).tolist()
        self.member_parts = (block.member_parts / 100).tolist()
        self.totals = (block.total / 100).tolist()
        self.parts = block.parts.tolist()
        self.council = block.council_option.tolist()
        self.starts = block.starts.tolist()
        self.outcomes: dict[tuple[int, int], str] = {}
        self.shared_text: dict[tuple[int, ...], str] = {}
        self.rubric_text = (f', "rubric": {_json(rubric.id)}, '
                            f'"product_group": {_json(rubric.product_group)}')
        self.policy_text = f', "gate_policy": {_json(block.gate_policy)}'
        self.limit_text = _json(block.spread_limit)
        self.made: dict[int, str] = {}  # texts of the current chunk not asked for yet
        distinct, where = distinct_values(block.points)
        self.points_text = np.array([json.dumps(v / 100) for v in distinct.tolist()],
                                    dtype=object)
        self.points_at = where.reshape(block.points.shape)
        self.chosen_at = self._indices(block.council_option)

    def _indices(self, options: Any) -> Any:
        """Option indices as columns of :attr:`code_text` (``none`` for any index that is
        not one of the criterion's options)."""
        import numpy as np

        out = options.astype(np.intp)
        out[(out < 0) | (out >= self.crit.lengths[None, :])] = self.crit.none_at
        return out

    def _outcome(self, p: int) -> str:
        """The outcome fields of product ``p``, from ``"outcome"`` to
        ``"province_may_recognise"`` (one ``outcome.decide`` per distinct class)."""
        b = self.block
        key = (2 if b.outcome is None else int(b.outcome[p]), int(b.stars[p]))
        if key not in self.outcomes:
            level: Level = "central" if b.level == "central" else "province"
            v = decide(max(key[1], 1), OUTCOMES[key[0]] == "rejected", level,
                       b.rubric.recognition)
            self.outcomes[key] = _json({
                "outcome": v.outcome, "level": v.level,
                "authority": None if v.authority is None else v.authority.get(self.lang),
                "outcome_source": v.article,
                "province_may_recognise": v.province_may_recognise})[1:-1]
        return self.outcomes[key]

    def text(self, p: int) -> str:
        """Product ``p`` as one line of JSON (``json.dumps(..., ensure_ascii=False)`` of the
        object :func:`~ocop_rate.report.json_report.item_to_dict` makes of its Rating).
        Products are made :data:`CHUNK` at a time, from ``p`` on: a stream asks for a
        block's products in order."""
        done = self.made.pop(p, None)
        if done is not None:
            return done
        end = min(p + CHUNK, len(self.block))
        texts = self._texts(p, end)
        self.made = dict(zip(range(p + 1, end), texts[1:], strict=True))
        return texts[0]

    def _texts(self, a: int, b: int) -> list[str]:
        """Products ``a`` to ``b`` (excluded)."""
        import numpy as np

        block, said, reasons = self.block, self.said_text, self.reasons
        position = self.crit.position
        lo, hi = self.starts[a], self.starts[b]
        names = block.member[lo:hi]
        first = np.array(self.starts[a:b], dtype=np.intp) - lo
        n = np.diff(np.array(self.starts[a:b + 1], dtype=np.intp))
        n_crit = len(self.crit.codes)
        # each member's ``"name": "code"`` per criterion, joined per product
        keys = np.array([_said(said, m) + ": " for m in names], dtype=object)
        every = np.arange(n_crit)[None, :]
        pairs = keys[:, None] + self.crit.code_text[every, self._indices(block.row_option[lo:hi])]
        pieces = np.empty((b - a, n_crit, 6), dtype=object)
        crit = self.crit
        pieces[:, :, 0] = (crit.before_points + self.points_text[self.points_at[a:b]]
                           + crit.after_points + crit.option_text[every, self.chosen_at[a:b]])
        members = pieces[:, :, 1]
        members[...] = ""
        some = n > 0
        members[some] = pairs[first[some]]
        if len(n) and int(n.max()) > 1:
            later = ", " + pairs
            for j in range(1, int(n.max())):
                more = n > j
                members[more] = members[more] + later[first[more] + j]
        # then (derived_from, evidence), (self_assessed), (applies to the end, and the
        # comma before the next criterion), each as most criteria have them
        pieces[:, :, 2] = '}, "derived_from": [], "evidence": '
        pieces[:, :, 3] = '[], "self_assessed": '
        pieces[:, :, 4] = "null"
        pieces[:, :, 5] = _EVERYONE + ", "
        pieces[:, -1:, 5] = _EVERYONE
        derived = (None if block.derived is None
                   else _group_sum(block.derived[lo:hi], first, n) > 0)
        for i, extra in enumerate(self.extras[a:b]):
            if derived is not None:
                for k, facts in extra.derived_facts.items():
                    if facts and derived[i, k]:
                        pieces[i, k, 2] = ('}, "derived_from": '
                                           + _strings(said, sorted(set(facts)))
                                           + ', "evidence": ')
            for cid, cited in extra.evidence.items():
                at = position.get(cid)
                if cited and at is not None:
                    pieces[i, at, 3] = (_strings(said, list(cited))
                                        + ', "self_assessed": ')
            for cid, own in extra.self_assessment.items():
                at = position.get(cid)
                if at is not None:
                    pieces[i, at, 4] = _said(said, own)
        if block.counts is not None:
            counts = block.counts[lo:hi]
            applies = _group_sum(counts, first, n)
            for i, k in zip(*np.nonzero(applies < n[:, None]), strict=True):
                rows = slice(first[i], first[i] + n[i])
                some_apply = counts[rows, k].tolist()
                pieces[i, k, 5] = (
                    f", \"applies\": {'true' if any(some_apply) else 'false'}"
                    f", \"not_applicable\": {_maybe(said, reasons[k])}"
                    f", \"not_applicable_for\": "
                    + _strings(said, [m for m, c in zip(names[rows], some_apply, strict=True)
                                      if not c])
                    + ("}" if k == n_crit - 1 else "}, "))
        out = []
        for i, (row, split) in enumerate(zip(pieces.reshape(b - a, -1).tolist(),
                                             members.tolist(), strict=True)):
            p = a + i
            head, tail = self._ends(p, names[self.starts[p] - lo:self.starts[p + 1] - lo],
                                    split)
            out.append(head + ", \"criteria\": [" + "".join(row) + "], " + tail)
        return out

    def _ends(self, p: int, names: list[str], members: list[str]) -> tuple[str, str]:
        """Product ``p``'s fields before its criteria (from its ``{``) and after them (to
        its ``}``); ``members`` holds each criterion's members' options (inside the braces
        of their object), which a split shows again."""
        block, extra, said = self.block, self.extras[p], self.said_text
        lo, hi = self.starts[p], self.starts[p + 1]
        stars = int(block.stars[p])
        members_text = ", ".join([
            f'{{"member": {_said(said, name)}, "total": {self.member_total[r]!r}, '
            f'"parts": {self._parts(self.member_parts[r])}}}'
            for name, r in zip(names, range(lo, hi), strict=True)])
        head = (
            f'{{"product_id": {encode_basestring(block.product_id[p])}, '
            f'"product_name": {_json(extra.name.get(self.lang))}{self.rubric_text}, '
            f'"file": {_json(extra.file)}, "total": {self.totals[p]!r}, '
            f'"parts": {self._parts([v / 100 for v in self.parts[p]])}, '
            f'"band_stars": {int(block.band_stars[p])}, '
            f'"stars": {stars if stars else "null"}, '
            f'"recognised": {"true" if block.recognised[p] else "false"}, '
            f'{self._outcome(p)}{self.policy_text}, '
            f'"gates": {self._once(block.gates[p], self._gates)}, "members": [{members_text}]')
        steps = block.split_steps[p]
        splits = ", ".join([
            f'{{"criterion": {self.crit.crit_ids[k]}, "options": {{{members[k]}}}, '
            f'"steps": {int(steps[k])}}}' for k in (steps >= OPTION_STEPS).nonzero()[0].tolist()])
        over = bool(block.over_limit[p])
        cases = block.case_splits[p] if block.case_splits else ()
        next_star = _next_star(block, p, self.crit.codes, self.council[p])
        own = _self(block, p, self.crit.part_ids, self.parts[p])
        found = block.requirements[p] if block.requirements else ()
        tail = (
            f'"next_star": {_json(next_star)}, "self_assessment": {_json(own)}, '
            f'"warnings": {self._once(block.warnings[p], self._warnings)}, '
            f'"requirements": {self._once(found, self._requirements)}, '
            f'"producer": {_json(None if extra.producer is None else extra.producer.model_dump())}'
            f', "disagreement": {{"spread": {int(block.spread[p]) / 100!r}, '
            f'"spread_limit": {self.limit_text}, "over_limit": {_bool(over)}, '
            f'"flagged": {_bool(over or bool(splits) or bool(cases))}, "splits": [{splits}], '
            f'"case_splits": {_json([case_split_dict(c) for c in cases])}}}, "errors": []}}')
        return head, tail

    def _parts(self, values: list[float]) -> str:
        """``{"A": 22.0, "B": 11.0, "C": 15.0}``: one value per part, in the rubric's order."""
        return "{" + ", ".join([k + repr(v) for k, v in zip(self.crit.part_keys, values,
                                                            strict=True)]) + "}"

    def _once(self, shared: tuple[Any, ...], write: Callable[[tuple[Any, ...]], str]) -> str:
        """``write(shared)``, once per distinct sequence of objects: a product's gates
        (results made once per rubric), warnings and requirements are objects products
        share, and the block keeps them alive, so an id is never another object's while
        this view stands."""
        key = tuple(map(id, shared))
        made = self.shared_text.get(key)
        if made is None:
            made = self.shared_text[key] = write(shared)
        return made

    def _gates(self, gates: tuple[GateResult, ...]) -> str:
        return _json([{"id": g.id, "effect": g.effect, "max_stars": g.max_stars,
                       "reason": g.reason.get(self.lang), "source": g.source} for g in gates])

    @staticmethod
    def _warnings(found: tuple[Notice, ...]) -> str:
        return _json([notice_text(w, "en") for w in found])

    @staticmethod
    def _requirements(found: tuple[RequirementResult, ...]) -> str:
        return _json([requirement_dict(r) for r in found])


def _json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``; nothing, a string or an empty list (most
    of a product's optional fields) without the encoder's machinery."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, list) and not value:
        return "[]"
    return _ENCODER.encode(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _bool(value: bool) -> str:
    return "true" if value else "false"


_EVERYONE = ", \"applies\": true, \"not_applicable\": null, \"not_applicable_for\": []}"
"""The end of a criterion every member's sheet counts (most of them)."""


_SAID_MEMO = 4096


def _said(said: dict[str, str], value: str) -> str:
    """``value`` as a JSON string (as ``json.dumps(..., ensure_ascii=False)`` writes it),
    remembered: codes and member names repeat on every product."""
    out = said.get(value)
    if out is None:
        out = encode_basestring(value)
        if len(said) < _SAID_MEMO:
            said[value] = out
    return out


_NONE_TEXT = encode_basestring(NONE)


def _group_sum(values: Any, first: Any, n: Any) -> Any:
    """Rows ``first[i]`` to ``first[i] + n[i]`` of ``values`` summed, per product (as
    int32; none for a product without rows)."""
    import numpy as np

    sums = np.zeros((len(values) + 1, *values.shape[1:]), dtype=np.int32)
    np.cumsum(values, axis=0, dtype=np.int32, out=sums[1:])
    return sums[first + n] - sums[first]


def _maybe(said: dict[str, str], value: str | None) -> str:
    return "null" if value is None else _said(said, value)


def _strings(said: dict[str, str], values: list[str]) -> str:
    return "[" + ", ".join(_said(said, v) for v in values) + "]" if values else "[]"


def _next_star(block: RatingColumns, p: int, codes: list[list[str]], chosen: list[int]
               ) -> dict[str, Any] | None:
    target = int(block.next_stars[p])
    if target == 0:
        return None
    crits = block.rubric.criteria
    upgrades = [{"criterion": crits[k].id, "from_option": _code(codes[k], chosen[k]),
                 "to_option": _code(codes[k], opt),
                 "points": int(block.upgrade_points[p, k]) / 100,
                 "required_by_gate": bool(block.upgrade_required[p, k])}
                for k, opt in enumerate(block.upgrade_option[p].tolist()) if opt >= 0]
    return {"stars": target, "threshold": float(block.next_threshold[p]),
            "points_needed": int(block.next_needed[p]) / 100,
            "reachable": bool(block.next_reachable[p]),
            "blocked_by": list(block.next_blocked_by[p]), "upgrades": upgrades}


def _self(block: RatingColumns, p: int, ids: list[str], council: list[int]
          ) -> dict[str, Any] | None:
    if block.self_given is None or block.self_parts is None or not block.self_given[p]:
        return None
    own = block.self_parts[p].tolist()
    return {"total": sum(own) / 100, "parts": {i: o / 100 for i, o in zip(ids, own, strict=True)},
            "difference": {i: (c - o) / 100 for i, c, o in zip(ids, council, own, strict=True)},
            "total_difference": (int(block.total[p]) - sum(own)) / 100}
