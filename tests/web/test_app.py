"""The interview app served for real (uvicorn on 127.0.0.1, requests over HTTP): a borrower walks
through every page with a bundled example's facts, the review shows the deadline first, and the
downloaded package's report is the one `respond check` gives for the example file; answers are
saved after each page and resumed; a page whose answer makes a new question relevant comes back."""

from __future__ import annotations

import http.client
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interview_cases import PRIVATE, TODAY, WALKS, _report  # noqa: E402
from respond.web.app import create_app  # noqa: E402
from respond.web.guard import COOKIE  # noqa: E402
from respond.web.questions import PAGES, asked  # noqa: E402
from respond.web.server import LocalServer, new_token  # noqa: E402
from respond.web.store import Store  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOKEN = new_token()


@pytest.fixture
def site(tmp_path):
    store = Store(tmp_path / "saved")
    with LocalServer(lambda port: create_app(token=TOKEN, port=port, store=store, today=lambda: TODAY,
                                             pdf=False)) as server:
        yield server, store


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "----respondtest7d1b"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]
    for field, (name, data) in files.items():
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                      "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8") + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def call(server, method, path, fields=None, files=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    headers = {"Host": f"127.0.0.1:{server.port}", "Cookie": f"{COOKIE}={TOKEN}"}
    body = None
    if files is not None:
        body, kind = multipart({"token": TOKEN, **(fields or {})}, files)
        headers.update({"Content-Type": kind, "Origin": f"http://127.0.0.1:{server.port}"})
    elif fields is not None:
        body = urlencode({"token": TOKEN, **fields}).encode()
        headers.update({"Content-Type": "application/x-www-form-urlencoded",
                        "Origin": f"http://127.0.0.1:{server.port}"})
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r, data


def walk(server, answers) -> str:
    """Start, answer every page as it is shown (coming back when a page grows); the interview's path."""
    r, _ = call(server, "POST", "/new", {})
    assert r.status == 303
    location = r.getheader("Location")
    base = location.rsplit("/", 1)[0]
    given: dict[str, str] = {}
    for page in PAGES:
        for _ in range(3):  # a page shown again when an answer makes a question relevant
            r, html = call(server, "GET", f"{base}/{page.key}")
            assert r.status == 200
            shown = [q for q in page.questions if asked(q, given)]
            fields, files = {}, None
            for q in shown:
                names = [f"{q.key}.period", f"{q.key}.percent"] if q.kind == "rate" else [q.key]
                assert f'name="{names[-1]}"' in html.decode()
                if q.kind == "contract_file":
                    path = Path(answers[q.key]) if q.key in answers else None
                    files = {q.key: (path.name, path.read_bytes())} if path else {}
                    continue
                fields.update({n: answers[n] for n in names if n in answers})
            given.update(fields)
            r, _ = call(server, "POST", f"{base}/{page.key}", fields, files)
            assert r.status == 303
            if not r.getheader("Location").startswith(f"{base}/{page.key}"):
                break
    assert r.getheader("Location") == f"{base}/review"
    return base


@pytest.mark.parametrize("answers, example", WALKS, ids=[w[1] for w in WALKS])
def test_a_borrower_walks_through_and_downloads_the_package_of_respond_check(site, answers, example):
    server, _ = site
    base = walk(server, answers)
    r, html = call(server, "GET", f"{base}/review")
    text = re.sub(r"<[^>]+>", "", html.decode())
    expected = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    expected.pop("notes", None)
    report = _report(expected)
    due = report["deadline"]["answer_due"]
    assert f"答辩截止：{due}" in text and text.index("答辩截止") < text.index("您填写的内容")
    assert "还需要补上或改正" not in text
    r, data = call(server, "POST", f"{base}/package", {})
    assert r.status == 200 and r.getheader("Content-Type") == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert "答辩材料/答辩状.docx" in names and "答辩材料/说明.md" in names
    # the collection guide for this loan, whom to complain to from the registry, and the empty log
    guide = archive.read("答辩材料/遭遇催收怎么办.md").decode("utf-8")
    assert "立即拨打 110 报警" in guide and f"| {report['case']['plaintiff']} |" in guide
    assert "respond debts" not in guide  # no command line for the interview's reader
    assert archive.read("答辩材料/催收记录表.csv").decode("utf-8-sig").startswith("日期,时间,哪笔借款")
    from urllib.parse import quote

    r, one = call(server, "GET", f"{base}/file/{quote('催收记录表.csv')}")
    assert r.status == 200 and r.getheader("Content-Type").startswith("text/csv") and one.startswith(b"\xef\xbb\xbf")
    got = json.loads(archive.read("答辩材料/report.json"))
    got.pop("documents")
    assert got == report
    # the findings in plain words: the 说明.md's own figures, on the review page
    explanation = archive.read("答辩材料/说明.md").decode("utf-8")
    section = explanation.split("## 4. 我们发现了什么")[1].split("\n## ")[0]
    figures = [line[2:].replace("**", "") for line in section.splitlines() if line.startswith("- ")]
    assert figures and all(f in text for f in figures)
    assert text.index("答辩截止") < text.index("我们发现了什么") < text.index("您填写的内容")


def test_the_deductions_question_appears_once_the_borrower_says_not_all_arrived(site):
    server, _ = site
    r, _ = call(server, "POST", "/new", {})
    base = r.getheader("Location").rsplit("/", 1)[0]
    r, html = call(server, "GET", f"{base}/received")
    assert 'name="loan.upfront_deductions"' not in html.decode()
    r, _ = call(server, "POST", f"{base}/received", {"ask.full_amount_received": "no"})
    assert r.getheader("Location") == f"{base}/received#q-loan.upfront_deductions"
    r, html = call(server, "GET", f"{base}/received")
    assert 'name="loan.upfront_deductions"' in html.decode()


def test_answers_are_saved_each_page_and_resumed_from_the_start_page(site):
    server, store = site
    r, _ = call(server, "POST", "/new", {})
    base = r.getheader("Location").rsplit("/", 1)[0]
    call(server, "POST", f"{base}/suit", {"court.name": "上海市浦东新区人民法院", "court.case_number": "（2026）沪0115民初1号"})
    interview = base.rsplit("/", 1)[1]
    saved = store.load(interview)
    assert saved["answers"]["court.name"] == "上海市浦东新区人民法院" and saved["page"] == "service"
    r, html = call(server, "GET", "/")
    assert f'href="/i/{interview}/service"' in html.decode() and "（2026）沪0115民初1号" in html.decode()
    r, html = call(server, "GET", f"{base}/suit")
    assert 'value="上海市浦东新区人民法院"' in html.decode()


def test_the_review_lists_what_is_missing_and_what_cannot_be_read(site):
    server, _ = site
    r, _ = call(server, "POST", "/new", {})
    base = r.getheader("Location").rsplit("/", 1)[0]
    call(server, "POST", f"{base}/claims", {"claims.principal": "20.000"})
    r, html = call(server, "GET", f"{base}/review")
    text = html.decode()
    assert "还需要补上或改正" in text and "计算答辩截止日" in text and "20.000 可能是二十元" in text
    assert "下载答辩材料" not in text
    r, _ = call(server, "POST", f"{base}/package", {})
    assert r.status == 303  # nothing to download yet: back to the review


def test_user_text_is_escaped_everywhere(site):
    server, _ = site
    r, _ = call(server, "POST", "/new", {})
    base = r.getheader("Location").rsplit("/", 1)[0]
    hostile = '<script>alert(1)</script>"><img src=x>'
    call(server, "POST", f"{base}/suit", {"court.name": hostile, "court.case_number": hostile})
    for path in (f"{base}/suit", f"{base}/review", "/"):
        r, html = call(server, "GET", path)
        assert "<script>alert" not in html.decode() and "<img src=x>" not in html.decode()


def test_a_post_without_the_form_token_changes_nothing(site):
    server, store = site
    r, _ = call(server, "POST", "/new", {})
    base = r.getheader("Location").rsplit("/", 1)[0]
    interview = base.rsplit("/", 1)[1]
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("POST", f"{base}/suit", body=urlencode({"court.name": "改掉"}).encode(),
                 headers={"Host": f"127.0.0.1:{server.port}", "Cookie": f"{COOKIE}={TOKEN}",
                          "Content-Type": "application/x-www-form-urlencoded"})
    assert conn.getresponse().status == 403
    assert "court.name" not in store.load(interview)["answers"]


def test_an_unknown_interview_or_page_is_not_found(site):
    server, _ = site
    assert call(server, "GET", "/i/" + "0" * 32 + "/suit")[0].status == 404
    assert call(server, "GET", "/i/../../etc/passwd/suit")[0].status == 404


FIXTURES = Path(__file__).resolve().parents[1] / "extract" / "fixtures"


def upload(server, files: list[tuple[str, bytes]]):
    boundary = "----respondtest7d1b"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\n{TOKEN}\r\n'.encode()]
    for name, data in files:
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                      "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8") + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("POST", "/upload", body=body, headers={
        "Host": f"127.0.0.1:{server.port}", "Cookie": f"{COOKIE}={TOKEN}", "Origin": f"http://127.0.0.1:{server.port}",
        "Content-Type": f"multipart/form-data; boundary={boundary}"})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r, data.decode("utf-8")


