"""Settings checks, language switching, API docs and tokens."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest

pytestmark = pytest.mark.django_db


def run_check(env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XIEZUO_SECRET")}
    # A fresh var/ folder: the demo's key file (written by `xiezuo demo`) must not stand in for a real key.
    env["XIEZUO_VAR_DIR"] = tempfile.mkdtemp(prefix="xiezuo-check-")
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "xiezuo.cli", "check", "--deploy", "--fail-level", "ERROR"],
                          env=env, capture_output=True, text=True, timeout=120)


def test_production_start_with_unsafe_configuration_is_refused():
    out = run_check({"XIEZUO_DEBUG": "1"})
    assert out.returncode != 0
    assert "xiezuo.E001" in out.stderr and "xiezuo.E002" in out.stderr


def test_safe_configuration_passes(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s" * 20 + "-very-long-random-secret-value-0123456789")
    out = run_check({"XIEZUO_DEBUG": "0", "XIEZUO_SECRET_KEY_FILE": str(secret),
                     "XIEZUO_ALLOWED_HOSTS": "xiezuo.example.org", "XIEZUO_TLS": "1"})
    assert "xiezuo.E00" not in out.stderr, out.stderr


@pytest.mark.parametrize("language, text", [("zh-hans", "行政区划"), ("zh-hant", "行政區劃"), ("en", "Regions")])
def test_interface_languages(login, language, text):
    client = login("leader")
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert f'lang="{language}"' in page
    assert text in page


def test_default_language_is_simplified_chinese(login):
    page = login("leader").get("/").content.decode()
    assert 'lang="zh-hans"' in page and "行政区划" in page


def test_api_token_and_docs(login):
    client = login("qiannan")
    page = client.post("/account/token/").content.decode()
    assert 'id="api-token"' in page
    assert client.get("/api/docs/").status_code == 200
    schema = client.get("/api/schema/").content.decode()
    assert "/api/partners/pairing/" in schema and "/api/geo/region/" in schema


def test_an_english_browser_still_gets_chinese_by_default(login):
    client = login("leader")
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-hans"' in page
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-TW,zh;q=0.9").content.decode()
    assert 'lang="zh-hant"' in page


def test_demo_users_sign_in_with_the_documented_password(client):
    for username in ("gd_admin", "gz_sasac", "qiannan", "bijie_dafang", "leader"):
        assert client.login(username=username, password="xiezuo2026"), username
    response = client.post("/login/", {"username": "leader", "password": "wrong"})
    assert "用户名或密码错误" in response.content.decode()
