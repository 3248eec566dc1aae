"""Two web hosts, each with its own data directory, on one PostgreSQL, one Redis and one S3-compatible store:
what one host stores or counts, the other sees. Runs in the PostgreSQL pass (JARING_DATABASE_URL)."""

import http.cookiejar
import json
import re
import secrets
import urllib.request
import uuid
from urllib.error import HTTPError

import pytest
import redis

from tests.production.conftest import REDIS_URL, S3_KEYS
from tests.production.live import demo_env, drop_database, fresh_database_url, serve
from tests.production.procs import base_env, jaring, shared_keys
from tests.reports.conftest import jpeg_with_gps

REPORTER_NAME = "Siti Rahmawati Probe"
REPORTER_CONTACT = "081277001234"
PASSWORD = "dua-host-rahasia-2026"


def _request(url, data=None, headers=None, method=None, opener=None):  # type: ignore[no-untyped-def]
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = secrets.token_hex(12)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(head.encode() + b"Content-Type: image/jpeg\r\n\r\n" + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def _report(host_url: str, address: str) -> tuple[int, bytes]:
    body = json.dumps({"category": "perekrut", "description": "Agen kapal ikan.", "identity_mode": "anonim"})
    return _request(
        f"{host_url}/api/v1/reports",
        body.encode(),
        {"Content-Type": "application/json", "X-Forwarded-For": address},
    )


def _login(host_url: str, password: str) -> bool:
    """A staff login through the form (CSRF cookie and token); True when it let the user in."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _status, page = _request(f"{host_url}/petugas/masuk/", opener=opener)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    form = f"csrfmiddlewaretoken={token}&username=petugas&password={password}".encode()
    _request(
        f"{host_url}/petugas/masuk/",
        form,
        {"Content-Type": "application/x-www-form-urlencoded"},
        opener=opener,
    )
    return any(cookie.name == "sessionid" for cookie in jar)


@pytest.fixture
def database():
    url = fresh_database_url("hosts")
    if url is None:
        pytest.skip("runs in the PostgreSQL pass: two hosts need a shared database (set JARING_DATABASE_URL)")
    yield url
    drop_database(url)


def test_two_hosts_share_files_identities_rate_limits_and_lock_outs(
    tmp_path, database, s3_endpoint, s3_bucket
):
    prefix = f"jaring-hosts-{uuid.uuid4().hex[:8]}"
    shared = {
        **shared_keys(),
        **S3_KEYS,
        "JARING_DATABASE_URL": database,
        "JARING_CACHE_URL": REDIS_URL,
        "JARING_CACHE_KEY_PREFIX": prefix,
        "JARING_S3_BUCKET": s3_bucket,
        "JARING_S3_ENDPOINT_URL": s3_endpoint,
        "JARING_S3_REGION": "us-east-1",
        "JARING_BEHIND_PROXY": "1",
        "JARING_HTTPS": "0",
        "JARING_RATE_REPORTS_PER_HOUR": "3",
        "JARING_LOGIN_MAX_FAILURES": "3",
        "JARING_DEMO_PASSWORD": PASSWORD,
        "JARING_LOG_LEVEL": "INFO",
    }
    env_a = demo_env(tmp_path / "a", None, **shared)
    env_b = base_env(
        tmp_path / "b" / "data",
        **{k: v for k, v in env_a.items() if k.startswith("JARING_") and k != "JARING_DATA_DIR"},
    )
    a = serve(env_a, tmp_path / "a.log", workers=1)
    b = serve(env_b, tmp_path / "b.log", workers=1)
    try:
        # A report with an attachment and a Rahasia identity, sent to host A ...
        fields = {
            "category": "perekrut", "description": "Agen menawarkan kerja di kapal ikan.",
            "identity_mode": "rahasia", "reporter_name": REPORTER_NAME, "reporter_contact": REPORTER_CONTACT,
        }  # fmt: skip
        body, content_type = _multipart(fields, {"files": ("bukti.jpg", jpeg_with_gps())})
        status, raw = _request(
            f"{a.url}/api/v1/reports", body, {"Content-Type": content_type, "X-Forwarded-For": "203.0.113.77"}
        )
        assert status == 201, raw
        receipt = json.loads(raw)
        # ... is readable with its key on host B ...
        status, raw = _request(
            f"{b.url}/api/v1/reports/{receipt['tracking_code']}",
            headers={"X-Follow-Up-Key": receipt["follow_up_key"]},
        )
        assert status == 200, raw
        assert json.loads(raw)["tracking_code"] == receipt["tracking_code"]
        # ... and by an officer on host B: the identity decrypts, the file comes from the shared bucket.
        token = jaring(env_b, "staff_token", "supervisor").stdout.split()[-1]
        auth = {"Authorization": f"Bearer {token}"}
        status, raw = _request(
            f"{b.url}/api/v1/staff/reports/{receipt['tracking_code']}?include_identity=true", headers=auth
        )
        assert status == 200, raw
        detail = json.loads(raw)
        assert detail["identity"] == {"name": REPORTER_NAME, "contact": REPORTER_CONTACT}
        url = detail["attachments"][0]["url"]
        status, image = _request(url if url.startswith("http") else b.url + url, headers=auth)
        assert status == 200 and image.startswith(b"\xff\xd8")  # a JPEG, decrypted on B
        assert not list((tmp_path / "a" / "data").glob("media/**/*.bin"))  # nothing on A's disk

        # A rate limit hit on A counts on B (3 reports an hour per client).
        assert [_report(a.url, "203.0.113.90")[0] for _ in range(3)] == [201, 201, 201]
        assert _report(b.url, "203.0.113.90")[0] == 429
        assert _report(b.url, "203.0.113.91")[0] == 201  # another client is not affected

        # A login lock-out on A holds on B, even with the right password.
        for _ in range(3):
            assert not _login(a.url, "salah-sekali-123")
        assert not _login(b.url, PASSWORD)
    finally:
        a.stop()
        b.stop()
        keys = list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{prefix}:*"))
        if keys:
            redis.Redis.from_url(REDIS_URL).delete(*keys)
    logs = a.log.read_text() + b.log.read_text()
    for secret in ("203.0.113.77", "203.0.113.90", REPORTER_NAME, REPORTER_CONTACT):
        assert secret not in logs  # logs never contain a reporter's address or identity
