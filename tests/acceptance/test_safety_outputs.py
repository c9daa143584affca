"""Outputs: never an input, never a device or FIFO replaced, no ``.part`` left by a signal,
a full standard output is a clear error (issue 12, items 2, 3, 14, 17)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, dossier_data, dump
from tests.hostile import TIMEOUT, TINY, assert_clean, cli, cli_here
from tests.unit.checks.test_checks_diff import git


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A rubric folder, two dossiers and a golden file, as a user's project holds them."""
    shutil.copytree(TINY, tmp_path / "rules")
    dump(tmp_path / "d" / "p1.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}]))
    dump(tmp_path / "d" / "p2.yaml", dossier_data([{"A1": "a", "B1": "a", "C1": "a"}],
                                                  pid="P-2"))
    (tmp_path / "golden.csv").write_text("product_id,stars,total\nP-1,5,100\nP-2,1,0\n",
                                         encoding="utf-8")
    os.link(tmp_path / "d" / "p1.yaml", tmp_path / "hard.yaml")
    (tmp_path / "soft.yaml").symlink_to(tmp_path / "rules" / "tiny.yaml")
    return tmp_path


# (command line, the input it must not overwrite); "{o}" is where --output points
OVERWRITES = [
    (["explain", "d/p1.yaml", "-r", "rules", "-o", "d/p1.yaml"], "d/p1.yaml"),
    (["explain", "d", "-r", "rules", "-o", "hard.yaml"], "d/p1.yaml"),
    (["summary", "d", "-r", "rules", "-o", "d/p2.yaml"], "d/p2.yaml"),
    (["summary", "d/*.yaml", "-r", "rules", "-f", "json", "-o", "d/p2.yaml"], "d/p2.yaml"),
    (["validate", "rules", "-o", "rules/tiny.yaml"], "rules/tiny.yaml"),
    (["validate", "rules", "-f", "junit", "-o", "soft.yaml"], "rules/tiny.yaml"),
    (["check", "d", "-r", "rules", "-e", "golden.csv", "-o", "d/p1.yaml"], "d/p1.yaml"),
    (["check", "d", "-r", "rules", "-e", "golden.csv", "-o", "golden.csv"], "golden.csv"),
    (["check", "d", "-r", "rules", "--update", "-e", "d/p1.yaml"], "d/p1.yaml"),
    (["check", "d", "-r", "rules", "--update", "-e", "rules/tiny.yaml"], "rules/tiny.yaml"),
    (["diff", "rules", "rules", "d", "-o", "d/p2.yaml"], "d/p2.yaml"),
    (["diff", "rules", "rules", "d", "-f", "json", "-o", "rules/tiny.yaml"],
     "rules/tiny.yaml"),
    (["template", "tiny", "-r", "rules", "-o", "rules/tiny.yaml"], "rules/tiny.yaml"),
    (["template", "tiny", "-r", "rules", "-f", "xlsx", "-o", "soft.yaml"],
     "rules/tiny.yaml"),
    (["rate", "d", "-r", "rules", "-o", "rules/tiny.yaml"], "rules/tiny.yaml"),
    (["rate", "d", "-r", "rules", "-f", "csv", "-o", "hard.yaml"], "d/p1.yaml"),
    (["rate", "d", "-r", "rules", "-f", "xlsx", "-o", "d/p1.yaml"], "d/p1.yaml"),
]


def test_no_command_overwrites_its_own_input(work: Path) -> None:
    """Every command line in this process (the first in a real one too): each refused,
    every file as it was, no ``.part`` left."""
    before = {p: digest(p) for p in work.rglob("*") if p.is_file()}
    runs = [(OVERWRITES[0], cli(*OVERWRITES[0][0], cwd=work))]
    runs += [((args, kept), cli_here(*args, cwd=work)) for args, kept in OVERWRITES]
    for (args, kept), run in runs:
        assert_clean(run)
        assert run.code == 2, (args, run.text)
        assert "input" in run.err and "--output" in run.err, (args, run.err)
        assert (work / kept).is_file(), args
    assert {p: digest(p) for p in work.rglob("*") if p.is_file()} == before
    assert not [p for p in work.rglob("*.part")]


def test_the_same_commands_write_a_fresh_file(work: Path) -> None:
    """The guard refuses inputs only: each command still writes a new report (in this
    process; the first also in a real one)."""
    for number, (args, _) in enumerate([OVERWRITES[0], *OVERWRITES]):
        out = work / "out" / f"{args[0]}-{number}.txt"
        out.parent.mkdir(exist_ok=True)
        cmd = [a for a in args]
        if "--update" in cmd:
            cmd[cmd.index("-e") + 1] = str(out.with_suffix(".csv"))
            out = out.with_suffix(".csv")
        else:
            cmd[cmd.index("-o") + 1] = str(out)
        run = cli(*cmd, cwd=work) if number == 0 else cli_here(*cmd, cwd=work)
        assert_clean(run)
        assert run.code in (0, 1), (cmd, run.text)
        assert out.is_file() and out.stat().st_size > 0, cmd


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_of_revisions_does_not_overwrite_a_dossier(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(TINY, repo / "scoring_rules")
    dump(repo / "d" / "p.yaml", dossier_data([{"A1": "h", "B1": "c", "C1": "c"}]))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "x")
    before = digest(repo / "d" / "p.yaml")
    run = cli("diff", "HEAD", "HEAD", "d", "-f", "json", "-o", "d/p.yaml", cwd=repo)
    assert run.code == 2 and "input" in run.err, run.text
    assert digest(repo / "d" / "p.yaml") == before


def test_dev_null_stays_a_device_and_is_written_in_place(work: Path) -> None:
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    for args in (["rate", "d", "-r", "rules", "-f", "json", "-o", "/dev/null"],
                 ["template", "tiny", "-r", "rules", "-f", "xlsx", "-o", "/dev/null"],
                 ["validate", "rules", "-o", "/dev/null"]):
        run = cli(*args, cwd=work)
        assert_clean(run)
        assert run.code in (0, 1), run.text
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(Path("/dev").glob(".null.*.part"))


def test_a_fifo_is_written_in_place_and_one_nobody_reads_is_refused(work: Path) -> None:
    fifo = work / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(0.2)
    run = cli("rate", "d", "-r", "rules", "-f", "json", "-o", fifo, cwd=work)
    reader.join(TIMEOUT)
    assert run.code == 0, run.text
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b'"product_id": "P-1"' in got[0]
    link = work / "to-pipe"
    link.symlink_to(fifo)
    for target in (fifo, link):  # nobody reads: refused at once, never a hang
        run = cli("rate", "d", "-r", "rules", "-f", "csv", "-o", target, cwd=work, timeout=30)
        assert_clean(run)
        assert run.code == 2 and "FIFO" in run.err, run.text
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_folder_or_socket_as_output_is_refused(work: Path) -> None:
    import socket

    sock_path = work / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        for target in ("d", "s.sock"):
            run = cli("rate", "d", "-r", "rules", "-o", target, cwd=work)
            assert_clean(run)
            assert run.code == 2, run.text
        assert stat.S_ISSOCK(os.stat(sock_path).st_mode)
        assert (work / "d").is_dir()
    finally:
        server.close()


def _big_batch(folder: Path, count: int) -> None:
    folder.mkdir()
    sample = (SAMPLES / "qn-hl-cha-muc.yaml").read_text("utf-8")
    for i in range(count):
        (folder / f"d{i:05d}.yaml").write_text(sample.replace("QN-HL-0102", f"SIG-{i:05d}"),
                                               encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_mid_write_remove_the_part_file(tmp_path: Path,
                                                           signum: int) -> None:
    folder = tmp_path / "big"
    _big_batch(folder, 1500)
    out = tmp_path / "out.json"
    out.write_text("previous report\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ocop_rate", "rate", str(folder), "-f", "json", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(".part") for p in tmp_path.iterdir()):
            break
        time.sleep(0.002)
    assert proc.poll() is None, "finished before the write could be interrupted"
    assert any(p.name.endswith(".part") for p in tmp_path.iterdir())
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 128 + signum, err.decode()
    assert "Traceback" not in err.decode()
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big", "out.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["rubrics", "list"], ["rate", "d", "-r", "rules"],
                                  ["rate", "d", "-r", "rules", "-f", "json"],
                                  ["template", "tiny", "-r", "rules"]])
