"""Rubric lints for ``ocop-rate validate``: every problem of a set of rubric files, each with
a lint id, a severity and a file:line:column.

Lints read the merged raw data of each rubric (:func:`resolve_raw`), so they report all
problems where the model would stop at the first. The model's own errors are added as
``schema`` findings, except those of its semantic validators (``Rubric._consistent`` at the
root, ``Criterion`` checks at a criterion) that a lint has already reported more precisely.
Messages whose truth depends on the whole merged rubric start with the rubric id; messages
about one item do not, so a problem in a shared base is reported once, not once per child.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ocop_rate.checks.decisions import SCALE_MAX, part_maxima
from ocop_rate.errors import Location, Problem, UsageError
from ocop_rate.loading.caps import MAX_SHEET_OPTIONS
from ocop_rate.loading.rubrics import KEYED_LISTS, RawRubric, resolve_raw
from ocop_rate.loading.source import Document
from ocop_rate.messages import LANGS, text
from ocop_rate.models.checks import LINTS, Finding, LintReport

DataPath = tuple[str | int, ...]


@dataclass
class _Collector:
    rubric: str | None
    locate: Any
    findings: list[Finding] = field(default_factory=list)
    error_paths: list[DataPath] = field(default_factory=list)
    # criterion index -> lint id -> reason, from the criteria's ``accepted`` records
    accepted: dict[int, dict[str, dict[str, str]]] = field(default_factory=dict)

    def add(self, lint: str, path: DataPath, message_id: str, /, **params: object) -> None:
        reason = None
        if len(path) >= 2 and path[0] == "criteria" and isinstance(path[1], int):
            reason = self.accepted.get(path[1], {}).get(lint)
        self.add_at(lint, self.locate(path), message_id, accepted=reason, **params)
        if LINTS[lint].severity == "error":
            self.error_paths.append(path)

    def add_at(self, lint: str, location: Location, message_id: str, /,
               accepted: dict[str, str] | None = None, **params: object) -> None:
        if accepted is not None and LINTS[lint].severity == "error":
            accepted = None  # only warnings can be accepted: an error is never waived
        problem = Problem.of(message_id, location, **params)
        self.findings.append(Finding(lint, LINTS[lint].severity, problem.message, location,
                                     self.rubric, problem, accepted))

    def add_problem(self, lint: str, problem: Problem) -> None:
        self.findings.append(Finding(lint, LINTS[lint].severity, problem.message,
                                     problem.location, self.rubric, problem))


def _accepted_records(data: Any) -> dict[int, dict[str, dict[str, str]]]:
    """Each criterion's recorded exceptions (``accepted: [{lint, reason, source}]``)."""
    records: dict[int, dict[str, dict[str, str]]] = {}
    for i, crit in _items(data, "criteria"):
        for _, rec in _items(crit, "accepted"):
            reason = rec.get("reason")
            text = {"vi": reason, "en": reason} if isinstance(reason, str) else reason
            if isinstance(rec.get("lint"), str) and isinstance(text, dict):
                records.setdefault(i, {})[rec["lint"]] = {
                    k: str(v) for k, v in text.items() if k in ("vi", "en") and v}
    return records


def run_lints(folders: list[Path] | None = None, strict: bool = False,
              compiled: bool = True) -> LintReport:
    """Lint every rubric file under ``folders`` (default: the bundled rules). Raises
    :class:`UsageError` only when a folder is missing or holds no rubric file.

    A folder whose files are exactly the compiled ones (same paths and sha256, same lint
    code: :mod:`ocop_rate.loading.compiled`) gets the report recorded when they were
    compiled, without parsing them again; ``compiled=False`` always lints."""
    if compiled:
        from ocop_rate.loading.compiled import open_compiled
        from ocop_rate.loading.rubrics import bundled_rules_dir

        found = open_compiled(folders, bundled_rules_dir())
        if found is not None:
            return _recorded_report(found.manifest["lints"], found.file_of,
                                    tuple(str(p) for p in found.files), strict)
    raw = resolve_raw(folders)
    if not raw.files:
        where = ", ".join(str(f) for f in folders or [])
        raise UsageError(Problem.of("rubric.no_files", Location(where)))
    findings: list[Finding] = []
    for kind, problem in raw.problems:
        findings.append(Finding(kind, LINTS[kind].severity, problem.message, problem.location,
                                problem=problem))
    for doc in raw.parsed:
        findings += _duplicate_ids_in_file(doc)
    for rubric in raw.rubrics.values():
        findings += lint_rubric(rubric)
    unique = {(f.lint, f.location, f.message): f for f in reversed(findings)}
    ordered = sorted(unique.values(), key=lambda f: (
        f.location.file or "", f.location.line or 0, f.location.column or 0, f.lint, f.message))
    return LintReport(tuple(ordered), tuple(raw.rubrics), tuple(str(p) for p in raw.files),
                      strict)


