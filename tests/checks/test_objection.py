"""checks/objection.py: which grounds the 管辖权异议申请书 argues, each with a case that has it and
one that does not."""

from factories import run
from respond.checks.objection import objection_grounds

AWAY = {"court": {"name": "重庆市渝北区人民法院"}, "plaintiff": {"name": "某某银行股份有限公司", "address": "北京市朝阳区某某路1号"},
        "loan": {"clauses": ["第七条 因本合同发生的争议，双方同意提交重庆市渝北区人民法院管辖。"]}}


def keys(a):
    return [p.key for p in objection_grounds(a)]


def test_agreed_court_unconnected_to_either_party():
    a = run(today="2026-11-10", **AWAY)
    assert a.objection_warranted
    assert keys(a) == ["objection.domicile", "objection.clause_void", "objection.no_connection",
                       "objection.performance_place", "objection.in_time"]


def test_no_clause_no_clause_grounds():
    """Only a clause is assessed today (checks/analyse.py), so this objection is not drafted; the
    grounds it would have keep to what the file shows."""
    a = run(today="2026-11-10", court=AWAY["court"], plaintiff=AWAY["plaintiff"], loan={"clauses": ["第七条 本合同自签署之日起生效。"]})
    assert not a.objection_warranted
    assert keys(a) == ["objection.domicile", "objection.performance_place", "objection.in_time"]


def test_without_the_plaintiff_address_neither_connection_nor_performance_place():
    a = run(today="2026-11-10", court=AWAY["court"], plaintiff={"name": "某某银行股份有限公司"}, loan=AWAY["loan"])
    assert keys(a) == ["objection.domicile", "objection.clause_void", "objection.in_time"]


def test_the_contract_notice_wording_is_answered():
    a = run(today="2026-11-10", **{**AWAY, "loan": {"clauses": ["第七条 争议提交重庆市渝北区人民法院管辖。本条已以加粗字体提示。"]}})
    assert "objection.clause_void_notice" in keys(a)


def test_after_the_answer_period_it_is_not_said_to_be_in_time():
    a = run(today="2026-12-31", **AWAY)
    assert a.deadline.days_left < 0
    assert "objection.in_time" not in keys(a)
