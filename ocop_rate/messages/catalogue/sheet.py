"""Reading council score sheets (CSV, XLSX): pandas' and openpyxl's complaints are mapped to
these, never shown raw."""

MESSAGES: dict[str, tuple[str, str]] = {
    "sheet.cell_suffix": ("(trang '{sheet}', ô {cell})", "(sheet '{sheet}', cell {cell})"),
    "sheet.ragged": (
        "không phải bảng CSV đều đặn: dòng {line} có {saw} ô, cần {expected} "
        "(dấu phân cách ',' hoặc ';' nằm trong một ô? hãy đặt ô đó trong ngoặc kép)",
        "not a regular CSV table: line {line} has {saw} cells, expected {expected} "
        "(a separator ',' or ';' inside a cell? quote that cell)"),
    "sheet.not_table": ("không phải bảng CSV đều đặn", "not a regular CSV table"),
    "sheet.cannot_read_csv": ("không đọc được tệp CSV", "cannot read as CSV"),
    "sheet.not_xlsx": ("không phải sổ tính XLSX (cần tệp .xlsx dạng zip)",
                       "not an XLSX workbook (expected a .xlsx zip file)"),
    "sheet.unpacks_to": ("sổ tính giải nén ra {size} byte; giới hạn là {limit}",
                         "workbook unpacks to {size} bytes; the limit is {limit}"),
    "sheet.ods_save_as_xlsx": (
        "tệp OpenDocument (.ods) không được đọc; hãy mở bằng LibreOffice Calc, chọn Tệp > "
        "Lưu thành… > kiểu 'Excel 2007-365 (.xlsx)', rồi dùng tệp .xlsx đó",
        "OpenDocument (.ods) files are not read; open it in LibreOffice Calc, choose File > "
        "Save As… > type 'Excel 2007-365 (.xlsx)', and use that .xlsx file"),
    "sheet.xls_is_zip": (
        "tệp mang đuôi .xls nhưng là sổ tính dạng zip (.xlsx hoặc .ods); hãy đổi đuôi thành "
        "đúng loại của nó",
        "the file is named .xls but is a zip workbook (.xlsx or .ods); give it the suffix of "
        "what it is"),
    "sheet.not_xls": (
        "không phải sổ tính Excel 97-2003 (.xls); trong Excel hãy chọn Lưu thành > "
        "'Sổ làm việc Excel (.xlsx)'",
        "not an Excel 97-2003 workbook (.xls); in Excel choose Save As > "
        "'Excel Workbook (.xlsx)'"),
    "sheet.damaged": ("không đọc được sổ tính (tệp hỏng?)",
                      "cannot read the workbook (is it damaged?)"),
    "sheet.first_empty": ("trang tính đầu tiên trống", "the first sheet is empty"),
    "sheet.no_header": ("cột có dữ liệu nhưng không có tiêu đề",
                        "column has data but no header"),
    "sheet.unknown_column": (
        "cột '{header}' không rõ; cần các cột {identity} (hoặc tên tiếng Việt: Mã sản phẩm, "
        "Tên sản phẩm, Phiếu, Thành viên) và mã tiêu chí của phiếu đánh giá",
        "unknown column '{header}'; expected {identity} (or their Vietnamese names) and the "
        "criterion ids of the products' rubrics"),
    "sheet.round_member_sheet": (
        "đây là phiếu của một thành viên trong đợt đánh giá (có cột {columns}): phiếu này "
        "được chấm cùng cả đợt — hãy chấm thư mục đợt: ocop-rate rate {folder}",
        "this is one member's sheet of a council round (it has {columns}): it is rated with "
        "the whole round — rate the round folder: ocop-rate rate {folder}"),
    "sheet.round_member_sheet_alone": (
        "đây là phiếu của một thành viên trong đợt đánh giá (có cột {columns}): phiếu này "
        "được chấm cùng cả đợt — hãy chấm thư mục đợt (thư mục có round.yaml) hoặc bỏ các "
        "cột này",
        "this is one member's sheet of a council round (it has {columns}): it is rated with "
        "the whole round — rate the round folder (the one with round.yaml), or remove these "
        "columns"),
    "sheet.repeated_column": ("cột '{header}' lặp lại cột '{first}'",
                              "column '{header}' repeats '{first}'"),
    "sheet.missing_column": ("thiếu cột '{column}' (dòng tiêu đề là dòng 1)",
                             "no '{column}' column (the header row is row 1)"),
    "sheet.no_rows": ("không có dòng dữ liệu nào dưới dòng tiêu đề",
                      "no data rows under the header"),
    "sheet.blank_product_id": ("thiếu mã sản phẩm (product_id)", "product_id is blank"),
    "sheet.rubrics_differ": ("các dòng của sản phẩm {product} ghi các phiếu khác nhau: {seen}",
                             "rows of product {product} name different rubrics: {seen}"),
    "sheet.names_differ": ("các dòng của sản phẩm {product} ghi tên khác nhau",
                           "rows of product {product} give different names"),
    "sheet.blank_member": ("thiếu tên thành viên", "member is blank"),
    "sheet.member_twice": (
        "thành viên '{member}' chấm sản phẩm {product} hai lần (dòng {first} và {again})",
        "member '{member}' scores product {product} twice (rows {first} and {again})"),
    "sheet.id_one_word": (
        "mã sản phẩm phải là một từ, không có dấu cách (tối đa {limit} ký tự)",
        "product_id must be one word without spaces (at most {limit} characters)"),
    "sheet.too_long": ("{what} dài quá {limit} ký tự",
                       "{what} is longer than {limit} characters"),
    "sheet.blank_rubric": ("thiếu mã phiếu đánh giá (rubric)", "rubric is blank"),
    "sheet.foreign_criterion": (
        "tiêu chí {criterion} không có trong phiếu {rubric}; hãy để trống ô này",
        "criterion {criterion} is not on rubric {rubric}; leave the cell blank"),
    "sheet.missing_criterion": ("thiếu cột cho tiêu chí {criterion} mà phiếu {rubric} chấm",
                                "no column for criterion {criterion}, which rubric {rubric} "
                                "scores"),
    "sheet.blank_option": (
        "chưa chọn phương án cho {criterion}; mọi tiêu chí đều cần một phương án (phiếu chấm "
        "không có dữ kiện để suy ra)",
        "no option for {criterion}; every criterion needs one (a score sheet has no facts "
        "to derive it from)"),
}
