"""The debts file as a spreadsheet a borrower fills in (债务清单.csv or .xlsx): one row a loan,
the columns below with Chinese headers. :func:`read_form` turns it into the debts file (JSON,
docs/debts-file.md), every problem with its row and column ("第 3 行 G 列（年利率）"); :func:`write_form`
writes a debts file back as the form (so a JSON list can be handed to someone who works in Excel).

Cells are text as people type them: amounts "10000" or "10000.00" (a comma is refused: it can be
a thousands separator or a decimal mark), rates with a percent sign ("18%") or as a fraction below 1
("0.18"), dates YYYY-MM-DD, repayments "2024-04-15:1066.80；2024-05-15:1066.80".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from respond.case.cells import METHOD_WORDS as _METHOD_WORDS
from respond.case.cells import (DEDUCTION, ONE_OFF_FEE, PER_INSTALMENT_FEE, cell_reader, letter, loan_extras,
                                rows_of)  # noqa: F401  (rows_of: the form's CSV, imported from here)
from respond.case.cells import money as _money

PERSON_HEADER = "借款人"
MONTHLY_HEADER = "每月能还（元）"  # row 1, C and D: person.monthly, for the letters' instalments


@dataclass(frozen=True)
class Column:
    header: str
    path: str  # where the value goes in one debt of the debts file
    note: str


COLUMNS = (
    Column("平台", "platform", "借款 App 或产品的名称（必填）"),
    Column("放款机构", "creditor.name", "合同上的出借人或现在追债的机构（没有被起诉时必填）"),
    Column("是否被起诉", "", "是 / 否"),
    Column("案件文件", "case_file", "被起诉时：案件文件的路径（相对于本表格）"),
    Column("借款日", "loan.contract_date", "合同成立日 YYYY-MM-DD"),
    Column("放款日", "loan.disbursed_on", "钱到账的日子（与借款日相同可不填）"),
    Column("借款金额", "loan.principal", "合同写的借款金额（元）"),
    Column("实际到手", "", "实际到账的金额（元）；比借款金额少的部分按放款时扣除（砍头息）计"),
    Column("年利率", "loan.rate.annual", "合同年利率：18% 或 0.18"),
    Column("期数", "loan.term_months", "分几个月还"),
    Column("还款方式", "loan.method", "等额本息 / 等额本金 / 先息后本 / 到期一次还本付息"),
    Column("每期费用", "", "每期另收的担保费、服务费等（元）"),
    Column("一次性费用", "", "放款时或之后一次收取的费用（元）"),
    Column("还款记录", "loan.payments", "每次实际还款：日期:金额，用；分隔"),
    Column("逾期天数", "days_overdue", "已经逾期多少天"),
    Column("要求还款日", "demanded.as_of", "平台给出下列数字的日子"),
    Column("要求还本金", "demanded.principal", "元"),
    Column("要求还利息", "demanded.interest", "元"),
    Column("要求还罚息", "demanded.penalty", "罚息、违约金（元）"),
    Column("要求还费用", "demanded.fees", "其他费用（元）"),
    Column("信用卡", "credit_card", "银行信用卡欠款填 是（协商函会请求个性化分期还款）"),
)
HEADERS = tuple(c.header for c in COLUMNS)


class FormError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def where(row: int, header: str) -> str:
    return f"第 {row} 行 {letter(HEADERS.index(header))} 列（{header}）"


def _set(target: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    for k in keys[:-1]:
        target = target.setdefault(k, {})
    target[keys[-1]] = value


def _debt(row: int, cells: dict[str, str], problems: list[str]) -> dict[str, Any]:
    debt: dict[str, Any] = {}
    take = cell_reader(cells, problems, lambda header: where(row, header))

    sued_word = take("是否被起诉")
    if sued_word not in (None, "是", "否"):
        problems.append(f"{where(row, '是否被起诉')}: 应填 是 或 否")
    platform = take("平台")
    if platform is not None:
        debt["platform"] = platform
    card_word = take("信用卡")
    if card_word not in (None, "是", "否"):
        problems.append(f"{where(row, '信用卡')}: 应填 是 或 否")
    elif card_word == "是":
        debt["credit_card"] = True
    overdue = take("逾期天数", lambda s: int(s) if s.isdigit() else _raise("应为 0 或正整数"))
    if overdue is not None:
        debt["days_overdue"] = overdue
    if sued_word == "是":
        case_file = take("案件文件")
        if case_file is None:
            problems.append(f"{where(row, '案件文件')}: 被起诉的借款请填写案件文件的路径")
        else:
            debt["case_file"] = case_file
        return debt
    for header in ("放款机构", "借款日", "放款日", "要求还款日"):
        value = take(header)
        if value is not None:
            _set(debt, COLUMNS[HEADERS.index(header)].path, value)
    for header in ("借款金额", "要求还本金", "要求还利息", "要求还罚息", "要求还费用"):
        value = take(header, _money)
        if value is not None:
            _set(debt, COLUMNS[HEADERS.index(header)].path, value)
    loan_extras(take, debt.setdefault("loan", {}), lambda message: problems.append(f"{where(row, '实际到手')}: {message}"))
    return debt


def _raise(message: str):
    raise ValueError(message)


def read_form(rows: list[list[str]]) -> tuple[dict[str, Any], dict[int, int]]:
    """The debts file from the form's rows (the first: 借款人 and the name; the second: the
    headers), and for each debt its row number (for messages). FormError lists every problem."""
    problems: list[str] = []
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 3 or not rows[0] or rows[0][0].strip() != PERSON_HEADER:
        raise FormError([f"第 1 行应为“{PERSON_HEADER},姓名”，第 2 行为表头，第 3 行起每行一笔借款（用 respond debts --form 生成模板）"])
    person = rows[0][1].strip() if len(rows[0]) > 1 else ""
    monthly = rows[0][3].strip() if len(rows[0]) > 3 and rows[0][2].strip() == MONTHLY_HEADER else ""
    if monthly:
        try:
            monthly = _money(monthly)
        except ValueError as exc:
            problems.append(f"第 1 行 D 列（{MONTHLY_HEADER}）: {exc}")
    if not person:
        problems.append(f"第 1 行 B 列（{PERSON_HEADER}）: 请填写借款人姓名")
    headers = [h.strip() for h in rows[1]]
    unknown = [h for h in headers if h and h not in HEADERS]
    if unknown:
        problems.append("第 2 行: 不认识的列 " + "、".join(unknown[:5]) + "（列名见 respond debts --form 生成的模板）")
    debts, row_of = [], {}
    for n, r in enumerate(rows[2:], start=3):
        cells = {h: (r[i] if i < len(r) else "") for i, h in enumerate(headers) if h in HEADERS}
        row_of[len(debts)] = n
        debts.append(_debt(n, cells, problems))
    if problems:
        raise FormError(problems)
    who: dict[str, Any] = {"name": person}
    if monthly:
        who["monthly"] = monthly
    return {"version": 1, "person": who, "debts": debts}, row_of


def locate(path: str, row: int) -> str:
    """A debts-file path inside one debt (``loan.principal``) as the form's cell, for messages."""
    best = max((c for c in COLUMNS if c.path and (path == c.path or path.startswith(c.path + ".")
                                                   or path.startswith(c.path + "["))),
               key=lambda c: len(c.path), default=None)
    if best is None and path.startswith(("loan.fees", "loan.upfront_deductions")):
        best = COLUMNS[HEADERS.index("每期费用" if "fees" in path else "实际到手")]
    return where(row, best.header) if best else f"第 {row} 行（{path}）"


