"""Record URLs are reversed once per URL name and script prefix (core/registry.py record_url), and read exactly
as Django's reverse() would write them."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from xiezuo.core.registry import REGISTRY, record_url


@pytest.mark.parametrize("prefix", ["/", "/xiezuo/"])
def test_every_record_types_urls_read_as_reverse_writes_them(prefix):
    set_script_prefix(prefix)
    try:
        for rt in REGISTRY.values():
            for view in ("list", "add"):
                assert rt.url(view) == reverse(f"{rt.app_label}:{rt.model_name}_{view}")
            for pk in (1, 42, "7", 2**62):
                for view in ("detail", "edit", "history"):
                    name = f"{rt.app_label}:{rt.model_name}_{view}"
                    assert rt.url(view, pk) == reverse(name, kwargs={"pk": pk}), (name, pk)
            assert rt.url("detail", 5).startswith(prefix)
    finally:
        set_script_prefix("/")


def test_a_key_reverse_would_refuse_is_refused():
    rt = next(iter(REGISTRY.values()))
    with pytest.raises(NoReverseMatch):
        record_url(f"{rt.app_label}:{rt.model_name}_detail", "abc")
    with pytest.raises(NoReverseMatch):
        record_url(f"{rt.app_label}:{rt.model_name}_detail", "-1")
