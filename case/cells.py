"""Cells of the spreadsheets people fill in (the debts form, the batch sheet): each read as the
text a person typed, into the case file's values. One reading for both sheets, so a paralegal's
借款金额 or 还款记录 means the same in either.

Amounts "10000" or "10000.00" (a comma is refused: it can be a thousands separator or a decimal
mark); rates with a percent sign ("18%") or as a fraction below 1 ("0.18"); dates YYYY-MM-DD;
repayments "2024-04-15:1066.80；2024-05-15:1066.80".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

METHODS = {"等额本息": "equal_installment", "等额本金": "equal_principal", "先息后本": "interest_first",
           "到期一次还本付息": "bullet"}
METHOD_WORDS = {v: k for k, v in METHODS.items()}
_MONEY = re.compile(r"-?\d+(\.\d{1,2})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PER_INSTALMENT_FEE, ONE_OFF_FEE, DEDUCTION = "每期费用", "一次性费用", "放款时扣除"
MAX_XLSX_UNPACKED = 50 * 2**20  # bytes inside a workbook a person filled in
MAX_SHEET_ROWS, MAX_SHEET_COLUMNS = 5000, 60  # read no further: more than any form or log has


def _raise(message: str):
    raise ValueError(message)


def letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column letters)."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def money(text: str) -> str:
    if "," in text or "，" in text:
        raise ValueError("金额里不要用逗号（它可能是千位分隔符，也可能是小数点）：写成 10000 或 10000.50")
    if not _MONEY.fullmatch(text):
        raise ValueError("应为金额，例如 10000 或 10000.50")
    return text


def rate(text: str) -> Decimal:
    try:
        if text.endswith("%"):
            value = Decimal(text[:-1].strip()) / 100
        else:
            value = Decimal(text)
            if value >= 1:
                raise ValueError(f"{text} 看起来是百分数：请写 {text}% 或 {Decimal(text) / 100}")
    except InvalidOperation:
        raise ValueError("应为利率，例如 18% 或 0.18") from None
    if not value.is_finite() or value < 0:
        raise ValueError("应为利率，例如 18% 或 0.18")
    return value


def payments(text: str) -> list[dict[str, str]]:
    out = []
    for part in re.split(r"[；;\n]+", text):
        part = part.strip()
        if not part:
            continue
        date, sep, amount = part.replace("：", ":").partition(":")
        if not sep or not _DATE.fullmatch(date.strip()):
            raise ValueError(f"“{part[:30]}” 应写成 日期:金额，例如 2024-04-15:1066.80")
        out.append({"date": date.strip(), "amount": money(amount.strip())})
    return out




def cell_reader(cells: dict[str, str], problems: list[str], where: Callable[[str], str]):
    """``take(header, convert)``: a cell's text through ``convert``; None when the cell is empty or
    unreadable (then its problem is noted, placed by ``where(header)``)."""
    def take(header: str, convert: Callable[[str], Any] = lambda s: s):
        text = cells.get(header, "").strip()
        if not text:
            return None
        try:
            return convert(text)
        except ValueError as exc:
            problems.append(f"{where(header)}: {exc}")
            return None
    return take


def loan_extras(take: Callable[..., Any], loan: dict[str, Any], received_problem: Callable[[str], None]) -> None:
    """The loan columns both sheets share beyond plain paths: 年利率, 期数, 还款方式, 实际到手 (the
    gap to 借款金额 one deduction), 每期费用 and 一次性费用 (one fee of each kind), 还款记录.
    ``take(header, convert)`` reads a cell (None when empty, a problem noted when unreadable)."""
    annual = take("年利率", rate)
    if annual is not None:
        loan["rate"] = {"annual": annual}
    term = take("期数", lambda s: int(s) if s.isdigit() else _raise("应为正整数（月数）"))
    if term is not None:
        loan["term_months"] = term
    method = take("还款方式", lambda s: METHODS.get(s) or _raise("应为 " + " / ".join(METHODS)))
    if method is not None:
        loan["method"] = method
    received = take("实际到手", money)
    if received is not None and "principal" in loan:
        gap = Decimal(loan["principal"]) - Decimal(received)
        if gap < 0:
            received_problem("不能多于借款金额")
        elif gap > 0:
            loan["upfront_deductions"] = [{"name": DEDUCTION, "amount": str(gap)}]
    fees = []
    per = take(PER_INSTALMENT_FEE, money)
    if per is not None:
        fees.append({"name": PER_INSTALMENT_FEE, "amount": per, "per_installment": True})
    once = take(ONE_OFF_FEE, money)
    if once is not None:
        fees.append({"name": ONE_OFF_FEE, "amount": once})
    if fees:
        loan["fees"] = fees
    paid = take("还款记录", payments)
    if paid:
        loan["payments"] = paid


class SheetUnreadable(Exception):
    """Why a spreadsheet was not read (Chinese, with its name)."""


def rows_of(text: str) -> list[list[str]]:
    """CSV as Excel and WPS save it: UTF-8 with or without a BOM, CRLF or LF."""
    import csv
    import io

    return [list(r) for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))]


def sheet_rows(path: Path, what: str, max_rows: int = MAX_SHEET_ROWS) -> list[list[str]]:
    """The rows of a spreadsheet a person filled in (``.csv`` UTF-8, or ``.xlsx``), as text: a
    regular file within its cap, a workbook no larger than 50 MB unpacked, at most ``max_rows``."""
    from respond.case.load import MAX_CASE_BYTES, Unreadable, read_limited

    try:
        raw = read_limited(path, MAX_CASE_BYTES)
    except Unreadable as exc:
        raise SheetUnreadable(f"{what} {path.name} {exc}") from None
    if path.suffix.lower() == ".csv":
        try:
            return rows_of(raw.decode("utf-8"))[:max_rows]
        except UnicodeDecodeError:
            raise SheetUnreadable(f"{path.name} 不是 UTF-8 编码：在 Excel 中请选“CSV UTF-8（逗号分隔）”另存，"
                                  "WPS 中选“UTF-8”编码") from None
    try:
        import io
        import zipfile

        from openpyxl import load_workbook

        with zipfile.ZipFile(io.BytesIO(raw)) as archive:  # a zip bomb is refused before it is unpacked
            if sum(i.file_size for i in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise SheetUnreadable(f"{path.name} 解压后过大（超过 {MAX_XLSX_UNPACKED // 2**20} MB），"
                                      "不像一份填好的表格")
        ws = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
        return [[_xlsx_text(v) for v in row]
                for row in ws.iter_rows(max_row=max_rows, max_col=MAX_SHEET_COLUMNS, values_only=True)]
    except SheetUnreadable:
        raise
    except Exception:  # not a workbook, a broken zip, …
        raise SheetUnreadable(f"{path.name} 不是能读取的 Excel 工作簿（.xlsx）") from None


def _xlsx_text(value: Any) -> str:
    """A cell as the text the person typed: a date cell as YYYY-MM-DD, a time cell as HH:MM, 10000.0
    as 10000."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):  # a time cell (the collection log's 时间): as typed, 21:40
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return repr(value)[:-2] if value.is_integer() else repr(value)
    return str(value)
