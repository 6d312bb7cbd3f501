"""Base form: Bootstrap widgets, area-restricted choices, region codes typed or picked."""

from __future__ import annotations

import re

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from .models import Record
from .scope import get_scope, is_scoped_model, linkable, linkable_regions, out_of_scope
from .text import is_digits

# A month as offices type it: 2020-05 or a day of it (2020-05-01, 2020/5/1); kept as the month's first day. The
# page, a sheet's cells and the API read the same.
MONTH_INPUT_FORMATS = ["%Y-%m-%d", "%Y-%m", "%Y/%m/%d", "%Y/%m"]


class MonthFormMixin:
    """A form with a `month` field: typed as 2020-05 as well as a day of it, kept as the month's first day."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        month = self.fields["month"]
        month.input_formats = MONTH_INPUT_FORMATS
        if isinstance(month.widget, forms.DateInput):
            month.widget.input_type = "date"

    def clean_month(self):
        month = self.cleaned_data.get("month")
        return month.replace(day=1) if month else month

# What separates several region codes typed in one box.
SEPARATORS = r"[\s,，、；;]+"


class RegionCodeWidget(forms.TextInput):
    """A text box for one region: typed as a code or a unique name; with scripts, a type-ahead picker
    (core/static/core/picker.js) suggests regions by name, pinyin, initials or code from `/suggest/geo.region/`."""

    template_name = "core/widgets/region.html"

    def get_context(self, name, value, attrs):
        from .suggest import suggest_url

        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("data-suggest", suggest_url(apps.get_model("geo", "Region")))
        return context

    def format_value(self, value):
        if value in (None, ""):
            return ""
        region_model = apps.get_model("geo", "Region")
        if isinstance(value, region_model):
            return f"{value.code} {value.name}"
        region = region_model.objects.filter(code=str(value)).only("code", "name").first()
        return f"{region.code} {region.name}" if region else str(value)


class RegionMultipleWidget(forms.TextInput):
    """Several regions in one text box (codes or unique names, separated by 、 or spaces); with scripts, a picker
    of removable chips with type-ahead suggestions. The box keeps the codes the form posts."""

    template_name = "core/widgets/region_multiple.html"

    def get_context(self, name, value, attrs):
        import json

        from .suggest import suggest_url

        context = super().get_context(name, value, attrs)
        region_model = apps.get_model("geo", "Region")
        codes = [c for c in re.split(SEPARATORS, str(context["widget"]["value"] or "")) if c]
        names = dict(region_model.objects.filter(code__in=[c for c in codes if is_digits(c)])
                     .values_list("code", "name"))
        initial = [{"value": c, "label": names.get(c, c)} for c in codes]
        attrs = context["widget"]["attrs"]
        attrs.setdefault("data-suggest", suggest_url(region_model))
        attrs["data-multiple"] = "1"
        attrs["data-initial"] = json.dumps(initial, ensure_ascii=False)
        return context


class RegionField(forms.ModelChoiceField):
    """Accepts `520521000000 大方县`, `520521` (padded to 12 digits) or a unique name."""

    widget = RegionCodeWidget

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("error_messages", {})["invalid_choice"] = _("未知的行政区划代码或名称：%(value)s")
        super().__init__(queryset if queryset is not None else apps.get_model("geo", "Region").objects.all(), **kwargs)

    def _outside(self, **lookup) -> bool:
        """A real region the user may not name (regions are public: saying so tells nothing about a record)."""
        return self.queryset.model.objects.filter(**lookup).exists()

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "code"):
            return value
        text = str(value).strip()
        digits = ""
        for ch in text:
            if is_digits(ch):
                digits += ch
            else:
                break
        region_model = self.queryset.model
        from .text import to_simplified

        if digits:
            code = digits.ljust(12, "0") if len(digits) in (2, 4, 6, 9, 12) else digits
            region = self.queryset.filter(code=code).first()
        else:
            matches = list(self.queryset.filter(name=to_simplified(text))[:2])
            region = matches[0] if len(matches) == 1 else None
            if len(matches) > 1:
                raise forms.ValidationError(_("名称“%(value)s”对应多个行政区划，请填写 12 位代码"),
                                            code="ambiguous", params={"value": text})
        if region is None:
            lookup = {"code": code} if digits else {"name": to_simplified(text)}
            if self._outside(**lookup):
                raise forms.ValidationError(_("行政区划“%(value)s”不在您可填报的范围内（本辖区及其结对方）。"),
                                            code="out_of_scope", params={"value": text})
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": text})
        return region if isinstance(region, region_model) else None


class RegionMultipleField(forms.ModelMultipleChoiceField):
    widget = RegionMultipleWidget

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else apps.get_model("geo", "Region").objects.all(), **kwargs)

    def clean(self, value):
        if isinstance(value, str):
            value = [v for v in re.split(SEPARATORS, value) if v]
        single = RegionField(self.queryset)
        out = []
        for item in value or []:
            out.append(single.to_python(item))
        if self.required and not out:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return out

    def prepare_value(self, value):
        if value and hasattr(value, "__iter__") and not isinstance(value, str):
            return "、".join(getattr(v, "code", str(v)) for v in value)
        return value


def add_picker(field: forms.ModelChoiceField) -> None:
    """Mark a choice of organisations or records for the type-ahead picker (core/static/core/picker.js): the
    select stays the form's value, the picker suggests from `/suggest/<model>/` (name, pinyin, initials), with
    each record's region and organisations to tell same-named ones apart."""
    from .suggest import pickable, suggest_url

    model = field.queryset.model
    if pickable(model):
        field.widget.attrs.setdefault("data-suggest", suggest_url(model))


