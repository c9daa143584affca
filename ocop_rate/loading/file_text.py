"""A file's bytes and text as every input is read: folders, devices and FIFOs refused, the
size bounded before anything is read into memory, the encoding found (UTF-8, UTF-16 with
its mark) or the refusal located at the first bad byte with a guess at what the file is.
Each file read becomes an input of the run (:mod:`ocop_rate.inputs`), never written."""

from __future__ import annotations

import stat
from pathlib import Path

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.inputs import note_input

MAX_FILE_BYTES = 5 * 1024 * 1024


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, links followed, stays inside ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


OUTSIDE = "input.outside"
"""The message id for a link out of the folder being read (parameter ``target``)."""

def os_reason(exc: OSError) -> str:
    """The message id of the operating system's reason (``os.EACCES`` …; pass it as
    ``reason_id``): the system's own words are English."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return f"os.{name}" if f"os.{name}" in _OS_REASONS else "os.other"


_OS_REASONS = frozenset({"os.EACCES", "os.EPERM", "os.ENOENT", "os.EISDIR", "os.ENOTDIR",
                         "os.ENOSPC", "os.EROFS", "os.ELOOP", "os.ENAMETOOLONG", "os.EEXIST"})


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing folders, missing files and files over ``limit`` bytes.
    The file becomes an input of the run (:mod:`ocop_rate.inputs`): never written."""
    name = str(path)
    note_input(path)
    try:
        st = path.stat()  # one system call for a folder, a FIFO and the size
        if stat.S_ISDIR(st.st_mode):
            raise InputFileError(Problem.of("input.is_folder", Location(name)))
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block, /dev/zero never ends
            raise InputFileError(Problem.of("safety.not_regular_input", Location(name)))
        if st.st_size > limit:
            raise InputFileError(Problem.of("input.too_large", Location(name),
                                            size=st.st_size, limit=limit))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grows while read stays bounded
        if len(data) > limit:
            raise InputFileError(Problem.of("input.too_large", Location(name),
                                            size=len(data), limit=limit))
        return data
    except FileNotFoundError:
        raise InputFileError(Problem.of("input.no_such_file", Location(name))) from None
    except OSError as exc:
        raise InputFileError(Problem.of("input.cannot_read", Location(name),
                                        reason_id=os_reason(exc))) from None


def text_encoding(raw: bytes, name: str) -> str:
    """The codec of ``raw``: UTF-16 with a BOM, else UTF-8 (BOM allowed); anything else,
    and NUL bytes, are refused with the position of the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputFileError(Problem.of("input.not_utf8", Location(name, line, col),
                                        byte=f"0x{raw[exc.start]:02x}",
                                        encoding_id=encoding_guess(raw))) from None
    if b"\x00" in raw:
        guess = encoding_guess(raw)
        if guess == "input.encoding.utf16_no_bom":  # plain ASCII saved as UTF-16 LE/BE
            raise InputFileError(Problem.of("input.not_utf8", Location(name), byte="0x00",
                                            encoding_id=guess))
        raise InputFileError(Problem.of("input.nul_bytes", Location(name)))
    return "utf-8-sig"


def encoding_guess(raw: bytes) -> str:
    """The message id naming what a file that is not UTF-8 most likely is, for the error:
    a workbook (an .xls is an OLE compound file, an .xlsx or .ods a zip) given as text,
    UTF-16 saved without its byte-order mark (NULs at every other byte of ASCII text), or
    else an 8-bit code page (Excel's plain "CSV" on a Vietnamese Windows is Windows-1258;
    older offices use TCVN3), which cannot be told apart by the bytes alone."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        return "input.encoding.xls"
    if raw.startswith(b"PK\x03\x04"):
        return "input.encoding.zip"
    head = raw[:4096]
    pairs = len(head) // 2
    if pairs and max(head[0::2].count(0), head[1::2].count(0)) > pairs * 0.3:
        return "input.encoding.utf16_no_bom"
    return "input.encoding.ansi"


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is refused."""
    raw = read_bytes(path)
    if b"\x00" not in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # the usual UTF-8 file: decoded once
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass  # located below
    codec = text_encoding(raw, str(path))
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        raise InputFileError(Problem.of("input.not_utf16", Location(str(path)))) from None
    if "\x00" in text:
        raise InputFileError(Problem.of("input.nul_bytes", Location(str(path))))
    return text
