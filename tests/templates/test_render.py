"""Rendering: visible text of every template, strictness, escaping, determinism, template checks.

Documents are checked through what python-docx reads back (paragraphs and table cells), never
through their bytes, except where byte-identity itself is the property (determinism).
"""

from __future__ import annotations

import copy
import dataclasses
import io
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate
from markupsafe import Markup

from respond.templates import forms
from respond.templates.forms import FORMS
from respond.templates.render import (
    CompiledTemplate,
    TemplateError,
    TemplateNotFoundError,
    TemplateSyntaxError,
    TemplateValueError,
    TemplateVariableError,
    clean_context,
    clean_text,
    flatten_paths,
    load_templates,
    templates_check,
)

PACKAGE_DIR = Path(forms.__file__).parent
NASTY = 'A&B <x> "q" \x01\x07\x1b'
NASTY_SHOWN = 'A&B <x> "q" '


def make_docx(*paragraphs: str, header: str | None = None, table: list[list[str]] | None = None) -> bytes:
    """A small template built with python-docx (each string one paragraph, typed as one run)."""
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        t = doc.add_table(rows=0, cols=len(table[0]))
        for cells in table:
            row = t.add_row()
            for cell, text in zip(row.cells, cells):
                cell.text = text
    if header is not None:
        doc.sections[0].header.paragraphs[0].text = header
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def ticks(item: dict) -> str:
    """有 ticked for an objection, 无 for an agreed item, neither for one left open (请核对)."""
    if item["objection"]:
        return "无☐ 有☑"
    return "无☑ 有☐" if item["agreed"] else "无☐ 有☐"


def e_service_ticks(service: dict) -> str:
    if not service["electronic_chosen"]:
        return "是☐ 否☐"
    return "是☑ 否☐" if service["electronic"] else "是☐ 否☑"


# ---------------------------------------------------------------------------------------------
# The answer forms


@pytest.mark.parametrize("form_key", ["financial", "private"])
def test_answer_form_visible_text(templates, contexts, read_docx, form_key):
    form = FORMS[form_key]
    ctx = contexts.CONTEXTS[form_key]()
    doc = read_docx(templates[form_key].render(ctx))

    assert doc.paragraphs[:2] == ["民事答辩状", form.subtitle]
    explanation, warning = forms.notice_lines(form.cause)
    notice = doc.tables[0][0][0].split("\n")
    assert notice == explanation + warning

    assert doc.row("案号") == ["案号", ctx["case_number"], "案由", ctx["case_cause"]]
    for heading in (forms.PARTIES_HEADING, forms.CLAIMS_HEADING, forms.FACTS_HEADING):
        assert doc.row(heading) == [heading]

    person = doc.row("答辩人（自然人）")[1].split("\n")
    assert person == [f"{i.label}：{ctx['defendant'][i.key]}" for i in forms.DEFENDANT_FIELDS]
    assert doc.row("原告")[1] == f"名称：{ctx['plaintiff']['name']}"

    agent = doc.row("委托诉讼代理人")[1].split("\n")
    assert agent[0] == ("有☑ 无☐" if ctx["agent"]["present"] else "有☐ 无☑")
    assert agent[1:] == [f"{i.label}：{ctx['agent'][i.key]}" for i in forms.AGENT_FIELDS]

    service = doc.row(f"送达地址（{forms.SERVICE_NOTE}）")[1].split("\n")
    assert service == [f"地址：{ctx['service']['address']}", f"收件人：{ctx['service']['recipient']}",
                       f"电话：{ctx['service']['phone']}"]
    electronic = doc.row("是否接受电子送达")[1].split("\n")
    assert electronic == [e_service_ticks(ctx["service"]),
                          f"方式：{ctx['service']['electronic_method']}"]

    for group, items in (("d", form.claims), ("f", form.facts)):
        for n, item in enumerate(items, 1):
            value = ctx[group][item.key]
            cells = doc.row(f"{n}.{item.label}")
            assert cells[1] == f"{ticks(value)}　事实和理由：{value['text']}"

    closing = dict((i.key, n) for n, i in form.closing_numbered())
    basis = doc.row(f"{closing['basis']}.答辩依据")[1]
    assert basis == f"合同约定：{ctx['basis_contract']}\n法律规定：{ctx['basis_law']}"
    assert doc.row(f"{closing['other_notes']}.其他需要说明的内容（可另附页）")[1] == ctx["other_notes"]
    evidence = doc.row(f"{closing['evidence']}.证据清单（可另附页）")[1]
    assert evidence == "\n".join(f"{i}.{e}" for i, e in enumerate(ctx["evidence"], 1))

    tail = [p for p in doc.paragraphs[2:] if p]
    assert tail == ["此致", ctx["court"], "答辩人（签字、盖章）：", f"日期：{ctx['signed_date']}"]
    assert "{{" not in doc.text and "{%" not in doc.text


