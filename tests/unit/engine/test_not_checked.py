"""Say what was not checked: a product rated without the facts its rejection conditions
read is never shown as plainly recognised; reasons are in plain words."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
UNCHECKED = "chưa kiểm tra điều kiện loại hồ sơ"


def _sheet(tmp_path: Path) -> Path:
    """A council sheet (no facts: the tiny rubric's falsified-dossier rule cannot be read)."""
    path = tmp_path / "hoi-dong.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["product_id", "product_name", "rubric", "member", "A1", "B1", "C1"])
        writer.writerow(["S-1", "Mật ong", "tiny", "M1", "h", "c", "c"])
        writer.writerow(["S-1", "Mật ong", "tiny", "M2", "h", "c", "c"])
    return path


def test_every_summary_view_says_the_rejections_were_not_checked(
        tmp_path: Path, tiny_rules: Path) -> None:
    sheet = str(_sheet(tmp_path))
    # the tiny sheet scores 5 stars: at a central council that is "recognised" (at a
    # provincial one it is a 5-star proposal), the word these checks look for
    rules = ["--rules", str(tiny_rules), "--lang", "vi", "--level", "central"]
    table = runner.invoke(app, ["rate", sheet, *rules], env={"COLUMNS": "120"})
    assert "Công nhận*" in table.stdout and f"* {UNCHECKED}: 1 sản phẩm" in table.stdout
    narrow = runner.invoke(app, ["rate", sheet, *rules], env={"COLUMNS": "50"})
    assert "Công nhận*" in narrow.stdout and UNCHECKED in narrow.stdout
    markdown = runner.invoke(app, ["rate", sheet, *rules, "-f", "markdown"])
    assert f"Công nhận ({UNCHECKED})" in markdown.stdout
    html = runner.invoke(app, ["rate", sheet, *rules, "-f", "html"])
    assert f"Công nhận ({UNCHECKED})" in html.stdout
    summary = runner.invoke(app, ["summary", sheet, *rules])
    assert f"{UNCHECKED}: 1 sản phẩm" in summary.stdout
    explain = runner.invoke(app, ["explain", sheet, *rules], env={"COLUMNS": "160"})
    assert f"Kết quả: Công nhận ({UNCHECKED})" in explain.stdout
    gates = explain.stdout[explain.stdout.index("Điều kiện áp dụng:"):]
    assert "Không có" not in gates.splitlines()[1]  # not "none" above the unchecked line
    assert f"{UNCHECKED} “Giả mạo hồ sơ”: hồ sơ không nêu Hồ sơ giả mạo" in gates


def test_a_dossier_that_states_its_facts_is_plainly_recognised(
        tiny_rules: Path, write_dossier: object, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "product: {id: F-1, name: Mật ong, rubric: tiny}\nfacts: {falsified: false}\n"
        "council:\n  - member: M1\n    scores: {A1: h, B1: c, C1: c}\n", encoding="utf-8")
    table = runner.invoke(app, ["rate", str(path), "--rules", str(tiny_rules),
                                "--level", "central"],
                          env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "Công nhận" in table.stdout
    assert UNCHECKED not in table.stdout and "Công nhận*" not in table.stdout


def test_reasons_in_plain_words_and_the_marks_only_next_star() -> None:
    sample = str(SAMPLES / "qn-ct-cha-ca.yaml")
    for args in (["rate", sample], ["rate", sample, "-f", "markdown"],
                 ["rate", sample, "-f", "html"], ["explain", sample]):
        out = runner.invoke(app, args, env={"COLUMNS": "120"}).stdout
        assert "min-option" not in out, args
        assert "A2.2 Đóng gói, bao bì sản phẩm: cần tối thiểu phương án c" in out, args
    explain = runner.invoke(app, ["explain", sample], env={"COLUMNS": "160"}).stdout
    assert ("Để lên hạng 3 sao: tổng điểm đã đủ (≥ 50); chỉ còn yêu cầu sao ở 1 tiêu chí chặn"
            in explain)
    assert "cần thêm 0.00" not in explain
