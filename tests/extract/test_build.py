"""Merging the documents of a case: a valid case file when the facts are there, precise gaps when not."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from respond.case.load import CaseFileError, decode_json, parse_case
from respond.extract.build import REQUIRED, build_case
from respond.extract.documents import read_document

SETS = {
    "xihu": ["xihu-chuanpiao", "xihu-yingsu", "xihu-juzheng", "xihu-qisu"],
    "nanshan": ["nanshan-chuanpiao", "nanshan-yingsu", "nanshan-juzheng", "nanshan-qisu"],
    "bjinternet": ["bjinternet-chuanpiao", "bjinternet-yingsu", "bjinternet-qisu"],
}
SERVED = {"xihu": dt.date(2026, 11, 4), "nanshan": dt.date(2026, 11, 6), "bjinternet": dt.date(2026, 12, 2)}


def validate(case: dict):
    return parse_case(decode_json(json.dumps(case, ensure_ascii=False)))


@pytest.fixture
def built(document):
    def build(name: str, **kw):
        return build_case([document(stem) for stem in SETS[name]], **kw)
    return build


@pytest.mark.parametrize("name", sorted(SETS))
def test_a_full_set_gives_a_valid_case(built, name):
    result = built(name, served_on=SERVED[name], service_method="electronic")
    assert result.missing == [] and result.problems == [] and result.complete
    loaded = validate(result.case)
    assert loaded.warnings == []  # the fixtures' ID numbers have valid check digits
    assert result.case["notes"]["missing"] == []


def test_xihu_case_file(built):
    case = built("xihu", served_on=SERVED["xihu"], service_method="electronic").case
    assert case["court"] == {"name": "浙江省杭州市西湖区人民法院", "case_number": "（2026）浙0106民初12345号",
                             "procedure": "simplified", "filed_on": "2026-10-08", "hearing_at": "2026-12-10T09:30"}
    assert case["service"] == {"method": "electronic", "date": "2026-11-04", "answer_days": 15,
                               "evidence_due": "2026-11-25"}
    assert case["claims"] == {"as_of": "2026-09-30", "principal": "9000.00", "interest": "1530.20",
                              "penalty": "600.00", "legal_costs": "1500.00", "until_paid": True}
    assert case["loan"]["rate"] == {"annual": 0.18}
    assert case["notes"]["not_found"] == ["claims.fees", "claims.accelerate", "loan.overdue_rate"]  # "上浮50%": relative
    assert case["notes"]["hearing_place"] == "本院第十三法庭（杭州市西湖区西溪路1号）"


def test_bjinternet_case_file(built):
    case = built("bjinternet", served_on=SERVED["bjinternet"], service_method="electronic").case
    assert case["assignment"] == {"from": "天津星桥小额贷款有限公司", "date": "2025-12-01"}
    assert case["loan"]["lender"] == "天津星桥小额贷款有限公司"
    assert case["defendant"]["residence"] == "北京市朝阳区望京街道阜通东大街6号院2号楼1703室"
    assert "service.evidence_due" in case["notes"]["not_found"]  # stated as a period, not a date
    assert case["notes"]["evidence_period"] == "自你收到本通知书之次日起十五日内"


def test_every_value_has_its_source(built):
    case = built("nanshan", served_on=SERVED["nanshan"], service_method="mail").case
    sources = case["notes"]["sources"]
    for section in ("court", "service", "plaintiff", "defendant", "claims", "loan"):
        for key in case[section]:
            assert f"{section}.{key}" in sources, f"{section}.{key}"
    assert sources["court.case_number"] == {"document": "nanshan-chuanpiao.pdf", "type": "传票", "page": 1,
                                            "text": "(2026)粤0305民初23456号"}
    assert sources["service.date"] == {"document": None, "type": "命令行参数", "page": None,
                                       "text": "--served-on 2026-11-06"}
    assert sources["claims.penalty"]["text"] == "罚息320.15元；复利12.30元"


def test_court_notices_win_over_the_complaint(built):
    """The summons prints the full name; the complaint's 此致 line the short one: not a conflict."""
    result = built("xihu", served_on=SERVED["xihu"], service_method="electronic")
    assert result.case["court"]["name"] == "浙江省杭州市西湖区人民法院"
    assert "conflicts" not in result.case["notes"] and result.warnings == []


def test_without_service_the_file_is_written_with_nulls_and_the_gaps_listed(built):
    result = built("xihu")
    assert result.missing == ["service.method", "service.date"]
    assert result.case["service"]["method"] is None and result.case["service"]["date"] is None
    assert result.case["notes"]["missing"] == ["service.method", "service.date"]
    assert result.problems == []  # nothing wrong besides the gaps
    with pytest.raises(CaseFileError) as info:
        validate(result.case)
    assert {p.path for p in info.value.problems} == {"service.method", "service.date"}


