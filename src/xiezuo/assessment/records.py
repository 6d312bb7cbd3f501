"""Registration of the 考核评估 channel's record types: pages, import/export, API, history, search, menu."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, register

from .filtersets import TargetFilterSet
from .forms import TargetForm
from .models import Target
from .serializers import TargetSerializer
from .tables import TargetTable

# The menu group: every record type of the channel is listed under it.
GROUP = _("考核评估")

register(RecordType(
    model=Target, filterset=TargetFilterSet, form=TargetForm, table=TargetTable,
    serializer=TargetSerializer, import_key=("pairing", "indicator", "year"), menu_group=GROUP, icon="bi-journal-text",
))
