"""The register file itself, through the CLI: never created by a question, foreign and
damaged files refused untouched, older schemas migrated keeping every row, newer ones
refused, a locked or read-only file reported as such."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ocop_rate.register.schema import LATEST
from tests.register_helpers import as_json, cli, register_rows, write_sheet


def _seed(tmp_path: Path, issued: str = "2026-05-31", n: int = 1) -> tuple[str, Path]:
    db = tmp_path / "reg.sqlite"
    cli("register", "import", write_sheet(tmp_path / "seed.csv",
                                          register_rows(n, issued=issued)), "--db", db)
    return "--db", db


def test_query_commands_never_create_a_register(tmp_path: Path) -> None:
    out = cli("register", "due", "--db", tmp_path / "none.sqlite", code=2)
    assert "không có sổ đăng ký" in out.stderr
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("content", [b"product_id,stars\nA,3\n", b"\x00" * 5000,
                                     b"SQLite format 3\x00" + b"\xab" * 8000])
def test_foreign_or_broken_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "register.sqlite"
    target.write_bytes(content)
    sheet = write_sheet(tmp_path / "r.csv", register_rows(2))
    out = cli("register", "import", sheet, "--db", target, code=2)
    assert "tệp được giữ nguyên" in out.stderr
    assert target.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "register.sqlite"]


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "shop.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER)")
        conn.execute("INSERT INTO orders VALUES (1)")
    conn.close()
    before = target.read_bytes()
    out = cli("register", "import", write_sheet(tmp_path / "r.csv", register_rows(1)),
              "--db", target, "--lang", "en", code=2)
    assert "another program's SQLite database" in out.stderr
    assert target.read_bytes() == before


def test_damaged_register_is_refused_untouched(tmp_path: Path) -> None:
    db = _seed(tmp_path, n=200)[1]
    data = bytearray(db.read_bytes())
    assert len(data) > 3 * 4096
    data[4096:] = b"\xab" * (len(data) - 4096)          # every page after the first
    db.write_bytes(bytes(data))
    for args in (("list",), ("due",), ("import", tmp_path / "seed.csv")):
        out = cli("register", *args, "--db", db, code=2)
        assert "bị hỏng" in out.stderr or "không phải sổ đăng ký" in out.stderr
        assert db.read_bytes() == bytes(data)


def test_older_schema_is_migrated_keeping_every_row(tmp_path: Path) -> None:
    from ocop_rate.register.schema import APPLICATION_ID
    from ocop_rate.register.store import apply_migrations

    db = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    apply_migrations(conn, 0, 1)                       # a register written by schema 1
    conn.execute("INSERT INTO products (product_id, name, province) VALUES "
                 "('OLD-1', 'Chè', 'Thái Nguyên'), ('OLD-2', 'Miến', 'Thái Nguyên')")
    conn.execute("INSERT INTO decisions (number, decided_on, authority) VALUES "
                 "('12/QĐ-UBND', '2023-08-01', 'province-chair')")
    conn.execute("INSERT INTO certificates (number, product_id, decision_id, stars, issued_on,"
                 " expires_on, term_source) VALUES ('G-1', 'OLD-1', 1, 4, '2023-08-01', "
                 "'2026-08-01', 'decision'), ('G-2', 'OLD-2', 1, 3, '2023-08-01', "
                 "'2026-08-01', 'decision')")
    conn.execute("INSERT INTO revocations (certificate_id, ground, decision_id, revoked_on) "
                 "VALUES (2, 'đ', 1, '2024-01-01')")
    conn.execute("COMMIT")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    before = db.read_bytes()
    out = cli("register", "list", "--all", "--on", "2025-01-01", "-f", "json", "--db", db)
    assert "đã đọc mà không sửa tệp" in out.stderr       # a read migrates in memory only
    assert db.read_bytes() == before and sorted(tmp_path.iterdir()) == [db]
    rows = {r["certificate"]: r for r in json.loads(out.stdout)}
    assert rows["G-1"]["status"] == "valid" and rows["G-2"]["status"] == "revoked"
    assert rows["G-1"]["window_opens"] == "2026-02-02"
    cli("register", "file", "OLD-1", "--date", "2026-03-01", "--db", db)  # v2 table in use
    second = cli("register", "list", "--all", "-f", "json", "--db", db)
    assert "phiên bản" not in second.stderr             # migrated once, by the write
    with sqlite3.connect(db) as check:
        assert [v for (v,) in check.execute("SELECT version FROM register_schema")] == \
            list(range(1, LATEST + 1))
        assert check.execute("PRAGMA journal_mode").fetchone()[0] in ("wal", "delete")
    check.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = _seed(tmp_path)[1]
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO register_schema VALUES (99, '2030-01-01', 'future')")
    conn.close()
    before = db.read_bytes()
    out = cli("register", "list", "--db", db, code=2)
    assert "phiên bản 99" in out.stderr
    assert db.read_bytes() == before


def test_register_file_settings(tmp_path: Path) -> None:
    db = _seed(tmp_path)[1]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_read_only_register_is_reported_not_called_damaged(tmp_path: Path) -> None:
    import os

    db = _seed(tmp_path)[1]
    before = db.read_bytes()
    tmp_path.chmod(0o555)            # no -wal/-shm can be made beside it: cannot open
    db.chmod(0o444)
    try:
        if os.access(db, os.W_OK):
            pytest.skip("running as a user that ignores permissions")
        out = cli("register", "revoke", "P-000000", "--ground", "a", "--decision", "1/QĐ",
                  "--date", "2027-01-01", "--authority", "province-chair", "--db", db, code=2)
        assert "không dùng được sổ đăng ký" in out.stderr and "bị hỏng" not in out.stderr
    finally:
        tmp_path.chmod(0o755)
        db.chmod(0o644)
    assert db.read_bytes() == before


def test_a_register_locked_too_long_is_reported_and_left_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ocop_rate.register import store

    db = _seed(tmp_path)[1]
    monkeypatch.setattr(store, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")            # another office in the middle of a change
    try:
        out = cli("register", "revoke", "P-000000", "--ground", "a", "--decision", "1/QĐ",
                  "--date", "2027-01-01", "--authority", "province-chair", "--db", db,
                  "--lang", "en", code=2)
        assert "cannot use the register (database is locked)" in out.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert as_json("register", "list", "--status", "revoked", "--on", "2027-02-01",
                   "--db", db) == []
