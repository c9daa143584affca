"""The hostile document (:mod:`tests.unit.render.hostile_doc`) as a fixture."""

from __future__ import annotations

import pytest

from ocop_rate.models.document import Document
from tests.unit.render.hostile_doc import hostile


@pytest.fixture
def document() -> Document:
    return hostile()
