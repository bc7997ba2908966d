"""Analysis → the templates' context (the contract in :mod:`respond.templates.forms`).

This module only words the answer. Which items are ticked 有/无 or left open (请核对), their
figures, which findings argue each and which citations the answer relies on are decided in
:mod:`respond.checks.positions`; the sentences come from ``templates/phrases.toml`` and the
findings' catalogue arguments. No legal decision and no choice of citation is made here.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from respond.checks.analyse import Analysis
from respond.checks.defenses import cap_text
from respond.checks.findings import basis_text
from respond.checks.formats import date_text, money_text, pct_text
from respond.checks.evidence import evidence_items
from respond.checks.objection import objection_grounds
from respond.checks.positions import AGREE, OBJECT, Part, Position, argued_articles, argues_alternative, receipt_recorded
from respond.templates.forms import FORMS
from respond.templates.numerals import money_upper

BLANK_DATE = "　　　　年　　月　　日"
KIND_CN = {"disbursement": "放款", "default": "逾期起算（透支本金）", "rate_change": "上限变更", "payment": "还款", "stop": "计至"}


@lru_cache(maxsize=1)
def phrases() -> dict[str, dict[str, str]]:
    """``templates/phrases.toml``: the answer's own sentences, by section and key."""
    return tomllib.loads(resources.files("respond.templates").joinpath("phrases.toml").read_text("utf-8"))


def phrase_text(key: str) -> str:
    section, _, name = key.partition(".")
    return phrases()[section][name]


def recourse_figure(amount: Decimal, what: str = "", how: str = "按上限计算") -> str:
    """The recomputed figure in a guarantor's suit: the lender's maximum, recoverable only as paid."""
    return f"{how}，原出借人至多可主张{what} {money_text(amount)} 元；原告只能在实际代偿的范围内追偿。"


def _m(x: Decimal | None) -> str:
    return "" if x is None else money_text(x)


# ---------------------------------------------------------------------------------------------
# Wording a position


def _claims_list(values: dict[str, Any], keys: tuple[str, ...]) -> str:
    labels = phrases()["claim_labels"]
    return "、".join(f"{labels[k]} {money_text(values[k])} 元" for k in keys if values.get(k) is not None)


def _cuts(values: dict[str, Any]) -> str:
    cuts = phrases()["cuts"]
    named = [cuts[k].format(amount=money_text(values[f"{k}_cut"])) for k in ("penalty", "fees", "interest")
             if values.get(f"{k}_cut")]
    return cuts["head"] + "，".join(named) + cuts["tail"] if named else ""


def _terms(terms: tuple[tuple[str, str], ...]) -> str:
    labels = phrases()["standard_terms"]
    return "、".join(f"{arts}（{labels[code]}）" if arts else f"关于{labels[code]}的条款" for code, arts in terms)


def _value(key: str, v: Any, a: Analysis) -> str:
    if isinstance(v, Part):
        return word_part(v, a)
    if key in ("basis", "alt_basis"):
        return basis_text(tuple(v))
    if key == "terms":
        return _terms(v)
    if isinstance(v, tuple):
        return "；".join(_value("", x, a) for x in v)
    if isinstance(v, bool) or v is None:
        return ""
    if isinstance(v, dt.date):
        return date_text(v)
    if isinstance(v, Decimal):
        return pct_text(v) if key.endswith("_rate") else money_text(v)
    return str(v)


def word_part(part: Part, a: Analysis) -> str:
    """One sentence: a phrase with its values, or a finding's catalogue argument."""
    if part.kind == "finding":
        return next(f.argument for f in a.findings if f.code == part.key)
    values = {k: _value(k, v, a) for k, v in part.values.items()}
    for k, v in part.values.items():
        if isinstance(v, Decimal) and not k.endswith("_rate"):
            values[f"{k}_upper"] = money_upper(v)
    if part.key in ("claim.total", "claim.card_total"):
        values["list"] = _claims_list(part.values, ("principal", "interest", "penalty", "fees"))
    if part.key == "claim.charges":
        several = sum(part.values.get(k) is not None for k in ("interest", "penalty", "fees")) > 1
        values["list"] = _claims_list(part.values, ("interest", "penalty", "fees"))
        return phrase_text("claim.charges_many" if several else "claim.charges_one").format(**values)
    if part.key.startswith(("interest.capped", "interest.contract_cut")):
        values["cuts"] = _cuts(part.values)
    return phrase_text(part.key).format(**values)


