"""征信异议申请书 (respond debts --disputes): one per debt with a credit_record; the lawful figure is
``respond check`` on the same loan run to the credit report's day; the visible text carries the
figures, the grounds the file gives and no other, citations from the index; user text verbatim;
a ground the figures contradict is refused with its field, nothing written."""

import json

import pytest
from debts_support import EXAMPLE, TODAY, example_data, run, write_debts
from docx_text import visible_text

from respond.checks.findings import citations

NAME = "征信异议申请书-04-某某借钱.docx"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("disputes")
    r = run("debts", EXAMPLE, "--out", tmp / "out", "--cases", tmp / "cases", "--disputes", "--today", TODAY)
    assert r.exit_code == 0, r.output
    return tmp


def test_one_application_per_debt_with_a_credit_record(drafted):
    assert sorted(p.name for p in (drafted / "out").glob("征信异议申请书-*.docx")) == [NAME]
    assert (drafted / "out" / "征信异议怎么做.md").is_file()


def test_the_lawful_figure_is_respond_check_run_to_the_report_day(drafted, tmp_path):
    case = json.loads((drafted / "cases" / "debt-04.json").read_text(encoding="utf-8"))
    case["claims"]["as_of"] = "2026-11-18"  # the example's credit_record.report_date
    (tmp_path / "c.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    (tmp_path / case["loan"]["contract_text"]).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / case["loan"]["contract_text"]).write_bytes((drafted / "cases" / case["loan"]["contract_text"]).read_bytes())
    r = run("check", "--case", tmp_path / "c.json", "--format", "json", "--today", TODAY)
    assert r.exit_code == 0, r.output
    lawful = json.loads(r.stdout)["amounts"]["lawful_total"]
    assert lawful == 8195.75
    text = visible_text((drafted / "out" / NAME).read_bytes())
    # 9,412.56 shown − 8,195.75 lawful = 1,216.81
    assert "信用报告显示的 9,412.56 元，高于按法律规定重新计算、截至同一天（2026年11月18日）的依法应还金额 8,195.75 元，多出 1,216.81 元" in text


def test_the_text_says_what_the_file_gives_and_nothing_else(drafted):
    text = visible_text((drafted / "out" / NAME).read_bytes())
    assert "致：重庆某某网络小额贷款有限公司（报送该记录的机构）" in text
    assert "于 2026年11月18日 查询本人的个人信用报告" in text
    assert "没有事先告知本人（依据：《征信业管理条例》第15条）" in text  # the file's second ground
    assert "已于" not in text and "不是本人的借款" not in text and "超过5年" not in text  # grounds not given
    assert "20日内核查处理" in text
    assert "经核查仍不能确认的，请对核查情况和本人的异议内容予以记载（依据：《征信业管理条例》第25条）" in text
    assert "删除" not in text  # no deletion asked: not an expired record
    assert "截至 2026年11月18日 本人依法应还 8,195.75 元" in text  # the default statement, from the figures
    assert "申请人（签字）：" in text and "日期：2026年11月20日" in text


def test_every_citation_printed_is_in_the_index(drafted):
    text = visible_text((drafted / "out" / NAME).read_bytes())
    guide = (drafted / "out" / "征信异议怎么做.md").read_text(encoding="utf-8")
    printed = {c.cite for c in citations().values()}
    laws = {c.law for c in citations().values()}
    import re

    for doc in (text, guide):
        for law, articles in re.findall(r"(《[^》]+》)((?:第\d+条、?)+)", doc):
            if law in laws:
                for a in re.findall(r"第\d+条", articles):
                    assert law + a in printed, law + a
    assert "法律没有明确规定" in guide  # the amount ground's unsettled point is said


def test_repaid_alone_and_the_person_s_own_statement_verbatim(tmp_path):
    data = example_data()
    data["debts"][3]["credit_record"] = {"report_date": "2026-11-10", "grounds": ["repaid"], "settled_on": "2026-10-01",
                                         "statement": "甲&<>\"'{{ 1+1 }}{% if 1 %}乙{% endif %}", "reported_by": "某某征信报送单位"}
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / NAME).read_bytes())
    assert "致：某某征信报送单位（报送该记录的机构）" in text
    assert "这笔借款本人已于 2026年10月1日 全部还清" in text and "结清证明或还款记录" in text
    assert "甲&<>\"'{{ 1+1 }}{% if 1 %}乙{% endif %}" in text
    assert "信用报告显示的金额" not in text  # no amount given, none stated
    guide = (tmp_path / "out" / "征信异议怎么做.md").read_text(encoding="utf-8")
    assert "法律没有明确规定" not in guide


