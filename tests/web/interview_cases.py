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
    "loan.payments": "\n".join(f"{d} 4488.16" for d in (
        "2024-07-20", "2024-08-20", "2024-09-20", "2024-10-20", "2024-11-20", "2024-12-20", "2025-01-20",
        "2025-02-20", "2025-03-20", "2025-04-20")),
}


def _report(data: dict) -> dict:
    engine = make_engine(today=TODAY)
    loaded = parse_case(data)
    return json.loads(json.dumps(build_report(engine.run(loaded)), default=str))
