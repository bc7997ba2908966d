"""The debts list as the person reads it: 债务清单.md (the table and what to do first, in plain
words) and 债务清单.xlsx (the same table for a spreadsheet). Words only: the figures and their
order come from :mod:`respond.debts.table`. User text (platform and lender names) is escaped for
Markdown and written to the spreadsheet as text, never as a formula."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

from respond.checks.findings import basis_text
from respond.checks.formats import money_text, pct_text
from respond.debts.table import Row, Totals, days_word

COLUMNS = ("序号", "平台", "放款机构", "机构类别", "是否被起诉", "案号", "答辩截止", "剩余天数", "逾期天数",
           "综合年化利率", "利率上限", "超过上限", "平台主张合计（元）", "依法应还合计（元）", "超出法律部分（元）",
           "依法每天最多增加（元，估算）", "备注")
FILING_NOTE = "上限按今天起诉计算"


def md_plain(text: str) -> str:
    """Plain text in a Markdown table cell: no markup, no line breaks, no cell breaks."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)


def _money(v: Decimal | None) -> str:
    return money_text(v) if v is not None else "不详"


def _pct(v: Decimal | None) -> str:
    return pct_text(v) if v is not None else "不详"


def _excess(v: Decimal | None) -> str:
    """The report's excess (claimed − lawful); at or below zero the claim is not above the law."""
    if v is None:
        return "不详"
    return money_text(v) if v > 0 else "未超出"


def _yes(v: bool | None) -> str:
    return "不详" if v is None else ("是" if v else "否")


def cells(n: int, r: Row, today: dt.date) -> list[str]:
    return [str(n), r.platform, r.creditor, r.category_words, "是" if r.sued else "否", r.case_number or "",
            r.answer_due or "", days_word(r, today), "" if r.days_overdue is None else str(r.days_overdue),
            _pct(r.apr), _pct(r.cap), _yes(r.exceeds_cap), _money(r.claimed_total), _money(r.lawful_total),
            _excess(r.excess), _money(r.daily_cost), FILING_NOTE if r.cap_assumes_filing else ""]


def advice(rows: list[Row], t: Totals, today: dt.date, esc=lambda s: s) -> list[str]:
    """What to do first, from the sorted rows: only what the figures say. ``esc`` escapes the
    user's text (platform and lender names) for where the lines go."""
    out: list[str] = []
    sued = [r for r in rows if r.sued]
    for r in sued:
        due = f"答辩截止 {r.answer_due}（{days_word(r, today)}）" if r.answer_due else "答辩截止日不详"
        out.append(f"{esc(r.platform)}（{esc(r.creditor)}）已经起诉您，{due}。先处理这一件：按期提交答辩状"
                   "（用 respond draft 生成），逾期不答辩，法院可能按原告的主张缺席判决。")
    above = [r for r in rows if r.exceeds_cap]
    if above:
        names = "、".join(esc(r.platform) for r in above)
        out.append(f"{names} 的综合年化利率超过了法律上限：超出上限的利息、罚息和费用可以拒绝支付，"
                   "协商或答辩时以“依法应还”一栏为准。")
    if t.excess is not None and t.excess > 0:
        out.append(f"各平台主张合计 {money_text(t.claimed_total)} 元，依法应还合计 {money_text(t.lawful_total)} 元，"
                   f"其中 {money_text(t.excess)} 元超出法律允许的范围。")
    waiting = [r for r in rows if not r.sued and r.daily_cost]
    if waiting:
        first = waiting[0]
        out.append(f"没有被起诉的借款中，{esc(first.platform)} 依法每天最多增加约 {money_text(first.daily_cost)} 元，"
                   "等待的代价最高：有余力时先与它协商还款（只认依法应还的部分），再依次处理表中其后的借款。")
    unknown = [r for r in rows if r.lawful_total is None]
    if unknown:
        out.append("、".join(esc(r.platform) for r in unknown) + " 缺少算出依法应还金额所需的信息（见 report），"
                   "请补充借款日期、利率或还款记录后重新生成。")
    out.append("遭遇暴力催收（辱骂、威胁、骚扰家人和通讯录联系人）时，保存录音、截图和通话记录；受到人身威胁时立即报警（110）。")
    return out


