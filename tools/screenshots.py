"""Regenerate the documentation's pictures (docs/images/): the results table at 80 columns, a
member's printed score sheet and the results list (printed to PDF by headless Chromium,
first page rendered with pdftoppm). Run: python tools/screenshots.py"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def terminal(width: int = 80) -> None:
    from rich.console import Console
    from rich.text import Text

    env = {**os.environ, "COLUMNS": str(width), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    shown = subprocess.run([sys.executable, "-m", "ocop_rate", "rate", "sample_products/"],
                           cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    console = Console(record=True, width=width, file=open(os.devnull, "w"))  # noqa: SIM115
    lines = shown.stdout.splitlines()
    console.print(Text.from_ansi("\n".join(lines[:34] + ["…", *lines[-3:]])))
    console.save_svg(str(IMAGES / "terminal-80-columns.svg"),
                     title=f"ocop-rate rate sample_products/ ({width} columns)")


def printed(fmt: str, sample: str, name: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium and shutil.which("pdftoppm"), "needs chromium and poppler-utils"
    with tempfile.TemporaryDirectory() as tmp:
        html, pdf = Path(tmp) / "doc.html", Path(tmp) / "doc.pdf"
        subprocess.run([sys.executable, "-m", "ocop_rate", "rate", sample, "-f", fmt, "-o",
                        str(html), "--date", "2026-02-05"], cwd=ROOT, check=True)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(IMAGES / name)], check=True)


if __name__ == "__main__":
    IMAGES.mkdir(parents=True, exist_ok=True)
    terminal()
    printed("sheets", "sample_products/qn-hl-cha-muc.yaml", "printed-score-sheet")
    printed("results", "sample_products/", "results-list")
