"""The answer's wording, read back from the rendered documents (visible text, never bytes).

Each test builds a case, analyses it, renders the package with the package templates and checks
what a reader of 答辩状.docx, 利息重算表.docx, 管辖权异议申请书.docx and 说明.md sees.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest

from factories import DELETE, run
from respond.templates.package import build_package
from docx_text import visible_text

PASSED = "2026-11-21"  # BASE is served 2026-11-03 electronically: the answer period ended 2026-11-18
OPEN = "2026-11-10"

TIME_BARRED = {  # a company lender (private regime), signed 2019, assigned, no payment since: LIMITATION
    "plaintiff": {"name": "某某资产管理有限公司"},
    "loan": {"lender": "深圳某某网络科技有限公司", "contract_date": "2019-03-15", "rate": {"annual": 0.36}},
}
# the same with a payment in 2024 (not time-barred): lawful total > claim
ASSIGNED_OVER_CLAIM = {**TIME_BARRED, "loan": {**TIME_BARRED["loan"], "payments": [{"date": "2024-01-15", "amount": "100.00"}]}}


@pytest.fixture(scope="module")
def package(templates):
    def build(today: str = OPEN, **over):
        a = run(today=today, **over)
        return a, build_package(a, templates)
    return build


def cell(doc, label_start: str) -> str:
    """The right-hand cell of the form row whose label starts with ``label_start``."""
    rows = [r for r in doc.rows if r and r[0].startswith(label_start)]
    assert len(rows) == 1, label_start
    return rows[0][-1]


NEGATIVE = re.compile(r"[-−]\d[\d,]*\.\d{2}")  # a negative amount as money_text prints it


# --- 1. never more than the plaintiff claims (不超出诉请) ----------------------------------------


def test_lawful_total_above_the_claim_concedes_only_the_claim(package, read_docx):
    a, files = package(**ASSIGNED_OVER_CLAIM)
    assert a.amounts.excess < 0  # report.json keeps the negative excess; only the wording changes
    answer = read_docx(files["答辩状.docx"])
    annex = read_docx(files["利息重算表.docx"])
    md = files["说明.md"].decode()
    for text in (answer.text, annex.text, md):
        assert not NEGATIVE.search(text), NEGATIVE.search(text)
        assert "多主张了" not in text and "20,830.00 元不应支持" not in text
    principal = cell(answer, "1.对本金")
    assert principal.startswith("无☑ 有☐") and "未超过" in principal
    assert "未超过" in cell(answer, "2.对利息")
    # "not above" never states the higher figure (it would invite the plaintiff to raise the claim)
    for item in ("对本金有无异议", "对利息", "对标的总额"):
        text = claim_cell(answer, item)
        stated = text.split("）。", 1)[-1] if item == "对标的总额" else text.split("。", 1)[1]
        assert not re.search(r"\d[\d,]*\.\d\d 元", stated), (item, text)
    # the void-contract figure (13,230.17) is above the claim (9,500.00): not conceded in the answer
    assert "13,230.17" not in answer.text
    assert annex.row("本金")[1:] == ["9,000.00", "9,000.00", "0.00"]
    assert annex.row("合计")[1:] == ["9,500.00", "9,500.00", "0.00"]
    assert "不超出原告的诉讼请求" in annex.text
    assert "没有超过" in md and "法院不会判得比原告" in md


def test_microloan_annex_interest_line_is_never_negative(tmp_path, read_docx):
    from pathlib import Path

    from click.testing import CliRunner

    from respond.cli.main import main

    examples = Path(__file__).resolve().parents[2] / "examples"
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(examples / "microloan-fees.json"), "--out", str(out),
                                  "--today", "2026-11-21"])
    assert r.exit_code == 0, r.stderr
    annex = read_docx((out / "利息重算表.docx").read_bytes())
    assert annex.row("利息")[1:] == ["1,530.20", "1,530.20", "0.00"]
    assert annex.row("罚息（复利、违约金）")[1:] == ["980.00", "980.00", "0.00"]
    for label in ("本金", "利息", "罚息（复利、违约金）", "其他费用", "合计"):
        assert not NEGATIVE.search(" ".join(annex.row(label)))
    # the lines add up to the total: the cap room left after interest goes to the fees
    money = [float(annex.row(k)[2].replace(",", "")) for k in ("本金", "利息", "罚息（复利、违约金）", "其他费用")]
    assert abs(sum(money) - float(annex.row("合计")[2].replace(",", ""))) < 0.015


# --- 2. the annualization method follows the analysis ----------------------------------------


@pytest.mark.parametrize("loan, method, words", [
    ({"rate": {"annual": 0.36}}, "monthly", "月内部收益率×12"),
    ({"rate": {"annual": 0.30}, "fees": [{"name": "会员费", "amount": "199.00", "date": "2024-03-20"}]},
     "daily", "日内部收益率×360"),
    ({"rate": {"annual": 0.36}, "term_months": DELETE, "term_days": 30, "method": "bullet"},
     "single", "（还款总额−到手金额）÷到手金额×360÷借款天数"),
])
def test_apr_method_is_worded_from_the_analysis(package, read_docx, loan, method, words):
    a, files = package(loan=loan)
    assert a.rate.apr.method == method and a.rate.exceeds_cap
    answer = read_docx(files["答辩状.docx"])
    assert words in cell(answer, "5.对借款利率") and words in cell(answer, "19.其他需要说明")
    others = [w for m, w in (("monthly", "月内部收益率"), ("daily", "日内部收益率"), ("single", "还款总额−到手金额"))
              if m != method]
    assert not any(w in answer.text for w in others)


# --- 3. each finding where the form has it -------------------------------------------------


def test_assignment_is_an_other_defence_and_parties_only_say_who_lent(package, read_docx):
    a, files = package(plaintiff={"name": "某某资产管理有限公司"}, loan={"lender": "某某小额贷款有限公司"},
                       claims={"principal": "9000.00", "interest": "500.00"})
    answer = read_docx(files["答辩状.docx"])
    parties = cell(answer, "2.对合同主体")
    assert parties.startswith("无☐ 有☑") and "某某小额贷款有限公司" in parties and "债权转让协议" not in parties
    other = cell(answer, "17.有无其他免责")
    assert other.startswith("无☐ 有☑") and "债权转让协议" in other and "第546条" in other


def test_lender_as_plaintiff_leaves_parties_alone(package, read_docx):
    _, files = package(loan={"clauses": ["第九条 甲方有权将本合同项下的债权转让给第三方，无需通知乙方。",
                                         "第四条 乙方逾期的，还应按逾期金额每日千分之五向甲方支付违约金。"]},
                       claims={"penalty": "300.00"})  # 违约金过高 is argued only against a 违约金 claimed
    answer = read_docx(files["答辩状.docx"])
    assert cell(answer, "2.对合同主体").startswith("无☐ 有☐")  # loan.lender not given: 请核对
    assert "无需通知乙方" not in answer.text  # no assignment happened: the clause is moot
    assert "每日千分之五" in cell(answer, "2.对利息") and cell(answer, "2.对利息").startswith("无☐ 有☑")
    assert "每日千分之五" not in cell(answer, "1.对合同签订")


def test_assignment_clause_is_argued_when_the_debt_was_assigned(package, read_docx):
    _, files = package(plaintiff={"name": "某某资产管理有限公司"}, loan={
        "lender": "某某小额贷款有限公司", "clauses": ["第九条 甲方有权将本合同项下的债权转让给第三方，无需通知乙方。"]})
    answer = read_docx(files["答辩状.docx"])
    assert "无需通知乙方" in cell(answer, "17.有无其他免责")
    assert "无需通知乙方" not in cell(answer, "2.对合同主体")


def test_standard_terms_are_a_notice_objection_under_signing(package, read_docx):
    _, files = package(loan={"clauses": ["第六条 甲方有权根据经营需要调整本合同的利率、费率及收费标准，并在平台公告后生效，无需另行通知乙方。"]})
    answer = read_docx(files["答辩状.docx"])
    signing = cell(answer, "1.对合同签订")
    assert signing.startswith("无☐ 有☑") and "的事实无异议" in signing and "不能证明已采取合理方式提示" in signing
    assert "第496条" in signing and "第六条" in signing
    assert "单方变更利率" in cell(answer, "19.其他需要说明")


def test_upfront_deduction_ticks_principal_and_total_alike(package, read_docx):
    # 10,000 lent, 500 taken at disbursement, nothing repaid: the principal in law is 9,500 (claimed 10,000);
    # the 500 interest claimed is below the contract's, so the total is at most 9,500 + 500 = 10,000 of 10,500
    a, files = package(loan={"upfront_deductions": [{"name": "服务费", "amount": "500.00"}], "rate": {"annual": 0.072}},
                       claims={"principal": "10000.00"})
    assert not a.rate.exceeds_cap and a.amounts.lawful_principal is not None
    answer = read_docx(files["答辩状.docx"])
    principal, total = cell(answer, "1.对本金"), cell(answer, "7.对标的总额")
    assert principal.startswith("无☐ 有☑") and "9,500.00" in principal
    assert total.startswith("无☐ 有☑") and "10,000.00" in total and "10,500.00" in total


# --- 4. 说明.md: bold that closes, what to do after the deadline, no backslashes ---------------


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def unpaired_strong(line: str) -> list[int]:
    """Positions of ``**`` runs CommonMark cannot pair (left/right-flanking rules, code spans removed)."""
    line = re.sub(r"(`+).*?\1", lambda m: "x" * len(m.group()), line)
    openers: list[int] = []
    bad: list[int] = []
    for m in re.finditer(r"\*+", line):
        if len(m.group()) != 2:
            continue
        before = line[m.start() - 1] if m.start() > 0 else " "
        after = line[m.end()] if m.end() < len(line) else " "
        left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
        right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
        if right and openers:
            openers.pop()
        elif left:
            openers.append(m.start())
        else:
            bad.append(m.start())
    return bad + openers


def test_deadline_passed_bold_closes_and_says_what_can_still_be_done(package):
    _, files = package(today=PASSED)
    md = files["说明.md"].decode()
    assert "答辩期已经在 2026年11月18日 结束了" in md
    for line in md.splitlines():
        assert not unpaired_strong(line), line
    section = md.split("## 2.")[0]
    assert "就不算晚" not in section and "必须在同一天之前" not in section
    assert "现在还能做的" in section and "出庭" in section


def test_open_deadline_keeps_bold_and_posting_rule(package):
    _, files = package(today=OPEN)
    md = files["说明.md"].decode()
    assert "**请在 2026年11月18日（含当天）之前" in md and "就不算晚" in md
    for line in md.splitlines():
        assert not unpaired_strong(line), line


def test_strong_checker_catches_the_old_wording():
    assert unpaired_strong("**答辩期已经在 2026年11月18日 结束了（已过 3 天）。**您仍然应当")
    assert not unpaired_strong("**答辩期已经在 2026年11月18日 结束了**（已过 3 天）。您仍然应当")


def test_no_backslash_escapes_in_the_explanation(package):
    _, files = package(defendant={"name": "张_三*"})
    md = files["说明.md"].decode()
    assert "\\" not in md
    assert "loan.contract_text" not in md  # a field name is put in plain words, never loan.contract\_text
    assert "给张`_`三`*`的说明" in md


# --- 5. electronic service is the defendant's choice -----------------------------------------


def test_electronic_service_is_left_for_the_defendant(package, read_docx):
    a, files = package()
    assert a.case.service.method.value == "electronic"
    answer = read_docx(files["答辩状.docx"])
    choice = cell(answer, "是否接受电子送达").split("\n")
    assert choice == ["是☐ 否☐", "方式："]  # no instruction text left in the filed form
    assert "是否接受电子送达" in files["说明.md"].decode()


# --- 7. arbitration: a reservation in the answer, the choice in 说明.md ----------------------


def test_arbitration_is_reserved_not_raised(package, read_docx):
    _, files = package(loan={"clauses": ["第八条 因本合同产生的任何争议，双方同意提交某某仲裁委员会按照其网络仲裁规则进行仲裁，仲裁裁决是终局的。"]})
    answer = read_docx(files["答辩状.docx"])
    notes = cell(answer, "19.其他需要说明")
    assert "仲裁条款" in notes and "保留在首次开庭前" in notes
    # 仲裁法第26条 is held from memory (statutes.md §, article number uncertain after 2025): not cited in a filing
    assert "仲裁法" not in answer.text and "未声明有仲裁协议" not in answer.text
    assert "驳回原告的起诉" not in answer.text
    md = files["说明.md"].decode()
    assert "要不要申请仲裁（由您决定）" in md and "**首次开庭之前**" in md and "一裁终局" in md


# --- 8. 管辖权异议申请书 names only the places given -----------------------------------------

AWAY = {"court": {"name": "重庆市渝北区人民法院"}, "plaintiff": {"name": "某某银行股份有限公司", "address": "北京市朝阳区某某路1号"},
        "loan": {"clauses": ["第七条 因本合同发生的争议，双方同意提交甲方住所地人民法院诉讼解决。"]}}


def test_objection_without_residence_names_only_the_domicile(package, read_docx):
    a, files = package(**AWAY)
    assert a.objection_warranted and a.case.defendant.residence is None
    text = read_docx(files["管辖权异议申请书.docx"]).text
    assert "申请人的住所地位于浙江省杭州市西湖区某某路1号" in text
    assert "经常居住地位于" not in text and "住所地、经常居住地" not in text and "经常居住地：" not in text
    assert "申请人（被告）：张三，" not in text  # no details: no dangling comma


def test_objection_with_a_different_residence_names_both(package, read_docx):
    _, files = package(defendant={"residence": "浙江省杭州市滨江区某某路3号"}, **AWAY)
    text = read_docx(files["管辖权异议申请书.docx"]).text
    assert "住所地位于浙江省杭州市西湖区某某路1号，经常居住地位于浙江省杭州市滨江区某某路3号" in text
    assert "经常居住地：浙江省杭州市滨江区某某路3号" in text


def test_objection_after_the_deadline_does_not_claim_to_be_timely(package, read_docx):
    _, files = package(today=PASSED, **AWAY)
    assert "在答辩期内提出本申请" not in read_docx(files["管辖权异议申请书.docx"]).text


# --- 9. the evidence list: one line per document, no requests --------------------------------


def test_evidence_is_one_line_per_document_and_requests_are_separate(package, read_docx):
    _, files = package(claims={"legal_costs": "1500.00"}, loan={"rate": {"annual": 0.36}, "clauses": [
        "第四条 乙方未按期足额还款的，自逾期之日起按借款年利率上浮50%计收罚息，对未支付的利息按罚息利率计收复利。",
        "第五条 乙方逾期的，还应按逾期金额每日千分之五向甲方支付违约金，并承担甲方为实现债权支出的律师费、催收费等全部费用。",
        "第七条 因本合同发生的争议，双方同意提交甲方住所地人民法院诉讼解决。"]})
    answer = read_docx(files["答辩状.docx"])
    evidence = cell(answer, "20.证据清单").split("\n")
    assert len(evidence) == len(set(evidence))
    assert sum("借款合同" in e for e in evidence) == 1
    assert not any("要求其" in e or "原告的欠款明细" in e for e in evidence)
    assert any("借款合同" in e and "证明" in e for e in evidence)
    assert "请求法院责令原告提交：" in cell(answer, "19.其他需要说明")
    # the collection-costs clause argument asks for the contracts itself: asked once, not again in 19
    assert "委托合同及付款凭证" in claim_cell(answer, "对实现债权的费用")
    assert answer.text.count("委托合同及付款凭证") == 1


# --- 10. rate and amount are stated even without an objection -------------------------------


def test_rate_within_cap_states_rate_cap_and_basis(package, read_docx):
    a, files = package(loan={"rate": {"annual": 0.072}})
    assert a.rate.exceeds_cap is False
    rate = cell(read_docx(files["答辩状.docx"]), "5.对借款利率")
    assert rate.startswith("无☑ 有☐")
    assert "7.20%" in rate and "未超过" in rate and "24.00%" in rate
    assert "《最高人民法院关于进一步加强金融审判工作的若干意见》第2条" in rate


def test_amount_states_contract_and_received_without_deduction(package, read_docx):
    _, files = package(loan={"rate": {"annual": 0.072}, "disbursed_on": "2024-03-15"})
    amount = cell(read_docx(files["答辩状.docx"]), "3.对借款金额")
    assert amount.startswith("无☑ 有☐")
    assert "合同约定借款金额 10,000.00 元" in amount and "实际收到 10,000.00 元" in amount


def test_amount_without_a_disbursement_date_is_not_admitted(package, read_docx):
    """No 放款日 in the file: nothing shows what arrived, so the amount is left to check (no box)."""
    _, files = package(loan={"rate": {"annual": 0.072}})
    amount = cell(read_docx(files["答辩状.docx"]), "3.对借款金额")
    assert amount.startswith("无☐ 有☐")
    assert "合同约定借款金额 10,000.00 元" in amount and "实际收到" not in amount


def test_answer_basis_lists_only_the_laws_argued(package, read_docx):
    """答辩依据: the no-notice assignment clause of a debt the lender still holds is not argued, so
    民法典第546条 is not listed; with an assignment it is. Articles of one law in numeric order."""
    clauses = ["第九条 甲方可将本合同项下的债权转让给第三方，无需通知乙方。",
               "第十条 乙方逾期的，应按借款本金的20%支付违约金，并按日千分之五支付罚息。"]
    _, held = package(loan={"clauses": clauses, "rate": {"annual": 0.36}}, claims={"penalty": "300.00"})
    basis = cell(read_docx(held["答辩状.docx"]), "18.答辩依据")
    assert "第546条" not in basis and "第585条" in basis
    _, sold = package(plaintiff={"name": "深圳某某资产管理有限公司"},
                      loan={"clauses": clauses, "rate": {"annual": 0.36}, "lender": "某某银行股份有限公司"})
    basis = cell(read_docx(sold["答辩状.docx"]), "18.答辩依据")
    assert "第546条" in basis
    for law in basis.split("法律规定：", 1)[1].split("；"):
        numbers = [int(n) for n in re.findall(r"第(\d+)条", law)]
        assert numbers == sorted(numbers), law


# --- 11. limitation: no express 无异议 on any claim (民法典第192条第2款) -------------------------

LIMITATION_2028 = dict(today="2028-06-12", court={"filed_on": "2028-06-01"}, service={"date": "2028-06-10"},
                       claims={"legal_costs": "500.00", "until_paid": True, "accelerate": True},
                       loan={"rate": {"annual": 0.36}})
CLAIM_ITEMS = ("对本金有无异议", "对利息", "对提前还款或解除合同", "对实现债权的费用", "对其他请求", "对标的总额")


def claim_cell(doc, words: str) -> str:
    """The right-hand cell of the 答辩事项 row whose label contains ``words``."""
    rows = [r for r in doc.rows if r and words in r[0] and "有无异议" in r[0]]
    assert len(rows) == 1, words
    return rows[0][-1]


def section(md: str, heading: str) -> str:
    """The text under a 说明.md heading, up to the next heading of any level."""
    return md.split(heading, 1)[1].split("\n#", 1)[0]


@pytest.mark.parametrize("over, claimed", [
    (dict(TIME_BARRED), ("对本金有无异议", "对利息", "对标的总额")),
    (LIMITATION_2028, CLAIM_ITEMS),
])
def test_limitation_raises_the_defence_on_every_claim(package, read_docx, over, claimed):
    a, files = package(**over)
    assert "LIMITATION" in [f.code for f in a.findings]
    answer = read_docx(files["答辩状.docx"])
    for words in claimed:
        text = claim_cell(answer, words)
        assert text.startswith("无☐ 有☑") and "诉讼时效抗辩" in text, (words, text)
        assert "按原告主张的数额计" not in text and "尚欠" not in text, (words, text)
    for words in CLAIM_ITEMS:  # nothing the plaintiff claims is answered 无异议
        text = claim_cell(answer, words)
        assert text.startswith("无☐ 有☑") or text.endswith("事实和理由："), (words, text)
    md = files["说明.md"].decode()
    barred = section(md, "### 可能已过诉讼时效")
    assert "在法院判决之前，不要答应原告还款，也不要还任何钱" in barred
    assert "《中华人民共和国民法典》第192条" in barred and "不能再以时效已过为由抗辩" in barred
    assert "所以答辩状按原告主张的金额写" not in md
    for line in md.splitlines():
        assert not unpaired_strong(line), line


def test_limitation_keeps_the_other_objections_as_a_fallback(package, read_docx):
    _, files = package(**LIMITATION_2028)
    costs = claim_cell(read_docx(files["答辩状.docx"]), "对实现债权的费用")
    assert costs.index("诉讼时效抗辩") < costs.index("退一步说") < costs.index("委托合同及付款凭证")


# --- 12. a guarantor recovers only what it actually paid -------------------------------------

GUARANTOR = {"plaintiff": {"name": "平安普惠融资担保有限公司"}, "loan": {"lender": "平安消费金融有限公司"}}
GUARANTOR_OVER_CAP = {"plaintiff": GUARANTOR["plaintiff"], "claims": {"principal": "10000.00", "interest": "8000.00"},
                      "loan": {**GUARANTOR["loan"], "rate": {"annual": 0.36},
                               "payments": [{"date": "2024-04-15", "amount": "100.00"}]}}


@pytest.mark.parametrize("over", [GUARANTOR, GUARANTOR_OVER_CAP], ids=["within", "over_cap"])
def test_guarantor_must_prove_what_it_paid(package, read_docx, over):
    from respond.checks.formats import money_text
    from respond.checks.claims import claim_lines

    a, files = package(**over)
    assert "GUARANTOR_RECOURSE" in [f.code for f in a.findings]
    answer = read_docx(files["答辩状.docx"])
    principal, interest, total = (claim_cell(answer, w) for w in ("对本金有无异议", "对利息", "对标的总额"))
    for text in (principal, interest, total):
        assert text.startswith("无☐ 有☑") and "实际代偿" in text, text
        assert "按原告主张的数额计" not in text and "尚欠" not in text
    assert "代偿凭证" in principal and "理由同“本金”项" in total  # argued once, in full under 本金
    assert "超过法定利率上限" in interest and "不能向答辩人追偿" in interest
    assert "答辩人依法应还" not in answer.text
    md = files["说明.md"].decode()
    assert "应还" not in md and "代偿凭证" in md
    lines = claim_lines(a)
    if lines and lines["total"].diff and lines["total"].diff > 0:
        figure = f"原出借人至多可主张 {money_text(lines['total'].used)} 元"
        assert figure in total and figure in md and "只能在实际代偿的范围内追偿" in total


# --- 13. 说明.md in plain words: no case-file field names, LPR explained ---------------------

FIELD_PATH = re.compile(r"\b(?:loan|claims|court|service|defendant|plaintiff|assignment)\.[a-z_]")
MANY_WARNINGS = {  # no lender named, a fee never paid, no filing date, clauses pointing at loan.fees etc.
    "plaintiff": {"name": "某某资产管理有限公司"}, "court": {"filed_on": DELETE},
    "loan": {"fees": [{"name": "会员费", "amount": "199.00", "date": "2024-03-20"}],
             "clauses": ["第三条 借款人须购买会员服务方可借款。", "第五条 放款时一次性扣除服务费500元。"]},
}


@pytest.mark.parametrize("over", [{}, MANY_WARNINGS, dict(today="2028-06-12", court={"filed_on": "2028-06-01"},
                                                          service={"date": "2028-06-10"})])
def test_explanation_names_no_case_file_fields(package, over):
    import json

    a, files = package(**over)
    md = files["说明.md"].decode()
    assert not FIELD_PATH.search(md), FIELD_PATH.search(md)
    # report.json is for paralegals: the field names stay there
    report = json.loads(files["report.json"])
    assert any(FIELD_PATH.search(w) for w in report["warnings"])
    if over is MANY_WARNINGS:
        assert "还款记录里没有这一天的付款" in md and "请在案件信息里填写借款合同载明的放款人" in md


def test_field_words_cover_every_field_the_checks_name():
    """Every case-file path in the Chinese texts of checks/*.py, data/findings.toml, clauses/*.toml has plain words."""
    import ast
    import tomllib
    from pathlib import Path

    from respond.templates.explain import plain_fields

    root = Path(__file__).resolve().parents[2]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    texts: list[str] = []
    for path in sorted((root / "checks").glob("*.py")):
        texts += [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(n, ast.Constant) and isinstance(n.value, str) and cjk.search(n.value)]

    def strings(o):
        if isinstance(o, str):
            yield o
        elif isinstance(o, dict):
            for v in o.values():
                yield from strings(v)
        elif isinstance(o, list):
            for v in o:
                yield from strings(v)

    for path in [root / "data" / "findings.toml", *sorted((root / "clauses").glob("*.toml"))]:
        texts += [t for t in strings(tomllib.loads(path.read_text(encoding="utf-8"))) if cjk.search(t)]
    assert any(FIELD_PATH.search(t) for t in texts)
    for t in texts:
        assert not FIELD_PATH.search(plain_fields(t)), t


@pytest.mark.parametrize("over", [dict(plaintiff={"name": "李四"}, loan={"rate": {"annual": 0.30}}), ASSIGNED_OVER_CLAIM])
def test_lpr_is_explained_where_it_first_appears(package, over):
    _, files = package(**over)
    md = files["说明.md"].decode()
    first = md.index("LPR")
    assert md.count("每月20日由全国银行间同业拆借中心公布") == 1
    assert md[first:].startswith("LPR（一年期贷款市场报价利率，每月20日由全国银行间同业拆借中心公布") or \
        md[first - 10:first + 20].endswith("贷款市场报价利率（LPR，每月20日由全国银行间同业拆借中心公布）")
    for line in md.splitlines():
        assert not unpaired_strong(line), line


# --- 14. the deadline: an unverified calendar, a missed period --------------------------------


def test_unverified_calendar_advises_the_last_working_day_or_the_post(package):
    a, files = package(today="2028-06-12", court={"filed_on": "2028-06-01"}, service={"date": "2028-06-10"})
    assert a.deadline.calendar_verified is False and a.deadline.days_left >= 0
    deadline = files["说明.md"].decode().split("## 2.")[0]
    assert "之前的最后一个工作日" in deadline and "法定节假日" in deadline
    assert "交邮局寄出（邮寄也算按期" in deadline
    _, verified = package(today=OPEN)
    assert "最后一个工作日" not in verified["说明.md"].decode()


def test_unverified_calendar_after_the_date_says_the_period_may_still_run(package):
    a, files = package(today="2028-07-05", court={"filed_on": "2028-06-01"}, service={"date": "2028-06-10"})
    assert a.deadline.calendar_verified is False and a.deadline.days_left < 0
    deadline = files["说明.md"].decode().split("## 2.")[0]
    assert "最后一个工作日" not in deadline and "答辩期可能还没有结束" in deadline


def test_missed_deadline_mentions_extension_for_a_legitimate_reason(package):
    _, files = package(today=PASSED)
    deadline = files["说明.md"].decode().split("## 2.")[0]
    assert "障碍消除后的 10 日内" in deadline and "申请顺延期限" in deadline and "正当理由" in deadline
    assert "第86条" not in deadline  # not in the citation index (data/statutes.json): described, not cited
    _, open_ = package(today=OPEN)
    assert "申请顺延期限" not in open_["说明.md"].decode()


def test_principal_above_the_schedule_is_disputed(package, read_docx):
    """Within the cap, 6 of 12 instalments paid, 9,000 claimed: 本金, 还款情况 and 标的总额 are 有."""
    pays = [{"date": f"2024-{m:02d}-15", "amount": "916.80"} for m in range(4, 10)]
    a, files = package(loan={"payments": pays})
    assert "PRINCIPAL_ABOVE_SCHEDULE" in [f.code for f in a.findings]
    answer = read_docx(files["答辩状.docx"])
    outstanding = f"{a.standing.principal_outstanding:,.2f}"
    principal = cell(answer, "1.对本金")
    assert principal.startswith("无☐ 有☑") and outstanding in principal and "前 6 期" in principal
    assert cell(answer, "8.对还款情况").startswith("无☐ 有☑")
    assert cell(answer, "7.对标的总额").startswith("无☐ 有☑")
    _, paid_one = package(loan={"payments": pays[:1]})
    assert cell(read_docx(paid_one["答辩状.docx"]), "1.对本金").startswith("无☑ 有☐")


def test_rate_item_names_only_the_part_of_the_transition_cap_exceeded(package, read_docx):
    """A 2019 private loan at 24%: only the cap from 2020-08-20 is exceeded (rules.md §3)."""
    _, files = package(plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": "2022-06-15"},
                       service={"date": "2022-06-20"}, claims={"as_of": "2022-06-15"}, today="2022-06-25",
                       loan={"contract_date": "2019-12-01", "rate": {"annual": 0.24}, "term_months": 36})
    rate = cell(read_docx(files["答辩状.docx"]), "5.对借款利率")
    assert "超过2020年8月20日起适用的上限" in rate and "超过年利率 24%" not in rate


def test_only_fees_claimed_the_annex_lines_add_up(package, read_docx):
    """No interest or penalty claimed: the interest line takes none of the capped interest, and the
    lines' differences add up to the total's."""
    a, files = package(loan={"rate": {"annual": 0.36}, "fees": [{"name": "服务费", "amount": "50", "per_installment": True}],
                             "payments": [{"date": "2024-04-15", "amount": "100.00"}]},
                       claims={"interest": DELETE, "fees": "800.00"})
    annex = read_docx(files["利息重算表.docx"])
    rows = {r[0]: r for r in annex.tables[0][1:]}
    money = lambda t: Decimal(t.replace(",", "")) if t else Decimal(0)
    diffs = [money(rows[k][3]) for k in ("本金", "利息", "其他费用")]
    assert sum(diffs) == money(rows["合计"][3])
    assert rows["利息"][1] == "" and money(rows["其他费用"][2]) > 0


def test_a_lower_contract_figure_is_explained_beside_the_cap_ledger(package, read_docx):
    """Above the cap, but the contract itself allows less than the 24% ledger (20% overdue, docs/rules.md
    §10): the answer names the method, and the annex says its summary takes the lower figure."""
    a, files = package(plaintiff={"name": "招联消费金融股份有限公司"}, court={"filed_on": "2020-09-15"},
                       service={"date": "2020-10-10"}, today="2020-10-12",
                       claims={"as_of": "2020-09-15", "principal": "8000", "interest": "3000"},
                       loan={"contract_date": "2018-01-06", "rate": {"annual": 0.2}, "term_months": 24,
                             "fees": [{"name": "服务费", "amount": "40", "per_installment": True}],
                             "payments": [{"date": "2018-02-06", "amount": "548.92"}]})
    assert a.rate.exceeds_cap and a.amounts.lawful.basis == "contract"
    rate = next(f for f in a.findings if f.code == "RATE_ABOVE_CAP")
    assert "按合同约定并以法定上限为限计算" in rate.argument
    annex = " ".join(read_docx(files["利息重算表.docx"]).paragraphs)
    assert "汇总栏按较低者计" in annex and f"{a.amounts.lawful.contract_total:,.2f}" in annex


def test_without_payments_no_annex_and_no_capped_figure(package, read_docx):
    """No payments in the file (unknown, not zero): over the cap the interest item objects, states the
    rule and asks for a recomputation, but gives no figure; no 利息重算表 is attached or cited."""
    a, files = package(loan={"rate": {"annual": 0.36}})
    assert a.ledger is not None and "利息重算表.docx" not in files
    answer = read_docx(files["答辩状.docx"])
    interest = claim_cell(answer, "对利息")
    assert interest.startswith("无☐ 有☑") and "重新核算" in interest
    assert "至多" not in interest and "不高于" not in interest and "未超过" not in interest
    assert "利息重算表" not in visible_text(files["答辩状.docx"])
