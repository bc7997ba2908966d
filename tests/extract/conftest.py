"""Shared fixtures: the fixture folder, cached readers (each PDF is parsed in a child process), and
the generator module ``make_fixtures`` (loaded by path: the tests folder is not a package)."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@functools.lru_cache(maxsize=None)
def _pdf_text(name: str):
    from respond.extract.pdftext import read_pdf_text

    return read_pdf_text(FIXTURES / name)


@functools.lru_cache(maxsize=None)
def _document(stem: str):
    from respond.extract.documents import read_document

    text = _pdf_text(f"{stem}.pdf")
    return read_document(text.name, text.pages)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def pdf_text():
    """``pdf_text("xihu-qisu.pdf")`` → the :class:`PdfText` of a committed fixture (cached)."""
    return _pdf_text


@pytest.fixture
def document():
    """``document("xihu-qisu")`` → the :class:`Document` read from a committed fixture (cached)."""
    return _document


@pytest.fixture(scope="session")
def make_fixtures():
    spec = importlib.util.spec_from_file_location("respond_tests_make_fixtures", FIXTURES.parent / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def child_processes(monkeypatch):
    """The argument lists of every ``subprocess.Popen`` started while the test runs (they still run)."""
    import subprocess

    calls: list[list[str]] = []
    real = subprocess.Popen

    def spy(args, **kw):
        calls.append(args)
        return real(args, **kw)

    monkeypatch.setattr(subprocess, "Popen", spy)
    return calls
