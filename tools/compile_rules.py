"""Compile the bundled rubrics (scoring_rules/) into ocop_rate/loading/compiled_rules.jsonl.

    python tools/compile_rules.py          # rewrite the compiled file
    python tools/compile_rules.py --check  # exit 1 when it is stale (what the test checks)

Run it after changing any file in scoring_rules/ or the loader, the rubric model or the
lints (ocop_rate.loading.compiled.CODE_FILES). Commands read the compiled file only while
it matches the rule files' sha256 and that code, so a stale file is slow, never wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocop_rate.checks.compiled_record import compile_text  # noqa: E402
from ocop_rate.loading.compiled import COMPILED_FILE  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is stale")
    args = parser.parse_args()
    fresh = compile_text(ROOT / "scoring_rules")
    current = COMPILED_FILE.read_text(encoding="utf-8") if COMPILED_FILE.is_file() else ""
    if args.check:
        if fresh != current:
            print(f"{COMPILED_FILE} is stale: run python tools/compile_rules.py")
            return 1
        print(f"{COMPILED_FILE} is up to date")
        return 0
    COMPILED_FILE.write_text(fresh, encoding="utf-8")
    print(f"wrote {COMPILED_FILE} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
