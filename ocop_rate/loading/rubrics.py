"""Find rubric files, resolve ``extends:`` chains and validate each product set's rubric.

Inheritance rules (documented in scoring_rules/README.md):
- ``id``, ``extends`` and ``abstract`` are never inherited;
- other scalars and mappings: the child's value replaces the parent's;
- lists of items with ids (``parts``, ``groups``, ``facts``, ``criteria``, ``gates``,
  ``recognition`` by ``stars``): the child's item replaces the parent's item with the same
  id in place, new items are appended, and ``remove: {criteria: [A1.2], ...}`` drops items;
- ``star_bands`` and ``notes`` are replaced whole.
Criteria end in sheet order: part A, B, C, then by official number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_rate.errors import Location, OcopError, Problem, RubricError, UsageError
from ocop_rate.loading.rule_files import rule_files
from ocop_rate.loading.source import Document, load_document

if TYPE_CHECKING:  # the model (and pydantic) load only when a rubric is built
    from ocop_rate.loading.validation import Locator
    from ocop_rate.models.rubric import Rubric

KEYED_LISTS = {
    "parts": "id", "groups": "id", "facts": "id", "criteria": "id", "gates": "id",
    "recognition": "stars", "case_groups": "id",
}
NOT_INHERITED = ("id", "extends", "abstract", "remove")


def bundled_rules_dir() -> Path:
    """The rubrics shipped with ocop-rate (inside the wheel, or at the repo root)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "scoring_rules"
    return packaged if packaged.is_dir() else here.parent / "scoring_rules"


@dataclass(frozen=True)
class RubricInfo:
    """What a rubric file declares about itself before resolution."""

    id: str
    file: str
    extends: str | None
    abstract: bool


@dataclass
class _Origin:
    doc: Document
    path: tuple[str | int, ...]


@dataclass
class RubricLibrary:
    """All rubrics of a set of folders, resolved; look them up by id.

    ``rubrics`` may build each rubric on first use (compiled bundled rules,
    :mod:`ocop_rate.loading.compiled`); ``summaries`` then holds the recorded listing
    entries, so ``rubrics list`` builds none."""

    rubrics: Mapping[str, Rubric]
    files: dict[str, str]
    bases: dict[str, RubricInfo] = field(default_factory=dict)
    summaries: Mapping[str, dict[str, Any]] | None = None

    def summary(self, rubric_id: str) -> dict[str, Any]:
        """What ``rubrics list`` shows of a rubric (:func:`summary_of`)."""
        if self.summaries is not None:
            return self.summaries[rubric_id]
        return summary_of(self.rubrics[rubric_id])

    def get(self, rubric_id: str) -> Rubric:
        try:
            return self.rubrics[rubric_id]
        except KeyError:
            message_id, params = unknown_rubric(rubric_id, list(self.rubrics))
            raise UsageError(Problem.of(message_id, **params)) from None

    def criterion_ids(self) -> set[str]:
        """Every criterion id of every rubric (compiled rubrics: without building them)."""
        from ocop_rate.loading.compiled import LazyRubrics

        if isinstance(self.rubrics, LazyRubrics):
            return self.rubrics.criterion_ids()
        return {c.id for r in self.rubrics.values() for c in r.criteria}

    def in_force(self, day: dt.date) -> list[Rubric]:
        """Rubrics whose decision is in force on ``day``."""
        return [r for r in self.rubrics.values() if r.effective and r.effective.covers(day)]


def unknown_rubric(rubric_id: str, known: list[str]) -> tuple[str, dict[str, str]]:
    """What to say about a rubric id no rubric has: message id and parameters, with the
    nearest ids as a suggestion."""
    import difflib

    close = difflib.get_close_matches(rubric_id, known, n=3)
    if close:
        return "rating.unknown_rubric_close", {"rubric": rubric_id, "close": ", ".join(close)}
    return "rating.unknown_rubric", {"rubric": rubric_id}


@dataclass
class RawRubric:
    """One rubric's ``extends:`` chain merged into plain data, before model validation.

    ``locate`` maps a path in ``data`` back to the file, line and column it came from
    (a child's override points into the child, an inherited item into its base).
    """

    id: str
    data: dict[str, Any]
    locate: Locator
    chain: tuple[str, ...]
    abstract: bool


