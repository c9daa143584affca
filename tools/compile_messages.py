"""Compile the message catalogues (ocop_rate/locale/<lang>/LC_MESSAGES/ocop_rate.po) into the
.mo files beside them, which ocop-rate reads at run time with the standard library's gettext.

    python tools/compile_messages.py          # rewrite every .mo from its .po
    python tools/compile_messages.py --check  # exit 1 when a .mo says other than its .po

Run it after editing a .po (by hand, Poedit or Weblate). The .mo files are committed, so a
fresh clone, an editable install and a wheel all work without a build step; Babel (in the
``test`` extra) is needed only here and in the tests, never at run time.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "ocop_rate" / "locale"
DOMAIN = "ocop_rate"


def catalogues() -> list[Path]:
    """Every language's .po file."""
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def messages(catalogue: object) -> dict[str, str]:
    """A Babel catalogue's id -> text (the header left out)."""
    return {m.id: m.string for m in catalogue if m.id}  # type: ignore[attr-defined]


def write_catalogue(po: Path, catalogue: Catalog) -> None:
    """Write ``catalogue`` as the .po files are kept (entries in their order, 100 columns,
    no source locations, no placeholder header fields), so reading and writing a file back
    changes nothing."""
    out = io.BytesIO()
    write_po(out, catalogue, width=100, no_location=True, sort_output=False)
    lines = [line for line in out.getvalue().decode("utf-8").splitlines(keepends=True)
             if not line.startswith('"Report-Msgid-Bugs-To: ')]
    text = "".join(lines).replace('"Project-Id-Version:  ocop-rate\\n"',
                                  '"Project-Id-Version: ocop-rate\\n"', 1)
    po.write_text(text, encoding="utf-8")


def stale(po: Path) -> bool:
    """Whether ``po``'s .mo is missing or says anything other than ``po``."""
    mo = po.with_suffix(".mo")
    if not mo.is_file():
        return True
    with po.open("rb") as source, mo.open("rb") as compiled:
        return messages(read_po(source)) != messages(read_mo(compiled))


def compile_po(po: Path) -> bytes:
    """The .mo bytes of ``po``; a fuzzy entry is not compiled (it waits for review)."""
    with po.open("rb") as source:
        catalogue = read_po(source)
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether a .mo is stale")
    args = parser.parse_args()
    found = catalogues()
    if not found:
        print(f"no {DOMAIN}.po under {LOCALE}")
        return 1
    if args.check:
        bad = [po for po in found if stale(po)]
        for po in bad:
            print(f"{po.with_suffix('.mo')} is stale: run python tools/compile_messages.py")
        if not bad:
            print("every .mo is up to date")
        return 1 if bad else 0
    for po in found:
        po.with_suffix(".mo").write_bytes(compile_po(po))
        print(f"wrote {po.with_suffix('.mo')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
