"""Shared fixtures: the regions and demo data are loaded once per test database; personas sign in by name."""

from __future__ import annotations

import os

import pytest
from django.test import Client

PASSWORD = "xiezuo2026"

# The `xiezuo` command line speaks the terminal's language (LANG); the tests that run it as a subprocess read its
# messages in the default language wherever they run. Tests of the other languages set it themselves.
os.environ["XIEZUO_LANGUAGE"] = "zh-hans"


def pytest_configure(config):
    # The demo users' passwords are hashed once per test database; a fast hasher keeps that cheap.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from xiezuo.core.management.commands.demo import load_demo
        from xiezuo.geo.loader import load_regions

        load_regions()
        load_demo()


@pytest.fixture(autouse=True)
def _jobs_and_media(settings, tmp_path):
    """Jobs run in the request (a worker process is exercised by its own tests); files go to a temp dir."""
    settings.XIEZUO_JOBS_EAGER = True
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_scopes():
    """Each test starts with no users' scopes kept by the process (a test's rows are rolled back at its end)."""
    from xiezuo.core.scopecache import forget

    forget()


@pytest.fixture(autouse=True)
def _fresh_api_throttles(django_db_blocker):
    """Each test starts with empty API throttle counters (a table with PostgreSQL, the cache's folder of files kept
    between runs with SQLite) and an empty cache."""
    from xiezuo.core.throttling import reset_counters

    with django_db_blocker.unblock():
        reset_counters()


@pytest.fixture
def login():
    """`login("qiannan")` gives a test client signed in as that demo persona."""

    def make(username: str) -> Client:
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return make


@pytest.fixture
def user():
    from django.contrib.auth import get_user_model

    return lambda username: get_user_model().objects.get(username=username)


@pytest.fixture
def worker_env(tmp_path):
    """Environment for a `xiezuo worker` subprocess that shares this test's database and media folder."""
    import os

    from django.db import connection

    db = connection.settings_dict
    env = {**os.environ, "XIEZUO_MEDIA_ROOT": str(tmp_path)}
    if db["ENGINE"].endswith("sqlite3"):
        if str(db["NAME"]).startswith("file:") or ":memory:" in str(db["NAME"]):
            pytest.fail("the SQLite test database must be a file for a second process to see it")
        env["XIEZUO_SQLITE_PATH"] = str(db["NAME"])
    else:
        env["XIEZUO_DATABASE_URL"] = (f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
                                      f"{db['NAME']}")
    return env


def pytest_collection_modifyitems(config, items):
    """Tests that commit (transaction=True) flush the database afterwards: run them last."""
    def flushes(item) -> bool:
        marker = item.get_closest_marker("django_db")
        return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")))

    items.sort(key=flushes)
