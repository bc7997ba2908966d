"""说明.md: what the borrower must do, in plain words (Markdown).

The deadline in bold; what to file and where; what each finding means and what to bring; what
happens if they do nothing. Built from the analysis only; no new law here.

Markdown: bold spans close on text without punctuation (CommonMark does not close ``**`` that
follows "。" and precedes a Chinese character). Text from the case file or the contract is never
backslash-escaped (escapes show as they are in a plain-text viewer): a run of characters that
Markdown could read as markup is put in a code span, everything else is printed as it is.
"""

from __future__ import annotations

import re

from respond.checks.analyse import Analysis
from respond.checks.findings import basis_text
from respond.checks.formats import date_text, money_text, pct_text
from respond.checks.claims import conceded_total
from respond.checks.positions import VERIFY
from respond.checks.positions import argues_alternative
from respond.templates.context import phrase_text, recourse_figure
from respond.templates.forms import FORMS
from respond.templates.render import clean_text

_SEVERITY_CN = {"high": "重要", "medium": "需要注意", "low": "参考", "info": "提示"}

# A run of non-space characters outside the CJK and full-width blocks; put in a code span when
# it holds a character Markdown may read as markup (emphasis, code, links, HTML, entities, escapes).
_RUN = re.compile(r"[^\s\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_MARKUP = re.compile(r"[*_`\[\]<>\\~]|&#?\w+;")


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_FIELD = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_\[\]]+)+$")  # a case-file field: loan.contract_text


def _md(text: str) -> str:
    """Text from the case file, the contract or the findings, safe in Markdown and readable as plain text."""
    out = " ".join(clean_text(text).split())
    return _RUN.sub(lambda m: _code_span(m.group()) if _MARKUP.search(m.group()) or _FIELD.match(m.group())
                    else m.group(), out)


# Case-file fields the checks' texts name (warnings, finding explanations, jurisdiction reasons: written
# for whoever fills in the case file, and kept as they are in report.json), in the borrower's words.
# The list: every ``loan.…``-style path in the Chinese texts of checks/*.py, data/findings.toml and
# clauses/*.toml (tests/templates/test_wording.py checks that none is missing).
FIELD_WORDS = {
    "loan.contract_text": "借款合同", "loan.clauses": "借款合同", "loan.contract_date": "合同签订日",
    "loan.lender": "借款合同上写的出借人", "loan.principal": "合同约定的借款金额",
    "loan.payments": "还款记录", "loan.fees": "费用", "loan.upfront_deductions": "放款时预先扣除的款项",
    "loan.schedule": "还款计划", "loan.rate": "合同利率", "loan.method": "还款方式",
    "loan.term_months": "借款期限", "loan.term_days": "借款期限",
    "loan.disbursement_date": "放款日", "loan.disbursed_on": "放款日",
    "court.filed_on": "立案日期", "claims.as_of": "起诉状写的暂计日", "claims.principal": "起诉状主张的本金",
    "service.date": "送达日", "service.answer_days": "答辩期天数",
    "defendant.address": "住所地", "defendant.residence": "经常居住地", "defendant.id_number": "身份证号码",
    "assignment.from": "转让债权的一方", "assignment.date": "债权转让日",
    "loan.overdue_rate": "合同约定的逾期利率", "loan.accelerated_on": "宣布提前到期的日期",
    "loan.penalty": "合同约定的违约金", "loan.professional_lending": "出借人向社会放贷的情况",
    "docs/rules.md": "计算规则", "loan.rollover": "借条里滚入的以前利息", "plaintiff.address": "原告住所地",
}
# a path as the texts write it: loan.term_months/term_days, loan.payments[2].date
_PATH = re.compile(r"\b[a-z][a-z0-9_]*(?:\[\d*\])?(?:\.[a-z][a-z0-9_]*(?:\[\d*\])?)+(?:/[a-z][a-z0-9_]*)*")


def _known(path: str) -> str | None:
    """The plain words for a path, or None when it is not a case-file field."""
    head = re.sub(r"\[\d*\]", "", path.split("/")[0])
    while head:
        if head in FIELD_WORDS:
            return FIELD_WORDS[head]
        head = head.rpartition(".")[0]
    return None


def _paren(m: re.Match) -> str:
    """A parenthesis pointing at fields: the pointers go (the sentence already names the thing)."""
    inner = m.group(1)
    if re.match(rf"\s*{_PATH.pattern}\s*中", inner) and _known(_PATH.match(inner.strip()).group()):
        return ""  # （loan.fees 中 per_installment 为 true 的项目）
    kept = _PATH.sub(lambda p: "\0" if _known(p.group()) else p.group(), inner)
    kept = re.sub(r"\s*\0\s*(?:[、，,/]\s*|[或和及]\s*(?=\0))*", "", kept).strip("、，,/ ")
    return f"（{kept}）" if kept else ""


def plain_fields(text: str) -> str:
    """Text from the checks with case-file field names put into plain words (for 说明.md only)."""
    text = re.sub(r"（([^（）]*)）", lambda m: _paren(m) if _PATH.search(m.group(1)) else m.group(), text)
    text = re.sub(rf"^\s*({_PATH.pattern})\s*[:：]\s*", lambda m: "" if _known(m.group(1)) else m.group(), text)

    def sub(pattern: str, fmt: str, text: str) -> str:
        def word(m: re.Match) -> str:
            w = _known(m.group("p"))
            if w is None:
                return m.group()
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            pad = lambda ch: " " if ch.isascii() and ch.isalnum() else ""  # keep a space next to 2024, EMS
            return pad(before) + fmt.format(w) + pad(after)
        return re.sub(pattern, word, text)

    p = rf"\s*(?P<p>{_PATH.pattern})\s*"
    text = sub(rf"在(?:案件文件的)?{p}中", "在案件信息里", text)  # 请在 loan.lender 中填写……
    text = sub(rf"案件文件的{p}", "案件信息里的{}", text)
    return sub(p, "{}", text)


LPR_WORDS = "一年期贷款市场报价利率，每月20日由全国银行间同业拆借中心公布"


def _explain_lpr(lines: list[str]) -> list[str]:
    """"LPR" explained in plain words where it first appears (not in a heading)."""
    for i, line in enumerate(lines):
        if line.startswith("#") or "LPR" not in line:
            continue
        before, after = line.split("LPR", 1)
        if before.endswith("贷款市场报价利率（") and after.startswith("）"):  # already named: say what it is
            lines[i] = before + "LPR，央行每月公布的基准利率" + after
        elif after.startswith("（"):  # 一年期 LPR（3.45%，2024年2月20日公布）
            lines[i] = before + f"LPR（{LPR_WORDS}；" + after[1:]
        else:  # 一年期 LPR 的资金占用费: no space after the closing parenthesis
            lines[i] = before + f"LPR（{LPR_WORDS}）" + (after.lstrip(" ") if re.match(r" +[^\x00-\x7f]", after) else after)
        break
    return lines


def _borrower_text(a: Analysis, text: str) -> str:
    """A text of the checks, for the borrower: fields in plain words, safe in Markdown."""
    return _md(plain_fields(text))


def _jurisdiction(a: Analysis) -> list[str]:
    """Whether to object to the court (民诉法第130条): only when the contract chose a court."""
    advice = a.jurisdiction
    if advice is None:
        return []
    passed = a.deadline.days_left < 0
    due = date_text(a.deadline.jurisdiction_objection_due)
    lines = ["### 要不要提管辖权异议", ""]
    if advice.objection_warranted is True and passed:
        lines.append(f"**管辖权异议的期限已经过了**（截止日是 {due}）。合同里的管辖条款很可能无效，起诉您的法院既不在您的住所地，"
                     "也不在原告所在地；"
                     "但答辩期届满后提出的管辖权异议，法院通常不再审查。我们仍然写好了《管辖权异议申请书》供您参考，"
                     "是否还要提交，请先咨询法律援助机构（12348）；无论提不提，都要按时出庭。")
    elif advice.objection_warranted is True:
        lines.append(f"**要。** 合同里的管辖条款是出借方预先拟好的格式条款，很可能无效；起诉您的法院既不在您的住所地，"
                     f"也不在原告所在地（合同履行地）。我们已经写好了"
                     f"《管辖权异议申请书》，请求把案子移送到{_md(advice.proper_court or '您住所地的法院')}。"
                     f"它和答辩状的截止日相同：**{due}**，过了这一天就不能再提。")
    elif advice.objection_warranted is False:
        # at the plaintiff's seat the court has jurisdiction as the place of performance: not advised;
        # at the borrower's home it is the right court: not needed
        verdict = "**不建议提。** " if advice.at_performance_place else "**不需要。** "
        lines.append(verdict + _borrower_text(a, advice.reasons[-1]))
    else:
        lines.append("**无法判断。** " + _borrower_text(a, advice.reasons[-1]))
    lines.append("")
    return lines


def _arbitration(a: Analysis) -> list[str]:
    """The contract's arbitration clause: the borrower's choice, and its deadline (仲裁法第26条)."""
    hit = next((h for h in a.clause_hits if h.code == "CLAUSE_ARBITRATION"), None)
    if hit is None:
        return []
    where = f"合同{_md(hit.article)}" if hit.article else "合同中"
    hearing = a.case.court.hearing_at
    when = (f"传票上的开庭时间是 {date_text(hearing.date())}，要在这之前决定。" if hearing is not None
            else "开庭时间以法院传票为准。")
    return ["### 要不要申请仲裁（由您决定）", "",
            f"{where}约定了仲裁。这是您的选择，不是必须做的事：",
            "",
            "- 如果您希望由仲裁机构而不是法院处理，必须在法院**首次开庭之前**向法院提交仲裁协议（合同里的仲裁条款）、"
            f"书面提出异议，法院会驳回原告的起诉。{when}",
            "- 首次开庭前没有提出的，视为放弃仲裁，法院继续审理。",
            "- 仲裁一裁终局、不能上诉，网络仲裁的费用也可能更高。",
            "",
            "答辩状里只写了合同有仲裁条款、您保留在首次开庭前提出的权利，并没有替您提出。决定提出的，"
            "请在首次开庭前另行向法院提交书面异议；不想仲裁的，可以把答辩状“其他需要说明的内容”里关于仲裁的那一段删去。",
            ""]


def _amounts(a: Analysis) -> list[str]:
    """The figures in one paragraph each: never more than the plaintiff asks for."""
    lines = []
    m = a.amounts
    conceded = conceded_total(a)
    stop = date_text(a.stop)
    recourse = a.has("GUARANTOR_RECOURSE")
    if a.lender.form == "guarantee_insurance":  # checks/positions_insurance.py decides; said plainly here
        paid = a.case.recourse.amount if a.case.recourse is not None else None
        said = f"（案件信息写的是 {money_text(paid)} 元）" if paid is not None else ""
        lines.append(f"- 起诉您的是保险公司：它替您向出借人理赔后来向您追偿，最多只能要回它实际理赔的钱{said}。"
                     "请要求它出示理赔的银行凭证和权益转让确认书；它另外要的违约金，答辩状请求法院按实际损失减少。")
    if recourse:
        lines += _recourse_amounts(a)
    elif m is not None and m.recomputed and not a.case.loan.payments and a.card is None:
        lines.append("- 案件信息里没有还款记录，所以没有算出您依法最多应还多少（没填不等于没还）。请把每一笔还款"
                     "补进案件信息后重新生成，答辩状会写上按上限重算的数额，并附上利息重算表。")
        claimed_principal = a.case.claims.principal
        if claimed_principal is not None and claimed_principal < a.case.loan.principal:
            lines.append(f"- **原告主张的本金（{money_text(claimed_principal)} 元）比合同金额（{money_text(a.case.loan.principal)} 元）少，"
                         "说明您很可能还过款**：请尽快找出银行流水、App 里的还款记录，交答辩状之前补上。")
    elif m is not None and m.recomputed:
        if m.overpaid:
            lines.append(f"- 按法律允许的最高利率重新计算，您已经多还了 **{money_text(m.overpaid)} 元**。")
        elif m.claimed_total is None:
            lines.append(f"- 按法律允许的最高利率重新计算，到 {stop} 您依法最多应还 **{money_text(m.lawful_total)} 元**。")
        elif conceded is not None and conceded < m.claimed_total:
            lines.append(f"- 按法律允许的最高利率重新计算，到 {stop} 您依法最多应还 **{money_text(conceded)} 元**，"
                         f"原告要 {money_text(m.claimed_total)} 元，多要了 {money_text(m.claimed_total - conceded)} 元。")
        elif a.has("LIMITATION"):
            lines.append(f"- 按法律允许的最高利率重新计算，到 {stop} 算出的数额是 {money_text(m.lawful_total)} 元；"
                         f"原告要的 {money_text(m.claimed_total)} 元没有超过它。但这笔债可能已过诉讼时效，"
                         "答辩状对原告的每一项请求都提出了时效抗辩（见下文“可能已过诉讼时效”）。")
        else:
            lines.append(f"- 按法律允许的最高利率重新计算，到 {stop} 算出的数额是 {money_text(m.lawful_total)} 元；"
                         f"原告要的 {money_text(m.claimed_total)} 元没有超过它。法院不会判得比原告要的更多，"
                         "所以答辩状按原告主张的金额写；下面其他的理由（如果有）仍然可以提出。")
    alt = a.alternative
    claimed = m.claimed_total if m is not None else None
    who = "原出借人至多可主张" if recourse else "您最多应还"
    if alt is not None and alt.kind == "private_caps" and argues_alternative(a):
        lines.append(f"- 有的法院对这类放贷机构适用更低的民间借贷利率上限，按那种算法{who} **{money_text(alt.lawful_total)} 元**；"
                     "答辩状里两种算法都写了，由法院决定。")
    elif alt is not None and alt.kind == "void_contract":
        if claimed is not None and alt.lawful_total >= claimed:
            lines.append(f"- 如果法院认定借款合同无效，按实际到手的本金减去已还款、加一年期 LPR 的资金占用费计算，"
                         f"数额是 {money_text(alt.lawful_total)} 元，不低于原告要的 {money_text(claimed)} 元；法院不会判得比原告要的更多。")
        else:
            lines.append(f"- 如果法院认定借款合同无效，{who} **{money_text(alt.lawful_total)} 元**（实际到手的本金减去已还款，加一年期 LPR 的资金占用费）。")
    return lines


def _recourse_amounts(a: Analysis) -> list[str]:
    """A guarantor's suit: it recovers at most what it actually paid the lender; the recomputed
    figure is only the most the lender itself could have claimed."""
    m, stop = a.amounts, date_text(a.stop)
    lines = ["- 起诉您的是担保公司，它只能要回它实际替您还给出借人的钱（代偿），而且要拿出代偿凭证证明；"
             "超过法定上限的利息和费用，出借人本来就要不到，担保公司替您付了也不能向您要。答辩状里本金、利息和标的总额都提出了异议。"]
    if m is not None and m.recomputed and m.overpaid:
        lines.append(f"- 按法律允许的最高利率重新计算，您已经多还了 **{money_text(m.overpaid)} 元**。")
        return lines
    total = (a.lines or {}).get("total")
    if total is not None and total.used is not None and total.diff is not None and total.diff > 0:
        how = "按上限计算" if m.recomputed else "按实际到手的金额计算"
        lines.append(f"- 到 {stop}，{recourse_figure(total.used, how=how)}原告要 {money_text(total.claimed)} 元，"
                     f"多要了 {money_text(total.diff)} 元。")
    elif m is not None and m.recomputed and m.lawful_total is not None:
        lines.append(f"- 到 {stop}，{recourse_figure(m.lawful_total)}原告要的数额没有超过它，"
                     "但仍要以它实际代偿的数额为限。")
    return lines


def _next_steps(a: Analysis) -> list[str]:
    """The hearing, the 举证期限, how to submit, small claims, the items to check, a remaining debt."""
    case = a.case
    court = _md(case.court.name)
    lines = []
    hearing = case.court.hearing_at
    if hearing is not None:
        lines.append(f"- **开庭：{date_text(hearing.date())} {hearing:%H:%M}，{court}**（具体法庭以传票为准）。"
                     "请带身份证原件准时到庭；不到庭，法院可以缺席判决。")
    else:
        lines.append("- 开庭：时间、地点以法院的传票为准；没收到传票的，请打电话问法院。")
    due = case.service.evidence_due
    if due is not None:
        lines.append(f"- **举证期限：{date_text(due)}**。证据（截图、银行流水、还款记录）要在这一天之前交到法院，"
                     "逾期提交的，法院可能不采纳。")
    lines.append("- 怎么交：可以通过“人民法院在线服务”微信小程序或当地法院的诉讼服务网在线提交；也可以用 EMS 邮寄到法院"
                 "（信封和材料上写明案号，保留邮寄凭证）；或者到法院的诉讼服务中心当面提交。")
    lines.append("- 交几份：答辩状正本一份，另按对方当事人的人数各交一份副本（本案原告一方一份）；证据也按同样份数复印。"
                 "当面去的，带上身份证原件和复印件。")
    if case.court.procedure is not None and case.court.procedure.value == "small_claims":
        lines.append(f"- **本案适用小额诉讼程序，一审终审**：判决一作出就生效，不能上诉（{basis_text(('msf_165',))}）。"
                     "所以所有意见和证据都要在这一次审理中提出。")
    open_items = _items_to_check(a)
    if open_items:
        lines.append("- **答辩状里有几项两个框都没有勾（请核对）**：程序没有足够的信息替您表态。请逐项核对后自己勾选"
                     "“无”或“有”，有异议的写上理由：")
        lines += [f"    - {label}：{_md(text)}" for label, text in open_items]
    total = (a.lines or {}).get("total")
    if total is not None and total.used and not a.has("LIMITATION"):
        figure = (f"（按答辩状的算法，到 {date_text(a.stop)} 约 {money_text(total.used)} 元，另加此后的利息"
                  + ("和律师费等费用" if a.case.claims.legal_costs else "") + "，以及可能要分担的诉讼费）"
                  if a.case.loan.payments else "")
        wishes = a.case.wishes
        if any(p.key == "notes.mediation" for p in a.positions.notes):  # what the answer asks, as decided
            asked = "、".join(x for x in ("调解" if wishes.mediation else "",
                                          f"按每月 {money_text(wishes.monthly)} 元分期" if wishes.monthly else "") if x)
            how = f"答辩状“其他需要说明的内容”已写上您的请求（{asked}）；开庭时可以当面再提。"
        else:
            how = ("愿意调解或分期的，可以在答辩状“其他需要说明的内容”一栏写上“答辩人愿意调解，每月可还 ×× 元”"
                   "（帮您准备材料的人也可以在案件信息的 wishes 里填写后重新生成）。")
        lines.append(f"- 您仍可能要还一部分钱{figure}。您可以：在开庭前或庭上"
                     "申请调解；提出分期还款的方案（写明每月能还多少）；或者直接和原告协商（要书面约定，保留凭证）。"
                     + how)
    return ["## 2. 接下来要做的事", ""] + lines + [""]


def _items_to_check(a: Analysis) -> list[tuple[str, str]]:
    """The form items the answer leaves open (请核对): their label and what to check."""
    form = FORMS[a.lender.form]
    labels = {f"d.{i.key}": f"答辩事项{n}“{i.label}”" for n, i in enumerate(form.claims, 1)}
    labels |= {f"f.{i.key}": f"事实和理由{n}“{i.label}”" for n, i in enumerate(form.facts, 1)}
    out = []
    for key, pos in a.positions.all().items():
        if pos.stance == VERIFY:
            out.append((labels[key], phrase_text(pos.check) if pos.check else "请核对"))
    return out


def explanation_markdown(a: Analysis, documents: list[str]) -> str:
    case, d = a.case, a.deadline
    court = _md(case.court.name)
    lines = [f"# 给{_md(case.defendant.name)}的说明", ""]
    number = f"（案号：{_md(case.court.case_number)}）" if case.court.case_number else ""
    lines += [f"{_md(case.plaintiff.name)}在{court}起诉了您{number}。下面是您现在要做的事。", ""]

    lines += ["## 1. 截止日期", ""]
    if d.days_left >= 0:
        lines.append(f"**请在 {date_text(d.answer_due)}（含当天）之前把答辩状交到{court}，还有 {d.days_left} 天。**")
        lines.append("")
        objection = (f"如果要对由{court}审理提出异议（管辖权异议），也必须在同一天之前提出（见下文“要不要提管辖权异议”）。"
                     if a.jurisdiction is not None else
                     f"如果您认为这个案子不该由{court}审理，管辖权异议也必须在同一天之前提出。")
        lines.append(objection + "截止日之前把材料交邮局寄出（建议用 EMS，保留凭证）就不算晚。")
    else:
        lines.append(f"**答辩期已经在 {date_text(d.answer_due)} 结束了**（已过 {-d.days_left} 天）。"
                     "您仍然应当按传票时间出庭，并在庭上提出下面这些意见。")
        lines.append("")
        lines.append(f"现在还能做的：尽快把答辩状和证据交到{court}（法院一般仍会收下，并在开庭时一并考虑），"
                     "或者在开庭时当庭提交、当庭发表答辩意见；如果还没收到开庭传票，请打电话给法院确认开庭时间。"
                     "答辩期已过，一般不能再提出管辖权异议。")
        lines.append("")
        lines.append("如果您是因为不可抗拒的事由或者其他正当理由（例如生病住院）耽误了答辩期，可以在障碍消除后的 10 日内"
                     "向法院申请顺延期限，是否准许由法院决定；申请时要写明理由，并附上证明（如住院记录）。")
    if not d.calendar_verified and d.days_left >= 0:
        lines.append("")
        lines.append("注意：截止日所在年份的法定节假日安排还没有收录，这个日期只按周末计算，可能正好是法定节假日、法院不上班。"
                     f"最稳妥的做法是：在 {date_text(d.answer_due)} 之前的最后一个工作日把答辩状交到法院；"
                     f"或者在 {date_text(d.answer_due)} 之前交邮局寄出（邮寄也算按期，期满前交邮的不算过期，"
                     f"见{basis_text(('msf_85',))}），保留邮寄凭证。")
    elif not d.calendar_verified:
        lines.append("")
        lines.append("注意：截止日所在年份的法定节假日安排还没有收录，上面的日期只按周末计算。如果那一天是法定节假日，"
                     "期限会顺延到节后的第一个工作日，答辩期可能还没有结束；请尽快打电话向法院确认。")
    lines.append("")
    lines += _next_steps(a)
    lines += _jurisdiction(a)
    lines += _arbitration(a)

    lines += ["## 3. 要交的材料", ""]
    for doc in documents:
        if doc.endswith(".docx"):
            what = {"答辩状.docx": "打印、核对、签名并写上日期，按法院要求的份数提交（一般按对方当事人人数提交副本）。",
                    "利息重算表.docx": "答辩状的附件，和答辩状一起提交。",
                    "管辖权异议申请书.docx": (f"签名后与答辩状一起、在 {date_text(d.jurisdiction_objection_due)} 之前提交。"
                                              if d.days_left >= 0 else
                                              f"截止日 {date_text(d.jurisdiction_objection_due)} 已经过了，是否还提交见上文“要不要提管辖权异议”。"),
                    }.get(doc, "与答辩状一起提交。")
            lines.append(f"- **{doc}**：{what}")
    if any(doc.endswith(".pdf") for doc in documents):
        lines.append("- 同名的 **.pdf** 文件是上面文书的 PDF 版本，可以直接打印，或在法院的网上诉讼服务平台上传。"
                     "PDF 不能修改：如果您在 .docx 里改了内容，请用改过的 .docx 重新“另存为 PDF”，不要再交旧的 PDF。")
    lines.append("- 身份证复印件。")
    lines.append("- 下面每一项发现后面列出的证据（截图、银行流水等）。")
    lines.append("")
    lines.append("答辩状里的勾选和文字是根据您填写的案件信息自动生成的。提交前请逐项核对：与事实不符的地方要改正，"
                 "没有把握的地方可以咨询法律援助机构（拨打 12348 法律服务热线）。")
    lines.append("")
    lines.append("答辩状“是否接受电子送达”一栏两个框都没有勾，请您自己选：接受的话，法院可以把文书发到您的手机短信、邮箱等，"
                 "发到就算送达（即使您没有看）；勾“是”的，请写明方式和号码。")
    lines.append("")

    lines += ["## 4. 我们发现了什么", ""]
    r = a.rate
    if r.apr is not None:
        lines.append(f"- 这笔借款的实际年化成本（综合年化利率）是 **{pct_text(r.apr.apr)}**。")
    lines += _amounts(a)
    lines.append("")
    for f in a.findings:
        if f.code == "DEADLINE":
            continue
        lines.append(f"### {_borrower_text(a, f.title)}（{_SEVERITY_CN[f.severity]}）")
        lines.append("")
        lines.append(_borrower_text(a, f.explanation))
        if f.code == "LIMITATION":
            lines.append("")
            lines.append("**在法院判决之前，不要答应原告还款，也不要还任何钱**（包括催收人员打电话、发短信要您“先还一点”的）。"
                         "诉讼时效期间届满后，您同意还款的，就不能再以时效已过为由抗辩；已经还了的钱也要不回来"
                         f"（{basis_text(('mfd_192',))}）。答辩状对原告的每一项请求都提出了时效抗辩。")
        if f.bring:
            lines.append("")
            lines.append("请准备：" + "；".join(_borrower_text(a, b) for b in f.bring) + "。")
        lines.append("")
    if len(a.findings) <= 1:
        lines.append("根据您提供的信息，没有发现利率超限等明显问题。请核对原告的计算是否扣除了您的全部还款。")
        lines.append("")

    lines += ["## 5. 如果什么都不做", ""]
    lines.append("法院照样开庭审理。您不答辩、不出庭，法院可以缺席判决，通常会按原告的请求判，"
                 "包括可能超过法律上限的利息和费用。判决生效后不履行，可能被强制执行、列为失信被执行人。")
    lines.append("")
    if a.warnings:
        lines += ["## 6. 还需要您补充或留意的", ""]
        lines += [f"- {_borrower_text(a, w)}" for w in a.warnings]
        lines.append("")
    lines.append("---")
    lines.append("本说明由 respond 根据您提供的信息生成，不是律师意见。")
    return "\n".join(_explain_lpr(lines)) + "\n"
