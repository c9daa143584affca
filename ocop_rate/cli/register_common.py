"""``ocop-rate register …``: the certificate register (sổ đăng ký giấy chứng nhận OCOP).

The register is an SQLite file: ``--db``, else ``$OCOP_REGISTER``, else
``ocop-register.sqlite`` beside the round being recorded (or in the current folder).
Only ``record`` and ``import`` create it; a file that is not a register is never written.

What the register's commands share (their group, options, opening and asking the register,
writing an export); the commands are in :mod:`~ocop_rate.cli.register_ask` and
:mod:`~ocop_rate.cli.register_change`. Not a command module: it imports no command.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import LangCode
from ocop_rate.cli.help import OcopGroup

if TYPE_CHECKING:
    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.models.rating import BatchResult
    from ocop_rate.register.ledger import Decision
    from ocop_rate.register.store import Register

register_app = typer.Typer(
    help="Sổ đăng ký giấy chứng nhận OCOP — the certificate register: 36-month terms, the "
    "re-evaluation window, revocations and each product's history (Decision 26/2026).",
    no_args_is_help=True, cls=OcopGroup)
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


class StatusChoice(StrEnum):
    valid = "valid"
    extended = "extended"
    expired = "expired"
    revoked = "revoked"
    superseded = "superseded"


# The register's own options (those every group shares are in cli.common). A decision's
# number and date are asked for by ``record`` and ``revoke`` (required) and by ``result``
# (only when a class is recognised): one declaration each, two types.
_DECISION = typer.Option("--decision", help="Decision number, e.g. '1234/QĐ-UBND'.",
                         show_default=False)
DecisionOpt = Annotated[str, _DECISION]
MaybeDecisionOpt = Annotated[str | None, _DECISION]
_DECISION_DATE = typer.Option("--date", help="Date of the decision (dd/mm/yyyy or "
                              "yyyy-mm-dd).", show_default=False)
DateOpt = Annotated[str, _DECISION_DATE]
MaybeDateOpt = Annotated[str | None, _DECISION_DATE]
SignerOpt = Annotated[str | None, typer.Option("--signer", help="Who signed (name, title).",
                                               show_default=False)]
ProvinceOpt = Annotated[str | None, typer.Option("--province", help="Only this province.",
                                                 show_default=False)]
CommuneOpt = Annotated[str | None, typer.Option("--commune", help="Only this commune.",
                                                show_default=False)]


# --- plumbing -------------------------------------------------------------------------------

def _stop(exc: OcopError, lang: LangCode) -> NoReturn:
    """Stop with ``exc`` (exit 2), said as every command says its errors (cli.common)."""
    from ocop_rate.cli.common import _fail

    _fail(exc)


def _warn(problems: list[Problem], lang: LangCode) -> None:
    from ocop_rate.cli.common import _warn_problems

    _warn_problems(problems)


def _note(message_id: str, lang: LangCode, **params: object) -> None:
    from ocop_rate.cli.common import _note as note

    note(message_id, **params)


def _date(value: str, lang: LangCode, option: str = "--date") -> date:
    from ocop_rate.cli.common import _day

    return _day(value, option)


def _on(value: str | None, lang: LangCode) -> date:
    from ocop_rate.cli.common import _day

    return _day(value, "--on")


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
    elif register.read_older:
        _note("register.read_older", lang, path=str(path), old=register.read_older,
              new=LATEST)
    return register


def _ask(db: Path | None, lang: LangCode, query: Callable[[Register], T]) -> T:
    """Open the register read-only and run ``query`` on it, as every asking command does."""
    register = _open(db, lang)
    return _run(register, lang, lambda: query(register))


def _run(register: Register, lang: LangCode, action: Callable[[], T]) -> T:
    """Call ``action()``, turning our errors and a damaged file into exit 2."""
    import sqlite3

    from ocop_rate.errors import OcopError, Problem
    from ocop_rate.register.store import close_discarding_if_unused

    done = False
    try:
        value = action()
        done = True
        return value
    except OcopError as exc:
        _stop(exc, lang)
    except sqlite3.OperationalError as exc:
        _stop(OcopError(Problem.of("register.unusable", None, path=str(register.path),
                                   reason=str(exc))), lang)
    except sqlite3.IntegrityError as exc:   # a rule of the schema: the change is rolled back
        _stop(OcopError(Problem.of("register.refused", None, path=str(register.path),
                                   reason=str(exc))), lang)
    except sqlite3.DatabaseError as exc:
        _stop(OcopError(Problem.of("register.damaged", None, path=str(register.path),
                                   reason=str(exc))), lang)
    finally:
        if done:
            register.close()
        else:  # a refused first record or import leaves no empty register behind
            close_discarding_if_unused(register)


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


def show_registrations(db: Path, result: BatchResult, lang: LangCode) -> None:
    """The hook ``rate --register DB`` calls: what the register says, on stderr."""
    from ocop_rate.cli.common import _console, _escape
    from ocop_rate.report.rows import rows

    err = _console(stderr=True)
    for line in registration_lines(db, [(r.product_id, r.stars) for r in rows(result, lang)],
                                   lang):
        err.print(_escape(line), highlight=False, soft_wrap=True)


def registration_lines(db: Path, products: list[tuple[str, int | None]], lang: LangCode
                       ) -> list[str]:
    """What ``rate --register DB`` prints: each product's registration kind and previous
    class, and the flags (upgrade that does not rise, filing outside the window)."""
    from ocop_rate.errors import OcopError
    from ocop_rate.messages import text
    from ocop_rate.register.dates import today
    from ocop_rate.register.hook import registrations
    from ocop_rate.views.register import label

    try:
        found = registrations(db, products, today())
    except OcopError as exc:
        _stop(exc, lang)
    none = text("register.none", lang)
    lines = [text("register.rate_heading", lang, path=str(db))]
    for r in found:
        previous = none if r.previous_stars is None else \
            f"{r.previous_stars}★ ({r.previous_certificate})"
        lines.append("  " + text("register.rate_line", lang, product=r.product_id,
                                 kind=label(r.kind, lang), previous=previous))
        for message_id, params in r.flags:
            lines.append("    ⚠ " + text(message_id, lang, params))
    return lines
