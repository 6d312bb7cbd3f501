from __future__ import annotations

from xiezuo.core.api import RecordSerializer

from .models import Task

TAIL = ["synthetic", "source_document", "status", "status_display", "return_reason", "created_at", "updated_at"]


class TaskSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Task
        fields = ["id", "name", "kind", "region", "organisations", "date", "amount", "note", *TAIL]
