"""Build the committed .docx templates from :mod:`respond.templates.forms`.

    python -m respond.templates.build            # writes into this package's folder
    python -m respond.templates.build --out DIR  # writes elsewhere (tests, or a firm's starting point)

Writes ``答辩状-金融借款.docx``, ``答辩状-民间借贷.docx``, ``利息重算表.docx`` and ``管辖权异议申请书.docx``. The output is
byte-for-byte reproducible: fixed document properties, fixed zip timestamps, and nothing taken
from the clock or the machine.

Layout: A4, margins of GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); body
宋体 (SimSun) 小四 (12 pt), title 宋体 bold 二号 (22 pt), headings 黑体 (SimHei), Latin text Times New Roman. Every font is set with
``w:rFonts`` ascii/hAnsi/eastAsia/cs on the document defaults and on each style used, so Word
never falls back to theme fonts. Styles carry Chinese names (答辩状标题, 表格正文 …) so a firm can
restyle the whole document from Word's style pane.

Every Jinja tag sits alone in its own run (see :func:`_add_runs`), so editing the text around a
tag in Word cannot split it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Iterable, Optional, Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from respond.templates import forms
from respond.templates.forms import Form
from respond.templates.render import write_zip

__all__ = ["build_answer", "build_annex", "build_objection", "build_all", "main"]

FONT_LATIN = "Times New Roman"
# Fonts are named by their family names, which Word and WPS resolve to 宋体/黑体 and which
# fontconfig knows: on a machine without them LibreOffice falls back to a serif CJK face for
# SimSun (Noto Serif CJK SC, when installed) and a sans face for SimHei. A Chinese name (宋体, 仿宋)
# has no such entry and falls back to a sans face; 仿宋 (FangSong) has no serif fallback at all.
FONT_BODY = "SimSun"
FONT_TITLE = "SimSun"
FONT_HEADING = "SimHei"
# The font table tells a word processor what each named font is (Chinese name, GB2312, serif or
# sans), for its own substitution when the font is missing.
FONT_TABLE = (
    ("Times New Roman", None, "00", "roman", "02020603050405020304"),
    ("SimSun", "宋体", "86", "roman", "02010600030101010101"),
    ("SimHei", "黑体", "86", "modern", "02010609060101010101"),
)

BODY_PT = 12  # 小四
NOTICE_PT = 10.5  # 五号
CELL_PT = 10.5  # 五号: the text inside the form's cells, as on printed court forms
# Exact line height in the cells: a fallback CJK face (Noto) has a taller natural line than 宋体,
# which with a multiple would make the same answer a page longer on LibreOffice than in Word.
CELL_LINE = Pt(15)
TITLE_PT = 22  # 二号
SUBTITLE_PT = 16  # 三号

BOX_EMPTY = "☐"
BOX_TICKED = "☑"

# Fixed document properties: nothing in the output depends on when or where it was built.
_FIXED_TIME = dt.datetime(2025, 7, 14, 0, 0, 0)  # 法〔2025〕82号 示范文本全面推广之日

_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})")

# style name → (style id, font, size pt, bold, alignment, extra paragraph settings)
_CENTER = WD_ALIGN_PARAGRAPH.CENTER
_LEFT = WD_ALIGN_PARAGRAPH.LEFT
_RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
_JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

STYLE_TITLE = "答辩状标题"
STYLE_SUBTITLE = "答辩状副标题"
STYLE_NOTICE = "说明文字"
STYLE_NOTICE_HEADING = "说明标题"
STYLE_WARNING_HEADING = "特别提示标题"
STYLE_SECTION = "栏目标题"
STYLE_LABEL = "表格标签"
STYLE_CELL = "表格正文"
STYLE_NUMBER = "表格数字"
STYLE_DATE = "表格日期"
STYLE_BODY = "答辩状正文"
STYLE_HEADING = "小标题"
STYLE_SIGNATURE = "落款"
STYLE_FOOTER = "页脚页码"
STYLE_ANNEX_TITLE = "附件标题"
STYLE_TABLE = "答辩状表格"

_PARAGRAPH_STYLES: dict[str, dict] = {
    STYLE_TITLE: dict(id="RespondTitle", font=FONT_TITLE, size=TITLE_PT, bold=True, align=_CENTER, after=0),
    STYLE_SUBTITLE: dict(id="RespondSubtitle", font=FONT_TITLE, size=SUBTITLE_PT, align=_CENTER, after=12),
    STYLE_NOTICE: dict(id="RespondNotice", font=FONT_BODY, size=NOTICE_PT, align=_JUSTIFY),
    STYLE_NOTICE_HEADING: dict(id="RespondNoticeHeading", font=FONT_HEADING, size=NOTICE_PT, bold=True, align=_LEFT),
    STYLE_WARNING_HEADING: dict(id="RespondWarningHeading", font=FONT_HEADING, size=NOTICE_PT, bold=True, align=_CENTER,
                                before=6),
    STYLE_SECTION: dict(id="RespondSection", font=FONT_HEADING, size=BODY_PT, bold=True, align=_CENTER, keep_next=True),
    STYLE_LABEL: dict(id="RespondLabel", font=FONT_BODY, size=CELL_PT, align=_LEFT, line=CELL_LINE),
    # left, not justified: justified cells stretch the spaces around figures across the line
    STYLE_CELL: dict(id="RespondCell", font=FONT_BODY, size=CELL_PT, align=_LEFT, line=CELL_LINE),
    STYLE_NUMBER: dict(id="RespondNumber", font=FONT_BODY, size=NOTICE_PT, align=_RIGHT),
    STYLE_DATE: dict(id="RespondDate", font=FONT_BODY, size=NOTICE_PT, align=_CENTER),
    STYLE_BODY: dict(id="RespondBody", font=FONT_BODY, size=BODY_PT, align=_JUSTIFY, line=1.5),
    STYLE_HEADING: dict(id="RespondHeading", font=FONT_HEADING, size=BODY_PT, bold=True, align=_LEFT, before=12, after=6,
                        keep_next=True),
    STYLE_SIGNATURE: dict(id="RespondSignature", font=FONT_BODY, size=BODY_PT, align=_LEFT, indent=Mm(85), line=2.0),
    STYLE_ANNEX_TITLE: dict(id="RespondAnnexTitle", font=FONT_TITLE, size=SUBTITLE_PT, bold=True, align=_CENTER, after=6),
    STYLE_FOOTER: dict(id="RespondFooter", font=FONT_BODY, size=NOTICE_PT, align=_CENTER),
}


# ---------------------------------------------------------------------------------------------
# Fonts and styles


def _set_rfonts(rpr, east_asia: str, latin: str = FONT_LATIN) -> None:
    """Explicit fonts on a ``w:rPr``: no theme fonts, East Asian text in ``east_asia``."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)


