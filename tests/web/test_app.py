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
from interview_cases import BANK, PRIVATE, TODAY, _report  # noqa: E402
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


def call(server, method, path, fields=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    headers = {"Host": f"127.0.0.1:{server.port}", "Cookie": f"{COOKIE}={TOKEN}"}
    body = None
    if fields is not None:
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
            fields = {}
            for q in shown:
                names = [f"{q.key}.period", f"{q.key}.percent"] if q.kind == "rate" else [q.key]
                fields.update({n: answers[n] for n in names if n in answers})
                assert f'name="{names[-1]}"' in html.decode()
            given.update(fields)
            r, _ = call(server, "POST", f"{base}/{page.key}", fields)
            assert r.status == 303
            if not r.getheader("Location").startswith(f"{base}/{page.key}"):
                break
    assert r.getheader("Location") == f"{base}/review"
    return base


@pytest.mark.parametrize("answers, example", [(PRIVATE, "private-upfront-deduction.json"),
                                              (BANK, "bank-within-cap.json")])
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
    got = json.loads(archive.read("答辩材料/report.json"))
    got.pop("documents")
    assert got == report


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
