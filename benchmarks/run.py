"""ocop-rate against the physical floor: run on demand, prints figures (not a test).

    python benchmarks/run.py                       # every section, full sizes (many minutes)
    python benchmarks/run.py --quick               # a tenth of the sizes, for a smoke run
    python benchmarks/run.py --only startup --pairs 20   # start-up, 20 paired runs a figure

Every corpus is generated with a fixed seed into a temporary folder. Each figure times
fresh processes (so imports count, as they do for a user) beside a floor (the least any
program must do: parse the same files, open the same workbooks, import the same libraries);
peak memory is the child's maximum resident set size. ``--pairs N`` runs ocop-rate and its
floor alternately and gives the median of the pairs' ratios and their spread: on a loaded
machine, the only honest figure (benchmarks/timing.py says how).

The sections (``--only``, comma-separated) and their targets are :data:`SECTIONS`, one
function each: dossiers, samples (every kind of dossier), sheets, diff, startup (issue 23's
floors), round, register.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timing import Measure, Timer

RUBRIC = "food-processed-plant-26"
SEED = 20260522
PY = sys.executable
CLI = str(Path(PY).with_name("ocop-rate"))
if not Path(CLI).exists():  # not installed as a script: run the module
    CLI = ""


def cli(*args: str) -> list[str]:
    return [CLI, *args] if CLI else [PY, "-m", "ocop_rate", *args]


def compile_package() -> None:
    """Write ocop-rate's bytecode cache once, as ``pip install`` does, before any timing."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "ocop_rate"), quiet=1)


def generate_sheet(path: Path, products: int, members: int) -> None:
    """A realistic council sheet: each product has a quality; members score near it."""
    from ocop_rate.loading.rubrics import load_library

    rubric = load_library().rubrics[RUBRIC]
    rng = random.Random(SEED)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["product_id", "product_name", "rubric", "member",
                         *[c.id for c in rubric.criteria]])
        sizes = [len(c.options) for c in rubric.criteria]
        for p in range(products):
            quality = rng.betavariate(4, 2)
            for m in range(members):
                codes = []
                for crit, size in zip(rubric.criteria, sizes, strict=True):
                    pick = round(quality * (size - 1) + rng.gauss(0, 0.6))
                    codes.append(crit.options[min(size - 1, max(0, pick))].code)
                writer.writerow([f"VN-{p:06d}", f"Sản phẩm số {p}", RUBRIC,
                                 f"Thành viên {m + 1}", *codes])


