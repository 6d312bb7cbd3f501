"""Unsafe configuration is refused; security headers are sent; templates hold no inline script."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
GOOD_KEY = "Zt3-q8Lm_Vx1Rk9Pw2Ny7Hb5Jc4Fd6Gs0Ae"


def xiezuo(args, env_extra, timeout=120):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XIEZUO_SECRET", "XIEZUO_DEBUG", "XIEZUO_TLS"))}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "xiezuo.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_serve_refuses_the_development_key_without_debug(tmp_path):
    out = xiezuo(["serve", "--port", "1"], {"XIEZUO_DEBUG": "0", "XIEZUO_VAR_DIR": str(tmp_path)})
    assert out.returncode != 0
    assert "拒绝启动" in out.stderr and "XIEZUO_SECRET_KEY" in out.stderr
    weak = xiezuo(["serve", "--port", "1"], {"XIEZUO_DEBUG": "0", "XIEZUO_VAR_DIR": str(tmp_path),
                                             "XIEZUO_SECRET_KEY": "a" * 32})
    assert weak.returncode != 0 and "过于简单" in weak.stderr


@pytest.mark.parametrize("key, expected", [
    ("a" * 32, "过于简单"), ("short-key-123", "过短"), ("abcabcabcabcabcabcabcabcabcabcabcabc", "过于简单"),
    ("xiezuo-insecure-development-key-do-not-use-in-production", "未设置"),
])
def test_check_deploy_fails_on_weak_keys(tmp_path, key, expected):
    out = xiezuo(["check", "--deploy"], {"XIEZUO_DEBUG": "0", "XIEZUO_TLS": "1", "XIEZUO_SECRET_KEY": key,
                                         "XIEZUO_ALLOWED_HOSTS": "x.example.org", "XIEZUO_VAR_DIR": str(tmp_path)})
    assert out.returncode != 0
    assert "xiezuo.E001" in out.stderr and expected in out.stderr


def test_check_deploy_fails_without_secure_cookies_or_hsts(tmp_path):
    base = {"XIEZUO_DEBUG": "0", "XIEZUO_SECRET_KEY": GOOD_KEY, "XIEZUO_ALLOWED_HOSTS": "x.example.org",
            "XIEZUO_VAR_DIR": str(tmp_path)}
    out = xiezuo(["check", "--deploy"], base)
    assert out.returncode != 0 and "xiezuo.E004" in out.stderr and "xiezuo.E005" in out.stderr
    assert "xiezuo.E001" not in out.stderr
    cookies_only = xiezuo(["check", "--deploy"], {**base, "XIEZUO_SECURE_COOKIES": "1"})
    assert cookies_only.returncode != 0 and "xiezuo.E004" not in cookies_only.stderr
    assert "xiezuo.E005" in cookies_only.stderr
    ok = xiezuo(["check", "--deploy", "--fail-level", "ERROR"], {**base, "XIEZUO_TLS": "1"})
    assert ok.returncode == 0, ok.stderr


def test_demo_makes_and_keeps_a_random_key(tmp_path, settings):
    from xiezuo.core.checks import secret_key_problem
    from xiezuo.core.management.commands.demo import demo_secret_key

    settings.DEMO_SECRET_KEY_FILE = tmp_path / "secret_key"
    settings.SECRET_KEY = settings.INSECURE_SECRET_KEY
    demo_secret_key()
    first = settings.SECRET_KEY
    assert secret_key_problem(first) is None
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    settings.SECRET_KEY = settings.INSECURE_SECRET_KEY
    demo_secret_key()
    assert settings.SECRET_KEY == first, "kept, so sessions survive a restart of the demo"
    # The settings read it: a later `xiezuo serve` without a configured key uses it (and starts).
    out = xiezuo(["shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)"],
                 {"XIEZUO_VAR_DIR": str(tmp_path)})
    assert out.stdout.strip().splitlines()[-1] == first


def test_two_demos_started_together_share_one_key(tmp_path):
    """Two `xiezuo demo` started at the same moment (a script, two terminals): both start, with the same key."""
    script = ("import os, sys, time, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'xiezuo.settings'; django.setup()\n"
              "from django.conf import settings\n"
              "from xiezuo.core.management.commands.demo import demo_secret_key\n"
              "settings.SECRET_KEY = settings.INSECURE_SECRET_KEY\n"
              "while time.time() < float(sys.argv[1]): pass\n"  # all start at the same instant
              "demo_secret_key(); print(settings.SECRET_KEY)")
    env = {**os.environ, "XIEZUO_VAR_DIR": str(tmp_path)}
    env.pop("XIEZUO_SECRET_KEY", None)
    for _round in range(3):
        (tmp_path / "secret_key").unlink(missing_ok=True)
        start = str(time.time() + 8)  # after both have set up
        runs = [subprocess.Popen([sys.executable, "-c", script, start], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        said = [run.communicate(timeout=120) for run in runs]
        assert all(run.returncode == 0 for run in runs), [err for _out, err in said]
        keys = {out.strip().splitlines()[-1] for out, _err in said}
        assert keys == {(tmp_path / "secret_key").read_text(encoding="utf-8").strip()}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]


def test_security_headers(login):
    response = login("qiannan").get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'", "no inline script, nothing from elsewhere"
    assert "unsafe-inline" not in directives["default-src"] and "http" not in csp
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response, "no HSTS over plain HTTP"
    assert "Content-Security-Policy" in login("qiannan").get("/api/partners/organisation/")


def test_hsts_behind_tls(login, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = login("qiannan").get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_api_docs_come_from_our_own_files(login):
    page = login("qiannan").get("/api/docs/").content.decode()
    assert "cdn" not in page.lower() and "http://" not in page and "https://" not in page
    assert "<script>" not in page.replace(" ", ""), "Swagger UI starts from a script file, not an inline one"


def test_templates_hold_no_inline_script_or_handlers():
    """The policy forbids inline script; a template that had some would break in the browser."""
    root = Path(__import__("xiezuo").__file__).parent
    offenders = []
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>", text):
            attrs = match.group(1)
            if "src=" not in attrs and "application/json" not in attrs:
                offenders.append(f"{path.relative_to(root)}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text) or "javascript:" in text or "hx-on" in text:
            offenders.append(f"{path.relative_to(root)}: event handler attribute or javascript: URL")
    assert not offenders, offenders
