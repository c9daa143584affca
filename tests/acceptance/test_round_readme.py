"""The council round walk-through of the secretary's guide (docs/huong-dan.md) runs as
printed, with the exit codes it says (each ``ocop-rate`` line run as bash would, in this
process: tests/shell_line.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

from tests.shell_line import run_line

REPO = Path(__file__).resolve().parents[2]


def walk_through() -> list[str]:
    text = (REPO / "docs" / "huong-dan.md").read_text(encoding="utf-8")
    section = text.split("## 3. Một đợt đánh giá của hội đồng", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines()
            if line.strip() and not line.startswith("#")]


def test_readme_round_walk_through_runs_as_printed(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
           f"{os.environ.get('PATH', '')}", "COLUMNS": "120"}
    codes = []
    for command in walk_through():
        done = run_line(command, tmp_path, env)
        codes.append((command.split()[:3], done.returncode))
        assert done.returncode in (0, 1), (command, done.stdout, done.stderr)
        if command.startswith("ocop-rate round status dot-2 -f json"):
            assert done.returncode == 0  # everyone has scored by then
        elif command.startswith("ocop-rate round status"):
            assert done.returncode == 1 and "Trần Minh Đức" in done.stdout
            assert "thiếu" in done.stdout
        elif command.startswith("ocop-rate rate dot-2 --lang en"):
            assert "Hoàng Văn Sơn re-scored" in done.stdout
    assert [c for _, c in codes].count(1) == 1  # only the status with someone missing
    data = json.loads((tmp_path / "dot-2.json").read_text(encoding="utf-8"))
    assert len(data) == 4 and all(p["stars"] for p in data)  # the CONTRACT array
    item = next(p for p in data if p["product_id"] == "QN-DT-0120")
    assert [s["pass_no"] for s in item["sheets"] if s["member"] == "Hoàng Văn Sơn"] == [2, 1]
    status = json.loads((tmp_path / "dot-2-status.json").read_text(encoding="utf-8"))
    assert status["round"]["name"] == "Đợt 2 năm 2026" and not status["problems"]
    assert set(status["completeness"]) == {p["product_id"] for p in data}
    minutes = (tmp_path / "bien-ban-dot-2.md").read_text(encoding="utf-8")
    assert "Đợt 2 năm 2026" in minutes and "✓²" in minutes
