"""The interview in a real browser (Debian's Chromium, driven by playwright): a borrower opens the
link the command prints, walks through every page by the labels a person reads, and downloads the
package; another uploads court PDFs and sees the prefilled values with their sources; another
resumes a saved interview. Keyboard only, and a phone-width window, are exercised too."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import AVAILABLE, WHY_NOT, chromium  # noqa: E402
from interview_cases import TODAY, WALKS, _report  # noqa: E402
from respond.web.app import create_app  # noqa: E402
from respond.web.questions import PAGES, asked  # noqa: E402
from respond.web.server import LocalServer, new_token  # noqa: E402
from respond.web.store import Store  # noqa: E402

pytestmark = pytest.mark.skipif(not AVAILABLE, reason=WHY_NOT)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FIXTURES = Path(__file__).resolve().parents[1] / "extract" / "fixtures"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def site(tmp_path):
    token = new_token()
    store = Store(tmp_path / "saved")
    with LocalServer(lambda port: create_app(token=token, port=port, store=store, today=lambda: TODAY,
                                             pdf=False)) as server:
        yield f"{server.base}/?token={token}", store


def answer_page(page, questions, answers):
    """Fill one page as a person does: each question found by its visible label."""
    for q in questions:
        if q.kind == "choice":
            if q.key in answers:
                page.locator(f'input[name="{q.key}"][value="{answers[q.key]}"]').check()
        elif q.kind == "rate":
            if f"{q.key}.percent" in answers:
                page.locator(f'input[name="{q.key}.period"][value="{answers[q.key + ".period"]}"]').check()
                page.locator(f'[name="{q.key}.percent"]').fill(answers[f"{q.key}.percent"])
        elif q.kind == "contract_file":
            if q.key in answers:
                page.get_by_label(q.label, exact=False).set_input_files(answers[q.key])
        elif q.key in answers:
            page.get_by_label(q.label, exact=False).first.fill(answers[q.key])


def walk(page, answers):
    page.get_by_role("button", name="从空白开始填写").click()
    given: dict[str, str] = {}
    for p in PAGES:
        for _ in range(3):
            page.wait_for_selector("h1")
            assert page.locator("h1").inner_text() == p.title
            shown = [q for q in p.questions if asked(q, given)]
            answer_page(page, shown, answers)
            keys = {q.key for q in shown}
            given.update({k: v for k, v in answers.items() if k in keys or k.rsplit(".", 1)[0] in keys})
            page.get_by_role("button", name="保存，下一步").click()
            page.wait_for_load_state()
            if page.locator("h1").inner_text() != p.title:
                break
    assert page.locator("h1").inner_text() == "核对和下载"


@pytest.mark.parametrize("answers, example", WALKS, ids=[w[1] for w in WALKS])
def test_a_borrower_walks_through_and_downloads_the_package(browser, site, answers, example):
    url, _ = site
    page = browser.new_page(accept_downloads=True)
    page.goto(url)
    walk(page, answers)
    expected = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    expected.pop("notes", None)
    report = _report(expected)
    deadline = page.locator(".deadline").inner_text()
    assert report["deadline"]["answer_due"] in deadline
    with page.expect_download() as info:
        page.get_by_role("button", name="下载答辩材料（zip）").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    got = json.loads(archive.read("答辩材料/report.json"))
    got.pop("documents")
    assert got == report
    page.close()


def test_uploaded_pdfs_are_prefilled_with_their_sources(browser, site):
    url, _ = site
    page = browser.new_page()
    page.goto(url)
    page.get_by_label("选择传票、应诉通知书、起诉状副本、举证通知书").set_input_files(
        [str(FIXTURES / n) for n in ("xihu-chuanpiao.pdf", "xihu-qisu.pdf")])
    page.get_by_role("button", name="上传并自动填写").click()
    page.wait_for_selector("h1")
    assert page.get_by_label("哪个法院在审理这个案子？").input_value() == "浙江省杭州市西湖区人民法院"
    assert "xihu-chuanpiao.pdf 第 1 页" in page.locator("#q-court\\.name .source").inner_text()
    page.close()


def test_a_saved_interview_is_resumed(browser, site):
    url, store = site
    page = browser.new_page()
    page.goto(url)
    page.get_by_role("button", name="从空白开始填写").click()
    page.get_by_label("哪个法院在审理这个案子？").fill("上海市浦东新区人民法院")
    page.get_by_label("案号是什么？").fill("（2026）沪0115民初7号")
    page.get_by_role("button", name="保存，下一步").click()
    page.close()
    again = browser.new_page()  # a new window, as after closing the browser
    again.goto(url)
    again.get_by_role("link", name="（2026）沪0115民初7号").first.click()
    assert again.locator("h1").inner_text() == PAGES[1].title
    again.get_by_role("link", name="上一步").click()
    assert again.get_by_label("哪个法院在审理这个案子？").input_value() == "上海市浦东新区人民法院"
    again.close()


def test_keyboard_only_and_a_phone_width_window(browser, site):
    url, _ = site
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(url)
    page.get_by_role("button", name="从空白开始填写").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("h1")
    page.keyboard.press("Tab")
    page.keyboard.type("上海市浦东新区人民法院")
    assert page.get_by_label("哪个法院在审理这个案子？").input_value() == "上海市浦东新区人民法院"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing wider than the phone: no sideways scrolling
    page.close()
