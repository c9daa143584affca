"""Rate a round: read the folder, merge the sheets, rate each product that meets its
quorum with the one engine, and describe the round (completeness, history, pairs)."""

from __future__ import annotations

from pathlib import Path

from ocop_rate.errors import Problem
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.models.rating import BatchResult, Failure, ProblemOut, Rating
from ocop_rate.models.round import (
    Level,
    MemberPair,
    PairCriterion,
    RoundEntry,
    RoundProblem,
    RoundReport,
    SheetRecord,
)
from ocop_rate.models.rubric import Rubric
from ocop_rate.round.config import RoundFolder, open_round
from ocop_rate.round.council import CONSENSUS_MEMBER, rate_council
from ocop_rate.round.merge import ProductPlan, merge
from ocop_rate.round.products import read_products
from ocop_rate.round.sheets import SheetRead, SheetRow, read_sheet
from ocop_rate.round.tables import header_key

PAIR_CRITERIA = 3  # criteria named for the furthest-apart pair


def rate_round(library: RubricLibrary, config_path: Path, level: Level | None = None
               ) -> tuple[RoundReport, BatchResult]:
    """The round of ``config_path`` (its ``round.yaml``) rated. ``level`` overrides the
    council level of round.yaml. Raises a located ``OcopError`` only when round.yaml or
    the product list cannot be used at all; everything else is reported."""
    folder = open_round(config_path)
    listed = read_products(folder.products)
    read = read_sheets(library, folder)
    config = folder.config
    plan = merge(config, listed, read.rows, ordered_files=bool(config.sheets))
    problems = [*folder.problems, *listed.problems, *read.problems, *plan.problems]
    entries: list[RoundEntry] = []
    items: list[Rating | Failure] = []
    council_level = level or config.level
    for product in plan.products:
        entry, item = _rate_product(library, folder, product, council_level)
        entries.append(entry)
        items.append(item)
    report = RoundReport(
        name=config.name, date=config.date, level=council_level,
        level_source="--level" if level else "round.yaml", province=config.province,
        mode=config.mode, quorum=config.quorum, required=config.required,
        spread_limit=config.spread_limit, roster=config.roster, entries=tuple(entries),
        extra=tuple(plan.extra), problems=tuple(round_problem(p) for p in problems))
    return report, BatchResult(items=tuple(items))


def read_sheets(library: RubricLibrary, folder: RoundFolder) -> SheetRead:
    """Every row of the round's sheets, in the round's file order."""
    criteria = {c.id for r in library.rubrics.values() for c in r.criteria}
    names = {header_key(m.name): m.name for m in folder.config.roster}
    out = SheetRead()
    for order, (path, entry) in enumerate(folder.sheets):
        member = entry.member or names.get(header_key(path.stem))
        read_sheet(path, order, criteria, member, out)
    return out


def round_problem(problem: Problem) -> RoundProblem:
    loc = problem.location
    return RoundProblem(message=problem.text("en"), message_vi=problem.text("vi"),
                        message_id=problem.message_id, file=loc.file, line=loc.line,
                        column=loc.column, field=loc.field)


def _rate_product(library: RubricLibrary, folder: RoundFolder, plan: ProductPlan,
                  level: Level) -> tuple[RoundEntry, Rating | Failure]:
    config = folder.config
    product, locate = plan.listed.product, plan.listed.locate
    rubric = library.rubrics.get(product.rubric)
    problems = list(plan.problems)
    if rubric is None:
        message_id, params = unknown_rubric(product.rubric, list(library.rubrics))
        problems.append(Problem.of(message_id, locate("rubric"), **params))
    council = plan.final
    if config.mode == "consensus" and plan.consensus is not None:
        council = [(CONSENSUS_MEMBER, plan.consensus)]
    result: Rating | list[Problem] = problems
    if not problems and rubric is not None:
        result = rate_council(rubric, product, council, locate, policy=config.gate_policy,
                              spread_limit=config.spread_limit, file=str(folder.products),
                              level=level)
    item: Rating | Failure
    if isinstance(result, Rating):
        item = result
    else:
        item = Failure(product_id=product.id, rubric=product.rubric,
                       file=str(folder.products), errors=tuple(_out(p) for p in result))
    totals = _sheet_totals(rubric, plan, folder) if rubric is not None else {}
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
    pair = _pair(item, config.spread_limit) if config.mode == "average" else None
    assert plan.quorum is not None
    entry = RoundEntry(
        product_id=product.id, product_name=product.name, rubric=product.rubric,
        registration=product.registration, legal_representative=product.legal_representative,
        quorum=plan.quorum, completeness=plan.completeness, sheets=tuple(records),
        individual=individual, pair=pair, rated=isinstance(item, Rating),
        problems=() if isinstance(result, Rating) else tuple(round_problem(p) for p in result))
    return entry, item


def _sheet_totals(rubric: Rubric, plan: ProductPlan, folder: RoundFolder
                  ) -> dict[int, float]:
    """Each collected sheet's own total (the engine on that sheet alone), by row identity:
    what a superseded pass or a consensus-mode member gave. Sheets that do not fit are
    left out (their problems are reported on the product when they count)."""
    rows: list[tuple[str, SheetRow]] = list(plan.history)
    if folder.config.mode == "consensus":
        rows += plan.final
    out: dict[int, float] = {}
    for member, row in rows:
        rated = rate_council(rubric, plan.listed.product, [(member, row)], plan.listed.locate,
                             policy=folder.config.gate_policy, spread_limit=1e9, file=None,
                             level=folder.config.level)
        if isinstance(rated, Rating):
            out[id(row)] = rated.total
    return out


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


def _out(problem: Problem) -> ProblemOut:
    loc = problem.location
    return ProblemOut(message=problem.text("en"), file=loc.file, line=loc.line,
                      column=loc.column, field=loc.field)
