"""Compare every bundled 26/2026 rubric, resolved, with the decision's full text itself.

Reads ``qd26-2026-fulltext.txt`` through :mod:`qd26_text` (not the extracted JSON) and, for
each of the 26 sheets, compares with the resolved rubric: the criteria (by number), each
criterion's maximum, its options in order (wording, points, star marks, the case an option
belongs to), the applicability clauses ("Chỉ áp dụng khi …", "Áp dụng bắt buộc …"), the
requirements ("Yêu cầu: …"), the alternative cases ("Lựa chọn một trong hai trường hợp"),
and the rejection notes ("Hồ sơ bị loại khi", "Bị loại nếu …", "… không đánh giá các bước
tiếp theo"), the notes printed with each criterion (against its ``note``), each with the line
the text prints it on; and, across sheets, that a criterion printed alike (same options and
points) is derived from facts alike everywhere.

Every difference is a mismatch unless ``fidelity_deviations.yaml`` (next to this file, the
one place deviations are listed) explains it with a reason; a listed deviation that no
longer occurs is reported too, so the list cannot go stale.

Usage: ``python tools/fidelity.py`` (exit 1 on an unexplained mismatch or a stale entry).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from qd26_text import TextCriterion, TextSheet, parse, squash  # noqa: E402

from ocop_rate.models.rubric import Criterion, Rubric  # noqa: E402

DEVIATIONS = HERE / "fidelity_deviations.yaml"
SHEET_RUBRICS = {
    1: "food-fresh-produce-26", 2: "food-fresh-meat-26", 3: "food-grain-26",
    4: "food-honey-26", 5: "food-fast-food-26", 6: "food-processed-grain-26",
    7: "food-processed-plant-26", 8: "food-processed-animal-26",
    9: "food-liquid-seasoning-26", 10: "food-spice-26", 11: "food-tea-26",
    12: "food-herbal-tea-26", 13: "food-coffee-cocoa-26", 14: "beverage-spirits-26",
    15: "beverage-other-alcohol-26", 16: "beverage-bottled-water-26",
    17: "beverage-soft-drink-26", 18: "herbal-health-26", 19: "herbal-cosmetics-26",
    20: "herbal-essential-oil-26", 21: "handicraft-decorative-26",
    22: "handicraft-textile-26", 23: "ornamental-flower-26", 24: "ornamental-plant-26",
    25: "ornamental-animal-26", 26: "tourism-community-26",
}
REJECTING = ("Bị loại nếu", "bị loại bỏ", "không đánh giá các bước tiếp theo",
             "Không xem xét các chỉ tiêu khác", "Không đánh giá những sản phẩm",
             "Không đánh giá các bước tiếp theo")
APPLIES = ("Chỉ áp dụng khi",)
MANDATORY = "Áp dụng bắt buộc"
REQUIREMENT = "Yêu cầu:"
CASES = "Lựa chọn một trong hai trường hợp"


@dataclass(frozen=True)
class Mismatch:
    sheet: int
    criterion: str          # "-" for the sheet itself
    field: str
    printed: str
    encoded: str
    line: int | None = None

    def key(self) -> tuple[int, str, str]:
        return self.sheet, self.criterion, self.field

    def __str__(self) -> str:
        at = f" (line {self.line})" if self.line else ""
        return (f"sheet {self.sheet} {self.criterion} {self.field}{at}: printed "
                f"{self.printed!r}, encoded {self.encoded!r}")


@dataclass(frozen=True)
class Deviation:
    sheets: tuple[int, ...]
    criterion: str
    field: str
    reason: str

    def covers(self, m: Mismatch) -> bool:
        return m.sheet in self.sheets and (m.criterion, m.field) == (self.criterion, self.field)


@dataclass
class Report:
    sheets: int
    criteria: int
    options: int
    clauses: int
    mismatches: list[Mismatch]
    explained: list[tuple[Mismatch, Deviation]]
    stale: list[Deviation]
    derived: int = 0   # criteria whose derivation was compared across sheets
    notes: int = 0     # criteria whose printed notes were compared with their ``note``

    @property
    def unexplained(self) -> list[Mismatch]:
        done = {id(m) for m, _ in self.explained}
        return [m for m in self.mismatches if id(m) not in done]

    def summary(self) -> str:
        return (f"{self.sheets} sheets, {self.criteria} criteria, {self.options} options, "
                f"{self.clauses} clauses, {self.notes} notes, {self.derived} derived "
                "criteria compared with the full text; "
                f"{len(self.mismatches)} differences, {len(self.explained)} explained by "
                f"{DEVIATIONS.name}, unexplained mismatches: {len(self.unexplained)}, "
                f"stale deviations: {len(self.stale)}")


def _sheets(spec: Any) -> tuple[int, ...]:
    out: list[int] = []
    for part in str(spec).split(","):
        a, _, b = part.strip().partition("-")
        out += range(int(a), int(b or a) + 1)
    return tuple(out)


def load_deviations(path: Path = DEVIATIONS) -> list[Deviation]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Deviation(_sheets(d["sheets"]), str(d["criterion"]), str(d["field"]),
                      str(d["reason"])) for d in data]


def compare(library: Any, text: dict[int, TextSheet] | None = None,
            deviations: list[Deviation] | None = None) -> Report:
    """Compare ``library``'s 26 rubrics with the parsed full text."""
    sheets = text if text is not None else parse()
    devs = deviations if deviations is not None else load_deviations()
    out: list[Mismatch] = []
    n_crit = n_opt = n_clause = n_note = 0
    for no, sheet in sorted(sheets.items()):
        rubric: Rubric = library.get(SHEET_RUBRICS[no])
        out += _parts(no, sheet, rubric)
        by_number = {c.number: c for c in rubric.criteria}
        for tc in sheet.leaves():
            n_crit += 1
            n_opt += len(tc.options)
            crit = by_number.pop(tc.number, None)
            if crit is None:
                out.append(Mismatch(no, tc.number, "criterion", tc.title, "", tc.line))
                continue
            out += _criterion(no, tc, crit)
            found, clauses = _clauses(no, tc, crit, rubric)
            out += found
            n_clause += clauses
            found, notes = _notes(no, tc, crit)
            out += found
            n_note += notes
        out += [Mismatch(no, num, "criterion", "", "not on the sheet") for num in by_number]
        found, clauses = _rejections(no, sheet, rubric)
        out += found
        n_clause += clauses
    derived = _derivations(sheets, library)
    out += derived.mismatches
    explained = [(m, d) for m in out for d in devs if d.covers(m)]
    used = {id(d) for _, d in explained}
    stale = [d for d in devs if id(d) not in used]
    return Report(len(sheets), n_crit, n_opt, n_clause, out, explained, stale,
                  derived.criteria, n_note)