@dataclass
class RawLibrary:
    """Rubric files read and merged, with every problem met on the way, each tagged with
    its kind: ``parse`` (unreadable file, no id), ``unique-ids`` (rubric id defined twice),
    ``extends`` (missing target, cycle), ``schema`` (malformed ``remove``/``extends``),
    ``references`` (``remove`` of an id that is not inherited)."""

    files: list[Path]
    docs: dict[str, Document]
    infos: dict[str, RubricInfo]
    rubrics: dict[str, RawRubric]
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    parsed: list[Document] = field(default_factory=list)  # every readable file, even one
    # whose id repeats another's (and so is left out of ``docs``)


def resolve_raw(folders: list[Path] | None = None) -> RawLibrary:
    """Read every rubric under ``folders`` (default: the bundled rules) and merge each
    non-abstract rubric's chain, without validating the result. Raises only
    :class:`UsageError` for a folder that does not exist; everything else is collected."""
    files = rule_files(folders or [bundled_rules_dir()])
    problems: list[tuple[str, Problem]] = []
    docs: dict[str, Document] = {}
    infos: dict[str, RubricInfo] = {}
    parsed: list[Document] = []
    for path in files:
        try:
            doc = load_document(path)
        except OcopError as exc:  # unreadable file: collect, keep going
            problems += [("parse", p) for p in exc.problems]
            continue
        parsed.append(doc)
        info = _info(doc, problems)
        if info is None:
            continue
        if info.id in infos:
            problems.append(("unique-ids", Problem.of(
                "rubric.id_twice", doc.source.locate(("id",)), id=info.id,
                other=infos[info.id].file)))
            continue
        docs[info.id], infos[info.id] = doc, info
    raw: dict[str, RawRubric] = {}
    for rubric_id, info in infos.items():
        if info.abstract:
            continue
        merged = _merge_chain(rubric_id, docs, infos, problems)
        if merged is not None:
            raw[rubric_id] = merged
    return RawLibrary(files, docs, infos, raw, problems, parsed)


def load_library(folders: list[Path] | None = None, compiled: bool = True) -> RubricLibrary:
    """Load and resolve every rubric under ``folders`` (default: the bundled rules).

    A folder whose files are exactly those compiled into the package (same paths, same
    sha256) is read from the compiled form, each rubric built when first used; any other
    (or ``compiled=False``) is parsed and validated here."""
    if compiled:
        from ocop_rate.loading.compiled import LazyRubrics, open_compiled

        found = open_compiled(folders, bundled_rules_dir())
        if found is not None:
            manifest = found.manifest
            return RubricLibrary(
                rubrics=LazyRubrics(found),
                files={rid: found.file_of(rel) for rid, rel in manifest["files_of"].items()},
                bases={bid: RubricInfo(bid, found.file_of(b["file"]), b["extends"], True)
                       for bid, b in manifest["bases"].items()},
                summaries={rid: e["summary"] for rid, e in manifest["rubrics"].items()},
            )
    from pydantic import ValidationError

    from ocop_rate.loading.validation import problems_from
    from ocop_rate.models.rubric import Rubric

    raw = resolve_raw(folders)
    problems = [p for _, p in raw.problems]
    rubrics: dict[str, Rubric] = {}
    for rubric_id, merged in raw.rubrics.items():
        try:
            rubrics[rubric_id] = Rubric.model_validate(merged.data)
        except ValidationError as exc:
            problems += problems_from(exc, merged.data, merged.locate)
    if problems:
        raise RubricError(problems)
    return RubricLibrary(
        rubrics=rubrics,
        files={i.id: i.file for i in raw.infos.values()},
        bases={i.id: i for i in raw.infos.values() if i.abstract},
    )


