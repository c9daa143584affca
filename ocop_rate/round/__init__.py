"""A council round (đợt đánh giá): a folder with ``round.yaml``, a product list and the
members' sheets, merged by product id and rated by the one engine.

``rate_round(library, path)`` gives the round's report (roster, completeness, quorum,
history, problems) and the usual batch of ratings; ``round_file(arg)`` tells a round folder
from loose files; ``scaffold`` builds a new round for the secretary to send out.
"""

from typing import TYPE_CHECKING, Any

from ocop_rate.loading.round_folder import ROUND_FILE, round_file

if TYPE_CHECKING:
    from ocop_rate.round.rate import rate_round

__all__ = ["ROUND_FILE", "rate_round", "round_file"]


def __getattr__(name: str) -> Any:
    """``rate_round`` is imported on first use: telling a round folder from loose files
    (``rate`` asks it of every path) must not load the engine and the round's models."""
    if name == "rate_round":
        from ocop_rate.round.rate import rate_round

        return rate_round
    raise AttributeError(name)
