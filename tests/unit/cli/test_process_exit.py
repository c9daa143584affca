"""The process's entry point leaves at once after the command (``cli.app.run``): the exit
code and every byte of output are those of the command, and a profiler or tracer still
sees the ordinary end of the run."""

from __future__ import annotations

import json
import pstats
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLES


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, *args], capture_output=True, cwd=cwd, check=False)


def test_piped_output_arrives_whole_with_the_commands_code(tmp_path: Path) -> None:
    done = _run("-m", "ocop_rate", "rate", str(SAMPLES), "-f", "json")
    assert done.returncode == 0, done.stderr.decode()
    products = json.loads(done.stdout.decode("utf-8"))  # the whole array: nothing cut off
    dossiers = [p for p in SAMPLES.iterdir() if p.suffix in (".yaml", ".json")]
    assert len(products) == len(dossiers)
    refused = _run("-m", "ocop_rate", "rate", str(tmp_path / "missing.yaml"))
    assert refused.returncode == 2 and refused.stderr.strip()


def test_a_profiled_run_ends_the_ordinary_way(tmp_path: Path) -> None:
    profile = tmp_path / "rate.prof"
    done = _run("-m", "cProfile", "-o", str(profile), "-m", "ocop_rate", "rubrics", "list",
                "-f", "json")
    assert done.returncode == 0, done.stderr.decode()
    names = {func[2] for func in pstats.Stats(str(profile)).stats}  # type: ignore[attr-defined]
    assert "main" in names


def test_the_installed_script_leaves_through_the_same_entry_point() -> None:
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="ocop-rate")
    assert script.value == "ocop_rate.launch:run"


def test_the_entry_collects_the_commands_garbage_with_start_up_set_aside() -> None:
    """``launch.run`` imports the command line with the collector paused: afterwards the
    collector runs again for the command, and what start-up made is frozen out of it.
    (A profile function keeps the ordinary exit, so the state can be read at the end.)"""
    probe = ("import gc, sys\n"
             "sys.argv = ['ocop-rate', 'rubrics', 'list', '-f', 'json']\n"
             "sys.setprofile(lambda *args: None)\n"
             "from ocop_rate.launch import run\n"
             "try:\n"
             "    run()\n"
             "finally:\n"
             "    sys.setprofile(None)\n"
             "    print('collector', gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)\n")
    done = _run("-c", probe)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout.decode("utf-8"))  # the command ran whole
    _, enabled, frozen = done.stderr.decode().split()[-3:]
    assert enabled == "True"
    assert int(frozen) > 10_000  # typer's, pydantic's and our modules' objects
