"""What the command line says around results: error prefixes, usage problems, progress."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.error": ("lỗi", "error"),
    "cli.warning": ("chú ý", "warning"),
    "cli.interrupted": ("đã dừng theo yêu cầu", "interrupted"),
    "cli.cannot_write": ("không ghi được tệp ({reason})", "cannot write ({reason})"),
    "cli.output_is_input": (
        "--output {output} là một trong các tệp hồ sơ đầu vào; hãy chọn tệp khác",
        "--output {output} is one of the input dossiers; choose another file"),
    "cli.needs_output": ("--format {format} ghi ra một tệp: hãy cho --output TỆP.{format}",
                         "--format {format} writes a file: give --output FILE.{format}"),
    "cli.not_a_date": ("'{value}' không phải ngày; cần dạng dd/mm/yyyy (ngày/tháng/năm) "
                       "hoặc yyyy-mm-dd",
                       "'{value}' is not a date; expected dd/mm/yyyy (day first) or "
                       "yyyy-mm-dd"),
    "cli.no_golden": ("không có tệp kết quả mẫu này (tạo bằng --update)",
                      "no such golden file (create it with --update)"),
    "cli.wrote": ("→ {path}: {count} sản phẩm", "→ {path}: {count} products"),
    "cli.wrote_file": ("→ {path}", "→ {path}"),
    "cli.progress": ("đang chấm", "rating"),
    "cli.one_yaml_template": (
        "mẫu hồ sơ YAML dành cho một bộ sản phẩm; hãy cho một mã phiếu (hoặc dùng -f xlsx "
        "cho nhiều bộ)",
        "a YAML dossier template is for one product set; give one rubric id (or -f xlsx for "
        "several)"),
    "cli.exists": (
        "tệp đã có; không ghi đè công việc đã làm (thêm --force nếu thật sự muốn ghi đè)",
        "the file exists; work is never overwritten (add --force to overwrite it)"),
}
