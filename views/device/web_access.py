"""The web mode answers only Tend's own page, in the browser that was given this run's address.

Any page open in the same browser can reach 127.0.0.1, and Flet's web server accepts its WebSocket (the whole app,
every note) from any origin. So, as Jupyter does, each start makes a random token and prints (and opens) the address
with it; the first visit trades it for a cookie (HttpOnly, SameSite=Strict), and every request must then:

- name this server in `Host` (127.0.0.1:PORT or localhost:PORT): a rebound DNS name is refused;
- come from this server's own origin when the browser says where it comes from (`Origin`), and always for the
  WebSocket: cookies are not kept apart by port, so a page on 127.0.0.1:OTHERPORT sends ours along;
- carry the token cookie.

Anything else gets 403 and reaches nothing of Flet's. Imported only for the web mode: phone builds have no flet_web.
"""

import os
import secrets
import signal
import socket
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qsl, urlencode

import flet as ft
import uvicorn
from flet.utils import get_bool_env_var, is_linux_server, open_in_browser
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK = "127.0.0.1"
TOKEN_PARAMETER = "token"
REFUSED = "Tend answers only its own page. Open the address Tend printed when it started (it ends with ?token=…)."


class OwnPageOnly:
    """ASGI middleware in front of Flet's app: lets through only requests from Tend's own page in a browser that
    holds this run's token, and refuses the rest with 403 before Flet sees them."""

    def __init__(self, app: ASGIApp, port: int, token: str) -> None:
        self.app = app
        self.token = token
        self.hosts = {f"{LOOPBACK}:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}
        # Cookies are shared by every port of a host: one name per port keeps two Tends from overwriting each other.
        self.cookie_name = f"tend-token-{port}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)  # lifespan: Flet's start and stop
            return
        headers = Headers(scope=scope)
        websocket = scope["type"] == "websocket"
        if not self.from_own_page(headers, origin_required=websocket):
            await self.refuse(scope, receive, send)
        elif not websocket and self.offered_token(scope) is not None:
            await self.trade_token_for_cookie(scope, receive, send)
        elif not self.is_token(HTTPConnection(scope).cookies.get(self.cookie_name, "")):
            await self.refuse(scope, receive, send)
        else:
            await self.app(scope, receive, self.with_own_headers(send))

    def from_own_page(self, headers: Headers, origin_required: bool) -> bool:
        """True when the request names this server and, if the browser says where it comes from, comes from here."""
        origin = headers.get("origin")
        if origin is None:
            return not origin_required and headers.get("host") in self.hosts
        return headers.get("host") in self.hosts and origin in self.origins

    def offered_token(self, scope: Scope) -> str | None:
        """The token a GET's query offers (`?token=…`), or None when it offers none."""
        if scope["method"] not in ("GET", "HEAD"):
            return None
        return dict(parse_qsl(scope["query_string"].decode("latin-1"))).get(TOKEN_PARAMETER)

    def is_token(self, offered: str) -> bool:
        # Compared as bytes: compare_digest refuses str with non-ASCII characters, which anyone can send.
        return secrets.compare_digest(offered.encode(), self.token.encode())

    async def trade_token_for_cookie(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The first visit: the right token becomes a cookie and the address loses it (out of history and sight)."""
        if not self.is_token(self.offered_token(scope)):
            await self.refuse(scope, receive, send)
            return
        rest = [(key, value) for key, value in parse_qsl(scope["query_string"].decode("latin-1"))
                if key != TOKEN_PARAMETER]
        # One leading slash only: "//elsewhere" would send the browser to another site.
        location = "/" + scope["path"].lstrip("/") + (f"?{urlencode(rest)}" if rest else "")
        response = RedirectResponse(location, status_code=303)
        response.set_cookie(self.cookie_name, self.token, path="/", httponly=True, samesite="strict")
        await response(scope, receive, send)

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})  # before the handshake: uvicorn answers 403
        else:
            await PlainTextResponse(REFUSED, status_code=403)(scope, receive, send)

    @staticmethod
    def with_own_headers(send: Send) -> Send:
        """Flet allows every origin to read its answers (`Access-Control-Allow-Origin: *`) and any page to frame
        it: Tend's answers are for its own page only.

        Flet also asks for cross-origin isolation (COEP with COOP), and in an isolated page its client's skwasm
        draws on two threads that share Skia's glyph cache unlocked: the page's memory is corrupted while text
        changes, and the page then spins for ever, silently (flutter/flutter#190039, Flutter 3.44 in Flet 1.0.5).
        Without COEP the page is not isolated and skwasm draws on one thread. COOP stays: it keeps other windows'
        hands off Tend's."""

        async def send_own(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for flets_own in ("access-control-allow-origin", "cross-origin-embedder-policy"):
                    if flets_own in headers:
                        del headers[flets_own]
                headers["content-security-policy"] = "frame-ancestors 'none'"
            await send(message)

        return send_own


def own_address(port: int, token: str) -> str:
    return f"http://{LOOPBACK}:{port}/?{TOKEN_PARAMETER}={token}"


def serve_in_browser(start: Callable[[ft.Page], None], port: int, assets_dir: Path,
                     also_tell: Callable[[str], None] = lambda address: None) -> None:
    """Serves Tend on 127.0.0.1:`port` (whatever FLET_SERVER_IP says) until Tend is stopped. Once the port is
    Tend's, prints the address with this run's token, hands it to `also_tell` (Store.announce, for a second Tend
    to pass on) and opens it in the browser, as Flet would (not on a headless server); a port already taken is
    said in one line."""
    try:
        # Listening before the address is told: the browser's first request waits for the server, never fails.
        listening = socket.create_server((LOOPBACK, port))  # SO_REUSEADDR on POSIX only, as it should be
    except OSError as error:
        raise SystemExit(f"Tend could not listen on {LOOPBACK}:{port} ({os.strerror(error.errno)}). Another program, or "
                         "another Tend, may be using it: --port chooses another.") from None
    token = secrets.token_urlsafe(32)
    flet_app = ft.run(start, view=ft.AppView.WEB_BROWSER, assets_dir=str(assets_dir), no_cdn=True,
                      export_asgi_app=True)
    # log_config=None keeps Tend's own logging; no access log, whose lines would carry the token.
    server = uvicorn.Server(uvicorn.Config(OwnPageOnly(flet_app, port, token), ws="websockets-sansio",
                                           log_config=None, access_log=False))
    stop_serving_on_signals(server)
    address = own_address(port, token)
    print(f"Tend is running at {address}", flush=True)
    also_tell(address)
    if not (get_bool_env_var("FLET_FORCE_WEB_SERVER") or is_linux_server()):
        open_in_browser(address)
    server.run(sockets=[listening])


def stop_serving_on_signals(server: uvicorn.Server) -> None:
    """Ctrl+C or SIGTERM ends the serving and returns, so Tend closes its store. (Uvicorn handles them while it
    serves, then raises them again for the handler it found: the default one would kill Tend before that.)"""

    def stop(signum, frame) -> None:
        server.should_exit = True

    for stopping in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stopping, stop)
