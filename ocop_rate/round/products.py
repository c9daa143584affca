"""The round's product list (danh sách sản phẩm): CSV, XLSX or YAML.

A table has one row per product: ``product_id``, ``product_name``, ``rubric``, the producer
(``producer``, ``producer_kind``, ``commune``, ``district``, ``province``), the
``legal_representative``, the ``registration`` kind of Mẫu số 01 (first, upgrade,
re-evaluation), the procedure's dates (``filed_on``, ``received_on``, ``proposed_on``,
``complete_on``: ``2026-02-10`` or ``10/02/2026``; checked against the decision's deadlines
by :mod:`ocop_rate.round.deadlines`) and, in any other column, a fact the dossier or the
commune's report (Mẫu số 03) attests, the header being the fact id
(``local_labour_share``). A YAML list (``products:``) holds the same as mappings, facts
under ``facts:``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.loading.caps import MAX_ROUND_PRODUCTS
from ocop_rate.loading.source import load_document
from ocop_rate.loading.validation import problems_from
from ocop_rate.models.conditions import written_number
from ocop_rate.models.round import RoundProduct
from ocop_rate.round.tables import Row, read_table

PRODUCT_ALIASES: dict[str, str] = {
    "product id": "product_id", "id": "product_id", "ma san pham": "product_id",
    "ma sp": "product_id",
    "product name": "product_name", "name": "product_name", "ten san pham": "product_name",
    "ten sp": "product_name", "name vi": "product_name", "name en": "product_name_en",
    "product name en": "product_name_en", "ten tieng anh": "product_name_en",
    "rubric": "rubric", "phieu": "rubric", "phieu danh gia": "rubric", "bo san pham": "rubric",
    "producer": "producer", "chu the": "producer", "ten chu the": "producer",
    "producer kind": "producer_kind", "loai hinh": "producer_kind",
    "loai hinh chu the": "producer_kind",
    "commune": "commune", "xa": "commune", "xa phuong": "commune",
    "district": "district", "huyen": "district",
    "province": "province", "tinh": "province",
    "legal representative": "legal_representative", "nguoi dai dien": "legal_representative",
    "nguoi dai dien theo phap luat": "legal_representative",
    "registration": "registration", "loai dang ky": "registration", "dang ky": "registration",
    "filed on": "filed_on", "ngay nop ho so": "filed_on", "ngay nop": "filed_on",
    "received on": "received_on", "ngay tiep nhan": "received_on",
    "ngay tiep nhan ho so": "received_on",
    "proposed on": "proposed_on", "ngay de nghi": "proposed_on",
    "complete on": "complete_on", "ngay nhan du ho so": "complete_on",
}
DATE_FIELDS = ("filed_on", "received_on", "proposed_on", "complete_on")
REGISTRATION_WORDS = {
    "first": "first", "lan dau": "first", "dang ky lan dau": "first", "moi": "first",
    "upgrade": "upgrade", "nang hang": "upgrade", "nang sao": "upgrade",
    "re-evaluation": "re-evaluation", "reevaluation": "re-evaluation",
    "re evaluation": "re-evaluation", "danh gia lai": "re-evaluation",
}
_FIXED = frozenset(PRODUCT_ALIASES.values())
TRUE_WORDS = frozenset({"true", "yes", "co", "x", "dung"})
FALSE_WORDS = frozenset({"false", "no", "khong", "sai"})


@dataclass(frozen=True)
class ListedProduct:
    product: RoundProduct
    locate: Any  # Callable[[str | None], Location]: the row, or a field of it


@dataclass
class ProductList:
    products: dict[str, ListedProduct] = field(default_factory=dict)
    bad_ids: set[str] = field(default_factory=set)   # listed, but the row is unusable
    problems: list[Problem] = field(default_factory=list)


def read_products(path: Path) -> ProductList:
    """Every usable product of the list; every problem, located."""
    out = ProductList()
    try:
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            _read_yaml(path, out)
        else:
            _read_grid(path, out)
    except OcopError as exc:
        out.problems += exc.problems
    return out


def _read_grid(path: Path, out: ProductList) -> None:
    from ocop_rate.round.tables import header_key

    table = read_table(path, PRODUCT_ALIASES, keep_unknown=True, max_rows=MAX_ROUND_PRODUCTS)
    for header, loc in table.unknown:
        out.problems.append(Problem.of("round.sheet_unknown_column", loc, header=header))
    for loc in table.missing_header:
        out.problems.append(Problem.of("round.column_without_header", loc))
    for row in table.rows:
        c = row.cells
        registration = c.get("registration")
        if registration is not None:
            registration = REGISTRATION_WORDS.get(header_key(registration), registration)
        producer = None
        if c.get("producer"):
            producer = {"name": c["producer"], "kind": c.get("producer_kind"),
                        "commune": c.get("commune"), "district": c.get("district"),
                        "province": c.get("province")}
        name: Any = c.get("product_name") or c.get("product_id", "")
        if c.get("product_name_en"):
            name = {"vi": name, "en": c["product_name_en"]}
        data = {"id": c.get("product_id"), "name": name, "rubric": c.get("rubric"),
                "producer": producer, "legal_representative": c.get("legal_representative"),
                "registration": registration or "first",
                **{k: _date_cell(c[k]) for k in DATE_FIELDS if c.get(k)},
                "facts": {k: fact_value(v) for k, v in c.items() if k not in _FIXED}}
        _add(out, data, row, _grid_locator(row))


def _date_cell(text: str) -> object:
    """A date cell as a date (``2026-02-10`` or ``10/02/2026``, day first); anything else
    as written, for the model to refuse with its location."""
    from ocop_rate.models.days import parse_date

    return parse_date(text) or text


def _grid_locator(row: Row) -> Any:
    keys = {"id": "product_id", "name": "product_name"}

    def locate(key: str | None) -> Location:
        return row.at(keys.get(key or "", key))
    return locate


def fact_value(text: str) -> bool | int | float | str:
    """A fact cell as the value it stands for: yes/no words, numbers (``7,5``, ``75%``:
    :func:`~ocop_rate.models.conditions.written_number`), else the text."""
    from ocop_rate.round.tables import header_key

    word = header_key(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    number = written_number(text)
    return text if number is None else number


def _add(out: ProductList, data: dict[str, Any], row_id: object, locate: Any) -> None:
    from pydantic import ValidationError

    pid = data.get("id")
    if isinstance(pid, str) and pid in out.products:
        first = out.products[pid].locate(None)
        out.problems.append(Problem.of("round.product_duplicate", locate("id"), pid=pid,
                                       line=first.line or "?"))
        return
    try:
        product = RoundProduct.model_validate(data)
    except ValidationError as exc:
        def at(path: tuple[str | int, ...]) -> Location:
            key = str(path[-1]) if path else None
            if len(path) >= 2 and path[0] in ("facts", "producer"):
                key = {"name": "producer", "kind": "producer_kind"}.get(str(path[1]),
                                                                           str(path[1]))
            return locate(key)  # type: ignore[no-any-return]
        out.problems += problems_from(exc, data, at)
        if isinstance(pid, str):
            out.bad_ids.add(pid)
        return
    out.products[product.id] = ListedProduct(product, locate)


def _read_yaml(path: Path, out: ProductList) -> None:
    doc = load_document(path)
    data = doc.data
    items = data.get("products") if isinstance(data, dict) else data
    prefix: tuple[str, ...] = ("products",) if isinstance(data, dict) else ()
    if not isinstance(items, list):
        out.problems.append(Problem.of("round.yaml_products_shape", Location(str(path), 1, 1)))
        return
    if len(items) > MAX_ROUND_PRODUCTS:
        out.problems.append(Problem.of("round.yaml_too_long", Location(str(path), 1, 1),
                                       count=f"{len(items):,}", limit=f"{MAX_ROUND_PRODUCTS:,}"))
        return
    for i, entry in enumerate(items):
        def locate(key: str | None, i: int = i) -> Location:
            return doc.source.locate((*prefix, i, key) if key else (*prefix, i))
        if not isinstance(entry, dict):
            out.problems.append(Problem.of("round.yaml_products_shape", locate(None)))
            continue
        entry = dict(entry)
        if "product_id" in entry and "id" not in entry:
            entry["id"] = entry.pop("product_id")
        _add(out, entry, i, locate)
