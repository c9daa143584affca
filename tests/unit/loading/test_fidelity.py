"""The bundled 26/2026 rubrics against the decision's full text itself (not the JSON).

``tools/fidelity.py`` parses ``docs/decision/qd26-2026/qd26-2026-fulltext.txt`` and compares
every sheet's criteria, options, points, star marks, applicability clauses, requirements,
cases and rejection notes with the resolved rubrics; ``tools/fidelity_deviations.yaml``
lists every difference that is meant, with its reason.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FULLTEXT = ROOT / "docs" / "decision" / "qd26-2026" / "qd26-2026-fulltext.txt"
sys.path.insert(0, str(ROOT / "tools"))



def test_every_sheet_matches_the_text_or_a_documented_deviation() -> None:
    import fidelity

    from ocop_rate.loading.rubrics import load_library

    report = fidelity.compare(load_library())
    assert report.sheets == 26
    assert report.criteria > 780 and report.options > 2500   # every sheet was read
    assert [str(m) for m in report.unexplained] == []
    assert report.stale == []
    # every applicability clause, requirement and case row the text prints was compared
    assert report.clauses >= 25 + 7 + 2 + 3 + 25


def test_the_text_parser_reads_what_the_sheet_prints() -> None:
    """Spot checks against lines read by eye in the full text."""
    from qd26_text import parse

    sheets = parse()
    story = sheets[1].criteria["5.2"]
    assert ("Chỉ áp dụng khi có câu chuyện sản phẩm", 340) in story.notes
    marks = {o.min_star for o in sheets[26].criteria["3.5"].options}
    assert marks == {3, 4, None}                      # sheet 26 does print star marks
    assert sheets[26].criteria["3.4"].options[1].min_star == 4
    assert [o.points for o in sheets[4].criteria["7"].options] == [0, 1, 13]   # [sic]
    assert sheets[3].criteria["5.1"].options[-1].min_star == 4   # "* * * *" spaced
    assert sheets[7].criteria["7"].options[-1].points == 5       # box printed as "o"
    assert [o.case[:16] for o in sheets[26].criteria["9"].options if o.case] == \
        ["a. Trường hợp 1:"] * 2 + ["b. Trường hợp 2:"] * 2


def test_a_changed_rule_is_caught(tmp_path: Path) -> None:
    """The check can fail: a copy of the rules with one label reworded and one clause
    dropped gives mismatches at those places."""
    import fidelity

    from ocop_rate.loading.rubrics import load_library

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "scoring_rules", rules)
    path = rules / "ocop-26-common.yaml"
    text = path.read_text(encoding="utf-8")
    old = '"Ngắn gọn, xúc tích và có văn phong kể chuyện"'
    applies = text.index("    applies:\n")
    end = text.index("  - id: B5.3")
    assert old in text and applies < end
    text = text[:applies] + text[end:]
    path.write_text(text.replace(old, '"Ngắn gọn và có văn phong kể chuyện"'), encoding="utf-8")
    report = fidelity.compare(load_library([rules]))
    fields = {(m.sheet, m.criterion, m.field) for m in report.unexplained}
    assert (1, "5.2", "option c label") in fields
    assert (25, "5.2", "applies") in fields


def test_a_criterion_printed_alike_but_not_derived_is_caught(tmp_path: Path) -> None:
    """Issue 21: sheet 5's 3.2 prints "không là" for "không phải là"; a rubric that
    leaves it underived (as it once did) is a mismatch at sheet 5, 3.2."""
    import fidelity

    from ocop_rate.loading.rubrics import load_library

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "scoring_rules", rules)
    path = rules / "food-fast-food-26.yaml"
    text = path.read_text(encoding="utf-8")
    derive = ("    derive:\n      - {option: b, when: {fact: legal_rep_woman_minority_or_disabled, "
              "eq: true}}\n      - {option: a, when: {fact: legal_rep_woman_minority_or_"
              "disabled, eq: false}}\n")
    assert text.count(derive) == 1
    path.write_text(text.replace(derive, ""), encoding="utf-8")
    report = fidelity.compare(load_library([rules], compiled=False))
    assert [(m.sheet, m.criterion, m.field) for m in report.unexplained] == [(5, "3.2", "derive")]


def test_a_note_printed_but_not_encoded_is_caught(tmp_path: Path) -> None:
    """Issue 21: sheet 3 prints "(Chất lượng: …)" under criterion 8 (line 711); a rubric
    without it, as the JSON extraction had it, is a mismatch at sheet 3, 8."""
    import fidelity

    from ocop_rate.loading.rubrics import load_library

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "scoring_rules", rules)
    path = rules / "food-grain-26.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = [line for line in lines if line.startswith('    note: {vi: "(Chất lượng')]
    assert len(dropped) == 1
    path.write_text("".join(line for line in lines if line not in dropped), encoding="utf-8")
    report = fidelity.compare(load_library([rules], compiled=False))
    assert [(m.sheet, m.criterion, m.field, m.line) for m in report.unexplained] == [
        (3, "8", "note", 711)]


def test_the_tool_prints_the_count() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "fidelity.py")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "unexplained mismatches: 0" in done.stdout


def test_the_readme_prints_the_current_count() -> None:
    import fidelity

    from ocop_rate.loading.rubrics import load_library

    readme = (ROOT / "docs" / "rubrics.md").read_text(encoding="utf-8")
    assert fidelity.compare(load_library()).summary() in readme
