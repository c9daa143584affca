"""``--help`` in the user's language, with real metavars and an example per command.

Typer's own help shows Python types (``<list[Path]>``, ``<float range>``, ``{PATH}``) and
only the words written in the code. :class:`OcopCommand` lays out the help itself: each
command's description, argument and option words come from the message catalogue, metavars
from :data:`METAVARS`, and the examples from the catalogue too. A text's key names the
command by its path first (``help.register.list``, ``help.register.list.<param>``,
``help.register.list.example``), then by its name alone (``help.list``, the key of
``rubrics list`` from before groups shared command names), then, for a parameter,
``help.param.<param>`` (words every command may share). :func:`help_sources` says which key
each text of a command came from (tests/unit/cli/test_help.py holds every command to its own). The
language is the ``--lang`` on the command line, else ``OCOP_LANG``, else Vietnamese (help
is drawn while the options are parsed, so the command line is kept as given and read for
``--lang``).
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from typer.core import TyperCommand, TyperGroup

from ocop_rate.messages import CATALOGUE, Lang, text

METAVARS: dict[str, str] = {
    "paths": "PATH...", "rules": "FOLDER", "output": "FILE", "expect": "FILE",
    "spread": "POINTS", "tolerance": "POINTS", "date": "DATE", "on": "DATE",
    "dossiers": "PATH", "rules_path": "FOLDER", "group": "GROUP", "rubric_id": "RUBRIC_ID",
    "rubric_ids": "RUBRIC_ID...", "base": "BASE", "head": "HEAD", "more": "[DOSSIER]...",
    "members": "N", "folder": "ROUND", "roster": "FILE", "products": "FILE",
    "name": "NAME", "province": "PROVINCE", "quorum": "N|SHARE|all",
    "answers_due": "YYYY-MM-DD", "register_db": "FILE",
    # the certificate register: a key with a path is for that group's or command's parameter
    "register.db": "FILE", "register.on": "DATE", "register.signer": "NAME",
    "register.decision": "NUMBER", "register.within": "DAYS", "register.commune": "COMMUNE",
    "register.list.stars": "3|4|5", "register.ident": "PRODUCT_ID",
    "register.history.ident": "PRODUCT_OR_CERTIFICATE",
    "register.revoke.ident": "PRODUCT_OR_CERTIFICATE",
    "register.export.output": "FILE.xlsx|FILE.csv|FILE.json",
    "register.record.round_json": "RESULTS.json|ROUND",
    "register.record.cert": "PRODUCT_ID=NUMBER[@DATE]", "register.record.certificates": "FILE",
    "register.result.certificate": "NUMBER", "register.result.issued": "DATE",
    "register.result.total": "POINTS",
    "round.document.kind": "KIND", "round.document.db": "FILE", "round.document.date": "DATE",
    "round.document.office": "NAME", "places.db": "FILE",
    "register.publish.folder": "FOLDER", "register.publish.url_template": "URL",
    "register.publish.title": "TEXT", "register.stats.year": "YEAR",
    "register.worklist.province": "PROVINCE", "register.revoke.ground": "a|b|c|d|đ|e",
    "register.revoke.concluded": "DATE", "register.import.source": "FILE.xlsx|FILE.csv",
}


def help_lang(argv: list[str] | None = None) -> Lang:
    """The language help is drawn in: ``--lang``/``-l`` on the command line, else
    ``OCOP_LANG``, else Vietnamese."""
    args = argv or []
    for index, arg in enumerate(args):
        if arg in ("--lang", "-l") and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "vi"
    return "en" if os.environ.get("OCOP_LANG", "").strip().lower() == "en" else "vi"


def _path(ctx: Any) -> tuple[str, ...]:
    """The command's words after the program's name, e.g. ``("register", "list")``."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(str(ctx.command.name))
        ctx = ctx.parent
    return tuple(reversed(names))


def command_path(ctx: Any) -> tuple[str, ...]:
    """The command's words after the program's name (the registry's key for its subject)."""
    return _path(ctx)


def _keys(path: tuple[str, ...], *tail: str) -> tuple[str, ...]:
    """``help.<path>.<tail>``, then ``help.<name>.<tail>`` (the keys of before paths)."""
    own = ".".join(("help", *path, *tail))
    short = ".".join(("help", path[-1], *tail))
    return (own,) if own == short else (own, short)


def _param_keys(path: tuple[str, ...], name: str) -> tuple[str, ...]:
    return (*_keys(path, name), f"help.param.{name}")


def _found(keys: tuple[str, ...]) -> str | None:
    return next((key for key in keys if key in CATALOGUE), None)


