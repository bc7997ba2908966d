"""The contract file (loan.contract_text) is read like the court's papers: a PDF in the sandboxed child."""

from __future__ import annotations

from pathlib import Path

import pytest

from respond.checks.clauses import find_clauses
from respond.checks.contract_text import ContractTextError
from respond.extract.contract_file import read_contract_file
from respond.extract.pdftext import Limits

REAL = Path(__file__).resolve().parents[1] / "clauses" / "real"


def _pdf(text: str) -> bytes:
    """The clause tests' PDF maker (reportlab, wrapped lines, page footers), loaded from its file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("clause_conftest", REAL.parent / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_pdf(text)


def test_a_real_agreement_as_pdf_gives_the_findings_of_its_text(tmp_path):
    # p2p-zhengda-edai-loan.txt (证大e贷), drawn as a wrapped, paginated PDF
    text = (REAL / "p2p-zhengda-edai-loan.txt").read_text(encoding="utf-8")
    path = tmp_path / "contract.pdf"
    path.write_bytes(_pdf(text))
    extracted = read_contract_file(path)
    assert extracted != text  # lines wrapped at the page width, footers dropped
    assert "第 1 页" not in extracted
    assert [(h.code, h.article) for h in find_clauses(extracted)] == [(h.code, h.article) for h in find_clauses(text)]


def test_the_pdf_is_parsed_in_the_child_process(tmp_path, child_processes):
    path = tmp_path / "contract.pdf"
    path.write_bytes(_pdf("第一条 借款\n甲方（出借人）向乙方（借款人）出借人民币一万元。"))
    assert "出借人民币一万元" in read_contract_file(path)
    assert child_processes and child_processes[0][1:3] == ["-m", "respond.extract._worker"]


def test_a_scan_a_fake_pdf_and_a_page_cap_get_a_clear_answer(tmp_path):
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.rect(50, 50, 200, 200, fill=1)  # a page with a picture-like shape and no text
    c.showPage()
    c.save()
    with pytest.raises(ContractTextError, match="扫描件.*loan.clauses"):
        read_contract_file(scan)
    fake = tmp_path / "contract.pdf"
    fake.write_text("<html><body>下载合同</body></html>", encoding="utf-8")
    with pytest.raises(ContractTextError, match="不是有效的 PDF"):
        read_contract_file(fake)
    long = tmp_path / "long.pdf"
    long.write_bytes(_pdf("\n".join(f"第{i}条 乙方应按期还款。" for i in range(1, 400))))
    with pytest.raises(ContractTextError, match="太大|页"):
        read_contract_file(long, Limits(max_bytes=30_000_000, max_pages=2, timeout=30.0))


def test_txt_and_docx_are_read_in_process_with_their_limits(tmp_path):
    txt = tmp_path / "c.txt"
    txt.write_bytes("第一条 争议由甲方住所地人民法院管辖。".encode("gb18030"))
    assert read_contract_file(txt) == "第一条 争议由甲方住所地人民法院管辖。"
    with pytest.raises(ContractTextError, match="找不到"):
        read_contract_file(tmp_path / "missing.txt")
    with pytest.raises(ContractTextError, match="文件夹"):
        read_contract_file(tmp_path)
