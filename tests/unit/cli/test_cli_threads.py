"""A rating starts no thread pool it does not use: numpy's OpenBLAS would start one thread
per core when numpy is imported, spinning while they wait; the engine never calls BLAS, so
the command line asks OpenBLAS for one thread, unless the user set
``OPENBLAS_NUM_THREADS`` themselves. Each run is a real process, as the script runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES

WRAPPER = """
import json, os, sys
out, sys.argv = sys.argv[1], ["ocop-rate", *sys.argv[2:]]
code = 0
try:
    from ocop_rate.cli import main
    main()
except SystemExit as stop:
    code = stop.code or 0
finally:
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"code": code, "numpy": "numpy" in sys.modules,
                   "asked": os.environ.get("OPENBLAS_NUM_THREADS"),
                   "threads": len(os.listdir("/proc/self/task"))}, handle)
"""

needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                                reason="counts the process's threads in /proc (Linux)")


def _run(tmp_path: Path, **env: str) -> dict[str, object]:
    out = tmp_path / "threads.json"
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(out), "rate",
         str(SAMPLES / "qn-bc-tra-hoa-vang.yaml"), "-f", "json"],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8",
             **env})
    said: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    assert said["code"] == 0 and said["numpy"], proc.stderr
    return said


@needs_proc
def test_a_rating_runs_on_its_one_thread(tmp_path: Path) -> None:
    said = _run(tmp_path)
    assert said["asked"] == "1"
    assert said["threads"] == 1


@needs_proc
def test_the_users_own_setting_is_kept(tmp_path: Path) -> None:
    assert _run(tmp_path, OPENBLAS_NUM_THREADS="2")["asked"] == "2"
