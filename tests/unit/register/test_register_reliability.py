"""The register file under stress, through the CLI as separate processes: two writers at
once lose nothing; a writer killed (SIGKILL) in the middle of an import leaves the file as
it was before."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ocop_rate.register.schema import LATEST
from tests.register_helpers import register_rows, write_sheet

PY = [sys.executable, "-m", "ocop_rate"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PY, *map(str, args)], capture_output=True, text=True,
                          timeout=300, check=False)


def certificates(db: Path) -> list[str]:
    out = run("register", "list", "--all", "-f", "json", "--db", db)
    assert out.returncode == 0, out.stderr
    return sorted(r["certificate"] for r in json.loads(out.stdout))


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite"
    seed = write_sheet(tmp_path / "seed.csv", register_rows(1, prefix="S"))
    assert run("register", "import", seed, "--db", db).returncode == 0
    sheets = [write_sheet(tmp_path / f"{p}.csv", register_rows(1500, prefix=p))
              for p in ("A", "B")]
    revokes = write_sheet(tmp_path / "C.csv", register_rows(40, prefix="C"))
    assert run("register", "import", revokes, "--db", db).returncode == 0
    procs = [subprocess.Popen([*PY, "register", "import", str(s), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for s in sheets]
    # meanwhile a third process makes many small changes, each its own transaction
    for i in range(0, 40, 8):
        out = run("register", "revoke", f"C{i:06d}/GCN", "--ground", "b", "--decision",
                  f"{i}/QĐ", "--date", "2027-01-05", "--authority", "province-chair",
                  "--db", db)
        assert out.returncode == 0, out.stderr
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    got = certificates(db)
    assert len(got) == 1 + 40 + 3000 and len(set(got)) == len(got)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM revocations").fetchone()[0] == 5
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_killed_in_the_middle_of_an_import_leaves_the_file_as_before(tmp_path: Path) -> None:
    db = tmp_path / "reg.sqlite"
    seed = write_sheet(tmp_path / "seed.csv", register_rows(50, prefix="S"))
    assert run("register", "import", seed, "--db", db).returncode == 0
    before = certificates(db)
    wal = Path(f"{db}-wal")
    big = write_sheet(tmp_path / "big.csv", register_rows(30_000, prefix="K"))
    start = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen([*PY, "register", "import", str(big), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_mid_write = False
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        # the open transaction's pages spill into the WAL before it commits: it is writing
        if wal.exists() and wal.stat().st_size > start + 256 * 1024:
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid_write = True
            break
        time.sleep(0.002)
    proc.wait(timeout=60)
    assert killed_mid_write, "the import finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    assert certificates(db) == before        # as before the import: no half of it
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    again = run("register", "import", write_sheet(tmp_path / "after.csv",
                                                  register_rows(10, prefix="Z")), "--db", db)
    assert again.returncode == 0, again.stderr
    assert len(certificates(db)) == len(before) + 10


def test_processes_creating_the_same_new_register_at_once(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    sheets = [write_sheet(tmp_path / f"{p}.csv", register_rows(300, prefix=p)) for p in "WXYZ"]
    procs = [subprocess.Popen([*PY, "register", "import", str(s), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for s in sheets]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert len(certificates(db)) == 1200
    with sqlite3.connect(db) as conn:
        assert [v for (v,) in conn.execute("SELECT version FROM register_schema")] == \
            list(range(1, LATEST + 1))
    conn.close()
