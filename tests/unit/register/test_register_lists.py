"""The office's worklists (due, grace, expired by commune), the page the public checks a
stamp on (opened in headless Chromium where it is installed), and the province's counts."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.register_helpers import cli, write_sheet

HOSTILE = '<script>alert("x")</script> "onmouseover=x'


@pytest.fixture()
def register(tmp_path: Path) -> Path:
    """Certificates whose states on 01/09/2026 are known by hand (36 months, Điều 4.3;
    window 180–120 days before expiry, Điều 7.6.a):

    * QN-A expires 01/01/2027: window 05/07/2026–03/09/2026, open, unfiled -> due
    * QN-B expires 20/08/2026: expired 12 days, nothing newer -> expired
    * QN-C expires 01/06/2026, filed late on 15/05/2026 (window closed 01/02/2026) ->
      in grace until 28/11/2026 (180 days past expiry, Điều 12.3)
    * QN-D expires 01/06/2028: nothing to do; QN-E too, in "xã Đầm Hà" (QN-A's commune)
    """
    db = tmp_path / "so.sqlite"
    rows = [
        ["QN-A", "Mực khô", "Quảng Ninh", "Đầm Hà", "food", 4, "A/GCN", "2024-01-01", "",
         "1/QĐ-UBND"],
        ["QN-B", HOSTILE, "Quảng Ninh", "Vân Đồn", "food", 3, "B/GCN", "2023-08-20", "",
         "2/QĐ-UBND"],
        ["QN-C", "Nước mắm Cái Rồng", "Quảng Ninh", "Vân Đồn", "food", 3, "C/GCN",
         "2023-06-01", "", "3/QĐ-UBND"],
        ["QN-D", "Trà hoa vàng", "Quảng Ninh", "Ba Chẽ", "food", 3, "D/GCN", "2025-06-01", "",
         "4/QĐ-UBND"],
        ["QN-E", "Ngao", "Quảng Ninh", "xã Đầm Hà", "food", 4, "E/GCN", "2025-06-01", "",
         "4/QĐ-UBND"]]
    cli("register", "import", write_sheet(tmp_path / "so.csv", rows), "--db", db)
    cli("register", "file", "QN-C", "--date", "15/05/2026", "--db", db, code=None)
    return db


def test_worklist_by_list_and_commune(register: Path, tmp_path: Path) -> None:
    done = cli("register", "worklist", "--on", "01/09/2026", "-f", "json", "--db", register,
               code=1)   # an expired certificate: something needs action
    items = json.loads(done.stdout)
    by_id = {i["product_id"]: i for i in items}
    assert [(i["list"], i["product_id"], i["state"]) for i in items] == [  # commune, list
        ("grace", "QN-C", "extended"), ("expired", "QN-B", "expired"), ("due", "QN-A", "open")]
    assert by_id["QN-C"]["until"] == "2026-11-28" and by_id["QN-C"]["days"] == 88
    assert by_id["QN-B"]["days"] == 12 and "gỡ nhãn OCOP" in by_id["QN-B"]["action"]
    assert by_id["QN-A"]["until"] == "2026-09-03"   # the window's last day
    table = cli("register", "worklist", "--on", "01/09/2026", "--db", register, code=1).stdout
    assert "3. Hết hạn – gỡ nhãn OCOP khỏi sản phẩm đang bán: 1" in table
    assert "QN-B" in table and "28/11/2026" in table
    only = json.loads(cli("register", "worklist", "--on", "01/09/2026", "-f", "json",
                          "--commune", "đặc khu vân đồn", "--db", register, code=1).stdout)
    assert {i["product_id"] for i in only} == {"QN-B", "QN-C"}

    out = tmp_path / "wl.csv"
    cli("register", "worklist", "--on", "01/09/2026", "-f", "csv", "-o", out, "--db",
        register, code=1)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "list" and len(rows) == 4
    assert HOSTILE in [r[4] for r in rows]

    book = tmp_path / "wl.xlsx"
    cli("register", "worklist", "--on", "01/09/2026", "-f", "xlsx", "-o", book, "--db",
        register, code=1)
    sheets = load_workbook(book).worksheets
    assert [s.max_row for s in sheets] == [2, 2, 2]   # a head and one certificate each
    assert sheets[0]["C2"].value == "QN-A" and sheets[2]["D2"].value == HOSTILE

    word = tmp_path / "wl.docx"
    cli("register", "worklist", "--on", "01/09/2026", "-f", "docx", "-o", word, "--db",
        register, code=1)
    doc = Document(str(word))
    said = [p.text for p in doc.paragraphs]
    assert "Tính đến ngày 01 tháng 9 năm 2026" in said
    assert "Đặc khu Vân Đồn, Quảng Ninh" in said and "Xã Đầm Hà, Quảng Ninh" in said
    assert any(s.startswith("3. Hết hạn – gỡ nhãn OCOP") and s.endswith(": 1") for s in said)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert HOSTILE in cells   # text, not markup: Word shows it as written


def _published(register: Path, folder: Path) -> str:
    cli("register", "publish", folder, "--on", "01/09/2026", "--url-template",
        "https://ocop.quangninh.example/gcn/{certificate}", "--db", register)
    return (folder / "index.html").read_text(encoding="utf-8")


def test_published_page_is_self_contained_and_escaped(register: Path, tmp_path: Path) -> None:
    html = _published(register, tmp_path / "pub")
    assert HOSTILE not in html and "&lt;script&gt;alert(&quot;x&quot;)" in html
    assert "default-src 'none'" in html   # the browser may request nothing
    links = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html, flags=re.I)
    assert all(u.startswith("https://ocop.quangninh.example/gcn/") for u in links), links
    assert "https://ocop.quangninh.example/gcn/B%2FGCN" in links   # "/" encoded
    assert html.count("<svg") == 5   # a QR code per certificate
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b", html)
    records = json.loads((tmp_path / "pub" / "certificates.json").read_text("utf-8"))
    assert {(r["certificate"], r["status"]) for r in records} == {
        ("A/GCN", "valid"), ("B/GCN", "expired"), ("C/GCN", "extended"), ("D/GCN", "valid"),
        ("E/GCN", "valid")}
    assert (tmp_path / "pub" / "certificates.csv").read_text("utf-8-sig").count("\n") == 6
    bad = cli("register", "publish", tmp_path / "x", "--url-template",
              "javascript:alert(1)//{certificate}", "--db", register, code=2)
    assert "--url-template" in bad.stderr and not (tmp_path / "x").exists()


def _chromium() -> str | None:
    return next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)


def test_published_page_searches_in_a_browser(register: Path, tmp_path: Path) -> None:
    """Headless Chromium loads the page with a search in its address (the page reads
    ``?q=``), runs its script, and the DOM it dumps shows only the matching rows. Skipped
    where Chromium is not installed (`apt-get install chromium`)."""
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed")
    _published(register, tmp_path / "pub")
    page = (tmp_path / "pub" / "index.html").as_uri()

    def dom(query: str) -> str:
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'chromium'}", "--dump-dom", f"{page}{query}"],
            capture_output=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.decode("utf-8")

    def shown(html: str) -> list[str]:
        rows = re.findall(r"<tr ([^>]*)>\s*<td>([^<]*)</td>", html)
        return sorted(cert for attrs, cert in rows if "hidden" not in attrs)

    everything = dom("")
    assert shown(everything) == ["A/GCN", "B/GCN", "C/GCN", "D/GCN", "E/GCN"]
    assert "Đang hiện 5/5 giấy chứng nhận" in everything
    found = dom("?q=nuoc%20mam")   # no diacritics typed: finds "Nước mắm Cái Rồng"
    assert shown(found) == ["C/GCN"] and "Đang hiện 1/5 giấy chứng nhận" in found
    assert shown(dom("?status=expired")) == ["B/GCN"]
    assert shown(dom("?q=v%C3%A2n%20%C4%91%E1%BB%93n")) == ["B/GCN", "C/GCN"]   # "vân đồn"


def test_stats_by_year_class_kind_and_commune(register: Path, tmp_path: Path) -> None:
    found = json.loads(cli("register", "stats", "--on", "01/09/2026", "-f", "json", "--db",
                           register).stdout)
    assert {(r["year"], r["stars"], r["kind"], r["issued"]) for r in found["by_kind"]} == {
        (2024, 4, "new", 1), (2023, 3, "new", 2), (2025, 3, "new", 1), (2025, 4, "new", 1)}
    places = {(r["commune"], r["stars"]): (r["issued"], r["valid"])
              for r in found["by_place"]}
    assert places[("Đặc khu Vân Đồn", 3)] == (2, 1)   # B expired, C in grace is valid
    assert places[("Xã Đầm Hà", 4)] == (2, 2)   # "Đầm Hà" and "xã Đầm Hà": one commune
    table = cli("register", "stats", "--on", "01/09/2026", "--db", register).stdout
    assert "Công nhận mới" in table and "Nâng hạng" in table


def test_each_view_is_a_whole_certificate_view_with_its_fields_in_place(
        register: Path) -> None:
    """``ledger.view`` makes its views without the named tuple's own constructor (speed):
    each is still exactly a CertificateView of all its fields, each where its name says."""
    from datetime import date

    from ocop_rate.models.register import CertificateView
    from ocop_rate.register import ledger
    from ocop_rate.register.store import open_register

    on = date(2026, 9, 1)
    opened = open_register(register, create=False, write=False)
    try:
        with opened.snapshot() as conn:
            every = ledger.views(conn, on)
            unsettled = ledger.views(conn, on, unsettled=True)
    finally:
        opened.close()
    assert every and unsettled
    for v in every + unsettled:
        assert type(v) is CertificateView and CertificateView._make(v) == v
    by_id = {v.product_id: v for v in every}
    late = by_id["QN-C"]
    assert (late.certificate, late.stars, late.filed_on, late.status) == \
        ("C/GCN", 3, date(2026, 5, 15), "extended")
    assert (late.expires_on, late.status_until) == (date(2026, 6, 1), date(2026, 11, 28))
    assert by_id["QN-A"].window_closes == date(2026, 9, 3)
    assert by_id["QN-B"].product_name.startswith("<script>") and by_id["QN-B"].revoked_on is None
