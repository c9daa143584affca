"""The JSON objects of dossier products, read straight off the rating columns.

The same objects :func:`ocop_rate.report.json_report.item_to_dict` makes from a
:class:`~ocop_rate.models.rating.Rating`, without building one: a dossier's full detail
(each member's option, derived facts, evidence, self-assessment) costs a few dicts, not
hundreds of pydantic objects. Tests check both give the same JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import OPTION_STEPS, RatingColumns
from ocop_rate.models.rubric import NONE
from ocop_rate.outcome import OUTCOMES, Level, decide
from ocop_rate.report.json_parts import case_split_dict, requirement_dict
from ocop_rate.report.labels import notice_text


def _code(options: list[str], index: int) -> str:
    return options[index] if 0 <= index < len(options) else NONE


def dossier_items(block: RatingColumns, lang: Lang) -> Iterator[dict[str, Any]]:
    """One dict per product of a dossier block (``block.extras`` set), in order."""
    view = DossierView(block, lang)
    for p in range(len(block)):
        yield view.item(p)


class DossierView:
    """The JSON objects of one dossier block's products; the block's tables made once."""

    def __init__(self, block: RatingColumns, lang: Lang) -> None:
        assert block.extras is not None
        self.block, self.lang, self.extras = block, lang, block.extras
        crits = block.rubric.criteria
        self.codes = [[o.code for o in c.options] for c in crits]
        self.heads = [(c.id, c.number, c.part, c.max_points) for c in crits]
        self.lookups = [dict(enumerate(codes)).get for codes in self.codes]  # as _code
        self.crit_text = [  # each criterion's JSON before its points, and up to its option
            (f'{{"id": {json.dumps(c.id, ensure_ascii=False)}, '
             f'"number": {json.dumps(c.number, ensure_ascii=False)}, '
             f'"part": {json.dumps(c.part, ensure_ascii=False)}, "points": ',
             f', "max_points": {json.dumps(c.max_points)}, "option": ') for c in crits]
        self.code_text = [_CodeText(codes) for codes in self.codes]
        self.said_text: dict[str, str] = {}
        self.num_text: dict[float, str] = {}
        self.reasons: list[str | None] = [
            None if c.applies is None or c.applies.reason is None
            else c.applies.reason.get(lang) for c in crits]
        self.part_ids: list[str] = [q.id for q in block.rubric.parts]
        self.gate_text: dict[int, dict[str, Any]] = {}
        self.member_total = (block.member_total / 100).tolist()
        self.member_parts = (block.member_parts / 100).tolist()
        self.totals = (block.total / 100).tolist()
        self.parts = block.parts.tolist()
        self.points = (block.points / 100).tolist()
        self.council = block.council_option.tolist()
        self.starts = block.starts.tolist()
        self.derived = block.derived.tolist() if block.derived is not None else None
        self.counts = block.counts.tolist() if block.counts is not None else None
        self.said: dict[tuple[int, int], dict[str, Any]] = {}

    def _outcome(self, p: int) -> dict[str, Any]:
        """The outcome fields of product ``p`` (one ``outcome.decide`` per distinct class)."""
        b = self.block
        key = (2 if b.outcome is None else int(b.outcome[p]), int(b.stars[p]))
        if key not in self.said:
            level: Level = "central" if b.level == "central" else "province"
            v = decide(max(key[1], 1), OUTCOMES[key[0]] == "rejected", level,
                       b.rubric.recognition)
            self.said[key] = {
                "outcome": v.outcome, "level": v.level,
                "authority": None if v.authority is None else v.authority.get(self.lang),
                "outcome_source": v.article, "province_may_recognise": v.province_may_recognise}
        return self.said[key]

    def item(self, p: int) -> dict[str, Any]:
        """Product ``p`` as the dict :func:`~ocop_rate.report.json_report.item_to_dict`
        makes of its Rating."""
        head, rows, tail = self._values(p)
        criteria = [{"id": cid, "number": number, "part": part, "points": row[0],
                     "max_points": top, "option": row[1], "members": row[2],
                     "derived_from": row[3], "evidence": row[4], "self_assessed": row[5],
                     "applies": row[6], "not_applicable": row[7],
                     "not_applicable_for": row[8]}
                    for (cid, number, part, top), row in zip(self.heads, rows, strict=True)]
        return {**head, "criteria": criteria, **tail}

    def text(self, p: int) -> str:
        """``json.dumps(self.item(p), ensure_ascii=False)``, the criteria (most of the
        text) written straight from the columns and prepared pieces, with no dict or tuple
        per criterion (a dossier's members have distinct names: ``Dossier`` refuses a
        repeat, so the members' object has one key per member)."""
        lo, hi = self.starts[p], self.starts[p + 1]
        names = self.block.member[lo:hi]
        rows: list[list[int]] = self.block.row_option[lo:hi].tolist()
        head, tail = self._ends(p, names, rows)
        said, num, extra = self.said_text, self.num_text, self.extras[p]
        keys = [_said(said, m) + ": " for m in names]
        pts, chosen = self.points[p], self.council[p]
        derived = None if self.derived is None else self.derived[lo:hi]
        counts = None if self.counts is None else self.counts[lo:hi]
        evidence, assessed, from_facts = (extra.evidence, extra.self_assessment,
                                          extra.derived_facts)
        out = []
        for k, ((start, middle), option, (cid, _, _, _)) in enumerate(
                zip(self.crit_text, self.code_text, self.heads, strict=True)):
            points = num.get(pts[k])
            if points is None:
                points = num[pts[k]] = json.dumps(pts[k])
            members = ", ".join([key + option[row[k]] for key, row in zip(keys, rows, strict=True)])
            facts = from_facts.get(k)
            cited = evidence.get(cid)
            own = assessed.get(cid)
            some = [True] * len(names) if counts is None else [row[k] for row in counts]
            everyone = all(some)
            out.append(
                f"{start}{points}{middle}{option[chosen[k]]}, \"members\": {{{members}}}"
                f", \"derived_from\": "
                f"{_strings(said, sorted(set(facts))) if facts and derived is not None and any(row[k] for row in derived) else '[]'}"  # noqa: E501
                f", \"evidence\": {_strings(said, list(cited)) if cited else '[]'}"
                f", \"self_assessed\": {_maybe(said, own)}"
                + (_EVERYONE if everyone else
                   f", \"applies\": {'true' if any(some) else 'false'}"
                   f", \"not_applicable\": {_maybe(said, self.reasons[k])}"
                   f", \"not_applicable_for\": "
                   f"{_strings(said, [m for m, c in zip(names, some, strict=True) if not c])}}}"))
        return (json.dumps(head, ensure_ascii=False)[:-1] + ", \"criteria\": ["
                + ", ".join(out) + "], " + json.dumps(tail, ensure_ascii=False)[1:])

    def _values(self, p: int) -> tuple[dict[str, Any], list[tuple[Any, ...]], dict[str, Any]]:
        """Product ``p``: the fields before the criteria, each criterion's values after
        its id, number, part (points, option, members, derived_from, evidence,
        self_assessed, applies, not_applicable, not_applicable_for), the fields after."""
        block, extra = self.block, self.extras[p]
        lo, hi = self.starts[p], self.starts[p + 1]
        names = block.member[lo:hi]
        rows: list[list[int]] = block.row_option[lo:hi].tolist()
        pts, chosen, derived = self.points[p], self.council[p], self.derived
        every = len(self.heads)
        picks = list(zip(*rows, strict=True)) or [()] * every  # per criterion, per member
        counted = (list(zip(*self.counts[lo:hi], strict=True)) if self.counts is not None
                   else None) or [(True,) * (hi - lo)] * every
        derived_rows = derived[lo:hi] if derived is not None else None
        evidence, assessed = extra.evidence, extra.self_assessment
        from_facts = extra.derived_facts
        criteria = []
        for k, (cid, _, _, _) in enumerate(self.heads):
            some, code = counted[k], self.lookups[k]
            facts = from_facts.get(k)
            cited = evidence.get(cid)
            everyone = all(some)
            criteria.append((
                pts[k], code(chosen[k], NONE),
                {m: code(i, NONE) for m, i in zip(names, picks[k], strict=True)},
                sorted(set(facts)) if facts and derived_rows is not None
                and any(row[k] for row in derived_rows) else [],
                list(cited) if cited else [],
                assessed.get(cid),
                any(some),
                None if everyone else self.reasons[k],
                [] if everyone else [m for m, c in zip(names, some, strict=True) if not c]))
        head, tail = self._ends(p, names, rows)
        return head, criteria, tail

    def _ends(self, p: int, names: list[str], rows: list[list[int]]
              ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Product ``p``'s fields before its criteria and after them."""
        block, extra, codes = self.block, self.extras[p], self.codes
        rubric = block.rubric
        lo, hi = self.starts[p], self.starts[p + 1]
        gates = []
        for g in block.gates[p]:
            text = self.gate_text.get(id(g))
            if text is None:
                text = self.gate_text[id(g)] = {
                    "id": g.id, "effect": g.effect, "max_stars": g.max_stars,
                    "reason": g.reason.get(self.lang), "source": g.source}
            gates.append(dict(text))
        ids = self.part_ids
        head = {
            "product_id": block.product_id[p], "product_name": extra.name.get(self.lang),
            "rubric": rubric.id, "product_group": rubric.product_group, "file": extra.file,
            "total": self.totals[p],
            "parts": dict(zip(ids, [v / 100 for v in self.parts[p]], strict=True)),
            "band_stars": int(block.band_stars[p]), "stars": int(block.stars[p]) or None,
            "recognised": bool(block.recognised[p]), **self._outcome(p),
            "gate_policy": block.gate_policy,
            "gates": gates,
            "members": [{"member": names[j], "total": self.member_total[r],
                         "parts": dict(zip(ids, self.member_parts[r], strict=True))}
                        for j, r in enumerate(range(lo, hi))]}
        tail = {
            "next_star": _next_star(block, p, codes, self.council[p]),
            "self_assessment": _self(block, p, ids, self.parts[p]),
            "warnings": [notice_text(w, "en") for w in block.warnings[p]],
            "requirements": [requirement_dict(r) for r in
                             (block.requirements[p] if block.requirements else ())],
            "producer": None if extra.producer is None else extra.producer.model_dump(),
            "disagreement": _disagreement(block, p, codes, names, rows),
            "errors": [],
        }
        return head, tail


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


class _CodeText(dict[int, str]):
    """Option index -> its code as a JSON string; ``none`` for any other index (as
    :func:`_code`)."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__((i, encode_basestring(code)) for i, code in enumerate(codes))

    def __missing__(self, index: int) -> str:
        return _NONE_TEXT


_NONE_TEXT = encode_basestring(NONE)


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


def _disagreement(block: RatingColumns, p: int, codes: list[list[str]], names: list[str],
                  rows: list[list[int]]) -> dict[str, Any]:
    crits = block.rubric.criteria
    steps = block.split_steps[p]
    splits = [{"criterion": crits[k].id,
               "options": {m: _code(codes[k], row[k]) for m, row in zip(names, rows,
                                                                        strict=True)},
               "steps": int(steps[k])}
              for k in (steps >= OPTION_STEPS).nonzero()[0].tolist()]
    over = bool(block.over_limit[p])
    cases = block.case_splits[p] if block.case_splits else ()
    return {"spread": int(block.spread[p]) / 100, "spread_limit": block.spread_limit,
            "over_limit": over, "flagged": over or bool(splits) or bool(cases),
            "splits": splits, "case_splits": [case_split_dict(c) for c in cases]}