def generate_dossiers(folder: Path, count: int) -> None:
    """YAML dossiers like the samples: producer, facts, evidence, three members."""
    import yaml

    from ocop_rate.loading.rubrics import load_library

    rubric = load_library().rubrics[RUBRIC]
    rng = random.Random(SEED + 1)
    facts = {f.id: (rng.random() > 0.1 if f.type == "boolean" else round(rng.random(), 2))
             for f in rubric.facts if f.type in ("boolean", "number")}
    folder.mkdir(parents=True)
    for i in range(count):
        quality = rng.betavariate(4, 2)
        council = []
        for m in range(3):
            scores = {}
            for crit in rubric.criteria:
                size = len(crit.options)
                pick = round(quality * (size - 1) + rng.gauss(0, 0.6))
                scores[crit.id] = crit.options[min(size - 1, max(0, pick))].code
            council.append({"member": f"Thành viên {m + 1}", "scores": scores})
        data = {"product": {"id": f"YM-{i:05d}", "name": {"vi": f"Sản phẩm {i}",
                                                         "en": f"Product {i}"},
                            "rubric": RUBRIC,
                            "producer": {"name": f"HTX số {i}", "kind": "cooperative",
                                         "province": "Quảng Ninh"}},
                "facts": facts, "council": council}
        (folder / f"d{i:05d}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate_round(root: Path, products: int, members: int) -> None:
    """A round folder: round.yaml, a product list with facts, one workbook per member."""
    import yaml
    from openpyxl import Workbook

    from ocop_rate.loading.rubrics import load_library

    rubric = load_library().rubrics[RUBRIC]
    rng = random.Random(SEED + 2)
    names = [f"Thành viên {m + 1}" for m in range(members)]
    root.mkdir(parents=True)
    config = {"name": "Benchmark round", "date": "2026-11-20", "level": "province",
              "roster": [{"name": n, "role": "member"} for n in names]
              + [{"name": "Thư ký", "role": "secretary"}], "quorum": "2/3",
              "products": "products.csv"}
    (root / "round.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    facts = {"local_material_share": 0.8, "local_labour_share": 0.6,
             "legal_rep_woman_minority_or_disabled": "true"}
    derived = {c.id for c in rubric.criteria if c.derive}
    with (root / "products.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["product_id", "product_name", "rubric", "producer", *facts])
        for p in range(products):
            writer.writerow([f"QN-{p:04d}", f"Sản phẩm {p}", RUBRIC, f"HTX {p}",
                             *facts.values()])
    qualities = [rng.betavariate(4, 2) for _ in range(products)]
    for m, name in enumerate(names):
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        crits = [c for c in rubric.criteria if c.id not in derived]
        sheet.append(["product_id", "rubric", "member", "pass", "comment",
                      *[c.id for c in crits]])
        for p, quality in enumerate(qualities):
            codes = []
            for crit in crits:
                size = len(crit.options)
                pick = round(quality * (size - 1) + rng.gauss(0, 0.4))
                codes.append(crit.options[min(size - 1, max(0, pick))].code)
            sheet.append([f"QN-{p:04d}", RUBRIC, name, 1, "Ý kiến", *codes])
        book.save(root / f"member-{m + 1}.xlsx")


FLOOR_ROUND = """
import sys
from pathlib import Path
from openpyxl import load_workbook
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = load_workbook(path, read_only=True)
    n += sum(1 for _ in book.active.iter_rows(values_only=True))
print(n)
"""


FLOOR_SHEET = """
import sys, numpy as np, pandas as pd
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
codes = frame.iloc[:, 4:].to_numpy()
index, distinct = pd.factorize(codes.ravel())
points = np.array([ord(c[0]) - 96 if c else 0 for c in distinct], dtype=np.int64)
print(points[index].reshape(codes.shape).sum(axis=1).sum())
"""
FLOOR_YAML = """
import sys, yaml
from pathlib import Path
n = 0
for path in sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".yaml", ".json")):
    n += len(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
print(n)
"""
BARE_TYPER = """
import enum
from pathlib import Path
from typing import Annotated
import typer

class Fmt(str, enum.Enum):
    table = "table"
    json = "json"

app = typer.Typer(add_completion=False)

@app.command("list")
def listing(rules: Annotated[list[Path] | None, typer.Option("--rules", "-r")] = None,
            fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
            lang: Annotated[str, typer.Option("--lang", "-l")] = "vi",
            on: Annotated[str | None, typer.Option("--on")] = None) -> None:
    print(fmt.value, lang)

@app.command()
def other() -> None:
    pass

app()
"""
"""Typer's own floor for a command: a bare two-command app parsing options of the types
ocop-rate's commands take (typer builds a pydantic adapter per option on every run)."""



@dataclass
class Row:
    """One line of the table. ``target`` says what the ratio (and peak) must stay under."""

    figure: str
    ours: str
    floor: str = "-"
    ratio: str = "-"
    spread: str = "-"
    peak: str = ""
    target: str = "-"


@dataclass
class Bench:
    """What every section gets: the scratch folder, the timer, the sizes, the rows so far.
    A section is a function ``(bench) -> None`` that adds its rows (see :data:`SECTIONS`)."""

    root: Path
    timer: Timer
    args: argparse.Namespace
    rows: list[Row] = field(default_factory=list)
    _made: dict[str, Path] = field(default_factory=dict)

    @property
    def scale(self) -> int:
        return 10 if self.args.quick else 1

    def corpus(self, name: str, make: Callable[[Path], None]) -> Path:
        """``root/name``, made once by ``make`` for every section that asks for it."""
        if name not in self._made:
            start = time.perf_counter()
            make(self.root / name)
            print(f"generated {name} in {time.perf_counter() - start:.0f} s", flush=True)
            self._made[name] = self.root / name
        return self._made[name]

    def dossiers(self, count: int) -> Path:
        return self.corpus(f"dossiers-{count}", lambda p: generate_dossiers(p, count))

    def add(self, name: str, measure: Measure, target: float | None = None,
            peak_target: int | None = None) -> None:
        """A row for ``measure``: the ratio against ``target``, the peak against
        ``peak_target`` (MB), ✓ or ✗."""
        ok = (target is None or measure.ratio <= target) and (
            peak_target is None or measure.peak <= peak_target)
        wants = [x for x in (f"<= {target}x" if target else "",
                             f"<= {peak_target} MB" if peak_target else "") if x]
        self.rows.append(Row(name, f"{measure.ours:.3f} s", f"{measure.floor:.3f} s",
                             f"{measure.ratio:.2f}x", measure.spread_text(),
                             f"{measure.peak} MB",
                             f"{' and '.join(wants)} {'✓' if ok else '✗'}" if wants else "-"))

    def add_alone(self, name: str, seconds: float, peak: int,
                  peak_target: int | None = None) -> None:
        """A row without a floor: its time and memory only."""
        target = "-" if peak_target is None else \
            f"<= {peak_target} MB {'✓' if peak <= peak_target else '✗'}"
        self.rows.append(Row(name, f"{seconds:.2f} s", peak=f"{peak} MB", target=target))


def floor_yaml(folder: Path) -> list[str]:
    return [PY, "-c", FLOOR_YAML, str(folder)]


def dossiers_section(bench: Bench) -> None:
    """YAML dossiers -> JSON against parsing them with CSafeLoader (<= 1.5x, <= 300 MB), and
    the memory of 3x the dossiers against 1x (within 10 %)."""
    count = 10_000 // bench.scale
    folder, triple = bench.dossiers(count), bench.dossiers(3 * count)
    one = bench.timer.measure(cli("rate", str(folder), "-f", "json", "-o",
                                  str(bench.root / "d.json")), floor_yaml(folder))
    bench.add(f"{count:,} YAML dossiers -> JSON vs CSafeLoader parse", one, 1.5, 300)
    seconds, peak3 = bench.timer.alone(cli("rate", str(triple), "-f", "json", "-o",
                                           str(bench.root / "d3.json")),
                                       max(1, bench.timer.runs // 2))
    ok = peak3 <= 1.1 * one.peak
    bench.rows.append(Row(f"memory, {3 * count:,} dossiers vs {count:,}", f"{peak3} MB",
                          f"{one.peak} MB", f"{peak3 / one.peak:.2f}x",
                          target=f"within 10 % {'✓' if ok else '✗'} ({seconds:.1f} s)"))


def sheets_section(bench: Bench) -> None:
    """The big council sheet -> JSON, CSV (<= 2x read_csv + a row sum), the table (<= 3x,
    <= 1 GB); a smaller sheet -> HTML and XLSX (<= 1 GB) unless ``--skip-table``."""
    products, detailed = 100_000 // bench.scale, 20_000 // bench.scale
    members = bench.args.members
    sheet = bench.corpus("sheet.csv", lambda p: generate_sheet(p, products, members))
    floor = [PY, "-c", FLOOR_SHEET, str(sheet)]
    root = bench.root
    bench.add(f"{products:,}-product sheet -> JSON -o vs read_csv + row sum",
              bench.timer.measure(cli("rate", str(sheet), "-f", "json", "-o",
                                      str(root / "s.json")), floor), 2)
    bench.add("the same sheet -> -f csv -o",
              bench.timer.measure(cli("rate", str(sheet), "-f", "csv", "-o",
                                      str(root / "s.csv")), floor), 2)
    if bench.args.skip_table:
        return
    bench.add("the same sheet -> table -o",
              bench.timer.measure(cli("rate", str(sheet), "-o", str(root / "s.txt")), floor,
                                  runs=1), 3, 1024)
    small = bench.corpus("small.csv", lambda p: generate_sheet(p, detailed, members))
    for fmt in ("html", "xlsx"):
        seconds, peak = bench.timer.alone(cli("rate", str(small), "-f", fmt, "-o",
                                              str(root / f"s.{fmt}")), 1)
        bench.add_alone(f"{detailed:,}-product sheet -> {fmt}", seconds, peak, 1024)


def diff_section(bench: Bench) -> None:
    """``diff`` of two rubric folders over the dossiers against one parse (<= 2.5x)."""
    count = 10_000 // bench.scale
    folder = bench.dossiers(count)
    bench.add(f"diff of two rubric folders over {count:,} dossiers -> JSON vs one parse",
              bench.timer.measure(cli("diff", "scoring_rules", "scoring_rules", "-d",
                                      str(folder), "-f", "json", "-o",
                                      str(bench.root / "diff.json")), floor_yaml(folder)),
              2.5)


TYPER_PYDANTIC = [PY, "-c", "import typer, pydantic"]
TYPER_PYDANTIC_NUMPY = [PY, "-c", "import typer, pydantic, numpy"]
LIBRARIES = [PY, "-c", "import typer, pydantic, numpy, yaml, rich.console, rich.table\n"
             "from pydantic import BaseModel\nclass Model(BaseModel):\n    value: int\n"
             "Model(value=1)"]
"""What a rating's libraries cost before ocop-rate's own code runs: one pydantic model built
and used (pydantic's model machinery, which ``import pydantic`` alone does not load), PyYAML
(a dossier is YAML) and rich's table (what a terminal or a pipe gets)."""


def startup_section(bench: Bench) -> None:
    """Start-up of one-shot commands against the floors of issue 23: ``rate ONE.yaml``
    against ``import typer, pydantic, numpy`` (the engine scores on numpy columns; <= 1.5x),
    and that floor split in two: the libraries a rating uses (:data:`LIBRARIES`) against it,
    and the rating against those libraries (what ocop-rate's own code adds);
    ``rubrics list`` against ``import typer, pydantic`` (<= 1.5x), ``validate`` (<= 2.5x),
    ``--help`` against ``import typer`` (<= 1.3x); and each against a bare typer command
    (typer's own cost of parsing options of the same types). Output goes to /dev/null, as
    in a pipe: ``rubrics list`` draws its table with rich, as a person at a terminal gets
    it; ``rubrics list -f json`` beside it is the same command drawing nothing."""
    one = next(iter(sorted(bench.dossiers(1).glob("*.yaml"))))
    bare = [PY, "-c", BARE_TYPER, "list", "-f", "json"]
    timer = bench.timer
    runs = None if timer.pairs else 2 * timer.runs  # start-up is quick: twice the runs
    rate_one = cli("rate", str(one))
    bench.add('rate ONE.yaml vs python -c "import typer, pydantic, numpy"',
              timer.measure(rate_one, TYPER_PYDANTIC_NUMPY, runs), 1.5)
    bench.add('  the same vs python -c "import typer, pydantic"',
              timer.measure(rate_one, TYPER_PYDANTIC, runs))
    bench.add("  the libraries it uses (a pydantic model, PyYAML, rich) vs the same floor",
              timer.measure(LIBRARIES, TYPER_PYDANTIC_NUMPY, runs))
    bench.add("  rate ONE.yaml vs those libraries (what ocop-rate's own code adds)",
              timer.measure(rate_one, LIBRARIES, runs))
    bench.add('rubrics list vs python -c "import typer, pydantic"',
              timer.measure(cli("rubrics", "list"), TYPER_PYDANTIC, runs), 1.5)
    bench.add("  rubrics list -f json (draws nothing: no rich) vs the same",
              timer.measure(cli("rubrics", "list", "-f", "json"), TYPER_PYDANTIC, runs))
    bench.add("validate vs the same", timer.measure(cli("validate"), TYPER_PYDANTIC, runs),
              2.5)
    bench.add('--help vs python -c "import typer"',
              timer.measure(cli("--help"), [PY, "-c", "import typer"], runs), 1.3)
    bench.add('a bare typer command vs python -c "import typer, pydantic"',
              timer.measure(bare, TYPER_PYDANTIC, runs))


def samples_section(bench: Bench) -> None:
    """Dossiers of every kind: the bundled samples copied with councils of 1-7 members,
    alternating with dossiers of every bundled rubric (``corpus.write_sample_corpus``)
    -> JSON, against parsing the same files with CSafeLoader (<= 1.5x)."""
    from corpus import write_sample_corpus

    count = 5_000 // bench.scale
    folder = bench.corpus(f"samples-{count}",
                          lambda p: write_sample_corpus(p, count, SEED + 3))
    bench.add(f"{count:,} dossiers made from every bundled sample and rubric (1-7 members) "
              "-> JSON vs CSafeLoader parse",
              bench.timer.measure(cli("rate", str(folder), "-f", "json", "-o",
                                      str(bench.root / "samples.json")), floor_yaml(folder)),
              1.5)


def round_section(bench: Bench) -> None:
    """A council round of 100 products x 7 members, one XLSX workbook per member
    (``rate ROUND/ -f json``), against opening the seven workbooks with openpyxl
    (read-only) (<= 2x)."""
    folder = bench.corpus("round", lambda p: generate_round(p, 100, 7))
    bench.add("round of 100 products x 7 members (7 XLSX) -> JSON vs openpyxl reading them",
              bench.timer.measure(cli("rate", str(folder), "-f", "json", "-o",
                                      str(bench.root / "round.json")),
                                  [PY, "-c", FLOOR_ROUND, str(folder)]), 2)


def register_section(bench: Bench) -> None:
    """The certificate register at 20,000 products (benchmarks/bench_register.py):
    ``register import`` of a CSV against the csv module and ``executemany`` into the same
    tables in one transaction, ``register due -f json`` against one SQLite join and
    ``json.dumps`` (<= 2x each)."""
    import bench_register

    products = 20_000 // bench.scale
    folder = bench.corpus("register", lambda p: p.mkdir())
    for key, (ours, floor) in bench_register.commands(folder, products).items():
        bench.add(bench_register.NAMES[key].format(n=products),
                  bench.timer.measure(ours, floor), bench_register.GOALS[key])


SECTIONS: dict[str, Callable[[Bench], None]] = {
    "dossiers": dossiers_section,
    "samples": samples_section,
    "sheets": sheets_section,
    "diff": diff_section,
    "startup": startup_section,
    "round": round_section,
    "register": register_section,
}
"""Every section, in the order a full run takes them; ``--only`` picks some by name. A new
figure is a function ``(bench) -> None`` added here."""

HEAD = ("figure", "ocop-rate", "floor", "ratio", "pair ratios min–max", "peak RSS", "target")


def print_table(rows: list[Row], markdown: bool) -> None:
    table = [HEAD, *((r.figure, r.ours, r.floor, r.ratio, r.spread, r.peak, r.target)
                     for r in rows)]
    if markdown:
        print("\n" + "\n".join(markdown_table(rows)))
        return
    widths = [max(len(cells[i]) for cells in table) for i in range(len(HEAD))]
    for n, cells in enumerate(table):
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
        if n == 0:
            print("-" * (sum(widths) + 3 * (len(widths) - 1)))


START, END = "<!-- benchmarks/run.py: start -->", "<!-- benchmarks/run.py: end -->"


def markdown_table(rows: list[Row]) -> list[str]:
    return ["| " + " | ".join(HEAD) + " |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            *("| " + " | ".join((r.figure, r.ours, r.floor, r.ratio, r.spread, r.peak,
                                 r.target)) + " |" for r in rows)]


def write_readme(path: Path, said: list[str], rows: list[Row]) -> None:
    """Replace what stands between :data:`START` and :data:`END` in ``path`` with how the
    run was made (``said``) and its table, so the README shows one run's figures, never a
    cell edited by hand. Written to a temporary file and renamed over the old one."""
    old = path.read_text(encoding="utf-8")
    if old.count(START) != 1 or old.count(END) != 1 or old.index(START) > old.index(END):
        raise SystemExit(f"{path}: needs one {START} line and, below it, one {END} line")
    head, rest = old.split(START)
    tail = rest.split(END)[1]
    body = "\n".join([START, "", *said, "", *markdown_table(rows), "", END])
    part = path.with_name(path.name + ".part")
    part.write_text(head + body + tail, encoding="utf-8")
    os.replace(part, path)


SETTLE_SECONDS = 3.0


def settle() -> None:
    """Let the previous section's writes reach the disk before the next is timed: the sheet
    section writes about a gigabyte, whose write-back went on under the start-up figures
    after it (each of their floors 20-40 % slower than when run alone)."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(SETTLE_SECONDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--pairs", type=int, default=None, metavar="N",
                        help="time each figure as N pairs (ocop-rate, floor, alternately) "
                        "and report the median of the pairs' ratios and their min–max")
    parser.add_argument("--cpu", action="store_true",
                        help="time by each child's CPU time (user + system) instead of wall "
                        "time: a steadier cross-check on a loaded machine")
    parser.add_argument("--members", type=int, default=3,
                        help="council members per product in the sheet (default 3)")
    parser.add_argument("--skip-table", action="store_true",
                        help="skip the slow table/HTML/XLSX rows")
    parser.add_argument("--round-only", action="store_true",
                        help="only the council round figure (same as --only round)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the table as Markdown, as the README shows it")
    parser.add_argument("--readme", type=Path, default=None, metavar="FILE",
                        help=f"also write the table, with the machine, the load and this "
                        f"command, between the {START} and {END} lines of FILE")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run, of {', '.join(SECTIONS)} "
                        "(default: all)")
    args = parser.parse_args()
    chosen = [part.strip() for part in args.only.split(",") if part.strip()]
    if args.round_only:
        chosen = ["round"]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"--only: unknown section(s) {', '.join(unknown)}")
    if args.pairs is not None and args.pairs < 1:
        parser.error("--pairs: at least 1")
    compile_package()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        bench = Bench(Path(tmp), Timer(args.runs, args.pairs, args.cpu), args)
        how = (f"{args.pairs} pairs (ocop-rate and floor alternately), median of the pairs' "
               "ratios" if args.pairs else f"medians of {args.runs} runs")
        how += "; CPU time (user + system)" if args.cpu else "; wall time"
        machine = (f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; load average "
                   f"{' '.join(f'{x:.2f}' for x in load) if load else '?'}; {how}")
        print(f"machine: {machine}", flush=True)
        for name in (n for n in SECTIONS if n in chosen):
            settle()
            SECTIONS[name](bench)
            print(f"{name} done", flush=True)
    end = " ".join(f"{x:.2f}" for x in os.getloadavg()) if load is not None else "?"
    print(f"load average at the end: {end}")
    print_table(bench.rows, args.markdown)
    if args.readme is not None:
        command = " ".join(["python", "benchmarks/run.py", *sys.argv[1:]])
        write_readme(args.readme, [
            f"Made by one run of `{command}` on {time.strftime('%d/%m/%Y')}: machine "
            f"{machine}; load average at the end {end}. Sizes: "
            f"{'a tenth (--quick)' if args.quick else 'full'}. A run on another machine "
            "replaces the whole table, never a cell of it."], bench.rows)


if __name__ == "__main__":
    main()
