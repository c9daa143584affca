"""Defaults shared by the library and the CLI, in a module light enough for start-up."""

DEFAULT_SPREAD = 10.0
"""Points between members' totals above which a product is flagged for discussion.

Provincial council rules have allowed at most 10 points (unconfirmed since 2023)."""
