"""The certificate register at 20,000 products: import, then ``register due`` (issue 15's
target: under a second). Run on demand, prints figures (not a test).

    python benchmarks/bench_register.py            # 20,000 products
    python benchmarks/bench_register.py --products 2000

The products are generated with a fixed seed: certificates issued at 2 provincial rounds a
year (Điều 5.1: before 30 June and 30 December) in 34 provinces over three years, so that a
quarter's ``due`` meets about a quarter of the register, as it would in a province's life.
Each CLI figure is the median wall time of several fresh processes (imports included, as a
user waits for them); the in-process figure is the query and its JSON alone.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SEED = 20260522
PY = sys.executable


def cli(*args: str) -> list[str]:
    return [PY, "-m", "ocop_rate", *args]


def wall(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode())
    return statistics.median(times)


def generate(path: Path, products: int) -> None:
    rng = random.Random(SEED)
    rounds = [date(y, m, d) for y in (2026, 2027, 2028) for m, d in ((6, 20), (12, 20))]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["product_id", "product_name", "province", "commune", "product_group",
                      "stars", "certificate", "issued_on", "decision"])
        for i in range(products):
            province = rng.randrange(34)
            issued = rng.choice(rounds) + timedelta(days=rng.randrange(10))
            out.writerow([f"T{province:02d}-{i:06d}", f"Sản phẩm {i}", f"Tỉnh {province}",
                          f"Xã {rng.randrange(100)}", rng.choice(["food", "beverages",
                                                                   "herbal", "crafts"]),
                          rng.choice([3, 3, 3, 4, 4]), f"{i:06d}/GCN-T{province:02d}",
                          issued.isoformat(), f"{issued:%m%d}/QĐ-UBND-T{province:02d}"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sheet, db = Path(tmp) / "register.csv", Path(tmp) / "register.sqlite"
        generate(sheet, args.products)
        start = time.perf_counter()
        subprocess.run(cli("register", "import", str(sheet), "--db", str(db)), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        imported = time.perf_counter() - start
        print(f"import {args.products:,} products (CLI, one transaction): {imported:.2f} s; "
              f"file {db.stat().st_size / 1e6:.1f} MB")
        for on in ("2029-01-15", "2029-04-15"):
            seconds = wall(cli("register", "due", "--on", on, "-f", "json", "--db", str(db)),
                           args.runs)
            print(f"register due --on {on} -f json (CLI, median of {args.runs}): "
                  f"{seconds:.3f} s  {'OK' if seconds < 1 else 'OVER'} (target < 1 s)")
        base = wall([PY, "-c", "import typer"], args.runs)
        print(f"python -c 'import typer' (floor of any CLI call): {base:.3f} s")
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from ocop_rate.register.queries import due
        from ocop_rate.register.store import open_register
        from ocop_rate.report.register_view import due_json

        register = open_register(db, create=False)
        for on in (date(2029, 1, 15), date(2029, 4, 15)):
            start = time.perf_counter()
            items = due(register, on)
            due_json(items)
            seconds = time.perf_counter() - start
            print(f"due({on}) in process: {len(items):,} certificates due in "
                  f"{seconds * 1000:.0f} ms (query and JSON)")
        register.close()


if __name__ == "__main__":
    main()