def _info(doc: Document, problems: list[tuple[str, Problem]]) -> RubricInfo | None:
    data = doc.data
    where = doc.source.locate(())
    if not isinstance(data, dict):
        problems.append(("parse", Problem.of("rubric.not_mapping", where)))
        return None
    rid, ext, abstract = data.get("id"), data.get("extends"), data.get("abstract", False)
    if not isinstance(rid, str) or not rid:
        problems.append(("parse", Problem.of("rubric.needs_id", doc.source.locate(("id",)))))
        return None
    if ext is not None and not isinstance(ext, str):
        problems.append(("schema", Problem.of("rubric.extends_text",
                                              doc.source.locate(("extends",)))))
        return None
    if not isinstance(abstract, bool):
        problems.append(("schema", Problem.of("rubric.abstract_bool",
                                              doc.source.locate(("abstract",)))))
        return None
    return RubricInfo(rid, doc.source.file, ext, abstract)


def _chain(rubric_id: str, infos: dict[str, RubricInfo], docs: dict[str, Document],
           problems: list[tuple[str, Problem]]) -> list[str] | None:
    """``[root, ..., rubric_id]``, or None after reporting a missing target or a cycle."""
    chain = [rubric_id]
    while (parent := infos[chain[-1]].extends) is not None:
        where = docs[chain[-1]].source.locate(("extends",))
        if parent not in infos:
            message_id, params = unknown_rubric(parent, list(infos))
            problems.append(("extends", Problem.of(message_id, where, **params)))
            return None
        if parent in chain:
            cycle = " → ".join([*chain, parent])
            problems.append(("extends", Problem.of("rubric.cycle", where, cycle=cycle)))
            return None
        chain.append(parent)
    return list(reversed(chain))


def _merge_chain(rubric_id: str, docs: dict[str, Document], infos: dict[str, RubricInfo],
                 problems: list[tuple[str, Problem]]) -> RawRubric | None:
    chain = _chain(rubric_id, infos, docs, problems)
    if chain is None:
        return None
    merged: dict[str, Any] = {}
    origins: dict[tuple[str | int, ...], _Origin] = {}
    for link in chain:
        _merge(merged, origins, docs[link], final=link == rubric_id, problems=problems)
    merged["id"] = rubric_id
    merged["lineage"] = list(reversed(chain[:-1]))
    if isinstance(merged.get("criteria"), list):
        _reindex(merged, origins, "criteria",
                 sorted(enumerate(merged["criteria"]), key=lambda ic: _sheet_order(ic[1])))
    own = docs[rubric_id]

    def locate(path: tuple[str | int, ...]) -> Location:
        for depth in (2, 1):
            origin = origins.get(path[:depth])
            if origin is not None and len(path) >= depth:
                return origin.doc.source.locate((*origin.path, *path[depth:]))
        return own.source.locate(path)

    return RawRubric(rubric_id, merged, locate, tuple(chain), infos[rubric_id].abstract)


def _sheet_order(item: Any) -> tuple[int, tuple[int, ...]]:
    """Sort key putting criteria in sheet order: part A, B, C, then official number."""
    from ocop_rate.models.rubric import PART_ORDER, number_key

    if not isinstance(item, dict):
        return (9, ())
    part = PART_ORDER.index(item["part"]) if item.get("part") in PART_ORDER else 9
    return (part, number_key(str(item.get("number") or item.get("id") or "")))


def _merge(merged: dict[str, Any], origins: dict[tuple[str | int, ...], _Origin],
           doc: Document, final: bool, problems: list[tuple[str, Problem]]) -> None:
    data: dict[str, Any] = doc.data
    for key, value in data.items():
        if key in NOT_INHERITED:
            if key == "abstract" and final:
                merged[key] = value
            continue
        if key in KEYED_LISTS and isinstance(value, list):
            _merge_keyed(merged, origins, doc, key, value)
        else:
            merged[key] = value
            origins[(key,)] = _Origin(doc, (key,))
    removals = data.get("remove") or {}
    if not isinstance(removals, dict):
        problems.append(("schema", Problem.of("rubric.remove_mapping",
                                              doc.source.locate(("remove",)))))
        return
    for key, ids in removals.items():
        if key not in KEYED_LISTS or not isinstance(ids, list):
            problems.append(("schema", Problem.of(
                "rubric.remove_key", doc.source.locate(("remove", key)), key=key,
                lists=", ".join(KEYED_LISTS))))
            continue
        present = {item.get(KEYED_LISTS[key]) for item in merged.get(key, [])
                   if isinstance(item, dict)}
        for gone in ids:
            if gone not in present:
                problems.append(("references", Problem.of(
                    "rubric.remove_not_inherited", doc.source.locate(("remove", key)),
                    key=key, id=str(gone))))
        kept = [(i, item) for i, item in enumerate(merged.get(key, []))
                if not (isinstance(item, dict) and item.get(KEYED_LISTS[key]) in ids)]
        _reindex(merged, origins, key, kept)


