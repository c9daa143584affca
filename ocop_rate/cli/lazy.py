"""The click command tree of ``ocop-rate``, each command converted only when it is used.

Typer turns every registered command into a click command before it parses the command line:
it reads each function's signature and evaluates its annotations, about 60 ms for the 23
commands, paid by every run (``--help`` and ``rate ONE.yaml`` alike) although a run uses
one. :func:`command_tree` builds the same tree with each group's commands held in a
:class:`LazyCommands` mapping, which converts a command the first time it is looked up. The
tree is typer's own (its group classes, callbacks and converter), so a command behaves exactly
as typer builds it; ``typer.testing.CliRunner`` still builds the whole tree at once, and
tests/unit/cli/test_cli_lazy.py holds both to the same help and results.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer
    from typer._click import Command
    from typer.models import CommandInfo


class LazyCommands(MutableMapping[str, "Command"]):
    """A group's commands by name, in typer's order; a command is converted on first use."""

    def __init__(self, ready: dict[str, Command], pending: dict[str, CommandInfo],
                 root: typer.Typer) -> None:
        self._order = [*pending, *(name for name in ready if name not in pending)]
        self._ready = dict(ready)
        self._pending = dict(pending)
        self._root = root  # typer converts every command with the root app's settings

    def __getitem__(self, name: str) -> Command:
        if name not in self._ready:
            info = self._pending.pop(name)  # KeyError for a name the group does not have
            from typer.main import get_command_from_info

            self._ready[name] = get_command_from_info(
                info, pretty_exceptions_short=self._root.pretty_exceptions_short,
                rich_markup_mode=self._root.rich_markup_mode)
        return self._ready[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._pending.pop(name, None)
        if name not in self._ready and name not in self._order:
            self._order.append(name)
        self._ready[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._ready and name not in self._pending:
            raise KeyError(name)
        self._ready.pop(name, None)
        self._pending.pop(name, None)
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._ready or name in self._pending

    def hidden(self, name: str) -> bool:
        """Whether the command is hidden from help, without converting it."""
        if name in self._pending:
            return bool(self._pending[name].hidden)
        return bool(self._ready[name].hidden)


def _name(info: CommandInfo) -> str:
    from typer.main import get_command_name

    return info.name or get_command_name(info.callback.__name__)  # type: ignore[union-attr]


def command_tree(app: typer.Typer) -> Command:
    """``app`` as typer would build it for click, every command left unconverted until a
    run looks it up. The typer apps are emptied of their commands while typer builds the
    groups, then given them back."""
    from typer.main import get_command

    apps: list[typer.Typer] = []

    def collect(node: typer.Typer) -> None:
        apps.append(node)
        for group in node.registered_groups:
            if group.typer_instance is not None:
                collect(group.typer_instance)

    collect(app)
    held = {id(node): node.registered_commands for node in apps}
    try:
        for node in apps:
            node.registered_commands = []
        tree = get_command(app)
    finally:
        for node in apps:
            node.registered_commands = held[id(node)]
    _attach(tree, app, app)
    return tree


def _attach(group: Command, node: typer.Typer, root: typer.Typer) -> None:
    """Give ``group`` (built from ``node`` without its commands) a lazy mapping of them, and
    do the same for its sub-groups."""
    from typer.core import TyperGroup

    if not isinstance(group, TyperGroup):
        return
    for sub in node.registered_groups:
        if sub.typer_instance is not None and sub.name is not None \
                and sub.name in group.commands:
            _attach(group.commands[sub.name], sub.typer_instance, root)
    pending = {_name(info): info for info in node.registered_commands}
    group.commands = LazyCommands(dict(group.commands), pending, root)
