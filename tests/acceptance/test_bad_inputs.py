"""The bad-input corpus (tests/bad_inputs/) and generated hostile inputs, through the real
CLI: a clear error naming the file, or a correct rating; never a traceback, never a hang;
inputs never modified; an interrupted or failing run leaves no partial output."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.report.output import write_atomic
from tests.conftest import SAMPLES

runner = CliRunner()
CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
TINY = CORPUS / "tiny-rubric"
HANG_GUARD = 60  # seconds: a guard against hangs, not a speed test

# file -> (exit code, our words the error must contain, "|" between alternatives; or the
# stars expected when it is rated). Never a third-party parser's wording: it changes.
DOSSIERS: dict[str, tuple[int, str | int]] = {
    "truncated.yaml": (1, "invalid YAML"),
    "tabs.yaml": (1, "invalid YAML"),
    "duplicate-keys.yaml": (1, "duplicate key 'A1'"),
    "duplicate-top-keys.yaml": (1, "duplicate key 'council'"),
    "duplicate-keys.json": (1, "duplicate key 'id'"),
    "windows-1258.yaml": (1, "not UTF-8 text"),
    "utf16-no-bom.yaml": (1, "not UTF-8 text"),
    "utf16-bom.yaml": (0, 5),
    "utf8-bom.yaml": (0, 5),
    "nan-fact.yaml": (1, "should be a finite number"),
    "nan.json": (1, "NaN is not a number"),
    "huge-fact.yaml": (1, "should be a finite number"),
    # a known fact that matches no box derives none (issue 11): rated, C1 at 0 points, 65.00
    "negative-fact.yaml": (0, 3),
    "huge-integer-id.yaml": (1, "invalid YAML value"),
    "numeric-code.yaml": (1, "unknown option '1e999'"),
    "alias-bomb.yaml": (1, "alias bomb"),
    "merge-keys.yaml": (0, 5),
    "python-object.yaml": (1, "invalid YAML"),
    "python-name-in-field.yaml": (1, "invalid YAML"),
    "custom-tag.yaml": (1, "invalid YAML"),
    "empty.yaml": (1, "file is empty"),
    "only-comments.yaml": (1, "file is empty"),
    "list-root.yaml": (1, "must be a mapping"),
    "scalar-root.yaml": (1, "must be a mapping"),
    "symlink-outside.yaml": (1, "must be a mapping"),
    "two-documents.yaml": (1, "single document"),
    "nul-bytes.yaml": (1, "NUL byte"),
    "deep-nesting.yaml": (1, "nested too deeply|invalid YAML"),
    "deep-nesting.json": (1, "nested too deeply|invalid YAML"),
    "long-line.yaml": (0, 5),
    "control-chars.yaml": (1, "U+0007 is not allowed"),
    "unknown-rubric-path.yaml": (1, "unknown rubric '../../../etc/passwd'"),
    "escape-title.yaml": (1, "U+001B is not allowed"),
    "osc8-hyperlink-note.yaml": (1, "U+001B is not allowed"),
    "bidi-override.yaml": (1, "U+202E is not allowed"),
    "c1-control.json": (1, "U+009B is not allowed"),
    "lone-surrogate.json": (1, "lone surrogate U+DFFF"),
    "binary-member.yaml": (1, "binary value"),
    "markup-member.yaml": (0, 5),
    "zero-width-id.yaml": (1, "invisible or look-alike character U+200B"),
    "nonbreaking-hyphen-id.yaml": (1, "invisible or look-alike character U+2011"),
    "members-spelled-twice.yaml": (1, "named more than once"),
}
SHEETS: dict[str, tuple[int, str | int]] = {
    "windows-1258.csv": (1, "not UTF-8 text"),
    "utf16-bom.csv": (0, 5),
    "ragged.csv": (1, "not a regular CSV table"),
    "duplicate-header.csv": (1, "repeats 'A1'"),
    "not-a-zip.xlsx": (1, "not an XLSX workbook"),
    "nul-bytes.csv": (1, "NUL byte"),
    "formula-injection.csv": (0, 5),
    "empty.csv": (1, "file is empty"),
    "header-only.csv": (1, "no data rows"),
    "blank-rows.csv": (0, 5),
    "huge-number-code.csv": (1, "unknown option '1e400'"),
    "negative-code.csv": (1, "unknown option '-1'"),
    "nan-code.csv": (1, "unknown option 'NaN'"),
    "semicolons.csv": (0, 5),  # Excel in a Vietnamese region writes ";" (issue 22)
    "long-cell.csv": (1, "longer than 1000 characters"),
    "space-in-id.csv": (1, "one word without spaces"),
    "dimension-bomb.xlsx": (0, 5),
    "value-beyond-last-column.xlsx": (1, "at most 1024 columns"),
    "wide-blank.csv": (0, 5),
    "members-spelled-twice.csv": (1, "scores product HS-1 twice"),
    "lookalike-ids.csv": (1, "is the same as 'HS-2'"),
    "escape-in-name.csv": (1, "U+001B is not allowed"),
    "escape-in-code.csv": (1, "unknown option '\\x1b[2Jh'"),
    # round 3 (issue 20): what Excel hides is never scored silently
    "very-hidden-sheet.xlsx": (1, "is hidden in Excel (veryHidden)"),
    "hidden-sheet.xlsx": (1, "is hidden in Excel (hidden)"),
    "hidden-row.xlsx": (1, "is hidden or filtered out in Excel"),
    "hidden-column.xlsx": (1, "column E of sheet 'Phiếu' (cell E1) is hidden"),
    "zero-height-row.xlsx": (1, "is hidden or filtered out in Excel"),
    "hidden-guide-sheet.xlsx": (0, 5),
}
RULES: dict[str, str] = {
    "extends-path": "unknown rubric '../../etc/passwd'",
    "extends-absolute": "unknown rubric '/etc/passwd'",
    "nan-points": "finite number",
    "inf-points": "finite number",
    "negative-points": "greater than or equal to 0",
    "huge-points": "add up to 1e+308",
    "alias-bomb": "alias bomb",
    "python-tag": "is not allowed (plain YAML only",
    "duplicate-id": "is also defined in",
    "extends-cycle": "forms a cycle",
    "duplicate-criterion-key": "duplicate key 'product_group'",
    "symlink-outside": "symbolic link to a file outside the folder",
}


def checksums(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_GUARD) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(*args: str) -> tuple[int, str]:
    with hang_guard():
        result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize(("name", "expected"), [
    *[(f"dossiers/{k}", v) for k, v in DOSSIERS.items()],
    *[(f"sheets/{k}", v) for k, v in SHEETS.items()]])
def test_corpus_file(name: str, expected: tuple[int, str | int]) -> None:
    code, words = expected
    path = CORPUS / name
    exit_code, output = run("rate", str(path), "--rules", str(TINY), "-f", "json")
    assert exit_code == code, output
    assert "Traceback" not in output
    items = json.loads(output[: output.rindex("]") + 1])
    if isinstance(words, int):
        assert [i["stars"] for i in items] == [words] * len(items) and items
    else:
        errors = [e for i in items for e in i["errors"]]
        # our own words only (alternatives split by "|"): a parser's wording is not ours
        assert any(w in e["message"] for e in errors for w in words.split("|")), errors
        assert all(e["file"] == str(path) for e in errors)
        table = run("rate", str(path), "--rules", str(TINY))[1]  # and on screen
        assert str(path) in table


@pytest.mark.parametrize(("case", "words"), RULES.items())
def test_corpus_rules_stop_the_run(case: str, words: str) -> None:
    exit_code, output = run("rate", str(CORPUS / "dossiers" / "utf8-bom.yaml"),
                            "--rules", str(CORPUS / "rules" / case), "--lang", "en")
    assert exit_code == 2, output
    assert words in output and str(CORPUS / "rules" / case) in output
    assert "Traceback" not in output


def test_whole_corpus_folder_as_a_subprocess(tmp_path: Path) -> None:
    """Every corpus file in one real process: all reported, links out refused, inputs kept."""
    before = checksums(CORPUS)
    out = tmp_path / "all.json"
    proc = subprocess.run(
        [sys.executable, "-m", "ocop_rate", "rate", str(CORPUS / "dossiers"),
         str(CORPUS / "sheets"), "--rules", str(TINY), "-f", "json", "-o", str(out)],
        capture_output=True, timeout=HANG_GUARD, check=False)
    assert proc.returncode == 1, proc.stderr.decode()
    items = json.loads(out.read_text(encoding="utf-8"))
    files = {e["file"] for i in items for e in i["errors"]} | {i["file"] for i in items}
    for name in [*DOSSIERS, *SHEETS]:
        folder = "dossiers" if name in DOSSIERS else "sheets"
        assert str(CORPUS / folder / name) in files, name
    link = next(i for i in items if i["file"].endswith("symlink-outside.yaml"))
    assert "outside the folder" in link["errors"][0]["message"]
    assert "root:" not in out.read_text(encoding="utf-8")  # /etc/passwd never read
    assert checksums(CORPUS) == before


def test_ten_megabyte_string_is_refused_by_the_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("product:\n  id: BIG\n  name: '" + "x" * 10_000_000 + "'\n",
                   encoding="utf-8")
    exit_code, output = run("rate", str(big), "--rules", str(TINY), "-f", "json")
    assert exit_code == 1 and "the limit is 5,242,880" in output
    cell = tmp_path / "big.csv"
    cell.write_text("product_id,product_name,rubric,member,A1,B1,C1\nBIG," + "x" * 10_000_000
                    + ",tiny,M1,h,c,c\n", encoding="utf-8")
    exit_code, output = run("rate", str(cell), "--rules", str(TINY), "-f", "json")
    assert exit_code == 1 and "longer than 1000 characters" in output


def test_zip_bomb_workbook_is_refused_before_unpacking(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import ocop_rate.loading.sheet_files as sheets

    monkeypatch.setattr(sheets, "MAX_XLSX_UNPACKED", 1_000_000)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 5_000_000)
    assert bomb.stat().st_size < 100_000
    exit_code, output = run("rate", str(bomb), "--rules", str(TINY), "-f", "json")
    assert exit_code == 1 and "unpacks to 5,000,000 bytes" in output


def test_folder_of_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    good = (CORPUS / "dossiers" / "merge-keys.yaml").read_text("utf-8")
    for i in range(1000):
        sub = folder / f"group-{i % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"ok-{i:04d}.yaml").write_text(good.replace("BAD-0002", f"OK-{i:04d}"),
                                             encoding="utf-8")
    for i in range(200):
        (folder / f"broken-{i:03d}.yaml").write_text("product: [", encoding="utf-8")
    for i in range(1800):
        (folder / f"notes-{i:04d}.txt").write_text("not a dossier", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "skip.yaml").write_text("product: [", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # never followed
    exit_code, output = run("rate", str(folder), "--rules", str(TINY), "-f", "json")
    assert exit_code == 1
    items = json.loads(output[: output.rindex("]") + 1])
    assert len(items) == 1200
    assert sum(1 for i in items if i["stars"] == 5) == 1000
    assert all("invalid YAML" in i["errors"][0]["message"] for i in items if i["errors"])


def test_sigint_leaves_no_partial_output(tmp_path: Path) -> None:
    """Ctrl-C halfway through a big batch: exit 130, the old report intact, no temp file."""
    folder = tmp_path / "big"
    folder.mkdir()
    sample = (SAMPLES / "qn-hl-cha-muc.yaml").read_text("utf-8")
    assert "QN-HL-0102" in sample
    for i in range(3000):
        (folder / f"d{i:05d}.yaml").write_text(sample.replace("QN-HL-0102", f"SIG-{i:05d}"),
                                               encoding="utf-8")
    before = checksums(folder)
    out = tmp_path / "out.json"
    out.write_text("previous report\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ocop_rate", "rate", str(folder), "-f", "json", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)  # imports done, rating under way (3,000 dossiers take far longer)
    assert proc.poll() is None, "finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode()
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []
    assert checksums(folder) == before


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_failing_halfway_through_writing_leaves_no_file(tmp_path: Path,
                                                        failure: type[BaseException]) -> None:
    out = tmp_path / "report.json"

    def chunks() -> Iterator[str]:
        yield "[\n" + "x" * 100_000
        raise failure("halfway")

    with pytest.raises(failure):
        write_atomic(out, chunks())
    assert list(tmp_path.iterdir()) == []
    out.write_text("kept\n", encoding="utf-8")
    with pytest.raises(failure):
        write_atomic(out, chunks())
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert sorted(os.listdir(tmp_path)) == ["report.json"]
