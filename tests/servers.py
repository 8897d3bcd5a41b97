"""Real servers on loopback for delivery tests: an SMTP server (aiosmtpd) and an HTTP server (http.server).

They record what arrives so tests can parse it the way a mail client or Slack would. Nothing is mocked:
the code under test opens real sockets and speaks real protocols.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


def free_port() -> int:
    """A port nothing listens on right now (aiosmtpd's Controller cannot take port 0)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 (cert, key), made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@dataclass
class _Sink:
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.envelopes.append((str(envelope.mail_from), [str(r) for r in envelope.rcpt_tos]))
        return "250 Message accepted for delivery"


class _Authenticator:
    def __init__(self, users: dict[str, str]) -> None:
        self.users = users

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and self.users.get(data.login.decode()) == data.password.decode()
        return AuthResult(success=ok, handled=False)


@contextmanager
def smtp_server(
    port: int | None = None,
    *,
    cert: tuple[Path, Path] | None = None,
    implicit_tls: bool = False,
    users: dict[str, str] | None = None,
) -> Iterator[tuple[int, _Sink]]:
    """An SMTP server on 127.0.0.1 that keeps every message it accepts.

    With ``cert``: STARTTLS is required (or, with ``implicit_tls``, the socket is TLS from the start).
    With ``users``: AUTH LOGIN/PLAIN is required, and only over TLS.
    """
    sink = _Sink()
    port = port or free_port()
    kwargs: dict[str, Any] = {}
    if cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert[0]), str(cert[1]))
        if implicit_tls:
            kwargs.update(ssl_context=context)
        else:
            kwargs.update(tls_context=context, require_starttls=True)
    if users:
        kwargs.update(authenticator=_Authenticator(users), auth_required=True, auth_require_tls=bool(cert))
    controller = Controller(sink, hostname="127.0.0.1", port=port, server_hostname="127.0.0.1", **kwargs)
    controller.start()
    try:
        yield port, sink
    finally:
        controller.stop()


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


Reply = tuple[int, dict[str, str], bytes]
Handler = Callable[[Request], Reply]


class HttpServer:
    """A threaded HTTP server on 127.0.0.1 with a handler per path; records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Request] = []
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                request = Request(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length),
                )
                outer.requests.append(request)
                handler = outer.routes.get(self.path.split("?")[0])
                status, headers, body = handler(request) if handler else (404, {}, b"not found")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> HttpServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path]


def static(body: bytes, content_type: str, etag: str | None = None) -> Handler:
    """Serve ``body``; with ``etag``, answer a matching If-None-Match with 304 (conditional GET)."""

    def handle(request: Request) -> Reply:
        if etag and request.headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        return 200, headers, body

    return handle


def scripted(replies: list[Reply], default: Reply) -> Handler:
    """Answer with ``replies`` in order, then ``default`` forever (e.g. one 429 then ``ok``)."""
    queue = list(replies)

    def handle(request: Request) -> Reply:
        return queue.pop(0) if queue else default

    return handle


WEBHOOK_OK: Reply = (200, {"Content-Type": "text/plain"}, b"ok")
CHAT_OK: Reply = (200, {"Content-Type": "application/json"}, b'{"ok": true, "ts": "1.2"}')


def slack_violations(payload: Any) -> list[str]:
    """What real Slack would reject in a message payload: Block Kit's limits, as Slack enforces them."""
    problems: list[str] = []
    blocks = payload.get("blocks", []) if isinstance(payload, dict) else []
    if not isinstance(payload, dict) or not (payload.get("text") or blocks):
        return ["no_text"]
    if len(blocks) > 50:
        problems.append(f"{len(blocks)} blocks > 50")
    total = 0
    for i, block in enumerate(blocks):
        text = block.get("text") if isinstance(block.get("text"), dict) else None
        length = len(text.get("text", "")) if text else 0
        total += length
        if block.get("type") == "header" and (length > 150 or (text or {}).get("type") != "plain_text"):
            problems.append(f"block {i}: header of {length} chars")
        if block.get("type") == "section" and length > 3000:
            problems.append(f"block {i}: section of {length} chars")
        elements = block.get("elements", [])
        if block.get("type") == "context" and len(elements) > 10:
            problems.append(f"block {i}: context with {len(elements)} elements")
        total += sum(len(e.get("text", "")) for e in elements if isinstance(e, dict))
    if total > 13000:
        problems.append(f"{total} chars in blocks (msg_blocks_too_long)")
    return problems


def slack_endpoint(*, webhook: bool, replies: list[Reply] | None = None, token: str | None = None) -> Handler:
    """A Slack stand-in: ``replies`` first (e.g. a 429), then validation as Slack does it.

    A webhook answers ``ok`` or ``400 invalid_blocks``; chat.postMessage answers 200 with ``{"ok": ...}``
    and checks the bearer token and channel.
    """
    queue = list(replies or [])

    def handle(request: Request) -> Reply:
        if queue:
            return queue.pop(0)
        payload = request.json()
        problems = slack_violations(payload)
        if webhook:
            return (400, {}, b"invalid_blocks") if problems else WEBHOOK_OK
        if request.headers.get("authorization") != f"Bearer {token}":
            error = "invalid_auth"
        elif not payload.get("channel"):
            error = "channel_not_found"
        elif problems:
            error = "invalid_blocks"
        else:
            return CHAT_OK
        return 200, {"Content-Type": "application/json"}, json.dumps({"ok": False, "error": error}).encode()

    return handle
