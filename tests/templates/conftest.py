"""Fixtures for the template tests: sample contexts, the compiled package templates, and a reader
of the visible text of a .docx (never compare .docx bytes for content)."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from respond.templates.render import load_templates


def _load_sibling(name: str):
    """Import a helper module next to this file under a unique name (tests run in importlib mode)."""
    unique = f"_respond_tests_templates_{name}"
    if unique in sys.modules:
        return sys.modules[unique]
    spec = importlib.util.spec_from_file_location(unique, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[unique] = module
    spec.loader.exec_module(module)
    return module


_contexts = _load_sibling("contexts")


@pytest.fixture(scope="session")
def contexts():
    """The module ``tests/templates/contexts.py`` (``financial_context()``, ``private_context()``)."""
    return _contexts


@pytest.fixture(scope="session")
def templates():
    """The package templates, compiled once."""
    return load_templates()


def _cell_texts(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        seen = []
        texts = []
        for cell in row.cells:  # a merged cell is returned once per grid column: keep it once
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            texts.append(cell.text)
        rows.append(texts)
    return rows


class DocText:
    """The visible text of a rendered .docx, read back with python-docx."""

    def __init__(self, data: bytes):
        self.document = docx.Document(io.BytesIO(data))
        self.blocks: list[str | list[list[str]]] = []  # paragraph text, or a table as rows of cells
        body = self.document.element.body
        for child in body.iterchildren():
            if child.tag.endswith("}p"):
                self.blocks.append(Paragraph(child, self.document).text)
            elif child.tag.endswith("}tbl"):
                self.blocks.append(_cell_texts(Table(child, self.document)))

    @property
    def paragraphs(self) -> list[str]:
        return [b for b in self.blocks if isinstance(b, str)]

    @property
    def tables(self) -> list[list[list[str]]]:
        return [b for b in self.blocks if isinstance(b, list)]

    @property
    def rows(self) -> list[list[str]]:
        return [row for table in self.tables for row in table]

    def row(self, label: str) -> list[str]:
        """The cells of the (only) table row whose first cell is ``label``."""
        found = [r for r in self.rows if r and r[0] == label]
        assert len(found) == 1, f"{label!r}: {len(found)} rows"
        return found[0]

    @property
    def text(self) -> str:
        """Everything visible, one paragraph or cell per line."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, str):
                lines.append(block)
            else:
                for row in block:
                    lines.extend(row)
        return "\n".join(lines)


@pytest.fixture(scope="session")
def read_docx():
    """``read_docx(bytes) -> DocText``."""
    return DocText
