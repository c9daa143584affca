"""Words of the council's documents (ocop_rate/documents/): minutes, results list, draft
recognition decision and its annex, notices of results, the letter proposing 5 stars, and
members' printed sheets, laid out as Nghị định 30/2020/NĐ-CP lays out administrative
documents. The decision's clauses quoted here are Quyết định 26/2026/QĐ-TTg's."""

MESSAGES: dict[str, tuple[str, str]] = {
    "documents.recipients": ("Nơi nhận:", "Recipients:"),
    "documents.blank": ("……", "……"),
    "documents.people_committee": ("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
    "documents.province_committee": ("UBND {province}", "{province} PEOPLE'S COMMITTEE"),
    "documents.council": ("HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                          "OCOP PRODUCT RATING COUNCIL"),
    "documents.office_blank": ("cơ quan tham mưu quản lý OCOP cấp tỉnh",
                               "the provincial OCOP office"),
    "documents.number": ("Số: …/{symbol}", "No.: …/{symbol}"),
    "documents.date_blank": ("ngày … tháng … năm …", "date …"),
    "documents.place_date": ("{place}, {date}", "{place}, {date}"),
    # the minutes
    "documents.minutes_kind": ("BIÊN BẢN", "MINUTES"),
    "documents.minutes_summary": (
        "Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP {level} – {round}",
        "Meeting of the {level} OCOP rating council – {round}"),
    "documents.level.province": ("cấp tỉnh", "provincial"),
    "documents.level.central": ("cấp trung ương", "central"),
    "documents.minutes_when": ("I. THỜI GIAN, ĐỊA ĐIỂM", "I. TIME AND PLACE"),
    "documents.minutes_when_text": (
        "Vào hồi … giờ …, {date}, tại ……………………",
        "At … o'clock, {date}, at ……………………"),
    "documents.minutes_who": ("II. THÀNH PHẦN", "II. ATTENDANCE"),
    "documents.minutes_chair": ("Chủ trì: {name}, Chủ tịch Hội đồng.",
                                "Chaired by {name}, chair of the council."),
    "documents.minutes_secretary": ("Thư ký: {name}.", "Secretary: {name}."),
    "documents.minutes_present": (
        "Thành viên Hội đồng có mặt: {present}/{scoring} thành viên chấm điểm:",
        "Members present: {present} of the {scoring} scoring members:"),
    "documents.minutes_absent": ("Vắng mặt: {names}.", "Absent: {names}."),
    "documents.member_line": ("{name} – {unit}", "{name} – {unit}"),
    "documents.minutes_quorum": (
        "Số thành viên chấm điểm tối thiểu cho mỗi sản phẩm: {required}/{scoring}; "
        "{met}/{count} sản phẩm đủ số thành viên chấm điểm.",
        "Scoring members needed for each product: {required} of {scoring}; {met} of "
        "{count} products met it."),
    "documents.minutes_mode.average": (
        "Hình thức đánh giá: mỗi thành viên chấm một phiếu; điểm của sản phẩm là điểm "
        "trung bình các phiếu.",
        "How the council rated: each member scored a sheet; a product's score is the mean "
        "of the sheets."),
    "documents.minutes_mode.consensus": (
        "Hình thức đánh giá: Hội đồng thống nhất một phiếu chấm cho mỗi sản phẩm.",
        "How the council rated: one agreed sheet for each product."),
    "documents.minutes_mode.written": (
        "Hình thức đánh giá: lấy ý kiến bằng văn bản (Điều 7 khoản 6 điểm d).",
        "How the council rated: written opinions (Điều 7.6.d)."),
    "documents.minutes_mode.other": ("Hình thức đánh giá: {mode}.",
                                     "How the council rated: {mode}."),
    "documents.minutes_what": ("III. NỘI DUNG VÀ KẾT QUẢ ĐÁNH GIÁ",
                               "III. WHAT WAS RATED, AND THE RESULTS"),
    "documents.minutes_what_text": (
        "Hội đồng đánh giá, phân hạng {count} sản phẩm theo Bộ tiêu chí ban hành kèm theo "
        "Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ. "
        "Kết quả:",
        "The council rated {count} products against the criteria of Decision "
        "26/2026/QĐ-TTg of 22 May 2026. The results:"),
    "documents.minutes_split": ("IV. Ý KIẾN KHÁC NHAU VÀ CÁCH GIẢI QUYẾT",
                                "IV. DISAGREEMENTS AND HOW THEY WERE SETTLED"),
    "documents.minutes_no_split": (
        "Không có sản phẩm nào có tổng điểm giữa các thành viên chênh lệch quá {limit} "
        "điểm và không có sản phẩm nào phải chấm lại.",
        "No product's members' totals differed by more than {limit} points and no product "
        "was scored again."),
    "documents.split_line": (
        "{product}: tổng điểm của {high} và {low} chênh lệch {spread} điểm (giới hạn {limit} "
        "điểm).",
        "{product}: the totals of {high} and {low} differ by {spread} points (limit "
        "{limit})."),
    "documents.split_rescored": (
        "Các thành viên đã chấm lại ({passes} lần chấm); kết quả là điểm của lần chấm cuối.",
        "The members scored it again ({passes} passes); the last pass counts."),
    "documents.split_open": (
        "Chênh lệch vẫn quá giới hạn sau lần chấm cuối; ý kiến và kết luận của Hội đồng: "
        "……………………",
        "Still over the limit after the last pass; the council's discussion and conclusion: "
        "……………………"),
    "documents.split_within": (
        "Sau khi chấm lại, chênh lệch còn trong giới hạn.",
        "After scoring again the difference is within the limit."),
    "documents.minutes_conclusion": ("V. KẾT LUẬN", "V. CONCLUSION"),
    "documents.conclusion_recognise": (
        "Đề nghị Chủ tịch UBND cấp tỉnh công nhận {count} sản phẩm đạt 3 sao, 4 sao "
        "(Điều 7 khoản 3 điểm d, đ).",
        "To propose that the provincial chair recognise {count} products at 3 or 4 stars "
        "(Điều 7.3.d, đ)."),
    "documents.conclusion_forward": (
        "Đề nghị Chủ tịch UBND cấp tỉnh phê duyệt kết quả và đề nghị Bộ Nông nghiệp và Môi "
        "trường đánh giá, phân hạng 5 sao {count} sản phẩm đạt từ 90 điểm (Điều 7 khoản 3 "
        "điểm e).",
        "To propose that the provincial chair approve, and propose to the Ministry of "
        "Agriculture and Environment for 5 stars, {count} products scoring 90 or more "
        "(Điều 7.3.e)."),
    "documents.conclusion_other": (
        "{count} sản phẩm không đạt, bị loại hoặc chưa chấm được.",
        "{count} products not recognised, rejected or not rated."),
    "documents.minutes_close": (
        "Biên bản kết thúc vào hồi … giờ … cùng ngày, đã được đọc lại cho các thành viên "
        "Hội đồng cùng nghe và thống nhất./.",
        "The meeting closed at … o'clock the same day; the minutes were read to the members "
        "and agreed./."),
    "documents.written_note": (
        "Kết quả lấy ý kiến bằng văn bản: ……………………",
        "Outcome of the written opinions: ……………………"),
    # tables
    "documents.col.no": ("STT", "No."),
    "documents.col.product": ("Tên sản phẩm (mã)", "Product (code)"),
    "documents.col.producer": ("Chủ thể OCOP", "Producer"),
    "documents.col.address": ("Địa chỉ", "Address"),
    "documents.col.product_set": ("Bộ sản phẩm", "Product set"),
    "documents.col.members": ("Số TV chấm", "Members scoring"),
    "documents.col.total": ("Điểm TB", "Mean"),
    "documents.col.class": ("Hạng sao", "Class"),
    "documents.col.outcome": ("Kết quả", "Outcome"),
    "documents.col.certificate": ("Số giấy chứng nhận", "Certificate no."),
    "documents.col.registration": ("Loại đăng ký", "Registration"),
    "documents.registration.first": ("Lần đầu", "First"),
    "documents.registration.upgrade": ("Nâng hạng", "Upgrade"),
    "documents.registration.re-evaluation": ("Đánh giá lại", "Re-evaluation"),
    # the results list
    "documents.results_kind": ("DANH SÁCH", "LIST"),
    "documents.results_summary": (
        "Kết quả đánh giá, phân hạng sản phẩm OCOP – {round}",
        "Results of the OCOP rating – {round}"),
    "documents.results_with": (
        "(Kèm theo Biên bản họp Hội đồng {date})",
        "(Attached to the council's minutes of {date})"),
    # the decision
    "documents.decision_kind": ("QUYẾT ĐỊNH", "DECISION"),
    "documents.decision_summary": (
        "Về việc công nhận sản phẩm đạt chuẩn OCOP 3 sao, 4 sao – {round}",
        "Recognising OCOP products at 3 and 4 stars – {round}"),
    "documents.decision_signer": ("CHỦ TỊCH ỦY BAN NHÂN DÂN {province}",
                                  "CHAIR OF THE {province} PEOPLE'S COMMITTEE"),
    "documents.decision_basis": (
        "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính "
        "phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản "
        "phẩm;",
        "Having regard to Decision 26/2026/QĐ-TTg of 22 May 2026 of the Prime Minister on "
        "the criteria and procedure for rating OCOP products;"),
    "documents.decision_basis_council": (
        "Căn cứ kết quả đánh giá, phân hạng của Hội đồng đánh giá, phân hạng sản phẩm OCOP "
        "cấp tỉnh tại Biên bản họp {date};",
        "Having regard to the results of the provincial OCOP rating council in its minutes "
        "of {date};"),
    "documents.decision_proposed_by": ("Theo đề nghị của {office}.",
                                       "On the proposal of {office}."),
    "documents.decision_decides": ("QUYẾT ĐỊNH:", "DECIDES:"),
    "documents.decision_article1": (
        "Điều 1. Công nhận {count} sản phẩm đạt chuẩn OCOP ({four} sản phẩm 4 sao, {three} "
        "sản phẩm 3 sao) của {round} (chi tiết tại Phụ lục kèm theo).",
        "Article 1. {count} products are recognised as OCOP products ({four} at 4 stars, "
        "{three} at 3 stars) of {round} (listed in the annex)."),
    "documents.decision_article2": (
        "Điều 2. Giấy chứng nhận sản phẩm OCOP có giá trị trong thời hạn 36 tháng kể từ "
        "ngày ban hành Quyết định này (Điều 4 khoản 3 Quyết định số 26/2026/QĐ-TTg). Chủ "
        "thể OCOP nộp hồ sơ đánh giá lại không sớm hơn 180 ngày và không muộn hơn 120 ngày "
        "tính đến ngày hết thời hạn của giấy chứng nhận (Điều 7 khoản 6 điểm a).",
        "Article 2. The certificates are valid for 36 months from the date of this decision "
        "(Điều 4.3 of Decision 26/2026/QĐ-TTg). A producer files for re-evaluation no "
        "earlier than 180 and no later than 120 days before its certificate expires "
        "(Điều 7.6.a)."),
    "documents.decision_article3": (
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND {province}, "
        "{office}, Chủ tịch UBND các xã, phường: {communes} và các chủ thể OCOP có tên tại "
        "Phụ lục chịu trách nhiệm thi hành Quyết định này./.",
        "Article 3. This decision takes effect on signature. The chief of the office of the "
        "{province} People's Committee, {office}, the chairs of the communes {communes} and "
        "the producers named in the annex carry it out./."),
    "documents.as_article3": ("Như Điều 3", "As Article 3"),
    "documents.ministry_report": ("Bộ Nông nghiệp và Môi trường (để b/c)",
                                  "Ministry of Agriculture and Environment (to report)"),
    "documents.archive": ("Lưu: VT", "File: archive"),
    "documents.chair_title": ("CHỦ TỊCH", "CHAIR"),
    "documents.annex_kind": ("PHỤ LỤC", "ANNEX"),
    "documents.annex_summary": ("DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN OCOP",
                                "PRODUCTS RECOGNISED AS OCOP PRODUCTS"),
    "documents.annex_with": (
        "(Kèm theo Quyết định số …/QĐ-UBND {date} của Chủ tịch UBND {province})",
        "(Attached to Decision …/QĐ-UBND of {date} of the chair of the {province} "
        "People's Committee)"),
    # notices
    "documents.notice_kind": ("THÔNG BÁO", "NOTICE"),
    "documents.notice_summary": ("Kết quả đánh giá, phân hạng sản phẩm OCOP – {round}",
                                 "Results of the OCOP rating – {round}"),
    "documents.to": ("Kính gửi: {name}", "To: {name}"),
    "documents.commune_committee": ("Ủy ban nhân dân {commune}",
                                    "the People's Committee of {commune}"),
    "documents.notice_text": (
        "Thực hiện Điều 7 khoản 3 điểm g Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm "
        "2026 của Thủ tướng Chính phủ, {office} thông báo kết quả đánh giá, phân hạng sản "
        "phẩm OCOP của Hội đồng cấp tỉnh ({round}, họp {date}) như sau:",
        "Under Điều 7.3.g of Decision 26/2026/QĐ-TTg, {office} gives notice of the results "
        "of the provincial council ({round}, met on {date}):"),
    "documents.notice_next.recognised": (
        "Sản phẩm đạt 3 sao, 4 sao được Hội đồng đề xuất Chủ tịch UBND cấp tỉnh công nhận "
        "và cấp giấy chứng nhận (Điều 7 khoản 3 điểm đ, e).",
        "Products at 3 or 4 stars are proposed to the provincial chair for recognition and "
        "a certificate (Điều 7.3.đ, e)."),
    "documents.notice_next.proposed-5-star": (
        "Sản phẩm đạt từ 90 điểm được đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân "
        "hạng 5 sao (Điều 7 khoản 3 điểm e).",
        "Products scoring 90 or more are proposed to the Ministry of Agriculture and "
        "Environment for 5 stars (Điều 7.3.e)."),
    "documents.notice_close": ("{office} thông báo để {to} biết./.",
                               "{office} gives this notice for {to}'s information./."),
    "documents.as_above": ("Như trên", "As above"),
    "documents.notice_signer": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE OFFICE"),
    "documents.this_producer": ("chủ thể", "the producer"),
    "documents.this_commune": ("Ủy ban nhân dân xã, phường", "the commune"),
    # the letter proposing 5 stars
    "documents.proposal_subject": ("V/v đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao",
                                   "Re: proposing products for 5 stars"),
    "documents.ministry": ("Bộ Nông nghiệp và Môi trường",
                           "the Ministry of Agriculture and Environment"),
    "documents.proposal_text": (
        "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính "
        "phủ và kết quả đánh giá, phân hạng của Hội đồng cấp tỉnh ({round}, họp {date}), "
        "UBND {province} đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng sản phẩm "
        "OCOP 5 sao đối với {count} sản phẩm đạt từ 90 điểm trở lên (Điều 7 khoản 3 điểm "
        "e), cụ thể:",
        "Under Decision 26/2026/QĐ-TTg and the results of the provincial council ({round}, "
        "met on {date}), the {province} People's Committee proposes {count} products "
        "scoring 90 or more to the Ministry of Agriculture and Environment for 5 stars "
        "(Điều 7.3.e):"),
    "documents.proposal_dossier": (
        "Hồ sơ của mỗi sản phẩm gồm 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử theo khoản 3 "
        "Điều 6 Quyết định số 26/2026/QĐ-TTg được gửi kèm theo.",
        "Each product's dossier, one paper and one electronic set under Điều 6.3, is "
        "attached."),
    "documents.proposal_close": (
        "UBND {province} kính đề nghị Bộ Nông nghiệp và Môi trường xem xét./.",
        "The {province} People's Committee asks the Ministry to consider them./."),
    "documents.on_behalf": ("TM. ỦY BAN NHÂN DÂN", "FOR THE PEOPLE'S COMMITTEE"),
    "documents.nothing_to_propose": (
        "không có sản phẩm nào đạt từ 90 điểm để đề nghị Bộ đánh giá 5 sao; không viết tệp",
        "no product scored 90 or more to propose for 5 stars; nothing written"),
    "documents.nothing_to_recognise": (
        "không có sản phẩm nào đạt 3 sao, 4 sao để công nhận; không viết tệp",
        "no product at 3 or 4 stars to recognise; nothing written"),
    "documents.nothing_to_notify": (
        "không có chủ thể hay xã, phường nào để thông báo; không viết tệp",
        "no producer or commune to notify; nothing written"),
    "documents.only_province": (
        "{kind}: văn bản của cấp tỉnh; đợt này là của Hội đồng cấp trung ương",
        "{kind}: a provincial document; this round is the central council's"),
    "documents.docx_only": ("{path}: văn bản được viết ra tệp .docx",
                            "{path}: documents are written as .docx files"),
    "documents.written": ("đã viết {kind} ({pages}) vào {path}",
                          "wrote the {kind} ({pages}) to {path}"),
    "documents.parts": ("{count} phần", "{count} parts"),
    # members' sheets
    "documents.sheet_option": ("Phương án chọn", "Option chosen"),
    "documents.sheet_evaluator": ("NGƯỜI ĐÁNH GIÁ", "EVALUATOR"),
    "documents.no_sheets": (
        "không có phiếu nào của thành viên để in; không viết tệp",
        "no member's sheet to print; nothing written"),
    # help of `round document` and `places`
    "help.metavar.KIND": ("LOẠI", "KIND"),
    "help.round.document": (
        "Soạn một văn bản của Hội đồng từ đợt đã chấm, ra tệp Word (.docx) theo thể thức "
        "Nghị định 30/2020/NĐ-CP: minutes (biên bản họp), results (danh sách kết quả), "
        "decision (dự thảo quyết định công nhận và phụ lục), notices (thông báo kết quả cho "
        "từng chủ thể và UBND xã, phường), proposal (văn bản đề nghị Bộ đánh giá 5 sao), "
        "sheets (phiếu chấm in của từng thành viên, có chỗ ký). Tên, số, ngày lấy từ đợt và "
        "sổ đăng ký; điều chưa biết (số quyết định) để trống “…”. Mã thoát 1 khi có cảnh "
        "báo địa danh hoặc không có gì để soạn (không viết tệp).",
        "Draft one council document of a rated round as a Word file (.docx) in the layout "
        "of Decree 30/2020/NĐ-CP: minutes, results (the results list), decision (the draft "
        "recognition decision and its annex), notices (to each producer and commune), "
        "proposal (the letter proposing 5 stars to the Ministry), sheets (each member's "
        "printed sheet with a signature line). Names, numbers and dates come from the "
        "round and the register; what is not known (the decision's number) is left as "
        "“…”. Exit 1 on a place warning, or when there is nothing to draft (nothing "
        "written)."),
    "help.round.document.folder": ("Thư mục đợt đánh giá (có round.yaml).",
                                   "The round folder (with round.yaml)."),
    "help.round.document.kind": (
        "Văn bản: minutes, results, decision, notices, proposal hoặc sheets.",
        "The document: minutes, results, decision, notices, proposal or sheets."),
    "help.round.document.output": ("Tệp .docx sẽ viết (ghi nguyên tử).",
                                   "The .docx file to write (atomically)."),
    "help.round.document.db": (
        "Sổ đăng ký giấy chứng nhận: số giấy chứng nhận đã ghi cho các sản phẩm của đợt "
        "được in vào phụ lục quyết định.",
        "The certificate register: certificate numbers recorded for the round's products "
        "are printed in the decision's annex."),
    "help.round.document.date": (
        "Ngày ban hành văn bản (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định: biên bản, danh sách "
        "và phiếu lấy ngày của đợt, các văn bản khác để trống.",
        "The document's date (dd/mm/yyyy or yyyy-mm-dd); default: the round's date for the "
        "minutes, results and sheets, a blank for the others."),
    "help.round.document.office": (
        "Tên cơ quan tham mưu quản lý OCOP cấp tỉnh (ví dụ Sở Nông nghiệp và Môi trường).",
        "The provincial OCOP office's name (e.g. Sở Nông nghiệp và Môi trường)."),
    "help.round.document.rules": ("Thư mục bộ tiêu chí thay cho bộ có sẵn.",
                                  "A rubric folder to use instead of the bundled one."),
    "help.round.document.example": (
        "ocop-rate round document dot-2 minutes -o bien-ban.docx\n"
        "ocop-rate round document dot-2 decision -o quyet-dinh.docx --office "
        "\"Sở Nông nghiệp và Môi trường\"",
        "ocop-rate round document dot-2 minutes -o minutes.docx --lang en\n"
        "ocop-rate round document dot-2 sheets -o sheets.docx --lang en"),
    "help.places": (
        "Kiểm tra tên tỉnh và xã, phường trong danh sách sản phẩm, thư mục đợt, hồ sơ và sổ "
        "đăng ký theo danh mục đơn vị hành chính sau sắp xếp năm 2025 (34 tỉnh, thành "
        "phố), gợi ý tên gần đúng; mã thoát 1 khi có cảnh báo.",
        "Check the province and commune names of product lists, round folders, dossiers "
        "and the register against the official list of administrative units after the "
        "2025 reorganisation (34 provinces), with a near-miss suggestion; exit 1 on a "
        "warning."),
    "help.places.paths": ("Danh sách sản phẩm, thư mục đợt hoặc hồ sơ.",
                          "Product lists, round folders or dossiers."),
    "help.places.db": ("Sổ đăng ký giấy chứng nhận cần kiểm tra.",
                       "A certificate register to check."),
    "help.places.example": (
        "ocop-rate places dot-2\nocop-rate places --db so-ocop.sqlite",
        "ocop-rate places dot-2 --lang en\nocop-rate places san-pham.csv --lang en"),
}
