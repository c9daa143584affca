"""The CI checks: golden files (``check``) and rubric revisions (``diff``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "checks.golden_suffix": ("tệp kết quả mẫu phải là .csv, .yaml, .yml hoặc .json",
                             "golden file must be .csv, .yaml, .yml or .json"),
    "checks.expected_twice": ("sản phẩm '{id}' được mong đợi hai lần (cả ở dòng {line})",
                              "product '{id}' is expected twice (also at line {line})"),
    "checks.csv_needs": ("dòng tiêu đề CSV cần cột '{column}' (đang có: {has})",
                         "CSV header needs a '{column}' column (has: {has})"),
    "checks.golden_list": (
        "tệp kết quả mẫu phải là danh sách sản phẩm (- {{product_id: …, stars: …, total: …}})",
        "golden file must be a list of products (- {{product_id: …, stars: …, total: …}})"),
    "checks.golden_mapping": ("cần một bảng khoá có product_id và stars",
                              "expected a mapping with product_id and stars"),
    "checks.golden_key": ("khoá '{key}' không rõ; cần {known}",
                          "unknown key '{key}'; expected {known}"),
    "checks.empty_id": ("product_id trống", "product_id is empty"),
    "checks.stars_range": ("stars phải là số nguyên từ 1 đến 5, hoặc 'rejected' (hồ sơ bị "
                           "loại) (ghi: {value})",
                           "stars must be a whole number from 1 to 5, or 'rejected' (got "
                           "{value})"),
    "checks.total_range": ("total phải là số từ 0 đến 100, hoặc để trống (ghi: {value})",
                           "total must be a number from 0 to 100, or blank (got {value})"),
    "checks.no_git": ("chưa cài git; hãy cho BASE và HEAD là thư mục phiếu đánh giá",
                      "git is not installed; give BASE and HEAD as rubric folders"),
    "checks.not_a_repo": (
        "'{ref}' không phải thư mục cũng không phải phiên bản git (không ở trong kho git)",
        "'{ref}' is neither a folder nor a git revision (not inside a git repository)"),
    "checks.not_a_revision": ("'{ref}' không phải thư mục cũng không phải phiên bản git của {root}",
                              "'{ref}' is neither a folder nor a git revision of {root}"),
    "checks.no_rubrics_at": ("không có tệp phiếu đánh giá nào trong {prefix}/ tại {ref}",
                             "no rubric files under {prefix}/ at {ref}"),
    "checks.git_show": ("git show không đọc được tệp này", "git show could not read this file"),
    "checks.case_error": ("không chấm được: {problems}", "could not be rated: {problems}"),
    "checks.case_unexpected": (
        "đã chấm nhưng tệp kết quả mẫu chưa có kỳ vọng (chạy với --update để ghi lại)",
        "rated, but the golden file has no expectation (run with --update to record it)"),
    "checks.case_missing": (
        "có trong tệp kết quả mẫu nhưng không hồ sơ nào mang mã sản phẩm này được chấm",
        "expected in the golden file, but no dossier with this product id was rated"),
    "checks.case_stars": ("hạng {stars}, mong đợi {expected}",
                          "stars {stars}, expected {expected}"),
    "checks.case_total": ("tổng {total}, mong đợi {expected} (± {tolerance})",
                          "total {total}, expected {expected} (± {tolerance})"),
    "checks.not_rated_here": ("không chấm được ở phiên bản này", "not rated on this side"),
    "checks.no_dossiers": ("chưa cho hồ sơ nào (--dossiers ĐƯỜNG_DẪN)",
                           "no dossiers given (--dossiers PATH)"),
}
