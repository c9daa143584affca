"""The printed documents: the member's score sheet as Appendix II prints it, the council's
summary sheet, the round's results list (and its Word drafts)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "printed.motto_state": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "SOCIALIST REPUBLIC OF VIETNAM"),
    "printed.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "printed.council": ("HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                        "OCOP PRODUCT RATING COUNCIL"),
    "printed.sheet_title": ("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", "OCOP PRODUCT SCORE SHEET"),
    "printed.product_set": ("Bộ sản phẩm: {name}", "Product set: {name}"),
    "printed.group": ("(Nhóm sản phẩm: {group})", "(Product group: {group})"),
    "printed.product_name": ("Tên sản phẩm: {name}", "Product name: {name}"),
    "printed.product_code": ("Mã số sản phẩm: {code}", "Product code: {code}"),
    "printed.producer": ("Tên chủ thể sản xuất: {name}", "Producer: {name}"),
    "printed.address": ("Địa chỉ: {address}", "Address: {address}"),
    "printed.member": ("Người đánh giá: {member}", "Evaluator: {member}"),
    "printed.criteria": ("Các tiêu chí", "Criteria"),
    "printed.scale": ("Thang điểm", "Scale"),
    "printed.score": ("Điểm chấm", "Score"),
    "printed.part": ("Phần {part}: {name} ({max} điểm)", "Part {part}: {name} ({max} points)"),
    "printed.grand_total": ("TỔNG CỘNG", "TOTAL"),
    "printed.marks_note": (
        "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; "
        "**** - 4 sao; ***** - 5 sao)",
        "Note: the stars mark the minimum each class requires (*** - 3 stars; **** - 4 "
        "stars; ***** - 5 stars)"),
    "printed.comment": ("Ý kiến của người đánh giá:", "The evaluator's comment:"),
    "printed.place_date": ("{place}, {date}", "{place}, {date}"),
    "printed.evaluator": ("Người đánh giá", "Evaluator"),
    "printed.sign": ("(Ký và ghi rõ họ tên)", "(Signature and full name)"),
    "printed.date": ("ngày {day} tháng {month} năm {year}", "{day} {month} {year}"),
    "printed.blank_date": ("ngày … tháng … năm …", "date …"),
    "printed.summary_title": ("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SẢN PHẨM",
                              "COUNCIL SUMMARY OF A PRODUCT'S SCORES"),
    "printed.no": ("STT", "No."),
    "printed.signature": ("Ký tên", "Signature"),
    "printed.average": ("Điểm trung bình", "Average"),
    "printed.class_outcome": ("Hạng sao: {stars} · Kết quả: {outcome}",
                              "Class: {stars} · Outcome: {outcome}"),
    "printed.secretary": ("THƯ KÝ HỘI ĐỒNG", "COUNCIL SECRETARY"),
    "printed.chair": ("CHỦ TỊCH HỘI ĐỒNG", "COUNCIL CHAIR"),
    "printed.results_title": ("DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                              "RESULTS OF THE OCOP RATING ROUND"),
    "printed.results_count": ("(Tổng số {count} sản phẩm)", "({count} products in all)"),
    "printed.section_recognise": ("I. SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN 3 SAO, 4 SAO",
                                  "I. PRODUCTS PROPOSED FOR RECOGNITION AT 3 OR 4 STARS"),
    "printed.section_forward": (
        "II. SẢN PHẨM ĐẠT TỪ 90 ĐIỂM, ĐỀ NGHỊ HỘI ĐỒNG CẤP TRUNG ƯƠNG ĐÁNH GIÁ 5 SAO",
        "II. PRODUCTS SCORING 90 OR MORE, FORWARDED TO THE CENTRAL COUNCIL FOR 5 STARS"),
    "printed.section_other": ("III. SẢN PHẨM KHÔNG ĐẠT, BỊ LOẠI HOẶC CHƯA CHẤM ĐƯỢC",
                              "III. PRODUCTS NOT RECOGNISED, REJECTED OR NOT RATED"),
    "printed.none_listed": ("(không có)", "(none)"),
    "printed.points": ("Điểm", "Points"),
    "printed.unchecked_note": (
        "(*) chưa kiểm tra điều kiện loại hồ sơ: hồ sơ không nêu các dữ kiện cần thiết",
        "(*) rejection conditions not checked: the dossier does not state the facts needed"),
    "printed.minutes_title": ("BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                              "MINUTES OF THE OCOP RATING COUNCIL MEETING"),
    "printed.minutes_draft": ("(Dự thảo)", "(Draft)"),
    "printed.minutes_time": ("Thời gian: {date}; địa điểm: ……", "Time: {date}; place: ……"),
    "printed.minutes_members": ("Thành phần: các thành viên Hội đồng ({count} người): {names}.",
                                "Present: the council's members ({count}): {names}."),
    "printed.minutes_content": (
        "Nội dung: Hội đồng đã đánh giá, phân hạng {count} sản phẩm theo Bộ tiêu chí ban "
        "hành kèm theo Quyết định số 26/2026/QĐ-TTg. Kết quả như sau:",
        "Business: the council rated {count} products against the criteria of Decision "
        "26/2026/QĐ-TTg, with these results:"),
    "printed.minutes_close": (
        "Biên bản được lập thành … bản, thông qua tại cuộc họp và có giá trị như nhau.",
        "These minutes were made in … copies, adopted at the meeting, all of equal value."),
}
