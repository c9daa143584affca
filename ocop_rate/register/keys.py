"""Product ids as the register compares them: ``QN-VD-0066``, ``qn-vd-0066`` and
``QN‑VD‑0066`` (non-breaking hyphens) are one product, so an office's old sheet and a new
round's results meet in one history. The normal form is the batch's own
(:func:`ocop_rate.models.names.id_key`): one rule for every room."""

from __future__ import annotations

import functools

from ocop_rate.models.names import id_key, invisible_in_id


def product_key(product_id: str) -> str:
    """NFKC, case folded, every dash one hyphen-minus (the batch's ``id_key``)."""
    return id_key(product_id)


def bad_id(product_id: str) -> bool:
    """Blank, or holding a space, a dash other than ``-`` or an invisible character (a
    zero-width space, a BOM, a control character) that would make an id look like another."""
    if not product_id:
        return True
    if product_id.isascii() and product_id.isprintable() and " " not in product_id:
        return False   # printable ASCII without a space: nothing to hide (names.plain_ids)
    return invisible_in_id(product_id) is not None


def producer_kind(written: str | None) -> str | None:
    """A producer kind as the register keeps it: the dossier's code (``cooperative`` …)
    when ``written`` is one, or its name in either language (``Hợp tác xã``, ``hop tac
    xa``, ``Cooperative``); None when blank or none of them."""
    from ocop_rate.loading.sheet_files import header_key

    key = header_key(written or "")
    return _producer_kinds().get(key) if key else None


@functools.cache
def _producer_kinds() -> dict[str, str]:
    from ocop_rate.loading.sheet_files import header_key
    from ocop_rate.messages import LANGS, text
    from ocop_rate.models.dossier import PRODUCER_KINDS

    return {header_key(said): code for code in PRODUCER_KINDS
            for said in (code, *(text(f"producer_kind.{code}", lang) for lang in LANGS))}
