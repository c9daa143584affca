"""Write reports atomically: a crash or Ctrl-C never leaves a half-written file."""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, data: str | bytes | Iterable[str], encoding: str = "utf-8"
                 ) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over.
    ``data`` may be an iterable of text chunks, written as they come (big reports)."""
    path = path.resolve()
    chunks: Iterable[str | bytes] = [data] if isinstance(data, (str, bytes)) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))  # mkstemp's 0600 would hide the report from others
        encoder = codecs.getincrementalencoder(encoding)()  # one BOM, not one per chunk
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(encoder.encode(chunk) if isinstance(chunk, str) else chunk)
            handle.write(encoder.encode("", final=True))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    """The permissions a plain ``open(path, "w")`` would give: the old file's, or 0666
    less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
