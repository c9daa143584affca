"""Words of the place check: provinces and communes against the official list after the
2025 reorganisation (ocop_rate/places.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "places.unknown_province": (
        "tỉnh/thành phố '{name}' không có trong danh mục 34 đơn vị hành chính cấp tỉnh (sau "
        "sắp xếp năm 2025); không tìm được tên gần đúng",
        "province '{name}' is not one of the 34 provincial units (after the 2025 "
        "reorganisation); no close name found"),
    "places.unknown_province_near": (
        "tỉnh/thành phố '{name}' không có trong danh mục 34 đơn vị hành chính cấp tỉnh (sau "
        "sắp xếp năm 2025); có phải là '{official}'?",
        "province '{name}' is not one of the 34 provincial units (after the 2025 "
        "reorganisation); did you mean '{official}'?"),
    "places.unknown_commune": (
        "xã/phường '{name}' không có trong danh mục đơn vị hành chính cấp xã của {province} "
        "(sau sắp xếp năm 2025); không tìm được tên gần đúng",
        "commune '{name}' is not a communal unit of {province} (after the 2025 "
        "reorganisation); no close name found"),
    "places.unknown_commune_near": (
        "xã/phường '{name}' không có trong danh mục đơn vị hành chính cấp xã của {province} "
        "(sau sắp xếp năm 2025); có phải là '{official}'?",
        "commune '{name}' is not a communal unit of {province} (after the 2025 "
        "reorganisation); did you mean '{official}'?"),
    "places.commune_elsewhere": (
        "xã/phường '{name}' không thuộc {province} mà thuộc {other}",
        "commune '{name}' is not in {province} but in {other}"),
    "places.warning": ("cảnh báo", "warning"),
    "places.all_known": (
        "{count} địa danh đều có trong danh mục đơn vị hành chính (sau sắp xếp năm 2025)",
        "all {count} places are on the official list of administrative units (after the "
        "2025 reorganisation)"),
}
