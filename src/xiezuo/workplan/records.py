"""Registration of the 工作机制 channel's record types: pages, import/export, API, history, search, menu."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, register

from .filtersets import TaskFilterSet
from .forms import TaskForm
from .models import Task
from .serializers import TaskSerializer
from .tables import TaskTable

# The menu group: every record type of the channel is listed under it.
GROUP = _("工作机制")

register(RecordType(
    model=Task, filterset=TaskFilterSet, form=TaskForm, table=TaskTable,
    serializer=TaskSerializer, import_key=("name", "region", "date"), menu_group=GROUP, icon="bi-journal-text",
))
