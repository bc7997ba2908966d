"""Clause findings: one per code, texts filled from the hits and the case, basis by the lender's regime."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from respond.checks.clauses import case_facts, clause_findings, clause_rules, find_clauses
from respond.checks.findings import Finding, citations

CORPUS = Path(__file__).resolve().parent / "corpus"


def text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def by_code(findings: list[Finding]) -> dict[str, Finding]:
    return {f.code: f for f in findings}


def test_one_finding_per_code_in_library_order_with_all_clauses_as_evidence():
    hits = find_clauses(text("platform_guarantee"))
    findings = clause_findings(hits)
    order = list(clause_rules())
    assert [f.code for f in findings] == sorted({h.code for h in hits}, key=order.index)
    bundled = by_code(findings)["CLAUSE_BUNDLED_SERVICES"]
    assert [c["article"] for c in bundled.evidence["clauses"]] == ["第二条第1款", "第二条第2款", "第三条第2款"]
    assert bundled.explanation.startswith("合同第二条第1款、第二条第2款、第三条第2款")
    assert bundled.explanation.count("”；“") == 2  # three quotes
    assert bundled.bring  # what to attach


def test_quote_and_article_in_the_argument():
    f = by_code(clause_findings(find_clauses(text("microloan"))))["CLAUSE_UPFRONT_DEDUCTION"]
    assert f.argument.startswith("案涉合同第3.2条约定：“乙方同意并不可撤销地授权甲方在放款时直接从借款本金中一次性扣除前述服务费")
    assert "《中华人民共和国民法典》第670条" in f.argument


def test_unnumbered_clause_is_called_the_relevant_clause():
    f = clause_findings(find_clauses(None, ["甲方有权将债权转让给第三方，无需通知乙方。"]))[0]
    assert "合同有关条款约定" in f.explanation


def test_long_sentences_are_cut_in_the_text_but_whole_in_the_evidence():
    long = "甲方有权宣布全部借款提前到期，" + "并要求乙方承担相应责任，" * 30 + "乙方应立即偿还。"
    f = clause_findings(find_clauses(long))[0]
    assert "……”" in f.explanation
    assert f.evidence["clauses"][0]["sentence"] == long


@pytest.mark.parametrize("regime, has, lacks, words", [
    ("financial", "finjud_2", "mj_29", "24%"),
    ("local_financial", "finjud_2", "mj_29", "24%"),
    ("private", "mj_29", "finjud_2", "四倍"),
])
def test_cap_and_basis_follow_the_regime(regime, has, lacks, words):
    f = by_code(clause_findings(find_clauses(text("microloan")), {"regime": regime}))["CLAUSE_STACKED_CHARGES"]
    assert citations()[has].cite in f.basis and citations()[lacks].cite not in f.basis
    assert words in f.explanation and words in f.argument


def test_unknown_regime_cites_both_caps():
    f = by_code(clause_findings(find_clauses(text("microloan"))))["CLAUSE_HIGH_PENALTY"]
    assert citations()["finjud_2"].cite in f.basis and citations()["mj_29"].cite in f.basis
    assert "24%" in f.explanation and "四倍" in f.explanation


def test_every_rule_and_variant_fills_and_cites_only_the_index():
    index_cites = {c.cite for c in citations().values()}
    facts = {"court": "重庆市渝北区人民法院", "defendant_address": "浙江省杭州市西湖区文三路100号"}
    real = Path(__file__).resolve().parent / "real"
    all_hits = [h for name in ("platform_guarantee", "microloan", "company_loan", "consumer_finance")
                for h in find_clauses(text(name))]
    all_hits += [h for p in sorted(real.glob("*.txt")) for h in find_clauses(p.read_text(encoding="utf-8"))]
    findings = clause_findings(all_hits, facts)
    assert {f.code for f in findings} == set(clause_rules())
    for f in findings:
        assert set(f.basis) <= index_cites
        for t in (f.explanation, f.argument):
            # every placeholder of the library's texts is filled; the contract's own quoted words may
            # still hold its template fields (${borrowerName!}, {{guarantorAmt}})
            assert not re.search(r"(?<![{$])\{[a-z_]+\}(?!\})", t), t


JURIS = "第九条 协商不成的，由甲方住所地人民法院管辖。"


def test_jurisdiction_finding_objection_variant():
    f = clause_findings(find_clauses(JURIS), {"court": "重庆市渝北区人民法院",
                                               "defendant_address": "浙江省杭州市西湖区文三路100号",
                                               "plaintiff_address": "北京市朝阳区某某路1号"})[0]
    assert "管辖权异议" in f.explanation
    assert "浙江省杭州市西湖区人民法院（被告住所地的基层人民法院）" in f.argument
    assert f.evidence["jurisdiction"]["objection_warranted"] is True


def test_jurisdiction_finding_at_domicile_has_no_argument():
    f = clause_findings(find_clauses(JURIS), {"court": "杭州市西湖区人民法院",
                                               "defendant_address": "浙江省杭州市西湖区"})[0]
    assert f.argument == ""
    assert "没有实际影响" in f.explanation


def test_jurisdiction_finding_unknown_and_without_court():
    f = clause_findings(find_clauses(JURIS), {"court": "杭州市西湖区人民法院"})[0]
    assert "无法判断" in f.explanation and f.argument
    g = clause_findings(find_clauses(JURIS))[0]
    assert "请核对起诉您的法院是否在您的住所地" in g.explanation


def test_e_service_is_information_without_argument():
    f = by_code(clause_findings(find_clauses(text("bank_consumer_loan"))))["CLAUSE_E_SERVICE"]
    assert f.severity == "info" and f.argument == ""
    assert citations()["olr_29"].cite in f.basis


def test_case_facts_from_a_case_file():
    class Obj:
        def __init__(self, **kw):
            self.__dict__.update(kw)

    case = Obj(court=Obj(name="某法院"), defendant=Obj(address="甲地", residence=None), plaintiff=Obj(address="乙地"))
    assert case_facts(case, "private") == {"regime": "private", "court": "某法院", "defendant_address": "甲地",
                                           "defendant_residence": None, "plaintiff_address": "乙地"}


def test_facts_may_fill_extra_placeholders_without_breaking_the_library_texts():
    findings = clause_findings(find_clauses(text("personal_iou")), {"regime": "private", "unused": "x"})
    assert [f.code for f in findings] == ["CLAUSE_STACKED_CHARGES", "CLAUSE_ACCELERATION", "CLAUSE_HIGH_PENALTY",
                                         "CLAUSE_COLLECTION_COSTS"]


def test_jurisdiction_objection_quotes_the_clause_once():
    f = clause_findings(find_clauses(JURIS), {"court": "重庆市渝北区人民法院",
                                               "defendant_address": "浙江省杭州市西湖区"})[0]
    assert f.explanation.count("由甲方住所地人民法院管辖") == 1
    assert "勾选框、弹窗" in f.explanation
