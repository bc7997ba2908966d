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


def _cites(ids):
    from respond.checks.findings import citations

    return [citations()[i].cite for i in ids]


def test_rules_print_each_regimes_basis_labelled(runner):
    """A basis that depends on the lender's regime is printed per regime, never as 依案件情况而定."""
    for code in ("CLAUSE_STACKED_CHARGES", "CLAUSE_COLLECTION_COSTS", "CLAUSE_UPFRONT_DEDUCTION"):
        r = runner.invoke(main, ["rules", code])
        assert r.exit_code == 0, r.output
        assert "依案件情况而定" not in r.stdout
        basis = r.stdout.split("法律依据", 1)[1]
        financial, private = basis.split("金融机构/地方金融组织", 1)[1].split("民间借贷", 1)
        from respond.checks.findings import all_rules

        rule = all_rules()[code]
        assert all(c in financial for c in _cites(rule.extra["basis_financial"])), code
        assert all(c in private for c in _cites(rule.extra["basis_private"])), code
    upfront = runner.invoke(main, ["rules", "CLAUSE_UPFRONT_DEDUCTION"]).stdout
    assert "第670条" in upfront and "第51条" in upfront and "第26条" in upfront


def test_rules_show_every_basis_id_of_every_rule(runner):
    from respond.checks.findings import all_rules
    from respond.cli.rules import explain_rule

    for code, rule in all_rules().items():
        text = explain_rule(code)
        ids = list(rule.basis) + list(rule.extra.get("basis_financial", ())) + list(rule.extra.get("basis_private", ()))
        for cite in _cites(ids):
            assert cite in text, (code, cite)
        assert ("依案件情况而定" in text) == (not ids), code


def test_rules_regime_basis_of_an_engine_finding(monkeypatch):
    """data/findings.toml carries regime bases in the same shape as the clause files."""
    from respond.checks.findings import rule_from_table
    from respond.cli import rules as rules_cli

    rule = rule_from_table("X_TEST", {"severity": "high", "title": "t", "summary": "s", "detects": "d", "why": "w",
                                      "basis": [], "basis_financial": ["finjud_2"], "basis_private": ["mj_25", "mj_29"],
                                      "explanation": "e", "argument": "a"}, "engine")
    monkeypatch.setattr(rules_cli, "all_rules", lambda: {"X_TEST": rule})
    text = rules_cli.explain_rule("X_TEST")
    lines = text.split("法律依据\n", 1)[1].splitlines()
    assert lines[0] == "  金融机构/地方金融组织："
    assert lines[2] == "  民间借贷：" and "第25条" in lines[3] and "第29条" in lines[4]
    assert "依案件情况而定" not in text


def _missing_fields(schema, node, defs, path=""):
    """Every property of ``schema`` (refs resolved, nullable unions unwrapped) that ``node`` lacks,
    recursively; in an array, every item must have every property of the item schema."""
    if "$ref" in schema:
        return _missing_fields(defs[schema["$ref"].rsplit("/", 1)[1]], node, defs, path)
    if "anyOf" in schema:
        if node is None:
            return []
        structured = [s for s in schema["anyOf"] if "$ref" in s or s.get("type") in ("object", "array")]
        assert len(structured) <= 1, path  # a nullable object or list; scalars have no fields
        return _missing_fields(structured[0], node, defs, path) if structured else []
    out = []
    if "properties" in schema:
        assert isinstance(node, dict), f"{path}: the starter has {node!r}, not an object"
        for key, sub in schema["properties"].items():
            where = f"{path}.{key}" if path else key
            if key not in node:
                out.append(where)
            else:
                out += _missing_fields(sub, node[key], defs, where)
    elif schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        assert isinstance(node, list), f"{path}: the starter has {node!r}, not a list"
        if ("properties" in schema["items"] or "$ref" in schema["items"]) and not node:
            out.append(f"{path}[0]")
        for i, item in enumerate(node):
            out += _missing_fields(schema["items"], item, defs, f"{path}[{i}]")
    return out


