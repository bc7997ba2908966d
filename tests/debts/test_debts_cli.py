"""respond debts (issue 14): a person with five loans (bank within the cap, consumer finance
above 24 %, a microloan with fees, a private loan with 砍头息, one sued with a case file).
Every figure equals ``respond check`` on the same loan; the order, the totals and the daily cost
worked by hand; the workbook read back with openpyxl; bad input one message per problem."""

import copy
import io
import json
from decimal import Decimal as D

import pytest
from debts_support import EXAMPLE, ROOT, TODAY, example_data, run, write_debts


@pytest.fixture(scope="module")
def listed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("debts")
    r = run("debts", EXAMPLE, "--out", tmp / "out", "--cases", tmp / "cases", "--today", TODAY)
    assert r.exit_code == 0, r.output
    return tmp, json.loads((tmp / "out" / "debts.json").read_text(encoding="utf-8"))


def check_report(case_path):
    r = run("check", "--case", case_path, "--format", "json", "--today", TODAY)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_every_figure_equals_respond_check_on_the_same_loan(listed):
    tmp, data = listed
    by_index = {r["index"]: r for r in data["rows"]}
    sources = {0: ROOT / "examples" / "jurisdiction-objection.json"}
    sources.update({i: tmp / "cases" / f"debt-{i + 1:02d}.json" for i in (1, 2, 3, 4)})
    for i, source in sources.items():
        report, row = check_report(source), by_index[i]
        assert D(row["apr"]) == D(str(report["rate"]["apr"])), i
        assert D(row["cap"]) == D(str(report["rate"]["cap"])), i
        assert row["exceeds_cap"] == report["rate"]["exceeds_cap"], i
        for key in ("claimed_total", "lawful_total", "excess"):
            assert D(row[key]) == D(str(report["amounts"][key])), (i, key)
    assert by_index[0]["answer_due"] == check_report(sources[0])["deadline"]["answer_due"] == "2026-12-03"


def test_the_loans_not_sued_are_case_files_respond_check_reads(listed):
    tmp, _ = listed
    case = json.loads((tmp / "cases" / "debt-04.json").read_text(encoding="utf-8"))
    assert case["court"]["name"] == "（尚未起诉）" and case["service"]["date"] == TODAY
    assert (tmp / "cases" / case["loan"]["contract_text"]).is_file()  # the contract found from there


def test_a_loan_not_sued_is_checked_but_never_answered(listed, tmp_path):
    """Its filing and service dates are assumed: check says so, draft refuses (nothing written)."""
    cases, _ = listed
    checked = run("check", "--case", cases / "cases" / "debt-02.json", "--today", TODAY)
    assert checked.exit_code == 0 and "尚未被起诉" in checked.output
    drafted = run("draft", "--case", cases / "cases" / "debt-02.json", "--out", tmp_path / "a", "--today", TODAY)
    assert drafted.exit_code == 2 and "不能据此生成答辩状" in drafted.stderr
    assert not (tmp_path / "a").exists()


def test_sued_first_then_the_costliest_to_leave_waiting(listed):
    """Daily cost by hand, lawful principal × min(apr, cap) / 365:
    李建国 41,767.34 × 12.40% / 365 = 14.1896… → 14.19; the bank 60,070.43 × 7.20% / 365 = 11.8494… → 11.85;
    consumer finance 13,390.59 × 24% / 365 = 8.8048… → 8.80."""
    _, data = listed
    assert [r["platform"] for r in data["rows"]] == ["某某花", "某某借条", "某某快贷", "某某分期", "某某借钱"]
    cost = {r["platform"]: r["daily_cost"] for r in data["rows"]}
    assert (cost["某某借条"], cost["某某快贷"], cost["某某分期"]) == ("14.19", "11.85", "8.80")


def test_totals_by_hand(listed):
    """Claims: 8,930.00 + 62,000.00 + 61,604.65 + 19,160.00 + 9,412.56 = 161,107.21. Above the law,
    the positive excesses only: 14,909.64 + 2,234.29 + 1,389.54 = 18,533.47."""
    _, data = listed
    assert data["totals"]["claimed_total"] == "161107.21"
    assert data["totals"]["excess"] == "18533.47"
    assert data["totals"]["loans"] == 5 and data["totals"]["sued"] == 1


def test_the_list_says_what_to_do_first(listed):
    tmp, _ = listed
    text = (tmp / "out" / "债务清单.md").read_text(encoding="utf-8")
    first = text.split("## 先做什么", 1)[1].split("## 清单", 1)[0]
    assert first.index("某某花（广州某某网络小额贷款有限公司）已经起诉您，答辩截止 2026-12-03（还有 13 天）") < first.index("某某借条")
    assert "其中 18,533.47 元超出法律允许的范围" in first
    assert "某某快贷" not in first.split("超过了法律上限")[0].rsplit("\n", 1)[-1]  # the bank is within the cap
    assert "| 3 | 某某快贷 | 某某银行股份有限公司上海分行 | 银行 | 否 |" in text
    assert "| 未超出 |" in text


