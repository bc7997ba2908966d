"""Sample rendering contexts: the contract between the case analysis and the templates.

The context builder must produce exactly these keys (``respond.templates.forms.context_paths``
lists them as dotted paths; ``test_contract`` checks that these samples match it). Every value is
an already formatted string, except the flags ``objection``, ``agreed`` (neither: 请核对), ``agent.present`` and
``service.electronic_chosen``, ``service.electronic`` (bool) and the lists ``evidence`` (of str) and ``annex.rows`` (of dicts).

Top level:
    case_cause, court, case_number, signed_date        str
    defendant{name, gender, birth_date, ethnicity, employer, position, phone, domicile, residence}
    plaintiff{name, credit_code, address, representative}
    agent{present: bool, name, org, position, phone, authority}
    service{address, recipient, phone, electronic_chosen: bool, electronic: bool, electronic_method}
    d{<claim key>: {objection: bool, agreed: bool, text}}             答辩事项, keys from forms.<FORM>.claims
    f{<fact key>: {objection: bool, agreed: bool, text}}              事实和理由, keys from forms.<FORM>.facts
    basis_contract, basis_law, other_notes              str
    evidence                                            list[str]
    annex{method, note, summary{as_of, <line>_claimed|_lawful|_diff, total_*_upper}, rows[{…}]}
"""

from __future__ import annotations

import copy
from typing import Any

from respond.templates.forms import FINANCIAL, PRIVATE, Form

_DEFENDANT = {
    "name": "张三",
    "gender": "男",
    "birth_date": "1990年3月5日",
    "ethnicity": "汉族",
    "employer": "北京某科技有限公司",
    "position": "职员",
    "phone": "13800000000",
    "domicile": "河南省郑州市金水区某路1号",
    "residence": "北京市朝阳区某街道2号院3号楼",
}

_AGENT_NONE = {"present": False, "name": "", "org": "", "position": "", "phone": "", "authority": ""}

_SERVICE = {
    "address": "北京市朝阳区某街道2号院3号楼101室",
    "recipient": "张三",
    "phone": "13800000000",
    "electronic_chosen": True,
    "electronic": True,
    "electronic_method": "短信：13800000000",
}

# Texts per item. Items with an objection carry the defendant's reasons; the others stay empty.
_CLAIM_TEXTS = {
    "principal": "原告主张本金50,000.00元，但实际到账仅45,000.00元，5,000.00元“服务费”在放款时即被扣除，"
                 "本金应以实际出借金额45,000.00元为准（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十六条）。",
    "interest": "原告主张的利息、罚息、复利合计超过合同成立时一年期贷款市场报价利率四倍，超过部分不应支持。",
    "total": "依法计算，截至2026年10月31日尚欠本金38,214.06元、利息1,203.55元，合计39,417.61元，详见附件利息重算表。",
}
_FACT_TEXTS = {
    "amount": "合同约定借款金额50,000.00元，实际到账45,000.00元。",
    "rate": "合同载明年利率7.2%，但另收担保费、服务费，综合年化利率达35.86%。",
    "repayment": "已还款12期，合计12,800.00元。\n最后一次还款日期为2026年3月15日。",
}