def test_init_starter_has_every_field_of_the_schema_and_validates(runner, tmp_path):
    from respond.case.load import parse_case

    schema = json.loads(runner.invoke(main, ["schema"]).stdout)
    target = tmp_path / "case.json"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    starter = json.loads(target.read_text(encoding="utf-8"))
    assert _missing_fields(schema, starter, schema.get("$defs", {})) == []
    loaded = parse_case(starter)
    assert [w.split(":")[0] for w in loaded.warnings] == ["court.case_number"]  # only: "not filled in yet"
    assert loaded.case.loan.schedule and loaded.case.assignment is not None
    r = runner.invoke(main, ["check", "--case", str(target), "--today", "2026-11-05"])
    assert r.exit_code == 0, r.stderr
    assert "超出：-" not in r.stdout


def test_a_reader_that_stops_early_is_not_an_internal_error():
    """``respond schema | head -1``: a closed pipe ends the command quietly, exit 0."""
    import fcntl
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "respond", "schema"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    fcntl.fcntl(proc.stdout.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)  # smaller than the schema
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 0, err
    assert "内部错误" not in err and "Traceback" not in err


def test_rejection_messages_carry_no_personal_data(tmp_path):
    """A personal value typed into the wrong field is not echoed (privacy: never log ID numbers,
    phone numbers or addresses)."""
    id_number, phone, address = "11010519900307123X", "13812345678", "浙江省杭州市西湖区某某路1号"
    case = case_dict(defendant={"id_number": id_number, "phone": phone, "address": address},
                     claims={"interest": f"电话{phone}", "penalty": id_number, "fees": address},
                     loan={"rate": {"annual": phone}})
    p = tmp_path / "case.json"
    p.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    for command in (["check", "--case", str(p)], ["draft", "--case", str(p), "--out", str(tmp_path / "o")]):
        r = CliRunner().invoke(main, command)
        assert r.exit_code == 2 and "claims.interest" in r.stderr and "loan.rate.annual" in r.stderr
        for secret in (id_number, phone, address):
            assert secret not in r.stderr + r.stdout


@pytest.mark.parametrize("args, words", [
    (["check", "--bogus"], "没有这个选项"),
    (["check"], "缺少必填选项"),
    (["check", "--case", "x.json", "--day-basis", "400"], "不是可选值"),
    (["batch", "--jobs", "0", ".", "--out", "o"], "不在允许的范围"),
])
def test_option_errors_are_in_chinese(args, words):
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and words in r.stderr and "错误：" in r.stderr, r.stderr


def test_help_headings_are_in_chinese():
    r = CliRunner().invoke(main, ["check", "--help"])
    assert r.exit_code == 0 and "用法：" in r.stdout and "选项" in r.stdout and "[必填]" in r.stdout
    assert "Show this message" not in r.stdout


def test_a_starter_not_yet_filled_in_is_warned_first_by_check_and_refused_by_draft(tmp_path):
    """Issue 16: the starter of `respond init`, full of sample values, was analysed as a real case."""
    from click.testing import CliRunner

    from respond.cli.main import main

    starter = tmp_path / "case.json"
    assert CliRunner().invoke(main, ["init", str(starter)]).exit_code == 0
    r = CliRunner().invoke(main, ["check", "--case", str(starter), "--today", "2026-11-21"])
    assert r.exit_code == 0 and r.stdout.startswith("！！注意：这是 respond init 写的示例案件文件")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(starter), "--out", str(out), "--today", "2026-11-21"])
    assert r.exit_code == 2 and "示例内容还没有换成您的案件" in r.stderr and not out.exists()
    # once the case number is the user's own, it is their case
    data = json.loads(starter.read_text(encoding="utf-8"))
    data["court"]["case_number"] = "（2026）浙0106民初123号"
    starter.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(main, ["draft", "--case", str(starter), "--out", str(out), "--today", "2026-11-21"])
    assert r.exit_code == 0, r.stderr
