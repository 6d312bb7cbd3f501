"""A sweep as an outsider would try it: every demo user, every record type, through the API.

For each record outside the user's own area, the user posts a copy of it (the copy an administrator could
post: that is checked afterwards, so that the refusal is the area's and not some other rule's). For each record
the user may see, the user moves its regions to one they may not name or to a partner's (where they may not
write). Nothing may be written and nothing may answer 5xx.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient, APIRequestFactory

from xiezuo.core.registry import REGISTRY
from xiezuo.core.scope import get_scope
from xiezuo.geo.models import Region

pytestmark = pytest.mark.django_db

USERS = ["gd_admin", "gz_sasac", "qiannan", "bijie_dafang", "leader"]
PER_TYPE = 2


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def payload(rt, obj, admin) -> dict:
    request = APIRequestFactory().get("/")
    request.user = admin
    serializer = rt.serializer(obj, context={"request": request})
    data = {}
    for name, f in serializer.fields.items():
        if f.read_only or name == "id" or name not in serializer.data:
            continue
        value = serializer.data[name]
        if value is None or value == []:
            continue
        model_field = next((m for m in rt.model._meta.get_fields() if m.name == name), None)
        if getattr(model_field, "unique", False) or name in ("number", "name", "title"):
            value = f"{value}-巡查"
        data[name] = value
    return data


def region_fields(rt) -> list:
    return [f for f in rt.model._meta.get_fields() if (f.many_to_many or f.many_to_one) and f.concrete
            and f.related_model is Region and f.editable]


def test_no_write_outside_the_area_and_no_server_error(user, capsys):
    admin = user("admin")
    admin_client = client_for(admin)
    tried = refused = errors = controlled = 0
    leaks = []
    for username in USERS:
        u = user(username)
        client = client_for(u)
        scope = get_scope(u)
        for rt in REGISTRY.values():
            url = f"/api/{rt.app_label}/{rt.model_name}/"
            outside = rt.model.objects.exclude(pk__in=rt.model.objects.restrict(u, "change").values("pk"))
            for obj in outside.order_by("pk")[:PER_TYPE]:
                data = payload(rt, obj, admin)
                before = rt.model.objects.count()
                response = client.post(url, data, format="json")
                tried += 1
                errors += response.status_code >= 500
                if response.status_code < 300:
                    leaks.append((username, rt.key, "create", obj.pk))
                    continue
                refused += 1
                assert rt.model.objects.count() == before
                with transaction.atomic():  # the control: the same copy is a valid record for an administrator
                    if admin_client.post(url, data, format="json").status_code == 201:
                        controlled += 1
                    transaction.set_rollback(True)
            fields = region_fields(rt)
            if not fields:
                continue
            mine = rt.model.objects.restrict(u, "change").order_by("pk")[:PER_TYPE]
            for obj in mine:
                for f in fields:
                    current = getattr(obj, f.attname) if not f.many_to_many else \
                        next(iter(getattr(obj, f.name).values_list("pk", flat=True)), None)
                    if current is None:
                        continue
                    level = Region.objects.get(pk=current).level
                    for target in (
                        Region.objects.filter(level=level).exclude(code__in=[c for c in [current]])
                        .exclude(**{"code__startswith": current[:2]}).order_by("code").first(),
                        Region.objects.filter(level=level, code__startswith=(scope.partner_prefixes or ["99"])[0])
                        .order_by("code").first(),
                    ):
                        if target is None:
                            continue
                        value = [target.code] if f.many_to_many else target.code
                        body = {f.name: value}
                        if hasattr(obj, "version"):  # an edit names the version it was based on
                            body["version"] = rt.model.objects.get(pk=obj.pk).version
                        response = client.patch(f"{url}{obj.pk}/", body, format="json")
                        tried += 1
                        errors += response.status_code >= 500
                        obj_after = rt.model.objects.get(pk=obj.pk)
                        still = getattr(obj_after, f.attname) if not f.many_to_many else \
                            set(getattr(obj_after, f.name).values_list("pk", flat=True))
                        if response.status_code < 300 and (still == target.code or (
                                isinstance(still, set) and target.code in still)):
                            if not rt.model.objects.restrict(u, "change").filter(pk=obj.pk).exists() or \
                                    not any(target.code.startswith(p) for p in scope.linkable_prefixes):
                                leaks.append((username, rt.key, "move", obj.pk, f.name))
                            continue
                        refused += response.status_code >= 400
    with capsys.disabled():
        print(f"\nsweep: {tried} requests tried, {refused} refused, {errors} answered 5xx, "
              f"{controlled} copies an administrator could post, {len(leaks)} written outside the area")
    assert errors == 0
    assert not leaks, leaks
    assert controlled > 0, "the sweep must try copies that are valid records"
