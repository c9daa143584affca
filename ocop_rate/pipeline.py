"""From files to results: read dossiers, fit them to their rubrics, score, collect failures.

A bad dossier never stops the batch: it becomes a :class:`Failure` with located problems.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine import GatePolicy, check_fit, score
from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.loading.caps import capped
from ocop_rate.loading.dossiers import (
    SHEET_SUFFIXES,
    LoadedDossier,
    collect_paths,
    peek_identity,
    read_dossier,
)
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.loading.source import OUTSIDE
from ocop_rate.models.names import id_key
from ocop_rate.models.rating import BatchResult, Failure, ProblemOut, Rating, RatingColumns
from ocop_rate.outcome import DEFAULT_LEVEL, Level

OnItem = Callable[[int, int], None]
"""Progress callback: ``on_item(done, total)`` after each file (the library never prints)."""


def to_out(problem: Problem) -> ProblemOut:
    loc = problem.location
    params = {k: v if isinstance(v, (str, int, float)) else str(v)
              for k, v in problem.params.items()}
    return ProblemOut(message=problem.message, file=loc.file, line=loc.line,
                      column=loc.column, field=loc.field, message_id=problem.message_id,
                      params=params)


def rate_loaded(library: RubricLibrary, loaded: LoadedDossier,
                policy: GatePolicy = "majority", *,
                spread_limit: float = DEFAULT_SPREAD,
                level: Level = DEFAULT_LEVEL) -> Rating | Failure:
    """Rate one read dossier, or explain every way it does not fit its rubric."""
    dossier, source = loaded.dossier, loaded.source
    rubric = library.rubrics.get(dossier.product.rubric)
    if rubric is None:
        message_id, params = unknown_rubric(dossier.product.rubric, list(library.rubrics))
        problems = [Problem.of(message_id, source.locate(("product", "rubric")), **params)]
    else:
        problems = [Problem.of(fit.message_id, source.locate(fit.path), **(fit.params or {}))
                    if fit.message_id else Problem(fit.message, source.locate(fit.path))
                    for fit in check_fit(rubric, dossier)]
    if problems:
        return Failure(product_id=dossier.product.id, rubric=dossier.product.rubric,
                       file=source.file,
                       errors=tuple(to_out(p) for p in capped(problems, source.file)))
    assert rubric is not None
    return score(rubric, dossier, policy=policy, file=source.file, spread_limit=spread_limit,
                 level=level)


def rate_file(library: RubricLibrary, path: Path,
              policy: GatePolicy = "majority", *,
              spread_limit: float = DEFAULT_SPREAD,
              level: Level = DEFAULT_LEVEL) -> Rating | Failure:
    try:
        loaded = read_dossier(path)
    except OcopError as exc:
        pid, rubric = peek_identity(path)
        return Failure(product_id=pid, rubric=rubric, file=str(path),
                       errors=tuple(to_out(p) for p in capped(exc.problems, str(path))))
    return rate_loaded(library, loaded, policy, spread_limit=spread_limit, level=level)


def rate_paths(library: RubricLibrary, args: list[str],
               policy: GatePolicy = "majority", *, spread_limit: float = DEFAULT_SPREAD,
               on_item: OnItem | None = None, level: Level = DEFAULT_LEVEL) -> BatchResult:
    """Rate every dossier named by ``args`` (files, folders, globs), in order. Raises
    :class:`~ocop_rate.errors.UsageError` only when a name matches nothing. ``on_item`` is
    told after each file, so a caller can show progress."""
    items: list[Rating | Failure] = []
    blocks: list[RatingColumns] = []
    seen: dict[str, str | None] = {}
    refused: list[Path] = []
    paths = collect_paths(args, refused)
    for done, path in enumerate(paths, start=1):
        if path.suffix.lower() in SHEET_SUFFIXES:
            rated, failed = rate_sheet(library, path, policy, seen, spread_limit, level)
            blocks += [r for r in rated if isinstance(r, RatingColumns)]
            items += [r for r in rated if isinstance(r, Rating)]
            items += failed
        else:
            items.append(_rate_unique(library, path, policy, spread_limit, seen, level))
        if on_item is not None:
            on_item(done, len(paths))
    items += [Failure(product_id=None, rubric=None, file=str(path), errors=(to_out(Problem.of(
        OUTSIDE, Location(str(path)), target=str(path.resolve()))),)) for path in refused]
    return BatchResult(items=tuple(items), blocks=tuple(blocks))


def _rate_unique(library: RubricLibrary, path: Path, policy: GatePolicy, spread_limit: float,
                 seen: dict[str, str | None], level: Level = DEFAULT_LEVEL) -> Rating | Failure:
    """Rate one dossier file; a product id already seen in the batch is a Failure."""
    item = rate_file(library, path, policy, spread_limit=spread_limit, level=level)
    pid = item.product_id
    key = None if pid is None else id_key(pid)  # "QN-01" and "qn‑01" are one product
    if key is not None and key in seen:
        return Failure(product_id=pid, rubric=item.rubric, file=str(path), errors=(to_out(
            Problem.of("rating.id_used", Location(str(path), field="product.id"), id=pid,
                       other=str(seen[key]))),))
    if key is not None:
        seen[key] = str(path)
    return item


def rate_sheet(library: RubricLibrary, path: Path, policy: GatePolicy,
               seen: dict[str, str | None], spread_limit: float = DEFAULT_SPREAD,
               level: Level = DEFAULT_LEVEL
               ) -> tuple[list[RatingColumns | Rating], list[Failure]]:
    """Rate a score sheet column-wise; every bad product (or the whole file) is a Failure.
    Records the sheet's product ids in ``seen`` (ids already there are errors)."""
    from ocop_rate.batch import rate_columns
    from ocop_rate.loading.score_sheets import read_score_sheet

    try:
        content = read_score_sheet(path, library, {k: str(v) for k, v in seen.items()})
    except OcopError as exc:
        return [], [Failure(product_id=None, rubric=None, file=str(path),
                            errors=tuple(to_out(p) for p in capped(exc.problems, str(path))))]
    failed = [Failure(product_id=bad.product_id, rubric=bad.rubric, file=str(path),
                      errors=tuple(to_out(p) for p in bad.problems)) for bad in content.bad]
    rated: list[RatingColumns | Rating] = []
    for cols in content.blocks:
        seen.update(dict.fromkeys(map(id_key, cols.product_id), str(path)))
        result = rate_columns(cols, policy, spread_limit, level)
        rated += [result] if isinstance(result, RatingColumns) else result
    return rated, failed
