"""Jaring settings: every value comes from a JARING_* environment variable through a typed helper.

Defaults run on one machine (SQLite in JARING_DATA_DIR); production sets the variables listed in
docs/deployment.md.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from jaring.lib.env import env_bool, env_int, env_list, env_str
from jaring.lib.local_secrets import local_field_keys, local_secret_key
from jaring.lib.storage import s3_storage

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("JARING_DATA_DIR", "var")).resolve()

DEBUG = env_bool("JARING_DEBUG", False)

DATABASES = {
    "default": dj_database_url.parse(
        # Persistent connections: opening SQLite with its PRAGMAs cost ~6 ms of a ~13 ms request.
        env_str("JARING_DATABASE_URL", f"sqlite:///{DATA_DIR / 'jaring.sqlite3'}"),
        conn_max_age=env_int("JARING_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the single writer; IMMEDIATE avoids deadlocking upgrades from read to write.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A database other hosts share (PostgreSQL) needs the same keys on every host: generating them locally would
# let each host encrypt identities with its own key. Only one machine (SQLite) or DEBUG may generate them.
SHARED_DATABASE = DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"
_LOCAL_KEYS_ALLOWED = DEBUG or not SHARED_DATABASE

SECRET_KEY = env_str("JARING_SECRET_KEY", "")
if not SECRET_KEY:
    if not _LOCAL_KEYS_ALLOWED:
        raise ImproperlyConfigured(
            "JARING_SECRET_KEY must be set when the database is shared (PostgreSQL): every web host needs the "
            "same value. Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = local_secret_key(DATA_DIR)
FIELD_KEYS = env_list("JARING_FIELD_KEYS", [])
if not FIELD_KEYS:
    if not _LOCAL_KEYS_ALLOWED:
        raise ImproperlyConfigured(
            "JARING_FIELD_KEYS must be set when the database is shared (PostgreSQL): every host must encrypt "
            "and decrypt identities and attachments with the same keys. Generate one with: python -c "
            "'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' and keep it safe"
        )
    FIELD_KEYS = local_field_keys(DATA_DIR)
for _key in FIELD_KEYS:
    try:
        Fernet(_key)
    except ValueError:
        raise ImproperlyConfigured("JARING_FIELD_KEYS must be comma-separated Fernet keys") from None

ALLOWED_HOSTS = env_list("JARING_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("JARING_CSRF_TRUSTED_ORIGINS", [])
# Public site address used in sitemaps, OpenGraph tags and share links.
SITE_URL = env_str("JARING_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "jaring",
    "jaring.accounts",
    "jaring.audit",
    "jaring.content",
    "jaring.reports",
    "jaring.casework",
    "jaring.screening",
    "jaring.outreach",
    "jaring.network",
    "jaring.channels",
    "jaring.insights",
    "jaring.checkpoints",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jaring.lib.middleware.ContentSecurityPolicyMiddleware",
    "jaring.lib.middleware.PrivateResponsesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "jaring.lib.middleware.ApiLanguageMiddleware",
    "jaring.lib.api_input.ApiInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "jaring.urls"
WSGI_APPLICATION = "jaring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jaring.accounts.context_processors.office",
            ],
        },
    },
]

# Shared across web processes (rate limits, lock-outs): the database by default, Redis when configured.
_cache_url = env_str("JARING_CACHE_URL", "")
_cache_parts = urlsplit(_cache_url)
_cache_scheme = _cache_parts.scheme
if (_cache_scheme in ("redis", "rediss") and _cache_parts.hostname) or (
    _cache_scheme == "unix" and _cache_parts.path
):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
            # Several deployments (or a test run) may share one Redis database: their keys stay apart.
            "KEY_PREFIX": env_str("JARING_CACHE_KEY_PREFIX", "jaring"),
        }
    }
elif _cache_url:
    # Only the scheme: the URL may carry a password.
    raise ImproperlyConfigured(
        f"JARING_CACHE_URL must be a redis://, rediss:// or unix:// URL (or unset for the database cache) "
        f"with a host, got scheme {_cache_scheme!r}"
    )
else:
    # Django's default of 300 entries would cull live entries (rate-limit counters, login lock-outs, receipts)
    # as soon as 300 clients had one: an attacker could reset a lock-out by creating entries. 50,000 raises
    # that bar (expired entries go first); counting 50,000 rows costs SQLite ~0.02 ms (docs/deployment.md).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "jaring_cache",
            "OPTIONS": {"MAX_ENTRIES": env_int("JARING_CACHE_MAX_ENTRIES", 50_000, minimum=300)},
        }
    }

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
LOGIN_MAX_FAILURES = env_int("JARING_LOGIN_MAX_FAILURES", 5, minimum=1)
LOGIN_LOCKOUT_SECONDS = env_int("JARING_LOGIN_LOCKOUT_SECONDS", 900, minimum=1)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns at every start without it
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # `collectstatic` (run by `jaring setup`) writes gzip copies next to each file; WhiteNoise serves them.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Attachments and outreach photos go to an S3-compatible bucket when one is named, so that every web host reads
# what any host stored (lib/storage.py: encrypted before upload, private objects, URLs never handed out).
S3_BUCKET = env_str("JARING_S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = s3_storage(
        bucket=S3_BUCKET,
        endpoint_url=env_str("JARING_S3_ENDPOINT_URL", ""),
        region=env_str("JARING_S3_REGION", ""),
        access_key=env_str("JARING_S3_ACCESS_KEY_ID", ""),
        secret_key=env_str("JARING_S3_SECRET_ACCESS_KEY", ""),
        prefix=env_str("JARING_S3_PREFIX", ""),
    )
# Once `collectstatic` has filled STATIC_ROOT (`jaring setup`, `make run`), WhiteNoise serves those files and
# their gzip copies; finders (the uncompressed source files) only in DEBUG or before anything was collected.
WHITENOISE_USE_FINDERS = DEBUG or not any(STATIC_ROOT.iterdir())
# Rendered public pages (home, articles, checklist) are cached this long for anonymous visitors; 0 disables.
PUBLIC_PAGE_CACHE_SECONDS = env_int("JARING_PUBLIC_PAGE_CACHE_SECONDS", 60)
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": env_str("JARING_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# /readyz answers 503 when a task has waited longer than this for a worker (workers down or overwhelmed).
READY_MAX_TASK_AGE_SECONDS = env_int("JARING_READY_MAX_TASK_AGE_SECONDS", 300, minimum=1)

# Security headers. HTTPS-only flags (secure cookies, HSTS) follow JARING_HTTPS, on unless DEBUG; `make run`
# serves plain HTTP on 127.0.0.1 and turns them off, a deployment behind TLS keeps them on.
HTTPS = env_bool("JARING_HTTPS", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("JARING_BEHIND_PROXY", False) else None
)
SECURE_SSL_REDIRECT = env_bool("JARING_SSL_REDIRECT", False)
CSRF_FAILURE_VIEW = "jaring.web.csrf_failure"
# Outreach coverage map: a tile server URL template ({z}/{x}/{y}, e.g. a tile server on the office LAN). Empty
# (the default) = no tiles: villages are drawn as points on a plain background and nothing leaves the site.
MAP_TILE_URL = env_str("JARING_MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("JARING_MAP_TILE_ATTRIBUTION", "")
_tile_origin = ""
if MAP_TILE_URL:
    _tile_parts = urlsplit(MAP_TILE_URL.replace("{s}", "a"))
    if _tile_parts.scheme not in ("http", "https") or not _tile_parts.netloc:
        raise ImproperlyConfigured(
            "JARING_MAP_TILE_URL must be an http(s) URL template like https://host/{z}/{x}/{y}.png"
        )
    # Subdomain templates ({s}.tile...) need the wildcard of the parent host in the CSP.
    _host = urlsplit(MAP_TILE_URL).netloc.replace("{s}", "*")
    _tile_origin = f" {_tile_parts.scheme}://{_host}"

CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; img-src 'self' data:{_tile_origin}; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

EMAIL_BACKEND = env_str("JARING_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("JARING_DEFAULT_FROM_EMAIL", "jaring@localhost")
# Wawasan: who receives every office's monthly report on the first working day (insights_send_monthly).
INSIGHTS_REPORT_RECIPIENTS = env_list("JARING_INSIGHTS_RECIPIENTS", [])

# Lapor: attachment limits (issue: at most 10 MB each and 5 per message, configurable).
ATTACHMENT_MAX_BYTES = env_int("JARING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, minimum=1)
ATTACHMENT_MAX_FILES = env_int("JARING_ATTACHMENT_MAX_FILES", 5, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Lapor: rate limits per client (a salted, daily-rotated hash of the address, kept only in the cache) and per
# tracking code; 0 or JARING_RATE_LIMITS=0 disables them (benchmarks). Receipts stay replayable (encrypted,
# in the cache) for RECEIPT_TTL_SECONDS so that a double click or a retried POST shows the same receipt.
RATE_LIMITS_ENABLED = env_bool("JARING_RATE_LIMITS", True)
RATE_REPORTS_PER_HOUR = env_int("JARING_RATE_REPORTS_PER_HOUR", 10)
RATE_MESSAGES_PER_HOUR = env_int("JARING_RATE_MESSAGES_PER_HOUR", 30)
RATE_FOLLOW_UP_FAILURES_PER_CLIENT = env_int("JARING_RATE_FOLLOW_UP_FAILURES_PER_CLIENT", 20)
RATE_FOLLOW_UP_FAILURES_PER_CODE = env_int("JARING_RATE_FOLLOW_UP_FAILURES_PER_CODE", 10)
RECEIPT_TTL_SECONDS = env_int("JARING_RECEIPT_TTL_SECONDS", 900, minimum=1)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

WHATSAPP_APP_SECRET = env_str("JARING_WHATSAPP_APP_SECRET", "")
WHATSAPP_VERIFY_TOKEN = env_str("JARING_WHATSAPP_VERIFY_TOKEN", "")
WHATSAPP_ACCESS_TOKEN = env_str("JARING_WHATSAPP_ACCESS_TOKEN", "")
WHATSAPP_PHONE_NUMBER_ID = env_str("JARING_WHATSAPP_PHONE_NUMBER_ID", "")
WHATSAPP_GRAPH_URL = env_str("JARING_WHATSAPP_GRAPH_URL", "https://graph.facebook.com/v21.0")
# The approved template that tells a user outside the 24-hour window that an officer's answer is waiting.
WHATSAPP_REPLY_TEMPLATE = env_str("JARING_WHATSAPP_REPLY_TEMPLATE", "jaring_balasan_petugas")
# Sent to supervisors with a WhatsApp number when a report becomes urgent (parameters: receipt code, case link).
WHATSAPP_URGENT_TEMPLATE = env_str("JARING_WHATSAPP_URGENT_TEMPLATE", "jaring_laporan_mendesak")
WHATSAPP_TEMPLATE_LANGUAGE = env_str("JARING_WHATSAPP_TEMPLATE_LANGUAGE", "id")
# Approved template that tells a web reporter who opted in that an answer is waiting (one variable: the link).
WHATSAPP_NOTIFY_TEMPLATE = env_str("JARING_WHATSAPP_NOTIFY_TEMPLATE", "jaring_jawaban_baru")
# Messages per minute one sender may send before the bot pauses answering them (one polite notice).
WHATSAPP_RATE_PER_MINUTE = env_int("JARING_WHATSAPP_RATE_PER_MINUTE", 20, minimum=1)

# Jaringan: an identifier in more records than this and than 0.1% of all records is too common to link
# (engine.MIN_STOP_RECORDS; the batch CLI's --min-stop-records).
NETWORK_MIN_STOP_RECORDS = env_int("JARING_NETWORK_MIN_STOP_RECORDS", 100, minimum=1)

# TPI (checkpoints): the traveller identity of a cleared (diizinkan) screening is erased after this many days
# unless the screening opened a case (`jaring checkpoints_retention`); a passport postponed again at the same
# TPI within CHECKPOINT_REPEAT_DAYS raises a repeat alert (at another TPI: always).
CHECKPOINT_RETENTION_DAYS = env_int("JARING_CHECKPOINT_RETENTION_DAYS", 90)
CHECKPOINT_REPEAT_DAYS = env_int("JARING_CHECKPOINT_REPEAT_DAYS", 90)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("JARING_LOG_LEVEL", "WARNING")},
}
