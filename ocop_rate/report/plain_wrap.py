"""Rich's word wrap for plain text whose every character is one cell wide, without rich.

Why: rich measures a string cell by cell unless every character is in its own short list of
one-cell characters, which stops at U+02FF: every Vietnamese word (ạ, ế, ữ are U+1EA0-U+1EF9)
is measured one character at a time, in every wrap, divide and pad. Wrapping the cells of a
100,000-product table or the lines under it was most of the table's time. For a text made of
:data:`NARROW` characters a cell is a character, and :func:`wrap` gives rich's own lines
(``Text.wrap``: split on line breaks, words kept whole unless longer than the width, trailing
spaces dropped, then justified and cut as rich does). tests/test_plain_wrap.py holds it to
``Text.wrap`` on generated texts, and every character of :data:`NARROW` to rich's own width.
"""

from __future__ import annotations

import re
from itertools import pairwise

_RANGES = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF),  # Latin, Latin-1, Latin Extended A/B
    (0x370, 0x482),                             # Greek, Cyrillic (as rich lists them)
    (0x1E00, 0x1EFF),                           # Latin Extended Additional: Vietnamese
    (0x2010, 0x2027), (0x2030, 0x205E),         # dashes, quotes, bullet, ellipsis, ‰
    (0x2190, 0x21FF),                           # arrows
    (0x2500, 0x25FC),                           # box drawing, geometric shapes
    (0x2605, 0x2606), (0x26A0, 0x26A0),         # ★ ☆, ⚠
    (0x2713, 0x2718),                           # ✓ ✔ ✕ ✖ ✗ ✘
)
NARROW = frozenset(chr(code) for low, high in _RANGES for code in range(low, high + 1))
"""Characters rich draws one cell wide (each checked against rich by the tests)."""
_WRAPPABLE = NARROW | {"\n"}

_WORD = re.compile(r"\s*\S+\s*")
_TRAILING = re.compile(r"\s+$")
JUSTIFY = frozenset({"default", "left", "right"})
OVERFLOW = frozenset({"fold", "crop", "ellipsis"})


def narrow(text: str) -> bool:
    """Whether every character of ``text`` but its line breaks is one cell wide (so
    :func:`wrap` applies)."""
    return _WRAPPABLE.issuperset(text)


def wrap(text: str, width: int, *, justify: str = "default", overflow: str = "fold",
         no_wrap: bool = False) -> list[str]:
    """The lines of ``Text(text).wrap(console, width, justify=…, overflow=…,
    no_wrap=…)``, for a :func:`narrow` text without tabs, ``width`` ≥ 1."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = [line] if no_wrap else [
            _rstrip_end(piece, width) for piece in _divide(line, width, overflow == "fold")]
        for piece in pieces:
            if justify == "left":
                piece = _truncate(piece, width, overflow).ljust(width)
            elif justify == "right":
                piece = _truncate(piece.rstrip(), width, overflow).rjust(width)
            out.append(_truncate(piece, width, overflow))
    return out


def _divide(line: str, width: int, fold: bool) -> list[str]:
    """``line`` cut where rich's ``divide_line`` cuts it."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                chunks = [word[i:i + width] for i in range(0, len(word), width)]
                for chunk in chunks[:-1]:
                    if start:
                        breaks.append(start)
                    start += len(chunk)
                if start:
                    breaks.append(start)
                offset = len(chunks[-1])
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    edges = [0, *breaks, len(line)]
    return [line[a:b] for a, b in pairwise(edges)]


def _rstrip_end(piece: str, width: int) -> str:
    """Trailing spaces beyond ``width`` dropped (rich's ``Text.rstrip_end``)."""
    excess = len(piece) - width
    if excess > 0:
        spaces = _TRAILING.search(piece)
        if spaces is not None:
            return piece[:len(piece) - min(len(spaces.group(0)), excess)]
    return piece


def _truncate(piece: str, width: int, overflow: str) -> str:
    """``piece`` cut to ``width`` cells (rich's ``Text.truncate``)."""
    if len(piece) <= width:
        return piece
    if overflow == "ellipsis":
        return piece[:width - 1] + "…"
    return piece[:width]
