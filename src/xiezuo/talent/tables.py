from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.tables import Table


class StayTable(Table):
    label_id_number = _("身份证号（脱敏）")
    ordering = ("-start", "-pk")

    def render_id_number(self, obj) -> str:
        return obj.id_masked


class SecondmentTable(StayTable):
    columns = ("name", "id_number", "direction", "home_unit_name", "host_region", "post", "start", "planned_end",
               "actual_end")


class DispatchTable(StayTable):
    columns = ("name", "id_number", "speciality", "home_unit_name", "host_region", "host_unit_name", "start",
               "actual_end")


class TeamTable(Table):
    columns = ("name", "kind", "helper_unit_name", "host_region", "host_unit_name", "start", "end")
    ordering = ("-start", "-pk")


class TeamMemberTable(StayTable):
    columns = ("name", "id_number", "team", "role", "start", "end")


class TeamOutputTable(Table):
    columns = ("team", "kind", "count", "date", "note")
    ordering = ("-date", "-pk")


class CadreTrainingTable(Table):
    columns = ("name", "kind", "region", "helped_region", "start", "end", "roster", "counted_participants")
    ordering = ("-start", "-pk")
    label_roster = _("花名册人数")

    def annotate(self, qs):
        from django.db.models import Count, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from .models import CadreTrainee

        counts = CadreTrainee._base_manager.filter(training=OuterRef("pk")).order_by().values("training") \
            .annotate(n=Count("pk")).values("n")
        return qs.annotate(roster_count=Coalesce(Subquery(counts), 0))

    def render_roster(self, obj) -> str:
        return str(obj.roster_count if hasattr(obj, "roster_count") else obj.trainees.count())


class CadreTraineeTable(StayTable):
    columns = ("name", "id_number", "training", "unit", "post")
    ordering = ("training_id", "pk")
