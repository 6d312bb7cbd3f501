from __future__ import annotations

from rest_framework import serializers

from xiezuo.core.api import RecordSerializer

from .models import Channel, Product, Sale, TourismEvent, TourismPolicy, TourismProject, VisitorFlow

TAIL = ["synthetic", "source_document", "status", "status_display", "return_reason", "created_at", "updated_at"]


class ProductSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Product
        fields = ["id", "name", "category", "producer", "region", "mechanism", "households",
                  "beneficiary_households", "stage", "applied_on",
                  "reviewed_on", "notice_from", "certificate_no", "valid_from", "valid_to", "withdrawn_on", "note",
                  *TAIL]
        # The certificate number is checked by the model's rule (the holder named, the number compared as
        # normalised), as on the page and in an import; the database constraint still enforces it.
        extra_kwargs = {"certificate_no": {"validators": []}}


class ChannelSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Channel
        fields = ["id", "name", "kind", "operator", "region", "served_regions", "address", "opened_on", "dishes",
                  "note", *TAIL]


class SaleSerializer(RecordSerializer):
    count_problem = serializers.SerializerMethodField(help_text="不计入消费帮扶的原因（空：计入）")
    document_key = serializers.CharField(read_only=True)

    class Meta(RecordSerializer.Meta):
        model = Sale
        fields = ["id", "channel", "month", "sold_on", "product", "category", "region", "producer", "seller", "buyer",
                  "quantity", "unit", "amount", "document_no", "document_key", "reported_by", "note",
                  "count_problem", *TAIL]
        month_fields = ["month"]

    def get_count_problem(self, obj) -> str:
        return obj.count_problem()


class TourismEventSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = TourismEvent
        fields = ["id", "name", "kind", "organisers", "origin_region", "destination_regions", "start_date", "end_date",
                  "tourists", "note", *TAIL]


class VisitorFlowSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = VisitorFlow
        fields = ["id", "month", "region", "origin_region", "groups", "visitors", "event", "note", *TAIL]
        month_fields = ["month"]


class TourismPolicySerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = TourismPolicy
        fields = ["id", "name", "regions", "places", "beneficiaries", "benefit", "valid_from", "valid_to", "note",
                  *TAIL]


class TourismProjectSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = TourismProject
        fields = ["id", "name", "kind", "region", "organisations", "project", "started_on", "opened_on", "note",
                  *TAIL]
