"""Shared helpers for the clause-library tests: the corpus, and PDF/DOCX versions of a contract.

The PDF is drawn with reportlab's CID font STSong-Light (no font file needed), wrapped at the page
width like a real contract, with a page-number footer on every page; the DOCX is written with
python-docx, the parties' block as a table. Both are made at run time from the corpus text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus_text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def make_pdf(text: str, *, font_size: float = 10.5, margin: float = 60.0, footer: bool = True) -> bytes:
    """A PDF of ``text``: one paragraph per line, wrapped at the page width, several pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    usable = width - 2 * margin
    leading = font_size * 1.6
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for ch in paragraph:
            if current and pdfmetrics.stringWidth(current + ch, font, font_size) > usable:
                lines.append(current)
                current = ""
            current += ch
        lines.append(current)
    per_page = int((height - 2 * margin) // leading)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for number, page in enumerate(pages, 1):
        c.setFont(font, font_size)
        y = height - margin
        for line in page:
            c.drawString(margin, y, line)
            y -= leading
        if footer:
            c.setFont(font, 9)
            c.drawCentredString(width / 2, margin / 2, f"第 {number} 页 共 {len(pages)} 页")
        c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(text: str, *, table_rows: int = 0) -> bytes:
    """A DOCX of ``text``, one paragraph per line; the first ``table_rows`` lines with a "：" go in a
    two-column table (label | value), like the parties' block of a real contract."""
    import docx

    document = docx.Document()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if table_rows and "：" in lines[i]:
            block = []
            while i < len(lines) and "：" in lines[i] and len(block) < table_rows:
                block.append(lines[i].split("：", 1))
                i += 1
            table = document.add_table(rows=len(block), cols=2)
            for row, (label, value) in zip(table.rows, block):
                row.cells[0].text = label + "："
                row.cells[1].text = value
            table_rows = 0
            continue
        document.add_paragraph(lines[i])
        i += 1
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="session")
def pdf_of():
    cache: dict[str, bytes] = {}

    def get(name: str) -> bytes:
        if name not in cache:
            cache[name] = make_pdf(corpus_text(name))
        return cache[name]

    return get


@pytest.fixture(scope="session")
def pdf_maker():
    return make_pdf


@pytest.fixture(scope="session")
def docx_maker():
    return make_docx

