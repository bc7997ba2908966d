"""Rest days (法定休假日): weekends and official holidays, per the State Council's yearly schedule."""

from __future__ import annotations

import json
from datetime import date, timedelta

import chinese_calendar
import pytest

from respond.checks.calendar import HolidayCalendar, default_calendar, parse_holiday_overrides

CAL = HolidayCalendar()

# A made-up 2027 schedule for tests only: NOT the State Council's notice.
FAKE_2027 = json.dumps(
    {
        "source": "测试用虚构安排（不是国务院通知）",
        "years": {"2027": {"holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"],
                           "workdays": ["2027-01-09"]}},
    }
)


def overrides(years: dict, source: str = "国务院办公厅关于2027年部分节假日安排的通知") -> str:
    return json.dumps({"source": source, "years": years}, ensure_ascii=False)


# --- the package's data (chinese_calendar) -------------------------------------------------------


def test_national_day_is_a_rest_day():
    assert CAL.is_rest_day(date(2026, 10, 7))  # 国庆节假期最后一天
    assert not CAL.is_rest_day(date(2026, 10, 8))  # 节后第一个工作日


def test_weekday_in_lieu_is_a_rest_day():
    assert CAL.is_rest_day(date(2026, 2, 20))  # 春节调休放假的周五


def test_make_up_saturday_is_a_working_day():
    for d in [date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10)]:
        assert d.weekday() >= 5
        assert not CAL.is_rest_day(d), d  # 调休上班日：按实际休假日判断（原民通意见第198条思路）


def test_ordinary_weekend_and_weekday():
    assert CAL.is_rest_day(date(2026, 3, 7))  # 普通周六
    assert not CAL.is_rest_day(date(2026, 3, 9))  # 普通周一


def test_agrees_with_chinese_calendar_on_every_known_day():
    day, end = date(2004, 1, 1), date(2026, 12, 31)
    while day <= end:
        assert CAL.is_rest_day(day) == (not chinese_calendar.is_workday(day)), day
        day += timedelta(days=1)


def test_years_known():
    assert CAL.year_known(2004) and CAL.year_known(2026)
    assert not CAL.year_known(2003)
    assert not CAL.year_known(2027)  # chinese_calendar 1.11.0 尚未收录 2027 年


def test_unknown_year_counts_weekends_only_and_never_guesses():
    assert not CAL.is_rest_day(date(2027, 1, 1))  # 元旦几乎一定放假，但不猜
    assert not CAL.is_rest_day(date(2027, 10, 1))
    assert CAL.is_rest_day(date(2027, 1, 2))  # 周六
    assert CAL.is_rest_day(date(2027, 1, 3))  # 周日


# --- overrides -----------------------------------------------------------------------------------


def test_override_makes_year_known_with_its_holidays_and_workdays():
    cal = CAL.with_overrides(parse_holiday_overrides(FAKE_2027))
    assert cal.year_known(2027)
    assert cal.is_rest_day(date(2027, 1, 1))
    assert cal.is_rest_day(date(2027, 1, 4))  # 周一，列为假日
    assert not cal.is_rest_day(date(2027, 1, 9))  # 周六，列为调休上班日
    assert cal.is_rest_day(date(2027, 1, 10))  # 普通周日
    assert cal.sources == ("测试用虚构安排（不是国务院通知）",)


def test_override_replaces_the_package_data_for_that_year():
    cal = CAL.with_overrides(parse_holiday_overrides(overrides({"2026": {"holidays": ["2026-01-01"]}})))
    assert not cal.is_rest_day(date(2026, 10, 7))  # 覆盖后 2026 年只有元旦
    assert cal.is_rest_day(date(2026, 10, 10))  # 也没有调休上班日：周六休息
    assert cal.is_rest_day(date(2026, 10, 3))  # 周六仍然休息


def test_parser_returns_dates():
    parsed = parse_holiday_overrides(FAKE_2027)
    schedule = parsed["years"][2027]
    assert date(2027, 1, 4) in schedule.holidays
    assert schedule.workdays == frozenset({date(2027, 1, 9)})


def test_package_file_parses_and_holds_no_guesses():
    cal = default_calendar()
    assert cal is default_calendar()  # cached
    assert not cal.year_known(2027)
    assert cal.sources  # 有出处


def test_default_calendar_with_user_file():
    cal = default_calendar(FAKE_2027)
    assert cal.year_known(2027) and cal.is_rest_day(date(2027, 1, 4))
    assert not default_calendar().year_known(2027)  # 用户文件不污染缓存


@pytest.mark.parametrize(
    "text, problem",
    [
        ("{not json", "不是有效的 JSON"),
        ("[]", "最外层应为 JSON 对象"),
        (json.dumps({"years": {}}), "缺少 source"),
        (json.dumps({"source": "  ", "years": {}}), "缺少 source"),
        (json.dumps({"source": "x"}), "缺少 years"),
        (json.dumps({"source": "x", "years": {}, "yaers": {}}), "不认识的字段 yaers"),
        (overrides({"27": {"holidays": ["2027-01-01"]}}), "不是四位数的年份"),
        (overrides({"2027": {"holidays": ["2026-12-31"]}}), "2026-12-31 不在2027年内"),
        (overrides({"2027": {"holidays": ["2027/01/01"]}}), "不是 YYYY-MM-DD 格式"),
        (overrides({"2027": {"holidays": ["2027-02-30"]}}), "2027-02-30 不是有效日期"),
        (overrides({"2027": {"holidays": "2027-01-01"}}), "应为日期列表"),
        (overrides({"2027": {"holidays": []}}), "holidays 为空"),
        (overrides({"2027": {"workdays": ["2027-01-09"]}}), "缺少 holidays"),
        (overrides({"2027": {"holidays": ["2027-01-09"], "workdays": ["2027-01-09"]}}),
         "2027-01-09 同时出现在2027年的 holidays 和 workdays 中"),
        (overrides({"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-01-06"]}}),
         "调休上班日应为周六或周日"),
    ],
)
def test_bad_override_files_are_rejected_with_a_clear_message(text, problem):
    with pytest.raises(ValueError, match="^节假日安排文件有误：") as err:
        parse_holiday_overrides(text)
    assert problem in str(err.value)


def test_bad_user_file_is_rejected_by_default_calendar():
    with pytest.raises(ValueError, match="缺少 source"):
        default_calendar(json.dumps({"years": {}}))
