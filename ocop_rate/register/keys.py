"""Product ids as the register compares them: ``QN-VD-0066``, ``qn-vd-0066`` and
``QN‑VD‑0066`` (non-breaking hyphens) are one product, so an office's old sheet and a new
round's results meet in one history.

Merge note: issue 12 adds the same normal form as ``ocop_rate.models.names.id_key``; when
both are on one branch, this module should use it (the keys must agree with the batch's)."""

from __future__ import annotations

import unicodedata

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))


def product_key(product_id: str) -> str:
    """NFKC, case folded, every dash one hyphen-minus."""
    return unicodedata.normalize("NFKC", product_id).translate(_DASH_TO_HYPHEN).casefold()


def bad_id(product_id: str) -> bool:
    """Blank, or holding a space or an invisible character (a zero-width space, a BOM, a
    control character) that would make an id look like another."""
    return not product_id or any(
        unicodedata.category(ch) in ("Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp")
        or ch.isspace() for ch in product_id)
