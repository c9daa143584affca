"""The ``ocop-rate`` typer app and its entry point; command groups register on it.

Exit codes (README, DESIGN.md): 0 all rated / nothing fell short; 1 ran, but something fell
short (a dossier could not be rated); 2 usage error or invalid input that stopped the run.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ocop_rate import __version__
from ocop_rate.cli.common import EXIT_OK
from ocop_rate.cli.help import OcopGroup

HELP = (
    "Chấm điểm, phân hạng sản phẩm OCOP theo bộ tiêu chí — rate OCOP products "
    "(One Commune One Product) against the official scoring sheets.\n\n"
    "Exit codes: 0 all rated; 1 some dossier could not be rated; 2 usage or input error."
)

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None, cls=OcopGroup)
rubrics_app = typer.Typer(help="List and show the scoring rubrics (phiếu đánh giá).",
                          cls=OcopGroup,
                          no_args_is_help=True)
app.add_typer(rubrics_app, name="rubrics")

def _version(value: bool) -> None:
    if value:
        typer.echo(f"ocop-rate {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Rate OCOP products against the official scoring sheets."""


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        from ocop_rate.cli.common import spoken
        from ocop_rate.messages import text

        sys.stderr.write(text("cli.interrupted", spoken()) + "\n")
        sys.exit(130)


