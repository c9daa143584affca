"""The ``ocop-rate`` command: a thin typer face over the library, one module per command
group (``rate``, ``rubrics``, ``checks``, ``round``, ``documents``, ``register_ask``,
``register_change``, ``register_lists``). Importing this package registers every command,
in the order help lists them; command modules import no other command module (what they
share is in ``common``, ``formats``, ``round_common`` and ``register_common``)."""

from ocop_rate.cli import (  # noqa: F401  (registers the commands)  # noqa: F401
    checks,
    documents,
    rate,
    register_ask,
    register_change,
    register_lists,
    rubrics,
)
from ocop_rate.cli import round as round_commands  # noqa: F401
from ocop_rate.cli.app import app, main

__all__ = ["app", "main"]
