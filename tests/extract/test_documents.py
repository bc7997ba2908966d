"""Every field of every fixture document, exactly: what is there is found, nothing else is invented.

The fixtures are PDFs made by ``make_fixtures.py`` from the ``.txt`` beside them, in the styles of
three courts: 杭州市西湖区人民法院 (tables, simplified procedure), 深圳市南山区人民法院 (small claims,
full-width digits, ``(2026)`` half-width parentheses, dates in Chinese numerals, amounts in 万元),
北京互联网法院 (online court, one notice for answer and evidence, Kangxi radicals ``⽴案``/``⾦融``
from the font's ToUnicode map, an embedded TrueType font, a two-page complaint broken mid-sentence,
a debt bought by an asset manager).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from respond.extract.documents import COMPLAINT, EVIDENCE, NOTICE, SUMMONS, read_document
from respond.extract.normalize import DocText

D = dt.date
M = Decimal

XIHU_COURT = "浙江省杭州市西湖区人民法院"
XIHU_CASE = "（2026）浙0106民初12345号"
XIHU_PLAINTIFF = "重庆青禾小额贷款有限公司"
NANSHAN_COURT = "广东省深圳市南山区人民法院"
NANSHAN_CASE = "（2026）粤0305民初23456号"
NANSHAN_PLAINTIFF = "广州珠禾消费金融股份有限公司"
BJ_COURT = "北京互联网法院"
BJ_CASE = "（2026）京0491民初34567号"
BJ_PLAINTIFF = "上海澄远资产管理有限公司"
CAUSE = "金融借款合同纠纷"

# fixture → (types, fields, complaint's defendants, notes extras)
EXPECTED = {
    "xihu-chuanpiao": ((SUMMONS,), {
        "court.name": XIHU_COURT,
        "court.case_number": XIHU_CASE,
        "case_cause": CAUSE,
        "defendant.name": "张三",
        "defendant.address": "浙江省杭州市西湖区文三路100号某某小区3幢2单元501室",
        "court.hearing_at": dt.datetime(2026, 12, 10, 9, 30),
    }, [], {"hearing_place": "本院第十三法庭（杭州市西湖区西溪路1号）"}),
    "xihu-yingsu": ((NOTICE,), {
        "court.name": XIHU_COURT,
        "court.case_number": XIHU_CASE,
        "court.procedure": "simplified",
        "court.filed_on": D(2026, 10, 8),
        "plaintiff.name": XIHU_PLAINTIFF,
        "case_cause": CAUSE,
        "defendant.name": "张三",
        "service.answer_days": 15,
    }, [], {}),
    "xihu-juzheng": ((EVIDENCE,), {
        "court.name": XIHU_COURT,
        "court.case_number": XIHU_CASE,
        "court.procedure": "simplified",
        "plaintiff.name": XIHU_PLAINTIFF,
        "case_cause": CAUSE,
        "defendant.name": "张三",
        "service.evidence_due": D(2026, 11, 25),
    }, [], {}),
    "xihu-qisu": ((COMPLAINT,), {
        "court.name": "杭州市西湖区人民法院",
        "plaintiff.name": XIHU_PLAINTIFF,
        "plaintiff.address": "重庆市渝北区龙溪街道金山路18号6幢12-3",  # "12\n-3" in the PDF
        "plaintiff.credit_code": "91500112MA5UABCD1X",
        "plaintiff.representative": "李建国",
        "claims.principal": M("9000.00"),
        "claims.interest": M("1530.20"),
        "claims.penalty": M("600.00"),       # "600\n.00" in the PDF
        "claims.legal_costs": M("1500.00"),  # 合计 11,130.20 is not a claim of its own
        "claims.as_of": D(2026, 9, 30),
        "claims.until_paid": True,
        "loan.contract_date": D(2024, 3, 15),
        "loan.disbursed_on": D(2024, 3, 15),
        "loan.principal": M("10000.00"),
        "loan.rate": {"annual": M("0.18")},  # 逾期罚息利率 "合同利率上浮50%" is not a rate
        "loan.term_months": 12,
        "loan.method": "equal_installment",
        "loan.contract_number": "QH20240315000123",
        "loan.product": "青禾借钱",
    }, [{
        "defendant.name": "张三",
        "defendant.gender": "男",
        "defendant.birth_date": D(1990, 1, 1),
        "defendant.ethnicity": "汉族",
        "defendant.address": "浙江省杭州市西湖区文三路100号某某小区3幢2单元501室",
        "defendant.id_number": "33010619900101123X",
        "defendant.phone": "13800001234",  # "138 0000 1234"
    }], {"claims_stated_total": Decimal("11130.20")}),  # 以上合计: checked, never claimed
    "nanshan-chuanpiao": ((SUMMONS,), {
        "court.name": NANSHAN_COURT,
        "court.case_number": NANSHAN_CASE,  # written "(2026)…" with half-width parentheses
        "case_cause": CAUSE,
        "defendant.name": "李四",
        "defendant.address": "广东省深圳市南山区粤海街道科技园路8号某某公寓1208房",
        "court.hearing_at": dt.datetime(2026, 12, 3, 14, 30),  # 二〇二六年十二月三日下午二时三十分
        "court.procedure": "small_claims",  # 传唤事由：开庭审理（小额诉讼程序）
    }, [], {"hearing_place": "本院第二十一审判庭"}),
    "nanshan-yingsu": ((NOTICE,), {
        "court.name": NANSHAN_COURT,
        "court.case_number": NANSHAN_CASE,  # full-width digits
        "court.procedure": "small_claims",
        "court.filed_on": D(2026, 10, 12),
        "plaintiff.name": NANSHAN_PLAINTIFF,
        "case_cause": CAUSE,
        "defendant.name": "李四",
        "service.answer_days": 7,
    }, [], {}),
    "nanshan-juzheng": ((EVIDENCE,), {
        "court.name": NANSHAN_COURT,
        "court.case_number": NANSHAN_CASE,
        "court.procedure": "small_claims",
        "plaintiff.name": NANSHAN_PLAINTIFF,
        "case_cause": CAUSE,
        "defendant.name": "李四",
        "service.evidence_due": D(2026, 11, 20),  # 二〇二六年十一月二十日
    }, [], {}),
    "nanshan-qisu": ((COMPLAINT,), {
        "court.name": "深圳市南山区人民法院",
        "plaintiff.name": NANSHAN_PLAINTIFF,
        "plaintiff.address": "广东省广州市天河区珠江新城华夏路30号25层",
        "plaintiff.credit_code": "91440101MA5CXYZ12Q",  # full-width in the PDF
        "plaintiff.representative": "陈志强",           # "陈志强    职务：董事长"
        "claims.principal": M("8000.00"),              # ８，０００．００
        "claims.interest": M("856.40"),
        "claims.penalty": M("332.45"),                 # 罚息 320.15 + 复利 12.30
        "claims.fees": M("240.00"),                    # 担保费
        "claims.as_of": D(2026, 9, 20),
        "claims.until_paid": True,
        "claims.accelerate": True,                     # 判令解除…合同
        "loan.contract_date": D(2025, 1, 10),
        "loan.disbursed_on": D(2025, 1, 11),
        "loan.principal": M("12000.00"),               # 1.2 万元
        "loan.rate": {"daily": M("0.0005")},           # 日利率 0.05%
        "loan.term_months": 12,                        # 12期, 按月
        "loan.method": "equal_principal",
        "loan.product": "珠禾分期",
    }, [{
        "defendant.name": "李四",
        "defendant.gender": "女",
        "defendant.birth_date": D(1992, 7, 8),
        "defendant.ethnicity": "汉族",
        "defendant.id_number": "440305199207081129",
        "defendant.address": "广东省深圳市南山区粤海街道科技园路8号某某公寓1208房",
        "defendant.phone": "13900005678",              # 139-0000-5678
    }], {}),
    "bjinternet-chuanpiao": ((SUMMONS,), {
        "court.name": BJ_COURT,                         # 北京互联⽹法院 (Kangxi radical ⽹)
        "court.case_number": BJ_CASE,
        "case_cause": CAUSE,
        "defendant.name": "王五",
        "court.hearing_at": dt.datetime(2027, 1, 12, 9, 0),  # 2027年1月12日 上午 9:00
    }, [], {"hearing_place": "北京互联网法院电子诉讼平台（在线庭审，请提前十五分钟登录）"}),
    "bjinternet-yingsu": ((NOTICE, EVIDENCE), {
        "court.name": BJ_COURT,
        "court.case_number": BJ_CASE,
        "court.procedure": "ordinary",
        "court.filed_on": D(2026, 9, 15),               # 于2026年9月15日⽴案
        "plaintiff.name": BJ_PLAINTIFF,
        "case_cause": CAUSE,                            # ⾦融借款合同纠纷
        "defendant.name": "王五",
        "service.answer_days": 15,
    }, [], {"evidence_period": "自你收到本通知书之次日起十五日内"}),  # a period, not a date
    "bjinternet-qisu": ((COMPLAINT,), {
        "court.name": BJ_COURT,                         # on page 2
        "plaintiff.name": BJ_PLAINTIFF,
        "plaintiff.address": "上海市浦东新区世纪大道100号环球金融中心58层5801室",
        "plaintiff.credit_code": "91310115MA1K4XYZ7P",
        "plaintiff.representative": "周文博",
        "claims.principal": M("5600.00"),               # "以 5,600 元为基数" is not a second principal
        "claims.interest": M("3615.28"),
        "claims.legal_costs": M("950.00"),              # 律师费 800 + 保全担保费 150 (not a loan fee)
        "claims.as_of": D(2026, 8, 31),
        "claims.until_paid": True,
        "loan.contract_date": D(2023, 6, 20),
        "loan.disbursed_on": D(2023, 6, 21),
        "loan.principal": M("8000.00"),
        "loan.rate": {"annual": M("0.239")},
        "loan.term_months": 6,
        "loan.method": "interest_first",
        "loan.contract_number": "XQ-2023-0620-88761",
        "loan.product": "星桥借",
        "loan.lender": "天津星桥小额贷款有限公司",
        "assignment.from": "天津星桥小额贷款有限公司",
        "assignment.date": D(2025, 12, 1),
    }, [{
        "defendant.name": "王五",
        "defendant.gender": "男",
        "defendant.birth_date": D(1985, 11, 23),
        "defendant.ethnicity": "汉族",
        "defendant.address": "河北省石家庄市长安区中山东路256号3单元402室",  # 户籍地
        "defendant.residence": "北京市朝阳区望京街道阜通东大街6号院2号楼1703室",  # 经常居住地
        "defendant.id_number": "130102198511233011",
    }], {}),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_document_type(stem, document):
    assert document(stem).kinds == EXPECTED[stem][0]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_field(stem, document):
    got = {path: found.value for path, found in document(stem).fields.items()}
    assert got == EXPECTED[stem][1]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_defendant_field(stem, document):
    got = [{path: found.value for path, found in entry.items()} for entry in document(stem).defendants]
    assert got == EXPECTED[stem][2]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_notes_extras(stem, document):
    got = {key: found.value for key, found in document(stem).extra.items()}
    assert got == EXPECTED[stem][3]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_source_is_text_of_its_page(stem, document, pdf_text):
    """Provenance is honest: each snippet is text of the page it names, and shows the value."""
    doc = document(stem)
    text = DocText.from_pages(list(pdf_text(f"{stem}.pdf").pages))
    entries = [doc.fields, doc.extra] + doc.defendants
    for fields in entries:
        for path, found in fields.items():
            assert 1 <= found.page <= doc.pages, path
            for part in found.text.split("；"):  # summed claims join their snippets
                assert part in text.pages[found.page - 1] or part in text.flat, (path, part)
            if isinstance(found.value, str) and path not in ("court.case_number", "loan.method", "court.procedure"):
                shown = re.sub(r"[\s-]", "", found.text) if path.endswith("phone") else found.text
                assert found.value in shown, path


def test_page_numbers_follow_the_text(document):
    doc = document("bjinternet-qisu")
    assert doc.pages == 2
    assert doc.fields["court.name"].page == 2          # 此致 北京互联网法院, on the second page
    assert doc.fields["claims.principal"].page == 1
    assert doc.fields["court.name"].text == "此致北京互联网法院"


def test_sources_quote_the_matched_text(document):
    doc = document("xihu-qisu")
    assert doc.fields["loan.principal"].text == "借款金额为人民币10,000元"
    assert doc.fields["claims.penalty"].text == "罚息600.00元"
    assert doc.defendants[0]["defendant.id_number"].text == "公民身份号码33010619900101123X"
    assert document("nanshan-qisu").fields["claims.penalty"].text == "罚息320.15元；复利12.30元"


def test_every_fixture_has_a_test_and_a_source(make_fixtures, fixtures):
    assert set(make_fixtures.DOCUMENTS) == set(EXPECTED) | set(SUMMONS_LAYOUTS) | set(NOTICE_LAYOUTS) | {"yaosu-qisu", "danbao-qisu"}
    for stem in make_fixtures.DOCUMENTS:
        assert (fixtures / f"{stem}.txt").is_file() and (fixtures / f"{stem}.pdf").is_file()
    kinds = {k for stem in EXPECTED for k in EXPECTED[stem][0]}
    assert kinds == {SUMMONS, NOTICE, EVIDENCE, COMPLAINT}


# --- the same recognisers on text (no PDF): variants the fixtures do not cover -----------------

def read(text: str):
    from respond.extract.documents import read_document

    return read_document("t.pdf", [text])


def test_unknown_document_has_no_type_and_no_fields():
    doc = read("个人借款合同\n甲方：某某小额贷款有限公司\n乙方：张三\n借款金额：10000元")
    assert doc.kinds == () and doc.fields == {}


def test_type_from_body_when_title_missing():
    doc = read("原告：某某银行股份有限公司\n被告：张三\n诉讼请求：\n1.判令被告偿还本金1000元\n事实与理由：\n借款。")
    assert doc.kinds == (COMPLAINT,)


def test_procedure_ignores_what_the_notice_only_mentions():
    doc = read("某某人民法院\n应诉通知书\n你如认为本案不宜适用简易程序，可以提出异议。")
    assert "court.procedure" not in doc.fields


def test_hearing_in_a_notice_sentence():
    doc = read("某某人民法院\n应诉通知书\n本院定于2026年12月10日下午3时在本院第五法庭公开开庭审理。")
    assert doc.fields["court.hearing_at"].value == dt.datetime(2026, 12, 10, 15, 0)
    assert doc.extra["hearing_place"].value == "本院第五法庭"


def test_summons_with_date_but_no_time_keeps_the_date_in_notes():
    doc = read("某某人民法院\n传票\n案号（2026）浙0106民初1号\n应到时间 2026年12月10日\n应到处所 本院")
    assert "court.hearing_at" not in doc.fields
    assert doc.extra["hearing_date"].value == D(2026, 12, 10)


def test_several_defendants_are_all_read():
    doc = read("民事起诉状\n原告：某某小额贷款有限公司\n被告：张三，男，住某市某路1号。\n被告：李四，女，住某市某路2号。\n"
               "诉讼请求：\n1.判令二被告偿还借款本金1000元\n事实与理由：\n2024年1月1日，双方签订合同。")
    assert [d["defendant.name"].value for d in doc.defendants] == ["张三", "李四"]


def test_amount_in_chinese_capitals_and_unlabelled_amounts():
    doc = read("民事起诉状\n原告：某某银行股份有限公司\n被告：张三\n诉讼请求：\n"
               "1.判令被告偿还借款本金人民币壹万贰仟元整及利息；2.判令被告支付500元\n事实与理由：\n借款。")
    assert doc.fields["claims.principal"].value == M("12000.00")
    assert doc.extra["claims_unclassified"].value == ["2.判令被告支付500元"]


@pytest.mark.parametrize("text, path, value", [
    ("借款期限为30天", "loan.term_days", 30),
    ("借款期限为十二个月", "loan.term_months", 12),
    ("日息万分之五", "loan.rate", {"daily": M("0.0005")}),
    ("月利率1.5%", "loan.rate", {"monthly": M("0.015")}),
    ("年利率百分之十八", "loan.rate", {"annual": M("0.18")}),
    ("到期一次性还本付息", "loan.method", "bullet"),
    ("逾期罚息年利率为36%", "loan.overdue_rate", {"annual": M("0.36")}),
])
def test_loan_fact_variants(text, path, value):
    doc = read(f"民事起诉状\n原告：某某银行股份有限公司\n被告：张三\n诉讼请求：\n1.判令被告还款\n事实与理由：\n"
               f"2024年1月1日，双方签订借款合同，约定借款本金10000元，{text}。")
    assert doc.fields[path].value == value


def test_comprehensive_rate_is_not_the_contract_rate():
    doc = read("民事起诉状\n原告：某某银行股份有限公司\n被告：张三\n诉讼请求：\n1.判令被告还款\n事实与理由：\n"
               "双方签订借款合同，综合年化利率35.9%，约定借款本金10000元。")
    assert "loan.rate" not in doc.fields


def test_outstanding_amount_is_not_the_loan_principal():
    doc = read("民事起诉状\n原告：某某银行股份有限公司\n被告：张三\n诉讼请求：\n1.判令被告还款\n事实与理由：\n"
               "被告尚欠借款本金6000元，双方约定借款金额为10000元。")
    assert doc.fields["loan.principal"].value == M("10000.00")


def test_case_number_is_not_a_document_number():
    doc = read("某某人民法院\n应诉通知书\n依照法释〔2020〕27号的规定")
    assert "court.case_number" not in doc.fields
    assert re.fullmatch(r"（\d{4}）.+号", read("某某人民法院\n传票\n〔2026〕浙0106民初7号").fields["court.case_number"].value)


def test_a_bundle_is_split_into_its_documents(pdf_text, document, make_fixtures):
    """Electronic service often delivers every paper in one PDF: each page that opens with a title
    starts a document; values are those of the separate files, pages those of the bundle."""
    from respond.extract.documents import documents_in

    text = pdf_text("bundle-nanshan.pdf")
    docs = documents_in(text.name, text.pages)
    parts = make_fixtures.BUNDLES["bundle-nanshan.pdf"]
    assert [d.kinds for d in docs] == [EXPECTED[stem][0] for stem in parts]
    assert [(d.first_page, d.pages) for d in docs] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    for doc, stem in zip(docs, parts):
        single = document(stem)
        assert {p: f.value for p, f in doc.fields.items()} == EXPECTED[stem][1]
        assert {p: f.text for p, f in doc.fields.items()} == {p: f.text for p, f in single.fields.items()}
        assert all(f.page == doc.first_page for f in doc.fields.values())


def test_a_page_that_mentions_a_title_does_not_start_a_document():
    from respond.extract.documents import split_documents

    pages = ["民事起诉状\n原告：某某公司", "传票另行送达。应诉通知书已收到。", "某某人民法院\n传票\n案号（2026）浙0106民初1号"]
    assert [(first, len(part)) for first, part in split_documents(pages)] == [(1, 2), (3, 1)]


# --- summons layouts of real courts (issue 12; tests/extract/layouts/SOURCES.md §1) ---------------

SUMMONS_LAYOUTS = {
    # 湖里: no colons, an empty 住所 row, 注意事项 naming 被传唤人; the time with its weekday
    "huli-chuanpiao": {"court.name": "福建省厦门市湖里区人民法院", "court.case_number": "（2026）闽0206民初8812号",
                       "case_cause": "金融借款合同纠纷", "defendant.name": "林小红",
                       "court.hearing_at": dt.datetime(2026, 12, 15, 14, 30)},
    # 思明: four columns, 被传人姓名 / 住址 / 被传事由, 注意事项 twice
    "siming-chuanpiao": {"court.name": "福建省厦门市思明区人民法院", "court.case_number": "（2026）闽0203民初9921号",
                         "defendant.name": "黄建国", "defendant.address": "福建省厦门市思明区湖滨南路88号",
                         "court.hearing_at": dt.datetime(2026, 12, 16, 9, 30)},
    # 遵义: spaced labels, the truncated 单位或住址, the time on the next line, an empty 应到处所
    "zunyi-chuanpiao": {"court.name": "遵义市中级人民法院", "court.case_number": "（2026）黔03民终5625号",
                        "case_cause": "借款合同纠纷", "defendant.name": "赵大勇",
                        "defendant.address": "贵州省遵义市红花岗区中华路12号",
                        "court.hearing_at": dt.datetime(2026, 12, 17, 9, 0)},
    # a template: 工作单位或地址, 应到住所, 14时 30分
    "template-chuanpiao": {"court.name": "广东省深圳市南山区人民法院", "court.case_number": "（2026）粤0305民初30001号",
                           "case_cause": "小额借款合同纠纷", "defendant.name": "王小明",
                           "defendant.address": "广东省深圳市南山区科技园路1号",
                           "court.hearing_at": dt.datetime(2026, 12, 18, 14, 30)},
}
SUMMONS_PLACES = {"huli-chuanpiao": "本院第三法庭", "siming-chuanpiao": "本院金融和互联网法庭",
                  "zunyi-chuanpiao": None, "template-chuanpiao": "本院第五法庭"}


@pytest.mark.parametrize("stem", sorted(SUMMONS_LAYOUTS))
def test_summons_layouts_of_real_courts(document, stem):
    doc = document(stem)
    assert doc.kinds == ("传票",)
    assert {k: v.value for k, v in doc.fields.items()} == SUMMONS_LAYOUTS[stem]
    place = doc.extra.get("hearing_place")
    assert (place.value if place else None) == SUMMONS_PLACES[stem]


def test_a_label_inside_the_instructions_is_not_a_field():
    """思明's form names no 被传唤人 row; the instructions do (被传唤人必须准时到达应到场所)."""
    page = "福建省厦门市思明区人民法院\n传票\n被传人姓名\n\n注意事项\n1.被传唤人必须准时到达应到场所，并携带有效证件；\n"
    assert "defendant.name" not in read_document("x.pdf", [page]).fields
    glued = "传票\n被传唤人\n王小明工作单位或地址：广东省深圳市南山区科技园路1号\n应到时间\n2026年12月18日14时30分\n"
    fields = read_document("x.pdf", [glued]).fields
    assert fields["defendant.name"].value == "王小明"
    assert fields["defendant.address"].value == "广东省深圳市南山区科技园路1号"


