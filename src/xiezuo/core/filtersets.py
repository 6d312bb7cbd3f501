"""Base FilterSet: one per model serves the page filters and the API `?field=` parameters alike."""

from __future__ import annotations

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from .models import Status
from .scope import is_scoped_model
from .text import HAN_RE, fold, is_digits, is_pinyin_query, pinyin_keys, to_simplified, to_traditional


def text_query(model, value: str, search_fields) -> Q:
    """Matches ignoring Simplified/Traditional script; pinyin and initials where the model keeps a search key."""
    value = value.strip()
    if not value:
        return Q()
    variants = {value, to_simplified(value), to_traditional(value)}
    parts = [Q(**{f"{f}__icontains": v}) for f in search_fields for v in variants]
    if any(f.name == "search_key" for f in model._meta.get_fields()):
        key = fold(value)
        if is_pinyin_query(value):
            # Initials and full pinyin are stored after `|`: prefix match on either.
            parts.append(Q(search_key__contains=f"|{key}"))
        else:
            parts.append(Q(search_key__contains=key))
    return reduce(or_, parts) if parts else Q()


PINYIN_SCAN_LIMIT = 5000
NAME_FIELDS = ("name", "title", "short_name")


def name_fields(search_fields) -> list[str]:
    return [f for f in search_fields if f.split("__")[-1] in NAME_FIELDS]


def pinyin_match(key: str, text: str) -> bool:
    if not text or not HAN_RE.search(text):
        return False
    full, initials = pinyin_keys(text)
    if full.startswith(key) or initials.startswith(key):
        return True
    return len(key) >= 3 and (key in full or key in initials)


def pinyin_ids(qs, fields: list[str], query: str) -> list:
    """Records of `qs` whose name (one of `fields`) the pinyin `query` begins, or from three letters on lies in:
    names are read (at most PINYIN_SCAN_LIMIT) and their pinyin computed, cached per name."""
    key = fold(query).replace(" ", "")
    ids = []
    for pk, *texts in qs.order_by().values_list("pk", *fields)[:PINYIN_SCAN_LIMIT]:
        if any(pinyin_match(key, t) for t in texts if isinstance(t, str)):
            ids.append(pk)
    return ids


def search(queryset, value: str, search_fields):
    """A list's search box: text in either script, and for a pinyin query (`dymj`, `duyun`) the records whose
    names it spells, as the site's search box finds them. Types too large to scan (the registry's households and
    members, `home_count` off) keep to their stored search key."""
    from .registry import REGISTRY

    found = text_query(queryset.model, value, search_fields)
    names = name_fields(search_fields)
    if names and is_pinyin_query(value.strip()) and not _has_search_key(queryset.model):
        rt = REGISTRY.get(f"{queryset.model._meta.app_label}.{queryset.model._meta.model_name}")
        if rt is None or rt.home_count:
            found |= Q(pk__in=pinyin_ids(queryset, names, value))
    return queryset.filter(found)


def _has_search_key(model) -> bool:
    return any(f.name == "search_key" for f in model._meta.get_fields())


def limit_choice_filters(filterset, user) -> None:
    """Every drop-down of records or organisations lists only what the user may see: a name from another area
    is never offered. Callers without a user (internal queries over an already restricted queryset) keep the
    declared choices: no form is shown to anyone there."""
    for f in filterset.filters.values():
        if not isinstance(f, (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)):
            continue
        qs = f.queryset(filterset.request) if callable(f.queryset) else f.queryset
        model = qs.model if qs is not None else f.model._meta.get_field(f.field_name).related_model
        if not is_scoped_model(model):
            continue
        base = qs if qs is not None else model.objects.all()
        f.queryset = base.restrict(user, "view")


class RegionCodeField(forms.CharField):
    """A region code or code prefix (2, 4, 6, 9 or 12 digits). Anything else is refused with a message, so a
    typed name (`region=黔南`) is answered rather than quietly matching nothing or everything."""

    default_error_messages = {
        "invalid": _("请填写行政区划代码（2、4、6、9 或 12 位数字），例如 522700000000（黔南州）或 5227。"),
    }

    def clean(self, value):
        value = super().clean(value)
        value = (value or "").strip()
        if value and not (is_digits(value) and len(value) in (2, 4, 6, 9, 12)):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return value


REGION_CODE_METHODS = ("by_region", "by_east", "either_region")


def strict_region_codes(filterset) -> None:
    """Every region-code filter (the ledgers' `region=` / `east=` and `…region__code` prefixes) checks its value."""
    for f in filterset.filters.values():
        if not isinstance(f, django_filters.CharFilter):
            continue
        method = f.method if isinstance(f.method, str) else getattr(f.method, "__name__", "")
        if method in REGION_CODE_METHODS or (f.field_name or "").endswith("region__code"):
            f.field_class = RegionCodeField


class ScopedFilterSet(django_filters.FilterSet):
    """Choice filters limited by the request's user (see `limit_choice_filters`); region codes checked."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        strict_region_codes(self)
        if user is None and self.request is not None:
            user = getattr(self.request, "user", None)
        if user is not None:
            limit_choice_filters(self, user)




class NumbersInRange:
    """A number filter given a value no database integer holds (`?allocation=1e30`), or a fraction for a
    whole-number field, is invalid as if it were text: the page ignores it, the API answers 400. Left alone, the
    first would fail the query (500 on SQLite) and the second silently match nothing."""

    LIMIT = 2**63

    def is_valid(self):
        if not super().is_valid():
            return False
        from decimal import Decimal

        for name, value in list(self.form.cleaned_data.items()):
            if not isinstance(value, (int, float, Decimal)) or isinstance(value, bool):
                continue
            if not Decimal(value).is_finite() or abs(value) >= self.LIMIT:
                self.form.add_error(name, _("数值超出范围。"))
            elif value != int(value) and self._integer_field(name):
                self.form.add_error(name, _("须为整数。"))
        return not self.form.errors

    def _integer_field(self, name: str) -> bool:
        from django.db import models
        from django_filters.utils import get_model_field

        flt = self.filters.get(name)
        field = get_model_field(self._meta.model, flt.field_name) if flt is not None and not flt.method else None
        return isinstance(field, (models.IntegerField, models.AutoField, models.ForeignKey))


class RecordFilterSet(NumbersInRange, ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("搜索"))
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label=_("状态"))
    synthetic = django_filters.BooleanFilter(label=_("合成演示数据"))
    # Exactly these records (comma-separated ids): the link behind a frozen figure (assessment rounds).
    ids = django_filters.CharFilter(method="by_ids", label=_("记录编号"), widget=HiddenInput)

    search_fields: tuple[str, ...] = ()

    def search(self, queryset, name, value):
        return search(queryset, value, self.search_fields)

    def by_ids(self, queryset, name, value):
        # An id beyond the database's integers names no record (and would fail the query on SQLite).
        ids = [int(v) for v in value.split(",") if is_digits(v.strip())]
        return queryset.filter(pk__in=[i for i in ids if i < 2**63])

    @classmethod
    def for_reference(cls):
        return cls


class ReferenceFilterSet(NumbersInRange, ScopedFilterSet):
    """For types without a lifecycle (regions, organisations)."""

    q = django_filters.CharFilter(method="search", label=_("搜索"))
    search_fields: tuple[str, ...] = ()

    def search(self, queryset, name, value):
        return search(queryset, value, self.search_fields)
