"""``--help`` in the user's language, with real metavars and an example per command.

Typer's own help shows Python types (``<list[Path]>``, ``<float range>``, ``{PATH}``) and
only the words written in the code. :class:`OcopCommand` lays out the help itself: each
command's description, argument and option words come from the message catalogue
(``help.<command>``, ``help.<command>.<param>`` or ``help.param.<param>``), metavars from
:data:`METAVARS`, and the examples from ``help.<command>.example``. The language is the
``--lang`` on the command line, else ``OCOP_LANG``, else Vietnamese (help is drawn while
the options are parsed, so the command line is kept as given and read for ``--lang``).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from typer.core import TyperCommand, TyperGroup

from ocop_rate.messages import CATALOGUE, Lang, text

METAVARS: dict[str, str] = {
    "paths": "PATH...", "rules": "FOLDER", "output": "FILE", "expect": "FILE",
    "spread": "POINTS", "tolerance": "POINTS", "date": "YYYY-MM-DD", "on": "YYYY-MM-DD",
    "dossiers": "PATH", "rules_path": "FOLDER", "group": "GROUP", "rubric_id": "RUBRIC_ID",
    "rubric_ids": "RUBRIC_ID...", "base": "BASE", "head": "HEAD", "more": "[DOSSIER]...",
    "members": "N", "folder": "ROUND", "roster": "FILE", "products": "FILE",
    "name": "NAME", "province": "PROVINCE", "quorum": "N|SHARE|all",
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


def _said(keys: tuple[str, ...], lang: Lang, fallback: str) -> str:
    for key in keys:
        if key in CATALOGUE:
            return text(key, lang)
    return fallback


def _word(shown: str, lang: Lang) -> str:
    """A metavar in ``lang``: each upper-case word of it through ``help.metavar.<WORD>``."""
    import re

    return re.sub(r"[A-Z][A-Z_-]*[A-Z]|\bN\b", lambda m: _said(
        (f"help.metavar.{m.group(0)}",), lang, m.group(0)), shown)


def _metavar(param: Any, lang: Lang = "en") -> str:
    if param.name in METAVARS:
        return _word(METAVARS[param.name], lang)
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


def _param_name(param: Any, lang: Lang) -> str:
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "option":
        return "/".join(param.opts)
    return _metavar(param, lang) or str(param.name).upper()


def usage_problem(error: Any, lang: Lang) -> str:
    """A usage error of the command-line parser as our sentence (its own is English)."""
    from typer._click import exceptions as ex

    if isinstance(error, ex.NoSuchOption):
        close = ", ".join(error.possibilities or ())
        if close:
            return text("usage.no_such_option_close", lang, option=error.option_name,
                        close=close)
        return text("usage.no_such_option", lang, option=error.option_name)
    if isinstance(error, ex.MissingParameter):
        return text("usage.missing", lang, param=_param_name(error.param, lang))
    if isinstance(error, ex.BadParameter):
        choices = _metavar(error.param, "en") if error.param is not None else ""
        if "|" in choices:
            return text("usage.choice", lang, param=_param_name(error.param, lang),
                        choices=choices.replace("|", ", "))
        return text("usage.bad_value", lang, param=_param_name(error.param, lang))
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
        from ocop_rate.loading.text_safety import printable

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
        pieces = [_word("[OPTIONS]", lang)]
        for param in self.params:
            if param.param_type_name == "argument":
                shown = _metavar(param, lang) or param.name.upper()
                pieces.append(shown if param.required or shown.startswith("[")
                              else f"[{shown}]")
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=f"{text('help.usage', lang)}: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lang = _lang(ctx)
        name = str(self.name)
        self.format_usage(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text(_said((f"help.{name}",), lang, self.help or ""))
        arguments = [(_metavar(p, lang) or p.name.upper(),
                      _said((f"help.{name}.{p.name}", f"help.param.{p.name}"), lang,
                            getattr(p, "help", "") or ""))
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
            metavar = "" if flag else _metavar(p, lang) or _word("TEXT", lang)
            said = _said((f"help.{name}.{p.name}", f"help.param.{p.name}"), lang,
                         getattr(p, "help", "") or "")
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
        example = f"help.{name}.example"
        if example in CATALOGUE:
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
        lang = _lang(ctx)
        key = "help.app" if ctx.parent is None else f"help.{self.name}"
        self.format_usage(ctx, formatter)
        formatter.write_paragraph()
        for paragraph in _said((key,), lang, self.help or "").split("\n\n"):
            formatter.write_text(paragraph)
            formatter.write_paragraph()
        options = [(", ".join(p.opts), _said((f"help.param.{p.name}",), lang,
                                               getattr(p, "help", "") or ""))
                   for p in self.get_params(ctx) if p.param_type_name == "option"]
        with formatter.section(text("help.options", lang)):
            formatter.write_dl(options)
        commands = [(name, (_said((f"help.{name}",), lang, "") or self.commands[name]
                            .get_short_help_str()).split(". ")[0].split("\n")[0])
                    for name in self.commands if not _hidden(self.commands, name)]
        with formatter.section(text("help.commands", lang)):
            formatter.write_dl(commands)
        with formatter.section(text("help.examples", lang)):
            formatter.write_text(text("help.app.example", lang))
