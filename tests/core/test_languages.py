"""The menu reads in the language the user picked: every group and record type, this app's or a new channel's."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from xiezuo.core.registry import REGISTRY
from xiezuo.core.text import to_traditional

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u4e00-\u9fff]")


def sidebar(client, language: str) -> str:
    client.cookies["django_language"] = language
    page = client.get("/").content.decode()
    return page[page.index('id="sidebar"'):page.index("</aside>")]


def test_menu_in_english_has_no_chinese(login):
    menu = sidebar(login("admin"), "en")
    assert HAN.findall(menu) == [], re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", menu))
    with translation.override("en"):
        for rt in REGISTRY.values():
            if rt.menu:
                assert rt.verbose_name_plural in menu, rt.key


def test_menu_in_traditional_is_converted(login):
    menu = sidebar(login("admin"), "zh-hant")
    for rt in REGISTRY.values():
        if rt.menu:
            group = str(rt.menu_group) if rt.menu_group else ""
            assert to_traditional(group) in menu and to_traditional(str(rt.model._meta.verbose_name_plural)) in menu