# --- notices of the same courts (SOURCES.md §2, §3) -------------------------------------------------

NOTICE_LAYOUTS = {
    # 湖里, second wording: 收到起诉状之日起十五日（涉外案件为三十日）内
    "huli-yingsu": ({"court.name": "福建省厦门市湖里区人民法院", "court.case_number": "（2026）闽0206民初8812号",
                     "plaintiff.name": "厦门鹭岛小额贷款有限公司", "case_cause": "金融借款合同纠纷",
                     "defendant.name": "林小红", "service.answer_days": 15}, {}),
    # 湖里 举证通知书: the period without 举证期限为; the 七日 of other duties are not it
    "huli-juzheng": ({"court.name": "福建省厦门市湖里区人民法院", "court.case_number": "（2026）闽0206民初8812号",
                      "defendant.name": "林小红"}, {"evidence_period": "自收到本通知次日起十五日内"}),
    # 思明: the plaintiff without 原告, a 七日 answer period
    "siming-yingsu": ({"court.name": "福建省厦门市思明区人民法院", "court.case_number": "（2026）闽0203民初9921号",
                       "plaintiff.name": "厦门鼓浪网络小额贷款有限公司", "case_cause": "借款合同纠纷",
                       "defendant.name": "黄建国", "service.answer_days": 7}, {}),
    # 思明 民事诉讼举证通知书: no addressee; 你（单位）与…一案
    "siming-juzheng": ({"court.name": "福建省厦门市思明区人民法院", "court.case_number": "（2026）闽0203民初9921号",
                        "plaintiff.name": "厦门鼓浪网络小额贷款有限公司", "case_cause": "借款合同纠纷"},
                       {"evidence_period": "自收到本通知次日起的15日内"}),
}


