"""Tourism projects (旅游协作项目): the inherited suite, and the link to the industry ledger's projects where they are
investments — chosen inside the user's area, refused outside it, shown on both pages."""

from __future__ import annotations

import pytest
from django.db.models import Count

from tests.base import RecordTypeTests
from xiezuo.consumption.models import TourismProject
from xiezuo.core.scope import OutOfScope
from xiezuo.core.services import create_record
from xiezuo.industry.models import Project
from xiezuo.partners.models import Organisation

OFFICE = "黔南州东西部协作办公室"


def project_in(prefix: str) -> Project:
    """An industrial project of the demo under `prefix` whose name is unique (an import names it)."""
    unique = Project.objects.values("name").annotate(n=Count("pk")).filter(n=1).values("name")
    return Project.objects.filter(region__code__startswith=prefix, name__in=unique).order_by("pk").first()


def org(name: str) -> int:
    return Organisation.objects.get(name=name).pk


class TestTourismProject(RecordTypeTests):
    model = TourismProject
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "荔波测试景区提升", "kind": "scenic", "region": "522722000000", "organisations": [org(OFFICE)],
                "project": project_in("522722").pk, "started_on": "2020-03-01", "opened_on": "2020-10-01"}

    def changed_data(self):
        return {**self.valid_data(), "name": "荔波测试景区提升（修订）"}

    def api_data(self):
        return {"name": "接口测试民宿", "kind": "lodging", "region": "522722000000", "organisations": [org(OFFICE)],
                "started_on": "2020-04-01"}

    def outside_data(self):
        # Region and project outside Qiannan, agreeing with each other (Dafang county in Bijie).
        return {**self.valid_data(), "region": "520521000000", "project": project_in("520521").pk}

    def import_rows(self):
        return [{"项目名称*": "导入测试乡村旅游", "项目类型*": "乡村旅游", "项目地点（县、乡或村）*": "522722000000",
                 "关联产业项目（投资）": project_in("522722").name, "启动日期*": "2020-05-01"},
                {"项目名称*": "导入测试旅游步道", "项目类型*": "旅游基础设施", "项目地点（县、乡或村）*": "522701000000",
                 "实施或合作单位": OFFICE, "启动日期*": "2020-06-01", "建成开放日期": "2021-01-01"}]

    def bad_import_rows(self):
        return [{"项目名称*": "导入测试错误日期", "项目类型*": "乡村旅游", "项目地点（县、乡或村）*": "522722000000",
                 "启动日期*": "2020-05-01", "建成开放日期": "2020-01-01"}], "建成开放日期不能早于启动日期"


pytestmark = pytest.mark.django_db


def test_the_tourism_project_page_shows_the_linked_project_and_the_project_page_shows_it_back(login, user):
    project = project_in("522722")
    tp = create_record(TourismProject, {"name": "荔波测试文旅综合体", "kind": "rural", "region_id": "522722000000",
                                        "project": project, "started_on": project.agreed_on}, user("qiannan"))
    client = login("qiannan")
    html = client.get(tp.get_absolute_url()).content.decode()
    panel = html.split('id="tourism-linked-project"')[1].split("</section>")[0]
    assert f'href="{project.get_absolute_url()}"' in panel and project.name in panel
    assert project.region.name in panel and project.region_id in panel
    for investor in project.investors.all():
        assert investor.name in panel
    assert "投资企业与投资额以产业项目台账为准" in panel
    back = client.get(project.get_absolute_url()).content.decode()
    assert 'id="project-tourism-panel"' in back and "荔波测试文旅综合体" in back
    listed = client.get(f"/consumption/tourismproject/?project={project.pk}").content.decode()
    assert "荔波测试文旅综合体" in listed and "共 1 条" in listed


def test_a_project_outside_the_area_or_in_another_place_is_refused(login, user):
    client = login("qiannan")
    before = TourismProject.objects.count()
    bijie = project_in("520521")
    # Not offered, and refused when posted: Bijie's project is outside Qiannan's area.
    form = client.get("/consumption/tourismproject/add/").content.decode()
    select = form.split('<select name="project"')[1].split("</select>")[0]
    assert f'<option value="{bijie.pk}"' not in select and f'<option value="{project_in("522722").pk}"' in select
    response = client.post("/consumption/tourismproject/add/", {
        "name": "越界关联", "kind": "rural", "region": "522722000000", "project": bijie.pk,
        "started_on": "2020-01-01"})
    assert response.status_code == 400 and "所选记录不存在或不在您的管辖范围内" in response.content.decode()
    # The same link straight to the action function: refused by the write gate.
    with pytest.raises(OutOfScope):
        create_record(TourismProject, {"name": "越界关联", "kind": "rural", "region_id": "522722000000",
                                       "project": bijie, "started_on": "2020-01-01"}, user("qiannan"))
    # A Qiannan project of another county is not this place's investment.
    elsewhere = Project.objects.filter(region__code__startswith="5227").exclude(
        region__code__startswith="522722").filter(region__level__gte=3).order_by("pk").first()
    response = client.post("/consumption/tourismproject/add/", {
        "name": "异地关联", "kind": "rural", "region": "522722000000", "project": elsewhere.pk,
        "started_on": "2020-01-01"})
    assert response.status_code == 400 and "不在同一地区" in response.content.decode()
    assert TourismProject.objects.count() == before


def test_a_reader_who_may_not_open_the_project_sees_it_as_out_of_scope(login, user):
    project = project_in("522722")
    sasac = Organisation.objects.get(name="广州市人民政府国有资产监督管理委员会")
    assert not Project.objects.restrict(user("gz_sasac")).filter(pk=project.pk).exists()
    tp = create_record(TourismProject, {"name": "荔波测试国资委参与", "kind": "rural", "region_id": "522722000000",
                                        "project": project, "started_on": "2020-01-01"}, user("admin"),
                       m2m={"organisations": [sasac]})
    html = login("gz_sasac").get(tp.get_absolute_url()).content.decode()
    panel = html.split('id="tourism-linked-project"')[1].split("</section>")[0]
    assert "（范围外记录）" in panel and project.name not in html
    assert login("bijie_dafang").get(tp.get_absolute_url()).status_code == 404


def test_an_industrial_project_named_by_a_tourism_project_is_not_deleted(login, user):
    project = create_record(Project, {"name": "荔波测试文旅投资", "region_id": "522722000000",
                                      "agreed_on": "2020-01-01"}, user("qiannan"))
    create_record(TourismProject, {"name": "荔波测试文旅运营", "kind": "rural", "region_id": "522722000000",
                                   "project": project, "started_on": "2020-02-01"}, user("qiannan"))
    client = login("qiannan")
    response = client.post(f"/industry/project/{project.pk}/delete/", follow=True)
    assert "该记录仍被以下记录引用，无法删除" in response.content.decode()
    assert "荔波测试文旅运营" in response.content.decode()
    assert Project.objects.filter(pk=project.pk).exists()
