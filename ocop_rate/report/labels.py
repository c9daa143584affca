"""Words of the reports in Vietnamese and English."""

from __future__ import annotations

from ocop_rate.models.common import Lang

WORDS: dict[str, tuple[str, str]] = {
    "product": ("Sản phẩm", "Product"),
    "product_set": ("Bộ sản phẩm", "Product set"),
    "total": ("Tổng", "Total"),
    "stars": ("Hạng sao", "Stars"),
    "recognised": ("Công nhận", "Recognised"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "not_recognised": ("Không đạt OCOP", "Not recognised"),
    "error": ("Lỗi", "Error"),
    "errors": ("lỗi", "errors"),
    "could_not_rate": ("Không chấm được", "Could not be rated"),
    "rated": ("đã chấm", "rated"),
    "summary": ("Tổng hợp", "Summary"),
    "gates": ("Điều kiện áp dụng", "Gates applied"),
    "next_star": ("Để lên hạng", "To reach"),
    "id": ("Mã", "ID"),
    "group": ("Nhóm", "Group"),
    "decision": ("Quyết định", "Decision"),
    "criteria": ("Số tiêu chí", "Criteria"),
    "in_force": ("Hiệu lực", "In force"),
    "criterion": ("Tiêu chí", "Criterion"),
    "points": ("Điểm", "Points"),
    "options": ("Phương án", "Options"),
    "min_star": ("Yêu cầu sao", "Star mark"),
    "members": ("Thành viên", "Members"),
    "rubric": ("Phiếu đánh giá", "Rubric"),
    "file": ("Tệp", "File"),
    "name": ("Tên", "Name"),
    "source": ("Nguồn", "Source"),
    "part": ("Phần", "Part"),
    "max": ("Tối đa", "Max"),
    "unconfirmed": ("chưa xác minh", "unconfirmed"),
    "products": ("sản phẩm", "products"),
    "points_short": ("điểm", "pts"),
    "warnings": ("Lưu ý", "Warnings"),
    "upgrade_to": ("nâng lên", "raise to"),
    "unreachable": ("không thể đạt bằng nâng điểm", "not reachable by upgrades alone"),
    # -- rubric checks (validate, diff, check) --
    "lint": ("Kiểm tra", "Lint"),
    "severity": ("Mức", "Severity"),
    "location": ("Vị trí", "Location"),
    "message": ("Nội dung", "Message"),
    "error_sev": ("lỗi", "error"),
    "warning_sev": ("cảnh báo", "warning"),
    "warnings_n": ("cảnh báo", "warnings"),
    "rubrics_checked": ("phiếu đã kiểm tra", "rubrics checked"),
    "files": ("tệp", "files"),
    "no_findings": ("Không phát hiện vấn đề", "No problems found"),
    "before": ("Trước", "Before"),
    "after": ("Sau", "After"),
    "change": ("Thay đổi", "Change"),
    "up": ("tăng", "up"),
    "down": ("giảm", "down"),
    "unchanged": ("giữ nguyên", "unchanged"),
    "not_rated": ("không chấm được", "not rated"),
    "class_before": ("Hạng trước", "Class before"),
    "expected": ("Kỳ vọng", "Expected"),
    "actual": ("Thực tế", "Actual"),
    "status": ("Kết quả", "Status"),
    "pass": ("đạt", "pass"),
    "mismatch": ("sai khác", "mismatch"),
    "missing": ("thiếu sản phẩm", "missing"),
    "unexpected": ("chưa có kỳ vọng", "unexpected"),
    "failed": ("không đạt", "failed"),
    "passed": ("đạt", "passed"),
}


def word(key: str, lang: Lang) -> str:
    vi, en = WORDS[key]
    return vi if lang == "vi" else en


def star_label(stars: int | None, lang: Lang) -> str:
    """``3 sao`` / ``3 stars``."""
    if stars is None:
        return "—"
    if lang == "vi":
        return f"{stars} sao"
    return f"{stars} star" + ("s" if stars != 1 else "")


def star_glyphs(stars: int | None) -> str:
    """``★★★☆☆`` for 3 of 5."""
    if stars is None:
        return "—"
    return "★" * stars + "☆" * (5 - stars)
