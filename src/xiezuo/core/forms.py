"""Base form: Bootstrap widgets, area-restricted choices, region codes typed or picked."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from .models import Record


class RegionCodeWidget(forms.TextInput):
    """A text box that suggests regions as one types (name, Traditional or pinyin initials)."""

    template_name = "core/widgets/region.html"

    def format_value(self, value):
        if value in (None, ""):
            return ""
        region_model = apps.get_model("geo", "Region")
        if isinstance(value, region_model):
            return f"{value.code} {value.name}"
        region = region_model.objects.filter(code=str(value)).only("code", "name").first()
        return f"{region.code} {region.name}" if region else str(value)


class RegionField(forms.ModelChoiceField):
    """Accepts `520521000000 大方县`, `520521` (padded to 12 digits) or a unique name."""

    widget = RegionCodeWidget

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("error_messages", {})["invalid_choice"] = _("未知的行政区划代码或名称：%(value)s")
        super().__init__(queryset if queryset is not None else apps.get_model("geo", "Region").objects.all(), **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "code"):
            return value
        text = str(value).strip()
        digits = ""
        for ch in text:
            if ch.isdigit():
                digits += ch
            else:
                break
        region_model = self.queryset.model
        if digits:
            code = digits.ljust(12, "0") if len(digits) in (2, 4, 6, 9, 12) else digits
            region = self.queryset.filter(code=code).first()
        else:
            from .text import to_simplified

            matches = list(self.queryset.filter(name=to_simplified(text))[:2])
            region = matches[0] if len(matches) == 1 else None
            if len(matches) > 1:
                raise forms.ValidationError(_("名称“%(value)s”对应多个行政区划，请填写 12 位代码"),
                                            code="ambiguous", params={"value": text})
        if region is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": text})
        return region if isinstance(region, region_model) else None


class RegionMultipleField(forms.ModelMultipleChoiceField):
    widget = forms.Textarea(attrs={"rows": 2, "placeholder": "每行或用顿号分隔一个代码，如 522700000000"})

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else apps.get_model("geo", "Region").objects.all(), **kwargs)

    def clean(self, value):
        if isinstance(value, str):
            import re

            value = [v for v in re.split(r"[\s,，、；;]+", value) if v]
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


class RecordForm(forms.ModelForm):
    """Every record form: pass `user=` so that choices stay inside the user's area."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        region_model = apps.get_model("geo", "Region")
        for name, f in list(self.fields.items()):
            model_field = self._meta.model._meta.get_field(name) if name in self._model_field_names() else None
            if model_field is not None and model_field.is_relation and model_field.related_model is region_model:
                new = (RegionMultipleField if model_field.many_to_many else RegionField)(
                    required=f.required, label=f.label, help_text=f.help_text
                )
                self.fields[name] = new
                f = new
            elif isinstance(f, forms.ModelChoiceField) and user is not None:
                qs = f.queryset
                if hasattr(qs, "restrict"):
                    f.queryset = qs.restrict(user)
            if isinstance(f.widget, forms.Textarea):
                f.widget.attrs.setdefault("rows", 3)
            if isinstance(f.widget, forms.CheckboxInput):
                f.widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(f.widget, (forms.Select, forms.SelectMultiple)):
                f.widget.attrs.setdefault("class", "form-select")
            else:
                f.widget.attrs.setdefault("class", "form-control")
            if isinstance(f, forms.DateField):
                f.widget.input_type = "date"
                f.widget.format = "%Y-%m-%d"

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
