"""Reading input files: sizes, encodings, YAML/JSON syntax (PyYAML's and json's messages are
mapped to these, never shown raw), dossier shape, paths."""

MESSAGES: dict[str, tuple[str, str]] = {
    "input.is_folder": ("là một thư mục, cần một tệp", "is a folder, expected a file"),
    "input.too_large": ("tệp có {size} byte; giới hạn là {limit}",
                        "file is {size} bytes; the limit is {limit}"),
    "input.no_such_file": ("không có tệp này", "no such file"),
    "input.cannot_read": ("không đọc được tệp ({reason})", "cannot read: {reason}"),
    "input.not_utf8": (
        "không phải văn bản UTF-8 (byte {byte}): có vẻ là {encoding}; hãy lưu tệp dạng "
        "UTF-8 (Excel: Lưu thành > 'CSV UTF-8 (Comma delimited)', hoặc 'Văn bản Unicode'; "
        "trình soạn thảo: 'UTF-8')",
        "not UTF-8 text (byte {byte}): it looks like {encoding}; save the file as UTF-8 "
        "(Excel: Save As > 'CSV UTF-8 (Comma delimited)', or 'Unicode Text'; editors: "
        "'UTF-8')"),
    "input.encoding.ansi": (
        "bảng mã 8 bit (ANSI, như Windows-1258 hay TCVN3)",
        "an 8-bit code page (ANSI, such as Windows-1258 or TCVN3)"),
    "input.encoding.utf16_no_bom": ("UTF-16 không có dấu BOM", "UTF-16 without its BOM"),
    "input.encoding.xls": ("một sổ tính Excel 97-2003 (.xls), không phải văn bản",
                           "an Excel 97-2003 workbook (.xls), not text"),
    "input.encoding.zip": ("một sổ tính dạng zip (.xlsx, .ods), không phải văn bản",
                           "a zip workbook (.xlsx, .ods), not text"),
    "input.nul_bytes": ("tệp văn bản chứa dữ liệu nhị phân (byte NUL)",
                        "binary data (NUL byte) in a text file"),
    "input.not_utf16": ("không phải văn bản UTF-16 hợp lệ", "not valid UTF-16 text"),
    "input.duplicate_key": ("khoá '{key}' lặp lại", "duplicate key '{key}'"),
    "input.duplicate_key_overwrite": (
        "khoá '{key}' lặp lại (giá trị trước sẽ bị ghi đè mà không báo)",
        "duplicate key '{key}' (an earlier one would be silently overwritten)"),
    "input.json_constant": ("{token} không phải là số ở đây", "{token} is not a number here"),
    "input.json_syntax": ("JSON không hợp lệ: {detail}", "invalid JSON: {detail}"),
    "input.json_too_deep": ("JSON lồng nhau quá sâu", "JSON nested too deeply"),
    "input.json_value": ("giá trị JSON không đọc được (số quá lớn?)",
                         "invalid JSON value (a number too large?)"),
    "input.empty": ("tệp trống", "file is empty"),
    "input.yaml_too_deep": ("YAML lồng nhau quá sâu", "YAML nested too deeply"),
    "input.yaml_value": ("YAML không hợp lệ: giá trị không đọc được (số quá lớn?)",
                         "invalid YAML value: cannot be read (a number too large?)"),
    "input.yaml_char": ("YAML không hợp lệ: ký tự U+{code} không được phép trong YAML",
                        "invalid YAML: character U+{code} is not allowed in YAML"),
    "input.yaml_tag": (
        "YAML không hợp lệ: thẻ {tag} không được phép (chỉ đọc YAML thuần)",
        "invalid YAML: the tag {tag} is not allowed (plain YAML only; no constructor "
        "for it)"),
    "input.yaml_token": (
        "YAML không hợp lệ: ký tự không thể mở đầu một giá trị (dấu tab? hãy thụt lề bằng "
        "dấu cách, hoặc đặt giá trị trong ngoặc kép)",
        "invalid YAML: a character that cannot start a value (a tab? indent with spaces, "
        "or quote the value)"),
    "input.yaml_colon": (
        "YAML không hợp lệ: dấu hai chấm không đúng chỗ (giá trị có dấu ':' cần đặt trong "
        "ngoặc kép; kiểm tra thụt lề)",
        "invalid YAML: a colon where none may stand (quote a value that holds ':'; check "
        "the indentation)"),
    "input.yaml_no_colon": ("YAML không hợp lệ: thiếu dấu hai chấm sau tên khoá",
                            "invalid YAML: a key without its colon"),
    "input.yaml_indent": ("YAML không hợp lệ: thụt lề không đúng",
                          "invalid YAML: the indentation is wrong"),
    "input.yaml_unclosed": (
        "YAML không hợp lệ: tệp kết thúc khi dấu ngoặc kép hoặc ngoặc vuông, ngoặc nhọn "
        "chưa đóng",
        "invalid YAML: the file ends inside an unclosed quote or bracket"),
    "input.yaml_flow": ("YAML không hợp lệ: thiếu dấu phẩy hoặc dấu đóng ngoặc",
                        "invalid YAML: a comma or closing bracket is missing"),
    "input.yaml_documents": (
        "YAML không hợp lệ: tệp có nhiều tài liệu (---); mỗi tệp chỉ được một tài liệu",
        "invalid YAML: expected a single document in the file, found another (---)"),
    "input.yaml_alias": ("YAML không hợp lệ: tham chiếu (*) tới một neo (&) chưa định nghĩa",
                         "invalid YAML: an alias (*) to an anchor (&) not defined"),
    "input.yaml_syntax": ("YAML không hợp lệ ở vị trí này (kiểm tra thụt lề, dấu hai chấm, "
                          "dấu ngoặc)",
                          "invalid YAML here (check the indentation, colons and brackets)"),
    "input.alias_bomb": (
        "tài liệu mở rộng thành hơn {limit} giá trị (bom tham chiếu YAML?)",
        "document expands to more than {limit} values (alias bomb?)"),
    "input.outside": (
        "là liên kết tượng trưng tới một tệp nằm ngoài thư mục đang đọc; không đọc ({target})",
        "is a symbolic link to a file outside the folder being read; not read ({target})"),
    "input.no_match": ("không có hồ sơ nào khớp mẫu '{pattern}'",
                       "no dossier matches the pattern '{pattern}'"),
    "input.no_such_path": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "input.dossier_is_list": (
        "hồ sơ phải là một bảng khoá (product, council, …); tệp này là một danh sách",
        "a dossier must be a mapping of keys (product, council, …); this file is a list"),
    "input.dossier_is_value": (
        "hồ sơ phải là một bảng khoá (product, council, …); tệp này là một giá trị đơn",
        "a dossier must be a mapping of keys (product, council, …); this file is a single "
        "value"),
    "input.no_dossiers": (
        "không tìm thấy tệp hồ sơ nào (đã tìm .yaml, .yml, .json, .csv và .xlsx)",
        "no dossier files found (looked for .yaml, .yml, .json, .csv and .xlsx)"),
}
