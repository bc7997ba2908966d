"""The interview's answers → a case file: typed as a borrower would type them (by hand, from the
bundled examples' facts), they give the same report as the example file itself; what cannot be
read, or could be read two ways, is refused with a message naming the question."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interview_cases import BANK, EXAMPLES, PRIVATE, _report  # noqa: E402
from respond.web.questions import (  # noqa: E402
    PAGES,
    QUESTIONS,
    AnswerError,
    answers_to_case,
    asked,
    question_for_path,
    read_date,
    read_money,
    read_payments,
)


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


def test_equal_monthly_payments_can_be_written_in_one_line():
    rows = read_payments("2024年11月30日 500\n2024-12-15 起每月 1,066.80元，共 3 期\n2025-03-01 100")
    assert rows == [{"date": "2024-11-30", "amount": "500.00"},
                    {"date": "2024-12-15", "amount": "1066.80"}, {"date": "2025-01-15", "amount": "1066.80"},
                    {"date": "2025-02-15", "amount": "1066.80"}, {"date": "2025-03-01", "amount": "100.00"}]


@pytest.mark.parametrize("line, message", [
    ("2024-01-31 起每月 978 共 6 期", "每月 31 日还款的，各月天数不同"),  # 31 Feb does not exist: never guessed
    ("2024-01-15 起每月 978 共 0 期", "期数应在 1 到 360 之间"),
    ("2024-01-15 起每月 20.000 共 6 期", "可能是写错了分隔符"),
])
def test_a_monthly_line_that_cannot_be_read_one_way_is_refused(line, message):
    with pytest.raises(AnswerError, match=message):
        read_payments("2023-12-01 10\n" + line)


def test_validation_paths_map_back_to_their_question():
    assert question_for_path("loan.payments[2].amount") == "loan.payments"
    assert question_for_path("loan.rate.annual") == "loan.rate"
    assert question_for_path("claims.principal") == "claims.principal"
    assert question_for_path("notes.x") is None


def test_every_required_field_of_the_case_file_is_asked():
    required = {"court.name", "service.method", "service.date", "plaintiff.name", "defendant.name",
                "loan.contract_date", "loan.principal"}
    assert {q.key for page in PAGES for q in page.questions if q.required} == required


def test_the_credit_page_becomes_a_record_or_says_which_answer_is_wrong():
    import datetime as dt
    from decimal import Decimal

    from respond.web.questions import credit_record_from_answers

    assert credit_record_from_answers({"ask.credit_dispute": "no"}) == (None, {})
    record, problems = credit_record_from_answers({"ask.credit_dispute": "yes", "ask.credit_report_date": "2026年11月10日",
                                                   "ask.credit_ground": "amount_above_lawful",
                                                   "ask.credit_amount_shown": "1.2万", "ask.credit_settled_on": "2026-01-01"})
    assert not problems and record.grounds == ("amount_above_lawful",) and record.amount_shown == Decimal("12000.00")
    assert record.report_date == dt.date(2026, 11, 10) and record.settled_on is None  # not this ground's fact
    _, problems = credit_record_from_answers({"ask.credit_dispute": "yes", "ask.credit_report_date": "2026-02-30",
                                              "ask.credit_ground": "repaid", "ask.credit_reported_by": "某\u202e机构"})
    assert set(problems) == {"ask.credit_report_date", "ask.credit_settled_on", "ask.credit_reported_by"}
    assert "不存在" in problems["ask.credit_report_date"] and "必填" in problems["ask.credit_settled_on"]
    _, problems = credit_record_from_answers({"ask.credit_dispute": "yes", "ask.credit_report_date": "2026-11-10"})
    assert set(problems) == {"ask.credit_ground"}
