"""两地培训 as a user sees it: classes and their rosters, 两地培训人次 counting each named person once plus the
participants counted where names were not kept, drafts left out, bad input refused with a clear message."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from tests.labour.helpers import ident
from tests.labour.test_labour import BIJIE, QIANNAN, figures, pairing
from xiezuo.core.services import create_record, transition_record
from xiezuo.talent.models import CadreTrainee, CadreTraining

pytestmark = pytest.mark.django_db
LIBO = "522722000000"  # 荔波县: no demo 两地培训 class, so the figures count only what the test enters


def approved(model, data, user):
    """Entered by Qiannan, approved by the administrator (maker-checker: another person)."""
    obj = create_record(model, data, user("qiannan"))
    transition_record(obj, "submit", user("qiannan"))
    transition_record(model.objects.get(pk=obj.pk), "approve", user("admin"))
    return model.objects.get(pk=obj.pk)


def a_class(name, counted, **more):
    return {"name": name, "kind": "cadre", "region_id": LIBO, "helped_region_id": LIBO,
            "start": dt.date(2021, 3, 1), "end": dt.date(2021, 3, 5), "counted_participants": counted, **more}


def test_participants_are_distinct_named_persons_plus_counted_and_drafts_are_left_out(user, login):
    first = approved(CadreTraining, a_class("荔波县干部培训一班", 10), user)
    second = approved(CadreTraining, a_class("荔波县干部培训二班", 5, start=dt.date(2021, 6, 1),
                                             end=dt.date(2021, 6, 3)), user)
    draft = create_record(CadreTraining, a_class("荔波县草稿培训班", 100), user("qiannan"))
    twice, once = ident("522722", "19800101", 601), ident("522722", "19800101", 602)
    for training in (first, second):  # the same person on two classes
        approved(CadreTrainee, {"training": training, "id_number": twice, "name": "两期学员"}, user)
    approved(CadreTrainee, {"training": first, "id_number": once, "name": "一期学员"}, user)
    # A draft roster row of an approved class, and a roster row of a draft class: neither counts.
    create_record(CadreTrainee, {"training": second, "id_number": ident("522722", "19800101", 603),
                                 "name": "草稿学员"}, user("qiannan"))
    approved(CadreTrainee, {"training": draft, "id_number": ident("522722", "19800101", 604), "name": "草稿班学员"},
             user)

    client = login("leader")
    values = figures(client, "region", LIBO)
    assert values["talent.cadre_trainings"] == 2
    assert values["talent.cadre_trainees"] == 2 + 10 + 5      # two persons (one on both classes) + the counts
    period = figures(client, "region", LIBO, since="2021-05-01")
    assert period["talent.cadre_trainees"] == 1 + 5
    with_drafts = figures(client, "region", LIBO, include_unapproved="true")
    assert with_drafts["talent.cadre_trainings"] == 3
    person = set(CadreTrainee.objects.filter(person__id_number=twice).values_list("person", flat=True))
    assert len(person) == 1
    page = login("qiannan").get(f"/people/{person.pop()}/").content.decode()   # one person, both classes
    assert "荔波县干部培训一班" in page and "荔波县干部培训二班" in page


def test_the_bijie_pages_show_the_training_figures_linking_to_the_classes(login):
    client = login("leader")
    demo = CadreTraining.objects.filter(synthetic=True, helped_region_id=BIJIE, status="approved")
    named = len(set(CadreTrainee.objects.filter(training__in=demo, status="approved").values_list("person", flat=True)))
    assert CadreTrainee.objects.filter(training__in=demo).count() > named > 0   # someone on two classes
    expected = named + sum(t.counted_participants for t in demo)
    assert figures(client, "pairing", pairing(BIJIE).pk)["talent.cadre_trainees"] == expected
    assert figures(client, "pairing", pairing(BIJIE).pk)["talent.cadre_trainings"] == demo.count() == 3
    assert figures(client, "pairing", pairing(QIANNAN).pk)["talent.cadre_trainings"] == 2
    for url in ("/cooperation/region/520500000000/", f"/cooperation/pairing/{pairing(BIJIE).pk}/"):
        html = client.get(url).content.decode()
        assert "两地培训班" in html and "两地培训人次" in html, url
        link = re.search(r'data-figure="talent.cadre_trainings".*?<a href="([^"]+)"', html, re.S).group(1)
        listed = client.get(unescape(link)).content.decode()
        assert "毕节市党政干部赴广州跟岗培训班（演示）" in listed, url
        assert "黔南州乡村振兴干部培训班（演示）" not in listed, url


def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(user, login):
    qiannan = user("qiannan")
    before = CadreTraining.objects.count()
    with pytest.raises(ValidationError, match="结业日期不能早于开班日期"):
        create_record(CadreTraining, a_class("倒置日期班", 0, end=dt.date(2021, 2, 1)), qiannan)
    with pytest.raises(ValidationError, match="大于或等于"):
        create_record(CadreTraining, a_class("负数班", -3), qiannan)
    assert CadreTraining.objects.count() == before

    training = create_record(CadreTraining, a_class("荔波县重复学员测试班", 0), qiannan)
    number = ident("522722", "19810101", 611)
    create_record(CadreTrainee, {"training": training, "id_number": number, "name": "重复学员"}, qiannan)
    with pytest.raises(ValidationError, match="同一人在一个培训班只登记一次"):
        create_record(CadreTrainee, {"training": training, "id_number": number, "name": "重复学员"}, qiannan)
    assert CadreTrainee.objects.filter(training=training).count() == 1

    client = login("qiannan")
    page = client.post("/talent/cadretrainee/add/", {"training": training.pk, "id_number": "522722198101016110",
                                                     "name": "错号学员"})
    assert "身份证号校验位错误" in page.content.decode() and CadreTrainee.objects.filter(training=training).count() == 1
    page = client.post("/talent/cadretraining/add/", {
        "name": "页面负数班", "kind": "cadre", "region": LIBO, "helped_region": LIBO, "start": "2021-03-01",
        "end": "2021-03-02", "counted_participants": "-1"}).content.decode()
    assert "大于或等于0" in page and not CadreTraining.objects.filter(name="页面负数班").exists()
    page = client.post("/talent/cadretraining/add/", {
        "name": "页面倒置班", "kind": "cadre", "region": LIBO, "helped_region": LIBO, "start": "2021-03-05",
        "end": "2021-03-01"}).content.decode()
    assert "结业日期不能早于开班日期" in page and not CadreTraining.objects.filter(name="页面倒置班").exists()
