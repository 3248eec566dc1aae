"""A fake WhatsApp Cloud API (Graph API) server: a real HTTP server on 127.0.0.1 in a thread.

It speaks the documented shapes: POST /{phone_number_id}/messages -> {"messaging_product", "contacts",
"messages": [{"id": "wamid..."}]}; GET /{media_id} -> {"url", "mime_type", "sha256", "file_size", "id"};
GET <url> with the bearer token -> the bytes; a wrong/expired token -> 401 {"error": {"code": 190, ...}}.
Tests can make a lookup announce another URL and make a path answer a redirect. Every request is recorded so that tests assert on what Jaring really sent over the wire.
"""

import hashlib
import itertools
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "test-access-token"


@dataclass
class Recorded:
    method: str
    path: str
    authorization: str
    body: dict[str, Any] | None


@dataclass
class Media:
    data: bytes
    mime_type: str
    file_size: int | None = None  # what the lookup announces (None: the real size)
    url: str | None = None  # the URL the lookup announces (None: this server's /download/<id>)


@dataclass
class FakeGraph:
    token: str = TOKEN
    requests: list[Recorded] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)
    # Scripted answers for the next sends: (status, error code) pairs, used up in order.
    send_errors: list[tuple[int, int]] = field(default_factory=list)
    # Paths answered with "302 Found" to the given location, before any token check (like a CDN).
    redirects: dict[str, str] = field(default_factory=dict)
    url: str = ""
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.media.clear()
            self.send_errors.clear()
            self.redirects.clear()
            self.token = TOKEN

    @property
    def sent(self) -> list[dict[str, Any]]:
        """Bodies of the messages POSTed to /messages that the server accepted."""
        return [
            r.body for r in self.requests if r.path.endswith("/messages") and r.body and r.body.get("_ok")
        ]

    def texts(self) -> list[str]:
        return [b["text"]["body"] for b in self.sent if b.get("type") == "text"]

    def templates(self) -> list[dict[str, Any]]:
        return [b["template"] for b in self.sent if b.get("type") == "template"]

    def add_media(
        self, media_id: str, data: bytes, mime_type: str, file_size: int | None = None, url: str | None = None
    ) -> None:
        self.media[media_id] = Media(data, mime_type, file_size, url)

    def next_wamid(self) -> str:
        return f"wamid.FAKE{next(self._ids):08d}"


def _handler(graph: FakeGraph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet test output
            pass

        def _json(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _record(self, body: dict[str, Any] | None) -> Recorded:
            entry = Recorded(self.command, self.path, self.headers.get("Authorization", ""), body)
            with graph._lock:
                graph.requests.append(entry)
            return entry

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {graph.token}":
                return True
            self._json(
                401,
                {
                    "error": {
                        "message": "Error validating access token: Session has expired.",
                        "type": "OAuthException",
                        "code": 190,
                        "error_subcode": 463,
                        "fbtrace_id": "AbCdEf",
                    }
                },
            )
            return False

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            entry = self._record(body)
            if not self._authorised():
                return
            if not self.path.endswith("/messages"):
                self._json(404, {"error": {"message": "Unknown path", "code": 100}})
                return
            with graph._lock:
                scripted = graph.send_errors.pop(0) if graph.send_errors else None
            if scripted:
                status, code = scripted
                self._json(status, {"error": {"message": f"scripted error {code}", "code": code}})
                return
            body["_ok"] = True
            entry.body = body
            self._json(
                200,
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                    "messages": [{"id": graph.next_wamid()}],
                },
            )

        def do_GET(self) -> None:  # noqa: N802
            self._record(None)
            if self.path in graph.redirects:
                self.send_response(302)
                self.send_header("Location", graph.redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if not self._authorised():
                return
            path = self.path.split("?", 1)[0].strip("/")
            if path.startswith("download/"):
                item = graph.media.get(path.removeprefix("download/"))
                if item is None:
                    self._json(404, {"error": {"message": "media not found", "code": 131052}})
                    return
                self.send_response(200)
                self.send_header("Content-Type", item.mime_type)
                self.send_header("Content-Length", str(len(item.data)))
                self.end_headers()
                self.wfile.write(item.data)
                return
            item = graph.media.get(path)
            if item is None:
                self._json(400, {"error": {"message": "Unsupported get request.", "code": 100}})
                return
            self._json(
                200,
                {
                    "messaging_product": "whatsapp",
                    "url": item.url or f"{graph.url}/download/{path}",
                    "mime_type": item.mime_type,
                    "sha256": hashlib.sha256(item.data).hexdigest(),
                    "file_size": item.file_size if item.file_size is not None else len(item.data),
                    "id": path,
                },
            )

    return Handler


def start() -> tuple[FakeGraph, ThreadingHTTPServer]:
    graph = FakeGraph()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(graph))
    graph.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return graph, server
