"""A blank dossier for one product set, as YAML a council fills in without reading code.

Every criterion is listed under each member's sheet; the first sheet carries, as comments,
each criterion's options with their points and star marks, and the facts it is derived
from. Blank entries (``A1.2:``) read as "not given", so a half-filled file gives clear
errors ("member 'Thành viên 1' gave no option for …") rather than type errors.
"""

from __future__ import annotations

from ocop_rate.models.dossier import PRODUCER_KINDS
from ocop_rate.models.rubric import Criterion, Rubric


def _flat(text: str) -> str:
    """One line, safe inside a YAML comment."""
    return " ".join(text.split())


def _both(vi: str, en: str | None) -> str:
    return _flat(vi) if not en or en == vi else f"{_flat(vi)} / {_flat(en)}"


def _options_comment(crit: Criterion, indent: str) -> list[str]:
    lines = [f"{indent}# {crit.id} {_both(crit.name.vi, crit.name.en)} "
             f"(tối đa / max {crit.max_points:g})"]
    for opt in crit.options:
        mark = f" [{'*' * opt.min_star} tối thiểu cho {opt.min_star} sao / minimum for " \
               f"{opt.min_star} stars]" if opt.min_star else ""
        lines.append(f"{indent}#   {opt.code} = {opt.points:g}: "
                     f"{_both(opt.label.vi, opt.label.en)}{mark}")
    facts = sorted({f for d in crit.derive for f in d.when.facts()})
    if facts:
        lines.append(f"{indent}#   để trống: suy ra từ dữ kiện / leave blank to derive from "
                     f"facts: {', '.join(facts)}")
    return lines


def _scores(rubric: Rubric, indent: str, with_options: bool) -> list[str]:
    lines: list[str] = []
    part = None
    for crit in rubric.criteria:
        if crit.part != part:
            part = crit.part
            p = rubric.part(part)
            if p is not None:
                lines.append(f"{indent}# ── Phần {p.id} / Part {p.id}: "
                             f"{_both(p.name.vi, p.name.en)} ({p.max_points:g}) ──")
        if with_options:
            lines += _options_comment(crit, indent)
            lines.append(f"{indent}{crit.id}:")
        else:
            codes = "/".join(o.code for o in crit.options)
            lines.append(f"{indent}{crit.id}:{' ' * max(1, 8 - len(crit.id))}"
                         f"# {_flat(crit.name.vi)} ({codes})")
    return lines


def render(rubric: Rubric, members: int = 2) -> str:
    """The dossier skeleton for ``rubric`` with ``members`` blank council sheets."""
    product_set = rubric.product_set or rubric.name
    out = [
        "# Hồ sơ sản phẩm OCOP — OCOP product dossier",
        f"# Bộ sản phẩm / product set: {_both(product_set.vi, product_set.en)}",
        f"# Phiếu / rubric: {rubric.id} — {rubric.source.render()}",
        "# Điền vào chỗ trống. Mỗi thành viên hội đồng chấm một phiếu dưới 'council', chọn",
        "# một mã phương án (a, b, c …) cho mỗi tiêu chí; các phương án và điểm ở chú thích.",
        "# Fill in the blanks. Each council member fills one sheet under 'council' with one",
        "# option code (a, b, c …) per criterion; options and points are in the comments.",
        "product:",
        "  id:            # mã sản phẩm, duy nhất trong đợt / product id, unique in the batch",
        '  name: {vi: "", en: ""}',
        f"  rubric: {rubric.id}",
        "  producer:",
        '    name: ""',
        f"    kind:         # {' | '.join(PRODUCER_KINDS)}",
        "    commune:",
        "    province:",
        "# Dữ kiện / facts: để trống nếu không biết / leave blank where unknown",
        "facts:",
    ]
    for fact in rubric.facts:
        unit = f", {fact.unit}" if fact.unit else ""
        out.append(f"  {fact.id}:{' ' * max(1, 34 - len(fact.id))}# {fact.type}{unit}: "
                   f"{_both(fact.name.vi, fact.name.en)}")
    out += [
        "# Minh chứng theo tiêu chí / evidence per criterion, e.g. C9: [\"HACCP 1234/2025\"]",
        "evidence:",
        "# Chủ thể tự đánh giá (không bắt buộc) / the producer's self-assessment (optional)",
        "self_assessment:",
        *_scores(rubric, "  ", with_options=False),
        "council:",
    ]
    for n in range(1, members + 1):
        out += [f'- member: "Thành viên {n}"', "  scores:",
                *_scores(rubric, "    ", with_options=n == 1),
                "  notes:        # ghi chú theo tiêu chí / notes per criterion, e.g. A1.2: \"…\""]
    return "\n".join(out) + "\n"
