from __future__ import annotations

from rest_framework import serializers

from xiezuo.core import idcard
from xiezuo.core.api import RecordSerializer
from xiezuo.core.ledger import TAIL

from .models import Employment, JobFair, Trainee, TrainingClass


class PersonSerializerMixin(serializers.Serializer):
    """The API shows the masked number only; `id_number` is write-only. `registered` is computed at read time."""

    id_number = serializers.CharField(write_only=True, required=False)
    id_masked = serializers.CharField(read_only=True)
    registered = serializers.BooleanField(read_only=True)

    def validate_id_number(self, value):
        try:
            return idcard.validate(value)
        except idcard.InvalidIdNumber as exc:
            raise serializers.ValidationError(str(exc)) from None

    def validate(self, attrs):
        if self.instance is None and not attrs.get("id_number"):
            raise serializers.ValidationError({"id_number": "须填写身份证号"})
        return super().validate(attrs)


class TrainingClassSerializer(RecordSerializer):
    programme = serializers.SlugRelatedField(slug_field="name", queryset=TrainingClass._meta.get_field(
        "programme").related_model.objects.all())

    class Meta(RecordSerializer.Meta):
        model = TrainingClass
        fields = ["id", "name", "programme", "region", "host", "place", "start", "end", "planned", "note", *TAIL]


class TraineeSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Trainee
        fields = ["id", "training_class", "person", "id_number", "id_masked", "name", "completion", "certificate",
                  "registered", "needs_review", "review_note", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person", "needs_review", "review_note"]


class JobFairSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = JobFair
        fields = ["id", "name", "region", "employers", "held_on", "positions", "work_place", "wage_min", "wage_max",
                  "applicants", "hired", "note", *TAIL]


class EmploymentSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Employment
        fields = ["id", "person", "id_number", "id_masked", "name", "region", "employer", "employer_name", "workplace",
                  "how", "start", "end", "part_time", "months_stable", "transport_subsidy", "stability_subsidy",
                  "registered", "needs_review", "review_note", "note", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person", "needs_review", "review_note"]
