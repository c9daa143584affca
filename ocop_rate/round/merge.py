"""Merge a round's sheets by product id: roster, supersession, completeness and quorum.

Every problem of the round is gathered in one pass: sheets from people not on the roster
(refused), ids not on the product list (with the nearest listed id when there is one), a
member scoring a product twice in one pass, products below quorum (not rated).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ocop_rate.errors import Problem
from ocop_rate.merge import member_twice, near_miss
from ocop_rate.models.names import id_key, member_key, nearest
from ocop_rate.models.round import ExtraId, Quorum, RosterMember, RoundConfig, Status
from ocop_rate.round.products import ListedProduct, ProductList
from ocop_rate.round.sheets import SheetRow


@dataclass
class ProductPlan:
    """One listed product: its final sheets (one per member, roster order), the earlier
    passes they superseded, the agreed sheet in consensus mode, and its quorum."""

    listed: ListedProduct
    final: list[tuple[str, SheetRow]] = field(default_factory=list)
    history: list[tuple[str, SheetRow]] = field(default_factory=list)
    consensus: SheetRow | None = None
    completeness: dict[str, Status] = field(default_factory=dict)
    quorum: Quorum | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems and self.quorum is not None and self.quorum.met


@dataclass
class RoundPlan:
    config: RoundConfig
    products: list[ProductPlan]
    extra: list[ExtraId]
    problems: list[Problem]


def merge(config: RoundConfig, listed: ProductList, rows: list[SheetRow],
          ordered_files: bool, broken: dict[str, str] | None = None) -> RoundPlan:
    """Group ``rows`` by product and member. ``ordered_files``: round.yaml lists the sheet
    files, so a later file supersedes an earlier one for the same member and pass;
    ``broken``: products (``id_key``) a file scored in a row that could not be used."""
    roster = {member_key(m.name): m for m in config.roster}
    scoring = config.scoring
    problems: list[Problem] = []
    plans = {pid: ProductPlan(item) for pid, item in listed.products.items()}
    by_member: dict[tuple[str, str], list[SheetRow]] = {}
    agreed: dict[str, list[SheetRow]] = {}
    extra: dict[str, list[tuple[str, SheetRow]]] = {}
    refused: set[tuple[str, str]] = set()
    # "QN-01", "qn-01" and "QN‑01" are one product, on the list as in loose files
    by_key = {id_key(pid): pid for pid in plans}
    bad = {id_key(pid) for pid in listed.bad_ids}
    for row in rows:
        key = id_key(row.product_id)
        pid = by_key.get(key, row.product_id)
        if pid in plans:
            _same_rubric(plans[pid], row)
        if row.consensus:
            if config.mode != "consensus":
                problems.append(Problem.of("round.consensus_in_average", row.locate("member"),
                                           member=row.member))
            elif pid in plans:
                agreed.setdefault(pid, []).append(row)
            elif key not in bad:
                extra.setdefault(pid, []).append((row.member, row))
            continue
        person = roster.get(member_key(row.member))
        if person is None or not person.scores:
            if (row.file, row.member) not in refused:
                refused.add((row.file, row.member))
                key = "round.not_on_roster" if person is None else "round.secretary_scores"
                problems.append(Problem.of(key, row.locate("member"), member=row.member,
                                           file=row.file))
            continue
        if pid in plans:
            by_member.setdefault((pid, person.name), []).append(row)
        elif key not in bad:
            extra.setdefault(pid, []).append((person.name, row))
    for (pid, member), sheets in by_member.items():
        _supersede(plans[pid], member, sheets, ordered_files)
    for pid, sheets in agreed.items():
        plan = plans[pid]
        chosen, tied = _latest(sheets, ordered_files)
        if len(tied) > 1:
            first = tied[0].locate(None)
            plan.problems.append(Problem.of(
                "round.consensus_twice", chosen.locate("member"), pid=chosen.product_id,
                pass_no=chosen.pass_no, first=f"{first.file}:{first.line or '?'}"))
        plan.consensus = chosen
    any_individual = bool(by_member)
    for plan in plans.values():
        _complete(plan, config, scoring, any_individual)
        file = (broken or {}).get(id_key(plan.listed.product.id))
        if file is not None:
            where = plan.final[0][1].locate("product_id") if plan.final else \
                plan.listed.locate("id")
            plan.problems.append(Problem.of("rating.part_not_used", where,
                                            pid=plan.listed.product.id, file=file))
    councils = [len(p.final) for p in plans.values()]
    councils += [len({m for m, _ in scored}) for scored in extra.values()]
    most = max(councils, default=0)  # the largest council, as loose files count it
    extras = _extras(extra, list(listed.products), most, problems)
    return RoundPlan(config, list(plans.values()), extras, problems)


def _same_rubric(plan: ProductPlan, row: SheetRow) -> None:
    """A row that names a rubric (a loose sheet's column, a dossier's) names the listed
    one, as all rows of one product must loose: else the product is not rated (said
    once, at the first such row)."""
    listed = plan.listed.product.rubric
    if row.rubric is None or row.rubric == listed or any(
            p.message_id == "sheet.rubrics_differ" for p in plan.problems):
        return
    plan.problems.append(Problem.of("sheet.rubrics_differ", row.locate("rubric"),
                                    product=plan.listed.product.id,
                                    seen=f"{listed!r}, {row.rubric!r}"))


def _latest(sheets: list[SheetRow], ordered_files: bool) -> tuple[SheetRow, list[SheetRow]]:
    """The sheet that stands: highest pass, then the later file when round.yaml orders
    the files; with it, the sheets nothing sets apart from it (same pass, same place in
    the order, or a loose file, which round.yaml does not order), in the order read."""
    sheets = sorted(sheets, key=lambda r: (r.pass_no, r.order if ordered_files else 0))
    last = sheets[-1]
    tied = [s for s in sheets if s.pass_no == last.pass_no]
    if ordered_files:  # the latest listed file stands for the folder's sheets
        top = max((s.order for s in tied if not s.loose), default=None)
        tied = [s for s in tied if s.loose or s.order == top]
    return last, tied


def _supersede(plan: ProductPlan, member: str, sheets: list[SheetRow],
               ordered_files: bool) -> None:
    """The member's standing sheet of the product. Two that nothing orders are the rule
    loose files follow (:func:`ocop_rate.merge.member_twice`): the same message, both
    places said, the product not rated."""
    last, tied = _latest(sheets, ordered_files)
    twice = member_twice(plan.listed.product.id, [(s.member, s.said) for s in tied],
                         lambda i: tied[i].locate("member"))
    if twice is not None:
        plan.problems.append(twice)
    plan.final.append((member, last))
    plan.history += [(member, s) for s in sheets if s is not last]


def _complete(plan: ProductPlan, config: RoundConfig, scoring: tuple[RosterMember, ...],
              any_individual: bool) -> None:
    order = {m.name: i for i, m in enumerate(scoring)}
    plan.final.sort(key=lambda pair: order[pair[0]])
    done = {m for m, _ in plan.final}
    again = {m for m, _ in plan.history} | {m for m, s in plan.final if s.pass_no > 1}
    plan.completeness = {m.name: ("missing" if m.name not in done else
                                  "rescored" if m.name in again else "scored")
                         for m in scoring}
    pid = plan.listed.product.id
    checked = config.mode != "consensus" or any_individual
    met = len(done) >= config.required if checked else True
    plan.quorum = Quorum(required=config.required, scoring=len(scoring), scored=len(done),
                         met=met, checked=checked)
    if not met:
        missing = [m.name for m in scoring if m.name not in done]
        plan.problems.append(Problem.of(
            "round.below_quorum", plan.listed.locate("id"), pid=pid, scored=len(done),
            of=len(scoring), required=config.required, missing=", ".join(missing)))
    if config.mode == "consensus" and plan.consensus is None:
        plan.problems.append(Problem.of("round.no_consensus_sheet", plan.listed.locate("id"),
                                        pid=pid))


def _extras(extra: dict[str, list[tuple[str, SheetRow]]], listed: list[str], most: int,
            problems: list[Problem]) -> list[ExtraId]:
    """Ids not on the list: a near miss of a listed id (said as loose files say it:
    :func:`ocop_rate.merge.near_miss`), or an unknown product; ``most``: the largest
    council of the round."""
    out: list[ExtraId] = []
    for pid, scored in extra.items():
        members = tuple(dict.fromkeys(m for m, _ in scored))
        near = nearest(pid, listed)
        where = scored[0][1].locate("product_id")
        if near:
            problems.append(near_miss(pid, where, members, most, near))
        else:
            problems.append(Problem.of("round.unknown_product", where, pid=pid,
                                       count=len(members), of=most,
                                       members=", ".join(members)))
        out.append(ExtraId(product_id=pid, members=members,
                           suggestion=" / ".join(near) if near else None))
    return out
