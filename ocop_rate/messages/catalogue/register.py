"""Words of the certificate register (``ocop-rate register …``). Date parameters are
``datetime.date`` values; the register's command line writes them day first in Vietnamese
(05/02/2026) and in ISO form in English before filling these templates in."""

MESSAGES: dict[str, tuple[str, str]] = {
    "register.not_a_round": (
        "{path}: không phải thư mục đợt đánh giá (không có round.yaml) và không phải tệp kết "
        "quả JSON",
        "{path}: not a round folder (no round.yaml) and not a results JSON file"),
    # the file
    "register.is_folder": ("{path} là một thư mục, không phải tệp sổ đăng ký",
                           "{path} is a folder, not a register file"),
    "register.missing": ("không có sổ đăng ký tại {path}; tạo sổ bằng 'register record' hoặc "
                         "'register import', hoặc chỉ đúng tệp bằng --db / OCOP_REGISTER",
                         "no register at {path}; create one with 'register record' or "
                         "'register import', or name the file with --db / OCOP_REGISTER"),
    "register.no_folder": ("không có thư mục {folder} để tạo sổ đăng ký",
                           "no folder {folder} to create the register in"),
    "register.not_sqlite": ("{path} không phải sổ đăng ký ocop-rate (không phải cơ sở dữ liệu "
                            "SQLite); tệp được giữ nguyên, không ghi đè",
                            "{path} is not an ocop-rate register (not an SQLite database); "
                            "the file is left untouched"),
    "register.foreign": ("{path} là cơ sở dữ liệu SQLite của chương trình khác, không phải sổ "
                         "đăng ký ocop-rate; tệp được giữ nguyên",
                         "{path} is another program's SQLite database, not an ocop-rate "
                         "register; the file is left untouched"),
    "register.damaged": ("{path}: sổ đăng ký bị hỏng ({reason}); tệp được giữ nguyên — hãy "
                         "khôi phục từ bản sao lưu hoặc bản xuất",
                         "{path}: the register is damaged ({reason}); the file is left "
                         "untouched — restore it from a backup or an export"),
    "register.unusable": ("{path}: không dùng được sổ đăng ký ({reason}); không có gì được "
                          "ghi", "{path}: cannot use the register ({reason}); nothing was "
                          "written"),
    "register.refused": ("{path}: sổ đăng ký từ chối thay đổi ({reason}); không có gì được ghi",
                         "{path}: the register refused the change ({reason}); nothing was "
                         "written"),
    "register.no_wal": ("{path}: không bật được chế độ WAL", "{path}: cannot turn on WAL mode"),
    "register.newer": ("{path}: sổ đăng ký ở lược đồ phiên bản {version}, mới hơn phiên bản "
                       "{known} mà ocop-rate này biết; hãy cập nhật ocop-rate",
                       "{path}: the register has schema version {version}, newer than the "
                       "{known} this ocop-rate knows; upgrade ocop-rate"),
    "register.migrated": ("{path}: đã nâng lược đồ sổ đăng ký từ phiên bản {old} lên {new}, "
                          "giữ nguyên mọi dòng",
                          "{path}: register schema migrated from version {old} to {new}, "
                          "every row kept"),
    # recording a round
    "register.round_not_json": ("không đọc được kết quả chấm dạng JSON ({reason}); dùng đầu ra "
                                "của 'ocop-rate rate … -f json'",
                                "cannot read the results as JSON ({reason}); use the output "
                                "of 'ocop-rate rate … -f json'"),
    "register.round_not_list": ("kết quả chấm phải là một mảng JSON các sản phẩm",
                                "the results must be a JSON array of products"),
    "register.round_field": ("cần {expected}", "expected {expected}"),
    "register.round_repeat": ("sản phẩm {product} có hai lần trong kết quả",
                              "product {product} appears twice in the results"),
    "register.wrong_authority": ("{product}: hạng {stars} sao do {authority} công nhận "
                                 "(Điều 4.1, Điều 7.4 QĐ 26/2026); dùng --authority {authority}",
                                 "{product}: {stars} stars are recognised by {authority} "
                                 "(Art. 4.1, 7.4 of Decision 26/2026); use --authority "
                                 "{authority}"),
    "register.no_certificate": ("{product} được công nhận nhưng chưa có số giấy chứng nhận; "
                                "thêm --cert {product}=SỐ hoặc --certificates TỆP",
                                "{product} is recognised but has no certificate number; add "
                                "--cert {product}=NUMBER or --certificates FILE"),
    "register.already_recorded": ("{product} đã được ghi theo quyết định {decision}",
                                  "{product} is already recorded under decision {decision}"),
    "register.certificate_not_recognised": (
        "giấy chứng nhận {certificate} cho {product}, nhưng sản phẩm này không được công nhận "
        "trong kết quả", "certificate {certificate} is for {product}, which the results do "
        "not recognise"),
    "register.certificate_taken": ("số giấy chứng nhận {certificate} đã dùng cho {product}",
                                   "certificate number {certificate} is already {product}'s"),
    "register.issued_before_decision": ("giấy chứng nhận {certificate} cấp trước ngày quyết "
                                        "định", "certificate {certificate} is dated before "
                                        "the decision"),
    "register.upgrade_flat": ("{product}: đề nghị nâng hạng nhưng đạt {stars} sao, không cao "
                              "hơn hạng {previous} sao đã có (Điều 7.5); giữ giấy chứng nhận cũ",
                              "{product}: an upgrade request rated {stars} stars, no higher "
                              "than its {previous} stars (Art. 7.5); the certificate it has "
                              "stays"),
    "register.recorded": ("đã ghi {ratings} kết quả, {certificates} giấy chứng nhận, {proposals} "
                          "sản phẩm đề nghị Bộ công nhận 5 sao, theo Quyết định số {decision} "
                          "{date}", "recorded {ratings} ratings, {certificates} certificates, "
                          "{proposals} 5-star proposals for the Ministry, under decision "
                          "{decision} of {date}"),
    "register.outcome_derived": ("{count} kết quả không có trường 'outcome' (ocop-rate cũ): "
                                 "kết quả được suy ra từ 'stars' và 'recognised'",
                                 "{count} results have no 'outcome' field (older ocop-rate): "
                                 "the outcome was derived from 'stars' and 'recognised'"),
    "register.cert_option": ("--cert cần dạng MÃ_SẢN_PHẨM=SỐ[@NGÀY], nhận được '{value}'",
                             "--cert takes PRODUCT_ID=NUMBER[@DATE], got '{value}'"),
    "register.bad_date": ("'{value}' không phải ngày (dd/mm/yyyy hoặc yyyy-mm-dd) từ "
                          "07/05/2018 đến 31/12/2100",
                          "'{value}' is not a date (dd/mm/yyyy or yyyy-mm-dd) from "
                          "07/05/2018 to 31/12/2100"),
    # the 5-star queue and changes
    "register.unknown_product": ("không có sản phẩm hoặc giấy chứng nhận '{ident}' trong sổ",
                                 "no product or certificate '{ident}' in the register"),
    "register.no_proposal": ("{ident} không có đề nghị 5 sao nào đang chờ kết quả của Bộ",
                             "{ident} has no 5-star proposal waiting for the Ministry"),
    "register.result_needs_decision": ("ghi hạng được công nhận cần --decision, --date và "
                                       "--cert", "recording a recognised class needs "
                                       "--decision, --date and --cert"),
    "register.no_current": ("{ident} không có giấy chứng nhận còn hiệu lực",
                            "{ident} has no current certificate"),
    "register.already_filed": ("giấy chứng nhận {certificate} đã có hồ sơ đánh giá lại nộp "
                               "ngày {filed}", "certificate {certificate} already "
                               "has a re-evaluation dossier filed on {filed}"),
    "register.filed_early": ("{product}: hồ sơ nộp sớm hơn 180 ngày trước hạn (cửa sổ "
                             "{opens} – {closes}, Điều 7.6.a)",
                             "{product}: filed earlier than 180 days before expiry (window "
                             "{opens} – {closes}, Art. 7.6.a)"),
    "register.filed_late": ("{product}: hồ sơ nộp muộn hơn 120 ngày trước hạn (cửa sổ "
                            "{opens} – {closes}, Điều 7.6.a); giấy "
                            "chứng nhận còn hiệu lực đến ngày có kết quả, không quá "
                            "{limit} (Điều 12.3)",
                            "{product}: filed later than 120 days before expiry (window "
                            "{opens} – {closes}, Art. 7.6.a); the "
                            "certificate runs on until the result, at most to "
                            "{limit} (Art. 12.3)"),
    "register.filed": ("đã ghi hồ sơ đánh giá lại cho giấy chứng nhận {certificate}",
                       "re-evaluation filing recorded for certificate {certificate}"),
    "register.bad_ground": ("căn cứ thu hồi '{ident}' không có trong Điều 8.1; chọn một trong "
                            "{grounds}", "revocation ground '{ident}' is not in Art. 8.1; "
                            "choose one of {grounds}"),
    "register.already_revoked": ("giấy chứng nhận {certificate} đã bị thu hồi",
                                 "certificate {certificate} is already revoked"),
    "register.revoke_authority": ("giấy chứng nhận {certificate} hạng {stars} sao do "
                                  "{authority} thu hồi (Điều 8.2); dùng --authority {authority}",
                                  "certificate {certificate} ({stars} stars) is revoked by "
                                  "{authority} (Art. 8.2); use --authority {authority}"),
    "register.revoked_before_issue": ("ngày thu hồi trước ngày cấp giấy chứng nhận "
                                      "{certificate}", "the revocation is dated before "
                                      "certificate {certificate} was issued"),
    "register.revoked_before_conclusion": ("ngày thu hồi trước ngày kết luận",
                                           "the revocation is dated before the conclusion"),
    "register.revoked_late": ("giấy chứng nhận {certificate} thu hồi sau {days} ngày kể từ kết "
                              "luận; Điều 8.4 quy định {limit} ngày",
                              "certificate {certificate} revoked {days} days after the "
                              "conclusion; Art. 8.4 gives {limit} days"),
    "register.revoked": ("đã thu hồi giấy chứng nhận {certificate} (Điều 8.1.{ground}) theo "
                         "Quyết định số {decision} {date}", "certificate {certificate} revoked "
                         "(Art. 8.1.{ground}) under decision {decision} of {date}"),
    "register.result_recorded": ("đã ghi kết quả của Bộ cho {product}: {state}",
                                 "Ministry result recorded for {product}: {state}"),
    # import
    "register.import_suffix": ("nhập sổ từ tệp .xlsx hoặc .csv", "import from a .xlsx or .csv "
                               "file"),
    "register.import_unknown_column": ("cột '{header}' không rõ nghĩa; cần ít nhất {expected}",
                                       "unknown column '{header}'; expected at least "
                                       "{expected}"),
    "register.import_repeated_column": ("cột '{header}' lặp lại", "column '{header}' repeats"),
    "register.import_missing_column": ("thiếu cột '{column}' (dòng tiêu đề là dòng 1)",
                                       "no '{column}' column (the header row is row 1)"),
    "register.import_bad_id": ("mã sản phẩm '{value}' trống hoặc có khoảng trắng",
                               "product id '{value}' is blank or has spaces"),
    "register.import_bad_stars": ("hạng '{value}' không phải 3, 4 hoặc 5 sao (chỉ hạng từ 3 sao "
                                  "có giấy chứng nhận, Điều 4.1)", "class '{value}' is not 3, "
                                  "4 or 5 stars (only 3 stars and up have certificates, Art. "
                                  "4.1)"),
    "register.import_blank": ("ô trống; cần {column}", "blank cell; {column} is needed"),
    "register.import_repeated_certificate": ("số giấy chứng nhận '{value}' đã có ở dòng {line}",
                                             "certificate number '{value}' is already on "
                                             "line {line}"),
    "register.import_bad_date": ("'{value}' không phải ngày (dd/mm/yyyy hoặc yyyy-mm-dd) "
                                 "từ 07/05/2018 đến 31/12/2100",
                                 "'{value}' is not a date (dd/mm/yyyy or yyyy-mm-dd) from "
                                 "07/05/2018 to 31/12/2100"),
    "register.import_bad_authority": ("thẩm quyền '{value}' không rõ; dùng province-chair hoặc "
                                      "minister", "authority '{value}' unknown; use "
                                      "province-chair or minister"),
    "register.import_wrong_authority": ("hạng {stars} sao do {authority} công nhận (Điều 4.1), "
                                        "không phải '{value}'", "{stars} stars are recognised "
                                        "by {authority} (Art. 4.1), not '{value}'"),
    "register.import_expiry_order": ("ngày hết hạn '{value}' không sau ngày cấp",
                                     "expiry '{value}' is not after the issue date"),
    "register.import_not_36_months": ("giấy chứng nhận cấp từ 22/05/2026 có hiệu lực 36 tháng "
                                      "(Điều 4.3): hết hạn {expected}, không phải "
                                      "'{value}'", "a certificate issued from 2026-05-22 runs "
                                      "36 months (Art. 4.3): it expires {expected}, "
                                      "not '{value}'"),
    "register.import_revocation_incomplete": ("thu hồi cần đủ revoked_on, ground và "
                                              "revocation_decision; thiếu {column}",
                                              "a revocation needs revoked_on, ground and "
                                              "revocation_decision; {column} is missing"),
    "register.imported": ("đã nhập {written} trong {rows} dòng vào {path}",
                          "imported {written} of {rows} rows into {path}"),
    "register.import_nothing": ("không ghi gì: {bad} dòng có lỗi (dùng --partial để nhập các "
                                "dòng đúng)", "nothing written: {bad} rows have problems (use "
                                "--partial to import the good ones)"),
    # rate --register
    "register.flag_upgrade_flat": ("nâng hạng nhưng {stars} sao không cao hơn {previous} sao "
                                   "đã có (Điều 7.5)", "upgrade rated {stars} stars, not above "
                                   "the {previous} stars it has (Art. 7.5)"),
    "register.flag_filed_outside": ("hồ sơ đánh giá lại nộp ngày {filed}, ngoài "
                                    "cửa sổ {opens} – {closes} (Điều "
                                    "7.6.a)", "re-evaluation filed {filed}, outside "
                                    "the window {opens} – {closes} "
                                    "(Art. 7.6.a)"),
    "register.flag_not_filed": ("đánh giá lại nhưng sổ không ghi hồ sơ nộp trước khi cửa sổ "
                                "đóng ngày {closes} (Điều 7.6.a)",
                                "re-evaluation, but no filing is recorded before the window "
                                "closed on {closes} (Art. 7.6.a)"),
    "register.rate_heading": ("Sổ đăng ký {path}", "Register {path}"),
    "register.rate_line": ("{product}: {kind}; hạng trước {previous}",
                           "{product}: {kind}; previous class {previous}"),
    "register.none": ("không có", "none"),
    "register.nothing_due": ("không có sản phẩm nào đến hạn đánh giá lại",
                             "no product is due for re-evaluation"),
    "register.nothing": ("không có giấy chứng nhận nào", "no certificate"),
    "register.queue_empty": ("không có sản phẩm nào chờ Bộ công nhận 5 sao",
                             "no product waits for the Ministry's 5-star result"),
    "register.xlsx_needs_output": ("--format xlsx ghi một bảng tính: thêm --output TỆP.xlsx",
                                   "--format xlsx writes a workbook: give --output FILE.xlsx"),
    "register.export_suffix": ("xuất ra tệp .xlsx, .csv hoặc .json",
                               "export to a .xlsx, .csv or .json file"),
    "register.export_overwrites": ("{path} là sổ đăng ký; chọn tệp khác để xuất",
                                   "{path} is the register itself; export to another file"),
    "register.exported": ("đã xuất {count} giấy chứng nhận → {path}",
                          "exported {count} certificates → {path}"),
    "register.due_title": ("Đến hạn đánh giá lại tính đến {on} (Điều 7.6.a: nộp hồ "
                           "sơ từ 180 đến 120 ngày trước ngày hết hạn)",
                           "Due for re-evaluation as of {on} (Art. 7.6.a: file "
                           "180 to 120 days before expiry)"),
    "register.expired_title": ("Hết hạn tính đến {on}",
                               "Expired as of {on}"),
    "register.list_title": ("Sổ đăng ký tính đến {on}: {count} giấy chứng nhận",
                            "Register as of {on}: {count} certificates"),
    "register.history_title": ("Lịch sử {product} — {name}", "History of {product} — {name}"),
    "register.counts_title": ("Số giấy chứng nhận theo năm cấp, tỉnh và hạng; còn hiệu lực "
                              "ngày {on}", "Certificates by year of issue, province "
                              "and class; valid on {on}"),
}

