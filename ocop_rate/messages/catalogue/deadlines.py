"""Words of the procedure's deadlines (Decision 26/2026/QĐ-TTg, Điều 5, 7.2, 7.6.g, 12.2)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "deadline.title": (
        "Thời hạn theo Quyết định 26/2026/QĐ-TTg: {checked} lần kiểm tra, {late} quá hạn",
        "Deadlines of Decision 26/2026/QĐ-TTg: {checked} checked, {late} missed"),
    "deadline.late.5.1": (
        "{pid}: UBND cấp xã đề nghị ngày {start}, phải được đánh giá chậm nhất ngày {due} "
        "(Điều 5.1: đợt 01 trước ngày 30/6 cho hồ sơ đề nghị trước ngày 30/4, đợt 02 trước "
        "ngày 30/12 cho hồ sơ đề nghị trước ngày 30/10); đợt đánh giá ngày {on} muộn {days} "
        "ngày",
        "{pid}: proposed by the commune on {start}, to be evaluated by {due} at the latest "
        "(Điều 5.1: round 1 before 30 June for dossiers proposed before 30 April, round 2 "
        "before 30 December for those proposed before 30 October); the round on {on} is "
        "{days} days late"),
    "deadline.late.5.2": (
        "{pid}: UBND cấp tỉnh đề nghị ngày {start}, phải được đánh giá chậm nhất ngày {due} "
        "(Điều 5.2: đợt 01 trước ngày 30/9 cho hồ sơ đề nghị trước ngày 30/7, đợt 02 trước "
        "ngày 30/3 cho hồ sơ đề nghị trước ngày 30/01); đợt đánh giá ngày {on} muộn {days} "
        "ngày",
        "{pid}: proposed by the province on {start}, to be evaluated by {due} at the latest "
        "(Điều 5.2: round 1 before 30 September for dossiers proposed before 30 July, round "
        "2 before 30 March for those proposed before 30 January); the round on {on} is "
        "{days} days late"),
    "deadline.late.7.2": (
        "{pid}: UBND cấp xã tiếp nhận hồ sơ ngày {start} nhưng đến ngày {on} mới đề nghị: quá "
        "15 ngày làm việc (hạn {due}{moved}, Điều 7.2)",
        "{pid}: the commune received the dossier on {start} but proposed it only on {on}: "
        "past the 15 working days (due {due}{moved}, Điều 7.2)"),
    "deadline.late.7.6.g": (
        "{pid}: đánh giá lại ngày {on}, quá 45 ngày kể từ ngày nhận đủ hồ sơ {start} (hạn "
        "{due}{moved}, Điều 7.6.g)",
        "{pid}: re-evaluated on {on}, past the 45 days from the complete dossier of {start} "
        "(due {due}{moved}, Điều 7.6.g)"),
    "deadline.late.12.2.a": (
        "{pid}: hồ sơ nộp trước ngày 22/05/2026; đánh giá lần đầu/nâng hạng "
        "phải xong trong 60 ngày, chậm nhất {due}{moved} (Điều 12.2.a); đợt ngày {on} là muộn",
        "{pid}: filed before 22/05/2026; a first rating or upgrade must be "
        "completed within 60 days, by {due}{moved} (Điều 12.2.a); the round on {on} is late"),
    "deadline.late.12.2.b": (
        "{pid}: hồ sơ nộp trước ngày 22/05/2026; đánh giá lại phải xong trong "
        "30 ngày, chậm nhất {due}{moved} (Điều 12.2.b); đợt ngày {on} là muộn",
        "{pid}: filed before 22/05/2026; a re-evaluation must be completed "
        "within 30 days, by {due}{moved} (Điều 12.2.b); the round on {on} is late"),
    "deadline.moved": (
        "; ngày {day} là ngày nghỉ nên hạn lùi sang ngày làm việc tiếp theo, Điều 148.5 Bộ "
        "luật Dân sự 2015",
        "; {day} is a day off, so the deadline moves to the next working day, Bộ luật Dân "
        "sự 2015 Điều 148.5"),
}
