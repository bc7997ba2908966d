"""Read a .docx as a person sees it: paragraphs and table cells, in order (never the bytes)."""

from __future__ import annotations

import io

import docx


def visible_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                lines.append(cell.text)
    return "\n".join(lines)


def row_text(data: bytes, label_start: str) -> str:
    """The right-hand cell of the form row whose label starts with ``label_start``."""
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.startswith(label_start):
                return row.cells[-1].text
    raise KeyError(label_start)


def body_text(data: bytes) -> str:
    """The document as read top to bottom: paragraphs and table rows in body order, one row a line,
    its cells joined by `` | `` (a merged cell once). Used for the golden outputs."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(cell.text.replace("\n", "⏎"))
                lines.append(" | ".join(cells))
    return "\n".join(lines).rstrip() + "\n"
