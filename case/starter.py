"""``respond init``: a starter case file with every field of case file v1 (shared spec case-file.md)."""

from __future__ import annotations

import json

# Example values of one coherent case (a microloan bought by a debt buyer), so that the starter
# validates and ``respond check`` runs on it as written. Every field of the case file appears (the
# tests compare it with ``respond schema``): a field the user does not know is deleted or set to null.
STARTER = {
    "version": 1,
    "case_cause": "金融借款合同纠纷",
    "court": {"name": "某某市某某区人民法院", "case_number": "（2026）某0000民初00000号", "procedure": "ordinary",
              "filed_on": "2026-10-08", "hearing_at": "2026-12-10T09:30"},
    "service": {"method": "electronic", "date": "2026-11-03", "answer_days": None, "evidence_due": None},
    "plaintiff": {"name": "某某资产管理有限公司", "kind": None, "credit_code": "", "address": "", "representative": ""},
    "defendant": {"name": "张三", "id_number": "", "gender": "男", "birth_date": "1990-01-01", "ethnicity": "汉族",
                  "address": "", "residence": "", "phone": "", "domicile_in_china": True},
    "claims": {"as_of": "2026-09-30", "principal": "9233.20", "interest": "1530.20", "penalty": "5200.00",
               "fees": "495.00", "legal_costs": "1500.00", "until_paid": True, "accelerate": True},
    "loan": {
        "lender": "某某小额贷款有限公司", "product": "", "contract_number": "", "contract_date": "2024-03-15",
        "disbursed_on": "2024-03-15", "principal": "10000.00",
        "upfront_deductions": [{"name": "服务费", "amount": "1000.00"}],
        "rate": {"annual": 0.18, "monthly": None, "daily": None},
        "overdue_rate": {"annual": 0.27, "monthly": None, "daily": None},
        "term_months": 12, "term_days": None,
        "method": "equal_installment",
        "fees": [{"name": "担保费", "amount": "45.00", "per_installment": True, "date": None},
                 {"name": "会员费", "amount": "199.00", "per_installment": False, "date": "2024-03-20"}],
        "schedule": [
        {"due": "2024-04-15", "principal": "766.80", "interest": "150.00", "fees": "45.00"},
        {"due": "2024-05-15", "principal": "778.30", "interest": "138.50", "fees": "45.00"},
        {"due": "2024-06-15", "principal": "789.98", "interest": "126.82", "fees": "45.00"},
        {"due": "2024-07-15", "principal": "801.83", "interest": "114.97", "fees": "45.00"},
        {"due": "2024-08-15", "principal": "813.85", "interest": "102.95", "fees": "45.00"},
        {"due": "2024-09-15", "principal": "826.06", "interest": "90.74", "fees": "45.00"},
        {"due": "2024-10-15", "principal": "838.45", "interest": "78.35", "fees": "45.00"},
        {"due": "2024-11-15", "principal": "851.03", "interest": "65.77", "fees": "45.00"},
        {"due": "2024-12-15", "principal": "863.79", "interest": "53.01", "fees": "45.00"},
        {"due": "2025-01-15", "principal": "876.75", "interest": "40.05", "fees": "45.00"},
        {"due": "2025-02-15", "principal": "889.90", "interest": "26.90", "fees": "45.00"},
        {"due": "2025-03-15", "principal": "903.26", "interest": "13.55", "fees": "45.00"},
        ],
        "payments": [{"date": "2024-03-20", "amount": "199.00"}, {"date": "2024-04-15", "amount": "961.80"}],
        "contract_text": None, "clauses": None,
        "penalty": {"amount": None, "share": None, "rate": {"annual": None, "monthly": None, "daily": 0.0005},
                    "base": "overdue_principal"},
        "compound_interest": False, "accelerated_on": "2026-09-30",
        "professional_lending": {"other_lawsuits": None, "other_borrowers": None, "advertised": False, "facts": ""},
        "rollover": None,
    },
    "assignment": {"from": "某某小额贷款有限公司", "date": "2025-12-01", "notified": False},
    "wishes": {"mediation": True, "monthly": "500.00"},
    "card": None,
    "recourse": None,
    "notes": {"说明": "这是 respond init 生成的模板：把示例值换成应诉材料上的内容；不知道的字段可以删除或写 null。"
                      "金额写成字符串（\"12345.67\"），利率写成小数（0.18 表示 18%），日期写成 YYYY-MM-DD。"
                      "利率（rate、overdue_rate）只填 annual、monthly、daily 中的一个；按期数还款填 term_months，"
                      "到期一次还本付息可改填 term_days。不知道合同的还款计划就删除 loan.schedule（程序会按利率、"
                      "期数和还款方式生成）。原告就是原出借人、没有受让债权的，删除整个 assignment。"
                      "合同没有违约金条款的删除 loan.penalty；只有出借人是个人或普通公司、并且知道它向很多人放贷时，"
                      "才填写 loan.professional_lending；借条是把以前的借款连本带息重新写成的，才填写 loan.rollover"
                      "（original_date 最初借款日、original_principal 最初本金、folded_interest 计入新本金的利息）。"
                      "信用卡纠纷才填写 card（overdue_since 首次逾期的到期还款日、overdue_principal 当日的透支本金）；"
                      "原告是担保公司或保险公司、替您还款后追偿的，填写 recourse（paid_on 代偿或理赔日、amount 金额）。"},
}


STARTER_CASE_NUMBER = STARTER["court"]["case_number"]
NOT_FILLED_IN = (f"这是 respond init 写的示例案件文件，示例内容还没有换成您的案件（court.case_number 仍是"
                 f"“{STARTER_CASE_NUMBER}”）：请按法院文书逐项改成您自己的案件后再生成答辩材料")


def is_unfilled_starter(case) -> bool:
    """The starter's placeholder case number is still there: its sample values are not the user's case."""
    return case.court.case_number == STARTER_CASE_NUMBER


def starter_case_json() -> str:
    return json.dumps(STARTER, ensure_ascii=False, indent=2) + "\n"
