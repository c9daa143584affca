"""Words of a written-opinion round (lấy ý kiến bằng văn bản, Điều 7.6.d)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "round.view.mode.written": ("lấy ý kiến bằng văn bản", "written opinions"),
    "written.title": (
        "Lấy ý kiến bằng văn bản (Điều 7.6.d Quyết định 26/2026/QĐ-TTg: chỉ họp trực tiếp "
        "khi có nhiều ý kiến đánh giá khác nhau)",
        "Written opinions (Điều 7.6.d, Decision 26/2026/QĐ-TTg: meet only where opinions "
        "differ)"),
    "written.rule": (
        "Ý kiến được coi là khác nhau khi: {rules}. Kết luận khi {wait} đã gửi ý kiến; hạn "
        "gửi ý kiến: {due}",
        "Opinions differ when: {rules}. Decided once {wait} answered; answers due: {due}"),
    "written.rule.none": ("(không bật quy tắc nào)", "(no rule switched on)"),
    "written.rule.classes": ("hạng sao của các thành viên khác nhau", "members' classes differ"),
    "written.rule.spread": ("tổng điểm chênh nhau quá {limit} điểm",
                            "totals spread more than {limit} points"),
    "written.rule.star_mark": (
        "thành viên chia rẽ về mức sao bắt buộc của một tiêu chí (***, ****, *****)",
        "members split on a criterion's star mark (***, ****, *****)"),
    "written.rule.rejection": ("chỉ một số thành viên loại hồ sơ",
                               "a rejection raised by some members only"),
    "written.wait.all": ("tất cả thành viên chấm điểm", "every scoring member has"),
    "written.wait.quorum": ("đủ túc số", "the quorum has"),
    "written.no_due": ("không ghi (written.answers_due)", "not set (written.answers_due)"),
    "written.state.stands": (
        "Kết luận: ý kiến không khác nhau — kết quả giữ nguyên, không cần họp trực tiếp",
        "Outcome: the opinions do not differ — the result stands without a meeting"),
    "written.state.meeting": (
        "Kết luận: cần họp trực tiếp ({count} sản phẩm): {products}",
        "Outcome: a meeting is needed (cần họp trực tiếp) for {count} products: {products}"),
    "written.state.met": (
        "Đã họp trực tiếp ngày {on} về {count} sản phẩm có ý kiến khác nhau: {products}; kết "
        "quả theo phiếu sau cuộc họp",
        "The council met in person on {on} on {count} products whose opinions differed: "
        "{products}; the result is the sheets after the meeting"),
    "written.state.waiting": (
        "Chưa kết luận: đang chờ ý kiến cho {count} sản phẩm: {products}",
        "Not decided yet: waiting for opinions on {count} products: {products}"),
    "written.overdue": (
        "Quá hạn gửi ý kiến ({due}, tính đến {today}), chưa gửi đủ: {members}",
        "Past the deadline for opinions ({due}, as of {today}), not all answered: {members}"),
    "written.reason.classes": ("{pid}: hạng sao khác nhau — {members}",
                               "{pid}: classes differ — {members}"),
    "written.reason.spread": ("{pid}: tổng điểm chênh {spread} điểm (giới hạn {limit}) — "
                              "{members}",
                              "{pid}: totals {spread} points apart (limit {limit}) — "
                              "{members}"),
    "written.reason.star_mark": (
        "{pid}: tiêu chí {criterion}, mức bắt buộc của hạng {mark} sao — có thành viên đạt "
        "(✓), có thành viên không (✗): {members}",
        "{pid}: criterion {criterion}, the {mark}-star mark — met by some (✓), not by "
        "others (✗): {members}"),
    "written.reason.rejection": ("{pid}: chỉ một số thành viên loại hồ sơ — {members}",
                                 "{pid}: only some members reject the dossier — {members}"),
    "written.rejected": ("loại", "rejected"),
    "written.stars": ("{stars} sao", "{stars} stars"),
    "written.late": ("muộn", "late"),
}
