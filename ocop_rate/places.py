"""Places are real places: province and commune names checked against the official list of
administrative units after the 2025 reorganisation, with a near-miss suggestion.

The list is the ``vietnam-provinces`` package's data (``nested-divisions.json``): 34
provincial units and 3,321 communal units (xã, phường, đặc khu), the two-level government in
force from 1 July 2025 (Nghị quyết 202/2025/QH15 on the provinces; the Standing Committee's
resolutions on the communes). A test holds the package to those counts, so an older,
pre-2025 release (63 provinces, districts) is noticed rather than used.

How names are compared: Unicode NFC, case folded, spaces squeezed, and the unit's kind
dropped from the front ("Tỉnh", "Thành phố", "TP.", "Xã", "Phường", "Đặc khu"), so
"Xã Đầm Hà", "đầm hà" and "Đầm Hà" are one commune. A name that matches only without its
diacritics ("Dam Ha"), or within a small edit distance, is a near miss: a warning naming the
official spelling. A commune is looked up in its province when the province is known, else
everywhere. Nothing here refuses input: the checks are warnings, located.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ocop_rate.errors import Location, Problem

_KINDS = re.compile(r"^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu)\s+")
PROVINCES_EXPECTED = 34   # Nghị quyết 202/2025/QH15: 34 provincial units from 12/6/2025
COMMUNES_EXPECTED = 3321  # communal units after the reorganisation of 1/7/2025


@dataclass(frozen=True)
class Unit:
    """An official administrative unit: its full name and its kind as the list says."""

    name: str        # "Thành phố Hà Nội", "Quảng Ninh", "Xã Đầm Hà"
    kind: str        # "tỉnh", "thành phố trung ương", "xã", "phường", "đặc khu"
    short: str       # the name without its kind: "Hà Nội", "Đầm Hà"


@dataclass(frozen=True)
class Atlas:
    provinces: dict[str, Unit]                  # key -> province
    communes: dict[str, dict[str, Unit]]        # province key -> commune key -> commune


def key(name: str) -> str:
    """The comparison key of a place name (see the module's docstring)."""
    said = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    return _KINDS.sub("", said)


def bare(name: str) -> str:
    """``key`` without diacritics (đ as d): how a near miss is first recognised."""
    decomposed = unicodedata.normalize("NFD", key(name).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _short(name: str, kind: str) -> str:
    head = {"thành phố trung ương": "Thành phố", "xã": "Xã", "phường": "Phường",
            "đặc khu": "Đặc khu"}.get(kind)
    return name[len(head) + 1:] if head and name.startswith(head + " ") else name


@lru_cache(maxsize=1)
def atlas() -> Atlas:
    """The official list, read once from the package's data."""
    from importlib.resources import files

    data = json.loads((files("vietnam_provinces") / "data" / "nested-divisions.json")
                      .read_text(encoding="utf-8"))
    provinces: dict[str, Unit] = {}
    communes: dict[str, dict[str, Unit]] = {}
    for province in data:
        unit = Unit(province["name"], province["division_type"],
                    _short(province["name"], province["division_type"]))
        pkey = key(unit.short)
        provinces[pkey] = unit
        communes[pkey] = {key(_short(w["name"], w["division_type"])): Unit(
            w["name"], w["division_type"], _short(w["name"], w["division_type"]))
            for w in province["wards"]}
    return Atlas(provinces, communes)


def province(name: str | None) -> Unit | None:
    """The official province of ``name`` (exactly, up to case and the unit's kind)."""
    return None if not name else atlas().provinces.get(key(name))


def commune(province_name: str | None, commune_name: str | None) -> Unit | None:
    """The official commune of ``commune_name`` in ``province_name`` (exactly, up to case
    and the unit's kind), or None."""
    unit = province(province_name)
    if unit is None or not commune_name:
        return None
    return atlas().communes[key(unit.short)].get(key(commune_name))


def _near(name: str, choices: dict[str, Unit]) -> Unit | None:
    """The official unit ``name`` most likely means: the same letters without diacritics,
    else the closest name (difflib ratio 0.88 or more on the bare letters: a slip of a
    letter or two, not another place — "Quảng Nam", a province before 2025, is not offered
    "Quảng Ngãi")."""
    wanted = bare(name)
    by_bare: dict[str, Unit] = {}
    for unit in choices.values():
        by_bare.setdefault(bare(unit.short), unit)
    if wanted in by_bare:
        return by_bare[wanted]
    close = difflib.get_close_matches(wanted, list(by_bare), n=1, cutoff=0.88)
    return by_bare[close[0]] if close else None


def check(province_name: str | None, commune_name: str | None,
          where: Location | None = None, commune_at: Location | None = None) -> list[Problem]:
    """Warnings for a product's place: an unknown province or commune, each with the
    official name it most likely means (or none found). Blank names are not checked.
    ``where`` locates the province (and the commune, unless ``commune_at`` does)."""
    found: list[Problem] = []
    places = atlas()
    pkey = None
    if province_name and province_name.strip():
        unit = province(province_name)
        if unit is None:
            near = _near(province_name, places.provinces)
            found.append(_warning("places.unknown_province", where, "province",
                                  name=province_name, near=near))
            pkey = None if near is None else key(near.short)
        else:
            pkey = key(unit.short)
    if commune_name and commune_name.strip():
        where = commune_at or where
        scope = places.communes[pkey] if pkey is not None else {
            k: u for communes in places.communes.values() for k, u in communes.items()}
        if key(commune_name) not in scope:
            near = _near(commune_name, scope)
            if near is None and pkey is not None:  # in another province, perhaps
                elsewhere = [(p, c) for p, communes in places.communes.items()
                             for c in communes.values() if key(c.short) == key(commune_name)]
                if elsewhere:
                    found.append(Problem.of(
                        "places.commune_elsewhere", _field(where, "commune"),
                        name=commune_name, province=province_name or "",
                        other=places.provinces[elsewhere[0][0]].name))
                    return found
            found.append(_warning("places.unknown_commune", where, "commune",
                                  name=commune_name, near=near,
                                  province=province_name or ""))
    return found


def _field(where: Location | None, name: str) -> Location:
    base = where or Location()
    return Location(base.file, base.line, base.column, base.field or name)


def _warning(message_id: str, where: Location | None, field: str, *, name: str,
             near: Unit | None, province: str = "") -> Problem:
    if near is None:
        return Problem.of(message_id, _field(where, field), name=name, province=province)
    return Problem.of(f"{message_id}_near", _field(where, field), name=name,
                      province=province, official=near.name)


def header_name(name: str | None) -> str:
    """The province as an administrative header writes it under "ỦY BAN NHÂN DÂN":
    "TỈNH QUẢNG NINH", "THÀNH PHỐ HÀ NỘI" (the kind from the official list; a name not on
    it is written as given, after "TỈNH")."""
    unit = province(name)
    if unit is None:
        return f"TỈNH {name or '…'}".upper()
    head = "THÀNH PHỐ" if unit.kind == "thành phố trung ương" else "TỈNH"
    return f"{head} {unit.short}".upper()


def sentence_name(name: str | None) -> str:
    """The province as a sentence names it: "tỉnh Quảng Ninh", "thành phố Hà Nội"."""
    unit = province(name)
    if unit is None:
        return f"tỉnh {name or '…'}"
    head = "thành phố" if unit.kind == "thành phố trung ương" else "tỉnh"
    return f"{head} {unit.short}"


def place_name(name: str | None) -> str:
    """The place a document is dated at (địa danh): the province's name without its kind,
    "Hà Nội" for "Thành phố Hà Nội"; a name off the list as given."""
    unit = province(name)
    return unit.short if unit is not None else (name or "…")