def _items(form: Form, group: str, texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    items = form.claims if group == "d" else form.facts
    out = {}
    for i in items:
        stance = "object" if i.key in texts else ("verify" if i.key in _LEFT_OPEN else "agree")
        out[i.key] = {"objection": stance == "object", "agreed": stance == "agree",
                      "text": texts.get(i.key, "")}
    return out


_LEFT_OPEN = ("term", "acceleration")  # 请核对: neither box ticked


_ANNEX = {
    "method": "以实际到账金额45,000.00元为本金，自2025年4月1日起按年利率7.20%逐日计息（一年按360日计），"
              "每笔还款先冲抵已到期利息，再冲抵本金。\n原告收取的服务费、担保费不计入本金。",
    "summary": {
        "as_of": "2026年10月31日",
        "principal_claimed": "50,000.00",
        "principal_lawful": "38,214.06",
        "principal_diff": "11,785.94",
        "interest_claimed": "9,866.40",
        "interest_lawful": "1,203.55",
        "interest_diff": "8,662.85",
        "penalty_claimed": "1,200.00",
        "penalty_lawful": "0.00",
        "penalty_diff": "1,200.00",
        "fees_claimed": "3,000.00",
        "fees_lawful": "0.00",
        "fees_diff": "3,000.00",
        "total_claimed": "62,866.40",
        "total_lawful": "39,417.61",
        "total_diff": "23,448.79",
        "total_claimed_upper": "陆万贰仟捌佰陆拾陆元肆角",
        "total_lawful_upper": "叁万玖仟肆佰壹拾柒元陆角壹分",
        "total_diff_upper": "贰万叁仟肆佰肆拾捌元柒角玖分",
    },
    "rows": [
        {"date": "2025年4月1日", "event": "放款", "days": "0", "rate": "7.20%", "interest": "0.00", "payment": "0.00",
         "to_interest": "0.00", "to_principal": "0.00", "interest_due": "0.00", "balance": "45,000.00"},
        {"date": "2025年5月1日", "event": "还款", "days": "30", "rate": "7.20%", "interest": "270.00", "payment": "1,066.67",
         "to_interest": "270.00", "to_principal": "796.67", "interest_due": "0.00", "balance": "44,203.33"},
        {"date": "2025年6月1日", "event": "还款", "days": "31", "rate": "7.20%", "interest": "274.06", "payment": "1,066.67",
         "to_interest": "274.06", "to_principal": "792.61", "interest_due": "0.00", "balance": "43,410.72"},
    ],
    "note": "说明：本表金额单位为人民币元，按四舍五入保留至分；利率为年利率。",
    "paid": "上表计入答辩人截至 2025年6月1日 的还款 2 笔，合计 2,133.34 元（“还款额”一栏之和）。",
    "apr": {"heading": "四、综合年化利率的计算", "result": "按上表现金流，综合年化利率 = 月内部收益率 × 12 = 7.20%。",
            "rows": [{"date": "2025-04-01", "what": "收到借款（实际到手）", "received": "45,000.00", "paid": ""},
                     {"date": "2025-05-01", "what": "按合同应还本息及费用", "received": "", "paid": "1,066.67"}]},
    "alt": {"heading": "五、按民间借贷利率保护标准的计算", "method": "如适用民间借贷的利率保护标准……",
            "rows": [{"date": "2025年4月1日", "event": "放款", "days": "0", "rate": "13.80%", "interest": "0.00",
                      "payment": "0.00", "to_interest": "0.00", "to_principal": "0.00", "interest_due": "0.00",
                      "balance": "45,000.00"},
                     {"date": "2025年5月1日", "event": "还款", "days": "30", "rate": "13.80%", "interest": "517.50",
                      "payment": "1,066.67", "to_interest": "517.50", "to_principal": "549.17", "interest_due": "0.00",
                      "balance": "44,450.83"}]},
}


def _context(form: Form, case_number: str, plaintiff: str) -> dict[str, Any]:
    return {
        "case_cause": form.cause,
        "court": "北京市朝阳区人民法院",
        "case_number": case_number,
        "defendant": dict(_DEFENDANT),
        "plaintiff": {"name": plaintiff, "credit_code": "", "address": "", "representative": ""},
        "agent": dict(_AGENT_NONE),
        "service": dict(_SERVICE),
        "d": _items(form, "d", _CLAIM_TEXTS),
        "f": _items(form, "f", _FACT_TEXTS),
        "basis_contract": "《个人借款合同》第4.2条、第7.1条",
        "basis_law": "《中华人民共和国民法典》第六百八十条；"
                     "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条、第二十六条",
        "other_notes": "被告从未收到原告的催收通知。",
        "evidence": [
            "银行流水（证明实际到账金额为45,000.00元）",
            "还款记录截图（证明已还款12期，合计12,800.00元）",
            "借款合同及费用页面截图（证明综合年化利率超过法定上限）",
        ],
        "signed_date": "2026年11月18日",
        "annex": copy.deepcopy(_ANNEX),
    }


def financial_context() -> dict[str, Any]:
    """A full context for the 金融借款合同纠纷 form (a fresh copy on each call)."""
    return _context(FINANCIAL, "（2026）京0105民初12345号", "某消费金融有限公司")


def private_context() -> dict[str, Any]:
    """A full context for the 民间借贷纠纷 form (a fresh copy on each call)."""
    ctx = _context(PRIVATE, "（2026）京0105民初23456号", "某网络小额贷款有限公司")
    ctx["agent"] = {
        "present": True,
        "name": "李四",
        "org": "北京某律师事务所",
        "position": "律师",
        "phone": "13900000000",
        "authority": "特别授权",
    }
    ctx["service"]["electronic"] = False
    ctx["service"]["electronic_method"] = ""
    ctx["d"]["litigation_costs"] = {"objection": True, "agreed": False,
                                    "text": "诉讼费应按原告胜诉比例分担。"}
    return ctx


CONTEXTS = {"financial": financial_context, "private": private_context}
