"""``ocop-rate register …``: the certificate register (sổ đăng ký giấy chứng nhận OCOP).

The register is an SQLite file: ``--db``, else ``$OCOP_REGISTER``, else
``ocop-register.sqlite`` beside the round being recorded (or in the current folder).
Only ``record`` and ``import`` create it; a file that is not a register is never written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import EXIT_OK, EXIT_SHORT, EXIT_STOPPED, Lang, LangCode, LangOpt

if TYPE_CHECKING:
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.models.rating import BatchResult
    from ocop_rate.models.register import CertificateView
    from ocop_rate.register.ledger import Decision
    from ocop_rate.register.record import CertificateGrant
    from ocop_rate.register.store import Register

register_app = typer.Typer(
    help="Sổ đăng ký giấy chứng nhận OCOP — the certificate register: 36-month terms, the "
    "re-evaluation window, revocations and each product's history (Decision 26/2026).",
    no_args_is_help=True)
app.add_typer(register_app, name="register")

DEFAULT_NAME = "ocop-register.sqlite"
T = TypeVar("T")


class AuthorityChoice(StrEnum):
    province_chair = "province-chair"
    minister = "minister"


class KindChoice(StrEnum):
    first = "first"
    upgrade = "upgrade"
    re_evaluation = "re-evaluation"


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class StatusChoice(StrEnum):
    valid = "valid"
    extended = "extended"
    expired = "expired"
    revoked = "revoked"
    superseded = "superseded"


DbOpt = Annotated[Path | None, typer.Option(
    "--db", envvar="OCOP_REGISTER", dir_okay=False, show_default=False,
    help=f"The register file (default: $OCOP_REGISTER, else {DEFAULT_NAME} beside the round, "
    "or in the current folder).")]
OnOpt = Annotated[str | None, typer.Option(
    "--on", help="The date asked about (dd/mm/yyyy or yyyy-mm-dd; default today).",
    show_default=False)]
DecisionOpt = Annotated[str, typer.Option("--decision", help="Decision number, e.g. "
                                          "'1234/QĐ-UBND'.", show_default=False)]
DateOpt = Annotated[str, typer.Option("--date", help="Date of the decision (dd/mm/yyyy or "
                                      "yyyy-mm-dd).", show_default=False)]
SignerOpt = Annotated[str | None, typer.Option("--signer", help="Who signed (name, title).",
                                               show_default=False)]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", dir_okay=False, show_default=False,
    help="Write to this file (atomically) instead of the screen.")]


# --- plumbing -------------------------------------------------------------------------------

def _localised(problem: Problem, lang: LangCode) -> str:
    """A problem in ``lang``, its date parameters written the way that language writes them."""
    if problem.message_id is None:
        return problem.render(lang)
    from ocop_rate.messages import text
    from ocop_rate.report.register_view import day

    params = {k: day(v, lang) if isinstance(v, date) else v for k, v in problem.params.items()}
    where = problem.location.render()
    message = text(problem.message_id, lang, params)
    return f"{where}: {message}" if where else message


def _say(lines: list[str], prefix: str = "") -> None:
    for line in lines:
        sys.stderr.write(f"{prefix}{line}\n")


def _stop(exc: OcopError, lang: LangCode) -> NoReturn:
    _say([_localised(p, lang) for p in exc.problems], "lỗi: " if lang == "vi" else "error: ")
    raise typer.Exit(EXIT_STOPPED)


def _warn(problems: list[Problem], lang: LangCode) -> None:
    _say([_localised(p, lang) for p in problems], "chú ý: " if lang == "vi" else "warning: ")


def _note(message_id: str, lang: LangCode, **params: object) -> None:
    from ocop_rate.errors import Problem

    _say([_localised(Problem.of(message_id, None, **params), lang)])


def _date(value: str, lang: LangCode) -> date:
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.register.dates import parse_date

    found = parse_date(value)
    if found is None:
        _stop(OcopError(Problem.of("register.bad_date", None, value=value)), lang)
    return found


def _on(value: str | None, lang: LangCode) -> date:
    from ocop_rate.register.dates import today

    return today() if value is None else _date(value, lang)


def _path(db: Path | None, beside: Path | None = None) -> Path:
    if db is not None:
        return db
    return beside.parent / DEFAULT_NAME if beside is not None else Path(DEFAULT_NAME)


def _open(db: Path | None, lang: LangCode, create: bool = False,
          beside: Path | None = None, write: bool = False) -> Register:
    from ocop_rate.errors import OcopError
    from ocop_rate.register.schema import LATEST
    from ocop_rate.register.store import open_register

    path = _path(db, beside)
    try:
        register = open_register(path, create=create, write=create or write)
    except OcopError as exc:
        _stop(exc, lang)
    if register.migrated_from:
        _note("register.migrated", lang, path=str(path), old=register.migrated_from, new=LATEST)
    return register


def _run(register: Register, lang: LangCode, action: Callable[[], T]) -> T:
    """Call ``action()``, turning our errors and a damaged file into exit 2."""
    import sqlite3

    from ocop_rate.errors import OcopError, Problem

    try:
        return action()
    except OcopError as exc:
        _stop(exc, lang)
    except sqlite3.DatabaseError as exc:
        _stop(OcopError(Problem.of("register.damaged", None, path=str(register.path),
                                   reason=str(exc))), lang)
    finally:
        register.close()


def _decision(number: str, on: str, authority: AuthorityChoice, signer: str | None,
              lang: LangCode, province: str | None = None) -> Decision:
    from ocop_rate.register.ledger import Decision

    return Decision(number.strip(), _date(on, lang), authority.value,
                    signer, province)


def _print(renderable: object) -> None:
    from ocop_rate.cli.common import _console

    _console().print(renderable)


def _write_output(data: str | bytes, output: Path, register_path: Path, lang: LangCode,
                  encoding: str = "utf-8") -> None:
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.report.output import write_atomic

    target = output.resolve()
    own = {register_path.resolve(), *(Path(f"{register_path.resolve()}{s}")
                                      for s in ("-wal", "-shm", "-journal"))}
    if target in own:
        _stop(OcopError(Problem.of("register.export_overwrites", None, path=str(output))), lang)
    try:
        write_atomic(output, data, encoding=encoding)
    except OSError as exc:
        _stop(OcopError(Problem.of("common.cannot_write", None, path=str(output),
                                   reason=exc.strerror or "")), lang)


# --- recording ------------------------------------------------------------------------------

@register_app.command()
def record(
    round_json: Annotated[Path, typer.Argument(
        metavar="RESULTS.json", help="The round as rated: 'ocop-rate rate … -f json -o FILE'.",
        show_default=False)],
    decision: DecisionOpt,
    on: DateOpt,
    cert: Annotated[list[str] | None, typer.Option(
        "--cert", help="PRODUCT_ID=CERTIFICATE_NUMBER[@ISSUE_DATE] for each recognised "
        "product (repeatable; issue date defaults to the decision's).", show_default=False)]
    = None,
    certificates: Annotated[Path | None, typer.Option(
        "--certificates", dir_okay=False, show_default=False,
        help="CSV or XLSX with product_id, certificate (số GCN) and optionally issued_on.")]
    = None,
    authority: Annotated[AuthorityChoice, typer.Option(
        "--authority", help="Who signed the decision: province-chair (3-4 stars; approval of "
        "5-star proposals) or minister (5 stars).")] = AuthorityChoice.province_chair,
    signer: SignerOpt = None,
    kind: Annotated[KindChoice | None, typer.Option(
        "--kind", help="Force the kind of rating (default: from the register: first, upgrade, "
        "or re-evaluation once the window has opened).", show_default=False)] = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Record a round's decision: ratings, certificates, 5-star proposals (ghi quyết định)."""
    from ocop_rate.errors import OcopError
    from ocop_rate.register.record import read_round, record_round

    language: LangCode = "en" if lang is Lang.en else "vi"
    dec = _decision(decision, on, authority, signer, language)
    try:
        results = read_round(round_json, dec.authority)
        grants = _grants(cert or [], certificates, language)
    except OcopError as exc:
        _stop(exc, language)
    province = next((r.product.province for r in results if r.product.province), None)
    dec = _decision(decision, on, authority, signer, language, province)
    register = _open(db, language, create=True, beside=round_json)
    done = _run(register, language, lambda: record_round(
        register, results, dec, grants, str(round_json),
        None if kind is None else kind.value))
    from ocop_rate.report.register_view import day

    _warn(done.warnings, language)
    if done.derived:
        _note("register.outcome_derived", language, count=done.derived)
    _note("register.recorded", language, ratings=done.ratings, certificates=done.certificates,
          proposals=done.proposals, decision=dec.number, date=day(dec.on, language))


