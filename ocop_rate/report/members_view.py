"""The disagreement lines that follow the results table, and each product's reasons to
discuss it again (``rate --members`` and ``explain`` draw them under the sheets:
:mod:`ocop_rate.views.product`). Renders what the engine decided."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import RenderableType
from rich.text import Text as RichText

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import (
    OPTION_STEPS,
    BatchResult,
    Rating,
    RatingColumns,
)
from ocop_rate.models.rubric import NONE, Option
from ocop_rate.report.labels import (
    split_text,
    spread_text,
    word,
)
from ocop_rate.report.outcome_words import case_split_line


def disagreement_reasons(rating: Rating, lang: Lang) -> list[str]:
    """Each reason to discuss this product again, in words; none when the council agrees."""
    d = rating.disagreement
    if d is None or not d.flagged:
        return []
    reasons = [spread_text(d.spread, d.spread_limit, lang)] if d.over_limit else []
    reasons += [split_text(s.criterion, s.options, s.steps, lang) for s in d.splits]
    reasons += [case_split_line(c, lang) for c in d.case_splits]
    return reasons


def block_disagreement_reasons(block: RatingColumns, lang: Lang
                               ) -> Iterator[tuple[str, str]]:
    """``(product id, reason)`` of every product of ``block``, read off its columns."""
    flagged = block.over_limit | (block.split_steps >= OPTION_STEPS).any(axis=1)
    if block.case_splits:
        flagged = flagged | [bool(c) for c in block.case_splits]
    crits = block.rubric.criteria
    for p in flagged.nonzero()[0].tolist():
        reasons = ([spread_text(int(block.spread[p]) / 100, block.spread_limit, lang)]
                   if block.over_limit[p] else [])
        lo, hi = int(block.starts[p]), int(block.starts[p + 1])
        for k in (block.split_steps[p] >= OPTION_STEPS).nonzero()[0].tolist():
            options = {block.member[r]: _code(crits[k].options, int(block.row_option[r, k]))
                       for r in range(lo, hi)}
            reasons.append(split_text(crits[k].id, options, int(block.split_steps[p, k]),
                                      lang))
        if block.case_splits:
            reasons += [case_split_line(c, lang) for c in block.case_splits[p]]
        for reason in reasons:
            yield str(block.product_id[p]), reason


def _code(options: tuple[Option, ...], index: int) -> str:
    return options[index].code if 0 <= index < len(options) else NONE


def batch_disagreement_reasons(result: BatchResult, lang: Lang
                               ) -> Iterator[tuple[str, str]]:
    """``(product id, reason)`` for every product to discuss again (score-sheet products
    read off their columns), made as they are asked for."""
    for rating in result.ratings:
        for reason in disagreement_reasons(rating, lang):
            yield rating.product_id, reason
    for block in result.blocks:
        yield from block_disagreement_reasons(block, lang)


def batch_disagreements(result: BatchResult, lang: Lang) -> Iterator[RenderableType]:
    """The disagreement lines of every product, headed, for after the results table. A
    stream: a 100,000-product sheet has hundreds of thousands of them, made as they are
    written, never held at once."""
    lines = (RichText(f"⚠ {pid}: {reason}", style="yellow")
             for pid, reason in batch_disagreement_reasons(result, lang))
    first = next(lines, None)
    if first is None:
        return
    yield RichText(f"{word('discuss', lang)}:", style="bold yellow")
    yield first
    yield from lines
