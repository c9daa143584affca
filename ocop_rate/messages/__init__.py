"""Every sentence a person reads, in Vietnamese and English, by message id.

The catalogue is split by room (``catalogue/<room>.py``, each a ``MESSAGES`` dict of
``id -> (vi, en)`` templates with ``{named}`` parameters) so that each part of the tool owns
its own words; this module joins them into one catalogue and renders a message in a
language. Why a typed Python catalogue rather than gettext ``.po``/``.mo`` files: no build
step, no compiled artefacts in the wheel, ids and parameters checked by a test, and start-up
stays light (nothing is read from disk). This module imports nothing else of ours.

Parameters are filled in as given, except numbers and dates, which are said the language's
way: a float with a decimal comma in Vietnamese (``9,99``), an integer of five or more digits
with grouped thousands (``5.242.880`` / ``5,242,880``), a date as ``05/02/2026`` in
Vietnamese and ``2026-02-05`` in English. Templates carry no format specs: pass
text already shaped where a fixed number of decimals matters. A parameter named
``<name>_id`` whose value is a message id fills ``{<name>}`` with that message in the same
language (an operating-system reason, a kind of thing). ``<name>@vi`` and ``<name>@en``
give ``{<name>}`` in each language (a rubric's own bilingual words). ``_sheet`` and ``_cell`` name a
workbook cell, said after the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from ocop_rate.messages.catalogue import CATALOGUE

Lang = Literal["vi", "en"]
DEFAULT_LANG: Lang = "vi"
LANGS: tuple[Lang, ...] = ("vi", "en")

__all__ = ["CATALOGUE", "DEFAULT_LANG", "LANGS", "Lang", "UnknownMessage", "long_date",
           "say_date", "say_number", "text"]

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class UnknownMessage(KeyError):
    """A message id that no catalogue module defines: a bug of ours, caught by the tests."""


def say_date(value: date | None, lang: Lang) -> str:
    """A date as ``lang`` writes it: ``dd/mm/yyyy`` in Vietnamese, ISO in English."""
    if value is None:
        return ""
    return f"{value:%d/%m/%Y}" if lang == "vi" else value.isoformat()


def long_date(day: date, lang: Lang) -> str:
    """A date written out as documents write it: ``ngày 05 tháng 6 năm 2026`` in Vietnamese,
    ``5 June 2026`` in English. The one function that writes a date in full.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục 4 (địa danh và thời gian ban hành văn
    bản): "Đối với những số chỉ ngày nhỏ hơn 10 và tháng 1, 2 thì phải ghi thêm số 0 ở
    trước" — a leading zero for days 1–9 and for months 1 and 2 only (``tháng 02``,
    ``tháng 6``, ``tháng 11``). The decree's text is not in the project; quoted as the
    decree's forms print it."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return text("printed.date", lang, {"day@vi": f"{day.day:02d}", "day@en": str(day.day),
                                       "month@vi": month, "month@en": MONTHS_EN[day.month - 1],
                                       "year": str(day.year)})


def say_number(value: object, lang: Lang) -> str:
    """A number or date as ``lang`` writes it (see the module's docstring); anything else as
    str."""
    if isinstance(value, date):
        return say_date(value, lang)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        shown = f"{value:,}" if abs(value) >= 10_000 else str(value)
        return shown.replace(",", ".") if lang == "vi" else shown
    shown = f"{value:g}"
    return shown.replace(".", ",") if lang == "vi" else shown


def text(message_id: str, lang: Lang = DEFAULT_LANG, /,
         params: Mapping[str, object] | None = None, **kwargs: object) -> str:
    """The message ``message_id`` in ``lang``, with its parameters filled in."""
    try:
        vi, en = CATALOGUE[message_id]
    except KeyError:
        raise UnknownMessage(message_id) from None
    given = {**(params or {}), **kwargs}
    values: dict[str, str] = {}
    for key, value in given.items():
        if "@" in key:  # "name@vi" / "name@en": a parameter given in both languages
            base, _, its_lang = key.partition("@")
            if its_lang == lang:
                values[base] = str(value)
        elif key.endswith("_id") and isinstance(value, str) and value in CATALOGUE:
            values[key[:-3]] = text(value, lang)  # a word said in the same language
        else:
            values[key] = say_number(value, lang)
    said = (vi if lang == "vi" else en).format(**values)
    if "_sheet" in given and "_cell" in given:  # a workbook cell: say which
        said += " " + text("sheet.cell_suffix", lang, sheet=given["_sheet"],
                           cell=given["_cell"])
    return said
