"""``register worklist``, ``register publish``, ``register stats``: the office's monthly
lists by commune, the page the public checks a stamp on, and the province's counts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    DbOpt,
    Lang,
    LangCode,
    LangOpt,
    OnOpt,
    OutputOpt,
    _code,
)
from ocop_rate.cli.formats import FormatOpt, Writer, deliver, refuse_unless
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.register_common import (
    CommuneOpt,
    ProvinceOpt,
    _ask,
    _note,
    _on,
    _open,
    _run,
    _stop,
    _write_output,
    register_app,
)
from ocop_rate.views.registry import Asked


def _writer(register: Path, lang: LangCode) -> Writer:
    """Writes a drawn file atomically, never over the register's own files."""

    def write(target: Path, data: Any, encoding: str) -> None:
        _write_output(data, target, register, lang, encoding)

    return write


@register_app.command("worklist", cls=OcopCommand)
def worklist(
    province: ProvinceOpt = None,
    commune: CommuneOpt = None,
    within: Annotated[int, typer.Option("--within", min=0, max=3660)] = 30,
    on: OnOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Who is due, who is in grace, whose certificate expired (remove the logo), by
    province and commune; exit 1 when any certificate has expired unreplaced."""
    from ocop_rate.register.worklists import worklist as ask

    language = _code(lang)
    refuse_unless("register-worklist", fmt, output)
    day = _on(on, language)
    register = _open(db, language)
    path = register.path
    items = _run(register, language, lambda: ask(register, day, within, province, commune))
    deliver("register-worklist", fmt, (items, day), Asked(language), output,
            _writer(path, language))
    if output is not None:
        _note("worklist.written", language, count=len(items), path=str(output))
    raise typer.Exit(EXIT_SHORT if any(i.list == "expired" for i in items) else EXIT_OK)


@register_app.command("publish", cls=OcopCommand)
def publish(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", show_default=False,
                                           file_okay=False)],
    url_template: Annotated[str | None, typer.Option("--url-template",
                                                     show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", show_default=False)] = None,
    province: ProvinceOpt = None,
    on: OnOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """A self-contained, searchable page of every certificate with its status (and a QR
    code each, pointing where --url-template says), with the same as CSV and JSON."""
    from ocop_rate.documents import publish as page
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.register.queries import Filters, listing

    language = _code(lang)
    if url_template is not None:
        try:
            page.check_template(url_template)
        except page.BadTemplate:
            _stop(OcopError(Problem.of("publish.bad_template", None,
                                       template=url_template)), language)
    if folder.exists() and not folder.is_dir():
        _stop(OcopError(Problem.of("publish.not_a_folder", None, path=str(folder))),
              language)
    day = _on(on, language)
    register = _open(db, language)
    path = register.path
    items = _run(register, language, lambda: listing(
        register, day, Filters(province=province, current_only=False)))
    html = page.page(items, day, language, url_template, title)
    folder.mkdir(parents=True, exist_ok=True)
    _write_output(html, folder / "index.html", path, language)
    for fmt in ("csv", "json"):  # the same files as 'register list --all -f csv|json'
        deliver("register-list", fmt, (items, day), Asked(language),
                folder / f"certificates.{fmt}", _writer(path, language))
    _note("publish.written", language, count=len(items), path=str(folder))


@register_app.command("stats", cls=OcopCommand)
def stats(
    year: Annotated[int | None, typer.Option("--year", min=1990, max=2100,
                                             show_default=False)] = None,
    on: OnOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Certificates by year, class and kind (new, upgraded, re-evaluated, re-issued), by
    province and commune with how many are valid on the date, and by year and producer
    kind."""
    from ocop_rate.register.stats import stats as ask

    language = _code(lang)
    day = _on(on, language)
    found = _ask(db, language, lambda register: ask(register, day, year))
    deliver("register-stats", fmt, found, Asked(language), None)
