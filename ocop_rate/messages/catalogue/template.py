"""The blank score sheet's guide: exactly what the score-sheet reader accepts."""

MESSAGES: dict[str, tuple[str, str]] = {
    "template.guide_rows": (
        "Mỗi dòng là một sản phẩm và một thành viên hội đồng: product_id (một từ, không dấu "
        "cách), product_name, rubric (mã phiếu, có sẵn trong ô chọn), member.",
        "Each row is one product and one council member: product_id (one word, no spaces), "
        "product_name, rubric (the sheet's id, offered in the drop-down), member."),
    "template.guide_codes": (
        "Ở mỗi cột tiêu chí, chọn mã phương án (a, b, c …) trong ô chọn. Gõ số điểm thay "
        "cho mã sẽ bị từ chối, kèm gợi ý mã đúng.",
        "In every criterion column pick an option code (a, b, c …) from the drop-down. "
        "Points typed instead of a code are refused, with the right code suggested."),
    "template.guide_blank": (
        "Không được để trống ô tiêu chí: phiếu chấm không có dữ kiện để suy ra, nên sản "
        "phẩm có ô trống không được chấm (các sản phẩm khác vẫn được chấm).",
        "No criterion cell may be blank: a score sheet has no facts to derive it from, so "
        "a product with a blank cell is not rated (the other products still are)."),
    "template.guide_headers": (
        "Tiêu đề cột: mã tiêu chí, có thể kèm tên (A1.1 hoặc 'A1.1 Nguồn nguyên liệu'); "
        "cột nhận dạng có thể đặt tên tiếng Việt: Mã sản phẩm, Tên sản phẩm, Phiếu, "
        "Thành viên. Tiêu đề ở dòng 1; không đổi thứ tự cũng được.",
        "Column headers: the criterion id, optionally followed by its name (A1.1 or "
        "'A1.1 Nguồn nguyên liệu'); identity columns may carry Vietnamese names: Mã sản "
        "phẩm, Tên sản phẩm, Phiếu, Thành viên. Headers in row 1; any order."),
    "template.guide_sheets": (
        "Mỗi bộ sản phẩm một trang tính; mọi trang có cột mã sản phẩm đều được đọc, trang "
        "hướng dẫn này thì không. Một thành viên không chấm một sản phẩm hai lần.",
        "One sheet per product set; every sheet with a product id column is read, this "
        "guide is not. A member may not score one product twice."),
    "template.guide_marks": (
        "*** / **** / *****: phương án tối thiểu để đạt 3 / 4 / 5 sao.",
        "*** / **** / *****: the lowest option a product needs for 3 / 4 / 5 stars."),
}