@pytest.mark.parametrize("stem", sorted(NOTICE_LAYOUTS))
def test_notices_of_real_courts(document, stem):
    doc = document(stem)
    fields, extra = NOTICE_LAYOUTS[stem]
    assert {k: v.value for k, v in doc.fields.items()} == fields
    assert {k: v.value for k, v in doc.extra.items()} == extra


def test_an_answer_period_without_the_plaintiff_called_原告():
    """湖里 apperanceNotice.vue (SOURCES.md §2a): 原告 is not written; 收到起诉状副本后十五日内."""
    page = ("福建省厦门市湖里区人民法院\n应诉通知书\n（2026）闽0206民初8812号\n林小红：\n"
            "厦门某某小额贷款有限公司与林小红金融借款合同纠纷一案，本院已立案。现将应诉的有关事项通知如下：\n"
            "二、在收到起诉状副本后十五日内向本院提交答辩状，并按对方当事人的人数提出副本。\n")
    fields = {k: v.value for k, v in read_document("x.pdf", [page]).fields.items()}
    assert fields["plaintiff.name"] == "厦门某某小额贷款有限公司" and fields["service.answer_days"] == 15
    assert fields["case_cause"] == "金融借款合同纠纷" and fields["defendant.name"] == "林小红"


# --- the national element-based complaint (要素式起诉状, SOURCES.md §5) -------------------------------

