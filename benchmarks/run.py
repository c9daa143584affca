"""ocop-rate against the physical floor: run on demand, prints figures (not a test).

    python benchmarks/run.py            # the sizes of issue 6 (takes several minutes)
    python benchmarks/run.py --quick    # a tenth of the sizes, for a smoke run

Every corpus is generated with a fixed seed into a temporary folder. Each figure is the
median wall time of several runs of a fresh process (so imports count, as they do for a
user); peak memory is the child's maximum resident set size.

Figures (targets from issue 10), each with the child's peak RSS:
1. 10,000 YAML dossiers -> JSON against parsing them with libyaml's CSafeLoader (<= 1.5x,
   <= 300 MB), and the memory of 30,000 against 10,000 (within 10 %);
2. a 100,000-product council sheet (3 members) -> JSON ``-o`` and ``-f csv -o`` against
   ``pandas.read_csv`` + a numpy row sum (<= 2x each); -> the table ``-o`` (<= 3x, <= 1 GB);
   20,000 products -> HTML and XLSX (<= 1 GB) (``--skip-table`` leaves these out);
3. ``diff`` of two rubric folders over the 10,000 dossiers against one parse (<= 2.5x);
4. ``rate ONE.yaml``, ``rubrics list`` (<= 2x) and ``validate`` (<= 2.5x) against
   ``python -c "import typer, pydantic"``; ``--help`` against ``import typer`` (<= 1.3x);
5. a council round of 100 products x 7 members, one XLSX workbook per member
   (``ocop-rate rate ROUND/ -f json``), against opening the seven workbooks with openpyxl
   (read-only) -- no target yet; ``--round-only`` runs just this figure.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUBRIC = "food-processed-plant-26"
SECTIONS = ("dossiers", "sheets", "diff", "startup", "round")
SEED = 20260522
PY = sys.executable
CLI = str(Path(PY).with_name("ocop-rate"))
if not Path(CLI).exists():  # not installed as a script: run the module
    CLI = ""


def cli(*args: str) -> list[str]:
    return [CLI, *args] if CLI else [PY, "-m", "ocop_rate", *args]


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The children's environment: as a user's, Python reads and writes its bytecode cache. A
machine that sets ``PYTHONDONTWRITEBYTECODE`` (this project's sandbox does) would otherwise
compile every ocop-rate module from source in every process, ~50 ms no user pays."""


