"""One normal form for the names and ids that must be unique, and the characters that have
no place in them. Every uniqueness check and every match (a dossier's members, a sheet's
members, a round's roster, product ids across a batch) compares these keys, so "Lan",
"Lan ", "LAN", "La\u200bn", "Lan\u00a0" and "Lân" are one member (issue 19: one rule for
loose files and rounds), and "QN-01", "qn-01" and "QN\u201101" one product.

Imports nothing of ours: models, loading and reports all use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))
_DROP_ZERO_WIDTH = str.maketrans(dict.fromkeys(ZERO_WIDTH))
_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s_.\-/]+")
_DIGITS = re.compile(r"\d+")


def member_key(name: str) -> str:
    """``"  Nguyễn\u00a0Văn  LAN\u200b "`` -> ``"nguyen van lan"``: zero-width characters
    dropped, case and diacritics (đ too) folded, every run of (Unicode) spaces one space,
    trimmed. A member who signs "Nguyen Thi Lan" on one sheet and "Nguyễn Thị Lan" on
    another is one member, as a round's roster already matched them."""
    text = unicodedata.normalize("NFD", name.translate(_DROP_ZERO_WIDTH).casefold())
    plain = "".join(ch for ch in text.replace("đ", "d") if not unicodedata.combining(ch))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", plain)).strip()


def person_key(name: str) -> str:
    """A person as the round matches sheets to the roster (``round.tables.header_key``):
    :func:`member_key`, then diacritics dropped (``đ`` too) and runs of spaces, ``_`` and
    ``-`` one space. "Hoàng Văn Sơn", "HOÀNG VĂN SƠN" and "Hoang Van Son" are one person,
    so a roster naming them twice is refused rather than crediting a sheet to either."""
    return folded(member_key(name))


def folded(text: str) -> str:
    """``'Mã  SP'`` -> ``'ma sp'``: case, diacritics (``đ`` too) and runs of spaces, ``_``
    and ``-`` set aside. How headers are matched (``loading.sheet_files.header_key``) and,
    after :func:`member_key`, people (:func:`person_key`)."""
    decomposed = unicodedata.normalize("NFD", text.strip().casefold()).replace("đ", "d")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s_\-]+", " ", plain).strip()


def same_person(names: Iterable[str]) -> list[str]:
    """Names that are one person by :func:`person_key`, each written as first given and
    joined with " = " ("Hoàng Văn Sơn = HOÀNG VĂN SƠN"), in roster order."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(person_key(name), []).append(name)
    return [" = ".join(g) for g in groups.values() if len(g) > 1]


def hidden_in_name(name: str) -> str | None:
    """The first format character (a zero-width space, joiner, BOM, soft hyphen…) of a
    person's name, as ``U+XXXX``: it would make a name that looks like another one a
    second person (a phantom member counting towards the quorum). None when none."""
    for ch in name:
        if unicodedata.category(ch) == "Cf":
            return f"U+{ord(ch):04X}"
    return None


def id_key(product_id: str) -> str:
    """A product id as compared: NFKC, case folded, every dash one hyphen-minus."""
    return unicodedata.normalize("NFKC", product_id).translate(_DASH_TO_HYPHEN).casefold()


def invisible_in_id(product_id: str) -> str | None:
    """The first character that makes an id look like another one (format and control
    characters such as a zero-width space or a BOM, any kind of space, a dash other than
    ``-``), as ``U+XXXX``; None when there is none."""
    for ch in product_id:
        if ch in DASHES or unicodedata.category(ch) in ("Cf", "Cc", "Cs", "Co", "Cn",
                                                         "Zs", "Zl", "Zp"):
            return f"U+{ord(ch):04X}"
    return None


def id_keys(ids: list[str]) -> list[str]:
    """:func:`id_key` of each id; ids in plain ASCII (the usual sheet) are only lowered,
    all at once (NFKC leaves ASCII alone, and ASCII has no other dash)."""
    joined = "\n".join(ids)
    if ids and joined.isascii() and joined.count("\n") == len(ids) - 1:
        return joined.lower().split("\n")
    return [id_key(i) for i in ids]


def plain_ids(ids: list[str]) -> bool:
    """Every id printable ASCII without a space: none can hold a space, a hidden or a
    control character (what ``invisible_in_id`` and ``text_safety.hostile_char`` look
    for), so a sheet's 100,000 ids are checked with one scan."""
    joined = "".join(ids)
    return joined.isascii() and joined.isprintable() and " " not in joined


NEAR_MISS_EDITS = 2
"""At most this many characters apart for an id to be suggested as the one meant (a round's
ids not on its list, loose files' near misses: ``ocop_rate.merge``)."""


def loose_id_key(pid: str) -> str:
    """``'qn_ub-001'`` and ``'QN-UB-0001'`` alike: case, separators and zero padding
    ignored."""
    plain = _SEPARATORS.sub("", pid.casefold())
    return _DIGITS.sub(lambda m: str(int(m.group())), plain)


def nearest(pid: str, listed: list[str]) -> list[str]:
    """The listed ids ``pid`` most likely meant: the one equal but for case, separators or
    zero padding; else those fewest edits away (at most :data:`NEAR_MISS_EDITS`, up to
    three)."""
    key = loose_id_key(pid)
    same = [p for p in listed if loose_id_key(p) == key]
    if same:
        return same[:1]
    scored = sorted((edits(pid.casefold(), p.casefold()), p) for p in listed)
    best = [p for d, p in scored if d <= NEAR_MISS_EDITS and d == scored[0][0]]
    return best[:3]


def edits(a: str, b: str) -> int:
    """Levenshtein distance (ids are short; a round lists hundreds at most)."""
    if abs(len(a) - len(b)) > NEAR_MISS_EDITS:
        return NEAR_MISS_EDITS + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