YAOSU = {
    "plaintiff.name": "杭州钱塘消费金融股份有限公司", "plaintiff.address": "浙江省杭州市上城区钱江路88号",
    "plaintiff.credit_code": "91330100MA2CFK8X1Q", "plaintiff.representative": "周明远",
    "claims.principal": Decimal("20000.00"),
    # 欠利息 1800 = 期内利息 1200 + 复利 100 + 罚息 500: counted once
    "claims.interest": Decimal("1200.00"), "claims.penalty": Decimal("600.00"), "claims.legal_costs": Decimal("1500.00"),
    "claims.as_of": dt.date(2026, 8, 17), "claims.until_paid": True, "claims.accelerate": True,
    "loan.contract_date": dt.date(2024, 3, 15), "loan.disbursed_on": dt.date(2024, 3, 15),
    "loan.principal": Decimal("20000.00"), "loan.rate": {"annual": Decimal("0.18")}, "loan.method": "equal_installment",
    "loan.contract_number": "QT2024031500123",
}
YAOSU_DEFENDANT = {
    "defendant.name": "刘晓燕", "defendant.gender": "女", "defendant.birth_date": dt.date(1993, 5, 6),
    "defendant.ethnicity": "汉族", "defendant.address": "浙江省杭州市拱墅区莫干山路100号",
    "defendant.residence": "浙江省杭州市余杭区文一西路998号", "defendant.id_number": "330105199305061226",
    "defendant.phone": "13700006789",
}


