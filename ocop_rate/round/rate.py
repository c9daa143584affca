"""Rate a round: read the folder, merge the sheets, rate each product that meets its
quorum with the one engine, and describe the round (completeness, history, pairs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ocop_rate.engine import rating_at
from ocop_rate.errors import Location, Problem
from ocop_rate.loading.dossiers import collect_paths
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.merge import to_out
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import BatchResult, Failure, Rating, RatingColumns
from ocop_rate.models.round import (
    Level,
    MemberPair,
    PairCriterion,
    RoundConfig,
    RoundEntry,
    RoundProblem,
    RoundReport,
    SheetRecord,
)
from ocop_rate.models.rubric import Rubric
from ocop_rate.outcome import verdict_at
from ocop_rate.round import deadlines
from ocop_rate.round.config import RoundFolder, open_round
from ocop_rate.round.council import CONSENSUS_MEMBER, fit_council, score_councils
from ocop_rate.round.loose import LooseDossiers, differences, is_dossier, read_dossier_rows
from ocop_rate.round.merge import ProductPlan, merge
from ocop_rate.round.products import read_products
from ocop_rate.round.sheets import SheetRead, SheetRow, read_sheet
from ocop_rate.round.tables import header_key
from ocop_rate.round.written import OwnSheet, judge, summarise

PAIR_CRITERIA = 3  # criteria named for the furthest-apart pair


def rate_round(library: RubricLibrary, config_path: Path, level: Level | None = None,
               today: dt.date | None = None, loose: Sequence[str] = ()
               ) -> tuple[RoundReport, BatchResult]:
    """The round of ``config_path`` (its ``round.yaml``) rated. ``level`` overrides the
    council level of round.yaml; ``today`` is the day a written-opinion round's overdue
    answers are judged on (default: the computer's date); ``loose``: files, folders or
    patterns named beside the folder, whose sheets join it (:mod:`ocop_rate.round.loose`).
    Raises a located ``OcopError`` only when round.yaml, the product list or a loose name
    cannot be used at all; everything else is reported.

    Every product is fitted on its own (its problems located at their cells), then the
    products of one rubric are scored together, one block of council columns, as are the
    sheets that stand alone (superseded passes, members beside a consensus)."""
    folder = open_round(config_path)
    outside: list[Path] = []
    extra = collect_paths(list(loose), outside) if loose else []
    listed = read_products(folder.products)
    mode = folder.config.decided_by([p.product.registration
                                     for p in listed.products.values()])
    folder = replace(folder, config=folder.config.model_copy(update={"mode": mode}))
    dossiers = LooseDossiers()
    read = read_sheets(library, folder, extra, dossiers)
    read.problems += [Problem.of("round.link_outside", Location(str(p))) for p in outside]
    config = folder.config
    plan = merge(config, listed, read.rows, ordered_files=bool(config.sheets),
                 broken=read.broken)
    differ = differences(dossiers, listed)
    for product in plan.products:
        product.problems += differ.get(product.listed.product.id, [])
    problems = [*folder.problems, *listed.problems, *read.problems, *plan.problems]
    council_level = level or config.level
    file = str(folder.products)
    councils = _Blocks()
    solos = _Blocks()
    fitted = []
    for product in plan.products:
        rubric, council, result = _fit_product(library, folder, product)
        if isinstance(result, Dossier):
            assert rubric is not None
            councils.add(rubric, result, product, council[0][1].locate(None))
        if rubric is not None:
            for member, row in _alone(folder, product):
                solo = fit_council(rubric, product.listed.product, [(member, row)],
                                   product.listed.locate)
                if isinstance(solo, Dossier):
                    solos.add(rubric, solo, row)
        fitted.append((product, rubric, council, result))
    most = max((len(p.final) for p in plan.products), default=0) \
        if config.mode == "average" else 0  # an agreed sheet is the whole council's
    scored = councils.score(config, file, council_level, most=most)
    alone = solos.score(config, None, config.level, spread_limit=1e9)
    totals = {key: int(block.total[p]) / 100 for key, (block, p) in alone.items()}
    own = {key: _own(block, p) for key, (block, p) in alone.items()}
    entries: list[RoundEntry] = []
    items: list[Rating | Failure] = []
    for product, _, council, result in fitted:
        found = scored.get(id(product))
        item: Rating | Failure
        if found is not None:
            item = rating_at(*found)
        else:
            assert not isinstance(result, Dossier)
            item = Failure(product_id=product.listed.product.id,
                           rubric=product.listed.product.rubric, file=file,
                           errors=tuple(to_out(p) for p in result))
        entry = _entry(folder, product, council, item, totals,
                       () if isinstance(result, Dossier) else result)
        entry = entry.model_copy(update={"deadlines": deadlines.check(
            product.listed.product, council_level, config.date)})
        if mode == "written":
            sheets = {m: own[id(row)] for m, row in product.final if id(row) in own}
            entry = entry.model_copy(update={"written": judge(
                config, product.final, product.quorum is not None and product.quorum.met,
                item, sheets, library.rubrics.get(product.listed.product.rubric))})
        entries.append(entry)
        items.append(item)
    report = RoundReport(
        name=config.name, date=config.date, level=council_level,
        level_source="--level" if level else "round.yaml", province=config.province,
        mode=config.mode, quorum=config.quorum, required=config.required,
        spread_limit=config.spread_limit, roster=config.roster, entries=tuple(entries),
        extra=tuple(plan.extra), problems=tuple(round_problem(p) for p in problems),
        written=None if mode != "written" else summarise(config, entries,
                                                         today or dt.date.today()))
    return report, BatchResult(items=tuple(items))


def _own(block: RatingColumns, p: int) -> OwnSheet:
    """A sheet rated alone: its total, class and outcome."""
    verdict = verdict_at(block, p)
    return OwnSheet(total=int(block.total[p]) / 100, stars=verdict.stars,
                    outcome=verdict.outcome)


class _Blocks:
    """Fitted dossiers waiting to be scored, per rubric, each with the key it is found by
    afterwards (a product's plan, a sheet's row)."""

    def __init__(self) -> None:
        self.waiting: dict[str, tuple[Rubric, list[Dossier], list[int], list[str]]] = {}

    def add(self, rubric: Rubric, dossier: Dossier, key: object,
            where: Location | None = None) -> None:
        entry = self.waiting.setdefault(rubric.id, (rubric, [], [], []))
        entry[1].append(dossier)
        entry[2].append(id(key))
        entry[3].append("" if where is None else
                        f"{where.file}:{where.line}" if where.line else str(where.file))

    def score(self, config: RoundConfig, file: str | None, level: Level,
              spread_limit: float | None = None, most: int = 0
              ) -> dict[int, tuple[RatingColumns, int]]:
        """One block per rubric; key -> (block, index of its product). ``most``: the
        largest council of the round, for the one-member warning loose files carry too
        (``ocop_rate.merge``)."""
        from ocop_rate.merge import warn_one_member

        out: dict[int, tuple[RatingColumns, int]] = {}
        for rubric, dossiers, keys, wheres in self.waiting.values():
            block = score_councils(
                rubric, dossiers, policy=config.gate_policy, file=file, level=level,
                spread_limit=config.spread_limit if spread_limit is None else spread_limit)
            warn_one_member(block, most, wheres.__getitem__)
            out.update((key, (block, p)) for p, key in enumerate(keys))
        return out


def read_sheets(library: RubricLibrary, folder: RoundFolder, loose: Sequence[Path] = (),
                dossiers: LooseDossiers | None = None) -> SheetRead:
    """Every row of the round's sheets, in the round's file order, then those of the
    ``loose`` files named beside it (a file of the folder named again is read once). A
    YAML dossier, in the folder or beside it, gives its council (kept in ``dossiers``
    to be checked against the list)."""
    criteria = library.criterion_ids()
    names = {header_key(m.name): m.name for m in folder.config.roster}
    out = SheetRead()
    kept = LooseDossiers() if dossiers is None else dossiers
    for order, (path, entry) in enumerate(folder.sheets):
        if is_dossier(path):  # a product's dossier in the folder gives its council too
            read_dossier_rows(path, order, out, kept, loose=False)
            continue
        member = entry.member or names.get(header_key(path.stem))
        read_sheet(path, order, criteria, member, out)
    own = {folder.products.resolve(), *(p.resolve() for p, _ in folder.sheets)}
    for order, path in enumerate(loose, start=len(folder.sheets)):
        if path.resolve() in own:
            continue
        if is_dossier(path):
            read_dossier_rows(path, order, out, kept)
        else:
            read_sheet(path, order, criteria, names.get(header_key(path.stem)), out,
                       loose=True)
    return out


def round_problem(problem: Problem) -> RoundProblem:
    loc = problem.location
    return RoundProblem(message=problem.text("en"), message_vi=problem.text("vi"),
                        message_id=problem.message_id, file=loc.file, line=loc.line,
                        column=loc.column, field=loc.field)


def _fit_product(library: RubricLibrary, folder: RoundFolder, plan: ProductPlan
                 ) -> tuple[Rubric | None, list[tuple[str, SheetRow]], Dossier | list[Problem]]:
    """The product's rubric, the sheets that make its council (the agreed one in consensus
    mode), and its dossier ready to score — or every problem that keeps it from a rating."""
    product, locate = plan.listed.product, plan.listed.locate
    rubric = library.rubrics.get(product.rubric)
    problems = list(plan.problems)
    if rubric is None:
        message_id, params = unknown_rubric(product.rubric, list(library.rubrics))
        problems.append(Problem.of(message_id, locate("rubric"), **params))
    council = plan.final
    if folder.config.mode == "consensus" and plan.consensus is not None:
        council = [(CONSENSUS_MEMBER, plan.consensus)]
    if problems or rubric is None:
        return rubric, council, problems
    return rubric, council, fit_council(rubric, product, council, locate)


def _alone(folder: RoundFolder, plan: ProductPlan) -> list[tuple[str, SheetRow]]:
    """The sheets rated on their own as well as in the council: superseded passes (their
    totals shown), members' sheets beside a consensus (shown, never averaged), and each
    member's final sheet of a written-opinion round (whose own class tells whether the
    opinions differ)."""
    rows: list[tuple[str, SheetRow]] = list(plan.history)
    if folder.config.mode in ("consensus", "written"):
        rows += plan.final
    return rows


def _entry(folder: RoundFolder, plan: ProductPlan, council: list[tuple[str, SheetRow]],
           item: Rating | Failure, alone: dict[int, float], problems: Sequence[Problem]
           ) -> RoundEntry:
    """The round's view of one product: quorum, who scored what, every sheet with its own
    total (sheets that do not fit are left without one: their problems are reported on
    the product when they count), the pair furthest apart."""
    config = folder.config
    product = plan.listed.product
    totals = {key: alone[key] for _, row in _alone(folder, plan)
              if (key := id(row)) in alone}
    if isinstance(item, Rating):  # the final sheets' own totals are in the rating
        own = {m.member: m.total for m in item.members}
        for member, row in council:
            totals.setdefault(id(row), own[member])
    records = [_record(m, row, True, totals) for m, row in plan.final]
    records += [_record(m, row, False, totals) for m, row in plan.history]
    if plan.consensus is not None:
        records.insert(0, _record(CONSENSUS_MEMBER, plan.consensus, True, totals, True))
    individual: tuple[tuple[str, float], ...] = ()
    if config.mode == "consensus":
        individual = tuple((m, totals[id(row)]) for m, row in plan.final if id(row) in totals)
    pair = _pair(item, config.spread_limit) if config.mode != "consensus" else None
    assert plan.quorum is not None
    return RoundEntry(
        product_id=product.id, product_name=product.name, rubric=product.rubric,
        registration=product.registration, legal_representative=product.legal_representative,
        quorum=plan.quorum, completeness=plan.completeness, sheets=tuple(records),
        individual=individual, pair=pair, rated=isinstance(item, Rating),
        problems=tuple(round_problem(p) for p in problems))


def _record(member: str, row: SheetRow, final: bool, totals: dict[int, float],
            consensus: bool = False) -> SheetRecord:
    return SheetRecord(member=member, pass_no=row.pass_no, file=row.file, date=row.date,
                       comment=row.comment, final=final, consensus=consensus,
                       total=totals.get(id(row)), scores=dict(row.scores))


def _pair(item: Rating | Failure, limit: float) -> MemberPair | None:
    """The furthest-apart members of a rated product and the criteria where they differ
    most (a view of the rating: points per member are already in it)."""
    if not isinstance(item, Rating) or len(item.members) < 2:
        return None
    high = max(item.members, key=lambda m: m.total)
    low = min(item.members, key=lambda m: m.total)
    gaps: list[PairCriterion] = []
    for crit in item.criteria:
        chosen = {ch.member: ch for ch in crit.choices}
        hi, lo = chosen.get(high.member), chosen.get(low.member)
        if hi is not None and lo is not None and hi.points != lo.points:
            gaps.append(PairCriterion(id=crit.id, high_option=hi.option, low_option=lo.option,
                                      points=round(hi.points - lo.points, 2)))
    gaps.sort(key=lambda g: -abs(g.points))
    spread = round(high.total - low.total, 2)
    return MemberPair(high=high.member, low=low.member, spread=spread,
                      over_limit=spread > limit, criteria=tuple(gaps[:PAIR_CRITERIA]))