@pytest.mark.parametrize("record, field, words", [
    ({"report_date": "2026-11-18", "grounds": ["amount_above_lawful"], "amount_shown": "8000.00"},
     "debts[3].credit_record.amount_shown", "不高于依法应还"),
    ({"report_date": "2026-11-18", "grounds": ["older_than_five_years"], "ended_on": "2024-01-01"},
     "debts[3].credit_record.ended_on", "才超过5年"),
    ({"report_date": "2026-11-18", "grounds": ["bad_luck"]}, "debts[3].credit_record.grounds[0]", "取值应为以下之一"),
    ({"report_date": "2026/11/18", "grounds": ["repaid"]}, "debts[3].credit_record.report_date", ""),
    ({"grounds": ["repaid"]}, "debts[3].credit_record.report_date", "缺少必填字段"),
])
def test_a_ground_the_facts_do_not_support_is_refused_nothing_written(tmp_path, record, field, words):
    data = example_data()
    data["debts"][3]["credit_record"] = record
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", TODAY)
    assert r.exit_code == 2
    assert field in r.stderr and words in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_without_the_flag_no_application(tmp_path):
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0
    assert not list((tmp_path / "out").glob("征信*"))


def test_the_application_holds_what_the_credit_bureau_s_form_asks_for(drafted):
    """tests/debts/real/zhengxin-yiyi-shenqingbiao.md: the lender, the kind of loan, the day it was
    paid out, the contract amount, the data items said to be wrong, lines for the ID number and the
    phone (by hand), the ID copy attached, a copy kept."""
    text = visible_text((drafted / "out" / NAME).read_bytes())
    assert "贷款机构：重庆某某网络小额贷款有限公司；贷款种类：个人贷款；发放日期：2024年3月15日；合同金额：10,000.00 元" in text
    assert "合同编号 XD20240315000123" in text
    assert "认为有错误的数据项：余额（逾期金额）、逾期（不良）信息。" in text
    assert "身份证件类型及号码：＿" in text and "联系电话：＿" in text
    assert "申请人身份证复印件" in text
    guide = (drafted / "out" / "征信异议怎么做.md").read_text(encoding="utf-8")
    assert "复印一份自己留着" in guide and "保留交件凭证" in guide


def test_a_card_record_is_described_as_a_card(tmp_path):
    data = example_data()
    data["debts"][1]["credit_card"] = True
    data["debts"][1]["credit_record"] = {"report_date": "2026-11-10", "grounds": ["not_my_loan"]}
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / "征信异议申请书-02-某某快贷.docx").read_bytes())
    assert "贷款种类：信用卡" in text and "认为有错误的数据项：整条贷款记录。" in text
    assert "报警回执" in text


