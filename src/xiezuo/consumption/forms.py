"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from django import forms

from xiezuo.core.forms import RecordForm

from .models import Channel, Product, Sale, TourismEvent, TourismPolicy, VisitorFlow


class ProductForm(RecordForm):
    class Meta:
        model = Product
        fields = ["name", "category", "producer", "region", "mechanism", "households", "stage", "applied_on",
                  "reviewed_on", "notice_from", "certificate_no", "valid_from", "valid_to", "withdrawn_on", "note",
                  "synthetic", "source_document"]


class ChannelForm(RecordForm):
    class Meta:
        model = Channel
        fields = ["name", "kind", "operator", "region", "served_regions", "address", "opened_on", "dishes", "note",
                  "synthetic", "source_document"]


class SaleForm(RecordForm):
    class Meta:
        model = Sale
        fields = ["channel", "month", "sold_on", "product", "category", "region", "producer", "seller", "buyer",
                  "quantity", "unit", "amount", "document_no", "reported_by", "note", "synthetic",
                  "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A month may be typed as 2020-05 as well as a day of it.
        month = self.fields["month"]
        month.input_formats = ["%Y-%m-%d", "%Y-%m", "%Y/%m/%d", "%Y/%m"]
        if isinstance(month.widget, forms.DateInput):
            month.widget.input_type = "date"

    def clean_month(self):
        month = self.cleaned_data.get("month")
        return month.replace(day=1) if month else month

    def clean(self):
        # What the model derives from the product, derived here too: the import compares these with stored rows.
        data = super().clean()
        product = data.get("product")
        if product is not None:
            data["category"] = product.category
            data["region"] = data.get("region") or product.region
            data["producer"] = data.get("producer") or product.producer
        return data


class TourismEventForm(RecordForm):
    class Meta:
        model = TourismEvent
        fields = ["name", "kind", "organisers", "origin_region", "destination_regions", "start_date", "end_date",
                  "tourists", "note", "synthetic", "source_document"]


class VisitorFlowForm(RecordForm):
    class Meta:
        model = VisitorFlow
        fields = ["month", "region", "origin_region", "groups", "visitors", "event", "note", "synthetic",
                  "source_document"]

    def clean_month(self):
        month = self.cleaned_data.get("month")
        return month.replace(day=1) if month else month


class TourismPolicyForm(RecordForm):
    class Meta:
        model = TourismPolicy
        fields = ["name", "regions", "places", "beneficiaries", "benefit", "valid_from", "valid_to", "note",
                  "synthetic", "source_document"]