def _grants(cert: list[str], certificates: Path | None, lang: LangCode
            ) -> dict[str, CertificateGrant]:
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.register.dates import parse_date
    from ocop_rate.register.record import CertificateGrant

    grants: dict[str, CertificateGrant] = {}
    for value in cert:
        pid, sep, rest = value.partition("=")
        number, _, issued = rest.partition("@")
        issued_on = parse_date(issued) if issued else None
        if not sep or not pid.strip() or not number.strip() or (issued and issued_on is None):
            raise OcopError(Problem.of("register.cert_option", None, value=value))
        grants[pid.strip()] = CertificateGrant(number.strip(), issued_on)
    if certificates is not None:
        from ocop_rate.register.importing import grants_from_file

        grants.update(grants_from_file(certificates))
    return grants


@register_app.command()
def queue(db: DbOpt = None, lang: LangOpt = Lang.vi,
          fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table
          ) -> None:
    """Products proposed for 5 stars, waiting for the Ministry's result (Điều 7.3.e)."""
    from ocop_rate.register.queries import pending_proposals
    from ocop_rate.report import register_view as view
    from ocop_rate.report.register_view import day, new_table

    language: LangCode = "en" if lang is Lang.en else "vi"
    register = _open(db, language)
    items = _run(register, language, lambda: pending_proposals(register))
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


