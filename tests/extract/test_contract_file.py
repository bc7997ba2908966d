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


def test_txt_and_docx_are_read_in_the_child_process_with_their_limits(tmp_path, child_processes):
    txt = tmp_path / "c.txt"
    txt.write_bytes("第一条 争议由甲方住所地人民法院管辖。".encode("gb18030"))
    assert read_contract_file(txt) == "第一条 争议由甲方住所地人民法院管辖。"
    docx = tmp_path / "c.docx"
    docx.write_bytes(_docx("第一条 借款金额为人民币一万元。"))
    assert read_contract_file(docx) == "第一条 借款金额为人民币一万元。"
    assert [c[1:3] for c in child_processes] == [["-m", "respond.extract._contract_worker"]] * 2
    with pytest.raises(ContractTextError, match="找不到"):
        read_contract_file(tmp_path / "missing.txt")
    with pytest.raises(ContractTextError, match="文件夹"):
        read_contract_file(tmp_path)


def test_docx_zip_bomb_and_broken_files_are_refused_by_the_child(tmp_path):
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * 150_000_000)
    with pytest.raises(ContractTextError, match="解压后过大"):
        read_contract_file(bomb)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ContractTextError, match="不是有效的 Word"):
        read_contract_file(broken)
    binary = tmp_path / "c.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ContractTextError, match="编码"):
        read_contract_file(binary)


def test_a_contract_that_takes_too_long_is_stopped(tmp_path):
    docx = tmp_path / "c.docx"
    docx.write_bytes(_docx("第一条 借款"))
    with pytest.raises(ContractTextError, match="超时"):
        read_contract_file(docx, Limits(max_bytes=30_000_000, max_pages=2, timeout=0.001))


@pytest.mark.parametrize("name, said", [("合同.doc", r"\.doc"), ("合同.jpg", "不支持"), ("合同", "不支持")])
def test_unsupported_kinds_are_refused_before_reading(tmp_path, name, said, child_processes):
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(ContractTextError, match=said):
        read_contract_file(path)
    assert child_processes == []


def _docx(text: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
