"""What a rubric change does to the stars: rate one corpus under two rubric libraries and
compare, product by product.

``BASE`` and ``HEAD`` are folders or git revisions (:mod:`ocop_rate.checks.revisions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ocop_rate.checks.revisions import DEFAULT_RULES_PATH, library_at
from ocop_rate.engine import GatePolicy
from ocop_rate.errors import Problem, UsageError
from ocop_rate.models.rating import Failure, ProblemOut
from ocop_rate.pipeline import Piece, stream_sides

FailOn = Literal["any", "down", "class-change"]
Movement = Literal["up", "down", "unchanged", "not-rated"]
TOTAL_EPSILON = 0.005  # totals are printed to 2 decimals


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


Known = tuple[str | None, str | None, str | None, Side]
"""What a diff keeps of a product on one side: id, rubric, file and (total, stars)."""


def _known(piece: Piece) -> Iterator[Known]:
    """The products of one streamed piece, reduced to what a diff compares."""
    if isinstance(piece, Failure):
        yield piece.product_id, piece.rubric, piece.file, Side(None, None, False,
                                                              piece.errors)
        return
    block, products = (piece[0], [piece[1]]) if isinstance(piece, tuple) else (
        piece, range(len(piece)))
    for p in products:
        yield (block.product_id[p], block.rubric.id, block.file_of(p),
               Side(int(block.total[p]) / 100, int(block.stars[p]) or None,  # 0: rejected
                    bool(block.recognised[p])))


def _paired(before_all: dict[tuple[str | None, str | None], Known],
            after_all: dict[tuple[str | None, str | None], Known], base_label: str,
            head_label: str, fail_on: FailOn | None) -> DiffReport:
    products = []
    for key in [*after_all, *(k for k in before_all if k not in after_all)]:
        before, after = before_all.get(key), after_all.get(key)
        known = after or before
        assert known is not None
        pid, rubric, file, _ = known
        missing = Side(None, None, False, (ProblemOut(message="not rated on this side",
                                                      file=file,
                                                      message_id="checks.not_rated_here"),))
        products.append(ProductDiff(pid or (file or "?"), rubric, file,
                                    before[3] if before else missing,
                                    after[3] if after else missing))
    return DiffReport(base_label, head_label, fail_on, tuple(products))


def diff_rubrics(base: str, head: str, dossiers: list[str], fail_on: FailOn | None = None,
                 rules_path: str = DEFAULT_RULES_PATH, policy: GatePolicy = "majority",
                 repo: Path | None = None) -> DiffReport:
    """Rate ``dossiers`` under the rubrics of ``base`` and of ``head`` and compare. Each
    dossier is read once and scored under both; only (id, total, stars) are kept."""
    if not dossiers:
        raise UsageError(Problem.of("checks.no_dossiers"))
    libraries = [library_at(base, rules_path, repo), library_at(head, rules_path, repo)]
    sides: list[dict[tuple[str | None, str | None], Known]] = [{}, {}]
    for i, piece in stream_sides(libraries, dossiers, policy):
        for known in _known(piece):
            sides[i][(known[2], known[0])] = known
    if not sides[1]:
        raise UsageError(Problem.of("input.no_dossiers"))
    return _paired(sides[0], sides[1], base, head, fail_on)
