"""``ocop-rate register`` commands that ask the register: the 5-star queue, who is due,
what expired, the list, a product's history, counts, the export. They read only."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ocop_rate.cli.common import Lang, LangCode, LangOpt, _code
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.register import (
    DbOpt,
    ListFormat,
    OnOpt,
    OutputOpt,
    StatusChoice,
    ViewFormat,
    _ask,
    _note,
    _on,
    _open,
    _print,
    _run,
    _stop,
    _write_output,
    register_app,
)

if TYPE_CHECKING:
    from ocop_rate.models.register import CertificateView


@register_app.command(cls=OcopCommand)
def queue(db: DbOpt = None, lang: LangOpt = Lang.vi,
          fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table
          ) -> None:
    """Products proposed for 5 stars, waiting for the Ministry's result (Điều 7.3.e); and
    those the Ministry returned that the province is to evaluate again (Điều 7.4.g)."""
    from ocop_rate.register.queries import pending_proposals
    from ocop_rate.report import register_view as view
    from ocop_rate.report.register_view import day, new_table

    language = _code(lang)
    items = _ask(db, language, lambda register: pending_proposals(register))
    if fmt is ViewFormat.table:   # the JSON array keeps its shape: pending proposals only
        from ocop_rate.register.queries import awaiting_own_evaluation

        returned = _ask(db, language, lambda register: awaiting_own_evaluation(register))
        if returned:
            _note("register.queue_own_evaluation", language,
                  products=", ".join(f"{p} ({n})" for p, n, _ in returned))
    if fmt is ViewFormat.json:
        import json

        sys.stdout.write(json.dumps([{"product_id": p, "product_name": n,
                                      "proposed_on": d.isoformat(), "total": t}
                                     for p, n, d, t in items], ensure_ascii=False) + "\n")
        return
    if not items:
        _note("register.queue_empty", language)
        return
    table = new_table("", ("product_id", "product_name", "proposed_on", "total"), language)
    for p, n, d, t in items:
        view.add_row(table, p, n, day(d, language), "" if t is None else f"{t:.2f}")
    _print(table)


@register_app.command(cls=OcopCommand)
def due(
    on: OnOpt = None,
    within: Annotated[int, typer.Option("--within", min=0, max=3660,
                                        help="Also list windows opening within this many "
                                        "days.")] = 90,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Who must file for re-evaluation: window open, opening soon, or closed unfiled."""
    from ocop_rate.register.queries import due as ask
    from ocop_rate.report import register_view as view

    language = _code(lang)
    day = _on(on, language)
    items = _ask(db, language, lambda register: ask(register, day, within))
    if fmt is ViewFormat.json:
        sys.stdout.write(view.due_json(items))
    elif not items:
        _note("register.nothing_due", language)
    else:
        _print(view.due_table(items, day, language))


