"""The committed .docx templates: page setup, fonts, styles, tag hygiene, and that build.py
reproduces them."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from lxml import etree

from respond.templates import build, forms

PACKAGE_DIR = Path(forms.__file__).parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILES = list(forms.TEMPLATE_FILES.values()) + [letter.file for letter in forms.LETTERS.values()]
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


@pytest.fixture(scope="module")
def fresh():
    """Templates built now by build.py, file name → bytes."""
    return build.build_all()


def open_doc(name: str):
    return docx.Document(str(PACKAGE_DIR / name))


@pytest.mark.parametrize("name", FILES)
def test_committed_template_exists_and_matches_a_fresh_build(fresh, name):
    path = PACKAGE_DIR / name
    assert path.is_file(), f"{name} missing: run python -m respond.templates.build"
    committed = zipfile.ZipFile(path)
    built = zipfile.ZipFile(io.BytesIO(fresh[name]))
    assert committed.namelist() == built.namelist()
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        assert committed.read(part) == built.read(part), f"{name}:{part} is stale: run python -m respond.templates.build"


def test_build_is_reproducible(fresh):
    assert build.build_all() == fresh


def test_build_main_writes_the_files(tmp_path, fresh):
    assert build.main(["--out", str(tmp_path)]) == 0
    for name in FILES:
        assert (tmp_path / name).read_bytes() == fresh[name]


@pytest.mark.parametrize("name", list(forms.ANSWER_FILES.values()))
def test_answer_forms_are_a4_portrait_with_court_margins(name):
    section = open_doc(name).sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    # Word stores twips: A4 is 11906 × 16838
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1) and abs(section.right_margin - Mm(26)) < Mm(0.1)


def test_annex_is_a4_landscape():
    section = open_doc(forms.ANNEX_FILE).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (section.page_width.twips, section.page_height.twips) == (16838, 11906)


@pytest.mark.parametrize("name", FILES)
def test_fonts_are_explicit_with_east_asian_faces(name):
    styles = etree.fromstring(zipfile.ZipFile(PACKAGE_DIR / name).read("word/styles.xml"))
    assert b"w:eastAsia" in etree.tostring(styles)

    def rfonts(el):
        f = el.find(f"{W}rPr/{W}rFonts")
        assert f is not None
        assert f.get(f"{W}asciiTheme") is None and f.get(f"{W}eastAsiaTheme") is None
        return f.get(f"{W}ascii"), f.get(f"{W}hAnsi"), f.get(f"{W}eastAsia")

    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault")
    assert rfonts(defaults) == ("Times New Roman", "Times New Roman", "SimSun")
    assert defaults.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    by_id = {s.get(f"{W}styleId"): s for s in styles.findall(f"{W}style")}
    assert rfonts(by_id["Normal"]) == ("Times New Roman", "Times New Roman", "SimSun")
    assert rfonts(by_id["RespondTable"])[2] == "SimSun"
    assert by_id["RespondTable"].find(f"{W}tblPr/{W}tblBorders") is not None
    # every style a paragraph or table uses sets its fonts
    document = zipfile.ZipFile(PACKAGE_DIR / name).read("word/document.xml").decode()
    used = set(re.findall(r'<w:(?:pStyle|tblStyle) w:val="([^"]+)"', document))
    assert used
    for style_id in used:
        latin, h_ansi, east_asia = rfonts(by_id[style_id])
        assert latin == h_ansi == "Times New Roman"
        assert east_asia in {"SimSun", "SimHei"}, (style_id, east_asia)


@pytest.mark.parametrize("name", list(forms.ANSWER_FILES.values()))
def test_title_is_centred_bold_song(name):
    doc = open_doc(name)
    title = doc.paragraphs[0]
    assert title.text == forms.TITLE
    style = title.style
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.font.bold is True
    assert style.element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") in {"SimSun", "SimHei"}
    assert doc.paragraphs[1].text.startswith("（") and doc.paragraphs[1].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("name", FILES)
def test_every_tag_is_alone_in_its_run(name):
    xml = etree.fromstring(zipfile.ZipFile(PACKAGE_DIR / name).read("word/document.xml"))
    tags = 0
    for run in xml.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        found = TAG.findall(text)
        if "{" in text or "}" in text:
            assert len(found) == 1 and found[0] == text, f"run {text!r}"
            tags += 1
    assert tags >= 10  # the letter has exactly 10


@pytest.mark.parametrize("name", FILES)
def test_no_leftovers_of_the_python_docx_default_package(name):
    names = zipfile.ZipFile(PACKAGE_DIR / name).namelist()
    assert not any(n.startswith(("customXml/", "docProps/thumbnail")) or "stylesWithEffects" in n for n in names)
    core = zipfile.ZipFile(PACKAGE_DIR / name).read("docProps/core.xml").decode()
    assert "python-docx" not in core


@pytest.mark.parametrize("form_key", ["financial", "private"])
def test_answer_template_lists_every_item_label(form_key):
    form = forms.FORMS[form_key]
    doc = open_doc(forms.ANSWER_FILES[form_key])
    labels = [row.cells[0].text for row in doc.tables[1].rows]
    expected = [f"{n}.{i.label}" for n, i in enumerate(form.claims, 1)]
    expected += [f"{n}.{i.label}" for n, i in enumerate(form.facts, 1)]
    expected += [f"{n}.{i.label}" for n, i in form.closing_numbered()]
    assert [label for label in labels if re.match(r"\d+\.", label)] == expected


def test_variables_md_lists_every_style():
    doc = (PACKAGE_DIR / "VARIABLES.md").read_text(encoding="utf-8")
    for name in list(build._PARAGRAPH_STYLES) + [build.STYLE_TABLE]:
        assert name in doc, name


@pytest.mark.parametrize("name", FILES)
def test_font_table_names_the_fonts_used_with_their_chinese_names(name):
    table = etree.fromstring(zipfile.ZipFile(PACKAGE_DIR / name).read("word/fontTable.xml"))
    fonts = {f.get(f"{W}name"): f for f in table.findall(f"{W}font")}
    assert set(fonts) == {"Times New Roman", "SimSun", "SimHei"}
    assert fonts["SimSun"].find(f"{W}altName").get(f"{W}val") == "宋体"
    assert fonts["SimSun"].find(f"{W}family").get(f"{W}val") == "roman"  # serif, for substitution
    assert fonts["SimHei"].find(f"{W}altName").get(f"{W}val") == "黑体"
    assert all(fonts[n].find(f"{W}charset").get(f"{W}val") == "86" for n in ("SimSun", "SimHei"))  # GB2312
