"""Shared helpers of the register tests: run the CLI, write rounds and register sheets."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from ocop_rate.cli import app

runner = CliRunner()


def cli(*args: str | Path, code: int | None = 0) -> Result:
    # a wide page, so that a date range is never wrapped inside a table cell
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "160"})
    if code is not None:
        assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def as_json(*args: str | Path) -> Any:
    return json.loads(cli(*args, "-f", "json").stdout)


def product(pid: str, stars: int | None, total: float | None = None, *,
            recognised: bool | None = None, outcome: str | None = None,
            province: str = "Quảng Ninh", commune: str = "Ba Chẽ") -> dict[str, Any]:
    """A result as ``rate -f json`` writes it (CONTRACT fields, producer place)."""
    item: dict[str, Any] = {
        "product_id": pid, "product_name": f"Sản phẩm {pid}", "rubric": "food-processed-26",
        "product_group": "food", "total": total if total is not None else
        {None: None, 1: 20.0, 2: 40.0, 3: 60.0, 4: 80.0, 5: 92.0}[stars],
        "stars": stars, "recognised": (stars is not None and 3 <= stars <= 4)
        if recognised is None else recognised, "gates": [],
        "producer": {"name": "HTX", "commune": commune, "province": province}}
    if outcome is not None:
        item["outcome"] = outcome
    return item


def write_round(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


HEADER = ["product_id", "product_name", "province", "commune", "product_group", "stars",
          "certificate", "issued_on", "expires_on", "decision"]


def write_sheet(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or HEADER)
        writer.writerows(rows)
    return path


def register_rows(n: int, start: int = 0, issued: str = "2026-06-05",
                  prefix: str = "P") -> list[list[object]]:
    return [[f"{prefix}-{i:06d}", f"Sản phẩm {i}", "Quảng Ninh" if i % 2 else "Lào Cai",
             f"Xã {i % 40}", "food", 3 + i % 2, f"{prefix}{i:06d}/GCN", issued, "",
             "1520/QĐ-UBND"] for i in range(start, start + n)]