class ResultStars(StrEnum):
    five = "5"
    four = "4"
    three = "3"
    none = "none"


@register_app.command()
def result(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_ID", show_default=False)],
    stars: Annotated[ResultStars, typer.Option(
        "--stars", help="5: the Minister recognised 5 stars; 4 or 3: returned under 90 "
        "points, the province recognises this class (Điều 7.4.g); none: returned, no class.",
        show_default=False)],
    decision: Annotated[str | None, typer.Option("--decision", show_default=False,
                                                 help="Decision number.")] = None,
    on: Annotated[str | None, typer.Option("--date", show_default=False,
                                           help="Date of the decision.")] = None,
    certificate: Annotated[str | None, typer.Option("--cert", show_default=False,
                                                    help="Certificate number.")] = None,
    issued: Annotated[str | None, typer.Option("--issued", show_default=False,
                                               help="Issue date (default: the decision's).")]
    = None,
    total: Annotated[float | None, typer.Option("--total", show_default=False,
                                                help="The central council's total.")] = None,
    authority: Annotated[AuthorityChoice | None, typer.Option(
        "--authority", show_default=False,
        help="Who signed (default: minister for 5 stars, province-chair for 3-4).")] = None,
    signer: SignerOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Record the Ministry's result on a 5-star proposal (kết quả cấp trung ương)."""
    from ocop_rate.register.changes import ministry_result

    language: LangCode = "en" if lang is Lang.en else "vi"
    n = None if stars is ResultStars.none else int(stars.value)
    dec = None
    if decision is not None and on is not None:
        who = authority or (AuthorityChoice.minister if n == 5
                            else AuthorityChoice.province_chair)
        dec = _decision(decision, on, who, signer, language)
    issued_on = None if issued is None else _date(issued, language)
    register = _open(db, language, write=True)
    done = _run(register, language, lambda: ministry_result(
        register, ident, n, dec, certificate, issued_on, total))
    from ocop_rate.report.register_view import label

    _note("register.result_recorded", language, product=ident,
          state=label(done.detail, language))


@register_app.command("file")
def file_(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_ID", show_default=False)],
    on: DateOpt,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Record that a re-evaluation dossier was filed (nộp hồ sơ đánh giá lại, Điều 7.6.a)."""
    from ocop_rate.register.changes import file_reevaluation

    language: LangCode = "en" if lang is Lang.en else "vi"
    filed = _date(on, language)
    register = _open(db, language, write=True)
    done = _run(register, language, lambda: file_reevaluation(register, ident, filed))
    _warn(done.warnings, language)
    _note("register.filed", language, certificate=done.reference)
    raise typer.Exit(EXIT_SHORT if done.warnings else EXIT_OK)


@register_app.command()
def revoke(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_OR_CERTIFICATE",
                                         show_default=False)],
    ground: Annotated[str, typer.Option(
        "--ground", help="Điều 8.1: a (false dossier), b (criteria no longer met), c (law "
        "broken), d (OCOP mark misused), đ or dd (no longer produced), e (other, on a "
        "competent authority's conclusion).", show_default=False)],
    decision: DecisionOpt,
    on: DateOpt,
    authority: Annotated[AuthorityChoice, typer.Option(
        "--authority", help="Who signed: province-chair (3-4 stars) or minister (5 stars), "
        "Điều 8.2.", show_default=False)],
    concluded: Annotated[str | None, typer.Option(
        "--concluded", show_default=False,
        help="Date of the conclusion revoked on (Điều 8.4: revoke within 15 days).")] = None,
    signer: SignerOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Revoke a certificate (thu hồi giấy chứng nhận, Điều 8)."""
    from ocop_rate.register.changes import revoke as do_revoke

    language: LangCode = "en" if lang is Lang.en else "vi"
    dec = _decision(decision, on, authority, signer, language)
    concluded_on = None if concluded is None else _date(concluded, language)
    register = _open(db, language, write=True)
    done = _run(register, language, lambda: do_revoke(register, ident, ground, dec,
                                                      concluded_on))
    _warn(done.warnings, language)
    _note("register.revoked", language, certificate=done.reference, ground=done.detail)


# --- asking ---------------------------------------------------------------------------------

@register_app.command()
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

    language: LangCode = "en" if lang is Lang.en else "vi"
    day = _on(on, language)
    register = _open(db, language)
    items = _run(register, language, lambda: ask(register, day, within))
    if fmt is ViewFormat.json:
        sys.stdout.write(view.due_json(items))
    elif not items:
        _note("register.nothing_due", language)
    else:
        _print(view.due_table(items, day, language))


@register_app.command()
def expired(
    on: OnOpt = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Certificates past their term (and late filers still extended, Điều 12.3)."""
    from ocop_rate.register.queries import expired as ask
    from ocop_rate.report import register_view as view

    language: LangCode = "en" if lang is Lang.en else "vi"
    day = _on(on, language)
    register = _open(db, language)
    items = _run(register, language, lambda: ask(register, day))
    if fmt is ViewFormat.json:
        sys.stdout.write(view.to_json(items))
    elif not items:
        _note("register.nothing", language)
    else:
        _print(view.expired_table(items, day, language))


@register_app.command("list")
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

    language: LangCode = "en" if lang is Lang.en else "vi"
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


@register_app.command()
def history(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_OR_CERTIFICATE", show_default=False)],
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f")] = ViewFormat.table,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Every rating, class and certificate of a product (lịch sử sản phẩm)."""
    from ocop_rate.register.queries import history as ask
    from ocop_rate.report import register_view as view

    language: LangCode = "en" if lang is Lang.en else "vi"
    register = _open(db, language)
    product, events = _run(register, language, lambda: ask(register, ident))
    if fmt is ViewFormat.json:
        sys.stdout.write(view.history_json(product.product_id, events))
    else:
        _print(view.history_table(product.product_id, product.name, events, language))


@register_app.command()
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

    language: LangCode = "en" if lang is Lang.en else "vi"
    day = _on(on, language)
    register = _open(db, language)
    rows = _run(register, language, lambda: ask(register, day))
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


# --- import and export ----------------------------------------------------------------------

@register_app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(metavar="FILE.xlsx", show_default=False,
                                           help="An existing register, one certificate a "
                                           "row (.xlsx or .csv).")],
    partial: Annotated[bool, typer.Option(
        "--partial", help="Write the good rows and report the others (default: nothing is "
        "written unless every row is good).")] = False,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Import an existing register from a workbook (nhập sổ đăng ký)."""
    from ocop_rate.errors import OcopError
    from ocop_rate.register.importing import import_file

    language: LangCode = "en" if lang is Lang.en else "vi"
    register = _open(db, language, create=True)
    path = register.path
    try:
        done = _run(register, language, lambda: import_file(register, source, partial))
    except typer.Exit:
        raise
    except OcopError as exc:   # pragma: no cover - _run maps these
        _stop(exc, language)
    if done.problems:
        _warn(done.problems, language)
    _note("register.imported", language, written=done.written, rows=done.rows, path=str(path))
    raise typer.Exit(EXIT_SHORT if done.problems else EXIT_OK)


@register_app.command()
def export(
    output: Annotated[Path, typer.Argument(metavar="OUT.xlsx|OUT.csv|OUT.json",
                                           show_default=False, dir_okay=False)],
    on: OnOpt = None,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Every certificate, with its status, to a file that 'register import' reads back."""
    from ocop_rate.register.queries import Filters, listing

    language: LangCode = "en" if lang is Lang.en else "vi"
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


def show_registrations(db: Path, result: BatchResult, lang: LangCode) -> None:
    """The hook ``rate --register DB`` calls: what the register says, on stderr."""
    from ocop_rate.report.rows import rows

    _say(registration_lines(db, [(r.product_id, r.stars) for r in rows(result, lang)], lang))


def registration_lines(db: Path, products: list[tuple[str, int | None]], lang: LangCode
                       ) -> list[str]:
    """What ``rate --register DB`` prints: each product's registration kind and previous
    class, and the flags (upgrade that does not rise, filing outside the window)."""
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.register.dates import today
    from ocop_rate.register.hook import registrations
    from ocop_rate.report.register_view import label

    try:
        found = registrations(db, products, today())
    except OcopError as exc:
        _stop(exc, lang)
    none = _localised(Problem.of("register.none"), lang)
    lines = [_localised(Problem.of("register.rate_heading", None, path=str(db)), lang)]
    for r in found:
        previous = none if r.previous_stars is None else \
            f"{r.previous_stars}★ ({r.previous_certificate})"
        lines.append("  " + _localised(Problem.of("register.rate_line", None,
                                                  product=r.product_id,
                                                  kind=label(r.kind, lang),
                                                  previous=previous), lang))
        for message_id, params in r.flags:
            lines.append("    ⚠ " + _localised(Problem.of(message_id, None, **params), lang))
    return lines
