"""A command imports only what it uses (issue 23): ``--help``, ``rubrics list`` and
``register due`` neither score nor write a workbook, so they load no numpy, pandas, openpyxl
or python-docx, and read no YAML; in JSON they draw nothing, so no rich either, and they
build no pydantic model (nor typer's pydantic adapters, :mod:`ocop_rate.cli.coercion`). The
table forms draw with rich, what a person at a terminal gets (and a pipe gets the same
table). A rating needs numpy and pydantic, but not pydantic's plugin scan, nor the pool
of threads numpy's OpenBLAS would start.

Each command runs as a real process, as the ``ocop-rate`` script runs it, its output to a
pipe; the modules loaded by the end of the run are read from ``sys.modules``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ocop_rate.cli.app import PLUGINS_OFF
from tests.conftest import REPO, SAMPLES
from tests.register_helpers import register_rows, write_sheet

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
    task = "/proc/self/task"
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"code": code, "modules": sorted(sys.modules),
                   "blas_asked": os.environ.get("OPENBLAS_NUM_THREADS"),
                   "threads": len(os.listdir(task)) if os.path.isdir(task) else None},
                  handle)
"""

SCORING = {"numpy", "pandas", "openpyxl", "docx"}
DRAWING = {"rich"}
MODELS = {"pydantic", "typer._adapters"}


def _ran(args: list[str], tmp_path: Path, **env: str) -> tuple[dict[str, Any], str]:
    """What a run of ``ocop-rate args`` left at its end (the modules loaded, OpenBLAS's
    setting, the process's threads), and what it wrote to stdout."""
    out = tmp_path / "modules.json"
    proc = subprocess.run([sys.executable, "-c", WRAPPER, str(out), *args], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8", check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
                               "PYTHONIOENCODING": "utf-8", **env})
    said: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert said["code"] == 0, proc.stderr
    return said, proc.stdout


def _loaded(args: list[str], tmp_path: Path, **env: str) -> tuple[set[str], str]:
    """The modules a run of ``ocop-rate args`` loaded, and what it wrote to stdout."""
    said, out = _ran(args, tmp_path, **env)
    return set(said["modules"]), out


