"""Words shared by every command: generic input and output problems."""

MESSAGES: dict[str, tuple[str, str]] = {
    "common.no_such_path": ("{path}: không có tệp hoặc thư mục này",
                            "{path}: no such file or folder"),
    "common.cannot_write": ("{path}: không ghi được tệp: {reason}",
                            "{path}: cannot write: {reason}"),
}
