"""Product ids as the register compares them: ``QN-VD-0066``, ``qn-vd-0066`` and
``QN‑VD‑0066`` (non-breaking hyphens) are one product, so an office's old sheet and a new
round's results meet in one history. The normal form is the batch's own
(:func:`ocop_rate.models.names.id_key`): one rule for every room."""

from __future__ import annotations

from ocop_rate.models.names import id_key, invisible_in_id


def product_key(product_id: str) -> str:
    """NFKC, case folded, every dash one hyphen-minus (the batch's ``id_key``)."""
    return id_key(product_id)


def bad_id(product_id: str) -> bool:
    """Blank, or holding a space, a dash other than ``-`` or an invisible character (a
    zero-width space, a BOM, a control character) that would make an id look like another."""
    return not product_id or invisible_in_id(product_id) is not None
