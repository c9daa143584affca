"""The council's own papers: the meeting's minutes (biên bản), the results list (danh sách
kết quả) and each member's printed sheet with their name and a signature line."""

from __future__ import annotations

from collections.abc import Mapping

from ocop_rate.documents import layout
from ocop_rate.documents.common import (
    council_header,
    date_words,
    heads,
    place_date,
    rows,
    t,
)
from ocop_rate.documents.facts import NothingToDraft, Product, RoundFacts
from ocop_rate.messages import CATALOGUE
from ocop_rate.models.rubric import Rubric
from ocop_rate.report.labels import number
from ocop_rate.report.printed import SECTIONS, section_of
from ocop_rate.report.rows import Row

MINUTES_COLUMNS = ("no", "product", "producer", "members", "total", "class", "outcome")
RESULTS_COLUMNS = ("no", "product", "producer", "address", "product_set", "total", "class")


def _section(product: Product) -> str:
    """The results list's section (the printed list's own rule: report.printed)."""
    return section_of(Row(product.product_id, product.name, "", "", {}, product.total,
                          product.stars, product.outcome == "recognised", [], [], None,
                          product.outcome))


def _signers(facts: RoundFacts) -> list[layout.Signer]:
    return [layout.Signer((), t(facts, "printed.secretary"), facts.secretary),
            layout.Signer((), t(facts, "printed.chair"), facts.chair)]


def minutes(facts: RoundFacts) -> bytes:
    """The minutes of the council's meeting: who sat, the quorum, each product's mean and
    class, the disagreements and how they were settled, the conclusion."""
    doc = layout.new_document()
    day = facts.day or facts.date
    layout.header(doc, council_header(facts, "BB-HĐOCOP", day), facts.lang)
    layout.title(doc, t(facts, "documents.minutes_kind"), t(
        facts, "documents.minutes_summary", round=facts.name,
        level=t(facts, f"documents.level.{facts.level}")))
    layout.heading(doc, t(facts, "documents.minutes_when"))
    layout.para(doc, t(facts, "documents.minutes_when_text", date=date_words(facts, day)))
    _attendance(doc, facts)
    layout.heading(doc, t(facts, "documents.minutes_what"))
    layout.para(doc, t(facts, "documents.minutes_what_text", count=len(facts.products)))
    layout.grid(doc, heads(facts, MINUTES_COLUMNS), rows(facts, facts.products,
                                                        MINUTES_COLUMNS),
                (0.08, 0.27, 0.2, 0.1, 0.11, 0.1, 0.14))
    if any(p.unchecked for p in facts.products):
        layout.para(doc, t(facts, "printed.unchecked_note"), italic=True, align="left",
                    size=11)
    layout.heading(doc, t(facts, "documents.minutes_split"))
    _disagreements(doc, facts)
    layout.heading(doc, t(facts, "documents.minutes_conclusion"))
    for key, outcomes in (("documents.conclusion_recognise", ("recognised",)),
                          ("documents.conclusion_forward", ("proposed-5-star",)),
                          ("documents.conclusion_other",
                           ("not-recognised", "rejected", "not-rated"))):
        count = len(facts.by_outcome(*outcomes))
        if count:
            layout.para(doc, f"- {t(facts, key, count=count)}")
    layout.para(doc, t(facts, "documents.minutes_close"))
    layout.signatures(doc, _signers(facts), facts.lang)
    return layout.to_bytes(doc)


def _attendance(doc: object, facts: RoundFacts) -> None:
    from docx.document import Document

    assert isinstance(doc, Document)
    layout.heading(doc, t(facts, "documents.minutes_who"))
    if facts.chair:
        layout.para(doc, t(facts, "documents.minutes_chair", name=facts.chair))
    if facts.secretary:
        layout.para(doc, t(facts, "documents.minutes_secretary", name=facts.secretary))
    scoring = facts.scoring
    layout.para(doc, t(facts, "documents.minutes_present", present=len(facts.present),
                       scoring=len(scoring)))
    units = {m.name: m.unit for m in facts.roster}
    for name in facts.present:
        unit = units.get(name)
        said = t(facts, "documents.member_line", name=name, unit=unit) if unit else name
        layout.para(doc, f"- {said};", align="left")
    absent = [m.name for m in scoring if m.name not in facts.present]
    if absent:
        layout.para(doc, t(facts, "documents.minutes_absent", names=", ".join(absent)))
    met = sum(1 for p in facts.products if p.entry.quorum.met)
    layout.para(doc, t(facts, "documents.minutes_quorum", required=facts.required,
                       scoring=len(scoring), met=met, count=len(facts.products)))
    mode = f"documents.minutes_mode.{facts.mode}"
    layout.para(doc, t(facts, mode if mode in CATALOGUE else "documents.minutes_mode.other",
                       mode=facts.mode))
    if facts.mode == "written":   # a written-opinion round (Điều 7.6.d): its outcome
        layout.para(doc, t(facts, "documents.written_note"))


