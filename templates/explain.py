"""说明.md: what the borrower must do, in plain words (Markdown).

The deadline in bold; what to file and where; what each finding means and what to bring; what
happens if they do nothing. Built from the analysis only; no new law here.
"""

from __future__ import annotations

from respond.checks.analyse import Analysis
from respond.checks.formats import date_text, money_text, pct_text
from respond.templates.render import clean_text

_SEVERITY_CN = {"high": "重要", "medium": "需要注意", "low": "参考", "info": "提示"}


def _md(text: str) -> str:
    """Neutralise Markdown in user-supplied text (names, courts) so it prints as written."""
    out = clean_text(text).replace("\\", "\\\\")
    for ch in "*_`[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def _jurisdiction(a: Analysis) -> list[str]:
    """Whether to object to the court (民诉法第130条): only when the contract chose a court."""
    advice = a.jurisdiction
    if advice is None:
        return []
    lines = ["### 要不要提管辖权异议", ""]
    if advice.objection_warranted is True:
        lines.append(f"**要。** 合同约定由出借方所在地的法院管辖，但起诉您的法院不在您的住所地。我们已经写好了"
                     f"《管辖权异议申请书》，请求把案子移送到{_md(advice.proper_court or '您住所地的法院')}。"
                     f"它和答辩状的截止日相同：**{date_text(a.deadline.jurisdiction_objection_due)}**，过了这一天就不能再提。")
    elif advice.objection_warranted is False:
        lines.append("**不需要。** 起诉您的法院就在您的住所地或经常居住地，提出管辖权异议一般不会成立。")
    else:
        lines.append("**无法判断。** " + _md(advice.reasons[-1]))
    if advice.arbitration:
        lines += ["", _md(advice.arbitration)]
    lines.append("")
    return lines


def explanation_markdown(a: Analysis, documents: list[str]) -> str:
    case, d = a.case, a.deadline
    court = _md(case.court.name)
    lines = [f"# 给{_md(case.defendant.name)}的说明", ""]
    number = f"（案号 {_md(case.court.case_number)}）" if case.court.case_number else ""
    lines += [f"{_md(case.plaintiff.name)} 在{court}起诉了您{number}。下面是您现在要做的事。", ""]

    lines += ["## 1. 截止日期", ""]
    if d.days_left >= 0:
        lines.append(f"**请在 {date_text(d.answer_due)}（含当天）之前把答辩状交到{court}，还有 {d.days_left} 天。**")
    else:
        lines.append(f"**答辩期已经在 {date_text(d.answer_due)} 结束了（已过 {-d.days_left} 天）。**"
                     "您仍然应当按传票时间出庭，并在庭上提出下面这些意见。")
    lines.append("")
    lines.append(f"如果您认为这个案子不该由{court}审理（例如您住在外地），管辖权异议也必须在同一天之前提出。"
                 "截止日之前把材料交邮局寄出（建议用 EMS，保留凭证）就不算晚。")
    if not d.calendar_verified:
        lines.append("")
        lines.append("注意：截止日所在年份的法定节假日安排还没有收录，这个日期只按周末计算。"
                     "遇到法定节假日，截止日只会往后推，不会提前；按上面的日期办最稳妥。")
    lines.append("")
    lines += _jurisdiction(a)

    lines += ["## 2. 要交的材料", ""]
    for doc in documents:
        if doc.endswith(".docx"):
            what = {"答辩状.docx": "打印、核对、签名并写上日期，按法院要求的份数提交（一般按对方当事人人数提交副本）。",
                    "利息重算表.docx": "答辩状的附件，和答辩状一起提交。",
                    "管辖权异议申请书.docx": f"签名后与答辩状一起、在 {date_text(d.jurisdiction_objection_due)} 之前提交。"}.get(doc, "与答辩状一起提交。")
            lines.append(f"- **{doc}**：{what}")
    lines.append("- 身份证复印件。")
    lines.append("- 下面每一项发现后面列出的证据（截图、银行流水等）。")
    lines.append("")
    lines.append("答辩状里的勾选和文字是根据您填写的案件信息自动生成的。提交前请逐项核对：与事实不符的地方要改正，"
                 "没有把握的地方可以咨询法律援助机构（拨打 12348 法律服务热线）。")
    lines.append("")

    lines += ["## 3. 我们发现了什么", ""]
    r = a.rate
    if r.apr is not None:
        lines.append(f"- 这笔借款的实际年化成本（综合年化利率）是 **{pct_text(r.apr.apr)}**。")
    m = a.amounts
    if m is not None and m.recomputed:
        if m.overpaid:
            lines.append(f"- 按法律允许的最高利率重新计算，您已经多还了 **{money_text(m.overpaid)} 元**。")
        else:
            claimed = f"，原告要 {money_text(m.claimed_total)} 元" if m.claimed_total is not None else ""
            lines.append(f"- 按法律允许的最高利率重新计算，到 {date_text(a.stop)} 您依法最多应还 **{money_text(m.lawful_total)} 元**{claimed}。")
    alt = a.alternative
    if alt is not None and alt.kind == "private_caps":
        lines.append(f"- 有的法院对这类放贷机构适用更低的民间借贷利率上限，按那种算法您最多应还 **{money_text(alt.lawful_total)} 元**；"
                     "答辩状里两种算法都写了，由法院决定。")
    elif alt is not None and alt.kind == "void_contract":
        lines.append(f"- 如果法院认定借款合同无效，您最多应还 **{money_text(alt.lawful_total)} 元**（实际到手的本金减去已还款，加一年期 LPR 的资金占用费）。")
    lines.append("")
    for f in a.findings:
        if f.code == "DEADLINE":
            continue
        lines.append(f"### {f.title}（{_SEVERITY_CN[f.severity]}）")
        lines.append("")
        lines.append(_md(f.explanation))
        if f.bring:
            lines.append("")
            lines.append("请准备：" + "；".join(_md(b) for b in f.bring) + "。")
        lines.append("")
    if len(a.findings) <= 1:
        lines.append("根据您提供的信息，没有发现利率超限等明显问题。请核对原告的计算是否扣除了您的全部还款。")
        lines.append("")

    lines += ["## 4. 如果什么都不做", ""]
    lines.append("法院照样开庭审理。您不答辩、不出庭，法院可以缺席判决，通常会按原告的请求判，"
                 "包括可能超过法律上限的利息和费用。判决生效后不履行，可能被强制执行、列为失信被执行人。")
    lines.append("")
    if a.warnings:
        lines += ["## 5. 还需要您补充或留意的", ""]
        lines += [f"- {_md(w)}" for w in a.warnings]
        lines.append("")
    lines.append("---")
    lines.append("本说明由 respond 根据您提供的信息生成，不是律师意见。")
    return "\n".join(lines) + "\n"
