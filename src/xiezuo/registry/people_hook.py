"""What the registry tells other channels about a person, through the base app `people` (no channel imports this).

A person is "from a registered poor or monitored household" when they are a member of a registered household;
other channels ask with `people.models.in_registry(path)` and `registry_name(person)`.
"""

from __future__ import annotations

from django.db.models import Q

from xiezuo.people.models import register_registry

from .models import Member


def member_q(path: str) -> Q:
    return Q(**{f"{path}__membership__isnull" if path else "membership__isnull": False})


def member_name(person) -> str | None:
    return Member.objects.filter(pk=person.pk).values_list("name", flat=True).first()


register_registry(member_q, member_name)
