"""Characters refused in every string read from a file (dossiers, rubrics, sheets, golden
files): they would reach a terminal, a workbook or a report and act there.

- C0 controls other than tab and newline, DEL, and C1 controls: ESC starts terminal
  sequences (title change, screen clear, fake hyperlinks); XLSX cannot hold most of them.
- Lone surrogates (``"\\udfff"`` in JSON): not Unicode; every encoder fails on them.
- Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they
  reorder what is printed ("Trojan source").
A carriage return is a line break: ``\\r\\n`` and a lone ``\\r`` become ``\\n``, as YAML
itself reads them.
"""

from __future__ import annotations

import re

_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_CR = re.compile("\r\n?")


def hostile_char(text: str) -> str | None:
    """``U+XXXX`` of the first refused character of ``text`` (after line breaks are
    normalised), or None."""
    found = _BAD.search(clean_breaks(text))
    return None if found is None else f"U+{ord(found.group()):04X}"


def is_surrogate(code: str) -> bool:
    return 0xD800 <= int(code[2:], 16) <= 0xDFFF


def clean_breaks(text: str) -> str:
    """Windows and old Mac line breaks as ``\\n``."""
    return _CR.sub("\n", text) if "\r" in text else text


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: every refused character (and ``\\r``) shown
    as an escape such as ``\\x1b`` or ``\\u202e`` instead of acting."""
    def shown(found: re.Match[str]) -> str:
        code = ord(found.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _BAD.sub(shown, text)


def spelt_out(text: str) -> str:
    """``text`` with every character that is not printable ASCII written as its escape
    (``QN\\u200b-01``): a located error about an id that looks like another shows what
    is hidden in it."""
    return printable(text).encode("ascii", "backslashreplace").decode()
