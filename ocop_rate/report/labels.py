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
    "accepted_sev": ("chấp nhận", "accepted"),
    "accepted_n": ("chấp nhận", "accepted"),
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


# --- Council workflow: members, explain, summary, HTML/XLSX reports, templates ---------
WORDS.update({
    "member": ("Thành viên", "Member"),
    "council": ("Hội đồng", "Council"),
    "council_average": ("Trung bình hội đồng", "Council average"),
    "spread": ("Chênh lệch", "Spread"),
    "discuss": ("Cần thảo luận lại", "Discuss again"),
    "agreed": ("Thống nhất", "Agreed"),
    "self_assessment": ("Tự đánh giá", "Self-assessment"),
    "council_minus_self": ("Hội đồng − tự đánh giá", "Council − self"),
    "evidence": ("Minh chứng", "Evidence"),
    "derived_from": ("suy ra từ dữ kiện", "derived from facts"),
    "note": ("Ghi chú", "Note"),
    "option": ("Phương án", "Option"),
    "producer": ("Chủ thể", "Producer"),
    "none": ("Không có", "None"),
    "count": ("Số lượng", "Count"),
    "share": ("Tỷ lệ", "Share"),
    "mean_total": ("Điểm TB", "Mean total"),
    "mean_parts": ("Điểm trung bình theo phần", "Mean part scores"),
    "all": ("Tất cả", "All"),
    "unknown": ("(không rõ)", "(unknown)"),
    "class": ("Hạng", "Class"),
    "product_group": ("Nhóm sản phẩm", "Product group"),
    "province": ("Tỉnh/thành phố", "Province"),
    "commune": ("Xã/phường", "Commune"),
    "producer_kind": ("Loại hình chủ thể", "Producer kind"),
    "stars_chart": ("Số sản phẩm theo hạng", "Products by class"),
    "report_title": ("Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP",
                     "OCOP product rating report"),
    "score_sheet": ("Phiếu chấm", "Score sheet"),
    "results": ("Kết quả", "Results"),
    "generated": ("Lập ngày", "Generated on"),
    "secretary": ("Thư ký hội đồng", "Council secretary"),
    "chair": ("Chủ tịch hội đồng", "Council chair"),
    "signature": ("(ký, ghi rõ họ tên)", "(signature, full name)"),
    "required_by_mark": ("bắt buộc theo yêu cầu sao", "required by a star mark"),
    "blocked_by": ("bị chặn bởi", "blocked by"),
    "points_to_go": ("cần thêm", "needs"),
    "top_class": ("Đã ở hạng cao nhất (5 sao)", "Already at the top class (5 stars)"),
    "gate_policy": ("Cách đọc yêu cầu sao", "Gate policy"),
    "guide": ("Hướng dẫn", "Guide"),
    "rated_products": ("sản phẩm đã chấm", "rated products"),
})

PRODUCER_KINDS: dict[str, tuple[str, str]] = {
    "cooperative": ("Hợp tác xã", "Cooperative"),
    "company": ("Doanh nghiệp", "Company"),
    "household": ("Hộ sản xuất, kinh doanh", "Household business"),
    "cooperative_group": ("Tổ hợp tác", "Cooperative group"),
    "farm": ("Trang trại", "Farm"),
    "association": ("Hiệp hội", "Association"),
}


def class_label(key: str, lang: Lang) -> str:
    """A summary class key (``"5"`` … ``"could_not_rate"``) in words."""
    return star_label(int(key), lang) if key.isdigit() else word(key, lang)


def dimension_value(dimension: str, value: str, lang: Lang) -> str:
    """A breakdown value for display: producer kinds translated, blanks named unknown."""
    if not value:
        return word("unknown", lang)
    if dimension == "producer_kind" and value in PRODUCER_KINDS:
        vi, en = PRODUCER_KINDS[value]
        return vi if lang == "vi" else en
    return value


def spread_text(spread: float, limit: float, lang: Lang) -> str:
    """``tổng điểm các thành viên chênh 12.00 điểm (giới hạn 10)``."""
    if lang == "vi":
        return f"tổng điểm các thành viên chênh {spread:.2f} điểm (giới hạn {limit:g})"
    return f"members' totals spread {spread:.2f} points (limit {limit:g})"


def split_text(criterion: str, options: dict[str, str], steps: int, lang: Lang) -> str:
    """``B4.1: các thành viên chọn a, c (cách 2 phương án)``."""
    chosen = ", ".join(f"{m}: {o}" for m, o in options.items())
    if lang == "vi":
        return f"{criterion}: chọn cách nhau {steps} phương án ({chosen})"
    return f"{criterion}: options {steps} apart ({chosen})"
