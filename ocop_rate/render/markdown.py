"""Any :class:`~ocop_rate.models.document.Document` as Markdown: a secretary pastes it into
minutes or a wiki. Every text is escaped (:func:`cell`): a name from a file never becomes
markup, a table row stays one row."""

from __future__ import annotations

from ocop_rate.models.document import Block, Document, Notes, Paragraph, Section, Table
from ocop_rate.text_safety import printable

_RULE = {"left": "---", "right": "---:", "center": ":---:"}


def cell(text: str) -> str:
    """Escape what would break a Markdown table cell or inject markup."""
    out = text.replace("\\", "\\\\").replace("|", "\\|")
    out = out.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")  # one table row
    out = printable(out)  # a file name may hold ESC: shown as \x1b, never acting
    for ch in "<>*_`[]&#!~":
        out = out.replace(ch, "\\" + ch)
    return out


def table(block: Table) -> list[str]:
    return ["| " + " | ".join(cell(h) for h in block.head) + " |",
            "| " + " | ".join(_RULE[block.alignment(i)] for i in range(len(block.head)))
            + " |",
            *("| " + " | ".join(cell(c) for c in row) + " |" for row in block.body())]


def _block(block: Block) -> list[str]:
    if isinstance(block, Table):
        return table(block)
    if isinstance(block, Paragraph):
        said = f"**{cell(block.text)}**" if block.strong else cell(block.text)
        return [f"**{cell(block.label)}:** {said}" if block.label else said]
    out = [f"**{cell(block.title)}:**", ""] if block.title else []
    return out + [f"- **{cell(lead)}**: {cell(said)}" if lead else f"- {cell(said)}"
                  for lead, said in block.items]


def section(part: Section, depth: int = 3) -> list[str]:
    out = [f"{'#' * depth} {cell(part.title)}", ""] if part.title else []
    for block in part.blocks:
        if isinstance(block, Notes) and not block.items:
            continue
        out += [*_block(block), ""]
    return out


def draw(document: Document, depth: int = 2) -> str:
    """The document: its title as a heading of ``depth``, each section under a heading one
    deeper (a section without a title runs on)."""
    out = [f"{'#' * depth} {cell(document.title)}", ""] if document.title else []
    for part in document.sections:
        out += section(part, depth + 1)
    return "\n".join(out).rstrip("\n") + "\n"
