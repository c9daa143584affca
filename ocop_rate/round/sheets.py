"""Members' sheets of a round: one row per product and member, from CSV, XLSX or YAML.

Unlike a loose score sheet, a round's sheet may leave a criterion blank where the product's
facts (from the product list) derive it, may carry a re-scoring ``pass``, the scoring
``date`` and the member's ``comment`` (Ý kiến của người đánh giá), and may omit the member
column when the whole file is one member's. Meaning (roster, products, options) is checked
later, in :mod:`ocop_rate.round.merge` and by the engine's fit check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.loading.sheet_files import ALIASES, ROUND_COLUMNS, said_at
from ocop_rate.loading.source import load_document
from ocop_rate.models.names import id_key
from ocop_rate.round.tables import MAX_CELL_CHARS, header_key, read_table

ROUND_ALIASES: dict[str, str] = {**ALIASES, **ROUND_COLUMNS}
CONSENSUS_NAMES = frozenset({"hoi dong", "consensus", "council", "thong nhat",
                             "phieu thong nhat"})
"""Member cells (folded) that mark the council's agreed sheet in consensus mode."""


@dataclass(frozen=True)
class SheetRow:
    """One member's sheet for one product, with where each cell came from."""

    file: str
    order: int                       # the file's place in the round's sheet order
    product_id: str
    member: str                      # as written (matched to the roster later)
    pass_no: int
    scores: dict[str, str]
    locate: Callable[[str | None], Location] = field(compare=False, repr=False)
    said: str = ""                   # ``file:line`` (sheet too), as loose rows are said
    loose: bool = False              # named beside the round folder: never supersedes
    rubric: str | None = None        # the rubric the row names, if it names one
    date: str | None = None
    comment: str | None = None

    @property
    def consensus(self) -> bool:
        return header_key(self.member) in CONSENSUS_NAMES


@dataclass
class SheetRead:
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)  # id_key -> a file whose row of
    # that product could not be used


def read_sheet(path: Path, order: int, criteria: set[str], member: str | None,
               out: SheetRead, loose: bool = False) -> None:
    """Add the rows of one members' sheet to ``out`` (problems too, never raising for a
    bad file: a round reports all its problems in one pass). ``member``: the file's member
    when its rows name none; ``loose``: the file was named beside the round folder."""
    start = len(out.rows)
    try:
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            _read_yaml(path, order, member, out)
        else:
            _read_grid(path, order, criteria, member, out)
    except OcopError as exc:
        out.problems += exc.problems
    if loose:
        out.rows[start:] = [replace(row, loose=True) for row in out.rows[start:]]


def _read_grid(path: Path, order: int, criteria: set[str], member: str | None,
               out: SheetRead) -> None:
    table = read_table(path, ROUND_ALIASES, criteria)
    for header, loc in table.unknown:
        out.problems.append(Problem.of("round.sheet_unknown_column", loc, header=header))
    for loc in table.missing_header:
        out.problems.append(Problem.of("round.column_without_header", loc))
    for row in table.rows:
        scores = {k: v for k, v in row.cells.items() if k not in _IDENTITY}
        # a member column names each row's member: a blank cell there is blank, as in a
        # loose sheet; without the column the file's member scores every row
        column = "member" in row.columns
        _add(out, row.cells, scores, row.at, path, order, None if column else member,
             said_at(row.file, row.sheet, row.line), member_column=column)


_YAML_KEYS = frozenset({"product_id", "id", "product_name", "rubric", "member", "pass", "date",
                        "comment", "scores"})
_IDENTITY = frozenset({"product_id", "product_name", "rubric", "member", "pass", "date",
                       "comment"})


def _add(out: SheetRead, cells: dict[str, Any], scores: dict[str, str],
         locate: Callable[[str | None], Location], path: Path, order: int,
         member: str | None, said: str, member_column: bool = False) -> None:
    pid = str(cells.get("product_id") or "").strip()
    who = str(cells.get("member") or member or "").strip()
    scores = {k: str(v).strip() for k, v in scores.items() if str(v).strip()}

    def unused(problem: Problem) -> None:
        """A scored row that cannot be used: its product is not rated on the rest of its
        council (``rating.part_not_used``, as loose files)."""
        out.problems.append(problem)
        if scores and pid and len(pid) <= MAX_CELL_CHARS:
            out.broken.setdefault(id_key(pid), str(path))

    if not pid:
        out.problems.append(Problem.of("round.product_id_blank", locate("product_id")))
        return
    if not who:
        unused(Problem.of("sheet.blank_member" if member_column else "round.member_unknown",
                          locate("member")))
        return
    for key in ("comment", "member", "product_id"):
        if len(str(cells.get(key) or "")) > MAX_CELL_CHARS:
            unused(Problem.of("round.cell_too_long", locate(key), limit=MAX_CELL_CHARS))
            return
    pass_no = _pass(cells.get("pass"))
    if pass_no is None:
        unused(Problem.of("round.pass_invalid", locate("pass"), value=str(cells.get("pass"))))
        return
    if not scores:
        return  # a pre-filled row nobody has scored yet: missing, not a sheet
    date = cells.get("date")
    out.rows.append(SheetRow(
        file=str(path), order=order, product_id=pid, member=who, pass_no=pass_no,
        scores=scores, locate=locate, said=said, rubric=_named(cells.get("rubric")),
        date=None if date in (None, "") else str(date)[:10],
        comment=str(cells["comment"]).strip() if cells.get("comment") else None))


def _named(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _pass(value: object) -> int | None:
    if value in (None, ""):
        return 1
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or int(text) < 1 or len(text) > 3:
        return None
    return int(text)


def _read_yaml(path: Path, order: int, member: str | None, out: SheetRead) -> None:
    """``member``, ``date``, ``comment``, ``pass`` for the file, then ``products``: a list
    of ``{product_id, scores: {criterion: code}, comment, date, pass, member}``."""
    doc = load_document(path)
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("products"), list):
        out.problems.append(Problem.of("round.yaml_sheet_shape", Location(str(path), 1, 1)))
        return
    head = {k: data.get(k) for k in ("member", "date", "comment", "pass")}
    file_member = head["member"] if isinstance(head["member"], str) else member
    for i, entry in enumerate(data["products"]):
        def locate(key: str | None, i: int = i) -> Location:
            path_key: tuple[str | int, ...] = ("products", i)
            if key is not None and key not in _IDENTITY:
                path_key += ("scores", key)
            elif key is not None:
                path_key += (key,)
            return doc.source.locate(path_key)

        if not isinstance(entry, dict) or not isinstance(entry.get("scores", {}), dict):
            out.problems.append(Problem.of("round.yaml_sheet_shape", locate(None)))
            continue
        for key in entry:
            if key not in _YAML_KEYS:
                out.problems.append(Problem.of("round.sheet_unknown_column",
                                               doc.source.locate(("products", i, key)),
                                               header=str(key)))
        cells = {**{k: v for k, v in head.items() if v is not None and k != "member"},
                 **{k: v for k, v in entry.items() if k != "scores"}}
        if "id" in cells and "product_id" not in cells:
            cells["product_id"] = cells.pop("id")
        scores = {str(k): "" if v is None else str(v) for k, v in
                  (entry.get("scores") or {}).items()}
        _add(out, cells, scores, locate, path, order, file_member,
             said_at(str(path), None, locate(None).line or 0))
