"""Issue 19: an option several commands take is declared once (cli/common.py, or
cli/register_common.py for the register's own), so its flags, checks and default source
cannot drift apart between commands. Same-named options that mean something else, or
whose default or requiredness differs, are declared apart on purpose: listed here, each
with why."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import ocop_rate.cli

CLI = Path(ocop_rate.cli.__file__).parent

# flag -> how many declarations, and why they are not one
APART: dict[str, tuple[int, str]] = {
    "--date": (3, "printed date (rate, round document); the round's own (round new); a "
                  "decision's (register record/result/revoke)"),
    "--level": (2, "rate/round new default province; rate round: None = round.yaml's"),
    "--members": (2, "rate: show members' sheets (flag); rate template: a count"),
    "--db": (2, "places reads no $OCOP_REGISTER: the register is checked only when named"),
    "--province": (2, "round new: the round's province; register: a filter"),
    "--within": (2, "register due: 90 days; register worklist: 30"),
    "--authority": (3, "record: default province-chair; result: from the stars; revoke: "
                       "required"),
    "--stars": (2, "register result: the Ministry's outcome; register list: a filter"),
    "--cert": (2, "record: PRODUCT=NUMBER pairs; result: one number"),
}


def _declared_flags() -> Counter[str]:
    """Each ``typer.Option(...)`` call in the cli package, by its first flag."""
    flags: Counter[str] = Counter()
    for module in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and ast.unparse(node.func) == "typer.Option"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                flags[str(node.args[0].value)] += 1
    return flags


def test_every_shared_option_is_declared_once() -> None:
    flags = _declared_flags()
    assert {"--output", "--lang", "--rules", "--format", "--on", "--group"} <= set(flags)
    repeated = {flag: count for flag, count in flags.items() if count > 1}
    assert repeated == {flag: count for flag, (count, _why) in APART.items()}
