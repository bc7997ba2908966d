"""`respond draft --pdf`: the package's documents as PDF by real LibreOffice (no mock), checked by
the PDF's own text (pypdf), its page size and its embedded fonts; and what happens without it.

LibreOffice and the CJK fonts are Debian packages that ``.ci/run`` installs; without them these
tests are skipped, except when ``RESPOND_REQUIRE_LIBREOFFICE`` is set (CI), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from docx_text import visible_text
from respond.cli.main import main
from respond.convert.libreoffice import PdfUnavailable, soffice, to_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "microloan-fees.json"
A4 = (595.3, 841.9)  # points

if soffice() is None and os.environ.get("RESPOND_REQUIRE_LIBREOFFICE"):
    raise RuntimeError("RESPOND_REQUIRE_LIBREOFFICE is set but soffice is not installed")
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def _draft(out: Path, *extra: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["draft", "--case", str(EXAMPLE), "--out", str(out), "--today", "2026-11-20",
                                     *extra], env=env)


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _squeeze(text: str) -> str:
    """Without whitespace and the form's boxes (pypdf returns the box glyphs out of reading order)."""
    return re.sub(r"[\s☐☑□]+", "", text)


def _fonts(path: Path) -> dict[str, bool]:
    """Each font the PDF uses → whether its program is embedded (FontFile, FontFile2 or FontFile3)."""
    out = {}
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if font.get("/Subtype") == "/Type0" else font
            descriptor = described.get("/FontDescriptor")
            embedded = descriptor is not None and any(k in descriptor.get_object()
                                                      for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out[str(font["/BaseFont"])] = embedded
    return out


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "out"
    result = _draft(out, "--pdf")
    assert result.exit_code == 0, result.output
    return out


@needs_soffice
def test_each_document_has_its_pdf_listed_in_the_report(package):
    report = json.loads((package / "report.json").read_text(encoding="utf-8"))
    assert report["documents"] == ["答辩状.docx", "答辩状.pdf", "利息重算表.docx", "利息重算表.pdf"]
    for name in report["documents"]:
        assert (package / name).is_file()
    assert (package / "答辩状.pdf").read_bytes().startswith(b"%PDF-")
    assert "同名的 **.pdf** 文件" in (package / "说明.md").read_text(encoding="utf-8")


@needs_soffice
def test_the_pdf_says_what_the_docx_says(package):
    """Every line of the answer's visible text is in the PDF's text (whitespace and boxes aside), and the figures a
    judge checks are there: the case number, the parties, the recomputed total."""
    docx = visible_text((package / "答辩状.docx").read_bytes())
    pdf = _squeeze(_pdf_text(package / "答辩状.pdf"))
    for line in docx.splitlines():
        line = _squeeze(line)
        if len(line) >= 6:
            assert line[:40] in pdf, line
    for fact in ("（2026）渝0112民初40517号", "张三", "民事答辩状"):
        assert _squeeze(fact) in pdf
    annex = _squeeze(_pdf_text(package / "利息重算表.pdf"))
    assert "附件：利息重算表" in annex


@needs_soffice
def test_pages_are_a4_and_every_font_is_embedded(package):
    for name in ("答辩状.pdf", "利息重算表.pdf"):
        for page in PdfReader(package / name).pages:
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))  # the annex is landscape
            assert abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1, (name, size)
        fonts = _fonts(package / name)
        assert fonts and all(fonts.values()), (name, fonts)
        assert any("CJK" in f or "WenQuanYi" in f or "Song" in f or "Hei" in f for f in fonts), fonts


def test_without_libreoffice_the_docx_are_written_and_the_message_says_what_to_install(tmp_path):
    out = tmp_path / "out"
    result = _draft(out, "--pdf", env={"RESPOND_SOFFICE": str(tmp_path / "no-such-soffice")})
    assert result.exit_code == 0
    assert "未生成 PDF：本机没有找到 LibreOffice" in result.stderr and "libreoffice-writer-nogui" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".respond-files.json", "report.json", "利息重算表.docx", "答辩状.docx",
                                                     "说明.md"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"] == ["答辩状.docx", "利息重算表.docx"]
    assert ".pdf" not in (out / "说明.md").read_text(encoding="utf-8")


def test_without_the_flag_no_pdf_is_made(tmp_path):
    out = tmp_path / "out"
    assert _draft(out).exit_code == 0
    assert not list(out.glob("*.pdf"))


