"""The list the public can check: a self-contained, searchable HTML page of every
certificate with its status on a date, plus the same as CSV and JSON, and a QR code per
certificate (segno, inline SVG) pointing where the province says (``--url-template``), so a
shop keeper can check a stamp.

Self-contained: one file, its style and script inline, no font, image or script from
elsewhere; a Content-Security-Policy forbids the browser any request (``default-src
'none'``), so the page works offline and tells no one who looks at it. Every text from the
register is escaped; the script's words are JSON with ``<`` escaped. The search matches
words without diacritics ("nuoc mam" finds "Nước mắm"), and reads ``?q=…&status=…`` from
the page's address so that a search can be linked to.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from datetime import date
from html import escape
from urllib.parse import quote

from ocop_rate.messages import Lang, long_date, say_date, text
from ocop_rate.models.register import CertificateView

STATUSES = ("valid", "extended", "expired", "revoked", "superseded")
PLACEHOLDERS = ("{certificate}", "{product}")
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")
CSS = """
body { font-family: "Times New Roman", Times, serif; margin: 1rem; color: #111; }
h1 { font-size: 1.3rem; } table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 2px 4px; vertical-align: top; text-align: left; }
th { background: #eee; } .valid { color: #064; } .extended { color: #850; }
.expired, .revoked { color: #a00; font-weight: bold; } .superseded { color: #555; }
input, select { font-size: 1rem; padding: 2px 4px; } tr[hidden] { display: none; }
svg.segno { display: block; }
"""
SCRIPT = """
(function () {
  var words = JSON.parse(document.getElementById("words").textContent);
  function fold(s) {
    return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase();
  }
  var q = document.getElementById("q"), st = document.getElementById("status");
  var count = document.getElementById("count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#list tbody tr"));
  function apply() {
    var wanted = fold(q.value).split(/\\s+/).filter(Boolean), s = st.value, n = 0;
    rows.forEach(function (r) {
      var ok = (!s || r.getAttribute("data-status") === s) && wanted.every(function (w) {
        return r.getAttribute("data-search").indexOf(w) >= 0;
      });
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    count.textContent = words.count.replace("{shown}", n).replace("{total}", rows.length);
  }
  var asked = new URLSearchParams(window.location.search);
  if (asked.get("q")) { q.value = asked.get("q"); }
  if (asked.get("status")) { st.value = asked.get("status"); }
  q.addEventListener("input", apply);
  st.addEventListener("change", apply);
  apply();
})();
"""


_HEADS = {"producer": "publish.producer"}


class BadTemplate(ValueError):
    """``--url-template`` is not an http(s) address with ``{certificate}`` or ``{product}``."""


def check_template(template: str) -> str:
    """The template as given, when it is an http(s) address naming a placeholder."""
    if not template.startswith(("https://", "http://")) or \
            not any(p in template for p in PLACEHOLDERS) or any(c.isspace() for c in template):
        raise BadTemplate(template)
    return template


def target(template: str, view: CertificateView) -> str:
    """The QR code's address of a certificate: the placeholders filled, each value
    percent-encoded (a "/" of a certificate number included)."""
    return template.replace("{certificate}", quote(view.certificate, safe="")).replace(
        "{product}", quote(view.product_id, safe=""))


def fold(said: str) -> str:
    """Lower case, no diacritics, đ as d: what the page's search compares (its script's
    ``fold`` does the same)."""
    decomposed = unicodedata.normalize("NFD", said.replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _status(view: CertificateView, lang: Lang) -> str:
    said = text(f"register.label.{view.status}", lang)
    if view.status in ("valid", "extended") and view.status_until is not None:
        said = text("publish.until", lang, status=said, until=view.status_until)
    if view.status == "expired":
        said = text("publish.remove_logo", lang, status=said)
    return said


def _qr(url: str) -> str:
    import segno

    svg: str = segno.make(url, error="m").svg_inline(scale=2, border=2)
    return svg


def page(views: Sequence[CertificateView], on: date, lang: Lang,
         template: str | None = None, title: str | None = None) -> str:
    """The HTML page of ``views`` as of ``on``."""
    heads = ["certificate", "product_id", "product_name", "producer", "commune", "province",
             "stars", "issued_on", "expires_on", "status"]
    head_cells = "".join(f"<th>{_e(text(_HEADS.get(h, f'register.header.{h}'), lang))}</th>"
                         for h in heads)
    if template:
        head_cells += f"<th>{_e(text('publish.qr', lang))}</th>"
    body = []
    for v in views:
        cells = [v.certificate, v.product_id, v.product_name, v.producer, v.commune,
                 v.province, f"{v.stars}★", say_date(v.issued_on, lang),
                 say_date(v.expires_on, lang)]
        search = fold(" ".join(str(c) for c in cells if c))
        row = "".join(f"<td>{_e(c)}</td>" for c in cells)
        row += f'<td class="{_e(v.status)}">{_e(_status(v, lang))}</td>'
        if template:
            url = target(template, v)
            row += (f'<td><details><summary>{_e(text("publish.qr", lang))}</summary>'
                    f'{_qr(url)}<a href="{_e(url)}">{_e(url)}</a></details></td>')
        body.append(f'<tr data-status="{_e(v.status)}" data-search="{_e(search)}">{row}</tr>')
    options = "".join(f'<option value="{s}">{_e(text(f"register.label.{s}", lang))}</option>'
                      for s in STATUSES)
    words = json.dumps({"count": text("publish.count", lang, shown="{shown}",
                                      total="{total}")},
                       ensure_ascii=False).replace("<", "\\u003c")
    heading = title or text("publish.title", lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(heading)}</title><style>{CSS}</style></head><body>"
        f"<h1>{_e(heading)}</h1>"
        f"<p>{_e(text('publish.as_of', lang, date=long_date(on, lang)))}</p>"
        f"<p>{_e(text('publish.explain', lang))}</p>"
        f'<p><label>{_e(text("publish.search", lang))} <input id="q" type="search" '
        f'autocomplete="off"></label> <label>{_e(text("register.header.status", lang))} '
        f'<select id="status"><option value="">{_e(text("publish.any", lang))}</option>'
        f'{options}</select></label></p><p id="count" aria-live="polite"></p>'
        f'<table id="list"><thead><tr>{head_cells}</tr></thead><tbody>\n'
        + "\n".join(body) +
        f'\n</tbody></table><script type="application/json" id="words">{words}</script>'
        f"<script>{SCRIPT}</script></body></html>\n")
