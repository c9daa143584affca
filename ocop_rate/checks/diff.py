"""What a rubric change does to the stars: rate one corpus under two rubric libraries and
compare, product by product.

``BASE`` and ``HEAD`` are folders or git revisions (:mod:`ocop_rate.checks.revisions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ocop_rate.checks.revisions import DEFAULT_RULES_PATH, library_at
from ocop_rate.engine import GatePolicy
from ocop_rate.errors import Problem, UsageError
from ocop_rate.models.rating import BatchResult, Failure, ProblemOut, Rating
from ocop_rate.pipeline import rate_paths

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


def side(item: Rating | Failure) -> Side:
    if isinstance(item, Failure):
        return Side(None, None, False, item.errors)
    return Side(item.total, item.stars, item.recognised)


def compare(base: BatchResult, head: BatchResult, base_label: str, head_label: str,
            fail_on: FailOn | None = None) -> DiffReport:
    """Pair the two ratings of each product (by file and product id, so score-sheet
    products pair too) and compare them; a product on one side only is a failure there."""
    from ocop_rate.batch import expanded

    def keyed(result: BatchResult) -> dict[tuple[str | None, str | None], Rating | Failure]:
        return {(i.file, i.product_id): i for i in expanded(result).items}

    before_all, after_all = keyed(base), keyed(head)
    products = []
    for key in [*after_all, *(k for k in before_all if k not in after_all)]:
        before, after = before_all.get(key), after_all.get(key)
        known = after or before
        assert known is not None
        missing = Failure(product_id=known.product_id, rubric=known.rubric, file=known.file,
                          errors=(ProblemOut(message="not rated on this side",
                                             file=known.file,
                                             message_id="checks.not_rated_here"),))
        pid = known.product_id or (known.file or "?")
        products.append(ProductDiff(pid, known.rubric, known.file,
                                    side(before or missing), side(after or missing)))
    return DiffReport(base_label, head_label, fail_on, tuple(products))


def diff_rubrics(base: str, head: str, dossiers: list[str], fail_on: FailOn | None = None,
                 rules_path: str = DEFAULT_RULES_PATH, policy: GatePolicy = "majority",
                 repo: Path | None = None) -> DiffReport:
    """Rate ``dossiers`` under the rubrics of ``base`` and of ``head`` and compare."""
    if not dossiers:
        raise UsageError(Problem.of("checks.no_dossiers"))
    before = rate_paths(library_at(base, rules_path, repo), dossiers, policy)
    after = rate_paths(library_at(head, rules_path, repo), dossiers, policy)
    if not after.count:
        raise UsageError(Problem.of("input.no_dossiers"))
    return compare(before, after, base, head, fail_on)