# Labels: a status, state, kind, authority or outcome code -> its words.
LABELS: dict[str, tuple[str, str]] = {
    "valid": ("còn hiệu lực", "valid"),
    "extended": ("gia hạn (Điều 12.3)", "extended (Art. 12.3)"),
    "expired": ("hết hạn", "expired"),
    "revoked": ("đã thu hồi", "revoked"),
    "superseded": ("đã thay thế", "superseded"),
    "open": ("đang mở", "open"),
    "opening": ("sắp mở", "opening soon"),
    "closed-unfiled": ("đã đóng, chưa nộp", "closed, not filed"),
    "first": ("lần đầu", "first"),
    "upgrade": ("nâng hạng", "upgrade"),
    "re-evaluation": ("đánh giá lại", "re-evaluation"),
    "province-chair": ("Chủ tịch UBND cấp tỉnh", "provincial People's Committee chair"),
    "minister": ("Bộ trưởng Bộ Nông nghiệp và Môi trường", "Minister of Agriculture and "
                 "Environment"),
    "recognised": ("công nhận", "recognised"),
    "proposed-5-star": ("đề nghị 5 sao", "proposed for 5 stars"),
    "not-recognised": ("không công nhận", "not recognised"),
    "rejected": ("bị loại", "rejected"),
    "not-rated": ("không chấm được", "not rated"),
    "pending": ("chờ Bộ", "waiting for the Ministry"),
    "returned": ("Bộ trả về (dưới 90 điểm)", "returned (under 90)"),
    "inside": ("trong cửa sổ", "inside the window"),
    "early": ("nộp sớm", "early"),
    "late": ("nộp muộn", "late"),
    "rating": ("chấm điểm", "rating"),
    "proposal": ("đề nghị 5 sao", "5-star proposal"),
    "certificate": ("giấy chứng nhận", "certificate"),
    "filing": ("nộp hồ sơ đánh giá lại", "re-evaluation filed"),
    "revocation": ("thu hồi", "revocation"),
    "36-months": ("36 tháng (Điều 4.3)", "36 months (Art. 4.3)"),
    "decision": ("theo quyết định (Điều 12.1)", "as its decision (Art. 12.1)"),
    "province": ("cấp tỉnh", "provincial"),
    "central": ("cấp trung ương", "central"),
}
for _code, _pair in LABELS.items():
    MESSAGES[f"register.label.{_code}"] = _pair

