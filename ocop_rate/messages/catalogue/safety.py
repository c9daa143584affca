"""Words of the safety guards: paths that leave their folder, outputs that would overwrite an
input or a device, hostile characters, oversized sheets, capped error lists."""

MESSAGES: dict[str, tuple[str, str]] = {
    "safety.path_escapes": (
        "đường dẫn '{name}' ra ngoài thư mục {root}; không ghi",
        "path '{name}' leaves the folder {root}; not written"),
    "safety.rules_path": (
        "--rules-path '{path}' phải là một thư mục tương đối bên trong kho git "
        "(không có '..', không bắt đầu bằng '/')",
        "--rules-path '{path}' must be a relative folder inside the repository "
        "(no '..', not starting with '/')"),
    "safety.revision_link": (
        "là liên kết tượng trưng hoặc mô-đun con trong phiên bản này; không đọc",
        "is a symbolic link or a submodule at this revision; not read"),
    "safety.output_is_input": (
        "--output {output} là một tệp đầu vào của lần chạy này ({input}); hãy chọn tệp khác",
        "--output {output} is one of this run's input files ({input}); choose another file"),
    "safety.output_folder": ("{path}: là một thư mục, không phải tệp; không ghi",
                             "{path}: is a folder, not a file; not written"),
    "safety.output_block_device": (
        "{path}: là một thiết bị khối, không phải tệp thường; không ghi",
        "{path}: is a block device, not a regular file; not written"),
    "safety.output_socket": ("{path}: là một socket, không phải tệp thường; không ghi",
                             "{path}: is a socket, not a regular file; not written"),
    "safety.fifo_no_reader": (
        "{path}: là một FIFO mà không có tiến trình nào đọc; không ghi",
        "{path}: is a FIFO that no process is reading; not written"),
    "safety.stdout_failed": (
        "không ghi được ra đầu ra chuẩn: {reason}",
        "cannot write to standard output: {reason}"),
    "safety.control_char": (
        "ký tự điều khiển {code} không được phép trong văn bản (chỉ cho phép tab và xuống dòng)",
        "control character {code} is not allowed in text (only tab and newline are)"),
    "safety.surrogate": (
        "chuỗi chứa ký tự thay thế đơn lẻ {code} (không phải Unicode hợp lệ)",
        "the string holds a lone surrogate {code} (not valid Unicode)"),
    "safety.binary_value": (
        "giá trị nhị phân (!!binary) không được phép ở đây; hãy viết văn bản",
        "a binary value (!!binary) is not allowed here; write text"),
    "safety.invisible_in_id": (
        "mã sản phẩm '{shown}' chứa ký tự ẩn hoặc dễ nhầm {code}; chỉ dùng chữ, số và dấu",
        "product id '{shown}' holds an invisible or look-alike character {code}; use "
        "letters, digits and punctuation only"),
    "safety.id_spelled_twice": (
        "mã sản phẩm '{pid}' trùng với '{other}' ({holder}) khi so sánh không phân biệt "
        "hoa thường và dấu gạch",
        "product id '{pid}' is the same as '{other}' ({holder}) once case and dashes are "
        "ignored"),
    "safety.member_spelled_twice": (
        "thành viên hội đồng được ghi nhiều lần (khác cách viết): {names}",
        "council member named more than once (spelled differently): {names}"),
    "safety.sheet_too_wide": (
        "trang '{sheet}' có dữ liệu ở cột {column} (ô {cell}); phiếu chấm chỉ được dùng "
        "tối đa {limit} cột",
        "sheet '{sheet}' holds data in column {column} (cell {cell}); a score sheet may use "
        "at most "
        "{limit} columns"),
    "safety.sheet_too_long": (
        "trang '{sheet}' có dữ liệu ở hàng {line} (ô {cell}); phiếu chấm chỉ được dùng "
        "tối đa {limit} hàng",
        "sheet '{sheet}' holds data in row {line} (cell {cell}); a score sheet may use at most "
        "{limit} rows"),
    "safety.sheet_too_many_cells": (
        "vùng dữ liệu {range} của trang '{sheet}' có {cells} ô; giới hạn là {limit}",
        "the used range {range} of sheet '{sheet}' holds {cells} cells; the limit is {limit}"),
    "safety.csv_too_wide": (
        "dòng {line} có {fields} trường; phiếu chấm chỉ được dùng tối đa {limit} cột",
        "line {line} has {fields} fields; a score sheet may use at most {limit} columns"),
    "safety.more_problems": (
        "… và {count} lỗi nữa ở {where} không được liệt kê (chỉ liệt kê {shown} lỗi đầu)",
        "… and {count} more problems in {where} not listed (only the first {shown} "
        "are)"),
    "safety.more_products": (
        "… và {count} sản phẩm nữa của tệp này không chấm được; lỗi của chúng không được "
        "liệt kê (đã vượt giới hạn {limit} lỗi mỗi tệp, {per_column} lỗi mỗi cột)",
        "… and {count} more products of this file cannot be rated; their problems are not "
        "listed (over the limit of {limit} problems per file, {per_column} per column)"),
    "safety.bad_columns": (
        "biến môi trường COLUMNS='{value}' không hợp lệ: cần một số nguyên từ {low} đến {high}",
        "the environment variable COLUMNS='{value}' is not valid: expected a whole number "
        "from {low} to {high}"),
    "safety.not_finite": (
        "{option} {value}: cần một số hữu hạn",
        "{option} {value}: expected a finite number"),
    "safety.too_many_options": (
        "tiêu chí {criterion} có {count} phương án; phiếu chấm đọc được tối đa {limit}",
        "criterion {criterion} has {count} options; a score sheet can hold at most "
        "{limit}"),
    "safety.golden_suffix": (
        "{path}: tệp kết quả mong đợi phải có đuôi .csv, .yaml, .yml hoặc .json",
        "{path}: a golden file must end in .csv, .yaml, .yml or .json"),
    "safety.no_rule_files": (
        "không có tệp tiêu chí nào (.yaml, .yml, .json) trong thư mục này",
        "no rubric files (.yaml, .yml, .json) in this folder"),
    "safety.no_dossiers": (
        "không tìm thấy hồ sơ nào (đã tìm .yaml, .yml, .json, .csv và .xlsx)",
        "no dossier files found (looked for .yaml, .yml, .json, .csv and .xlsx)"),
    "safety.not_regular_input": (
        "không phải tệp thường (FIFO, thiết bị hoặc socket); không đọc",
        "not a regular file (a FIFO, device or socket); not read"),
    "safety.interrupted": ("đã dừng ({signal})", "interrupted ({signal})"),
}