NO_OPTIONS = ("Phiếu đánh giá không in phương án cho tiêu chí này; giả định 0 điểm (Không) / "
              "1 điểm (Có).")   # the generator's reading where a sheet prints no boxes


def _notes(no: int, tc: TextCriterion, crit: Criterion) -> tuple[list[Mismatch], int]:
    """Every note the sheet prints with a criterion (one that is neither a clause, a
    rejection nor a case row, which are compared on their own) is in the criterion's
    ``note``; and what the ``note`` says is printed with the criterion (its heading, its
    notes, its case rows), but for the recorded reading :data:`NO_OPTIONS`."""
    out: list[Mismatch] = []
    clauses = (*APPLIES, MANDATORY, REQUIREMENT, CASES)
    encoded = _loose(crit.note.vi) if crit.note else ""
    printed = [(note, line) for note, line in tc.notes
               if not note.startswith(clauses) and not any(m in note for m in REJECTING)
               and not re.match(r"^[ab]\. Trường hợp", note)]
    for note, line in printed:
        if _loose(note) not in encoded:
            out.append(Mismatch(no, tc.number, "note", note, crit.note.vi if crit.note else "",
                                line))
    around = _loose(" ".join([tc.title, *(n for n, _ in tc.notes),
                              *(o.case or "" for o in tc.options)]))
    said = encoded.replace(_loose(NO_OPTIONS), "")
    if said and said not in around:
        out.append(Mismatch(no, tc.number, "note", tc.title, crit.note.vi if crit.note else "",
                            tc.line))
    return out, int(bool(printed or said))


@dataclass
class _Derived:
    mismatches: list[Mismatch]
    criteria: int


