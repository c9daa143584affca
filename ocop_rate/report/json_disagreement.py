"""The ``disagreement`` object of each product of a score sheet's block, as JSON text made
from the block's columns (spread, steps apart, the members' own options).

Why not ``json.dumps`` per split: a 100,000-product sheet has about 370,000 splits (two
members two options apart on a criterion), and one dict and one encoder call each was most
of the time of writing its JSON. Here every distinct piece (a member's name, an option
code, a number) is encoded once, and the splits of many products are joined column-wise.
The text is the bytes ``json.dumps`` gives for :func:`json_report.item_to_dict`'s
``disagreement``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from ocop_rate.models.rating import RatingColumns


def disagreement_texts(block: RatingColumns, lo: int, hi: int, num: Any,
                       member_text: Any) -> list[str]:
    """``{"spread":…,"spread_limit":…,"over_limit":…,"flagged":…,"splits":[…],
    "case_splits":[…]}`` for products ``lo:hi``. ``num[c]`` is the JSON of ``c``
    hundredths; ``member_text[r]`` the JSON string of row ``r``'s member, for the rows of
    products ``lo:hi`` (row ``starts[lo]`` first)."""
    import numpy as np

    from ocop_rate.models.rating import OPTION_STEPS
    from ocop_rate.report.json_parts import _join, case_split_dict

    limit = json.dumps(block.spread_limit)
    splits = _splits(block, lo, hi, member_text)
    over = block.over_limit[lo:hi].tolist()
    cases = block.case_splits[lo:hi] if block.case_splits else [()] * (hi - lo)
    case_text: dict[int, str] = {}
    for found in cases:
        if id(found) not in case_text:
            case_text[id(found)] = json.dumps([case_split_dict(c) for c in found],
                                              ensure_ascii=False)
    split_any = cast("list[bool]", (block.split_steps[lo:hi] >= OPTION_STEPS).any(axis=1)
                     .tolist())
    flagged = ["true" if o or s or c else "false"
               for o, s, c in zip(over, split_any, cases, strict=True)]
    return _join(['{"spread":', num[block.spread[lo:hi]], f',"spread_limit":{limit},'
                  '"over_limit":', np.where(block.over_limit[lo:hi], "true", "false"),
                  ',"flagged":', flagged, ',"splits":[', splits, '],"case_splits":',
                  [case_text[id(c)] for c in cases], "}"], hi - lo)


def _splits(block: RatingColumns, lo: int, hi: int, member_text: Any) -> list[str]:
    """Per product, its splits ``{"criterion": …, "options": {member: code, …}, "steps":
    …}`` joined by commas (members in sheet order), criteria in rubric order; spaced as
    ``json.dumps`` spaces them by default, as they always were."""
    import numpy as np

    from ocop_rate.models.rating import OPTION_STEPS
    from ocop_rate.report.json_parts import _join

    steps = block.split_steps[lo:hi]
    rows, ks = np.nonzero(steps >= OPTION_STEPS)          # row-major: by product, then k
    if not len(rows):
        return [""] * (hi - lo)
    crits = block.rubric.criteria
    width = max(len(c.options) for c in crits) + 2
    heads = np.array([f'{{"criterion": {encode_basestring(c.id)}, "options": {{'
                      for c in crits], dtype=object)
    codes = np.array([[encode_basestring(c.option_at(i).code) for i in range(width)]
                      for c in crits], dtype=object)
    shown_steps = np.array([str(s) for s in range(int(steps.max()) + 1)], dtype=object)
    base = int(block.starts[lo])
    first = block.starts[lo + rows] - base                  # into member_text
    size = block.starts[lo + rows + 1] - base - first
    texts = np.empty(len(rows), dtype=object)
    members = np.asarray(member_text, dtype=object)
    for m in np.unique(size).tolist():  # splits of products with m members, together
        sel = np.flatnonzero(size == m)
        k = ks[sel]
        pieces: list[Any] = [heads[k]]
        for j in range(m):
            r = first[sel] + j
            pieces += [members[r], ": ", codes[k, block.row_option[base + r, k]],
                       ", " if j < m - 1 else ""]
        pieces += ['}, "steps": ', shown_steps[steps[rows[sel], k]], "}"]
        texts[sel] = _join(pieces, len(sel))
    ends = np.cumsum(np.bincount(rows, minlength=hi - lo)).tolist()
    out = texts.tolist()
    return [",".join(out[s:e]) for s, e in zip([0, *ends[:-1]], ends, strict=True)]
