"""From files to results: read dossiers, fit them to their rubrics, score, collect failures.

A bad dossier never stops the batch: it becomes a :class:`Failure` with located problems.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine import GatePolicy, check_fit, score
from ocop_rate.errors import OcopError, Problem
from ocop_rate.loading.dossiers import LoadedDossier, collect_paths, peek_identity, read_dossier
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric_message
from ocop_rate.models.rating import BatchResult, Failure, ProblemOut, Rating

OnItem = Callable[[int, int], None]
"""Progress callback: ``on_item(done, total)`` after each file (the library never prints)."""


def to_out(problem: Problem) -> ProblemOut:
    loc = problem.location
    return ProblemOut(message=problem.message, file=loc.file, line=loc.line,
                      column=loc.column, field=loc.field)


def rate_loaded(library: RubricLibrary, loaded: LoadedDossier,
                policy: GatePolicy = "majority", *,
                spread_limit: float = DEFAULT_SPREAD) -> Rating | Failure:
    """Rate one read dossier, or explain every way it does not fit its rubric."""
    dossier, source = loaded.dossier, loaded.source
    rubric = library.rubrics.get(dossier.product.rubric)
    if rubric is None:
        problems = [Problem(unknown_rubric_message(dossier.product.rubric, list(library.rubrics)),
                            source.locate(("product", "rubric")))]
    else:
        problems = [Problem(fit.message, source.locate(fit.path))
                    for fit in check_fit(rubric, dossier)]
    if problems:
        return Failure(product_id=dossier.product.id, rubric=dossier.product.rubric,
                       file=source.file, errors=tuple(to_out(p) for p in problems))
    assert rubric is not None
    return score(rubric, dossier, policy=policy, file=source.file, spread_limit=spread_limit)


def rate_file(library: RubricLibrary, path: Path,
              policy: GatePolicy = "majority", *,
              spread_limit: float = DEFAULT_SPREAD) -> Rating | Failure:
    try:
        loaded = read_dossier(path)
    except OcopError as exc:
        pid, rubric = peek_identity(path)
        return Failure(product_id=pid, rubric=rubric, file=str(path),
                       errors=tuple(to_out(p) for p in exc.problems))
    return rate_loaded(library, loaded, policy, spread_limit=spread_limit)


def rate_paths(library: RubricLibrary, args: list[str],
               policy: GatePolicy = "majority", *, spread_limit: float = DEFAULT_SPREAD,
               on_item: OnItem | None = None) -> BatchResult:
    """Rate every dossier named by ``args`` (files, folders, globs), in order. Raises
    :class:`~ocop_rate.errors.UsageError` only when a name matches nothing. ``on_item`` is
    told after each file, so a caller can show progress."""
    items: list[Rating | Failure] = []
    seen: dict[str, str | None] = {}
    paths = collect_paths(args)
    for done, path in enumerate(paths, start=1):
        item = rate_file(library, path, policy, spread_limit=spread_limit)
        pid = item.product_id
        if pid is not None and pid in seen:
            item = Failure(product_id=pid, rubric=item.rubric, file=str(path), errors=(
                ProblemOut(message=f"product id '{pid}' is already used by {seen[pid]}",
                           file=str(path), field="product.id"),))
        elif pid is not None:
            seen[pid] = str(path)
        items.append(item)
        if on_item is not None:
            on_item(done, len(paths))
    return BatchResult(items=tuple(items))