def compile_package() -> None:
    """Write ocop-rate's bytecode cache once, as ``pip install`` does, before any timing."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "ocop_rate"), quiet=1)


def timed(argv: list[str], runs: int) -> tuple[float, int]:
    """Median wall seconds of ``runs`` fresh processes, and their peak RSS in MB."""
    times, peaks = [], []
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL)\n"
             "print(time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)")
    for _ in range(runs):
        out = subprocess.run([PY, "-c", probe, *argv], capture_output=True, text=True,
                             check=True, env=CHILD_ENV).stdout.split()
        if out[2] not in ("0", "1"):
            raise SystemExit(f"failed ({out[2]}): {' '.join(argv)}")
        times.append(float(out[0]))
        peaks.append(int(out[1]) // 1024)
    return statistics.median(times), max(peaks)


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


def round_figure(root: Path, runs: int) -> tuple[str, str, str, str, str]:
    folder = root / "round"
    generate_round(folder, 100, 7)
    ours, _ = timed(cli("rate", str(folder), "-f", "json", "-o", str(root / "round.json")),
                    runs)
    floor, _ = timed([PY, "-c", FLOOR_ROUND, str(folder)], runs)
    return ("round of 100 products x 7 members (7 XLSX) -> JSON vs openpyxl reading them",
            f"{ours:.2f} s", f"{floor:.2f} s", f"{ours / floor:.2f}x", "- (no target)")


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
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
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

NO_PANDAS = """
import sys
from ocop_rate.cli import main
sys.argv = ["ocop-rate", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("pandas" in sys.modules)
"""


def has_validate() -> bool:
    out = subprocess.run(cli("--help"), capture_output=True, text=True, check=False).stdout
    return any(line.strip().startswith("validate") for line in out.splitlines())


def pandas_free(*args: str) -> bool:
    out = subprocess.run([PY, "-c", NO_PANDAS, *args], capture_output=True, text=True,
                         check=False).stdout.split()
    return bool(out) and out[-1] == "False"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--members", type=int, default=3,
                        help="council members per product in the sheet (default 3)")
    parser.add_argument("--skip-table", action="store_true",
                        help="skip the slow table/HTML/XLSX rows")
    parser.add_argument("--round-only", action="store_true",
                        help="only the council round figure (100 products x 7 members)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the table as Markdown, as docs/reference.md shows it")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run, of {', '.join(SECTIONS)} "
                        "(default: all)")
    args = parser.parse_args()
    chosen = {part.strip() for part in args.only.split(",") if part.strip()}
    if not chosen <= set(SECTIONS):
        parser.error(f"--only: unknown section(s) {', '.join(sorted(chosen - set(SECTIONS)))}")
    compile_package()
    if args.round_only:
        with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
            row = round_figure(Path(tmp), args.runs)
        print(" | ".join(row))
        return
    scale = 10 if args.quick else 1
    products, dossiers, detailed = 100_000 // scale, 10_000 // scale, 20_000 // scale
    runs = args.runs
    rows: list[tuple[str, str, str, str, str]] = []

    def add(name: str, ours: float, floor: float, target: float | None, peak: int,
            peak_target: int | None = None) -> None:
        ratio = ours / floor if floor else float("nan")
        ok = (target is None or ratio <= target) and (peak_target is None
                                                      or peak <= peak_target)
        want = " and ".join(x for x in (f"<= {target}x" if target else "",
                                        f"<= {peak_target} MB" if peak_target else "") if x)
        rows.append((name, f"{ours:.2f} s", f"{floor:.2f} s" if floor else "-",
                     f"{ratio:.2f}x" if floor else "-",
                     f"{peak} MB | {want or '-'} {'✓' if ok else '✗'}"))

    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        root = Path(tmp)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
              f"medians of {runs} runs; corpora in {root}", flush=True)
        t = time.perf_counter()
        sheet, small = root / "sheet.csv", root / "small.csv"
        folder, triple = root / "dossiers", root / "triple"
        if "sheets" in chosen:
            generate_sheet(sheet, products, args.members)
            generate_sheet(small, detailed, args.members)
        if chosen & {"dossiers", "diff", "startup"}:
            generate_dossiers(folder, dossiers)
        if "dossiers" in chosen:
            generate_dossiers(triple, 3 * dossiers)
        print(f"generated the corpora of {', '.join(sorted(chosen))} in "
              f"{time.perf_counter() - t:.0f} s", flush=True)
        if chosen & {"dossiers", "diff"}:
            floor_yaml, _ = timed([PY, "-c", FLOOR_YAML, str(folder)], runs)
        if "dossiers" in chosen:
            dossier_rows(folder, triple, root, dossiers, floor_yaml, runs, rows, add)
        if "sheets" in chosen:
            sheet_rows(sheet, small, root, products, detailed, runs, args.skip_table, add)
        if "diff" in chosen:
            ours, peak = timed(cli("diff", "scoring_rules", "scoring_rules", "-d",
                                   str(folder), "-f", "json", "-o", str(root / "diff.json")),
                               runs)
            add(f"diff of two rubric folders over {dossiers:,} dossiers -> JSON vs one parse",
                ours, floor_yaml, 2.5, peak)
        if "startup" in chosen:
            startup_rows(folder, runs, add)
        if "round" in chosen:
            rows.append(round_figure(root, runs))

    head = ("figure", "ocop-rate", "floor", "ratio", "peak RSS | target")
    if args.markdown:  # the last cell holds "peak | target": two columns in Markdown
        print("\n| " + " | ".join(head) + " |\n| --- | ---: | ---: | ---: | ---: | --- |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    line = " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    print("\n" + line + "\n" + "-" * len(line))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def dossier_rows(folder: Path, triple: Path, root: Path, dossiers: int, floor_yaml: float,
                 runs: int, rows: list[tuple[str, str, str, str, str]], add: Any) -> None:
    """Figure 1: YAML dossiers -> JSON against the parse, and memory at 3x the dossiers."""
    ours, peak = timed(cli("rate", str(folder), "-f", "json", "-o",
                           str(root / "d.json")), runs)
    add(f"{dossiers:,} YAML dossiers -> JSON vs CSafeLoader parse", ours, floor_yaml, 1.5,
        peak, 300)
    ours3, peak3 = timed(cli("rate", str(triple), "-f", "json", "-o",
                             str(root / "d3.json")), max(1, runs // 2))
    rows.append((f"memory, {3 * dossiers:,} dossiers vs {dossiers:,}", f"{peak3} MB",
                 f"{peak} MB", f"{peak3 / peak:.2f}x",
                 f"within 10 % {'✓' if peak3 <= 1.1 * peak else '✗'} ({ours3:.1f} s)"))
    print("dossiers done", flush=True)


def sheet_rows(sheet: Path, small: Path, root: Path, products: int, detailed: int, runs: int,
               skip_table: bool, add: Any) -> None:
    """Figure 2: the big council sheet -> JSON, CSV, the table; HTML and XLSX."""
    floor_sheet, _ = timed([PY, "-c", FLOOR_SHEET, str(sheet)], runs)
    ours, peak = timed(cli("rate", str(sheet), "-f", "json", "-o",
                           str(root / "s.json")), runs)
    add(f"{products:,}-product sheet -> JSON -o vs read_csv + row sum", ours, floor_sheet,
        2, peak)
    ours, peak = timed(cli("rate", str(sheet), "-f", "csv", "-o", str(root / "s.csv")),
                       runs)
    add("the same sheet -> -f csv -o", ours, floor_sheet, 2, peak)
    if not skip_table:
        ours, peak = timed(cli("rate", str(sheet), "-o", str(root / "s.txt")), 1)
        add("the same sheet -> table -o", ours, floor_sheet, 3, peak, 1024)
        for fmt in ("html", "xlsx"):
            ours, peak = timed(cli("rate", str(small), "-f", fmt, "-o",
                                   str(root / f"s.{fmt}")), 1)
            add(f"{detailed:,}-product sheet -> {fmt}", ours, 0, None, peak, 1024)
    print("sheets done", flush=True)


def startup_rows(folder: Path, runs: int, add: Any) -> None:
    """Figure 4: start-up of one-shot commands against typer's own floors."""
    base, _ = timed([PY, "-c", "import typer, pydantic"], runs * 2)
    typer_start, _ = timed([PY, "-c", "import typer"], runs * 2)
    bare, _ = timed([PY, "-c", BARE_TYPER, "list", "-f", "json"], runs * 2)
    one = next(iter(sorted(folder.glob("*.yaml"))))
    for command, target, floor, label in (
            (("rate", str(one)), 2.0, base, "import typer, pydantic"),
            (("rubrics", "list"), 2.0, base, "import typer, pydantic"),
            (("validate",), 2.5, base, "import typer, pydantic"),
            (("--help",), 1.3, typer_start, "import typer")):
        start, peak = timed(cli(*command), runs * 2)
        name = "rate ONE.yaml" if command[0] == "rate" else " ".join(command)
        add(f"ocop-rate {name} vs {label}", start, floor, target, peak)
        if command[0] != "--help":
            add(f"  the same vs a bare typer command ({bare:.2f} s, {bare / base:.2f}x "
                "the floor above)", start, bare, None, peak)


if __name__ == "__main__":
    main()
