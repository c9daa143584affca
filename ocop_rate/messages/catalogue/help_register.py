"""``ocop-rate register … --help``: the certificate register's group, each command's
description, its arguments' and options' words and an example (vi + en).

Every key names its command by path (``help.register.list``, not ``help.list``, which is
``rubrics list``'s), so no register command can take another group's words. Words several
register commands share are written once below and given to each command by its key.
"""

# Words several commands share: the register file, the dates, the decision, the format.
_DB = ("Tệp sổ đăng ký (mặc định: theo biến môi trường OCOP_REGISTER, nếu không thì "
       "ocop-register.sqlite trong thư mục hiện tại).",
       "The register file; else $OCOP_REGISTER, else ocop-register.sqlite in the current "
       "folder.")
_DB_RECORD = ("Tệp sổ đăng ký, tạo mới nếu chưa có (mặc định: theo biến môi trường "
              "OCOP_REGISTER, nếu không thì ocop-register.sqlite cạnh tệp kết quả hoặc thư "
              "mục đợt).",
              "The register file, created if there is none; else $OCOP_REGISTER, else "
              "ocop-register.sqlite beside the results file or round folder.")
_DB_IMPORT = ("Tệp sổ đăng ký, tạo mới nếu chưa có (mặc định: theo biến môi trường "
              "OCOP_REGISTER, nếu không thì ocop-register.sqlite trong thư mục hiện tại).",
              "The register file, created if there is none; else $OCOP_REGISTER, else "
              "ocop-register.sqlite in the current folder.")
_VIEW = ("Dạng kết quả: table (bảng trên màn hình) hoặc json.",
         "Output format: table (on the screen) or json.")
_SIGNER = ("Người ký (họ tên, chức vụ).", "Who signed (name, title).")
_SIGNED_ON = ("Ngày ký quyết định, dd/mm/yyyy hoặc yyyy-mm-dd.",
              "Date of the decision (dd/mm/yyyy or yyyy-mm-dd).")
_PRODUCT_OR_CERTIFICATE = (
    "Mã sản phẩm (ví dụ QN-HL-0021) hoặc số giấy chứng nhận (ví dụ 0498/GCN-UBND).",
    "A product id (e.g. QN-HL-0021) or a certificate number (e.g. 0498/GCN-UBND).")


def _on(vi: str, en: str) -> tuple[str, str]:
    """The ``--on`` of an asking command: what the date decides, then its forms."""
    return (f"{vi}, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay).",
            f"{en} (dd/mm/yyyy or yyyy-mm-dd; default: today).")


