"""Who is lending (rules.md §2, lenders.md): categories from names, regimes, case cause and form."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from respond.case.model import LenderKind
from respond.checks.lenders import (
    LenderIdentity,
    categorize,
    default_case_cause,
    form_for,
    local_financial_organisations,
    normalize_name,
    product_lenders,
    regime_for,
    resolve_regime,
)


def _data() -> dict:
    return json.loads(resources.files("respond.data").joinpath("lenders.json").read_text(encoding="utf-8"))


# --- one real-looking name per category --------------------------------------------------------

NAMES = [
    ("中国工商银行股份有限公司杭州分行", "bank", "name"),
    ("浙江网商银行股份有限公司", "bank", "name"),
    ("某某县农村信用合作联社", "bank", "name"),
    ("某某农村信用合作社", "bank", "name"),
    ("招联消费金融股份有限公司", "consumer_finance", "registry"),
    ("某某消费金融有限公司", "consumer_finance", "name"),
    ("某某汽车金融有限公司", "auto_finance", "name"),
    ("某某信托有限责任公司", "trust", "name"),
    ("某某金融租赁股份有限公司", "financial_leasing", "name"),
    ("某某财产保险股份有限公司", "insurer", "name"),
    ("重庆度小满小额贷款有限公司", "microloan", "name"),
    ("平安普惠融资担保有限公司", "guarantor", "name"),
    ("某某典当有限责任公司", "pawnshop", "name"),
    ("浙江某某融资租赁有限公司", "leasing", "name"),
    ("某某商业保理有限公司", "factoring", "name"),
    ("深圳某某资产管理有限公司", "asset_manager", "name"),
    ("中国信达资产管理股份有限公司", "amc_national", "name"),
    ("深圳某某网络科技有限公司", "company", "guess"),
    ("某某投资管理有限公司", "company", "guess"),
    ("张三", "individual", "name"),
    ("阿不都·热合曼", "individual", "name"),
]


@pytest.mark.parametrize(("name", "category", "how"), NAMES)
def test_category_from_name(name, category, how):
    who = categorize(name)
    assert (who.category, who.how) == (category, how)
    assert who.label and who.reason


def test_every_category_has_an_example():
    assert {c for _, c, _ in NAMES} == {k.value for k in LenderKind}


def test_reason_reads_like_a_sentence():
    assert categorize("重庆度小满小额贷款有限公司").reason == "名称含“小额贷款”，按小额贷款公司认定"
    assert "X0007" in categorize("招联消费金融股份有限公司").reason
    assert categorize("招联消费金融股份有限公司").registry_code == "X0007"


def test_all_six_national_amcs_before_asset_manager():
    for amc in ("中国信达", "中国华融", "中国中信金融", "中国长城", "中国东方", "中国银河"):
        assert categorize(f"{amc}资产管理股份有限公司浙江省分公司").category == "amc_national", amc
    assert categorize("浙江省浙商资产管理有限公司").category == "asset_manager"


def test_specific_keys_win():
    assert categorize("某某金融租赁有限公司").category == "financial_leasing"  # not 融资租赁
    assert categorize("某某汽车金融有限公司").category == "auto_finance"
    assert categorize("某某保险经纪有限公司").category == "company"  # a broker is not an insurer


# --- branches -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "category"), [
    ("中国农业银行股份有限公司北京朝阳支行", "bank"),
    ("中国人民财产保险股份有限公司深圳市分公司", "insurer"),
    ("中国长城资产管理股份有限公司广东省分公司", "amc_national"),
    ("某某小额贷款有限公司杭州分公司", "microloan"),
])
def test_branch_takes_parent_category(name, category):
    who = categorize(name)
    assert who.category == category
    assert "分支机构" in who.reason


def test_branch_of_listed_consumer_finance_company():
    who = categorize("马上消费金融股份有限公司（重庆分公司）")
    assert (who.category, who.how, who.registry_code) == ("consumer_finance", "registry", "X0010")
    assert "分支机构" in who.reason


def test_older_consumer_finance_names():
    who = categorize("苏宁消费金融有限公司")
    assert (who.category, who.how, who.registry_code) == ("consumer_finance", "registry", "X0009")
    assert "南银法巴消费金融有限公司" in who.reason
    for old in ("捷信消费金融有限公司", "包银消费金融股份有限公司", "华融消费金融股份有限公司"):
        assert categorize(old).how == "registry"


# --- normalisation ----------------------------------------------------------------------------------


def test_full_width_brackets_and_spaces():
    assert normalize_name("  某某（杭州）小额贷款 有限公司　") == "某某(杭州)小额贷款有限公司"
    assert categorize("招联消费金融股份有限公司 ").how == "registry"
    assert categorize("某某（杭州）小额贷款有限公司").category == "microloan"
    assert categorize("Ｈｏｍｅ　Ｃｒｅｄｉｔ").name == "Home Credit"


def test_middle_dot_variants():
    for name in ("阿不都・热合曼", "阿不都•热合曼", "阿不都‧热合曼", "买买提·艾力"):
        who = categorize(name)
        assert who.category == "individual", name
        assert who.name in ("阿不都·热合曼", "买买提·艾力")


def test_empty_name_is_an_error():
    with pytest.raises(ValueError):
        categorize("  ")


# --- individuals and organisations ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["李四", "欧阳娜娜", "王小明", "张三（男）"])
def test_person_names(name):
    assert categorize(name).category == "individual"


@pytest.mark.parametrize("name", ["某某公司", "某某有限", "某某合伙", "服务中心", "某某社", "某某商行", "五金店"])
def test_organisation_words_are_not_people(name):
    who = categorize(name)
    assert (who.category, who.how) == ("company", "guess")


@pytest.mark.parametrize(("name", "platform"), [
    ("深圳某某网络科技有限公司", True),
    ("上海某某信息服务有限公司", True),
    ("北京某某信息咨询有限公司", True),
    ("杭州某某网络技术有限公司", True),
    ("某某投资管理有限公司", False),
    ("张三", False),
    ("重庆度小满小额贷款有限公司", False),
])
def test_platform_names(name, platform):
    assert categorize(name).platform is platform


def test_product_name_is_not_a_lender():
    who = categorize("花呗")
    assert (who.category, who.how) == ("consumer_finance", "guess")
    assert "产品名称" in who.reason
    platform = categorize("360借条")
    assert (platform.category, platform.how, platform.platform) == ("company", "guess", True)


# --- explicit kind -----------------------------------------------------------------------------------


def test_kind_overrides_everything():
    who = categorize("深圳某某网络科技有限公司", LenderKind.microloan)
    assert (who.category, who.how, who.platform) == ("microloan", "override", False)
    assert "kind=microloan" in who.reason and "普通公司" in who.reason
    assert categorize("招联消费金融股份有限公司", "company").category == "company"
    assert categorize("张三", "bank").how == "override"


def test_kind_company_keeps_platform_flag():
    assert categorize("深圳某某网络科技有限公司", "company").platform is True


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        categorize("张三", "loan_shark")


# --- regime ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("category", "regime"), [
    ("bank", "financial"), ("consumer_finance", "financial"), ("auto_finance", "financial"),
    ("trust", "financial"), ("financial_leasing", "financial"), ("insurer", "financial"),
    ("microloan", "local_financial"), ("guarantor", "local_financial"), ("pawnshop", "local_financial"),
    ("leasing", "local_financial"), ("factoring", "local_financial"),
    ("company", "private"), ("individual", "private"),
    ("asset_manager", None), ("amc_national", None),
])
def test_regime_table(category, regime):
    assert regime_for(category) == regime
    assert regime_for(LenderKind(category)) == regime


def test_regime_for_unknown_category():
    with pytest.raises(ValueError):
        regime_for("shadow_bank")


def test_regime_follows_the_original_lender_after_assignment():
    plaintiff = categorize("深圳某某资产管理有限公司")
    lender = categorize("重庆度小满小额贷款有限公司")
    assert resolve_regime(plaintiff, lender) == ("local_financial", [])
    amc = categorize("中国信达资产管理股份有限公司")
    assert resolve_regime(amc, categorize("中国工商银行股份有限公司杭州分行")) == ("financial", [])


def test_guarantor_recourse_follows_the_original_loan():
    plaintiff = categorize("平安普惠融资担保有限公司")
    assert resolve_regime(plaintiff, categorize("平安消费金融有限公司")) == ("financial", [])
    assert resolve_regime(plaintiff, categorize("深圳某某网络科技有限公司")) == ("private", [])


def test_guarantor_without_original_lender_warns():
    plaintiff = categorize("平安普惠融资担保有限公司")
    regime, warnings = resolve_regime(plaintiff, None)
    assert regime == "local_financial"
    assert len(warnings) == 1 and "loan.lender" in warnings[0]


@pytest.mark.parametrize("buyer", ["中国信达资产管理股份有限公司", "深圳某某资产管理有限公司"])
def test_unknown_original_lender_is_private_with_a_warning(buyer):
    plaintiff = categorize(buyer)
    for lender in (None, plaintiff):
        regime, warnings = resolve_regime(plaintiff, lender)
        assert regime == "private"
        assert len(warnings) == 1
        assert "原始放款人不明" in warnings[0] and "民间借贷" in warnings[0]


def test_assigned_to_a_buyer_still_unknown():
    regime, warnings = resolve_regime(categorize("张三"), categorize("中国东方资产管理股份有限公司"))
    assert regime == "private" and "原始放款人不明" in warnings[0]


def test_plain_cases_have_no_warning():
    assert resolve_regime(categorize("招联消费金融股份有限公司")) == ("financial", [])
    assert resolve_regime(categorize("张三")) == ("private", [])


# --- case cause and form -----------------------------------------------------------------------------


def test_default_case_cause():
    assert default_case_cause("financial", "bank") == "金融借款合同纠纷"
    assert default_case_cause("local_financial", "microloan") == "小额借款合同纠纷"
    assert default_case_cause("local_financial", "pawnshop") == "小额借款合同纠纷"
    assert default_case_cause("private", "individual") == "民间借贷纠纷"
    assert default_case_cause(None, "amc_national") == "民间借贷纠纷"
    assert default_case_cause(None, "consumer_finance") == "金融借款合同纠纷"
    with pytest.raises(ValueError):
        default_case_cause("usury")


def test_form_follows_the_cause_then_the_regime():
    assert form_for("民间借贷纠纷", "financial") == "private"
    assert form_for("金融借款合同纠纷", "private") == "financial"
    assert form_for("小额借款合同纠纷", "local_financial") == "financial"
    assert form_for(None, "private") == "private"
    assert form_for("", "private") == "private"
    assert form_for(None, "local_financial") == "financial"
    assert form_for(None, "financial") == "financial"


# --- the data file ------------------------------------------------------------------------------------


def test_31_consumer_finance_codes():
    companies = _data()["consumer_finance"]["companies"]
    codes = [c["code"] for c in companies]
    assert codes == [f"X{n:04d}" for n in range(1, 32)]
    assert len({c["name"] for c in companies}) == 31
    for c in companies:
        assert categorize(c["name"]).registry_code == c["code"]


def test_data_has_sources_and_matches_the_model():
    data = _data()
    assert data["source"].startswith("lenders.md of the project's shared reference, compiled 2025-06-30")
    assert {c["code"] for c in data["categories"]} == {k.value for k in LenderKind}
    for c in data["categories"]:
        assert c["source"]
        for key in c["keys"]:
            assert key["source"] and key["confidence"] in {"E", "B", "U"}
    for p in data["products"]:
        assert p["source"] and re.fullmatch(r"[EBU].*", p["confidence"])


def test_match_order_in_the_data():
    order = [k["key"] for c in _data()["categories"] for k in c["keys"]]
    assert order.index("金融租赁") < order.index("融资租赁")
    assert max(order.index(k) for k in order if k.startswith("中国") and k.endswith("资产管理")) < order.index("资产管理")
    assert order.index("消费金融") < order.index("银行")
    assert all(order.index("银行") > order.index(k) for k in ("信托", "保险", "小额贷款"))


def test_seven_local_financial_organisations():
    orgs = local_financial_organisations()
    assert len(orgs) == 7
    assert {"小额贷款公司", "融资担保公司", "区域性股权市场", "典当行", "融资租赁公司", "商业保理公司", "地方资产管理公司"} == set(orgs)


# --- products -------------------------------------------------------------------------------------------


def test_product_lenders():
    rows = product_lenders("花呗")
    assert rows[0]["lender"] == "重庆蚂蚁消费金融有限公司"
    assert rows[0]["category"] == "consumer_finance"
    assert {r["role"] for r in rows} == {"current", "earlier"}
    assert product_lenders("微粒贷")[0]["lender"] == "深圳前海微众银行股份有限公司"
    assert product_lenders("京东金条")[0]["category"] == "microloan"
    assert product_lenders("支付宝借呗额度")[0]["product"] == "借呗"
    assert product_lenders("某某不存在的产品") == []
    assert all(r["confidence"] == "U" and r["lender"] is None for r in product_lenders("分期乐"))


def test_product_lenders_returns_copies():
    product_lenders("花呗")[0]["lender"] = "x"
    assert product_lenders("花呗")[0]["lender"] == "重庆蚂蚁消费金融有限公司"


def test_identity_is_frozen():
    who = categorize("张三")
    assert isinstance(who, LenderIdentity)
    with pytest.raises(AttributeError):
        who.category = "bank"  # type: ignore[misc]
