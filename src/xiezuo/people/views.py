"""A person's page: every record that names them, in every channel, inside the reader's area only.

A person belongs to no channel; the page asks each registered record type that points to a person for the
rows the reader may see. A person none of whose records the reader may see is a 404, like any record outside
the area. The number is shown masked; the whole number is revealed only to users allowed to see ID numbers,
and every reveal is logged.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezuo.core.audit import record_change
from xiezuo.core.models import ChangeRecord
from xiezuo.core.registry import REGISTRY
from xiezuo.core.scope import get_scope

from .models import Person


def person_types():
    """Registered record types with a `person` key to `people.Person` (registry members, trainees, workers …)."""
    for rt in REGISTRY.values():
        try:
            field = rt.model._meta.get_field("person")
        except Exception:
            continue
        if field.is_relation and field.related_model is Person:
            yield rt


def visible_records(user, person: Person) -> list[tuple[object, list]]:
    out = []
    for rt in sorted(person_types(), key=lambda r: (r.app_label, r.model_name)):
        rows = list(rt.model.objects.restrict(user).filter(person_id=person.pk)[:200])
        if rows:
            out.append((rt, rows))
    return out


@login_required
def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    found = visible_records(request.user, person)
    if not found:
        raise Http404
    return render(request, "people/person.html", {
        "person": person, "found": found, "can_reveal": get_scope(request.user).can_view_id_numbers})


@login_required
@require_POST
def reveal_id(request, pk):
    """The whole ID number, for users allowed to see it, of a person they may see; every reveal is logged."""
    person = get_object_or_404(Person, pk=pk)
    if not visible_records(request.user, person):
        raise Http404
    if not get_scope(request.user).can_view_id_numbers:
        raise PermissionDenied
    record_change(person, ChangeRecord.Action.VIEW_ID, request.user, note=_("查看完整身份证号"))
    return HttpResponse(f'<span id="id-number" class="font-monospace">{escape(person.id_number)}</span>')
