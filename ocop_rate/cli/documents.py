"""``round document ROUND KIND -o FILE.docx``: the council's documents drafted from a rated
round; ``places PATH…``: province and commune names checked against the official list."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    DbOpt,
    Lang,
    LangOpt,
    PrintedDateOpt,
    RequiredOutputOpt,
    RulesOpt,
    _code,
    _note,
    _say,
    _warn_problems,
)
from ocop_rate.cli.formats import deliver, refuse_unless
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.round_common import rate_round, refuse_round_inputs, round_app
from ocop_rate.views.registry import Asked


class DocumentKind(StrEnum):
    minutes = "minutes"
    results = "results"
    decision = "decision"
    notices = "notices"
    proposal = "proposal"
    sheets = "sheets"


@round_app.command("document", cls=OcopCommand)
def document(
    folder: Annotated[Path, typer.Argument(metavar="ROUND", show_default=False)],
    kind: Annotated[DocumentKind, typer.Argument(metavar="KIND", show_default=False)],
    output: RequiredOutputOpt,
    db: DbOpt = None,
    date: PrintedDateOpt = None,
    office: Annotated[str | None, typer.Option("--office", show_default=False)] = None,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """One council document of a rated round, as a Word file ready to edit and sign (the
    file's suffix names its format, and docx is the only one)."""
    from ocop_rate import documents
    from ocop_rate.documents import place_checks
    from ocop_rate.engine import expanded
    from ocop_rate.loading.round_folder import round_file
    from ocop_rate.loading.rubrics import load_library
    from ocop_rate.round.config import open_round
    from ocop_rate.round.products import read_products

    language = _code(lang)
    fmt = output.suffix.lower().removeprefix(".")  # the file's kind names its format
    refuse_unless("round-document", fmt, output)
    day = _day(date)
    config = round_file(str(folder))
    if config is None:
        _say("round.not_a_round", path=str(folder))
    refuse_round_inputs(config, output)
    report, result = rate_round(config, rules, None)
    if report.level == "central" and kind.value in documents.PROVINCIAL:
        _say("documents.only_province", kind=kind.value)
    warnings = place_checks.check_listed(read_products(open_round(config).products))
    _warn_problems(warnings)
    certificates = None
    if db is not None:
        from ocop_rate.cli.common import _guard
        from ocop_rate.documents.facts import certificates_from

        ids = [e.product_id for e in report.entries]
        certificates = _guard(lambda: certificates_from(db, ids, report.date))
    facts = documents.gather(report, expanded(result) if result.blocks else result,
                             language, certificates=certificates, office=office, day=day)
    asked = Asked(language, rubrics=load_library(rules or None).rubrics)
    try:
        deliver("round-document", fmt, (kind.value, facts), asked, output)
    except documents.NothingToDraft as nothing:
        _note(nothing.message_id)
        raise typer.Exit(EXIT_SHORT) from None
    _note("documents.written", kind=kind.value, path=str(output),
          pages=_parts(output.read_bytes(), language))
    raise typer.Exit(EXIT_SHORT if warnings or report.short else EXIT_OK)


def _day(value: str | None) -> dt.date | None:
    from ocop_rate.register.dates import parse_date

    if value is None:
        return None
    found = parse_date(value)
    if found is None:
        _say("cli.not_a_date", value=value)
    return found


def _parts(data: bytes, lang: str) -> str:
    """How many page-started parts the file has (a sheet, a notice), said in words."""
    from ocop_rate.messages import text

    count = _breaks(data) + 1
    return text("documents.parts", "en" if lang == "en" else "vi", count=count)


def _breaks(data: bytes) -> int:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").count(b'w:type="page"')


@app.command("places", cls=OcopCommand)
def check_places(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATH...",
                                                       show_default=False)] = None,
    db: Annotated[Path | None, typer.Option("--db", dir_okay=False, show_default=False)]
    = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Province and commune names of product lists, round folders, dossiers and the
    register checked against the official list of administrative units (after 2025);
    exit 1 on a warning."""
    from ocop_rate.cli.common import _guard
    from ocop_rate.documents.place_checks import check_paths

    warnings, count = _guard(lambda: check_paths(paths or [], db))
    _warn_problems(warnings)
    if not warnings:
        _note("places.all_known", count=count)
    raise typer.Exit(EXIT_SHORT if warnings else EXIT_OK)
