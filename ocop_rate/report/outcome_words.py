"""The decision's clauses said in words: the outcome (what was decided, by whom, under
which clause), ``none``, criteria that do not apply, requirements, members' cases."""

from __future__ import annotations

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import CaseSplit, CriterionScore, RequirementResult
from ocop_rate.models.rubric import NONE, Option


def outcome_note(outcome: str, stars: int | None, authority: str | None,
                 province_may: int | None, source: str | None, lang: Lang) -> str | None:
    """The sentence that says who recognises (or would), with the clause; None when the
    outcome says it all (not rated, rejected: the rejection's reasons are listed)."""
    article = source or ""
    if outcome == "proposed-5-star":
        return text("rules.proposed", lang, authority=authority or "", article=article)
    if outcome == "recognised":
        return text("rules.authority", lang, authority=authority or "", article=article)
    if outcome == "not-recognised" and province_may is not None:
        return text("rules.province_may", lang, stars=province_may, article=article)
    if outcome == "not-recognised" and stars is not None and stars < 3:
        return text("rules.no_certificate", lang, article=article)
    return None


def option_label(option: Option, lang: Lang) -> str:
    """An option's label; ``none`` in the catalogue's words."""
    if option.code == NONE:
        return text("rules.none", lang)
    return option.label.get(lang)


def not_applicable_line(crit: CriterionScore, lang: Lang) -> str:
    """``không áp dụng: sản phẩm không có câu chuyện (5.1 a)``; names the members when the
    criterion does not apply to some of them only."""
    reason = crit.not_applicable.get(lang) if crit.not_applicable else ""
    idle = [ch.member for ch in crit.choices if not ch.applies]
    if len(idle) == len(crit.choices):
        return text("rules.not_applicable", lang, reason=reason)
    return text("rules.not_applicable_for", lang, members=", ".join(idle), reason=reason)


def requirement_line(req: RequirementResult, lang: Lang) -> str:
    """``A1.1 yêu cầu “Yêu cầu: 100% …”: chưa kiểm tra được (thiếu province_origin_share)``."""
    status = text(f"rules.requirement.{req.status}", lang,
                  missing=", ".join(req.missing) or "?")
    return text("rules.requirement.line", lang, criterion=req.criterion, text=req.text,
                status=status)


def case_split_line(split: CaseSplit, lang: Lang) -> str:
    cases = ", ".join(f"{member}: {case}" for member, case in split.cases.items())
    return text("rules.case_split", lang, criteria=", ".join(split.criteria), cases=cases)
