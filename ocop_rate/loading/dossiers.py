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
    """:func:`collect_names` as paths."""
    return [Path(name) for name in collect_names(args, refused)]


def collect_names(args: list[str], refused: list[Path] | None = None, *,
                  keep: bool = False) -> list[str]:
    """Expand files, folders (recursively) and glob patterns into dossier files and score
    sheets, in order, without repeats, named as ``str(Path)`` names them. A name that
    matches nothing is a usage error.

    A file found inside a folder (or under a pattern's folder) that is a symbolic link to
    somewhere outside it is never read: a hostile repository could point one at a secret.
    Such files go to ``refused`` when given. A file named itself is read as named.

    One command asks several times (to guard its output, to say there is nothing to rate,
    to rate): asked with ``keep``, the files are kept for the next asker of the same run
    (:func:`ocop_rate.inputs.begin_run`), which is given the same list (not to be changed)
    without a walk; an asker without ``keep`` (the rating, the last) takes them, and the
    one after it walks again."""
    from ocop_rate.inputs import gathered, keep_gathered

    known = gathered(args)
    if known is None:
        known = _collect(args)
    if keep:
        keep_gathered(args, *known)
    else:
        keep_gathered(None)
    if refused is not None:
        refused.extend(known[1])
    return known[0]


def _collect(args: list[str]) -> tuple[list[str], list[Path]]:
    """:func:`collect_names`' files and the links out of their folders it refuses. Names
    stay text (a ``Path`` object per file, with its parts, costs several times the
    string); only a file that is a link is resolved."""
    import os

    out: list[str] = []
    refused: list[Path] = []
    seen: set[str] = set()  # real paths as text
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            top = _resolved(path)
            prefix = _folder_prefix(path)
            below = "" if top is None else str(top).rstrip(os.sep) + os.sep
            for rel, is_link in _walk_folder(path):
                name = prefix + rel
                if is_link or top is None:
                    resolved = _resolved(Path(name))
                    real = str(Path(name).absolute() if resolved is None else resolved)
                    inside = (resolved is not None and top is not None
                              and resolved.is_relative_to(top))  # as file_text.inside()
                else:  # a plain file of a folder walked: no link on its way below the root
                    real, inside = below + rel, True
                if _new(name, real, seen, inside, refused):
                    out.append(name)
            continue
        if path.exists():
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
            resolved = _resolved(p)
            inside = root is None or (resolved is not None and top is not None
                                      and resolved.is_relative_to(top))
            real = str(p.absolute() if resolved is None else resolved)
            if _new(str(p), real, seen, inside, refused):
                out.append(str(p))
    return out, refused


def _new(name: str, real: str, seen: set[str], inside: bool, refused: list[Path]) -> bool:
    """Whether the file ``name`` (real path ``real``) is to be read: not read already (the
    same file named twice, or reached by a link, is read once) and ``inside`` its folder
    (else it is refused). Either way it is an input of the run from here on."""
    if real in seen:
        return False
    seen.add(real)
    note_input(name, real)  # an input even before it is read: --output may not name it
    if not inside:
        refused.append(Path(name))
    return inside


def _folder_prefix(root: Path) -> str:
    """What comes before a file's path below ``root`` in its name, as ``str(Path)`` writes
    it: nothing below ``.`` (``./a.yaml`` is ``a.yaml``), else the folder and a
    separator."""
    import os

    text = str(root)
    if text == ".":
        return ""
    return text if text.endswith(os.sep) else text + os.sep


def _walk_folder(root: Path) -> list[tuple[str, bool]]:
    """The input files below ``root`` (as :func:`_is_dossier_file` keeps them): each one's
    path below ``root`` and whether it is a symbolic link, sorted as paths sort (part by
    part: ``a/z`` before ``a-b/c``). As ``Path.rglob("*")``, the walk never enters a
    linked folder, so a file that is not itself a link has none on its way below
    ``root``: its real path is the root's plus its own, with no ``resolve`` (a system call
    per part of the path) per file."""
    import os

    if any(part.startswith(".") and part not in (".", "..") for part in root.parts):
        return []  # a hidden folder's files are never inputs
    sep = os.sep
    found: list[tuple[str, bool]] = []
    folders = [(str(root), "")]
    while folders:
        folder, below = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:  # as rglob: a folder that cannot be listed is skipped
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):  # hidden: a file, or a folder and all below it
                continue
            try:
                is_link = entry.is_symlink()
                if entry.is_dir() and not is_link:
                    folders.append((entry.path, below + name + sep))
                    continue
            except OSError:
                continue
            dot = name.rfind(".")  # Path.suffix, without a Path
            suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
            if suffix.lower() not in INPUT_SUFFIXES or name.startswith("~$"):
                continue  # not an input, or a lock file (is_lock_file)
            try:
                if not entry.is_file():
                    continue
            except OSError:
                continue
            found.append((below + name, is_link))
    found.sort(key=lambda item: os.path.normcase(item[0]).split(sep))
    return found


def _resolved(path: Path) -> Path | None:
    """``path`` with links followed, or None for a link loop (kept by its name, and
    refused later as :func:`~ocop_rate.loading.file_text.inside` refuses it)."""
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
