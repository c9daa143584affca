"""Every sentence a person reads, in Vietnamese and English, by message id.

The catalogue is split by room (``catalogue/<room>.py``, each a ``MESSAGES`` dict of
``id -> (vi, en)`` templates with ``{named}`` parameters) so that each part of the tool owns
its own words; this module joins them into one catalogue and renders a message in a
language. Why a typed Python catalogue rather than gettext ``.po``/``.mo`` files: no build
step, no compiled artefacts in the wheel, ids and parameters checked by a test, and start-up
stays light (nothing is read from disk). This module imports nothing else of ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from ocop_rate.messages.catalogue import CATALOGUE

Lang = Literal["vi", "en"]
DEFAULT_LANG: Lang = "vi"

__all__ = ["CATALOGUE", "DEFAULT_LANG", "Lang", "UnknownMessage", "text"]


class UnknownMessage(KeyError):
    """A message id that no catalogue module defines: a bug of ours, caught by the tests."""


def text(message_id: str, lang: Lang = DEFAULT_LANG, /,
         params: Mapping[str, object] | None = None, **kwargs: object) -> str:
    """The message ``message_id`` in ``lang``, with its parameters filled in."""
    try:
        vi, en = CATALOGUE[message_id]
    except KeyError:
        raise UnknownMessage(message_id) from None
    values = {**(params or {}), **kwargs}
    return (vi if lang == "vi" else en).format(**values)
