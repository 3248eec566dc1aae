"""Settings fail loudly at start-up: shared-database keys, the cache URL, limits; `check --deploy` passes."""

import pytest

from tests.production.procs import base_env, jaring, shared_keys

POSTGRES = "postgres://postgres@127.0.0.1:5432/jaring_not_used"
PRODUCTION = {
    "JARING_ALLOWED_HOSTS": "jaring.example.go.id",
    "JARING_BEHIND_PROXY": "1",
    "JARING_SSL_REDIRECT": "1",
}


def test_a_shared_database_without_a_secret_key_refuses_to_start(tmp_path):
    env = base_env(
        tmp_path, JARING_DATABASE_URL=POSTGRES, JARING_FIELD_KEYS=shared_keys()["JARING_FIELD_KEYS"]
    )
    done = jaring(env, "check")
    assert done.returncode != 0
    assert "JARING_SECRET_KEY must be set" in done.stderr
    assert "secrets.token_urlsafe" in done.stderr  # says how to make one
    assert not (tmp_path / "secret_key").exists()  # no host-local key was generated


def test_a_shared_database_without_field_keys_refuses_to_start(tmp_path):
    env = base_env(tmp_path, JARING_DATABASE_URL=POSTGRES, JARING_SECRET_KEY="s" * 50)
    done = jaring(env, "check")
    assert done.returncode != 0
    assert "JARING_FIELD_KEYS must be set" in done.stderr
    assert "Fernet.generate_key()" in done.stderr
    assert not (tmp_path / "field_keys").exists()


def test_one_machine_generates_its_keys_once_into_the_data_dir(tmp_path):
    env = base_env(tmp_path)
    first = jaring(env, "shell", "-c", "from django.conf import settings; print(settings.FIELD_KEYS[0])")
    again = jaring(env, "shell", "-c", "from django.conf import settings; print(settings.FIELD_KEYS[0])")
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    assert (tmp_path / "field_keys").read_text().strip() == first.stdout.split()[-1]
    assert (tmp_path / "field_keys").stat().st_mode & 0o077 == 0  # readable by the owner only


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "redis:/typo", "127.0.0.1:6379"])
def test_an_unknown_cache_url_refuses_to_start(tmp_path, url):
    done = jaring(base_env(tmp_path, JARING_CACHE_URL=url), "check")
    assert done.returncode != 0
    assert "JARING_CACHE_URL must be a redis://" in done.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("JARING_RATE_REPORTS_PER_HOUR", "-1", "must be at least 0"),
        ("JARING_LOGIN_MAX_FAILURES", "0", "must be at least 1"),
        ("JARING_ATTACHMENT_MAX_BYTES", "-5", "must be at least 1"),
        ("JARING_CACHE_MAX_ENTRIES", "10", "must be at least 300"),
        ("JARING_CONN_MAX_AGE", "soon", "must be an integer"),
    ],
)
def test_a_limit_out_of_range_refuses_to_start(tmp_path, name, value, message):
    done = jaring(base_env(tmp_path, **{name: value}), "check")
    assert done.returncode != 0
    assert f"{name} {message}" in done.stderr


def test_check_deploy_passes_on_production_settings(tmp_path):
    env = base_env(tmp_path, JARING_DATABASE_URL=POSTGRES, **shared_keys(), **PRODUCTION)
    done = jaring(env, "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_check_deploy_warns_when_https_is_off(tmp_path):
    """The test above can fail: plain-HTTP cookies are reported."""
    env = base_env(tmp_path, JARING_HTTPS="0", **PRODUCTION)
    done = jaring(env, "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode != 0
    assert "SESSION_COOKIE_SECURE" in done.stderr
