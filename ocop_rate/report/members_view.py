"""The council's sheets side by side in the terminal (``rate --members``), and the
disagreement lines that follow the results table. Renders what the engine decided."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text as RichText

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import (
    OPTION_STEPS,
    BatchResult,
    Rating,
    RatingColumns,
)
from ocop_rate.models.rubric import NONE, Option
from ocop_rate.report.explain_sheet import explain_sheet
from ocop_rate.report.labels import (
    number,
    split_text,
    spread_text,
    star_glyphs,
    star_label,
    word,
)
from ocop_rate.report.outcome_words import case_split_line
from ocop_rate.report.shown import Detail


def disagreement_reasons(rating: Rating, lang: Lang) -> list[str]:
    """Each reason to discuss this product again, in words; none when the council agrees."""
    d = rating.disagreement
    if d is None or not d.flagged:
        return []
    reasons = [spread_text(d.spread, d.spread_limit, lang)] if d.over_limit else []
    reasons += [split_text(s.criterion, s.options, s.steps, lang) for s in d.splits]
    reasons += [case_split_line(c, lang) for c in d.case_splits]
    return reasons


def disagreement_lines(rating: Rating, lang: Lang) -> list[RichText]:
    """One line per reason to discuss this product again; none when the council agrees."""
    return [RichText(f"⚠ {rating.product_id}: {r}", style="yellow")
            for r in disagreement_reasons(rating, lang)]


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


def members_view(result: BatchResult, lang: Lang, detail: Detail) -> list[RenderableType]:
    """Every product's sheets side by side, with its members' totals and spread. A
    score-sheet product's rating is built from its block (by ``detail``) only when its
    sheets are drawn, then dropped: the list holds no rating."""
    out: list[RenderableType] = [_Sheets(partial(_given, rating), lang)
                                 for rating in result.ratings]
    for block in result.blocks:
        out += [_Sheets(partial(detail, block, p), lang) for p in range(len(block))]
    return out


def _given(rating: Rating) -> Rating:
    return rating


@dataclass(frozen=True)
class _Sheets:
    """One product's sheets, laid out when printed."""

    rating: Callable[[], Rating]
    lang: Lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _sheets(self.rating(), self.lang)


def _sheets(rating: Rating, lang: Lang) -> Group:
    title = RichText(f"{rating.product_id} {rating.product_name.get(lang)}", style="bold")
    title.append(f"  {rating.rubric} · {star_glyphs(rating.stars)} "
                 f"{star_label(rating.stars, lang)}", style="")
    d = rating.disagreement
    status = RichText(f"{word('spread', lang)}: {number(d.spread, lang)} / "
                      f"{number(d.spread_limit, lang, 0)} · " if d else "")
    if d is not None and d.flagged:
        status.append(word("discuss", lang), style="bold yellow")
    elif d is not None:
        status.append(word("agreed", lang), style="green")
    return Group(title, *explain_sheet(rating, lang), status,
                 *disagreement_lines(rating, lang), RichText(""))
