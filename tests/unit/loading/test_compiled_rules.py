"""The compiled bundled rubrics (ocop_rate/loading/compiled_rules.jsonl): fresh against
scoring_rules/, equal to a fresh parse, used only for exactly the compiled files, and a
stale entry never gives a wrong rubric."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ocop_rate.checks.compiled_record import compile_text
from ocop_rate.checks.lints import run_lints
from ocop_rate.loading.compiled import COMPILED_FILE, open_compiled
from ocop_rate.loading.rubrics import bundled_rules_dir, catalogue, load_library
from tests.conftest import REPO, RULES, SAMPLES

RUBRIC = "food-processed-plant-26"


def test_compiled_file_is_fresh() -> None:
    """Fails when scoring_rules/, the loader, the model or the lints changed without
    `python tools/compile_rules.py` (commands would then parse: slow, still right)."""
    assert COMPILED_FILE.read_text(encoding="utf-8") == compile_text(RULES), \
        "stale: run python tools/compile_rules.py"


def test_compiled_library_equals_the_parsed_one() -> None:
    compiled, parsed = load_library(), load_library(compiled=False)
    assert open_compiled(None, bundled_rules_dir()) is not None
    assert list(compiled.rubrics) == list(parsed.rubrics)
    for rubric_id, rubric in parsed.rubrics.items():
        assert compiled.rubrics[rubric_id] == rubric, rubric_id
    assert compiled.files == parsed.files
    assert compiled.bases == parsed.bases
    for lang in ("vi", "en"):
        for day in (dt.date(2024, 1, 1), dt.date(2026, 12, 1)):
            assert catalogue(compiled, lang, day) == catalogue(parsed, lang, day)


def test_recorded_lint_report_equals_a_fresh_lint() -> None:
    for strict in (False, True):
        recorded, fresh = run_lints(strict=strict), run_lints(strict=strict, compiled=False)
        assert recorded.rubrics == fresh.rubrics and recorded.files == fresh.files
        assert [f.as_dict() for f in recorded.findings] == [f.as_dict() for f in fresh.findings]
        assert [f.text("vi") for f in recorded.findings] == \
            [f.text("vi") for f in fresh.findings]
        assert recorded.ok == fresh.ok
    assert recorded.findings, "the bundled rules have accepted findings to compare"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    return folder


def test_an_identical_copy_is_read_compiled_and_located_in_the_copy(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    found = open_compiled([folder], bundled_rules_dir())
    assert found is not None
    library = load_library([folder])
    assert library.files[RUBRIC] == str(folder / f"{RUBRIC}.yaml")
    assert run_lints([folder]).files == run_lints([folder], compiled=False).files


def test_an_identical_copy_lists_the_files_the_parser_lists(tmp_path: Path) -> None:
    """The freshness check walks the folder itself (no path resolved): the same files, in
    the same order, as the parser's listing, each an input of the run (never written)."""
    from ocop_rate.inputs import begin_run, end_run, input_named
    from ocop_rate.loading.rule_files import rule_files

    folder = _copy(tmp_path)
    (folder / ".hidden.yaml").write_text("id: x\n", encoding="utf-8")
    (folder / "README.md").write_text("words\n", encoding="utf-8")
    begin_run()
    try:
        found = open_compiled([folder], bundled_rules_dir())
        assert found is not None and found.files == rule_files([folder])
        assert all(input_named(path) == str(path) for path in found.files)
    finally:
        end_run()


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_folder_holding_a_link_is_parsed_not_compiled(tmp_path: Path, link: str) -> None:
    """A link, even to a file of the folder itself, leaves the judgement to the parser
    (which refuses a link that leads outside the folder)."""
    folder = _copy(tmp_path)
    target = folder / f"{RUBRIC}.yaml"
    moved = tmp_path / "moved"
    if link == "file":
        moved.mkdir()
        target.rename(moved / target.name)
        target.symlink_to(moved / target.name)
    else:
        shutil.move(str(folder), str(moved))
        folder.mkdir()
        (folder / "rules").symlink_to(moved, target_is_directory=True)
    assert open_compiled([folder], bundled_rules_dir()) is None


@pytest.mark.parametrize("change", ["edit", "add", "remove", "rename"])
def test_any_change_to_the_files_falls_back_to_parsing(tmp_path: Path, change: str) -> None:
    folder = _copy(tmp_path)
    target = folder / f"{RUBRIC}.yaml"
    if change == "edit":
        target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n",
                          encoding="utf-8")
    elif change == "add":
        (folder / "extra").mkdir()
        shutil.copy(target, folder / "extra" / "copy.yaml")
    elif change == "remove":
        (folder / "all-part-totals-1048.yaml").unlink()
    else:
        target.rename(folder / "renamed.yaml")
    assert open_compiled([folder], bundled_rules_dir()) is None


def test_an_edited_rubric_is_read_as_edited_not_as_compiled(tmp_path: Path) -> None:
    """The stale compiled entry is never used: an edit shows in `rubrics show`, and a
    broken edit in a base is reported by `validate` at its line."""
    folder = _copy(tmp_path)
    child = folder / f"{RUBRIC}.yaml"
    text = child.read_text(encoding="utf-8")
    assert '\nname: {vi: "Bộ sản phẩm: Chế biến' in text
    child.write_text(text.replace('\nname: {vi: "Bộ sản phẩm: Chế biến',
                                  '\nname: {vi: "Phiếu đã sửa: Chế biến', 1), encoding="utf-8")
    shown = _cli("rubrics", "show", RUBRIC, "--rules", str(folder), "-f", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["name"]["vi"].startswith("Phiếu đã sửa")
    base = folder / "ocop-26-base.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace("max_points: 40",
                                                            "max_points: 41", 1),
                    encoding="utf-8")
    checked = _cli("validate", str(folder), "-f", "json", "--lang", "en")
    assert checked.returncode == 1
    findings = json.loads(checked.stdout)["findings"]
    assert any(f["file"] == str(base) and f["severity"] == "error" for f in findings)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ocop_rate", *args], capture_output=True,
                          text=True, cwd=REPO, check=False)


@pytest.mark.parametrize("command", [["rubrics", "list", "-f", "json"], ["validate"],
                                     ["rubrics", "show", RUBRIC, "-f", "json"]])
def test_commands_on_compiled_rules_read_no_yaml(command: list[str]) -> None:
    """Start-up: with the compiled rules these commands never import PyYAML (the parse
    with positions is what they skip), and `rubrics list`/`validate` build no rubric."""
    probe = ("import sys, io, contextlib\n"
             "from ocop_rate.cli import main\n"
             f"sys.argv = ['ocop-rate', *{command!r}]\n"
             "out = io.StringIO()\n"
             "with contextlib.redirect_stdout(out):\n"
             "    try:\n        main()\n    except SystemExit as e:\n        code = e.code\n"
             "print(code, 'yaml' in sys.modules, 'ocop_rate.models.rubric' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=REPO, check=True)
    code, yaml_loaded, model_loaded = done.stdout.split()[-3:]
    assert code in ("0", "None") and yaml_loaded == "False"
    if "show" not in command:
        assert model_loaded == "False"


def test_rating_one_dossier_builds_only_its_rubric() -> None:
    library = load_library()
    rubrics = library.rubrics
    sample = next(p for p in sorted(SAMPLES.glob("*.yaml"))
                  if f"rubric: {RUBRIC}" in p.read_text(encoding="utf-8"))
    from ocop_rate.pipeline import rate_paths

    result = rate_paths(library, [str(sample)])
    assert result.count == 1
    built = getattr(rubrics, "_built", None)
    assert built is not None and set(built) == {RUBRIC}
