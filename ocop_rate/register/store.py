"""Open a register file: refuse what is not one, create it on first use, migrate it.

The database is SQLite (standard library) in WAL mode with foreign keys on; every change
runs in one ``BEGIN IMMEDIATE`` transaction, so two processes writing at once wait for each
other (up to :data:`BUSY_SECONDS`) instead of losing rows, and a killed process leaves the
file as it was before its transaction. A file that is not an ocop-rate register (any other
file, another program's SQLite database, a damaged one) is refused and never written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.register.schema import APPLICATION_ID, LATEST, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_SECONDS = 120.0
CACHE_KIB = 65_536
"""SQLite's page cache per connection, at most (taken as pages are read): SQLite's default
of 2 MiB is smaller than a province's register (6 MiB at 20,000 products), so a question
read pages again from the file; 64 MiB holds several such registers whole."""


class RegisterError(OcopError):
    """The register file cannot be used, or a change to it is refused."""


def _refuse(message_id: str, path: Path, **params: object) -> RegisterError:
    return RegisterError(Problem.of(message_id, Location(str(path)), path=str(path), **params))


@dataclass
class Register:
    """An open register: its connection, and the schema version it was migrated from."""

    path: Path
    conn: sqlite3.Connection
    migrated_from: int | None = None
    created: bool = False  # this run made the file (see :func:`close_unless_unused`)
    read_older: int | None = None  # a read of an older schema, migrated in memory only

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that see one state of the file, even while another process writes."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def open_register(path: Path, *, create: bool, write: bool | None = None) -> Register:
    """The register at ``path``; a new one when ``create`` and there is no file yet.

    Before a change (``write``, implied by ``create``) the whole file is checked
    (``PRAGMA quick_check``), so nothing is ever written into a damaged register; a read
    meets damage as an error on the page it reads, which is reported the same way."""
    from ocop_rate.inputs import note_input

    try:
        register = _open(path, create, create if write is None else write)
    except sqlite3.OperationalError as exc:   # locked too long, read-only, no space …
        raise _refuse("register.unusable", path, reason=str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise _refuse("register.damaged", path, reason=str(exc)) from None
    note_input(path)  # a report of this run (-o) must never overwrite the register
    return register


def _open(path: Path, create: bool, write: bool) -> Register:
    """Every check that can refuse the file comes before anything that can write it: the
    kind of file (a folder, a device, a FIFO are refused, so nothing such as a ``-journal``
    ever appears beside them), the SQLite header, the application id (an SQLite file of
    another program, even an empty one with its own id, is never taken over) and the
    schema version (a newer register is refused untouched). Only then, and only for a
    command that writes, the journal mode is set and migrations run."""
    if path.is_dir():
        raise _refuse("register.is_folder", path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise _refuse("register.not_regular", path)
    fresh = mode is None or path.stat().st_size == 0
    if fresh and not create:
        raise _refuse("register.missing", path)
    if fresh and not path.parent.is_dir():
        raise _refuse("register.no_folder", path, folder=str(path.parent))
    if not fresh:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise _refuse("register.not_sqlite", path)
    conn = sqlite3.connect(_uri(path, fresh, write), uri=True, timeout=BUSY_SECONDS,
                           isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # one statement, one snapshot: read apart, another process creating the register
        # could commit in between (no id yet, then its tables) and the file look foreign
        app_id, tables = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id()), "
            "(SELECT count(*) FROM sqlite_master)").fetchone()
        ours = app_id == APPLICATION_ID
        if not ours and (app_id != 0 or tables or not create):
            raise _refuse("register.foreign", path)
        version = schema_version(conn)
        if version > LATEST:
            raise _refuse("register.newer", path, version=version, known=LATEST)
        register = Register(path, conn, created=fresh)
        if not write:
            if version < LATEST:  # an older register, read as migrated, never written
                register.conn = _migrated_copy(conn)
                register.read_older = version
                conn.close()
            return register
        if ours:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _refuse("register.damaged", path, reason=check)
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise _refuse("register.no_wal", path)
        register.migrated_from = _migrate(register)
        return register
    except BaseException:
        conn.close()
        raise


def _uri(path: Path, fresh: bool, write: bool) -> str:
    """How the file is opened. A read opens it read-only; when no ``-wal`` file lies
    beside it (every change checkpointed, no writer at work) also ``immutable``, so SQLite
    creates nothing beside it either (a read-only ``-shm``/``-wal`` pair would otherwise
    be left behind) and a read-only copy on a read-only medium can be listed. With a
    ``-wal`` present, the read goes through it (``mode=ro``) to see the last changes."""
    uri = path.resolve().as_uri()
    if write:
        return f"{uri}?mode={'rwc' if fresh else 'rw'}"
    if Path(f"{path}-wal").exists():
        return f"{uri}?mode=ro"
    return f"{uri}?mode=ro&immutable=1"


def _migrated_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older register read by this version: its rows copied into memory and migrated
    there, so a read command never writes the file (``record`` or ``import`` migrate it
    for good)."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    conn.backup(memory)
    memory.execute("PRAGMA foreign_keys = ON")
    memory.execute("BEGIN IMMEDIATE")
    apply_migrations(memory, schema_version(memory), LATEST)
    memory.execute("COMMIT")
    return memory


def close_discarding_if_unused(register: Register) -> bool:
    """Close ``register``; when this run created it and no change reached it (the first
    ``record`` or ``import`` was refused), remove the file and its WAL files too, so a
    refused command leaves nothing behind. Whether it was removed."""
    unused = False
    if register.created:
        with contextlib.suppress(sqlite3.DatabaseError):
            conn = register.conn
            tables = [name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite%' AND name != 'register_schema'")]
            unused = not any(conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone()
                             for name in tables)
    register.close()
    if unused:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                register.path.with_name(register.path.name + suffix).unlink()
    return unused



def schema_version(conn: sqlite3.Connection) -> int:
    """The newest migration this database has had (0: none, a new file)."""
    has = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                       "AND name = 'register_schema'").fetchone()[0]
    if not has:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM register_schema"
                            ).fetchone()[0])


def _migrate(register: Register) -> int | None:
    """Apply the missing migrations in one transaction; the version migrated from, or None
    when the file was already current. A file newer than this program is refused."""
    conn = register.conn
    version = schema_version(conn)
    if version == LATEST:
        return None
    if version > LATEST:
        raise _refuse("register.newer", register.path, version=version, known=LATEST)
    with register.transaction():
        version = schema_version(conn)   # another process may have migrated meanwhile
        if version >= LATEST:
            return None
        apply_migrations(conn, version, LATEST)
    return version


def apply_migrations(conn: sqlite3.Connection, start: int, stop: int) -> None:
    """Migrations ``start+1 .. stop`` inside the caller's transaction."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if start == 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for number in range(start + 1, stop + 1):
        note, statements = MIGRATIONS[number - 1]
        for step in statements:
            if isinstance(step, str):
                conn.execute(step)
            else:
                step(conn)
        conn.execute("INSERT INTO register_schema (version, applied_on, note) VALUES (?, ?, ?)",
                     (number, now, note))
