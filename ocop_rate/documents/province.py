"""The province's papers after a round: the draft recognition decision with its annex
(Điều 7.3.đ, e), the notices of results to each producer and commune People's Committee
(Điều 7.3.g), and the letter proposing products of 90 or more to the Ministry (Điều 7.3.e).

What the tool cannot know is left as the decree's forms leave it, a dotted blank: the
decision's number ("Số: …/QĐ-UBND"), its date unless ``--date`` gives it, who signs.
"""

from __future__ import annotations

from ocop_rate.documents import layout
from ocop_rate.documents.common import (
    committee,
    committee_header,
    commune_words,
    date_words,
    heads,
    in_sentence,
    office_header,
    office_name,
    rows,
    t,
)
from ocop_rate.documents.facts import NothingToDraft, Product, RoundFacts

ANNEX_COLUMNS = ("no", "product", "producer", "address", "total", "class", "certificate")
NOTICE_COLUMNS = ("no", "product", "producer", "total", "class", "outcome")
PROPOSAL_COLUMNS = ("no", "product", "producer", "address", "product_set", "total")


def decision(facts: RoundFacts) -> bytes:
    """The draft decision of the provincial chair recognising the round's 3–4 star
    products, its annex listing them with their certificate numbers (from the register
    when recorded, else a dotted blank)."""
    chosen = sorted(facts.by_outcome("recognised"), key=lambda p: (-(p.stars or 0),
                                                                    p.product_id))
    if not chosen:
        raise NothingToDraft("documents.nothing_to_recognise")
    doc = layout.new_document()
    province = committee(facts)
    layout.header(doc, committee_header(facts, "QĐ-UBND", facts.day), facts.lang)
    layout.title(doc, t(facts, "documents.decision_kind"),
                 t(facts, "documents.decision_summary", round=facts.name))
    layout.heading(doc, t(facts, "documents.decision_signer", province=province), "center")
    layout.para(doc, t(facts, "documents.decision_basis"), italic=True)
    layout.para(doc, t(facts, "documents.decision_basis_council",
                       date=date_words(facts, facts.date)), italic=True)
    layout.para(doc, t(facts, "documents.decision_proposed_by", office=office_name(facts)),
                italic=True)
    layout.heading(doc, t(facts, "documents.decision_decides"), "center")
    four = sum(1 for p in chosen if p.stars == 4)
    layout.para(doc, t(facts, "documents.decision_article1", count=len(chosen), four=four,
                       three=len(chosen) - four, round=facts.name))
    layout.para(doc, t(facts, "documents.decision_article2"))
    communes = sorted({commune_words(p) for p in chosen if p.commune})
    layout.para(doc, t(facts, "documents.decision_article3", province=in_sentence(facts),
                       office=office_name(facts), communes=", ".join(communes) or "……"))
    layout.closing(doc, [t(facts, "documents.as_article3"),
                         t(facts, "documents.ministry_report"), t(facts, "documents.archive")],
                   layout.Signer((), t(facts, "documents.chair_title")), facts.lang)
    layout.page_break(doc)
    layout.title(doc, t(facts, "documents.annex_kind"), t(facts, "documents.annex_summary"))
    layout.para(doc, t(facts, "documents.annex_with", date=date_words(facts, facts.day),
                       province=in_sentence(facts)), italic=True, align="center")
    layout.grid(doc, heads(facts, ANNEX_COLUMNS), rows(facts, chosen, ANNEX_COLUMNS),
                (0.08, 0.22, 0.17, 0.19, 0.1, 0.1, 0.14))
    return layout.to_bytes(doc)


def notices(facts: RoundFacts) -> bytes:
    """One notice per producer and one per commune People's Committee, each on its own
    pages, listing that producer's (that commune's) products with their results."""
    doc = layout.new_document()
    producers: dict[str, list[Product]] = {}
    communes: dict[str, list[Product]] = {}
    for product in facts.products:
        if product.producer:
            producers.setdefault(product.producer, []).append(product)
        if product.commune:
            communes.setdefault(commune_words(product), []).append(product)
    recipients = [(name, items, t(facts, "documents.this_producer"))
                  for name, items in producers.items()]
    recipients += [(t(facts, "documents.commune_committee", commune=name), items,
                    t(facts, "documents.this_commune")) for name, items in communes.items()]
    for index, (name, items, who) in enumerate(recipients):
        if index:
            layout.page_break(doc)
        _notice(doc, facts, name, items, who)
    if not recipients:
        raise NothingToDraft("documents.nothing_to_notify")
    return layout.to_bytes(doc)


def _notice(doc: object, facts: RoundFacts, to: str, items: list[Product],
            who: str) -> None:
    from docx.document import Document

    assert isinstance(doc, Document)
    layout.header(doc, office_header(facts, "TB-OCOP", facts.day), facts.lang)
    layout.title(doc, t(facts, "documents.notice_kind"),
                 t(facts, "documents.notice_summary", round=facts.name))
    layout.para(doc, t(facts, "documents.to", name=to), bold=True, align="center")
    layout.para(doc, t(facts, "documents.notice_text", office=office_name(facts),
                       round=facts.name, date=date_words(facts, facts.date)))
    layout.grid(doc, heads(facts, NOTICE_COLUMNS), rows(facts, items, NOTICE_COLUMNS),
                (0.08, 0.3, 0.22, 0.11, 0.11, 0.18))
    for outcome in ("recognised", "proposed-5-star"):
        if any(p.outcome == outcome for p in items):
            layout.para(doc, t(facts, f"documents.notice_next.{outcome}"))
    office = office_name(facts)
    layout.para(doc, t(facts, "documents.notice_close", office=office[:1].upper() + office[1:],
                       to=who))
    layout.closing(doc, [t(facts, "documents.as_above"), t(facts, "documents.archive")],
                   layout.Signer((), t(facts, "documents.notice_signer")), facts.lang)


def proposal(facts: RoundFacts) -> bytes:
    """The People's Committee's letter proposing to the Ministry the products of 90 or
    more (Điều 7.3.e), with the dossier the clause asks for named."""
    chosen = facts.by_outcome("proposed-5-star")
    if not chosen:
        raise NothingToDraft("documents.nothing_to_propose")
    doc = layout.new_document()
    layout.header(doc, committee_header(facts, "UBND-OCOP", facts.day,
                                        t(facts, "documents.proposal_subject")), facts.lang)
    layout.para(doc, t(facts, "documents.to", name=t(facts, "documents.ministry")),
                bold=True, align="center")
    layout.para(doc, t(facts, "documents.proposal_text", round=facts.name,
                       date=date_words(facts, facts.date), province=in_sentence(facts),
                       count=len(chosen)))
    layout.grid(doc, heads(facts, PROPOSAL_COLUMNS), rows(facts, chosen, PROPOSAL_COLUMNS),
                (0.08, 0.26, 0.2, 0.19, 0.16, 0.11))
    layout.para(doc, t(facts, "documents.proposal_dossier"))
    layout.para(doc, t(facts, "documents.proposal_close", province=in_sentence(facts)))
    layout.closing(doc, [t(facts, "documents.as_above"), t(facts, "documents.archive")],
                   layout.Signer((t(facts, "documents.on_behalf"),),
                                 t(facts, "documents.chair_title")), facts.lang)
    return layout.to_bytes(doc)

