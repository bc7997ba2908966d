"""The 信用卡纠纷 and 保证保险合同纠纷 answers as the court reads them (visible text of the .docx),
for a case that contests and one that confirms, built on real judgments (tests/forms/real/).
Figures worked by hand in the comments."""

from __future__ import annotations

import pytest

from factories import run
from respond.templates.package import build_package

# card-01: (2022)鄂0581民初944号 — 4,998.06 × 24% × 1,284 / 365 = 4,219.73; claimed charges
# 3,303.86 + 3,001.87 + 60.00 = 6,365.73, 2,146.00 above; total at most 9,217.79
CARD_01 = dict(
    today="2022-04-25", day_basis=365, case_cause="信用卡纠纷",
    court={"name": "湖北省宜都市人民法院", "case_number": "（2022）鄂0581民初944号", "filed_on": "2022-04-13"},
    service={"method": "mail", "date": "2022-04-20"},
    plaintiff={"name": "湖北宜都农村商业银行股份有限公司聂家河支行"},
    claims={"as_of": "2022-04-13", "principal": "4998.06", "interest": "3303.86", "penalty": "3001.87", "fees": "60.00"},
    loan={"contract_date": "2018-02-28", "principal": "4998.06", "rate": {"daily": 0.0005}},
    card={"overdue_since": "2018-10-07", "overdue_principal": "4998.06"},
)
# the same card with charges the ceiling covers: 1,000 + 500 = 1,500 ≤ 4,219.73
# and the payments listed (one, before default), so the principal can be confirmed
CARD_WITHIN = {**CARD_01, "claims": {**CARD_01["claims"], "interest": "1000.00", "penalty": "500.00", "fees": None},
               "loan": {**CARD_01["loan"], "payments": [{"date": "2018-09-07", "amount": "200.00"}]}}

# insurance-01: (2025)豫1325民初6665号 — the insurer paid 160,951.32 on 2023-09-20
INSURANCE_01 = dict(
    today="2025-06-25", case_cause="保证保险合同纠纷",
    court={"name": "河南省内乡县人民法院", "case_number": "（2025）豫1325民初6665号", "filed_on": "2025-06-10"},
    service={"method": "mail", "date": "2025-06-20"},
    plaintiff={"name": "某某财产保险股份有限公司南阳中心支公司"},
    claims={"as_of": "2025-06-10", "principal": "160951.32", "interest": None, "penalty": "8000.00",
            "fees": "1738.93", "until_paid": True},
    loan={"lender": "某某银行股份有限公司", "contract_date": "2022-09-02", "principal": "294000.00",
          "rate": {"annual": 0.063}, "term_months": 36},
    recourse={"paid_on": "2023-09-20", "amount": "160951.32"},
)


@pytest.fixture(scope="module")
def answer(templates, read_docx):
    def build(**over):
        a = run(**over)
        return read_docx(build_package(a, templates)["答辩状.docx"])
    return build


def cell(doc, label_start: str) -> str:
    rows = [r for r in doc.rows if r and r[0].startswith(label_start)]
    assert len(rows) == 1, label_start
    return rows[0][-1]


def test_card_answer_contests_the_charges_with_the_courts_figures(answer):
    doc = answer(**CARD_01)
    assert "（信用卡纠纷）" in doc.text
    charges = cell(doc, "2.对利息、罚息、复利、滞纳金、违约金、手续费等有无异议")
    assert charges.startswith("确认☐ 异议☑　异议内容：")
    assert "4,219.73 元" in charges and "2,146.00 元不应支持" in charges and "2018年10月7日" in charges
    assert "没有规定具体标准" in charges  # the 24% is practice, not the rule's text: said so
    total = cell(doc, "6.对标的总额有无异议")
    assert total.startswith("无☐ 有☑　异议内容：") and "9,217.79 元" in total
    assert cell(doc, "5.对被告逾期未还款金额有无异议").startswith("无☐ 有☑　事实与理由：")
    assert "信用卡领用合约" in cell(doc, "15.答辩依据")
    assert "《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》第2条" in cell(doc, "15.答辩依据")


def test_card_answer_confirms_the_principal_and_leaves_charges_within_the_ceiling_to_check(answer):
    doc = answer(**CARD_WITHIN)
    assert cell(doc, "1.对透支本金有无异议").startswith("确认☑ 异议☐")
    charges = cell(doc, "2.对利息、罚息、复利、滞纳金、违约金、手续费等有无异议")
    assert charges.startswith("确认☐ 异议☐") and "未超过该上限" in charges
    assert "不应支持" not in cell(doc, "6.对标的总额有无异议")


def test_insurance_answer_limits_the_payout_and_contests_premiums_and_penalty(answer):
    doc = answer(**INSURANCE_01)
    assert "（保证保险合同纠纷）" in doc.text
    payout = cell(doc, "1.对理赔款有无异议")
    assert payout.startswith("无☐ 有☐")  # claimed = paid: the borrower checks the voucher
    assert "至多 160,951.32 元" in payout and "代位求偿" in payout  # the unsettled point is said
    charges = cell(doc, "2.对保险费、违约金等有无异议")
    assert charges.startswith("无☐ 有☑") and "9,738.93 元" in charges and "适当减少" in charges
    assert "2023年9月20日" in cell(doc, "6.对保证保险合同的履行情况有无异议")
    assert "《中华人民共和国保险法》第60条" in cell(doc, "9.答辩依据")


def test_insurance_answer_contests_a_payout_above_what_was_paid(answer):
    # claimed 160,951.32, paid 150,000.00: 10,951.32 too much
    doc = answer(**{**INSURANCE_01, "recourse": {"paid_on": "2023-09-20", "amount": "150000.00"}})
    payout = cell(doc, "1.对理赔款有无异议")
    assert payout.startswith("无☐ 有☑") and "10,951.32 元" in payout
