"""The one registry of output formats: which formats each subject has, and which function
draws each (subject × format).

Every command asks here: its ``--format`` is checked against its subject's formats while
the command line is parsed (before anything is read or written), and the command draws by
looking the pair up — never by testing the format's name. A format a subject does not have
is refused (exit 2, the formats it does have listed); nothing falls through to another
format. This module imports nothing heavy (``--help`` reads it for the choices).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from ocop_rate.models.rubric import Rubric

Kind = Literal["text", "bytes", "blocks"]
"""What a drawer returns: text (a str or its chunks), bytes (a file: needs ``--output``), or
blocks for the terminal (rich renderables, printed or captured as text)."""
Wrap = Literal["never", "always", "located"]
"""How the terminal wraps a block that is wider than the screen (``soft_wrap``): never
(rich folds it), always, or all but an error line (``✗ file:line: …``, kept on one line)."""

FORMATS: tuple[str, ...] = ("table", "json", "csv", "markdown", "html", "xlsx", "docx",
                            "sheets", "results", "junit", "github", "yaml")
"""Every format name any command knows, in the order help lists them."""


class Asked(NamedTuple):
    """What a drawing of a subject may need besides the subject itself. (Named tuples, not
    dataclasses, here: this module is read at every start-up, and they are built faster.)"""

    lang: Literal["vi", "en"]
    width: int = 120  # the terminal's (or a file's) width, for blocks
    day: dt.date | None = None  # the date printed on sheets and minutes
    members: bool = False  # rate --members: each product's sheets before the table
    rubrics: Mapping[str, Rubric] = MappingProxyType({})


class Drawer(NamedTuple):
    """One cell of the matrix: ``target`` is ``module:function``, imported when drawn."""

    target: str
    kind: Kind = "text"
    encoding: str = "utf-8"
    wrap: Wrap = "never"
    file_width: int = 120  # blocks written to a file are laid out this wide
    stream: bool = False  # takes products as they are scored (memory stays flat)
    data_only: bool = False  # holds the products only: a round's own problems go to stderr

    def load(self) -> Callable[[Any, Asked], Any]:
        from importlib import import_module

        module, _, name = self.target.partition(":")
        drawn: Callable[[Any, Asked], Any] = getattr(import_module(module), name)
        return drawn


CSV = "utf-8-sig"  # Excel opens a CSV with a BOM as UTF-8 (diacritics survive)
_V = "ocop_rate.views."


def _batch_like(module: str, wrap: Wrap, stream: bool) -> dict[str, Drawer]:
    """A batch and a round have the same formats, each drawn by its own module."""
    return {
        "table": Drawer(f"{_V}{module}:terminal", "blocks", wrap=wrap),
        "json": Drawer(f"{_V}{module}:json", stream=stream, data_only=True),
        "csv": Drawer(f"{_V}{module}:csv", encoding=CSV, stream=stream, data_only=True),
        "markdown": Drawer(f"{_V}{module}:markdown"),
        "html": Drawer(f"{_V}{module}:html"),
        "xlsx": Drawer(f"{_V}{module}:xlsx", "bytes"),
        "docx": Drawer(f"{_V}{module}:docx", "bytes"),
        "sheets": Drawer(f"{_V}{module}:sheets", data_only=True),
        "results": Drawer(f"{_V}{module}:results", data_only=True),
    }


def _checks(name: str) -> dict[str, Drawer]:
    return {
        "table": Drawer(f"{_V}checks:{name}_table", "blocks", wrap="always"),
        "json": Drawer(f"{_V}checks:{name}_json"),
        "junit": Drawer(f"{_V}checks:{name}_junit"),
        "github": Drawer(f"{_V}checks:{name}_github"),
    }


def _register(name: str, *more: str) -> dict[str, Drawer]:
    found = {"table": Drawer(f"{_V}register:{name}_table", "blocks", file_width=160),
             "json": Drawer(f"{_V}register:{name}_json")}
    if "csv" in more:
        found["csv"] = Drawer(f"{_V}register:{name}_csv", encoding=CSV)
    if "xlsx" in more:
        found["xlsx"] = Drawer(f"{_V}register:{name}_xlsx", "bytes")
    return found


SUBJECTS: dict[str, dict[str, Drawer]] = {
    "batch": _batch_like("batch", "located", stream=True),
    "round": _batch_like("round", "located", stream=False),
    "product": {"table": Drawer(f"{_V}product:terminal", "blocks", file_width=140),
                "json": Drawer(f"{_V}product:json"),
                "sheets": Drawer(f"{_V}product:sheets")},
    "summary": {"table": Drawer(f"{_V}summary:terminal", "blocks"),
                "json": Drawer(f"{_V}summary:json"),
                "markdown": Drawer(f"{_V}summary:markdown")},
    "template": {"yaml": Drawer(f"{_V}template:yaml"),
                 "xlsx": Drawer(f"{_V}template:xlsx", "bytes")},
    "rubrics": {"table": Drawer(f"{_V}rubric:list_table", "blocks"),
                "json": Drawer(f"{_V}rubric:list_json")},
    "rubric": {"table": Drawer(f"{_V}rubric:sheet_table", "blocks"),
               "json": Drawer(f"{_V}rubric:sheet_json")},
    "lints": _checks("lints"),
    "diff": _checks("diff"),
    "golden": _checks("golden"),
    "round-status": {"table": Drawer(f"{_V}round:status_table", "blocks", wrap="located"),
                     "json": Drawer(f"{_V}round:status_json"),
                     "markdown": Drawer(f"{_V}round:markdown")},
    "register-queue": _register("queue"),
    "register-due": _register("due"),
    "register-expired": _register("expired"),
    "register-list": _register("listing", "csv", "xlsx"),
    "register-export": {k: v for k, v in _register("listing", "csv", "xlsx").items()
                        if k != "table"},
    "register-history": _register("history"),
    "register-counts": _register("counts"),
    "register-worklist": {
        "table": Drawer(f"{_V}worklist:worklist_table", "blocks", file_width=160),
        "json": Drawer(f"{_V}worklist:worklist_json"),
        "csv": Drawer(f"{_V}worklist:worklist_csv", encoding=CSV),
        "xlsx": Drawer(f"{_V}worklist:worklist_xlsx", "bytes"),
        "docx": Drawer(f"{_V}worklist:worklist_docx", "bytes")},
    "register-stats": {"table": Drawer(f"{_V}stats:stats_table", "blocks", file_width=160),
                       "json": Drawer(f"{_V}stats:stats_json"),
                       "csv": Drawer(f"{_V}stats:stats_csv", encoding=CSV)},
    # a council document is a Word file by nature: its -o suffix names the format
    "round-document": {"docx": Drawer(f"{_V}lists:document_docx", "bytes")},
}
"""Subject -> format -> drawer. A subject's formats are exactly its keys."""

