"""Forms of visits, participants, meetings and agreements: the page, the import and its template use them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin

from .models import Agreement, Meeting, Participant, Visit
from .pairing import review_fields


class VisitForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Visit
        fields = ["name", "kind", "start_date", "end_date", "date_precision", "occurrences", "organiser",
                  "delegation_units", "leader", "delegation_size", "enterprise_visits_reported", "host_units",
                  "regions", "places", "group_count", "groups", "agreements", "summary", "note",
                  "synthetic", "source_document"]


class ParticipantForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Participant
        fields = ["visit", "name", "position", "organisation", "side", "is_leader", "note", "synthetic",
                  "source_document"]


class MeetingForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Meeting
        fields = ["visit", "title", "date", "place", "chair", "speakers", "attendees", "content", "synthetic",
                  "source_document"]


class AgreementForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Agreement
        fields = ["title", "kind", "signed_on", "date_precision", "item_count", "eastern_parties",
                  "western_parties", "regions", "amount", "content", "attachment", "note", "synthetic",
                  "source_document"]

    def clean(self):
        data = super().clean()
        eastern, western = data.get("eastern_parties"), data.get("western_parties")
        if eastern and western:
            both = set(eastern) & set(western)
            if both:
                raise forms.ValidationError(_("同一单位不能同时是东部和西部签约方：%(names)s") % {
                    "names": "、".join(str(o) for o in both)})
            # Flag, not refuse: see xiezuo.exchange.pairing.
            data.update(review_fields(eastern, western, data.get("regions") or (), data.get("signed_on")))
        return data
