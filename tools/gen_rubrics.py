"""Generate the rubric library of Decision 26/2026/QĐ-TTg (and its 148 counterparts).

The committed YAML under ``scoring_rules/`` is the source of truth that ocop-rate reads;
this script is how it was written, kept so that a maintainer can re-run it after fixing a
transcription (``python tools/gen_rubrics.py``) and see the diff.

Input: ``docs/decision/qd26-2026/appendix-ii-scoring-sheets.json`` (the 26 sheets of
Appendix II, machine extraction of the public text) and English renderings in
``tools/rubric_en.py`` (keyed by the Vietnamese wording).

What it does:
1. parses each sheet into criteria (``A1.1``, ``C6.1.1``, ``C7`` …; options ``a``, ``b`` …
   in sheet order, with the sheet's star marks as ``min_star``), groups, facts and gates;
2. resolves the source's typos (documented in ``SIC`` below and in scoring_rules/README.md);
3. writes every criterion once: a criterion identical (wording, points, marks) on several
   sets of a product group goes to the group's base (``food-26-base`` …), one shared by
   several group bases goes to ``ocop-26-common``; a set overrides or ``remove:``s the rest;
4. writes a ``*-148`` rubric per set that extends the 26/2026 one (unconfirmed).

Check the result with ``python tools/compare_rubrics.py`` (every resolved rubric against
the JSON sheet and the decision's full text).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from rubric_en import EN  # noqa: E402

SHARED = ROOT / "docs" / "decision" / "qd26-2026"
SRC = SHARED / "appendix-ii-scoring-sheets.json"
OUT = ROOT / "scoring_rules"
DECISION = "26/2026/QĐ-TTg"
URL = "https://vanban.chinhphu.vn/?classid=1&docid=218267&orggroupid=3&pageid=27160"
CODES = "abcdefghij"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def q(s: str) -> str:
    return json.dumps(nfc(s), ensure_ascii=False)


MISSING: list[str] = []
PARSED: dict[int, dict[str, Any]] = {}


def loose(vi: str) -> str:
    """Wording compared without case, spacing and punctuation: the source prints the same
    option with small differences ("<51 %", "HACCP,..", "nhiều, tỉnh") from sheet to sheet."""
    return re.sub(r"[\W_]+", "", nfc(vi).lower())


LOOSE_EN = {loose(k): v for k, v in EN.items()}
PREFIXES = {"Ghi chú: ": "Note: ", "Chú ý: ": "Attention: "}


def en(vi: str) -> str:
    vi = nfc(vi)
    if vi in EN:
        return EN[vi]
    if loose(vi) in LOOSE_EN:
        return LOOSE_EN[loose(vi)]
    for pre_vi, pre_en in PREFIXES.items():
        if vi.startswith(pre_vi) and loose(vi[len(pre_vi):]) in LOOSE_EN:
            body = LOOSE_EN[loose(vi[len(pre_vi):])]
            return pre_en + body[0].lower() + body[1:]
        if loose(pre_vi + vi) in LOOSE_EN:
            body = LOOSE_EN[loose(pre_vi + vi)][len(pre_en):]
            return body[0].upper() + body[1:]
    if vi not in MISSING:
        MISSING.append(vi)
    return "TODO"


def t(vi: str, en_text: str | None = None) -> str:
    return "{vi: %s, en: %s}" % (q(vi), q(en_text if en_text is not None else en(vi)))


def num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(x)


# ---------------------------------------------------------------------------------------
# Product sets: sheet number -> (id, group, English name of the set)
SETS: dict[int, tuple[str, str, str]] = {
    1: ("food-fresh-produce-26", "food", "Fresh vegetables, tubers, fruits, nuts and seeds"),
    2: ("food-fresh-meat-26", "food", "Meat, aquatic products, eggs, fresh milk"),
    3: ("food-grain-26", "food", "Rice, cereals and other preliminarily processed grains"),
    4: ("food-honey-26", "food", "Honey, other syrups and other agricultural food products"),
    5: ("food-fast-food-26", "food", "Fast food"),
    6: ("food-processed-grain-26", "food", "Processed from rice and cereals"),
    7: ("food-processed-plant-26", "food",
        "Processed from vegetables, tubers, fruits, nuts and seeds"),
    8: ("food-processed-animal-26", "food",
        "Processed from meat, aquatic products, eggs, milk; products from honey, other "
        "syrups and other agricultural food products"),
    9: ("food-liquid-seasoning-26", "food", "Soy sauce, fish sauce and other liquid seasonings"),
    10: ("food-spice-26", "food", "Other seasonings (salt, shallots, garlic, pepper)"),
    11: ("food-tea-26", "food", "Fresh tea and processed tea"),
    12: ("food-herbal-tea-26", "food", "Tea products from other plants"),
    13: ("food-coffee-cocoa-26", "food", "Coffee, cocoa"),
    14: ("beverage-spirits-26", "beverages", "White spirits"),
    15: ("beverage-other-alcohol-26", "beverages", "Other alcoholic beverages"),
    16: ("beverage-bottled-water-26", "beverages", "Natural mineral water, bottled drinking water"),
    17: ("beverage-soft-drink-26", "beverages", "Other non-alcoholic beverages"),
    18: ("herbal-health-26", "herbal",
         "Functional foods, herbal medicines, traditional medicines"),
    19: ("herbal-cosmetics-26", "herbal", "Cosmetics with herbal ingredients"),
    20: ("herbal-essential-oil-26", "herbal", "Essential oils and other medicinal herbs"),
    21: ("handicraft-decorative-26", "handicrafts", "Handicrafts"),
    22: ("handicraft-textile-26", "handicrafts", "Fabrics, garments"),
    23: ("ornamental-flower-26", "ornamental", "Flowers"),
    24: ("ornamental-plant-26", "ornamental", "Ornamental plants"),
    25: ("ornamental-animal-26", "ornamental", "Ornamental animals"),
    26: ("tourism-community-26", "tourism",
         "Community tourism, eco-tourism services and tourist destinations"),
}
GROUP_PREFIX = {"food": "food", "beverages": "beverage", "herbal": "herbal",
                "handicrafts": "handicraft", "ornamental": "ornamental", "tourism": "tourism"}
GROUP_NAME = {
    "food": ("Thực phẩm", "Food"),
    "beverages": ("Đồ uống", "Beverages"),
    "herbal": ("Dược liệu và sản phẩm từ dược liệu", "Medicinal herbs and herbal products"),
    "handicrafts": ("Thủ công mỹ nghệ", "Handicrafts"),
    "ornamental": ("Sinh vật cảnh", "Ornamental plants and animals"),
    "tourism": ("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
                "Community tourism, eco-tourism and tourist destinations"),
}
# Sets that share a group base (tourism has a single set: it extends ocop-26-base directly).
BASED_GROUPS = ("food", "beverages", "herbal", "handicrafts", "ornamental")

# ---------------------------------------------------------------------------------------
# Resolutions of the source's typos and gaps: (sheet, number, option index or None).
# Each becomes `unconfirmed: true` on the criterion, a YAML comment, and a README entry.
SIC_POINTS = {
    (4, "7", 2): (13, 3, "13 in source; criterion max is 3 and part C sums to 35 with 3"),
    (11, "6.1.1", 1): (11, 1, "11 in source; sub-criterion max is 2, options 0/?/2: read as 1"),
}
BLANK_POINTS = "points cell blank in source; 0 implied (lowest option, criterion max 2)"
SUSPECT = {
    (7, "3.1"): ("option b prints 1 point here (in the JSON and in the decision text), "
                 "where the other sheets print 2; kept at 1 as printed (max is 3 either way)"),
    (23, "6.2"): ("the sheet prints 1 point for both a and b (full text lines 3921-3922); "
                  "kept as printed, since no public text says which one is the typo"),
}
# Recorded exceptions: lint findings the official text itself causes, accepted in the rubric
# with a reason (`accepted:` on the criterion), so `validate --strict` passes and says why.
ACCEPTED = {
    (7, "3.1"): ("option-order",
                 "Phiếu 7 in phương án a và b cùng 1 điểm (các phiếu khác in b = 2 điểm); "
                 "giữ đúng như văn bản.",
                 "Sheet 7 prints 1 point for both options a and b (other sheets print b = 2); "
                 "kept as printed."),
    (23, "6.2"): ("option-order",
                  "Phiếu 23 in phương án a và b cùng 1 điểm (toàn văn dòng 3921-3922); giữ "
                  "đúng như văn bản.",
                  "Sheet 23 prints 1 point for both options a and b (full text lines "
                  "3921-3922); kept as printed."),
}
EXTRA_NOTE = {  # notes printed in the decision text but dropped by the JSON extraction
    (16, "6.4"): ("Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá "
                  "các bước tiếp theo.",
                  "The note is printed under 6.4 in the decision text (qd26-2026-fulltext.txt, "
                  "line 2861); the JSON extraction dropped it."),
    (2, "7"): ("(Chất lượng: Có nét riêng, khác biệt, có dấu hiệu nhận biết rõ ràng so với sản "
               "phẩm khác, tiềm năng thành thương hiệu của địa phương)",
               "The note is printed under the heading in the decision text "
               "(qd26-2026-fulltext.txt); the JSON extraction dropped it."),
    (3, "8"): ("(Chất lượng: Có nét riêng, khác biệt, có dấu hiệu nhận biết rõ ràng so với sản "
               "phẩm khác, tiềm năng thành thương hiệu của địa phương)",
               "The note is printed under the heading in the decision text "
               "(qd26-2026-fulltext.txt, line 711); the JSON extraction dropped it."),
    (5, "8"): ("Ghi chú: Sản Tiêu chuẩn sản phẩm phải có phiếu kiểm nghiệm các chỉ tiêu an toàn "
               "thực phẩm",
               "The note is printed under the options in the decision text "
               "(qd26-2026-fulltext.txt, line 1050; \"Sản\" for \"Bản\" as printed); the "
               "JSON extraction dropped it."),
}
CRIT_COMMENT = {
    (2, "1.1"): ['The "Yêu cầu" line (100% raised/caught in the province) is kept as a note, '
                 'not a gate:', 'the sheet does not say "Bị loại nếu". Options count the share '
                 'raised/caught in the commune.'],
    (2, "2.1"): ['Option b says "được trồng" (grown) on a livestock/fishery sheet, and the '
                 'points jump 1 -> 3: as printed.'],
    (2, "6.1"): ["The note's closing \")\" has no opening one in the source; copied as printed."],
    (8, "2.1"): ["The sheet prints no 0-point option here (options start at 1 point): "
                 "as printed."],
    (8, "6.1"): ['"lông, lông" is repeated in the source note; copied as printed.'],
}
NO_OPTIONS_NOTE = ("Phiếu đánh giá không in phương án cho tiêu chí này; giả định 0 điểm "
                   "(Không) / 1 điểm (Có).",
                   "The sheet prints no options for this criterion; 0 points (No) / 1 point "
                   "(Yes) is assumed.")

# ---------------------------------------------------------------------------------------
# Facts that derivations and gates read.
FACTS: dict[str, tuple[str, str, str, str | None]] = {
    "commune_origin_share": ("number", "Tỷ lệ sản phẩm được trồng, nuôi, đánh bắt trên địa bàn "
                             "cấp xã", "Share of the product grown, raised or caught in the "
                             "commune (0-1)", "fraction"),
    "local_material_share": ("number", "Tỷ lệ nguyên liệu có nguồn gốc trong tỉnh",
                             "Share of raw material from the province (0-1)", "fraction"),
    "local_labour_share": ("number", "Tỷ lệ lao động là người trên địa bàn cấp xã",
                           "Share of workers who live in the commune (0-1)", "fraction"),
    "legal_rep_woman_minority_or_disabled": (
        "boolean", "Đại diện pháp luật của chủ thể là nữ, đồng bào dân tộc thiểu số hoặc "
        "người khuyết tật", "Legal representative is a woman, an ethnic minority person or a "
        "person with disability", None),
    "dossier_falsified": ("boolean", "Hồ sơ bị giả mạo", "Dossier falsified", None),
    "registration_dossier_complete": ("boolean", "Hồ sơ đăng ký đáp ứng quy định",
                                      "Registration dossier meets the requirements", None),
    "food_safety_certificate_valid": (
        "boolean", "Tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều kiện an toàn "
        "thực phẩm", "Fully complies with the rules on the facility food safety eligibility "
        "certificate", None),
    "production_licence_valid": ("boolean", "Có giấy phép sản xuất theo quy định",
                                 "Holds the production licence required by law", None),
    "production_conditions_certificate_valid": (
        "boolean", "Tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều kiện sản xuất "
        "sản phẩm (GMP hoặc tương đương)", "Fully complies with the rules on the facility's "
        "production eligibility certificate (GMP or equivalent)", None),
    "mandatory_production_conditions_met": (
        "boolean", "Có đủ điều kiện bắt buộc để sản xuất sản phẩm theo quy định quản lý chuyên "
        "ngành", "Meets the mandatory conditions for producing the product under the sector's "
        "rules", None),
    "product_declaration_filed": (
        "boolean", "Có bản công bố sản phẩm (hoặc tương đương) theo quy định",
        "Has the product declaration (or equivalent) required by law", None),
    "all_material_imported_or_unknown": (
        "boolean", "Sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc",
        "All raw material is imported or of unknown origin", None),
    "copies_other_product": (
        "boolean", "Giống hệt sản phẩm của nhà sản xuất khác, chỉ thay đổi tên sản phẩm, nhà "
        "sản xuất", "Identical to another producer's product, with only the product name or "
        "producer changed", None),
    "unacceptable_impurities": (
        "boolean", "Có tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực phẩm)",
        "Unacceptable impurities found (a food safety risk)", None),
    "ip_infringement": ("boolean", "Sản phẩm vi phạm sở hữu trí tuệ",
                        "The product infringes intellectual property", None),
    "province_origin_share": (
        "number", "Tỷ lệ sản phẩm được trồng, nuôi, đánh bắt trên địa bàn cấp tỉnh",
        "Share of the product grown, raised or caught in the province (0-1)", "fraction"),
    "quality_declaration_required": (
        "boolean", "Sản phẩm phải công bố chất lượng theo quy định",
        "The product must have its quality declared by law", None),
    "common_staple_not_distinctive": (
        "boolean", "Sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực cấp quốc gia, cấp tỉnh "
        "mà không có sự nổi trội và đặc sắc", "Commonplace product of a national or provincial "
        "key product group, with nothing outstanding or distinctive", None),
}

# "Hồ sơ bị loại khi" -> the facts that trigger it (any of).
def rejection_condition(text: str) -> list[str]:
    conds = ["{fact: dossier_falsified, eq: true}"]
    low = text.lower()
    if "gmp" in low:
        conds.append("{fact: production_conditions_certificate_valid, eq: false}")
        conds.append("{fact: product_declaration_filed, eq: false}")
    elif "an toàn thực phẩm" in low:
        conds.append("{fact: food_safety_certificate_valid, eq: false}")
    if "giấy phép sản xuất" in low:
        conds.append("{fact: production_licence_valid, eq: false}")
    if "điều kiện bắt buộc" in low:
        conds.append("{fact: mandatory_production_conditions_met, eq: false}")
    if "bản công bố sản phẩm" in low:
        conds.append("{fact: product_declaration_filed, eq: false}")
    conds.append("{fact: registration_dossier_complete, eq: false}")
    return conds


# Notes that reject a dossier: (test on the note, gate id, fact, unconfirmed reading?)
NOTE_GATES = [
    (lambda n: "Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu" in n,
     "material-imported-or-unknown", "{fact: all_material_imported_or_unknown, eq: true}", False),
    (lambda n: "Bị loại nếu phát hiện giống hệt" in n,
     "copy-of-other-product", "{fact: copies_other_product, eq: true}", False),
    (lambda n: "tạp chất" in n and ("không đánh giá các bước tiếp theo" in n
                                    or "Không xem xét các chỉ tiêu khác" in n),
     "unacceptable-impurities", "{fact: unacceptable_impurities, eq: true}", False),
    (lambda n: "Không đánh giá những sản phẩm có tính phổ biến" in n,
     "common-product-not-distinctive", "{fact: common_staple_not_distinctive, eq: true}", True),
    (lambda n: "Không đánh giá các bước tiếp theo nếu không có Phiếu công bố" in n,
     "no-product-declaration", "{fact: product_declaration_filed, eq: false}", False),
    (lambda n: "Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ" in n,
     "intellectual-property-infringement", "{fact: ip_infringement, eq: true}", False),
]
UNCONFIRMED_GATE_COMMENT = [
    'Unconfirmed: the 2.1 note says such products are "not evaluated" (Không đánh giá) '
    'rather than', '"Bị loại nếu"; read here as a rejection, like the 6.1 "không đánh giá '
    'các bước tiếp theo".']

# Derivations keyed by exact option wording.
SHARE = [(0.75, "gte"), (0.5, "gte"), (0, "gt")]
LABOUR = {"Có sử dụng từ 25% đến dưới 50% lao động là người trên địa bàn cấp xã": 0.25,
          "Có sử dụng từ 50% đến 75% lao động là người trên địa bàn cấp xã": 0.5,
          "Có sử dụng ≥ 75% lao động là người trên địa bàn cấp xã": 0.75}
REP_YES = "Đại diện pháp luật của chủ thể là nữ; hoặc là đồng bào dân tộc thiểu số; hoặc là người khuyết tật"
REP_NO = ("Đại diện pháp luật của chủ thể không phải nữ, không phải là đồng bào dân tộc thiểu "
          "số, không phải là người khuyết tật")
# 3.2 is printed with the same meaning in three wordings: sheet 5 says "không là" where the
# others say "không phải là", sheet 24 ends option b with a full stop. All derive from the
# one fact (compared loosely, as ``loose`` compares), so no sheet leaves 3.2 to be typed.
REP_NO_PRINTED = {loose(REP_NO), loose(
    "Đại diện pháp luật của chủ thể không phải nữ, không là đồng bào dân tộc thiểu số, "
    "không là người khuyết tật")}


def derive_for(number: str, name: str, options: list[dict[str, Any]]) -> list[str]:
    labels = [o["label"] for o in options]
    if number == "1.1" and len(options) == 3 and "75% đến 100%" in labels[2]:
        fact = ("local_material_share" if name == "Nguồn nguyên liệu" else "commune_origin_share")
        return [f"{{option: {o['code']}, when: {{fact: {fact}, {op}: {v}}}}}"
                for o, (v, op) in zip(reversed(options), SHARE)]
    if all(lab in LABOUR for lab in labels) and len(labels) == 3:
        return [f"{{option: {o['code']}, when: {{fact: local_labour_share, gte: {LABOUR[o['label']]}}}}}"
                for o in reversed(options)]
    if (len(labels) == 2 and loose(labels[0]) in REP_NO_PRINTED
            and loose(labels[1]) == loose(REP_YES)):
        return ["{option: b, when: {fact: legal_rep_woman_minority_or_disabled, eq: true}}",
                "{option: a, when: {fact: legal_rep_woman_minority_or_disabled, eq: false}}"]
    return []


# ---------------------------------------------------------------------------------------
# Clauses that are neither options nor rejections: when a criterion applies, requirements,
# alternative cases. Each cites the line the full text prints it on (tools/qd26_text.py
# reads the text itself; the JSON carries no line numbers).
STORY_APPLIES = "Chỉ áp dụng khi có câu chuyện sản phẩm"
NO_STORY = "Không có câu chuyện sản phẩm"
MANDATORY = "Áp dụng bắt buộc đối với các sản phẩm phải công bố chất lượng"
PROVINCE_REQUIREMENT = "Yêu cầu: 100% sản phẩm được"
CASES_TEXT = "Lựa chọn một trong hai trường hợp sau:"
_TEXT: dict[int, Any] = {}


def clause_line(no: int, number: str, starts: str) -> int | None:
    """The line of sheet ``no`` printing the clause that begins ``starts`` with criterion
    ``number`` (as a note row, or inside the criterion's own row)."""
    if not _TEXT:
        from qd26_text import parse
        _TEXT.update(parse())
    crit = _TEXT[no].criteria.get(number)
    if crit is None:
        return None
    if starts in crit.title:
        return int(crit.line)
    for note, line in crit.notes:
        if note.startswith(starts):
            return int(line)
    return None


def clauses_of(no: int, crits: list[dict[str, Any]]) -> None:
    """Attach ``applies`` and ``requirements`` to the criteria whose notes print them."""
    by_number = {c["number"]: c for c in crits}
    for c in crits:
        c["applies"], c["requirements"] = None, []
        for note in c["notes"]:
            if note.startswith(STORY_APPLIES):
                story = by_number["5.1"]
                codes = [o["code"] for o in story["options"] if o["label"] != NO_STORY]
                absent = [o["code"] for o in story["options"] if o["label"] == NO_STORY]
                assert len(absent) == 1, (no, c["number"])
                c["applies"] = {"text": note, "starts": STORY_APPLIES, "criterion": story["id"],
                                "codes": codes, "absent": absent[0]}
            elif note.startswith(PROVINCE_REQUIREMENT):
                c["requirements"].append({
                    "id": "province-origin", "text": note, "starts": note[:40],
                    "check": "{fact: province_origin_share, gte: 1}", "when": None,
                    "name": ("Toàn bộ sản phẩm có nguồn gốc trên địa bàn cấp tỉnh",
                             "All of the product originates in the province"),
                    "reading": ("Yêu cầu, không phải điều kiện loại: phiếu không ghi “bị loại”. "
                                "Kiểm tra trên tỷ lệ chủ thể khai; không đạt hoặc chưa kiểm tra "
                                "được thì báo, không giới hạn hạng sao.",
                                "A requirement, not a rejection: the sheet does not say "
                                "\"bị loại\". Checked on the declared share; unmet or "
                                "unchecked is reported; it caps no class.")})
            elif note.startswith(MANDATORY):
                codes = ", ".join(o["code"] for o in c["options"])
                c["requirements"].append({
                    "id": "quality-declaration-mandatory", "text": note, "starts": MANDATORY,
                    "check": f"{{criterion: {c['id']}, in: [{codes}]}}",
                    "when": "{fact: quality_declaration_required, eq: true}",
                    "name": ("Công bố chất lượng bắt buộc với sản phẩm phải công bố",
                             "Quality declaration mandatory where the law requires one"),
                    "reading": ("Tiêu chí áp dụng cho mọi sản phẩm (“khuyến khích các sản phẩm "
                                "còn lại”), dấu sao giữ như in. Với sản phẩm phải công bố chất "
                                "lượng, hội đồng phải chọn một phương án (không phải none); "
                                "không đạt thì báo, không giới hạn hạng sao: phiếu không nói vậy.",
                                "The criterion applies to every product (\"encouraged for the "
                                "others\"), star marks as printed. For a product that must "
                                "declare its quality the council must find one of the options "
                                "(not none); unmet is reported and caps nothing: the sheet "
                                "does not say it does.")})


def case_groups_of(no: int, crits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sheet 26: criteria 8, 9 and 15 print two cases; one group, since case 1 is the same
    (community-provided services) on all three and case 2 is the other provider."""
    members = [c for c in crits if any(n.startswith(CASES_TEXT) for n in c["notes"])]
    if not members:
        return []
    cases: dict[str, dict[str, Any]] = {}
    for c in members:
        for o in c["options"]:
            cid = re.match(r"^[ab]\. Trường hợp (\d)", o["case"]).group(1)
            case = cases.setdefault(cid, {"id": cid, "names": [], "options": {}})
            if o["case"] not in case["names"]:
                case["names"].append(o["case"])
            case["options"].setdefault(c["id"], []).append(o["code"])
    return [{"id": "provider", "criteria": [c["id"] for c in members],
             "numbers": [c["number"] for c in members], "cases": list(cases.values()),
             "text": CASES_TEXT, "sheet": no}]


def split_heading(head: str) -> tuple[str, str | None]:
    """'TÍNH ĐỘC ĐÁO (Chất lượng: …)' -> ('Tính độc đáo', '(Chất lượng: …)')."""
    words = head.split(" ")
    if words[0] != words[0].upper():
        return head, None
    k = 0
    while k < len(words) and words[k] == words[k].upper() and re.search(r"[A-ZÀ-Ỹ]", words[k]):
        k += 1
    name = " ".join(words[:k])
    rest = " ".join(words[k:]).strip() or None
    name = name.lower()
    return name[0].upper() + name[1:], rest


# A parenthesis that explains a criterion (kept as its note) rather than naming it.
EXPLANATORY = ("(Khả năng", "(Gồm", "(Giá trị", "(Kiểu dáng", "(Chất lượng")


def split_name(name: str) -> tuple[str, str | None]:
    if " Yêu cầu: " in name:
        a, b = name.split(" Yêu cầu: ", 1)
        return a, "Yêu cầu: " + b
    m = re.match(r"^(.*?) (\(.*\))$", name)
    if m and m.group(2).startswith(EXPLANATORY):
        return m.group(1), m.group(2)
    return name, None


def crit_number(label: str) -> tuple[str, str]:
    m = re.match(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$", label)
    assert m, label
    return m.group(1), m.group(2)


def make_options(no: int, number: str, options: list[dict[str, Any]],
                 comments: list[str]) -> tuple[list[dict[str, Any]], bool]:
    out, doubtful = [], False
    for i, o in enumerate(options):
        pts = o["points"]
        com = None
        if (no, number, i) in SIC_POINTS:
            printed, fixed, why = SIC_POINTS[(no, number, i)]
            assert pts == printed, (no, number, pts)
            pts, doubtful = fixed, True
            com = f"[sic] {why}"
        elif "source_anomaly" in o:
            assert o["source_anomaly"].startswith("points cell blank"), o
            doubtful, com = True, f"[sic] {BLANK_POINTS}"
        out.append({"code": CODES[i], "points": pts, "label": nfc(o["label"]),
                    "min_star": o["min_star"], "case": o.get("case"), "comment": com})
    return out, doubtful


def parse_sheet(s: dict[str, Any]) -> dict[str, Any]:
    no = s["no"]
    groups: list[dict[str, Any]] = []
    crits: list[dict[str, Any]] = []
    for p in s["parts"]:
        part = re.match(r"^PHẦN\s+([ABC])", nfc(p["label"]).upper()).group(1)
        for g in p["groups"]:
            gid, head = crit_number(g["label"])
            gname, gnote = split_heading(head)
            gmax = g["max"]
            groups.append({"id": gid, "part": part, "name": gname, "max": gmax,
                           "parent": None, "sic": g.get("source_anomaly")})
            items: list[tuple[str, str, str | None, list[str], list[dict[str, Any]], float, str]]
            items = []
            if g["criteria"]:
                for c in g["criteria"]:
                    cn, cname = crit_number(c["label"])
                    if c.get("subs"):
                        sname, snote = split_name(cname)
                        groups.append({"id": cn, "part": part, "name": sname, "max": c["max"],
                                       "parent": gid, "sic": None})
                        for x in c["subs"]:
                            xn, xname = crit_number(x["label"])
                            xname, xnote = split_name(xname)
                            items.append((xn, xname, xnote, x["notes"], x["options"], x["max"], cn))
                    else:
                        cname, cnote = split_name(cname)
                        items.append((cn, cname, cnote, c["notes"], c["options"], c["max"], gid))
            else:
                notes = list(g["notes"])
                items.append((gid, gname, gnote, notes, g["options"], gmax, gid))
            for cn, cname, cnote, notes, options, cmax, grp in items:
                all_notes = ([cnote] if cnote else []) + [nfc(n) for n in notes]
                if (no, cn) in EXTRA_NOTE:
                    all_notes.append(EXTRA_NOTE[(no, cn)][0])
                comments = list(CRIT_COMMENT.get((no, cn), []))
                if (no, cn) in EXTRA_NOTE:
                    comments.append(EXTRA_NOTE[(no, cn)][1])
                crit: dict[str, Any] = {"id": f"{part}{cn}", "number": cn, "part": part,
                                        "group": grp, "name": nfc(cname), "notes": all_notes,
                                        "unconfirmed": False, "comments": comments,
                                        "sheet": no}
                if not options:
                    assert cmax == 1, (no, cn)
                    crit["options"] = [
                        {"code": "a", "points": 0, "label": "Không", "min_star": None,
                         "case": None, "comment": None, "en": "No"},
                        {"code": "b", "points": 1, "label": "Có", "min_star": None,
                         "case": None, "comment": None, "en": "Yes"}]
                    crit["unconfirmed"] = True
                    crit["no_options"] = True
                    crit["comments"].append("The sheet prints no options for this criterion "
                                            "(max 1 point); 0/1 assumed.")
                else:
                    opts, doubtful = make_options(no, cn, options, comments)
                    for o in opts:  # a note printed inside an option's cell belongs to the criterion
                        if " Ghi chú: " in o["label"]:
                            o["label"], moved = o["label"].split(" Ghi chú: ", 1)
                            crit["notes"].append("Ghi chú: " + moved)
                            crit["comments"].append(f"The note was printed inside option {o['code']}'s "
                                                    "cell (after its star mark); moved to the criterion.")
                    crit["options"] = opts
                    crit["unconfirmed"] = doubtful
                    best = max(o["points"] for o in opts)
                    assert best == cmax, (no, cn, best, cmax)
                if (no, cn) in SUSPECT:
                    crit["unconfirmed"] = True
                    crit["comments"].append("Unconfirmed: " + SUSPECT[(no, cn)])
                crit["derive"] = derive_for(cn, cname, crit["options"])
                crits.append(crit)
    clauses_of(no, crits)
    # sub-groups inherit the part of their parent
    return {"no": no, "groups": groups, "criteria": crits,
            "case_groups": case_groups_of(no, crits)}


def sheet_gates(s: dict[str, Any], parsed: dict[str, Any]) -> list[dict[str, Any]]:
    no = s["no"]
    gates = []
    for text in s["disqualify"]:
        conds = rejection_condition(text)
        gates.append({"id": "rejected-dossier", "when": "{any: [%s]}" % ", ".join(conds),
                      "reason": nfc(text), "criterion": None, "unconfirmed": False,
                      "note": "Hồ sơ bị loại khi", "comments": [], "sheet": no})
    for c in parsed["criteria"]:
        for n in c["notes"]:
            for test, gid, cond, unconf in NOTE_GATES:
                if test(n):
                    reason = re.sub(r"^(Ghi chú|Chú ý): ", "", n)
                    gates.append({"id": gid, "when": cond, "reason": reason,
                                  "criterion": c["number"], "unconfirmed": unconf,
                                  "note": f"Ghi chú tiêu chí {c['number']}",
                                  "comments": UNCONFIRMED_GATE_COMMENT if unconf else [],
                                  "sheet": no})
        for n in c["notes"]:
            if ENCODE_ZERO_STOP and n.startswith(ZERO_STOPS):
                siblings = [x for x in parsed["criteria"] if x["group"] == c["group"]]
                conds = [f"{{criterion: {x['id']}, in: [{', '.join(zero_codes(x))}]}}"
                         for x in siblings]
                gates.append({"id": "zero-sensory-score", "when": "{any: [%s]}" % ", ".join(conds),
                              "reason": re.sub(r"^(Ghi chú|Chú ý): ", "", n),
                              "criterion": c["number"], "unconfirmed": False,
                              "note": f"Ghi chú tiêu chí {c['number']}",
                              "comments": ZERO_COMMENT, "sheet": no})
    ids = [g["id"] for g in gates]
    assert len(ids) == len(set(ids)), (no, ids)
    return gates


ZERO_STOPS = "Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên"
# Sheet 16's note (full text line 2861), encoded as the gate `zero-sensory-score`: on, as
# the decision states it. (It was off while the bundled sample QN-CP-0005 ticked 6.2 a,
# "Có màu", for a natural mineral water; the sample now ticks what such water shows.)
ENCODE_ZERO_STOP = True
ZERO_COMMENT = [
    'Sheet 16, note under 6.4: "0 points on one of the indicators above: the evaluation does',
    'not go on" -- read as a rejection, like the impurities notes, on the council\'s option',
    "(under the gate policy) of each criterion of heading 6; none counts 0 too."]


def zero_codes(c: dict[str, Any]) -> list[str]:
    """The codes that give 0 points on criterion ``c``, and none."""
    return [o["code"] for o in c["options"] if o["points"] == 0] + ["none"]


def facts_of(crits: list[dict[str, Any]], gates: list[dict[str, Any]]) -> list[str]:
    used: list[str] = []
    reqs = [r[k] or "" for c in crits for r in c["requirements"] for k in ("check", "when")]
    for text in [d for c in crits for d in c["derive"]] + [g["when"] for g in gates] + reqs:
        for f in re.findall(r"fact: (\w+)", text):
            if f not in used:
                used.append(f)
    return used


# ---------------------------------------------------------------------------------------
# Rendering one item as YAML lines. The variant key of an item is its rendering without
# the sheet citation, so identical items on several sheets compare equal.

def sheets_text(sheets: list[int]) -> str:
    sheets = sorted(set(sheets))
    runs: list[str] = []
    i = 0
    while i < len(sheets):
        j = i
        while j + 1 < len(sheets) and sheets[j + 1] == sheets[j] + 1:
            j += 1
        runs.append(str(sheets[i]) if i == j else f"{sheets[i]}-{sheets[j]}")
        i = j + 1
    return ", ".join(runs)


def sheet_ref(sheets: list[int]) -> str:
    return str(sheets[0]) if len(set(sheets)) == 1 else q(sheets_text(sheets))


def render_criterion(c: dict[str, Any], sheets: list[int]) -> list[str]:
    L = [f"  # {line}" for line in c["comments"]]
    L.append(f"  - id: {c['id']}")
    L.append(f"    number: \"{c['number']}\"")
    L.append(f"    part: {c['part']}")
    L.append(f"    group: \"{c['group']}\"")
    L.append(f"    name: {t(c['name'])}")
    notes = c["notes"]
    if c.get("no_options"):
        L.append(f"    note: {t(*NO_OPTIONS_NOTE)}")
    elif notes:
        vi = " ".join(notes)
        en_text = " ".join(en(n) for n in notes)
        L.append(f"    note: {t(vi, en_text)}")
    L.append(f"    source: {{decision: \"{DECISION}\", appendix: \"II\", sheet: {sheet_ref(sheets)}, "
             f"criterion: \"{c['number']}\"}}")
    if c["unconfirmed"]:
        L.append("    unconfirmed: true")
    if (c["sheet"], c["number"]) in ACCEPTED:
        lint, why_vi, why_en = ACCEPTED[(c["sheet"], c["number"])]
        L.append("    accepted:")
        L.append(f"      - {{lint: {lint}, reason: {t(why_vi, why_en)}, source: {{decision: "
                 f"\"{DECISION}\", appendix: \"II\", sheet: {c['sheet']}, "
                 f"criterion: \"{c['number']}\"}}}}")
    L.append("    options:")
    for o in c["options"]:
        extra = f", min_star: {o['min_star']}" if o["min_star"] is not None else ""
        if o.get("case"):
            extra += f", case: {t(o['case'])}"
        label = t(o["label"], o.get("en"))
        line = f"      - {{code: {o['code']}, points: {num(o['points'])}, label: {label}{extra}}}"
        if o["comment"]:
            line += f"  # {o['comment']}"
        L.append(line)
    if c["derive"]:
        L.append("    derive:")
        L += [f"      - {d}" for d in c["derive"]]
    L += render_clauses(c, sheets)
    return L


def lines_of(sheets: list[int], number: str, starts: str) -> str:
    """``lines: [...]``: the clause's line on each sheet cited (none for a variant key)."""
    found = [clause_line(no, number, starts) for no in sorted(set(sheets)) if no]
    assert None not in found, (sheets, number, starts)
    return f", lines: [{', '.join(str(n) for n in found)}]" if found else ""


def clause_source(c: dict[str, Any], sheets: list[int], starts: str) -> str:
    return (f"{{decision: \"{DECISION}\", appendix: \"II\", sheet: {sheet_ref(sheets)}, "
            f"criterion: \"{c['number']}\"{lines_of(sheets, c['number'], starts)}}}")


def render_clauses(c: dict[str, Any], sheets: list[int]) -> list[str]:
    L: list[str] = []
    app = c.get("applies")
    if app:
        story = app["criterion"]
        L += ["    applies:",
              f"      when: {{criterion: {story}, in: [{', '.join(app['codes'])}]}}",
              f"      text: {q(app['text'])}",
              f"      reason: {t('sản phẩm không có câu chuyện (5.1 ' + app['absent'] + ')', 'the product has no story (5.1 ' + app['absent'] + ')')}",
              "      reading: " + t("5.2 tính 0 điểm khi thành viên chọn 5.1 “Không có câu "
                                    "chuyện sản phẩm” (hoặc none), dù đã chọn phương án nào "
                                    "ở 5.2.", "5.2 counts 0 where the member chose 5.1 \"no "
                                    "product story\" (or none), whatever they chose on 5.2."),
              f"      source: {clause_source(c, sheets, app['starts'])}"]
    if c.get("requirements"):
        L.append("    requirements:")
        for r in c["requirements"]:
            L += [f"      - id: {r['id']}",
                  f"        name: {t(*r['name'])}",
                  f"        text: {q(r['text'])}",
                  f"        check: {r['check']}"]
            if r["when"]:
                L.append(f"        when: {r['when']}")
            L += [f"        reading: {t(*r['reading'])}",
                  f"        source: {clause_source(c, sheets, r['starts'])}"]
    return L


def render_case_groups(groups: list[dict[str, Any]]) -> list[str]:
    L = ["# Criteria 8, 9 and 15 print \"Lựa chọn một trong hai trường hợp sau\": a member "
         "scores all three\n# within one case (case 1: services the community provides; case 2: "
         "a service site, or services\n# of organisations and individuals). Read as one choice "
         "for the product: the provider is the same\n# on the three criteria.",
         "case_groups:"]
    for g in groups:
        lines = [clause_line(g["sheet"], n, CASES_TEXT) for n in g["numbers"]]
        L += [f"  - id: {g['id']}",
              f"    criteria: [{', '.join(g['criteria'])}]",
              f"    text: {q(g['text'])}",
              "    reading: " + t("Mỗi thành viên chấm cả ba tiêu chí 8, 9, 15 theo cùng một "
                                 "trường hợp; chọn lẫn hai trường hợp là lỗi.",
                                 "Each member scores criteria 8, 9 and 15 all within the same "
                                 "case; mixing the two cases is an error."),
              f"    source: {{decision: \"{DECISION}\", appendix: \"II\", sheet: {g['sheet']}, "
              f"criterion: \"{', '.join(g['numbers'])}\", lines: [{', '.join(map(str, lines))}]}}",
              "    cases:"]
        for case in g["cases"]:
            vi = " / ".join(re.sub(r"^[ab]\. ", "", n) for n in case["names"])
            en_text = " / ".join(re.sub(r"^[ab]\. ", "", en(n)) for n in case["names"])
            opts = ", ".join(f"{cid}: [{', '.join(codes)}]" for cid, codes in case["options"].items())
            L += [f"      - id: \"{case['id']}\"",
                  f"        name: {t(vi, en_text)}",
                  f"        options: {{{opts}}}"]
    return L


def render_group(g: dict[str, Any]) -> list[str]:
    parent = f", parent: \"{g['parent']}\"" if g["parent"] else ""
    line = (f"  - {{id: \"{g['id']}\", part: {g['part']}, name: {t(g['name'])}, "
            f"max_points: {num(g['max'])}{parent}}}")
    if g.get("sic"):
        line += f"  # [sic] {g['sic']}"
    return [line]


def render_fact(f: str) -> list[str]:
    typ, vi, en_text, unit = FACTS[f]
    extra = f", unit: \"{unit}\"" if unit else ""
    return [f"  - {{id: {f}, type: {typ}, name: {t(vi, en_text)}{extra}}}"]


def render_gate(g: dict[str, Any], sheets: list[int]) -> list[str]:
    L = [f"  # {line}" for line in g["comments"]]
    L.append(f"  - id: {g['id']}")
    L.append("    effect: block")
    L.append(f"    when: {g['when']}")
    L.append(f"    reason: {t(g['reason'])}")
    crit = f", criterion: \"{g['criterion']}\"" if g["criterion"] else ""
    L.append(f"    source: {{decision: \"{DECISION}\", appendix: \"II\", sheet: {sheet_ref(sheets)}"
             f"{crit}, note: {q(g['note'])}}}")
    if g["unconfirmed"]:
        L.append("    unconfirmed: true")
    return L


KINDS = ("groups", "facts", "criteria", "gates")


def variant(kind: str, item: Any) -> str:
    if kind == "criteria":
        return "\n".join(render_criterion(item, [0]))
    if kind == "gates":
        return "\n".join(render_gate(item, [0]))
    if kind == "groups":
        return "\n".join(render_group(item))
    return "\n".join(render_fact(item))


def key_of(kind: str, item: Any) -> str:
    return item if kind == "facts" else item["id"]


# ---------------------------------------------------------------------------------------
class Layer:
    """What one rubric file adds: items per kind (with the sheets they stand for) and removals."""

    def __init__(self) -> None:
        self.items: dict[str, dict[str, tuple[str, Any]]] = {k: {} for k in KINDS}
        self.remove: dict[str, list[str]] = {k: [] for k in KINDS}


def factor(members: dict[str, dict[str, dict[str, tuple[str, Any]]]],
           all_variants: dict[str, dict[str, dict[str, list[int]]]]) -> tuple[
               dict[str, dict[str, tuple[str, Any]]], dict[str, Layer]]:
    """Pick, per kind and key, the variant most members share (if at least two share it) for
    the base; each member then overrides or removes what differs."""
    base: dict[str, dict[str, tuple[str, Any]]] = {k: {} for k in KINDS}
    layers = {m: Layer() for m in members}
    for kind in KINDS:
        keys: list[str] = []
        for m in members.values():
            keys += [k for k in m[kind] if k not in keys]
        for key in keys:
            counts = Counter(m[kind][key][0] for m in members.values() if key in m[kind])
            var, n = counts.most_common(1)[0]
            if n >= 2:
                item = next(m[kind][key][1] for m in members.values()
                            if key in m[kind] and m[kind][key][0] == var)
                base[kind][key] = (var, item)
            for name, m in members.items():
                have = m[kind].get(key)
                chosen = base[kind].get(key)
                if have is None:
                    if chosen is not None:
                        layers[name].remove[kind].append(key)
                elif chosen is None or have[0] != chosen[0]:
                    layers[name].items[kind][key] = have
    return base, layers


def main() -> None:
    data = json.loads(SRC.read_text(encoding="utf-8"))
    sheets = {s["no"]: s for s in data["sets"]}
    parsed = {no: parse_sheet(s) for no, s in sheets.items()}
    PARSED.update(parsed)
    content: dict[int, dict[str, dict[str, tuple[str, Any]]]] = {}
    for no, s in sheets.items():
        p = parsed[no]
        gates = sheet_gates(s, p)
        p["gates"] = gates
        p["facts"] = facts_of(p["criteria"], gates)
        content[no] = {k: {key_of(k, it): (variant(k, it), it) for it in p[k]} for k in KINDS}
    # where each variant appears, for citations
    where: dict[str, dict[str, dict[str, list[int]]]] = {k: {} for k in KINDS}
    for no, c in content.items():
        for kind in KINDS:
            for key, (var, _) in c[kind].items():
                where[kind].setdefault(key, {}).setdefault(var, []).append(no)

    # level 1: group bases
    group_bases: dict[str, dict[str, dict[str, tuple[str, Any]]]] = {}
    set_layers: dict[int, Layer] = {}
    for grp in BASED_GROUPS:
        members = {str(no): content[no] for no, (_, g, _) in SETS.items() if g == grp}
        base, layers = factor(members, where)
        group_bases[grp] = base
        for no, layer in layers.items():
            set_layers[int(no)] = layer
    # level 2: common base over the group bases
    common, glayers = factor(group_bases, where)
    # tourism: everything of its own
    t_layer = Layer()
    t_layer.items = {k: dict(v) for k, v in content[26].items()}
    set_layers[26] = t_layer

    write_common(common, where)
    for grp in BASED_GROUPS:
        write_group_base(grp, glayers[grp], where)
    for no, s in sheets.items():
        write_set(no, s, set_layers[no], where)
        write_148(no, s)
    write_1048()
    if MISSING:
        Path("/tmp/en_missing.txt").write_text("\n".join(MISSING) + "\n", encoding="utf-8")
        print(f"{len(MISSING)} strings lack an English rendering: /tmp/en_missing.txt")


def emit_layer(L: list[str], layer_items: dict[str, dict[str, tuple[str, Any]]],
               removals: dict[str, list[str]] | None,
               where: dict[str, dict[str, dict[str, list[int]]]]) -> None:
    for kind in KINDS:
        items = layer_items[kind]
        if not items:
            continue
        L.append(f"{kind}:")
        for key, (var, item) in items.items():
            cited = where[kind][key][var]
            if kind == "criteria":
                L += render_criterion(item, cited)
            elif kind == "gates":
                L += render_gate(item, cited)
            elif kind == "groups":
                L += render_group(item)
            else:
                L += render_fact(item)
    if removals and any(removals.values()):
        L.append("remove:")
        for kind in KINDS:
            if removals[kind]:
                L.append(f"  {kind}: [{', '.join(q(k) for k in removals[kind])}]")


HEADER = ("# Generated by tools/gen_rubrics.py from docs/decision/qd26-2026 (public copy of the "
          "decision);\n# the official PDF was not checked. Edit here or in the generator; see "
          "scoring_rules/README.md.\n")


def write(name: str, lines: list[str]) -> None:
    text = nfc("\n".join(lines) + "\n")
    (OUT / f"{name}.yaml").write_text(text, encoding="utf-8")


def write_common(common: dict[str, dict[str, tuple[str, Any]]],
                 where: dict[str, dict[str, dict[str, list[int]]]]) -> None:
    L = [HEADER.rstrip("\n"),
         "# Criteria, groups, facts and gates printed identically on the sheets of several "
         "product groups\n# of Appendix II (sheets 1-25; tourism, sheet 26, has its own "
         "structure). Each item cites the\n# sheets on which it is printed exactly so.",
         "id: ocop-26-common", "extends: ocop-26-base", "abstract: true",
         f"name: {t('Tiêu chí chung của các phiếu đánh giá sản phẩm (Quyết định 26/2026/QĐ-TTg)', 'Criteria shared by the product scoring sheets (Decision 26/2026/QĐ-TTg)')}"]
    emit_layer(L, common, None, where)
    write("ocop-26-common", L)


def write_group_base(grp: str, layer: Layer,
                     where: dict[str, dict[str, dict[str, list[int]]]]) -> None:
    vi, en_text = GROUP_NAME[grp]
    sheets = [no for no, (_, g, _) in SETS.items() if g == grp]
    L = [HEADER.rstrip("\n"),
         f"# Shared base of the product group {en_text} (sheets {sheets_text(sheets)}): what its "
         "sets print alike\n# and ocop-26-common does not already hold.",
         f"id: {GROUP_PREFIX[grp]}-26-base", "extends: ocop-26-common", "abstract: true",
         f"name: {t('Nhóm sản phẩm: ' + vi, 'Product group: ' + en_text)}",
         f"product_group: {grp}"]
    emit_layer(L, layer.items, layer.remove, where)
    write(f"{GROUP_PREFIX[grp]}-26-base", L)


def write_set(no: int, s: dict[str, Any], layer: Layer,
              where: dict[str, dict[str, dict[str, list[int]]]]) -> None:
    rid, grp, set_en = SETS[no]
    parent = "ocop-26-base" if grp == "tourism" else f"{GROUP_PREFIX[grp]}-26-base"
    L = [f"# Decision 26/2026/QĐ-TTg, Appendix II, sheet {no}: {s['name']}.",
         HEADER.rstrip("\n"),
         f"id: {rid}", f"extends: {parent}", "abstract: false",
         f"name: {t('Bộ sản phẩm: ' + s['name'], 'Product set: ' + set_en)}",
         f"product_group: {grp}",
         f"product_set: {t(s['name'], set_en)}",
         f"source: {{decision: \"{DECISION}\", date: 2026-05-22, appendix: \"II\", sheet: {no}, "
         f"amendments: [], url: \"{URL}\", note: {q(s['classif'])}}}"]
    if no == 26:
        L.append("# [sic] The sheet's part A heading prints \"(35 Điểm)\"; its criteria and the "
                 "printed maximum add up to 40,\n# as Điều 3 requires: 40 is used.")
        L.append("notes:")
        L.append("  - \"Giấy chứng nhận OCOP từ 3 sao có giá trị 36 tháng (Điều 4 khoản 3).\"")
        L.append("  - \"Phiếu 26 không có mục 'Hồ sơ bị loại khi'; dấu sao chỉ in ở 3.4 b (****), "
                 "3.5 a (***) và 3.5 b (****), và không in ghi chú giải thích dấu sao như các "
                 "phiếu khác (đọc như các phiếu khác: yêu cầu tối thiểu).\"")
    emit_layer(L, layer.items, layer.remove, where)
    if PARSED[no].get("case_groups"):
        L += render_case_groups(PARSED[no]["case_groups"])
    write(rid, L)


def write_148(no: int, s: dict[str, Any]) -> None:
    rid, grp, set_en = SETS[no]
    hid = rid[:-3] + "-148"
    L = [f"# Decision 148/QĐ-TTg (24/02/2023), as amended by 1489/QĐ-TTg (06/7/2025): the set "
         f"matching\n# Decision 26/2026 Appendix II sheet {no} ({s['name']}).",
         "# UNCONFIRMED: 148's item-level sheets (its Phụ lục III) were not found in a public "
         "copy. The\n# criteria are ASSUMED EQUAL to the 26/2026 sheet this file extends and "
         "cite that sheet; only the\n# frame (decision, dates, who recognises which class) is "
         "148's. Generated by tools/gen_rubrics.py.",
         f"id: {hid}", f"extends: {rid}", "abstract: false", "unconfirmed: true",
         f"name: {t('Bộ sản phẩm: ' + s['name'] + ' (QĐ 148/QĐ-TTg)', 'Product set: ' + set_en + ' (Decision 148/QĐ-TTg)')}",
         "source:",
         "  decision: \"148/QĐ-TTg\"",
         "  date: 2023-02-24",
         "  appendix: \"III\"",
         "  amendments: [\"1489/QĐ-TTg (06/7/2025)\"]",
         f"  note: {q('Phiếu đánh giá chi tiết của QĐ 148 chưa tìm được bản công khai: giả định giống phiếu ' + str(no) + ' Phụ lục II QĐ 26/2026/QĐ-TTg (chưa xác nhận).')}",
         "effective:",
         "  from: 2023-02-24",
         "  until: 2026-07-21",
         "recognition:",
         "  - stars: 3",
         "    authority: {vi: \"UBND cấp huyện (từ 06/7/2025, QĐ 1489/QĐ-TTg: UBND cấp tỉnh)\", "
         "en: \"District People's Committee (from 6 July 2025, Decision 1489/QĐ-TTg: "
         "Provincial People's Committee)\"}",
         "    source: {decision: \"148/QĐ-TTg\", amendments: [\"1489/QĐ-TTg\"], note: \"as "
         "reported by public sources; unconfirmed\"}",
         "  - stars: 4",
         "    authority: {vi: \"UBND cấp tỉnh\", en: \"Provincial People's Committee\"}",
         "    source: {decision: \"148/QĐ-TTg\", note: \"as reported by public sources; "
         "unconfirmed\"}",
         "  - stars: 5",
         "    authority: {vi: \"Bộ Nông nghiệp và Phát triển nông thôn (từ 03/2025: Bộ Nông "
         "nghiệp và Môi trường)\", en: \"Ministry of Agriculture and Rural Development (from "
         "March 2025: Ministry of Agriculture and Environment)\"}",
         "    source: {decision: \"148/QĐ-TTg\", note: \"as reported by public sources; "
         "unconfirmed\"}",
         "notes:",
         "  - \"Phiếu đánh giá giả định giống QĐ 26/2026/QĐ-TTg (chưa xác nhận); dấu sao và điều "
         "kiện loại hồ sơ cũng giả định như vậy.\"",
         "  - \"QĐ 148 hết hiệu lực sau 60 ngày kể từ 22/5/2026 (Điều 11 QĐ 26/2026): còn hiệu "
         "lực đến hết 21/7/2026.\""]
    write(hid, L)


def write_1048() -> None:
    """Decision 1048/QĐ-TTg (2019): only its frame is confirmed (parts A 35, B 25, C 40; five
    bands). Its item-level sheets (Phụ lục III) were not found in a public copy, so this rubric
    records each part's points as one criterion, for re-rating dossiers whose part scores were
    kept; it invents no sub-criterion."""
    parts = {"A": ("Sản phẩm và sức mạnh cộng đồng", "Product and community strength", 35),
             "B": ("Khả năng tiếp thị", "Marketing capability", 25),
             "C": ("Chất lượng sản phẩm", "Product quality", 40)}
    L = ["# Decision 1048/QĐ-TTg (21/8/2019): OCOP criteria before Decision 148 (2023).",
         "# Confirmed from public copies of its text: three parts, A 35 / B 25 / C 40 points, and "
         "five classes\n# (90-100, 70-89, 50-69, 30-49, <30). NOT found: its item-level sheets "
         "(Phụ lục III). So each part\n# is ONE criterion whose options are the part's points "
         "(0..max): re-rating a historic dossier\n# from the part scores its council recorded. No "
         "sub-criterion, star mark or rejection is invented.\n# Generated by tools/gen_rubrics.py.",
         "id: all-part-totals-1048", "abstract: false", "unconfirmed: true",
         f"name: {t('Bộ tiêu chí OCOP theo QĐ 1048/QĐ-TTg (điểm theo phần)', 'OCOP criteria of Decision 1048/QĐ-TTg (points per part)')}",
         "product_group: all",
         f"product_set: {t('Mọi bộ sản phẩm (điểm từng phần)', 'Any product set (points per part)')}",
         "source:", "  decision: \"1048/QĐ-TTg\"", "  date: 2019-08-21", "  appendix: \"III\"",
         "  article: \"Điều 1\"",
         "  note: \"Phần A 35, B 25, C 40 điểm; phân 5 hạng (Điều 1 khoản 1-2). Phiếu đánh giá "
         "chi tiết (Phụ lục III) chưa tìm được bản công khai.\"",
         "effective:", "  from: 2019-08-21", "  until: 2023-02-23",
         "parts:"]
    for pid, (vi, en_text, mx) in parts.items():
        L.append(f"  - {{id: {pid}, name: {t(vi, en_text)}, max_points: {mx}}}")
    L.append("criteria:")
    for pid, (vi, en_text, mx) in parts.items():
        L += [f"  - id: {pid}", f"    number: \"{pid}\"", f"    part: {pid}",
              f"    name: {t('Tổng điểm phần ' + pid + ': ' + vi, 'Part ' + pid + ' total: ' + en_text)}",
              f"    note: {t('Điểm thành viên hội đồng chấm cho cả phần (0-' + str(mx) + '); tiêu chí chi tiết của QĐ 1048 chưa được mã hóa.', 'The points a council member gave the whole part (0-' + str(mx) + '); the item-level criteria of Decision 1048 are not encoded.')}",
              f"    source: {{decision: \"1048/QĐ-TTg\", article: \"Điều 1 khoản 1\", criterion: \"Phần {pid}\"}}",
              "    unconfirmed: true",
              "    scale: true  # options are points, not tick boxes",
              "    options:"]
        for k in range(mx + 1):
            unit = "point" if k == 1 else "points"
            L.append(f"      - {{code: \"{k}\", points: {k}, label: {{vi: \"{k} điểm\", en: \"{k} {unit}\"}}}}")
    L += ["star_bands:",
          "  - {stars: 1, min: 0, max: 30, label: {vi: \"1 sao\", en: \"1 star\"}}",
          "  - {stars: 2, min: 30, max: 50, label: {vi: \"2 sao\", en: \"2 stars\"}}",
          "  - {stars: 3, min: 50, max: 70, label: {vi: \"3 sao\", en: \"3 stars\"}}",
          "  - {stars: 4, min: 70, max: 90, label: {vi: \"4 sao\", en: \"4 stars\"}}",
          "  - {stars: 5, min: 90, max: 100, label: {vi: \"5 sao\", en: \"5 stars\"}}",
          "recognition:",
          "  - stars: 3",
          "    authority: {vi: \"UBND cấp tỉnh\", en: \"Provincial People's Committee\"}",
          "    source: {decision: \"1048/QĐ-TTg\", note: \"as reported by public sources; unconfirmed\"}",
          "  - stars: 4",
          "    authority: {vi: \"UBND cấp tỉnh\", en: \"Provincial People's Committee\"}",
          "    source: {decision: \"1048/QĐ-TTg\", note: \"as reported by public sources; unconfirmed\"}",
          "  - stars: 5",
          "    authority: {vi: \"Bộ Nông nghiệp và Phát triển nông thôn (Hội đồng cấp trung ương)\", "
          "en: \"Ministry of Agriculture and Rural Development (central council)\"}",
          "    source: {decision: \"1048/QĐ-TTg\", note: \"as reported by public sources; unconfirmed\"}",
          "notes:",
          "  - \"Thay thế bởi QĐ 148/QĐ-TTg từ 24/02/2023.\""]
    write("all-part-totals-1048", L)


if __name__ == "__main__":
    main()
