"""case-file.md: validation, every problem at once with its JSON path, in Chinese."""

import json
from decimal import Decimal as D

import pytest

from factories import DELETE, case_dict
from respond.case.consistency import id_number_check_ok
from respond.case.load import CaseFileError, decode_json, load_case, parse_case


def problems(data):
    with pytest.raises(CaseFileError) as info:
        parse_case(data)
    return {p.path: p.message for p in info.value.problems}


def test_valid_base_case():
    loaded = parse_case(case_dict())
    assert loaded.case.loan.received == D("10000.00") and loaded.warnings == []


def test_several_problems_listed_at_once():
    found = problems(case_dict(court={"name": DELETE}, service={"method": "fax", "date": "2026-13-01"},
                               plaintiff={"nmae": "x"}, loan={"principal": "-5", "rate": {"annual": 0.1, "daily": 0.001}}))
    assert found["court.name"] == "缺少必填字段"
    assert "direct" in found["service.method"]
    assert found["service.date"] == "月份应为 1–12，收到 13"
    assert "未知字段" in found["plaintiff.nmae"]
    assert found["loan.principal"] == "金额不能为负数"
    assert "annual、monthly、daily" in found["loan.rate"]


@pytest.mark.parametrize("value,message", [("12.345", "两位小数"), ("abc", "应为金额"), (True, "应为金额")])
def test_money_rules(value, message):
    assert message in problems(case_dict(loan={"principal": value}))["loan.principal"]


@pytest.mark.parametrize("value", ["1,00", "1,000", "1,000,5", "12,34.56"])
def test_an_amount_whose_comma_could_be_read_two_ways_is_refused(value):
    """"1,00" was read as 100 and "1,000" as 1000 without a word (issue 16)."""
    message = problems(case_dict(loan={"principal": value}))["loan.principal"]
    assert "无法确定怎么读" in message and "1000.50" in message


def test_an_amount_with_both_separators_has_one_reading():
    assert parse_case(case_dict(loan={"principal": "10,000.00"})).case.loan.principal == D("10000.00")


@pytest.mark.parametrize("value, message", [
    ("2026-02-30", "2026年2月没有30日（这个月只有 28 天）"),
    ("2024-02-30", "2024年2月没有30日（这个月只有 29 天）"),
    ("2026-04-31", "2026年4月没有31日（这个月只有 30 天）"),
    ("2026-00-10", "月份应为 1–12，收到 0"),
    ("10000-01-01", "年份 10000 超出范围（应为 1–9999 年），请核对"),
])
def test_a_date_that_does_not_exist_is_told_so_not_its_format(value, message):
    assert problems(case_dict(service={"method": "direct", "date": value}))["service.date"] == message


def test_a_well_formed_date_in_the_wrong_format_is_still_told_the_format():
    assert "YYYY-MM-DD" in problems(case_dict(service={"method": "direct", "date": "2026/11/03"}))["service.date"]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_a_rate_that_is_not_finite_is_not_called_negative(value):
    message = problems(case_dict(loan={"rate": {"annual": value}}))["loan.rate.annual"]
    assert "有限的数字" in message and "负数" not in message


def test_money_as_number_and_string_are_exact():
    data = decode_json('{"a": 0.1}')
    assert data["a"] == D("0.1")
    case = parse_case(case_dict(loan={"principal": 12345.67})).case
    assert case.loan.principal == D("12345.67")


def test_rate_written_as_percent_is_caught():
    assert "百分数" in problems(case_dict(loan={"rate": {"annual": 18}}))["loan.rate.annual"]


def test_notes_are_free_form_but_other_unknown_keys_are_errors():
    parse_case(case_dict(notes={"anything": [1, {"x": 2}]}))
    assert "未知字段" in problems(case_dict(extra_top=1))["extra_top"]


def test_contradictions_name_their_paths():
    found = problems(case_dict(
        loan={"upfront_deductions": [{"name": "服务费", "amount": "20000"}],
              "payments": [{"date": "2024-01-01", "amount": "10"}]},
        court={"filed_on": "2026-11-05"}))
    assert "预扣金额 20000.00 元大于借款本金" in found["loan.upfront_deductions[0].amount"]
    assert "早于放款日" in found["loan.payments[0].date"]
    assert "早于立案日" in found["service.date"]


