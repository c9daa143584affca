"""Shared fixtures: small hand-made rubrics and dossiers written as real files."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

if TYPE_CHECKING:
    from ocop_rate.loading.rubrics import RubricLibrary

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_products"
RULES = REPO / "scoring_rules"

# One criterion per part; the options let a test reach any band edge exactly.
TINY_RUBRIC: dict[str, Any] = {
    "id": "tiny",
    "name": {"vi": "Phiếu thử", "en": "Test sheet"},
    "product_group": "food",
    "source": {"decision": "test", "appendix": "II", "sheet": 0},
    "effective": {"from": "2026-05-22"},
    "parts": [
        {"id": "A", "name": {"vi": "Phần A", "en": "Part A"}, "max_points": 40},
        {"id": "B", "name": {"vi": "Phần B", "en": "Part B"}, "max_points": 25},
        {"id": "C", "name": {"vi": "Phần C", "en": "Part C"}, "max_points": 35},
    ],
    "facts": [
        {"id": "falsified", "type": "boolean", "name": "Hồ sơ giả mạo"},
        {"id": "local_share", "type": "number", "name": "Tỷ lệ nguyên liệu địa phương"},
    ],
    "criteria": [
        {"id": "A1", "number": "1", "part": "A", "name": {"vi": "Tiêu chí A1", "en": "A1"},
         "source": {"criterion": "1"},
         "options": [{"code": c, "points": p, "label": f"A {p}"} for c, p in
                     zip("abcdefgh", [0, 9.99, 10, 20, 29.99, 30, 39, 40], strict=True)]},
        {"id": "B1", "number": "2", "part": "B", "name": {"vi": "Tiêu chí B1", "en": "B1"},
         "source": {"criterion": "2"},
         "options": [{"code": "a", "points": 0, "label": "B 0"},
                     {"code": "b", "points": 10, "label": "B 10"},
                     {"code": "c", "points": 25, "label": "B 25", "min_star": 5}]},
        {"id": "C1", "number": "3", "part": "C", "name": {"vi": "Tiêu chí C1", "en": "C1"},
         "source": {"criterion": "3"},
         "options": [{"code": "a", "points": 0, "label": "C 0"},
                     {"code": "b", "points": 20, "label": "C 20", "min_star": 4},
                     {"code": "c", "points": 35, "label": "C 35"}],
         "derive": [{"option": "c", "when": {"fact": "local_share", "gte": 0.75}}]},
    ],
    "star_bands": [
        {"stars": 1, "min": 0, "max": 30}, {"stars": 2, "min": 30, "max": 50},
        {"stars": 3, "min": 50, "max": 70}, {"stars": 4, "min": 70, "max": 90},
        {"stars": 5, "min": 90, "max": 100},
    ],
    "gates": [
        {"id": "falsified-dossier", "effect": "block", "when": {"fact": "falsified", "eq": True},
         "reason": {"vi": "Giả mạo hồ sơ", "en": "Falsified dossier"}},
    ],
}


@functools.cache
def bundled_library() -> RubricLibrary:
    """The bundled rubrics, loaded once per test session: for tests that read them (a load
    costs about a second; helpers that called it per row made one test take minutes)."""
    from ocop_rate.loading.rubrics import load_library

    return load_library()


def _shape(app: Any) -> tuple[Any, ...]:
    """What typer builds a command tree from: the app's commands, groups and callback,
    down its groups (a test that registers a command gets a fresh tree)."""
    return (id(app.registered_callback), tuple(map(id, app.registered_commands)),
            tuple((id(g), _shape(g.typer_instance)) for g in app.registered_groups))


def _reuse_command_trees() -> None:
    """typer's ``CliRunner.invoke`` converts the whole app to click commands on every call
    (~50 ms: every command's signature read again), the same tree each time; a tree is
    built once per app here and reused, as the parsed commands keep no state between runs
    (click makes a fresh context for each). Hundreds of invokes in the suite."""
    import typer.testing

    real = typer.testing._get_command
    built: dict[int, tuple[Any, tuple[Any, ...], Any]] = {}

    def get_command(app: Any) -> Any:
        shape = _shape(app)
        hit = built.get(id(app))
        if hit is None or hit[0] is not app or hit[1] != shape:
            hit = built[id(app)] = (app, shape, real(app))
        return hit[2]

    typer.testing._get_command = get_command


_reuse_command_trees()


def dump(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def dossier_data(sheets: list[dict[str, str]], pid: str = "P-1", rubric: str = "tiny",
                 **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "product": {"id": pid, "name": {"vi": "Sản phẩm thử", "en": "Test product"},
                    "rubric": rubric},
        "council": [{"member": f"M{i + 1}", "scores": s} for i, s in enumerate(sheets)],
    }
    data.update(extra)
    return data


@pytest.fixture
def tiny_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    dump(folder / "tiny.yaml", TINY_RUBRIC)
    return folder


@pytest.fixture
def write_dossier(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, data: Any) -> Path:
        return dump(tmp_path / "dossiers" / name, data)
    return write


def write_council_sheet(path: Path, products: int, *, seed: int, noise: float,
                        members: Callable[[int], int], name: Callable[[int, Any], str],
                        product_id: Callable[[int], str],
                        rubric_id: str = "food-processed-plant-26") -> None:
    """A council score sheet (CSV) of ``products``: each product has a quality, and each of
    its ``members(p)`` members picks near it (gaussian ``noise`` in options), so products
    spread over every class and some members sit far apart. ``name(p, rng)`` names it."""
    import csv
    import random

    rubric = bundled_library().rubrics[rubric_id]
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["product_id", "product_name", "rubric", "member",
                         *[c.id for c in rubric.criteria]])
        for p in range(products):
            quality = rng.random()
            called = name(p, rng)
            for m in range(members(p)):
                codes = [c.options[min(len(c.options) - 1, max(0, round(
                    quality * (len(c.options) - 1) + rng.gauss(0, noise))))].code
                    for c in rubric.criteria]
                writer.writerow([product_id(p), called, rubric_id, f"Thành viên {m + 1}",
                                 *codes])
