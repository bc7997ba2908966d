"""``respond init``: a starter case file with every field of case file v1 (shared spec case-file.md)."""

from __future__ import annotations

import json

STARTER = {
    "version": 1,
    "case_cause": "金融借款合同纠纷",
    "court": {"name": "某某市某某区人民法院", "case_number": "（2026）某0000民初00000号", "procedure": "ordinary",
              "filed_on": "2026-10-08", "hearing_at": "2026-12-10T09:30"},
    "service": {"method": "electronic", "date": "2026-11-03", "answer_days": None, "evidence_due": None},
    "plaintiff": {"name": "某某小额贷款有限公司", "kind": None, "credit_code": "", "address": "", "representative": ""},
    "defendant": {"name": "张三", "id_number": "", "gender": "男", "birth_date": "1990-01-01", "ethnicity": "汉族",
                  "address": "", "residence": "", "phone": "", "domicile_in_china": True},
    "claims": {"as_of": "2026-09-30", "principal": "9000.00", "interest": "1530.20", "penalty": "600.00",
               "fees": "200.00", "legal_costs": "1500.00", "until_paid": True, "accelerate": True},
    "loan": {"lender": "某某小额贷款有限公司", "product": "", "contract_number": "", "contract_date": "2024-03-15",
             "disbursed_on": "2024-03-15", "principal": "10000.00",
             "upfront_deductions": [{"name": "服务费", "amount": "1000.00"}],
             "rate": {"annual": 0.18}, "overdue_rate": {"annual": 0.27}, "term_months": 12,
             "method": "equal_installment",
             "fees": [{"name": "担保费", "amount": "45.00", "per_installment": True},
                      {"name": "会员费", "amount": "199.00", "date": "2024-03-20"}],
             "schedule": None,
             "payments": [{"date": "2024-04-15", "amount": "978.00"}],
             "contract_text": None, "clauses": None},
    "assignment": None,
    "notes": {"说明": "这是 respond init 生成的模板：把示例值换成应诉材料上的内容；不知道的字段可以删除或写 null。"
                      "金额写成字符串（\"12345.67\"），利率写成小数（0.18 表示 18%），日期写成 YYYY-MM-DD。"},
}


def starter_case_json() -> str:
    return json.dumps(STARTER, ensure_ascii=False, indent=2) + "\n"
