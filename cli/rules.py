"""``respond rules``: the catalogue in the terminal, from the same source the checks use."""

from __future__ import annotations

from respond.checks.findings import Rule, all_rules, citations

_SEVERITY_CN = {"high": "高", "medium": "中", "low": "低", "info": "提示"}


def list_rules() -> str:
    lines = ["代码                              严重程度  说明"]
    for rule in all_rules().values():
        lines.append(f"{rule.code:<34}{_SEVERITY_CN[rule.severity]:<8}{rule.summary}")
    lines.append("")
    lines.append("运行 respond rules 代码 查看某条规则的详细解释和法律依据。")
    return "\n".join(lines)


def explain_rule(code: str) -> str | None:
    rule: Rule | None = all_rules().get(code.strip().upper())
    if rule is None:
        return None
    index = citations()
    lines = [f"{rule.code}：{rule.title}", f"严重程度：{_SEVERITY_CN[rule.severity]}", "",
             "检查什么", f"  {rule.detects}", "", "为什么重要", f"  {rule.why}", "", "法律依据"]
    for cid in rule.basis or ():
        c = index[cid]
        mark = "" if c.verbatim else f"（{c.confidence}：仅引用条号和要旨，措辞未逐字核对）"
        lines.append(f"  - {c.cite}：{c.gist}{mark}")
    if not rule.basis:
        lines.append("  - 依案件情况而定（见报告中每条发现的 basis）")
    if rule.evidence:
        lines += ["", "建议准备的证据"] + [f"  - {e}" for e in rule.evidence]
    return "\n".join(lines)
