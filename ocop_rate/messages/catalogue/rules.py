"""Words of the decision's clauses: no option applies, applicability, cases, requirements,
who recognises (issue 11)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rules.none": ("không có phương án nào phù hợp", "no option applies"),
    "rules.not_applicable": ("không áp dụng: {reason}", "does not apply: {reason}"),
    "rules.not_applicable_for": ("không áp dụng với {members}: {reason}",
                                 "does not apply for {members}: {reason}"),
    "rules.authority": ("Cấp công nhận: {authority} ({article})",
                        "Recognised by: {authority} ({article})"),
    "rules.proposed": ("UBND cấp tỉnh phê duyệt kết quả và đề nghị {authority} đánh giá, "
                       "công nhận 5 sao ({article})",
                       "The Provincial People's Committee approves the result and proposes "
                       "it to the {authority} for 5 stars ({article})"),
    "rules.province_may": ("Dưới 5 sao ở cấp trung ương: UBND cấp tỉnh có thể công nhận "
                           "{stars} sao theo kết quả này ({article})",
                           "Under 5 stars at the central level: the Provincial People's "
                           "Committee may recognise {stars} stars on this result ({article})"),
    "rules.no_certificate": ("1–2 sao: không ban hành quyết định công nhận, không cấp giấy "
                             "chứng nhận ({article})",
                             "1–2 stars: no recognition decision and no certificate "
                             "({article})"),
    "rules.rejected_no_class": ("hồ sơ bị loại, không xếp hạng: {reasons}",
                                "dossier rejected, no class: {reasons}"),
    "rules.case_mixed": ("thành viên '{member}' chấm nhóm tiêu chí {criteria} theo nhiều "
                         "trường hợp ({picked}); phiếu yêu cầu lựa chọn một trong hai "
                         "trường hợp",
                         "member '{member}' scored the criteria {criteria} under more than one "
                         "case ({picked}); the sheet says to choose one of the two cases"),
    "rules.case_split": ("các thành viên chấm {criteria} theo các trường hợp khác nhau: "
                         "{cases}",
                         "members scored {criteria} under different cases: {cases}"),
    "rules.requirement.met": ("đạt", "met"),
    "rules.requirement.unmet": ("không đạt", "unmet"),
    "rules.requirement.unchecked": ("chưa kiểm tra được (thiếu {missing})",
                                    "unchecked (not stated: {missing})"),
    "rules.requirement.not-required": ("không bắt buộc với sản phẩm này",
                                       "not required of this product"),
    "rules.requirement.line": ("{criterion} yêu cầu “{text}”: {status}",
                               "{criterion} requirement \"{text}\": {status}"),
    "rules.requirements": ("Yêu cầu của phiếu", "Sheet requirements"),
    "rules.outcome": ("Kết luận", "Outcome"),
    "rules.level": ("Cấp hội đồng", "Council level"),
    "rules.authority_short": ("Cấp công nhận", "Recognised by"),
}