def test_private_form_has_litigation_costs_and_financial_does_not(templates, contexts, read_docx):
    private = read_docx(templates["private"].render(contexts.private_context())).text
    financial = read_docx(templates["financial"].render(contexts.financial_context())).text
    assert "6.对诉讼费负担有无异议" in private
    assert "诉讼费负担" not in financial
    assert "6.对借款提供时间有无异议" in private
    assert "6.对借款发放时间有无异议" in financial


def test_ticks_follow_the_stance(templates, contexts, read_docx):
    ctx = contexts.financial_context()
    for item in ctx["d"].values():
        item["objection"], item["agreed"] = not item["objection"], item["objection"]
    doc = read_docx(templates["financial"].render(ctx))
    for n, item in enumerate(forms.FINANCIAL.claims, 1):
        assert doc.row(f"{n}.{item.label}")[1].startswith(ticks(ctx["d"][item.key]))
    ctx["d"]["principal"].update(objection=False, agreed=False)  # 请核对: neither box
    doc = read_docx(templates["financial"].render(ctx))
    assert doc.row("1.对本金有无异议")[1].startswith("无☐ 有☐")


def test_empty_evidence_list_shows_none(templates, contexts, read_docx):
    ctx = contexts.financial_context()
    ctx["evidence"] = []
    doc = read_docx(templates["financial"].render(ctx))
    assert doc.row("20.证据清单（可另附页）")[1] == "无"


def test_newlines_and_tabs_become_breaks_and_tabs(templates, contexts, read_docx):
    ctx = contexts.financial_context()
    ctx["other_notes"] = "第一行\n第二行\r\n第三行\r第四行\t完"
    out = templates["financial"].render(ctx)
    doc = read_docx(out)
    assert doc.row("19.其他需要说明的内容（可另附页）")[1] == "第一行\n第二行\n第三行\n第四行\t完"
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert "第一行</w:t><w:br/><w:t xml:space=\"preserve\">第二行" in xml
    assert "<w:tab/>" in xml


# ---------------------------------------------------------------------------------------------
# The annex


def test_annex_visible_text(templates, contexts, read_docx):
    ctx = contexts.financial_context()
    annex = ctx["annex"]
    doc = read_docx(templates["annex"].render(ctx))
    assert doc.paragraphs[0] == "附件：利息重算表"
    assert f"案号：{ctx['case_number']}　　答辩人：{ctx['defendant']['name']}" in doc.paragraphs
    assert annex["method"] in doc.paragraphs  # its "\n" is a line break inside one paragraph
    assert f"二、计算结果（截至{annex['summary']['as_of']}）" in doc.paragraphs
    assert annex["note"] in doc.paragraphs

    assert annex["paid"] in doc.paragraphs and annex["apr"]["result"] in doc.paragraphs
    assert annex["apr"]["heading"] in doc.paragraphs and annex["alt"]["method"] in doc.paragraphs
    summary, ledger, flows, alt = doc.tables
    assert flows[0] == ["日期", "现金流", "答辩人收到（元）", "答辩人支付（元）"]
    assert flows[1:] == [[r["date"], r["what"], r["received"], r["paid"]] for r in annex["apr"]["rows"]]
    assert alt[1:] == [[r[c.key] for c in forms.ANNEX_ROW_COLUMNS] for r in annex["alt"]["rows"]]
    s = annex["summary"]
    assert summary[0] == ["项目", "原告主张（元）", "依法计算（元）", "差额（元）"]
    for row, line in zip(summary[1:], forms.ANNEX_SUMMARY_LINES):
        assert row == [line.label] + [s[f"{line.key}_{c}"] for c in ("claimed", "lawful", "diff")]
    assert summary[-1] == ["合计（大写）", s["total_claimed_upper"], s["total_lawful_upper"], s["total_diff_upper"]]

    assert ledger[0] == [c.label for c in forms.ANNEX_ROW_COLUMNS]
    assert ledger[1:] == [[r[c.key] for c in forms.ANNEX_ROW_COLUMNS] for r in annex["rows"]]


