"""What the rubric checks found, as plain data: the lint findings of ``validate``, the
product-by-product comparison of ``diff`` and the golden cases of ``check``.

The checks room (:mod:`ocop_rate.checks`) produces these; every format draws them (the
terminal from a Document built by ``views/checks.py``; ``report/json_report.py``,
``junit.py``, ``github.py``) without importing the checks, the loaders or the engine behind
them. Plain dataclasses importing nothing of ours: ``validate`` on the compiled rubrics loads
no pydantic model. A located problem is :class:`ocop_rate.errors.Problem` (at
:class:`ocop_rate.errors.Location`), which sits beside the models; here it is typed by what a
format reads of it (:class:`Located`, :class:`Said`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from ocop_rate.models.rating import ProblemOut

Severity = Literal["error", "warning"]
FailOn = Literal["any", "down", "class-change"]
Movement = Literal["up", "down", "unchanged", "not-rated"]
Status = Literal["pass", "mismatch", "missing", "unexpected", "error"]
TOTAL_EPSILON = 0.005  # totals are printed to 2 decimals


class Located(Protocol):
    """Where a finding or an expectation is (an :class:`ocop_rate.errors.Location`)."""

    @property
    def file(self) -> str | None: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...
    @property
    def field(self) -> str | None: ...

    def render(self) -> str:
        """``file:line:column: field`` with the parts that are known."""
        ...


class Said(Protocol):
    """A catalogued sentence (an :class:`ocop_rate.errors.Problem`): its English, and its
    text in the user's language."""

    @property
    def message(self) -> str: ...

    def text(self, lang: Literal["vi", "en"]) -> str: ...


# -- validate ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Lint:
    """One check ``validate`` runs: its id (stable, for CI filters), severity and rule."""

    id: str
    severity: Severity
    rule: str


LINTS: dict[str, Lint] = {lint.id: lint for lint in (
    Lint("parse", "error", "the file reads as YAML or JSON and names its rubric `id`"),
    Lint("schema", "error", "every key is known, every value has the right type, every "
         "required field is there (the rubric model)"),
    Lint("extends", "error", "`extends` names a rubric that exists; the chain has no cycle"),
    Lint("unique-ids", "error", "rubric ids are unique across files; criterion, part, group, "
         "fact and gate ids are unique within a file (a repeat would silently replace the "
         "first when the chain is merged); option codes are unique within a criterion"),
    Lint("references", "error", "criteria name existing parts and groups; `derive` names "
         "existing options; conditions of derivations and gates read declared facts; "
         "`remove` names inherited ids"),
    Lint("parts-total", "error", "the parts' maxima add up to the 100-point scale"),
    Lint("part-decision", "error", "part maxima match the decision cited in `source.decision` "
         "(26/2026 and 148: A 40, B 25, C 35; 1048: A 35, B 25, C 40)"),
    Lint("part-sum", "error", "in each part, the criteria's maxima add up to the part's "
         "`max_points`"),
    Lint("group-sum", "error", "in each group that states `max_points`, the criteria's maxima "
         "add up to it"),
    Lint("criterion-max", "error", "a criterion's declared `max_points` equals its best "
         "option's points"),
    Lint("star-bands", "error", "star bands are contiguous, non-overlapping, non-empty, rise "
         "with the total, one per class, and cover 0–100"),
    Lint("hundredths", "error", "option points and star-band edges are whole hundredths of a "
         "point (the engine rates in integer hundredths)"),
    Lint("option-order", "warning", "option points are unique and rise in sheet order within "
         "a criterion"),
    Lint("labels", "warning", "every criterion name and option label has a Vietnamese (vi) "
         "and an English (en) text"),
    Lint("source", "warning", "every criterion cites its source (sheet and criterion number)"),
    Lint("option-count", "error", "a criterion has at most 127 options (a score sheet indexes "
         "options in 8 bits)"),
    Lint("clauses", "error", "applicability conditions (`applies`), requirement checks "
         "(`requirements`) and case groups (`case_groups`) read declared facts and existing "
         "criteria and options (`none` included); the cases of a group share out each of its "
         "criteria's options exactly once"),
    Lint("clause-source", "warning", "every applicability clause, requirement and case group "
         "quotes the sheet (`text`) and cites its source with the lines of the full text"),
)}

@dataclass(frozen=True)
class Finding:
    """One located complaint of one lint."""

    lint: str
    severity: Severity
    message: str
    location: Located
    rubric: str | None = None
    problem: Said | None = None
    """The catalogued sentence, where the finding has one (file, schema and inheritance
    problems), for the user's language; ``message`` is its English."""
    accepted: dict[str, str] | None = None  # the recorded exception's reason (vi, en)

    def text(self, lang: Literal["vi", "en"]) -> str:
        """The complaint in ``lang`` where it is catalogued, else as said."""
        return self.message if self.problem is None else self.problem.text(lang)

    def render(self) -> str:
        where = self.location.render()
        head = f"{where}: " if where else ""
        if self.accepted is not None:
            return (f"{head}accepted [{self.lint}] {self.message} — "
                    f"{self.accepted.get('en') or self.accepted.get('vi')}")
        return f"{head}{self.severity} [{self.lint}] {self.message}"

    def as_dict(self) -> dict[str, object]:
        loc = self.location
        return {"lint": self.lint, "severity": self.severity, "rubric": self.rubric,
                "file": loc.file, "line": loc.line, "column": loc.column,
                "field": loc.field, "message": self.message,
                "accepted": self.accepted is not None,
                "reason": None if self.accepted is None else dict(self.accepted)}


