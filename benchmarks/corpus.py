"""A varied, seeded corpus of dossiers and score sheets, for checking that results do not
change (every bundled rubric, derived criteria, missing facts, self-assessments, notes,
evidence, 1-7 members, some unfit dossiers) and for benchmarks.

    python benchmarks/corpus.py FOLDER [--dossiers 1000] [--sheet-products 300] [--seed 7]
    python benchmarks/corpus.py FOLDER --from-samples --dossiers 5000

``--from-samples`` (:func:`write_sample_corpus`, the benchmark's varied dossiers): every
bundled sample in ``sample_products/`` copied under new ids with councils of 1-7 members,
alternating with dossiers of every bundled rubric as above; no score sheet.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "sample_products"


def _facts(rubric: Any, rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in rubric.facts:
        if rng.random() < 0.15:
            continue  # a fact the dossier does not state
        if spec.type == "boolean":
            out[spec.id] = rng.random() < (0.85 if rng.random() < 0.5 else 0.15)
        elif spec.type == "number":
            out[spec.id] = rng.choice([0, 0.1, 0.3, 0.5, 0.7, 0.9, 1, round(rng.random(), 2)])
        else:
            out[spec.id] = rng.choice(["có", "không", "x"])
    return out


def _pick(crit: Any, quality: float, rng: random.Random) -> str:
    size = len(crit.options)
    pick = round(quality * (size - 1) + rng.gauss(0, 0.9))
    return str(crit.options[min(size - 1, max(0, pick))].code)


def dossier(rubric: Any, index: int, rng: random.Random) -> dict[str, Any]:
    """One dossier of ``rubric``; roughly one in twenty does not fit it."""
    from ocop_rate.conditions import evaluate

    quality = rng.betavariate(3, 2)
    facts = _facts(rubric, rng)
    derivable = {c.id for c in rubric.criteria
                 if any(evaluate(d.when, facts) is True for d in c.derive)}
    council = []
    for m in range(rng.choice([1, 2, 3, 3, 3, 4, 5, 7])):
        scores = {}
        notes = {}
        for crit in rubric.criteria:
            if crit.id in derivable and rng.random() < 0.7:
                continue  # left to the facts
            scores[crit.id] = _pick(crit, quality, rng)
            if rng.random() < 0.03:
                notes[crit.id] = f"ghi chú {m}"
        sheet: dict[str, Any] = {"member": f"Thành viên {m + 1}", "scores": scores}
        if notes:
            sheet["notes"] = notes
        council.append(sheet)
    data: dict[str, Any] = {"product": {
        "id": f"CP-{index:05d}", "name": {"vi": f"Sản phẩm {index}", "en": f"Product {index}"},
        "rubric": rubric.id}}
    if rng.random() < 0.7:
        data["product"]["producer"] = {"name": f"HTX số {index}", "kind": "cooperative",
                                       "province": "Quảng Ninh"}
    data["facts"] = facts
    if rng.random() < 0.3:
        data["evidence"] = {c.id: [f"doc-{index}-{c.id}.pdf"]
                            for c in rng.sample(list(rubric.criteria), 3)}
    if rng.random() < 0.4:
        data["self_assessment"] = {c.id: _pick(c, min(1.0, quality + 0.2), rng)
                                   for c in rubric.criteria if rng.random() < 0.97}
    if rng.random() < 0.05:  # does not fit: an unknown option or criterion
        council[0]["scores"][rng.choice(["ZZ9", rubric.criteria[0].id])] = "zz"
    data["council"] = council
    return data


def write_corpus(folder: Path, dossiers: int, sheet_products: int, seed: int) -> None:
    import yaml

    from ocop_rate.loading.rubrics import load_library

    library = load_library()
    rubrics = sorted((r for r in library.rubrics.values() if not r.abstract),
                     key=lambda r: r.id)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(dossiers):
        rubric = rubrics[i % len(rubrics)] if i < len(rubrics) else rng.choice(rubrics)
        (folder / f"d{i:05d}.yaml").write_text(
            yaml.safe_dump(dossier(rubric, i, rng), allow_unicode=True, sort_keys=False),
            encoding="utf-8")
    for s in range(2 if sheet_products else 0):
        rubric = rng.choice([r for r in rubrics if not any(c.derive for c in r.criteria)]
                            or rubrics)
        with (folder / f"sheet{s}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["product_id", "product_name", "rubric", "member",
                             *[c.id for c in rubric.criteria]])
            for p in range(sheet_products):
                quality = rng.betavariate(3, 2)
                for m in range(rng.choice([1, 3, 3, 5])):
                    writer.writerow([f"SH{s}-{p:05d}", f"Sản phẩm {p}", rubric.id,
                                     f"Thành viên {m + 1}",
                                     *[_pick(c, quality, rng) for c in rubric.criteria]])


def from_sample(sample: dict[str, Any], rubric: Any, index: int, members: int,
                rng: random.Random) -> dict[str, Any]:
    """A bundled sample under a new id, its council ``members`` strong: each sheet is one
    of the sample's, about one option in seven moved a step (within the criterion's
    options); facts, evidence, self-assessment, notes and producer as the sample has them."""
    import copy

    data = copy.deepcopy(sample)
    data["product"]["id"] = f"{sample['product']['id']}-{index:05d}"
    options = {c.id: [o.code for o in c.options] for c in rubric.criteria}
    council = []
    for m in range(members):
        sheet = copy.deepcopy(sample["council"][m % len(sample["council"])])
        if m >= len(sample["council"]):
            sheet["member"] = f"Thành viên hội đồng {m + 1}"
        for cid, code in sheet["scores"].items():
            codes = options.get(cid, [])
            if code in codes and rng.random() < 0.15:
                step = codes.index(code) + rng.choice((-1, 1))
                sheet["scores"][cid] = codes[min(len(codes) - 1, max(0, step))]
        council.append(sheet)
    data["council"] = council
    return data


def write_sample_corpus(folder: Path, dossiers: int, seed: int) -> None:
    """``dossiers`` files: even ones made from the bundled samples in turn (every one, as
    YAML or JSON as it is), odd ones of every bundled rubric in turn (:func:`dossier`)."""
    import yaml

    from ocop_rate.loading.rubrics import load_library

    library = load_library()
    rubrics = sorted((r for r in library.rubrics.values() if not r.abstract),
                     key=lambda r: r.id)
    samples = [(p.suffix, yaml.safe_load(p.read_text(encoding="utf-8")))
               for p in sorted(SAMPLES.iterdir()) if p.suffix in (".yaml", ".json")]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(dossiers):
        suffix = ".yaml"
        if i % 2 == 0:
            suffix, sample = samples[(i // 2) % len(samples)]
            data = from_sample(sample, library.rubrics[sample["product"]["rubric"]], i,
                               rng.choice([1, 2, 3, 3, 4, 5, 6, 7]), rng)
        else:
            data = dossier(rubrics[(i // 2) % len(rubrics)], i, rng)
        text = (json.dumps(data, ensure_ascii=False, indent=1) if suffix == ".json" else
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        (folder / f"d{i:05d}{suffix}").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--dossiers", type=int, default=1000)
    parser.add_argument("--sheet-products", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--from-samples", action="store_true",
                        help="dossiers made from the bundled samples and every rubric")
    args = parser.parse_args()
    if args.from_samples:
        write_sample_corpus(args.folder, args.dossiers, args.seed)
    else:
        write_corpus(args.folder, args.dossiers, args.sheet_products, args.seed)


if __name__ == "__main__":
    main()
