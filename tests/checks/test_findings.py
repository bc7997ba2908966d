"""rules.md §7–§8: each finding has a case that triggers it and one that does not."""

import json
import re
import string
from pathlib import Path

import pytest
from decimal import Decimal

from factories import DELETE, codes, run
from respond.checks.findings import citations, engine_rules

DATA = Path(__file__).resolve().parents[2] / "data"

# (code, overrides that trigger it, overrides that do not)
CASES = {
    "DEADLINE_PASSED": (dict(today="2026-12-01"), dict(today="2026-11-18")),
    "RATE_ABOVE_CAP": (dict(loan={"rate": {"annual": 0.30}}), dict(loan={"rate": {"annual": 0.20}})),
    "RATE_ABOVE_36": (dict(loan={"rate": {"annual": 0.40}}), dict(loan={"rate": {"annual": 0.30}})),
    "FEES_AS_INTEREST": (
        dict(loan={"rate": {"annual": 0.18}, "fees": [{"name": "担保费", "amount": "150", "per_installment": True}]}),
        dict(loan={"rate": {"annual": 0.18}, "fees": [{"name": "担保费", "amount": "10", "per_installment": True}]})),
    "UPFRONT_DEDUCTION": (dict(loan={"upfront_deductions": [{"name": "服务费", "amount": "500"}]}), dict()),
    "PRINCIPAL_ABOVE_SCHEDULE": (  # 6 of 12 instalments of 916.80 paid: about 5,100 left, 9,000 claimed
        dict(loan={"payments": [{"date": f"2024-{m:02d}-15", "amount": "916.80"} for m in range(4, 10)]}),
        dict(loan={"payments": [{"date": "2024-04-15", "amount": "916.80"}]})),
    "OVERPAID": (
        dict(loan={"rate": {"annual": 0.40}, "payments": [{"date": "2024-04-15", "amount": "12000"}]}),
        dict(loan={"rate": {"annual": 0.40}, "payments": [{"date": "2024-04-15", "amount": "1000"}]})),
    "LENDER_UNLICENSED": (dict(plaintiff={"name": "深圳某某网络科技有限公司"}), dict()),
    "ASSIGNED_DEBT": (dict(plaintiff={"name": "深圳某某资产管理有限公司"}, loan={"lender": "某某银行股份有限公司"}),
                      dict(loan={"lender": "某某银行股份有限公司"})),
    "ASSIGNEE_LICENCE_UNVERIFIED": (dict(plaintiff={"name": "深圳某某资产管理有限公司"}, loan={"lender": "某某银行股份有限公司"}),
                                    dict(plaintiff={"name": "中国长城资产管理股份有限公司"}, loan={"lender": "某某银行股份有限公司"})),
    "GUARANTOR_RECOURSE": (dict(plaintiff={"name": "平安普惠融资担保有限公司"}, loan={"lender": "平安消费金融有限公司"}), dict()),
    "CLAIM_ABOVE_CONTRACT": (dict(claims={"interest": "20000.00"}), dict()),
    "CHARGES_ABOVE_CAP": (dict(claims={"penalty": "9000.00"}), dict(claims={"penalty": "100.00"})),
    "PROFESSIONAL_LENDER": (
        dict(plaintiff={"name": "李四", "kind": "individual"}, loan={"professional_lending": {"other_lawsuits": 12}}),
        dict(plaintiff={"name": "李四", "kind": "individual"}, loan={"professional_lending": {"other_lawsuits": 0}})),
    "ROLLOVER_INTEREST": (
        dict(plaintiff={"name": "李四", "kind": "individual"}, claims={"principal": "13000.00"},
             loan={"principal": "13000.00", "rollover": {"original_date": "2023-03-15", "original_principal": "10000.00",
                                                         "folded_interest": "3000.00"}}),
        dict(plaintiff={"name": "李四", "kind": "individual"}, claims={"principal": "10500.00"},
             loan={"principal": "10500.00", "rollover": {"original_date": "2023-03-15", "original_principal": "10000.00",
                                                         "folded_interest": "500.00"}})),
    # 9,000 in default from 2026-03-15 to 2026-09-30 (199 days): 9,000 × 24% × 199 / 360 = 1,194.00
    "CARD_CHARGES_ABOVE_CAP": (
        dict(case_cause="信用卡纠纷", claims={"penalty": "1000.00"},
             card={"overdue_since": "2026-03-15", "overdue_principal": "9000.00"}),
        dict(case_cause="信用卡纠纷", claims={"penalty": "600.00"},
             card={"overdue_since": "2026-03-15", "overdue_principal": "9000.00"})),
    "LIMITATION": (
        dict(court={"filed_on": "2028-06-01"}, service={"date": "2028-06-10"}, today="2028-06-12"),
        dict(court={"filed_on": "2028-03-01"}, service={"date": "2028-03-10"}, today="2028-03-12")),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_finding_fires(code):
    assert code in codes(run(**CASES[code][0]))


@pytest.mark.parametrize("code", sorted(CASES))
def test_finding_does_not_fire(code):
    assert code not in codes(run(**CASES[code][1]))


def test_every_engine_code_has_trigger_and_miss_cases():
    assert set(engine_rules()) - {"DEADLINE"} == set(CASES)


def test_deadline_always_present_and_first():
    assert codes(run())[0] == "DEADLINE"


def test_limitation_counts_from_the_later_of_last_due_and_last_payment():
    """民法典第189条: from the last installment's due date (2025-03-15); a later payment restarts the count."""
    late_payment = dict(court={"filed_on": "2028-06-01"}, service={"date": "2028-06-10"}, today="2028-06-12",
                        loan={"payments": [{"date": "2025-09-01", "amount": "100"}]})
    assert "LIMITATION" not in codes(run(**late_payment))


def test_limitation_needs_filing_date():
    assert "LIMITATION" not in codes(run(court={"filed_on": DELETE}))


def test_unlicensed_lender_gets_void_contract_alternative():
    """民间借贷规定第13条第(三)项: principal received less payments, interest at most 1 × LPR."""
    a = run(plaintiff={"name": "深圳某某网络科技有限公司"}, loan={"rate": {"annual": 0.20}})
    assert a.alternative is not None and a.alternative.kind == "void_contract"
    assert a.alternative.cap.basis == "lpr1_void"
    f = next(f for f in a.findings if f.code == "LENDER_UNLICENSED")
    assert "资金占用费" in f.argument and "助贷" in f.explanation


def test_financial_regime_argues_24_and_alternative_when_lower():
    """rules.md §3: the answer argues 24% and, when lower, the private-lending alternative (unsettled law)."""
    from respond.checks.formats import money_text
    from respond.templates.context import claim_items

    a = run(loan={"rate": {"annual": 0.30}}, claims={"principal": "10000.00", "interest": "9000.00"})
    f = next(f for f in a.findings if f.code == "RATE_ABOVE_CAP")
    assert "《最高人民法院关于进一步加强金融审判工作的若干意见》第2条" in f.basis
    assert a.alternative is not None and a.alternative.kind == "private_caps"
    assert a.alternative.lawful_total < a.amounts.lawful_total
    # one item, the lower figure first, then the binding cap as the fallback (issue 10)
    total = claim_items(a)["total"]["text"]
    alt, capped = money_text(a.alternative.lawful_total), money_text(a.amounts.lawful_total)
    assert "各地法院做法不一" in total and total.index(alt) < total.index("即使") < total.index(capped)


def test_no_alternative_when_private_caps_are_not_lower():
    a = run(loan={"rate": {"annual": 0.12}})  # under both 24% and 4 × 3.45% = 13.8%
    assert a.alternative is None


def test_texts_have_no_unfilled_placeholders():
    a = run(loan={"rate": {"annual": 0.40}, "upfront_deductions": [{"name": "服务费", "amount": "500"}],
                  "fees": [{"name": "担保费", "amount": "30", "per_installment": True}]},
            plaintiff={"name": "深圳某某资产管理有限公司"}, today="2026-12-30")
    for f in a.findings:
        for text in (f.explanation, f.argument, f.title):
            assert "{" not in text and "}" not in text, f.code


def test_every_basis_is_in_the_statutes_reference():
    """Every citation the project prints is an entry of the index whose anchor is in statutes.md."""
    text = (DATA / "statutes.md").read_text(encoding="utf-8")
    index = json.loads((DATA / "statutes.json").read_text(encoding="utf-8"))["entries"]
    for entry in index:
        assert entry["anchor"] in text, entry["id"]
    for rule in engine_rules().values():
        for cid in rule.basis:
            assert cid in citations()


def test_every_law_title_is_traceable_to_the_statutes_reference():
    """The printed law title is in statutes.md, or the entry says where it comes from (trace)."""
    text = (DATA / "statutes.md").read_text(encoding="utf-8")
    for entry in json.loads((DATA / "statutes.json").read_text(encoding="utf-8"))["entries"]:
        title = re.sub(r"（[^）]*号）$", "", entry["law"])
        if title in text:
            assert "trace" not in entry, entry["id"]  # a trace where none is needed hides a typo
            continue
        assert entry.get("trace") and entry.get("trace_note"), entry["id"]
        for passage in entry["trace"]:
            assert passage in text, (entry["id"], passage)


def test_every_rule_basis_id_is_in_the_index():
    for rule in engine_rules().values():
        for cid in (*rule.basis, *rule.extra.get("basis_financial", ()), *rule.extra.get("basis_private", ())):
            assert cid in citations(), (rule.code, cid)


def test_arguments_cite_the_laws_of_their_basis():
    """Each law a finding lists in ``basis`` is named in its argument where the argument cites."""
    a = run(loan={"rate": {"annual": 0.40}, "upfront_deductions": [{"name": "服务费", "amount": "500"}]},
            plaintiff={"name": "深圳某某资产管理有限公司"}, court={"filed_on": "2028-06-01"},
            service={"date": "2028-06-10", "method": "public_notice"}, today="2028-08-30")
    laws = {c.cite: c.law for c in citations().values()}
    checked = 0
    for f in a.findings:
        if "依据" not in f.argument:
            continue
        for b in f.basis:
            assert laws[b] in f.argument, (f.code, b)
            checked += 1
    assert checked >= 5


def _basis(a, code):
    return next(f.basis for f in a.findings if f.code == code)


def test_fees_as_interest_cites_by_regime():
    """FEES_AS_INTEREST: 九民纪要第51条 and the 24% rule for a bank; 民间借贷规定第29条 for a private loan."""
    fees = [{"name": "服务费", "amount": "150", "per_installment": True}]
    bank = _basis(run(loan={"rate": {"annual": 0.18}, "fees": fees}), "FEES_AS_INTEREST")
    assert any("第51条" in b for b in bank) and any("金融审判" in b for b in bank)
    assert not any("民间借贷" in b for b in bank)
    private = _basis(run(plaintiff={"name": "李四", "kind": "individual"},
                         loan={"rate": {"annual": 0.12}, "fees": fees}), "FEES_AS_INTEREST")
    assert any("民间借贷" in b and "第29条" in b for b in private)
    assert not any("第51条" in b or "金融审判" in b for b in private)


def test_interest_taken_up_front_is_not_a_fee():
    """砍头息 alone is UPFRONT_DEDUCTION, not FEES_AS_INTEREST."""
    a = run(loan={"rate": {"annual": 0.18}, "upfront_deductions": [{"name": "预扣利息", "amount": "1500"}]})
    assert "UPFRONT_DEDUCTION" in codes(a) and a.rate.exceeds_cap
    assert "FEES_AS_INTEREST" not in codes(a)


def test_overpaid_cites_the_cap_applied():
    pay = {"payments": [{"date": "2024-04-15", "amount": "12000"}]}
    bank = _basis(run(loan={"rate": {"annual": 0.40}, **pay}), "OVERPAID")
    assert any("金融审判" in b for b in bank) and not any("民间借贷" in b for b in bank)
    private = _basis(run(plaintiff={"name": "李四", "kind": "individual"}, loan={"rate": {"annual": 0.40}, **pay}),
                     "OVERPAID")
    assert any("民间借贷" in b and "第25条" in b for b in private) and not any("金融审判" in b for b in private)


def test_catalogue_placeholders_are_known_names():
    """Each placeholder in a rule's texts is a plain name (a typo would break at run time)."""
    for rule in engine_rules().values():
        for text in rule.texts.values():
            for _, name, spec, _ in string.Formatter().parse(text):
                if name:
                    assert re.fullmatch(r"[a-z_0-9]+", name), (rule.code, name)


# ASSIGNED_DEBT (rules.md §7): whoever the file names as the original lender, and debt buyers by category

@pytest.mark.parametrize("over", [
    dict(plaintiff={"name": "中国长城资产管理股份有限公司"}),  # a national AMC never lent to a consumer
    dict(plaintiff={"name": "深圳某某资产管理有限公司"}, assignment={"from": "招联消费金融股份有限公司", "notified": False}),
    dict(plaintiff={"name": "某某商务咨询有限公司"}, assignment={"date": "2025-12-01"}),
])
def test_assigned_debt_without_loan_lender(over):
    assert "ASSIGNED_DEBT" in codes(run(**over))


def test_assignment_from_is_the_original_lender():
    """The regime follows assignment.from when loan.lender is not given (rules.md §2)."""
    a = run(plaintiff={"name": "深圳某某资产管理有限公司"}, assignment={"from": "招联消费金融股份有限公司", "notified": False})
    assert a.lender.regime == "financial" and a.lender.lender.category == "consumer_finance"
    f = next(f for f in a.findings if f.code == "ASSIGNED_DEBT")
    assert "招联消费金融股份有限公司" in f.argument and "从未收到债权转让通知" in f.argument


def test_unknown_original_lender_is_not_invented():
    a = run(plaintiff={"name": "中国长城资产管理股份有限公司"})
    f = next(f for f in a.findings if f.code == "ASSIGNED_DEBT")
    assert f.evidence["original_lender"] is None and "原出借人为" not in f.argument
    assert "loan.lender" in f.explanation


def test_a_branch_is_not_another_lender():
    a = run(plaintiff={"name": "某某银行股份有限公司上海分行"}, loan={"lender": "某某银行股份有限公司"})
    assert "ASSIGNED_DEBT" not in codes(a)
    assert "ASSIGNED_DEBT" in codes(run(plaintiff={"name": "某某银行股份有限公司上海分行"},
                                        loan={"lender": "另一银行股份有限公司"}))


# The cap compared at the printed precision (0.01%)

@pytest.mark.parametrize("method", ["equal_installment", "interest_first"])
def test_a_loan_priced_at_the_cap_is_not_above_it(method):
    """A bank loan at 24%: cent rounding of the instalments puts the IRR a few millionths above 24%."""
    a = run(loan={"rate": {"annual": 0.24}, "method": method})
    assert a.rate.apr.apr >= Decimal("0.24")  # the raw IRR is not below the cap …
    assert a.rate.exceeds_cap is False and "RATE_ABOVE_CAP" not in codes(a) and not a.amounts.recomputed


def test_a_private_loan_at_four_times_lpr_is_not_above_it():
    a = run(plaintiff={"name": "李四", "kind": "individual"}, loan={"rate": {"annual": 0.138}})
    assert a.rate.binding_cap == Decimal("0.138") and a.rate.exceeds_cap is False


def test_a_hundredth_of_a_percent_above_the_cap_is_above_it():
    a = run(loan={"rate": {"annual": 0.2402}})
    assert a.rate.exceeds_cap is True and "RATE_ABOVE_CAP" in codes(a)


# Transition cap with its second part unknown (no filing date): decide on the known part, never crash

def test_private_pre_2020_loan_without_filing_date_above_24():
    a = run(plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": DELETE},
            loan={"contract_date": "2019-03-10", "rate": {"annual": 0.30},
                  "fees": [{"name": "服务费", "amount": "20", "per_installment": True}]},
            claims={"as_of": "2021-09-15"}, service={"date": "2021-11-10"}, today="2021-11-12")
    assert a.rate.binding_cap is None and a.rate.exceeds_cap is True
    assert "RATE_ABOVE_CAP" in codes(a)
    assert any("立案日" in w for w in a.warnings)


# A figure left null says why (report.md)

def test_no_alternative_without_filing_date_says_why():
    a = run(plaintiff={"name": "某某消费金融有限公司"}, court={"filed_on": DELETE},
            loan={"contract_date": "2018-01-06", "rate": {"annual": 0.30}},
            claims={"as_of": "2020-09-15"}, service={"date": "2020-10-10"}, today="2020-10-12")
    assert a.alternative is None
    assert any("另一种算法" in w and "court.filed_on" in w for w in a.warnings)


def test_limitation_without_a_schedule_says_why():
    a = run(loan={"rate": DELETE, "method": DELETE})
    assert "LIMITATION" not in codes(a)
    assert any("诉讼时效" in w and "还款计划" in w for w in a.warnings)


def test_a_dated_fee_not_among_the_payments_is_flagged():
    fee = {"fees": [{"name": "会员费", "amount": "199", "date": "2024-03-20"}]}
    a = run(loan=fee)
    assert any("会员费" in w and "loan.payments" in w for w in a.warnings)
    paid = run(loan={**fee, "payments": [{"date": "2024-03-20", "amount": "199"}]})
    assert not any("会员费" in w and "loan.payments" in w for w in paid.warnings)


def test_a_2019_loan_at_24_percent_exceeds_only_the_cap_from_2020_08_20():
    """rules.md §3 transition: 24% is not above the 24% part; the finding names the part exceeded."""
    a = run(plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": "2022-06-15"},
            service={"date": "2022-06-20"}, claims={"as_of": "2022-06-15"}, today="2022-06-25",
            loan={"contract_date": "2019-12-01", "rate": {"annual": 0.24}, "term_months": 36})
    f = next(f for f in a.findings if f.code == "RATE_ABOVE_CAP")
    assert "超过2020年8月20日起适用的上限" in f.argument and "14.80%" in f.argument
    assert "超过年利率 24%" not in f.argument


def test_the_36_percent_line_cites_illegal_lending_only_for_private_lenders():
    bank = _basis(run(loan={"rate": {"annual": 0.40}}), "RATE_ABOVE_36")
    assert not any("非法放贷" in b for b in bank) and any("现金贷" in b for b in bank)
    company = _basis(run(plaintiff={"name": "杭州某某商贸有限公司", "kind": "company"}, loan={"rate": {"annual": 0.40}}),
                     "RATE_ABOVE_36")
    assert any("非法放贷" in b for b in company)
    lending = {"professional_lending": {"other_lawsuits": 12, "advertised": True}}
    professional = _basis(run(plaintiff={"name": "李四", "kind": "individual"},
                              loan={"rate": {"annual": 0.40}, **lending}), "RATE_ABOVE_36")
    assert any("非法放贷" in b for b in professional)


def test_the_36_percent_line_is_not_raised_against_one_individual_without_lending_facts():
    """issue 10: no criminal-lending paragraph against one private individual with no facts."""
    a = run(plaintiff={"name": "李四", "kind": "individual"}, loan={"rate": {"annual": 0.40}})
    assert a.lender.regime == "private" and "RATE_ABOVE_36" not in {f.code for f in a.findings}


def test_limitation_does_not_cite_the_article_that_interrupts_it():
    """民法典第195条 lists what interrupts the period: it helps the plaintiff, so it is a warning in
    the explanation, not a basis of the defense."""
    a = run(court={"filed_on": "2028-06-01"}, service={"date": "2028-06-10"}, today="2028-06-12")
    basis = _basis(a, "LIMITATION")
    assert any("第192条" in b for b in basis) and not any("第195条" in b for b in basis)


def test_principal_above_schedule_figures():
    """6 instalments covered: the outstanding principal is the schedule's last 6 principals."""
    pays = [{"date": f"2024-{m:02d}-15", "amount": "916.80"} for m in range(4, 10)]
    a = run(loan={"payments": pays})
    rest = sum(i.principal for i in a.schedule.installments[6:])
    assert a.standing.installments_covered == 6 and a.standing.principal_outstanding == rest
    f = next(f for f in a.findings if f.code == "PRINCIPAL_ABOVE_SCHEDULE")
    assert f.evidence["principal_outstanding"] == float(rest) and "前 6 期" in f.argument
    # a dated one-off fee paid on its day is not an instalment
    fee = run(loan={"payments": [{"date": "2024-03-20", "amount": "199"}] + pays,
                    "fees": [{"name": "会员费", "amount": "199", "date": "2024-03-20"}]})
    assert fee.standing.installments_covered == 6


def test_dates_after_today_are_flagged():
    a = run(today="2026-11-01")  # BASE: served 2026-11-03
    assert any("service.date" in w and "晚于今天" in w for w in a.warnings)
    assert not any("晚于今天" in w for w in run().warnings)
