"""rules.md §7–§8: each finding has a case that triggers it and one that does not."""

import json
import re
import string
from pathlib import Path

import pytest

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
    "OVERPAID": (
        dict(loan={"rate": {"annual": 0.40}, "payments": [{"date": "2024-04-15", "amount": "12000"}]}),
        dict(loan={"rate": {"annual": 0.40}, "payments": [{"date": "2024-04-15", "amount": "1000"}]})),
    "LENDER_UNLICENSED": (dict(plaintiff={"name": "深圳某某网络科技有限公司"}), dict()),
    "ASSIGNED_DEBT": (dict(plaintiff={"name": "深圳某某资产管理有限公司"}, loan={"lender": "某某银行股份有限公司"}),
                      dict(loan={"lender": "某某银行股份有限公司"})),
    "ASSIGNEE_LICENCE_UNVERIFIED": (dict(plaintiff={"name": "深圳某某资产管理有限公司"}, loan={"lender": "某某银行股份有限公司"}),
                                    dict(plaintiff={"name": "中国长城资产管理股份有限公司"}, loan={"lender": "某某银行股份有限公司"})),
    "GUARANTOR_RECOURSE": (dict(plaintiff={"name": "平安普惠融资担保有限公司"}, loan={"lender": "平安消费金融有限公司"}), dict()),
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
    from respond.templates.context import other_notes

    a = run(loan={"rate": {"annual": 0.30}})
    f = next(f for f in a.findings if f.code == "RATE_ABOVE_CAP")
    assert "《最高人民法院关于进一步加强金融审判工作的若干意见》第2条" in f.basis
    assert a.alternative is not None and a.alternative.kind == "private_caps"
    assert a.alternative.lawful_total < a.amounts.lawful_total
    assert "各地法院做法不一" in other_notes(a)


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


def test_printed_basis_strings_come_from_the_index():
    printed = {c.cite for c in citations().values()}
    a = run(loan={"rate": {"annual": 0.40}, "upfront_deductions": [{"name": "服务费", "amount": "500"}]},
            plaintiff={"name": "深圳某某资产管理有限公司"}, court={"filed_on": "2028-06-01"},
            service={"date": "2028-06-10", "method": "public_notice"}, today="2028-08-30")
    for f in a.findings:
        for b in f.basis:
            assert b in printed, b


def test_catalogue_placeholders_are_known_names():
    """Each placeholder in a rule's texts is a plain name (a typo would break at run time)."""
    for rule in engine_rules().values():
        for text in rule.texts.values():
            for _, name, spec, _ in string.Formatter().parse(text):
                if name:
                    assert re.fullmatch(r"[a-z_0-9]+", name), (rule.code, name)