def test_a_summons_alone_lists_every_required_gap(document):
    result = build_case([document("nanshan-chuanpiao")])
    assert result.missing == ["service.method", "service.date", "plaintiff.name", "loan.contract_date",
                              "loan.principal"]
    assert set(result.missing) <= set(REQUIRED)
    case = result.case
    assert case["plaintiff"] == {"name": None} and case["loan"] == {"contract_date": None, "principal": None}
    assert "claims" not in case
    assert "claims.principal" in case["notes"]["not_found"]


def test_papers_from_two_cases_are_reported(document):
    result = build_case([document("xihu-chuanpiao"), document("nanshan-yingsu")])
    assert any("案号不一致" in w for w in result.warnings)
    fields = {c["field"] for c in result.case["notes"]["conflicts"]}
    assert {"court.case_number", "court.name", "defendant.name"} <= fields
    assert result.case["court"]["case_number"] == "（2026）浙0106民初12345号"  # the summons ranks first


def test_served_before_filed_is_a_problem_to_resolve(built):
    result = built("xihu", served_on=dt.date(2026, 10, 1), service_method="direct")
    assert result.missing == []
    assert any(p.startswith("service.date:") for p in result.problems)
    assert not result.complete


def test_the_defendant_the_court_wrote_to(document):
    """Two 被告 in the complaint: the one named in the notice is the user."""
    complaint = read_document("起诉状.pdf", [
        "民事起诉状\n原告：某某小额贷款有限公司\n被告：李某，男，住甲市甲路1号，身份证号码110101199001011237。\n"
        "被告：王某，女，住乙市乙路2号。\n诉讼请求：\n1.判令二被告偿还借款本金1000元\n"
        "事实与理由：\n2024年1月1日，被告李某与原告签订借款合同，借款金额为1000元。"])
    notice = read_document("应诉通知书.pdf", ["某某人民法院\n应诉通知书\n（2026）浙0106民初9号\n王某：\n"
                                            "原告某某小额贷款有限公司诉你金融借款合同纠纷一案……"])
    case = build_case([complaint, notice]).case
    assert case["defendant"] == {"name": "王某", "gender": "女", "address": "乙市乙路2号"}
    alone = build_case([complaint])
    assert alone.case["defendant"]["name"] == "李某"
    assert any("2 名被告" in w for w in alone.warnings)


def test_id_number_with_a_wrong_check_digit_is_a_warning_without_the_number(document):
    complaint = read_document("起诉状.pdf", [
        "民事起诉状\n原告：某某小额贷款有限公司\n被告：李某，身份证号码110101199001011230。\n诉讼请求：\n"
        "1.判令被告偿还借款本金1000元\n事实与理由：\n2024年1月1日，双方签订借款合同，借款金额为1000元。\n此致\n某某人民法院"])
    result = build_case([complaint], served_on=dt.date(2026, 11, 3), service_method="direct")
    assert result.complete
    assert any("校验位" in w for w in result.warnings)
    assert not any("110101199001011230" in w for w in result.warnings)


def test_a_set_in_real_court_layouts_gives_its_case(document):
    """湖里's summons and notices (tests/extract/layouts/SOURCES.md §1a, §2b, §3b) merge into one case."""
    result = build_case([document(s) for s in ("huli-chuanpiao", "huli-yingsu", "huli-juzheng")],
                        served_on=dt.date(2026, 11, 24), service_method="direct")
    case = result.case
    assert case["court"] == {"name": "福建省厦门市湖里区人民法院", "case_number": "（2026）闽0206民初8812号",
                             "hearing_at": "2026-12-15T14:30"}
    assert case["defendant"]["name"] == "林小红" and case["plaintiff"]["name"] == "厦门鹭岛小额贷款有限公司"
    assert case["service"]["answer_days"] == 15
    assert case["notes"]["evidence_period"] == "自收到本通知次日起十五日内"
    assert "conflicts" not in case["notes"]


def test_a_total_the_items_do_not_add_up_to_and_a_date_not_yet_come_are_listed_for_review():
    from respond.extract.documents import read_document

    page = ("民事起诉状\n原告：某某小额贷款有限公司，住所地重庆市渝北区。\n被告：张三，男，住浙江省杭州市西湖区文三路1号。\n"
            "诉讼请求：1．判令被告偿还借款本金9000元、利息1530.20元，以上合计11000元；\n"
            "事实与理由：2027年3月15日，被告与原告签订《个人借款合同》，约定借款金额为人民币10,000元。\n")
    case = build_case([read_document("qisu.pdf", [page])], today=dt.date(2026, 12, 3)).case
    checks = case["notes"]["checks"]
    assert [c["field"] for c in checks] == ["claims", "loan.contract_date"]
    assert "11,000.00" in checks[0]["why"] and "10,530.20" in checks[0]["why"]
    assert "晚于今天" in checks[1]["why"]
    assert case["claims"]["principal"] == "9000.00"  # nothing is changed: the user checks the paper


def test_the_fixture_sets_pass_the_cross_checks(built):
    for name in SETS:
        case = built(name, served_on=SERVED[name], service_method="electronic").case
        assert "checks" not in case["notes"], (name, case["notes"].get("checks"))
