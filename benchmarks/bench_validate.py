"""How long `ocop-rate validate` takes on the bundled rubrics (issue: well under a second).

Run: python benchmarks/bench_validate.py
Prints the in-process lint time (best of several runs) and the wall time of the command as
a fresh process, which includes the interpreter's start and the imports.
"""

from __future__ import annotations

import subprocess
import sys
import time
import timeit


def main() -> None:
    from ocop_rate.checks.lints import run_lints

    runs = timeit.repeat(run_lints, number=5, repeat=3)
    print(f"run_lints() on the bundled rubrics: {min(runs) / 5 * 1000:.1f} ms (best of 3×5)")
    walls = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ocop_rate", "validate", "--format", "json"],
                       capture_output=True, check=True)
        walls.append(time.perf_counter() - start)
    print(f"`python -m ocop_rate validate` wall time: best {min(walls):.2f} s, "
          f"worst {max(walls):.2f} s (5 runs)")


if __name__ == "__main__":
    main()