def test_the_workbook_opens_with_openpyxl(listed):
    from openpyxl import load_workbook

    tmp, _ = listed
    ws = load_workbook(tmp / "out" / "债务清单.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][:3] == ("序号", "平台", "放款机构")
    assert [r[1] for r in rows[2:7]] == ["某某花", "某某借条", "某某快贷", "某某分期", "某某借钱"]
    assert rows[3][13] == pytest.approx(47090.36) and rows[3][14] == pytest.approx(14909.64)
    assert rows[4][14] == "未超出"
    assert rows[7][0] == "合计" and rows[7][12] == pytest.approx(161107.21)


def test_user_text_is_escaped_and_never_a_formula(tmp_path):
    from openpyxl import load_workbook

    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["debts"][1]["platform"] = "=HYPERLINK(\"x\")"
    data["debts"][2]["platform"] = "<b>快|贷</b>"
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = (tmp_path / "out" / "债务清单.md").read_text(encoding="utf-8")
    assert r"\<b\>快\|贷\</b\>" in text and "<b>" not in text
    ws = load_workbook(tmp_path / "out" / "债务清单.xlsx").active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=HYPERLINK(\"x\")")
    assert cell.data_type == "s"  # text, not a formula


def test_bad_input_one_message_per_problem_with_its_place_and_nothing_written(tmp_path):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad = copy.deepcopy(data)
    bad["debts"][1]["loan"]["principal"] = "1,000"
    bad["debts"][2]["case_file"] = "x.json"  # both case_file and loan
    bad["debts"][3]["demanded"]["interest"] = "NaN"
    bad["debts"][4]["creditor"] = {}
    bad["debts"][0]["case_file"] = "../nowhere.json"
    r = run("debts", write_debts(tmp_path, bad), "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2
    for where in ("debts[1].loan.principal", "debts[2]:", "debts[3].demanded.interest", "debts[4].creditor.name",
                  "debts[0].case_file"):
        assert f"  - {where}" in r.stderr, where
    assert "债务清单文件有 5 处问题" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "out").exists()


def test_not_a_debts_file(tmp_path):
    p = tmp_path / "d.json"
    p.write_text("[]", encoding="utf-8")
    r = run("debts", p, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and "JSON 对象" in r.stderr
    r = run("debts", tmp_path, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_rerun_without_force_refuses_and_with_force_replaces(listed, tmp_path):
    out = tmp_path / "out"
    assert run("debts", EXAMPLE, "--out", out, "--today", TODAY).exit_code == 0
    again = run("debts", EXAMPLE, "--out", out, "--today", TODAY)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert run("debts", EXAMPLE, "--out", out, "--today", TODAY, "--force").exit_code == 0
    assert io.BytesIO((out / "债务清单.xlsx").read_bytes()).read(2) == b"PK"


@pytest.mark.parametrize("where, path", [("platform", "debts[2].platform"), ("person", "person.name")])
def test_hidden_control_characters_in_a_name_are_refused_naming_it(tmp_path, where, path):
    """A BEL in a platform name crashed the workbook writer (openpyxl IllegalCharacterError, exit 1)."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if where == "platform":
        data["debts"][2]["platform"] = "某某\x07分期"
    else:
        data["person"]["name"] = "张\x07三"
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and f"  - {path}: 含有看不见的控制字符" in r.stderr, r.output


def test_a_cap_that_turns_on_the_filing_day_is_flagged_for_a_loan_not_sued(tmp_path):
    """A private loan made before 2020-08-20: after 2020-08-19 its cap is 4 × LPR on the filing day
    (民间借贷规定第31条), assumed today for a loan not sued; the list says so. Not for the others."""
    data = copy.deepcopy(example_data())
    loan = data["debts"][4]["loan"]
    loan["contract_date"] = "2019-09-10"
    loan.pop("disbursed_on", None)
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--letters", "--today", TODAY)
    assert r.exit_code == 0, r.output
    from docx_text import visible_text

    letter = visible_text((tmp_path / "out" / "协商还款函-05-某某借条.docx").read_bytes())
    assert "2020年8月20日以后的利率上限是起诉时一年期贷款市场报价利率的4倍" in letter and "以上按今天起诉计算" in letter
    assert "以上按今天起诉计算" not in visible_text((tmp_path / "out" / "协商还款函-03-某某分期.docx").read_bytes())
    text = (tmp_path / "out" / "债务清单.md").read_text(encoding="utf-8")
    flagged = [line for line in text.splitlines() if line.endswith("| 上限按今天起诉计算 |")]
    assert len(flagged) == 1 and "| 某某借条 |" in flagged[0]
    assert "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第31条" in text
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "out" / "债务清单.xlsx").active
    notes = [row[16] for row in ws.iter_rows(min_row=3, values_only=True) if row[1] == "某某借条"]
    assert notes == ["上限按今天起诉计算"]


def test_no_flag_where_the_cap_does_not_turn_on_the_filing_day(listed):
    tmp, _ = listed
    text = (tmp / "out" / "债务清单.md").read_text(encoding="utf-8")
    assert "上限按今天起诉计算" not in text and "第31条" not in text
