"""From files to results: read dossiers, fit them to their rubrics, score, collect failures.

A bad dossier never stops the batch: it becomes a :class:`Failure` with located problems.
Dossiers that fit are scored by the engine in blocks of up to :data:`BLOCK` products per
rubric (one product costs the same numpy calls as a thousand).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine import (
    GatePolicy,
    check_fit,
    from_dossiers,
    not_whole_hundredths,
    rating_at,
    score_columns,
)
from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.loading.caps import capped
from ocop_rate.loading.dossiers import (
    SHEET_SUFFIXES,
    LoadedDossier,
    collect_names,
    peek_identity,
    read_dossier,
)
from ocop_rate.loading.file_text import OUTSIDE
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.merge import SheetMerge, to_out, unratable, warn_one_member
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.names import id_key
from ocop_rate.models.rating import BatchResult, Failure, Rating, RatingColumns
from ocop_rate.models.rubric import Rubric
from ocop_rate.outcome import DEFAULT_LEVEL, Level

BLOCK = 512
HELD = 4 * BLOCK
"""Dossiers are scored when one rubric has BLOCK of them waiting, or when HELD wait in all:
a batch of many rubrics (53 bundled) is scored in blocks of tens, not of a handful (a
block's numpy calls cost the same for 5 products as for 500), and memory stays bounded."""
OnItem = Callable[[int, int], None]
"""Progress callback: ``on_item(done, total)`` after each file (the library never prints)."""


def fit_loaded(library: RubricLibrary, loaded: LoadedDossier) -> Rubric | Failure:
    """The rubric ``loaded`` is rated on, or every way it does not fit it."""
    dossier, source = loaded.dossier, loaded.source
    rubric = library.rubrics.get(dossier.product.rubric)
    if rubric is None:
        message_id, params = unknown_rubric(dossier.product.rubric, list(library.rubrics))
        problems = [Problem.of(message_id, source.locate(("product", "rubric")), **params)]
    elif not_whole_hundredths(rubric):
        problems = [unratable(rubric, source.locate(("product", "rubric")))]
    else:
        problems = [Problem.of(fit.message_id, source.locate(fit.path), **(fit.params or {}))
                    if fit.message_id else Problem(fit.message, source.locate(fit.path))
                    for fit in check_fit(rubric, dossier)]
    if problems:
        return Failure(product_id=dossier.product.id, rubric=dossier.product.rubric,
                       file=source.file,
                       errors=tuple(to_out(p) for p in capped(problems, source.file)))
    assert rubric is not None
    return rubric


def rate_loaded(library: RubricLibrary, loaded: LoadedDossier,
                policy: GatePolicy = "majority", *,
                spread_limit: float = DEFAULT_SPREAD,
                level: Level = DEFAULT_LEVEL) -> Rating | Failure:
    """Rate one read dossier, or explain every way it does not fit its rubric."""
    fit = fit_loaded(library, loaded)
    if isinstance(fit, Failure):
        return fit
    return score_dossiers(fit, [(loaded.dossier, loaded.source.file)], policy, spread_limit,
                          level)[0]


def score_dossiers(rubric: Rubric, dossiers: list[tuple[Dossier, str | None]],
                   policy: GatePolicy, spread_limit: float, level: Level = DEFAULT_LEVEL
                   ) -> list[Rating]:
    """Dossiers that fit ``rubric``, scored as one block, as ratings in order."""
    block = score_columns(from_dossiers(rubric, dossiers), policy, spread_limit, level)
    return [rating_at(block, p) for p in range(len(block))]


def parse_file(path: Path) -> LoadedDossier | Failure:
    """Read one dossier file (once, whatever the number of rubric libraries)."""
    try:
        return read_dossier(path)
    except OcopError as exc:
        pid, rubric = peek_identity(path)
        return Failure(product_id=pid, rubric=rubric, file=str(path),
                       errors=tuple(to_out(p) for p in capped(exc.problems, str(path))))


def fit_parsed(library: RubricLibrary, parsed: LoadedDossier | Failure
               ) -> tuple[Rubric, LoadedDossier] | Failure:
    """A read dossier fitted to ``library``: its rubric and content, or a Failure."""
    if isinstance(parsed, Failure):
        return parsed
    fit = fit_loaded(library, parsed)
    return fit if isinstance(fit, Failure) else (fit, parsed)


def read_file(library: RubricLibrary, path: Path) -> tuple[Rubric, LoadedDossier] | Failure:
    """Read and fit one dossier file: its rubric and content, or a Failure."""
    return fit_parsed(library, parse_file(path))


def rate_file(library: RubricLibrary, path: Path,
              policy: GatePolicy = "majority", *,
              spread_limit: float = DEFAULT_SPREAD,
              level: Level = DEFAULT_LEVEL) -> Rating | Failure:
    """Read and rate one dossier file, or say every way it cannot be."""
    parsed = parse_file(path)
    if isinstance(parsed, Failure):
        return parsed
    return rate_loaded(library, parsed, policy, spread_limit=spread_limit, level=level)


DossierRow = tuple[RatingColumns, int]
"""Product ``p`` of a block of dossiers (its detail: ``engine.rating_at(block, p)``)."""
Piece = Failure | DossierRow | RatingColumns
"""What :func:`stream_paths` yields: a failure, a dossier's row, or a sheet's block."""


@dataclass
class Tally:
    """What a stream has yielded so far: all a caller keeps of a big batch."""

    count: int = 0
    failures: int = 0


def rate_paths(library: RubricLibrary, args: list[str],
               policy: GatePolicy = "majority", *, spread_limit: float = DEFAULT_SPREAD,
               on_item: OnItem | None = None, level: Level = DEFAULT_LEVEL) -> BatchResult:
    """Rate every dossier named by ``args`` (files, folders, globs), in order, all held in
    memory (for views that need every product at once; else :func:`stream_paths`). Raises
    :class:`~ocop_rate.errors.UsageError` only when a name matches nothing."""
    items: list[Rating | Failure] = []
    blocks: list[RatingColumns] = []
    for piece in stream_paths(library, args, policy, spread_limit=spread_limit,
                              on_item=on_item, level=level):
        if isinstance(piece, Failure):
            items.append(piece)
        elif isinstance(piece, tuple):
            items.append(rating_at(*piece))
        else:
            blocks.append(piece)
    return BatchResult(items=tuple(items), blocks=tuple(blocks))


def stream_paths(library: RubricLibrary, args: list[str],
                 policy: GatePolicy = "majority", *, spread_limit: float = DEFAULT_SPREAD,
                 on_item: OnItem | None = None, tally: Tally | None = None,
                 level: Level = DEFAULT_LEVEL) -> Iterator[Piece]:
    """Rate every dossier named by ``args`` as it goes: dossiers and failures in input
    order, scored :data:`BLOCK` at a time, then the blocks of the score sheets (as
    :class:`BatchResult` orders them). Memory stays flat in the number of dossiers.
    ``on_item`` is told after each file, so a caller can show progress; ``tally`` counts
    what was yielded."""
    for _, piece in stream_sides([library], args, policy, spread_limit=spread_limit,
                                 on_item=on_item, tallies=[tally or Tally()],
                                 level=level):
        yield piece


def stream_sides(libraries: list[RubricLibrary], args: list[str],
                 policy: GatePolicy = "majority", *, spread_limit: float = DEFAULT_SPREAD,
                 on_item: OnItem | None = None, tallies: list[Tally] | None = None,
                 level: Level = DEFAULT_LEVEL) -> Iterator[tuple[int, Piece]]:
    """:func:`stream_paths` under several rubric libraries at once, each dossier read once:
    ``(side, piece)`` where ``side`` indexes ``libraries`` (``diff``: base and head)."""
    with fewer_collections():
        yield from _stream_sides(libraries, args, policy, spread_limit, on_item,
                                 tallies or [Tally() for _ in libraries], level)


@contextmanager
def fewer_collections(young: int = 50_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often while a batch streams, or a council
    round is rated (``rate ROUND/``: its sheets' cells, the products' dossiers and ratings,
    the modules it imports as it goes; 4 % of a 100-product round was the collector's).
    Each dossier allocates about a thousand short-lived containers (YAML nodes, dicts,
    lists), none of them in a reference cycle; at CPython's default threshold (700
    allocations) the collector ran more than once per dossier, 13 % of a 1,000-dossier run.
    At 10,000, each older-generation pass still walked the dossiers waiting to be scored
    (~30 ms each, 0.1 s of the 5,000-dossier sample corpus); at 50,000 most of them are
    scored and gone first. Memory is still reclaimed by reference counting at once; cycles
    are still collected, less often. The previous thresholds come back when it ends."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _stream_sides(libraries: list[RubricLibrary], args: list[str], policy: GatePolicy,
                  spread_limit: float, on_item: OnItem | None, counts: list[Tally],
                  level: Level) -> Iterator[tuple[int, Piece]]:
    """Score sheets are read first and merged by product id at the end (with a dossier
    that shares an id with them: :mod:`ocop_rate.merge`); every other dossier is scored as
    it streams, :data:`BLOCK` at a time."""
    sides = range(len(libraries))
    seen: list[dict[str, str | None]] = [{} for _ in sides]
    refused: list[Path] = []
    names = collect_names(args, refused)  # held for the whole stream: as text, not a
    # Path object per file (with its parts), ~250 bytes less per dossier
    merges = [SheetMerge(library) for library in libraries]
    done = 0
    for name in names:
        path = Path(name)
        if path.suffix.lower() in SHEET_SUFFIXES:
            for merge in merges:
                merge.read(path)
            done += 1
            if on_item is not None:
                on_item(done, len(names))
    pending = [_Pending(policy, spread_limit, level, merges[i].most) for i in sides]
    twins = _Twins()
    for name in names:
        path = Path(name)
        if path.suffix.lower() in SHEET_SUFFIXES:  # its problems, in the batch's order
            for i in sides:
                for failure in merges[i].failures_of(path):
                    pending[i].fail(failure)
            continue
        parsed = parse_file(path)
        first = fit_parsed(libraries[0], parsed)
        for i in sides:
            fit = first if i == 0 else twins.fit(libraries[i], parsed, first)
            _take_unique(fit, name, seen[i], pending[i], merges[i])
        if pending[0].full:
            scored: _Scored = {}
            for i in sides:
                yield from _counted(i, pending[i].flush(twins, scored), counts[i])
        done += 1
        if on_item is not None:
            on_item(done, len(names))
    for path in refused:
        for i in sides:
            pending[i].fail(Failure(product_id=None, rubric=None, file=str(path), errors=(
                to_out(Problem.of(OUTSIDE, Location(str(path)),
                                  target=str(path.resolve()))),)))
    sheets: list[list[RatingColumns]] = []
    for i in sides:
        merged = merges[i].finish(policy, spread_limit, level, pending[i].most)
        for failure in merged.failures:
            pending[i].fail(failure)
        for rubric, loaded in merged.dossiers:
            pending[i].add(rubric, loaded)
        sheets.append(merged.blocks)
    scored = {}
    for i in sides:
        yield from _counted(i, pending[i].flush(twins, scored), counts[i])
    for i in sides:
        yield from _counted(i, sheets[i], counts[i])


def _counted(side: int, pieces: Iterable[Piece], tally: Tally
             ) -> Iterator[tuple[int, Piece]]:
    for piece in pieces:
        if isinstance(piece, Failure):
            tally.failures += 1
            tally.count += 1
        elif isinstance(piece, tuple):
            tally.count += 1
        else:
            tally.count += len(piece)
        yield side, piece


class _Pending:
    """Failures and dossiers read but not scored yet, in input order; the dossiers are
    scored a block per rubric at each flush."""

    def __init__(self, policy: GatePolicy, spread_limit: float, level: Level,
                 most: int = 0) -> None:
        self.policy, self.spread_limit, self.level = policy, spread_limit, level
        self.most = most  # the largest council of the run so far (one-member warnings)
        self.order: list[Failure | tuple[str, int]] = []
        self.waiting: dict[str, tuple[Rubric, list[tuple[Dossier, str | None]]]] = {}
        self.largest = 0  # dossiers of the rubric with most waiting

    @property
    def count(self) -> int:
        return len(self.order)

    @property
    def full(self) -> bool:
        """Time to score: a rubric has :data:`BLOCK` dossiers waiting, or :data:`HELD`
        pieces wait in all."""
        return self.largest >= BLOCK or len(self.order) >= HELD

    def fail(self, failure: Failure) -> None:
        self.order.append(failure)

    def add(self, rubric: Rubric, loaded: LoadedDossier) -> None:
        entry = self.waiting.setdefault(rubric.id, (rubric, []))
        self.order.append((rubric.id, len(entry[1])))
        entry[1].append((loaded.dossier, loaded.source.file))
        self.largest = max(self.largest, len(entry[1]))
        self.most = max(self.most, len(loaded.dossier.council))

    def flush(self, twins: _Twins | None = None, scored: _Scored | None = None
              ) -> list[Piece]:
        """The pieces in order, each rubric's dossiers scored as one block. A block of
        the same dossiers under an equal rubric already in ``scored`` (another side of a
        ``diff``) is taken from there."""
        blocks: dict[str, RatingColumns] = {}
        for rid, (rubric, dossiers) in self.waiting.items():
            key = tuple(id(d) for d, _ in dossiers)  # the same parsed objects, in order
            done = None if scored is None or twins is None else next(
                (b for r, b in scored.get(key, ()) if twins.same(r, rubric)), None)
            if done is None:
                done = score_columns(from_dossiers(rubric, dossiers), self.policy,
                                     self.spread_limit, self.level)
                if scored is not None:
                    scored.setdefault(key, []).append((rubric, done))
            warn_one_member(done, self.most, _file_of(done))
            blocks[rid] = done
        out: list[Piece] = [x if isinstance(x, Failure) else (blocks[x[0]], x[1])
                            for x in self.order]
        self.order, self.waiting, self.largest = [], {}, 0
        return out


_Scored = dict[tuple[int, ...], list[tuple[Rubric, RatingColumns]]]
"""Blocks scored at one flush, by the ids of their dossiers, with their rubric."""


class _Twins:
    """Equal rubrics of different libraries (a rubric a ``diff`` leaves unchanged): a
    dossier is fitted to it and scored under it once, for both sides. Fitting and scoring
    read nothing but the rubric's fields and the dossier, so the result is the same."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int], tuple[Rubric, Rubric, bool]] = {}

    def same(self, a: Rubric, b: Rubric) -> bool:
        if a is b:
            return True
        hit = self.known.get((id(a), id(b)))
        if hit is None or hit[0] is not a or hit[1] is not b:
            hit = self.known[(id(a), id(b))] = (a, b, a == b)
        return hit[2]

    def fit(self, library: RubricLibrary, parsed: LoadedDossier | Failure,
            first: tuple[Rubric, LoadedDossier] | Failure
            ) -> tuple[Rubric, LoadedDossier] | Failure:
        """:func:`fit_parsed` under ``library``, given the fit under the first side's."""
        if isinstance(parsed, LoadedDossier):
            rubric = library.rubrics.get(parsed.dossier.product.rubric)
            if rubric is not None and not isinstance(first, Failure) \
                    and self.same(first[0], rubric):
                return rubric, parsed
        return fit_parsed(library, parsed)


def _take_unique(read: tuple[Rubric, LoadedDossier] | Failure, path: str,
                 seen: dict[str, str | None], pending: _Pending, merge: SheetMerge) -> None:
    """Queue one read dossier (file ``path``) for scoring; a product id already seen among
    the batch's dossiers is a Failure. A dossier whose product a score sheet also scores
    waits for the merge (its council and the sheet's rows are one council). ``seen`` keeps
    the caller's own ``path`` text, not a copy per dossier."""
    if isinstance(read, Failure):
        pid, rubric_id = read.product_id, read.rubric
    else:
        pid, rubric_id = read[1].dossier.product.id, read[0].id
    key = None if pid is None else id_key(pid)  # "QN-01" and "qn‑01" are one product
    if key is not None and key in seen:
        pending.fail(Failure(product_id=pid, rubric=rubric_id, file=path, errors=(to_out(
            Problem.of("rating.id_used", Location(path, field="product.id"), id=pid,
                       other=str(seen[key]))),)))
        return
    if key is not None:
        seen[key] = path
    waits = pid is not None and merge.names(pid)
    if waits:
        assert pid is not None
        merge.hold(pid, None if isinstance(read, Failure) else read, path)
    if isinstance(read, Failure):
        pending.fail(read)
    elif not waits:
        pending.add(*read)


def _file_of(block: RatingColumns) -> Callable[[int], str]:
    """Where product ``p`` of a block of dossiers was read (a one-member warning's place)."""
    return lambda p: str(block.file_of(p))
