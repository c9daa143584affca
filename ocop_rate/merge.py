"""One way in (issue 19): loose files are a round without a roster. The score sheets of a
run are merged by product id, whatever file they come from, with the rules a round uses.

Rows of one product may come from several files (one workbook per member, sheets of one
workbook, a sheet beside the product's YAML dossier): together they are that product's
council (docs/contract.md). A member scoring one product twice is an error located at both
rows; an id scored by fewer members than the others and close to a known id (the round's
:func:`ocop_rate.round.merge.nearest`: zero padding, case, separators, at most two edits)
is a near miss, reported with the suggestion and not rated as a product of its own; a
product scored by one member while others have several carries a located warning.

Cost: a product named in one sheet only (the usual combined sheet of 100,000 products)
keeps its block as read; only products met in several places are rebuilt. Dossiers that
no sheet names never come here: they are scored as they stream (``ocop_rate.pipeline``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_rate.engine import GatePolicy, not_whole_hundredths, score_columns
from ocop_rate.engine.columns import CouncilColumns, starts_of
from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.loading.caps import capped
from ocop_rate.loading.dossiers import LoadedDossier
from ocop_rate.loading.rubrics import RubricLibrary
from ocop_rate.models.dossier import MemberSheet
from ocop_rate.models.names import (
    NEAR_MISS_EDITS,
    id_key,
    id_keys,
    loose_id_key,
    member_key,
    nearest,
)
from ocop_rate.models.rating import Failure, Notice, ProblemOut, RatingColumns
from ocop_rate.models.rubric import Rubric
from ocop_rate.outcome import Level

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ocop_rate.loading.score_sheets import RowPlaces

ONE_MEMBER = "rating.one_member"
NEAR_MISS_BUDGET = 2_000_000
"""Id pairs compared by edit distance in one run at most: a run of 100,000 products with
many short councils still ends (ids equal but for padding, case or separators are always
found: they are looked up, not compared)."""

Ref = tuple[int, int]
"""Product ``p`` of block ``b`` of the run's sheets."""


@dataclass
class _Group:
    """Everything a run has for one product id: its rows in the sheets, and the dossier
    that names it too, if any."""

    refs: list[Ref] = field(default_factory=list)
    held: tuple[Rubric, LoadedDossier] | None = None
    broken: str | None = None  # a file where this product's part could not be used
    size: int = 0              # rows (members) so far


@dataclass
class Merged:
    """What :meth:`SheetMerge.finish` gives: products that cannot be rated, dossiers
    completed by sheet rows (to be scored as dossiers), and the sheets' scored blocks."""

    failures: list[Failure]
    dossiers: list[tuple[Rubric, LoadedDossier]]
    blocks: list[RatingColumns]


