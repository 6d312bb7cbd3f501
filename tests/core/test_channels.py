"""Channel apps do not import each other, and their models refer to other channels in one direction only."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps

import xiezuo

BASE_APPS = {"core", "geo", "partners", "people"}
SRC = Path(xiezuo.__file__).parent


def channels() -> list[str]:
    return sorted(c.label for c in apps.get_app_configs()
                  if c.name.startswith("xiezuo.") and c.label not in BASE_APPS)


def test_no_channel_imports_another():
    found = []
    for label in channels():
        others = [o for o in channels() if o != label]
        for path in (SRC / label).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(SRC)} → {o}" for o in others
                      if f"xiezuo.{o}" in text or f"from xiezuo import {o}" in text]
    assert found == []


def test_no_two_channels_refer_to_each_other_in_their_models():
    refers: dict[str, set[str]] = {label: set() for label in channels()}
    for label in channels():
        for model in apps.get_app_config(label).get_models():
            for f in model._meta.get_fields():
                if f.is_relation and not f.auto_created and f.related_model is not None:
                    other = f.related_model._meta.app_label
                    if other in refers and other != label:
                        refers[label].add(other)
    assert [(a, b) for a in refers for b in refers[a] if a in refers.get(b, ())] == []
    assert refers["industry"] == {"exchange"} and "industry" not in refers["exchange"]


@pytest.mark.django_db
def test_a_visit_page_still_shows_the_projects_that_came_out_of_it(login):
    from xiezuo.exchange.models import Visit

    visit = Visit.objects.get(name="广州市国资委组织监管企业赴黔南、毕节开展对口产业帮扶对接（2018年3月）")
    html = login("gz_sasac").get(visit.get_absolute_url()).content.decode()
    panel = html.split('id="visit-outcome-projects"')[1].split("</ul>")[0]
    assert "广州市建筑集团与毕节市确定的合作项目（报道未载明名称）" in panel
    assert "广汽集团与黔南州、毕节市合作框架协议（4项）" in html.split('id="visit-outcomes"')[1].split("</ul>")[0]
    listed = login("gz_sasac").get(f"/industry/project/?visit={visit.pk}").content.decode()
    assert "广州市建筑集团与毕节市确定的合作项目（报道未载明名称）" in listed and "共 1 条" in listed
    # The link is entered on the project (来自活动), and the project page names the visit.
    project = visit.projects.get()
    client = login("gz_sasac")
    assert "来自活动" in client.get("/industry/project/add/").content.decode()
    assert visit.name in client.get(project.get_absolute_url()).content.decode()
