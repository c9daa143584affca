"""Report words, read from the one message catalogue (the ``report.<key>`` ids of
``ocop_rate/locale/*/LC_MESSAGES/ocop_rate.po``), and small helpers that say numbers in words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ocop_rate.messages import known, text

if TYPE_CHECKING:  # `rubrics list` draws its words without building a model class
    from ocop_rate.models.checks import GoldenCase
    from ocop_rate.models.common import Lang, Text
    from ocop_rate.models.rating import Notice, ProblemOut


def word(key: str, lang: Lang) -> str:
    """The report word ``key`` (``report.<key>`` in the catalogue) in ``lang``."""
    return text(f"report.{key}", lang)


def number(value: float, lang: Lang, digits: int = 2) -> str:
    """``22,50`` in Vietnamese documents, ``22.50`` in English; ``digits=0`` trims like
    ``%g`` (``1``, ``0,5``)."""
    shown = f"{value:.{digits}f}" if digits else f"{value:g}"
    return shown.replace(".", ",") if lang == "vi" else shown


def percent(share: float, lang: Lang) -> str:
    """A share as a percentage to 1 decimal: ``12,5%`` / ``12.5%``."""
    return f"{number(share * 100, lang, 1)}%"


def signed(value: float, lang: Lang) -> str:
    """A difference with its sign, 2 decimals: ``+2,50`` / ``+2.50``."""
    shown = f"{value:+.2f}"
    return shown.replace(".", ",") if lang == "vi" else shown


def star_label(stars: int | None, lang: Lang) -> str:
    """``3 sao`` / ``3 stars``."""
    if stars is None:
        return "—"
    return text("report.star_label_one" if stars == 1 else "report.star_label", lang,
                stars=str(stars))


def star_glyphs(stars: int | None) -> str:
    """``★★★☆☆`` for 3 of 5."""
    if stars is None:
        return "—"
    return "★" * stars + "☆" * (5 - stars)


def producer_kind(kind: str | None, lang: Lang) -> str:
    """A producer kind (``cooperative`` …) in words; an unknown kind as written."""
    key = f"producer_kind.{kind}"
    return text(key, lang) if known(key, lang) else (kind or "")


def group_name(group: str, lang: Lang) -> str:
    """A product group id (``food`` …) in words; an unknown one as written."""
    key = f"report.group.{group}"
    return text(key, lang) if known(key, lang) else group


def class_label(key: str, lang: Lang) -> str:
    """A summary class key (``"5"`` … ``"could_not_rate"``) in words."""
    return star_label(int(key), lang) if key.isdigit() else word(key, lang)


def dimension_value(dimension: str, value: str, lang: Lang,
                    set_names: Mapping[str, Text] | None = None) -> str:
    """A breakdown value for display: producer kinds, groups and product sets in words,
    blanks named unknown."""
    if not value:
        return word("unknown", lang)
    if dimension == "product_set" and set_names and value in set_names:
        return set_names[value].get(lang)
    if dimension == "producer_kind":
        return producer_kind(value, lang)
    if dimension == "product_group":
        return group_name(value, lang)
    return value


def spread_text(spread: float, limit: float, lang: Lang) -> str:
    """``tổng điểm các thành viên chênh 12,00 điểm (giới hạn 10)``."""
    return text("report.spread_text", lang, spread=number(spread, lang),
                limit=number(limit, lang, 0))


def split_text(criterion: str, options: dict[str, str], steps: int, lang: Lang) -> str:
    """``B4.1: chọn cách nhau 2 phương án (M1: a, M2: c)``."""
    chosen = ", ".join(f"{m}: {o}" for m, o in options.items())
    return text("report.split_text", lang, criterion=criterion, steps=str(steps),
                chosen=chosen)


def outcome_words(outcome: str, unchecked: bool, lang: Lang) -> str:
    """``Công nhận`` — or ``Công nhận (chưa kiểm tra điều kiện loại hồ sơ)`` for a product
    rated without the facts its rejection conditions read: never plainly recognised."""
    said = text(f"outcome.{outcome}", lang)
    if unchecked and outcome != "not-rated":
        said += f" ({text('outcome.unchecked', lang)})"
    return said


def notice_text(notice: Notice, lang: Lang) -> str:
    """A rating's notice (a rejection condition not checked …) in ``lang``."""
    return text(notice.message_id, lang, notice.params)


def problem_text(problem: ProblemOut, lang: Lang) -> str:
    """A carried problem's sentence in ``lang`` (uncatalogued ones as they were said)."""
    if problem.message_id is None:
        return problem.message
    return text(problem.message_id, lang, problem.params)


def problem_line(problem: ProblemOut, lang: Lang) -> str:
    """``file:line:column: field: sentence`` in ``lang``."""
    where = problem.file or ""
    if problem.line is not None:
        where += f":{problem.line}" + (f":{problem.column}" if problem.column is not None
                                       else "")
    head = ": ".join(x for x in (where, problem.field) if x)
    said = problem_text(problem, lang)
    return f"{head}: {said}" if head else said


_CITATION_WORDS = re.compile(r"(^|, )(Appendix|sheet|criterion) ")


def citation(rendered: str | None, lang: Lang) -> str:
    """A citation as ``Citation.render`` writes it (``…, Appendix II, sheet 1-20, criterion
    2.2``) with its words in ``lang`` (``Phụ lục II, phiếu 1-20, tiêu chí 2.2``)."""
    if not rendered:
        return ""
    return _CITATION_WORDS.sub(
        lambda m: f"{m.group(1)}{text('report.cite.' + m.group(2).lower(), lang)} ", rendered)


def case_text(case: GoldenCase, tolerance: float, lang: Lang) -> str:
    """Why a golden case passed or not, in ``lang`` (``case.message`` is the English): the
    check's table and its GitHub annotations say the same."""
    e = case.expected
    if case.status == "error":
        return text("checks.case_error", lang,
                    problems="; ".join(problem_text(p, lang) for p in case.errors))
    if case.status in ("unexpected", "missing"):
        return text(f"checks.case_{case.status}", lang)
    if case.status == "mismatch" and e is not None:
        wrong = []
        if case.stars != e.stars:
            wrong.append(text("checks.case_stars", lang, stars=_golden_stars(case.stars),
                              expected=_golden_stars(e.stars)))
        if e.total is not None and case.total is not None \
                and abs(case.total - e.total) > tolerance + 1e-9:
            wrong.append(text("checks.case_total", lang, total=number(case.total, lang),
                              expected=number(e.total, lang), tolerance=tolerance))
        return "; ".join(wrong)
    return ""


def _golden_stars(stars: int | None) -> str:
    """A golden file's stars as written there: a class, or ``rejected`` (no class)."""
    from ocop_rate.models.checks import REJECTED

    return REJECTED if stars is None else str(stars)
