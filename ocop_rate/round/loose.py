"""Loose files named with a round (``ocop-rate rate ROUND/ late.xlsx``): they join it.

A member's sheet that came late by mail, a workbook kept elsewhere, a YAML dossier: each is
read as one more of the round's sheets, after the folder's own, and merged by product id
with the same rules (:mod:`ocop_rate.round.merge`, :func:`ocop_rate.merge.member_twice`):
its members must be on the roster, its ids on the product list (else the nearest listed id
is suggested and nothing is rated on it), and a member who scored a product in the folder
and scores it again in a loose file, in the same pass, scored it twice (both places said;
a loose file never silently replaces a sheet of the folder — a higher ``pass`` does). A
YAML dossier, beside the folder or in it, gives its council's sheets; its product is the
list's, so a dossier that says another rubric or other facts of it stops that product (the
same product described two ways is not rated on either).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.loading.dossiers import DOSSIER_SUFFIXES, LoadedDossier, read_dossier
from ocop_rate.loading.sheet_files import said_at
from ocop_rate.loading.source import load_document
from ocop_rate.models.names import id_key
from ocop_rate.round.products import ProductList
from ocop_rate.round.sheets import SheetRead, SheetRow


@dataclass
class LooseDossiers:
    """The dossiers named with a round, kept to be checked against its product list."""

    read: list[LoadedDossier] = field(default_factory=list)


def is_dossier(path: Path) -> bool:
    """Whether a YAML/JSON file is a product dossier (``product:``) rather than a round
    member's YAML sheet (``products:``); a file that cannot be parsed is left to the
    sheet reader, which says why."""
    if path.suffix.lower() not in DOSSIER_SUFFIXES:
        return False
    try:
        data = load_document(path).data
    except OcopError:
        return False
    return isinstance(data, dict) and "product" in data and "products" not in data


def read_dossier_rows(path: Path, order: int, out: SheetRead, kept: LooseDossiers,
                      loose: bool = True) -> None:
    """The council of the dossier at ``path`` as the round's sheet rows (pass 1), each
    located in the dossier; a dossier that does not validate is reported, not read.
    ``loose``: named beside the folder (else one of its files)."""
    try:
        loaded = read_dossier(path)
    except OcopError as exc:
        out.problems += exc.problems
        return
    kept.read.append(loaded)
    source, pid = loaded.source, loaded.dossier.product.id
    for i, sheet in enumerate(loaded.dossier.council):
        def locate(key: str | None, i: int = i) -> Location:
            if key in ("product_id", "rubric"):
                return source.locate(("product", "id" if key == "product_id" else key))
            if key is None or key == "member":
                return source.locate(("council", i) if key is None else ("council", i, key))
            return source.locate(("council", i, "scores", key))

        out.rows.append(SheetRow(
            file=str(path), order=order, product_id=pid, member=sheet.member, pass_no=1,
            scores=dict(sheet.scores), locate=locate, loose=loose,
            rubric=loaded.dossier.product.rubric,
            said=said_at(str(path), None, locate(None).line or 0)))


def differences(kept: LooseDossiers, listed: ProductList) -> dict[str, list[Problem]]:
    """Listed product id -> the facts a dossier named with the round gives it otherwise
    than the list, each located in the dossier (its rubric is the rule every row follows:
    :mod:`ocop_rate.round.merge`)."""
    by_key = {id_key(pid): item.product for pid, item in listed.products.items()}
    out: dict[str, list[Problem]] = {}
    for loaded in kept.read:
        dossier, source = loaded.dossier, loaded.source
        product = by_key.get(id_key(dossier.product.id))
        if product is None:
            continue  # not on the list: said by the merge, as for any sheet
        out.setdefault(product.id, []).extend(
            Problem.of("round.dossier_differs", source.locate(("facts", key)),
                       file=source.file, pid=product.id, what=key, said=str(value),
                       listed="—" if product.facts.get(key) is None
                       else str(product.facts[key]))
            for key, value in dossier.facts.items() if product.facts.get(key) != value)
    return out

