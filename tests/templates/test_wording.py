"""The answer's wording, read back from the rendered documents (visible text, never bytes).

Each test builds a case, analyses it, renders the package with the package templates and checks
what a reader of 答辩状.docx, 利息重算表.docx, 管辖权异议申请书.docx and 说明.md sees.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from factories import DELETE, run
from respond.templates.package import build_package

PASSED = "2026-11-21"  # BASE is served 2026-11-03 electronically: the answer period ended 2026-11-18
OPEN = "2026-11-10"

ASSIGNED_OVER_CLAIM = {  # a company lender (private regime), signed 2019, assigned: lawful total > claim
    "plaintiff": {"name": "某某资产管理有限公司"},
    "loan": {"lender": "深圳某某网络科技有限公司", "contract_date": "2019-03-15", "rate": {"annual": 0.36}},
}


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
        assert "多主张了" not in text and "20,930.00 元不应支持" not in text
    principal = cell(answer, "1.对本金")
    assert principal.startswith("无☑ 有☐") and "不高于" in principal and "按原告主张的数额计" in principal
    assert "不高于" in cell(answer, "2.对利息")
    # the void-contract figure (13,330.17) is above the claim (9,500.00): not conceded in the answer
    assert "13,330.17" not in answer.text
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
    claimed, lawful, diff = annex.row("利息（含罚息、复利、违约金）")[1:]
    assert claimed == "2,510.20" and lawful == "2,510.20" and diff == "0.00"
    for label in ("本金", "利息（含罚息、复利、违约金）", "其他费用", "合计"):
        assert not NEGATIVE.search(" ".join(annex.row(label)))
    # the lines add up to the total: the cap room left after interest goes to the fees
    money = [float(annex.row(k)[2].replace(",", "")) for k in ("本金", "利息（含罚息、复利、违约金）", "其他费用")]
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
                                         "第四条 乙方逾期的，还应按逾期金额每日千分之五向甲方支付违约金。"]})
    answer = read_docx(files["答辩状.docx"])
    assert cell(answer, "2.对合同主体").startswith("无☑ 有☐")
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
    assert signing.startswith("无☐ 有☑") and "的事实无异议" in signing and "未采取合理方式提示" in signing
    assert "第496条" in signing and "第六条" in signing
    assert "单方变更利率" in cell(answer, "19.其他需要说明")


def test_upfront_deduction_ticks_principal_and_total_alike(package, read_docx):
    a, files = package(loan={"upfront_deductions": [{"name": "服务费", "amount": "500.00"}], "rate": {"annual": 0.072}})
    assert not a.rate.exceeds_cap and a.amounts.lawful_principal is not None
    answer = read_docx(files["答辩状.docx"])
    principal, total = cell(answer, "1.对本金"), cell(answer, "7.对标的总额")
    assert principal.startswith("无☐ 有☑") and "8,500.00" in principal
    assert total.startswith("无☐ 有☑") and "8,500.00" in total and "9,000.00" in total


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
    assert "`loan.contract_text`" in md  # a field name is a code span, not loan.contract\_text
    assert "给张`_`三`*`的说明" in md


# --- 5. electronic service is the defendant's choice -----------------------------------------


def test_electronic_service_is_left_for_the_defendant(package, read_docx):
    a, files = package()
    assert a.case.service.method.value == "electronic"
    answer = read_docx(files["答辩状.docx"])
    choice = cell(answer, "是否接受电子送达").split("\n")
    assert choice[0] == "是☐ 否☐" and "自行选择" in choice[1]
    assert "是否接受电子送达" in files["说明.md"].decode()


# --- 7. arbitration: a reservation in the answer, the choice in 说明.md ----------------------


def test_arbitration_is_reserved_not_raised(package, read_docx):
    _, files = package(loan={"clauses": ["第八条 因本合同产生的任何争议，双方同意提交某某仲裁委员会按照其网络仲裁规则进行仲裁，仲裁裁决是终局的。"]})
    answer = read_docx(files["答辩状.docx"])
    notes = cell(answer, "19.其他需要说明")
    assert "仲裁条款" in notes and "保留在首次开庭前" in notes and "《中华人民共和国仲裁法》第26条" in notes
    assert "驳回原告的起诉" not in answer.text
    md = files["说明.md"].decode()
    assert "要不要申请仲裁（由您决定）" in md and "**首次开庭之前**" in md and "一裁终局" in md


# --- 8. 管辖权异议申请书 names only the places given -----------------------------------------

AWAY = {"court": {"name": "重庆市渝北区人民法院"},
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
    assert "委托合同及付款凭证" in cell(answer, "19.其他需要说明")


# --- 10. rate and amount are stated even without an objection -------------------------------


def test_rate_within_cap_states_rate_cap_and_basis(package, read_docx):
    a, files = package(loan={"rate": {"annual": 0.072}})
    assert a.rate.exceeds_cap is False
    rate = cell(read_docx(files["答辩状.docx"]), "5.对借款利率")
    assert rate.startswith("无☑ 有☐")
    assert "7.20%" in rate and "未超过" in rate and "24.00%" in rate
    assert "《最高人民法院关于进一步加强金融审判工作的若干意见》第2条" in rate


def test_amount_states_contract_and_received_without_deduction(package, read_docx):
    _, files = package(loan={"rate": {"annual": 0.072}})
    amount = cell(read_docx(files["答辩状.docx"]), "3.对借款金额")
    assert amount.startswith("无☑ 有☐")
    assert "合同约定借款金额 10,000.00 元" in amount and "实际收到 10,000.00 元" in amount


def test_answer_basis_lists_only_the_laws_argued(package, read_docx):
    """答辩依据: the no-notice assignment clause of a debt the lender still holds is not argued, so
    民法典第546条 is not listed; with an assignment it is. Articles of one law in numeric order."""
    clauses = ["第九条 甲方可将本合同项下的债权转让给第三方，无需通知乙方。",
               "第十条 乙方逾期的，应按借款本金的20%支付违约金，并按日千分之五支付罚息。"]
    _, held = package(loan={"clauses": clauses, "rate": {"annual": 0.36}})
    basis = cell(read_docx(held["答辩状.docx"]), "18.答辩依据")
    assert "第546条" not in basis and "第585条" in basis
    _, sold = package(plaintiff={"name": "深圳某某资产管理有限公司"},
                      loan={"clauses": clauses, "rate": {"annual": 0.36}, "lender": "某某银行股份有限公司"})
    basis = cell(read_docx(sold["答辩状.docx"]), "18.答辩依据")
    assert "第546条" in basis
    for law in basis.split("法律规定：", 1)[1].split("；"):
        numbers = [int(n) for n in re.findall(r"第(\d+)条", law)]
        assert numbers == sorted(numbers), law
