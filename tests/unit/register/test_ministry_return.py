"""The Ministry's return under 90 points, both branches of Điều 7.4.g (issue 21, item 5):
"Chủ tịch UBND cấp tỉnh có thể căn cứ vào kết quả đánh giá của Hội đồng cấp trung ương để
xem xét, quyết định công nhận và cấp giấy chứng nhận cho sản phẩm OCOP đạt 3 sao, 4 sao hoặc
tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền." Through the real CLI.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.register_helpers import (
    as_json,
    cli,
    product,
    register_rows,
    write_round,
    write_sheet,
)

DEC = ("--decision", "1520/QĐ-UBND", "--date", "05/06/2026")


def _proposed(tmp_path: Path, pid: str) -> tuple[str, Path]:
    results = write_round(tmp_path / "r.json", [product(pid, 5, outcome="proposed-5-star")])
    db = tmp_path / "reg.sqlite"
    cli("register", "record", results, *DEC, "--db", db)
    return pid, db


def _branch_columns(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        names = [r[1] for r in conn.execute("PRAGMA table_info(proposals)")
                 if r[1] in ("returned_as", "own_rating_id")]
    conn.close()
    return names


def _branch(db: Path, pid: str) -> tuple[str, str | None, int | None]:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT state, returned_as, own_rating_id FROM proposals WHERE "
                           "product_id = ?", (pid,)).fetchone()
    return row[0], row[1], row[2]


def test_branch_one_the_province_recognises_the_central_result(tmp_path: Path) -> None:
    pid, db = _proposed(tmp_path, "G")
    cli("register", "result", pid, "--stars", "4", "--decision", "2001/QĐ-UBND", "--date",
        "2026-10-01", "--cert", "004/GCN", "--total", "86.5", "--db", db)
    assert _branch(db, pid)[:2] == ("returned", "central-result")
    listed = as_json("register", "list", "--db", db)[0]
    assert (listed["stars"], listed["authority"]) == (4, "province-chair")
    events = as_json("register", "history", pid, "--db", db)["events"]
    assert [(e["event"], e["outcome"], e["detail"]) for e in events if e["event"] ==
            "proposal"] == [("proposal", "returned", "central-result")]
    shown = cli("register", "history", pid, "--db", db).stdout
    assert "tỉnh công nhận theo kết quả Hội đồng cấp trung ương" in shown


def test_branch_two_the_province_evaluates_it_again(tmp_path: Path) -> None:
    """Returned at 86.5: the province will evaluate it itself. The queue says so until the
    province records its own rating of the product, which closes the return; no
    certificate is issued on the central result."""
    pid, db = _proposed(tmp_path, "H")
    out = cli("register", "result", pid, "--evaluate-again", "--total", "86.5", "--db", db)
    assert "Bộ trả về; tỉnh sẽ tự đánh giá" in out.stderr
    assert _branch(db, pid) == ("returned", "own-evaluation", None)
    assert as_json("register", "list", "--db", db) == []
    queue = cli("register", "queue", "--db", db)
    assert "chờ tỉnh tự đánh giá lại (Điều 7.4.g): H" in queue.stderr
    # the province's own council rates it 84: 4 stars, recognised under its authority
    again = write_round(tmp_path / "again.json", [product(pid, 4, 84.0)])
    out = cli("register", "record", again, "--decision", "2100/QĐ-UBND", "--date",
              "20/11/2026", "--cert", f"{pid}=0777/GCN-UBND", "--db", db)
    assert "H: kết quả tỉnh tự đánh giá lại sau khi Bộ trả về (Điều 7.4.g) đã ghi" in out.stderr
    state, branch, own = _branch(db, pid)
    assert (state, branch) == ("returned", "own-evaluation") and own is not None
    listed = as_json("register", "list", "--db", db)[0]
    assert (listed["stars"], listed["certificate"], listed["decision"]) == (
        4, "0777/GCN-UBND", "2100/QĐ-UBND")
    assert "chờ tỉnh tự đánh giá" not in cli("register", "queue", "--db", db).stderr
    events = as_json("register", "history", pid, "--db", db)["events"]
    assert [e["detail"] for e in events if e["event"] == "proposal"] == ["own-evaluation"]


def test_the_province_may_not_propose_again_silently(tmp_path: Path) -> None:
    pid, db = _proposed(tmp_path, "K")
    cli("register", "result", pid, "--evaluate-again", "--db", db)
    again = write_round(tmp_path / "again.json", [product(pid, 5, outcome="proposed-5-star")])
    out = cli("register", "record", again, "--decision", "2100/QĐ-UBND", "--date",
              "20/11/2026", "--db", db)
    assert "tỉnh chỉ công nhận 3-4 sao (Điều 4.1.a, 7.4.g)" in out.stderr


def test_result_needs_one_branch(tmp_path: Path) -> None:
    pid, db = _proposed(tmp_path, "L")
    both = cli("register", "result", pid, "--stars", "4", "--evaluate-again", "--db", db,
               code=2)
    assert "--evaluate-again" in both.stderr
    cli("register", "result", pid, "--db", db, code=2)
    assert _branch(db, pid) == ("pending", None, None)     # nothing written
    cli("register", "result", pid, "--stars", "none", "--db", db)
    assert _branch(db, pid)[:2] == ("returned", "no-class")


def test_an_older_register_is_migrated_with_its_returns_named(tmp_path: Path) -> None:
    """A register written before this migration keeps its returned proposals, named by
    what happened: a class recognised, or none."""
    pid, db = _proposed(tmp_path, "M")
    cli("register", "result", pid, "--stars", "3", "--decision", "2001/QĐ-UBND", "--date",
        "2026-10-01", "--cert", "005/GCN", "--db", db)
    with sqlite3.connect(db) as conn:   # back to migration 3's shape
        conn.execute("UPDATE proposals SET returned_as = NULL")
        conn.execute("ALTER TABLE proposals DROP COLUMN own_rating_id")
        conn.execute("ALTER TABLE proposals DROP COLUMN returned_as")
        conn.execute("ALTER TABLE products DROP COLUMN producer_kind")   # migration 5's
        conn.execute("DELETE FROM register_schema WHERE version > 3")
    as_json("register", "list", "--db", db)             # a read migrates a copy in memory
    assert _branch_columns(db) == []
    cli("register", "import", write_sheet(tmp_path / "one.csv", register_rows(1)), "--db", db)
    assert _branch(db, pid)[:2] == ("returned", "central-result")   # a write migrates it
