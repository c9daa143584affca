"""Move messages written the old way into the gettext catalogues, for work begun before the
catalogue moved from Python dicts (``ocop_rate/messages/catalogue/<room>.py``, each a
``MESSAGES`` dict of ``id -> (vi, en)``) to ``ocop_rate/locale/*/LC_MESSAGES/ocop_rate.po``:

    python tools/messages_from_py.py OLD_ROOM.py ...

Each module's ids are added to both .po files (at the end; the module's docstring is the
comment of a new room's first id) or, when already there, take the module's texts; then
every .mo is compiled. The modules are our own source, run as Python.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po
from compile_messages import catalogues, compile_po, write_catalogue


def merge(modules: list[Path]) -> int:
    """Merge ``modules``' MESSAGES into the .po files; the number of ids added or changed."""
    pos = {po.parent.parent.name: po for po in catalogues()}
    read = {}
    for lang, po in pos.items():
        with po.open("rb") as handle:
            read[lang] = read_po(handle)
    changed: set[str] = set()
    for module in modules:
        found = runpy.run_path(str(module))
        room = " ".join((found.get("__doc__") or "").strip().split("\n\n")[0].split())
        for key, pair in found["MESSAGES"].items():
            for lang, said in zip(("vi", "en"), pair, strict=True):
                catalogue = read[lang]
                entry = catalogue.get(key)
                if entry is None:  # a new id: at the end, its room said when it is new
                    prefix = key.split(".")[0] + "."
                    new_room = not any(m.id.startswith(prefix) for m in catalogue if m.id)
                    catalogue.add(key, said, auto_comments=[room] if new_room else [])
                elif entry.string != said:
                    entry.string = said
                else:
                    continue
                changed.add(key)
    for lang, po in pos.items():
        write_catalogue(po, read[lang])
        po.with_suffix(".mo").write_bytes(compile_po(po))
    return len(changed)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    print(f"{merge([Path(a) for a in sys.argv[1:]])} ids added or changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
