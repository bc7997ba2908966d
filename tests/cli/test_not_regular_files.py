"""A path that is not a regular file (a FIFO, a device, a folder, a dangling or looping link) is
refused before it is opened, with its reason; in a batch it gets its own row and the others go on.
Regression tests for issue 16's hangs (a FIFO as the contract or among the cases; /dev/zero as the
contract) and silent drops (a dangling link among the cases not in summary.csv). Run as
subprocesses with a timeout, so that a regression fails instead of hanging the suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


def respond(*args, timeout=120):
    return subprocess.run([sys.executable, "-c", "from respond.cli.main import main; main()", *map(str, args),
                           "--today", "2026-11-21"],
                          capture_output=True, text=True, timeout=timeout)


def case_with_contract(tmp_path: Path, contract: str) -> Path:
    data = json.loads((EXAMPLES / "microloan-fees.json").read_text(encoding="utf-8"))
    data["loan"]["contract_text"] = contract
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("make, reason", [
    (lambda p: os.mkfifo(p), "是管道（FIFO），不是普通文件"),
    (lambda p: os.symlink("/dev/zero", p), "是设备文件，不是普通文件"),
    (lambda p: p.mkdir(), "是文件夹，不是文件"),
    (lambda p: os.symlink(p.name, p), "是循环的符号链接"),
    (lambda p: os.symlink("no-such-file.pdf", p), "找不到合同文件"),
])
def test_a_contract_path_that_is_not_a_file_is_refused_before_it_is_opened(tmp_path, make, reason):
    make(tmp_path / "合同.txt")
    r = respond("check", "--case", case_with_contract(tmp_path, "合同.txt"))
    assert r.returncode == 2, r.stderr
    assert reason in r.stderr and "loan.contract_text" in r.stderr and "Traceback" not in r.stderr


def test_a_fifo_and_a_dangling_link_among_the_cases_get_their_own_rows(tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "good.json").write_text((EXAMPLES / "bank-within-cap.json").read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(cases / "pipe.json")
    os.symlink("gone.json", cases / "dangling.json")
    r = respond("batch", cases, "--out", tmp_path / "out", "--jobs", "1")
    assert r.returncode == 2, r.stderr
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    rows = {line.split(",")[0].rsplit("/", 1)[-1]: line for line in summary.splitlines()[1:]}
    assert set(rows) == {"good.json", "pipe.json", "dangling.json"}
    assert "drafted" in rows["good.json"]
    assert "rejected" in rows["pipe.json"] and "是管道（FIFO）" in rows["pipe.json"]
    assert "rejected" in rows["dangling.json"] and "找不到这个文件" in rows["dangling.json"]


@pytest.mark.parametrize("name", ["11010519900307123X.pdf", "13812345678.txt", "浙江省杭州市西湖区某某路12号.txt"])
def test_a_missing_contract_named_after_personal_data_is_not_echoed(tmp_path, name):
    """Issue 16: the contract's file name (an ID number, a phone, the borrower's address) was echoed."""
    r = respond("check", "--case", case_with_contract(tmp_path, name))
    assert r.returncode == 2 and "找不到合同文件" in r.stderr
    assert name.rsplit(".", 1)[0] not in r.stderr and "***" in r.stderr


def test_text_pasted_into_an_amount_is_not_quoted_back(tmp_path):
    data = json.loads((EXAMPLES / "bank-within-cap.json").read_text(encoding="utf-8"))
    data["claims"]["interest"] = "上海市徐汇区某某路300弄7号"  # an address, not the borrower's own field
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = respond("check", "--case", path)
    assert r.returncode == 2 and "claims.interest" in r.stderr and "收到的是文字" in r.stderr
    assert "某某路300弄" not in r.stderr
