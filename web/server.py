"""The local server: uvicorn on a socket bound to 127.0.0.1 only, on a port the system picks.

The socket is bound here, before uvicorn starts, so the address cannot be widened by a setting or
an environment variable, and the port is known before the app (whose :class:`~respond.web.guard.Guard`
checks the Host header against it) is built. Access logs are off: a URL can carry a case number.
"""

from __future__ import annotations

import secrets
import socket
import threading
from typing import Callable

HOST = "127.0.0.1"


def bind_local() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def new_token() -> str:
    return secrets.token_urlsafe(32)


class LocalServer:
    """``with LocalServer(make_app) as server: server.url`` — ``make_app(port)`` builds the ASGI app once
    the port is known; the server runs in a thread until the block ends (the CLI calls :meth:`run`)."""

    def __init__(self, make_app: Callable[[int], Callable]):
        import uvicorn

        self.sock = bind_local()
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(make_app(self.port), log_level="warning", access_log=False, lifespan="off",
                                server_header=False, date_header=False)
        self.server = uvicorn.Server(config)
        self.thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def run(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C)."""
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self.sock.close()

    def __enter__(self) -> "LocalServer":
        import time

        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        for _ in range(500):
            if self.server.started:
                break
            time.sleep(0.01)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=10)
        self.sock.close()
