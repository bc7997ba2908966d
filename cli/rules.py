"""``respond rules``: the catalogue in the terminal, from the same source the checks use."""

from __future__ import annotations

from respond.checks.findings import Rule, all_rules, citations
from respond.checks.findings import regime_basis as findings_regime_basis

_SEVERITY_CN = {"high": "高", "medium": "中", "low": "低", "info": "提示"}


def list_rules() -> str:
    lines = ["代码                              严重程度  说明"]
    for rule in all_rules().values():
        lines.append(f"{rule.code:<34}{_SEVERITY_CN[rule.severity]:<8}{rule.summary}")
    lines.append("")
    lines.append("运行 respond rules 代码 查看某条规则的详细解释和法律依据。")
    return "\n".join(lines)


# The regime-dependent bases a rule may carry (clauses/*.toml, data/findings.toml): the finding cites
# the first when the lender is a financial institution or local financial organisation, the second
# for private lending, both when the regime is unknown.
REGIMES = (("financial", "金融机构/地方金融组织"), ("private", "民间借贷"))


def _citation_line(cid: str) -> str:
    c = citations()[cid]  # rule_from_table has rejected unknown ids
    mark = "" if c.verbatim else f"（{c.confidence}：仅引用条号和要旨，措辞未逐字核对）"
    return f"  - {c.cite}：{c.gist}{mark}"


def regime_basis(rule: Rule) -> list[tuple[str, tuple[str, ...]]]:
    """(label, citation ids) for each regime whose basis the rule adds, in a fixed order."""
    out = []
    for regime, label in REGIMES:
        ids = findings_regime_basis(rule, regime)
        if ids:
            out.append((label, ids))
    return out


def _basis_lines(rule: Rule) -> list[str]:
    """法律依据: the rule's own basis, then each regime's, labelled; the fallback only when neither."""
    lines = ["法律依据"]
    regimes = regime_basis(rule)
    if rule.basis and regimes:
        lines.append("  各类出借人均适用：")
    lines += [("  " if regimes else "") + _citation_line(cid) for cid in rule.basis]
    for label, ids in regimes:
        lines.append(f"  {label}{'另依据' if rule.basis else ''}：")
        lines += ["  " + _citation_line(cid) for cid in ids]
    if not rule.basis and not regimes:
        lines.append("  - 依案件情况而定（见报告中每条发现的 basis）")
    return lines


def _source_lines(rule: Rule) -> list[str]:
    """由谁判定 / 答辩状中的位置: the file and function, read from the code (cli/sources.py)."""
    from respond.cli.sources import answer_sites, deciding_sites

    lines = ["", "由谁判定（代码）"]
    sites = deciding_sites(rule.code)
    if rule.origin == "clause":
        lines.append("  - clauses/*.toml 中本规则的匹配条件，由 checks/clauses.py：find_clauses() 逐条匹配合同文本")
    for site in sites:
        lines.append(f"  - {site.path}：{site.function}()")
    if not sites and rule.origin != "clause":
        lines.append("  - （未找到判定函数）")
    known = set(rule.basis) | {i for _, ids in regime_basis(rule) for i in ids}
    extra = sorted({i for site in sites for i in site.cites} - known)
    if extra:
        lines += ["", "代码另外引用的依据（按案件情况选用）"] + [_citation_line(i) for i in extra]
    used = answer_sites(rule.code)
    if used:
        lines += ["", "答辩状中的位置（代码）"]
        lines += [f"  - {site.path}：{site.function}()" for site in used]
    return lines


def explain_rule(code: str) -> str | None:
    rule: Rule | None = all_rules().get(code.strip().upper())
    if rule is None:
        return None
    lines = [f"{rule.code}：{rule.title}", f"严重程度：{_SEVERITY_CN[rule.severity]}", "",
             "检查什么", f"  {rule.detects}", "", "为什么重要", f"  {rule.why}", ""]
    lines += _basis_lines(rule)
    lines += _source_lines(rule)
    if rule.evidence:
        lines += ["", "建议准备的证据"] + [f"  - {e}" for e in rule.evidence]
    return "\n".join(lines)