@needs_soffice
def test_two_conversions_at_once_do_not_collide(package):
    """Each call has its own LibreOffice profile: two at the same moment both finish, each with its text."""
    sources = {"答辩状.docx": (package / "答辩状.docx").read_bytes()}
    annex = {"利息重算表.docx": (package / "利息重算表.docx").read_bytes()}
    results: dict[str, dict[str, bytes]] = {}

    def convert(key, documents):
        results[key] = to_pdf(documents)

    threads = [threading.Thread(target=convert, args=("a", sources)), threading.Thread(target=convert, args=("b", annex))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(results["a"]) == {"答辩状.pdf"} and set(results["b"]) == {"利息重算表.pdf"}
    assert results["a"]["答辩状.pdf"].startswith(b"%PDF-") and results["b"]["利息重算表.pdf"].startswith(b"%PDF-")


@pytest.mark.skipif(not shutil.which("sleep") or os.name != "posix", reason="needs a POSIX shell and sleep")
def test_a_conversion_that_hangs_is_stopped_at_its_time_limit(tmp_path, monkeypatch):
    """A stand-in program that never finishes (and starts a child of its own, as soffice does): stopped
    at the limit with a message, and its whole process group is gone."""
    fake = tmp_path / "soffice"
    marker = tmp_path / "pid"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {marker}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("RESPOND_SOFFICE", str(fake))
    with pytest.raises(PdfUnavailable) as info:
        to_pdf({"答辩状.docx": b"not really"}, timeout=1.0)
    assert "1 秒内没有完成转换" in str(info.value)
    child = int(marker.read_text())
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split(")")[1][:3]


# --- respond batch --pdf --------------------------------------------------------------------------

def _batch_cases(root: Path) -> Path:
    """The mixed cases of the batch tests: three good ones and a broken file."""
    from factories import case_dict, merge

    cases = root / "cases"
    cases.mkdir()
    for number, served in (("A1", "2026-11-06"), ("B1", "2026-11-11"), ("C1", "2026-11-16")):
        data = merge(case_dict(service={"method": "direct", "date": served}), {"court": {"case_number": number}})
        (cases / f"{number}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.utime(cases / f"{number}.json", (1_700_000_000, 1_700_000_000))
    (cases / "broken.json").write_text("{not json", encoding="utf-8")
    return cases


def _summary(out: Path) -> list[dict[str, str]]:
    import csv
    import io

    from respond.cli.batch import KEYS

    rows = list(csv.reader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"), newline="")))
    return [dict(zip(KEYS, row)) for row in rows[1:]]


@needs_soffice
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_pdf_gives_every_good_case_its_pdfs(tmp_path, jobs):
    cases = _batch_cases(tmp_path)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(cases), "--out", str(out), "--pdf", "--jobs", jobs,
                                  "--today", "2026-11-21"])
    assert r.exit_code == 2  # the broken file is rejected; the others go on
    rows = {row["case_number"] or Path(row["file"]).name: row for row in _summary(out)}
    assert rows["broken.json"]["status"] == "rejected"
    for number in ("A1", "B1", "C1"):
        assert rows[number]["status"] == "drafted" and rows[number]["error"] == ""
        report = json.loads((out / number / "report.json").read_text(encoding="utf-8"))
        pdfs = [d for d in report["documents"] if d.endswith(".pdf")]
        assert pdfs and len(pdfs) == len([d for d in report["documents"] if d.endswith(".docx")])
        text = _squeeze(_pdf_text(out / number / "答辩状.pdf"))
        assert number in text and "民事答辩状" in text  # each case's own PDF, not a neighbour's


def test_batch_pdf_without_libreoffice_drafts_and_says_why_and_is_not_up_to_date(tmp_path):
    cases = _batch_cases(tmp_path)
    out = tmp_path / "out"
    env = {"RESPOND_SOFFICE": str(tmp_path / "no-such-soffice")}
    args = ["batch", str(cases), "--out", str(out), "--pdf", "--jobs", "1", "--today", "2026-11-21"]
    r = CliRunner().invoke(main, args, env=env)
    assert r.exit_code == 2
    rows = [row for row in _summary(out) if row["case_number"]]
    assert [row["status"] for row in rows] == ["drafted"] * 3
    assert all(row["error"].startswith("未生成 PDF：本机没有找到 LibreOffice") for row in rows)
    assert not list(out.rglob("*.pdf")) and len(list(out.rglob("答辩状.docx"))) == 3
    again = CliRunner().invoke(main, args, env=env)  # no PDFs yet: drafted again, never "up to date"
    assert [row["status"] for row in _summary(out) if row["case_number"]] == ["drafted"] * 3, again.output


def test_batch_pdf_a_bug_in_one_case_fails_only_that_case(tmp_path, monkeypatch):
    import respond.templates.package as package

    real = package.render_documents

    def flaky(analysis, templates):
        if analysis.case.court.case_number == "B1":
            raise ZeroDivisionError("boom")
        return real(analysis, templates)

    monkeypatch.setattr(package, "render_documents", flaky)
    cases = _batch_cases(tmp_path)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(cases), "--out", str(out), "--pdf", "--jobs", "1",
                                  "--today", "2026-11-21"], env={"RESPOND_SOFFICE": str(tmp_path / "none")})
    assert r.exit_code == 1
    status = {row["case_number"] or Path(row["file"]).name: row["status"] for row in _summary(out)}
    assert status == {"A1": "drafted", "B1": "failed", "C1": "drafted", "broken.json": "rejected"}