def test_the_element_based_complaint(document):
    doc = document("yaosu-qisu")
    assert doc.kinds == (COMPLAINT,)
    assert {k: v.value for k, v in doc.fields.items()} == YAOSU
    assert [{k: v.value for k, v in d.items()} for d in doc.defendants] == [YAOSU_DEFENDANT]


def _complaint(body: str):
    return read_document("x.pdf", ["民事起诉状\n" + body])


def test_only_the_ticked_box_counts():
    base = ("原告（法人、非法人组织）\n名称：某某消费金融有限公司\n被告（自然人）\n姓名：张三\n性别：男☑ 女□\n"
            "诉讼请求\n1. 本金\n截至2026年8月17日止，尚欠本金 5000 元\n2. 利息\n截至2026年8月17日止，尚欠利息 300 元；"
            "是否请求支付至实际清偿之日止：是{until} 否{not_until}\n3. 是否要求提前还款或解除合同\n是{acc} 提前还款（加速到期）{acc} / "
            "解除合同□ 否{not_acc}\n")
    ticked = _complaint(base.format(until="☑", not_until="□", acc="☑", not_acc="□"))
    assert ticked.fields["claims.until_paid"].value is True and ticked.fields["claims.accelerate"].value is True
    assert ticked.defendants[0]["defendant.gender"].value == "男"
    unticked = _complaint(base.format(until="□", not_until="☑", acc="□", not_acc="☑"))
    assert "claims.until_paid" not in unticked.fields and "claims.accelerate" not in unticked.fields