MESSAGES: dict[str, tuple[str, str]] = {
    "help.register": (
        "Sổ đăng ký giấy chứng nhận OCOP: thời hạn 36 tháng, cửa sổ nộp hồ sơ đánh giá lại, "
        "thu hồi và lịch sử của từng sản phẩm (Quyết định 26/2026).\n\n"
        "Sổ là một tệp SQLite: --db TỆP, nếu không có thì biến môi trường OCOP_REGISTER, rồi "
        "ocop-register.sqlite (cạnh đợt được ghi, hoặc trong thư mục hiện tại). Chỉ 'record' "
        "và 'import' tạo sổ; tệp không phải sổ đăng ký không bao giờ bị ghi.",
        "The OCOP certificate register: 36-month terms, the re-evaluation window, revocations "
        "and each product's history (Decision 26/2026).\n\n"
        "The register is one SQLite file: --db FILE, else $OCOP_REGISTER, else "
        "ocop-register.sqlite (beside the round being recorded, or in the current folder). "
        "Only 'record' and 'import' create it; a file that is not a register is never "
        "written."),
    "help.metavar.DATE": ("NGÀY", "DATE"),
    "help.metavar.NUMBER": ("SỐ", "NUMBER"),
    "help.metavar.DAYS": ("SỐ_NGÀY", "DAYS"),
    "help.metavar.COMMUNE": ("XÃ", "COMMUNE"),
    "help.metavar.PRODUCT_ID": ("MÃ_SẢN_PHẨM", "PRODUCT_ID"),
    "help.metavar.PRODUCT_OR_CERTIFICATE": ("MÃ_SẢN_PHẨM_HOẶC_SỐ_GCN",
                                            "PRODUCT_OR_CERTIFICATE"),
    "help.metavar.RESULTS": ("KẾT_QUẢ", "RESULTS"),
    # asking the register
    "help.register.queue": (
        "Các sản phẩm đã đề nghị Bộ công nhận 5 sao (từ 90 điểm), đang chờ kết quả của Bộ "
        "(Điều 7.3.e).",
        "Products proposed for 5 stars (90 points or more), waiting for the Ministry's result "
        "(Điều 7.3.e)."),
    "help.register.queue.fmt": _VIEW,
    "help.register.queue.db": _DB,
    "help.register.queue.example": ("ocop-rate register queue\n"
                                    "ocop-rate register queue -f json",
                                    "ocop-rate register queue --lang en\n"
                                    "ocop-rate register queue -f json"),
    "help.register.due": (
        "Các sản phẩm phải nộp hồ sơ đánh giá lại: cửa sổ nộp đang mở, sắp mở, hoặc đã đóng mà "
        "chưa nộp. Điều 7.6.a: nộp từ 180 đến 120 ngày trước ngày hết hạn.",
        "Who must file for re-evaluation: window open, opening soon, or closed unfiled. "
        "Điều 7.6.a: file 180 to 120 days before expiry."),
    "help.register.due.on": _on("Tính đến ngày này", "As of this date"),
    "help.register.due.within": ("Liệt kê cả các cửa sổ sẽ mở trong vòng SỐ_NGÀY ngày tới.",
                                 "Also list windows opening within this many days."),
    "help.register.due.fmt": _VIEW,
    "help.register.due.db": _DB,
    "help.register.example": ("ocop-rate register due --within 30\n"
                              "ocop-rate register list --stars 4",
                              "ocop-rate register due --within 30 --lang en\n"
                              "ocop-rate register list --stars 4 --lang en"),
    "help.register.due.example": ("ocop-rate register due --on 01/10/2026\n"
                                  "ocop-rate register due --within 30 -f json",
                                  "ocop-rate register due --on 2026-10-01 --lang en\n"
                                  "ocop-rate register due --within 30 -f json"),
    "help.register.expired": (
        "Các giấy chứng nhận đã hết thời hạn, kể cả giấy đang được gia hạn vì nộp hồ sơ đánh "
        "giá lại muộn (Điều 12.3).",
        "Certificates past their term, late filers' certificates still extended included "
        "(Điều 12.3)."),
    "help.register.expired.on": _on("Hết hạn tính đến ngày này", "Expired as of this date"),
    "help.register.expired.fmt": _VIEW,
    "help.register.expired.db": _DB,
    "help.register.expired.example": ("ocop-rate register expired --on 01/01/2027",
                                      "ocop-rate register expired --on 2027-01-01 --lang en"),
    "help.register.list": (
        "Danh sách giấy chứng nhận trong sổ, có bộ lọc. Lọc theo tỉnh, xã, nhóm sản phẩm, "
        "hạng sao, tình trạng; mặc định chỉ lấy giấy chứng nhận mới nhất của mỗi sản phẩm.",
        "The register's certificates, with filters. Filter by province, commune, product "
        "group, class and status; by default each product's newest only."),
    "help.register.list.province": ("Chỉ tỉnh này, ví dụ \"Quảng Ninh\".",
                                    "Only this province, e.g. \"Quảng Ninh\"."),
    "help.register.list.commune": ("Chỉ xã này.", "Only this commune."),
    "help.register.list.group": ("Chỉ nhóm sản phẩm này, ví dụ food.",
                                 "Only this product group, e.g. food."),
    "help.register.list.stars": ("Chỉ hạng này: 3, 4 hoặc 5 sao.",
                                 "Only this class: 3, 4 or 5 stars."),
    "help.register.list.status": (
        "Chỉ một tình trạng; các giá trị lần lượt là: còn hiệu lực, được gia hạn (Điều 12.3), "
        "hết hạn, đã thu hồi, đã được thay thế.",
        "Only this status (extended: a late filer's certificate running on, Điều 12.3; "
        "superseded: replaced by a newer certificate)."),
    "help.register.list.every": ("Mọi giấy chứng nhận, không chỉ giấy mới nhất của mỗi sản "
                                 "phẩm.",
                                 "Every certificate, not only each product's newest."),
    "help.register.list.on": _on("Tình trạng tính đến ngày này", "Status as of this date"),
    "help.register.list.fmt": ("table (màn hình), json, csv hoặc xlsx (sổ tính, cần "
                               "--output).",
                               "table (screen), json, csv or xlsx (a workbook; needs "
                               "--output)."),
    "help.register.list.output": ("Ghi ra tệp này (an toàn, không ghi dở) thay vì màn hình; "
                                  "bắt buộc với xlsx.",
                                  "Write to this file (atomically) instead of the screen; "
                                  "needed for xlsx."),
    "help.register.list.db": _DB,
    "help.register.list.example": (
        "ocop-rate register list --province \"Quảng Ninh\" --stars 4 --on 31/01/2027 -f csv "
        "-o con-hieu-luc.csv",
        "ocop-rate register list --province \"Quảng Ninh\" --stars 4 --status valid "
        "--on 2027-01-31 -f csv -o valid.csv"),
    "help.register.history": (
        "Lịch sử của một sản phẩm: mọi lần chấm điểm, hạng sao, giấy chứng nhận, hồ sơ đánh "
        "giá lại và thu hồi.",
        "A product's history: every rating, class, certificate, re-evaluation filing and "
        "revocation."),
    "help.register.history.ident": _PRODUCT_OR_CERTIFICATE,
    "help.register.history.fmt": _VIEW,
    "help.register.history.db": _DB,
    "help.register.history.example": ("ocop-rate register history QN-HL-0021",
                                      "ocop-rate register history QN-HL-0021 -f json"),
    "help.register.counts": (
        "Số giấy chứng nhận theo năm cấp, tỉnh và hạng sao, kèm số còn hiệu lực (cho báo cáo).",
        "Certificates by year of issue, province and class, and how many are valid, for the "
        "report."),
    "help.register.counts.on": _on("Đếm số còn hiệu lực vào ngày này",
                                   "Count the valid ones on this date"),
    "help.register.counts.fmt": _VIEW,
    "help.register.counts.db": _DB,
    "help.register.counts.example": ("ocop-rate register counts --on 31/12/2026",
                                     "ocop-rate register counts --on 2026-12-31 -f json"),
    "help.register.export": (
        "Xuất mọi giấy chứng nhận, kèm tình trạng, ra tệp .xlsx, .csv hoặc .json. "
        "'register import' đọc lại được tệp này.",
        "Every certificate, with its status, to a .xlsx, .csv or .json file. 'register "
        "import' reads it back."),
    "help.register.export.output": (
        "Tệp sẽ ghi (an toàn, không ghi dở); đuôi tệp cho biết dạng: .xlsx, .csv hoặc .json.",
        "The file to write (atomically); its suffix gives the format: .xlsx, .csv or .json."),
    "help.register.export.on": _on("Tình trạng tính đến ngày này", "Status as of this date"),
    "help.register.export.db": _DB,
    "help.register.export.example": ("ocop-rate register export so-dang-ky-2026.xlsx",
                                     "ocop-rate register export register-2026.csv "
                                     "--on 2026-12-31"),
    # changing the register
    "help.register.record": (
        "Ghi quyết định của một đợt: kết quả chấm, giấy chứng nhận và các sản phẩm đề nghị Bộ "
        "công nhận 5 sao (Điều 7.3.e). Tạo sổ nếu chưa có.",
        "Record a round's decision: ratings, certificates and 5-star proposals (Điều "
        "7.3.e). Creates the register if there is none."),
    "help.register.record.round_json": (
        "Kết quả của đợt (đầu ra của 'ocop-rate rate … -f json -o TỆP'), hoặc chính thư mục "
        "đợt (có round.yaml), được chấm khi ghi.",
        "The round as rated ('ocop-rate rate … -f json -o FILE'), or the round folder itself "
        "(with round.yaml), rated for the recording."),
    "help.register.record.decision": ("Số quyết định công nhận, ví dụ 1520/QĐ-UBND.",
                                      "Number of the decision, e.g. 1520/QĐ-UBND."),
    "help.register.record.on": _SIGNED_ON,
    "help.register.record.cert": (
        "Số giấy chứng nhận của một sản phẩm được công nhận, ví dụ QN-VD-0066=1101/GCN-UBND "
        "(lặp lại cho từng sản phẩm; ngày cấp mặc định là ngày quyết định).",
        "The certificate number of a recognised product, e.g. QN-VD-0066=1101/GCN-UBND "
        "(repeat for each product; the issue date defaults to the decision's)."),
    "help.register.record.certificates": (
        "Lấy số giấy chứng nhận từ tệp CSV hoặc XLSX có các cột Mã sản phẩm, Số giấy chứng "
        "nhận và, nếu có, Ngày cấp.",
        "Take the certificate numbers from a CSV or XLSX with product_id, certificate and "
        "optionally issued_on."),
    "help.register.record.authority": (
        "Người ký quyết định: 'province-chair' (Chủ tịch UBND cấp tỉnh: 3-4 sao, phê duyệt "
        "đề nghị 5 sao) hoặc 'minister' (Bộ trưởng Bộ Nông nghiệp và Môi trường: 5 sao), "
        "Điều 4.1.",
        "Who signed the decision: province-chair (3-4 stars; approval of 5-star proposals) "
        "or minister (5 stars), Điều 4.1."),
    "help.register.record.signer": _SIGNER,
    "help.register.record.kind": (
        "Ấn định loại đánh giá; các giá trị lần lượt là: lần đầu, nâng hạng, đánh giá lại "
        "(mặc định: theo sổ; là đánh giá lại khi cửa sổ nộp hồ sơ đã mở).",
        "Force the kind of rating (default: from the register: first, upgrade, or "
        "re-evaluation once the window has opened)."),
    "help.register.record.db": _DB_RECORD,
    "help.register.record.example": (
        "ocop-rate register record ket-qua-dot-1.json --decision 1520/QĐ-UBND --date "
        "20/06/2026 --cert QN-VD-0066=1101/GCN-UBND\n"
        "ocop-rate register record dot-2/ --decision 3350/QĐ-UBND --date 25/12/2026 "
        "--certificates so-gcn.csv",
        "ocop-rate register record round-2026-1.json --decision 1520/QĐ-UBND --date "
        "2026-06-20 --cert QN-VD-0066=1101/GCN-UBND\n"
        "ocop-rate register record round-2/ --decision 3350/QĐ-UBND --date 2026-12-25 "
        "--certificates certificates.csv"),
    "help.register.result": (
        "Ghi kết quả của Bộ cho một sản phẩm đã đề nghị 5 sao: công nhận 5 sao, hoặc trả về "
        "(Điều 7.4.g).",
        "Record the Ministry's result on a 5-star proposal: recognised 5 stars, or returned "
        "(Điều 7.4.g)."),
    "help.register.result.ident": ("Mã sản phẩm đang chờ kết quả của Bộ (xem "
                                   "'register queue').",
                                   "The product waiting for the Ministry (see 'register "
                                   "queue')."),
    "help.register.result.stars": (
        "5: Bộ trưởng công nhận 5 sao; 4 hoặc 3: Bộ trả về vì dưới 90 điểm, tỉnh công nhận "
        "hạng này (Điều 7.4.g); 'none': trả về, không công nhận hạng nào.",
        "5: the Minister recognised 5 stars; 4 or 3: returned under 90 points, the province "
        "recognises this class (Điều 7.4.g); none: returned, no class."),
    "help.register.result.decision": (
        "Số quyết định công nhận (cần khi có hạng được công nhận).",
        "Number of the decision (needed when a class is recognised)."),
    "help.register.result.on": _SIGNED_ON,
    "help.register.result.certificate": ("Số giấy chứng nhận, ví dụ 0021/GCN-BNNMT.",
                                         "Certificate number, e.g. 0021/GCN-BNNMT."),
    "help.register.result.issued": ("Ngày cấp giấy chứng nhận (mặc định: ngày quyết định).",
                                    "Issue date (default: the decision's)."),
    "help.register.result.total": ("Tổng điểm của Hội đồng cấp trung ương.",
                                   "The central council's total."),
    "help.register.result.authority": (
        "Người ký (mặc định: 'minister' cho 5 sao, 'province-chair' cho 3-4 sao).",
        "Who signed (default: minister for 5 stars, province-chair for 3-4)."),
    "help.register.result.signer": _SIGNER,
    "help.register.result.db": _DB,
    "help.register.result.example": (
        "ocop-rate register result QN-HL-0102 --stars 5 --decision 312/QĐ-BNNMT --date "
        "25/09/2026 --cert 0021/GCN-BNNMT --total 91.5",
        "ocop-rate register result QN-HL-0102 --stars 5 --decision 312/QĐ-BNNMT --date "
        "2026-09-25 --cert 0021/GCN-BNNMT --total 91.5\n"
        "ocop-rate register result QN-HL-0102 --stars none"),
    "help.register.file": (
        "Ghi việc nộp hồ sơ đánh giá lại (Điều 7.6.a: từ 180 đến 120 ngày trước ngày hết "
        "hạn). Nộp ngoài cửa sổ sẽ được cảnh báo, mã thoát 1; nộp muộn thì giấy chứng nhận còn "
        "hiệu lực đến ngày có kết quả, không quá 180 ngày sau ngày hết hạn (Điều 12.3).",
        "Record that a re-evaluation dossier was filed (Điều 7.6.a: 180 to 120 days before "
        "expiry). A filing outside the window is flagged, exit code 1; a late filer's "
        "certificate runs on until the result, at most 180 days past expiry (Điều 12.3)."),
    "help.register.file.ident": ("Mã sản phẩm có giấy chứng nhận còn hiệu lực.",
                                 "The product, with a current certificate."),
    "help.register.file.on": ("Ngày nộp hồ sơ, dd/mm/yyyy hoặc yyyy-mm-dd.",
                              "The day the dossier was filed (dd/mm/yyyy or yyyy-mm-dd)."),
    "help.register.file.db": _DB,
    "help.register.file.example": ("ocop-rate register file QN-VD-0066 --date 10/03/2026",
                                   "ocop-rate register file QN-VD-0066 --date 2026-03-10 "
                                   "--lang en"),
    "help.register.revoke": (
        "Thu hồi giấy chứng nhận (Điều 8). Căn cứ thu hồi theo Điều 8.1; người ký phải đúng "
        "thẩm quyền theo hạng sao (Điều 8.2); thu hồi quá 15 ngày kể từ ngày có kết luận sẽ "
        "được cảnh báo (Điều 8.4).",
        "Revoke a certificate (Điều 8). On a ground of Điều 8.1, signed by the authority for "
        "its class (Điều 8.2); a revocation more than 15 days after the conclusion is "
        "flagged (Điều 8.4)."),
    "help.register.revoke.ident": (
        "Mã sản phẩm (thu hồi giấy chứng nhận hiện tại của sản phẩm) hoặc số giấy chứng "
        "nhận.",
        "A product id (its current certificate) or a certificate number."),
    "help.register.revoke.ground": (
        "Căn cứ Điều 8.1: a (hồ sơ không trung thực, giả mạo), b (không còn đáp ứng tiêu "
        "chí), c (vi phạm pháp luật), d (dùng nhãn hiệu OCOP không đúng quy định), đ hoặc dd "
        "(không còn sản xuất), e (trường hợp khác theo kết luận của cơ quan có thẩm quyền).",
        "Điều 8.1: a (false dossier), b (criteria no longer met), c (law broken), d (OCOP "
        "mark misused), đ or dd (no longer produced), e (other, on a competent authority's "
        "conclusion)."),
    "help.register.revoke.decision": ("Số quyết định thu hồi, ví dụ 45/QĐ-UBND.",
                                      "Number of the revocation decision, e.g. 45/QĐ-UBND."),
    "help.register.revoke.on": _SIGNED_ON,
    "help.register.revoke.authority": (
        "Người ký, Điều 8.2: 'province-chair' (Chủ tịch UBND cấp tỉnh, 3-4 sao) hoặc "
        "'minister' (Bộ trưởng Bộ Nông nghiệp và Môi trường, 5 sao).",
        "Who signed, Điều 8.2: province-chair (3-4 stars) or minister (5 stars)."),
    "help.register.revoke.concluded": (
        "Ngày có kết luận làm căn cứ thu hồi (Điều 8.4: thu hồi trong 15 ngày kể từ ngày "
        "này).",
        "Date of the conclusion revoked on (Điều 8.4: revoke within 15 days)."),
    "help.register.revoke.signer": _SIGNER,
    "help.register.revoke.db": _DB,
    "help.register.revoke.example": (
        "ocop-rate register revoke QN-DT-0210 --ground đ --decision 45/QĐ-UBND --date "
        "15/01/2027 --authority province-chair --concluded 05/01/2027",
        "ocop-rate register revoke QN-DT-0210 --ground dd --decision 45/QĐ-UBND --date "
        "2027-01-15 --authority province-chair --concluded 2027-01-05"),
    "help.register.import": (
        "Nhập sổ đăng ký đang có từ bảng tính hoặc CSV, mỗi dòng một giấy chứng nhận. Mọi "
        "dòng được kiểm tra, lỗi báo theo dòng và cột; tạo sổ nếu chưa có.",
        "Import an existing register from a workbook or CSV, one certificate a row. Every "
        "row is checked, each problem located by row and column; creates the register if "
        "there is none."),
    "help.register.import.source": (
        "Sổ đang có (.xlsx hoặc .csv): tên cột tiếng Việt như Mã sản phẩm, Số giấy chứng "
        "nhận, Ngày cấp đều được nhận ra, và tệp của 'register export' cũng vậy.",
        "The existing register (.xlsx or .csv): Vietnamese headers such as Mã sản phẩm are "
        "understood, and so is a 'register export' file."),
    "help.register.import.partial": (
        "Ghi các dòng đúng và báo các dòng lỗi, mã thoát 1 (mặc định: không ghi gì nếu còn "
        "một dòng lỗi).",
        "Write the good rows and report the others, exit code 1 (default: nothing is "
        "written unless every row is good)."),
    "help.register.import.db": _DB_IMPORT,
    "help.register.import.example": ("ocop-rate register import "
                                     "sample_register/so-dang-ky-2023.csv",
                                     "ocop-rate register import "
                                     "sample_register/so-dang-ky-2023.csv --partial "
                                     "--lang en"),
}