def _child(parent, tag: str):
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    return el


def _setup_defaults(doc: DocumentObject) -> None:
    """Document defaults: Chinese language, body fonts, no spacing after paragraphs."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr, FONT_BODY)
    sz = _child(rpr, "w:sz")
    sz.set(qn("w:val"), str(BODY_PT * 2))
    szcs = _child(rpr, "w:szCs")
    szcs.set(qn("w:val"), str(BODY_PT * 2))
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")

    normal = doc.styles["Normal"]
    _set_rfonts(normal.element.get_or_add_rPr(), FONT_BODY)
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _add_paragraph_styles(doc: DocumentObject) -> None:
    for name, spec in _PARAGRAPH_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), spec["id"])
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        _set_rfonts(style.element.get_or_add_rPr(), spec["font"])
        style.font.size = Pt(spec["size"])
        style.font.bold = True if spec.get("bold") else None
        fmt = style.paragraph_format
        fmt.alignment = spec["align"]
        fmt.space_before = Pt(spec.get("before", 0))
        fmt.space_after = Pt(spec.get("after", 0))
        fmt.line_spacing = spec.get("line", 1.15)
        if "indent" in spec:
            fmt.left_indent = spec["indent"]
        if spec.get("keep_next"):
            fmt.keep_with_next = True
    # Paragraphs that continue from one to the next keep their style; set "next" to itself.
    for name in _PARAGRAPH_STYLES:
        doc.styles[name].next_paragraph_style = doc.styles[name]


def _add_table_style(doc: DocumentObject) -> None:
    """A bordered table style (0.5 pt single lines) with the body fonts."""
    style = doc.styles.add_style(STYLE_TABLE, WD_STYLE_TYPE.TABLE)
    el = style.element
    el.set(qn("w:styleId"), "RespondTable")
    _set_rfonts(el.get_or_add_rPr(), FONT_BODY)
    style.font.size = Pt(BODY_PT)
    tblpr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "000000")
        borders.append(b)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 28), ("left", 85), ("bottom", 28), ("right", 85)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(width))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblpr.append(margins)
    # schema order inside w:style: … pPr, rPr, tblPr …
    el.append(tblpr)


def _prune_styles(doc: DocumentObject) -> None:
    """Keep only the default styles and ours: a short style list for the firms to edit."""
    keep_ids = {spec["id"] for spec in _PARAGRAPH_STYLES.values()} | {"RespondTable"}
    styles_el = doc.styles.element
    for style in list(styles_el.findall(qn("w:style"))):
        if style.get(qn("w:default")) == "1" or style.get(qn("w:styleId")) in keep_ids:
            continue
        styles_el.remove(style)


def _new_document(title: str, subject: str) -> DocumentObject:
    doc = Document()
    # Parts of python-docx's default package the templates do not need (and a thumbnail that
    # would show python-docx's own preview in file browsers).
    for rels, reltypes in (
        (doc.part.rels, ("/stylesWithEffects", "/customXml", "/numbering")),
        (doc.part.package.rels, ("/thumbnail",)),
    ):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(reltypes):
                del rels[rid]
    settings = doc.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids"):
        el = settings.find(qn(tag))
        if el is not None:
            settings.remove(el)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    # Justified lines that end in a line break (a "\n" in a value) are not stretched.
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))

    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = "respond"
    props.last_modified_by = "respond"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = _FIXED_TIME
    props.modified = _FIXED_TIME
    props.last_printed = _FIXED_TIME

    _setup_defaults(doc)
    _add_paragraph_styles(doc)
    _add_table_style(doc)
    _prune_styles(doc)
    # The default document has one empty paragraph; start from an empty body.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return doc


def _page(doc: DocumentObject, landscape: bool = False) -> None:
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(25)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(15)
    # footer: "— 1 —" page number field
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.style = doc.styles[STYLE_FOOTER]
    p.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    p.add_run(" —")


def _text_width(doc: DocumentObject) -> int:
    s = doc.sections[0]
    return s.page_width - s.left_margin - s.right_margin


# ---------------------------------------------------------------------------------------------
# Paragraphs, runs and tables


def _add_runs(paragraph, text: str) -> None:
    """Add ``text`` as runs, each Jinja tag alone in its own run."""
    for piece in _TAG.split(text):
        if piece:
            paragraph.add_run(piece)


def _para(container, text: str, style: str):
    """A paragraph of ``style`` appended to a document or a cell."""
    p = container.add_paragraph(style=style)
    _add_runs(p, text)
    return p


def _cell_lines(cell: _Cell, lines: Sequence[str], style: str) -> None:
    """Fill a (new, empty) cell with one paragraph per line."""
    first = cell.paragraphs[0]
    first.style = style
    _add_runs(first, lines[0])
    for line in lines[1:]:
        _para(cell, line, style)


def _table(doc: DocumentObject, widths: Sequence[int]) -> Table:
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles[STYLE_TABLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, width in zip(table.columns, widths):
        col.width = width
    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(int(sum(widths) / 635)))  # EMU → twentieths of a point
    tblw.set(qn("w:type"), "dxa")
    return table


def _row(table: Table, widths: Sequence[int], cells: Sequence[tuple[Sequence[str], str]],
         spans: Optional[Sequence[int]] = None, header: bool = False, keep: bool = True):
    """Append a row. ``cells``: (lines, style) per visible cell; ``spans``: grid columns each covers.

    ``header`` repeats the row on every page; ``keep`` stops Word from breaking the row across
    pages (left off for rows holding the defendant's free text, which may be long).
    """
    row = table.add_row()
    for cell, width in zip(row.cells, widths):
        cell.width = width
    spans = list(spans or [1] * len(cells))
    visible = []
    col = 0
    for span in spans:
        cell = row.cells[col]
        if span > 1:
            cell = cell.merge(row.cells[col + span - 1])
        visible.append(cell)
        col += span
    # a row that may break across pages keeps its label at the top: centred, it would be cut in two
    valign = WD_CELL_VERTICAL_ALIGNMENT.CENTER if keep or header else WD_CELL_VERTICAL_ALIGNMENT.TOP
    for cell, (lines, style) in zip(visible, cells):
        cell.vertical_alignment = valign
        _cell_lines(cell, list(lines), style)
    if keep or header:
        trpr = row._tr.get_or_add_trPr()
        if keep:
            trpr.append(OxmlElement("w:cantSplit"))
        if header:
            trpr.append(OxmlElement("w:tblHeader"))
    return row


def _ticks(condition: str, first: str, second: str) -> str:
    """``{% if cond %}A☑ B☐{% else %}A☐ B☑{% endif %}``: first box ticked when ``condition`` holds."""
    return (
        f"{{% if {condition} %}}{first}{BOX_TICKED} {second}{BOX_EMPTY}"
        f"{{% else %}}{first}{BOX_EMPTY} {second}{BOX_TICKED}{{% endif %}}"
    )


def _e_service_ticks() -> str:
    """是否接受电子送达: both boxes empty until the defendant chooses (``service.electronic_chosen``)."""
    return (
        f"{{% if not service.electronic_chosen %}}是{BOX_EMPTY} 否{BOX_EMPTY}"
        f"{{% elif service.electronic %}}是{BOX_TICKED} 否{BOX_EMPTY}"
        f"{{% else %}}是{BOX_EMPTY} 否{BOX_TICKED}{{% endif %}}"
    )


def _objection(group: str, key: str, ticks: tuple[str, str] = ("无", "有"), reasons: str = "事实和理由") -> str:
    """The right-hand cell of an "有无异议" item: 无/有 boxes (the form's own words), then the reasons."""
    # 无 comes first on the form; an item left to the defendant to check (请核对) ticks neither.
    agree, object_ = ticks
    return (
        f"{{% if {group}.{key}.objection %}}{agree}{BOX_EMPTY} {object_}{BOX_TICKED}"
        f"{{% elif {group}.{key}.agreed %}}{agree}{BOX_TICKED} {object_}{BOX_EMPTY}"
        f"{{% else %}}{agree}{BOX_EMPTY} {object_}{BOX_EMPTY}{{% endif %}}"
        f"　{reasons}：{{{{ {group}.{key}.text }}}}"
    )


# ---------------------------------------------------------------------------------------------
# The answer form


def build_answer(form: Form) -> DocumentObject:
    """The 要素式民事答辩状 template for one form."""
    doc = _new_document(forms.TITLE, form.cause)
    _page(doc)
    width = _text_width(doc)

    _para(doc, forms.TITLE, STYLE_TITLE)
    _para(doc, "（{{ case_cause }}）", STYLE_SUBTITLE)

    # 说明 and ★特别提示★, boxed as on the official form
    explanation, warning = forms.notice_lines(form.cause)
    notice = _table(doc, [width])
    row = notice.add_row()
    cell = row.cells[0]
    cell.width = width
    _cell_lines(cell, explanation[:1], STYLE_NOTICE_HEADING)
    for line in explanation[1:]:
        _para(cell, line, STYLE_NOTICE)
    _para(cell, warning[0], STYLE_WARNING_HEADING)
    for line in warning[1:]:
        _para(cell, line, STYLE_NOTICE)

    _para(doc, "", STYLE_CELL)  # keeps the two tables apart

    # main table: label | content; the first row is 案号 | … | 案由 | …
    label_w = Mm(40)
    grid = [label_w, Mm(44), Mm(24), width - label_w - Mm(44) - Mm(24)]
    table = _table(doc, grid)
    two = [1, 3]
    whole = [4]

    _row(table, grid, [(["案号"], STYLE_LABEL), (["{{ case_number }}"], STYLE_CELL),
                       (["案由"], STYLE_LABEL), (["{{ case_cause }}"], STYLE_CELL)])

    _row(table, grid, [([forms.PARTIES_HEADING], STYLE_SECTION)], whole)
    _row(table, grid, [
        (["答辩人（自然人）"], STYLE_LABEL),
        ([f"{i.label}：{{{{ defendant.{i.key} }}}}" for i in forms.DEFENDANT_FIELDS], STYLE_CELL),
    ], two)
    plaintiff = ["名称：{{ plaintiff.name }}"]
    for key, label in (("credit_code", "统一社会信用代码"), ("address", "住所地"), ("representative", "法定代表人/负责人")):
        plaintiff += [f"{{%p if plaintiff.{key} %}}", f"{label}：{{{{ plaintiff.{key} }}}}", "{%p endif %}"]
    _row(table, grid, [(["原告"], STYLE_LABEL), (plaintiff, STYLE_CELL)], two)
    _row(table, grid, [
        (["委托诉讼代理人"], STYLE_LABEL),
        ([_ticks("agent.present", "有", "无")]
         + [f"{i.label}：{{{{ agent.{i.key} }}}}" for i in forms.AGENT_FIELDS], STYLE_CELL),
    ], two)
    _row(table, grid, [
        ([f"送达地址（{forms.SERVICE_NOTE}）"], STYLE_LABEL),
        (["地址：{{ service.address }}", "收件人：{{ service.recipient }}", "电话：{{ service.phone }}"], STYLE_CELL),
    ], two)
    _row(table, grid, [
        (["是否接受电子送达"], STYLE_LABEL),
        ([_e_service_ticks(), "方式：{{ service.electronic_method }}"], STYLE_CELL),
    ], two)

    _row(table, grid, [([forms.CLAIMS_HEADING], STYLE_SECTION)], whole)
    for n, item in enumerate(form.claims, 1):
        _row(table, grid, [([f"{n}.{item.label}"], STYLE_LABEL), ([_objection("d", item.key, item.ticks or form.ticks, form.reasons[0])], STYLE_CELL)], two,
             keep=False)

    _row(table, grid, [([forms.FACTS_HEADING], STYLE_SECTION)], whole)
    for n, item in enumerate(form.facts, 1):
        _row(table, grid, [([f"{n}.{item.label}"], STYLE_LABEL), ([_objection("f", item.key, item.ticks or form.ticks, form.reasons[1])], STYLE_CELL)], two,
             keep=False)

    for n, item in form.closing_numbered():
        label = [f"{n}.{item.label}"]
        if item.key == "basis":
            content = [f"{forms.BASIS_CONTRACT_LABEL}：{{{{ basis_contract }}}}",
                       f"{forms.BASIS_LAW_LABEL}：{{{{ basis_law }}}}"]
        elif item.key == "other_notes":
            content = ["{{ other_notes }}"]
        elif item.key == "evidence":
            # one numbered paragraph per item; "无" when the list is empty
            content = ["{%p for e in evidence %}", "{{ loop.index }}.{{ e }}", "{%p else %}", "无", "{%p endfor %}"]
        else:  # pragma: no cover - forms.py defines only these three
            raise ValueError(item.key)
        _row(table, grid, [(label, STYLE_LABEL), (content, STYLE_CELL)], two, keep=False)

    _para(doc, "", STYLE_BODY)
    p = _para(doc, "此致", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _para(doc, "{{ court }}", STYLE_BODY)
    _para(doc, "", STYLE_BODY)
    _para(doc, forms.SIGNATURE_LABEL, STYLE_SIGNATURE)
    _para(doc, forms.DATE_LABEL + "{{ signed_date }}", STYLE_SIGNATURE)
    return doc


# ---------------------------------------------------------------------------------------------
# The recomputation annex


def _ledger_table(doc: DocumentObject, grid: Sequence[int], rows: str) -> Table:
    """A ledger (forms.ANNEX_ROW_COLUMNS), one row per element of the context list ``rows``."""
    columns = forms.ANNEX_ROW_COLUMNS
    blank = [([""], STYLE_CELL)] * (len(columns) - 1)
    table = _table(doc, grid)
    _row(table, grid, [([c.label], STYLE_SECTION) for c in columns], header=True)
    _row(table, grid, [([f"{{%tr for r in {rows} %}}"], STYLE_CELL)] + blank)
    _row(table, grid, [
        ([f"{{{{ r.{c.key} }}}}"], STYLE_DATE if c.key in ("date", "event") else STYLE_NUMBER) for c in columns
    ], keep=True)
    _row(table, grid, [(["{%tr endfor %}"], STYLE_CELL)] + blank)
    return table


def build_annex() -> DocumentObject:
    """利息重算表: method, summary (claimed vs lawful), one row per ledger step, note."""
    doc = _new_document("附件：利息重算表", "利息重算表")
    _page(doc, landscape=True)
    width = _text_width(doc)

    _para(doc, "附件：利息重算表", STYLE_ANNEX_TITLE)
    _para(doc, "案号：{{ case_number }}　　答辩人：{{ defendant.name }}", STYLE_CELL)

    _para(doc, "一、计算方法", STYLE_HEADING)
    p = _para(doc, "{{ annex.method }}", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)

    _para(doc, "二、计算结果（截至{{ annex.summary.as_of }}）", STYLE_HEADING)
    first = Mm(60)
    rest = (width - first) // 3
    grid = [first, rest, rest, width - first - 2 * rest]
    summary = _table(doc, grid)
    _row(summary, grid, [(["项目"], STYLE_SECTION), (["原告主张（元）"], STYLE_SECTION),
                         (["依法计算（元）"], STYLE_SECTION), (["差额（元）"], STYLE_SECTION)], header=True)
    for line in forms.ANNEX_SUMMARY_LINES:
        _row(summary, grid, [([line.label], STYLE_LABEL)] + [
            ([f"{{{{ annex.summary.{line.key}_{col} }}}}"], STYLE_NUMBER) for col in ("claimed", "lawful", "diff")
        ])
    _row(summary, grid, [(["合计（大写）"], STYLE_LABEL)] + [
        ([f"{{{{ annex.summary.total_{col}_upper }}}}"], STYLE_CELL) for col in ("claimed", "lawful", "diff")
    ])

    _para(doc, "三、逐笔计算明细", STYLE_HEADING)
    columns = forms.ANNEX_ROW_COLUMNS
    fixed = {"date": Mm(26), "event": Mm(18), "days": Mm(14), "rate": Mm(20)}
    other = [c.key for c in columns if c.key not in fixed]
    each = (width - sum(fixed.values())) // len(other)
    widths = {**fixed, **{k: each for k in other}}
    widths[other[-1]] = width - sum(v for k, v in widths.items() if k != other[-1])
    grid = [widths[c.key] for c in columns]
    _ledger_table(doc, grid, "annex.rows")

    _para(doc, "{{ annex.paid }}", STYLE_NOTICE)
    _para(doc, "{{ annex.note }}", STYLE_NOTICE)

    # 四、the dated cash flows the APR was solved on, for a judge to re-run
    _para(doc, "{%p if annex.apr %}", STYLE_BODY)
    _para(doc, "{{ annex.apr.heading }}", STYLE_HEADING)
    flow_grid = [Mm(36), Mm(70), Mm(45), Mm(45)]
    flows = _table(doc, flow_grid)
    _row(flows, flow_grid, [(["日期"], STYLE_SECTION), (["现金流"], STYLE_SECTION), (["答辩人收到（元）"], STYLE_SECTION),
                            (["答辩人支付（元）"], STYLE_SECTION)], header=True)
    blank = [([""], STYLE_CELL)] * 3
    _row(flows, flow_grid, [(["{%tr for f in annex.apr.rows %}"], STYLE_CELL)] + blank)
    _row(flows, flow_grid, [(["{{ f.date }}"], STYLE_DATE), (["{{ f.what }}"], STYLE_CELL), (["{{ f.received }}"], STYLE_NUMBER),
                            (["{{ f.paid }}"], STYLE_NUMBER)], keep=True)
    _row(flows, flow_grid, [(["{%tr endfor %}"], STYLE_CELL)] + blank)
    _para(doc, "{{ annex.apr.result }}", STYLE_NOTICE)
    _para(doc, "{%p endif %}", STYLE_BODY)

    # 五、the private-lending caps' ledger, when the answer argues that figure first
    _para(doc, "{%p if annex.alt %}", STYLE_BODY)
    _para(doc, "{{ annex.alt.heading }}", STYLE_HEADING)
    _para(doc, "{{ annex.alt.method }}", STYLE_NOTICE)
    _ledger_table(doc, grid, "annex.alt.rows")
    _para(doc, "{%p endif %}", STYLE_BODY)
    return doc


# ---------------------------------------------------------------------------------------------
# The jurisdiction objection (管辖权异议申请书)


def build_objection() -> DocumentObject:
    """管辖权异议申请书: parties, the request to transfer, numbered reasons, signature (民诉法第130条)."""
    doc = _new_document(forms.OBJECTION_TITLE, forms.OBJECTION_TITLE)
    _page(doc)
    _para(doc, forms.OBJECTION_TITLE, STYLE_TITLE)
    _para(doc, "", STYLE_BODY)
    _para(doc, "申请人（被告）：{{ applicant.name }}{% if applicant.details %}，{{ applicant.details }}{% endif %}", STYLE_BODY)
    _para(doc, "住所地：{{ applicant.address }}", STYLE_BODY)
    for text in ("{%p if applicant.residence %}", "经常居住地：{{ applicant.residence }}", "{%p endif %}"):
        _para(doc, text, STYLE_BODY)
    _para(doc, "联系电话：{{ applicant.phone }}", STYLE_BODY)
    _para(doc, "被申请人（原告）：{{ respondent.name }}", STYLE_BODY)
    _para(doc, "住所地：{{ respondent.address }}", STYLE_BODY)
    _para(doc, "法定代表人：{{ respondent.representative }}", STYLE_BODY)
    _para(doc, "申请事项：", STYLE_HEADING)
    p = _para(doc, "{{ request }}", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _para(doc, "事实和理由：", STYLE_HEADING)
    for text in ("{%p for r in reasons %}", "{{ loop.index }}. {{ r }}", "{%p endfor %}"):
        p = _para(doc, text, STYLE_BODY)
        p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    p = _para(doc, "{{ closing }}", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _para(doc, "", STYLE_BODY)
    p = _para(doc, "此致", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _para(doc, "{{ court }}", STYLE_BODY)
    _para(doc, "", STYLE_BODY)
    _para(doc, "申请人（签字）：", STYLE_SIGNATURE)
    _para(doc, forms.DATE_LABEL + "{{ signed_date }}", STYLE_SIGNATURE)
    return doc


def build_letter(letter: forms.Letter = forms.LETTERS["negotiation"]) -> DocumentObject:
    """A letter of respond debts (协商还款函, 征信异议申请书): to its addressee, the sections the
    context gives (each a heading and its lines), the closing, signature and date. Every sentence
    comes from the context (templates/letter.py, templates/credit_dispute.py)."""
    doc = _new_document(letter.title, letter.title)
    _page(doc)
    _para(doc, letter.title, STYLE_TITLE)
    _para(doc, "", STYLE_BODY)
    _para(doc, "致：{{ creditor }}", STYLE_BODY)
    p = _para(doc, "{{ opening }}", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _para(doc, "{%p for s in sections %}", STYLE_BODY)
    _para(doc, "{{ s.heading }}", STYLE_HEADING)
    _para(doc, "{%p for line in s.lines %}", STYLE_BODY)
    p = _para(doc, "{{ line }}", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _para(doc, "{%p endfor %}", STYLE_BODY)
    _para(doc, "{%p endfor %}", STYLE_BODY)
    p = _para(doc, "{{ closing }}", STYLE_BODY)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    # the closing, the signature and the date on one page: a signature alone on a page signs nothing
    kept = [p, _para(doc, "", STYLE_BODY), _para(doc, letter.signer, STYLE_SIGNATURE)]
    for paragraph in kept:
        paragraph.paragraph_format.keep_with_next = True
    _para(doc, forms.DATE_LABEL + "{{ signed_date }}", STYLE_SIGNATURE)
    return doc


# ---------------------------------------------------------------------------------------------
# Output


def _docx_bytes(doc: DocumentObject) -> bytes:
    """Save and re-pack with fixed zip timestamps, so the bytes only depend on this script."""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        parts = [(info.filename, _font_table() if info.filename == "word/fontTable.xml" else zf.read(info))
                 for info in zf.infolist()]
    return write_zip(parts)


def _font_table() -> bytes:
    """``word/fontTable.xml`` naming exactly the fonts the templates use (python-docx's default lists
    Japanese and Latin fonts and none of ours)."""
    fonts = []
    for name, alt, charset, family, panose in FONT_TABLE:
        alt_el = f'<w:altName w:val="{alt}"/>' if alt else ""
        fonts.append(f'<w:font w:name="{name}">{alt_el}<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>'
                     f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            + "".join(fonts) + "</w:fonts>").encode("utf-8")


def build_all() -> dict[str, bytes]:
    """File name → bytes of every template."""
    out = {forms.ANSWER_FILES[key]: _docx_bytes(build_answer(form)) for key, form in forms.FORMS.items()}
    out[forms.ANNEX_FILE] = _docx_bytes(build_annex())
    out[forms.OBJECTION_FILE] = _docx_bytes(build_objection())
    out.update({letter.file: _docx_bytes(build_letter(letter)) for letter in forms.LETTERS.values()})
    return out


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m respond.templates.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="directory to write the templates into (default: this package)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in build_all().items():
        (args.out / name).write_bytes(data)
        print(f"{args.out / name}  {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
