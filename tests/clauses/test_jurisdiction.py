"""Is the suing court at the defendant's domicile? (民诉法第22、24、130条; 民诉法解释第31条; 合同编通则解释第10条)"""

from __future__ import annotations

import pytest

from respond.checks.clauses import ClauseHit, find_clauses, jurisdiction_assessment, parse_place
from respond.checks.findings import citations

AGREED = ClauseHit("CLAUSE_JURISDICTION", "第九条", "协商不成的，由合同签订地人民法院管辖。", (0, 10))
ARB = ClauseHit("CLAUSE_ARBITRATION", "第7.1条", "争议提交南宁仲裁委员会仲裁。", (0, 10))


LENDER_SEAT = "北京市朝阳区某某路1号"  # the plaintiff sits away from both the court and the borrower


def assess(court, address=None, residence=None, **kw):
    kw.setdefault("plaintiff_address", LENDER_SEAT)
    return jurisdiction_assessment(kw.pop("hit", AGREED), court, address, residence, **kw)


def test_a_court_at_the_plaintiffs_seat_is_the_place_of_performance():
    """民诉法解释第18条: for a money claim, where the receiving party is: no objection drafted."""
    a = assess("重庆市渝北区人民法院", "浙江省杭州市西湖区文三路100号", plaintiff_address="重庆市渝北区某某大道1号")
    assert a.objection_warranted is False and "msj_18" in a.basis
    assert "合同履行地" in a.reasons[-1] and "没有起草" in a.reasons[-1]


def test_without_the_plaintiffs_seat_the_objection_cannot_be_judged():
    a = assess("重庆市渝北区人民法院", "浙江省杭州市西湖区文三路100号", plaintiff_address=None)
    assert a.objection_warranted is None and "原告住所地" in a.reasons[-1]


def test_court_elsewhere_objection_warranted():  # 重庆 court, 杭州 borrower
    a = assess("重庆市渝北区人民法院", "浙江省杭州市西湖区文三路100号")
    assert a.objection_warranted is True
    assert a.proper_court == "浙江省杭州市西湖区人民法院（被告住所地的基层人民法院）"
    assert a.court_place == "重庆市渝北区"
    assert any("管辖权异议" in r for r in a.reasons)
    assert {"msj_31", "htj_10", "msf_22", "msf_24", "msf_130"} <= set(a.basis)


def test_court_at_domicile_no_objection():
    a = assess("杭州市西湖区人民法院", "浙江省杭州市西湖区文三路100号")
    assert a.objection_warranted is False
    assert "一致" in a.reasons[-1]


def test_unknown_address_cannot_tell_and_says_so():
    a = assess("杭州市西湖区人民法院", None)
    assert a.objection_warranted is None
    assert "无法判断" in a.reasons[-1] and "defendant.address" in a.reasons[-1]
    b = assess("杭州市西湖区人民法院", "文三路100号")
    assert b.objection_warranted is None and "无法确定" in b.reasons[-1]


def test_no_court_name_cannot_tell():
    assert assess("", "浙江省杭州市西湖区").objection_warranted is None


def test_same_district_name_in_another_city_is_not_the_domicile():  # 南昌市西湖区 ≠ 杭州市西湖区
    assert assess("杭州市西湖区人民法院", "江西省南昌市西湖区某某路").objection_warranted is True


def test_other_district_of_the_same_city():
    assert assess("杭州市西湖区人民法院", "浙江省杭州市滨江区某某路").objection_warranted is True


def test_habitual_residence_counts_and_is_where_the_case_belongs():  # 民诉法第22条
    a = assess("广东省佛山市南海区人民法院", "广东省广州市白云区某某街", "广东省佛山市南海区桂城街道")
    assert a.objection_warranted is False
    b = assess("广东省广州市天河区人民法院", "广东省广州市白云区某某街", "广东省佛山市南海区桂城街道")
    assert b.objection_warranted is True
    assert b.proper_court == "广东省佛山市南海区人民法院（被告经常居住地的基层人民法院）"


def test_county_level_city_and_municipality_forms():
    assert assess("浙江省义乌市人民法院", "浙江省金华市义乌市稠城街道").objection_warranted is False
    assert assess("重庆市渝北区人民法院", "重庆渝北区龙溪街道").objection_warranted is False
    assert assess("湖南省长沙县人民法院", "湖南省长沙县星沙街道").objection_warranted is False


def test_internet_and_intermediate_courts_compare_cities():
    a = assess("杭州互联网法院", "浙江省宁波市鄞州区")
    assert a.objection_warranted is True and any("互联网法院" in r for r in a.reasons)
    assert assess("杭州互联网法院", "浙江省杭州市余杭区").objection_warranted is False
    assert assess("广州市中级人民法院", "广东省广州市天河区").objection_warranted is False


def test_without_an_agreed_clause_the_statutory_rules_alone():
    a = assess("重庆市渝北区人民法院", "浙江省杭州市西湖区", hit=None)
    assert a.objection_warranted is True
    assert "msj_31" not in a.basis and "msf_22" in a.basis
    assert a.agreed_clause is None


def test_warns_when_the_court_is_at_the_plaintiffs_seat():
    a = assess("重庆市渝北区人民法院", "浙江省杭州市西湖区", plaintiff_address="重庆市渝北区龙溪街道某某大道")
    assert "原告所在地" in a.reasons[-1]


def test_arbitration_clause_advice_before_first_hearing():
    a = assess("重庆市渝北区人民法院", "浙江省杭州市西湖区", arbitration_hit=ARB)
    assert "arb_26" in a.basis and citations()["arb_26"].confidence == "记忆"
    assert "首次开庭前" in a.arbitration and "第7.1条" in a.arbitration
    assert "《中华人民共和国仲裁法》第26条" in a.arbitration  # article number and gist, no quotation


def test_with_a_hit_found_in_a_contract():
    hit = find_clauses("第十三条 争议由甲方住所地人民法院管辖。")[0]
    a = jurisdiction_assessment(hit, "重庆市渝北区人民法院", "浙江省杭州市西湖区", None)
    assert "合同第十三条" in a.reasons[0]


@pytest.mark.parametrize("text, expected", [
    ("浙江省杭州市西湖区文三路100号", ("浙江省", "杭州市", "西湖区")),
    ("中国北京市朝阳区建国路88号", (None, "北京市", "朝阳区")),
    ("内蒙古自治区呼和浩特市新城区", ("内蒙古自治区", "呼和浩特市", "新城区")),
    ("四川省成都市高新区天府大道", ("四川省", "成都市", "高新区")),
    ("广东省东莞市南城街道", ("广东省", "东莞市", None)),
    ("西湖区古荡街道新市街", (None, None, "西湖区")),
    ("上海路100号", None),
    ("", None),
])
def test_parse_place(text, expected):
    p = parse_place(text)
    assert (p and (p.province, p.city, p.district)) == expected
