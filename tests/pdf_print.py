"""Print an HTML file to PDF as a browser does (headless Chromium) and read its pages back
(poppler's pdfinfo and pdftotext). Tests that need it skip, saying why, where either is
missing; `.ci/run` installs both."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="headless Chromium and poppler-utils (pdfinfo, pdftotext) are not installed "
    "(apt-get install -y chromium poppler-utils)")

#: Flags that keep a headless Chromium quiet and self-contained in a container or CI: no
#: sandbox (no user namespaces there), no GPU, no network chatter, a fresh profile.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer")


def print_pdf(html: Path, out: Path) -> Path:
    """``html`` printed to ``out`` (A4 comes from the page's own ``@page`` rule)."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}",
                        f"--print-to-pdf={out}", html.resolve().as_uri()],
                       check=True, capture_output=True, timeout=180)
    return out


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True,
                          timeout=30).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert found, info
    return int(found.group(1))


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, in order, its white space collapsed (a heading may wrap);
    pdftotext ends every page with a form feed."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")[:-1]]
    assert len(pages) == page_count(pdf)
    return pages


def runs(starts: list[int], total: int) -> list[int]:
    """Pages per document, given the first page of each (1-based) and the page count."""
    ends = [*starts[1:], total + 1]
    return [end - start for start, end in zip(starts, ends, strict=True)]
