"""``ocop-rate register`` commands that ask the register: the 5-star queue, who is due,
what expired, the list, a product's history, counts, the export. They read only. Each
answer is drawn by the registry (:mod:`ocop_rate.views.registry`, subjects
``register-…``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ocop_rate.cli.common import (
    DbOpt,
    GroupOpt,
    Lang,
    LangCode,
    LangOpt,
    OnOpt,
    OutputOpt,
    _code,
)
from ocop_rate.cli.formats import FormatOpt, deliver, refuse_unless
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.register_common import (
    CommuneOpt,
    ProvinceOpt,
    StatusChoice,
    _ask,
    _note,
    _on,
    _open,
    _run,
    _stop,
    _write_output,
    register_app,
)
from ocop_rate.views import registry
from ocop_rate.views.registry import Asked


def _answer(subject: str, fmt: str, answer: Any, lang: LangCode, empty: str | None = None,
            output: Path | None = None, register: Path | None = None) -> None:
    """Draw the register's ``answer``; a table of nothing is said as ``empty`` instead."""
    if empty is not None and registry.drawer(subject, fmt).kind == "blocks":
        _note(empty, lang)
        return

    def write(path: Path, data: Any, encoding: str) -> None:
        assert register is not None
        _write_output(data, path, register, lang, encoding)

    deliver(subject, fmt, answer, Asked(lang), output, write if register else None)


@register_app.command(cls=OcopCommand)
def queue(db: DbOpt = None, lang: LangOpt = Lang.vi, fmt: FormatOpt = "table") -> None:
    """Products proposed for 5 stars, waiting for the Ministry's result (Điều 7.3.e); and
    those the Ministry returned that the province is to evaluate again (Điều 7.4.g)."""
    from ocop_rate.register.queries import pending_proposals

    language = _code(lang)
    items = _ask(db, language, lambda register: pending_proposals(register))
    if registry.drawer("register-queue", fmt).kind == "blocks":
        # the JSON array keeps its shape: pending proposals only
        from ocop_rate.register.queries import awaiting_own_evaluation

        returned = _ask(db, language, lambda register: awaiting_own_evaluation(register))
        if returned:
            _note("register.queue_own_evaluation", language,
                  products=", ".join(f"{p} ({n})" for p, n, _ in returned))
    _answer("register-queue", fmt, items, language,
            None if items else "register.queue_empty")


@register_app.command(cls=OcopCommand)
def due(
    on: OnOpt = None,
    within: Annotated[int, typer.Option("--within", min=0, max=3660,
                                        help="Also list windows opening within this many "
                                        "days.")] = 90,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Who must file for re-evaluation: window open, opening soon, or closed unfiled."""
    from ocop_rate.register.queries import due as ask

    language = _code(lang)
    day = _on(on, language)
    items = _ask(db, language, lambda register: ask(register, day, within))
    _answer("register-due", fmt, (items, day), language,
            None if items else "register.nothing_due")


@register_app.command(cls=OcopCommand)
def expired(
    on: OnOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Certificates past their term (and late filers still extended, Điều 12.3)."""
    from ocop_rate.register.queries import expired as ask

    language = _code(lang)
    day = _on(on, language)
    items = _ask(db, language, lambda register: ask(register, day))
    _answer("register-expired", fmt, (items, day), language,
            None if items else "register.nothing")


@register_app.command("list", cls=OcopCommand)
def list_(
    province: ProvinceOpt = None,
    commune: CommuneOpt = None,
    group: GroupOpt = None,
    stars: Annotated[int | None, typer.Option("--stars", min=3, max=5,
                                              show_default=False)] = None,
    status: Annotated[StatusChoice | None, typer.Option("--status", show_default=False)]
    = None,
    every: Annotated[bool, typer.Option("--all", help="Every certificate, not only each "
                                        "product's newest.")] = False,
    on: OnOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """The register's certificates, with filters (danh sách)."""
    from ocop_rate.register.queries import Filters, listing

    language = _code(lang)
    refuse_unless("register-list", fmt, output)
    day = _on(on, language)
    register = _open(db, language)
    path = register.path
    wanted = Filters(province, commune, group, stars, None if status is None else status.value,
                     current_only=not every)
    items = _run(register, language, lambda: listing(register, day, wanted))
    _answer("register-list", fmt, (items, day), language, output=output, register=path)


@register_app.command(cls=OcopCommand)
def history(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_OR_CERTIFICATE", show_default=False)],
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Every rating, class and certificate of a product (lịch sử sản phẩm)."""
    from ocop_rate.register.queries import history as ask

    language = _code(lang)
    product, events = _ask(db, language, lambda register: ask(register, ident))
    _answer("register-history", fmt, (product.product_id, product.name, events), language)


@register_app.command(cls=OcopCommand)
def counts(
    on: OnOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Certificates by year of issue, province and class, and how many are valid."""
    from ocop_rate.register.queries import counts as ask

    language = _code(lang)
    day = _on(on, language)
    rows = _ask(db, language, lambda register: ask(register, day))
    _answer("register-counts", fmt, (rows, day), language)


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
    fmt = output.suffix.lower().removeprefix(".")  # the file's kind names its format
    if not registry.has("register-export", fmt):
        from ocop_rate.errors import OcopError, Problem

        _stop(OcopError(Problem.of("register.export_suffix", None)), language)
    day = _on(on, language)
    register = _open(db, language)
    path = register.path
    items = _run(register, language, lambda: listing(register, day,
                                                     Filters(current_only=False)))
    _answer("register-export", fmt, (items, day), language, output=output, register=path)
    _note("register.exported", language, count=len(items), path=str(output))
