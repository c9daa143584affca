"""The outcome of a rating in the decision's words, and who recognises it.

Decision 26/2026/QĐ-TTg, Điều 4 khoản 1: the Provincial People's Committee evaluates and
recognises 3 and 4 stars; 1 and 2 stars get no decision and no certificate (điểm a); the
Ministry of Agriculture and Environment evaluates and recognises 5 stars (điểm b). Điều 7
khoản 3 điểm e: a product the provincial council scores 90 or more is *approved* by the
province and *proposed* to the Ministry. Điều 7 khoản 4 điểm g: where the central council
scores it under 90, the province may recognise 3 or 4 stars on the central council's result.
A dossier that a rejection condition of its sheet hits ("Hồ sơ bị loại khi", "Bị loại nếu")
is rejected: it gets no class at all.

One pure function of plain values, so every engine and report agrees on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ocop_rate.models.common import Text
from ocop_rate.models.rubric import RECOGNISED_MIN_STARS, Recognition

if TYPE_CHECKING:
    from ocop_rate.models.rating import RatingColumns

Outcome = Literal["recognised", "proposed-5-star", "not-recognised", "rejected", "not-rated"]
OUTCOMES: tuple[Outcome, ...] = ("recognised", "proposed-5-star", "not-recognised",
                                 "rejected", "not-rated")
Level = Literal["province", "central"]
LEVELS: tuple[Level, ...] = ("province", "central")
DEFAULT_LEVEL: Level = "province"
DECISION = "26/2026/QĐ-TTg"
TOP_STARS = 5
"""The class only the central level recognises (Điều 4 khoản 1 điểm b)."""


@dataclass(frozen=True)
class Verdict:
    """What a council's result means at its level.

    ``stars``: the class the score reached (None when rejected). ``authority``: who
    recognises (or, for ``proposed-5-star``, who is asked to). ``province_may_recognise``:
    at the central level, a product under 5 stars the province may still recognise at this
    class (Điều 7 khoản 4 điểm g); None otherwise. ``article``: the clause that decides.
    """

    outcome: Outcome
    recognised: bool
    stars: int | None
    level: Level
    authority: Text | None
    province_may_recognise: int | None
    article: str


def decide(stars: int, rejected: bool, level: Level,
           recognition: Sequence[Recognition] = ()) -> Verdict:
    """The outcome of a class ``stars`` (after star marks and caps) at ``level``;
    ``rejected`` when a rejection condition applied. ``recognition``: the rubric's table of
    who recognises which class (names only; the levels are the decision's)."""
    names = {r.stars: r.authority for r in recognition}
    verdict = _decide(stars, rejected, level, names)
    rec = next((r for r in recognition if r.stars == verdict.stars), None)
    if (verdict.recognised and rec is not None and rec.source is not None
            and rec.source.decision not in (None, DECISION)):
        # a rubric of an earlier decision (148, 1048) cites its own recognition rule
        return replace(verdict, article=rec.source.render())
    return replace(verdict, article=f"{DECISION}, {verdict.article}" if verdict.article
                   else "")


def verdict_at(block: RatingColumns, p: int) -> Verdict:
    """The outcome of product ``p`` of a scored block: :func:`decide` on its columns (here,
    below both, so the engine's detailed view and the reports read off columns agree)."""
    code = OUTCOMES.index("not-recognised") if block.outcome is None else int(block.outcome[p])
    return block_verdict(block, code, int(block.stars[p]))


def block_verdict(block: RatingColumns, code: int, stars: int) -> Verdict:
    """:func:`decide` for a product of ``block`` whose outcome is ``OUTCOMES[code]`` at
    ``stars`` (0: none), at the block's level, by its rubric's recognition table."""
    level: Level = "central" if block.level == "central" else "province"
    return decide(max(stars, 1), OUTCOMES[code] == "rejected", level, block.rubric.recognition)


def _decide(stars: int, rejected: bool, level: Level, names: dict[int, Text]) -> Verdict:
    if rejected:
        return Verdict("rejected", False, None, level, None, None,
                       "Phụ lục II: Hồ sơ bị loại khi / Bị loại nếu")
    if stars < RECOGNISED_MIN_STARS:
        return Verdict("not-recognised", False, stars, level, None, None,
                       "Điều 4 khoản 1 điểm a")
    if level == "province":
        if stars >= TOP_STARS:
            return Verdict("proposed-5-star", False, stars, level, names.get(TOP_STARS), None,
                           "Điều 7 khoản 3 điểm e")
        return Verdict("recognised", True, stars, level, names.get(stars), None,
                       "Điều 4 khoản 1 điểm a")
    if stars >= TOP_STARS:
        return Verdict("recognised", True, stars, level, names.get(TOP_STARS), None,
                       "Điều 4 khoản 1 điểm b")
    return Verdict("not-recognised", False, stars, level, names.get(stars), stars,
                   "Điều 7 khoản 4 điểm g")


def not_rated(level: Level) -> Verdict:
    """A dossier that could not be rated: no outcome but this one."""
    return Verdict("not-rated", False, None, level, None, None, "")
