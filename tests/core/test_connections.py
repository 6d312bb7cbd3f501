"""A database connection the server dropped is replaced at the next request (health checks), never a 500."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psycopg
import pytest

# Always PostgreSQL (the failure this guards against is PostgreSQL's): the suite's server when the suite runs on
# it, else the local one CI and `make test-postgres` use.
SERVER = os.environ.get("XIEZUO_DATABASE_URL") or os.environ.get(
    "XIEZUO_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _url(database: str, app: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(SERVER)
    return urlunsplit(parts._replace(path=f"/{database}", query=f"application_name={app}"))


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.postgres
def test_dropped_connections_are_replaced_not_answered_with_500(tmp_path):
    app = f"xiezuo-conn-test-{os.getpid()}"
    try:
        admin = psycopg.connect(_url("postgres", "xiezuo-conn-admin"), autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.fail(f"this test needs a PostgreSQL server ({SERVER}): {exc}")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "XIEZUO_DATABASE_URL": _url("postgres", app), "XIEZUO_DB_CONN_MAX_AGE": "600",
           "XIEZUO_CACHE": "memory", "XIEZUO_VAR_DIR": str(tmp_path), "XIEZUO_DEBUG": "0",
           "XIEZUO_SECRET_KEY": "conn-test-" + "0123456789abcdefghijklmnopqrstuvwxyz"}
    server = subprocess.Popen([sys.executable, "-m", "xiezuo.cli", "serve", "--port", str(port), "--threads", "4"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/healthz/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(base) == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, server.stdout.read().decode()[-3000:]
            time.sleep(0.2)
        # Every server thread now holds a kept connection.
        assert [_get(base) for _ in range(12)] == [200] * 12
        with admin.cursor() as cur:
            cur.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s",
                        (app,))
            killed = cur.fetchone()[0]
        assert killed >= 1, "the server's connections were found and terminated"
        time.sleep(0.5)
        codes = [_get(base) for _ in range(16)]
        assert codes == [200] * 16, codes
    finally:
        server.terminate()
        server.wait(timeout=20)
        admin.close()