def test_defendants_numbered_one_two():
    for first, second in (("被告一：", "被告二："), ("被告1：", "被告2："), ("第一被告：", "第二被告：")):
        doc = _complaint(f"原告：某某小额贷款有限公司，住所地：重庆市渝北区。\n{first}张三，男，1990年1月1日出生，汉族，"
                         f"住浙江省杭州市西湖区文三路1号。\n{second}李四，女，1991年2月2日出生，汉族，住浙江省杭州市上城区。\n"
                         "诉讼请求：1.判令两被告偿还借款本金10000元。\n")
        assert [d["defendant.name"].value for d in doc.defendants] == ["张三", "李四"], first


def test_an_interest_figure_that_is_not_a_sum_of_what_follows_is_kept():
    doc = _complaint("原告：某某小额贷款有限公司。\n被告：张三。\n诉讼请求：1.判令被告偿还本金10000元、利息800元、罚息200元。\n")
    assert doc.fields["claims.interest"].value == Decimal("800.00")
    assert doc.fields["claims.penalty"].value == Decimal("200.00")


def test_an_amount_read_two_ways_is_refused_and_a_restated_one_counted_once():
    doc = _complaint("原告：某某小额贷款有限公司。\n被告：张三。\n诉讼请求：1.判令被告偿还借款本金人民币壹万元整（10000元）及利息500元；"
                     "2.判令被告支付违约金20.000元；3.律师费贰仟元（3000元）。\n")
    fields = {k: v.value for k, v in doc.fields.items()}
    assert fields["claims.principal"] == Decimal("10000.00")  # 大写 and 小写 agree: once
    assert "claims.penalty" not in fields  # 20.000: twenty, or twenty thousand?
    assert "claims.legal_costs" not in fields  # 贰仟 against 3000: neither
    assert doc.extra["claims_unreadable"].value == ["20.000元", "大写与小写不一致：2000.00 与 3000.00"]


