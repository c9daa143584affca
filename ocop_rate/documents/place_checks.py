"""Places in files: the provinces and communes of round folders, product lists, dossiers and
the register, checked against the official list (:mod:`ocop_rate.places`, which knows no
file). Apart from it because reading those files belongs to the rooms above the list."""

from __future__ import annotations

from pathlib import Path

from ocop_rate import places
from ocop_rate.errors import Location, Problem
from ocop_rate.round.products import ProductList


def check_listed(listed: ProductList) -> list[Problem]:
    """Warnings for every product of a round's product list, each located at its row."""
    found: list[Problem] = []
    for item in listed.products.values():
        producer = item.product.producer
        if producer is not None:
            found += places.check(producer.province, producer.commune, item.locate("province"),
                           item.locate("commune"))
    return found


def check_paths(paths: list[Path], register: Path | None = None) -> tuple[list[Problem], int]:
    """Warnings for the places of round folders (their product lists), product lists
    (CSV, XLSX, or YAML with ``products:``), dossiers (YAML, JSON) and a register, and how
    many places were looked at. A file that is none of these stops with its located error."""
    from ocop_rate.errors import OcopError
    from ocop_rate.loading.round_folder import round_file
    from ocop_rate.loading.source import load_document
    from ocop_rate.round.config import open_round
    from ocop_rate.round.products import read_products

    found: list[Problem] = []
    count = 0
    for path in paths:
        config = round_file(str(path))
        if config is not None:
            listed = read_products(open_round(config).products)
        elif path.suffix.lower() in (".csv", ".xlsx", ".xls", ".ods"):
            listed = read_products(path)
        else:
            document = load_document(path)
            data = document.data
            product = data.get("product") if isinstance(data, dict) else None
            if isinstance(product, dict):   # a dossier: its producer's place
                count += 1
                producer = product.get("producer")
                if isinstance(producer, dict):
                    at = document.source.locate
                    found += places.check(_text(producer.get("province")),
                                   _text(producer.get("commune")),
                                   at(("product", "producer", "province")),
                                   at(("product", "producer", "commune")))
                continue
            listed = read_products(path)
        if listed.problems and not listed.products:
            raise OcopError(listed.problems)
        count += len(listed.products)
        found += check_listed(listed)
    if register is not None:
        places_in, problems = _register_places(register)
        count += places_in
        found += problems
    return found, count


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _register_places(path: Path) -> tuple[int, list[Problem]]:
    """Each distinct (province, commune) of the register's products, checked once and
    located at the register's first product with it."""
    from ocop_rate.register.store import open_register

    register = open_register(path, create=False, write=False)
    try:
        with register.snapshot() as conn:
            rows = conn.execute("SELECT province, commune, MIN(product_id) FROM products "
                                "GROUP BY province, commune ORDER BY 3").fetchall()
    finally:
        register.close()
    found: list[Problem] = []
    for province_name, commune_name, first in rows:
        found += places.check(province_name, commune_name, Location(str(path), field=str(first)))
    return len(rows), found
