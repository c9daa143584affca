"""Streaming: JSON and CSV are written as products are scored, in the order a batch has,
whatever the block size; the reference's commands run as printed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate import pipeline
from ocop_rate.cli import app
from ocop_rate.report import csv_report, json_report
from tests.conftest import REPO, SAMPLES, bundled_library

runner = CliRunner()


def _mixed(tmp_path: Path) -> Path:
    """The samples, a broken dossier, a duplicate id and a score sheet, in one folder."""
    folder = tmp_path / "mixed"
    shutil.copytree(SAMPLES, folder)
    (folder / "zz-broken.yaml").write_text("product: [1, 2\n", encoding="utf-8")
    dup = (SAMPLES / "qn-vd-hau.yaml").read_text(encoding="utf-8")
    (folder / "zz-dup.yaml").write_text(dup, encoding="utf-8")
    rubric = bundled_library().rubrics["food-processed-plant-26"]
    header = ["product_id", "product_name", "rubric", "member", *[c.id for c in rubric.criteria]]
    lines = [",".join(header)]
    for p in range(2):
        for m in range(3):
            codes = [c.options[(p + m + k) % len(c.options)].code
                     for k, c in enumerate(rubric.criteria)]
            lines.append(",".join([f"SH-{p}", f"Sản phẩm {p}", rubric.id, f"M{m}", *codes]))
    (folder / "a-sheet.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("block", "held"), [(1, 2048), (3, 2048), (512, 2048), (10_000, 3)])
def test_stream_equals_the_batch_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          block: int, held: int) -> None:
    """Whether a rubric's BLOCK or the HELD dossiers of every rubric set off the scoring."""
    folder = _mixed(tmp_path)
    library = bundled_library()
    whole = pipeline.rate_paths(library, [str(folder)])
    monkeypatch.setattr(pipeline, "BLOCK", block)
    monkeypatch.setattr(pipeline, "HELD", held)
    tally = pipeline.Tally()
    streamed = "".join(json_report.render_stream(
        pipeline.stream_paths(library, [str(folder)], tally=tally), "vi"))
    assert streamed == json_report.render(whole, "vi")
    assert (tally.count, tally.failures) == (whole.count, len(whole.failures)) == (24, 2)
    assert whole.blocks and len(whole.blocks[0]) == 2
    rows = "".join(csv_report.render_stream(pipeline.stream_paths(library, [str(folder)]),
                                            "en"))
    assert rows == csv_report.render(whole, "en")
    ids = [item["product_id"] for item in json.loads(streamed)]
    assert ids[-2:] == ["SH-0", "SH-1"] and ids.count("QN-VD-0088") == 2


def test_readme_streaming_commands_run_as_printed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    section = readme[readme.index("## One engine"):]
    commands = [line for line in section.split("```")[1].splitlines()[1:] if line.strip()]
    assert len(commands) == 2
    shutil.copytree(SAMPLES, tmp_path / "sample_products")
    monkeypatch.chdir(tmp_path)
    for command in commands:
        argv = command.split()[1:]
        result = runner.invoke(app, argv)
        assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert len(data) == 20 and all(item["stars"] for item in data)
    csv_text = (tmp_path / "results.csv").read_text(encoding="utf-8-sig")
    assert csv_text.count("\n") == 21


def test_diff_keeps_a_rejected_dossier_without_a_class(tmp_path: Path) -> None:
    """diff reads each dossier once and keeps (id, total, stars): a rejected dossier is
    rated with no class (stars null), as the per-dossier rating says."""
    from tests.conftest import TINY_RUBRIC, dossier_data, dump

    rules = tmp_path / "rules"
    dump(rules / "tiny.yaml", TINY_RUBRIC)
    dump(tmp_path / "d" / "a.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}],
                                                 facts={"falsified": True}))
    result = runner.invoke(app, ["diff", str(rules), str(rules), "-d", str(tmp_path / "d"),
                                 "-f", "json"])
    [product] = json.loads(result.stdout)["products"]
    assert product["before"]["stars"] is None and product["after"]["total"] == 100.0
    assert product["movement"] == "unchanged"


def test_a_streamed_rate_walks_its_folder_once(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """``rate FOLDER -f json -o X`` asks for its files three times (is the output one of
    them? nothing to rate? then the rating): the folder is listed once; a later rating, by
    the library or the next command, lists it again (a file added in between is read)."""
    import os

    folder = _mixed(tmp_path)
    listed: list[str] = []
    real = os.scandir

    def scandir(path: str) -> object:
        listed.append(str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["rate", str(folder), "-f", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output  # the broken and the repeated dossier
    assert listed.count(str(folder)) == 1
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 24
    shutil.copy(SAMPLES / "qn-vd-hau.yaml", folder / "zzz-again.yaml")
    assert pipeline.rate_paths(bundled_library(), [str(folder)]).count == 25
    assert listed.count(str(folder)) == 2
    result = runner.invoke(app, ["rate", str(folder), "-f", "json", "-o", str(out)])
    assert listed.count(str(folder)) == 3
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 25