def word(pos: Position, a: Analysis) -> dict[str, Any]:
    """A form item: its stance and its text. ``objection`` (有 ticked) is kept for templates
    written before ``stance``; a 请核对 item ticks neither box."""
    return {"objection": pos.stance == OBJECT, "agreed": pos.stance == AGREE,
            "text": "".join(word_part(p, a) for p in pos.parts)}


# A clause quoted in full: ``约定：“…”`` (several quotes joined by ；)
_QUOTED = re.compile(r"约定：((?:“[^”]+”；?)+)")


def read_once(texts: list[str]) -> list[str]:
    """The answer's texts in reading order, each clause quoted and each long title written in full
    once: a later quote of the same clause points back to it; a title cited more than once is
    introduced with its short name (以下简称) and then uses it.
    A title followed by another document number (the 2015 rules: ``…规定》（法释〔2015〕18号）``) is
    a different document and stays whole."""
    quoted: set[str] = set()

    def quote_once(m: re.Match) -> str:
        if m.group(1) in quoted:
            return phrase_text("once.quoted_above")
        quoted.add(m.group(1))
        return m.group(0)

    texts = [_QUOTED.sub(quote_once, t) for t in texts]
    for full, short in phrases()["short_titles"].items():
        pattern = re.compile(re.escape(full) + r"(?!（法释〔2015〕)")
        if sum(len(pattern.findall(t)) for t in texts) < 2:
            continue  # cited once: in full, with no short name to introduce
        first = True
        for i, t in enumerate(texts):
            def shorten(m: re.Match) -> str:
                nonlocal first
                if first:
                    first = False
                    return full + phrase_text("once.short_intro").format(short=short)
                return short
            texts[i] = pattern.sub(shorten, t)
    return texts


def claim_items(a: Analysis) -> dict[str, dict[str, Any]]:
    """答辩事项, worded from :attr:`Analysis.positions`."""
    return {k: word(p, a) for k, p in a.positions.claims.items()}


def fact_items(a: Analysis) -> dict[str, dict[str, Any]]:
    """事实和理由, worded from :attr:`Analysis.positions`."""
    return {k: word(p, a) for k, p in a.positions.facts.items()}


def other_notes(a: Analysis) -> str:
    """其他需要说明的内容: one paragraph per note the positions give."""
    return "\n".join(word_part(p, a) for p in a.positions.notes)


def law_basis(a: Analysis) -> str:
    """Every citation the answer relies on (:attr:`Positions.basis`), articles of one law grouped."""
    return basis_text(a.positions.basis, sep="；", by_article=True)


def apr_method_text(a: Analysis) -> str:
    """How the comprehensive rate was computed, in words (empty when there is no rate)."""
    return phrase_text(f"apr_methods.{a.rate.apr.method}") if a.rate.apr is not None else ""


# ---------------------------------------------------------------------------------------------
# 证据清单, 其他需要说明的内容, 答辩依据

def evidence_list(a: Analysis) -> list[str]:
    """证据清单, worded from :func:`respond.checks.evidence.evidence_items`."""
    return [word_part(p, a) for p in evidence_items(a)]


def contract_basis(a: Analysis) -> str:
    loan = a.case.loan
    number = f"（编号：{loan.contract_number}）" if loan.contract_number else ""
    if a.lender.form == "credit_card":
        text = f"{date_text(loan.contract_date)}签订的{FORMS['credit_card'].contract}{number}关于透支利率、违约金和各项费用的约定"
    else:
        text = f"{date_text(loan.contract_date)}签订的{FORMS[a.lender.form].contract}{number}关于借款金额、利率、费用和还款方式的约定"
    articles = argued_articles(a)
    if articles:
        text += f"；合同{'、'.join(articles)}系原告预先拟定的格式条款（理由见上文）"
    return text