def _recorded_report(record: dict[str, Any], file_of: Any, files: tuple[str, ...],
                     strict: bool) -> LintReport:
    """A compiled lint record back as the report :func:`run_lints` gave when compiled
    (sentences rebuilt from the catalogue, so they follow its current wording)."""
    findings = []
    for f in record["findings"]:
        where = Location(None if f["file"] is None else file_of(f["file"]), f["line"],
                         f["column"], f["field"])
        problem = Problem.of(f["message_id"], where, **f["params"])
        findings.append(Finding(f["lint"], LINTS[f["lint"]].severity, problem.message, where,
                                f["rubric"], problem, f["accepted"]))
    return LintReport(tuple(findings), tuple(record["rubrics"]), files, strict)


def lint_rubric(raw: RawRubric) -> list[Finding]:
    """Every lint on one merged rubric, then the model's remaining complaints."""
    out = _Collector(raw.id, raw.locate, accepted=_accepted_records(raw.data))
    data = raw.data
    _parts(raw.id, data, out)
    _criteria(data, out)
    _references(raw.id, data, out)
    _sums(raw.id, data, out)
    _star_bands(data, out)
    _hundredths(data, out)
    _clauses(raw.id, data, out)
    _schema(raw, out)
    return out.findings


# -- helpers over raw data ----------------------------------------------------------------

def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _best(criterion: dict[str, Any]) -> float | None:
    """The criterion's best option's points; None while any option's points are not numbers."""
    options = criterion.get("options")
    if not isinstance(options, list) or not options:
        return None
    points = [_num(o.get("points")) if isinstance(o, dict) else None for o in options]
    numbers = [p for p in points if p is not None]
    return max(numbers) if len(numbers) == len(points) else None


def _ids(data: Any, key: str, id_field: str = "id") -> list[Any]:
    return [item.get(id_field) for _, item in _items(data, key)]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9


# -- the lints ------------------------------------------------------------------------------

def _parts(rid: str, data: dict[str, Any], out: _Collector) -> None:
    parts = _items(data, "parts")
    maxima = [(i, p.get("id"), _num(p.get("max_points"))) for i, p in parts]
    if parts and all(m is not None for _, _, m in maxima):
        total = sum(m for _, _, m in maxima if m is not None)
        if not _close(total, SCALE_MAX):
            out.add("parts-total", ("parts", parts[0][0]), "lint.parts_total", rid=rid,
                    total=f"{total:g}", expected=f"{SCALE_MAX:g}")
    source = data.get("source")
    decision = source.get("decision") if isinstance(source, dict) else None
    known = part_maxima(decision if isinstance(decision, str) else None)
    if known is None:
        return
    key, expected = known
    for i, pid, got in maxima:
        want = expected.get(pid) if isinstance(pid, str) else None
        if want is not None and got is not None and not _close(got, want):
            out.add("part-decision", ("parts", i, "max_points"), "lint.part_decision", rid=rid,
                    part=str(pid), got=f"{got:g}", key=key, want=f"{want:g}")


