"""The wheel carries the rubrics, so an installed ocop-rate works from any folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO, RULES


def test_wheel_ships_rubrics_and_runs_outside_repo(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(REPO)], capture_output=True, check=False)
    assert build.returncode == 0, build.stderr.decode()
    (wheel,) = wheels.glob("ocop_rate-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        shipped = {n for n in archive.namelist() if n.startswith("ocop_rate/scoring_rules/")}
        archive.extractall(site)
    assert {f"ocop_rate/scoring_rules/{p.name}" for p in RULES.glob("*.yaml")} <= shipped
    # the compiled message catalogues ride along (nothing compiles them at install time)
    assert {f"ocop_rate/locale/{lang}/LC_MESSAGES/ocop_rate.mo" for lang in ("vi", "en")} <= \
        set(archive.namelist())
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import ocop_rate.loading.rubrics as r; "
         "print(r.bundled_rules_dir())"], capture_output=True, env=env, cwd=tmp_path,
        check=True)
    assert where.stdout.decode().strip() == str(site / "ocop_rate" / "scoring_rules")
    listed = subprocess.run(
        [sys.executable, "-m", "ocop_rate", "rubrics", "list", "--format", "json"],
        capture_output=True, env=env, cwd=tmp_path, check=False)
    assert listed.returncode == 0, listed.stderr.decode()
    ids = {e["id"] for e in json.loads(listed.stdout)}
    assert "food-processed-animal-26" in ids
    for lang, words in (("vi", "Cách dùng"), ("en", "Usage")):  # words read from the .mo
        helped = subprocess.run(
            [sys.executable, "-m", "ocop_rate", "--help"], capture_output=True, cwd=tmp_path,
            env={**env, "OCOP_LANG": lang}, check=False)
        assert helped.returncode == 0 and words in helped.stdout.decode(), helped.stderr
    # the compiled rubrics ride along and match the shipped files: no YAML is parsed
    compiled = subprocess.run(
        [sys.executable, "-c", "import sys; from ocop_rate.loading.rubrics import load_library; "
         "lib = load_library(); lib.rubrics['food-processed-animal-26']; "
         "print('yaml' in sys.modules)"], capture_output=True, env=env, cwd=tmp_path,
        check=True)
    assert compiled.stdout.decode().strip() == "False"
