"""Words of the Ministry's return under 90 points (Điều 7.4.g): the province's two ways."""

MESSAGES: dict[str, tuple[str, str]] = {
    "register.label.central-result": (
        "Bộ trả về; tỉnh công nhận theo kết quả Hội đồng cấp trung ương (Điều 7.4.g)",
        "returned; the province recognised the central council's result (Điều 7.4.g)"),
    "register.label.own-evaluation": (
        "Bộ trả về; tỉnh đã tự đánh giá, phân hạng lại theo thẩm quyền (Điều 7.4.g)",
        "returned; the province evaluated it again under its own authority (Điều 7.4.g)"),
    "register.label.own-evaluation-due": (
        "Bộ trả về; tỉnh sẽ tự đánh giá, phân hạng lại theo thẩm quyền — chưa có kết quả "
        "(Điều 7.4.g)",
        "returned; the province will evaluate it again under its own authority — not yet "
        "(Điều 7.4.g)"),
    "register.label.no-class": ("Bộ trả về; không công nhận hạng nào",
                                "returned; no class recognised"),
    "register.result_choice": (
        "kết quả của Bộ: cần đúng một trong --stars (5, 4, 3, none) hoặc --evaluate-again "
        "(tỉnh tự đánh giá lại, Điều 7.4.g)",
        "the Ministry's result needs exactly one of --stars (5, 4, 3, none) or "
        "--evaluate-again (the province evaluates it again, Điều 7.4.g)"),
    "register.return_closed": (
        "{products}: kết quả tỉnh tự đánh giá lại sau khi Bộ trả về (Điều 7.4.g) đã ghi",
        "{products}: the province's own evaluation after the Ministry's return (Điều 7.4.g) "
        "recorded"),
    "register.proposed_after_return": (
        "{product}: Bộ đã trả về (dưới 90 điểm) nhưng lần tự đánh giá lại của tỉnh lại đạt "
        "từ 90 điểm và được đề nghị Bộ lần nữa; theo thẩm quyền tỉnh chỉ công nhận 3-4 sao "
        "(Điều 4.1.a, 7.4.g)",
        "{product}: returned by the Ministry (under 90) but the province's own evaluation "
        "reaches 90 again and is proposed to the Ministry once more; under its own "
        "authority the province recognises 3-4 stars only (Điều 4.1.a, 7.4.g)"),
    "register.queue_own_evaluation": (
        "Bộ trả về, chờ tỉnh tự đánh giá lại (Điều 7.4.g): {products}",
        "Returned by the Ministry, waiting for the province's own evaluation (Điều 7.4.g): "
        "{products}"),
    "help.register.result.evaluate_again": (
        "Bộ trả về vì dưới 90 điểm và tỉnh tổ chức đánh giá, phân hạng lại theo thẩm quyền "
        "(Điều 7.4.g); lần ghi kết quả cấp tỉnh tiếp theo của sản phẩm khép lại việc này.",
        "Returned under 90 points and the province evaluates it again under its own "
        "authority (Điều 7.4.g); the product's next provincial result recorded closes it."),
}
