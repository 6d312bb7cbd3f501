from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import serializers

from xiezuo.core.api import RecordSerializer
from xiezuo.core.ledger import TAIL

from .models import Agreement, Meeting, Participant, Visit
from .pairing import review_fields


class VisitSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Visit
        fields = ["id", "name", "kind", "start_date", "end_date", "date_precision", "occurrences", "organiser",
                  "delegation_units", "leader", "delegation_size", "enterprise_visits_reported", "host_units",
                  "regions", "places", "group_count", "groups", "agreements", "summary", "note", *TAIL]


class ParticipantSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Participant
        fields = ["id", "visit", "name", "position", "organisation", "side", "is_leader", "note", *TAIL]


class MeetingSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Meeting
        fields = ["id", "visit", "title", "date", "place", "chair", "speakers", "attendees", "content", *TAIL]


class AgreementSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Agreement
        fields = ["id", "title", "kind", "signed_on", "date_precision", "item_count", "eastern_parties",
                  "western_parties", "regions", "amount", "content", "note", "needs_review", "review_note", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "needs_review", "review_note"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        inst = self.instance

        def value(name):
            if name in attrs:
                return attrs[name]
            return list(getattr(inst, name).all()) if inst is not None and name != "signed_on" else (
                getattr(inst, name, None) if inst is not None else None)

        eastern, western = value("eastern_parties") or [], value("western_parties") or []
        if set(eastern) & set(western):
            raise serializers.ValidationError(_("同一单位不能同时是东部和西部签约方"))
        if eastern and western:
            attrs.update(review_fields(eastern, western, value("regions") or [], value("signed_on")))
        return attrs