COMMANDS: dict[tuple[str, ...], str] = {
    ("rate",): "batch", ("explain",): "product", ("summary",): "summary",
    ("template",): "template", ("rubrics", "list"): "rubrics", ("rubrics", "show"): "rubric",
    ("validate",): "lints", ("diff",): "diff", ("check",): "golden",
    ("round", "status"): "round-status",
    **{("register", name): f"register-{name}"
       for name in ("queue", "due", "expired", "list", "history", "counts", "worklist",
                    "stats")},
}
"""The subject each command's ``--format`` names (``rate`` of a round folder: ``round``)."""


def formats(subject: str) -> tuple[str, ...]:
    """The formats ``subject`` has, in :data:`FORMATS` order."""
    own = SUBJECTS[subject]
    return tuple(f for f in FORMATS if f in own)


def has(subject: str, fmt: str) -> bool:
    return fmt in SUBJECTS[subject]


def drawer(subject: str, fmt: str) -> Drawer:
    """The drawer of one cell; a KeyError for a format the subject does not have (callers
    ask :func:`has` first: the command line refuses such a format before any work)."""
    return SUBJECTS[subject][fmt]


def needs_file(subject: str, fmt: str) -> bool:
    """A format drawn as a file's bytes (a workbook, a document) cannot go to a screen."""
    return drawer(subject, fmt).kind == "bytes"


def subject_of(path: tuple[str, ...]) -> str | None:
    """The subject of the command ``path`` (e.g. ``("register", "list")``), if it has one."""
    return COMMANDS.get(path)
