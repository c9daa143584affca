"""The outcome of a rating in the decision's words, and the council's level.

Ids are ``outcome.<CONTRACT value>`` (``outcome.proposed-5-star`` …) so a report can say an
outcome with ``text(f"outcome.{rating.outcome}", lang)``; ``outcome.unchecked`` qualifies an
outcome reached without the facts a rejection condition reads.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "outcome.recognised": ("Công nhận", "Recognised"),
    "outcome.proposed-5-star": ("Đề nghị công nhận 5 sao", "Proposed for 5 stars"),
    "outcome.not-recognised": ("Không đạt", "Not recognised"),
    "outcome.rejected": ("Loại (không đủ điều kiện)", "Rejected (dossier not eligible)"),
    "outcome.not-rated": ("Không chấm được", "Not rated"),
    "outcome.unchecked": ("chưa kiểm tra điều kiện loại hồ sơ",
                          "rejection conditions not checked"),
    "outcome.unchecked_long": (
        "chưa kiểm tra điều kiện loại hồ sơ ({conditions}): hồ sơ không nêu {facts}",
        "rejection conditions not checked ({conditions}): the dossier does not state {facts}"),
    "level.province": ("Hội đồng cấp tỉnh", "Provincial council"),
    "level.central": ("Hội đồng cấp trung ương", "Central council"),
}
