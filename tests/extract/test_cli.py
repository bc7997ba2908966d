"""``respond extract`` end to end: the real command, stdout and stderr apart, the file it writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from respond.case.load import load_case
from respond.cli.extract_cmd import extract
from respond.cli.main import main

SETS = {
    "xihu": ["xihu-chuanpiao", "xihu-yingsu", "xihu-juzheng", "xihu-qisu"],
    "nanshan": ["nanshan-chuanpiao", "nanshan-yingsu", "nanshan-juzheng", "nanshan-qisu"],
    "bjinternet": ["bjinternet-chuanpiao", "bjinternet-yingsu", "bjinternet-qisu"],
}
SERVED = {"xihu": "2026-11-04", "nanshan": "2026-11-06", "bjinternet": "2026-12-02"}

# Personal data in the fixtures that must never reach the console.
PRIVATE = ["33010619900101123X", "13800001234", "138 0000 1234", "文三路", "440305199207081129", "13900005678",
           "139-0000-5678", "科技园路", "130102198511233011", "中山东路", "阜通东大街"]


def files(fixtures: Path, name: str) -> list[str]:
    return [str(fixtures / f"{stem}.pdf") for stem in SETS[name]]


def run(args: list[str]):
    return CliRunner().invoke(extract, args, catch_exceptions=False)


def assert_private(result) -> None:
    for secret in PRIVATE:
        assert secret not in result.stdout and secret not in result.stderr, secret


@pytest.mark.parametrize("name", sorted(SETS))
def test_extract_writes_a_case_file_that_loads(tmp_path, fixtures, name):
    out = tmp_path / "case.json"
    result = run([*files(fixtures, name), "-o", str(out), "--served-on", SERVED[name],
                  "--service-method", "electronic"])
    assert result.exit_code == 0, result.stderr
    assert "已写入" in result.stdout and "可以运行：respond check" in result.stdout
    assert result.stderr == ""
    loaded = load_case(out)
    assert loaded.case.service.date.isoformat() == SERVED[name]
    assert_private(result)


def test_missing_service_is_written_and_announced(tmp_path, fixtures):
    out = tmp_path / "case.json"
    result = run([*files(fixtures, "xihu"), "-o", str(out)])
    assert result.exit_code == 0
    assert "service.method" in result.stderr and "service.date" in result.stderr
    assert "--served-on" in result.stderr and "notes.missing" in result.stderr
    case = json.loads(out.read_text(encoding="utf-8"))
    assert case["notes"]["missing"] == ["service.method", "service.date"]
    assert case["service"]["method"] is None
    assert_private(result)
    # …and check refuses it until the user fills the gaps.
    checked = CliRunner().invoke(main, ["check", "--case", str(out)])
    assert checked.exit_code == 2 and "service.date" in checked.stderr


def test_extract_then_check_carries_court_case_number_parties_and_claims(tmp_path, fixtures):
    out = tmp_path / "case.json"
    assert run([*files(fixtures, "xihu"), "-o", str(out), "--served-on", "2026-11-04",
                "--service-method", "electronic"]).exit_code == 0
    checked = CliRunner().invoke(main, ["check", "--case", str(out), "--format", "json", "--today", "2026-11-10"])
    assert checked.exit_code == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["case"] == {"court": "浙江省杭州市西湖区人民法院", "case_number": "（2026）浙0106民初12345号",
                              "plaintiff": "重庆青禾小额贷款有限公司", "defendant": "张三"}
    assert report["deadline"]["served_on"] == "2026-11-04"
    assert report["deadline"]["period_days"] == 15
    claims = load_case(out).case.claims
    assert (str(claims.principal), str(claims.interest), str(claims.penalty), str(claims.legal_costs)) == \
        ("9000.00", "1530.20", "600.00", "1500.00")


# what each fixture set's papers say (their source texts beside the PDFs)
PAPERS = {
    "xihu": ["浙江省杭州市西湖区人民法院", "（2026）浙0106民初12345号", "重庆青禾小额贷款有限公司", "张三",
             "QH20240315000123", "9,000.00", "1,530.20", "600.00", "1,500.00"],
    "nanshan": ["广东省深圳市南山区人民法院", "（2026）粤0305民初23456号", "广州珠禾消费金融股份有限公司", "李四",
                "8,000.00", "856.40", "332.45", "240.00"],
}


@pytest.mark.parametrize("court", sorted(PAPERS))
def test_extract_then_draft_produces_an_answer_with_the_extracted_facts(tmp_path, fixtures, court):
    """Issue 5: the answer carries the extracted court, case number, parties and every claimed amount."""
    from docx_text import visible_text  # tests/docx_text.py: the text a person sees
    from respond.checks.formats import money_text

    out = tmp_path / "case.json"
    assert run([*files(fixtures, court), "-o", str(out), "--served-on", "2026-11-04",
                "--service-method", "electronic"]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    for field, value in (("contract_date", "2024-03-15"), ("principal", "10000.00")):
        data["loan"].setdefault(field, value)  # when the complaint does not state them, the user fills them
        if data["loan"][field] is None:
            data["loan"][field] = value
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    case = load_case(out).case
    drafted = CliRunner().invoke(main, ["draft", "--case", str(out), "--out", str(tmp_path / "draft"),
                                        "--today", "2026-11-10"])
    assert drafted.exit_code == 0, drafted.stderr
    text = visible_text((tmp_path / "draft" / "答辩状.docx").read_bytes())
    expected = [case.court.name, case.court.case_number, case.plaintiff.name, case.defendant.name]
    c = case.claims
    amounts = [x for x in (c.principal, c.interest, c.penalty, c.fees, c.legal_costs) if x is not None]
    assert len(amounts) >= 3
    for value in expected + [money_text(x) for x in amounts]:
        assert value and value in text, value
    for value in PAPERS[court]:  # fixed values: a wrong extraction cannot pass
        assert value in text, value


def test_existing_output_needs_force(tmp_path, fixtures):
    out = tmp_path / "case.json"
    out.write_text("mine", encoding="utf-8")
    result = run([*files(fixtures, "nanshan"), "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    result = run([*files(fixtures, "nanshan"), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["court"]["case_number"] == "（2026）粤0305民初23456号"
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]  # no temporary file left behind


@pytest.mark.parametrize("hostile, says", [
    ("hostile-saved-link.pdf", "不是 PDF"),
    ("hostile-encrypted-password.pdf", "密码"),
    ("hostile-no-tounicode.pdf", "乱码"),
    ("hostile-60-pages.pdf", "60 页"),
    ("hostile-bomb.pdf", "安全处理上限"),
])
def test_a_hostile_file_stops_everything_with_exit_2(tmp_path, fixtures, hostile, says):
    out = tmp_path / "case.json"
    result = run([*files(fixtures, "xihu"), str(fixtures / hostile), "-o", str(out)])
    assert result.exit_code == 2
    assert hostile in result.stderr and says in result.stderr and "未写入任何文件" in result.stderr
    assert result.stdout == "" and not out.exists()
    assert "Traceback" not in result.stderr


def test_encrypted_with_empty_password_works(tmp_path, fixtures):
    out = tmp_path / "case.json"
    result = run([str(fixtures / "hostile-encrypted-empty-password.pdf"), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["service"]["answer_days"] == 15


def test_no_court_document_among_the_files(tmp_path):
    reportlab = pytest.importorskip("reportlab")  # noqa: F841 - a readable PDF that is not a court paper
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "借款合同.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 750, "个人借款合同 甲方：某某小额贷款有限公司 乙方：借款人 借款金额：人民币一万元整")
    c.save()
    result = run([str(path), "-o", str(tmp_path / "case.json")])
    assert result.exit_code == 2
    assert "未能识别文书类型" in result.stderr and "没有识别出任何法院文书" in result.stderr


def test_bad_arguments(tmp_path, fixtures):
    one = str(fixtures / "xihu-chuanpiao.pdf")
    bad_date = CliRunner().invoke(extract, [one, "-o", str(tmp_path / "c.json"), "--served-on", "2026/11/03"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr
    bad_method = CliRunner().invoke(extract, [one, "-o", str(tmp_path / "c.json"), "--service-method", "email"])
    assert bad_method.exit_code == 2
    no_out = CliRunner().invoke(extract, [one])
    assert no_out.exit_code == 2
    copy = tmp_path / "传票.pdf"
    shutil.copy(one, copy)
    same = run([str(copy), "-o", str(copy), "--force"])
    assert same.exit_code == 2 and "同一个文件" in same.stderr
    assert copy.read_bytes() == Path(one).read_bytes()


def test_help_documents_the_incomplete_file(tmp_path):
    result = CliRunner().invoke(extract, ["--help"])
    assert result.exit_code == 0
    for words in ("notes.missing", "--served-on", "--service-method", "respond check", "respond draft", "退出码"):
        assert words in result.stdout


def test_one_bundled_pdf_gives_the_same_case_as_four_files(tmp_path, fixtures):
    separate, bundled = tmp_path / "separate.json", tmp_path / "bundled.json"
    common = ["--served-on", "2026-11-06", "--service-method", "mail"]
    assert run([*files(fixtures, "nanshan"), "-o", str(separate), *common]).exit_code == 0
    result = run([str(fixtures / "bundle-nanshan.pdf"), "-o", str(bundled), *common])
    assert result.exit_code == 0 and "bundle-nanshan.pdf 第 4 页：起诉状副本" in result.stdout
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (separate, bundled))
    assert {k: v for k, v in a.items() if k != "notes"} == {k: v for k, v in b.items() if k != "notes"}
    assert b["notes"]["sources"]["claims.principal"]["page"] == 4
