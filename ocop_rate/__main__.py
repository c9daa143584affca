"""Allow ``python -m ocop_rate``."""

from ocop_rate.cli import run

run()
