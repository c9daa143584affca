"""Words shared by every command: generic input and output problems."""

MESSAGES: dict[str, tuple[str, str]] = {
    "common.no_such_path": ("{path}: không có tệp hoặc thư mục này",
                            "{path}: no such file or folder"),
    "common.cannot_write": ("{path}: không ghi được tệp: {reason}",
                            "{path}: cannot write: {reason}"),
}

MESSAGES.update({
    "os.EACCES": ("không có quyền truy cập", "permission denied"),
    "os.EPERM": ("không được phép", "operation not permitted"),
    "os.ENOENT": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "os.EISDIR": ("là một thư mục", "is a folder"),
    "os.ENOTDIR": ("một phần đường dẫn không phải thư mục", "a part of the path is no folder"),
    "os.ENOSPC": ("ổ đĩa đã đầy", "no space left on the disk"),
    "os.EROFS": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    "os.ELOOP": ("liên kết tượng trưng vòng lặp", "a loop of symbolic links"),
    "os.ENAMETOOLONG": ("tên tệp quá dài", "the file name is too long"),
    "os.EEXIST": ("tệp đã có", "the file exists"),
    "os.other": ("lỗi hệ điều hành", "an operating-system error"),
})
