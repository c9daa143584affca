"""The whole matrix of subjects × formats, through the real command line.

Every command that draws a subject is run once with every format any command knows
(:data:`ocop_rate.views.registry.FORMATS`), named by ``-f`` or, where the file's suffix
names the format (``round document``), by the ``--output`` suffix: a format the subject
has renders, and what it writes parses as that format (JSON loads, CSV rows are even, XLSX
opens with openpyxl, DOCX with python-docx, HTML and the printed sheets are well formed,
JUnit is XML, YAML loads);
a format it does not have is refused with exit 2 before anything is written (the
``--output`` path does not exist afterwards) and the inputs are unchanged. One in-process
run per cell; the inputs are built once for the module.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.views.registry import FORMATS, formats, needs_file
from tests.conftest import RULES, SAMPLES, TINY_RUBRIC, dump
from tests.round_factory import MEMBERS, RUBRIC, criteria, make_round, product_ids, write_sheet

runner = CliRunner()
DAY = "2026-11-25"


@dataclass(frozen=True)
class Command:
    """One command that draws one subject: its words before ``-f``; ``output`` is False for
    the commands that print to the screen only."""

    subject: str
    args: tuple[str, ...]
    output: bool = True


@dataclass(frozen=True)
class Inputs:
    root: Path
    round: Path
    dossiers: tuple[Path, ...]
    golden: Path
    rules: Path
    db: Path


def _disagreeing_round(root: Path) -> Path:
    """A round of 3 products and 3 members where the first member scored the first product
    at the bottom of every criterion: the council must discuss it again."""
    folder = root / "round"
    drawn = make_round(folder, products=3, members=3, suffix=".csv")  # fast to read
    first = product_ids(3)[0]
    low = {c: "a" for c in criteria() if c in drawn[(first, MEMBERS[0])]}
    rows = [(pid, MEMBERS[0], low if pid == first else drawn[(pid, MEMBERS[0])])
            for pid in product_ids(3)]
    write_sheet(folder / "member-1.csv", rows)
    return folder


def _digest(root: Path) -> str:
    """Every input file's path and bytes: a refused run changes none of them."""
    sha = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "out" not in p.parts):
        sha.update(str(path.relative_to(root)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    root = tmp_path_factory.mktemp("matrix")
    folder = _disagreeing_round(root)
    dossiers = []
    for name in ("qn-dh-ngong-sao.yaml", "qn-ct-cha-ca.yaml"):
        dossiers.append(root / "dossiers" / name)
        dossiers[-1].parent.mkdir(exist_ok=True)
        shutil.copy(SAMPLES / name, dossiers[-1])
    rules = dump(root / "rules" / "tiny.yaml", TINY_RUBRIC).parent
    golden = root / "golden.csv"
    made = runner.invoke(app, ["check", *map(str, dossiers), "--expect", str(golden),
                               "--update"])
    assert made.exit_code in (0, 1) and golden.exists(), made.output
    rated = runner.invoke(app, ["rate", str(folder), "-f", "json"])
    assert rated.exit_code in (0, 1), rated.output
    recognised = [p["product_id"] for p in json.loads(rated.stdout) if p["recognised"]]
    assert recognised, "the round must recognise a product for the register to list"
    db = root / "register.sqlite"
    certs = [f"--cert={pid}=GCN-{i + 1}" for i, pid in enumerate(recognised)]
    recorded = runner.invoke(app, ["register", "record", str(folder), "--decision",
                                   "12/QĐ-UBND", "--date", DAY, *certs, "--db", str(db)])
    assert recorded.exit_code == 0, recorded.output
    (root / "out").mkdir()
    return Inputs(root, folder, tuple(dossiers), golden, rules, db)


def _commands(i: Inputs) -> list[Command]:
    loose = tuple(map(str, i.dossiers))
    db = ("--db", str(i.db))
    return [
        Command("batch", ("rate", *loose)),
        Command("round", ("rate", str(i.round))),
        Command("product", ("explain", loose[0])),
        Command("summary", ("summary", *loose)),
        Command("template", ("template", RUBRIC)),
        Command("rubrics", ("rubrics", "list"), output=False),
        Command("rubric", ("rubrics", "show", RUBRIC), output=False),
        Command("lints", ("validate", str(i.rules))),
        Command("diff", ("diff", str(RULES), str(RULES), *loose)),
        Command("golden", ("check", *loose, "--expect", str(i.golden))),
        Command("round-status", ("round", "status", str(i.round))),
        Command("register-queue", ("register", "queue", *db), output=False),
        Command("register-due", ("register", "due", "--on", "2029-09-01", *db), output=False),
        Command("register-expired", ("register", "expired", "--on", "2030-01-01", *db),
                output=False),
        Command("register-list", ("register", "list", *db)),
        Command("register-history", ("register", "history", product_ids(3)[0], *db),
                output=False),
        Command("register-counts", ("register", "counts", *db), output=False),
        Command("register-worklist", ("register", "worklist", "--on", "2029-09-01", *db)),
        Command("register-stats", ("register", "stats", *db), output=False),
        Command("round-document", ("round", "document", str(i.round), "minutes")),
    ]


NAMES = ["batch", "round", "product", "summary", "template", "rubrics", "rubric", "lints",
         "diff", "golden", "round-status", "register-queue", "register-due",
         "register-expired", "register-list", "register-history", "register-counts",
         "register-worklist", "register-stats", "round-document"]
SUFFIXED = {"round-document"}  # no -f: --output is required, its suffix names the format


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


class _Nesting(HTMLParser):
    """Every element closed, in order (void elements excepted): well-formed HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen += 1
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def _parses(fmt: str, data: bytes) -> None:
    """``data`` is a document of ``fmt``; raise (fail) when it is not."""
    if fmt == "xlsx":
        from openpyxl import load_workbook

        assert load_workbook(io.BytesIO(data)).sheetnames
        return
    if fmt == "docx":
        import docx

        assert docx.Document(io.BytesIO(data)).paragraphs
        return
    said = data.decode("utf-8-sig")
    assert said.strip()
    if fmt == "json":
        json.loads(said)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(said)))
        assert rows and all(len(row) == len(rows[0]) for row in rows)
    elif fmt in ("html", "sheets", "results"):
        page = _Nesting()
        page.feed(said)
        page.close()
        assert page.seen and not page.open, page.open
    elif fmt == "junit":
        import xml.etree.ElementTree as ElementTree

        ElementTree.fromstring(said)
    elif fmt == "github":
        assert all(re.match(r"::(error|warning|notice)( |::)", line)
                   for line in said.splitlines() if line and not line.startswith("##"))
    elif fmt == "yaml":
        yaml.safe_load(said)
    elif fmt == "markdown":
        assert re.search(r"^\| .* \|$", said, re.M)  # a table


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_each_cell_renders_or_is_refused_before_anything_is_written(
        inputs: Inputs, name: str, fmt: str) -> None:
    command = next(c for c in _commands(inputs) if c.subject == name)
    target = inputs.root / "out" / f"{name}.{fmt}"
    args = [*command.args, *(() if name in SUFFIXED else ("-f", fmt)), "--lang", "en"]
    if command.output:
        args += ["-o", str(target)]
    before = _digest(inputs.root)
    result = runner.invoke(app, args)
    if fmt not in formats(name):
        assert result.exit_code == 2, result.output
        assert not target.exists()
        assert _digest(inputs.root) == before
        assert ", ".join(formats(name)) in result.stderr  # the formats it has, listed
        return
    assert result.exit_code in (0, 1), result.output  # 1: something fell short, said
    if command.output:
        _parses(fmt, target.read_bytes())
    else:  # a register's table of nothing is one line on stderr ("nothing due")
        _parses(fmt, result.stdout_bytes or (fmt == "table") * result.stderr_bytes)


def test_the_matrix_covers_every_subject_the_registry_knows(inputs: Inputs) -> None:
    from ocop_rate.views.registry import SUBJECTS

    walked = {c.subject for c in _commands(inputs)}
    assert set(NAMES) == walked
    assert set(SUBJECTS) - walked == {"register-export"}  # its suffix names the format


@pytest.mark.parametrize("suffix", ["json", "csv", "xlsx", "html", "docx"])
def test_register_export_takes_its_format_from_the_suffix(inputs: Inputs, suffix: str
                                                          ) -> None:
    target = inputs.root / "out" / f"export.{suffix}"
    result = runner.invoke(app, ["register", "export", str(target), "--db", str(inputs.db)])
    if suffix not in formats("register-export"):
        assert result.exit_code == 2 and not target.exists()
        return
    assert result.exit_code == 0, result.output
    _parses(suffix, target.read_bytes())


def test_round_minutes_carry_what_the_terminal_shows(inputs: Inputs) -> None:
    """The disagreement flags, the round's header and who scored what: on the terminal, in
    the Markdown minutes and in the DOCX minutes alike."""
    import docx

    first = product_ids(3)[0]
    table = runner.invoke(app, ["rate", str(inputs.round), "--lang", "en"])
    flags = [line.strip() for line in table.stdout.splitlines()
             if line.strip().startswith(f"⚠ {first}:")]
    assert flags, table.stdout
    markdown = runner.invoke(app, ["rate", str(inputs.round), "-f", "markdown", "--lang",
                                   "en"]).stdout
    target = inputs.root / "out" / "minutes.docx"
    made = runner.invoke(app, ["rate", str(inputs.round), "-f", "docx", "-o", str(target),
                               "--lang", "en"])
    assert made.exit_code in (0, 1), made.output
    document = docx.Document(str(target))
    words = "\n".join([p.text for p in document.paragraphs]
                      + [c.text for t in document.tables for r in t.rows for c in r.cells])
    for flag in flags:
        reason = flag.split(": ", 1)[1]
        assert reason.split(" (")[0].replace("|", "\\|") in markdown.replace("\\.", ".")
        assert reason in words
    for member in MEMBERS[:3]:
        assert member in words and member in markdown


def test_a_round_prints_its_sheets_and_results_list(inputs: Inputs) -> None:
    """``rate ROUND -f sheets`` is the printed HTML (each member's sheet per product, the
    list), dated with the round's date; ``-f results`` the list alone."""
    sheets = inputs.root / "out" / "round-sheets.html"
    listing = inputs.root / "out" / "round-results.html"
    for fmt, target in (("sheets", sheets), ("results", listing)):
        made = runner.invoke(app, ["rate", str(inputs.round), "-f", fmt, "-o", str(target)])
        assert made.exit_code in (0, 1), made.output
        assert target.read_bytes().startswith(b"<!DOCTYPE html>")
    page = sheets.read_text(encoding="utf-8")
    assert all(member in page for member in MEMBERS[:3])
    assert page.count('class="doc"') > listing.read_text(encoding="utf-8").count('class="doc"')
    assert "20 tháng 11 năm 2026" in page  # the round's date (round.yaml), as printed


FILE_CELLS = [(name, fmt) for name in NAMES if name not in SUFFIXED
              for fmt in formats(name) if needs_file(name, fmt)]


@pytest.mark.parametrize(("name", "fmt"), FILE_CELLS)
def test_a_file_format_without_output_is_refused_before_any_work(inputs: Inputs, name: str,
                                                                 fmt: str) -> None:
    """A workbook or a Word file cannot go to the screen: exit 2, said, nothing written."""
    command = next(c for c in _commands(inputs) if c.subject == name)
    before = _digest(inputs.root)
    result = runner.invoke(app, [*command.args, "-f", fmt, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "--output" in result.stderr and not result.stdout
    assert _digest(inputs.root) == before


def test_a_round_without_a_format_a_batch_has_is_refused_not_drawn_as_another(
        inputs: Inputs, monkeypatch: pytest.MonkeyPatch) -> None:
    """``rate`` parses a batch's formats; a round folder is its own subject, asked again
    once the folder is seen: a format the round lacked would be refused (exit 2, the round's
    formats listed), never drawn as another format."""
    from ocop_rate.views import registry

    monkeypatch.setitem(registry.SUBJECTS, "round", {
        k: v for k, v in registry.SUBJECTS["round"].items() if k != "docx"})
    target = inputs.root / "out" / "no-such.docx"
    before = _digest(inputs.root)
    result = runner.invoke(app, ["rate", str(inputs.round), "-f", "docx", "-o", str(target),
                                 "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert not target.exists() and _digest(inputs.root) == before
    assert ", ".join(registry.formats("round")) in result.stderr


def test_the_public_page_carries_the_register_lists_own_csv_and_json(inputs: Inputs) -> None:
    """``register publish`` writes its CSV and JSON through the registry: byte for byte
    what ``register list --all -f csv|json`` writes for the same date."""
    folder = inputs.root / "out" / "public"
    db = ["--db", str(inputs.db), "--on", DAY]
    made = runner.invoke(app, ["register", "publish", str(folder), *db])
    assert made.exit_code == 0, made.output
    for fmt in ("csv", "json"):
        target = inputs.root / "out" / f"listed-all.{fmt}"
        listed = runner.invoke(app, ["register", "list", "--all", "-f", fmt, "-o",
                                     str(target), *db])
        assert listed.exit_code == 0, listed.output
        published = (folder / f"certificates.{fmt}").read_bytes()
        assert published == target.read_bytes()
        _parses(fmt, published)
