"""Outcomes in the words of Decision 26/2026 (ids: ``outcome.`` + the CONTRACT.md value) and
the council's level. Issue 14 announced the same ids (coord.md, 09:14); keep one copy."""

MESSAGES: dict[str, tuple[str, str]] = {
    "outcome.recognised": ("Công nhận", "Recognised"),
    "outcome.proposed-5-star": ("Đề nghị công nhận 5 sao", "Proposed for 5 stars"),
    "outcome.not-recognised": ("Không công nhận", "Not recognised"),
    "outcome.rejected": ("Hồ sơ bị loại", "Dossier rejected"),
    "outcome.not-rated": ("Không chấm được", "Not rated"),
    "level.province": ("Hội đồng cấp tỉnh", "Provincial council"),
    "level.central": ("Hội đồng cấp trung ương", "Central council"),
}
