"""Parse Appendix II of Decision 26/2026/QĐ-TTg from the decision's full text itself.

``docs/decision/qd26-2026/qd26-2026-fulltext.txt`` prints each of the 26 scoring sheets as a
pipe table (``| criterion or □ option | points |``). This parser reads that text, not the
extracted JSON (made by the same hand as the rubrics), so that the fidelity check
(:mod:`tools.fidelity`, ``tests/unit/loading/test_fidelity.py``) compares the rubrics with an independent
reading. Every item keeps its line number in the text.

What it reads per sheet: the heading, "Hồ sơ bị loại khi" lines, parts (A/B/C with maxima),
headings (``1.``), criteria (``1.1.``, ``6.1.1.``; a heading with its own boxes is a
criterion too), options (``□``) with points and star marks (``***``…), and notes (rows with
no points) attached to the criterion above them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

FULLTEXT = (Path(__file__).resolve().parents[1] / "docs" / "decision" / "qd26-2026"
            / "qd26-2026-fulltext.txt")

_MARK = re.compile(r"\s*((?:\*\s?){3,5})\s*:?\s*$")
_BOX = re.compile(r"^[□o]\s")  # one box prints as "o" (sheet 7, criterion 7 d)
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$")
_PART = re.compile(r"^PH[ẦA]N\s+([ABC])\b", re.IGNORECASE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """Whitespace collapsed, NFC: how labels are compared."""
    return re.sub(r"\s+", " ", nfc(text)).strip()


@dataclass
class TextOption:
    label: str
    points: float | None
    min_star: int | None
    line: int
    case: str | None = None   # the "a. Trường hợp 1: …" row above it, if any


@dataclass
class TextCriterion:
    number: str
    part: str
    title: str
    max_points: str
    line: int
    options: list[TextOption] = field(default_factory=list)
    notes: list[tuple[str, int]] = field(default_factory=list)   # (text, line)


@dataclass
class TextSheet:
    no: int
    title: str
    line: int
    rejections: list[tuple[str, int]] = field(default_factory=list)
    parts: dict[str, tuple[str, int]] = field(default_factory=dict)   # id -> (max, line)
    headings: dict[str, TextCriterion] = field(default_factory=dict)
    criteria: dict[str, TextCriterion] = field(default_factory=dict)
    star_note: bool = False

    def leaves(self) -> list[TextCriterion]:
        """The scored criteria: those with boxes, and those the sheet prints without any
        (a criterion row no deeper row follows)."""
        out = []
        numbers = list(self.criteria)
        for num, crit in self.criteria.items():
            deeper = any(n.startswith(num + ".") for n in numbers)
            if not deeper:
                out.append(crit)
        return out


def _cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if not stripped.startswith("|"):
        return None
    return [c.strip() for c in stripped.strip("|").split("|")]


def _points(cell: str) -> float | None:
    cell = cell.strip()
    if not cell:
        return None
    m = re.match(r"^(\d+(?:[.,]\d+)?)", cell)
    return float(m.group(1).replace(",", ".")) if m else None


def parse(path: Path = FULLTEXT) -> dict[int, TextSheet]:
    """The 26 sheets of Appendix II, by number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    sheets: dict[int, TextSheet] = {}
    sheet: TextSheet | None = None
    part = ""
    current: TextCriterion | None = None
    case: str | None = None
    for i, raw in enumerate(lines, start=1):
        text = nfc(raw)
        nxt = nfc(lines[i]) if i < len(lines) else ""
        head = re.match(r"^(\d{1,2})\.\s+(.*\S)\s*$", text)
        if head and nxt.strip().startswith("(Sản phẩm:"):
            sheet = TextSheet(int(head.group(1)), head.group(2), i)
            sheets[sheet.no] = sheet
            current, part, case = None, "", None
            continue
        if sheet is None:
            continue
        if text.startswith("PHỤ LỤC III"):
            break
        stripped = text.strip()
        if re.match(r"^(Hồ sơ )?[Bb]ị loại khi:", stripped):
            if not any(squash(r) == squash(stripped) for r, _ in sheet.rejections):
                sheet.rejections.append((squash(stripped), i))
            continue
        if stripped.startswith("Ghi chú: Dấu sao"):
            sheet.star_note = True
            continue
        cells = _cells(text)
        if cells is None or len(cells) < 1:
            continue
        first = cells[0]
        pts = cells[1] if len(cells) > 1 else ""
        if first in ("Các tiêu chí", "") or first.startswith("TỔNG CỘNG"):
            continue
        pm = _PART.match(first)
        if pm:
            part = pm.group(1).upper()
            sheet.parts[part] = (pts, i)
            current = None
            continue
        if _BOX.match(first):
            label = first[1:].strip()
            star = None
            note = None
            if " Ghi chú: " in label:  # a note printed inside the option's cell
                label, note = label.split(" Ghi chú: ", 1)
            mark = _MARK.search(label)
            if mark:
                star = mark.group(1).count("*")
                label = label[: mark.start()]
            assert current is not None, (sheet.no, i)
            current.options.append(TextOption(squash(label), _points(pts), star, i, case))
            if note:
                current.notes.append(("Ghi chú: " + squash(note), i))
            continue
        nm = _NUMBER.match(first)
        if nm and part and pts:
            number, title = nm.group(1), nm.group(2)
            crit = TextCriterion(number, part, squash(title), pts, i)
            if "." not in number:
                sheet.headings[number] = crit
            sheet.criteria[number] = crit
            current, case = crit, None
            continue
        if current is not None:
            if re.match(r"^[ab]\. Trường hợp \d", first):
                case = squash(first)
            current.notes.append((squash(first), i))
    return sheets

