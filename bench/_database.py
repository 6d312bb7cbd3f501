"""The database a benchmark runs on: a PostgreSQL database dropped and created afresh, or SQLite in a new folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fresh_database(pg_url: str, prefix: str) -> Path:
    """Point Django at a new, empty database (before `django.setup()`); return the benchmark's scratch folder."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    if pg_url:
        import psycopg

        base, name = pg_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["XIEZUO_DATABASE_URL"] = pg_url
    else:
        os.environ["XIEZUO_DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ.setdefault("XIEZUO_VAR_DIR", str(work))
    os.environ["DJANGO_SETTINGS_MODULE"] = "xiezuo.settings"
    return work
