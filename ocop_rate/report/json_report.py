"""JSON results, in the field names that CONTRACT.md fixes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from ocop_rate.report.json_parts import _join, case_split_dict, requirement_dict
from ocop_rate.report.labels import notice_text

if TYPE_CHECKING:  # types only: `rate` does not load the checks, and `rubrics list` and
    # `validate` (compiled rules) load no model at all
    from ocop_rate.models.checks import DiffReport, GoldenCase, GoldenReport, LintReport, Side
    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import (
        BatchResult,
        Failure,
        Rating,
        RatingColumns,
    )
    from ocop_rate.models.rubric import Rubric

CHUNK = 2000  # products per written chunk: big batches stream instead of piling up
STREAM_CHUNK = 128  # dossiers per written chunk of a stream (a dossier is ~10 KB of JSON)
VIEW_PRODUCTS = 2048  # dossier blocks kept for writing: one flush of the pipeline (HELD);
# a block goes as soon as its last product is written


def item_to_dict(item: Rating | Failure, lang: Lang) -> dict[str, Any]:
    from ocop_rate.models.rating import Failure

    if isinstance(item, Failure):
        return {
            "product_id": item.product_id, "rubric": item.rubric, "file": item.file,
            "total": None, "parts": None, "stars": None, "recognised": False,
            "outcome": "not-rated", "gates": [], "members": [], "criteria": [], "next_star": None,
            "errors": [e.model_dump() for e in item.errors],
        }
    ns = item.next_star
    return {
        "product_id": item.product_id,
        "product_name": item.product_name.get(lang),
        "rubric": item.rubric,
        "product_group": item.product_group,
        "file": item.file,
        "total": item.total,
        "parts": {p.id: p.points for p in item.parts},
        "band_stars": item.band_stars,
        "stars": item.stars,
        "recognised": item.recognised,
        "outcome": item.outcome,
        "level": item.level,
        "authority": None if item.authority is None else item.authority.get(lang),
        "outcome_source": item.outcome_source,
        "province_may_recognise": item.province_may_recognise,
        "gate_policy": item.gate_policy,
        "gates": [{"id": g.id, "effect": g.effect, "max_stars": g.max_stars,
                   "reason": g.reason.get(lang), "source": g.source} for g in item.gates],
        "members": [{"member": m.member, "total": m.total, "parts": m.parts}
                    for m in item.members],
        "criteria": [
            {"id": c.id, "number": c.number, "part": c.part, "points": c.points,
             "max_points": c.max_points, "option": c.option,
             "members": {ch.member: ch.option for ch in c.choices},
             "derived_from": sorted({f for ch in c.choices for f in ch.facts}),
             "evidence": list(c.evidence), "self_assessed": c.self_assessed,
             "applies": c.applies,
             "not_applicable": None if c.not_applicable is None else c.not_applicable.get(lang),
             "not_applicable_for": [ch.member for ch in c.choices if not ch.applies]}
            for c in item.criteria
        ],
        "next_star": None if ns is None else {
            "stars": ns.stars, "threshold": ns.threshold, "points_needed": ns.points_needed,
            "reachable": ns.reachable, "blocked_by": list(ns.blocked_by),
            "upgrades": [{"criterion": u.criterion, "from_option": u.from_option,
                          "to_option": u.to_option, "points": u.points,
                          "required_by_gate": u.required_by_gate} for u in ns.upgrades],
        },
        "self_assessment": None if item.self_assessment is None
        else item.self_assessment.model_dump(),
        "warnings": [notice_text(w, "en") for w in item.warnings],
        "requirements": [requirement_dict(r) for r in item.requirements],
        "producer": None if item.producer is None else item.producer.model_dump(),
        "disagreement": None if item.disagreement is None else {
            **item.disagreement.model_dump(exclude={"splits", "case_splits"}),
            "flagged": item.disagreement.flagged,
            "splits": [{"criterion": s.criterion, "options": s.options, "steps": s.steps}
                       for s in item.disagreement.splits],
            "case_splits": [case_split_dict(c) for c in item.disagreement.case_splits]},
        "errors": [],
    }


def render(result: BatchResult, lang: Lang) -> str:
    """A JSON array, one object per product, UTF-8 with diacritics as they are."""
    return "".join(render_chunks(result, lang))


def render_chunks(result: BatchResult, lang: Lang) -> Iterator[str]:
    """:func:`render` in pieces, for writing as they come: one product per line (compact,
    so the C encoder does the work), dossiers first, then the products of score sheets."""
    first = True
    items = iter(result.items)
    while done := [json.dumps(item_to_dict(i, lang), ensure_ascii=False)
                   for i in islice(items, CHUNK)]:
        yield ("[\n  " if first else ",\n  ") + ",\n  ".join(done)
        first = False
    for block in result.blocks:
        lines = block_lines(block, lang)
        while done := list(islice(lines, CHUNK)):
            yield ("[\n  " if first else ",\n  ") + ",\n  ".join(done)
            first = False
    yield "\n]\n" if not first else "[]\n"


def render_stream(pieces: Iterable[Failure | tuple[RatingColumns, int] | RatingColumns],
                  lang: Lang) -> Iterator[str]:
    """:func:`render_chunks` of a stream (``pipeline.stream_paths``), written as it comes:
    failures and dossiers (each read off its block's columns), then the sheets' blocks."""
    from ocop_rate.models.rating import Failure
    from ocop_rate.report.json_dossiers import DossierView

    first = True
    done: list[str] = []
    views: dict[int, tuple[RatingColumns, DossierView]] = {}  # oldest first
    held = 0  # products of the blocks in ``views``: bounded, so memory stays flat
    left: dict[int, int] = {}  # products of a block in ``views`` not written yet

    def out(lines: list[str]) -> str:
        nonlocal first
        text = ("[\n  " if first else ",\n  ") + ",\n  ".join(lines)
        first = False
        return text

    for piece in pieces:
        if isinstance(piece, Failure):
            done.append(json.dumps(item_to_dict(piece, lang), ensure_ascii=False))
        elif isinstance(piece, tuple):
            block, p = piece
            hit = views.get(id(block))
            if hit is None or hit[0] is not block:
                while views and held + len(block) > VIEW_PRODUCTS:
                    oldest = next(iter(views))
                    held -= len(views.pop(oldest)[0])
                    left.pop(oldest, None)
                hit = views[id(block)] = (block, DossierView(block, lang))
                held += len(block)
                left[id(block)] = len(block)
            done.append(hit[1].text(p))  # json.dumps of its item(p)
            left[id(block)] -= 1
            if not left[id(block)]:  # each product comes once: a finished block goes
                del views[id(block)], left[id(block)]
                held -= len(block)
        else:
            if done:
                yield out(done)
                done = []
            lines = block_lines(piece, lang)
            while chunk := list(islice(lines, CHUNK)):
                yield out(chunk)
        if len(done) >= STREAM_CHUNK:
            yield out(done)
            done = []
    if done:
        yield out(done)
    yield "\n]\n" if not first else "[]\n"


def _num(value: float) -> str:
    return json.dumps(value)


def block_lines(block: RatingColumns, lang: Lang) -> Iterator[str]:
    """One compact JSON object per product of ``block``, with the keys of
    :func:`item_to_dict`; each criterion carries ``id``, ``points``, ``max_points`` and
    ``option`` (the members' own codes are in the score sheet).

    Built column by column with numpy object arrays: every distinct value (a number, a
    criterion entry, a gate, an upgrade) is formatted once, then looked up and joined.
    """
    text = _BlockText(block, lang)
    for lo in range(0, len(block), CHUNK):
        yield from text.lines(lo, min(lo + CHUNK, len(block)))


class _BlockText:
    """The per-block tables :func:`block_lines` draws its pieces from."""

    def __init__(self, block: RatingColumns, lang: Lang) -> None:
        import numpy as np

        from ocop_rate.distinct import distinct_values

        self.block, self.lang = block, lang
        crits = block.rubric.criteria
        top = int(max(block.member_total.max(initial=0), block.total.max(initial=0),
                       block.next_needed.max(initial=0), block.upgrade_points.max(initial=0),
                       block.points.max(initial=0))) + 1
        self.num = np.array([_num(c / 100) for c in range(top)], dtype=object)
        self.width = max(len(c.options) for c in crits) + 2  # + none, + does not apply
        self.entries = []  # per criterion: (texts of distinct (points, option), inverse)
        for k, crit in enumerate(crits):
            key = block.points[:, k] * self.width + block.council_option[:, k]
            distinct, where = distinct_values(key)
            head = f'{{"id":{encode_basestring(crit.id)},"points":'
            tail = f',"max_points":{_num(crit.max_points)},"option":'
            texts = np.array([head + self.num[v // self.width] + tail
                              + encode_basestring(crit.option_at(v % self.width).code) + "}"
                              for v in distinct.tolist()], dtype=object)
            self.entries.append((texts, where.reshape(-1)))
        self.gate_text: dict[int, str] = {}
        self.gates_text: dict[tuple[int, ...], str] = {}

    def _parts(self, cents: Any) -> list[Any]:
        """Pieces of ``{"A": …, "B": …, "C": …}`` per row (columns to be joined)."""
        out: list[Any] = []
        for j, part in enumerate(self.block.rubric.parts):
            out += [("{" if j == 0 else ",") + f'"{part.id}":', self.num[cents[:, j]]]
        return [*out, "}"]

    def lines(self, lo: int, hi: int) -> list[str]:
        import numpy as np

        from ocop_rate.report.json_disagreement import disagreement_texts

        b, num = self.block, self.num
        r_lo, r_hi = int(b.starts[lo]), int(b.starts[hi])
        members = [encode_basestring(x) for x in b.member[r_lo:r_hi]]
        member_text = _join(['{"member":', members, ',"total":',
                             num[b.member_total[r_lo:r_hi]], ',"parts":',
                             *self._parts(b.member_parts[r_lo:r_hi]), "}"], r_hi - r_lo)
        bounds = (b.starts[lo:hi + 1] - r_lo).tolist()
        member_lists = [",".join(member_text[bounds[i]:bounds[i + 1]])
                        for i in range(hi - lo)]
        pieces: list[Any] = []
        for k, (texts, where) in enumerate(self.entries):
            pieces += [texts[where[lo:hi]]] if k == 0 else [",", texts[where[lo:hi]]]
        criteria = _join(pieces, hi - lo)
        return _join([
            '{"product_id":', [encode_basestring(x) for x in b.product_id[lo:hi]],
            ',"product_name":', [encode_basestring(x) for x in b.product_name[lo:hi]],
            f',"rubric":{encode_basestring(b.rubric.id)},'
            f'"product_group":{encode_basestring(b.rubric.product_group)},'
            f'"file":{json.dumps(b.file, ensure_ascii=False)},"total":',
            num[b.total[lo:hi]], ',"parts":', *self._parts(b.parts[lo:hi]),
            ',"band_stars":', b.band_stars[lo:hi].astype(str), ',"stars":',
            np.where(b.stars[lo:hi] > 0, b.stars[lo:hi].astype(str), "null"), ',"recognised":',
            np.where(b.recognised[lo:hi], "true", "false"), *self._outcome(lo, hi),
            f',"gate_policy":{encode_basestring(b.gate_policy)},"gates":', self._gates(lo, hi),
            ',"members":[', member_lists, '],"criteria":[', criteria, '],"next_star":',
            self._next_star(lo, hi), ',"self_assessment":null,"warnings":',
            self._warnings(lo, hi), ',"requirements":',
            self._requirements(lo, hi), ',"producer":null,"disagreement":',
            disagreement_texts(b, lo, hi, num, members),
            ',"errors":[]}'], hi - lo)

    def _outcome(self, lo: int, hi: int) -> list[Any]:
        """``,"outcome":…,"level":…,"authority":…,"province_may_recognise":…`` per row."""
        import numpy as np

        from ocop_rate.outcome import OUTCOMES, Level, decide

        b = self.block
        level: Level = "central" if b.level == "central" else "province"
        stars = b.stars[lo:hi].astype(np.int64)
        code = (np.zeros(hi - lo, dtype=np.int64) if b.outcome is None
                else b.outcome[lo:hi].astype(np.int64))
        table: dict[tuple[int, int], str] = {}
        for key in set(zip(code.tolist(), stars.tolist(), strict=True)):
            outcome, s = OUTCOMES[key[0]], key[1]
            verdict = decide(max(s, 1), outcome == "rejected", level, b.rubric.recognition)
            table[key] = (f',"outcome":{json.dumps(outcome)},"level":{json.dumps(level)},'
                          f'"authority":'
                          + json.dumps(None if verdict.authority is None
                                       else verdict.authority.get(self.lang),
                                       ensure_ascii=False)
                          + ',"outcome_source":' + json.dumps(verdict.article, ensure_ascii=False)
                          + ',"province_may_recognise":'
                          + json.dumps(verdict.province_may_recognise))
        return [[table[k] for k in zip(code.tolist(), stars.tolist(), strict=True)]]

    def _requirements(self, lo: int, hi: int) -> list[str]:
        found = self.block.requirements
        if not found:
            return ["[]"] * (hi - lo)
        made: dict[int, str] = {}
        out = []
        for group in found[lo:hi]:
            if id(group) not in made:
                made[id(group)] = json.dumps([requirement_dict(r) for r in group],
                                             ensure_ascii=False)
            out.append(made[id(group)])
        return out

    def _warnings(self, lo: int, hi: int) -> list[str]:
        texts: dict[int, str] = {}
        out = []
        for found in self.block.warnings[lo:hi]:
            text = texts.get(id(found))
            if text is None:
                text = texts[id(found)] = json.dumps([notice_text(w, "en") for w in found],
                                                     ensure_ascii=False)
            out.append(text)
        return out

    def _gates(self, lo: int, hi: int) -> list[str]:
        out = []
        for found in self.block.gates[lo:hi]:
            ids = tuple(map(id, found))  # mark gates are shared objects: one text per set
            hit = self.gates_text.get(ids)
            if hit is not None:
                out.append(hit)
                continue
            texts = []
            for g in found:
                text = self.gate_text.get(id(g))
                if text is None:
                    text = self.gate_text[id(g)] = json.dumps(
                        {"id": g.id, "effect": g.effect, "max_stars": g.max_stars,
                         "reason": g.reason.get(self.lang), "source": g.source},
                        ensure_ascii=False)
                texts.append(text)
            out.append(self.gates_text.setdefault(ids, "[" + ",".join(texts) + "]"))
        return out

    def _next_star(self, lo: int, hi: int) -> Any:
        import numpy as np

        from ocop_rate.distinct import distinct_values

        b, num, crits = self.block, self.num, self.block.rubric.criteria
        opt = b.upgrade_option[lo:hi]
        rows, ks = np.nonzero(opt >= 0)          # row-major: by product, in sheet order
        council = b.council_option[lo:hi][rows, ks]
        to = opt[rows, ks]
        pts = b.upgrade_points[lo:hi][rows, ks]
        req = b.upgrade_required[lo:hi][rows, ks]
        key = ((ks * self.width + council) * self.width + to) * 2 + req
        texts = []
        if len(key):
            distinct, where = distinct_values(key)
            table = []
            for v in distinct.tolist():
                rest = v // 2  # the flag is spelt by `tails`
                rest, target = divmod(rest, self.width)
                k, chosen = divmod(rest, self.width)
                crit = crits[k]
                table.append(f'{{"criterion":{encode_basestring(crit.id)},"from_option":'
                             f'{encode_basestring(crit.option_at(chosen).code)},"to_option":'
                             f'{encode_basestring(crit.option_at(target).code)},"points":')
            tails = np.where(req, ',"required_by_gate":true}', ',"required_by_gate":false}')
            texts = _join([np.array(table, dtype=object)[where.reshape(-1)], num[pts],
                           tails], len(key))
        ends = np.cumsum(np.bincount(rows, minlength=hi - lo)).tolist()
        starts = [0, *ends[:-1]]
        upgrades = [",".join(texts[s:e]) for s, e in zip(starts, ends, strict=True)]
        blocked = {ids: json.dumps(list(ids), ensure_ascii=False)
                   for ids in set(b.next_blocked_by[lo:hi])}
        target = b.next_stars[lo:hi]
        thresholds = b.next_threshold[lo:hi].tolist()
        shown = {x: _num(x) for x in set(thresholds)}
        text = _join(['{"stars":', target.astype(str), ',"threshold":',
                      [shown[x] for x in thresholds], ',"points_needed":',
                      num[b.next_needed[lo:hi]], ',"reachable":',
                      np.where(b.next_reachable[lo:hi], "true", "false"), ',"blocked_by":',
                      [blocked[x] for x in b.next_blocked_by[lo:hi]], ',"upgrades":[',
                      upgrades, "]}"], hi - lo)
        return [t if s > 0 else "null" for t, s in zip(text, target.tolist(), strict=True)]


def rubric_to_dict(rubric: Rubric) -> dict[str, Any]:
    """The resolved rubric in its file's keys, with each criterion's ``max_points``."""
    data: dict[str, Any] = rubric.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {"id": data.pop("id"), "extends": rubric.lineage[0] if rubric.lineage else None,
            **data}


# -- rubric checks (validate, diff, check): one documented envelope each -------------------
# Every document has "command" and "schema_version"; fields are added, never renamed
# (docs/reference.md: "Rubric checks in CI").

CHECKS_SCHEMA_VERSION = 1


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_lints(report: LintReport) -> str:
    return _dump({
        "command": "validate", "schema_version": CHECKS_SCHEMA_VERSION,
        "ok": report.ok, "strict": report.strict,
        "files": list(report.files), "rubrics": list(report.rubrics),
        "summary": {"errors": report.count("error"), "warnings": report.count("warning"),
                    "accepted": report.accepted,
                    "failing": sum(1 for f in report.findings if report.fails(f))},
        "findings": [{**f.as_dict(), "fails": report.fails(f)} for f in report.findings],
    })


def _side(side: Side) -> dict[str, Any]:
    return {"total": side.total, "stars": side.stars, "recognised": side.recognised,
            "errors": [e.model_dump() for e in side.errors]}


def render_diff(report: DiffReport) -> str:
    return _dump({
        "command": "diff", "schema_version": CHECKS_SCHEMA_VERSION,
        "base": report.base, "head": report.head, "fail_on": report.fail_on,
        "ok": not report.failed,
        "summary": {
            "products": len(report.products),
            "up": report.count("up"), "down": report.count("down"),
            "unchanged": report.count("unchanged"), "not_rated": report.count("not-rated"),
            "changed": sum(1 for p in report.products if p.changed),
            "by_class": [{"stars": c.stars, "up": c.up, "down": c.down,
                          "unchanged": c.unchanged, "not_rated": c.not_rated}
                         for c in report.by_class()],
        },
        "products": [{"product_id": p.product_id, "rubric": p.rubric, "file": p.file,
                      "before": _side(p.before), "after": _side(p.after),
                      "movement": p.movement, "total_delta": p.total_delta,
                      "changed": p.changed, "fails": report.trips(p)}
                     for p in report.products],
    })


def render_golden(report: GoldenReport) -> str:
    def expected(c: GoldenCase) -> dict[str, Any] | None:
        e = c.expected
        return None if e is None else {"stars": e.stars, "total": e.total,
                                       "file": e.location.file, "line": e.location.line}

    return _dump({
        "command": "check", "schema_version": CHECKS_SCHEMA_VERSION,
        "expect": report.expect, "tolerance": report.tolerance, "ok": report.ok,
        "summary": {s: report.count(s) for s in ("pass", "mismatch", "missing", "unexpected",
                                                 "error")},
        "products": [{"product_id": c.product_id, "status": c.status, "message": c.message,
                      "file": c.file, "expected": expected(c),
                      "actual": None if c.stars is None else {"stars": c.stars,
                                                              "total": c.total},
                      "errors": [e.model_dump() for e in c.errors]}
                     for c in report.cases],
    })