def _items_read_once(d: dict[str, dict[str, Any]], f: dict[str, dict[str, Any]], notes: str) -> dict[str, Any]:
    """``d``, ``f`` and ``other_notes`` with :func:`read_once` applied in the form's reading order."""
    items = [*d.values(), *f.values()]
    texts = read_once([i["text"] for i in items] + [notes])
    for item, text in zip(items, texts):
        item["text"] = text
    return {"d": d, "f": f, "other_notes": texts[-1]}


def answer_context(a: Analysis) -> dict[str, Any]:
    case = a.case
    d = case.defendant
    return {
        "case_cause": a.lender.case_cause,
        "court": case.court.name,
        "case_number": case.court.case_number or "",
        "defendant": {"name": d.name, "gender": d.gender or "", "birth_date": date_text(d.birth_date) if d.birth_date else "",
                      "ethnicity": d.ethnicity or "", "employer": "", "position": "", "phone": d.phone or "",
                      "domicile": d.address or "", "residence": d.residence or ""},
        "plaintiff": {"name": case.plaintiff.name, "credit_code": case.plaintiff.credit_code or "",
                      "address": case.plaintiff.address or "", "representative": case.plaintiff.representative or ""},
        "agent": {"present": False, "name": "", "org": "", "position": "", "phone": "", "authority": ""},
        # consent to electronic service is the defendant's choice on this form: the way the
        # complaint was served says nothing about it, and the case file has no field for it
        "service": {"address": d.residence or d.address or "", "recipient": d.name, "phone": d.phone or "",
                    "electronic_chosen": False, "electronic": False, "electronic_method": ""},
        **_items_read_once(claim_items(a), fact_items(a), other_notes(a)),
        "basis_contract": contract_basis(a),
        "basis_law": law_basis(a),
        "evidence": evidence_list(a),
        "signed_date": BLANK_DATE,
    }


# ---------------------------------------------------------------------------------------------
# 利息重算表


def annex_context(a: Analysis) -> dict[str, Any]:
    """利息重算表: the ledger rows of rules.md §6 and the claimed-vs-lawful summary."""
    m = a.amounts
    lg = a.ledger if a.ledger is not None else m.cap_ledger  # within the cap: the cap ledger beside the alternative
    cap = a.rate.cap
    lines = a.lines
    summary: dict[str, str] = {"as_of": date_text(a.stop)}
    for key in ("principal", "interest", "penalty", "fees", "total"):
        line = lines[key]
        summary[f"{key}_claimed"] = _m(line.claimed)
        summary[f"{key}_lawful"] = _m(line.used)
        summary[f"{key}_diff"] = _m(line.diff)
    total = lines["total"]
    summary["total_claimed_upper"] = money_upper(total.claimed) if total.claimed is not None else ""
    summary["total_lawful_upper"] = money_upper(total.used)
    summary["total_diff_upper"] = money_upper(total.diff) if total.diff is not None else ""
    rows = _ledger_rows(lg)
    method = (f"{_ledger_principal(a, lg)}，自 {date_text(lg.rows[0].date)} 起按法定上限"
              f"（{cap_text(cap)}）以单利逐日计息（年利率 ÷ {lg.day_basis} × 天数），未付利息不再计息；每笔还款先冲抵利息、"
              f"再冲抵本金；罚息、违约金和各项费用均计入上限，与利息合并计算。计至 {date_text(a.stop)}。")
    claimed_lines = [k for k in ("interest", "penalty", "fees") if lines[k].claimed is not None]
    shared = (f"利息、罚息（复利、违约金）、其他费用各行合计不超过依法计算的 {money_text(m.lawful_interest)} 元："
              "依次计入原告主张的利息、罚息（复利、违约金）、其他费用，超过上限的部分先从罚息和费用中核减；"
              "这种分配只为与原告的各项请求逐项对应，不表示答辩人认可罚息、违约金或各项费用（理由见答辩状）。"
              if len(claimed_lines) > 1 else "")
    law = m.lawful
    if law is not None and law.basis == "contract" and law.contract_total is not None and law.cap_total is not None:
        shared = (f"按合同约定计算（以实际收到的借款为本金，罚息、复利、违约金合计不超过逾期本金按上限计算的数额），截至 "
                  f"{date_text(a.stop)} 的本息合计为 {money_text(law.contract_total)} 元，低于上表按上限重算的 "
                  f"{money_text(law.cap_total)} 元，汇总栏按较低者计。") + shared
    note = ("各行金额四舍五入到分；合计按未舍入的数计算，可能与逐行相加相差一分。"
            + shared + _not_above_text(lines)
            + (f"本金还清后的还款为多付款项，合计 {money_text(lg.overpaid)} 元。" if lg.overpaid else ""))
    apr = _apr_section(a)
    return {"case_number": a.case.court.case_number or "", "defendant": {"name": a.case.defendant.name},
            "annex": {"method": method, "summary": summary, "rows": rows, "note": note, "paid": _paid_text(a, lg),
                      "apr": apr, "alt": _alt_section(a, after_apr=apr is not None)}}


