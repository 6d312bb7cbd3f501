"""The API documentation pages work without internet: every script and stylesheet comes from the site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

ASSET = re.compile(r"""<(?:script|link)\b[^>]*\b(?:src|href)=["']([^"']+)["']""", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)


def assets(html: str) -> list[str]:
    return ASSET.findall(html)


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_page_loads_everything_from_the_site(login, url):
    client = login("qiannan")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    found = assets(html)
    scripts = [u for u in found if re.search(r"\.js($|\?)|[?&]script", u)]
    assert scripts, f"no script on {url}"
    for asset in found:
        parts = urlsplit(asset)
        assert not parts.scheme and not parts.netloc, f"{url} loads {asset} from another site"
        answer = client.get(asset)
        assert answer.status_code == 200, f"{asset} answers {answer.status_code}"
        body = b"".join(answer.streaming_content) if answer.streaming else answer.content
        assert body, f"{asset} is empty"
    # Nothing on the page points at a CDN, and no inline script (the Content-Security-Policy forbids them).
    assert "cdn." not in html and "googleapis" not in html and "unpkg" not in html
    assert not INLINE_SCRIPT.search(html), f"{url} has an inline script"


def test_swagger_start_script_points_at_our_schema(login):
    client = login("qiannan")
    html = client.get("/api/docs/").content.decode()
    start = next(u for u in assets(html) if "script" in urlsplit(u).query)
    js = client.get(start)
    assert js["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in js.content.decode()
    assert "SwaggerUIBundle" in js.content.decode()
