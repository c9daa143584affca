"""Golden expectations for ``ocop-rate check``: the stars (and totals, within a tolerance)
a corpus of dossiers is expected to get, kept in a CSV or YAML file beside it.

CSV: a header row with ``product_id`` and ``stars``, optionally ``total``; other columns
(``rubric``, ``product_name``, ``note``) are kept for people and ignored. YAML: a list of
mappings with the same keys. A blank ``total`` is not checked.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.file_text import read_text
from ocop_rate.loading.source import load_document
from ocop_rate.models.checks import REJECTED, Expectation, GoldenCase, GoldenReport, Located, Status
from ocop_rate.models.names import id_key, invisible_in_id
from ocop_rate.models.rating import BatchResult, Failure, Rating
from ocop_rate.text_safety import hostile_char, printable

DEFAULT_TOLERANCE = 0.01
KNOWN_KEYS = ("product_id", "stars", "total", "rubric", "product_name", "note")


# -- reading -------------------------------------------------------------------------------

def read_expectations(path: Path) -> list[Expectation]:
    """Every expectation of a golden file, or :class:`InputFileError` naming each bad cell."""
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path)
    elif path.suffix.lower() in (".yaml", ".yml", ".json"):
        rows = _yaml_rows(path)
    else:
        raise InputFileError(Problem.of("checks.golden_suffix", Location(str(path))))
    problems: list[Problem] = []
    out: list[Expectation] = []
    seen: dict[str, Located] = {}
    for row, locate in rows:
        expectation = _expectation(row, locate, problems)
        if expectation is None:
            continue
        key = id_key(expectation.product_id)
        if key in seen:
            problems.append(Problem.of("checks.expected_twice", locate("product_id"),
                                       id=expectation.product_id,
                                       line=str(seen[key].line)))
            continue
        seen[key] = expectation.location
        out.append(expectation)
    if problems:
        raise InputFileError(problems)
    return out


Locate = Callable[[str], Location]


def _csv_rows(path: Path) -> list[tuple[dict[str, Any], Locate]]:
    name = str(path)
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    header = reader.fieldnames or []
    for needed in ("product_id", "stars"):
        if needed not in header:
            raise InputFileError(Problem.of("checks.csv_needs", Location(name, 1, 1),
                                            column=needed, has=", ".join(header) or "-"))
    rows: list[tuple[dict[str, Any], Locate]] = []
    for record in reader:
        line = reader.line_num
        cleaned = {k: _unquote(v) for k, v in record.items() if k is not None}

        def locate(key: str, line: int = line) -> Location:
            column = header.index(key) + 1 if key in header else None
            return Location(name, line, column, key)

        rows.append((cleaned, locate))
    return rows


def _unquote(cell: Any) -> Any:
    """Undo the apostrophe that :func:`render.safety.neutralise` put before formula-like
    text, and read blank cells as absent."""
    if not isinstance(cell, str):
        return cell
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@"):
        return cell[1:]
    return cell or None


def _yaml_rows(path: Path) -> list[tuple[dict[str, Any], Locate]]:
    doc = load_document(path)
    data = doc.data
    if not isinstance(data, list):
        raise InputFileError(Problem.of("checks.golden_list", doc.source.locate(())))
    rows: list[tuple[dict[str, Any], Locate]] = []
    for index, item in enumerate(data):
        def locate(key: str, index: int = index) -> Location:
            return doc.source.locate((index, key))

        if not isinstance(item, dict):
            raise InputFileError(Problem.of("checks.golden_mapping",
                                            doc.source.locate((index,))))
        for key in item:
            if key not in KNOWN_KEYS:
                raise InputFileError(Problem.of("checks.golden_key", locate(key), key=key,
                                                known=", ".join(KNOWN_KEYS)))
        rows.append((item, locate))
    return rows


def _expectation(row: dict[str, Any], locate: Locate,
                 problems: list[Problem]) -> Expectation | None:
    pid = row.get("product_id")
    if pid is None or str(pid).strip() == "":
        problems.append(Problem.of("checks.empty_id", locate("product_id")))
        return None
    rejected = str(row.get("stars")).strip().casefold() == REJECTED
    stars = None if rejected else _number(row.get("stars"))
    if not rejected and (stars is None or stars != int(stars) or not 1 <= stars <= 5):
        problems.append(Problem.of("checks.stars_range", locate("stars"),
                                   value=repr(row.get("stars"))))
        return None
    total: float | None = None
    if row.get("total") is not None:
        total = _number(row["total"])
        if total is None or not 0 <= total <= 100:
            problems.append(Problem.of("checks.total_range", locate("total"),
                                       value=repr(row["total"])))
            return None
    text = unicodedata.normalize("NFC", str(pid).strip())  # a CSV saved in NFD (macOS)
    bad = hostile_char(text) or invisible_in_id(text)
    if bad is not None:
        problems.append(Problem.of("safety.invisible_in_id", locate("product_id"),
                                   shown=printable(text), code=bad))
        return None
    return Expectation(text, None if stars is None else int(stars), total,
                       locate("product_id"))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


# -- comparing -----------------------------------------------------------------------------

def compare(result: BatchResult, expectations: list[Expectation], expect: str,
            tolerance: float = DEFAULT_TOLERANCE) -> GoldenReport:
    """Each rated product against its expectation; then expectations no dossier met."""
    wanted = {id_key(e.product_id): e for e in expectations}
    cases: list[GoldenCase] = []
    for item in result.items:
        pid = item.product_id or "?"
        exp = wanted.pop(id_key(pid), None)
        if isinstance(item, Failure):
            cases.append(GoldenCase(pid, "error", "could not be rated: " + "; ".join(
                e.message for e in item.errors), item.file, exp, errors=item.errors))
        elif exp is None:
            cases.append(GoldenCase(pid, "unexpected", f"rated {item.stars}★ {item.total:.2f}"
                                    " but the golden file has no expectation (run with "
                                    "--update to record it)", item.file, None, item.stars,
                                    item.total))
        else:
            cases.append(_judge(item, exp, tolerance))
    for exp in wanted.values():
        cases.append(GoldenCase(exp.product_id, "missing", "expected in the golden file, but "
                                "no dossier with this product id was rated", None, exp))
    return GoldenReport(expect, tolerance, tuple(cases))


def _judge(item: Rating, exp: Expectation, tolerance: float) -> GoldenCase:
    wrong: list[str] = []
    if item.stars != exp.stars:
        wrong.append(f"stars {item.stars or REJECTED}, expected {exp.stars or REJECTED}")
    if exp.total is not None and abs(item.total - exp.total) > tolerance + 1e-9:
        wrong.append(f"total {item.total:.2f}, expected {exp.total:.2f} "
                     f"(± {tolerance:g})")
    status: Status = "mismatch" if wrong else "pass"
    message = "; ".join(wrong) if wrong else f"{item.stars or REJECTED}★ {item.total:.2f}"
    return GoldenCase(item.product_id, status, message, item.file, exp, item.stars,
                      item.total)
