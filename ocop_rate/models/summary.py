"""A batch summarised: products per class and per group, place and producer kind.

Computed by :mod:`ocop_rate.summary`; reports only render it. Class keys are ``"5"``,
``"4"``, ``"3"`` (recognised stars), ``"not_recognised"`` and ``"could_not_rate"``.
"""

from __future__ import annotations

from pydantic import Field

from ocop_rate.models.common import Frozen, Text

CLASS_KEYS: tuple[str, ...] = ("5", "4", "3", "not_recognised", "could_not_rate")
RATED_CLASS_KEYS: tuple[str, ...] = CLASS_KEYS[:-1]


class ClassCount(Frozen):
    key: str
    count: int
    share: float


class BreakdownRow(Frozen):
    """Rated products sharing one value (a province, a producer kind …)."""

    value: str = ""  # "" where the dossiers do not say
    count: int
    share: float
    by_class: dict[str, int]
    mean_total: float


class Breakdown(Frozen):
    dimension: str  # product_group, product_set, province, commune, producer_kind
    rows: tuple[BreakdownRow, ...]


class PartMeans(Frozen):
    """Mean part scores and total of the rated products of one class (``all``: every one)."""

    key: str
    count: int
    parts: dict[str, float]
    total: float


class Summary(Frozen):
    products: int
    rated: int
    could_not_rate: int
    classes: tuple[ClassCount, ...]
    breakdowns: tuple[Breakdown, ...]
    part_means: tuple[PartMeans, ...]
    unchecked: int = Field(default=0, description="Rated products whose rejection "
                           "conditions could not be checked (their facts not stated).")
    set_names: dict[str, Text] = Field(default_factory=dict,
                                       description="product set (rubric) id -> its name")
