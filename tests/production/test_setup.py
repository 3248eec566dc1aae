"""`jaring migrate` is the one command a fresh database needs (the cache table used to be a second one)."""

import pytest
from django.core.cache import caches
from django.db import connection

DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "jaring_cache"}
}


@pytest.mark.django_db
def test_migrate_creates_the_cache_table(settings, client):
    # The test database was made by `migrate` alone, as a fresh deployment's would be.
    assert "jaring_cache" in connection.introspection.table_names()
    settings.CACHES = DATABASE_CACHE
    caches["default"].set("probe", 1)  # used to fail: relation "jaring_cache" does not exist
    assert caches["default"].get("probe") == 1
    assert client.get("/").status_code == 200
