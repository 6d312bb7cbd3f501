from __future__ import annotations

from xiezuo.core.api import RecordSerializer

from .models import Target

TAIL = ["synthetic", "source_document", "status", "status_display", "return_reason", "created_at", "updated_at"]


class TargetSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Target
        fields = ["id", "pairing", "indicator", "year", "value", "note", *TAIL]
