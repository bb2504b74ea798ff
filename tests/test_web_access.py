"""Only Tend's own page talks to Tend: a page on another origin in the same browser reads nothing, and a request
without this run's token, from another origin or to another host name, is refused with 403."""

import base64
import http.client
import os
import re
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlsplit

import pytest
from browser import PHONE, open_tend, running_tend, tap
from playwright.sync_api import expect

from storage.checkins.model import new_check_in
from storage.checkins.repository import CheckInRepository
from storage.store.persistence import Store
from views.device.web_access import REFUSED

pytestmark = pytest.mark.browser
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
SECRET_NOTE = "Told no one about the dream"
PROBE_DONE = "window.probe && window.probe.done"


@pytest.fixture(scope="module")
def tend(tmp_path_factory):
    """A running Tend holding one check-in with a private note; yields the address it printed."""
    folder = tmp_path_factory.mktemp("web-access")
    store = Store.open(folder / "tend-data", NOW)
    CheckInRepository(store).save(new_check_in(2, NOW, note=SECRET_NOTE))
    store.close()
    clock = folder / "clock.txt"
    clock.write_text(NOW.isoformat())
    with running_tend(folder / "tend-data", {"TEND_CLOCK_FILE": str(clock)}) as url:
        yield url


def probe_page(tend_port: int) -> str:
    """What a hostile page would run: open Tend's WebSocket under both names and fetch its page, keeping whatever
    comes back."""
    return f"""<!doctype html><title>Another site</title><script>
    window.probe = {{done: false, sockets: {{}}, fetched: {{}}}};
    const pending = [];
    for (const host of ["127.0.0.1", "localhost"]) {{
      pending.push(new Promise(finished => {{
        const seen = {{opened: false, messages: [], closed: null}};
        window.probe.sockets[host] = seen;
        const socket = new WebSocket(`ws://${{host}}:{tend_port}/ws`);
        socket.onopen = () => {{ seen.opened = true; }};
        socket.onmessage = event => seen.messages.push(String(event.data));
        socket.onclose = event => {{ seen.closed = event.code; finished(); }};
      }}));
    }}
    for (const mode of ["cors", "no-cors"]) {{
      pending.push(fetch("http://127.0.0.1:{tend_port}/", {{mode, credentials: "include"}})
        .then(response => response.text().then(text => ({{status: response.status, text}})))
        .catch(error => ({{error: String(error)}}))
        .then(result => {{ window.probe.fetched[mode] = result; }}));
    }}
    Promise.all(pending).then(() => {{ window.probe.done = true; }});
    </script>"""


@contextmanager
def another_site(page_html: str):
    """A web server on another loopback port serving one page; yields its address."""

    class OnePage(BaseHTTPRequestHandler):
        def do_GET(self):
            body = page_html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), OnePage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_on_another_origin_reads_nothing_while_tends_own_page_works(chromium, tend):
    tend_port = urlsplit(tend).port
    context = chromium.new_context(viewport=PHONE)
    own = context.new_page()
    open_tend(own, tend)  # the person has Tend open, so this browser holds the token's cookie
    expect(own.get_by_text(re.compile(SECRET_NOTE)).first).to_be_visible()

    hostile = context.new_page()
    refusals = []
    hostile.on("console", lambda message: refusals.append(message.text) if "403" in message.text else None)
    with another_site(probe_page(tend_port)) as site:
        hostile.goto(site)
        hostile.wait_for_function(PROBE_DONE)
    probe = hostile.evaluate("window.probe")

    for host, seen in probe["sockets"].items():
        assert seen == {"opened": False, "messages": [], "closed": 1006}, (host, seen)
    assert len([text for text in refusals if "WebSocket" in text]) == 2, refusals  # "Unexpected response code: 403"
    assert "error" in probe["fetched"]["cors"], probe["fetched"]  # refused, and Tend lets no other origin read it
    assert probe["fetched"]["no-cors"] == {"status": 0, "text": ""}  # opaque: nothing readable
    assert SECRET_NOTE not in str(probe)

    tap(own.get_by_role("button", name="Log mood: Good", exact=True))  # Tend's own page still works end to end
    expect(own.get_by_role("group", name=re.compile(r"^Saved: Good at"))).to_be_visible()
    context.close()