def test_standard_output_on_a_full_disk(work: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        run = cli(*args, cwd=work, stdout=full.fileno())
    assert_clean(run)
    assert run.code == 2 and "standard output" in run.err.replace("đầu ra chuẩn",
                                                                  "standard output"), run.err


def test_inputs_that_are_not_regular_files_are_refused_not_waited_on(work: Path) -> None:
    """The neighbour of -o FIFO: a FIFO read as a dossier would block, /dev/zero never ends."""
    fifo = work / "d" / "pipe.yaml"
    os.mkfifo(fifo)
    for args in (["rate", fifo, "-r", "rules", "-f", "json"],
                 ["rate", "/dev/zero", "-r", "rules", "-f", "json"],
                 ["rate", "d", "-r", "rules", "-f", "json"]):
        run = cli(*args, cwd=work, timeout=30, memory_mb=1024)
        assert_clean(run)
        if args[1] == "d":  # inside a folder only regular files are dossiers
            assert run.code == 0 and run.out.count('"product_id"') == 2, run.text
        else:
            assert run.code == 1 and "not a regular file" in run.out, run.text
    for rules in ("/dev/zero", str(fifo)):
        run = cli("rate", "d", "-r", rules, cwd=work, timeout=30)
        assert_clean(run)
        assert run.code == 2 and "not a regular file" in run.err, run.text