def test_uploaded_papers_prefill_the_answers_each_with_its_source(site):
    """The 西湖 set (传票, 应诉通知书, 起诉状, 举证通知书): the court, the parties, the claims come prefilled,
    each showing the document and text it was read from; service, which the papers do not give, stays
    for the borrower."""
    server, store = site
    names = ["xihu-chuanpiao.pdf", "xihu-yingsu.pdf", "xihu-qisu.pdf", "xihu-juzheng.pdf"]
    r, _ = upload(server, [(n, (FIXTURES / n).read_bytes()) for n in names])
    assert r.status == 303
    base = r.getheader("Location").rsplit("/", 1)[0]
    saved = store.load(base.rsplit("/", 1)[1])
    answers = saved["answers"]
    assert answers["court.name"] == "浙江省杭州市西湖区人民法院"
    assert answers["court.case_number"] == "（2026）浙0106民初12345号"
    assert answers["claims.principal"] == "9000.00" and answers["claims.until_paid"] == "yes"
    assert answers["loan.rate.period"] == "annual" and answers["loan.rate.percent"] == "18"
    assert "service.date" not in answers and "service.method" not in answers
    r, html = call(server, "GET", f"{base}/suit")
    text = html.decode()
    assert 'value="浙江省杭州市西湖区人民法院"' in text
    assert "从文书中读出，请核对：xihu-chuanpiao.pdf 第 1 页：“浙江省杭州市西湖区人民法院”" in text
    # the borrower adds what the papers lack, and the review is ready
    call(server, "POST", f"{base}/service", {"service.method": "electronic", "service.date": "2026-11-03"})
    r, html = call(server, "GET", f"{base}/review")
    assert "答辩期已在 2026-11-18 结束（已过 2 天）" in re.sub(r"<[^>]+>", "", html.decode())  # 11-03 + 15 days


