"""Words of the engine room: rubrics it cannot rate."""

MESSAGES: dict[str, tuple[str, str]] = {
    "engine.not_hundredths": (
        "phiếu {rubric} không chấm được: điểm và ngưỡng hạng sao phải là số nguyên lần "
        "0,01 điểm và phải có đủ các hạng 3, 4, 5 sao ({where})",
        "rubric {rubric} cannot be rated: points and star-band edges must be whole "
        "hundredths of a point, and bands 3, 4 and 5 stars must exist ({where})"),
    "engine.points_not_hundredths": (
        "{what}: {value} không phải số nguyên lần 0,01 điểm; công cụ chấm theo phần trăm "
        "điểm (viết tối đa 2 chữ số thập phân)",
        "{what}: {value} is not a whole number of hundredths of a point; the engine rates "
        "in hundredths (write at most 2 decimals)"),
}
