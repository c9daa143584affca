"""Write reports atomically: a crash, Ctrl-C, SIGTERM or SIGHUP never leaves a half-written
file. Only a regular file (or a new name) gets the write-beside-then-rename; a character
device (``/dev/null``, a terminal) or a FIFO is written in place and never replaced; a
folder, block device or socket is refused. No input of the run is ever written
(:mod:`ocop_rate.inputs`)."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from ocop_rate.errors import Location, Problem, UsageError
from ocop_rate.inputs import refuse_if_input

_KINDS = ((stat.S_ISDIR, "folder"),
          (stat.S_ISBLK, "block_device"),
          (stat.S_ISSOCK, "socket"))


def write_atomic(path: Path, data: str | bytes | Iterable[str], encoding: str = "utf-8"
                 ) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over.
    ``data`` may be an iterable of text chunks, written as they come (big reports)."""
    refuse_if_input(path)
    chunks: Iterable[str | bytes] = [data] if isinstance(data, (str, bytes)) else data
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(path, mode, chunks, encoding)
        return
    path = path.resolve()
    tmp = _part_name(path)
    try:
        fd = _create(tmp, path)
        with os.fdopen(fd, "wb") as handle:
            _write_chunks(handle.fileno(), chunks, encoding)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except FileExistsError:
        raise  # the temporary name was taken: not ours to remove
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _part_name(target: Path) -> Path:
    """The temporary name beside ``target``, chosen before the file exists: a signal
    arriving right after the file is made (SIGTERM is raised like Ctrl-C) then still finds
    its name to remove. 64 random bits: no two runs pick the same."""
    return target.parent / f".{target.name}.{secrets.token_hex(8)}.part"


def _create(tmp: Path, target: Path) -> int:
    """Create ``tmp`` (never an existing file) readable as ``target``'s report would be."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, _mode_for(target))  # 0600 would hide the report from others
    return fd


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Several new files written as one: each to a temporary file beside it first, every
    one flushed to disk, and only then all renamed into place; a failure or Ctrl-C on the
    way removes the temporary files and the folders this call made, so a refused or
    interrupted ``round new`` leaves no half of a round. :func:`check_outputs` first."""
    check_outputs(files)
    made: list[Path] = []
    staged: list[tuple[Path, Path]] = []
    try:
        for path in files:
            missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
            for folder in reversed(missing):
                folder.mkdir()
                made.append(folder)
        for path, data in files.items():
            target = path.resolve()
            part = _part_name(target)
            staged.append((part, target))
            try:
                fd = _create(part, target)
            except FileExistsError:
                staged.pop()  # the name was taken: not ours to remove
                raise
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle.fileno(), data)
                os.fsync(handle.fileno())
        for part, target in staged:
            os.replace(part, target)
    except BaseException:
        for part, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(part)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def check_writable_kind(path: Path) -> None:
    """Refuse early an output that is a folder, a block device or a socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    for test, kind in _KINDS:
        if test(mode):
            raise UsageError(Problem.of(f"safety.output_{kind}", Location(str(path)),
                                        path=str(path)))


def check_outputs(paths: Iterable[Path]) -> None:
    """Everything a command will write, checked before it writes the first byte: none is
    an input of the run, none is a folder, block device or socket, and the folder each
    goes into is a folder (or can be made). A command writing several files (``round
    new``) calls this first, so a refusal never leaves some of them written."""
    for path in paths:
        refuse_if_input(path)
        check_writable_kind(path)
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise UsageError(Problem.of("safety.parent_not_folder",
                                                Location(str(path)), path=str(path),
                                                parent=str(parent)))
                break


def _write_in_place(path: Path, mode: int, chunks: Iterable[str | bytes],
                    encoding: str) -> None:
    """A character device or FIFO: opened for writing without creating or truncating
    anything, never renamed over. A FIFO nobody reads is refused rather than waited on."""
    check_writable_kind(path)
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if stat.S_ISFIFO(mode):
        try:
            fd = os.open(path, flags | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise UsageError(Problem.of("safety.fifo_no_reader", Location(str(path)),
                                            path=str(path))) from None
            raise
        os.set_blocking(fd, True)
    else:
        fd = os.open(path, flags)
    try:
        _write_chunks(fd, chunks, encoding)
    finally:
        os.close(fd)


def _write_chunks(fd: int, chunks: Iterable[str | bytes], encoding: str) -> None:
    encoder = codecs.getincrementalencoder(encoding)()  # one BOM, not one per chunk
    for chunk in chunks:
        _write_all(fd, encoder.encode(chunk) if isinstance(chunk, str) else chunk)
    _write_all(fd, encoder.encode("", final=True))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        done = os.write(fd, view)
        view = view[done:]


def _mode_for(path: Path) -> int:
    """The permissions a plain ``open(path, "w")`` would give: the old file's, or 0666
    less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
