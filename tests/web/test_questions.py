"""The interview's answers → a case file: typed as a borrower would type them (by hand, from the
bundled examples' facts), they give the same report as the example file itself; what cannot be
read, or could be read two ways, is refused with a message naming the question."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from respond.case.load import parse_case
from respond.checks.report import build_report
from respond.cli.engine import make_engine
from respond.web.questions import (
    PAGES,
    QUESTIONS,
    AnswerError,
    answers_to_case,
    asked,
    question_for_path,
    read_date,
    read_money,
)

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


@pytest.mark.parametrize("answers, example", [(PRIVATE, "private-upfront-deduction.json"),
                                              (BANK, "bank-within-cap.json")])
def test_the_answers_give_the_report_of_the_example(answers, example):
    conversion = answers_to_case(answers)
    assert conversion.problems == {} and conversion.missing == []
    expected = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    expected.pop("notes", None)
    assert _report(conversion.case) == _report(expected)


def test_the_private_loan_reads_as_the_borrower_meant():
    case = answers_to_case(PRIVATE).case
    assert case["loan"]["principal"] == "50000.00" and case["loan"]["rate"] == {"monthly": 0.02}
    assert case["loan"]["upfront_deductions"] == [{"name": "预扣利息", "amount": "5000.00"}]
    assert case["service"] == {"method": "direct", "date": "2026-11-10"}
    assert case["claims"]["until_paid"] is True and "assignment" not in case
    assert case["loan"]["lender"] == "李建国"  # "yes, the plaintiff lent to me"


def test_a_skipped_question_is_not_read():
    """Full amount received: the deductions box is not asked, whatever it holds."""
    assert "upfront_deductions" not in answers_to_case(BANK).case["loan"]
    assert not asked(QUESTIONS["loan.upfront_deductions"], BANK)
    assert asked(QUESTIONS["loan.upfront_deductions"], PRIVATE)


def test_a_debt_sold_on_gives_the_assignment():
    answers = dict(BANK, **{"ask.lender_is_plaintiff": "no", "loan.lender": "某某消费金融有限公司",
                            "assignment.date": "2025-12-01", "assignment.notified": "no"})
    case = answers_to_case(answers).case
    assert case["loan"]["lender"] == "某某消费金融有限公司"
    assert case["assignment"] == {"from": "某某消费金融有限公司", "date": "2025-12-01", "notified": False}


def test_unknown_leaves_the_field_out_and_required_ones_are_listed():
    answers = dict(BANK, **{"loan.method": "unknown", "claims.until_paid": "unknown", "service.date": "",
                            "loan.principal": "unknown"})
    conversion = answers_to_case(answers)
    assert "method" not in conversion.case["loan"] and "until_paid" not in conversion.case["claims"]
    assert conversion.missing == ["service.date", "loan.principal"]


@pytest.mark.parametrize("text, value", [("9000", "9000"), ("9,000.50元", "9000.50"), ("１２３４．５", "1234.5"),
                                         ("1.2万", "12000.00"), ("¥ 300", "300"), ("人民币500元", "500")])
def test_money_as_people_write_it(text, value):
    assert read_money(text) == Decimal(value)


@pytest.mark.parametrize("text", ["20.000", "1,00", "九千", "9000 元 整", "-5", "12.3.4"])
def test_money_that_could_be_read_two_ways_or_not_at_all_is_refused(text):
    with pytest.raises(AnswerError):
        read_money(text)


def test_an_ambiguous_amount_is_a_problem_of_its_question_never_a_guess():
    conversion = answers_to_case(dict(BANK, **{"claims.principal": "58.754"}))
    assert "principal" not in conversion.case["claims"]
    assert "20.000 可能是二十元" in conversion.problems["claims.principal"]


@pytest.mark.parametrize("text", ["2026-02-30", "11月3日", "2026/13/01", "昨天"])
def test_dates_that_do_not_exist_or_lack_a_year_are_refused(text):
    with pytest.raises(AnswerError):
        read_date(text)


def test_payment_lines_name_the_line_that_is_wrong():
    conversion = answers_to_case(dict(BANK, **{"loan.payments": "2024-07-20 4488.16\n2024-08-20"}))
    assert "第 2 行" in conversion.problems["loan.payments"]


def test_validation_paths_map_back_to_their_question():
    assert question_for_path("loan.payments[2].amount") == "loan.payments"
    assert question_for_path("loan.rate.annual") == "loan.rate"
    assert question_for_path("claims.principal") == "claims.principal"
    assert question_for_path("notes.x") is None


def test_every_required_field_of_the_case_file_is_asked():
    required = {"court.name", "service.method", "service.date", "plaintiff.name", "defendant.name",
                "loan.contract_date", "loan.principal"}
    assert {q.key for page in PAGES for q in page.questions if q.required} == required