def _criteria(data: dict[str, Any], out: _Collector) -> None:
    from ocop_rate.loading.validation import rule_details
    from ocop_rate.models.rubric import criterion_max_problem

    for i, crit in _items(data, "criteria"):
        cid = crit.get("id")
        here: DataPath = ("criteria", i)
        if "max_points" in crit:
            problem = criterion_max_problem(cid, crit["max_points"], crit.get("options"))
            if problem:
                out.add("criterion-max", (*here, "max_points"), "lint.detail",
                        **rule_details(problem))
        options = _items(crit, "options")
        if len(options) > MAX_SHEET_OPTIONS:
            out.add("option-count", (*here, "options"), "safety.too_many_options",
                    criterion=str(cid), count=len(options),
                    limit=MAX_SHEET_OPTIONS)
        _option_order(cid, crit, here, options, out)
        seen: dict[Any, Any] = {}
        for j, opt in options:
            code = opt.get("code")
            if code in seen:
                out.add("unique-ids", (*here, "options", j, "code"), "lint.option_twice",
                        cid=str(cid), code=str(code))
            seen.setdefault(code, j)
            for lang in _missing_langs(opt.get("label")):
                out.add("labels", (*here, "options", j, "label"), "lint.option_label",
                        cid=str(cid), code=str(code), language_id=f"lint.language.{lang}",
                        lang=lang)
        for lang in _missing_langs(crit.get("name")):
            out.add("labels", (*here, "name"), "lint.name_label", cid=str(cid),
                    language_id=f"lint.language.{lang}", lang=lang)
        if not crit.get("source"):
            out.add("source", here, "lint.no_source", cid=str(cid))
        for k, rec in _items(crit, "accepted"):
            lint = rec.get("lint")
            if lint not in LINTS or LINTS[str(lint)].severity == "error":
                out.add("references", (*here, "accepted", k, "lint"), "lint.accepted_names",
                        cid=str(cid), lint=str(lint), known=", ".join(
                            k for k, v in LINTS.items() if v.severity == "warning"))
        codes = [o.get("code") for _, o in options]
        for k, rule in _items(crit, "derive"):
            if "option" in rule and rule["option"] not in codes:
                out.add("references", (*here, "derive", k, "option"), "lint.derive_option",
                        cid=str(cid), option=str(rule["option"]),
                        codes=", ".join(str(c) for c in codes))




def _missing_langs(text: Any) -> list[str]:
    """Languages a label lacks; a plain string is Vietnamese only. A missing ``vi`` key is
    the schema's to report."""
    if isinstance(text, str):
        text = {"vi": text}
    if not isinstance(text, dict):
        return []
    return [lang for lang in ("vi", "en")
            if (lang == "en" or lang in text)
            and not (isinstance(text.get(lang), str) and text[lang].strip())]


def _option_order(cid: Any, crit: dict[str, Any], here: DataPath,
                  options: list[tuple[int, dict[str, Any]]], out: _Collector) -> None:
    unconfirmed = crit.get("unconfirmed") is True
    flag = {f"flag@{lang}": text("lint.unconfirmed_flag", lang) if unconfirmed else ""
            for lang in LANGS}
    cases: dict[Any, list[tuple[int, Any, float | None]]] = {}
    for j, o in options:  # alternative cases (tourism sheet) each rise on their own
        cases.setdefault(str(o.get("case")), []).append((j, o.get("code"),
                                                        _num(o.get("points"))))
    pairs = [pair for scored in cases.values() for pair in pairwise(scored)]
    for (_, code_a, a), (j, code_b, b) in pairs:
        if a is None or b is None:
            continue
        where: DataPath = (*here, "options", j, "points")
        if _close(a, b):
            out.add("option-order", where, "lint.same_points", cid=str(cid), a=str(code_a),
                    b=str(code_b), points=f"{b:g}",
                    unit_id="lint.unit.one" if b == 1 else "lint.unit.many", **flag)
        elif b < a:
            out.add("option-order", where, "lint.falling", cid=str(cid), b=str(code_b),
                    pb=f"{b:g}", a=str(code_a), pa=f"{a:g}", **flag)


