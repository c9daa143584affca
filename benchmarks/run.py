"""ocop-rate against the physical floor: run on demand, prints figures (not a test).

    python benchmarks/run.py            # the sizes of issue 6 (takes several minutes)
    python benchmarks/run.py --quick    # a tenth of the sizes, for a smoke run

Every corpus is generated with a fixed seed into a temporary folder. Each figure is the
median wall time of several runs of a fresh process (so imports count, as they do for a
user); peak memory is the child's maximum resident set size.

Figures (targets from issue 6):
1. a 100,000-product council score sheet (CSV, one row per product and member) rated to
   JSON by the CLI, against the floor: ``pandas.read_csv`` of the same file plus a numpy row
   sum of the points (codes looked up to points column-wise) -- target <= 3x;
2. the same sheet scored by the library's vectorised path against a naive loop (a pydantic
   Dossier per product, scored by ``engine.score``), both from the CSV file -- target >= 50x;
   the naive loop is timed on the first ``--naive`` products and scaled to the whole sheet;
3. 10,000 YAML dossiers in a folder rated to JSON, against only parsing them with libyaml's
   CSafeLoader -- target <= 1.5x;
4. ``ocop-rate --help``, ``ocop-rate rubrics list`` (and ``validate`` when the command
   exists) cold start against ``python -c "import typer"`` -- target <= 1.3x, no pandas;
5. peak memory of the 100,000-product batch -- target <= 400 MB.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUBRIC = "food-processed-plant-26"
SEED = 20260522
PY = sys.executable
CLI = str(Path(PY).with_name("ocop-rate"))
if not Path(CLI).exists():  # not installed as a script: run the module
    CLI = ""


def cli(*args: str) -> list[str]:
    return [CLI, *args] if CLI else [PY, "-m", "ocop_rate", *args]


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
                             check=True).stdout.split()
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
VECTORISED = """
import sys
from pathlib import Path
from ocop_rate.engine import score_columns
from ocop_rate.loading.rubrics import load_library
from ocop_rate.loading.score_sheets import read_score_sheet
content = read_score_sheet(Path(sys.argv[1]), load_library())
print(sum(int(score_columns(block).stars.sum()) for block in content.blocks))
"""
NAIVE = """
import csv, sys
from ocop_rate.engine import check_fit, score
from ocop_rate.loading.rubrics import load_library
from ocop_rate.models.dossier import Dossier
library = load_library()
limit = int(sys.argv[2])
products = {}
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    for row in csv.DictReader(handle):
        pid = row.pop("product_id")
        if pid not in products and len(products) == limit:
            break
        entry = products.setdefault(pid, {"name": row.pop("product_name"),
                                          "rubric": row.pop("rubric"), "council": []})
        row.pop("product_name", None); row.pop("rubric", None)
        entry["council"].append({"member": row.pop("member"), "scores": row})
stars = 0
for pid, entry in products.items():
    dossier = Dossier.model_validate({
        "product": {"id": pid, "name": entry["name"], "rubric": entry["rubric"]},
        "council": entry["council"]})
    rubric = library.rubrics[entry["rubric"]]
    assert not check_fit(rubric, dossier)
    stars += score(rubric, dossier).stars
print(stars)
"""
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
    parser.add_argument("--naive", type=int, default=2000,
                        help="products the naive loop is timed on (then scaled)")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    products, dossiers = 100_000 // scale, 10_000 // scale
    runs = args.runs
    rows: list[tuple[str, str, str, str, str]] = []

    def add(name: str, ours: float, floor: float, target: str, ok: bool, unit: str = "s"
            ) -> None:
        ratio = ours / floor if floor else float("nan")
        rows.append((name, f"{ours:.2f} {unit}", f"{floor:.2f} {unit}", f"{ratio:.2f}x",
                     f"{target} {'✓' if ok else '✗'}"))

    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        root = Path(tmp)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
              f"medians of {runs} runs; corpora in {root}", flush=True)
        t = time.perf_counter()
        sheet = root / "sheet.csv"
        generate_sheet(sheet, products, args.members)
        folder = root / "dossiers"
        generate_dossiers(folder, dossiers)
        print(f"generated {products:,} products x {args.members} members "
              f"({sheet.stat().st_size / 1e6:.0f} MB CSV) and {dossiers:,} YAML dossiers "
              f"in {time.perf_counter() - t:.0f} s", flush=True)

        ours, peak = timed(cli("rate", str(sheet), "-f", "json", "-o",
                               str(root / "sheet.json")), runs)
        floor, _ = timed([PY, "-c", FLOOR_SHEET, str(sheet)], runs)
        add(f"{products:,}-product sheet -> JSON vs read_csv + row sum", ours, floor,
            "<= 3x", ours <= 3 * floor)
        size = (root / "sheet.json").stat().st_size / 1e6

        vector, _ = timed([PY, "-c", VECTORISED, str(sheet)], runs)
        naive_n = min(args.naive, products)
        naive, _ = timed([PY, "-c", NAIVE, str(sheet), str(naive_n)], max(1, runs // 2))
        naive_all = naive * products / naive_n
        rows.append((f"vectorised scoring vs naive Dossier loop ({naive_n:,} timed, scaled)",
                     f"{vector:.2f} s", f"{naive_all:.1f} s", f"{naive_all / vector:.0f}x "
                     "faster", f">= 50x {'✓' if naive_all >= 50 * vector else '✗'}"))

        ours_yaml, _ = timed(cli("rate", str(folder), "-f", "json", "-o",
                                 str(root / "dossiers.json")), max(1, runs // 2))
        floor_yaml, _ = timed([PY, "-c", FLOOR_YAML, str(folder)], max(1, runs // 2))
        add(f"{dossiers:,} YAML dossiers -> JSON vs CSafeLoader parse", ours_yaml, floor_yaml,
            "<= 1.5x", ours_yaml <= 1.5 * floor_yaml)

        typer_start, _ = timed([PY, "-c", "import typer"], runs * 2)
        commands = [("--help",), ("rubrics", "list")]
        if has_validate():
            commands.append(("validate",))
        for command in commands:
            start, _ = timed(cli(*command), runs * 2)
            free = pandas_free(*command)
            add(f"ocop-rate {' '.join(command)} vs import typer"
                f"{'' if free else ' (IMPORTS PANDAS)'}", start, typer_start, "<= 1.3x",
                start <= 1.3 * typer_start and free)
        if not has_validate():
            rows.append(("ocop-rate validate", "-", "-", "-", "command not there yet"))
        rows.append((f"peak memory, {products:,}-product sheet -> JSON", f"{peak} MB", "-",
                     "-", f"<= 400 MB {'✓' if peak <= 400 else '✗'}"))

    head = ("figure", "ocop-rate", "floor", "ratio", "target")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    line = " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    print("\n" + line + "\n" + "-" * len(line))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(f"\nJSON written for the sheet: {size:.0f} MB; "
          f"children's peak RSS so far: "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
