"""What a rubric change does to the stars: rate one corpus under two rubric libraries and
compare, product by product.

``BASE`` and ``HEAD`` are folders or git revisions (:mod:`ocop_rate.checks.revisions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ocop_rate.checks.revisions import DEFAULT_RULES_PATH, library_at
from ocop_rate.engine import GatePolicy
from ocop_rate.errors import Problem, UsageError
from ocop_rate.models.checks import DiffReport, FailOn, ProductDiff, Side
from ocop_rate.models.rating import Failure, ProblemOut
from ocop_rate.pipeline import Piece, stream_sides

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
