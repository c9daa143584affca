"""Read council score sheets (CSV, XLSX): one row per product and member, one column per
criterion holding the option code (CONTRACT.md), validated column-wise into arrays.

Validation is vectorised: each column's distinct values are looked up once and the cells
are mapped with numpy; only the bad cells are visited one by one, to be reported with file,
row, column and header (XLSX: also the sheet and the cell). A bad product becomes a
:class:`BadProduct`; the others are rated. Headers are matched ignoring case, diacritics,
spaces, ``_`` and ``-``, and may be Vietnamese (:data:`ALIASES`). A score sheet carries no
facts, so every criterion of the product's rubric needs a code.

openpyxl (and pandas, for a CSV) is imported inside the functions, so the CLI starts without
them; a workbook is read without pandas.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_rate.engine.columns import CouncilColumns, starts_of
from ocop_rate.engine.fit import unknown_option
from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.caps import (
    MAX_PROBLEMS_PER_COLUMN,
    MAX_PROBLEMS_PER_FILE,
    MAX_ROSTER,
    MAX_SHEET_OPTIONS,
    ProblemCaps,
)
from ocop_rate.loading.raw_sheets import read_raw
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.loading.sheet_files import (
    ALIASES,
    MAX_CELL_CHARS,
    ROUND_COLUMNS,
    RawSheet,
    column_letter,
    criterion_key,
    header_key,
    said_at,
)
from ocop_rate.models.names import id_keys, invisible_in_id, member_key, plain_ids
from ocop_rate.models.rubric import NONE, Rubric, option_code
from ocop_rate.text_safety import clean_breaks, hostile_char, printable, spelt_out

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

IDENTITY = ("product_id", "product_name", "rubric", "member")
REQUIRED = ("product_id", "rubric")
"""Columns a sheet must have. Without a ``member`` column the file is one member's, named
by the file (``Lan.xlsx``: Lan), as a round's sheet is (issue 19: members come from the
row or the file)."""


@dataclass(frozen=True)
class BadProduct:
    """A product (or a row without one) that cannot be rated, and why."""

    product_id: str | None
    rubric: str | None
    problems: list[Problem]


@dataclass(frozen=True)
class RowPlaces:
    """Where each row of a block was read (sheet line, the id and member columns): what
    the merge of several files by product id (``ocop_rate.merge``) needs to locate a
    member who scores a product twice or an id that is a near miss."""

    file: str
    sheet: str | None
    lines: NDArray[np.int64]          # R: the sheet line of each row of the block
    columns: tuple[int, int | None]   # 0-based columns of the product id and the member
    headers: tuple[str, str]          # those columns' headers as written

    def at(self, row: int, member: bool = False) -> Location:
        """Row ``row`` of the block, at its product id (or member) cell."""
        col = self.columns[member]
        field = self.headers[member]
        if col is None:  # the file's member: no column
            return Location(self.file, int(self.lines[row]), None, field)
        if self.sheet is not None:
            field += f" [{self.sheet}!{column_letter(col)}{int(self.lines[row])}]"
        return Location(self.file, int(self.lines[row]), col + 1, field)

    def said(self, row: int) -> str:
        """``file:line`` of row ``row`` (the sheet named too in a workbook)."""
        return said_at(self.file, self.sheet, int(self.lines[row]))


@dataclass(frozen=True)
class SheetContent:
    blocks: list[CouncilColumns] = field(default_factory=list)
    bad: list[BadProduct] = field(default_factory=list)
    places: list[RowPlaces] = field(default_factory=list)  # one per block


def _text(raw: RawSheet, col: int) -> NDArray[np.object_]:
    """Column ``col`` of a sheet as an object array of text, missing cells blank."""
    return raw.frame.texts(col)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", clean_breaks(text.strip()))


def _cleaned(values: list[str]) -> list[str]:
    """:func:`_clean` of every value; when the trimmed values hold no ``\r`` and are NFC
    already (one check of them all: ``\x00`` composes with nothing), trimming is all."""
    trimmed = [v.strip() for v in values]
    joined = "\x00".join(trimmed)
    if "\r" not in joined and unicodedata.is_normalized("NFC", joined):
        return trimmed
    return [_clean(v) for v in values]


def _hostile_in(texts: list[str]) -> bool:
    """Whether any of ``texts`` holds a refused character: one scan of them all (a line
    break between them is not refused, and a refused character stays one when joined)."""
    return hostile_char("\n".join(texts)) is not None


def _factor(raw: RawSheet, col: int) -> tuple[NDArray[np.int64], list[str]]:
    """Codes and distinct values of column ``col`` of a sheet, values trimmed and
    NFC-normalised; a missing cell (a short CSV row) is blank."""
    import numpy as np

    uniques = [*raw.frame.values[col], ""]
    found = raw.frame.codes[col]
    codes = np.where(found < 0, len(uniques) - 1, found).astype(np.int64)
    cleaned = _cleaned(uniques)
    seen: dict[str, int] = {}
    merged = np.array([seen.setdefault(c, len(seen)) for c in cleaned], dtype=np.int64)
    if len(seen) == len(cleaned):
        return codes, cleaned
    return merged[codes], list(seen)


def _shown_folder(folder: Path) -> str:
    """The round folder as the user would type it from here (``dot-2/``, ``../``)."""
    import os

    try:
        return os.path.relpath(folder) + "/"
    except ValueError:  # another drive (Windows)
        return str(folder) + "/"


class _Sheet:
    """One sheet being validated: columns resolved, problems gathered per product."""

    def __init__(self, raw: RawSheet, library: RubricLibrary) -> None:
        self.raw = raw
        self.library = library
        self.columns: dict[str, int] = {}
        self.criteria: dict[str, int] = {}  # criterion id (casefolded) -> column
        self._map_headers()

    def where(self, row: int | None, col: int | None, message_id: str,
              **params: object) -> Problem:
        """Message ``message_id`` at data row ``row`` (0-based; None: the header row) and
        column (in a workbook, the sheet and cell are said too)."""
        line = 1 if row is None else self.raw.line_of(row)
        header = self.raw.headers[col] if col is not None else None
        if self.raw.sheet is not None and col is not None:
            params = {**params, "_sheet": self.raw.sheet, "_cell": f"{column_letter(col)}{line}"}
        return Problem.of(message_id, Location(self.raw.file, line,
                                               None if col is None else col + 1, header),
                          **params)

    def where_of(self, row: int, col: int | None, message_id: str,
                 params: dict[str, object]) -> Problem:
        """:meth:`where` with the parameters as one mapping."""
        return self.where(row, col, message_id, **params)

    def _named_criteria(self) -> set[str]:
        """The criterion ids (casefolded) of the rubrics the sheet's rubric column names:
        enough for the usual header row, without building every rubric of the library."""
        col = next((c for c, h in enumerate(self.raw.headers)
                    if ALIASES.get(header_key(h)) == "rubric"), None)
        if col is None:
            return set()
        _, named = _factor(self.raw, col)
        return {c.id.casefold() for rid in named if rid in self.library.rubrics
                for c in self.library.rubrics[rid].criteria}

    def _map_headers(self) -> None:
        named = self._named_criteria()
        every: dict[str, str] = {}

        def criterion_of(key: str) -> str | None:
            if key.replace(" ", "") in named:  # what every criterion of the library says too
                return key.replace(" ", "")
            if not every:
                every.update({c.id.casefold(): c.id for r in self.library.rubrics.values()
                              for c in r.criteria})
            return criterion_key(key, every)

        problems: list[Problem] = []
        round_only: list[int] = []
        for col, header in enumerate(self.raw.headers):
            key = header_key(header)
            canonical = ALIASES.get(key)
            if not key:
                if (_text(self.raw, col) != "").any():
                    problems.append(self.where(None, col, "sheet.no_header"))
                continue
            criterion = None if canonical is not None else criterion_of(key)
            if canonical is None and criterion is not None:
                key = criterion
                target = self.criteria
                canonical = key
            elif canonical is not None:
                target = self.columns
            elif key in ROUND_COLUMNS:
                round_only.append(col)
                continue
            else:
                problems.append(self.where(None, col, "sheet.unknown_column", header=header,
                                           identity=", ".join(IDENTITY)))
                continue
            if canonical in target:
                first = self.raw.headers[target[canonical]]
                problems.append(self.where(None, col, "sheet.repeated_column", header=header,
                                           first=first))
                continue
            target[canonical] = col
        if round_only:  # one member's sheet of a round: the round folder is what to rate
            raise InputFileError(self._round_sheet(round_only))
        for need in REQUIRED:
            if need not in self.columns:
                problems.append(Problem.of("sheet.missing_column",
                                           Location(self.raw.file, 1, None, need), column=need))
        if problems:
            raise InputFileError(problems)

    def _round_sheet(self, columns: list[int]) -> Problem:
        """The one problem of a round member's sheet rated on its own: which columns gave
        it away, and the round folder to rate instead (found above the file, if it is)."""
        from ocop_rate.loading.round_folder import round_file

        shown = ", ".join(self.raw.headers[col] for col in columns)
        for folder in list(Path(self.raw.file).resolve().parents)[:3]:
            if round_file(str(folder)) is not None:
                return self.where(None, columns[0], "sheet.round_member_sheet", columns=shown,
                                  folder=_shown_folder(folder))
        return self.where(None, columns[0], "sheet.round_member_sheet_alone", columns=shown)

    def identity(self, name: str) -> tuple[NDArray[np.int64], list[str]]:
        import numpy as np

        col = self.columns.get(name)
        if col is None:  # no member column: the file's member
            said = _clean(Path(self.raw.file).stem) if name == "member" else ""
            return np.zeros(len(self.raw.frame), dtype=np.int64), [said]
        return _factor(self.raw, col)


def read_score_sheet(path: Path, library: RubricLibrary) -> SheetContent:
    """Read and validate one score sheet. Raises :class:`InputFileError` when the file as a
    whole cannot be used; bad products are returned in ``bad``, the rest in ``blocks``.

    A product on several sheets (of this workbook or of other files) is one product whose
    council they make together: ``ocop_rate.merge`` joins them by product id.
    """
    content = SheetContent()
    for raw in read_raw(path):
        part = validate_sheet(raw, library)
        content.blocks.extend(part.blocks)
        content.bad.extend(part.bad)
        content.places.extend(part.places)
    return content


def validate_sheet(raw: RawSheet, library: RubricLibrary) -> SheetContent:
    import numpy as np

    sheet = _Sheet(raw, library)
    n_rows = len(raw.frame)
    if n_rows == 0:
        raise InputFileError(Problem.of("sheet.no_rows", Location(raw.file, 2)))
    pid, pids = sheet.identity("product_id")
    rub, rubs = sheet.identity("rubric")
    mem, mems = sheet.identity("member")
    nam, names = sheet.identity("product_name")
    c_pid, c_rub = (sheet.columns[k] for k in REQUIRED)
    c_mem = sheet.columns.get("member")

    blank_pid = np.array([p == "" for p in pids])[pid]
    if blank_pid.any():  # fully blank rows are skipped; others must name their product
        ids = [sheet.criteria[k] for k in sheet.criteria] + [c_rub]
        ids += [] if c_mem is None else [c_mem]
        filled = np.zeros(int(blank_pid.sum()), dtype=bool)
        for col in ids:
            filled |= _text(raw, col)[blank_pid] != ""
        orphan = np.flatnonzero(blank_pid)[filled]
    else:
        orphan = np.zeros(0, dtype=np.int64)
    caps = ProblemCaps()
    bad: list[BadProduct] = [
        BadProduct(None, rubs[rub[r]] or None,
                   [sheet.where(int(r), c_pid, "sheet.blank_product_id")]) for r in orphan
        if caps.take(c_pid + 1, raw.headers[c_pid])]

    keep = ~blank_pid
    if not keep.any():
        if bad:
            return SheetContent([], [*bad, *([BadProduct(None, None, caps.notes(raw.file))]
                                              if caps.dropped else [])])
        raise InputFileError(Problem.of("sheet.no_rows", Location(raw.file, 2)))
    rows = np.flatnonzero(keep)
    order = rows[np.argsort(pid[rows], kind="stable")]  # grouped by product, sheet order
    prod = pid[order]
    firsts = np.flatnonzero(np.r_[True, prod[1:] != prod[:-1]])
    starts = np.r_[firsts, len(order)].astype(np.int64)
    product = prod[firsts]  # index into pids, per product
    n_prod = len(product)
    problems: dict[int, list[Problem]] = {}
    silenced = np.zeros(n_prod, dtype=bool)  # failed, their problems over the caps

    def add(p: int, problem: Problem) -> None:
        """List a product's problem, or (over the caps) only count it and fail the
        product: a sheet of 100,000 bad rows lists the first ones and a count."""
        where = problem.location.field or "?"
        if caps.take(problem.location.column or where, where):
            problems.setdefault(p, []).append(problem)
        else:
            silenced[p] = True

    row_product = np.empty(n_rows, dtype=np.int64)
    row_product[order] = np.repeat(np.arange(n_prod), np.diff(starts))

    # identity checks, per product: one rubric, one name, members named once
    def disagree(codes: NDArray[np.int64]) -> NDArray[np.bool_]:
        s = codes[order]
        lo = np.minimum.reduceat(s, starts[:-1])
        hi = np.maximum.reduceat(s, starts[:-1])
        return np.asarray(lo != hi)

    for p in np.flatnonzero(disagree(rub)).tolist():
        group = order[starts[p]:starts[p + 1]]
        seen = sorted({rubs[rub[i]] for i in group})
        add(int(p), sheet.where(int(group[0]), c_rub, "sheet.rubrics_differ",
                                product=pids[product[p]],
                                seen=", ".join(repr(s) for s in seen)))
    name_code = np.where(np.array([n == "" for n in names])[nam], -1, nam)
    if "product_name" in sheet.columns:
        s = name_code[order]
        hi = np.maximum.reduceat(s, starts[:-1])
        lo = np.minimum.reduceat(np.where(s < 0, np.iinfo(np.int64).max, s), starts[:-1])
        for p in np.flatnonzero((hi >= 0) & (lo != hi)).tolist():
            add(int(p), sheet.where(int(order[starts[p]]), sheet.columns["product_name"],
                                    "sheet.names_differ", product=pids[product[p]]))
    product_name = [names[c] if c >= 0 else "" for c in
                    np.maximum.reduceat(name_code[order], starts[:-1])] if n_prod else []
    blank_mem = np.array([m == "" for m in mems])[mem]
    for r in np.flatnonzero(blank_mem & keep).tolist():
        add(int(row_product[r]), sheet.where(r, c_mem, "sheet.blank_member"))
    # "Lan", "LAN" and "Lan\u00a0" are one member (models.names.member_key)
    same: dict[str, int] = {}
    mem_same = np.array([same.setdefault(member_key(m), len(same)) for m in mems],
                        dtype=np.int64)
    pair = row_product * (len(mems) + 1) + mem_same[mem]
    _, first_of, pair_group = np.unique(pair, return_index=True, return_inverse=True)
    pair_group = pair_group.reshape(-1)
    dup = (first_of[pair_group] != np.arange(n_rows)) & keep & ~blank_mem
    for r in np.flatnonzero(dup).tolist():
        p = int(row_product[r])
        first = int(first_of[pair_group[r]])
        add(p, sheet.where(int(r), c_mem, "sheet.member_twice", member=mems[mem[r]],
                           product=pids[product[p]], first=str(raw.line_of(first)),
                           again=str(raw.line_of(int(r)))))
    for p in np.flatnonzero(np.diff(starts) > MAX_ROSTER).tolist():  # one council's size
        add(int(p), sheet.where(int(order[starts[p] + MAX_ROSTER]), c_mem,
                                "sheet.too_many_members", product=pids[product[p]],
                                count=f"{int(starts[p + 1] - starts[p]):,}", limit=MAX_ROSTER))
    plain = plain_ids(pids)  # the usual sheet: no id can hold a space or hidden character
    bad_id = [i for i, p in enumerate(pids) if p and (len(p) > MAX_CELL_CHARS
                                                      or (not plain and re.search(r"\s", p)))]
    if bad_id:
        bad_set = set(bad_id)
        for p in range(n_prod):
            if int(product[p]) in bad_set:
                add(p, sheet.where(int(order[starts[p]]), c_pid, "sheet.id_one_word",
                                   limit=MAX_CELL_CHARS))
    keys = id_keys([pids[i] for i in product.tolist()])
    seen_key: dict[str, int] = {}
    for p in range(n_prod) if len(set(keys)) < n_prod else ():  # 'QN-01' and 'qn‑01' here
        key = keys[p]
        other = seen_key.setdefault(key, p)
        if other != p:
            add(p, sheet.where(int(order[starts[p]]), c_pid, "safety.id_spelled_twice",
                               pid=pids[product[p]], other=pids[product[other]],
                               holder=raw.file))
    hostile = [] if plain else [i for i, v in enumerate(pids)
                                if v and (hostile_char(v) or invisible_in_id(v))]
    if hostile:
        hostile_set = set(hostile)
        for p in range(n_prod):
            if int(product[p]) in hostile_set:
                value = pids[product[p]]
                add(p, sheet.where(int(order[starts[p]]), c_pid, "safety.invisible_in_id",
                                   shown=spelt_out(value),
                                   code=hostile_char(value) or invisible_in_id(value)))
    for codes, spot, values in ((nam, sheet.columns.get("product_name"), names),
                                (mem, c_mem, mems)):
        bad_text = [i for i, v in enumerate(values) if hostile_char(v)] if _hostile_in(values) \
            else []
        # rows of a product only: a row without a product id is skipped or an orphan
        for r in (np.flatnonzero(np.isin(codes, bad_text) & keep).tolist() if bad_text
                  else []):
            add(int(row_product[r]), sheet.where(r, spot, "safety.control_char",
                                                 code=hostile_char(values[codes[r]])))
    long = [i for i, v in enumerate(names) if len(v) > MAX_CELL_CHARS]
    long_m = [i for i, v in enumerate(mems) if len(v) > MAX_CELL_CHARS]
    for codes, spot, what, which in ((nam, sheet.columns.get("product_name"),
                                       "product_name", long), (mem, c_mem, "member", long_m)):
        for r in np.flatnonzero(np.isin(codes, which) & keep).tolist() if which else []:
            add(int(row_product[r]), sheet.where(r, spot, "sheet.too_long", what=what,
                                                 limit=MAX_CELL_CHARS))

    # per rubric: codes -> option indices, unknown and blank cells located
    prod_rubric = rub[order[starts[:-1]]] if n_prod else np.zeros(0, dtype=np.int64)
    columns: dict[int, tuple[NDArray[np.int64], list[str]]] = {}
    pending: list[tuple[Rubric, NDArray[np.int64], NDArray[np.int8]]] = []
    for code in np.unique(prod_rubric).tolist():
        members = np.flatnonzero(prod_rubric == code)
        rubric = library.rubrics.get(rubs[code])
        if rubric is None:
            for p in members.tolist():
                spot = int(order[starts[p]])
                message_id, params = (("sheet.blank_rubric", {}) if not rubs[code] else
                                      unknown_rubric(rubs[code], list(library.rubrics)))
                add(p, sheet.where(spot, c_rub, message_id, **params))
            continue
        wide = [c for c in rubric.criteria if len(c.options) > MAX_SHEET_OPTIONS]
        if wide:
            for p in members.tolist():
                add(p, sheet.where(int(order[starts[p]]), c_rub, "safety.too_many_options",
                                   criterion=wide[0].id, count=f"{len(wide[0].options):,}",
                                   limit=MAX_SHEET_OPTIONS))
            continue
        in_rubric = np.zeros(n_prod, dtype=bool)
        in_rubric[members] = True
        sel = order[np.repeat(in_rubric, np.diff(starts))]
        option = np.empty((len(sel), len(rubric.criteria)), dtype=np.int8)
        own = {c.id.casefold() for c in rubric.criteria}
        for key, other in sheet.criteria.items():  # another rubric's criterion: blank
            if key not in own:
                cells = _text(raw, other)[sel]
                for r in sel[np.flatnonzero(cells != "")].tolist():
                    add(int(row_product[r]), sheet.where(
                        r, other, "sheet.foreign_criterion", criterion=raw.headers[other],
                        rubric=rubric.id))
        for k, crit in enumerate(rubric.criteria):
            found = sheet.criteria.get(crit.id.casefold())
            if found is None:
                for p in members.tolist():
                    add(p, Problem.of("sheet.missing_criterion",
                                      Location(raw.file, 1, None, crit.id),
                                      criterion=crit.id, rubric=rubric.id))
                option[:, k] = 0
                continue
            col = found
            if col not in columns:
                columns[col] = _factor(raw, col)
            codes, uniques = columns[col]
            lookup = np.array([_option_index(rubric, k, u) for u in uniques], dtype=np.int8)
            option[:, k] = lookup[codes[sel]]
            for r in sel[np.flatnonzero(option[:, k] < 0)].tolist():
                text = uniques[codes[r]]
                if text == "":
                    add(int(row_product[r]), sheet.where(r, col, "sheet.blank_option",
                                                         criterion=crit.id))
                else:
                    message_id, params = unknown_option(crit, printable(text))
                    add(int(row_product[r]), sheet.where(r, col, message_id, **params))
        _case_mixes(rubric, sheet, sel, option, row_product, add,
                    lambda r: str(mems[mem[r]]))
        pending.append((rubric, members, option))

    blocks: list[CouncilColumns] = []
    places: list[RowPlaces] = []
    failed = silenced.copy()
    failed[list(problems)] = True
    pid_text = np.array(pids, dtype=object)
    mem_text = np.array(mems, dtype=object)
    name_text = np.array(product_name, dtype=object)
    for rubric, members, option in pending:
        sizes = np.diff(starts)[members]
        good = ~failed[members]
        if not good.any():
            continue
        row_good = np.repeat(good, sizes)
        chosen = members[good]
        kept = np.zeros(n_prod, dtype=bool)
        kept[chosen] = True
        rows_sel = order[np.repeat(kept, np.diff(starts))]
        blocks.append(CouncilColumns(
            rubric=rubric, file=raw.file,
            product_id=pid_text[product[chosen]].tolist(),
            product_name=name_text[chosen].tolist(),
            starts=starts_of(sizes[good]),
            member=mem_text[mem[rows_sel]].tolist(),
            option=np.ascontiguousarray(option[row_good]),
        ))
        places.append(RowPlaces(raw.file, raw.sheet, raw.lines_of(rows_sel),
                                (c_pid, c_mem), (raw.headers[c_pid], "member" if c_mem is None
                                                 else raw.headers[c_mem])))
    for p in sorted(problems):
        listed = sorted(problems[p], key=lambda x: (x.location.line or 0,
                                                   x.location.column or 0))
        rubric_id = rubs[prod_rubric[p]] or None
        bad.append(BadProduct(pids[product[p]], rubric_id, listed))
    unlisted = int((silenced & ~np.isin(np.arange(n_prod), list(problems))).sum())
    notes = caps.notes(raw.file)
    if unlisted:
        notes.insert(0, Problem.of("safety.more_products", Location(raw.file),
                                   count=unlisted, limit=MAX_PROBLEMS_PER_FILE,
                                   per_column=MAX_PROBLEMS_PER_COLUMN))
    if notes:
        bad.append(BadProduct(None, None, notes))
    return SheetContent(blocks, bad, places)


def _case_mixes(rubric: Rubric, sheet: _Sheet, rows: NDArray[np.int64],
                option: NDArray[np.int8], row_product: NDArray[np.int64], add: Any,
                member_of: Any) -> None:
    """A member who mixes the cases of a case group (tourism 8, 9, 15): located at the
    first cell scored under another case than the row's first case."""
    import numpy as np

    from ocop_rate.clauses import case_mixes
    from ocop_rate.distinct import distinct_rows

    groups = list(rubric.case_groups)
    if not groups or not len(rows):
        return
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    for group in groups:
        ks = [index[cid] for cid in group.criteria]
        combos, where = distinct_rows(option[:, ks])
        for j, combo in enumerate(combos.tolist()):
            chosen = {cid: rubric.criteria[k].option_at(int(i)).code
                      for cid, k, i in zip(group.criteria, ks, combo, strict=True)}
            for mix in case_mixes(rubric, chosen):
                first = next(iter(mix.picked.values()))
                odd = next(cid for cid, case in mix.picked.items() if case != first)
                col = sheet.criteria.get(odd.casefold())
                for r in rows[np.flatnonzero(where.reshape(-1) == j)].tolist():
                    params: dict[str, object] = {
                        "member": member_of(r), "criteria": ", ".join(group.criteria),
                        "picked": ", ".join(f"{cid}: {chosen[cid]} ({case})"
                                            for cid, case in mix.picked.items())}
                    add(int(row_product[r]), sheet.where_of(r, col, "rules.case_mixed", params))


def _option_index(rubric: Rubric, k: int, text: str) -> int:
    """Index of the option coded ``text`` (case-insensitive); ``none`` (or ``-``: no option
    printed on the sheet applies) is ``len(options)``; -1 unknown, -2 blank."""
    if text == "":
        return -2
    code = option_code(text)
    if code == NONE:
        return len(rubric.criteria[k].options)
    for i, opt in enumerate(rubric.criteria[k].options):
        if opt.code == code:
            return i
    return -1
