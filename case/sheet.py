"""The batch sheet (issue 15 part 1): cases kept in a spreadsheet, one row a case, read into case
files v1 (docs/batch-sheet.md). Row 1 holds the Chinese headers (any order; a column may be left
out); each row after it is a case. Every problem is reported with its cell as Excel names it
("第 12 行 E 列（送达日）"), those of the case-file checks too; a row with problems is not a
case, the other rows are.

Cells are read as :mod:`respond.case.cells` reads the debts form: the loan's columns are the same
there and here, so 借款金额 or 还款记录 mean one thing in both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from respond.case.cells import cell_reader, letter, loan_extras, money, sheet_rows

PROCEDURES = {"普通程序": "ordinary", "简易程序": "simplified", "小额诉讼程序": "small_claims"}
SERVICE = {"直接送达": "direct", "邮寄送达": "mail", "电子送达": "electronic", "公告送达": "public_notice"}
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Column:
    header: str
    path: str  # where the value goes in the case file; "" for the loan columns read together
    note: str
    kind: str = "text"  # text | date | datetime | money | rate | choice | path | loan
    choices: tuple[tuple[str, str], ...] = ()  # choice: (the word in the sheet, the case-file value)
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("案号", "court.case_number", "传票上的案号，例如（2026）浙0106民初12345号"),
    Column("法院", "court.name", "审理的法院（必填）", required=True),
    Column("程序", "court.procedure", "普通程序 / 简易程序 / 小额诉讼程序", "choice", tuple(PROCEDURES.items())),
    Column("立案日", "court.filed_on", "YYYY-MM-DD", "date"),
    Column("开庭时间", "court.hearing_at", "YYYY-MM-DD HH:MM", "datetime"),
    Column("送达方式", "service.method", "直接送达 / 邮寄送达 / 电子送达 / 公告送达（必填）", "choice", tuple(SERVICE.items()),
           required=True),
    Column("送达日", "service.date", "收到起诉状副本的日子 YYYY-MM-DD（必填）", "date", required=True),
    Column("案由", "case_cause", "传票上的案由，例如 金融借款合同纠纷"),
    Column("原告", "plaintiff.name", "原告名称（必填）", required=True),
    Column("原告统一社会信用代码", "plaintiff.credit_code", "18 位"),
    Column("原告住所", "plaintiff.address", ""),
    Column("被告", "defendant.name", "被告（借款人）姓名（必填）", required=True),
    Column("被告身份证号", "defendant.id_number", ""),
    Column("被告住所", "defendant.address", "户籍地"),
    Column("被告经常居住地", "defendant.residence", "与住所不同时填写"),
    Column("暂计日", "claims.as_of", "诉讼请求的金额计算到哪天 YYYY-MM-DD", "date"),
    Column("诉请本金", "claims.principal", "元", "money"),
    Column("诉请利息", "claims.interest", "元", "money"),
    Column("诉请罚息", "claims.penalty", "罚息、复利、违约金合计（元）", "money"),
    Column("诉请费用", "claims.fees", "服务费、担保费等（元）", "money"),
    Column("诉请律师费", "claims.legal_costs", "律师费、保全费等（元）", "money"),
    Column("出借人", "loan.lender", "合同上的出借人，与原告不同时填写"),
    Column("产品", "loan.product", "借款 App 或产品名称"),
    Column("合同编号", "loan.contract_number", ""),
    Column("借款日", "loan.contract_date", "合同成立日 YYYY-MM-DD（必填）", "date", required=True),
    Column("放款日", "loan.disbursed_on", "与借款日相同可不填", "date"),
    Column("借款金额", "loan.principal", "合同写的借款金额（元，必填）", "money", required=True),
    Column("实际到手", "", "比借款金额少的部分按放款时扣除（砍头息）计", "loan"),
    Column("年利率", "", "18% 或 0.18", "loan"),
    Column("逾期年利率", "loan.overdue_rate.annual", "罚息利率：27% 或 0.27", "rate"),
    Column("期数", "", "分几个月还", "loan"),
    Column("还款方式", "", "等额本息 / 等额本金 / 先息后本 / 到期一次还本付息", "loan"),
    Column("每期费用", "", "每期另收的担保费、服务费等（元）", "loan"),
    Column("一次性费用", "", "放款时或之后一次收取的费用（元）", "loan"),
    Column("还款记录", "", "每次实际还款：日期:金额，用；分隔", "loan"),
    Column("合同文件", "loan.contract_text", "合同的文字或 PDF 文件，路径相对于本表格", "path"),
)
HEADERS = tuple(c.header for c in COLUMNS)
BY_HEADER = {c.header: c for c in COLUMNS}


@dataclass(frozen=True)
class SheetRow:
    row: int  # its row in the file
    case: dict[str, Any] | None  # the case file, or None when the row has problems
    problems: tuple[str, ...]
    case_number: str


class SheetError(Exception):
    """The sheet as a whole cannot be read (no header row, unknown columns…): one message."""


def _set(target: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    for k in keys[:-1]:
        target = target.setdefault(k, {})
    target[keys[-1]] = value


def _date(text: str) -> str:
    import datetime as dt

    try:
        if len(text) == 10:  # fromisoformat alone would also take 20261103
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{text} 不是存在的日期，或者没有写成 YYYY-MM-DD")


def _datetime(text: str) -> str:
    import datetime as dt

    try:
        return dt.datetime.strptime(text.replace("T", " "), "%Y-%m-%d %H:%M").strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        raise ValueError("应写成 YYYY-MM-DD HH:MM，例如 2026-12-10 09:30") from None


def read_sheet(path: Path) -> list[SheetRow]:
    """Every case row of the sheet at ``path`` (``.csv`` or ``.xlsx``)."""
    from respond.case.cells import SheetUnreadable

    try:
        rows = sheet_rows(path, "案件表格", max_rows=MAX_ROWS + 1)
    except SheetUnreadable as exc:
        raise SheetError(str(exc)) from None
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(str(c).strip() for c in r)]
    if not numbered:
        raise SheetError(f"案件表格 {path.name} 是空的")
    header_row, headers = numbered[0][0], [str(c).strip() for c in numbered[0][1]]
    unknown = [h for h in headers if h and h not in BY_HEADER]
    if unknown:
        raise SheetError(f"第 {header_row} 行: 不认识的列 " + "、".join(unknown[:5])
                         + "（列名见 docs/batch-sheet.md，或用 respond init --xlsx 生成模板）")
    missing = [c.header for c in COLUMNS if c.required and c.header not in headers]
    if missing:
        raise SheetError(f"第 {header_row} 行: 缺少必填的列 " + "、".join(missing))
    if len(numbered) - 1 > MAX_ROWS:
        raise SheetError(f"一个表格最多 {MAX_ROWS} 个案件，请分成几个表格")
    column = {h: letter(i) for i, h in enumerate(headers) if h}
    return [_row(n, {h: str(r[i]).strip() if i < len(r) else "" for i, h in enumerate(headers) if h}, column,
                 path.parent) for n, r in numbered[1:]]


def where(n: int, header: str, column: dict[str, str]) -> str:
    return f"第 {n} 行 {column[header]} 列（{header}）"


def _row(n: int, cells: dict[str, str], column: dict[str, str], base: Path) -> SheetRow:
    from respond.case.load import CaseFileError, parse_case

    problems: list[str] = []
    take = cell_reader(cells, problems, lambda header: where(n, header, column))

    case: dict[str, Any] = {"version": 1}
    for c in COLUMNS:
        if c.kind == "loan" or c.header not in cells:
            continue
        if c.required and not cells[c.header]:
            problems.append(f"{where(n, c.header, column)}: 必填")
            continue
        convert = {"date": _date, "datetime": _datetime, "money": money, "rate": _annual,
                   "choice": lambda s, c=c: _choice(s, c), "path": lambda s: os.path.abspath(base / s)}.get(c.kind)
        value = take(c.header, convert) if convert else take(c.header)
        if value is not None:
            _set(case, c.path, value)
    loan = case.setdefault("loan", {})
    loan_extras(take, loan, lambda message: problems.append(f"{where(n, '实际到手', column)}: {message}"))
    number = cells.get("案号", "")
    if problems:
        return SheetRow(n, None, tuple(problems), number)
    try:
        parse_case(case, base_dir=base)
    except CaseFileError as exc:
        return SheetRow(n, None, tuple(f"{_locate(p.path, n, column)}: {p.message}" for p in exc.problems), number)
    return SheetRow(n, case, (), number)


def _annual(text: str) -> float:
    from respond.case.cells import rate

    return float(rate(text))


def _choice(text: str, c: Column) -> str:
    table = dict(c.choices)
    if text not in table:
        raise ValueError("应为 " + " / ".join(table))
    return table[text]


_LOAN_PATHS = {"loan.upfront_deductions": "实际到手", "loan.rate": "年利率", "loan.term_months": "期数",
               "loan.method": "还款方式", "loan.fees": "每期费用", "loan.payments": "还款记录"}


def _locate(path: str, n: int, column: dict[str, str]) -> str:
    """A case-file path (``loan.principal``) as the row's cell, for messages; the row when no column
    holds it (a rule across several cells)."""
    candidates = [(c.path, c.header) for c in COLUMNS if c.path] + list(_LOAN_PATHS.items())
    best = max(((p, h) for p, h in candidates if path == p or path.startswith(p + ".") or path.startswith(p + "[")),
               key=lambda t: len(t[0]), default=None)
    if best is None or best[1] not in column:
        return f"第 {n} 行（{path}）" if path else f"第 {n} 行"
    return where(n, best[1], column)


EXAMPLE_ROW = {"案号": "（2026）浙0106民初12345号", "法院": "杭州市西湖区人民法院", "程序": "简易程序", "立案日": "2026-10-08",
               "送达方式": "电子送达", "送达日": "2026-11-03", "案由": "金融借款合同纠纷", "原告": "重庆某某小额贷款有限公司",
               "被告": "张三", "暂计日": "2026-09-30", "诉请本金": "9000.00", "诉请利息": "1530.20", "诉请罚息": "600.00",
               "产品": "某某借钱", "借款日": "2024-03-15", "借款金额": "10000.00", "实际到手": "9500.00", "年利率": "18%",
               "期数": "12", "还款方式": "等额本息", "还款记录": "2024-04-15:978.00；2024-05-15:978.00"}


def template_xlsx() -> bytes:
    """The batch sheet to fill in (``respond init --xlsx``): the headers (required ones bold), a
    note on each header saying what goes there, a drop-down list where the value is one of a few
    words, every cell formatted as text (Excel must not turn 2026-11-03 into a date serial or
    (2026)… into a negative number), and one example row to overwrite."""
    import io

    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from respond.case.cells import METHODS

    wb = Workbook()
    ws = wb.active
    ws.title = "案件"
    ws.append(list(HEADERS))
    ws.append([EXAMPLE_ROW.get(h, "") for h in HEADERS])
    lists = {c.header: tuple(word for word, _ in c.choices) for c in COLUMNS if c.choices}
    lists["还款方式"] = tuple(METHODS)  # a loan column, read with the debts form's
    for i, c in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=c.required)
        cell.comment = Comment(c.note or c.header, "respond")
        col = letter(i - 1)
        ws.column_dimensions[col].width = max(10, min(30, 2 * len(c.header) + 4))
        for row in range(2, 1002):
            ws.cell(row=row, column=i).number_format = "@"
        if c.header in lists:
            dv = DataValidation(type="list", formula1='"' + ",".join(lists[c.header]) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="请从列表中选择", error="请从下拉列表中选择一项")
            dv.add(f"{col}2:{col}1001")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