def get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read() if response.status != 101 else b""
    connection.close()
    return response


def websocket_handshake(port: int, headers: dict[str, str]) -> int:
    """The status Tend answers a WebSocket handshake to /ws with: 101 to go on, 403 refused."""
    key = base64.b64encode(os.urandom(16)).decode()
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": key}
    return get(port, "/ws", {**upgrade, **headers}).status


def cookie_from_first_visit(tend: str) -> dict[str, str]:
    address = urlsplit(tend)
    first_visit = get(address.port, f"/?{address.query}")
    return {"Cookie": first_visit.getheader("set-cookie").split(";")[0]}


def test_requests_without_this_runs_token_are_refused(tend):
    port = urlsplit(tend).port
    for path in ["/", "/main.dart.js", "/icon.png", "/history"]:
        refused = get(port, path)
        assert (refused.status, refused.body.decode()) == (403, REFUSED), path
    for wrong in ["not-the-token", "é"]:  # a character outside ASCII is refused too, not a crash
        assert get(port, f"/?token={quote(wrong)}").status == 403
        assert get(port, "/", {"Cookie": f"tend-token-{port}={wrong}"}).status == 403
    right_token_for_another_port = cookie_from_first_visit(tend)["Cookie"].replace(f"-{port}=", f"-{port + 1}=")
    assert get(port, "/", {"Cookie": right_token_for_another_port}).status == 403
    assert websocket_handshake(port, {"Origin": f"http://127.0.0.1:{port}"}) == 403


def test_the_first_visit_trades_the_token_for_a_private_cookie_and_clears_the_address(tend):
    address = urlsplit(tend)
    port, token = address.port, address.query.removeprefix("token=")
    first_visit = get(port, f"/?{address.query}")
    assert (first_visit.status, first_visit.getheader("location")) == (303, "/")
    cookie = first_visit.getheader("set-cookie")
    assert cookie.startswith(f"tend-token-{port}={token};"), cookie
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower(), cookie
    assert get(port, f"/history?view=month&{address.query}").getheader("location") == "/history?view=month"
    assert get(port, f"//elsewhere.example/x?{address.query}").getheader("location") == "/elsewhere.example/x"

    page = get(port, "/", {"Cookie": cookie.split(";")[0]})
    assert page.status == 200 and page.getheader("access-control-allow-origin") is None
    assert page.getheader("content-security-policy") == "frame-ancestors 'none'"
    assert (page.getheader("cross-origin-opener-policy"), page.getheader("cross-origin-embedder-policy")) == (
        "same-origin", None)  # not isolated: see test_guard's one-thread test


def test_with_the_cookie_only_tends_own_origin_and_names_get_through(tend):
    port = urlsplit(tend).port
    cookie = cookie_from_first_visit(tend)
    rebound = f"rebound.example:{port}"  # DNS rebinding: another name that leads here
    assert get(port, "/", {**cookie, "Host": rebound}).status == 403
    assert get(port, "/", {**cookie, "Origin": "http://127.0.0.1:1"}).status == 403

    for name in ["127.0.0.1", "localhost"]:
        assert websocket_handshake(port, {**cookie, "Host": f"{name}:{port}", "Origin": f"http://{name}:{port}"}) == 101
    own_origin = f"http://127.0.0.1:{port}"
    for origin in ["http://127.0.0.1:1", f"http://localhost:{port + 1}", "null"]:
        assert websocket_handshake(port, {**cookie, "Origin": origin}) == 403, origin
    assert websocket_handshake(port, cookie) == 403  # no Origin: not a browser page
    assert websocket_handshake(port, {**cookie, "Origin": own_origin, "Host": rebound}) == 403
