"""At 80 columns in a real terminal (tmux): `explain` takes about a screen per part, and no
table or line of `explain`, `rate ROUND` or `rate ROUND --members` splits an id or a word
(`QN-HL-01|02`, `đạ|t`) or cuts a name (`Ngu…`). Skips, saying why, where tmux is absent."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES
from tests.shell_line import run_line
from tests.tmux_screen import terminal_env, tmux_lines

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (apt-get install -y tmux)")
BOX = re.compile(r"[─-╿]")  # box drawing: table rules are not words


def _words(text: str) -> set[str]:
    return {w.strip(":,;·()") for w in BOX.sub(" ", text).split()} - {""}


def _wide_words(command: str, cwd: Path) -> set[str]:
    """Every word of the same command's output 400 columns wide, where nothing wraps (not
    a terminal: an ``ocop-rate`` line runs in this process, tests/shell_line.py)."""
    done = run_line(command, cwd, {**terminal_env(), "COLUMNS": "400"})
    return _words(done.stdout + done.stderr)


def _assert_no_word_split(screen: list[str], command: str, cwd: Path) -> None:
    assert max(len(line) for line in screen) <= 80
    assert "…" not in "\n".join(screen)  # nothing cut short
    wide = _wide_words(command, cwd)
    broken = sorted(w for w in _words("\n".join(screen)) - wide if not w.isdigit())
    assert not broken, broken  # a piece of a word or id that the wide output never prints


@pytest.mark.parametrize(("lang", "part", "total"), [("vi", "Phần", "Tổng"),
                                                     ("en", "Part", "Total")])
def test_explain_at_80_columns_is_a_screen_per_part(lang: str, part: str, total: str) -> None:
    command = f"ocop-rate explain {SAMPLES / 'qn-dh-ngong-sao.yaml'} --lang {lang}"
    screen = tmux_lines(command, REPO, 80)
    assert len(screen) <= 120, len(screen)  # 271 lines before
    starts = [i for i, line in enumerate(screen) if re.match(rf"{part} [ABC]: ", line)]
    assert len(starts) == 3
    ends = [*starts[1:], next(i for i, line in enumerate(screen)
                              if line.startswith(f"{total}: "))]
    assert all(end - start <= 40 for start, end in zip(starts, ends, strict=True)), (
        starts, ends)
    assert any(line.startswith("│ C10 ") for line in screen)
    _assert_no_word_split(screen, command, REPO)


ROSTER = """Họ và tên,Đơn vị,Vai trò
Nguyễn Thị Lan,Sở Nông nghiệp và Môi trường,Chủ tịch
Hoàng Văn Sơn,Sở Khoa học và Công nghệ,Thành viên
Trần Minh Đức,Sở Công Thương,Thành viên
Phạm Thị Hoa,Sở Y tế,Thành viên
Lê Quang Vinh,Sở Văn hóa,Thành viên
Đặng Thu Trang,Sở Tài chính,Thành viên
Võ Nguyễn Hoàng Khánh,Liên minh Hợp tác xã,Thành viên
Bùi Thanh Tâm,Văn phòng Điều phối nông thôn mới,Thư ký
"""


@pytest.mark.parametrize("roster", ["three", "seven"])
def test_rate_round_at_80_columns_splits_no_word(roster: str, tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    names = tmp_path / "examples/council-round/roster.csv"
    if roster == "seven":
        names.write_text(ROSTER, encoding="utf-8")
    for step in (f"ocop-rate round new dot --roster {names} --products "
                 "examples/council-round/products.csv --name 'Đợt 2 năm 2026' "
                 "--date 2026-11-20 --province 'Quảng Ninh' --quorum 2/3",
                 "python examples/council-round/fill.py dot/sheets"):
        done = run_line(step, tmp_path, terminal_env())
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    for command in ("ocop-rate rate dot", "ocop-rate rate dot --members"):
        screen = tmux_lines(command, tmp_path, 80)
        said = "\n".join(screen)
        assert "QN-HL-0102" in said and "Cần thảo luận lại" in said, command
        for name in ("Nguyễn Thị Lan", "Hoàng Văn Sơn"):
            assert name in said, command  # whole, on one line: in a header or the legend
        _assert_no_word_split(screen, command, tmp_path)
