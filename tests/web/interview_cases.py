"""Two bundled examples' facts as a borrower would type them into the interview (written by hand
from examples/*.json), and the report `respond check` gives for a case dict."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from respond.case.load import parse_case
from respond.checks.report import build_report
from respond.cli.engine import make_engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = dt.date(2026, 11, 20)

# The private loan with a deducted month of interest (examples/private-upfront-deduction.json),
# as its borrower would answer: dates in Chinese, figures with 元 and commas, the rate as "2" per month.
PRIVATE = {
    "court.name": "浙江省杭州市余杭区人民法院",
    "court.case_number": "（2026）浙0110民初18832号",
    "plaintiff.name": "李建国",
    "court.procedure": "simplified",
    "court.filed_on": "2026年9月15日",
    "service.method": "direct",
    "service.date": "2026年11月10日",
    "plaintiff.address": "浙江省杭州市余杭区某某街道某某路88号",
    "defendant.name": "王小明",
    "defendant.gender": "男",
    "defendant.birth_date": "1994-06-02",
    "defendant.ethnicity": "汉族",
    "defendant.address": "浙江省杭州市余杭区某某街道某某小区3幢2单元501室",
    "defendant.phone": "138****5678",
    "claims.principal": "50,000元",
    "claims.interest": "7000",
    "claims.penalty": "5000.00",
    "claims.legal_costs": "3000",
    "claims.as_of": "2026-09-15",
    "claims.until_paid": "yes",
    "claims.accelerate": "yes",
    "ask.lender_is_plaintiff": "yes",
    "loan.product": "某某借条",
    "loan.contract_date": "2025年3月10日",
    "loan.principal": "5万元",
    "loan.rate.period": "monthly",
    "loan.rate.percent": "2",
    "loan.term_months": "12",
    "loan.method": "interest_first",
    "ask.full_amount_received": "no",
    "loan.upfront_deductions": "预扣利息 5000",
    "ask.extra_fees": "no",
    "loan.payments": "\n".join(f"2025-{m:02d}-10 1000" for m in range(4, 10)),
}

BANK = {
    "court.name": "上海市浦东新区人民法院",
    "court.case_number": "（2026）沪0115民初99821号",
    "plaintiff.name": "某某银行股份有限公司上海分行",
    "court.procedure": "ordinary",
    "court.filed_on": "2026-10-20",
    "service.method": "mail",
    "service.date": "2026-11-12",
    "plaintiff.address": "上海市浦东新区某某路100号",
    "plaintiff.representative": "钱某",
    "defendant.name": "陈丽",
    "defendant.gender": "女",
    "defendant.birth_date": "1988年9月17日",
    "defendant.ethnicity": "汉族",
    "defendant.address": "上海市浦东新区某某路200弄5号301室",
    "claims.principal": "58,754.12",
    "claims.interest": "2210.35元",
    "claims.penalty": "640.18",
    "claims.as_of": "2026-10-20",
    "claims.until_paid": "yes",
    "claims.accelerate": "yes",
    "ask.lender_is_plaintiff": "unknown",  # the example file does not say who lent
    "loan.product": "某某快贷",
    "loan.contract_date": "2024-06-20",
    "loan.principal": "100000",
    "loan.rate.period": "annual",
    "loan.rate.percent": "7.2%",
    "loan.term_months": "24期",
    "loan.method": "equal_installment",
    "ask.full_amount_received": "yes",
    "loan.upfront_deductions": "这行不该被读：到手是全额",
    "ask.extra_fees": "no",
    "loan.payments": "2024年7月20日起每月4488.16元，共10期",  # ten equal monthly payments, in one line
}

# The microloan with a guarantee fee each instalment and a membership fee (examples/microloan-fees.json),
# its contract uploaded as the file the example names; the borrower does not know who lent.
MICROLOAN = {
    "court.name": "重庆市渝北区人民法院",
    "court.case_number": "（2026）渝0112民初40517号",
    "plaintiff.name": "重庆某某网络小额贷款有限公司",
    "plaintiff.address": "重庆市渝北区某某大道1号",
    "plaintiff.representative": "赵某",
    "plaintiff.credit_code": "91500000MA5U7XXXXX",
    "case_cause": "小额借款合同纠纷",
    "court.procedure": "small_claims",
    "court.filed_on": "2026年10月12日",
    "service.method": "electronic",
    "service.date": "2026年11月16日",
    "service.answer_days": "15",
    "defendant.name": "张三",
    "defendant.gender": "男",
    "defendant.birth_date": "1990年1月1日",
    "defendant.ethnicity": "汉族",
    "defendant.address": "浙江省杭州市西湖区某某路12号",
    "defendant.residence": "浙江省杭州市西湖区某某路12号",
    "claims.principal": "5,852.36元",
    "claims.interest": "1530.2",
    "claims.penalty": "980",
    "claims.fees": "1,050.00",
    "claims.legal_costs": "1500",
    "claims.as_of": "2026-09-30",
    "claims.until_paid": "yes",
    "claims.accelerate": "yes",
    "ask.lender_is_plaintiff": "unknown",
    "loan.product": "某某借钱",
    "loan.contract_number": "XD20240315000123",
    "loan.contract_date": "2024年3月15日",
    "loan.principal": "1万元",
    "loan.rate.period": "annual",
    "loan.rate.percent": "18",
    "loan.term_months": "12",
    "loan.method": "equal_installment",
    "loan.overdue_rate.period": "annual",
    "loan.overdue_rate.percent": "27%",
    "ask.full_amount_received": "yes",
    "ask.extra_fees": "yes",
    "loan.fees": "担保费 150 每期\n会员费 199 2024-03-20",
    "loan.payments": "2024-03-20 199\n2024-04-15 起每月 1066.80 共 5 期",
    "loan.contract_text": str(EXAMPLES / "microloan-fees-contract.txt"),  # a file to upload
}

# The suit filed in a court the contract chose though neither party is there
# (examples/jurisdiction-objection.json): the choice-of-court clause pasted from the contract.
JURISDICTION = {
    "court.name": "重庆市渝中区人民法院",
    "court.case_number": "（2026）渝0103民初88760号",
    "plaintiff.name": "广州某某网络小额贷款有限公司",
    "plaintiff.address": "广东省广州市天河区某某路66号",
    "plaintiff.representative": "孙某",
    "plaintiff.credit_code": "91440101MA5XXXXXXX",
    "case_cause": "小额借款合同纠纷",
    "court.procedure": "simplified",
    "court.filed_on": "2026-10-15",
    "service.method": "electronic",
    "service.date": "2026-11-18",
    "defendant.name": "周敏",
    "defendant.gender": "女",
    "defendant.birth_date": "1996-02-20",
    "defendant.ethnicity": "汉族",
    "defendant.address": "四川省成都市武侯区某某街9号",
    "defendant.residence": "四川省成都市武侯区某某街9号",
    "claims.principal": "7600",
    "claims.interest": "910",
    "claims.penalty": "420",
    "claims.legal_costs": "800",
    "claims.as_of": "2026-10-15",
    "claims.until_paid": "yes",
    "claims.accelerate": "yes",
    "ask.lender_is_plaintiff": "yes",
    "loan.product": "某某花",
    "loan.contract_number": "GZ2025010800321",
    "loan.contract_date": "2025-01-08",
    "loan.principal": "10000",
    "loan.rate.period": "annual",
    "loan.rate.percent": "21.6",
    "loan.term_months": "12",
    "loan.method": "equal_installment",
    "loan.overdue_rate.period": "annual",
    "loan.overdue_rate.percent": "32.4",
    "ask.full_amount_received": "yes",
    "loan.disbursed_on": "2025-01-08",
    "ask.extra_fees": "no",
    "loan.payments": "2025-02-08起每月940.07共3期",
    "loan.clauses": "第十二条 争议解决：因本合同引起的争议，双方同意提交重庆市渝中区人民法院管辖。本条款已以加粗字体提示。",
}

#: every bundled example, as its borrower answers the interview
WALKS = [(PRIVATE, "private-upfront-deduction.json"), (BANK, "bank-within-cap.json"),
         (MICROLOAN, "microloan-fees.json"), (JURISDICTION, "jurisdiction-objection.json")]


def _report(data: dict) -> dict:
    engine = make_engine(today=TODAY)
    loaded = parse_case(data, base_dir=EXAMPLES)  # the contract file an example names is beside it
    return json.loads(json.dumps(build_report(engine.run(loaded)), default=str))
