"""Scans and phone photos of the court's papers, read by OCR (issue 12).

The scans are made here from the committed text fixtures with real tools: pdfium renders each page
(pypdfium2), Pillow rotates, blurs, adds dust and JPEG-compresses it, and saves the pages as an
image-only PDF (a scan) or as JPG files (photos). The fields read from them must equal the fields
read from the text PDFs; every one carries the recogniser's confidence.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import pytest

from respond.extract.build import build_case, read_documents
from respond.extract.ocr import OcrText, read_ocr

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SETS = {
    "xihu": ["xihu-chuanpiao", "xihu-yingsu", "xihu-juzheng", "xihu-qisu"],
    "nanshan": ["nanshan-chuanpiao", "nanshan-yingsu", "nanshan-juzheng", "nanshan-qisu"],
    "bjinternet": ["bjinternet-chuanpiao", "bjinternet-yingsu", "bjinternet-qisu"],
}
SERVED = {"xihu": dt.date(2026, 11, 4), "nanshan": dt.date(2026, 11, 6), "bjinternet": dt.date(2026, 12, 2)}
# what a defendant needs from the papers: each must come out of the scan exactly as from the text
FIELDS = ("court.name", "court.case_number", "court.procedure", "court.filed_on", "court.hearing_at",
          "service.answer_days", "service.evidence_due", "plaintiff.name", "defendant.name",
          "claims.principal", "claims.interest", "claims.penalty", "loan.principal", "loan.contract_date")


def _pages(stem: str, scale: float = 150 / 72):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(FIXTURES / f"{stem}.pdf"))
    return [pdf[i].render(scale=scale, grayscale=True).to_pil() for i in range(len(pdf))]


def _degrade(image, seed: int, *, angle: float, blur: float, dust: int, quality: int):
    """A page as a scanner or a phone gives it: slightly turned, soft, dusty, JPEG-compressed."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    image = image.convert("L").rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=235)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    pixels = image.load()
    for _ in range(dust):
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.randrange(90, 230)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


SCANNER = dict(angle=0.8, blur=0.6, dust=15_000, quality=60)
PHONE = dict(angle=-1.6, blur=0.9, dust=30_000, quality=50)


def _scanned(tmp_path: Path, name: str, how: str) -> list[Path]:
    """The set ``name`` as image-only PDFs (``how="scan"``) or as one JPG per page (``"photo"``)."""
    paths = []
    for k, stem in enumerate(SETS[name]):
        pages = [_degrade(p, seed=k * 10 + i, **(SCANNER if how == "scan" else PHONE))
                 for i, p in enumerate(_pages(stem))]
        if how == "scan":
            path = tmp_path / f"{stem}-scan.pdf"
            pages[0].save(path, "PDF", resolution=150, save_all=True, append_images=pages[1:])
            paths.append(path)
        else:
            for i, page in enumerate(pages):
                path = tmp_path / f"{stem}-photo-{i + 1}.jpg"
                page.save(path, "JPEG", quality=85)
                paths.append(path)
    return paths


def _case(paths: list[Path], name: str) -> dict:
    reading = read_documents([str(p) for p in paths])
    assert reading.errors == [], [str(e) for e in reading.errors]
    return build_case(reading.documents, served_on=SERVED[name], service_method="electronic").case


def _get(case: dict, path: str):
    section, key = path.split(".")
    return case.get(section, {}).get(key)


@pytest.fixture(scope="module")
def text_cases():
    return {name: _case([FIXTURES / f"{stem}.pdf" for stem in stems], name) for name, stems in SETS.items()}


@pytest.mark.parametrize("name", sorted(SETS))
def test_a_scanned_set_gives_the_fields_of_the_text_set(tmp_path, text_cases, name):
    case = _case(_scanned(tmp_path, name, "scan"), name)
    expected = text_cases[name]
    wrong = {f: (_get(case, f), _get(expected, f)) for f in FIELDS if _get(case, f) != _get(expected, f)}
    assert wrong == {}
    sources = case["notes"]["sources"]
    assert all(src["ocr"] and src["confidence"] is not None for src in sources.values() if src["document"])


@pytest.mark.parametrize("name", ["xihu", "bjinternet"])
def test_phone_photos_give_the_fields_of_the_text_set(tmp_path, text_cases, name):
    case = _case(_scanned(tmp_path, name, "photo"), name)
    expected = text_cases[name]
    wrong = {f: (_get(case, f), _get(expected, f)) for f in FIELDS if _get(case, f) != _get(expected, f)}
    assert wrong == {}


def test_each_line_carries_its_confidence_and_a_blurred_line_is_flagged(tmp_path):
    page = _degrade(_pages("xihu-chuanpiao")[0], seed=1, **SCANNER)
    path = tmp_path / "chuanpiao.jpg"
    page.save(path, "JPEG", quality=85)
    text = read_ocr(path)
    assert isinstance(text, OcrText) and len(text.pages) == 1
    assert "传票" in text.pages[0] and all(0 < s <= 1 for _, s in text.lines[0])
    from respond.extract.ocr import confidence_of

    assert confidence_of(text.lines[0], "（2026）浙0106民初12345号") > 0.9
    assert confidence_of(text.lines[0], "不在这页上的字") is None


def test_without_ocr_a_scan_says_how_to_add_it(tmp_path, monkeypatch):
    import respond.extract.ocr as ocr

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    reading = read_documents([str(FIXTURES / "hostile-scan.pdf")])
    assert reading.documents == [] and len(reading.errors) == 1
    assert "没有文字层" in str(reading.errors[0])  # the text reader's own message, unchanged
    photo = tmp_path / "photo.jpg"
    _degrade(_pages("xihu-chuanpiao")[0], seed=2, **PHONE).save(photo, "JPEG")
    reading = read_documents([str(photo)])
    assert 'pip install "respond[ocr]"' in str(reading.errors[0])


def test_extract_then_draft_from_a_scanned_set(tmp_path):
    """The whole path from paper: scans of the xihu set → respond extract → respond draft."""
    import json

    from click.testing import CliRunner
    from docx_text import visible_text  # tests/docx_text.py: the text a person sees

    from respond.cli.extract_cmd import extract
    from respond.cli.main import main

    scans = _scanned(tmp_path, "xihu", "scan")
    out = tmp_path / "case.json"
    result = CliRunner().invoke(extract, [*map(str, scans), "-o", str(out), "--served-on", "2026-11-04",
                                          "--service-method", "electronic"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "33010619900101123X" not in result.stdout + result.stderr  # no ID number on the console
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["notes"]["missing"] == []
    drafted = CliRunner().invoke(main, ["draft", "--case", str(out), "--out", str(tmp_path / "draft"),
                                        "--today", "2026-11-10"])
    assert drafted.exit_code == 0, drafted.stderr
    text = visible_text((tmp_path / "draft" / "答辩状.docx").read_bytes())
    for value in ("浙江省杭州市西湖区人民法院", "（2026）浙0106民初12345号", "9,000.00"):
        assert value in text, value