def _disagreements(doc: object, facts: RoundFacts) -> None:
    """Each product whose members' totals lay over the limit, or that was scored again:
    what differed, whether a later pass settled it; an open one leaves a dotted line for
    the council's conclusion (the tool does not write what the council said)."""
    from docx.document import Document

    assert isinstance(doc, Document)
    said = 0
    limit = number(facts.spread_limit, facts.lang, 0)
    for product in facts.products:
        entry = product.entry
        passes = max((s.pass_no for s in entry.sheets), default=1)
        pair = entry.pair
        if passes <= 1 and (pair is None or not pair.over_limit):
            continue
        said += 1
        line = f"- {product.name} ({product.product_id})"
        if pair is not None:
            line = t(facts, "documents.split_line", product=line, high=pair.high,
                     low=pair.low, spread=number(pair.spread, facts.lang), limit=limit)
        else:
            line += ":"
        if passes > 1:
            line += " " + t(facts, "documents.split_rescored", passes=passes)
            if pair is None or not pair.over_limit:
                line += " " + t(facts, "documents.split_within")
        if pair is not None and pair.over_limit:
            line += " " + t(facts, "documents.split_open")
        layout.para(doc, line)
    if not said:
        layout.para(doc, t(facts, "documents.minutes_no_split", limit=limit))


def results(facts: RoundFacts) -> bytes:
    """The results list, in the printed list's three sections (recognise; forward for
    5 stars; the others), signed by the chair."""
    doc = layout.new_document()
    day = facts.day or facts.date
    layout.header(doc, council_header(facts, "DS-HĐOCOP", day), facts.lang)
    layout.title(doc, t(facts, "documents.results_kind"),
                 t(facts, "documents.results_summary", round=facts.name))
    layout.para(doc, t(facts, "documents.results_with", date=date_words(facts, facts.date)),
                italic=True, align="center")
    for section in SECTIONS:
        chosen = [p for p in facts.products if _section(p) == section]
        layout.heading(doc, t(facts, section))
        if not chosen:
            layout.para(doc, t(facts, "printed.none_listed"), align="left")
            continue
        layout.grid(doc, heads(facts, RESULTS_COLUMNS), rows(facts, chosen, RESULTS_COLUMNS),
                    (0.08, 0.22, 0.17, 0.18, 0.15, 0.1, 0.1))
    layout.signatures(doc, [_signers(facts)[1]], facts.lang)
    return layout.to_bytes(doc)


def member_sheets(facts: RoundFacts, rubrics: Mapping[str, Rubric]) -> bytes:
    """Each scoring member's sheet for each product they scored (Appendix II's sheet: the
    product, the option chosen for each criterion with its points, part and grand totals),
    with the member's name under a signature line; one sheet a page, members in roster
    order. A product not rated has no sheet here."""
    doc = layout.new_document()
    first = True
    for member in facts.scoring:
        for product in facts.products:
            rating = product.rating
            if rating is None or rating.rubric not in rubrics:
                continue
            mine = next((m for m in rating.members if m.member == member.name), None)
            if mine is None:
                continue
            if not first:
                layout.page_break(doc)
            first = False
            _sheet(doc, facts, product, member.name, rubrics[rating.rubric])
    if first:
        raise NothingToDraft("documents.no_sheets")
    return layout.to_bytes(doc)


def _sheet(doc: object, facts: RoundFacts, product: Product, member: str,
           rubric: Rubric) -> None:
    from docx.document import Document

    from ocop_rate.documents.common import address

    assert isinstance(doc, Document) and product.rating is not None
    rating, lang = product.rating, facts.lang
    layout.header(doc, council_header(facts, "PĐG-HĐOCOP", facts.day or facts.date), lang)
    layout.title(doc, t(facts, "printed.sheet_title"),
                 t(facts, "printed.product_set", name=rating.rubric_name.get(lang)))
    for key, params in (("printed.product_name", {"name": product.name}),
                        ("printed.product_code", {"code": product.product_id}),
                        ("printed.producer", {"name": product.producer or "…"}),
                        ("printed.address", {"address": address(product) or "…"}),
                        ("printed.member", {"member": member})):
        layout.para(doc, t(facts, key, **params), align="left")
    picks = {c.id: next((ch for ch in c.choices if ch.member == member), None)
             for c in rating.criteria}
    mine = next(m for m in rating.members if m.member == member)
    body: list[list[str]] = []
    for part in rubric.parts:
        body.append([t(facts, "printed.part", part=part.id, name=part.name.get(lang),
                       max=part.max_points), "", number(part.max_points, lang, 0),
                     number(mine.parts.get(part.id, 0.0), lang)])
        for crit in (c for c in rubric.criteria if c.part == part.id):
            pick = picks.get(crit.id)
            body.append([f"{crit.id} {crit.name.get(lang)}", pick.option if pick else "",
                         number(crit.max_points, lang, 0),
                         number(pick.points, lang, 0) if pick else ""])
    body.append([t(facts, "printed.grand_total"), "", number(rubric.max_points, lang, 0),
                 number(mine.total, lang)])
    layout.grid(doc, [t(facts, "printed.criteria"), t(facts, "documents.sheet_option"),
                      t(facts, "printed.scale"), t(facts, "printed.score")], body,
                (0.58, 0.14, 0.14, 0.14), size=11, numbered=False)
    layout.para(doc, t(facts, "printed.marks_note"), italic=True, align="left", size=11)
    layout.para(doc, t(facts, "printed.comment"), align="left")
    notes = [f"{c.id}: {ch.note}" for c in rating.criteria for ch in c.choices
             if ch.member == member and ch.note]
    for note in notes or ["……………………………………………………………………"]:
        layout.para(doc, note, align="left")
    layout.para(doc, place_date(facts, facts.day or facts.date), italic=True, align="right")
    layout.closing(doc, [], layout.Signer((), t(facts, "documents.sheet_evaluator"), member),
                   lang)