@register_app.command(cls=OcopCommand)
def expired(
    on: OnOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Certificates past their term (and late filers still extended, Điều 12.3)."""
    from ocop_rate.register.queries import expired as ask
    from ocop_rate.report import register_view as view

    language = _code(lang)
    day = _on(on, language)
    items = _ask(db, language, lambda register: ask(register, day))
    if fmt is ViewFormat.json:
        sys.stdout.write(view.to_json(items))
    elif not items:
        _note("register.nothing", language)
    else:
        _print(view.expired_table(items, day, language))


@register_app.command("list", cls=OcopCommand)
def list_(
    province: Annotated[str | None, typer.Option("--province", show_default=False)] = None,
    commune: Annotated[str | None, typer.Option("--commune", show_default=False)] = None,
    group: Annotated[str | None, typer.Option("--group", show_default=False,
                                              help="Product group, e.g. food.")] = None,
    stars: Annotated[int | None, typer.Option("--stars", min=3, max=5,
                                              show_default=False)] = None,
    status: Annotated[StatusChoice | None, typer.Option("--status", show_default=False)]
    = None,
    every: Annotated[bool, typer.Option("--all", help="Every certificate, not only each "
                                        "product's newest.")] = False,
    on: OnOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    output: OutputOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """The register's certificates, with filters (danh sách)."""
    from ocop_rate.register.queries import Filters, listing

    language = _code(lang)
    if fmt is ListFormat.xlsx and output is None:
        from ocop_rate.errors import OcopError, Problem

        _stop(OcopError(Problem.of("register.xlsx_needs_output")), language)
    day = _on(on, language)
    register = _open(db, language)
    path = register.path
    wanted = Filters(province, commune, group, stars, None if status is None else status.value,
                     current_only=not every)
    items = _run(register, language, lambda: listing(register, day, wanted))
    _show(items, fmt, output, path, day, language)


def _show(views: list[CertificateView], fmt: ListFormat, output: Path | None, path: Path,
          day: date, lang: LangCode) -> None:
    from ocop_rate.report import register_view as view

    if fmt is ListFormat.table:
        if output is None:
            _print(view.list_table(views, day, lang))
            return
        from ocop_rate.cli.common import _console

        console = _console(width=160)
        with console.capture() as capture:
            console.print(view.list_table(views, day, lang))
        _write_output(capture.get(), output, path, lang)
        return
    if fmt is ListFormat.json:
        data: str | bytes = view.to_json(views)
    elif fmt is ListFormat.csv:
        data = view.to_csv(views, lang)
    else:
        data = view.to_xlsx(views, lang)
    if output is None:
        assert isinstance(data, str)
        sys.stdout.write(data)
    else:
        _write_output(data, output, path, lang,
                      view.CSV_ENCODING if fmt is ListFormat.csv else "utf-8")


@register_app.command(cls=OcopCommand)
def history(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_OR_CERTIFICATE", show_default=False)],
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Every rating, class and certificate of a product (lịch sử sản phẩm)."""
    from ocop_rate.register.queries import history as ask
    from ocop_rate.report import register_view as view

    language = _code(lang)
    product, events = _ask(db, language, lambda register: ask(register, ident))
    if fmt is ViewFormat.json:
        sys.stdout.write(view.history_json(product.product_id, events))
    else:
        _print(view.history_table(product.product_id, product.name, events, language))


@register_app.command(cls=OcopCommand)
def counts(
    on: OnOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Certificates by year of issue, province and class, and how many are valid."""
    from dataclasses import asdict

    from ocop_rate.register.queries import counts as ask
    from ocop_rate.report import register_view as view

    language = _code(lang)
    day = _on(on, language)
    rows = _ask(db, language, lambda register: ask(register, day))
    if fmt is ViewFormat.json:
        import json

        sys.stdout.write(json.dumps([asdict(r) for r in rows], ensure_ascii=False) + "\n")
        return
    from ocop_rate.messages import text

    table = view.new_table(text("register.counts_title", language, on=view.day(day, language)),
                        ("year", "province", "stars", "issued", "valid"), language)
    for r in rows:
        view.add_row(table, str(r.year), r.province, f"{r.stars}★", str(r.issued), str(r.valid))
    _print(table)


@register_app.command(cls=OcopCommand)
def export(
    output: Annotated[Path, typer.Argument(metavar="OUT.xlsx|OUT.csv|OUT.json",
                                           show_default=False, dir_okay=False)],
    on: OnOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Every certificate, with its status, to a file that 'register import' reads back."""
    from ocop_rate.register.queries import Filters, listing

    language = _code(lang)
    fmt = {".xlsx": ListFormat.xlsx, ".csv": ListFormat.csv, ".json": ListFormat.json}.get(
        output.suffix.lower())
    if fmt is None:
        from ocop_rate.errors import OcopError, Problem

        _stop(OcopError(Problem.of("register.export_suffix", None)), language)
    day = _on(on, language)
    register = _open(db, language)
    path = register.path
    items = _run(register, language, lambda: listing(register, day,
                                                     Filters(current_only=False)))
    _show(items, fmt, output, path, day, language)
    _note("register.exported", language, count=len(items), path=str(output))


