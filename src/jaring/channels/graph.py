"""A small client for the WhatsApp Cloud API (Graph API): send a message, look up and download media.

Standard library only (urllib): three calls do not earn an HTTP dependency. Errors are classified so that
callers know whether to retry (network, 5xx, throttling), alert (expired token) or give up (bad request).
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings

TIMEOUT_SECONDS = 10
# Graph error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
TOKEN_EXPIRED = 190
WINDOW_CLOSED = 131047  # "Re-engagement message": more than 24 hours since the user last wrote
THROTTLED = {4, 80007, 130429, 131048, 131056}
# Where Meta serves media (lookaside.fbsbx.com and its CDNs): only these, over https, and the Graph URL itself.
MEDIA_HOST_SUFFIXES = (".fbsbx.com", ".facebook.com", ".whatsapp.net")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class GraphError(Exception):
    def __init__(self, message: str, *, status: int = 0, code: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code

    @property
    def token_expired(self) -> bool:
        return self.code == TOKEN_EXPIRED or self.status == 401

    @property
    def window_closed(self) -> bool:
        return self.code == WINDOW_CLOSED

    @property
    def retryable(self) -> bool:
        """Worth trying again later: the network, Meta's side, throttling, or a token an admin will renew."""
        return (
            self.status == 0
            or self.status >= 500
            or self.status == 429
            or self.code in THROTTLED
            or (self.token_expired)
        )


@dataclass(frozen=True)
class MediaInfo:
    url: str
    mime_type: str
    file_size: int | None
    sha256: str


def _request(method: str, url: str, body: dict[str, Any] | None = None) -> urllib.request.Request:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - URL comes from settings
    request.add_header("Authorization", f"Bearer {settings.WHATSAPP_ACCESS_TOKEN}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    return request


def _error(exc: urllib.error.HTTPError) -> GraphError:
    try:
        payload = json.loads(exc.read() or b"{}")
        error = payload.get("error") or {}
        message = str(error.get("message") or exc.reason)
        code = error.get("code")
        return GraphError(message[:200], status=exc.code, code=int(code) if code is not None else None)
    except (ValueError, AttributeError, TypeError):
        return GraphError(f"HTTP {exc.code}", status=exc.code)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # a port that is not a number
        port = None
    return parts.scheme, parts.hostname or "", port


def media_url_allowed(url: str) -> bool:
    """The URL may receive the access token: the configured Graph API's origin or a Meta media host over https.

    Refuses file://, internal addresses and user:password@ tricks, since the URL comes from an HTTP answer.
    """
    try:
        if urllib.parse.urlsplit(url).username is not None or "\\" in url:
            return False
        scheme, host, _port = origin = _origin(url)
    except ValueError:  # not a URL urllib can parse
        return False
    if host and origin == _origin(settings.WHATSAPP_GRAPH_URL):
        return True
    return scheme == "https" and host.endswith(MEDIA_HOST_SUFFIXES)


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an allowed URL, and never carries the token to another origin.

    urllib copies every header, Authorization included, to wherever a redirect points.
    """

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        newurl = urllib.parse.urljoin(req.full_url, newurl)
        if not media_url_allowed(newurl):
            fp.close()
            raise GraphError("redirect to a host that is not allowed", status=400)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != _origin(req.full_url):
            new.remove_header("Authorization")
        return new


_opener = urllib.request.build_opener(_SafeRedirect)


def _open(request: urllib.request.Request) -> Any:
    return _opener.open(request, timeout=TIMEOUT_SECONDS)


def _call_json(method: str, url: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    try:
        with _open(_request(method, url, body)) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise _error(exc) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise GraphError(f"network: {exc}"[:200]) from None
    except ValueError:
        raise GraphError("invalid JSON from Graph API", status=502) from None


def graph_url(path: str) -> str:
    return f"{settings.WHATSAPP_GRAPH_URL.rstrip('/')}/{path.lstrip('/')}"


def send(payload: dict[str, Any]) -> str:
    """POST /{phone_number_id}/messages; returns the new message id (wamid)."""
    body = {"messaging_product": "whatsapp", "recipient_type": "individual", **payload}
    answer = _call_json("POST", graph_url(f"{settings.WHATSAPP_PHONE_NUMBER_ID}/messages"), body)
    try:
        return str(answer["messages"][0]["id"])
    except (KeyError, IndexError, TypeError):
        raise GraphError("no message id in Graph API answer", status=502) from None


def media_info(media_id: str) -> MediaInfo:
    answer = _call_json("GET", graph_url(media_id))
    if not answer.get("url"):
        raise GraphError("no media url in Graph API answer", status=502)
    size = answer.get("file_size")
    return MediaInfo(
        url=str(answer["url"]),
        mime_type=str(answer.get("mime_type", "")),
        file_size=int(size) if size is not None else None,
        sha256=str(answer.get("sha256", "")),
    )


class MediaTooLarge(Exception):
    pass


def download(url: str, *, max_bytes: int) -> bytes:
    """The media bytes (the URL needs the same bearer token); stops reading past max_bytes.

    Refuses (GraphError, not retried) a URL that is neither the Graph API nor a Meta media host.
    """
    if not media_url_allowed(url):
        raise GraphError("media url on a host that is not allowed", status=400)
    try:
        with _open(_request("GET", url)) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise _error(exc) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise GraphError(f"network: {exc}"[:200]) from None
    if len(data) > max_bytes:
        raise MediaTooLarge
    return data
