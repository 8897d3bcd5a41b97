"""A loopback OpenAI-compatible server that misbehaves on purpose, for fault tests and benchmarks.

Each POST to ``/v1/chat/completions`` takes the next behaviour from a script (then ``default``):

- ``ok``: 200 with a valid answer *canned from the request's schema* (first evidence ids offered). It is
  a stand-in for latency and reliability measurements only, never a summary anyone should read; or, when
  ``replies`` maps a text found in the request to an answer, that answer (recorded model output);
- ``429`` (with ``Retry-After``), ``quota`` (429 insufficient_quota), ``500``;
- ``hang``: answer only after ``hang_seconds`` (past the client's timeout);
- ``malformed``: 200 whose content is not JSON; ``bad-ids``: valid JSON naming an unknown figure id;
- ``truncated``: 200 with finish_reason ``length`` and cut-off content.

``reject_json_schema`` answers json_schema requests with 500 as llama.cpp's server does. ``latency``
delays every answer; with ``serial`` answers are computed one at a time (as llama.cpp does). With
``upstream`` set it is a proxy instead: it forwards requests to a real server and fails ``fail_rate``
of them with 429/500 (``python tests/faultserver.py --help``).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def canned_answer(request: dict[str, Any]) -> dict[str, Any]:
    """A schema-valid answer picking the first figure and quote ids the request's schema offers."""
    fmt = request.get("response_format") or {}
    schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
    props = schema.get("properties", {})
    figure_ids = props.get("figures", {}).get("items", {}).get("properties", {}).get("id", {}).get("enum", [])
    quote_ids = props.get("quotes", {}).get("items", {}).get("enum", [])
    return {
        "headline": "Canned answer from the fault server",
        "bullets": ["The fault server wrote this bullet.", "It is not a summary."],
        "topic": "other",
        "figures": [{"id": fid, "label": "canned label"} for fid in figure_ids[:2]],
        "quotes": quote_ids[:1],
    }


def _format(body: dict[str, Any]) -> str | None:
    fmt = body.get("response_format")
    return fmt.get("type") if isinstance(fmt, dict) else None


