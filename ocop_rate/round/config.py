"""Find and read a round folder: ``round.yaml``, its product list and its members' sheets.

Every file a round names must lie inside the round folder (``products: ../../secret`` is
refused), and files found by listing the folder skip hidden files and links leading out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ocop_rate.errors import InputFileError, Location, Problem, UsageError
from ocop_rate.loading.dossiers import is_lock_file
from ocop_rate.loading.file_text import inside
from ocop_rate.loading.source import load_document
from ocop_rate.loading.validation import validate
from ocop_rate.models.round import RoundConfig, SheetFile

SHEET_SUFFIXES = (".csv", ".xlsx", ".xls", ".ods", ".yaml", ".yml")


@dataclass(frozen=True)
class RoundFolder:
    root: Path
    config: RoundConfig
    products: Path
    sheets: tuple[tuple[Path, SheetFile], ...]   # in order: later supersede earlier
    problems: tuple[Problem, ...] = ()           # listed sheets that are not there


def open_round(config_path: Path) -> RoundFolder:
    """Read ``round.yaml`` and resolve the files it names; raises a located
    :class:`InputFileError` when the round cannot be used at all."""
    doc = load_document(config_path)
    if not isinstance(doc.data, dict):
        raise InputFileError(Problem.of("round.config_shape", Location(str(config_path), 1, 1)))
    result = validate(RoundConfig, doc.data, doc.source)
    if isinstance(result, list):
        raise InputFileError(result)
    config = result
    root = config_path.parent
    products = _within(root, config.products, doc.source.locate(("products",)))
    if not products.is_file():
        raise InputFileError(Problem.of("round.products_missing",
                                        doc.source.locate(("products",)), file=str(products)))
    problems: list[Problem] = []
    sheets: list[tuple[Path, SheetFile]] = []
    if config.sheets:
        for i, entry in enumerate(config.sheets):
            where = doc.source.locate(("sheets", i))
            path = _within(root, entry.file, where)
            if path.is_file():
                sheets.append((path, entry))
            else:
                problems.append(Problem.of("round.sheet_missing", where, file=str(path)))
    else:
        skip = {config_path.resolve(), products.resolve()}
        for path in sorted(root.rglob("*")):
            hidden = any(p.startswith(".") for p in path.relative_to(root).parts)
            if not (path.is_file() and not hidden and path.suffix.lower() in SHEET_SUFFIXES
                    and not is_lock_file(path) and path.resolve() not in skip):
                continue
            if not inside(path, root):  # a link leading out of the folder: never read
                problems.append(Problem.of("round.link_outside", Location(str(path))))
                continue
            sheets.append((path, SheetFile(file=str(path.relative_to(root)))))
    return RoundFolder(root, config, products, tuple(sheets), tuple(problems))


def _within(root: Path, name: str, where: Location) -> Path:
    path = root / name
    if Path(name).is_absolute() or not inside(path, root):
        raise UsageError(Problem.of("round.outside_folder", where, file=name))
    return path