def _merge_keyed(merged: dict[str, Any], origins: dict[tuple[str | int, ...], _Origin],
                 doc: Document, key: str, items: list[Any]) -> None:
    id_field = KEYED_LISTS[key]
    current: list[Any] = list(merged.get(key, []))
    index = {item.get(id_field): i for i, item in enumerate(current) if isinstance(item, dict)}
    for pos, item in enumerate(items):
        item_id = item.get(id_field) if isinstance(item, dict) else None
        if item_id is not None and item_id in index:
            current[index[item_id]] = item
            origins[(key, index[item_id])] = _Origin(doc, (key, pos))
        else:
            current.append(item)
            origins[(key, len(current) - 1)] = _Origin(doc, (key, pos))
            if item_id is not None:
                index[item_id] = len(current) - 1
    merged[key] = current


def _reindex(merged: dict[str, Any], origins: dict[tuple[str | int, ...], _Origin], key: str,
             kept: list[tuple[int, Any]]) -> None:
    old = {i: origins.get((key, i)) for i, _ in kept}
    for k in [k for k in origins if len(k) == 2 and k[0] == key]:
        del origins[k]
    merged[key] = [item for _, item in kept]
    for new_i, (old_i, _) in enumerate(kept):
        origin = old[old_i]
        if origin is not None:
            origins[(key, new_i)] = origin


def summary_of(rubric: Rubric) -> dict[str, Any]:
    """The facts ``rubrics list`` shows of a rubric, as plain data (recorded in the
    compiled rules, so listing builds no rubric)."""
    eff = rubric.effective
    name = rubric.product_set or rubric.name
    return {
        "name": {"vi": rubric.name.get("vi"), "en": rubric.name.get("en")},
        "product_set": {"vi": name.get("vi"), "en": name.get("en")},
        "product_group": rubric.product_group,
        "decision": rubric.source.decision,
        "sheet": rubric.source.sheet,
        "criteria": len(rubric.criteria),
        "effective_from": eff.from_.isoformat() if eff else None,
        "effective_until": eff.until.isoformat() if eff and eff.until else None,
        "unconfirmed_criteria": sum(c.unconfirmed for c in rubric.criteria),
        "rubric_unconfirmed": rubric.unconfirmed,
    }


def catalogue(library: RubricLibrary, lang: str, day: dt.date) -> list[dict[str, object]]:
    """One entry per usable rubric, for ``rubrics list``: what it is and whether it is in
    force on ``day``."""
    code = "en" if lang == "en" else "vi"
    summaries = {rid: library.summary(rid) for rid in library.rubrics}

    def newest_first(rid: str) -> tuple[int, str]:
        start = summaries[rid]["effective_from"]
        return (-dt.date.fromisoformat(start).toordinal() if start else 0, rid)

    out: list[dict[str, object]] = []
    for rid in sorted(summaries, key=newest_first):
        s = summaries[rid]
        start, until = s["effective_from"], s["effective_until"]
        in_force = bool(start and dt.date.fromisoformat(start) <= day
                        and (until is None or day <= dt.date.fromisoformat(until)))
        out.append({
            "id": rid,
            "name": s["name"][code],
            "product_group": s["product_group"],
            "product_set": s["product_set"][code],
            "decision": s["decision"],
            "sheet": s["sheet"],
            "criteria": s["criteria"],
            "effective_from": start,
            "effective_until": until,
            "in_force": in_force,
            "unconfirmed": s["rubric_unconfirmed"] or s["unconfirmed_criteria"] > 0,
            "unconfirmed_criteria": s["unconfirmed_criteria"],
            "rubric_unconfirmed": s["rubric_unconfirmed"],
            "file": library.files.get(rid),
        })
    return out
