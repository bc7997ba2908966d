"""The debts file (docs/debts-file.md): one person's loans, each a case file of its own.

A loan that is being sued is the case file the person already has (``case_file``, a path relative
to the debts file). A loan not sued is written as the case file's ``loan`` with the lender
(``creditor``) and what the platform asks for (``demanded``); it is turned into a case file v1 with
the suit assumed filed and served today (``court.name`` "（尚未起诉）"), so that ``respond check``
gives the same figures on it (``respond debts --cases DIR`` writes those files). Every problem of
every loan is reported at once, with its path in the debts file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import Field

from respond.case.load import (MAX_CASE_BYTES, CaseFileError, LoadedCase, Problem, Unreadable, decode_json,
                               load_case, parse_case, read_limited)
from respond.case.model import HIDDEN_MESSAGE, Day, Money, Name, Strict, Text, has_hidden_characters
from respond.case.not_sued import NOT_SUED_COURT
from respond.checks.credit_record import (AMOUNT_ABOVE_LAWFUL, NO_PRIOR_NOTICE, NOT_MY_LOAN, OLDER_THAN_FIVE_YEARS,
                                          REPAID, CreditRecord)

DEBTS_FILE_VERSION = 1
MAX_DEBTS = 200
_DEBT_KEYS = {"platform", "case_file", "creditor", "loan", "demanded", "days_overdue", "credit_record", "credit_card",
              "notes"}
_TOP_KEYS = {"version", "person", "debts", "notes"}
# where a synthesized case's paths come from in the debts file
_CASE_TO_DEBT = {"loan": "loan", "claims": "demanded", "plaintiff": "creditor", "defendant": "person"}


class DebtsFileError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    def render(self) -> str:
        return f"债务清单文件有 {len(self.problems)} 处问题，未生成任何文件：\n" + \
            "\n".join(f"  - {p.path}: {p.message}" if p.path else f"  - {p.message}" for p in self.problems)


@dataclass(frozen=True)
class Debt:
    index: int
    platform: str
    sued: bool
    loaded: LoadedCase
    days_overdue: int | None
    case_data: dict[str, Any] | None  # the synthesized case file of a loan not sued (None when sued)
    credit_record: CreditRecord | None = None  # what the person's credit report shows, to dispute
    credit_card: bool = False  # a bank credit-card debt (checks/card.py)
    row: int | None = None  # its row in the spreadsheet form, when it came from one

    def where(self, path: str = "") -> str:
        """Where a problem of this debt is, for a message: its form cell, or its debts-file path."""
        if self.row is not None:
            from respond.debts.form import locate

            return locate(path, self.row) if path else f"第 {self.row} 行"
        return f"debts[{self.index}]" + (f".{path}" if path else "")


class DisputeGround(str, Enum):
    not_my_loan = NOT_MY_LOAN
    repaid = REPAID
    amount_above_lawful = AMOUNT_ABOVE_LAWFUL
    no_prior_notice = NO_PRIOR_NOTICE
    older_than_five_years = OLDER_THAN_FIVE_YEARS


class CreditRecordInput(Strict):
    """``credit_record`` of one debt (docs/debts-file.md): the record the person disputes."""
    report_date: Day
    grounds: Annotated[list[DisputeGround], Field(min_length=1, max_length=5)]
    reported_by: Optional[Name] = None
    amount_shown: Optional[Money] = None
    settled_on: Optional[Day] = None
    ended_on: Optional[Day] = None
    statement: Optional[Annotated[Text, Field(max_length=500)]] = None


def _credit_record(value: Any) -> tuple[CreditRecord | None, list[Problem]]:
    from pydantic import ValidationError

    from respond.case.load import problems_from_validation

    if value is None:
        return None, []
    try:
        r = CreditRecordInput.model_validate(value)
    except ValidationError as exc:
        return None, [Problem(f"credit_record.{p.path}" if p.path else "credit_record", p.message)
                      for p in problems_from_validation(exc)]
    grounds = tuple(dict.fromkeys(g.value for g in r.grounds))
    return CreditRecord(report_date=r.report_date, grounds=grounds, reported_by=r.reported_by, amount_shown=r.amount_shown,
                        settled_on=r.settled_on, ended_on=r.ended_on, statement=r.statement or None), []


def read_debts(path: Path, *, today: dt.date) -> tuple[str, list[Debt], Decimal | None]:
    """The person's name, their debts and what they can pay a month (``person.monthly``, or None),
    or DebtsFileError listing every problem. A ``.csv`` or
    ``.xlsx`` is the spreadsheet form (:mod:`respond.debts.form`): problems by row and column."""
    if path.suffix.lower() in (".csv", ".xlsx"):
        return _read_form(path, today=today)
    try:
        raw = read_limited(path, MAX_CASE_BYTES * 4)
    except Unreadable as exc:
        raise DebtsFileError([Problem("", f"债务清单文件 {path.name} {exc}")]) from None
    try:
        data = decode_json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DebtsFileError([Problem("", f"债务清单文件 {path.name} 不是 UTF-8 编码的文本")]) from None
    except CaseFileError as exc:
        raise DebtsFileError(exc.problems) from None
    return parse_debts(data, base_dir=path.parent, today=today)


def form_rows(path: Path, what: str = "债务清单") -> list[list[str]]:
    """The rows of a spreadsheet the person filled in (case/cells.sheet_rows), as DebtsFileError."""
    from respond.case.cells import SheetUnreadable, sheet_rows

    try:
        return sheet_rows(path, what)
    except SheetUnreadable as exc:
        raise DebtsFileError([Problem("", str(exc))]) from None


def _read_form(path: Path, *, today: dt.date) -> tuple[str, list[Debt], Decimal | None]:
    from respond.debts.form import MONTHLY_HEADER, FormError, locate, read_form

    try:
        data, row_of = read_form(form_rows(path))
    except FormError as exc:
        raise DebtsFileError([Problem("", p) for p in exc.problems]) from None
    try:
        name, debts, monthly = parse_debts(data, base_dir=path.parent, today=today)
        return name, [dataclasses.replace(d, row=row_of.get(d.index)) for d in debts], monthly
    except DebtsFileError as exc:
        out = []
        for p in exc.problems:
            m = re.match(r"debts\[(\d+)\]\.?(.*)", p.path)
            if m and int(m.group(1)) in row_of:
                out.append(Problem("", f"{locate(m.group(2), row_of[int(m.group(1))])}: {p.message}"))
            elif p.path == "person.name":
                out.append(Problem("", f"第 1 行 B 列（借款人）: {p.message}"))
            elif p.path == "person.monthly":
                out.append(Problem("", f"第 1 行 D 列（{MONTHLY_HEADER}）: {p.message}"))
            else:
                out.append(p)
        raise DebtsFileError(out) from None


def parse_debts(data: Any, *, base_dir: Path, today: dt.date) -> tuple[str, list[Debt], Decimal | None]:
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise DebtsFileError([Problem("", "债务清单文件应是一个 JSON 对象（{…}）")])
    if data.get("version") != DEBTS_FILE_VERSION:
        raise DebtsFileError([Problem("version", f"应为 {DEBTS_FILE_VERSION}（债务清单文件的版本）")])
    problems += [Problem(k, "未知字段（是否拼写错误？自由备注请写在 notes 下）") for k in data if k not in _TOP_KEYS]
    person = data.get("person")
    if not isinstance(person, dict) or not isinstance(person.get("name"), str) or not person["name"].strip():
        problems.append(Problem("person.name", "必填：借款人姓名"))
    elif has_hidden_characters(person["name"]) or len(person["name"]) > 200:
        problems.append(Problem("person.name", HIDDEN_MESSAGE if has_hidden_characters(person["name"])
                                else "过长（200 字以内）"))
    if isinstance(person, dict):
        problems += [Problem(f"person.{k}", "未知字段（借款人只写 name 和 monthly）") for k in person
                     if k not in ("name", "monthly")]
        monthly, wrong = _positive_money("person.monthly", person.get("monthly"))
        problems += wrong
    else:
        monthly = None
    if any(p.path == "person.name" for p in problems):
        person = {"name": "借款人"}
    debts = data.get("debts")
    if not isinstance(debts, list) or not debts:
        raise DebtsFileError(problems + [Problem("debts", "必填：至少列出一笔借款")])
    if len(debts) > MAX_DEBTS:
        raise DebtsFileError(problems + [Problem("debts", f"最多 {MAX_DEBTS} 笔借款")])
    out: list[Debt] = []
    for i, item in enumerate(debts):
        where = f"debts[{i}]"
        try:
            out.append(_debt(i, item, person, base_dir, today))
        except DebtsFileError as exc:
            problems += [Problem(f"{where}.{p.path}" if p.path else where, p.message) for p in exc.problems]
    if problems:
        raise DebtsFileError(problems)
    return person["name"].strip(), out, monthly


def _positive_money(path: str, value: Any) -> tuple[Decimal | None, list[Problem]]:
    """``value`` by the case file's money rules (a comma refused, two decimals at most) and above
    zero, or its problems; None when not given."""
    from pydantic import TypeAdapter, ValidationError

    from respond.case.load import problems_from_validation
    from respond.case.model import Money

    if value is None:
        return None, []
    try:
        amount = TypeAdapter(Money).validate_python(value)
    except ValidationError as exc:
        return None, [Problem(path, p.message) for p in problems_from_validation(exc)]
    return (amount, []) if amount > 0 else (None, [Problem(path, "应大于 0")])


def _debt(i: int, item: Any, person: dict[str, Any], base_dir: Path, today: dt.date) -> Debt:
    if not isinstance(item, dict):
        raise DebtsFileError([Problem("", "每笔借款应是一个 JSON 对象（{…}）")])
    problems = [Problem(k, "未知字段（是否拼写错误？自由备注请写在 notes 下）") for k in item if k not in _DEBT_KEYS]
    platform = item.get("platform")
    if not isinstance(platform, str) or not platform.strip() or len(platform) > 100:
        problems.append(Problem("platform", "必填：平台或借款产品的名称（100 字以内）"))
    elif has_hidden_characters(platform):
        problems.append(Problem("platform", HIDDEN_MESSAGE))
    overdue = item.get("days_overdue")
    if overdue is not None and (isinstance(overdue, bool) or not isinstance(overdue, int) or not 0 <= overdue <= 36600):
        problems.append(Problem("days_overdue", "应为 0 或正整数（逾期天数）"))
    record, wrong = _credit_record(item.get("credit_record"))
    problems += wrong
    card = item.get("credit_card", False)
    if not isinstance(card, bool):
        problems.append(Problem("credit_card", "应为 true 或 false（是否银行信用卡欠款）"))
    if ("case_file" in item) == ("loan" in item):
        problems.append(Problem("", "被起诉的借款写 case_file（案件文件），没有被起诉的写 loan（借款情况），二者写且只写一个"))
    if problems:
        raise DebtsFileError(problems)
    if "case_file" in item:
        name = item["case_file"]
        if not isinstance(name, str) or not name.strip():
            raise DebtsFileError([Problem("case_file", "应为案件文件的路径（相对于债务清单文件）")])
        if item.get("creditor") is not None or item.get("demanded") is not None:
            raise DebtsFileError([Problem("", "被起诉的借款，原告和诉讼请求写在案件文件里，这里不写 creditor、demanded")])
        try:
            loaded = load_case(base_dir / name)
        except CaseFileError as exc:
            raise DebtsFileError([Problem("case_file", f"{name}：{p.path + '：' if p.path else ''}{p.message}")
                                  for p in exc.problems]) from None
        return Debt(i, platform.strip(), True, loaded, overdue, None, record, card)
    case = {
        "version": 1,
        "court": {"name": NOT_SUED_COURT, "filed_on": today.isoformat()},
        "service": {"method": "direct", "date": today.isoformat()},
        "plaintiff": item.get("creditor") if item.get("creditor") is not None else {},
        "defendant": {"name": person["name"]},
        "claims": _demanded(item.get("demanded"), today),
        "loan": item["loan"],
        "notes": {"respond debts": "未起诉：立案日、送达日按今天假设，只用于计算依法应还金额"},
    }
    try:
        loaded = parse_case(case, base_dir=base_dir)
    except CaseFileError as exc:
        raise DebtsFileError([_from_case(p) for p in exc.problems]) from None
    return Debt(i, platform.strip(), False, loaded, overdue, case, record, card)


def _demanded(demanded: Any, today: dt.date) -> Any:
    """The case file's claims: what the platform asks for, as of its date (``--today`` when the date
    is not given or null). Not an object: passed on, for the case file's own message."""
    if demanded is None:
        demanded = {}
    if not isinstance(demanded, dict):
        return demanded
    out = dict(demanded)
    if out.get("as_of") is None:
        out["as_of"] = today.isoformat()
    return out


def _from_case(p: Problem) -> Problem:
    """A problem of the synthesized case file, at its place in the debts file."""
    head, _, rest = p.path.partition(".")
    stem = head.split("[", 1)[0]
    if stem in _CASE_TO_DEBT:
        return Problem(_CASE_TO_DEBT[stem] + head[len(stem):] + ("." + rest if rest else ""), p.message)
    return Problem(p.path, p.message)
