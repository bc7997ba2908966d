"""Debian's Chromium driven by pip's playwright (``executable_path``: never ``playwright install``,
which downloads a browser and fails here). Without Chromium or playwright the browser tests are
skipped, except when ``RESPOND_REQUIRE_BROWSER`` is set (CI sets it), where they fail."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil

CHROMIUM = os.environ.get("RESPOND_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
PLAYWRIGHT = importlib.util.find_spec("playwright") is not None
AVAILABLE = bool(CHROMIUM and PLAYWRIGHT)
WHY_NOT = ("Chromium is not installed (apt-get install chromium)" if not CHROMIUM
           else "playwright is not installed (pip install playwright)")
if not AVAILABLE and os.environ.get("RESPOND_REQUIRE_BROWSER"):
    raise RuntimeError(f"RESPOND_REQUIRE_BROWSER is set but {WHY_NOT}")

# As root in a container, and with no network: no sandbox, and none of Chromium's background calls home.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions"]


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
