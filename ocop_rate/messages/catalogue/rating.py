"""Fitting a dossier to its rubric, and the reasons a rating gives (star marks, gates)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rating.unknown_rubric": ("phiếu đánh giá '{rubric}' không có (xem: ocop-rate rubrics list)",
                              "unknown rubric '{rubric}' (see: ocop-rate rubrics list)"),
    "rating.unknown_rubric_close": (
        "phiếu đánh giá '{rubric}' không có; có phải {close}? (xem: ocop-rate rubrics list)",
        "unknown rubric '{rubric}'; did you mean {close}? (see: ocop-rate rubrics list)"),
    "rating.unknown_fact": ("dữ kiện '{fact}' không có trong phiếu {rubric} (có: {known})",
                            "unknown fact '{fact}' for rubric {rubric} (known: {known})"),
    "rating.no_facts": ("không có", "none"),
    "rating.fact_fraction": ("dữ kiện '{fact}' là một tỷ lệ từ 0 đến 1 (ghi 0,75 hoặc "
                             "75%), nhưng ghi {value}",
                             "fact '{fact}' is a share from 0 to 1 (write 0.75 or 75%), got "
                             "{value}"),
    "rating.fact_type": ("dữ kiện '{fact}' phải là {kind_text}, nhưng ghi {value}",
                         "fact '{fact}' should be a {kind_text}, got {value}"),
    "rating.kind.number": ("một số hữu hạn", "finite number"),
    "rating.kind.boolean": ("true hoặc false", "boolean (true or false)"),
    "rating.kind.text": ("văn bản", "text"),
    "rating.member_blank": (
        "thành viên '{member}' chưa chọn phương án cho {criteria}; mọi tiêu chí đều cần một "
        "phương án (chỉ được để trống khi phiếu suy ra tiêu chí đó từ dữ kiện; ghi 'none' khi "
        "không có phương án nào phù hợp)",
        "member '{member}' gave no option for {criteria}; every criterion needs one (a blank "
        "is allowed only where the rubric derives it from facts; write 'none' where no option "
        "printed on the sheet applies)"),
    "rating.unknown_criterion": ("tiêu chí '{criterion}' không có (các tiêu chí: {first} … {last})",
                                 "unknown criterion '{criterion}' (criteria: {first} … {last})"),
    "rating.unknown_criterion_close": (
        "tiêu chí '{criterion}' không có; có phải {close}? (các tiêu chí: {first} … {last})",
        "unknown criterion '{criterion}'; did you mean {close}? (criteria: {first} … "
        "{last})"),
    "rating.unknown_option": (
        "phương án '{code}' không có ở {criterion}; chọn một trong {codes}, hoặc none (0) khi "
        "không có phương án nào phù hợp",
        "unknown option '{code}' for {criterion}; expected one of {codes}, or none (0) where "
        "no option applies"),
    "rating.unknown_option_close": (
        "phương án '{code}' không có ở {criterion}; có phải {close}? (chọn một trong {codes})",
        "unknown option '{code}' for {criterion}; did you mean {close}? (expected one of "
        "{codes})"),
    "rating.option_points": ("{code} ({points} điểm)", "{code} ({points} pts)"),
    "rating.gate_not_checked": (
        "chưa kiểm tra điều kiện loại hồ sơ “{gate_name}”: hồ sơ không nêu {fact_names}",
        "rejection condition “{gate_name}” not checked: the dossier does not state "
        "{fact_names}"),
    "rating.mark_reason": (
        "{criterion} {name}: cần tối thiểu phương án {required} ({points} điểm) để đạt "
        "{level} sao; hội đồng chấm {chosen}",
        "{criterion} {name}: needs option {required} ({points} pts) or better for {level} "
        "stars; the council chose {chosen}"),
    "rating.id_used": ("mã sản phẩm '{id}' đã dùng trong {other}",
                       "product id '{id}' is already used by {other}"),
    "rating.council_repeated": ("thành viên hội đồng có tên lặp lại: {names}",
                                "council member named more than once: {names}"),
}
