from __future__ import annotations

from xiezuo.core.forms import RecordForm

from .models import Organisation, Pairing


class OrganisationForm(RecordForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "region", "parent", "credit_code", "note", "synthetic",
                  "source_document"]


class PairingForm(RecordForm):
    class Meta:
        model = Pairing
        fields = ["kind", "helper_region", "helper_organisation", "helped_region", "helped_organisation",
                  "start_date", "end_date", "basis", "note", "synthetic", "source_document"]