def markdown(person: str, rows: list[Row], t: Totals, today: dt.date, chart: str | None = None) -> str:
    """``chart``: the file name of the bar chart beside the list, shown under 先做什么."""
    lines = [f"# {md_plain(person)} 的债务清单", "", f"按 {today.isoformat()} 计算。共 {t.loans} 笔借款，其中 {t.sued} 笔已被起诉。"
             "排序：已被起诉的按答辩截止日在前；其余按依法每天最多增加的金额从高到低。", "", "## 先做什么", ""]
    lines += [f"{i}. {a}" for i, a in enumerate(advice(rows, t, today, md_plain), start=1)]
    if chart:
        lines += ["", f"![各笔借款：平台主张与依法应还]({chart})"]
    lines += ["", "## 清单", "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for n, r in enumerate(rows, start=1):
        lines.append("| " + " | ".join(md_plain(c) for c in cells(n, r, today)) + " |")
    lines.append("| 合计 | | | | " + f"{t.sued} 笔 | | | | | | | | {_money(t.claimed_total)} | {_money(t.lawful_total)} | "
                 f"{_money(t.excess)} | {_money(t.daily_cost)} | |")
    lines += ["", "说明：", "",
              "- 每一笔的数字与对这笔借款运行 `respond check` 的结果相同；没有被起诉的借款，按今天起诉、今天送达假设计算"
              "（用 `--cases 文件夹` 可写出这些案件文件，自己复核）。",
              "- “依法每天最多增加”= 依法应还本金 × 综合年化利率与利率上限中较低者 ÷ 365，只用于排序，不是法院认定的金额。",
              *([f"- “{FILING_NOTE}”：合同成立于 2020-08-20 之前的民间借贷，2020-08-20 以后的利率上限是起诉时的 4 倍 LPR"
                 f"（{basis_text(('mj_31',))}）。这里按今天起诉计算；真正起诉的日子不同，上限和依法应还金额也会不同。"]
                if any(r.cap_assumes_filing for r in rows) else []),
              "- 本清单不是律师意见。", ""]
    return "\n".join(lines)


def xlsx(person: str, rows: list[Row], t: Totals, today: dt.date) -> bytes:
    """The table as a workbook: text cells as text (a name starting with = is never a formula),
    amounts as numbers with two decimals, rates as percentages."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "债务清单"
    ws.append([f"{person} 的债务清单（按 {today.isoformat()} 计算）"])
    ws.append(list(COLUMNS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    money_cols = {13, 14, 15, 16}
    pct_cols = {10, 11}
    for n, r in enumerate(rows, start=1):
        values: list[object] = cells(n, r, today)
        numeric = {10: r.apr, 11: r.cap, 13: r.claimed_total, 14: r.lawful_total, 16: r.daily_cost}
        for col, v in numeric.items():
            values[col - 1] = float(v) if v is not None else "不详"
        values[0] = n
        if r.excess is not None and r.excess > 0:
            values[14] = float(r.excess)
        if r.days_overdue is not None:
            values[8] = r.days_overdue
        ws.append(values)
        for col in range(1, len(COLUMNS) + 1):
            c = ws.cell(row=ws.max_row, column=col)
            if isinstance(c.value, str):
                c.data_type = "s"  # never a formula, whatever the text starts with
            elif col in money_cols:
                c.number_format = "#,##0.00"
            elif col in pct_cols:
                c.number_format = "0.00%"
    ws.append(["合计", "", "", "", f"{t.sued} 笔", "", "", "", "", "", "", "",
               *[float(v) if v is not None else "不详" for v in (t.claimed_total, t.lawful_total, t.excess, t.daily_cost)]])
    for col in money_cols:
        ws.cell(row=ws.max_row, column=col).number_format = "#,##0.00"
    for col, width in zip("ABCDEFGHIJKLMNOPQ", (6, 16, 28, 14, 8, 24, 12, 12, 8, 12, 10, 8, 16, 16, 16, 16, 20)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "C3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