class SheetMerge:
    """A run's score sheets, read before its dossiers (so a dossier knows whether a sheet
    names it), merged by product id once every file has been read."""

    def __init__(self, library: RubricLibrary) -> None:
        self.library = library
        self.blocks: list[CouncilColumns] = []
        self.places: list[RowPlaces] = []
        self.groups: dict[str, _Group] = {}
        self.read_failures: dict[str, list[Failure]] = {}

    def read(self, path: Path) -> None:
        """Read one score sheet (every sheet of a workbook); its bad products are kept for
        :meth:`failures_of`, in the batch's file order."""
        from ocop_rate.loading.score_sheets import read_score_sheet

        name = str(path)
        try:
            content = read_score_sheet(path, self.library)
        except OcopError as exc:
            self.read_failures[name] = [Failure(product_id=None, rubric=None, file=name,
                                                errors=tuple(to_out(p) for p in
                                                             capped(exc.problems, name)))]
            return
        failed = [Failure(product_id=bad.product_id, rubric=bad.rubric, file=name,
                          errors=tuple(to_out(p) for p in bad.problems)) for bad in content.bad]
        for bad in content.bad:
            if bad.product_id is not None:
                self.groups.setdefault(id_key(bad.product_id), _Group()).broken = name
        for cols, places in zip(content.blocks, content.places, strict=True):
            if not_whole_hundredths(cols.rubric):
                failed.append(Failure(product_id=None, rubric=cols.rubric.id, file=name,
                                      errors=(to_out(unratable(cols.rubric, Location(name))),)))
                continue
            b = len(self.blocks)
            self.blocks.append(cols)
            self.places.append(places)
            sizes = (cols.starts[1:] - cols.starts[:-1]).tolist()
            for p, key in enumerate(id_keys(cols.product_id)):
                group = self.groups.setdefault(key, _Group())
                group.refs.append((b, p))
                group.size += sizes[p]
        self.read_failures[name] = failed

    def failures_of(self, path: Path) -> list[Failure]:
        """The problems of one sheet found while reading it."""
        return self.read_failures.pop(str(path), [])

    @property
    def most(self) -> int:
        """The largest council the sheets give one product: its members counted once (a
        member who scores it twice makes no larger council). Only products met in several
        places can hold a member twice (a sheet refuses it within itself), and only the
        largest met so far are counted member by member."""
        best = 0
        for group in self.groups.values():
            if group.refs and group.size > best:  # council sizes are small: rarely true
                best = max(best, group.size if len(group.refs) == 1 and group.held is None
                           else len({member_key(m) for m in self._members(group)}))
        return best

    def _members(self, group: _Group) -> list[str]:
        """The members of every sheet of the product, as written."""
        out = [] if group.held is None else [s.member for s in group.held[1].dossier.council]
        for b, p in group.refs:
            block = self.blocks[b]
            out += block.member[int(block.starts[p]):int(block.starts[p + 1])]
        return out

    def names(self, pid: str) -> bool:
        """Whether a sheet scores product ``pid`` (its dossier then waits for the merge)."""
        group = self.groups.get(id_key(pid))
        return group is not None and bool(group.refs)

    def hold(self, pid: str, read: tuple[Rubric, LoadedDossier] | None, file: str) -> None:
        """The dossier of ``pid``, which a sheet also scores (None: it could not be used)."""
        group = self.groups[id_key(pid)]
        if read is None:
            group.broken = file
        else:
            group.held = read
            group.size += len(read[1].dossier.council)

    def finish(self, policy: GatePolicy, spread_limit: float, level: Level,
               most: int = 0) -> Merged:
        """Merge by product id and score. ``most``: the largest council among the run's
        other inputs (dossiers), for the near-miss and one-member checks."""
        most = max(most, self.most)
        failures: list[Failure] = []
        dossiers: list[tuple[Rubric, LoadedDossier]] = []
        dropped: set[int] = set()          # id(group) not rated
        joined: list[_Group] = []          # products met in several places
        for group in self.groups.values():
            if not group.refs or (len(group.refs) == 1 and group.held is None
                                  and group.broken is None):
                continue
            problem = self._conflict(group)
            if problem is not None:
                failures.append(self._failure(group, problem))
                dropped.add(id(group))
            elif group.held is not None:
                dossiers.append(self._completed(group))
            else:
                joined.append(group)
        failures += self._near_misses(most, dropped)
        joined = [g for g in joined if id(g) not in dropped]
        blocks = self._kept_blocks(dropped, joined) + self._joined_blocks(joined)
        scored = []
        for cols, origin in blocks:
            rated = score_columns(cols, policy, spread_limit, level)
            warn_one_member(rated, most, self._where(origin))
            scored.append(rated)
        return Merged(failures, dossiers, scored)

    # -- conflicts ---------------------------------------------------------------------

    def _rows(self, group: _Group) -> list[tuple[str, str]]:
        """(member as written, where) of every sheet of the product: its dossier's first."""
        out: list[tuple[str, str]] = []
        if group.held is not None:
            out += [(s.member, group.held[1].source.file) for s in group.held[1].dossier.council]
        for b, p in group.refs:
            block = self.blocks[b]
            out += [(block.member[r], self.places[b].said(r))
                    for r in range(int(block.starts[p]), int(block.starts[p + 1]))]
        return out

    def _conflict(self, group: _Group) -> Problem | None:
        """Why the product cannot be rated on its merged council, if anything stops it."""
        b0, p0 = group.refs[0]
        pid = self.blocks[b0].product_id[p0]
        if group.broken is not None:
            return Problem.of("rating.part_not_used", self.places[b0].at(int(
                self.blocks[b0].starts[p0])), pid=pid, file=group.broken)
        rubrics = [self.blocks[b].rubric.id for b, _ in group.refs]
        if group.held is not None:
            rubrics.insert(0, group.held[0].id)
        if len(set(rubrics)) > 1:
            b, p = group.refs[-1]
            return Problem.of("sheet.rubrics_differ", self.places[b].at(
                int(self.blocks[b].starts[p])), product=pid,
                seen=", ".join(repr(r) for r in dict.fromkeys(rubrics)))
        rows = self._rows(group)
        return member_twice(pid, rows, lambda i: self._locate(group, rows[i][1]))

    def _locate(self, group: _Group, where: str) -> Location:
        """The row said ``where`` (a member's second sheet of the product), at its member
        cell."""
        for b, p in group.refs:
            for r in range(int(self.blocks[b].starts[p]), int(self.blocks[b].starts[p + 1])):
                if self.places[b].said(r) == where:
                    return self.places[b].at(r, member=True)
        return Location(where)

    def _failure(self, group: _Group, problem: Problem) -> Failure:
        b, p = group.refs[0]
        block = self.blocks[b]
        return Failure(product_id=block.product_id[p], rubric=block.rubric.id,
                       file=problem.location.file, errors=(to_out(problem),))

    def _completed(self, group: _Group) -> tuple[Rubric, LoadedDossier]:
        """The product's dossier, its council completed by the sheets' rows."""
        assert group.held is not None
        rubric, loaded = group.held
        council = list(loaded.dossier.council)
        for b, p in group.refs:
            block = self.blocks[b]
            crits = block.rubric.criteria
            for r in range(int(block.starts[p]), int(block.starts[p + 1])):
                council.append(MemberSheet(member=block.member[r], scores={
                    c.id: c.option_at(int(block.option[r, k])).code
                    for k, c in enumerate(crits)}))
        dossier = loaded.dossier.model_copy(update={"council": tuple(council)})
        return rubric, LoadedDossier(dossier, loaded.source)

    # -- near misses -------------------------------------------------------------------

    def _near_misses(self, most: int, dropped: set[int]) -> list[Failure]:
        """Ids scored by fewer members than the largest council and close to an id that
        other members scored: not rated, the id they likely meant suggested. A suggestion
        must not share a member with the near miss (a typo moves a member's sheet away
        from the product, it does not copy it) and must have more members; one found by
        edits alone (not by padding, case or separators) must also have the same rubric
        and make, with the near miss, a council as large as the largest."""

        live = [g for g in self.groups.values() if g.refs and id(g) not in dropped]
        suspects = sorted((g for g in live if g.size < most and g.held is None),
                          key=lambda g: g.size)
        if not suspects:
            return []
        shown = {id(g): self._pid(g) for g in live}
        by_key: dict[str, list[_Group]] = {}
        for g in live:
            by_key.setdefault(loose_id_key(shown[id(g)]), []).append(g)
        budget = NEAR_MISS_BUDGET
        out: list[Failure] = []
        for suspect in suspects:
            if id(suspect) in dropped:
                continue
            pid = shown[id(suspect)]
            members = {member_key(m) for m, _ in self._rows(suspect)}

            def fits(g: _Group, suspect: _Group = suspect, members: set[str] = members
                     ) -> bool:
                return g is not suspect and id(g) not in dropped and g.size > suspect.size \
                    and not members & {member_key(m) for m, _ in self._rows(g)}

            same = [g for g in by_key.get(loose_id_key(pid), []) if fits(g)]
            pool = same
            if not same and budget >= len(live):
                # a few edits apart only: ids of a batch are often that close (QN-0001,
                # QN-0005), so the two must look like one council cut in two: the same
                # rubric, and together exactly as many members as the largest council
                budget -= len(live)
                rubric = self._rubric(suspect)
                pool = [g for g in live if abs(len(shown[id(g)]) - len(pid)) <= NEAR_MISS_EDITS
                        and g.size + suspect.size == most and self._rubric(g) == rubric]
            names = {shown[id(g)]: g for g in pool}
            near = [n for n in nearest(pid, list(names)) if fits(names[n])]
            if not near:
                continue
            dropped.add(id(suspect))
            b, p = suspect.refs[0]
            where = self.places[b].at(int(self.blocks[b].starts[p]))
            problem = near_miss(pid, where, [m for m, _ in self._rows(suspect)], most, near)
            out.append(Failure(product_id=pid, rubric=self.blocks[b].rubric.id,
                               file=where.file, errors=(to_out(problem),)))
        return out

    def _rubric(self, group: _Group) -> str:
        return group.held[0].id if group.held is not None else \
            self.blocks[group.refs[0][0]].rubric.id

    def _pid(self, group: _Group) -> str:
        b, p = group.refs[0]
        return self.blocks[b].product_id[p]

    # -- blocks ------------------------------------------------------------------------

    def _kept_blocks(self, dropped: set[int], joined: list[_Group]
                     ) -> list[tuple[CouncilColumns, list[Ref]]]:
        """Each sheet's block, less its products rated elsewhere or not at all; a block
        that loses none is kept as read (the usual case costs nothing)."""
        gone: dict[int, set[int]] = {}
        for group in self.groups.values():
            if len(group.refs) > 1 or group.held is not None or id(group) in dropped or \
                    group.broken is not None:
                for b, p in group.refs:
                    gone.setdefault(b, set()).add(p)
        out: list[tuple[CouncilColumns, list[Ref]]] = []
        for b, block in enumerate(self.blocks):
            lost = gone.get(b, set())
            refs = [(b, p) for p in range(len(block)) if p not in lost]
            if not lost:
                out.append((block, refs))
            elif refs:
                out.append((self._assemble(block.rubric, block.file, [[r] for r in refs]),
                            refs))
        return out

    def _joined_blocks(self, joined: list[_Group]) -> list[tuple[CouncilColumns, list[Ref]]]:
        """Products met in several sheets: one block per rubric, in the order met."""
        by_rubric: dict[str, list[_Group]] = {}
        for group in joined:
            by_rubric.setdefault(self.blocks[group.refs[0][0]].rubric.id, []).append(group)
        out: list[tuple[CouncilColumns, list[Ref]]] = []
        for groups in by_rubric.values():
            first = self.blocks[groups[0].refs[0][0]]
            out.append((self._assemble(first.rubric, first.file, [g.refs for g in groups]),
                        [g.refs[0] for g in groups]))
        return out

    def _assemble(self, rubric: Rubric, file: str, products: list[list[Ref]]
                  ) -> CouncilColumns:
        """A block of ``products``, each the rows of its refs in order."""
        import numpy as np

        ids: list[str] = []
        names: list[str] = []
        members: list[str] = []
        options = []
        sizes: list[int] = []
        for refs in products:
            b0, p0 = refs[0]
            ids.append(self.blocks[b0].product_id[p0])
            names.append(next((self.blocks[b].product_name[p] for b, p in refs
                               if self.blocks[b].product_name[p]), ""))
            size = 0
            for b, p in refs:
                block = self.blocks[b]
                lo, hi = int(block.starts[p]), int(block.starts[p + 1])
                members += block.member[lo:hi]
                options.append(block.option[lo:hi])
                size += hi - lo
            sizes.append(size)
        return CouncilColumns(
            rubric=rubric, file=file, product_id=ids, product_name=names,
            starts=starts_of(sizes), member=members,
            option=np.ascontiguousarray(np.concatenate(options)))

    def _where(self, refs: list[Ref]) -> Callable[[int], str]:
        """Where product ``p`` of a block built from ``refs`` was read (its first row)."""
        return lambda p: self._said(refs[p])

    def _said(self, ref: Ref) -> str:
        b, p = ref
        return self.places[b].said(int(self.blocks[b].starts[p]))


