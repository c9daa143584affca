"""The golden file ``ocop-rate check --update`` writes: expected stars and totals per
product, sorted by product id so that a change shows as a small diff in review."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from ocop_rate.models.rating import BatchResult
from ocop_rate.render.safety import neutralise

HEADER = ["product_id", "rubric", "stars", "total"]


def render(result: BatchResult, path: Path) -> str:
    """Every rated product in the format ``path``'s suffix names (.csv, .json, else YAML);
    CSV cells that look like formulas are neutralised."""
    rated = sorted(result.ratings, key=lambda r: r.product_id)
    rows = [{"product_id": r.product_id, "rubric": r.rubric,
             "stars": r.stars if r.stars is not None else "rejected",  # no class
             "total": round(r.total, 2)} for r in rated]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([neutralise(row["product_id"]), neutralise(row["rubric"]),
                             row["stars"], f"{row['total']:.2f}"])
        return buffer.getvalue()
    if suffix == ".json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    head = "# Expected stars and totals: written by `ocop-rate check --update`.\n"
    return head + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False)
