"""The form field of every channel that names a person by ID number (the API's is in `people/serializers.py`).

A trainee, a worker, a cadre and a team member are the same `Person` across channels; each of their forms and
serializers takes the person as an 18-digit resident ID number (GB 11643 check) and never shows it again in
full.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core import idcard


class PersonFormMixin:
    """The person by ID number, first on the form; on an edit a blank keeps the person."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_number"] = forms.CharField(
            label=_("身份证号"), max_length=24, required=not self.instance.pk,
            help_text=_("18 位公民身份号码；保存后只显示脱敏号码") if not self.instance.pk
            else _("留空则不变；当前：%(m)s") % {"m": self.instance.id_masked})
        self.order_fields(["id_number"])

    def _post_clean(self):
        # The model's own checks (overlaps, rosters, duplicates) need the person the row names.
        if self.cleaned_data.get("id_number"):
            self.instance.id_number = self.cleaned_data["id_number"]
        super()._post_clean()

    def clean_id_number(self):
        raw = self.cleaned_data.get("id_number")
        if not raw:
            return ""
        try:
            return idcard.validate(raw)
        except idcard.InvalidIdNumber as exc:
            raise forms.ValidationError(str(exc)) from None
