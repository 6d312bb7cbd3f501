"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

import re

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from xiezuo.core.forms import MonthFormMixin, RecordForm
from xiezuo.core.ledger import LedgerFormMixin

from . import lookups
from .models import (
    Channel,
    Product,
    Sale,
    TourismEvent,
    TourismPolicy,
    TourismProject,
    VisitorFlow,
    fewer_households,
)

NUMBERS_SPLIT = re.compile(r"[\s,，、；;]+")


class HouseholdNumbersField(forms.ModelMultipleChoiceField):
    """Registered households typed by their numbers (a select box of half a million households would not do).

    The form narrows the queryset to the households the user may link to (their own area); every number is
    looked up in one query, and every one not found is named."""

    widget = forms.Textarea(attrs={"rows": 2, "placeholder": "5205211002010001、5205211002010002"})

    def __init__(self, **kwargs):
        super().__init__(apps.get_model("registry", "Household").objects.all(), to_field_name="number", **kwargs)

    def clean(self, value):
        if isinstance(value, str):
            value = [v for v in NUMBERS_SPLIT.split(value) if v]
        value = list(dict.fromkeys(value or []))
        if not value:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return self.queryset.none()
        # An import names households by number and arrives as keys; a page as the numbers typed.
        keys = [v for v in value if isinstance(v, int)]
        numbers = [str(v).strip() for v in value if not isinstance(v, int)]
        found = list(self.queryset.filter(number__in=numbers)) if numbers else []
        found += list(self.queryset.filter(pk__in=keys)) if keys else []
        missing = [n for n in numbers if n not in {h.number for h in found}]
        missing += [str(k) for k in keys if k not in {h.pk for h in found}]
        if missing:
            raise forms.ValidationError(_("未找到户编号（或不在您的管辖范围内）：%(v)s"), code="invalid_choice",
                                        params={"v": "、".join(missing)})
        return found

    def prepare_value(self, value):
        """The numbers of the households linked (only those the user may see: the others are kept on save, never
        shown)."""
        if value is None or isinstance(value, str):
            return value
        keys = [getattr(v, "pk", v) for v in value]
        if not keys:
            return ""
        return "、".join(self.queryset.filter(pk__in=keys).order_by("number").values_list("number", flat=True))

    def has_changed(self, initial, data):
        if self.disabled:
            return False

        def numbers(value):
            text = value if isinstance(value, str) else self.prepare_value(value or [])
            return {n for n in NUMBERS_SPLIT.split(text or "") if n}
        return numbers(initial) != numbers(data)


class ProductForm(RecordForm):
    beneficiary_households = HouseholdNumbersField(
        required=False, label=_("受益建档立卡户"),
        help_text=_("已知的受益户：填户编号，多户用顿号或换行分隔；只能选本辖区的户"))

    # A catalogue of thousands of rows is validated inside one batch of lookups (see lookups.py).
    import_batch = staticmethod(lookups.batch)

    class Meta:
        model = Product
        fields = ["name", "category", "producer", "region", "mechanism", "households", "beneficiary_households",
                  "stage", "applied_on", "reviewed_on", "notice_from", "certificate_no", "valid_from", "valid_to",
                  "withdrawn_on", "note", "synthetic", "source_document"]

    def clean(self):
        data = super().clean()
        linked = data.get("beneficiary_households") or []
        count = data.get("households")
        if linked and count is None:
            data["households"] = len(linked)  # the count is at least the households named
        elif linked and count < len(linked):
            self.add_error("households", fewer_households(count, len(linked)))
        return data


class ChannelForm(RecordForm):
    class Meta:
        model = Channel
        fields = ["name", "kind", "operator", "region", "served_regions", "address", "opened_on", "dishes", "note",
                  "synthetic", "source_document"]


class SaleForm(MonthFormMixin, RecordForm):
    # A market's monthly sheet is validated inside one batch of lookups (see lookups.py).
    import_batch = staticmethod(lookups.batch)

    class Meta:
        model = Sale
        fields = ["channel", "month", "sold_on", "product", "category", "region", "producer", "seller", "buyer",
                  "quantity", "unit", "amount", "document_no", "reported_by", "note", "synthetic",
                  "source_document"]

    def clean(self):
        # What the model derives from the product, derived here too: the import compares these with stored rows.
        data = super().clean()
        product = data.get("product")
        if product is not None:
            data["category"] = product.category
            data["region"] = data.get("region") or lookups.region(product.region_id)
            data["producer"] = data.get("producer") or lookups.organisation(product.producer_id)
        return data


class TourismEventForm(RecordForm):
    class Meta:
        model = TourismEvent
        fields = ["name", "kind", "organisers", "origin_region", "destination_regions", "start_date", "end_date",
                  "tourists", "note", "synthetic", "source_document"]


class VisitorFlowForm(MonthFormMixin, RecordForm):
    class Meta:
        model = VisitorFlow
        fields = ["month", "region", "origin_region", "groups", "visitors", "event", "note", "synthetic",
                  "source_document"]


class TourismPolicyForm(RecordForm):
    class Meta:
        model = TourismPolicy
        fields = ["name", "regions", "places", "beneficiaries", "benefit", "valid_from", "valid_to", "note",
                  "synthetic", "source_document"]


class TourismProjectForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = TourismProject
        fields = ["name", "kind", "region", "organisations", "project", "started_on", "opened_on", "note",
                  "synthetic", "source_document"]
