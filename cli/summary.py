"""``respond check --format text``: a readable Chinese summary of one analysis."""

from __future__ import annotations

from respond.checks.analyse import Analysis
from respond.checks.defenses import cap_text
from respond.checks.formats import date_text, money_text, pct_text

_SEVERITY_CN = {"high": "高", "medium": "中", "low": "低", "info": "提示"}


def text_summary(a: Analysis) -> str:
    case, d, r = a.case, a.deadline, a.rate
    lines = [f"案件：{case.court.case_number or '（案号未填）'}  {case.court.name}",
             f"原告：{case.plaintiff.name}（{a.lender.plaintiff.label}）",
             f"被告：{case.defendant.name}",
             f"放贷主体：{case.lender_name}（{a.lender.lender.label}）→ 适用{_regime(a.lender.regime)}，案由 {a.lender.case_cause}",
             ""]
    from respond.case.starter import NOT_FILLED_IN, is_unfilled_starter

    if is_unfilled_starter(case):  # loud, first: these are sample figures, not the user's case
        lines[:0] = [f"！！注意：{NOT_FILLED_IN}。下面的结果只是示例。", ""]
    left = f"还有 {d.days_left} 天" if d.days_left >= 0 else f"已过 {-d.days_left} 天"
    verified = "" if d.calendar_verified else "（节假日安排未收录，只按周末计算）"
    lines.append(f"答辩截止：{date_text(d.answer_due)}（{left}）{verified}；管辖权异议同日截止")
    if a.jurisdiction is not None:
        verdict = {True: "建议提出（将生成管辖权异议申请书）", False: "不需要（法院在住所地）",
                   None: "无法判断"}[a.jurisdiction.objection_warranted]
        lines.append(f"合同约定管辖：管辖权异议{verdict}")
    if r.apr is not None:
        lines.append(f"综合年化利率：{pct_text(r.apr.apr)}（复利口径 {pct_text(r.apr.apr_compound)}）")
    else:
        lines.append("综合年化利率：无法计算（见下方提示）")
    if r.cap is not None and r.cap.rate is not None:
        verdict = {True: "超过上限", False: "未超过上限", None: "无法判断"}[r.exceeds_cap]
        lines.append(f"利率上限：{cap_text(r.cap)} → {verdict}")
    m = a.amounts
    if m is not None and m.recomputed:
        lines.append(f"依法应还：本金 {money_text(m.lawful_principal)} + 利息 {money_text(m.lawful_interest)} = "
                     f"{money_text(m.lawful_total)} 元（计至 {date_text(a.stop)}）")
        if m.overpaid:
            lines.append(f"已多还：{money_text(m.overpaid)} 元")
        if m.claimed_total is not None:
            if m.excess is not None and m.excess < 0:  # the claim stays within what is lawfully owed
                lines.append(f"原告主张：{money_text(m.claimed_total)} 元；未超出（比依法应还少 {money_text(-m.excess)} 元）")
            else:
                lines.append(f"原告主张：{money_text(m.claimed_total)} 元；超出：{money_text(m.excess)} 元")
    elif m is not None and m.lawful_principal is not None:
        lines.append(f"依法应认定的本金：{money_text(m.lawful_principal)} 元")
    if a.alternative is not None:
        alt = a.alternative
        label = "按民间借贷上限" if alt.kind == "private_caps" else "如合同无效（只计资金占用费）"
        lines.append(f"另一种算法（{label}）：依法应还 {money_text(alt.lawful_total)} 元")
    lines += ["", "发现："]
    for f in a.findings:
        lines.append(f"  [{_SEVERITY_CN[f.severity]}] {f.code}  {f.title}")
        lines.append(f"      {f.explanation}")
    if a.warnings:
        lines += ["", "提示："] + [f"  - {w}" for w in a.warnings]
    return "\n".join(lines)


def _regime(regime: str) -> str:
    return {"financial": "金融借款规则", "local_financial": "地方金融组织（按金融借款）规则", "private": "民间借贷规则"}[regime]
