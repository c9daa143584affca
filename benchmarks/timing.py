"""How benchmarks/run.py times a figure: fresh processes, one at a time, as a user runs them.

Two ways, chosen by ``run.py --pairs``:

* medians (the default): the command ``runs`` times, its floor ``runs`` times (a floor is
  timed once and reused by every figure that shares it); the ratio is median / median.
* pairs (``--pairs N``): the command and its floor alternately, N times (A B, B A, A B, …,
  so neither always runs first); each pair gives a ratio, and the figure is the median of
  those ratios with their spread (min–max). On a machine other work is loading, a pair's two
  runs see nearly the same load, so the ratio of a pair is steadier than either time.

Either way a figure is wall time, what a user waits, unless ``run.py --cpu`` asks for the
child's CPU time (user + system): nearly blind to the other work on the machine, so a
steadier cross-check of a start-up ratio on a loaded machine (a child that runs threads
counts each thread's time). A child's peak memory is its own maximum resident set size
(``os.wait4`` in a small probe process, :data:`PROBE`), not the most of every child so far.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

CHILD_ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
             "OPENBLAS_NUM_THREADS": "1"}
"""The children's environment: as a user's, Python reads and writes its bytecode cache. A
machine that sets ``PYTHONDONTWRITEBYTECODE`` (this project's sandbox does) would otherwise
compile every ocop-rate module from source in every process, ~50 ms no user pays. Every
child, ocop-rate and floor alike, asks numpy's OpenBLAS for one thread: ocop-rate's command
line does so itself (it never calls BLAS), and a floor that imports numpy need not start a
pool of spinning threads either, so neither side is charged for one."""


PROBE = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
if hasattr(os, "wait4"):
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code, peak = os.waitstatus_to_exitcode(status), usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    if sys.platform == "darwin":
        peak //= 1024
else:
    code, peak = proc.wait(), 0
    wall = cpu = time.perf_counter() - start
print(wall, cpu, peak // 1024, code)
"""
"""Runs one child and reports its wall and CPU time, its own peak RSS and its exit code. A small
process of its own: Linux counts a parent's resident pages in a forked child's peak, so a
benchmark that has loaded the rubrics would add its own ~40 MB to every figure."""


def once(argv: Sequence[str], cpu: bool = False) -> tuple[float, int]:
    """Wall (or ``cpu``) seconds and peak RSS (MB) of one fresh process; its output goes
    to /dev/null (not a terminal, as in a script or a pipe). Exit 0 or 1 is a run; anything
    else stops the benchmark, since a figure of a failing command means nothing."""
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True,
                         text=True, check=True, env=CHILD_ENV).stdout.split()
    if out[3] not in ("0", "1"):
        raise SystemExit(f"failed ({out[3]}): {' '.join(argv)}")
    return float(out[1] if cpu else out[0]), int(out[2])


def timed(argv: Sequence[str], runs: int, cpu: bool = False) -> tuple[float, int]:
    """Median seconds of ``runs`` fresh processes, and their peak RSS in MB."""
    times, peaks = zip(*(once(argv, cpu) for _ in range(max(1, runs))), strict=True)
    return statistics.median(times), max(peaks)


@dataclass(frozen=True)
class Measure:
    """A command against its floor: medians, the ratio, and (paired) the spread."""

    ours: float
    floor: float
    ratio: float
    peak: int
    spread: tuple[float, float] | None = None  # min and max of the pairs' ratios
    pairs: int = 0

    def spread_text(self) -> str:
        if self.spread is None:
            return "-"
        return (f"{self.spread[0]:.2f}–{self.spread[1]:.2f} "
                f"({self.pairs} pair{'s' if self.pairs != 1 else ''})")


def paired(ours: Sequence[str], floor: Sequence[str], pairs: int,
           cpu: bool = False) -> Measure:
    """``ours`` and ``floor`` run alternately ``pairs`` times: the median of each, and the
    median and min–max of the per-pair ratios."""
    a: list[float] = []
    b: list[float] = []
    peaks: list[int] = []
    for i in range(max(1, pairs)):
        if i % 2:
            (y, _), (x, peak) = once(floor, cpu), once(ours, cpu)
        else:
            (x, peak), (y, _) = once(ours, cpu), once(floor, cpu)
        a.append(x)
        b.append(y)
        peaks.append(peak)
    ratios = sorted(x / y for x, y in zip(a, b, strict=True))
    return Measure(statistics.median(a), statistics.median(b), statistics.median(ratios),
                   max(peaks), (ratios[0], ratios[-1]), len(ratios))


class Timer:
    """Times figures the way ``run.py`` was asked to: :func:`paired` when ``pairs`` is set,
    else medians with each floor timed once and reused."""

    def __init__(self, runs: int, pairs: int | None, cpu: bool = False) -> None:
        self.runs, self.pairs, self.cpu = runs, pairs, cpu
        self._floors: dict[tuple[str, ...], float] = {}

    def measure(self, ours: Sequence[str], floor: Sequence[str],
                runs: int | None = None) -> Measure:
        """``ours`` against ``floor``; ``runs`` overrides the run count of a slow figure
        (in pairs mode too, where it caps the pairs)."""
        if self.pairs:
            return paired(ours, floor, min(self.pairs, runs) if runs else self.pairs,
                          self.cpu)
        n = runs or self.runs
        key = tuple(floor)
        if key not in self._floors:
            self._floors[key] = timed(floor, n, self.cpu)[0]
        base = self._floors[key]
        time_ours, peak = timed(ours, n, self.cpu)
        return Measure(time_ours, base, time_ours / base, peak)

    def alone(self, ours: Sequence[str], runs: int | None = None) -> tuple[float, int]:
        """A figure without a floor (its size and memory only)."""
        return timed(ours, runs or self.runs, self.cpu)
