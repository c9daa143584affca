"""The message catalogues' sources (ocop_rate/locale/<lang>/LC_MESSAGES/ocop_rate.po), read
with Babel: what the tests walk over (the program itself reads only the compiled .mo)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ocop_rate.messages import LANGS, LOCALE_DIR, Lang, mo_file


def po_file(lang: Lang) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "ocop_rate.po"


@functools.cache
def po_entries(lang: Lang) -> tuple[Any, ...]:
    """Every entry of ``lang``'s .po but the header, as Babel reads it (id, string, flags)."""
    from babel.messages.pofile import read_po

    with po_file(lang).open("rb") as handle:
        return tuple(m for m in read_po(handle) if m.id)


def po_messages(lang: Lang) -> dict[str, str]:
    """``lang``'s message id -> template."""
    return {m.id: m.string for m in po_entries(lang)}


def mo_messages(lang: Lang) -> dict[str, str]:
    """What the compiled .mo beside it says, read back by Babel."""
    from babel.messages.mofile import read_mo

    with mo_file(lang).open("rb") as handle:
        return {m.id: m.string for m in read_mo(handle) if m.id}


def po_catalogue() -> dict[str, tuple[str, str]]:
    """Every id defined in both languages -> (vi, en)."""
    vi, en = (po_messages(lang) for lang in LANGS)
    return {key: (vi[key], en[key]) for key in vi if key in en}
