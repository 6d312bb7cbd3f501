"""Form, filter and serializer pieces every channel's ledger shares.

A channel app imports these from here, never from another channel: see
docs/architecture.md ("Channels do not import each other").
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .text import is_digits

# The record base's fields at the end of every channel serializer's field list.
TAIL = ["synthetic", "source_document", "status", "status_display", "return_reason", "created_at", "updated_at"]

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


def org_tree_q(paths: list[str], pk) -> Q:
    """Organisation `pk` and every unit it supervises, through each relation path.

    The unit's tree path is read by the query itself (a subquery), not fetched first: a cooperation page
    filters by dozens of units and would otherwise ask for each path separately.
    """
    from django.db.models import Subquery

    from xiezuo.partners.models import Organisation

    try:
        pk = int(pk.pk if hasattr(pk, "pk") else pk)
    except (TypeError, ValueError):
        return Q(pk__in=[])
    path = Subquery(Organisation._base_manager.filter(pk=pk).values("path")[:1])
    q = Q()
    for p in paths:
        q |= Q(**{f"{p}__path__startswith": path})
    return q or Q(pk__in=[])


def region_q(paths: list[str], code: str) -> Q:
    """Regions (or organisations' regions) under a region code or prefix."""
    from xiezuo.core.scope import code_prefix

    prefix = code_prefix(code.ljust(12, "0")) if len(code) in (2, 4, 6, 9, 12) and is_digits(code) else code
    q = Q()
    for p in paths:
        q |= Q(**{f"{p}__code__startswith": prefix}) if p.endswith("regions") or p.endswith("region") else \
            Q(**{f"{p}__region__code__startswith": prefix})
    return q


class TreeFilterMixin:
    """`organisation=<pk>` (with supervised units), `east=<code>` and `region=<code>` as distinct pk filters."""

    organisation_paths: tuple[str, ...] = ()
    east_paths: tuple[str, ...] = ()
    region_paths: tuple[str, ...] = ()

    def by_organisation(self, qs, name, value):
        return qs.filter(pk__in=qs.model._base_manager.filter(org_tree_q(self.organisation_paths, value)).values("pk"))

    def by_east(self, qs, name, value):
        return qs.filter(pk__in=qs.model._base_manager.filter(region_q(self.east_paths, value)).values("pk"))

    def by_region(self, qs, name, value):
        return qs.filter(pk__in=qs.model._base_manager.filter(region_q(self.region_paths, value)).values("pk"))
