from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.tables import Table


class TrainingClassTable(Table):
    columns = ("name", "programme", "region", "host", "start", "end", "planned", "actual")
    ordering = ("-start", "-pk")
    label_actual = _("实际人数")

    def annotate(self, qs):
        from django.db.models import Count, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from .models import Trainee

        counts = Trainee._base_manager.filter(training_class=OuterRef("pk")).order_by().values("training_class") \
            .annotate(n=Count("pk")).values("n")
        return qs.annotate(trainee_count=Coalesce(Subquery(counts), 0))

    def render_actual(self, obj) -> str:
        return str(obj.trainee_count if hasattr(obj, "trainee_count") else obj.trainees.count())


class PersonColumns:
    label_id_masked = _("身份证号（脱敏）")
    label_id_number = _("身份证号（脱敏）")
    label_registered = _("建档立卡户成员")

    def render_id_masked(self, obj) -> str:
        return obj.id_masked

    def render_id_number(self, obj) -> str:
        return obj.id_masked

    def render_registered(self, obj) -> str:
        return str(_("是")) if obj.registered else str(_("否"))


class TraineeTable(PersonColumns, Table):
    columns = ("name", "id_masked", "training_class", "completion", "certificate", "registered", "review_note")


class JobFairTable(Table):
    columns = ("name", "region", "held_on", "positions", "applicants", "hired")
    ordering = ("-held_on", "-pk")


class EmploymentTable(PersonColumns, Table):
    columns = ("name", "id_masked", "region", "employer_name", "workplace", "how", "start", "end", "months_stable",
               "registered", "review_note")
    ordering = ("-start", "-pk")
