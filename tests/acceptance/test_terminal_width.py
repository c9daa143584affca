"""The results in a real terminal (tmux) at 80 and 120 columns, and piped: every product's
id, name, total, class and outcome readable, no number cut, no line wider than the screen."""

from __future__ import annotations

import functools
import json
import shutil
import sys

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from tests.conftest import SAMPLES
from tests.tmux_screen import tmux_lines

runner = CliRunner()
DONE = "Không chấm được:"  # the summary line's last class: the table is fully drawn


@functools.cache
def _ratings() -> list[dict[str, object]]:
    """The samples' ratings as JSON, read once per process (the tests only read them)."""
    result = runner.invoke(app, ["rate", str(SAMPLES), "-f", "json"])
    items: list[dict[str, object]] = json.loads(result.stdout)
    return items


def _tmux_screen(width: int) -> str:
    """What ``ocop-rate rate sample_products`` draws in a ``width``-column tmux pane."""
    return "\n".join(tmux_lines(f"{sys.executable} -m ocop_rate rate {SAMPLES} --lang vi",
                                 SAMPLES.parent, width))


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="tmux is not installed (apt-get install -y tmux)")
@pytest.mark.parametrize("width", [80, 120])
def test_every_product_readable_in_a_real_terminal(width: int) -> None:
    screen = _tmux_screen(width)
    assert DONE in screen, screen
    lines = screen.splitlines()
    assert "…" not in screen  # nothing cut: text wraps, numbers stay whole
    words = set(" ".join(lines).replace("│", " ").split())
    for item in _ratings():
        assert item["product_id"] in words, item["product_id"]
        shown = f"{item['total']:.2f}".replace(".", ",")  # a Vietnamese screen: 52,50
        assert shown in words, (item["product_id"], item["total"])
        name = str(item["product_name"])
        assert all(w in words for w in name.split()), name
    assert "Công nhận" in screen and "3 sao" in screen


def test_piped_output_takes_columns_or_eighty() -> None:
    for columns, width in (("100", 100), (None, 80), ("50", 50)):
        result = runner.invoke(app, ["rate", str(SAMPLES)], env={"COLUMNS": columns})
        assert result.exit_code == 0
        lines = [line for line in result.stdout.splitlines() if not line.startswith("✗")]
        assert max(len(line) for line in lines) <= width  # located errors stay one line
        assert "…" not in result.stdout
        for item in _ratings():
            assert str(item["product_id"]) in result.stdout
            assert f"{item['total']:.2f}".replace(".", ",") in result.stdout



def test_a_note_shared_by_many_products_is_said_once_with_their_ids() -> None:
    """Who recognises which class is the same sentence for most products of a round: it is
    said once, followed by every product it is of, not once per product."""
    items = _ratings()
    by_province = sorted((str(i["product_id"]) for i in items
                          if str(i.get("outcome_source", "")).startswith("26/2026")
                          and i["outcome"] == "recognised"), key=str)
    assert len(by_province) >= 5
    result = runner.invoke(app, ["rate", str(SAMPLES), "--lang", "en"],
                           env={"COLUMNS": "10000"})
    lines = [line for line in result.stdout.splitlines() if line.startswith("• Recognised by")]
    shared = [line for line in lines if "26/2026" in line.split(":")[1]]
    assert len(shared) == 1, lines
    listed = shared[0].rsplit("): ", 1)[1].split(", ")
    assert sorted(listed) == by_province
    assert not any(line.startswith(f"• {pid}: Recognised by") for pid in by_province
                   for line in result.stdout.splitlines())
