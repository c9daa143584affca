"""The certificate register at 20,000 products against honest floors (issue 23): ``register
import`` of a 20,000-row CSV against the standard library reading the same CSV and writing it
with ``sqlite3.executemany`` in one transaction; ``register due -f json`` against one SQLite
join over the same register and ``json.dumps``. Run on demand, prints figures (not a test).

    python benchmarks/bench_register.py               # 20,000 products, 11 pairs
    python benchmarks/bench_register.py --pairs 21 --products 2000
    python benchmarks/run.py --only register --pairs 11   # the same, in run.py's table

Each figure runs ocop-rate and its floor alternately as fresh processes (benchmarks/timing.py:
a machine loaded by others slows both alike) and reports the median of the pairs' ratios and
their spread. The products are generated with a fixed seed: certificates issued at 2
provincial rounds a year (Điều 5.1: before 30 June and 30 December) in 34 provinces over
three years, so that a quarter's ``due`` meets about a sixth of the register, as it would in
a province's life.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

SEED = 20260522
PY = sys.executable
DUE_ON = "2029-01-15"
IMPORT_GOAL = DUE_GOAL = 2.0
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cli(*args: str) -> list[str]:
    script = Path(PY).with_name("ocop-rate")
    return [str(script), *args] if script.exists() else [PY, "-m", "ocop_rate", *args]


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


FLOOR_IMPORT = """
import csv, sqlite3, sys
from ocop_rate.register.schema import APPLICATION_ID, MIGRATIONS
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("BEGIN")
conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
for _, steps in MIGRATIONS:
    for step in steps:
        conn.execute(step) if isinstance(step, str) else step(conn)
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    rows = csv.reader(handle)
    next(rows)
    rows = list(rows)
conn.executemany("INSERT INTO products (product_id, name, province, commune, product_group, "
                 "product_key) VALUES (?, ?, ?, ?, ?, lower(?))",
                 [(r[0], r[1], r[2], r[3], r[4], r[0]) for r in rows])
conn.executemany("INSERT OR IGNORE INTO decisions (number, decided_on, authority) "
                 "VALUES (?, ?, 'province-chair')", [(r[8], r[7]) for r in rows])
conn.executemany("INSERT INTO certificates (number, product_id, decision_id, stars, issued_on, "
                 "expires_on, term_source) VALUES (?, ?, (SELECT decision_id FROM decisions "
                 "WHERE number = ? AND decided_on = ?), ?, ?, date(?, '+36 months', '-1 day'),"
                 " '36-months')", [(r[6], r[0], r[8], r[7], r[5], r[7], r[7]) for r in rows])
conn.execute("COMMIT")
"""
"""The import's floor: the standard library's CSV reader, and the same rows written into a
new register's tables (made by the register's own migrations, as ``register import`` makes
them) with one ``executemany`` per table in one transaction; no validation, no lookups."""

FLOOR_DUE = """
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro&immutable=1", uri=True)
keys = ("product_id", "product_name", "province", "commune", "product_group", "stars",
        "certificate", "issued_on", "expires_on", "decision", "authority", "window_opens",
        "window_closes", "state", "days_to_expiry")
rows = conn.execute(
    "SELECT p.product_id, p.name, p.province, p.commune, p.product_group, c.stars, c.number,"
    " c.issued_on, c.expires_on, d.number, d.authority, date(c.expires_on, '-180 days') AS o,"
    " date(c.expires_on, '-120 days') AS w, CASE WHEN :on < date(c.expires_on, '-180 days') "
    "THEN 'opening' WHEN :on <= date(c.expires_on, '-120 days') THEN 'open' "
    "ELSE 'closed-unfiled' END AS s, "
    "CAST(julianday(c.expires_on) - julianday(:on) AS INTEGER) FROM certificates c "
    "JOIN products p ON p.product_id = c.product_id "
    "JOIN decisions d ON d.decision_id = c.decision_id "
    "LEFT JOIN filings f ON f.certificate_id = c.certificate_id "
    "LEFT JOIN revocations r ON r.certificate_id = c.certificate_id "
    "WHERE c.expires_on BETWEEN :on AND date(:on, '+270 days') "
    "AND c.superseded_by IS NULL AND f.filed_on IS NULL AND r.revoked_on IS NULL "
    "ORDER BY s, c.expires_on, p.product_id", {"on": sys.argv[2]}).fetchall()
sys.stdout.write(json.dumps([dict(zip(keys, row)) for row in rows], ensure_ascii=False))
"""
"""``due``'s floor: the same certificates with the same fields (expiring within the 180 +
90 days ``due`` looks at, unfiled, unrevoked, not replaced; the window's edges and state
computed in SQL, without the working-day move) read with one join and written with
``json.dumps``."""


def commands(root: Path, products: int) -> dict[str, tuple[list[str], list[str]]]:
    """The two figures' commands, ocop-rate's and its floor's, on a register of
    ``products`` generated in ``root``. An import needs a file it has not written yet: both
    it and its floor run as ``sh -c 'rm -f FILE*; exec …'`` (the same few milliseconds on
    each side). The register that ``due`` asks is imported here, once."""
    sheet, db, bare = root / "register.csv", root / "register.sqlite", root / "floor.sqlite"
    asked = root / "asked.sqlite"
    if not sheet.exists():
        generate(sheet, products)
    if not asked.exists():
        subprocess.run(cli("register", "import", str(sheet), "--db", str(asked)), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)

    def fresh(target: Path, argv: list[str]) -> list[str]:
        return ["sh", "-c", 'rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; shift; exec "$@"',
                "sh", str(target), *argv]

    return {
        "import": (fresh(db, cli("register", "import", str(sheet), "--db", str(db))),
                   fresh(bare, [PY, "-c", FLOOR_IMPORT, str(sheet), str(bare)])),
        "due": (cli("register", "due", "--on", DUE_ON, "-f", "json", "--db", str(asked)),
                [PY, "-c", FLOOR_DUE, str(asked), DUE_ON]),
    }


NAMES = {"import": "register import of {n:,} CSV rows vs csv + sqlite3 executemany, "
                   "one transaction",
         "due": "register due -f json on {n:,} products vs one SQLite join + json.dumps"}
GOALS = {"import": IMPORT_GOAL, "due": DUE_GOAL}


def main() -> None:
    from timing import paired

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--pairs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; "
              f"{args.pairs} pairs, ocop-rate and floor alternately", flush=True)
        for key, (ours, floor) in commands(Path(tmp), args.products).items():
            m = paired(ours, floor, args.pairs)
            goal = GOALS[key]
            print(f"{NAMES[key].format(n=args.products)} | {m.ours:.3f} s | {m.floor:.3f} s | "
                  f"{m.ratio:.2f}x | {m.spread_text()} | <= {goal}x "
                  f"{'✓' if m.ratio <= goal else '✗'}", flush=True)


if __name__ == "__main__":
    main()