HEADERS: dict[str, tuple[str, str]] = {
    "product_id": ("Mã SP", "Product"), "product_name": ("Tên sản phẩm", "Name"),
    "province": ("Tỉnh", "Province"), "commune": ("Xã", "Commune"),
    "product_group": ("Nhóm", "Group"), "stars": ("Hạng", "Class"),
    "certificate": ("Số GCN", "Certificate"), "issued_on": ("Ngày cấp", "Issued"),
    "expires_on": ("Hết hạn", "Expires"), "status": ("Tình trạng", "Status"),
    "status_until": ("Đến ngày", "Until"), "window": ("Cửa sổ nộp hồ sơ", "Filing window"),
    "state": ("Cửa sổ", "Window"), "days": ("Còn ngày", "Days"),
    "decision": ("Quyết định", "Decision"), "on": ("Ngày", "Date"), "event": ("Việc", "Event"),
    "kind": ("Loại", "Kind"), "outcome": ("Kết quả", "Outcome"),
    "reference": ("Số", "Number"), "detail": ("Ghi chú", "Detail"), "year": ("Năm", "Year"),
    "issued": ("Đã cấp", "Issued"), "valid": ("Còn hiệu lực", "Valid"),
    "proposed_on": ("Ngày đề nghị", "Proposed"), "total": ("Điểm", "Points"),
}
for _code, _pair in HEADERS.items():
    MESSAGES[f"register.header.{_code}"] = _pair
