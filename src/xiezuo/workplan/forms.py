"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from xiezuo.core.forms import RecordForm

from .models import Task


class TaskForm(RecordForm):
    class Meta:
        model = Task
        fields = ["name", "kind", "region", "organisations", "date", "amount", "note", "synthetic",
                  "source_document"]
