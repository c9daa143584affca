"""The bundled rubrics compiled once: validated, in JSON, keyed by each file's sha256.

Why: parsing the 60 rubric files with positions and validating 53 merged rubrics takes most
of a command's start-up (0.6 s of 0.8 s), for files that never change inside a wheel.
``tools/compile_rules.py`` writes :data:`COMPILED_FILE` (checked in, shipped in the wheel)
with :func:`ocop_rate.checks.compiled_record.compile_text`, which lints as well as loads
and so lives above both (this module only reads the record);
``tests/unit/loading/test_compiled_rules.py`` fails when it is stale against ``scoring_rules/``.

The file is JSON Lines: line 1 is the manifest (format, a digest of the code that shapes
the compiled data, every rule file's relative path and sha256, each rubric's line and
listing entry, and the whole ``validate`` report); then one line per rubric, its validated
model dumped as JSON, parsed and built only when a command asks for that rubric.

A compiled entry is used only when the rule folder holds exactly the recorded files with
exactly the recorded hashes, and the code digest matches; otherwise (a rubric edited,
added or removed, the loader or the model changed, the file missing) the caller parses
the YAML as usual. So a stale entry costs time, never a wrong rubric. Nothing is ever
written at run time: the compiled file is read-only data of the package.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_rate.errors import OcopError

if TYPE_CHECKING:
    from ocop_rate.models.rubric import Rubric

FORMAT = 1
COMPILED_FILE = Path(__file__).with_name("compiled_rules.jsonl")

_PACKAGE = Path(__file__).resolve().parent.parent
CODE_FILES = (
    "loading/compiled.py", "loading/rubrics.py", "loading/rule_files.py",
    "checks/compiled_record.py", "loading/source.py", "loading/validation.py",
    "loading/text_safety.py", "loading/caps.py", "loading/clean_yaml.py",
    "loading/yaml_loader.py", "models/rubric.py", "models/common.py",
    "models/conditions.py", "checks/lints.py", "checks/decisions.py",
    "models/days.py",  # the one date reader, which rubric dates go through
)
"""The modules whose code shapes the compiled data (merging, the model, the lints): a
change to any of them makes the compiled file stale."""


def code_digest() -> str:
    """sha256 over the source of :data:`CODE_FILES`."""
    digest = hashlib.sha256()
    for name in CODE_FILES:
        digest.update(name.encode())
        digest.update((_PACKAGE / name).read_bytes())
    return digest.hexdigest()


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Compiled:
    """The compiled rubrics of one rule folder, checked fresh against its files."""

    folder: Path
    files: list[Path]
    manifest: dict[str, Any]
    lines: list[str]

    @property
    def ids(self) -> list[str]:
        return list(self.manifest["rubrics"])

    def rubric(self, rubric_id: str) -> Rubric:
        """Build one rubric from its validated JSON (about 2 ms; only when asked for)."""
        from ocop_rate.models.rubric import Rubric

        entry = self.manifest["rubrics"][rubric_id]
        return Rubric.model_validate_json(self.lines[entry["line"]])

    def file_of(self, rel: str) -> str:
        """A recorded relative path as the loader names it (``str(folder / rel)``)."""
        return str(self.folder / rel)


class LazyRubrics(Mapping[str, "Rubric"]):
    """The rubrics of a compiled folder, each built on first use: a command that rates one
    product set builds one rubric, not 53."""

    def __init__(self, compiled: Compiled) -> None:
        self._compiled = compiled
        self._ids = compiled.ids
        self._known = frozenset(self._ids)
        self._built: dict[str, Rubric] = {}

    def __getitem__(self, rubric_id: str) -> Rubric:
        built = self._built.get(rubric_id)
        if built is None:
            if rubric_id not in self._known:
                raise KeyError(rubric_id)
            built = self._built[rubric_id] = self._compiled.rubric(rubric_id)
        return built

    def __contains__(self, rubric_id: object) -> bool:
        return rubric_id in self._known

    def criterion_ids(self) -> set[str]:
        """Every criterion id of every rubric, read off the compiled JSON: a round reading
        its sheets needs the ids, and building all 53 rubrics for them took ~0.1 s."""
        ids: set[str] = set()
        compiled = self._compiled
        for rubric_id in self._ids:
            built = self._built.get(rubric_id)
            if built is not None:
                ids.update(c.id for c in built.criteria)
            else:
                entry = compiled.manifest["rubrics"][rubric_id]
                ids.update(c["id"] for c in json.loads(compiled.lines[entry["line"]])["criteria"])
        return ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def open_compiled(folders: list[Path] | None, bundled: Path) -> Compiled | None:
    """The compiled rubrics for ``folders`` (default: ``bundled``) when the compiled file
    matches them exactly, else None (the caller parses). Never raises for a stale, missing
    or unreadable compiled file; a rule file that cannot be read also gives None, so the
    normal parse reports it with its location."""
    from ocop_rate.loading.rule_files import rule_files
    from ocop_rate.loading.source import read_bytes

    chosen = folders or [bundled]
    if len(chosen) != 1 or not chosen[0].is_dir():
        return None
    folder = chosen[0]
    try:
        text = COMPILED_FILE.read_text(encoding="utf-8")
        lines = text.split("\n")
        manifest = json.loads(lines[0])
        if manifest.get("format") != FORMAT or manifest.get("code") != code_digest():
            return None
        files = rule_files([folder])
        recorded: dict[str, str] = manifest["files"]
        if len(files) != len(recorded):
            return None
        for path in files:
            rel = path.relative_to(folder).as_posix()
            if recorded.get(rel) != file_digest(read_bytes(path)):
                return None
    except (OSError, ValueError, KeyError, TypeError, OcopError):
        return None
    return Compiled(folder, files, manifest, lines)
