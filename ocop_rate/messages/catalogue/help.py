"""``--help``: each command's description, its arguments' and options' words, examples."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help.usage": ("Cách dùng", "Usage"),
    "help.arguments": ("Tham số", "Arguments"),
    "help.options": ("Tuỳ chọn", "Options"),
    "help.param.level": (
        "Cấp hội đồng, quyết định kết quả (Quyết định 26/2026 Điều 4, 7): 'province' (cấp "
        "tỉnh) công nhận 3-4 sao và đề nghị sản phẩm từ 90 điểm lên 5 sao; 'central' (trung "
        "ương) công nhận 5 sao.",
        "The council's level, which decides the outcome (Decision 26/2026 Điều 4, 7): "
        "'province' recognises 3-4 stars and proposes 90 or more for 5 stars; 'central' "
        "recognises 5 stars."),
    "help.param.register_db": (
        "Sổ đăng ký chứng nhận: hiện loại đăng ký và hạng trước của mỗi sản phẩm, cảnh báo "
        "đề nghị nâng hạng không tăng hoặc đánh giá lại nộp ngoài thời hạn (ra stderr).",
        "A certificate register: show each product's registration kind and previous class, "
        "and flag an upgrade that does not rise or a re-evaluation filed outside its window "
        "(on stderr)."),
    "help.examples": ("Ví dụ", "Examples"),
    "help.commands": ("Lệnh", "Commands"),
    "help.param.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.param.version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "help.app.example": ("ocop-rate rate sample_products/ · OCOP_LANG=en ocop-rate --help",
                         "ocop-rate rate sample_products/ --lang en · ocop-rate rate --help"),
    "help.rubrics.example": ("ocop-rate rubrics list", "ocop-rate rubrics list --lang en"),
    "help.round.example": ("ocop-rate round status dot-2\nocop-rate rate dot-2",
                           "ocop-rate round status dot-2 --lang en\n"
                           "ocop-rate rate dot-2 --lang en"),
    "help.metavar.OPTIONS": ("TUỲ_CHỌN", "OPTIONS"),
    "help.metavar.COMMAND": ("LỆNH", "COMMAND"),
    "help.metavar.ARGS": ("THAM_SỐ", "ARGS"),
    "help.metavar.PATH": ("ĐƯỜNG_DẪN", "PATH"),
    "help.metavar.FOLDER": ("THƯ_MỤC", "FOLDER"),
    "help.metavar.FILE": ("TỆP", "FILE"),
    "help.metavar.POINTS": ("SỐ_ĐIỂM", "POINTS"),
    "help.metavar.YYYY-MM-DD": ("NĂM-THÁNG-NGÀY", "YYYY-MM-DD"),
    "help.metavar.GROUP": ("NHÓM", "GROUP"),
    "help.metavar.RUBRIC_ID": ("MÃ_PHIẾU", "RUBRIC_ID"),
    "help.metavar.BASE": ("BẢN_TRƯỚC", "BASE"),
    "help.metavar.HEAD": ("BẢN_SAU", "HEAD"),
    "help.metavar.DOSSIER": ("HỒ_SƠ", "DOSSIER"),
    "help.metavar.TEXT": ("VĂN_BẢN", "TEXT"),
    "help.metavar.N": ("SỐ", "N"),
    "help.metavar.ROUND": ("THƯ_MỤC_ĐỢT", "ROUND"),
    "help.metavar.NAME": ("TÊN", "NAME"),
    "help.metavar.PROVINCE": ("TỈNH", "PROVINCE"),
    "help.metavar.SHARE": ("TỈ_LỆ", "SHARE"),
    "help.env": ("biến môi trường", "env var"),
    "help.default": ("mặc định", "default"),
    "help.app": (
        "Chấm điểm, phân hạng sản phẩm OCOP theo Bộ tiêu chí (Quyết định 26/2026/QĐ-TTg).\n\n"
        "Mã thoát: 0 chấm xong; 1 có hồ sơ không chấm được; 2 lỗi cách dùng hoặc dữ liệu.",
        "Rate OCOP products (One Commune One Product) against the official scoring sheets "
        "(Decision 26/2026/QĐ-TTg).\n\nExit codes: 0 all rated; 1 some dossier could not be "
        "rated; 2 usage or input error."),
    "help.rubrics": ("Xem danh sách và nội dung các phiếu đánh giá.",
                     "List and show the scoring rubrics."),
    "help.rate": ("Chấm điểm các hồ sơ, phiếu chấm và in hạng sao.",
                  "Rate dossiers and score sheets and print their stars."),
    "help.rate.example": (
        "ocop-rate rate sample_products/\n"
        "ocop-rate rate phieu-cham.xlsx -f xlsx -o ket-qua.xlsx\n"
        "ocop-rate rate sample_products/ -f sheets -o phieu.html --date 2026-02-05",
        "ocop-rate rate sample_products/ --lang en\n"
        "ocop-rate rate score-sheet.xlsx -f xlsx -o results.xlsx\n"
        "ocop-rate rate sample_products/ -f sheets -o sheets.html --date 2026-02-05"),
    "help.explain": (
        "In phiếu như hội đồng đã chấm: phương án, điểm, minh chứng của từng thành viên, "
        "điều kiện áp dụng, tự đánh giá so với hội đồng và cách lên hạng sao tiếp theo.",
        "Print the sheet as scored: each member's options, points, evidence, the conditions "
        "that applied, self-assessment against the council, and the upgrades to the next "
        "star."),
    "help.explain.example": ("ocop-rate explain sample_products/qn-ct-cha-ca.yaml",
                             "ocop-rate explain sample_products/qn-ct-cha-ca.yaml --lang en"),
    "help.summary": (
        "Tổng hợp kết quả: số lượng và tỷ lệ theo hạng sao, nhóm, bộ sản phẩm, địa phương, "
        "loại hình chủ thể; điểm trung bình theo phần.",
        "Counts and shares by star class, product group and set, place and producer kind, "
        "with mean part scores."),
    "help.summary.example": ("ocop-rate summary sample_products/ -f markdown -o tong-hop.md",
                             "ocop-rate summary sample_products/ -f markdown -o summary.md"),
    "help.template": (
        "Tạo mẫu hồ sơ trống (YAML) hoặc phiếu chấm của hội đồng (XLSX) cho một hay nhiều "
        "bộ sản phẩm; không bao giờ ghi đè tệp đã có nếu thiếu --force.",
        "Write a blank dossier (YAML) or council score sheet (XLSX) for one or more product "
        "sets; an existing file is never overwritten without --force."),
    "help.template.example": (
        "ocop-rate template food-fresh-meat-26 food-honey-26 -f xlsx -o phieu-cham.xlsx\n"
        "ocop-rate template food-fresh-meat-26 -o ho-so.yaml",
        "ocop-rate template food-fresh-meat-26 food-honey-26 -f xlsx -o score-sheet.xlsx\n"
        "ocop-rate template food-fresh-meat-26 -o dossier.yaml"),
    "help.validate": (
        "Kiểm tra các tệp phiếu đánh giá: lược đồ và ngữ nghĩa, mỗi lỗi có mã, mức và vị "
        "trí tệp:dòng:cột. Mã thoát 0 đạt, 1 có lỗi, 2 dữ liệu không dùng được.",
        "Lint rubric files: schema and semantic checks, each with an id, a severity and a "
        "file:line:column. Exit 0 sound, 1 lint failures, 2 unusable input."),
    "help.validate.example": ("ocop-rate validate scoring_rules/ --strict",
                              "ocop-rate validate scoring_rules/ --strict -f github"),
    "help.diff": (
        "Chấm hồ sơ theo hai phiên bản phiếu đánh giá và cho biết sản phẩm nào thay đổi.",
        "Rate dossiers under two versions of the rubrics and show what moved."),
    "help.diff.example": ("ocop-rate diff origin/main HEAD -d sample_products/ --fail-on down",
                          "ocop-rate diff origin/main HEAD -d sample_products/ --fail-on down"),
    "help.check": (
        "Chấm hồ sơ và so với hạng sao (và tổng điểm) mong đợi trong tệp kết quả mẫu.",
        "Rate dossiers and compare with the expected stars (and totals) of a golden file."),
    "help.check.example": ("ocop-rate check sample_products/ -e ket-qua-mau.csv",
                           "ocop-rate check sample_products/ -e golden.csv --update"),
    "help.list": ("Liệt kê các phiếu đánh giá: mã, nhóm, bộ sản phẩm, quyết định, hiệu lực.",
                  "List the rubrics: id, product group, product set, decision, in force."),
    "help.list.example": ("ocop-rate rubrics list --group food --on 2026-06-01",
                          "ocop-rate rubrics list --group food --lang en"),
    "help.show": ("Hiện đầy đủ một phiếu đánh giá như phiếu của hội đồng, hoặc dạng JSON.",
                  "Show one rubric fully resolved, as the council's sheet or as JSON."),
    "help.show.example": ("ocop-rate rubrics show food-fresh-meat-26",
                          "ocop-rate rubrics show food-fresh-meat-26 -f json"),
    "help.round": ("Đợt đánh giá của hội đồng: tạo đợt, xem ai còn thiếu. Chấm cả đợt bằng "
                   "ocop-rate rate THƯ_MỤC_ĐỢT/.",
                   "A council round: scaffold it, see who is missing. Rate it with "
                   "ocop-rate rate ROUND/."),
    "help.status": (
        "Ai đã chấm gì (thành viên × sản phẩm), túc số từng sản phẩm và mọi vấn đề của đợt, "
        "trước khi xếp hạng; mã thoát 1 khi còn thiếu. -f json: cả đợt (round, completeness, "
        "quorum, extra, problems có vị trí; xem docs/contract.md).",
        "Who has scored what (members × products), quorum per product and every problem of "
        "the round, before rating; exit 1 while something is missing. -f json: the round as "
        "a whole (round, completeness, quorum, extra, located problems; see "
        "docs/contract.md)."),
    "help.status.example": ("ocop-rate round status dot-2",
                            "ocop-rate round status dot-2 -f json --lang en"),
    "help.status.folder": ("Thư mục đợt đánh giá (có round.yaml).",
                           "The round folder (with round.yaml)."),
    "help.new": (
        "Tạo một đợt: round.yaml, danh sách sản phẩm và một sổ chấm điền sẵn cho mỗi thành "
        "viên chấm (sheets/TÊN.xlsx: mọi sản phẩm, danh sách chọn phương án, trang hướng "
        "dẫn). Không ghi đè tệp đã có nếu không có --force.",
        "Scaffold a round: round.yaml, the product list and one pre-filled workbook per "
        "scoring member (sheets/NAME.xlsx: every product row, option drop-downs, a guide "
        "sheet). Never overwrites a file without --force."),
    "help.new.example": (
        "ocop-rate round new dot-2 --roster hoi-dong.csv --products san-pham.csv --name "
        "\"Đợt 2 năm 2026\" --quorum 2/3",
        "ocop-rate round new dot-2 --roster roster.csv --products products.csv --name "
        "\"Round 2, 2026\" --quorum 2/3 --lang en"),
    "help.new.folder": ("Thư mục đợt sẽ tạo (hoặc điền thêm).",
                        "The round folder to create (or fill)."),
    "help.new.roster": (
        "Hội đồng: CSV/XLSX/YAML có tên, đơn vị, vai trò (chủ tịch, thành viên, thư ký).",
        "The council: CSV/XLSX/YAML with name, unit, role (chair, member, secretary)."),
    "help.new.products": (
        "Danh sách sản phẩm: CSV/XLSX/YAML (mã, tên, phiếu đánh giá, chủ thể, …, dữ kiện).",
        "The product list: CSV/XLSX/YAML (product_id, product_name, rubric, producer, …, "
        "facts)."),
    "help.new.name": ("Tên đợt đánh giá.", "The round's name."),
    "help.new.date": ("Ngày của đợt (dd/mm/yyyy hoặc yyyy-mm-dd).",
                      "The round's date (dd/mm/yyyy or yyyy-mm-dd)."),
    "help.new.province": ("Tỉnh của hội đồng.", "The council's province."),
    "help.new.quorum": (
        "Số thành viên chấm cần cho mỗi sản phẩm: một số (3), một tỉ lệ (0.67 hoặc 2/3) "
        "hoặc 'all' (tất cả).",
        "Scoring members needed per product: a count (3), a share (0.67 or 2/3) or all."),
    "help.new.mode": (
        "'average': trung bình các phiếu thành viên; 'consensus': một phiếu thống nhất.",
        "average of members' sheets, or one agreed sheet (consensus)."),
    "help.new.spread": ("Giới hạn chênh lệch tổng điểm giữa các thành viên.",
                        "Spread limit in points."),
    "help.new.force": ("Ghi đè các tệp đã có.", "Overwrite files that exist."),
    "help.param.paths": ("Tệp hồ sơ, phiếu chấm (CSV, XLSX), thư mục hoặc mẫu glob.",
                         "Dossier files, score sheets (CSV, XLSX), folders or glob patterns."),
    "help.validate.paths": ("Thư mục hoặc tệp phiếu đánh giá (mặc định: bộ có sẵn).",
                            "Rubric folders or files (default: the bundled ones)."),
    "help.param.rules": ("Thư mục hoặc tệp phiếu đánh giá (lặp lại được; mặc định: bộ có sẵn).",
                         "Rubric folder or file (repeatable; default: the bundled rubrics)."),
    "help.param.fmt": ("Dạng kết quả.", "Output format."),
    "help.rate.fmt": (
        "table (màn hình), json, csv, markdown, html, xlsx (sổ tính), sheets (phiếu in cho "
        "từng thành viên và bảng tổng hợp), results (danh sách kết quả để in), docx (biên bản "
        "và danh sách kết quả, Word).",
        "table (screen), json, csv, markdown, html, xlsx (workbook), sheets (each member's "
        "printable sheet and the council summary), results (the results list to print), docx "
        "(minutes and results list, Word)."),
    "help.template.fmt": ("yaml: mẫu hồ sơ; xlsx: phiếu chấm của hội đồng.",
                          "yaml: a dossier skeleton; xlsx: a council score sheet."),
    "help.param.output": ("Ghi ra tệp này (an toàn, không ghi dở) thay vì màn hình.",
                          "Write to this file (atomically) instead of the screen."),
    "help.param.lang": ("Ngôn ngữ: vi (Tiếng Việt) hoặc en.", "Language: vi (Vietnamese) or en."),
    "help.param.gate_policy": (
        "Cách đọc yêu cầu sao khi có nhiều thành viên: majority (quá nửa đạt) hoặc all (mọi "
        "thành viên).",
        "How star marks read several members' sheets: majority (more than half) or all "
        "(every member)."),
    "help.param.members": ("Hiện phiếu của các thành viên cạnh nhau trước bảng kết quả.",
                           "Show each product's members' sheets side by side first."),
    "help.template.members": ("Số phiếu thành viên trống trong mẫu hồ sơ YAML.",
                              "Blank member sheets in the YAML dossier."),
    "help.param.spread": (
        "Đánh dấu cần thảo luận khi tổng điểm các thành viên chênh quá số điểm này.",
        "Flag a product for discussion when its members' totals spread more than this."),
    "help.param.date": ("Ngày in trên phiếu, danh sách, biên bản (dd/mm/yyyy hoặc "
                        "yyyy-mm-dd; mặc định: hôm nay).",
                        "The date on sheets, lists and minutes (dd/mm/yyyy or yyyy-mm-dd; "
                        "default: today)."),
    "help.param.force": ("Ghi đè --output nếu tệp đã có.", "Overwrite --output if it exists."),
    "help.param.rubric_ids": ("Mã một hay nhiều bộ sản phẩm, ví dụ food-fresh-meat-26.",
                              "One or more product sets, e.g. food-fresh-meat-26."),
    "help.param.rubric_id": ("Mã phiếu đánh giá, ví dụ food-processed-animal-26.",
                             "A rubric id, e.g. food-processed-animal-26."),
    "help.param.strict": ("Cảnh báo cũng làm lượt chạy không đạt (mã thoát 1).",
                          "Warnings fail the run too (exit 1)."),
    "help.param.base": ("Thư mục phiếu, hoặc phiên bản git (ví dụ origin/main).",
                        "Rubric folder, or git revision (e.g. origin/main)."),
    "help.param.head": ("Thư mục phiếu hoặc phiên bản git (ví dụ HEAD).",
                        "Rubric folder or git revision (e.g. HEAD)."),
    "help.param.more": ("Thêm đường dẫn hồ sơ (như sau --dossiers).",
                        "More dossier paths (as after --dossiers)."),
    "help.param.dossiers": ("Hồ sơ để chấm theo cả hai phiên bản (lặp lại được).",
                            "Dossiers to rate under both versions (repeatable)."),
    "help.param.fail_on": (
        "Mã thoát 1 khi sản phẩm đổi kết quả (any), giảm sao (down) hoặc đổi hạng "
        "(class-change).",
        "Exit 1 when a product's rating changes (any), loses stars (down) or changes class "
        "(class-change)."),
    "help.param.rules_path": ("Thư mục phiếu trong kho git, với phiên bản git.",
                              "Rubric folder inside the repository, for git revisions."),
    "help.param.expect": ("Tệp kết quả mẫu (.csv hoặc .yaml): product_id, stars, total.",
                          "Golden file (.csv or .yaml): product_id, stars, total."),
    "help.param.tolerance": ("Tổng điểm được lệch bao nhiêu so với mong đợi.",
                             "How far a total may stray from the expected one."),
    "help.param.update": ("Ghi lại tệp kết quả mẫu theo kết quả hiện tại.",
                          "Rewrite the golden file with the current ratings."),
    "help.param.on": ("Phiếu có hiệu lực vào ngày này (dd/mm/yyyy hoặc yyyy-mm-dd; mặc "
                      "định: hôm nay).",
                      "Rubrics in force on this date (dd/mm/yyyy or yyyy-mm-dd; default: "
                      "today)."),
    "help.param.group": (
        "Chỉ nhóm này (food, beverages, herbal, handicrafts, ornamental, tourism).",
        "Only this product group (food, beverages, herbal, handicrafts, ornamental, "
        "tourism)."),
}

MESSAGES.update({
    "usage.hint": ("Xem '{command}' để biết cách dùng.", "Try '{command}' for help."),
    "usage.no_such_option": ("không có tuỳ chọn {option}", "no such option: {option}"),
    "usage.no_such_option_close": ("không có tuỳ chọn {option}; có phải {close}?",
                                   "no such option: {option}; did you mean {close}?"),
    "usage.missing": ("thiếu {param}", "missing {param}"),
    "usage.choice": ("giá trị không hợp lệ cho {param}; chọn một trong: {choices}",
                     "invalid value for {param}; choose one of: {choices}"),
    "usage.bad_value": ("giá trị không hợp lệ cho {param}", "invalid value for {param}"),
    "usage.option_needs_value": ("tuỳ chọn {option} cần một giá trị",
                                 "option {option} needs a value"),
    "usage.extra": ("thừa tham số (đường dẫn có dấu cách cần đặt trong ngoặc kép)",
                    "unexpected extra arguments (quote a path with spaces)"),
    "usage.no_such_command": ("không có lệnh này (xem: ocop-rate --help)",
                              "no such command (see: ocop-rate --help)"),
    "usage.other": ("cách dùng không đúng", "wrong usage"),
})