def _loose(text: str) -> str:
    """Wording without case, spacing and punctuation (the sheets print one option with
    small differences: a full stop, "<51 %")."""
    return re.sub(r"[\W_]+", "", squash(text).casefold())


def _derivations(sheets: dict[int, TextSheet], library: Any) -> _Derived:
    """A criterion derived from facts on one sheet is derived the same way on every sheet
    that prints the same options (same points, same wording up to punctuation, or the same
    meaning in a wording listed in :data:`SAME_MEANING`): a criterion left to be typed on
    one sheet only refuses dossiers that other sheets rate."""
    seen: dict[tuple[str, ...], list[tuple[int, TextCriterion, Criterion]]] = {}
    for no, sheet in sorted(sheets.items()):
        by_number = {c.number: c for c in library.get(SHEET_RUBRICS[no]).criteria}
        for tc in sheet.leaves():
            crit = by_number.get(tc.number)
            if crit is None or not tc.options:
                continue
            key = (tc.number, *(f"{SAME_MEANING.get(_loose(o.label), _loose(o.label))}"
                                f"={o.points}" for o in tc.options))
            seen.setdefault(key, []).append((no, tc, crit))
    out: list[Mismatch] = []
    count = 0
    for group in seen.values():
        ways = {_derive_text(c) for _, _, c in group}
        if ways == {""}:
            continue
        count += len(group)
        want = max(ways, key=lambda w: sum(_derive_text(c) == w for _, _, c in group))
        out += [Mismatch(no, tc.number, "derive", want, _derive_text(crit), tc.line)
                for no, tc, crit in group if _derive_text(crit) != want]
    return _Derived(out, count)


def _derive_text(crit: Criterion) -> str:
    return "; ".join(f"{d.option} <- {d.when.model_dump_json(exclude_none=True)}"
                     for d in crit.derive)


SAME_MEANING = {
    # Sheet 5, 3.2 a prints "không là" where the other 25 sheets print "không phải là".
    _loose("Đại diện pháp luật của chủ thể không phải nữ, không là đồng bào dân tộc thiểu số, "
           "không là người khuyết tật"):
    _loose("Đại diện pháp luật của chủ thể không phải nữ, không phải là đồng bào dân tộc "
           "thiểu số, không phải là người khuyết tật"),
}


def _parts(no: int, sheet: TextSheet, rubric: Rubric) -> list[Mismatch]:
    out = []
    for pid, (printed, line) in sheet.parts.items():
        part = rubric.part(pid)
        encoded = f"{part.max_points:g}" if part else ""
        if printed != encoded:
            out.append(Mismatch(no, "-", f"part {pid} max", printed, encoded, line))
    return out


def _criterion(no: int, tc: TextCriterion, crit: Criterion) -> list[Mismatch]:
    out = []
    if tc.max_points != f"{crit.max_points:g}":
        out.append(Mismatch(no, tc.number, "max", tc.max_points, f"{crit.max_points:g}",
                            tc.line))
    if not tc.options:
        out.append(Mismatch(no, tc.number, "options", "none printed",
                            ", ".join(f"{o.code}={o.points:g}" for o in crit.options), tc.line))
        return out
    if len(tc.options) != len(crit.options):
        out.append(Mismatch(no, tc.number, "option count", str(len(tc.options)),
                            str(len(crit.options)), tc.line))
        return out
    for to, opt in zip(tc.options, crit.options, strict=True):
        code = opt.code
        if squash(opt.label.vi) != to.label:
            out.append(Mismatch(no, tc.number, f"option {code} label", to.label,
                                squash(opt.label.vi), to.line))
        printed = "" if to.points is None else f"{to.points:g}"
        if printed != f"{opt.points:g}":
            out.append(Mismatch(no, tc.number, f"option {code} points", printed,
                                f"{opt.points:g}", to.line))
        if to.min_star != opt.min_star:
            out.append(Mismatch(no, tc.number, f"option {code} star mark", str(to.min_star),
                                str(opt.min_star), to.line))
        encoded_case = squash(opt.case.vi) if opt.case else None
        if to.case != encoded_case:
            out.append(Mismatch(no, tc.number, f"option {code} case", str(to.case),
                                str(encoded_case), to.line))
    return out


