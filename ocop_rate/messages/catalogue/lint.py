"""``validate``: what each lint found in a rubric file, for the rubric's author."""

MESSAGES: dict[str, tuple[str, str]] = {
    "lint.parts_total": ("{rid}: tối đa các phần cộng lại {total}, cần {expected}",
                         "{rid}: the parts' maxima add up to {total}, expected {expected}"),
    "lint.part_decision": (
        "{rid}: phần {part} có max_points {got}, nhưng Quyết định {key} quy định {want}",
        "{rid}: part {part} has max_points {got}, but Decision {key} sets {want}"),
    "lint.detail": ("{detail}", "{detail}"),
    "lint.option_twice": ("tiêu chí {cid}: mã phương án '{code}' dùng hai lần",
                          "criterion {cid}: option code '{code}' is used twice"),
    "lint.option_label": ("tiêu chí {cid}: phương án {code} thiếu nhãn {language} ({lang})",
                          "criterion {cid}: option {code} has no {language} label ({lang})"),
    "lint.name_label": ("tiêu chí {cid}: tên thiếu nhãn {language} ({lang})",
                        "criterion {cid}: name has no {language} label ({lang})"),
    "lint.language.vi": ("tiếng Việt", "Vietnamese"),
    "lint.language.en": ("tiếng Anh", "English"),
    "lint.accepted_names": (
        "tiêu chí {cid}: mục accepted ghi '{lint}', cần một kiểm tra mức cảnh báo ({known})",
        "criterion {cid}: accepted names '{lint}', expected a warning lint ({known})"),
    "lint.clause_fact": ("{rid}: {what}: dữ kiện '{fact}' chưa khai báo trong 'facts'",
                         "{rid}: {what}: fact '{fact}' is not declared under 'facts'"),
    "lint.clause_criterion": ("{rid}: {what}: không có tiêu chí '{cid}' trong phiếu",
                              "{rid}: {what}: criterion '{cid}' is not among the criteria"),
    "lint.clause_option": ("{rid}: {what}: tiêu chí {cid} không có phương án '{code}'",
                           "{rid}: {what}: criterion {cid} has no option '{code}'"),
    "lint.clause_source": (
        "{what}: cần trích lời văn của phiếu (`text`) và dẫn các dòng của toàn văn "
        "(`source.lines`)",
        "{what}: quote the sheet (`text`) and cite the lines of the full text (`source.lines`)"),
    "lint.case_share": (
        "{rid}: nhóm trường hợp {gid}: các trường hợp phải chia đủ mỗi phương án của {cid} "
        "đúng một lần, đang có {listed}",
        "{rid}: case group {gid}: the cases must share out every option of {cid} once, got "
        "{listed}"),
    "lint.no_source": ("tiêu chí {cid}: chưa dẫn nguồn (ghi phiếu và số tiêu chí)",
                       "criterion {cid}: no source (cite the sheet and the criterion's number)"),
    "lint.derive_option": ("tiêu chí {cid}: derive ghi phương án '{option}', cần một trong {codes}",
                           "criterion {cid}: derive names option '{option}', expected one of "
                           "{codes}"),
    "lint.same_points": ("tiêu chí {cid}: phương án {a} và {b} cùng cho {points} {unit}{flag}",
                         "criterion {cid}: options {a} and {b} both give {points} {unit}{flag}"),
    "lint.falling": (
        "tiêu chí {cid}: phương án {b} ({pb}) đứng sau {a} ({pa}); các phương án cần tăng dần "
        "theo thứ tự trên phiếu{flag}",
        "criterion {cid}: option {b} ({pb}) is listed after {a} ({pa}); options should rise "
        "in sheet order{flag}"),
    "lint.unconfirmed_flag": (" (tiêu chí đánh dấu chưa xác minh)",
                              " (criterion marked unconfirmed)"),
    "lint.no_part": ("{rid}: tiêu chí {cid}: phần {part} không có trong các phần ({parts})",
                     "{rid}: criterion {cid}: part {part} is not among the parts ({parts})"),
    "lint.no_group": ("{rid}: tiêu chí {cid}: nhóm '{group}' không có trong các nhóm",
                      "{rid}: criterion {cid}: group '{group}' is not among the groups"),
    "lint.derive_fact": ("{rid}: tiêu chí {cid} derive: dữ kiện '{fact}' chưa khai báo trong "
                         "'facts'",
                         "{rid}: criterion {cid} derive: fact '{fact}' is not declared under "
                         "'facts'"),
    "lint.gate_fact": ("{rid}: điều kiện {gate}: dữ kiện '{fact}' chưa khai báo trong 'facts'",
                       "{rid}: gate {gate}: fact '{fact}' is not declared under 'facts'"),
    "lint.sum": (
        "{rid}: {noun} {id}: các tiêu chí cộng lại {total} điểm, nhưng max_points của {noun} "
        "là {declared}",
        "{rid}: {noun} {id}: its criteria add up to {total} points, but the {noun}'s "
        "max_points is {declared}"),
    "lint.noun.part": ("phần", "part"),
    "lint.noun.group": ("nhóm", "group"),
    "lint.band_twice": ("nhiều hơn một khoảng cho {stars}★", "more than one band for {stars}★"),
    "lint.band_empty": ("khoảng {stars}★ trống hoặc ngược ({lo} đến {hi})",
                        "band {stars}★ is empty or reversed ({lo} to {hi})"),
    "lint.bands_start": ("các khoảng sao bắt đầu ở {first}, cần 0",
                         "star bands start at {first}, expected 0"),
    "lint.bands_gap": ("hở giữa {low}★ và {high}★: không khoảng nào phủ từ {a} đến {b}",
                       "gap between {low}★ and {high}★: nothing covers {a} to {b}"),
    "lint.bands_overlap": ("{low}★ và {high}★ chồng nhau từ {a} đến {b}",
                           "{low}★ and {high}★ overlap from {a} to {b}"),
    "lint.bands_order": ("khoảng {high}★ nằm trên {low}★; hạng phải tăng theo tổng điểm",
                         "band {high}★ lies above {low}★; classes must rise with the total"),
    "lint.bands_end": ("các khoảng sao kết thúc ở {last}, cần {expected}",
                       "star bands end at {last}, expected {expected}"),
    "lint.id_twice": (
        "mã {noun} '{id}' xuất hiện hai lần trong tệp này; mã sau thay thế mã trước mà "
        "không báo",
        "{noun} id '{id}' appears twice in this file; the second silently replaces the "
        "first"),
    "lint.keyed.parts": ("phần", "part"),
    "lint.keyed.groups": ("nhóm", "group"),
    "lint.keyed.facts": ("dữ kiện", "fact"),
    "lint.keyed.criteria": ("tiêu chí", "criterion"),
    "lint.keyed.gates": ("điều kiện", "gate"),
    "lint.keyed.recognition": ("cấp công nhận theo sao", "recognition for stars"),
    "lint.unit.one": ("điểm", "point"),
    "lint.unit.many": ("điểm", "points"),
}
