"""Every sentence a person reads, in Vietnamese and English, by message id.

The texts live in gettext catalogues, one per language:
``ocop_rate/locale/<lang>/LC_MESSAGES/ocop_rate.po`` is the source a translator edits (by
hand, with Poedit or Weblate), compiled by Babel to the ``ocop_rate.mo`` beside it
(``python tools/compile_messages.py``), which this module reads with the standard library's
``gettext``. The ``.mo`` files are committed, so a fresh clone, an editable install and a
wheel read them with no build step; a test fails when one differs from its ``.po``. Babel
is a tool of the tests and that script only: at run time a language's ``.mo`` is read once,
the first time one of its messages is asked for.

Why the msgid is the message id (``common.no_such_path``), not the English text: the code
and the tests ask for messages by id; Vietnamese, the default language, is no translation
of English but its equal, so both catalogues map the same ids; and an English wording can
change without orphaning its Vietnamese text. The price: ``msgfmt --check-format`` has no
source text to compare placeholders with, so ``tests/unit/messages/test_messages.py`` does
that check, for every id at once (the same ids in both languages, the same ``{named}`` parameters).

Parameters are filled in as given, except numbers and dates, which are said the language's
way: a float with a decimal comma in Vietnamese (``9,99``), an integer of five or more digits
with grouped thousands (``5.242.880`` / ``5,242,880``), a date as ``05/02/2026`` in
Vietnamese and ``2026-02-05`` in English. Templates carry no format specs: pass
text already shaped where a fixed number of decimals matters. A parameter named
``<name>_id`` whose value is a message id fills ``{<name>}`` with that message in the same
language (an operating-system reason, a kind of thing). ``<name>@vi`` and ``<name>@en``
give ``{<name>}`` in each language (a rubric's own bilingual words). ``_sheet`` and ``_cell`` name a
workbook cell, said after the message. This module imports nothing else of ours.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Literal

Lang = Literal["vi", "en"]
DEFAULT_LANG: Lang = "vi"
LANGS: tuple[Lang, ...] = ("vi", "en")

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "ocop_rate"

__all__ = ["CATALOGUE", "DEFAULT_LANG", "LANGS", "Lang", "UnknownMessage", "known",
           "long_date", "say_date", "say_number", "text"]

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class UnknownMessage(KeyError):
    """A message id that the catalogues do not define: a bug of ours, caught by the tests."""


def mo_file(lang: Lang) -> Path:
    """Where ``lang``'s compiled catalogue lives."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


@functools.cache
def _translations(lang: Lang) -> gettext.GNUTranslations:
    """``lang``'s catalogue, read once. Opened by path, not by ``gettext.translation``: the
    language is chosen by ``--lang``/``OCOP_LANG``, never by the system locale's variables."""
    with mo_file(lang).open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _template(message_id: str, lang: Lang) -> str:
    """The template of ``message_id`` in ``lang``. gettext answers an id it does not know
    with the id itself, and no text is its own id (a test checks), so that means unknown.
    Any language but Vietnamese is English, as it always was."""
    catalogue = _translations("vi" if lang == "vi" else "en")
    said = catalogue.gettext(message_id) if message_id else message_id
    if said == message_id:
        raise UnknownMessage(message_id)
    return said


def known(message_id: str, lang: Lang) -> bool:
    """Whether ``message_id`` exists, asked of ``lang``'s catalogue: both hold the same ids
    (a test checks), and a command asks the one it speaks, so a Vietnamese one never reads
    the English catalogue (a few milliseconds of start-up) just to ask."""
    try:
        _template(message_id, lang)
    except UnknownMessage:
        return False
    return True


class Catalogue:
    """Which message ids exist (``message_id in CATALOGUE``) and an id's two templates
    (``CATALOGUE[message_id]`` is ``(vi, en)``), read from the compiled catalogues."""

    def __contains__(self, message_id: object) -> bool:
        return isinstance(message_id, str) and known(message_id, "en")

    def __getitem__(self, message_id: str) -> tuple[str, str]:
        return _template(message_id, "vi"), _template(message_id, "en")


CATALOGUE = Catalogue()


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
    template = _template(message_id, lang)
    given = {**(params or {}), **kwargs}
    values: dict[str, str] = {}
    for key, value in given.items():
        if "@" in key:  # "name@vi" / "name@en": a parameter given in both languages
            base, _, its_lang = key.partition("@")
            if its_lang == lang:
                values[base] = str(value)
        elif key.endswith("_id") and isinstance(value, str) and known(value, lang):
            values[key[:-3]] = text(value, lang)  # a word said in the same language
        else:
            values[key] = say_number(value, lang)
    said = template.format(**values)
    if "_sheet" in given and "_cell" in given:  # a workbook cell: say which
        said += " " + text("sheet.cell_suffix", lang, sheet=given["_sheet"],
                           cell=given["_cell"])
    return said
