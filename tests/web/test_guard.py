"""The local page's defences, against a real uvicorn server on 127.0.0.1 (no test client): the Host
header, the token and its cookie, other origins, oversized bodies, the response headers, and the
address it listens on."""

from __future__ import annotations

import http.client
import socket
import subprocess

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from respond.web.guard import COOKIE, Guard, require_form_token
from respond.web.server import LocalServer, new_token

TOKEN = new_token()
MAX_BODY = 1024 * 1024


async def page(request):
    return PlainTextResponse("页面")


async def post(request):
    form = await request.form()
    if not require_form_token(form, TOKEN):
        return PlainTextResponse("令牌缺失", status_code=403)
    return PlainTextResponse("已保存")


def make_app(port: int):
    app = Starlette(routes=[Route("/", page), Route("/save", post, methods=["POST"])])
    return Guard(app, token=TOKEN, port=port, max_body=MAX_BODY)


@pytest.fixture(scope="module")
def server():
    with LocalServer(make_app) as s:
        yield s


def request(server, method, path, *, host=None, headers=None, body=None, cookie=True):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    h = {"Host": host or f"127.0.0.1:{server.port}", **(headers or {})}
    if cookie:
        h["Cookie"] = f"{COOKIE}={TOKEN}"
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r, data.decode("utf-8", "replace")


def form(token=TOKEN, extra=""):
    return f"token={token}&name=%E5%BC%A0%E4%B8%89{extra}".encode()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_the_opening_link_sets_the_cookie_and_drops_the_token(server):
    r, _ = request(server, "GET", f"/?token={TOKEN}", cookie=False)
    assert r.status == 303 and r.getheader("Location") == "/"
    cookie = r.getheader("Set-Cookie")
    assert cookie.startswith(f"{COOKIE}={TOKEN}") and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_without_the_token_or_the_cookie_nothing_is_served(server):
    r, text = request(server, "GET", "/", cookie=False)
    assert r.status == 403 and "respond interview" in text
    r, _ = request(server, "GET", "/?token=wrong", cookie=False)
    assert r.status == 403
    r, _ = request(server, "GET", "/", cookie=False, headers={"Cookie": f"{COOKIE}=wrong"})
    assert r.status == 403


def test_with_the_cookie_the_page_comes_with_its_security_headers(server):
    r, text = request(server, "GET", "/")
    assert r.status == 200 and text == "页面"
    csp = r.getheader("Content-Security-Policy")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert r.getheader("Cache-Control") == "no-store" and r.getheader("Referrer-Policy") == "same-origin"
    assert r.getheader("X-Frame-Options") == "DENY" and r.getheader("Server") is None


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1", "127.0.0.1:1", "[::1]:{port}"])
def test_a_wrong_host_header_is_refused_even_with_the_cookie(server, host):
    """DNS rebinding: another site's page reaching this port under its own name."""
    r, _ = request(server, "GET", "/", host=host.format(port=server.port))
    assert r.status == 421
    r, _ = request(server, "GET", f"/?token={TOKEN}", host=host.format(port=server.port), cookie=False)
    assert r.status == 421


def test_localhost_by_name_is_accepted(server):
    r, _ = request(server, "GET", "/", host=f"localhost:{server.port}")
    assert r.status == 200


def test_a_post_needs_the_form_token_and_its_own_origin(server):
    own = {"Origin": f"http://127.0.0.1:{server.port}", **FORM}
    r, text = request(server, "POST", "/save", headers=own, body=form())
    assert r.status == 200 and text == "已保存"
    r, _ = request(server, "POST", "/save", headers=own, body=form(token="wrong"))
    assert r.status == 403
    r, _ = request(server, "POST", "/save", headers=own, body=b"name=x")
    assert r.status == 403
    r, _ = request(server, "POST", "/save", headers={"Origin": "http://evil.example", **FORM}, body=form())
    assert r.status == 403
    r, _ = request(server, "POST", "/save", headers={"Origin": "null", **FORM}, body=form())
    assert r.status == 403
    r, _ = request(server, "POST", "/save", headers={"Sec-Fetch-Site": "cross-site", **FORM}, body=form())
    assert r.status == 403
    r, _ = request(server, "POST", "/save", headers=own, body=form(), cookie=False)
    assert r.status == 403


def test_an_oversized_body_is_refused_declared_or_not(server):
    own = {"Origin": f"http://127.0.0.1:{server.port}", **FORM}
    big = form(extra="&pad=" + "x" * (MAX_BODY + 10))
    r, text = request(server, "POST", "/save", headers=own, body=big)
    assert r.status == 413 and "上限 1 MB" in text
    # chunked: no Content-Length, counted as it arrives
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("POST", "/save", skip_host=True)
    for k, v in {"Host": f"127.0.0.1:{server.port}", "Cookie": f"{COOKIE}={TOKEN}", "Transfer-Encoding": "chunked",
                 **own}.items():
        conn.putheader(k, v)
    conn.endheaders()
    chunk = b"x" * 65536
    try:
        for _ in range(MAX_BODY // len(chunk) + 2):
            conn.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        conn.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server may close as soon as it has refused
    r = conn.getresponse()
    assert r.status == 413


def _addresses() -> list[str]:
    """This machine's IPv4 addresses other than 127.0.0.1, and another loopback address."""
    found = {"127.0.0.2"}
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout.split()
        found.update(a for a in out if a.count(".") == 3)
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        found.add(socket.gethostbyname(socket.gethostname()))
    except OSError:
        pass
    found.discard("127.0.0.1")
    return sorted(found)


def test_the_server_listens_on_127_0_0_1_only(server):
    assert server.sock.getsockname()[0] == "127.0.0.1"
    for address in _addresses():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(2)
            assert s.connect_ex((address, server.port)) != 0, address
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        try:
            assert s.connect_ex(("::1", server.port)) != 0
        except OSError:
            pass  # no IPv6 here: nothing to reach either
