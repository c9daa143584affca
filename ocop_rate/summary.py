"""Summaries of a rated batch with pandas: counts and shares by star class, product group,
product set, place and producer kind; mean part scores by class.

pandas is imported inside the functions, so commands that do not summarise start fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ocop_rate.models.dossier import Producer
from ocop_rate.models.rating import BatchResult, Rating, RatingColumns
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.models.summary import (
    CLASS_KEYS,
    RATED_CLASS_KEYS,
    Breakdown,
    BreakdownRow,
    ClassCount,
    PartMeans,
    Summary,
)
from ocop_rate.outcome import OUTCOMES

if TYPE_CHECKING:
    import pandas as pd

DIMENSIONS: tuple[str, ...] = ("product_group", "product_set", "province", "commune",
                               "producer_kind")


def class_key(rating: Rating) -> str:
    """``"5"``, ``"4"``, ``"3"`` for products that reached a class their council recognises
    or proposes (a provincial council's 5 stars are proposed to the Ministry), else
    ``"not_recognised"`` (1-2 stars, a rejected dossier, a class only the other level
    recognises)."""
    reached = rating.outcome in ("recognised", "proposed-5-star")
    return str(rating.stars) if reached else "not_recognised"


def _record(product_id: str, key: str, rubric: str, product_group: str,
            producer: Producer | None, parts: dict[str, float | None], total: float
            ) -> dict[str, Any]:
    province = (producer.province or "") if producer else ""
    commune = (producer.commune or "") if producer else ""
    return {
        "product_id": product_id, "class": key,
        "product_group": product_group, "product_set": rubric,
        "province": province,
        "commune": ", ".join(x for x in (commune, province) if x) if commune else "",
        "producer_kind": (producer.kind or "") if producer else "",
        **{p: parts.get(p) for p in PART_ORDER}, "total": total,
    }


def _block_records(block: RatingColumns) -> Iterator[dict[str, Any]]:
    """The records of a block's products, read off its columns (no rating objects)."""
    ids = [q.id for q in block.rubric.parts]
    parts, totals = (block.parts / 100).tolist(), (block.total / 100).tolist()
    stars = block.stars.tolist()
    reached = {OUTCOMES.index("recognised"), OUTCOMES.index("proposed-5-star")}
    outcomes = (block.outcome.tolist() if block.outcome is not None
                else [OUTCOMES.index("recognised") if r else -1
                      for r in block.recognised.tolist()])
    for p in range(len(block)):
        producer = None if block.extras is None else block.extras[p].producer
        key = str(stars[p]) if outcomes[p] in reached else "not_recognised"
        yield _record(block.product_id[p], key, block.rubric.id, block.rubric.product_group,
                      producer,
                      dict(zip(ids, parts[p], strict=True)), totals[p])


def ratings_frame(result: BatchResult) -> pd.DataFrame:
    """One row per rated product: class, dimensions, part scores and total."""
    import pandas as pd

    records: list[dict[str, Any]] = [
        _record(r.product_id, class_key(r), r.rubric, r.product_group, r.producer,
                {p: r.part_points(p) for p in PART_ORDER}, r.total)
        for r in result.ratings]
    for block in result.blocks:
        records += _block_records(block)
    columns = ["product_id", "class", *DIMENSIONS, *PART_ORDER, "total"]
    return pd.DataFrame.from_records(records, columns=columns)


def summarise(result: BatchResult) -> Summary:
    """Counts and shares by class (over all products, unrateable ones included), by each of
    :data:`DIMENSIONS` (over rated products), and mean part scores per class."""
    frame = ratings_frame(result)
    rated = len(frame)
    failed = len(result.failures)
    products = rated + failed
    counts = frame["class"].value_counts().reindex(CLASS_KEYS, fill_value=0)
    counts["could_not_rate"] = failed
    classes = tuple(ClassCount(key=k, count=int(counts[k]),
                               share=_share(int(counts[k]), products)) for k in CLASS_KEYS)
    unchecked = sum(1 for r in result.ratings
                    if any(w.message_id == "rating.gate_not_checked" for w in r.warnings))
    unchecked += sum(1 for b in result.blocks for found in b.warnings  # read off columns
                     if any(w.message_id == "rating.gate_not_checked" for w in found))
    return Summary(products=products, rated=rated, could_not_rate=failed, classes=classes,
                   breakdowns=tuple(_breakdown(frame, d) for d in DIMENSIONS),
                   part_means=_part_means(frame), unchecked=unchecked,
                   set_names={**{r.rubric: r.rubric_name for r in result.ratings},
                              **{b.rubric.id: b.rubric.product_set or b.rubric.name
                                 for b in result.blocks}})


def _share(count: int, whole: int) -> float:
    return round(count / whole, 4) if whole else 0.0


def _breakdown(frame: pd.DataFrame, dimension: str) -> Breakdown:
    import pandas as pd

    if frame.empty:
        return Breakdown(dimension=dimension, rows=())
    table = pd.crosstab(frame[dimension], frame["class"]).reindex(
        columns=list(RATED_CLASS_KEYS), fill_value=0)
    table["count"] = table.sum(axis=1)
    table["mean_total"] = frame.groupby(dimension)["total"].mean()
    table = table.sort_values(["count", "mean_total"], ascending=[False, False], kind="stable")
    total = len(frame)
    rows = tuple(
        BreakdownRow(value=str(value), count=int(row["count"]),
                     share=_share(int(row["count"]), total),
                     by_class={k: int(row[k]) for k in RATED_CLASS_KEYS},
                     mean_total=round(float(row["mean_total"]), 2))
        for value, row in table.iterrows())
    return Breakdown(dimension=dimension, rows=rows)


def _part_means(frame: pd.DataFrame) -> tuple[PartMeans, ...]:
    if frame.empty:
        return ()
    columns = [*PART_ORDER, "total"]
    by_class = frame.groupby("class")[columns].mean().to_dict(orient="index")
    sizes = frame.groupby("class").size()
    out = []
    for key in RATED_CLASS_KEYS:
        if key in by_class:
            means = by_class[key]
            out.append(PartMeans(key=key, count=int(sizes[key]),
                                 parts={p: round(float(means[p]), 2) for p in PART_ORDER},
                                 total=round(float(means["total"]), 2)))
    overall = frame[columns].mean()
    out.append(PartMeans(key="all", count=len(frame),
                         parts={p: round(float(overall[p]), 2) for p in PART_ORDER},
                         total=round(float(overall["total"]), 2)))
    return tuple(out)
