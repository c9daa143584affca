"""Words of a council round (đợt đánh giá): roster, sheets, completeness, quorum."""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading the round
    "round.config_shape": (
        "round.yaml phải là một bảng khoá (name, level, roster, …)",
        "round.yaml must be a mapping of keys (name, level, roster, …)"),
    "round.bad_quorum": (
        "--quorum {value}: cần số thành viên (3), tỉ lệ (0.67 hoặc 2/3) hoặc 'all' (tất cả)",
        "--quorum {value}: expected a count (3), a share (0.67 or 2/3) or all"),
    "round.not_a_round": (
        "{path} không phải thư mục đợt đánh giá (không có round.yaml)",
        "{path} is not a round folder (no round.yaml in it)"),
    "round.products_missing": (
        "không có danh sách sản phẩm {file}",
        "the product list {file} is not there"),
    "round.sheet_missing": (
        "không có phiếu chấm {file} (ghi trong round.yaml)",
        "the sheet {file} named in round.yaml is not there"),
    "round.outside_folder": (
        "'{file}' nằm ngoài thư mục đợt đánh giá; chỉ đọc tệp trong thư mục này",
        "'{file}' lies outside the round folder; only files inside it are read"),
    "round.link_outside": (
        "liên kết tới tệp ngoài thư mục đợt đánh giá; không đọc",
        "a link to a file outside the round folder; not read"),
    "round.sheet_unknown_column": (
        "cột '{header}' không có nghĩa ở đây; cần product_id, member, pass, date, comment "
        "(hoặc tên tiếng Việt) và mã tiêu chí",
        "column '{header}' means nothing here; expected product_id, member, pass, date, "
        "comment (or their Vietnamese names) and criterion ids"),
    "round.column_without_header": (
        "cột có dữ liệu nhưng không có tiêu đề", "column has data but no header"),
    "round.product_id_blank": (
        "dòng có dữ liệu nhưng không có mã sản phẩm", "row has data but no product id"),
    "round.member_unknown": (
        "không rõ phiếu của ai: không có cột member, round.yaml không ghi thành viên của "
        "tệp và tên tệp không trùng tên ai trong hội đồng",
        "whose sheet is this? no member column, round.yaml names no member for the file and "
        "the file name matches no one on the roster"),
    "round.cell_too_long": (
        "ô dài quá {limit} ký tự", "cell is longer than {limit} characters"),
    "round.pass_invalid": (
        "pass (lượt chấm) phải là số nguyên từ 1, không phải '{value}'",
        "pass (the scoring round) must be a whole number from 1, not '{value}'"),
    "round.yaml_sheet_shape": (
        "phiếu YAML cần 'products:' là danh sách {{product_id, scores: {{tiêu chí: mã}}}}",
        "a YAML sheet needs 'products:' as a list of {{product_id, scores: {{criterion: "
        "code}}}}"),
    "round.yaml_products_shape": (
        "danh sách sản phẩm YAML cần 'products:' là danh sách {{id, name, rubric, …}}",
        "a YAML product list needs 'products:' as a list of {{id, name, rubric, …}}"),
    "round.product_duplicate": (
        "mã sản phẩm {pid} đã có trong danh sách (dòng {line})",
        "product id {pid} is already on the list (line {line})"),
    # merging
    "round.not_on_roster": (
        "'{member}' không có tên trong hội đồng (round.yaml, roster); phiếu bị từ chối",
        "'{member}' is not on the council's roster (round.yaml); the sheet is refused"),
    "round.secretary_scores": (
        "'{member}' là thư ký hội đồng, không chấm điểm; phiếu bị từ chối",
        "'{member}' is the council's secretary, who does not score; the sheet is refused"),
    "round.consensus_in_average": (
        "phiếu thống nhất '{member}' chỉ dùng khi round.yaml có mode: consensus; phiếu bị "
        "bỏ qua",
        "an agreed sheet ('{member}') counts only with mode: consensus in round.yaml; it is "
        "ignored"),
    "round.near_miss": (
        "{pid} được {count}/{of} thành viên chấm ({members}); có phải là {suggestion}? "
        "Không xếp hạng {pid} riêng",
        "{pid} was scored by {count} of {of} members ({members}); did you mean "
        "{suggestion}? {pid} is not rated as a product of its own"),
    "round.unknown_product": (
        "{pid} không có trong danh sách sản phẩm của đợt ({count}/{of} thành viên chấm: "
        "{members}); không xếp hạng",
        "{pid} is not on the round's product list (scored by {count} of {of} members: "
        "{members}); not rated"),
    "round.scored_twice": (
        "'{member}' chấm {pid} hai lần ở lượt {pass_no} (lần trước: {first}); ghi lượt chấm "
        "ở cột pass hoặc thứ tự các tệp ở sheets: trong round.yaml",
        "'{member}' scored {pid} twice in pass {pass_no} (the other at {first}); give the "
        "pass in a pass column or the order of the files under sheets: in round.yaml"),
    "round.consensus_twice": (
        "{pid} có hai phiếu thống nhất ở lượt {pass_no} (lần trước: {first})",
        "{pid} has two agreed sheets in pass {pass_no} (the other at {first})"),
    "round.below_quorum": (
        "{pid}: {scored}/{of} thành viên đã chấm, cần {required}; chưa xếp hạng. Còn thiếu: "
        "{missing}",
        "{pid}: {scored} of {of} members scored it, {required} needed; not rated. "
        "Missing: {missing}"),
    "round.no_consensus_sheet": (
        "{pid}: đợt chấm theo thống nhất (mode: consensus) nhưng chưa có phiếu thống nhất "
        "(member: Hội đồng); chưa xếp hạng",
        "{pid}: the round decides by consensus (mode: consensus) but there is no agreed "
        "sheet (member: Hội đồng); not rated"),
    # the round new scaffold
    "round.exists": (
        "{path} đã có; không ghi đè (thêm --force để ghi đè)",
        "{path} exists; not overwritten (add --force to overwrite)"),
    "round.roster_shape": (
        "danh sách hội đồng cần các cột name, unit, role (chair | member | secretary)",
        "the roster needs columns name, unit, role (chair | member | secretary)"),
    "round.no_products": (
        "danh sách sản phẩm không có sản phẩm nào dùng được",
        "the product list has no usable product"),
    "round.output_is_input": (
        "--output {path} là (hoặc sẽ thành) một tệp đầu vào của đợt; chọn tệp khác, ngoài "
        "thư mục đợt",
        "--output {path} is (or would become) an input of the round; choose another file, "
        "outside the round folder"),
    "round.mixed_inputs": (
        "thư mục đợt đánh giá {path} phải được chấm riêng, không cùng tệp khác",
        "the round folder {path} is rated on its own, not with other files"),
    "round.written": ("→ {path}: đợt '{name}', {members} phiếu thành viên, {products} sản "
                      "phẩm", "→ {path}: round '{name}', {members} member workbooks, "
                      "{products} products"),
    # what reports show
    "round.view.title": ("Đợt đánh giá: {name}", "Round: {name}"),
    "round.view.line": (
        "Cấp: {level} · Tỉnh: {province} · Ngày: {date} · Cách quyết: {mode} · Túc số: "
        "{required}/{scoring} thành viên chấm",
        "Level: {level} · Province: {province} · Date: {date} · Decided by: {mode} · "
        "Quorum: {required} of {scoring} scoring members"),
    "round.view.level.province": ("Hội đồng cấp tỉnh", "provincial council"),
    "round.view.level.central": ("Hội đồng cấp Trung ương", "central council"),
    "round.view.mode.average": ("điểm trung bình", "average of members"),
    "round.view.mode.consensus": ("thống nhất", "consensus"),
    "round.view.matrix": ("Ai đã chấm gì", "Who scored what"),
    "round.view.member": ("Thành viên", "Member"),
    "round.view.quorum": ("Túc số", "Quorum"),
    "round.view.status.scored": ("✓", "✓"),
    "round.view.status.rescored": ("✓²", "✓²"),
    "round.view.status.missing": ("thiếu", "missing"),
    "round.view.legend": (
        "✓ đã chấm · ✓² chấm lại (lượt sau thay lượt trước) · thiếu: chưa có phiếu",
        "✓ scored · ✓² re-scored (the later pass supersedes) · missing: no sheet yet"),
    "round.view.problems": ("Vấn đề của đợt", "Problems of the round"),
    "round.view.history": (
        "{pid}: {member} chấm lại — lượt {old} ({old_total}) → lượt {new} ({new_total})",
        "{pid}: {member} re-scored — pass {old} ({old_total}) → pass {new} ({new_total})"),
    "round.view.pair": (
        "{pid}: chênh lệch lớn nhất giữa {high} và {low}: {spread} điểm (giới hạn {limit}); "
        "khác nhau nhiều nhất ở {criteria}",
        "{pid}: widest gap between {high} and {low}: {spread} points (limit {limit}); they "
        "differ most on {criteria}"),
    "round.view.individual": (
        "{pid}: phiếu thống nhất {total}; phiếu riêng (không lấy trung bình): {sheets}",
        "{pid}: agreed sheet {total}; members' own sheets (not averaged): {sheets}"),
    "round.view.comment": ("{pid}: ý kiến của {member} ({date}): {comment}",
                           "{pid}: comment of {member} ({date}): {comment}"),
    "round.view.nodate": ("không ghi ngày", "no date"),
    "round.view.summary": (
        "{rated}/{products} sản phẩm được xếp hạng · {short} chưa đủ điều kiện · {problems} "
        "vấn đề",
        "{rated} of {products} products rated · {short} not rated · {problems} problems"),
    "round.view.level_override": ("(cấp theo --level)", "(level from --level)"),
}