def test_payments_after_the_report_day_are_not_taken_off_the_figure_of_that_day(tmp_path, drafted):
    """The example loan 4 (某某借钱) run to 2024-06-01: only the payments made by then count. The
    expected figure is respond check on the case file with those later payments struck out by hand."""
    data = example_data()
    data["debts"][3]["credit_record"] = {"report_date": "2024-06-01", "grounds": ["amount_above_lawful"],
                                         "amount_shown": "12000.00"}
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", TODAY)
    assert r.exit_code == 0, r.output
    case = json.loads((drafted / "cases" / "debt-04.json").read_text(encoding="utf-8"))
    kept = [p for p in case["loan"]["payments"] if p["date"] <= "2024-06-01"]
    assert 0 < len(kept) < len(case["loan"]["payments"])  # the example has payments on both sides
    case["loan"]["payments"] = kept
    case["claims"]["as_of"] = "2024-06-01"
    (tmp_path / "c.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    (tmp_path / case["loan"]["contract_text"]).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / case["loan"]["contract_text"]).write_bytes((drafted / "cases" / case["loan"]["contract_text"]).read_bytes())
    checked = run("check", "--case", tmp_path / "c.json", "--format", "json", "--today", TODAY)
    lawful = json.loads(checked.stdout)["amounts"]["lawful_total"]
    text = visible_text((tmp_path / "out" / NAME).read_bytes())
    assert f"（2024年6月1日）的依法应还金额 {lawful:,.2f} 元" in text


def test_a_report_day_before_the_loan_is_refused(tmp_path):
    data = example_data()
    data["debts"][3]["credit_record"] = {"report_date": "2024-01-01", "grounds": ["no_prior_notice"]}
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", TODAY)
    assert r.exit_code == 2 and "debts[3].credit_record.report_date" in r.stderr and "早于借款开始的 2024-03-15" in r.stderr


@pytest.mark.parametrize("record", [{"report_date": "2026-11-10", "grounds": ["not_my_loan"]},
                                    {"report_date": "2026-11-10", "grounds": ["repaid"], "settled_on": "2026-10-01"}])
def test_a_debt_said_not_to_be_the_person_s_or_paid_gets_no_payment_offer(tmp_path, record):
    data = example_data()
    data["debts"][3]["credit_record"] = record
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--letters", "--today", TODAY)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / NAME).is_file()
    assert not (tmp_path / "out" / "协商还款函-04-某某借钱.docx").exists()
    assert (tmp_path / "out" / "协商还款函-03-某某分期.docx").exists()
    assert "某某借钱：您在征信异议中说这笔借款不是您的或已经还清，没有写协商还款函" in r.output


def test_a_record_is_only_weighed_when_disputes_are_asked_for(tmp_path):
    data = example_data()
    data["debts"][3]["credit_record"] = {"report_date": "2026-11-18", "grounds": ["amount_above_lawful"],
                                         "amount_shown": "1.00"}
    debts_file = write_debts(tmp_path, data)
    r = run("debts", debts_file, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0, r.output  # the list is made; the record's problem is for --disputes
    r = run("debts", debts_file, "--out", tmp_path / "out2", "--disputes", "--today", TODAY)
    assert r.exit_code == 2 and "不高于依法应还" in r.stderr


def test_an_expired_record_asks_for_deletion_not_correction_and_names_the_bureau(tmp_path):
    data = example_data()
    data["debts"][3]["credit_record"] = {"report_date": "2026-11-10", "grounds": ["older_than_five_years"],
                                         "ended_on": "2024-04-15"}
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", "2029-05-01")
    assert r.exit_code == 0, r.output  # ended 2024-04-15: deletion due 2029-04-16
    text = visible_text((tmp_path / "out" / NAME).read_bytes())
    assert "本人认为该记录已超过法定的保存期限" in text and "请贵方核查并删除" in text
    assert "或者转请征信机构删除（依据：《征信业管理条例》第16条）" in text
    assert "予以更正" not in text


def test_the_lender_is_who_lent_not_who_bought_the_debt(tmp_path):
    data = example_data()
    debt = data["debts"][3]
    debt["loan"]["lender"] = debt["creditor"]["name"]
    debt["creditor"] = {"name": "某某资产管理股份有限公司"}
    debt["credit_record"] = {"report_date": "2026-11-10", "grounds": ["no_prior_notice"]}
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--disputes", "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / NAME).read_bytes())
    assert "致：重庆某某网络小额贷款有限公司（报送该记录的机构）" in text
    assert "贷款机构：重庆某某网络小额贷款有限公司" in text and "某某资产管理" not in text