def _ledger_principal(a: Analysis, lg) -> str:
    """What a ledger starts from: the money received, or the contract amount when no receipt is recorded."""
    if a.card is not None and lg is a.card.ledger:
        return f"以答辩人逾期时的透支本金 {money_text(lg.received)} 元为本金"
    if receipt_recorded(a.case.loan):
        return f"以答辩人实际收到的借款 {money_text(lg.received)} 元为本金"
    return f"以合同约定的借款金额 {money_text(lg.received)} 元为本金（实际到账金额以放款凭证为准）"


def _ledger_rows(lg) -> list[dict[str, str]]:
    return [{"date": r.date.isoformat(), "event": KIND_CN[r.kind], "days": str(r.days), "rate": pct_text(r.rate),
             "interest": money_text(r.interest), "payment": money_text(r.payment),
             "to_interest": money_text(r.to_interest + r.to_tolerated), "to_principal": money_text(r.to_principal),
             "interest_due": money_text(r.interest_due), "balance": money_text(r.principal)}
            for r in lg.rows]


def _paid_text(a: Analysis, lg) -> str:
    """The payments the ledger credits: the same total as the answer's 还款情况 and report.json."""
    rows = [r for r in lg.rows if r.kind == "payment"]
    text = (f"上表计入答辩人截至 {date_text(a.stop)} 的还款 {len(rows)} 笔，合计 "
            f"{money_text(sum((r.payment for r in rows), Decimal(0)))} 元（“还款额”一栏之和）。")
    later = [p for p in a.case.loan.payments if p.date > a.stop]
    if later:
        text += (f"此后另有还款 {len(later)} 笔，合计 {money_text(sum((p.amount for p in later), Decimal(0)))} 元，"
                 "应从判决确定的数额中扣除。")
    return text


_FLOW_CN = {"monthly": "月内部收益率 × 12", "daily": "日内部收益率 × 360", "single": "（还款总额 − 到手金额）÷ 到手金额 × 360 ÷ 天数"}


