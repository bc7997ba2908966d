"""Issue 4 end to end: contract text → clause findings in the answer → 管辖权异议申请书 when warranted."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from docx_text import row_text, visible_text
from respond.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def draft_copy(tmp_path, **changes):
    """The microloan example (with its contract) in tmp_path, changed, drafted."""
    shutil.copy(EXAMPLES / "microloan-fees-contract.txt", tmp_path / "microloan-fees-contract.txt")
    case = json.loads((EXAMPLES / "microloan-fees.json").read_text(encoding="utf-8"))
    # a plaintiff seated away from the suing court: the court is not the place of performance either
    changes.setdefault("plaintiff__address", ELSEWHERE)
    for path, value in changes.items():
        section, key = path.split("__")
        case[section][key] = value
    p = tmp_path / "case.json"
    p.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(p), "--out", str(out), "--today", "2026-11-21"])
    return r, out


ELSEWHERE = "北京市朝阳区某某路1号"


def test_a_court_at_the_plaintiffs_seat_gets_no_objection(tmp_path):
    """民诉法解释第18条: the plaintiff receives the money, its seat is the place of performance."""
    r, out = draft_copy(tmp_path, plaintiff__address="重庆市渝北区某某大道1号")
    assert r.exit_code == 0, r.stderr
    assert not (out / "管辖权异议申请书.docx").exists()
    assert "管辖权异议" not in row_text((out / "答辩状.docx").read_bytes(), "19.其他需要说明")
    md = (out / "说明.md").read_text(encoding="utf-8")
    assert "**不建议提。**" in md and "合同履行地" in md  # the court has jurisdiction as the place of performance


def test_agreed_court_away_from_home_drafts_the_objection(tmp_path):
    r, out = draft_copy(tmp_path)
    assert r.exit_code == 0, r.stderr
    text = visible_text((out / "管辖权异议申请书.docx").read_bytes())
    assert "请求将（2026）渝0112民初40517号案件移送至浙江省杭州市西湖区人民法院（被告经常居住地的基层人民法院）审理" in text
    assert "合同第七条第1款" in text
    assert "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》（以下简称《民诉法解释》）第31条" in text
    assert "《民事诉讼法》第130条" in text and "重庆市渝北区人民法院" in text  # full title cited first in ground 1
    assert "协议管辖只能选择与争议有实际联系的地点的人民法院（《民事诉讼法》第35条）" in text
    # it answers 合同履行地 and the contract's own notice wording (issue 10)
    assert "《民诉法解释》第18条" in text and ELSEWHERE in text
    assert "加粗" in text and "举证责任" in text
    assert "答辩人同时就本案管辖权提出异议" in row_text((out / "答辩状.docx").read_bytes(), "19.其他需要说明")
    md = (out / "说明.md").read_text(encoding="utf-8")
    assert "**要。**" in md and "管辖权异议申请书.docx" in md
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["jurisdiction"]["objection_warranted"] is True
    assert "管辖权异议申请书.docx" in report["documents"]


def test_clause_arguments_reach_the_answer(tmp_path):
    r, out = draft_copy(tmp_path)
    ans = (out / "答辩状.docx").read_bytes()
    # penalty and charge clauses are argued against the interest claim, not against the signing of the contract
    interest = row_text(ans, "2.对利息")
    assert "每日千分之五" in interest and "复利" in interest and interest.startswith("无☐ 有☑")
    signing = row_text(ans, "1.对合同签订")
    assert "每日千分之五" not in signing and "格式条款" in signing and "第496条" in signing
    assert "签订借款合同（编号：XD20240315000123）的事实无异议" in signing
    # the plaintiff is the lender: the parties are not disputed, and the assignment clause is moot
    # the file does not say who the contract's lender is (loan.lender): 请核对, neither box
    assert row_text(ans, "2.对合同主体").startswith("无☐ 有☐")
    assert "无需通知乙方" not in visible_text(ans)
    assert "提前到期" in row_text(ans, "3.对提前还款")
    assert "答辩人同时就本案管辖权提出异议" in row_text(ans, "19.其他需要说明")


def test_court_at_domicile_needs_no_objection(tmp_path):
    r, out = draft_copy(tmp_path, court__name="浙江省杭州市西湖区人民法院")
    assert r.exit_code == 0, r.stderr
    assert not (out / "管辖权异议申请书.docx").exists()
    assert "**不需要。**" in (out / "说明.md").read_text(encoding="utf-8")


def test_no_contract_no_clause_findings_and_a_warning(tmp_path):
    r, out = draft_copy(tmp_path, loan__contract_text=None)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert not any(f["code"].startswith("CLAUSE_") for f in report["findings"])
    assert any("没有提供借款合同文本" in w for w in report["warnings"])
    assert report["jurisdiction"] is None


def test_missing_contract_file_is_rejected(tmp_path):
    r, out = draft_copy(tmp_path, loan__contract_text="nope.pdf")
    assert r.exit_code == 2 and "loan.contract_text" in r.stderr and not out.exists()


def test_pasted_clauses_work_like_a_file(tmp_path):
    r, out = draft_copy(tmp_path, loan__contract_text=None,
                        loan__clauses=["第七条 因本合同发生的争议，双方同意提交甲方住所地人民法院诉讼解决。"])
    assert r.exit_code == 0, r.stderr
    assert (out / "管辖权异议申请书.docx").exists()


def test_rules_lists_clause_rules():
    r = CliRunner().invoke(main, ["rules"])
    assert "CLAUSE_JURISDICTION" in r.stdout and "CLAUSE_E_SERVICE" in r.stdout
    r = CliRunner().invoke(main, ["rules", "CLAUSE_JURISDICTION"])
    assert r.exit_code == 0 and "第31条" in r.stdout


def test_after_the_answer_period_the_answer_does_not_claim_a_timely_objection(tmp_path):
    """民诉法第130条: the objection belongs to the answer period; once it is over, the answer does not
    say the objection was raised in time, and the clause's explanation says it is late."""
    shutil.copy(EXAMPLES / "microloan-fees-contract.txt", tmp_path / "microloan-fees-contract.txt")
    case = json.loads((EXAMPLES / "microloan-fees.json").read_text(encoding="utf-8"))
    case["plaintiff"]["address"] = ELSEWHERE
    p = tmp_path / "case.json"
    p.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    late = CliRunner().invoke(main, ["check", "--case", str(p), "--format", "json", "--today", "2027-03-01"])
    on_time = CliRunner().invoke(main, ["check", "--case", str(p), "--format", "json", "--today", "2026-11-21"])
    assert late.exit_code == 0 and on_time.exit_code == 0, late.stderr
    find = lambda r: next(f for f in json.loads(r.stdout)["findings"] if f["code"] == "CLAUSE_JURISDICTION")
    assert "已在答辩期内提出管辖权异议" in find(on_time)["argument"]
    assert "答辩期内提出" not in find(late)["argument"] and "该管辖协议无效" in find(late)["argument"]
    assert "答辩期已经届满" in find(late)["explanation"]
