"""Find dossier files (files, folders, globs) and read them into validated Dossiers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_rate.errors import DossierError, Location, OcopError, Problem, UsageError
from ocop_rate.inputs import note_input
from ocop_rate.loading.source import SourceMap, load_document
from ocop_rate.loading.validation import validate
from ocop_rate.models.dossier import Dossier

DOSSIER_SUFFIXES = (".yaml", ".yml", ".json")
SHEET_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls", ".ods", ".txt")  # council score sheets
# (score_sheets). An .ods is found so that it is refused with how to save it as .xlsx
# (loading.old_workbooks); .txt is Excel's "Unicode Text" (UTF-16, tabs), read when named
# but never gathered from a folder, where a .txt is more often a note than a sheet.
INPUT_SUFFIXES = DOSSIER_SUFFIXES + tuple(s for s in SHEET_SUFFIXES if s != ".txt")
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class LoadedDossier:
    """A validated dossier and the map back to its file."""

    dossier: Dossier
    source: SourceMap


def collect_paths(args: list[str], refused: list[Path] | None = None) -> list[Path]:
    """Expand files, folders (recursively) and glob patterns into dossier files and score
    sheets, in order, without repeats. A name that matches nothing is a usage error.

    A file found inside a folder (or under a pattern's folder) that is a symbolic link to
    somewhere outside it is never read: a hostile repository could point one at a secret.
    Such files go to ``refused`` when given. A file named itself is read as named."""
    out: list[Path] = []
    seen: set[str] = set()  # real paths as text: a Path object per file costs several times
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            root: Path | None = path
            found = sorted(p for p in path.rglob("*") if _is_dossier_file(p))
        elif path.exists():
            root, found = None, [] if is_lock_file(path) else [path]
        elif GLOB_CHARS & set(arg):
            root = glob_root(arg)
            found = sorted(p for p in expand_glob(arg) if _is_dossier_file(p))
            if not found:
                raise UsageError(Problem.of("input.no_match", pattern=arg))
        else:
            raise UsageError(Problem.of("input.no_such_path", Location(arg)))
        top = None if root is None else _resolved(root)
        for p in found:
            resolved = _resolved(p)  # once per file: resolving is most of the walk's cost
            real = p.absolute() if resolved is None else resolved
            key = str(real)
            if key in seen:  # the same file named twice (or reached by a link) is read once
                continue
            seen.add(key)
            note_input(p, real)  # an input even before it is read: --output may not name it
            if root is not None and not (resolved is not None and top is not None
                                         and resolved.is_relative_to(top)):  # as inside()
                if refused is not None:
                    refused.append(p)
                continue
            out.append(p)
    return out


def _resolved(path: Path) -> Path | None:
    """``path`` with links followed, or None for a link loop (kept by its name, and
    refused later as :func:`~ocop_rate.loading.source.inside` refuses it)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def expand_glob(pattern: str) -> list[Path]:
    """The paths a pattern matches, ``**`` meaning any depth. Unlike :func:`glob.glob`,
    ``**`` never descends into a symbolic link to a folder, so a link loop (``l1 -> .``)
    cannot make the walk endless."""
    root = glob_root(pattern)
    rest = Path(pattern).parts[len(root.parts):]
    if not rest:
        return [root]
    if rest[-1] == "**":
        rest = (*rest, "*")  # as glob.glob: 'dir/**' means every file below dir
    try:
        return list(root.glob(str(Path(*rest))))
    except (OSError, ValueError):
        return []


def glob_root(pattern: str) -> Path:
    """The folder a glob pattern searches under: its parts before the first wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if GLOB_CHARS & set(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path()




def is_lock_file(path: Path) -> bool:
    """Excel's owner file ``~$book.xlsx``, there while someone has ``book.xlsx`` open (a
    few bytes naming who): never a sheet. Skipped silently wherever files are gathered,
    even when named (``*.xlsx`` in a shell names it too)."""
    return path.name.startswith("~$")


def _is_dossier_file(path: Path) -> bool:
    """Whether a file found in a folder or by a pattern is an input: a dossier or sheet by
    its suffix, not hidden (``.name``, as LibreOffice's ``.~lock.book.xlsx#``) and not a
    lock file."""
    if path.suffix.lower() not in INPUT_SUFFIXES:  # the name first: no stat for most files
        return False
    hidden = any(part.startswith(".") and part not in (".", "..") for part in path.parts)
    return not hidden and not is_lock_file(path) and path.is_file()


def read_dossier(path: Path) -> LoadedDossier:
    """Parse and validate one dossier file; raises a located error on any problem."""
    doc = load_document(path)
    if not isinstance(doc.data, dict):  # never echo such a file: it may be anything
        kind = "list" if isinstance(doc.data, list) else "value"
        raise DossierError(Problem.of(f"input.dossier_is_{kind}", Location(str(path), 1, 1)))
    result = validate(Dossier, doc.data, doc.source)
    if isinstance(result, list):
        raise DossierError(result)
    return LoadedDossier(result, doc.source)


def peek_identity(path: Path) -> tuple[str | None, str | None]:
    """Best-effort product id and rubric of a file that failed, for the error report."""
    try:
        data: Any = load_document(path).data
    except OcopError:  # the real error is reported already
        return None, None
    product = data.get("product") if isinstance(data, dict) else None
    if not isinstance(product, dict):
        return None, None
    pid, rubric = product.get("id"), product.get("rubric")
    return (pid if isinstance(pid, str) else None, rubric if isinstance(rubric, str) else None)
