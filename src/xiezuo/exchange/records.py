"""Registration of visits, participants, meetings and agreements with the shared machinery."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, register

from .filtersets import AgreementFilterSet, MeetingFilterSet, ParticipantFilterSet, VisitFilterSet
from .forms import AgreementForm, MeetingForm, ParticipantForm, VisitForm
from .models import Agreement, Meeting, Participant, Visit
from .serializers import AgreementSerializer, MeetingSerializer, ParticipantSerializer, VisitSerializer
from .tables import AgreementTable, MeetingTable, ParticipantTable, VisitTable
from .views import agreement_context, visit_context

GROUP = _("交流与协议")

register(RecordType(
    model=Visit, filterset=VisitFilterSet, form=VisitForm, table=VisitTable, serializer=VisitSerializer,
    import_key=("name", "start_date"), menu_group=GROUP, icon="bi-signpost-split",
    detail_template="exchange/visit_panel.html", detail_context=visit_context,
    column_aliases={"name": ["名称", "活动"], "regions": ["地区", "考察地区代码"], "places": ["考察单位"]},
))
register(RecordType(
    model=Participant, filterset=ParticipantFilterSet, form=ParticipantForm, table=ParticipantTable,
    serializer=ParticipantSerializer, import_key=("visit", "name", "side"), menu_group=GROUP, menu=False,
    icon="bi-person", column_aliases={"visit": ["活动", "活动名称"]},
))
register(RecordType(
    model=Meeting, filterset=MeetingFilterSet, form=MeetingForm, table=MeetingTable,
    serializer=MeetingSerializer, import_key=("visit", "title"), menu_group=GROUP, menu=False,
    icon="bi-people", column_aliases={"visit": ["活动", "活动名称"]},
))
register(RecordType(
    model=Agreement, filterset=AgreementFilterSet, form=AgreementForm, table=AgreementTable,
    serializer=AgreementSerializer, import_key=("title", "signed_on"), menu_group=GROUP, icon="bi-file-earmark-text",
    # The attachment is uploaded on the page; files do not travel in spreadsheets.
    import_fields=tuple(f for f in AgreementForm._meta.fields if f != "attachment"),
    detail_template="exchange/agreement_panel.html", detail_context=agreement_context,
    column_aliases={"title": ["名称", "协议"], "signed_on": ["签约日期", "日期"]},
))
