from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from xiezuo.core.tables import Table


def outcome_count(obj, name: str, visibility=None) -> str:
    # Only a count here, and only of the outcomes the reader may open: the detail page lists them.
    rows = getattr(obj, name).all()
    n = sum(1 for o in rows if visibility.can_open(o)) if visibility is not None else rows.count()
    return ngettext("%(n)s 项", "%(n)s 项", n) % {"n": n} if n else ""


class VisitTable(Table):
    columns = ("name", "kind", "start_date", "end_date", "occurrences", "organiser", "enterprise_visits",
               "agreements")
    ordering = ("-start_date", "-pk")
    label_enterprise_visits = _("企业家次")

    def annotate(self, qs):
        # The delegation's enterprises of every row in the list's own query (what `enterprise_visits` counts).
        from django.db.models import Count, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from xiezuo.core.choices import ENTERPRISE_KINDS

        from .models import Visit

        through = Visit.delegation_units.through
        counts = through.objects.filter(visit=OuterRef("pk"), organisation__kind__in=ENTERPRISE_KINDS) \
            .order_by().values("visit").annotate(n=Count("organisation", distinct=True)).values("n")
        return qs.annotate(delegation_enterprises=Coalesce(Subquery(counts), 0))

    def render_enterprise_visits(self, obj):
        from .summary import enterprise_visits

        if obj.enterprise_visits_reported is None and hasattr(obj, "delegation_enterprises"):
            return str(obj.delegation_enterprises)
        return str(enterprise_visits(obj))

    def render_agreements(self, obj):
        return outcome_count(obj, "agreements", self.visibility)


class ParticipantTable(Table):
    columns = ("name", "position", "organisation", "side", "is_leader", "visit")
    ordering = ("visit", "side", "-is_leader", "pk")


class MeetingTable(Table):
    columns = ("title", "date", "place", "chair", "visit")
    ordering = ("-date", "pk")


class AgreementTable(Table):
    columns = ("title", "kind", "signed_on", "item_count", "eastern_parties", "western_parties", "amount",
               "review")
    money_columns = ("amount",)
    ordering = ("-signed_on", "-pk")
    label_review = _("结对核查")

    def render_review(self, obj):
        return str(_("⚠ 待核查")) if obj.needs_review else "✓"