def _clauses(no: int, tc: TextCriterion, crit: Criterion, rubric: Rubric
             ) -> tuple[list[Mismatch], int]:
    """Applicability, requirements and cases printed with ``tc``, against ``crit``."""
    out: list[Mismatch] = []
    count = 0
    printed = list(tc.notes)
    for marker in (MANDATORY, REQUIREMENT):  # clauses printed in the criterion's own row
        at = tc.title.find(" " + marker)
        if at >= 0:
            printed.append((tc.title[at + 1:], tc.line))
    for note, line in printed:
        if note.startswith(APPLIES):
            count += 1
            app = crit.applies
            if app is None or squash(app.text) != note:
                out.append(Mismatch(no, tc.number, "applies", note,
                                    app.text if app else "", line))
            elif line not in (app.source.lines if app.source else ()):
                out.append(Mismatch(no, tc.number, "applies line", str(line),
                                    str(app.source.lines if app.source else ()), line))
        elif note.startswith((MANDATORY, REQUIREMENT)):
            count += 1
            reqs = [r for r in crit.requirements if squash(r.text) == note]
            if not reqs:
                out.append(Mismatch(no, tc.number, "requirement", note, "", line))
            elif line not in (reqs[0].source.lines if reqs[0].source else ()):
                out.append(Mismatch(no, tc.number, "requirement line", str(line),
                                    str(reqs[0].source.lines if reqs[0].source else ()), line))
        elif note.startswith(CASES):
            count += 1
            groups = [g for g in rubric.case_groups if crit.id in g.criteria]
            if not groups or squash(groups[0].text) != note:
                out.append(Mismatch(no, tc.number, "cases", note,
                                    groups[0].text if groups else "", line))
                continue
            group = groups[0]
            if line not in (group.source.lines if group.source else ()):
                out.append(Mismatch(no, tc.number, "cases line", str(line),
                                    str(group.source.lines if group.source else ()), line))
            for opt, to in zip(crit.options, tc.options, strict=False):
                found = rubric.case_of(crit.id, opt.code)
                want = re.sub(r"^([ab])\..*", r"\1", to.case or "")
                got = {"1": "a", "2": "b"}.get(found[1].id, "?") if found else ""
                if want != got:
                    out.append(Mismatch(no, tc.number, f"option {opt.code} case group",
                                        want, got, to.line))
    texts = [note for note, _ in printed]
    if crit.applies is not None and not any(n.startswith(APPLIES) for n in texts):
        out.append(Mismatch(no, tc.number, "applies", "", crit.applies.text, tc.line))
    for req in crit.requirements:
        if squash(req.text) not in texts:
            out.append(Mismatch(no, tc.number, "requirement", "", req.text, tc.line))
    in_group = any(crit.id in g.criteria for g in rubric.case_groups)
    if in_group and not any(n.startswith(CASES) for n in texts):
        out.append(Mismatch(no, tc.number, "cases", "", "in a case group", tc.line))
    return out, count


def _rejections(no: int, sheet: TextSheet, rubric: Rubric) -> tuple[list[Mismatch], int]:
    out: list[Mismatch] = []
    count = 0
    blocks = [g for g in rubric.gates if g.effect == "block"]
    for text, line in sheet.rejections:
        count += 1
        body = re.sub(r"^(Hồ sơ )?[Bb]ị loại khi:\s*", "", text).rstrip(".")
        if not any(squash(g.reason.vi).rstrip(".") == body for g in blocks):
            out.append(Mismatch(no, "-", "rejection", text, "", line))
    for tc in sheet.leaves():
        notes = list(tc.notes)
        for note, line in notes:
            if not any(marker in note for marker in REJECTING):
                continue
            count += 1
            body = re.sub(r"^(Ghi chú|Chú ý): ", "", note)
            hits = [g for g in blocks if g.source and g.source.criterion == tc.number
                    and squash(g.reason.vi).rstrip(".") == body.rstrip(".")]
            if not hits:
                out.append(Mismatch(no, tc.number, "rejection note", note, "", line))
    return out, count


def main() -> int:
    from ocop_rate.loading.rubrics import load_library

    report = compare(load_library())
    for m in report.unexplained:
        print("MISMATCH", m)
    for d in report.stale:
        print("STALE", d)
    print(report.summary())
    return 1 if report.unexplained or report.stale else 0


if __name__ == "__main__":
    sys.exit(main())
