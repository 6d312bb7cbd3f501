"""Keep derived fields and summary figures current after single edits (pages, API, services).

The bulk import writes with SQL and refreshes the same things itself.
"""

from __future__ import annotations

from django.db.models import Count, F
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from xiezuo.people.models import Person

from . import summary
from .models import ExitProposal, Gap, Household, Member, MonitoringCase, Screening
from .models.household import forget_rows


def recount(household_id: int) -> None:
    household = Household.objects.filter(pk=household_id).first()
    if household is None:
        return
    members = Member.objects.filter(household_id=household_id)
    household.member_count = members.aggregate(n=Count("pk"))["n"]
    head = members.filter(relation="head").values_list("name", flat=True).first()
    if head:
        household.head_name = head
    per_head = household.compute_income_per_head()
    Household.objects.filter(pk=household_id).update(
        member_count=household.member_count, head_name=household.head_name, income_per_head=per_head,
        version=F("version") + 1)
    summary.refresh([household.village_id])


@receiver(pre_save, sender=Household)
def remember_village(sender, instance: Household, **kwargs) -> None:
    instance._old_village = (Household.objects.filter(pk=instance.pk).values_list("village_id", flat=True).first()
                             if instance.pk else None)


@receiver(post_save, sender=Household)
def household_saved(sender, instance: Household, **kwargs) -> None:
    old = getattr(instance, "_old_village", None)
    if old and old != instance.village_id:
        for model in (Member, Screening, Gap, ExitProposal, MonitoringCase):
            model.objects.filter(household=instance).update(village_id=instance.village_id, version=F("version") + 1)
    summary.refresh([instance.village_id, old])


@receiver(post_delete, sender=Household)
def household_deleted(sender, instance: Household, **kwargs) -> None:
    summary.refresh([instance.village_id])


@receiver(post_save, sender=Member)
@receiver(post_delete, sender=Member)
def member_changed(sender, instance: Member, **kwargs) -> None:
    recount(instance.household_id)


@receiver(post_save, sender=Screening)
def screening_saved(sender, instance: Screening, **kwargs) -> None:
    from .services import apply_screening

    apply_screening(instance)


@receiver(post_save, sender=Person)
def person_saved(sender, instance: Person, created: bool, **kwargs) -> None:
    """A person edited outside the import (name, number): the next import compares their member row again.
    The person lives in `xiezuo.people`, which knows no registry; the registry listens."""
    if not created:
        forget_rows(Member.objects.filter(person_id=instance.pk))
