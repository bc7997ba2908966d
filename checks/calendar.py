"""Rest days (法定休假日) in mainland China, for counting procedural periods.

A rest day is an official public holiday (法定节假日, including the weekdays given off in lieu and
the weekends inside a holiday block), or a Saturday/Sunday that is not an official make-up workday
(调休上班日). Whether a make-up Saturday counts as a working day is not settled by statute; we
follow the actual schedule, as the former 《民通意见》第198条 did ("以实际休假日").

Sources:
  * the State Council General Office's yearly notice, 《国务院办公厅关于{year}年部分节假日安排的通知》
    (国办发明电〔year-1〕N号), as collected by the ``chinese_calendar`` package
    (https://github.com/LKI/chinese-calendar);
  * for years that package does not know yet, an override file in the format accepted by
    :func:`parse_holiday_overrides`: the package's own ``respond/data/holidays.json``, plus an
    optional user file that the CLI reads and passes in as text.

Limitations:
  * The schedule of a year is published only around November of the year before. Both the
    ``chinese_calendar`` release and ``data/holidays.json`` need a yearly check each November.
  * A year that neither source knows is answered with weekends only, and callers must mark their
    result as unverified. This module never guesses a holiday.
  * Regional holidays (e.g. ethnic-autonomous areas) and ad-hoc closures are not covered.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "YearSchedule",
    "HolidayCalendar",
    "parse_holiday_overrides",
    "default_calendar",
]

_PACKAGE_FILE = "holidays.json"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_RE = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule: days off (holidays) and make-up weekend workdays."""

    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date] = frozenset()


@cache
def _package_schedules() -> Mapping[int, YearSchedule]:
    """The years ``chinese_calendar`` knows, grouped by year."""
    from chinese_calendar import constants

    years = {d.year for d in constants.holidays} | {d.year for d in constants.workdays}
    return MappingProxyType(
        {
            y: YearSchedule(
                holidays=frozenset(d for d in constants.holidays if d.year == y),
                workdays=frozenset(d for d in constants.workdays if d.year == y),
            )
            for y in years
        }
    )


@dataclass(frozen=True)
class HolidayCalendar:
    """Answers whether a day is a rest day, and whether a year's schedule is known.

    ``overrides`` (year → schedule) replace ``chinese_calendar``'s data for those years and make
    those years known. ``sources`` names where the overrides came from.
    """

    overrides: Mapping[int, YearSchedule] = field(default_factory=dict, hash=False)
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", MappingProxyType(dict(self.overrides)))

    def _schedule(self, year: int) -> YearSchedule | None:
        return self.overrides.get(year) or _package_schedules().get(year)

    def year_known(self, year: int) -> bool:
        return self._schedule(year) is not None

    def is_rest_day(self, day: dt.date) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        weekend = day.weekday() >= 5
        schedule = self._schedule(day.year)
        if schedule is None:  # unknown year: weekends only, never a guessed holiday
            return weekend
        if day in schedule.holidays:
            return True
        return weekend and day not in schedule.workdays

    def with_overrides(self, parsed: Mapping[str, Any]) -> "HolidayCalendar":
        """A new calendar where the years in ``parsed`` (from :func:`parse_holiday_overrides`) win."""
        return HolidayCalendar(
            overrides={**self.overrides, **parsed["years"]},
            sources=self.sources + (parsed["source"],),
        )


def _fail(problem: str) -> ValueError:
    return ValueError(f"节假日安排文件有误：{problem}")


def _parse_dates(raw: Any, year: int, key: str) -> frozenset[dt.date]:
    if not isinstance(raw, list):
        raise _fail(f"{year}年的 {key} 应为日期列表，例如 [\"{year}-01-01\"]")
    days = set()
    for item in raw:
        if not isinstance(item, str) or not _DATE_RE.match(item):
            raise _fail(f"{year}年的 {key} 中的 {str(item)[:20]!r} 不是 YYYY-MM-DD 格式的日期")
        try:
            day = dt.date.fromisoformat(item)
        except ValueError:
            raise _fail(f"{year}年的 {key} 中的 {item} 不是有效日期") from None
        if day.year != year:
            raise _fail(f"{year}年的 {key} 中的 {item} 不在{year}年内")
        days.add(day)
    return frozenset(days)


def parse_holiday_overrides(text: str) -> dict:
    """Validate an override file's text; return ``{"source": str, "years": {int: YearSchedule}}``.

    Format::

        {"source": "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）",
         "note": "optional free text",
         "years": {"2027": {"holidays": ["2027-01-01", ...], "workdays": ["2027-..."]}}}

    ``holidays`` lists every day off (weekends inside a holiday block may be listed too);
    ``workdays`` (optional) lists the make-up Saturdays/Sundays. Raises ``ValueError`` in Chinese.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）") from None
    if not isinstance(data, dict):
        raise _fail("最外层应为 JSON 对象，包含 source 和 years")
    unknown = set(data) - {"source", "years", "note"}
    if unknown:
        raise _fail(f"不认识的字段 {', '.join(sorted(unknown))}（只允许 source、years、note）")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise _fail("缺少 source：请写明国务院办公厅通知的标题和文号")
    years_raw = data.get("years")
    if not isinstance(years_raw, dict):
        raise _fail("缺少 years，或 years 不是 JSON 对象（形如 {\"2027\": {...}}）")

    years: dict[int, YearSchedule] = {}
    for key, entry in years_raw.items():
        if not _YEAR_RE.match(key):
            raise _fail(f"years 中的 {key[:20]!r} 不是四位数的年份")
        year = int(key)
        if not isinstance(entry, dict):
            raise _fail(f"{year}年的安排应为 JSON 对象，包含 holidays 和 workdays")
        unknown = set(entry) - {"holidays", "workdays"}
        if unknown:
            raise _fail(f"{year}年有不认识的字段 {', '.join(sorted(unknown))}（只允许 holidays、workdays）")
        if "holidays" not in entry:
            raise _fail(f"{year}年缺少 holidays（放假日期）")
        holidays = _parse_dates(entry["holidays"], year, "holidays")
        workdays = _parse_dates(entry.get("workdays", []), year, "workdays")
        if not holidays:
            raise _fail(f"{year}年的 holidays 为空：每年至少有元旦、春节等法定节假日")
        both = sorted(holidays & workdays)
        if both:
            raise _fail(f"{both[0].isoformat()} 同时出现在{year}年的 holidays 和 workdays 中")
        weekday_workdays = sorted(d for d in workdays if d.weekday() < 5)
        if weekday_workdays:
            raise _fail(f"{weekday_workdays[0].isoformat()} 是工作日（周一至周五），调休上班日应为周六或周日")
        years[year] = YearSchedule(holidays=holidays, workdays=workdays)
    return {"source": source.strip(), "years": years}


@cache
def _package_calendar() -> HolidayCalendar:
    text = resources.files("respond.data").joinpath(_PACKAGE_FILE).read_text(encoding="utf-8")
    return HolidayCalendar().with_overrides(parse_holiday_overrides(text))


def default_calendar(extra_overrides_text: str | None = None) -> HolidayCalendar:
    """``chinese_calendar`` + ``data/holidays.json`` (cached), then the user's overrides if given."""
    calendar = _package_calendar()
    if extra_overrides_text is None:
        return calendar
    return calendar.with_overrides(parse_holiday_overrides(extra_overrides_text))
