"""Screenshots of every page of the interview at desktop and phone width, to look at.

    python bench/interview_screens.py [folder]     # default: out/screens

Starts the app on 127.0.0.1 with a private store, walks through it with a bundled example's
answers (the microloan with fees and its contract, tests/web/interview_cases.py) in Debian's Chromium (playwright, executable_path), and
writes <page>-desktop.png and <page>-phone.png (full page) for the start page, each topic and the
review. Needs chromium (apt) and playwright (pip).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

WIDTHS = {"desktop": (1280, 900), "phone": (360, 740)}


def main(folder: str = "out/screens") -> int:
    from browser import AVAILABLE, WHY_NOT, chromium
    from interview_cases import MICROLOAN as PRIVATE, TODAY  # fees, a contract upload: the most pages

    from respond.web.app import create_app
    from respond.web.questions import PAGES, asked
    from respond.web.server import LocalServer, new_token
    from respond.web.store import Store

    if not AVAILABLE:
        print(f"cannot take screenshots: {WHY_NOT}")
        return 1
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    token = new_token()
    with tempfile.TemporaryDirectory() as tmp, \
            LocalServer(lambda port: create_app(token=token, port=port, store=Store(tmp), today=lambda: TODAY,
                                                pdf=False)) as server, chromium() as browser:
        for kind, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"{server.base}/?token={token}")
            page.screenshot(path=str(out / f"0-start-{kind}.png"), full_page=True)
            page.get_by_role("button", name="从空白开始填写").click()
            given = {}
            for n, p in enumerate(PAGES, 1):
                for attempt in range(3):  # a page comes back when an answer makes a question relevant
                    page.wait_for_selector("h1")
                    shown = [q for q in p.questions if asked(q, given)]
                    for q in shown:
                        if q.kind == "choice" and q.key in PRIVATE:
                            page.locator(f'input[name="{q.key}"][value="{PRIVATE[q.key]}"]').check()
                        elif q.kind == "rate" and f"{q.key}.percent" in PRIVATE:
                            page.locator(f'input[name="{q.key}.period"][value="{PRIVATE[q.key + ".period"]}"]').check()
                            page.locator(f'[name="{q.key}.percent"]').fill(PRIVATE[f"{q.key}.percent"])
                        elif q.kind == "contract_file" and q.key in PRIVATE:
                            page.locator(f'[name="{q.key}"]').set_input_files(PRIVATE[q.key])
                        elif q.key in PRIVATE:
                            page.locator(f'[name="{q.key}"]').fill(PRIVATE[q.key])
                    page.screenshot(path=str(out / f"{n}-{p.key}{'-again' * attempt}-{kind}.png"), full_page=True)
                    keys = {q.key for q in shown}
                    given.update({k: v for k, v in PRIVATE.items() if k in keys or k.rsplit(".", 1)[0] in keys})
                    page.get_by_role("button", name="保存，下一步").click()
                    page.wait_for_load_state()
                    if page.locator("h1").inner_text() != p.title:
                        break
            page.screenshot(path=str(out / f"9-review-{kind}.png"), full_page=True)
            page.close()
    print(f"screenshots written to {out}: {len(list(out.glob('*.png')))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
