"""The council's documents, drafted from a rated round in the layout of Vietnamese
administrative documents (Nghị định 30/2020/NĐ-CP): ``minutes``, ``results``, ``decision``
(with its annex), ``notices``, ``proposal`` (5 stars, to the Ministry) and ``sheets`` (each
member's printed sheet). :func:`draft` returns the .docx bytes of one of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ocop_rate.documents.facts import NothingToDraft, RoundFacts, gather

if TYPE_CHECKING:
    from ocop_rate.models.rubric import Rubric

KINDS = ("minutes", "results", "decision", "notices", "proposal", "sheets")
PROVINCIAL = frozenset({"decision", "notices", "proposal"})

__all__ = ["KINDS", "PROVINCIAL", "NothingToDraft", "RoundFacts", "draft", "gather"]


def draft(kind: str, facts: RoundFacts, rubrics: Mapping[str, Rubric]) -> bytes:
    """The .docx bytes of the document ``kind`` of the round ``facts`` describes; raises
    :class:`NothingToDraft` when the round has nothing that document is about."""
    from ocop_rate.documents import council, province

    if kind == "minutes":
        return council.minutes(facts)
    if kind == "results":
        return council.results(facts)
    if kind == "sheets":
        return council.member_sheets(facts, rubrics)
    if kind == "decision":
        return province.decision(facts)
    if kind == "notices":
        return province.notices(facts)
    if kind == "proposal":
        return province.proposal(facts)
    raise KeyError(kind)