def _said(keys: tuple[str, ...], lang: Lang, fallback: str) -> str:
    key = _found(keys)
    return fallback if key is None else text(key, lang)


def help_sources(command: Any, path: tuple[str, ...]) -> dict[str, str | None]:
    """The catalogue key each text of ``command``'s help comes from (None: the code's own
    words): ``""`` its description, each parameter by name, and ``"example"``; for a group,
    each of its commands' lines as ``"command:<name>"``."""
    if hasattr(command, "commands"):
        found = {"": "help.app" if not path else _found(_keys(path))}
        for name in command.commands:
            found[f"command:{name}"] = _found(_keys((*path, name)))
        for param in command.params:
            found[str(param.name)] = _found((f"help.param.{param.name}",))
        return found
    found = {"": _found(_keys(path)), "example": _found(_keys(path, "example"))}
    for param in command.params:
        found[str(param.name)] = _found(_param_keys(path, str(param.name)))
    return found


def _word(shown: str, lang: Lang) -> str:
    """A metavar in ``lang``: each upper-case word of it through ``help.metavar.<WORD>``."""
    return re.sub(r"[A-Z][A-Z_-]*[A-Z]|\bN\b", lambda m: _said(
        (f"help.metavar.{m.group(0)}",), lang, m.group(0)), shown)


def _metavar(param: Any, lang: Lang = "en", path: tuple[str, ...] = ()) -> str:
    """``param``'s metavar: :data:`METAVARS` by the command's path and the name (the
    longest path first), else by the name, else an enum's choices."""
    for depth in range(len(path), -1, -1):
        key = ".".join((*path[:depth], str(param.name)))
        if key in METAVARS:
            return _word(METAVARS[key], lang)
    if param.name == "fmt":  # a --format's choices are its subject's, from the registry
        from ocop_rate.views.registry import formats, subject_of

        subject = subject_of(path)
        if subject is not None:
            return "|".join(formats(subject))
    from enum import Enum

    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "|".join(str(member.value) for member in annotation)
    return ""


def _remember(ctx: Any, args: list[str]) -> None:
    """Keep the command line as given: help is drawn while it is being parsed."""
    ctx.meta["ocop_args"] = [*ctx.meta.get("ocop_args", []), *args]


def _lang(ctx: Any) -> Lang:
    return help_lang(ctx.meta.get("ocop_args"))


def _param_name(param: Any, lang: Lang, path: tuple[str, ...] = ()) -> str:
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "option":
        return "/".join(param.opts)
    return _metavar(param, lang, path) or str(param.name).upper()


def usage_problem(error: Any, lang: Lang) -> str:
    """A usage error of the command-line parser as our sentence (its own is English)."""
    from typer._click import exceptions as ex

    path = () if getattr(error, "ctx", None) is None else _path(error.ctx)

    if isinstance(error, ex.NoSuchOption):
        close = ", ".join(error.possibilities or ())
        if close:
            return text("usage.no_such_option_close", lang, option=error.option_name,
                        close=close)
        return text("usage.no_such_option", lang, option=error.option_name)
    if isinstance(error, ex.MissingParameter):
        return text("usage.missing", lang, param=_param_name(error.param, lang, path))
    if isinstance(error, ex.BadParameter):
        choices = _metavar(error.param, "en", path) if error.param is not None else ""
        if "|" in choices and not re.search("[A-Z]", choices):  # typed as they are
            return text("usage.choice", lang, param=_param_name(error.param, lang, path),
                        choices=choices.replace("|", ", "))
        return text("usage.bad_value", lang, param=_param_name(error.param, lang, path))
    if isinstance(error, ex.BadOptionUsage):
        return text("usage.option_needs_value", lang, option=error.option_name)
    if "extra argument" in str(error.message):
        return text("usage.extra", lang)
    if "No such command" in str(error.message):
        return text("usage.no_such_command", lang)
    return text("usage.other", lang)


def _localise(error: Any, ctx: Any) -> None:
    """Make ``error`` show itself in the user's language (usage line, hint, sentence)."""
    lang = _lang(ctx)

    def show(file: Any = None) -> None:
        from ocop_rate.text_safety import printable

        out = sys.stderr if file is None else file
        hint = text("usage.hint", lang, command=f"{ctx.command_path} --help")
        said = (f"{ctx.get_usage()}\n{hint}\n\n{text('cli.error', lang)}: "
                f"{usage_problem(error, lang)}")
        # an option or value echoed as typed may hold escapes: shown, never acted on
        out.write("\n".join(printable(line) for line in said.split("\n")) + "\n")

    error.show = show