def test_deductions_larger_than_the_loan_only_together_name_the_list():
    found = problems(case_dict(loan={"principal": "10000.00", "upfront_deductions": [
        {"name": "服务费", "amount": "6000"}, {"name": "利息", "amount": "5000"}]}))
    assert "预扣合计 11000.00 元大于借款本金 10000.00 元" in found["loan.upfront_deductions"]


def test_small_claims_period_above_15_rejected():
    """民诉法解释第275条: a court-set small-claims period is at most 15 days."""
    found = problems(case_dict(court={"procedure": "small_claims"}, service={"answer_days": 16}))
    assert "十五日" in found["service.answer_days"]


def test_wrong_id_check_digit_is_a_warning_not_an_error():
    loaded = parse_case(case_dict(defendant={"id_number": "110101199003070000"}))
    assert any("校验位" in w for w in loaded.warnings)
    assert not any("110101" in w for w in loaded.warnings), "warnings never quote the ID number"


def test_id_check_digit():
    assert id_number_check_ok("11010519491231002X")
    assert not id_number_check_ok("110105194912310021")


def test_unsupported_version():
    assert "version 1" in problems(case_dict(version=2))[""]


def test_bad_json_gives_line_and_column(tmp_path):
    p = tmp_path / "case.json"
    p.write_text('{"version": 1,\n "court": {"name": "x",}\n}', encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        load_case(p)
    assert "第 2 行" in info.value.render()


def test_not_utf8(tmp_path):
    p = tmp_path / "case.json"
    p.write_bytes(json.dumps(case_dict(), ensure_ascii=False).encode("gbk"))
    with pytest.raises(CaseFileError, match="UTF-8"):
        load_case(p)


def test_missing_file(tmp_path):
    with pytest.raises(CaseFileError, match="找不到"):
        load_case(tmp_path / "nope.json")


def test_schema_problems_and_contradictions_listed_together():
    """One run lists everything: 13 schema problems and the contradictions among the fields that parsed."""
    data = case_dict(
        court={"name": DELETE, "procedure": "civil", "filed_on": "2026-11-05", "hearing_at": "soon"},
        service={"method": "fax", "answer_days": 0},
        plaintiff={"nmae": "x"},
        defendant={"birth_date": "1990-02-30", "domicile_in_china": "maybe"},
        claims={"principal": "1.234", "until_paid": "perhaps"},
        loan={"principal": "10000.00", "upfront_deductions": [{"name": "服务费", "amount": "20000"}],
              "rate": {"annual": 0.1, "daily": 0.001}, "term_months": 0, "method": "lump",
              "payments": [{"date": "2024-01-01", "amount": "10"}, {"date": "2024-05-01", "amount": "-1"}]},
        typo_top=1)
    with pytest.raises(CaseFileError) as info:
        parse_case(data)
    found = {p.path: p.message for p in info.value.problems}
    schema = {"court.name", "court.procedure", "court.hearing_at", "service.method", "service.answer_days",
              "plaintiff.nmae", "defendant.birth_date", "defendant.domicile_in_china", "claims.principal",
              "claims.until_paid", "loan.rate", "loan.term_months", "loan.method", "loan.payments[1].amount",
              "typo_top"}
    assert schema <= set(found)
    assert "大于借款本金" in found["loan.upfront_deductions[0].amount"]
    assert "早于放款日" in found["loan.payments[0].date"]
    assert "早于立案日" in found["service.date"]
    assert len(info.value.problems) == len(schema) + 3, found


def test_contradictions_skip_fields_that_did_not_validate():
    """A bad value is reported once, as itself: no contradiction is derived from it or from its absence."""
    found = problems(case_dict(loan={"disbursed_on": "2024-13-01", "rate": "18%", "term_months": "twelve",
                                     "payments": [{"date": "2023-01-01", "amount": "10"}]},
                               service={"date": "yesterday"}, court={"filed_on": "2026-11-05"}))
    assert set(found) == {"loan.disbursed_on", "loan.rate", "loan.term_months", "service.date"}, found


def test_unsupported_version_lists_nothing_else():
    assert set(problems(case_dict(version=2, loan={"upfront_deductions": [{"name": "x", "amount": "20000"}]}))) == {""}


@pytest.mark.parametrize("value", [D("1e30"), "1e27", "9" * 30, 10 ** 13])
def test_absurd_amounts_are_rejected_not_a_crash(value):
    """Decimal's precision would fail on quantize: a clear problem instead of an internal error."""
    with pytest.raises(CaseFileError) as info:
        parse_case(case_dict(loan={"principal": value}))
    assert [p.path for p in info.value.problems] == ["loan.principal"]
    assert "金额过大" in str(info.value.problems[0])


@pytest.mark.parametrize("text, words", [
    ('{"version": 1, "notes": ' + "[" * 5000 + "]" * 5000 + "}", "嵌套层数过多"),
    ('{"version": 1, "loan": {"principal": ' + "9" * 5000 + "}}", "位数过多"),
])
def test_hostile_json_is_a_problem_not_a_crash(tmp_path, text, words):
    p = tmp_path / "case.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        load_case(p)
    assert words in str(info.value.problems[0])


@pytest.mark.parametrize("where, value", [
    ({"service": {"method": "direct", "date": "9999-12-30"}}, "9999-12-30"),  # overflowed deadline.py (issue 16)
    ({"court": {"filed_on": "1900-01-01"}}, "1900-01-01"),
    ({"court": {"hearing_at": "9999-01-01T09:00"}}, "9999-01-01"),
])
def test_a_date_no_loan_suit_can_carry_is_refused(where, value):
    found = problems(case_dict(**where))
    assert any(f"日期 {value} 不合理" in m for m in found.values()), found


def test_a_rate_too_small_to_be_meant_is_refused():
    """1e-400 divided by zero in schedule.py (issue 16); 0 is an interest-free loan."""
    assert "小得不合理" in problems(case_dict(loan={"rate": {"annual": "1e-400"}}))["loan.rate.annual"]
    assert parse_case(case_dict(loan={"rate": {"annual": 0}})).case.loan.rate.annual == 0


@pytest.mark.parametrize("text", ["张\x00三", "张\u202e三", "张\x1b[31m三"])
def test_hidden_control_characters_in_a_name_are_refused(text):
    assert "看不见的控制字符" in problems(case_dict(defendant={"name": text}))["defendant.name"]


def test_a_lone_surrogate_is_reported_in_chinese():
    assert "无效的字符" in problems(case_dict(defendant={"name": "\ud800"}))["defendant.name"]


@pytest.mark.parametrize("text, words", [
    ('{"version": 1, "loan": {"principal": "1000", "principal": "9000"}}', '"principal" 在同一层出现了两次'),
    ('{"version": 1, "loan": {"rate": {"annual": NaN}}}', "不能写 NaN"),
    ('{"version": 1, "loan": {"principal": Infinity}}', "不能写 Infinity"),
    ('{"version": 1, "loan": {"principal": -Infinity}}', "不能写 -Infinity"),
])
def test_json_that_could_be_read_two_ways_or_is_not_json_is_refused(text, words):
    """json.loads keeps the last of two equal keys and reads NaN; both were accepted silently (issue 16)."""
    with pytest.raises(CaseFileError) as info:
        decode_json(text)
    assert words in str(info.value.problems[0])


def test_the_same_key_in_two_different_objects_is_fine():
    assert decode_json('{"a": {"x": 1}, "b": {"x": 2}}') == {"a": {"x": 1}, "b": {"x": 2}}


def test_a_service_date_before_the_filing_date_names_both_and_blames_neither():
    """A wrong filing date (2027 for 2026) was reported as a wrong service date (issue 16)."""
    message = problems(case_dict(court={"filed_on": "2027-01-01"}))["service.date"]
    assert "court.filed_on" in message and "2027-01-01" in message and "至少有一个写错了" in message
