"""``respond rules CODE`` names where the code decides the rule and places it in the answer."""

from click.testing import CliRunner

from respond.checks.findings import all_rules, engine_rules
from respond.cli.main import main
from respond.cli.sources import answer_sites, deciding_sites


def rules(code):
    r = CliRunner().invoke(main, ["rules", code])
    assert r.exit_code == 0, r.output
    return r.output


def test_rate_above_cap_is_decided_in_defenses_and_argued_in_positions():
    out = rules("RATE_ABOVE_CAP")
    assert "checks/defenses.py：rate_above_cap()" in out
    assert "checks/positions.py：_interest()" in out
    # the cap's basis the code adds by lender (CAP_BASIS), beyond the catalogue's
    assert "代码另外引用的依据" in out and "第31条" in out


def test_every_engine_rule_has_a_deciding_function():
    for code in engine_rules():
        assert deciding_sites(code), code


def test_clause_rules_point_to_the_clause_library():
    out = rules("CLAUSE_HIGH_PENALTY")
    assert "find_clauses()" in out
    assert any(s.function == "_interest" for s in answer_sites("CLAUSE_HIGH_PENALTY"))


def test_a_rule_the_answer_does_not_argue_has_no_answer_site():
    assert "答辩状中的位置" not in rules("RATE_ABOVE_36")
    assert set(all_rules()) >= {"RATE_ABOVE_36"}
