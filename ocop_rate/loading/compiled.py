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

import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
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
    "checks/compiled_record.py", "loading/source.py", "loading/file_text.py",
    "loading/validation.py", "text_safety.py", "loading/caps.py", "loading/clean_yaml.py",
    "loading/yaml_loader.py", "models/rubric.py", "models/common.py",
    "models/conditions.py", "checks/lints.py", "checks/decisions.py",
    "models/days.py",  # the one date reader, which rubric dates go through
    "models/checks.py",  # the lints' ids and severities (only a warning is accepted)
)
"""The modules whose code shapes the compiled data (merging, the model, the lints): a
change to any of them makes the compiled file stale."""


def _sha256_class() -> Callable[..., Any]:
    """sha256 as Python itself implements it (``_sha256``; ``_sha2`` from 3.12), else
    hashlib's: hashlib loads OpenSSL's library first, about 5 ms of every start-up, to hash
    sixty small files."""
    from importlib import import_module

    for name in ("_sha256", "_sha2"):
        try:
            found: Callable[..., Any] = import_module(name).sha256
        except (ImportError, AttributeError):
            continue
        return found
    import hashlib

    return hashlib.sha256


_sha256 = _sha256_class()


def code_digest() -> str:
    """sha256 over the source of :data:`CODE_FILES`."""
    digest = _sha256()
    for name in CODE_FILES:
        digest.update(name.encode())
        digest.update((_PACKAGE / name).read_bytes())
    return str(digest.hexdigest())


def file_digest(data: bytes) -> str:
    return str(_sha256(data).hexdigest())


@dataclass
class Compiled:
    """The compiled rubrics of one rule folder, checked fresh against its files."""

    folder: Path
    files: list[Path]
    manifest: dict[str, Any]
    data: bytes  # the whole file: a rubric's line is cut out only when it is built
    _lines: list[bytes] = field(default_factory=list, repr=False)

    @property
    def ids(self) -> list[str]:
        return list(self.manifest["rubrics"])

    def rubric(self, rubric_id: str) -> Rubric:
        """Build one rubric from its validated JSON (about 2 ms; only when asked for)."""
        from ocop_rate.models.rubric import Rubric

        return Rubric.model_validate_json(self.line(rubric_id))

    def line(self, rubric_id: str) -> bytes:
        """The rubric's validated JSON, one line of the file."""
        if not self._lines:
            self._lines = self.data.split(b"\n")
        number: int = self.manifest["rubrics"][rubric_id]["line"]
        return self._lines[number]

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
        """Every criterion id of every rubric, as the manifest records them: a round reading
        its sheets needs the ids, and building all 53 rubrics for them took ~0.1 s (decoding
        their 2 MB of JSON for the ids alone, a tenth of that)."""
        entries = self._compiled.manifest["rubrics"]
        return {c for rubric_id in self._ids for c in entries[rubric_id]["criterion_ids"]}

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def open_compiled(folders: list[Path] | None, bundled: Path) -> Compiled | None:
    """The compiled rubrics for ``folders`` (default: ``bundled``) when the compiled file
    matches them exactly, else None (the caller parses). Never raises for a stale, missing
    or unreadable compiled file; a rule file that cannot be read also gives None, so the
    normal parse reports it with its location. Only the manifest (the first line) is
    decoded here: ``rubrics list`` needs nothing else."""
    chosen = folders or [bundled]
    if len(chosen) != 1 or not chosen[0].is_dir():
        return None
    folder = chosen[0]
    try:
        data = COMPILED_FILE.read_bytes()
        manifest = json.loads(data[:data.find(b"\n")])
        if manifest.get("format") != FORMAT or manifest.get("code") != code_digest():
            return None
        files = _fresh_files(folder, manifest["files"])
    except (OSError, ValueError, KeyError, TypeError, OcopError):
        return None
    return None if files is None else Compiled(folder, files, manifest, data)


def _fresh_files(folder: Path, recorded: Mapping[str, str]) -> list[Path] | None:
    """The rule files of ``folder``, sorted, when they are exactly the recorded ones (the
    same relative paths, the same sha256), each noted as an input of the run; else None.
    One scan of each folder and one read of each file, no path resolved: a folder holding
    a link (to a file or a folder) is never taken as compiled, so the parser, which
    follows links and refuses one that leads outside, judges it."""
    from ocop_rate.inputs import note_input
    from ocop_rate.loading.file_text import MAX_FILE_BYTES
    from ocop_rate.loading.rule_files import is_rule_file

    found: dict[str, Path] = {}
    pending = [(folder, "")]
    while pending:
        here, prefix = pending.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_symlink():
                    return None
                if entry.is_dir(follow_symlinks=False):
                    pending.append((Path(entry.path), f"{prefix}{entry.name}/"))
                elif entry.is_file(follow_symlinks=False) and is_rule_file(entry.name):
                    found[prefix + entry.name] = Path(entry.path)
    if found.keys() != recorded.keys():
        return None
    real = folder.resolve()
    for rel, path in found.items():
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES or file_digest(data) != recorded[rel]:
            return None
        note_input(path, real / rel)  # an input of the run, never written
    return sorted(found.values())
