"""Getting the contract's text: decoding, DOCX and PDF extraction, articles and sentences."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respond.checks.contract_text import (
    ContractTextError,
    match_form,
    normalise_whitespace,
    number_value,
    split_agreements,
    split_articles,
    split_sentences,
    strip_page_furniture,
    text_from_docx,
    text_from_pdf,
    text_from_txt,
)

SAMPLE = "第十二条 争议解决\n因本合同产生的争议，由甲方所在地人民法院管辖。\n"


# --- .txt ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_txt_decodes_the_encodings_contracts_come_in(encoding):
    assert text_from_txt(SAMPLE.encode(encoding)) == SAMPLE


def test_txt_normalises_line_ends_and_drops_nul():
    assert text_from_txt("第一条 借款\r\n金额\r伍万元\x00".encode("utf-8")) == "第一条 借款\n金额\n伍万元"


def test_txt_rejects_binary_with_a_chinese_message():
    with pytest.raises(ContractTextError, match="编码"):
        text_from_txt(bytes(range(256)) * 20)


def test_txt_size_cap():
    with pytest.raises(ContractTextError, match="MB"):
        text_from_txt(b"a" * 5_000_001)


# --- .docx --------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_document_order(docx_maker):
    text = "借款合同\n贷款人：某某银行\n借款人：张三\n第一条 借款金额\n借款金额为人民币10,000.00元。"
    out = text_from_docx(docx_maker(text, table_rows=2))
    lines = out.split("\n")
    assert lines[0] == "借款合同"
    assert lines[1] == "贷款人：\t某某银行"  # a table row → one line, cells separated by a tab
    assert lines[2] == "借款人：\t张三"
    assert lines[3:] == ["第一条 借款金额", "借款金额为人民币10,000.00元。"]


def test_docx_merged_cells_are_not_repeated():
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "甲方"
    table.cell(0, 2).text = "某某公司"
    buf = io.BytesIO()
    document.save(buf)
    assert text_from_docx(buf.getvalue()).strip() == "甲方\t某某公司"


def test_docx_errors_are_chinese():
    with pytest.raises(ContractTextError, match="docx"):
        text_from_docx(b"not a zip at all")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "x")
    with pytest.raises(ContractTextError, match="缺少正文"):
        text_from_docx(buf.getvalue())


# --- .pdf ---------------------------------------------------------------------------------------


def test_pdf_cjk_text_round_trips_through_reportlab_and_pypdf(pdf_maker):
    text = "第三条 借款金额为人民币100,000.00元（大写：壹拾万元整）。\n（一）全角１２％，“引号”【括号】。"
    assert text_from_pdf(pdf_maker(text, footer=False)).strip() == text


def test_pdf_page_footers_are_dropped(pdf_maker):
    text = "\n".join(f"第{i}条 借款人应按期还款，逾期的按合同约定处理。" for i in range(1, 80))
    out = text_from_pdf(pdf_maker(text))
    assert "页" not in out
    assert [a.number for a in split_articles(out)] == [f"第{i}条" for i in range(1, 80)]


def test_pdf_page_cap_and_bad_input(pdf_maker):
    data = pdf_maker("\n".join("第一条 借款。" for _ in range(200)))
    with pytest.raises(ContractTextError, match="上限"):
        text_from_pdf(data, max_pages=1)
    with pytest.raises(ContractTextError, match="不是有效的 PDF"):
        text_from_pdf(b"hello")
    with pytest.raises(ContractTextError, match="无法读取"):
        text_from_pdf(b"%PDF-1.4\n garbage")


def test_pdf_without_text_is_called_a_scan(pdf_maker):
    with pytest.raises(ContractTextError, match="扫描件"):
        text_from_pdf(pdf_maker("", footer=False))


def test_page_furniture_only_whole_lines():
    assert strip_page_furniture("甲方\n第 2 页 共 9 页\n- 3 -\n4/9\n第2页\n乙方住12/3号楼") == "甲方\n乙方住12/3号楼"


# --- whitespace and width -----------------------------------------------------------------------


def test_whitespace_that_pdf_extraction_inserts_is_removed():
    assert normalise_whitespace("人民币 100,000.00 元") == "人民币100,000.00元"
    assert normalise_whitespace("借 款\n人 应当") == "借款人应当"
    assert normalise_whitespace("  Loan   No. 3  ") == "Loan No. 3"
    assert normalise_whitespace("APP 账户") == "APP账户"


def test_match_form_is_half_width_without_spaces():
    assert match_form("按日 万分之五，（三）１２％ 违约金；") == "按日万分之五,(三)12%违约金;"


# --- articles -----------------------------------------------------------------------------------


def refs(text: str) -> list[tuple[str | None, str]]:
    return [(s.ref, s.text) for s in split_sentences(text)]


def test_chinese_numbered_articles_with_sub_clauses_and_items():
    text = ("个人借款合同\n甲方：某某银行\n第一章 总则\n第一条 借款金额\n1.1 借款金额为人民币100,000.00元。\n"
            "第二条 甲方有权采取下列措施：\n（一）宣布借款提前到期；\n（二）要求乙方依照本合同第十二条\n约定承担违约责任。\n"
            "乙方应承担实现债权的费用。\n第十二条【争议解决】由甲方所在地人民法院管辖。")
    assert [a.number for a in split_articles(text)] == ["", "", "第一条", "第二条", "第十二条"]
    assert refs(text) == [
        (None, "个人借款合同"), (None, "甲方：某某银行"), (None, "第一章总则"),
        ("第一条", "借款金额"), ("第1.1条", "借款金额为人民币100,000.00元。"),
        ("第二条", "甲方有权采取下列措施："), ("第二条第（一）项", "宣布借款提前到期；"),
        ("第二条第（二）项", "要求乙方依照本合同第十二条约定承担违约责任。"),
        ("第二条", "乙方应承担实现债权的费用。"),  # after a closed list: the article's own paragraph
        ("第十二条", "【争议解决】由甲方所在地人民法院管辖。"),
    ]


def test_a_reference_to_an_article_at_a_line_start_is_not_a_heading():
    text = "第一条 借款\n乙方应当按照本合同\n第十二条约定还款。\n第二条 利息"
    assert [a.number for a in split_articles(text)] == ["第一条", "第二条"]


def test_arabic_numbered_contract():
    text = "1. 定义\n1.1 平台指某某App。\n2. 借款\n2.1 金额5,000.00元。\n2.2 期限6个月。\n（1）按月还款。"
    assert refs(text) == [("第1条", "定义"), ("第1.1条", "平台指某某App。"), ("第2条", "借款"),
                          ("第2.1条", "金额5,000.00元。"), ("第2.2条", "期限6个月。"),
                          ("第2.2条第（1）项", "按月还款。")]


def test_arabic_paragraphs_inside_chinese_articles_are_kuan():
    text = "第三条 费用\n1. 甲方不收取服务费。\n2. 甲方有权调整费率。\n第四条 还款"
    assert refs(text)[1:3] == [("第三条第1款", "甲方不收取服务费。"), ("第三条第2款", "甲方有权调整费率。")]


def test_chinese_list_numbering_and_full_width_digits():
    text = "一、借款金额\n（一）伍万元。\n二、利息\n（２）月利率２%。"
    assert refs(text) == [("第一条", "借款金额"), ("第一条第（一）项", "伍万元。"), ("第二条", "利息"),
                          ("第二条第（2）项", "月利率２%。")]
    assert [a.number for a in split_articles("第１２条 其他\n第 13 条 附则")] == ["第12条", "第13条"]


def test_a_single_article_is_enough_for_a_pasted_clause():
    assert refs("第十二条 由甲方所在地人民法院管辖。") == [("第十二条", "由甲方所在地人民法院管辖。")]


def test_sub_clauses_without_headings_belong_to_their_article():
    text = "12.1 甲方可以转让债权。\n12.2 乙方同意。\n13.1 争议由法院管辖。"
    assert [(s.ref, s.article) for s in split_sentences(text)] == [
        ("第12.1条", "第12条"), ("第12.2条", "第12条"), ("第13.1条", "第13条")]


def test_unnumbered_text_has_no_reference():
    assert [s.ref for s in split_sentences("今借到张三人民币伍万元整。月利率1%。")] == [None, None]


def test_sentence_breaks_inside_pdf_lines_do_not_cut():
    text = "第五条 违约\n乙方逾期的，甲方有权按日万分之五计收罚\n息，并收取违约金。"
    assert refs(text) == [("第五条", "违约"), ("第五条", "乙方逾期的，甲方有权按日万分之五计收罚息，并收取违约金。")]


def test_a_short_first_line_wrapped_mid_word_is_not_a_heading():
    from respond.checks.clauses import find_clauses

    text = "第五条 甲方在放款时直接扣\n除借款期限内的全部利息。"
    assert refs(text) == [("第五条", "甲方在放款时直接扣除借款期限内的全部利息。")]
    assert [(h.code, h.article) for h in find_clauses(text)] == [("CLAUSE_UPFRONT_DEDUCTION", "第五条")]
    assert refs("第5条 乙方应按月\n归还本息。\n第6条 其他") == [("第5条", "乙方应按月归还本息。"), ("第6条", "其他")]


def test_a_heading_stays_a_heading_before_a_longer_or_a_wrapped_line():
    assert refs("第九条 借款人应承担的费用\n乙方应承担实现债权的全部费用。") == [
        ("第九条", "借款人应承担的费用"), ("第九条", "乙方应承担实现债权的全部费用。")]
    assert refs("第八条 违约责任\n乙方逾期\n的，按日计收罚息。") == [
        ("第八条", "违约责任"), ("第八条", "乙方逾期的，按日计收罚息。")]


def test_spans_point_into_the_original_text():
    text = "第一条  借款\n乙方 应当\n按期还款。"
    s = split_sentences(text)[-1]
    assert text[s.span[0]:s.span[1]] == "乙方 应当\n按期还款。"
    assert s.text == "乙方应当按期还款。"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="第一二三十条章（）()1234567890.、。；，\n 甲乙方借款利息", max_size=300))
def test_splitting_never_fails_and_spans_are_ordered(text):
    last = 0
    for s in split_sentences(text):
        assert last <= s.span[0] < s.span[1] <= len(text)
        last = s.span[1]
    for a in split_articles(text):
        assert text[a.start:a.end] == a.text


def test_numbers_and_references_wrapped_to_a_line_start_are_not_clause_numbers():
    text = "第三条 乙方应按本合同第\n5.2条约定还款，逾期的按日利率的\n0.1%计收罚息，即1.5\n倍。\n第四条 其他"
    assert refs(text) == [("第三条", "乙方应按本合同第5.2条约定还款，逾期的按日利率的0.1%计收罚息，即1.5倍。"),
                          ("第四条", "其他")]


# --- nested numbering and several agreements (issue 11; excerpts of tests/clauses/real/) ----------


def test_chinese_paragraphs_inside_articles_are_kuan_and_their_items_nest():
    # bank-consumer-credit-line.txt (建设银行 个人消费额度借款合同), 第二条
    text = ("第二条  借款额度有效期间\n\n一、借款额度有效期间见本合同第二十二条的约定。\n\n二、下列情况发生时，借款额度失效：\n\n"
            "(一)借款额度审批通过之日起3个月内未申请支用；\n\n(六)其他约定或乙方认定借款额度失效的情形。\n\n"
            "若借款额度失效，甲方不可继续支用本合同项下的借款。\n\n第三条  借款额度的使用与可用借款额度")
    assert refs(text) == [
        ("第二条", "借款额度有效期间"), ("第二条第一款", "借款额度有效期间见本合同第二十二条的约定。"),
        ("第二条第二款", "下列情况发生时，借款额度失效："),
        ("第二条第二款第（一）项", "借款额度审批通过之日起3个月内未申请支用；"),
        ("第二条第二款第（六）项", "其他约定或乙方认定借款额度失效的情形。"),
        ("第二条第二款", "若借款额度失效，甲方不可继续支用本合同项下的借款。"),
        ("第三条", "借款额度的使用与可用借款额度")]
    assert {s.article for s in split_sentences(text)} == {"第二条", "第三条"}


def test_a_chinese_heading_directly_above_an_article_is_a_section():
    text = "一、总则\n第一条 本合同适用于个人借款。\n二、借款\n第二条 借款金额伍万元。"
    assert refs(text) == [(None, "总则"), ("第一条", "本合同适用于个人借款。"), (None, "借款"),
                          ("第二条", "借款金额伍万元。")]


def test_several_agreements_in_one_text_number_their_articles_apart():
    # app-jubao-xjd-loan.txt: 借款协议书, then 补充协议 and 借款咨询服务协议, each numbered from 一、 / 第一条
    text = ("借款协议书\n甲方（借款人）：张三\n一、借款金额\n甲方向乙方借款。\n二、违约\n甲方逾期的，按日计收罚息。\n"
            "补充协议\n甲方（借款人）：张三\n一、购物券\n乙方向甲方发放购物券。\n二、违约\n甲方应支付违约金。")
    agreements = split_agreements(text)
    assert [a.title for a in agreements] == ["借款协议书", "补充协议"]
    assert [(s.ref, s.agreement) for s in split_sentences(text) if s.ref] == [
        ("第一条", 0), ("第一条", 0), ("第二条", 0), ("第二条", 0),
        ("《补充协议》第一条", 1), ("《补充协议》第一条", 1), ("《补充协议》第二条", 1), ("《补充协议》第二条", 1)]
    assert [a.number for a in split_articles(text) if a.number] == [
        "第一条", "第二条", "《补充协议》第一条", "《补充协议》第二条"]


def test_a_title_inside_an_agreement_without_renumbering_is_not_a_new_agreement():
    text = "借款合同\n第一条 借款\n甲方向乙方借款。\n担保条款\n第二条 丙方提供担保。"
    assert [a.title for a in split_agreements(text)] == ["借款合同"]


def test_a_numbered_preamble_before_the_articles_is_not_numbered():
    # p2p-taipingyang-loan.txt: 鉴于 1.–4., then the articles 1. 2. …
    text = ("鉴于：\n1.丙方是一家在深圳市合法成立的有限责任公司；\n2.乙方已在网站注册；\n"
            "1. 借款基本信息\n乙方借款一万元。\n2. 协议的订立\n2.1 各方确认签署本协议。")
    assert refs(text) == [(None, "鉴于："), (None, "丙方是一家在深圳市合法成立的有限责任公司；"), (None, "乙方已在网站注册；"),
                          ("第1条", "借款基本信息"), ("第1条", "乙方借款一万元。"), ("第2条", "协议的订立"),
                          ("第2.1条", "各方确认签署本协议。")]


def test_number_values():
    assert [number_value(s) for s in ("12", "１２", "十二", "二十一", "壹", "贰", "一百零五", "x")] == [
        12, 12, 12, 21, 1, 2, 105, None]
