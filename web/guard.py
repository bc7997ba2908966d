"""What every request to the local interview page must pass, as one ASGI middleware.

The page runs on the borrower's own computer and holds their case: their name, ID number, debts.
Another web page open in the same browser, or another user of the machine, must not be able to
read or change it. So, for every request:

- **Host**: only ``127.0.0.1:<port>`` or ``localhost:<port>`` (a DNS-rebinding page reaches this
  server under its own host name, and is refused);
- **token**: the command opens ``/?token=<random>``; that request sets a cookie (HttpOnly,
  SameSite=Strict) and redirects to the address without the token. A request with neither the
  token nor the cookie is refused;
- **state-changing requests** (anything but GET/HEAD) also need an ``Origin`` (or, without one,
  ``Sec-Fetch-Site``) that is this server's own, and the form field ``token`` checked by the
  endpoint (:func:`require_form_token`): a form on another site cannot post here;
- **size**: a request body over ``max_body`` bytes is refused (413) as it arrives, whatever its
  ``Content-Length`` says;
- **headers** on every response: no caching, no referrer to other sites, no framing, a Content-Security-Policy
  that allows nothing from outside (every script and style is served by this server).

Refusals are short Chinese pages; nothing of the request is logged.
"""

from __future__ import annotations

import hmac
import html
from http.cookies import SimpleCookie
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qs, quote, urlencode

COOKIE = "respond_session"
SAFE_METHODS = frozenset({"GET", "HEAD"})
MAX_BODY = 60 * 1024 * 1024  # a few court PDFs or phone photos

SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make Chromium post "Origin: null"
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


def same_token(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def require_form_token(form: Any, token: str) -> bool:
    """The ``token`` field of a posted form is this session's."""
    value = form.get("token") if form is not None else None
    return isinstance(value, str) and same_token(value, token)


class Guard:
    """ASGI middleware: see the module docstring. ``port`` is the port the server listens on."""

    def __init__(self, app: Callable, *, token: str, port: int, max_body: int = MAX_BODY):
        self.app = app
        self.token = token
        self.port = port
        self.max_body = max_body
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if headers.get("host") not in self.hosts:
            return await _refuse(send, 421, "地址不对：请使用 respond interview 打开的地址（127.0.0.1）。")
        method = scope["method"]
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = (query.get("token") or [None])[0]
        if given is not None and method in SAFE_METHODS:
            if not same_token(given, self.token):
                return await _refuse(send, 403, "链接中的令牌不对：请使用 respond interview 打开的地址。")
            rest = {k: v for k, v in query.items() if k != "token"}
            target = quote(scope.get("path", "/")) + (("?" + urlencode(rest, doseq=True)) if rest else "")
            return await _redirect_with_cookie(send, target, self.token)
        if not same_token(_cookie(headers.get("cookie")), self.token):
            return await _refuse(send, 403, "没有访问权限：请使用 respond interview 打开的地址"
                                            "（地址中带有一次性令牌；关闭后重新运行命令即可）。")
        if method not in SAFE_METHODS:
            origin = headers.get("origin")
            site = headers.get("sec-fetch-site")
            if origin is not None and origin not in self.origins:
                return await _refuse(send, 403, "拒绝来自其他网站的请求。")
            if origin is None and site not in (None, "same-origin", "none"):
                return await _refuse(send, 403, "拒绝来自其他网站的请求。")
            declared = headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
                return await _refuse(send, 413, _too_large(self.max_body))
        received = 0
        started = too_large = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise BodyTooLarge
            return message

        async def secured_send(message: dict[str, Any]) -> None:
            nonlocal started
            if too_large:  # the app's own error page for the exception: ours (413) goes instead
                return
            if message["type"] == "http.response.start":
                started = True
                message = dict(message, headers=list(message.get("headers", [])) + SECURITY_HEADERS)
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _refuse(send, 413, _too_large(self.max_body))


def _too_large(limit: int) -> str:
    return f"上传的内容太大（上限 {limit // (1024 * 1024)} MB）。法院文书一般只有几 MB，请只选传票、应诉通知书、起诉状和举证通知书。"


def _cookie(header: str | None) -> str | None:
    if not header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(header)
    except Exception:
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel else None


async def _refuse(send: Send, status: int, message: str) -> None:
    body = ("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无法访问</title>"
            f"<p>{html.escape(message)}</p></html>").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _redirect_with_cookie(send: Send, target: str, token: str) -> None:
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", target.encode("latin-1", "replace")), (b"set-cookie", cookie.encode()),
                            (b"content-length", b"0"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": b""})