def _fact_refs(cond: Any, path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    """Every ``fact`` a raw condition reads, with its path."""
    if not isinstance(cond, dict):
        return
    if "fact" in cond:
        yield (*path, "fact"), cond["fact"]
    for key in ("all", "any"):
        children = cond.get(key)
        if isinstance(children, list):
            for k, child in enumerate(children):
                yield from _fact_refs(child, (*path, key, k))
    if "not" in cond:
        yield from _fact_refs(cond["not"], (*path, "not"))


def _references(rid: str, data: dict[str, Any], out: _Collector) -> None:
    parts = [p for p in _ids(data, "parts") if p is not None]
    groups = {g for g in _ids(data, "groups") if g is not None}
    facts = {f for f in _ids(data, "facts") if f is not None}
    for i, crit in _items(data, "criteria"):
        cid = crit.get("id")
        part = crit.get("part")
        if part is not None and part not in parts:
            out.add("references", ("criteria", i, "part"), "lint.no_part", rid=rid,
                    cid=str(cid), part=str(part), parts=", ".join(str(p) for p in parts))
        group = crit.get("group")
        if group is not None and group not in groups:
            out.add("references", ("criteria", i, "group"), "lint.no_group", rid=rid,
                    cid=str(cid), group=str(group))
        for k, rule in _items(crit, "derive"):
            for path, fact in _fact_refs(rule.get("when"), ("criteria", i, "derive", k, "when")):
                if fact not in facts:
                    out.add("references", path, "lint.derive_fact", rid=rid, cid=str(cid),
                            fact=str(fact))
    for g, gate in _items(data, "gates"):
        for path, fact in _fact_refs(gate.get("when"), ("gates", g, "when")):
            if fact not in facts:
                out.add("references", path, "lint.gate_fact", rid=rid,
                        gate=str(gate.get("id")), fact=str(fact))


def _criterion_refs(cond: Any, path: DataPath) -> Iterator[tuple[DataPath, Any, list[Any]]]:
    """Every ``criterion`` a raw condition reads, with its path and the codes it names."""
    if not isinstance(cond, dict):
        return
    if "criterion" in cond:
        codes: list[Any] = []
        for op in ("eq", "ne", "in"):
            value = cond.get(op)
            codes += value if isinstance(value, list) else [value] if value is not None else []
        yield (*path, "criterion"), cond["criterion"], codes
    for key in ("all", "any"):
        children = cond.get(key)
        if isinstance(children, list):
            for k, child in enumerate(children):
                yield from _criterion_refs(child, (*path, key, k))
    if "not" in cond:
        yield from _criterion_refs(cond["not"], (*path, "not"))


def _what(vi: str, en: str) -> dict[str, str]:
    """A ``{what}`` parameter in both languages (messages' ``name@vi``/``name@en``)."""
    return {"what@vi": vi, "what@en": en}


def _clauses(rid: str, data: dict[str, Any], out: _Collector) -> None:
    """References and sources of ``applies``, ``requirements`` and ``case_groups``."""
    facts = {f for f in _ids(data, "facts") if f is not None}
    codes = {c.get("id"): {o.get("code") for _, o in _items(c, "options")} | {"none"}
             for _, c in _items(data, "criteria")}

    def check(cond: Any, path: DataPath, what: dict[str, str]) -> None:
        for where, fact in _fact_refs(cond, path):
            if fact not in facts:
                out.add("clauses", where, "lint.clause_fact", rid=rid, fact=str(fact), **what)
        for where, cid, named in _criterion_refs(cond, path):
            if cid not in codes:
                out.add("clauses", where, "lint.clause_criterion", rid=rid, cid=str(cid),
                        **what)
                continue
            for code in named:
                if code not in codes[cid]:
                    out.add("clauses", where, "lint.clause_option", rid=rid, cid=str(cid),
                            code=str(code), **what)

    def cited(item: dict[str, Any], path: DataPath, what: dict[str, str]) -> None:
        source = item.get("source")
        if not item.get("text") or not isinstance(source, dict) or not source.get("lines"):
            out.add("clause-source", path, "lint.clause_source", **what)

    for i, crit in _items(data, "criteria"):
        cid = crit.get("id")
        applies = crit.get("applies")
        if isinstance(applies, dict):
            here: DataPath = ("criteria", i, "applies")
            what = _what(f"điều kiện áp dụng của tiêu chí {cid}", f"criterion {cid} applies")
            check(applies.get("when"), (*here, "when"), what)
            cited(applies, here, what)
        for k, req in _items(crit, "requirements"):
            here = ("criteria", i, "requirements", k)
            what = _what(f"yêu cầu {req.get('id')} của tiêu chí {cid}",
                         f"criterion {cid} requirement {req.get('id')}")
            for key in ("check", "when"):
                check(req.get(key), (*here, key), what)
            cited(req, here, what)
    for g, gate in _items(data, "gates"):
        check(gate.get("when"), ("gates", g, "when"),
              _what(f"điều kiện loại {gate.get('id')}", f"gate {gate.get('id')}"))
    for g, group in _items(data, "case_groups"):
        here = ("case_groups", g)
        gid = group.get("id")
        cited(group, here, _what(f"nhóm trường hợp {gid}", f"case group {gid}"))
        members = group.get("criteria")
        for cid in members if isinstance(members, list) else []:
            if cid not in codes:
                out.add("clauses", (*here, "criteria"), "lint.clause_criterion", rid=rid,
                        cid=str(cid), **_what(f"nhóm trường hợp {gid}", f"case group {gid}"))
                continue
            listed = [code for _, case in _items(group, "cases")
                      for code in (case.get("options") or {}).get(cid, []) or []]
            if sorted(map(str, listed)) != sorted(map(str, codes[cid] - {"none"})):
                out.add("clauses", (*here, "cases"), "lint.case_share", rid=rid, gid=str(gid),
                        cid=str(cid), listed=", ".join(map(str, listed)) or "none")


def _sums(rid: str, data: dict[str, Any], out: _Collector) -> None:
    criteria = [c for _, c in _items(data, "criteria")]
    best = [_best(c) for c in criteria]
    if any(b is None for b in best):
        return  # an option without numeric points: the schema reports it
    parents = {g.get("id"): g.get("parent") for _, g in _items(data, "groups")}

    def within(group: Any, ancestor: Any) -> bool:
        """Whether ``group`` is ``ancestor`` or one of its sub-groups (e.g. 6.1 in 6)."""
        seen: set[Any] = set()
        while group is not None and group not in seen:
            if group == ancestor:
                return True
            seen.add(group)
            group = parents.get(group)
        return False

    for key, lint, noun in (("parts", "part-sum", "part"), ("groups", "group-sum", "group")):
        for i, item in _items(data, key):
            declared = _num(item.get("max_points"))
            if declared is None:
                continue
            total = sum(b for c, b in zip(criteria, best, strict=True)
                        if b is not None and (c.get("part") == item.get("id") if key == "parts"
                                              else within(c.get("group"), item.get("id"))))
            if not _close(total, declared):
                out.add(lint, (key, i, "max_points"), "lint.sum", rid=rid,
                        noun_id=f"lint.noun.{noun}", id=str(item.get("id")),
                        total=f"{total:g}", declared=f"{declared:g}")


def _star_bands(data: dict[str, Any], out: _Collector) -> None:
    raw = _items(data, "star_bands")
    bands = [(k, b.get("stars"), _num(b.get("min")), _num(b.get("max"))) for k, b in raw]
    if not bands or any(lo is None or hi is None or not isinstance(s, int)
                        for _, s, lo, hi in bands):
        return  # shape problems: the schema reports them
    counts = Counter(s for _, s, _, _ in bands)
    for k, stars, lo, hi in bands:
        assert lo is not None and hi is not None
        if counts[stars] > 1:
            out.add("star-bands", ("star_bands", k, "stars"), "lint.band_twice",
                    stars=str(stars))
        if hi <= lo:
            out.add("star-bands", ("star_bands", k), "lint.band_empty", stars=str(stars),
                    lo=f"{lo:g}", hi=f"{hi:g}")
    ordered = sorted(bands, key=lambda b: (b[2] or 0.0, b[1]))
    first, last = ordered[0], ordered[-1]
    if first[2] != 0:
        out.add("star-bands", ("star_bands", first[0], "min"), "lint.bands_start",
                first=f"{first[2]:g}")
    for (_, s_low, _, low_max), (k, s_high, high_min, _) in pairwise(ordered):
        assert low_max is not None and high_min is not None
        if low_max < high_min:
            out.add("star-bands", ("star_bands", k, "min"), "lint.bands_gap",
                    low=str(s_low), high=str(s_high), a=f"{low_max:g}", b=f"{high_min:g}")
        elif low_max > high_min:
            out.add("star-bands", ("star_bands", k, "min"), "lint.bands_overlap",
                    low=str(s_low), high=str(s_high), a=f"{high_min:g}", b=f"{low_max:g}")
        if isinstance(s_low, int) and isinstance(s_high, int) and s_high <= s_low:
            out.add("star-bands", ("star_bands", k, "stars"), "lint.bands_order",
                    high=str(s_high), low=str(s_low))
    if last[3] != SCALE_MAX:
        out.add("star-bands", ("star_bands", last[0], "max"), "lint.bands_end",
                last=f"{last[3]:g}", expected=f"{SCALE_MAX:g}")


def _hundredths(data: dict[str, Any], out: _Collector) -> None:
    """Points and band edges the engine can hold exactly (whole hundredths)."""
    from ocop_rate.engine.tables import cents

    for i, crit in _items(data, "criteria"):
        for j, opt in _items(crit, "options"):
            value = _num(opt.get("points"))
            if value is not None and cents(value) is None:
                out.add("hundredths", ("criteria", i, "options", j, "points"),
                        "engine.points_not_hundredths", value=f"{value!r}",
                        what=f"{crit.get('id')}/{opt.get('code')}")
    for k, band in _items(data, "star_bands"):
        for edge in ("min", "max"):
            value = _num(band.get(edge))
            if value is not None and cents(value) is None:
                out.add("hundredths", ("star_bands", k, edge), "engine.points_not_hundredths",
                        value=f"{value!r}", what=f"band {band.get('stars')} {edge}")


def _duplicate_ids_in_file(doc: Document) -> list[Finding]:
    """Within one file a repeated id is silently merged away (the second replaces the
    first), so the model never sees it: only the raw file can tell."""
    data = doc.data
    rid = data.get("id") if isinstance(data, dict) else None
    out = _Collector(rid if isinstance(rid, str) else None, doc.source.locate)
    for key, id_field in KEYED_LISTS.items():
        seen: set[Any] = set()
        for pos, item in _items(data, key):
            item_id = item.get(id_field)
            if item_id is None:
                continue
            if item_id in seen:
                out.add("unique-ids", (key, pos, id_field), "lint.id_twice",
                        noun_id=f"lint.keyed.{key}", id=str(item_id))
            seen.add(item_id)
    return out.findings


# Paths where the model's semantic validators report what the lints above re-check:
# ``Rubric._consistent`` at the root, ``Criterion`` (option codes, derive, declared max) at
# a criterion. Their message is dropped when a lint error already covers that path, and
# kept as ``schema`` otherwise, so nothing the model rejects goes unreported.
def _superseded(path: DataPath, error_paths: list[DataPath]) -> bool:
    if path == ():
        return bool(error_paths)
    if len(path) == 2 and path[0] == "criteria":
        return any(p[:2] == path for p in error_paths)
    return False


def _schema(raw: RawRubric, out: _Collector) -> None:
    # the model (and pydantic) load here, not with the module: a recorded (compiled) lint
    # report is shown without them
    from pydantic import ValidationError

    from ocop_rate.loading.validation import located_errors
    from ocop_rate.models.rubric import Rubric

    try:
        Rubric.model_validate(raw.data)
    except ValidationError as exc:
        for kind, path, problem in located_errors(exc, raw.data, raw.locate):
            if kind == "value_error" and _superseded(path, out.error_paths):
                continue
            out.add_problem("schema", problem)
