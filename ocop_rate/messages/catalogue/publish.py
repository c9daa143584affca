"""Words of the register's worklists (due, grace, expired), its public page and its
statistics (ocop_rate/register/worklists.py, ocop_rate/documents/worklist.py, publish.py,
ocop_rate/register/stats.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "worklist.title": ("DANH SÁCH GIẤY CHỨNG NHẬN OCOP CẦN XỬ LÝ",
                       "OCOP CERTIFICATES THAT NEED ACTION"),
    "worklist.as_of": ("Tính đến {date}", "As of {date}"),
    "worklist.empty": ("Không có giấy chứng nhận nào cần xử lý.",
                       "No certificate needs action."),
    "worklist.list.due": ("đến hạn đánh giá lại", "due for re-evaluation"),
    "worklist.list.grace": ("đang gia hạn (Điều 12.3)", "in grace (Điều 12.3)"),
    "worklist.list.expired": ("hết hạn", "expired"),
    "worklist.sheet.due": ("Đến hạn đánh giá lại", "Due"),
    "worklist.sheet.grace": ("Đang gia hạn", "In grace"),
    "worklist.sheet.expired": ("Hết hạn - gỡ nhãn OCOP", "Expired - remove logo"),
    "worklist.heading.due": (
        "1. Đến hạn nộp hồ sơ đánh giá lại (Điều 7 khoản 6 điểm a): {count}",
        "1. Due to file for re-evaluation (Điều 7.6.a): {count}"),
    "worklist.heading.grace": (
        "2. Nộp muộn, giấy chứng nhận đang được gia hạn (Điều 12 khoản 3): {count}",
        "2. Filed late, certificate in grace (Điều 12.3): {count}"),
    "worklist.heading.expired": (
        "3. Hết hạn – gỡ nhãn OCOP khỏi sản phẩm đang bán: {count}",
        "3. Expired – remove the OCOP logo from sale: {count}"),
    "worklist.action.due.open": (
        "nộp hồ sơ đánh giá lại từ {opens} đến {closes}",
        "file for re-evaluation between {opens} and {closes}"),
    "worklist.action.due.opening": (
        "sắp đến hạn: nộp hồ sơ từ {opens} đến {closes}",
        "window opens soon: file between {opens} and {closes}"),
    "worklist.action.due.closed-unfiled": (
        "đã quá hạn nộp ({closes}); nộp muộn được gia hạn tối đa 180 ngày (Điều 12.3)",
        "the window closed on {closes}; a late filing gets at most 180 days (Điều 12.3)"),
    "worklist.action.grace": ("còn hiệu lực đến {until}, chờ kết quả đánh giá lại",
                              "valid until {until}, awaiting the re-evaluation"),
    "worklist.action.expired": ("hết hạn từ {since} – gỡ nhãn OCOP khỏi sản phẩm đang bán",
                                "expired on {since} – remove the OCOP logo from sale"),
    "worklist.col.list": ("Danh sách", "List"),
    "worklist.col.province": ("Tỉnh", "Province"),
    "worklist.col.commune": ("Xã, phường", "Commune"),
    "worklist.col.product_id": ("Mã SP", "Product"),
    "worklist.col.product_name": ("Tên sản phẩm", "Name"),
    "worklist.col.producer": ("Chủ thể", "Producer"),
    "worklist.col.certificate": ("Số GCN", "Certificate"),
    "worklist.col.stars": ("Hạng", "Class"),
    "worklist.col.expires_on": ("Hết hạn", "Expires"),
    "worklist.col.state": ("Trạng thái", "State"),
    "worklist.col.until": ("Đến ngày", "Until"),
    "worklist.col.days": ("Số ngày", "Days"),
    "worklist.col.action": ("Việc cần làm", "Action"),
    "worklist.written": ("đã viết {count} dòng vào {path}", "wrote {count} rows to {path}"),
    "worklist.needs_output": ("-f {format} cần --output TỆP", "-f {format} needs --output FILE"),
    # the public page
    "publish.title": ("Tra cứu giấy chứng nhận sản phẩm OCOP",
                      "Check an OCOP product certificate"),
    "publish.as_of": ("Tình trạng tính đến {date}.", "Status as of {date}."),
    "publish.explain": (
        "Giấy chứng nhận có giá trị 36 tháng kể từ ngày ban hành (Điều 4 khoản 3 Quyết "
        "định số 26/2026/QĐ-TTg). Sản phẩm có giấy chứng nhận hết hạn hoặc đã thu hồi không "
        "được sử dụng nhãn OCOP.",
        "A certificate is valid for 36 months from its decision (Điều 4.3 of Decision "
        "26/2026/QĐ-TTg). A product whose certificate expired or was revoked may not carry "
        "the OCOP logo."),
    "publish.search": ("Tìm (số GCN, mã, tên sản phẩm, chủ thể, xã):",
                       "Search (certificate, code, product, producer, commune):"),
    "publish.any": ("tất cả", "any"),
    "publish.count": ("Đang hiện {shown}/{total} giấy chứng nhận", "Showing {shown} of "
                      "{total} certificates"),
    "publish.producer": ("Chủ thể", "Producer"),
    "publish.qr": ("Mã QR", "QR code"),
    "publish.until": ("{status} đến {until}", "{status} until {until}"),
    "publish.remove_logo": ("{status} – không được dùng nhãn OCOP",
                            "{status} – may not carry the OCOP logo"),
    "publish.bad_template": (
        "--url-template '{template}': cần địa chỉ http(s) có '{{certificate}}' hoặc "
        "'{{product}}', không có khoảng trắng",
        "--url-template '{template}': expected an http(s) address with '{{certificate}}' or "
        "'{{product}}' and no spaces"),
    "publish.written": (
        "đã viết {count} giấy chứng nhận vào {path} (index.html, certificates.csv, "
        "certificates.json)",
        "wrote {count} certificates to {path} (index.html, certificates.csv, "
        "certificates.json)"),
    "publish.not_a_folder": ("{path} không phải thư mục", "{path} is not a folder"),
    # statistics
    "stats.kind.new": ("Công nhận mới", "New"),
    "stats.kind.upgraded": ("Nâng hạng", "Upgraded"),
    "stats.kind.re-evaluated": ("Đánh giá lại", "Re-evaluated"),
    "stats.kind.re-issued": ("Công nhận lại", "Re-issued"),
    "stats.total": ("Tổng", "Total"),
    "stats.by_kind": ("Giấy chứng nhận đã cấp theo năm, hạng sao và loại",
                      "Certificates issued by year, class and kind"),
    "stats.by_place": ("Giấy chứng nhận theo tỉnh, xã và hạng sao; còn hiệu lực ngày {on}",
                       "Certificates by province, commune and class; valid on {on}"),
    # help of `register worklist`, `register publish`, `register stats`
    "help.register.worklist": (
        "Danh sách việc cần làm theo tỉnh và xã, phường: giấy chứng nhận đến hạn nộp hồ sơ "
        "đánh giá lại (Điều 7.6.a), đang được gia hạn vì nộp muộn (Điều 12.3), và đã hết "
        "hạn – gỡ nhãn OCOP khỏi sản phẩm đang bán; bảng, JSON, CSV, XLSX hoặc DOCX. Mã "
        "thoát 1 khi có giấy chứng nhận hết hạn.",
        "The office's worklists by province and commune: certificates due to file for "
        "re-evaluation (Điều 7.6.a), in grace after a late filing (Điều 12.3), and expired "
        "– remove the OCOP logo from sale; as a table, JSON, CSV, XLSX or DOCX. Exit 1 when "
        "a certificate has expired."),
    "help.register.worklist.province": ("Chỉ tỉnh này.", "This province only."),
    "help.register.worklist.commune": ("Chỉ xã, phường này.", "This commune only."),
    "help.register.worklist.within": (
        "Kể cả cửa sổ nộp hồ sơ sẽ mở trong số ngày này (mặc định 30: danh sách hằng "
        "tháng).",
        "Also windows opening within this many days (default 30: a monthly list)."),
    "help.register.worklist.on": ("Tính đến ngày (dd/mm/yyyy; mặc định hôm nay).",
                                  "As of this date (dd/mm/yyyy; default today)."),
    "help.register.worklist.fmt": ("Định dạng: table, json, csv, xlsx, docx.",
                                   "Format: table, json, csv, xlsx, docx."),
    "help.register.worklist.output": ("Viết ra tệp này (cần cho xlsx, docx).",
                                      "Write to this file (needed for xlsx, docx)."),
    "help.register.worklist.db": ("Tệp sổ đăng ký.", "The register file."),
    "help.register.worklist.example": (
        "ocop-rate register worklist --commune \"Đầm Hà\" -f docx -o viec-thang-9.docx\n"
        "ocop-rate register worklist --province \"Quảng Ninh\" -f xlsx -o viec.xlsx",
        "ocop-rate register worklist -f csv -o worklist.csv --lang en\n"
        "ocop-rate register worklist --on 01/09/2026 --lang en"),
    "help.register.publish": (
        "Trang tra cứu công khai: một tệp HTML tự chứa (chạy không cần mạng, tìm kiếm "
        "ngay trên trang) liệt kê mọi giấy chứng nhận với tình trạng vào một ngày, kèm "
        "certificates.csv và certificates.json, và mã QR cho mỗi giấy chứng nhận trỏ tới "
        "địa chỉ tỉnh chọn (--url-template).",
        "The public's page: one self-contained HTML file (works offline, searches in the "
        "page) of every certificate with its status on a date, with certificates.csv and "
        "certificates.json, and a QR code per certificate pointing where the province "
        "says (--url-template)."),
    "help.register.publish.folder": ("Thư mục sẽ viết trang vào.",
                                     "The folder to write the page into."),
    "help.register.publish.url_template": (
        "Địa chỉ của mã QR, với '{{certificate}}' (số giấy chứng nhận) hoặc '{{product}}' (mã "
        "sản phẩm); không có thì không in mã QR.",
        "The QR codes' address, with '{{certificate}}' (the certificate number) or "
        "'{{product}}' (the product id); without it, no QR codes."),
    "help.register.publish.title": ("Tiêu đề trang.", "The page's title."),
    "help.register.publish.province": ("Chỉ tỉnh này.", "This province only."),
    "help.register.publish.on": ("Tình trạng tính đến ngày (mặc định hôm nay).",
                                 "Status as of this date (default today)."),
    "help.register.publish.db": ("Tệp sổ đăng ký.", "The register file."),
    "help.register.publish.example": (
        "ocop-rate register publish tra-cuu --url-template "
        "\"https://ocop.quangninh.gov.vn/gcn/{{certificate}}\"",
        "ocop-rate register publish public --lang en"),
    "help.register.stats": (
        "Số liệu theo mẫu báo cáo của tỉnh: giấy chứng nhận đã cấp theo năm, hạng sao và "
        "loại (công nhận mới, nâng hạng, đánh giá lại, công nhận lại), và theo tỉnh, xã, "
        "kèm số còn hiệu lực.",
        "Statistics as provinces report them: certificates issued by year, class and kind "
        "(new, upgraded, re-evaluated, re-issued), and by province and commune with how "
        "many are valid."),
    "help.register.stats.year": ("Chỉ giấy chứng nhận cấp trong năm này.",
                                 "Certificates issued in this year only."),
    "help.register.stats.on": ("Còn hiệu lực tính đến ngày (mặc định hôm nay).",
                               "Valid as of this date (default today)."),
    "help.register.stats.fmt": ("Định dạng: table, json, csv.", "Format: table, json, csv."),
    "help.register.stats.db": ("Tệp sổ đăng ký.", "The register file."),
    "help.register.stats.example": ("ocop-rate register stats --year 2026",
                                    "ocop-rate register stats -f csv --lang en"),
}
