"""The answer deadline (答辩期), rules.md §1. Each test cites the rule it checks."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respond.case.model import Procedure, ServiceMethod
from respond.checks.calendar import HolidayCalendar, parse_holiday_overrides
from respond.checks.deadline import Deadline, answer_deadline

CAL = HolidayCalendar()  # chinese_calendar only (knows 2004–2026)
TODAY = date(2026, 9, 1)

# A made-up 2027 schedule for tests only: NOT the State Council's notice.
FAKE_2027 = json.dumps(
    {"source": "测试用虚构安排（不是国务院通知）",
     "years": {"2027": {"holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"], "workdays": []}}}
)


def deadline(served: str, *, method=ServiceMethod.direct, days=None, domicile=True, procedure=None,
             calendar=CAL, today=TODAY) -> Deadline:
    return answer_deadline(method=method, served_date=date.fromisoformat(served), answer_days=days,
                           domicile_in_china=domicile, procedure=procedure, calendar=calendar, today=today)


def due(served: str, **kw) -> date:
    return deadline(served, **kw).answer_due


# --- 送达日 S ------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", [ServiceMethod.direct, ServiceMethod.mail, ServiceMethod.electronic])
def test_served_on_is_the_receipt_date(method):
    assert deadline("2026-03-02", method=method).served_on == date(2026, 3, 2)  # 民诉法第87、91、90条


def test_public_notice_is_served_30_days_after_issue():
    d = deadline("2026-03-02", method=ServiceMethod.public_notice)
    assert d.served_on == date(2026, 4, 1)  # 民诉法第95条
    assert d.answer_due == date(2026, 4, 16)  # + 15 日（第128条）
    assert "民诉法第95条" in d.basis


def test_public_notice_abroad_is_served_60_days_after_issue():
    d = deadline("2026-03-02", method=ServiceMethod.public_notice, domicile=False)
    assert d.served_on == date(2026, 5, 1)  # 民诉法第283条
    assert d.period_days == 30  # 第285条
    assert d.raw_due == date(2026, 5, 31)  # 周日
    assert d.answer_due == date(2026, 6, 1)  # 民诉法第85条第3款
    assert "民诉法第283条" in d.basis and "民诉法第285条" in d.basis


def test_method_accepts_the_case_file_string():
    assert due("2026-03-02", method="mail") == date(2026, 3, 17)


# --- 期间 N --------------------------------------------------------------------------------------


def test_fifteen_days_by_default():
    d = deadline("2026-03-02")
    assert d.period_days == 15 and d.answer_due == date(2026, 3, 17)  # 民诉法第128条，次日起算（第85条第2款）
    assert "民诉法第128条" in d.basis and "民诉法解释第125条" in d.basis


def test_thirty_days_without_domicile_in_china():
    d = deadline("2026-03-02", domicile=False)
    assert d.period_days == 30 and d.answer_due == date(2026, 4, 1)  # 民诉法第285条


def test_small_claims_court_set_period_is_used():
    d = deadline("2026-03-02", days=7, procedure=Procedure.small_claims)
    assert d.period_days == 7 and d.answer_due == date(2026, 3, 9)  # 民诉法解释第275条
    assert "民诉法解释第275条" in d.basis


def test_small_claims_period_over_15_days_is_rejected():
    with pytest.raises(ValueError, match="service.answer_days") as err:
        deadline("2026-03-02", days=16, procedure="small_claims")  # 民诉法解释第275条：最长不得超过15日
    assert "15日" in str(err.value) and "第275条" in str(err.value)


def test_small_claims_15_days_is_allowed():
    assert deadline("2026-03-02", days=15, procedure=Procedure.small_claims).period_days == 15


def test_court_set_period_outside_small_claims_is_used_as_given():
    d = deadline("2026-03-02", days=20, procedure=Procedure.simplified)  # 法院指定的期间，民诉法第85条第1款
    assert d.period_days == 20 and d.answer_due == date(2026, 3, 23)  # 3月22日是周日


def test_small_claims_without_a_set_period_warns_to_check_the_notice():
    d = deadline("2026-03-02", procedure=Procedure.small_claims)
    assert d.period_days == 15
    assert any("小额诉讼" in n for n in d.notes)


# --- 截止日：休假日顺延（民诉法第85条第3款） ------------------------------------------------------


def test_national_day():
    assert due("2026-09-22") == date(2026, 10, 8)  # 国庆, 民诉法第85条第3款


def test_spring_festival():
    d = deadline("2026-02-02")
    assert d.raw_due == date(2026, 2, 17)  # 春节假期中
    assert d.answer_due == date(2026, 2, 24)  # 春节, 民诉法第85条第3款
    assert d.extended_for_rest_day and "民诉法第85条第3款" in d.basis


def test_ordinary_weekend_moves_to_monday():
    assert due("2026-03-06") == date(2026, 3, 23)  # 3月21日周六 → 周一, 民诉法第85条第3款


def test_due_on_a_make_up_saturday_stays():
    d = deadline("2026-09-25")
    assert d.raw_due == date(2026, 10, 10)  # 周六，国务院安排调休上班
    assert d.answer_due == date(2026, 10, 10)  # 不是休假日，不顺延
    assert not d.extended_for_rest_day
    assert "民诉法第85条第3款" not in d.basis


def test_holidays_inside_the_period_are_not_skipped():
    assert due("2026-09-28") == date(2026, 10, 13)  # 国庆假期在期间中间，不扣除


def test_jurisdiction_objection_is_due_the_same_day():
    d = deadline("2026-09-22")
    assert d.jurisdiction_objection_due == d.answer_due  # 民诉法第130条
    assert "民诉法第130条" in d.basis


def test_posting_before_the_deadline_counts():
    d = deadline("2026-09-22")
    assert "民诉法第85条第4款" in d.basis
    assert any("交邮" in n for n in d.notes)


# --- 未收录的年份（rules.md §1.5） ---------------------------------------------------------------


def test_unknown_year_is_weekends_only_and_unverified():
    d = deadline("2026-12-20")
    assert d.answer_due == date(2027, 1, 4)  # 周一
    assert d.calendar_verified is False
    assert "2027年的法定节假日安排尚未收录，答辩期只按周末计算；如遇法定节假日，截止日只可能推后，不会提前。" in d.notes


def test_known_year_is_verified_without_the_warning():
    d = deadline("2026-09-22")
    assert d.calendar_verified is True
    assert not any("尚未收录" in n for n in d.notes)


def test_override_for_2027_verifies_and_can_move_the_date():
    cal = CAL.with_overrides(parse_holiday_overrides(FAKE_2027))
    d = deadline("2026-12-20", calendar=cal)
    assert d.calendar_verified is True
    assert d.answer_due == date(2027, 1, 5)  # 虚构安排里 1月4日放假 → 顺延，民诉法第85条第3款
    assert not any("尚未收录" in n for n in d.notes)


def test_weekend_extension_into_an_unknown_year_is_unverified():
    d = deadline("2026-12-18")
    assert d.raw_due == date(2027, 1, 2)  # 周六
    assert d.answer_due == date(2027, 1, 4) and not d.calendar_verified


# --- 剩余天数 ------------------------------------------------------------------------------------


def test_days_left():
    assert deadline("2026-09-22", today=date(2026, 10, 1)).days_left == 7


def test_days_left_negative_when_passed():
    d = deadline("2026-03-02", today=date(2026, 3, 20))
    assert d.days_left == -3
    assert any("已于2026年3月17日届满" in n for n in d.notes)  # 不影响审理，民诉法第128条第2款


def test_result_is_frozen():
    d = deadline("2026-03-02")
    with pytest.raises(AttributeError):
        d.answer_due = date(2026, 3, 18)  # type: ignore[misc]


# --- 性质 ----------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(
    served=st.dates(min_value=date(2004, 1, 1), max_value=date(2028, 12, 31)),
    method=st.sampled_from(list(ServiceMethod)),
    domicile=st.booleans(),
    procedure=st.sampled_from([None, *Procedure]),
    days=st.one_of(st.none(), st.integers(min_value=1, max_value=15)),
)
def test_due_is_a_working_day_within_15_days_after_raw_due(served, method, domicile, procedure, days):
    d = answer_deadline(method=method, served_date=served, answer_days=days, domicile_in_china=domicile,
                        procedure=procedure, calendar=CAL, today=TODAY)
    assert not CAL.is_rest_day(d.answer_due)  # 民诉法第85条第3款：截止日不是休假日
    assert d.raw_due <= d.answer_due <= d.raw_due + timedelta(days=15)
    assert d.raw_due == d.served_on + timedelta(days=d.period_days)  # 次日起算，不扣节假日
    assert d.extended_for_rest_day == (d.answer_due != d.raw_due)
    assert d.calendar_verified == all(CAL.year_known(y) for y in range(d.served_on.year, d.answer_due.year + 1))