def _apr_section(a: Analysis) -> dict[str, Any] | None:
    """The dated cash flows behind the APR (中国人民银行公告〔2021〕第3号), for a judge to re-run."""
    apr = a.rate.apr
    if apr is None or not apr.flows:
        return None
    rows = [{"date": f.date.isoformat(), "what": ("收到借款（实际到手）" if receipt_recorded(a.case.loan) else "收到借款（按合同金额）")
             if n == 0 else "按合同应还本息及费用",
             "received": money_text(f.amount) if f.amount > 0 else "", "paid": money_text(-f.amount) if f.amount < 0 else ""}
            for n, f in enumerate(apr.flows)]
    result = f"按上表现金流，综合年化利率 = {_FLOW_CN[apr.method]} = {pct_text(apr.apr)}"
    if apr.method == "monthly":
        result += f"（月内部收益率 {pct_text(apr.apr / 12, 4)}，可用电子表格 IRR 函数按月复核）"
    elif apr.method == "daily":
        i_d = apr.apr / 360
        xirr = Decimal(repr((1 + float(i_d)) ** 365 - 1))
        result += (f"（日内部收益率 {pct_text(i_d, 6)}；可用电子表格 XIRR 函数复核：XIRR 按 365 天复利，本表为 "
                   f"{pct_text(xirr)}，日内部收益率 = (1 + XIRR)^(1/365) − 1）")
    compound = {"monthly": "(1 + 月内部收益率)^12 − 1", "daily": "(1 + 日内部收益率)^360 − 1",
                "single": "(还款总额 ÷ 到手金额)^(360 ÷ 天数) − 1"}[apr.method]
    return {"heading": "四、综合年化利率的计算", "rows": rows,
            "result": f"{result}；复利口径 = {compound} = {pct_text(apr.apr_compound)}。"}


def _alt_section(a: Analysis, after_apr: bool) -> dict[str, Any] | None:
    """The ledger of the private-lending caps, when the answer argues that figure first."""
    if not argues_alternative(a):
        return None
    alt = a.alternative
    lg = alt.ledger
    method = (f"如适用民间借贷的利率保护标准（{cap_text(alt.cap)}），{_ledger_principal(a, lg)}，"
              f"按同样方法计至 {date_text(lg.stop)}：本金 {money_text(lg.lawful_principal)} 元，利息 "
              f"{money_text(lg.lawful_interest)} 元，合计 {money_text(lg.lawful_total)} 元。")
    heading = ("五" if after_apr else "四") + "、按民间借贷利率保护标准的计算"
    return {"heading": heading, "method": method, "rows": _ledger_rows(lg)}


_LINE_CN = {"principal": "本金", "interest": "利息", "penalty": "罚息（复利、违约金）", "fees": "其他费用"}


def _not_above_text(lines) -> str:
    """The sentence naming the lines whose claim is not above the lawful amount ("" when none)."""
    named = [_LINE_CN[k] for k in _LINE_CN if lines[k].not_above]
    if not named:
        return ""
    return (f"{'、'.join(named)}{'一项' if len(named) == 1 else '各项'}原告主张的数额不高于依法计算的数额，按原告主张的数额计"
            "（不超出原告的诉讼请求）。")


# ---------------------------------------------------------------------------------------------
# 管辖权异议申请书


def objection_context(a: Analysis) -> dict[str, Any]:
    """管辖权异议申请书 (民诉法第130条): only when :attr:`Analysis.objection_warranted`."""
    case, advice = a.case, a.jurisdiction
    d, p = case.defendant, case.plaintiff
    details = "，".join(x for x in (d.gender, f"{date_text(d.birth_date)}出生" if d.birth_date else None, d.ethnicity) if x)
    proper = advice.proper_court or "被告住所地的基层人民法院"
    number = case.court.case_number or "本"
    address = (d.address or "").strip()
    residence = (d.residence or "").strip()
    reasons = read_once([word_part(g, a) for g in objection_grounds(a)])
    return {
        "applicant": {"name": d.name, "details": details, "address": address,
                      "residence": residence if residence != address else "", "phone": d.phone or ""},
        "respondent": {"name": p.name, "address": p.address or "", "representative": p.representative or ""},
        "request": f"请求将{number}案件移送至{proper}审理。",
        "reasons": reasons,
        "closing": f"综上，请求贵院依法裁定将本案移送{proper}审理。",
        "court": case.court.name,
        "signed_date": BLANK_DATE,
    }