def test_a_guarantors_recourse_claim_is_its_principal():
    doc = _complaint("原告：某某融资担保有限公司。\n被告：张三。\n诉讼请求：1.判令被告偿还原告代偿款172890.94元；"
                     "2.本案诉讼费由被告承担。\n")
    assert doc.fields["claims.principal"].value == Decimal("172890.94")


def test_a_guarantors_complaint_with_numbered_defendants(document):
    """SOURCES.md §6: 代偿款 in 大写 with the figure in parentheses, 代偿资金占用费 暂计至…为…元, 0.3万元, 被告一 / 被告二."""
    doc = document("danbao-qisu")
    assert {k: v.value for k, v in doc.fields.items()} == {
        "court.name": "长沙市岳麓区人民法院", "plaintiff.name": "深圳前海安信融资担保有限公司",
        "plaintiff.address": "广东省深圳市前海深港合作区前湾一路1号A栋201室",
        "plaintiff.credit_code": "91440300MA5F8K2T3L", "plaintiff.representative": "陈国栋",
        "claims.principal": Decimal("172890.94"),  # 大写 and its figure: once
        "claims.interest": Decimal("11526.06"),    # the 资金占用费 accrued so far
        "claims.legal_costs": Decimal("3000.00"),  # 0.3万元
        "claims.as_of": dt.date(2026, 9, 4), "claims.until_paid": True,
        "loan.contract_date": dt.date(2024, 11, 13), "loan.principal": Decimal("250000.00"),
        "loan.rate": {"annual": Decimal("0.095")}, "loan.term_months": 36, "loan.method": "equal_installment"}
    assert [{k: v.value for k, v in d.items()} for d in doc.defendants] == [
        {"defendant.name": "周晓梅", "defendant.address": "湖南省长沙市岳麓区麓山南路66号", "defendant.gender": "女",
         "defendant.birth_date": dt.date(1988, 7, 12), "defendant.ethnicity": "汉族",
         "defendant.id_number": "430104198807121528", "defendant.phone": "13600003333"},
        {"defendant.name": "吴建华", "defendant.address": "湖南省长沙市天心区芙蓉南路8号", "defendant.gender": "男",
         "defendant.birth_date": dt.date(1986, 3, 3), "defendant.ethnicity": "汉族"}]
    assert doc.extra == {}


@pytest.mark.parametrize("wording", [
    "该日之后新发生的利息按约定计算至债务全部清偿之日止",  # (2018)闽01民终1237号, SOURCES.md §6b
    "按照年利率24%的标准支付原告自2013年6月10日起至三被告实际还清全部欠款之日的利息",  # §6c
    "自2026年10月1日起的利息按合同约定标准计算至实际清偿之日止",
])
def test_until_paid_in_the_wordings_of_real_complaints(wording):
    doc = _complaint(f"原告：某某银行股份有限公司某支行。\n被告：张三。\n诉讼请求：1.判令被告偿还借款本金10000元及利息（{wording}）。\n")
    assert doc.fields["claims.until_paid"].value is True