def current_keys(instance, name: str) -> list:
    """Keys a stored record already points at through field `name` (kept on an edit, never offered anew)."""
    if instance is None or instance.pk is None:
        return []
    f = instance._meta.get_field(name)
    if f.many_to_many:
        return list(getattr(instance, name).values_list("pk", flat=True))
    value = getattr(instance, f.attname, None)
    return [] if value is None else [value]


def mask_out_of_scope(field: forms.ModelChoiceField, user, keep) -> None:
    """Rows kept from the stored record but outside the user's area show as （范围外记录）, never by name."""
    model = field.queryset.model
    if get_scope(user).everything:
        return
    hidden = set(keep) - set(model.objects.restrict(user, "view").filter(pk__in=keep).values_list("pk", flat=True))
    if not hidden:
        return
    plain = field.label_from_instance

    def label(obj):
        return out_of_scope() if obj.pk in hidden else plain(obj)

    field.label_from_instance = label


class RecordForm(forms.ModelForm):
    """Every record form: pass `user=` so that choices stay inside what the user may link to.

    Region boxes take codes of the user's own area, their units' home regions and the partner side of a
    pairing; organisation and record choices are what `restrict(user, "link")` gives. What a stored record
    already points at outside those stays on an edit: a single choice stays selectable (shown as （范围外记录）),
    several are kept without being offered, so that correcting one field never drops another office's link.
    """

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        region_model = apps.get_model("geo", "Region")
        instance = self.instance if self.instance is not None and self.instance.pk else None
        for name, f in list(self.fields.items()):
            model_field = self._meta.model._meta.get_field(name) if name in self._model_field_names() else None
            if model_field is not None and model_field.is_relation and model_field.related_model is region_model:
                keep = current_keys(instance, name)
                qs = linkable_regions(user, keep) if user is not None else None
                new = (RegionMultipleField if model_field.many_to_many else RegionField)(
                    queryset=qs, required=f.required, label=f.label, help_text=f.help_text
                )
                new.disabled = f.disabled
                self.fields[name] = new
                f = new
            elif isinstance(f, forms.ModelChoiceField) and user is not None and is_scoped_model(f.queryset.model):
                keep = current_keys(instance, name) if model_field is not None and model_field.is_relation else []
                if isinstance(f, forms.ModelMultipleChoiceField):
                    # Rows of other areas are neither offered nor dropped: `_post_clean` adds them back.
                    keep = []
                base = f.queryset
                allowed = linkable(base.model, user, keep)
                # Keep the field's own narrowing (ordering, a subset), then add what the user may link to.
                f.queryset = base.filter(pk__in=allowed.values("pk")) if keep or base.query.where else allowed
                if keep:
                    mask_out_of_scope(f, user, keep)
                add_picker(f)
            if isinstance(f.widget, forms.Textarea):
                f.widget.attrs.setdefault("rows", 3)
            if isinstance(f.widget, forms.CheckboxInput):
                f.widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(f.widget, (forms.Select, forms.SelectMultiple)):
                f.widget.attrs.setdefault("class", "form-select")
                if isinstance(f.widget, forms.SelectMultiple):
                    # Any other several-choice list: chips and type-to-narrow over its own options, no Ctrl-click.
                    f.widget.attrs.setdefault("data-suggest", "local")
            else:
                f.widget.attrs.setdefault("class", "form-control")
            if isinstance(f, forms.DateField):
                f.widget.input_type = "date"
                f.widget.format = "%Y-%m-%d"

    def _post_clean(self):
        """Links another office made to rows outside this user's area stay when the user saves (they were not
        offered, so the user could not have meant to drop them)."""
        instance = self.instance
        if instance is not None and instance.pk and self.user is not None and not get_scope(self.user).everything:
            for name, f in self.fields.items():
                if not isinstance(f, forms.ModelMultipleChoiceField) or name not in self.cleaned_data:
                    continue
                if isinstance(f, RegionMultipleField) or not is_scoped_model(f.queryset.model):
                    continue
                hidden = list(getattr(instance, name).exclude(pk__in=f.queryset.values("pk")))
                if hidden:
                    chosen = list(self.cleaned_data[name] or [])
                    self.cleaned_data[name] = chosen + [o for o in hidden if o not in chosen]
        super()._post_clean()

    def _model_field_names(self):
        return {f.name for f in self._meta.model._meta.get_fields()}

    def split(self) -> tuple[dict, dict]:
        """Cleaned data as (plain fields, many-to-many fields) for the action functions."""
        m2m_names = {f.name for f in self._meta.model._meta.many_to_many}
        plain = {k: v for k, v in self.cleaned_data.items() if k not in m2m_names}
        m2m = {k: v for k, v in self.cleaned_data.items() if k in m2m_names}
        return plain, m2m


def record_form_fields(model) -> list[str]:
    """Editable fields of a record model minus the base's system fields."""
    skip = set(Record.SYSTEM_FIELDS) | {"search_key", "path"}
    return [f.name for f in model._meta.get_fields()
            if getattr(f, "editable", False) and not f.auto_created and f.name not in skip
            and (f.concrete or f.many_to_many)]
