"""A command reads the catalogue of the language it speaks, and only that one: asking
whether a word exists (a product group, a producer kind, a register code, a ``*_id``
parameter) asks that language's catalogue, never the other one's (issue 23: reading a
catalogue is a few milliseconds of every drawn command's start-up)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ocop_rate.messages import CATALOGUE, known
from tests.conftest import REPO

CHILD = """
import json, sys
from ocop_rate import messages
read, mo_file = [], messages.mo_file
def recording(lang):
    read.append(lang)
    return mo_file(lang)
messages.mo_file = recording
sys.argv = ["ocop-rate", *sys.argv[1:]]
from ocop_rate.cli import main
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
sys.stderr.write("\\n" + json.dumps(read) + "\\n")
"""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_drawn_listing_reads_only_its_languages_catalogue(lang: str) -> None:
    proc = subprocess.run([sys.executable, "-c", CHILD, "rubrics", "list", "--lang", lang],
                          cwd=REPO, capture_output=True, text=True, encoding="utf-8",
                          check=False, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
                                            "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"})
    assert proc.returncode == 0, proc.stderr
    group = {"vi": "Thực phẩm", "en": "Food"}[lang]
    assert group in proc.stdout  # the product groups were said in words
    assert json.loads(proc.stderr.splitlines()[-1]) == [lang]


@pytest.mark.parametrize("message_id", ["report.group.food", "register.label.valid",
                                        "producer_kind.cooperative", "cli.error"])
def test_known_ids_are_known_in_both_languages(message_id: str) -> None:
    assert known(message_id, "vi") and known(message_id, "en") and message_id in CATALOGUE


@pytest.mark.parametrize("message_id", ["report.group.spaceships", "", "register.label."])
def test_an_unknown_id_is_unknown_in_both_languages(message_id: str) -> None:
    assert not known(message_id, "vi") and not known(message_id, "en")
    assert message_id not in CATALOGUE