def member_twice(pid: str, rows: Sequence[tuple[str, str]],
                 locate: Callable[[int], Location]) -> Problem | None:
    """The rule of one member, one sheet per product, loose and in a round alike: the
    first member of ``rows`` (member as written, where the row is said) met again, names
    compared by :func:`member_key`; ``locate(i)`` places row ``i`` (its member cell). A
    round asks it of the sheets of one member in one pass (a later pass re-scores)."""
    first: dict[str, int] = {}
    for i, (member, where) in enumerate(rows):
        j = first.setdefault(member_key(member), i)
        if j != i:
            return Problem.of("rating.member_twice", locate(i), member=member, product=pid,
                              first=rows[j][1], again=where)
    return None


def near_miss(pid: str, where: Location, members: Sequence[str], of: int,
              near: Sequence[str]) -> Problem:
    """Id ``pid``, scored by ``members`` only while councils have ``of``, is likely one of
    ``near``: not rated as a product of its own (loose: the ids other members scored; a
    round: its product list)."""
    written = list(dict.fromkeys(members))
    return Problem.of("round.near_miss", where, pid=pid, count=len(written), of=of,
                      suggestion=" / ".join(near), members=", ".join(written))


def to_out(problem: Problem) -> ProblemOut:
    loc = problem.location
    params = {k: v if isinstance(v, (str, int, float)) else str(v)
              for k, v in problem.params.items()}
    return ProblemOut(message=problem.message, file=loc.file, line=loc.line,
                      column=loc.column, field=loc.field, message_id=problem.message_id,
                      params=params)


def unratable(rubric: Rubric, location: Location) -> Problem:
    return Problem.of("engine.not_hundredths", location, rubric=rubric.id,
                      where="; ".join(not_whole_hundredths(rubric)[:3]))


def warn_one_member(block: RatingColumns, most: int, where: Callable[[int], str]) -> None:
    """A located warning on each product of ``block`` scored by one member while another
    product of the run has ``most`` (two or more): a sheet sent under the wrong id, or a
    council that has not finished, is not rated as if it were whole without a word."""
    if most < 2:
        return
    sizes = (block.starts[1:] - block.starts[:-1]).tolist()
    for p, size in enumerate(sizes):
        if size != 1 or any(w.message_id == ONE_MEMBER for w in block.warnings[p]):
            continue
        notice = Notice(message_id=ONE_MEMBER, params={
            "pid": block.product_id[p], "member": block.member[int(block.starts[p])],
            "where": where(p), "most": str(most)})
        block.warnings[p] = (*block.warnings[p], notice)

