"""Pieces every council document shares: headers of the council, the People's Committee and
the OCOP office, the date line, the products table, the words for a product's place."""

from __future__ import annotations

from collections.abc import Sequence

from ocop_rate import places
from ocop_rate.documents.facts import Product, RoundFacts
from ocop_rate.documents.layout import Header
from ocop_rate.messages import long_date, text
from ocop_rate.report.labels import number, star_label


def t(facts: RoundFacts, message_id: str, **params: object) -> str:
    return text(message_id, facts.lang, params)


def date_words(facts: RoundFacts, day: object) -> str:
    """``ngày 05 tháng 6 năm 2026`` (:func:`long_date`), or the decree's dotted blank."""
    import datetime as dt

    if isinstance(day, dt.date):
        return long_date(day, facts.lang)
    return t(facts, "documents.date_blank")


def place_date(facts: RoundFacts, day: object) -> str:
    return t(facts, "documents.place_date", place=places.place_name(facts.province),
             date=date_words(facts, day))


def committee(facts: RoundFacts) -> str:
    """"TỈNH QUẢNG NINH" / "THÀNH PHỐ HÀ NỘI" as the official list names the province."""
    return places.header_name(facts.province)


def in_sentence(facts: RoundFacts) -> str:
    """"tỉnh Quảng Ninh" as a sentence names the province."""
    return places.sentence_name(facts.province)


def council_header(facts: RoundFacts, symbol: str, day: object) -> Header:
    """The council's header: the People's Committee above, the council itself in bold."""
    above = t(facts, "documents.province_committee", province=committee(facts))
    return Header((above,), (t(facts, "documents.council"),),
                  t(facts, "documents.number", symbol=symbol), place_date(facts, day))


def committee_header(facts: RoundFacts, symbol: str, day: object,
                     subject: str | None = None) -> Header:
    """The People's Committee's header (a decision, a letter): both lines bold."""
    return Header((), (t(facts, "documents.people_committee"), committee(facts)),
                  t(facts, "documents.number", symbol=symbol), place_date(facts, day),
                  subject)


def office_name(facts: RoundFacts) -> str:
    return facts.office or t(facts, "documents.office_blank")


def office_header(facts: RoundFacts, symbol: str, day: object) -> Header:
    above = t(facts, "documents.province_committee", province=committee(facts))
    return Header((above,), (office_name(facts),), t(facts, "documents.number", symbol=symbol),
                  place_date(facts, day))


def address(product: Product) -> str:
    """The producer's commune and province, the commune as the official list names it."""
    unit = places.commune(product.province, product.commune)
    commune = unit.name if unit is not None else (product.commune or "")
    province = places.province(product.province)
    return ", ".join(x for x in (commune, province.name if province else product.province)
                     if x)


def commune_words(product: Product) -> str:
    """"xã Đầm Hà" (the official kind, lower case as a sentence writes it)."""
    unit = places.commune(product.province, product.commune)
    if unit is None:
        return product.commune or ""
    return unit.name[0].lower() + unit.name[1:]


def figures(facts: RoundFacts, product: Product) -> tuple[str, str]:
    """The mean (comma decimals in Vietnamese) and the class, or blanks when not rated."""
    if product.total is None:
        return "", ""
    return number(product.total, facts.lang), star_label(product.stars, facts.lang)


def outcome(facts: RoundFacts, product: Product) -> str:
    said = t(facts, f"outcome.{product.outcome}")
    return said + (" (*)" if product.unchecked else "")


def product_cell(product: Product) -> str:
    return f"{product.name} ({product.product_id})"


def rows(facts: RoundFacts, products: Sequence[Product], columns: Sequence[str]
         ) -> list[list[str]]:
    """Table rows of ``products`` with the named columns (see :data:`COLUMNS`)."""
    out = []
    for index, product in enumerate(products, start=1):
        total, stars = figures(facts, product)
        cell = {"no": str(index), "product": product_cell(product),
                "producer": product.producer, "address": address(product),
                "product_set": product.rubric_name, "members": str(product.scored_by),
                "total": total, "class": stars, "outcome": outcome(facts, product),
                "certificate": product.certificate or "……",
                "registration": t(facts, f"documents.registration.{product.registration}")}
        out.append([cell[c] for c in columns])
    return out


def heads(facts: RoundFacts, columns: Sequence[str]) -> list[str]:
    return [t(facts, f"documents.col.{c}") for c in columns]