def _cell(debt: dict[str, Any], column: Column) -> str:
    loan = debt.get("loan") or {}
    h = column.header
    if h == "是否被起诉":
        return "是" if "case_file" in debt else "否"
    if h == "信用卡":
        return "是" if debt.get("credit_card") is True else ""
    if h == "实际到手":
        cut = sum(Decimal(str(d["amount"])) for d in loan.get("upfront_deductions") or ())
        return f"{Decimal(str(loan['principal'])) - cut}" if cut and "principal" in loan else ""
    if h in (PER_INSTALMENT_FEE, ONE_OFF_FEE):  # the form has one fee of each kind: the first
        per = h == PER_INSTALMENT_FEE
        fees = [f for f in loan.get("fees") or () if bool(f.get("per_installment")) == per]
        return str(fees[0]["amount"]) if fees else ""
    if h == "还款记录":
        return "；".join(f"{p['date']}:{p['amount']}" for p in loan.get("payments") or ())
    if h == "年利率":
        rate = (loan.get("rate") or {}).get("annual")
        return "" if rate is None else f"{(Decimal(str(rate)) * 100).normalize():f}%"
    if h == "还款方式":
        return _METHOD_WORDS.get(loan.get("method") or "", "")
    node: Any = debt
    for k in column.path.split("."):
        node = node.get(k) if isinstance(node, dict) else None
    return "" if node is None else str(node)


def write_form(data: dict[str, Any]) -> str:
    """The debts file as the form (CSV text, UTF-8 with BOM for Excel). A loan's detail the form
    has no column for (a schedule, a penalty clause, several fees of one kind) is not written."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    monthly = data["person"].get("monthly")
    w.writerow([PERSON_HEADER, data["person"]["name"], MONTHLY_HEADER, "" if monthly is None else str(monthly)])
    w.writerow(HEADERS)
    for debt in data["debts"]:
        w.writerow([_cell(debt, c) for c in COLUMNS])
    return "\ufeff" + buf.getvalue()


def template() -> str:
    """The form to fill in: the person row, the headers and one example row to overwrite."""
    example = {"platform": "某某借钱", "creditor": {"name": "某某小额贷款有限公司"},
               "loan": {"contract_date": "2024-03-15", "principal": "10000.00", "rate": {"annual": Decimal("0.18")},
                        "term_months": 12, "method": "equal_installment",
                        "upfront_deductions": [{"name": DEDUCTION, "amount": "500.00"}],
                        "fees": [{"name": PER_INSTALMENT_FEE, "amount": "150.00", "per_installment": True}],
                        "payments": [{"date": "2024-04-15", "amount": "1066.80"}]},
               "demanded": {"as_of": "2026-09-30", "principal": "8200.00", "interest": "900.00"}, "days_overdue": 60}
    return write_form({"person": {"name": "张三"}, "debts": [example]})
