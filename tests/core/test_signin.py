"""Sign-in throttling per account and per address, the events administrators see, and API throttling."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from xiezuo.core.signin import SigninEvent

pytestmark = pytest.mark.django_db
PASSWORD = "xiezuo2026"


def attempt(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client: Client) -> bool:
    return client.get("/").status_code == 200


def test_thirty_wrong_passwords_then_the_right_one_does_not_sign_in(caplog):
    client = Client()
    with caplog.at_level(logging.WARNING, logger="xiezuo.signin"):
        for _ in range(30):
            page = attempt(client, "qiannan", "wrong-password")
            assert page.status_code == 200
        page = attempt(client, "qiannan", PASSWORD)
    assert page.status_code == 200, "the right password must not sign in while the account is locked"
    text = page.content.decode()
    assert "该账号登录失败次数过多，已暂时锁定" in text and "分钟后再试" in text
    assert not signed_in(client)
    # Five failures lock the account; further attempts are refused without counting as failures.
    assert SigninEvent.objects.filter(username="qiannan", kind="failure").count() == 5
    assert SigninEvent.objects.filter(username="qiannan", kind="lockout").count() == 1
    assert SigninEvent.objects.filter(username="qiannan", kind="success").count() == 0
    lines = [r.getMessage() for r in caplog.records]
    assert sum("signin failure username='qiannan'" in m for m in lines) == 5
    assert sum("signin lockout" in m for m in lines) == 1
    assert sum("signin refused username='qiannan'" in m for m in lines) == 26
    # From another address, the account is still locked: the lock is per account.
    assert "已暂时锁定" in attempt(Client(), "qiannan", PASSWORD, address="10.9.9.9").content.decode()
    # Other accounts are not affected.
    other = Client()
    assert attempt(other, "bijie_dafang", PASSWORD).status_code == 302 and signed_in(other)


def test_a_lock_ends_after_the_window(settings):
    settings.XIEZUO_SIGNIN_WINDOW_MINUTES = 15
    for _ in range(5):
        attempt(Client(), "leader", "nope")
    client = Client()
    assert "已暂时锁定" in attempt(client, "leader", PASSWORD).content.decode()
    from django.utils import timezone

    SigninEvent.objects.filter(username="leader").update(at=timezone.now() - timezone.timedelta(minutes=16))
    assert attempt(client, "leader", PASSWORD).status_code == 302 and signed_in(client)
    assert SigninEvent.objects.filter(username="leader", kind="success").count() == 1


def test_one_address_guessing_many_accounts_is_locked(settings):
    settings.XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES = 8
    for i in range(8):
        attempt(Client(), f"nobody{i}", "guess", address="192.0.2.7")
    page = attempt(Client(), "gz_sasac", PASSWORD, address="192.0.2.7")
    assert "此网络地址登录失败次数过多" in page.content.decode()
    # The same account from another address signs in.
    assert attempt(Client(), "gz_sasac", PASSWORD, address="192.0.2.8").status_code == 302


def test_limits_come_from_settings(settings):
    settings.XIEZUO_SIGNIN_MAX_FAILURES = 2
    attempt(Client(), "qiannan", "a")
    assert attempt(Client(), "qiannan", PASSWORD).status_code == 302  # one failure: not locked
    attempt(Client(), "qiannan", "b")
    attempt(Client(), "qiannan", "c")
    assert "已暂时锁定" in attempt(Client(), "qiannan", PASSWORD).content.decode()


def test_address_behind_a_proxy(settings):
    settings.XIEZUO_PROXY_COUNT = 1
    Client().post("/login/", {"username": "qiannan", "password": "x"}, REMOTE_ADDR="127.0.0.1",
                  HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.2")
    assert SigninEvent.objects.get(username="qiannan").address == "198.51.100.2"


def test_administrators_see_sign_in_events(login):
    for _ in range(5):
        attempt(Client(), "qiannan", "wrong", address="10.1.2.3")
    attempt(Client(), "ghost-user", "wrong", address="10.1.2.4")
    page = login("admin").get("/account/signins/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "登录记录" in text and "qiannan" in text and "10.1.2.3" in text and "锁定" in text
    assert "ghost-user" in text
    filtered = login("admin").get("/account/signins/", {"kind": "lockout"}).content.decode()
    assert filtered.count("<tr>") == 2  # the header and the one lockout
    # A province administrator sees the accounts of its own area only.
    gd = login("gd_admin").get("/account/signins/")
    assert gd.status_code == 200 and "qiannan" not in gd.content.decode() and "ghost-user" not in gd.content.decode()
    # Others may not look.
    assert login("qiannan").get("/account/signins/").status_code == 403
    assert login("leader").get("/account/signins/").status_code == 403
    assert "登录记录" in login("admin").get("/").content.decode()
    assert "/account/signins/" not in login("qiannan").get("/").content.decode()


def test_api_is_throttled_per_user(settings, user):
    from rest_framework.test import APIClient

    from xiezuo.core.throttling import reset_counters

    reset_counters()
    settings.XIEZUO_API_RATES = {"user": "5/min", "anon": "3/min"}
    api = APIClient()
    api.force_authenticate(user("qiannan"))
    codes = [api.get("/api/partners/organisation/").status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    answer = api.get("/api/partners/organisation/")
    assert answer.status_code == 429 and "Retry-After" in answer.headers
    # Another user has its own count.
    other = APIClient()
    other.force_authenticate(user("bijie_dafang"))
    assert other.get("/api/partners/organisation/").status_code == 200
    reset_counters()


def test_api_throttle_counts_each_request_once_per_window(db, settings, user):
    """The counter of a user or address: 1, 2, … in a window, 1 again when the next window begins. With
    PostgreSQL it is one row per user and one statement per request (the cache table took six)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    from xiezuo.core.throttling import ThrottleCounter, count_request

    assert [count_request("throttle:test:a", 100, 60) for _ in range(3)] == [1, 2, 3]
    assert count_request("throttle:test:b", 100, 60) == 1
    assert count_request("throttle:test:a", 101, 60) == 1  # a new window
    assert count_request("throttle:test:a", 101, 60) == 2
    settings.XIEZUO_API_RATES = {"user": "100/min", "anon": "3/min"}
    api = APIClient()
    api.force_authenticate(user("qiannan"))
    api.get("/api/partners/organisation/")
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/partners/organisation/").status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    if connection.vendor == "postgresql":
        assert len([s for s in sql if "core_throttlecounter" in s]) == 1
        assert not [s for s in sql if "xiezuo_cache" in s]
        assert set(ThrottleCounter.objects.values_list("ident", flat=True)) == {
            "throttle:test:a", "throttle:test:b", f"throttle:user:{user('qiannan').pk}"}
