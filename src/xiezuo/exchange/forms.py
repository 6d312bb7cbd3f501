"""Forms of visits, participants, meetings and agreements: the page, the import and its template use them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core.forms import RecordForm

from .models import Agreement, Meeting, Participant, Visit
from .pairing import review_fields

OUT_OF_AREA = _("所选记录不存在或不在您的管辖范围内：%(value)s")


class LedgerFormMixin:
    """Shared behaviour of this ledger's forms.

    - A choice outside the user's area is refused with a message that says so.
    - Links another user made to records outside the editor's area are kept on save;
      otherwise saving a visit would silently drop an outcome the editor cannot see.
    - Fields with a model default may be left out (of the page or of an import file).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._defaults = {}
        for name, f in self.fields.items():
            if isinstance(f, forms.ModelChoiceField):
                f.error_messages["invalid_choice"] = OUT_OF_AREA
                f.error_messages["invalid_pk_value"] = OUT_OF_AREA
            model_field = self._meta.model._meta.get_field(name)
            # A field with a default (type, count, precision) may be left out of a form or an import file.
            if f.required and model_field.has_default() and not isinstance(f, forms.BooleanField):
                f.required = False
                self._defaults[name] = model_field.get_default()

    def clean(self):
        data = super().clean()
        for name, default in self._defaults.items():
            if name in data and data[name] in (None, ""):
                data[name] = default
        return data

    def _post_clean(self):
        instance = self.instance
        if instance is not None and instance.pk:
            for name, f in self.fields.items():
                if isinstance(f, forms.ModelMultipleChoiceField) and name in self.cleaned_data:
                    model_field = instance._meta.get_field(name)
                    if model_field.related_model._meta.model_name == "region":
                        continue
                    visible = f.queryset.values("pk")
                    hidden = list(getattr(instance, name).exclude(pk__in=visible))
                    if hidden:
                        self.cleaned_data[name] = list(self.cleaned_data[name] or []) + hidden
        super()._post_clean()


class VisitForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Visit
        fields = ["name", "kind", "start_date", "end_date", "date_precision", "occurrences", "organiser",
                  "delegation_units", "leader", "delegation_size", "enterprise_visits_reported", "host_units",
                  "regions", "places", "group_count", "groups", "agreements", "projects", "summary", "note",
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