@pytest.mark.parametrize("files, message", [
    ([("传票.pdf", b"<html><body>saved link</body></html>")], "传票.pdf：不是 PDF、JPG 或 PNG 文件"),
    ([("空.pdf", b"")], "空.pdf：空文件"),
    ([(f"{i}.pdf", b"%PDF-1.4 x") for i in range(11)], "一次最多上传 10 份文件"),
    ([], "没有选择文件"),
])
def test_an_upload_that_cannot_be_read_is_refused_with_a_message(site, files, message):
    server, store = site
    r, text = upload(server, files)
    assert r.status == 400 and message in text
    assert store.saved() == []


def test_an_oversized_upload_is_refused_as_it_arrives(tmp_path):
    store = Store(tmp_path / "saved")

    def make(port):
        app = create_app(token=TOKEN, port=port, store=store, today=lambda: TODAY, pdf=False)
        app.max_body = 1024 * 1024
        return app

    with LocalServer(make) as server:
        r, text = upload(server, [("big.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))])
        assert r.status == 413 and "太大" in text
    assert store.saved() == []


def test_each_document_can_be_downloaded_alone(site):
    server, _ = site
    base = walk(server, PRIVATE)
    r, html = call(server, "GET", f"{base}/review")
    links = re.findall(r'href="(/i/[^"]+/file/[^"]+)"', html.decode())
    from urllib.parse import unquote

    names = [unquote(link.rsplit("/", 1)[1]) for link in links]
    # pdf=False here: no PDF links; then the collection guide and its log
    assert names == ["答辩状.docx", "利息重算表.docx", "说明.md", "遭遇催收怎么办.md", "催收记录表.csv"]
    r, data = call(server, "GET", links[0].replace("答辩状.docx", "%E7%AD%94%E8%BE%A9%E7%8A%B6.docx"))
    assert r.status == 200 and data.startswith(b"PK")
    assert "attachment" in r.getheader("Content-Disposition")
    r, data = call(server, "GET", f"{base}/file/%E8%AF%B4%E6%98%8E.md")
    assert "## 1. 截止日期" in data.decode("utf-8")
    assert call(server, "GET", f"{base}/file/..%2F..%2Fsecret")[0].status == 404


def _to_contract_page(server) -> str:
    r, _ = call(server, "POST", "/new", {})
    return r.getheader("Location").rsplit("/", 1)[0]


def test_an_uploaded_contract_is_read_kept_as_text_and_can_be_removed(site):
    server, store = site
    base = _to_contract_page(server)
    contract = (EXAMPLES / "microloan-fees-contract.txt").read_bytes()
    r, _ = call(server, "POST", f"{base}/contract", {}, {"loan.contract_text": ("我的合同.txt", contract)})
    assert r.status == 303 and r.getheader("Location") == f"{base}/credit"  # the next page
    saved = store.load(base.rsplit("/", 1)[1])
    assert saved["contract"]["name"] == "我的合同.txt"
    assert "第三条 担保与其他服务" in saved["contract"]["text"]
    _, html = call(server, "GET", f"{base}/contract")
    assert "已上传：我的合同.txt" in html.decode()
    # saving the page again without choosing a file keeps it; ticking 删除 removes it
    call(server, "POST", f"{base}/contract", {"loan.clauses": ""}, {"loan.contract_text": ("", b"")})
    assert store.load(base.rsplit("/", 1)[1])["contract"]["name"] == "我的合同.txt"
    call(server, "POST", f"{base}/contract", {"remove_contract": "yes"}, {"loan.contract_text": ("", b"")})
    saved = store.load(base.rsplit("/", 1)[1])
    assert "contract" not in saved and "loan.contract_text" not in saved["answers"]


@pytest.mark.parametrize("name, data, message", [
    ("合同截图.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "照片或旧版 Word（.doc）读不出条款"),
    ("扫描的合同.pdf", (FIXTURES / "hostile-scan.pdf").read_bytes(), "没有可以提取的文字"),
    ("合同.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "照片或旧版 Word（.doc）读不出条款"),
    ("合同.pdf", b"%PDF-1.4\n garbage, not a PDF", "不是有效的 PDF 文件"),
    ("空.txt", b"", "空文件"),
])
def test_a_contract_that_cannot_be_read_is_refused_on_its_page(site, name, data, message):
    server, store = site
    base = _to_contract_page(server)
    r, _ = call(server, "POST", f"{base}/contract", {}, {"loan.contract_text": (name, data)})
    assert r.getheader("Location").startswith(f"{base}/contract")  # the page again, not the review
    _, html = call(server, "GET", f"{base}/contract")
    text = html.decode()
    assert message in text and name in text
    assert "contract" not in store.load(base.rsplit("/", 1)[1])


def _credit(answers: dict[str, str], amount: str) -> dict[str, str]:
    return {**answers, "ask.credit_dispute": "yes", "ask.credit_report_date": "2026年11月10日",
            "ask.credit_ground": "amount_above_lawful", "ask.credit_amount_shown": amount}


def test_a_wrong_credit_record_gets_its_application_in_the_package(site, tmp_path):
    """The interview's 信用报告 page: the same application ``respond debts --disputes`` writes, its
    lawful figure ``respond check`` on the same case run to the report's day."""
    from interview_cases import MICROLOAN

    from docx_text import visible_text

    server, _ = site
    base = walk(server, _credit(MICROLOAN, "99999"))
    r, html = call(server, "GET", f"{base}/review")
    text = re.sub(r"<[^>]+>", "", html.decode())
    assert "征信异议申请书还不能写" not in text and "征信异议申请书-01-" in text
    r, data = call(server, "POST", f"{base}/package", {})
    archive = zipfile.ZipFile(io.BytesIO(data))
    [name] = [n for n in archive.namelist() if "征信异议申请书" in n]
    application = visible_text(archive.read(name))
    case = json.loads((EXAMPLES / "microloan-fees.json").read_text(encoding="utf-8"))
    case["claims"]["as_of"] = "2026-11-10"
    case["loan"]["contract_text"] = str(EXAMPLES / case["loan"]["contract_text"])
    (tmp_path / "c.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    from click.testing import CliRunner

    from respond.cli.main import main

    r = CliRunner().invoke(main, ["check", "--case", str(tmp_path / "c.json"), "--format", "json",
                                  "--today", TODAY.isoformat()])
    lawful = json.loads(r.stdout)["amounts"]["lawful_total"]
    shown = f"{lawful:,.2f}"
    assert f"截至同一天（2026年11月10日）的依法应还金额 {shown} 元" in application
    assert "信用报告显示的 99,999.00 元" in application
    assert "答辩材料/征信异议怎么做.md" in archive.namelist()


def test_a_dispute_the_figures_contradict_is_explained_and_the_answer_still_downloads(site):
    from interview_cases import MICROLOAN

    server, _ = site
    base = walk(server, _credit(MICROLOAN, "100"))
    r, html = call(server, "GET", f"{base}/review")
    page = html.decode()
    text = re.sub(r"<[^>]+>", "", page)
    assert "征信异议申请书还不能写" in text and "不高于依法应还" in text
    assert f'href="{base}/credit#q-ask.credit_amount_shown"' in page
    assert "下载答辩材料" in text
    r, data = call(server, "POST", f"{base}/package", {})
    assert r.status == 200
    assert not [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "征信" in n]


def test_the_interview_s_grounds_are_the_checks_grounds():
    from respond.checks.credit_record import GROUNDS
    from respond.web.questions import CREDIT_GROUNDS

    assert tuple(code for code, _ in CREDIT_GROUNDS) == GROUNDS


def test_a_borrower_who_says_the_loan_is_not_theirs_is_told_to_say_so_in_the_answer(site):
    from interview_cases import MICROLOAN

    server, _ = site
    answers = {**MICROLOAN, "ask.credit_dispute": "yes", "ask.credit_report_date": "2026-11-10",
               "ask.credit_ground": "not_my_loan"}
    base = walk(server, answers)
    r, html = call(server, "GET", f"{base}/review")
    text = re.sub(r"<[^>]+>", "", html.decode())
    assert "您说这笔借款不是您的，或者已经还清" in text and "要在答辩时向法院说清楚" in text
    assert "征信异议申请书-01-" in text
