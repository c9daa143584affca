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
}
