"""Allow ``python -m ocop_rate``."""

from ocop_rate.launch import run

run()
