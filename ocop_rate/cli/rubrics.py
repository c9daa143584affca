"""rubrics list / show: the scoring sheets the tool knows."""

from __future__ import annotations

from typing import Annotated

import typer

from ocop_rate.cli.app import rubrics_app
from ocop_rate.cli.common import (
    GroupOpt,
    Lang,
    LangOpt,
    OnOpt,
    RulesOpt,
    _code,
    _day,
    _guard,
    _library,
)
from ocop_rate.cli.formats import FormatOpt, deliver
from ocop_rate.cli.help import OcopCommand
from ocop_rate.views.registry import Asked


@rubrics_app.command("list", cls=OcopCommand)
def rubrics_list(
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = Lang.vi,
    on: OnOpt = None,
    group: GroupOpt = None,
) -> None:
    """List the rubrics: id, product group, product set, decision, criteria, in force."""
    from ocop_rate.loading.rubrics import catalogue

    day = _day(on, "--on")
    entries = catalogue(_library(rules), _code(lang), day)
    if group is not None:
        entries = [e for e in entries if e["product_group"] == group]
    deliver("rubrics", fmt, entries, Asked(_code(lang)), None)


@rubrics_app.command("show", cls=OcopCommand)
def rubrics_show(
    rubric_id: Annotated[str, typer.Argument(metavar="RUBRIC_ID", help="e.g. "
                                             "food-processed-animal-26")],
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = Lang.vi,
) -> None:
    """Show one rubric fully resolved, as the council's sheet or as JSON."""
    library = _library(rules)
    rubric = _guard(lambda: library.get(rubric_id))
    deliver("rubric", fmt, rubric, Asked(_code(lang)), None)