def test_annex_with_many_rows_and_none(templates, contexts, read_docx):
    ctx = contexts.financial_context()
    row = ctx["annex"]["rows"][1]
    ctx["annex"]["rows"] = [dict(row, date=f"第{i}行") for i in range(120)]
    ledger = read_docx(templates["annex"].render(ctx)).tables[1]
    assert len(ledger) == 121 and ledger[-1][0] == "第119行"
    ctx["annex"]["rows"] = []
    assert read_docx(templates["annex"].render(ctx)).tables[1] == [[c.label for c in forms.ANNEX_ROW_COLUMNS]]


# ---------------------------------------------------------------------------------------------
# Same output as docxtpl itself


@pytest.mark.parametrize("form_key, template_key", [("financial", "financial"), ("private", "private"), ("private", "annex")])
def test_same_visible_text_as_docxtpl(contexts, read_docx, templates, form_key, template_key):
    ctx = contexts.CONTEXTS[form_key]()
    ctx["other_notes"] = "甲\n乙"
    tpl = DocxTemplate(PACKAGE_DIR / forms.TEMPLATE_FILES[template_key])
    tpl.render(copy.deepcopy(ctx), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    assert read_docx(templates[template_key].render(ctx)).blocks == read_docx(buf.getvalue()).blocks


# ---------------------------------------------------------------------------------------------
# Strictness


def _without(ctx: dict, path: str) -> tuple[dict, str]:
    """A copy of ctx without the leaf at ``path``; returns it and the path the error should name."""
    ctx = copy.deepcopy(ctx)
    if path.endswith("[]"):  # a list of strings: remove the whole list
        name = path[:-2]
        node = ctx
        parts = name.split(".")
        for p in parts[:-1]:
            node = node[p]
        del node[parts[-1]]
        return ctx, name
    if "[]." in path:  # a key of the list's rows: remove it from the second row
        head, leaf = path.split("[].")
        node = ctx
        for p in head.split("."):
            node = node[p]
        del node[1][leaf]
        return ctx, f"{head}[1].{leaf}"
    node = ctx
    parts = path.split(".")
    for p in parts[:-1]:
        node = node[p]
    del node[parts[-1]]
    return ctx, path


@pytest.mark.parametrize("template_key", ["financial", "private", "annex"])
def test_every_missing_variable_is_named(templates, contexts, template_key):
    form_key = "financial" if template_key == "annex" else template_key
    full = contexts.CONTEXTS[form_key]()
    for path in sorted(forms.template_paths(forms.TEMPLATE_FILES[template_key])):
        ctx, expected = _without(full, path)
        if path.endswith(".agreed"):  # read only when 有 is not ticked
            group, key, _ = path.split(".")
            ctx[group][key]["objection"] = False
        with pytest.raises(TemplateVariableError) as info:
            templates[template_key].render(ctx)
        assert info.value.variable == expected
        assert expected in str(info.value)
        assert "没有提供" in str(info.value)
        assert info.value.template == forms.TEMPLATE_FILES[template_key]


@pytest.mark.parametrize("value", [None, Decimal("12.50"), 1.5, True, {"a": "b"}])
def test_non_text_output_is_refused(templates, contexts, value):
    ctx = contexts.financial_context()
    ctx["signed_date"] = value
    with pytest.raises(TemplateValueError) as info:
        templates["financial"].render(ctx)
    assert "不是文本" in str(info.value)


def test_integers_may_be_printed():
    tpl = CompiledTemplate.from_bytes(make_docx("第{{ n }}页"))
    doc = docx.Document(io.BytesIO(tpl.render({"n": 3})))
    assert doc.paragraphs[-1].text == "第3页"


# ---------------------------------------------------------------------------------------------
# Escaping and cleaning


def _replace_strings(value, text):
    if isinstance(value, dict):
        return {k: _replace_strings(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_strings(v, text) for v in value]
    if isinstance(value, str):
        return text
    return value


@pytest.mark.parametrize("form_key, template_key", [("financial", "financial"), ("private", "private"), ("financial", "annex")])
def test_special_characters_in_every_field(templates, contexts, read_docx, form_key, template_key):
    ctx = _replace_strings(contexts.CONTEXTS[form_key](), NASTY)
    out = templates[template_key].render(ctx)
    doc = read_docx(out)
    text = doc.text
    assert not any(ch in text for ch in "\x01\x07\x1b")
    used = forms.template_paths(forms.TEMPLATE_FILES[template_key])

    def rows_of(path: str) -> int:  # how many rows the list before "[]." has
        node = ctx
        for part in path.split("[].")[0].split("."):
            node = node[part]
        return len(node)

    string_leaves = sum(
        (rows_of(p) if "[]." in p else len(ctx["evidence"]) if p == "evidence[]" else 1)
        for p in used
        if not p.endswith((".objection", ".agreed", "agent.present", "service.electronic", "service.electronic_chosen"))
    )
    if template_key != "annex":
        string_leaves += 1  # the 案由 is printed twice: the subtitle and its cell
    assert text.count(NASTY_SHOWN) == string_leaves
    if template_key != "annex":
        assert doc.row("案号") == ["案号", NASTY_SHOWN, "案由", NASTY_SHOWN]
        assert doc.row("20.证据清单（可另附页）")[1].split("\n")[0] == f"1.{NASTY_SHOWN}"
    else:
        assert doc.tables[1][1] == [NASTY_SHOWN] * len(forms.ANNEX_ROW_COLUMNS)
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    # escaped once: & and < as entities (the quote may be written as &#34; or as itself once re-serialised)
    assert re.search(r'A&amp;B &lt;x&gt; (?:&#34;|&quot;|")q(?:&#34;|&quot;|")', xml)
    assert "&amp;amp;" not in xml and "<x>" not in xml


def test_markup_values_cannot_inject_xml(templates, contexts, read_docx):
    ctx = contexts.financial_context()
    ctx["other_notes"] = Markup('</w:t></w:r><w:r><w:t>x')
    doc = read_docx(templates["financial"].render(ctx))
    assert doc.row("19.其他需要说明的内容（可另附页）")[1] == "</w:t></w:r><w:r><w:t>x"


def test_clean_text():
    assert clean_text(NASTY) == NASTY_SHOWN
    assert clean_text("a\tb\nc\rd") == "a\tb\nc\rd"  # legal in XML: kept
    assert clean_text("".join(chr(c) for c in range(32))) == "\t\n\r"
    assert clean_text("x\ud800y\ufffez\uffff") == "xyz"
    assert clean_text("借款😀€") == "借款😀€"
    assert type(clean_text(Markup("<b>"))) is str
    assert clean_text(Markup("<b>")) == "<b>"


def test_clean_context_walks_dicts_lists_tuples_and_dataclasses():
    @dataclasses.dataclass
    class Row:
        date: str
        flag: bool

    ctx = clean_context({"a": "x\x00", "b": ["y\x01", ("z\x02",)], "c": {"d": Row("w\x03", True)}, "n": 3})
    assert ctx == {"a": "x", "b": ["y", ["z"]], "c": {"d": {"date": "w", "flag": True}}, "n": 3}


def test_dataclass_context_renders(read_docx):
    @dataclasses.dataclass
    class Item:
        objection: bool
        text: str

    tpl = CompiledTemplate.from_bytes(make_docx("{% if it.objection %}有{% else %}无{% endif %}：{{ it.text }}"))
    assert read_docx(tpl.render({"it": Item(True, "A&B")})).paragraphs[-1] == "有：A&B"


# ---------------------------------------------------------------------------------------------
# Determinism and the package


@pytest.mark.parametrize("template_key", ["financial", "private", "annex"])
def test_renders_are_deterministic(templates, contexts, read_docx, template_key):
    ctx = contexts.private_context()
    first = templates[template_key].render(ctx)
    second = templates[template_key].render(copy.deepcopy(ctx))
    assert read_docx(first).blocks == read_docx(second).blocks
    assert first == second  # fixed zip timestamps: same context, same bytes
    again = CompiledTemplate.from_path(PACKAGE_DIR / forms.TEMPLATE_FILES[template_key]).render(ctx)
    assert again == first


def test_output_is_a_valid_package_with_untouched_parts(templates, contexts):
    out = templates["financial"].render(contexts.financial_context())
    source = zipfile.ZipFile(PACKAGE_DIR / forms.TEMPLATE_FILES["financial"])
    rendered = zipfile.ZipFile(io.BytesIO(out))
    assert rendered.testzip() is None
    assert rendered.namelist() == source.namelist()
    for info in rendered.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        if info.filename != "word/document.xml":
            assert rendered.read(info) == source.read(info.filename), info.filename


def test_header_with_tags_is_rendered(read_docx):
    tpl = CompiledTemplate.from_bytes(make_docx("正文{{ a }}", header="案号：{{ case_number }}"))
    doc = docx.Document(io.BytesIO(tpl.render({"a": "1", "case_number": "（2026）京0105民初1号 & <x>"})))
    assert doc.sections[0].header.paragraphs[0].text == "案号：（2026）京0105民初1号 & <x>"
    with pytest.raises(TemplateVariableError) as info:
        tpl.render({"a": "1"})
    assert info.value.variable == "case_number"


def test_tags_split_across_runs_are_merged_by_docxtpl_preprocessing():
    doc = docx.Document()
    p = doc.add_paragraph()
    for piece in ("{{ ca", "se_num", "ber }}"):  # as Word does after an edit inside a tag
        p.add_run(piece).bold = True
    buf = io.BytesIO()
    doc.save(buf)
    out = CompiledTemplate.from_bytes(buf.getvalue()).render({"case_number": "X"})
    assert docx.Document(io.BytesIO(out)).paragraphs[-1].text == "X"


def test_literal_braces():
    tpl = CompiledTemplate.from_bytes(make_docx("{_{ 原样 }_} {_% x %_} {{ v }}"))
    out = tpl.render({"v": "{_{ user }_}"})
    assert docx.Document(io.BytesIO(out)).paragraphs[-1].text == "{{ 原样 }} {% x %} {_{ user }_}"


def test_syntax_error_is_reported_in_chinese():
    with pytest.raises(TemplateSyntaxError) as info:
        CompiledTemplate.from_bytes(make_docx("前文", "{% if a %}没有结束"), name="坏模板.docx")
    assert "坏模板.docx" in str(info.value) and "语法错误" in str(info.value)


def test_tag_pair_across_structures_is_caught_as_broken_xml():
    data = make_docx("{% if show %}开始", table=[["中间{% endif %}"]])
    tpl = CompiledTemplate.from_bytes(data, name="跨结构.docx")
    with pytest.raises(TemplateSyntaxError) as info:
        tpl.render({"show": False})
    assert "结构损坏" in str(info.value)


def test_not_a_docx():
    with pytest.raises(TemplateError) as info:
        CompiledTemplate.from_bytes(b"not a zip", name="x.docx")
    assert "不是有效的 .docx" in str(info.value)
    with pytest.raises(TemplateNotFoundError):
        CompiledTemplate.from_path(PACKAGE_DIR / "missing.docx")


# ---------------------------------------------------------------------------------------------
# load_templates


def test_load_templates_default_and_directory(tmp_path, contexts, read_docx):
    default = load_templates()
    assert set(default) == {"financial", "private", "credit_card", "guarantee_insurance", "annex", "objection"}
    for name in forms.TEMPLATE_FILES.values():
        shutil.copy(PACKAGE_DIR / name, tmp_path / name)
    firm = load_templates(tmp_path)
    ctx = contexts.financial_context()
    assert read_docx(firm["financial"].render(ctx)).blocks == read_docx(default["financial"].render(ctx)).blocks


def test_firm_set_made_before_the_card_and_insurance_forms_still_loads(tmp_path):
    """A firm's set of the four original files: the forms added later come from the package."""
    for name in forms.REQUIRED_TEMPLATE_FILES.values():
        shutil.copy(PACKAGE_DIR / name, tmp_path / name)
    firm = load_templates(tmp_path)
    assert set(firm) == set(forms.TEMPLATE_FILES)
    assert firm["credit_card"] is load_templates()["credit_card"]
    assert templates_check(tmp_path) == ([], [])


def test_load_templates_missing_file_names_it(tmp_path):
    shutil.copy(PACKAGE_DIR / "利息重算表.docx", tmp_path / "利息重算表.docx")
    with pytest.raises(TemplateNotFoundError) as info:
        load_templates(tmp_path)
    message = str(info.value)
    assert "答辩状-金融借款.docx" in message and "答辩状-民间借贷.docx" in message and "缺少" in message
    with pytest.raises(TemplateNotFoundError) as info:
        load_templates(tmp_path / "nope")
    assert "不存在" in str(info.value)


# ---------------------------------------------------------------------------------------------
# templates_check


def test_templates_check_finds_undefined_and_unused(tmp_path):
    path = tmp_path / "doctored.docx"
    path.write_bytes(make_docx(
        "{{ case_number }}",
        "{% if d.principal.objection %}有{% endif %}{{ d.principal.txt }}",
        "{%p for e in evidence %}", "{{ loop.index }}{{ e }}", "{%p endfor %}",
        table=[["{%tr for r in annex.rows %}", ""], ["{{ r.date }}", "{{ r.balanse }}"], ["{%tr endfor %}", ""]],
    ))
    expected = {"case_number", "court", "d.principal.objection", "d.principal.text", "evidence[]",
                "annex.rows[].date", "annex.rows[].balance"}
    undefined, unused = templates_check(path, expected)
    assert undefined == ["annex.rows[].balanse", "d.principal.txt"]
    assert unused == ["annex.rows[].balance", "court", "d.principal.text"]
    # top-level keys only: everything under a provided key counts as provided
    undefined, unused = templates_check(path, ["case_number", "d", "evidence", "annex", "court"])
    assert undefined == [] and unused == ["court"]


def test_templates_check_package_directory_is_clean(contexts):
    assert templates_check(PACKAGE_DIR) == ([], [])
    # a sample context as the expected keys, for one file
    assert templates_check(PACKAGE_DIR / "答辩状-民间借贷.docx", contexts.private_context())[0] == []


def test_templates_check_missing_directory_file(tmp_path):
    with pytest.raises(TemplateNotFoundError):
        templates_check(tmp_path)


def test_variables_analysis_of_the_package(templates):
    used = templates["financial"].variables()
    assert used["evidence"] == "iter" and used["evidence[]"] == "value"
    assert set(p for p, k in used.items() if k == "value") == set(forms.answer_paths("financial"))


def test_flatten_paths():
    assert flatten_paths({"a": {"b": "x", "c": [{"d": "1"}, {"e": "2"}]}, "f": [], "g": ["s"]}) == {
        "a.b", "a.c[].d", "a.c[].e", "f", "g[]"}


def test_short_rows_are_kept_on_one_page_long_ones_may_break(tmp_path):
    """A row of at most KEEP_ROW_CHARS characters gets w:cantSplit; a longer one may break across
    pages (kept whole it would leave half a page empty before it)."""
    from click.testing import CliRunner

    from respond.cli.main import main
    from lxml import etree

    from respond.templates.render import KEEP_ROW_CHARS

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    example = Path(__file__).resolve().parents[2] / "examples" / "microloan-fees.json"
    r = CliRunner().invoke(main, ["draft", "--case", str(example), "--out", str(tmp_path), "--today", "2026-11-20"])
    assert r.exit_code == 0, r.output
    tree = etree.fromstring(zipfile.ZipFile(tmp_path / "答辩状.docx").read("word/document.xml"))
    kept = long = 0
    for tr in tree.iter(f"{W}tr"):
        text = "".join(t.text or "" for t in tr.iter(f"{W}t"))
        split_off = tr.find(f"{W}trPr/{W}cantSplit") is not None
        assert split_off == (len(text) <= KEEP_ROW_CHARS), text[:40]
        kept += split_off
        long += not split_off
    assert kept and long