class OcopCommand(TyperCommand):
    """A command whose help is catalogued and bilingual (see the module's docstring)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from typer._click.exceptions import NoArgsIsHelpError, UsageError

        from ocop_rate.cli.coercion import install

        install(self.get_params(ctx))  # plain options coerced without pydantic (cli.coercion)
        _remember(ctx, args)
        try:
            return list(super().parse_args(ctx, args))
        except NoArgsIsHelpError:
            raise
        except UsageError as error:
            _localise(error, ctx)
            raise

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        lang, path = _lang(ctx), _path(ctx)
        pieces = [_word("[OPTIONS]", lang)]
        for param in self.params:
            if param.param_type_name == "argument":
                shown = _metavar(param, lang, path) or param.name.upper()
                pieces.append(shown if param.required or shown.startswith("[")
                              else f"[{shown}]")
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=f"{text('help.usage', lang)}: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lang, path = _lang(ctx), _path(ctx)
        self.format_usage(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text(_said(_keys(path), lang, self.help or ""))
        arguments = [(_metavar(p, lang, path) or p.name.upper(),
                      _said(_param_keys(path, p.name), lang, getattr(p, "help", "") or ""))
                     for p in self.params if p.param_type_name == "argument"]
        if arguments:
            with formatter.section(text("help.arguments", lang)):
                formatter.write_dl(arguments)
        options = []
        for p in self.get_params(ctx):
            if p.param_type_name != "option":
                continue
            names = ", ".join(p.opts)
            flag = bool(getattr(p, "is_flag", False))
            metavar = "" if flag else _metavar(p, lang, path) or _word("TEXT", lang)
            said = _said(_param_keys(path, p.name), lang, getattr(p, "help", "") or "")
            extra = []
            if p.envvar:
                extra.append(f"{text('help.env', lang)}: {p.envvar}")
            default = p.default
            if not flag and default not in (None, (), []) \
                    and getattr(p, "show_default", None) is not False:
                shown = getattr(default, "value", default)
                extra.append(f"{text('help.default', lang)}: {shown}")
            if extra:
                said += f"  [{'; '.join(extra)}]"
            options.append((f"{names} {metavar}".strip(), said))
        with formatter.section(text("help.options", lang)):
            formatter.write_dl(options)
        example = _found(_keys(path, "example"))
        if example is not None:
            with formatter.section(text("help.examples", lang)):
                for line in text(example, lang).splitlines():
                    formatter.write_text(line)


def _hidden(commands: Any, name: str) -> bool:
    """Whether a command is left out of help; a lazy mapping (:mod:`ocop_rate.cli.lazy`)
    says so without converting the command."""
    hidden = getattr(commands, "hidden", None)
    return bool(hidden(name)) if hidden is not None else bool(commands[name].hidden)


class OcopGroup(TyperGroup):
    """The command group, its own description in the user's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from typer._click.exceptions import NoArgsIsHelpError, UsageError

        from ocop_rate.cli.coercion import install

        install(self.get_params(ctx))  # plain options coerced without pydantic (cli.coercion)
        _remember(ctx, args)
        try:
            return list(super().parse_args(ctx, args))
        except NoArgsIsHelpError:
            raise
        except UsageError as error:
            _localise(error, ctx)
            raise

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        lang = _lang(ctx)
        formatter.write_usage(ctx.command_path, _word("[OPTIONS] COMMAND [ARGS]...", lang),
                              prefix=f"{text('help.usage', lang)}: ")

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        from typer._click.exceptions import UsageError

        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:
            _localise(error, ctx)
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lang, path = _lang(ctx), _path(ctx)
        keys = _keys(path) if path else ("help.app",)
        self.format_usage(ctx, formatter)
        formatter.write_paragraph()
        for paragraph in _said(keys, lang, self.help or "").split("\n\n"):
            formatter.write_text(paragraph)
            formatter.write_paragraph()
        options = [(", ".join(p.opts), _said((f"help.param.{p.name}",), lang,
                                               getattr(p, "help", "") or ""))
                   for p in self.get_params(ctx) if p.param_type_name == "option"]
        with formatter.section(text("help.options", lang)):
            formatter.write_dl(options)
        commands = [(name, (_said(_keys((*path, name)), lang, "") or self.commands[name]
                            .get_short_help_str()).split(". ")[0].split("\n")[0])
                    for name in self.commands if not _hidden(self.commands, name)]
        with formatter.section(text("help.commands", lang)):
            formatter.write_dl(commands)
        own = _found(_keys(path, "example")) if path else None
        with formatter.section(text("help.examples", lang)):
            if own is None:  # the app's own example (and a group without one of its own)
                formatter.write_text(text("help.app.example", lang))
            else:
                for line in text(own, lang).splitlines():
                    formatter.write_text(line)