class FaultServer:
    """Run with ``with FaultServer(script=[...]) as server: ... server.base_url``."""

    def __init__(
        self,
        script: Iterable[str] = (),
        *,
        default: str = "ok",
        retry_after: str = "0",
        hang_seconds: float = 5.0,
        latency: float = 0.0,
        reject_json_schema: bool = False,
        serial: bool = False,
        upstream: str | None = None,
        fail_rate: float = 0.0,
        replies: dict[str, str] | None = None,
        port: int = 0,
        seed: int = 0,
        log: bool = False,
    ) -> None:
        self.script: collections.deque[str] = collections.deque(script)
        self.default = default
        self.retry_after = retry_after
        self.hang_seconds = hang_seconds
        self.latency = latency
        self.reject_json_schema = reject_json_schema
        self.serial = threading.Lock() if serial else None
        self.upstream = upstream.rstrip("/") if upstream else None
        self.fail_rate = fail_rate
        self.replies = replies or {}
        self.requests: list[tuple[str, str, dict[str, Any]]] = []  # (method, path, body)
        self.served: collections.Counter[str] = collections.Counter()
        self._random = random.Random(seed)
        self.log = log
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def _reply(self, body: dict[str, Any]) -> str:
        """A scripted reply for the first ``replies`` key found in the request's messages (evidence ids
        such as ``[f1]`` ignored), else canned; ``served`` counts each as "reply" or "canned"."""
        messages = " ".join(str(m.get("content", "")) for m in body.get("messages", []))
        text = re.sub(r"\[[fq]\d+\]", "", messages)
        for key, content in self.replies.items():
            if key in text:
                with self._lock:
                    self.served["reply"] += 1
                return content
        with self._lock:
            self.served["canned"] += 1
        return json.dumps(canned_answer(body))

    def _next(self) -> str:
        with self._lock:
            if self.upstream:
                roll = self._random.random()
                behaviour = "proxy"
                if roll < self.fail_rate:
                    behaviour = "429" if roll < self.fail_rate / 2 else "500"
            else:
                behaviour = self.script.popleft() if self.script else self.default
            self.served[behaviour] += 1
            if self.log:
                print(f"POST -> {behaviour}  (so far: {dict(self.served)})", flush=True)
            return behaviour

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read server.requests
                pass

            def do_GET(self) -> None:
                server.requests.append(("GET", self.path, {}))
                if server.upstream:
                    self._proxy(b"")
                elif self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [{"id": "fault-model", "object": "model"}]})
                else:
                    self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                body = json.loads(raw or b"{}")
                server.requests.append(("POST", self.path, body))
                behaviour = server._next()
                if server.serial is not None:
                    with server.serial:  # one answer at a time, like llama.cpp's server
                        time.sleep(server.latency)
                elif server.latency:
                    time.sleep(server.latency)
                if behaviour == "proxy":
                    self._proxy(raw)
                elif behaviour == "429":
                    retry = {"retry-after": server.retry_after}
                    self._error(429, "rate limited", "rate_limit_exceeded", retry)
                elif behaviour == "quota":
                    self._error(429, "You exceeded your current quota", "insufficient_quota", {})
                elif behaviour == "500":
                    self._error(500, "internal error", None, {})
                elif server.reject_json_schema and _format(body) == "json_schema":
                    self._error(500, "json_schema is not supported", None, {})
                elif behaviour == "hang":
                    server._stop.wait(server.hang_seconds)
                    self._completion(body, json.dumps(canned_answer(body)), "stop")
                elif behaviour == "malformed":
                    self._completion(body, '{"headline": "cut', "stop")
                elif behaviour == "bad-ids":
                    answer = canned_answer(body)
                    answer["figures"] = [{"id": "f99", "label": "invented"}]
                    self._completion(body, json.dumps(answer), "stop")
                elif behaviour == "truncated":
                    self._completion(body, json.dumps(canned_answer(body))[:40], "length")
                else:
                    self._completion(body, server._reply(body), "stop")

            def _completion(self, body: dict[str, Any], content: str, finish: str) -> None:
                prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
                self._json(
                    200,
                    {
                        "id": "chatcmpl-fault",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", "fault-model"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": content},
                                "finish_reason": finish,
                            }
                        ],
                        "usage": {
                            "prompt_tokens": prompt,
                            "completion_tokens": len(content.split()),
                            "total_tokens": prompt + len(content.split()),
                        },
                    },
                )

            def _error(self, status: int, message: str, code: str | None, headers: dict[str, str]) -> None:
                error = {"error": {"message": message, "type": "fault", "code": code}}
                self._json(status, error, headers)

            def _json(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to answer

            def _proxy(self, raw: bytes) -> None:
                assert server.upstream is not None
                url = server.upstream + self.path.removeprefix("/v1")
                request = urllib.request.Request(
                    url, data=raw or None, method=self.command, headers={"content-type": "application/json"}
                )
                try:
                    with urllib.request.urlopen(request, timeout=600) as response:
                        status, data = response.status, response.read()
                except urllib.error.HTTPError as exc:
                    status, data = exc.code, exc.read()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description="A fault-injecting OpenAI-compatible server or proxy.")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--upstream", help="proxy to this base URL (e.g. http://127.0.0.1:8765/v1)")
    parser.add_argument("--fail-rate", type=float, default=0.3, help="share of proxied requests failed")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument("--retry-after", default="1")
    args = parser.parse_args()
    upstream = args.upstream.removesuffix("/v1") + "/v1" if args.upstream else None
    with FaultServer(
        upstream=upstream,
        fail_rate=args.fail_rate,
        latency=args.latency,
        retry_after=args.retry_after,
        port=args.port,
        seed=int(time.time()),
        log=True,
    ) as server:
        print(f"base_url={server.base_url} upstream={upstream} fail_rate={args.fail_rate}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