@dataclass(frozen=True)
class LintReport:
    """All findings of one ``validate`` run, in file and line order."""

    findings: tuple[Finding, ...]
    rubrics: tuple[str, ...]
    files: tuple[str, ...]
    strict: bool = False

    def count(self, severity: Severity) -> int:
        """Findings of ``severity`` that are not recorded exceptions."""
        return sum(1 for f in self.findings if f.severity == severity and f.accepted is None)

    @property
    def accepted(self) -> int:
        """Findings accepted by a recorded exception in the rubric."""
        return sum(1 for f in self.findings if f.accepted is not None)

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` fails the run: errors always, warnings under ``--strict``;
        a warning accepted by a recorded exception never."""
        if finding.severity == "warning" and finding.accepted is not None:
            return False
        return finding.severity == "error" or self.strict

    @property
    def ok(self) -> bool:
        return not any(self.fails(f) for f in self.findings)


# -- diff ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Side:
    """One product's result under one rubric library."""

    total: float | None
    stars: int | None
    recognised: bool
    errors: tuple[ProblemOut, ...] = ()

    @property
    def rated(self) -> bool:
        """Rated at all (a rejected dossier is rated, with no class: ``stars`` None)."""
        return self.total is not None


@dataclass(frozen=True)
class ProductDiff:
    product_id: str
    rubric: str | None
    file: str | None
    before: Side
    after: Side

    @property
    def movement(self) -> Movement:
        """Stars up, down or unchanged; ``not-rated`` when either side could not rate it."""
        if not self.before.rated or not self.after.rated:
            return "not-rated"
        b, a = self.before.stars or 0, self.after.stars or 0   # rejected: below 1 star
        return "up" if a > b else "down" if a < b else "unchanged"

    @property
    def total_delta(self) -> float | None:
        if self.before.total is None or self.after.total is None:
            return None
        return round(self.after.total - self.before.total, 2)

    @property
    def changed(self) -> bool:
        """Anything a reader would see: stars, recognition, total, or rateability."""
        delta = self.total_delta
        return (self.before.stars != self.after.stars
                or self.before.recognised != self.after.recognised
                or (delta is not None and abs(delta) >= TOTAL_EPSILON)
                or self.before.rated != self.after.rated)


@dataclass(frozen=True)
class ClassCount:
    """Products of one class under BASE (``stars`` None: not rated under BASE)."""

    stars: int | None
    up: int
    down: int
    unchanged: int
    not_rated: int


@dataclass(frozen=True)
class DiffReport:
    base: str
    head: str
    fail_on: FailOn | None
    products: tuple[ProductDiff, ...]

    def trips(self, item: ProductDiff) -> bool:
        """Whether ``item`` fails the run: it cannot be rated under HEAD, or it changed in
        the way ``--fail-on`` names."""
        if not item.after.rated:
            return True
        if self.fail_on == "any":
            return item.changed
        if self.fail_on == "down":
            return item.movement == "down"
        if self.fail_on == "class-change":
            return item.movement in ("up", "down")
        return False

    @property
    def failed(self) -> bool:
        return any(self.trips(p) for p in self.products)

    def count(self, movement: Movement) -> int:
        return sum(1 for p in self.products if p.movement == movement)

    def by_class(self) -> list[ClassCount]:
        """Counts per BASE class, best first; only classes that hold a product."""
        out: list[ClassCount] = []
        for stars in (5, 4, 3, 2, 1, None):
            group = [p for p in self.products if p.before.stars == stars]
            if group:
                moves = [p.movement for p in group]
                out.append(ClassCount(stars, moves.count("up"), moves.count("down"),
                                      moves.count("unchanged"), moves.count("not-rated")))
        return out


# -- check (golden expectations) --------------------------------------------------------

REJECTED = "rejected"
"""What a golden file writes for ``stars`` of a rejected dossier (it has no class)."""


@dataclass(frozen=True)
class Expectation:
    product_id: str
    stars: int | None          # None: the dossier is expected to be rejected
    total: float | None
    location: Located


@dataclass(frozen=True)
class GoldenCase:
    """One product compared with its expectation."""

    product_id: str
    status: Status
    message: str
    file: str | None = None
    expected: Expectation | None = None
    stars: int | None = None
    total: float | None = None
    errors: tuple[ProblemOut, ...] = ()


@dataclass(frozen=True)
class GoldenReport:
    expect: str
    tolerance: float
    cases: tuple[GoldenCase, ...]

    @property
    def ok(self) -> bool:
        return all(c.status == "pass" for c in self.cases)

    def count(self, status: Status) -> int:
        return sum(1 for c in self.cases if c.status == status)