def _heavy(modules: set[str], banned: set[str]) -> set[str]:
    """The banned modules that were loaded (a package's module loads the package)."""
    return banned & modules


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register of 30 certificates, filled by the real ``register import``."""
    folder = tmp_path_factory.mktemp("register")
    sheet = write_sheet(folder / "so.csv", register_rows(30))
    db = folder / "so.sqlite"
    subprocess.run([sys.executable, "-m", "ocop_rate", "register", "import", str(sheet),
                    "--db", str(db)], cwd=REPO, check=True, capture_output=True)
    return db


def test_help_loads_nothing_heavy(tmp_path: Path) -> None:
    modules, out = _loaded(["--help"], tmp_path)
    assert "rubrics" in out and "typer" in modules  # it ran, through typer
    assert not _heavy(modules, SCORING | DRAWING | MODELS | {"yaml"})


def test_rubrics_list_as_json_loads_no_library_it_does_not_use(tmp_path: Path) -> None:
    modules, out = _loaded(["rubrics", "list", "-f", "json"], tmp_path)
    assert any(e["id"] == "food-processed-plant-26" for e in json.loads(out))
    assert not _heavy(modules, SCORING | DRAWING | MODELS | {"yaml"})


def test_rubrics_list_table_draws_with_rich_only(tmp_path: Path) -> None:
    modules, out = _loaded(["rubrics", "list"], tmp_path)
    assert "food-processed-plant-26" in out and "rich.table" in modules
    assert not _heavy(modules, SCORING | MODELS | {"yaml"})


def test_register_due_as_json_loads_nothing_heavy(register: Path, tmp_path: Path) -> None:
    modules, out = _loaded(["register", "due", "-f", "json", "--db", str(register), "--on",
                            "2029-05-01"], tmp_path)
    assert len(json.loads(out)) == 30  # every certificate expires within the window
    assert not _heavy(modules, SCORING | DRAWING | MODELS | {"yaml"})


def test_the_registers_json_answers_build_no_document(register: Path, tmp_path: Path) -> None:
    """A JSON answer of the register is its rows as objects, one a line: no Document
    (a title, sections, tables) is built for it, so its model module is not loaded."""
    for ask in (["due", "--on", "2029-05-01"], ["expired", "--on", "2040-01-01"], ["list"]):
        modules, out = _loaded(["register", *ask, "-f", "json", "--db", str(register)],
                               tmp_path)
        assert len(json.loads(out)) == 30
        assert "ocop_rate.models.document" not in modules, ask


def test_register_due_table_draws_with_rich_only(register: Path, tmp_path: Path) -> None:
    modules, out = _loaded(["register", "due", "--db", str(register), "--on", "2029-05-01"],
                           tmp_path)
    assert "P-000029" in out and "rich" in modules
    assert not _heavy(modules, SCORING | MODELS | {"yaml"})


def test_register_import_says_what_it_wrote_without_rich(tmp_path: Path) -> None:
    """``register import`` of a CSV writes one plain line on stderr (how many rows went
    where): it draws nothing, so it loads neither rich nor pandas for it; the line is the
    same one the console writes (tests/unit/cli/test_notes.py)."""
    sheet = write_sheet(tmp_path / "so.csv", register_rows(5))
    modules, _ = _loaded(["register", "import", str(sheet), "--db",
                          str(tmp_path / "so.sqlite")], tmp_path)
    assert "ocop_rate.register.importing" in modules  # it ran the import
    assert not _heavy(modules, SCORING | DRAWING | MODELS | {"yaml"})


DOSSIER = SAMPLES / "qn-bc-tra-hoa-vang.yaml"


def test_a_rating_does_not_scan_for_pydantic_plugins(tmp_path: Path) -> None:
    """Plugins off (ocop-rate's default): pydantic's plugin loader, and the package
    metadata it reads, are never loaded; the rating is the same either way."""
    modules, out = _loaded(["rate", str(DOSSIER), "-f", "json"], tmp_path)
    assert "importlib.metadata" not in modules and "numpy" in modules
    on, same = _loaded(["rate", str(DOSSIER), "-f", "json"], tmp_path,
                       PYDANTIC_DISABLE_PLUGINS="")
    assert "importlib.metadata" in on  # a user who wants plugins gets pydantic's loader
    assert json.loads(out) == json.loads(same)


@pytest.mark.parametrize("value", PLUGINS_OFF)
def test_the_stand_in_loader_answers_as_pydantics_own(value: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Where ocop-rate stands in for pydantic's plugin loader, pydantic's own finds no
    plugin either."""
    from pydantic.plugin import _loader

    assert getattr(_loader, "__file__", None), "pydantic's own loader, not the stand-in"
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", value)
    assert list(_loader.get_plugins()) == []


def test_rating_one_dossier_loads_no_workbook_or_document_library(tmp_path: Path) -> None:
    """``rate ONE.yaml`` (issue 23's start-up figure) draws its terminal table with rich and
    scores with numpy; pandas, openpyxl and python-docx are for the workbook and document
    formats only, and pydantic's plugin scan stays off in the table form too."""
    modules, out = _loaded(["rate", str(DOSSIER)], tmp_path, COLUMNS="100")
    assert "QN-BC-0021" in out and {"numpy", "rich.table", "yaml"} <= modules
    assert not _heavy(modules, {"pandas", "openpyxl", "docx", "importlib.metadata"})


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                    reason="counts the process's threads in /proc (Linux)")
def test_a_rating_starts_no_thread_pool(tmp_path: Path) -> None:
    """numpy's OpenBLAS would start a thread per core at numpy's import, spinning while it
    waits; the engine never calls BLAS, so the command line asks for one thread."""
    said, _ = _ran(["rate", str(DOSSIER), "-f", "json"], tmp_path)
    assert "numpy" in said["modules"]
    assert said["blas_asked"] == "1" and said["threads"] == 1


def test_a_users_own_blas_setting_is_kept(tmp_path: Path) -> None:
    said, _ = _ran(["rate", str(DOSSIER), "-f", "json"], tmp_path, OPENBLAS_NUM_THREADS="2")
    assert said["blas_asked"] == "2"
