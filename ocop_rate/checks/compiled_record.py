"""Write the compiled record of a rule folder (``loading/compiled_rules.jsonl``): every
rubric validated and the lints run once. It lives in ``checks`` because it runs the
lints as well as the loader; :mod:`ocop_rate.loading.compiled` only reads the record, so
loading never imports the checks above it. Used by ``tools/compile_rules.py`` and the tests,
never by a command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ocop_rate.checks.lints import run_lints
from ocop_rate.loading.compiled import FORMAT, code_digest, file_digest
from ocop_rate.loading.file_text import read_bytes
from ocop_rate.loading.rubrics import load_library, summary_of
from ocop_rate.loading.rule_files import rule_files


def compile_text(folder: Path) -> str:
    """The compiled file for ``folder``: every rubric validated, the lints run once.
    Raises :class:`~ocop_rate.errors.RubricError` when a rubric does not load (a library
    that does not load is not compiled)."""
    library = load_library([folder], compiled=False)
    report = run_lints([folder], compiled=False)  # never from an earlier record
    files = rule_files([folder])
    prefix = str(folder)
    rubrics: dict[str, Any] = {}
    body: list[str] = []
    for line, (rubric_id, rubric) in enumerate(library.rubrics.items(), start=1):
        rubrics[rubric_id] = {"line": line, "file": _relative(library.files[rubric_id], prefix),
                              "summary": summary_of(rubric),
                              "criterion_ids": [c.id for c in rubric.criteria]}
        body.append(rubric.model_dump_json(round_trip=True, exclude_defaults=True))
    manifest = {
        "format": FORMAT,
        "code": code_digest(),
        "files": {p.relative_to(folder).as_posix(): file_digest(read_bytes(p)) for p in files},
        "rubrics": rubrics,
        "bases": {b.id: {"file": _relative(b.file, prefix), "extends": b.extends}
                  for b in library.bases.values()},
        "files_of": {rid: _relative(f, prefix) for rid, f in library.files.items()},
        "lints": {"rubrics": list(report.rubrics),
                  "findings": [_finding(f, prefix) for f in report.findings]},
    }
    head = json.dumps(manifest, ensure_ascii=False)
    return "\n".join([head, *body]) + "\n"


def _relative(file: str | None, prefix: str) -> str | None:
    if file is None:
        return None
    if not file.startswith(prefix + "/"):
        raise ValueError(f"{file} is not inside {prefix}")
    return file[len(prefix) + 1:]


def _finding(finding: Any, prefix: str) -> dict[str, Any]:
    """One lint finding as data: the catalogued problem (id, parameters) and where."""
    loc = finding.location
    problem = finding.problem
    if problem is None or problem.message_id is None:
        raise ValueError(f"uncatalogued lint finding: {finding.message}")
    params = dict(problem.params)
    json.dumps(params)  # every parameter must survive the round trip unchanged
    return {"lint": finding.lint, "rubric": finding.rubric, "file": _relative(loc.file, prefix),
            "line": loc.line, "column": loc.column, "field": loc.field,
            "message_id": problem.message_id, "params": params,
            "accepted": finding.accepted}
