"""Allow ``python -m ocop_rate``."""

from ocop_rate.cli import main

main()
