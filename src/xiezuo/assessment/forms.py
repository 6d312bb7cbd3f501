"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from xiezuo.core.forms import RecordForm

from .models import Target


class TargetForm(RecordForm):
    class Meta:
        model = Target
        fields = ["pairing", "indicator", "year", "value", "note", "synthetic", "source_document"]
