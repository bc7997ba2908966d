"""The CLI as a user meets it: respond check / rules / schema / init, via CliRunner."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import case_dict
from respond.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def runner():
    return CliRunner()


def write(tmp_path, data, name="case.json"):
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(p)


def test_check_json_follows_report_contract(runner):
    r = runner.invoke(main, ["check", "--case", str(EXAMPLES / "microloan-fees.json"), "--format", "json",
                             "--today", "2026-11-21"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert set(report) >= {"version", "case", "deadline", "lender", "rate", "amounts", "alternative", "findings", "warnings"}
    assert report["deadline"]["answer_due"] == "2026-12-01" and report["deadline"]["days_left"] == 10
    assert report["lender"]["regime"] == "local_financial"
    assert report["rate"]["cap_basis"] == "fin_24" and report["rate"]["exceeds_cap"] is True
    assert isinstance(report["amounts"]["lawful_total"], float)
    assert [f["code"] for f in report["findings"]][:2] == ["DEADLINE", "RATE_ABOVE_CAP"]


def test_check_text_summary(runner):
    r = runner.invoke(main, ["check", "--case", str(EXAMPLES / "bank-within-cap.json"), "--today", "2026-11-21"])
    assert r.exit_code == 0
    assert "答辩截止：2026年11月27日" in r.stdout and "未超过上限" in r.stdout


def test_check_day_basis_365_changes_interest(runner, tmp_path):
    path = str(EXAMPLES / "microloan-fees.json")
    a = json.loads(runner.invoke(main, ["check", "--case", path, "--format", "json", "--today", "2026-11-21"]).stdout)
    b = json.loads(runner.invoke(main, ["check", "--case", path, "--format", "json", "--today", "2026-11-21",
                                        "--day-basis", "365"]).stdout)
    assert b["amounts"]["day_basis"] == 365 and b["amounts"]["lawful_interest"] < a["amounts"]["lawful_interest"]


def test_invalid_case_exit_2_no_traceback(runner, tmp_path):
    bad = case_dict(court={"name": ""}, service={"method": "fax"}, loan={"principal": "1.234"})
    r = runner.invoke(main, ["check", "--case", write(tmp_path, bad)])
    assert r.exit_code == 2
    assert "court.name" in r.stderr and "service.method" in r.stderr and "loan.principal" in r.stderr
    assert "Traceback" not in r.output + r.stderr


def test_holiday_override_file(runner, tmp_path):
    """A user's 2027 schedule makes the deadline verified (served 2026-12-20 → 2027-01-04)."""
    case = write(tmp_path, case_dict(service={"date": "2026-12-20"}))
    r = runner.invoke(main, ["check", "--case", case, "--format", "json", "--today", "2026-12-21"])
    assert json.loads(r.stdout)["deadline"]["calendar_verified"] is False
    hol = tmp_path / "h.json"
    hol.write_text(json.dumps({"source": "测试用安排", "years": {"2027": {"holidays": ["2027-01-01"], "workdays": []}}}),
                   encoding="utf-8")
    r = runner.invoke(main, ["check", "--case", case, "--format", "json", "--today", "2026-12-21", "--holidays", str(hol)])
    d = json.loads(r.stdout)["deadline"]
    assert d["calendar_verified"] is True and d["answer_due"] == "2027-01-04"


def test_bad_holiday_file_exit_2(runner, tmp_path):
    hol = tmp_path / "h.json"
    hol.write_text("{not json", encoding="utf-8")
    r = runner.invoke(main, ["check", "--case", write(tmp_path, case_dict()), "--holidays", str(hol)])
    assert r.exit_code == 2 and "节假日" in r.stderr


def test_rules_list_and_explain(runner):
    r = runner.invoke(main, ["rules"])
    assert r.exit_code == 0 and "RATE_ABOVE_CAP" in r.stdout and "LIMITATION" in r.stdout
    r = runner.invoke(main, ["rules", "UPFRONT_DEDUCTION"])
    assert "《中华人民共和国民法典》第670条" in r.stdout
    r = runner.invoke(main, ["rules", "RATE_ABOVE_36"])
    assert "记忆" in r.stdout  # unverified texts are marked, never quoted as verbatim
    assert runner.invoke(main, ["rules", "NOPE"]).exit_code == 2


def test_schema_is_json_schema(runner):
    schema = json.loads(runner.invoke(main, ["schema"]).stdout)
    assert "court" in schema["properties"] and "loan" in schema["required"]


def test_init_writes_a_valid_starter_and_refuses_overwrite(runner, tmp_path):
    target = tmp_path / "case.json"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    r = runner.invoke(main, ["check", "--case", str(target), "--today", "2026-11-05"])
    assert r.exit_code == 0, r.stderr
    target.write_text("mine", encoding="utf-8")
    r = runner.invoke(main, ["init", str(target)])
    assert r.exit_code == 2 and target.read_text(encoding="utf-8") == "mine"
    assert runner.invoke(main, ["init", str(target), "--force"]).exit_code == 0
