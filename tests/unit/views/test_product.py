"""A product in detail is a Document (views/product.py): its sheet is one table per part
closed by the members' totals, and ``rate --members`` draws the very same sheet sections."""

from __future__ import annotations

from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.loading.rubrics import load_library
from ocop_rate.models.document import Paragraph, Table
from ocop_rate.models.rating import Rating
from ocop_rate.pipeline import rate_paths
from ocop_rate.report.labels import word
from ocop_rate.views.product import detailed, members_document, product_document, sheet_sections
from tests.conftest import SAMPLES

runner = CliRunner()


def _ratings() -> list[Rating]:
    found = detailed(rate_paths(load_library(), [str(SAMPLES)])).items
    return [r for r in found if isinstance(r, Rating)]


def test_the_sheet_is_a_table_per_part_closed_by_its_totals() -> None:
    rating = next(r for r in _ratings() if len(r.members) >= 2)
    doc = product_document(rating, "vi")
    assert doc.title == f"{rating.product_id} {rating.product_name.get('vi')}"
    parts = [s for s in doc.sections if s.title.startswith("Phần ")]
    assert [s.title.split(":")[0] for s in parts] == [f"Phần {p.id}" for p in rating.parts]
    for part, section in zip(rating.parts, parts, strict=True):
        table = section.blocks[0]
        assert isinstance(table, Table)
        crits = [c for c in rating.criteria if c.part == part.id]
        assert [row[0].split()[0] for row in table.rows] == [c.id for c in crits]
        # the foot holds each member's points in the part, then the council's
        members = [m.parts.get(part.id, 0) for m in rating.members]
        assert [float(v.replace(",", ".")) for v in table.foot[1:1 + len(members)]] \
            == members
        assert table.foot[0] == "Tổng"


def test_explain_and_members_draw_one_sheet() -> None:
    for rating in _ratings():
        sheet = sheet_sections(rating, "en")
        explained = product_document(rating, "en").sections
        assert explained[1:1 + len(sheet)] == sheet
        assert members_document(rating, "en").sections[:len(sheet)] == sheet


def test_the_next_star_and_the_gates_are_said() -> None:
    rating = next(r for r in _ratings() if r.next_star is not None and r.next_star.upgrades)
    said = [b.text for s in product_document(rating, "en").sections for b in s.blocks
            if isinstance(b, Paragraph)]
    assert f"{word('gates', 'en')}:" in said
    upgrade = rating.next_star.upgrades[0] if rating.next_star else None
    assert upgrade is not None
    assert any(t.startswith(f"  • {upgrade.criterion} ") for t in said)


def test_explain_at_80_columns_keeps_every_part_and_total() -> None:
    done = runner.invoke(app, ["explain", str(SAMPLES / "qn-bc-ruou-ba-kich.yaml")],
                         env={"COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert [line.split(":")[0] for line in lines if line.startswith("Phần ")] \
        == ["Phần A", "Phần B", "Phần C"]
    totals = [i for i, line in enumerate(lines) if line.startswith("│ Tổng ")]
    assert len(totals) >= 3 and all(lines[i - 1].startswith("├") for i in totals)
