"""``ocop-rate register`` commands that change the register: record a round's decision,
the Ministry's result, a re-evaluation filing, a revocation, an import."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ocop_rate.cli.common import EXIT_OK, EXIT_SHORT, DbOpt, Lang, LangCode, LangOpt, _code
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.register_common import (
    AuthorityChoice,
    DateOpt,
    DecisionOpt,
    KindChoice,
    MaybeDateOpt,
    MaybeDecisionOpt,
    SignerOpt,
    _date,
    _decision,
    _note,
    _open,
    _run,
    _stop,
    _warn,
    register_app,
)

if TYPE_CHECKING:
    from ocop_rate.register.record import CertificateGrant, RoundResult
    from ocop_rate.register.rules import Authority


# --- recording ------------------------------------------------------------------------------

@register_app.command(cls=OcopCommand)
def record(
    round_json: Annotated[Path, typer.Argument(
        metavar="RESULTS.json|ROUND", help="The round as rated ('ocop-rate rate … -f json -o "
        "FILE'), or the round folder itself (its round.yaml), rated for the recording.",
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

    language = _code(lang)
    dec = _decision(decision, on, authority, signer, language)
    try:
        results = (_rated_round(round_json, dec.authority, language) if round_json.is_dir()
                   else read_round(round_json, dec.authority))
        grants = _grants(cert or [], certificates, language)
    except OcopError as exc:
        _stop(exc, language)
    province = next((r.product.province for r in results if r.product.province), None)
    dec = _decision(decision, on, authority, signer, language, province)
    register = _open(db, language, create=True, beside=round_json)
    done = _run(register, language, lambda: record_round(
        register, results, dec, grants, str(round_json),
        None if kind is None else kind.value))
    from ocop_rate.register.dates import long

    _warn(done.warnings, language)
    if done.derived:
        _note("register.outcome_derived", language, count=done.derived)
    if done.returns_closed:
        _note("register.return_closed", language, products=", ".join(done.returns_closed))
    _note("register.recorded", language, ratings=done.ratings, certificates=done.certificates,
          proposals=done.proposals, decision=dec.number, date=long(dec.on, language))


def _rated_round(folder: Path, authority: Authority, lang: LangCode) -> list[RoundResult]:
    """A round folder rated as ``rate ROUND/ -f json`` rates it (its problems said on
    stderr), its products as the register reads them."""
    from ocop_rate.cli.round_common import rate_round, round_config, round_problems
    from ocop_rate.register.record import round_results
    from ocop_rate.report import round_json

    config = round_config([str(folder)])
    if config is None:
        from ocop_rate.errors import OcopError, Problem

        _stop(OcopError(Problem.of("register.not_a_round", None, path=str(folder))), lang)
    report, result = rate_round(config, None, None)
    round_problems(report, lang)
    return round_results(round_json.products(report, result, lang), str(folder), authority)


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


class ResultStars(StrEnum):
    five = "5"
    four = "4"
    three = "3"
    none = "none"


@register_app.command(cls=OcopCommand)
def result(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_ID", show_default=False)],
    stars: Annotated[ResultStars | None, typer.Option(
        "--stars", help="5: the Minister recognised 5 stars; 4 or 3: returned under 90 "
        "points, the province recognises this class from the central result (Điều 7.4.g); "
        "none: returned, no class.", show_default=False)] = None,
    evaluate_again: Annotated[bool, typer.Option(
        "--evaluate-again", help="Returned under 90 points: the province evaluates it again "
        "under its own authority (Điều 7.4.g); its next provincial rating recorded closes "
        "the return.")] = False,
    decision: MaybeDecisionOpt = None,
    on: MaybeDateOpt = None,
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

    language = _code(lang)
    if (stars is None) == (not evaluate_again):
        from ocop_rate.errors import OcopError, Problem

        _stop(OcopError(Problem.of("register.result_choice", None)), language)
    n = None if stars in (None, ResultStars.none) else int(stars.value)
    dec = None
    if decision is not None and on is not None:
        who = authority or (AuthorityChoice.minister if n == 5
                            else AuthorityChoice.province_chair)
        dec = _decision(decision, on, who, signer, language)
    issued_on = None if issued is None else _date(issued, language)
    register = _open(db, language, write=True)
    done = _run(register, language, lambda: ministry_result(
        register, ident, n, dec, certificate, issued_on, total, evaluate_again))
    from ocop_rate.views.register import label

    _note("register.result_recorded", language, product=ident,
          state=label(done.detail, language))


@register_app.command("file", cls=OcopCommand)
def file_(
    ident: Annotated[str, typer.Argument(metavar="PRODUCT_ID", show_default=False)],
    on: DateOpt,
    db: DbOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Record that a re-evaluation dossier was filed (nộp hồ sơ đánh giá lại, Điều 7.6.a)."""
    from ocop_rate.register.changes import file_reevaluation

    language = _code(lang)
    filed = _date(on, language)
    register = _open(db, language, write=True)
    done = _run(register, language, lambda: file_reevaluation(register, ident, filed))
    _warn(done.warnings, language)
    _note("register.filed", language, certificate=done.reference)
    raise typer.Exit(EXIT_SHORT if done.warnings else EXIT_OK)


@register_app.command(cls=OcopCommand)
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

    language = _code(lang)
    dec = _decision(decision, on, authority, signer, language)
    concluded_on = None if concluded is None else _date(concluded, language)
    register = _open(db, language, write=True)
    done = _run(register, language, lambda: do_revoke(register, ident, ground, dec,
                                                      concluded_on))
    _warn(done.warnings, language)
    from ocop_rate.register.dates import long

    _note("register.revoked", language, certificate=done.reference, ground=done.detail,
          decision=dec.number, date=long(dec.on, language))


@register_app.command("import", cls=OcopCommand)
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

    language = _code(lang)
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


