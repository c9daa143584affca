"""Words of the round-3 hostile-input guards: refusals before writing, bounds on what a
workbook, a product list or a roster may hold, values validated where they are read, one
identity per person, register files touched only when written, the environment."""

MESSAGES: dict[str, tuple[str, str]] = {
    "safety.parent_not_folder": (
        "{path}: {parent} không phải là thư mục; không ghi gì",
        "{path}: {parent} is not a folder; nothing written"),
    "register.not_regular": (
        "{path} không phải tệp thường (thiết bị, FIFO hoặc socket); không dùng làm sổ đăng "
        "ký và không ghi gì bên cạnh",
        "{path} is not a regular file (a device, FIFO or socket); not used as a register and "
        "nothing written beside it"),
    "register.read_older": (
        "{path}: sổ đăng ký ở lược đồ phiên bản {old}; đã đọc mà không sửa tệp (lần "
        "'record' hoặc 'import' tới sẽ nâng lên phiên bản {new})",
        "{path}: a register of schema version {old}; read without changing the file (the "
        "next 'record' or 'import' migrates it to version {new})"),
    "input.yaml_bad_date": (
        "'{value}' không phải một ngày có trong lịch",
        "'{value}' is not a day of the calendar"),
    "schema.day_outside": (
        "ngày {value} nằm ngoài chương trình OCOP: cần từ {first} (Quyết định 490/QĐ-TTg) "
        "đến {last}",
        "date {value} lies outside the OCOP programme: expected from {first} (Quyết định "
        "490/QĐ-TTg) to {last}"),
    "schema.quorum_yes_no": (
        "quorum {value} không phải số thành viên (3) hay tỉ lệ (0.67, 2/3)",
        "quorum {value} is not a count of members (3) or a share (0.67, 2/3)"),
    "round.name_hidden_char": (
        "tên '{shown}' chứa ký tự ẩn {code} (khoảng trắng độ rộng 0, BOM…): một người "
        "trông như người khác; hãy xoá ký tự đó",
        "name '{shown}' holds the invisible character {code} (a zero-width space, a BOM…): "
        "one person would look like another; delete it"),
    "round.roster_same_person": (
        "hội đồng ghi một người nhiều lần (không phân biệt hoa thường, dấu, khoảng trắng): "
        "{names}",
        "the roster names one person more than once (case, diacritics and spaces aside): "
        "{names}"),
    "round.roster_same_person_at": (
        "'{name}' là cùng một người với '{other}' (dòng {line}) khi không phân biệt hoa "
        "thường, dấu và khoảng trắng; mỗi người chỉ ghi một lần",
        "'{name}' is the same person as '{other}' (line {line}) once case, diacritics and "
        "spaces are set aside; name each person once"),
    "round.roster_too_long": (
        "hội đồng có {count} người; giới hạn là {limit} (có phải danh sách sản phẩm?)",
        "the roster has {count} people; the limit is {limit} (is it the product list?)"),
    "safety.xlsx_part_too_big": (
        "phần {part} của sổ tính giải nén ra {size} byte; giới hạn là {limit}",
        "part {part} of the workbook unpacks to {size} bytes; the limit is {limit}"),
    "safety.xlsx_value_too_big": (
        "phần {part} của sổ tính có một giá trị dài hơn {limit} byte (Excel chỉ giữ "
        "32.767 ký tự trong một ô); không đọc",
        "part {part} of the workbook holds one value longer than {limit} bytes (Excel "
        "holds at most 32,767 characters in a cell); not read"),
    "safety.xlsx_too_many_strings": (
        "phần {part} của sổ tính có hơn {limit} chuỗi; không đọc",
        "part {part} of the workbook holds more than {limit} strings; not read"),
    "safety.xlsx_too_many_sheets": (
        "sổ tính có hơn {limit} trang ({part}); không đọc",
        "the workbook has more than {limit} sheets ({part}); not read"),
    "safety.xlsx_hidden_sheet": (
        "trang '{sheet}' bị ẩn trong Excel ({state}): điểm trong đó sẽ được tính mà không "
        "ai thấy; hãy hiện trang hoặc xoá nó",
        "sheet '{sheet}' is hidden in Excel ({state}): its scores would count though nobody "
        "sees them; unhide the sheet or delete it"),
    "safety.xlsx_hidden_row": (
        "hàng {line} của trang '{sheet}' (ô {cell}) bị ẩn hoặc bị lọc trong Excel: điểm "
        "trong đó sẽ được tính mà không ai thấy; hãy hiện hàng hoặc xoá nó",
        "row {line} of sheet '{sheet}' (cell {cell}) is hidden or filtered out in Excel: its "
        "scores would count though nobody sees them; unhide the row or delete it"),
    "safety.xlsx_hidden_column": (
        "cột {column} của trang '{sheet}' (ô {cell}) bị ẩn trong Excel: điểm trong đó sẽ "
        "được tính mà không ai thấy; hãy hiện cột hoặc xoá nó",
        "column {column} of sheet '{sheet}' (cell {cell}) is hidden in Excel: its scores "
        "would count though nobody sees them; unhide the column or delete it"),
    "safety.table_too_long": (
        "'{sheet}' có hơn {limit} hàng dữ liệu (đến hàng {line}, ô {cell}); không đọc",
        "'{sheet}' holds more than {limit} data rows (row {line}, cell {cell}); not read"),
    "safety.csv_too_long": (
        "tệp có hơn {limit} hàng dữ liệu (đến dòng {line}); không đọc",
        "the file holds more than {limit} data rows (line {line}); not read"),
    "round.yaml_too_long": (
        "danh sách có {count} mục; giới hạn là {limit}",
        "the list holds {count} entries; the limit is {limit}"),
    "sheet.too_many_members": (
        "sản phẩm {product} có {count} phiếu thành viên; một hội đồng có tối đa {limit} "
        "người",
        "product {product} has {count} members' sheets; a council has at most {limit} "
        "people"),
    "register.stored_date": (
        "sổ đăng ký có ngày '{value}' không hợp lệ (cần yyyy-mm-dd từ 07/05/2018 đến "
        "31/12/2100): tệp đã bị sửa bằng công cụ khác?",
        "the register holds the date '{value}', which is not valid (expected yyyy-mm-dd from "
        "07/05/2018 to 31/12/2100): was the file edited with another tool?"),
    "safety.xlsx_too_many_extras": (
        "phần {part} của sổ tính có hơn {limit} vùng gộp, liên kết, kiểm tra dữ liệu, định "
        "dạng có điều kiện hay độ rộng cột; không đọc",
        "part {part} of the workbook holds more than {limit} merged ranges, hyperlinks, data "
        "validations, conditional formats or column widths; not read"),
    "safety.xlsx_too_many_styles": (
        "phần {part} của sổ tính có hơn {limit} phần tử định dạng; không đọc",
        "part {part} of the workbook holds more than {limit} style elements; not read"),
}
