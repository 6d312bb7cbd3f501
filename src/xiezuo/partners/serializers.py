from __future__ import annotations

from xiezuo.core.api import RecordSerializer

from .models import Organisation, Pairing


class OrganisationSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Organisation
        fields = ["id", "name", "short_name", "kind", "region", "parent", "credit_code", "note", "synthetic",
                  "source_document", "path", "created_at", "updated_at"]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "path"]


class PairingSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Pairing
        fields = ["id", "kind", "helper_region", "helper_organisation", "helped_region", "helped_organisation",
                  "start_date", "end_date", "basis", "note", "synthetic", "source_document", "status",
                  "status_display", "return_reason", "created_at", "updated_at"]
