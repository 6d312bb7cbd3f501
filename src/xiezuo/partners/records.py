"""Registration of this app's record types with the shared machinery."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, register

from .filtersets import OrganisationFilterSet, PairingFilterSet
from .forms import OrganisationForm, PairingForm
from .models import Organisation, Pairing
from .serializers import OrganisationSerializer, PairingSerializer
from .tables import OrganisationTable, PairingTable

GROUP = _("基础数据")

register(RecordType(
    model=Organisation, filterset=OrganisationFilterSet, form=OrganisationForm, table=OrganisationTable,
    serializer=OrganisationSerializer, import_key=("name",), menu_group=GROUP, icon="bi-building",
    column_aliases={"name": ["名称", "单位"], "region": ["地区代码", "行政区划代码"], "parent": ["上级单位", "主管单位"]},
))
register(RecordType(
    model=Pairing, filterset=PairingFilterSet, form=PairingForm, table=PairingTable,
    serializer=PairingSerializer, menu_group=GROUP, icon="bi-link-45deg",
    import_key=("kind", "helper_region", "helper_organisation", "helped_region", "helped_organisation", "start_date"),
))
