"""Where the commands write: a missing output folder is created, a path through a file is refused in
Chinese (exit 2), and ``draft --force`` leaves one package in the folder, never touching other files."""

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import case_dict
from respond.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "extract" / "fixtures"
TODAY = ["--today", "2026-11-21"]


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def draft(case, out, *extra):
    return invoke("draft", "--case", case, "--out", out, *TODAY, *extra)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- draft --force: one package in the folder ----------------------------------------------------

@pytest.fixture
def previous_package(tmp_path):
    """A folder with a full earlier package (answer, annex, objection) and two files of the user's."""
    out = tmp_path / "out"
    case = json.loads((EXAMPLES / "microloan-fees.json").read_text(encoding="utf-8"))
    case["plaintiff"]["address"] = "北京市朝阳区某某路1号"  # away from the court: an objection is drafted
    case["loan"]["contract_text"] = str(EXAMPLES / "microloan-fees-contract.txt")
    (tmp_path / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    r = draft(tmp_path / "case.json", out)
    assert r.exit_code == 0, r.output
    assert {"利息重算表.docx", "管辖权异议申请书.docx"} <= set(listing(out))
    (out / "我的笔记.docx").write_text("mine", encoding="utf-8")
    (out / "利息重算表（修改稿）.docx").write_text("mine too", encoding="utf-8")
    return out


def test_draft_force_removes_documents_this_case_no_longer_has(previous_package):
    out = previous_package
    r = draft(EXAMPLES / "bank-within-cap.json", out, "--force")  # this case: an answer only
    assert r.exit_code == 0, r.output
    names = set(listing(out))
    assert "利息重算表.docx" not in names and "管辖权异议申请书.docx" not in names
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert names == set(report["documents"]) | {"report.json", "说明.md", "我的笔记.docx", "利息重算表（修改稿）.docx",
                                             ".respond-files.json"}
    assert (out / "我的笔记.docx").read_text(encoding="utf-8") == "mine"
    assert "已删除" in r.stdout and "利息重算表.docx" in r.stdout


def test_draft_without_force_changes_nothing(previous_package):
    before = listing(previous_package)
    r = draft(EXAMPLES / "bank-within-cap.json", previous_package)
    assert r.exit_code == 2 and "--force" in r.stderr
    assert listing(previous_package) == before


def test_draft_force_keeps_what_it_regenerates(previous_package):
    r = draft(previous_package.parent / "case.json", previous_package, "--force")
    assert r.exit_code == 0 and "已删除" not in r.stdout
    assert {"答辩状.docx", "利息重算表.docx", "管辖权异议申请书.docx"} <= set(listing(previous_package))


# --- output folders that do not exist, or cannot ------------------------------------------------

def test_init_creates_the_missing_folder(tmp_path):
    target = tmp_path / "nosuch" / "dir" / "case.json"
    r = invoke("init", target)
    assert r.exit_code == 0, r.output
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def test_init_relative_path_in_missing_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("init", "nosuch/dir/case.json")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "nosuch" / "dir" / "case.json").is_file()


@pytest.mark.parametrize("command", ["init", "draft", "extract"])
def test_output_under_a_file_is_refused_in_chinese(tmp_path, command):
    blocker = tmp_path / "afile"
    blocker.write_text("mine", encoding="utf-8")
    if command == "init":
        r = invoke("init", blocker / "case.json")
    elif command == "draft":
        r = draft(EXAMPLES / "bank-within-cap.json", blocker / "out")
    else:
        r = invoke("extract", FIXTURES / "xihu-chuanpiao.pdf", "-o", blocker / "case.json")
    assert r.exit_code == 2, r.output
    assert "无法创建输出文件夹" in r.stderr and "不是文件夹" in r.stderr
    assert "内部错误" not in r.stderr and "Traceback" not in r.output
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_draft_and_extract_create_missing_folders(tmp_path):
    r = draft(EXAMPLES / "bank-within-cap.json", tmp_path / "a" / "b")
    assert r.exit_code == 0 and (tmp_path / "a" / "b" / "答辩状.docx").is_file()
    target = tmp_path / "c" / "d" / "case.json"
    r = invoke("extract", FIXTURES / "xihu-chuanpiao.pdf", "-o", target)
    assert r.exit_code == 0, r.output
    assert target.is_file()


# --- a rejected case: every problem, nothing written ----------------------------------------------

def test_rejected_case_lists_schema_problems_and_contradictions_and_writes_nothing(tmp_path):
    bad = case_dict(court={"name": "", "filed_on": "2026-11-05"}, service={"method": "fax"},
                    loan={"term_months": "x", "upfront_deductions": [{"name": "服务费", "amount": "20000"}],
                          "payments": [{"date": "2024-01-01", "amount": "10"}]})
    case = tmp_path / "case.json"
    case.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    r = draft(case, tmp_path / "out")
    assert r.exit_code == 2
    for path in ("court.name", "service.method", "loan.term_months", "loan.upfront_deductions[0].amount",
                 "loan.payments[0].date", "service.date"):
        assert f"  - {path}: " in r.stderr, path
    assert "案件文件有 6 处问题" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "out").exists()


def test_force_over_a_locked_file_writes_nothing(tmp_path):
    """An output that cannot be replaced (immutable, locked): refused before any file is replaced,
    so the folder never holds half a new package (exit 2, not an internal error)."""
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["draft", "--case", str(EXAMPLES / "bank-within-cap.json"), "--out", str(out),
                                     "--today", "2026-11-21"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    locked = out / "说明.md"
    if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        r = CliRunner().invoke(main, ["draft", "--case", str(EXAMPLES / "bank-within-cap.json"), "--out", str(out),
                                      "--today", "2026-11-25", "--force"])
    finally:
        subprocess.run(["chattr", "-i", str(locked)])
    assert r.exit_code == 2 and "说明.md" in r.stderr and "未写入任何文件" in r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
