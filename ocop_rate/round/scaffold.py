"""``round new``: a round folder for the secretary to send out — ``round.yaml``, the
product list, and one pre-filled workbook per scoring member under ``sheets/``.

Builds the files in memory and returns them by path; the CLI checks that none exists
(never overwriting without ``--force``) and writes them atomically.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ocop_rate.errors import InputFileError, Location, OcopError, Problem
from ocop_rate.loading.caps import MAX_ROSTER
from ocop_rate.loading.file_text import read_bytes
from ocop_rate.loading.round_folder import ROUND_FILE
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.loading.source import load_document
from ocop_rate.loading.validation import problems_from
from ocop_rate.models.names import person_key
from ocop_rate.models.round import Level, Mode, RosterMember, RoundConfig
from ocop_rate.round.products import read_products
from ocop_rate.round.tables import header_key, read_table

ROSTER_ALIASES = {"name": "name", "ho ten": "name", "ho va ten": "name", "ten": "name",
                  "member": "name", "thanh vien": "name",
                  "unit": "unit", "don vi": "unit", "co quan": "unit",
                  "role": "role", "vai tro": "role", "chuc danh": "role"}
ROLE_WORDS = {"chu tich": "chair", "chu tich hoi dong": "chair", "chair": "chair",
              "thanh vien": "member", "uy vien": "member", "member": "member",
              "thu ky": "secretary", "secretary": "secretary"}
SHEETS_DIR = "sheets"


def read_roster(path: Path) -> tuple[RosterMember, ...]:
    """A roster from CSV/XLSX (name, unit, role; Vietnamese headers and roles too) or
    YAML (a list, or ``roster:``)."""
    from pydantic import ValidationError

    problems: list[Problem] = []
    items: list[tuple[dict[str, Any], Any]] = []
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        doc = load_document(path)
        data = doc.data.get("roster") if isinstance(doc.data, dict) else doc.data
        if not isinstance(data, list):
            raise InputFileError(Problem.of("round.roster_shape", Location(str(path), 1, 1)))
        prefix: tuple[str, ...] = ("roster",) if isinstance(doc.data, dict) else ()
        for i, entry in enumerate(data):
            def at(p: tuple[str | int, ...], i: int = i) -> Location:
                return doc.source.locate((*prefix, i, *p))
            items.append((entry if isinstance(entry, dict) else {"name": entry}, at))
    else:
        table = read_table(path, ROSTER_ALIASES, max_rows=MAX_ROSTER)
        problems += [Problem.of("round.sheet_unknown_column", loc, header=h)
                     for h, loc in table.unknown]
        for row in table.rows:
            cells = dict(row.cells)
            if "role" in cells:
                cells["role"] = ROLE_WORDS.get(header_key(cells["role"]), cells["role"])
            items.append((cells, lambda p, row=row: row.at(str(p[-1]) if p else None)))
    if len(items) > MAX_ROSTER:
        raise InputFileError(Problem.of("round.roster_too_long", Location(str(path)),
                                        count=f"{len(items):,}", limit=MAX_ROSTER))
    out = []
    first: dict[str, tuple[str, Location]] = {}
    for data, at in items:
        try:
            member = RosterMember.model_validate(data)
        except ValidationError as exc:
            problems += problems_from(exc, data, at)
            continue
        key = person_key(member.name)
        if key in first:  # the folding the round matches sheets to the roster with
            earlier, where = first[key]
            problems.append(Problem.of("round.roster_same_person_at", at(("name",)),
                                       name=member.name, other=earlier,
                                       line=where.line or "?"))
        first.setdefault(key, (member.name, at(("name",))))
        out.append(member)
    if problems:
        raise InputFileError(problems)
    if not out:
        raise InputFileError(Problem.of("round.roster_shape", Location(str(path), 1, 1)))
    return tuple(out)


def slug(name: str) -> str:
    """``'Nguyễn Thị Lan'`` -> ``'nguyen-thi-lan'``: a file name any system accepts, and
    one the round matches back to the member."""
    return re.sub(r"[^a-z0-9]+", "-", header_key(name)).strip("-") or "member"


def sheet_stems(names: list[str]) -> list[str]:
    """One distinct file name per member, in roster order: :func:`slug`, and where two
    names make the same one ("Lan!" and "Lan?") or none (a name in a non-Latin script)
    a number after it, so no member's workbook overwrites another's. The workbook's rows
    name the member, so the round does not need the file name to find them."""
    taken: set[str] = set()
    out = []
    for position, name in enumerate(names, 1):
        stem = slug(name)
        candidate = f"member-{position}" if stem == "member" else stem
        number = 2
        while candidate in taken:
            candidate, number = f"{stem}-{number}", number + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def scaffold(library: RubricLibrary, roster_path: Path, products_path: Path, *,
             name: str, date: dt.date | None, level: Level, province: str | None,
             quorum: int | float | str, mode: Mode | None, spread_limit: float,
             answers_due: dt.date | None = None) -> dict[str, bytes]:
    """The new round's files, relative path -> bytes. Raises a located ``OcopError`` when
    the roster, the product list or the settings cannot make a round."""
    from pydantic import ValidationError

    from ocop_rate.report import round_xlsx

    roster = read_roster(roster_path)
    listed = read_products(products_path)
    problems = list(listed.problems)
    for item in listed.products.values():
        if item.product.rubric not in library.rubrics:
            message_id, params = unknown_rubric(item.product.rubric, list(library.rubrics))
            problems.append(Problem.of(message_id, item.locate("rubric"), **params))
    if not problems and not listed.products:
        problems.append(Problem.of("round.no_products", Location(str(products_path))))
    if problems:
        raise InputFileError(problems)
    products_name = "products" + products_path.suffix.lower()
    settings: dict[str, Any] = {
        "name": name, "date": date, "level": level, "province": province,
        "roster": [m.model_dump(exclude_none=True) for m in roster], "quorum": quorum,
        "spread_limit": spread_limit, "mode": mode, "products": products_name}
    if answers_due is not None:
        settings["written"] = {"answers_due": answers_due}
    try:
        RoundConfig.model_validate(settings)
    except ValidationError as exc:
        raise OcopError(problems_from(exc, settings, lambda p: Location(
            ROUND_FILE, None, None, ".".join(str(x) for x in p) or None))) from None
    text = ("# Đợt đánh giá OCOP — round file written by `ocop-rate round new`.\n"
            "# Members' sheets: every .xlsx/.csv/.yaml file of this folder (sheets/…).\n"
            "# To order re-scoring files, list them:  sheets: [sheets/a.xlsx, "
            "rescore/a-2.xlsx]\n"
            + yaml.safe_dump({k: v for k, v in settings.items() if v is not None},
                             allow_unicode=True, sort_keys=False))
    files = {ROUND_FILE: text.encode("utf-8"),
             products_name: read_bytes(products_path, 256 * 1024 * 1024)}
    products = [item.product for item in listed.products.values()]
    scoring = [m for m in roster if m.scores]
    for member, stem in zip(scoring, sheet_stems([m.name for m in scoring]), strict=True):
        files[f"{SHEETS_DIR}/{stem}.xlsx"] = round_xlsx.render(member.name, products,
                                                               library.rubrics)
    return files
