"""Any :class:`~ocop_rate.models.document.Document` as one self-contained HTML page a person
opens or prints: the house style (:data:`CSS`, which the batch report uses too), its title
as the page heading, a ``<section>`` per section, tables with numbers aligned right,
paragraphs and notes. Every text is escaped (:func:`html.escape`) after its control
characters are shown as escapes: a name ``<script>`` is text, and the page stays well
formed XML as well as HTML."""

from __future__ import annotations

from html import escape

from ocop_rate.models.document import Block, Document, Notes, Paragraph, Section, Table
from ocop_rate.render.safety import cell_text

CSS = """
:root { --ink:#1a202c; --muted:#5a6472; --line:#d8dee6; --head:#f1f4f8; --accent:#2b6cb0; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink);
       margin: 0; background: #f7f9fb; line-height: 1.4; font-size: 14px; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
header.top { background: #1f4e79; color: white; padding: 20px 24px; }
header.top h1 { margin: 0 0 4px; font-size: 22px; }
header.top p { margin: 0; opacity: .85; }
section { background: white; border: 1px solid var(--line); border-radius: 8px;
          padding: 16px 20px; margin: 16px 0; }
h2 { font-size: 18px; margin: 0 0 12px; color: #1f4e79; }
h3 { font-size: 15px; margin: 16px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
th { background: var(--head); text-align: left; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c { text-align: center; white-space: nowrap; }
tr.part td { background: #e8eef5; font-weight: 600; }
tr.flag td:first-child { border-left: 4px solid #d69e2e; }
.stars { color: #b7791f; white-space: nowrap; letter-spacing: 1px; }
.no { color: #c53030; } .yes { color: #2f855a; }
.muted { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
         background: #fefcbf; color: #744210; border: 1px solid #ecc94b; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
.bar { background: #e2e8f0; border-radius: 3px; height: 12px; min-width: 120px; }
.bar > span { display: block; height: 12px; border-radius: 3px; background: var(--accent); }
.kpis { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.kpi b { display: block; font-size: 22px; }
ul.tight { margin: 4px 0; padding-left: 20px; }
.signs { display: flex; justify-content: space-around; margin-top: 28px; text-align: center; }
.signs div { min-width: 220px; height: 90px; }
a { color: var(--accent); text-decoration: none; }
ol.notes { margin: 4px 0; padding-left: 20px; font-size: 12px; }
ol.notes b { font-weight: 600; }
sup.n { color: var(--accent); font-size: 10px; line-height: 0; }
.opt { display: block; }
td b.id, h2 .id { white-space: nowrap; }  /* a product code is never broken at its hyphen */
@page { size: A4; margin: 8mm 9mm 8mm 11mm; }
@media print {
  body { background: white; font-size: 9pt; line-height: 1.2; }
  main { max-width: none; padding: 0; }
  header.top { background: white; color: black; border-bottom: 2px solid black;
               padding: 0 0 4px; }
  section { border: none; padding: 0; margin: 0 0 8px; border-radius: 0; }
  section.sheet { break-before: page; page-break-before: always; }
  section.sheet h2 { font-size: 12pt; margin: 0 0 2px; }
  section.sheet p { margin: 2px 0; }
  section.sheet h3 { font-size: 9.5pt; margin: 4px 0 1px; }
  section.sheet table { font-size: 8pt; margin: 2px 0 4px; }
  section.sheet th, section.sheet td { padding: 0 3px; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  table.crits { table-layout: fixed; }
  table.crits th:first-child { width: 50%; }
  table.crits.many th:first-child { width: 34%; }
  table.crits th { font-size: 7pt; }
  ul.next { columns: 2; column-gap: 16px; }
  td.crit > div { display: flex; }
  td.crit .name { flex: 0 1 auto; }
  td.crit .opt { flex: 1 1 0; min-width: 0; white-space: nowrap; overflow: hidden;
                 text-overflow: ellipsis; padding-left: 4px; }
  ol.notes, ul.tight { font-size: 8pt; margin: 1px 0; }
  .signs { margin-top: 4px; } .signs div { height: 40px; }
  .grid { display: block; }
  nav, .noprint { display: none; }
}
"""


def e(text: str) -> str:
    """Text for HTML: escaped, quotes too, control characters shown as escapes."""
    return escape(cell_text(text), quote=True)


def draw(document: Document) -> str:
    title = e(document.title)
    out = [f'<!DOCTYPE html>\n<html lang="{e(document.lang)}">\n<head>\n<meta charset="utf-8"/>\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
           f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"]
    if title:
        out.append(f'<header class="top"><h1>{title}</h1></header>\n')
    out.append("<main>\n")
    out += [_section(s, 2) for s in document.sections]
    out.append("</main>\n</body>\n</html>\n")
    return "".join(out)


def part(document: Document, kind: str) -> str:
    """A document as one section of a larger page (of class ``kind``): its title a second
    level heading, its sections' titles third level."""
    head = f"<h2>{e(document.title)}</h2>\n" if document.title else ""
    return (f'<section class="{e(kind)}">\n{head}'
            + "".join(_section(s, 3) for s in document.sections) + "</section>\n")


def _section(section: Section, level: int) -> str:
    title = f"<h{level}>{e(section.title)}</h{level}>\n" if section.title else ""
    return f"<section>\n{title}{''.join(_block(b) for b in section.blocks)}</section>\n"


def _block(block: Block) -> str:
    if isinstance(block, Table):
        return table(block)
    if isinstance(block, Paragraph):
        said = f"<b>{e(block.text)}</b>" if block.strong else e(block.text)
        return f"<p><b>{e(block.label)}:</b> {said}</p>\n" if block.label else f"<p>{said}</p>\n"
    return _notes(block)


def _notes(block: Notes) -> str:
    if not block.items:
        return ""
    head = f"<p><b>{e(block.title)}:</b></p>\n" if block.title else ""
    items = "".join(f"<li><b>{e(lead)}</b>: {e(said)}</li>\n" if lead else f"<li>{e(said)}</li>\n"
                    for lead, said in block.items)
    return f'{head}<ul class="tight">\n{items}</ul>\n'


_CLASS = {"right": ' class="num"', "center": ' class="c"', "left": ""}


def table(block: Table) -> str:
    classes = [_CLASS[block.alignment(i)] for i in range(len(block.head))]
    head = "".join(f"<th{c}>{e(h)}</th>" for c, h in zip(classes, block.head, strict=True))
    rows = "".join("<tr>" + "".join(f"<td{c}>{e(v)}</td>"
                                    for c, v in zip(classes, row, strict=True)) + "</tr>\n"
                   for row in block.rows)
    foot = ("<tfoot><tr>" + "".join(f"<td{c}>{e(v)}</td>" for c, v in
                                    zip(classes, block.foot, strict=True)) + "</tr></tfoot>\n"
            if block.foot else "")
    return (f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n{foot}"
            "</table>\n")
