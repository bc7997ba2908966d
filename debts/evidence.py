"""The person's 催收记录表 (the log ``respond debts --collection`` hands out, filled in): read from
CSV or XLSX into :class:`respond.checks.collection.Entry` rows, every problem with its row and
column ("第 4 行 C 列（哪笔借款）"). Each row names the loan by its platform, as in the debts list."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from respond.case.model import HIDDEN_MESSAGE, has_hidden_characters
from respond.checks.collection import Entry
from respond.case.cells import letter

LOG_HEADERS = ("日期", "时间", "哪笔借款（平台名称，与债务清单一致）", "对方号码", "对方自称（姓名、机构）",
               "方式（电话/短信/微信/上门/联系亲友）", "对方说了什么（尽量写原话）", "是否联系了您的亲友、同事（是/否）",
               "是否辱骂或威胁（是/否）", "录音或截图的文件名", "备注")
DATE, TIME, PLATFORM, NUMBER, NAME, CHANNEL, SAID, THIRD, ABUSE, FILES, NOTE = LOG_HEADERS
MAX_ENTRIES, MAX_CELL = 2000, 500
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")


class LogError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def read_log(path: Path, *, platforms: set[str], today: dt.date) -> list[Entry]:
    """The log's entries (row 1 the headers, in any order), or LogError with every problem. Rows
    keep their number in the file (blank rows skipped, not renumbered); columns are named by
    their letter in the file."""
    from respond.debts.load import DebtsFileError, form_rows

    try:
        rows = form_rows(path, what="催收记录表")
    except DebtsFileError as exc:
        raise LogError([p.message for p in exc.problems]) from None
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(str(c).strip() for c in r)]
    if not numbered or [c.strip() for c in numbered[0][1][:3]] != list(LOG_HEADERS[:3]):
        hint = ("（这是旧版的记录表：请用 respond debts --collection 重新生成，把记录复制到新表，并补上“哪笔借款”一列）"
                if numbered and [c.strip() for c in numbered[0][1][:3]] == ["日期", "时间", "对方号码"] else
                "（用 respond debts --collection 生成的 催收记录表.csv）")
        raise LogError([f"{path.name} 第 1 行应为催收记录表的表头{hint}"])
    header_row, headers = numbered[0][0], [c.strip() for c in numbered[0][1]]
    missing = [h for h in LOG_HEADERS if h not in headers]
    if missing:
        raise LogError([f"第 {header_row} 行: 缺少列 " + "、".join(missing)])
    entries_rows = numbered[1:]
    if len(entries_rows) > MAX_ENTRIES:
        raise LogError([f"最多 {MAX_ENTRIES} 条记录"])
    if not entries_rows:
        raise LogError(["催收记录表里还没有记录：每次催收填一行后再生成投诉书"])
    column = {h: letter(i) for i, h in enumerate(headers) if h in LOG_HEADERS}

    def where(n: int, header: str) -> str:
        return f"第 {n} 行 {column[header]} 列（{header.split('（')[0]}）"

    problems: list[str] = []
    entries = []
    for n, r in entries_rows:
        cells = {h: (str(r[i]).strip() if i < len(r) else "") for i, h in enumerate(headers) if h in LOG_HEADERS}
        entry = _entry(n, cells, platforms, today, problems, where)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise LogError(problems)
    return entries


def _entry(n: int, cells: dict[str, str], platforms: set[str], today: dt.date, problems: list[str],
           _where) -> Entry | None:
    before = len(problems)
    for header, text in cells.items():
        if has_hidden_characters(text):
            problems.append(f"{_where(n, header)}: {HIDDEN_MESSAGE}")
        elif len(text) > MAX_CELL:
            problems.append(f"{_where(n, header)}: 过长（{MAX_CELL} 字以内）")
    date = cells.get(DATE, "")
    if not date:
        problems.append(f"{_where(n, DATE)}: 必填：催收的日期 YYYY-MM-DD")
    elif not _DATE.fullmatch(date):
        problems.append(f"{_where(n, DATE)}: 应写成 YYYY-MM-DD，例如 2026-11-03")
    else:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            problems.append(f"{_where(n, DATE)}: {date} 不是存在的日期")
        else:
            if day > today:
                problems.append(f"{_where(n, DATE)}: {date} 在今天之后")
    time = cells.get(TIME, "")
    if time and not _TIME.fullmatch(time):
        problems.append(f"{_where(n, TIME)}: 应写成 时:分，例如 21:30")
    platform = cells.get(PLATFORM, "")
    if not platform:
        problems.append(f"{_where(n, PLATFORM)}: 必填：催收的是哪笔借款（写债务清单里的平台名称）")
    elif platform not in platforms:
        problems.append(f"{_where(n, PLATFORM)}: 债务清单里没有这个平台，请写清单里的名称之一："
                        + "、".join(sorted(platforms))[:200])
    flags = {}
    for header in (THIRD, ABUSE):
        word = cells.get(header, "")
        if word not in ("", "是", "否"):
            problems.append(f"{_where(n, header)}: 应填 是 或 否")
        flags[header] = word == "是"
    if len(problems) > before:
        return None
    return Entry(row=n, date=date, time=time, platform=platform, caller_number=cells.get(NUMBER, ""),
                 caller_name=cells.get(NAME, ""), channel=cells.get(CHANNEL, ""), said=cells.get(SAID, ""),
                 third_party=flags[THIRD], abuse=flags[ABUSE], files=cells.get(FILES, ""), note=cells.get(NOTE, ""))
