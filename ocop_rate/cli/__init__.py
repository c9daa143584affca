"""The ``ocop-rate`` command: a thin typer face over the library, one module per command
group (``rate``, ``rubrics``, ``checks``). Importing this package registers every command."""

from ocop_rate.cli import (  # noqa: F401  (registers the commands)
    checks,
    documents,
    rate,
    register,
    register_lists,
    rubrics,
)
from ocop_rate.cli import round as round_commands  # noqa: F401
from ocop_rate.cli.app import app, main

__all__ = ["app", "main"]
