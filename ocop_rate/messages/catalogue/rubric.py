"""Reading rubric files: their shape, inheritance and removals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rubric.no_folder": ("không có thư mục bộ tiêu chí này", "no such rules folder"),
    "rubric.id_twice": ("mã phiếu '{id}' cũng đã định nghĩa trong {other}",
                        "rubric id '{id}' is also defined in {other}"),
    "rubric.not_mapping": ("tệp phiếu đánh giá phải là một bảng khoá",
                           "a rubric file must be a mapping of keys"),
    "rubric.needs_id": ("phiếu đánh giá cần khoá 'id' (văn bản)",
                        "rubric needs an 'id' (text)"),
    "rubric.extends_text": ("'extends' phải là mã một phiếu đánh giá (văn bản)",
                            "'extends' must be a rubric id (text)"),
    "rubric.abstract_bool": ("'abstract' phải là true hoặc false",
                             "'abstract' must be true or false"),
    "rubric.cycle": ("'extends' tạo thành vòng lặp: {cycle}", "'extends' forms a cycle: {cycle}"),
    "rubric.remove_mapping": ("'remove' phải ánh xạ tên danh sách tới các mã",
                              "'remove' must map list names to ids"),
    "rubric.remove_key": ("'remove.{key}': cần một trong {lists} kèm danh sách mã",
                          "'remove.{key}': expected one of {lists} with a list of ids"),
    "rubric.remove_not_inherited": ("'remove.{key}': '{id}' không được kế thừa",
                                    "'remove.{key}': '{id}' is not inherited"),
    "rubric.no_files": ("không tìm thấy tệp phiếu đánh giá nào (.yaml, .yml, .json)",
                        "no rubric files found (.yaml, .yml, .json)"),
}
