"""What an API object looks like: its own `display` and `url`, brief related objects, choices with their labels.

Every record type's serializer inherits these through `RecordSerializer` (core/api.py):

- the object itself carries `display` (its name as pages show it), `url` (its API address) and `page_url`;
- a related row is `{"id", "display", "url", "page_url"}` (a brief representation, as NetBox gives), never a bare
  key; a row the reader may not open is `{"id": null, "display": "（范围外记录）", "url": null, "page_url": null}`
  (nothing about it shows, not even its key), and such rows are left out of many-to-many lists;
- a choice is `{"value", "label"}` (the label in the request's language); a blank choice is `null`.

Writes take what they always took: a related row's key (or an object with `id`, so that what was read can be
sent back; the out-of-area placeholder sent back keeps the link as it is), a choice's value (or an object with
`value`).
"""

from __future__ import annotations

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField

from .forms import MONTH_INPUT_FORMATS
from .scope import Visibility, out_of_scope

_PREFIXES: dict[tuple[str, str], str | None] = {}


def _prefix(model, kind: str) -> str | None:
    """The path a row's key is appended to: `/api/industry/project/` (api) or `/industry/project/` (page)."""
    key = (model._meta.label_lower, kind)
    if key not in _PREFIXES:
        from .registry import REGISTRY

        label, app, name = model._meta.label_lower, model._meta.app_label, model._meta.model_name
        try:
            if kind == "api":
                _PREFIXES[key] = reverse(f"api-{app}-{name}-list")
            elif label in REGISTRY:
                _PREFIXES[key] = REGISTRY[label].url("list")
            elif label == "geo.region":
                _PREFIXES[key] = reverse("geo:region_list")
            else:
                _PREFIXES[key] = None
        except NoReverseMatch:
            _PREFIXES[key] = None
    return _PREFIXES[key]


def _base(context) -> str:
    """`http://host` of the request, computed once per response (empty without a request)."""
    if "_base_url" not in context:
        request = context.get("request")
        context["_base_url"] = request.build_absolute_uri("/")[:-1] if request is not None else ""
    return context["_base_url"]


def object_url(obj, context, kind: str = "api") -> str | None:
    prefix = _prefix(type(obj), kind)
    return f"{_base(context)}{prefix}{obj.pk}/" if prefix is not None else None


def visibility(context) -> Visibility | None:
    request = context.get("request")
    if request is None:
        return None
    if "_visibility" not in context:
        context["_visibility"] = Visibility(request.user)
    return context["_visibility"]


def brief(obj, context) -> dict | None:
    """{id, display, url, page_url} of a related row; the placeholder (no key) when the reader may not open it."""
    if obj is None:
        return None
    seen = visibility(context)
    if seen is not None and not seen.can_open(obj):
        return {"id": None, "display": str(out_of_scope()), "url": None, "page_url": None}
    return {"id": obj.pk, "display": str(obj), "url": object_url(obj, context),
            "page_url": object_url(obj, context, "page")}


class BriefManyRelatedField(ManyRelatedField):
    """A list of brief objects; rows the reader may not open are left out (their number would say something)."""

    def to_representation(self, iterable):
        seen = visibility(self.context)
        rows = list(iterable)
        if seen is not None and rows:
            seen.prefetch(type(rows[0]), [o.pk for o in rows])
            rows = [o for o in rows if seen.can_open(o)]
        return [self.child_relation.to_representation(o) for o in rows]


class BriefRelatedField(serializers.PrimaryKeyRelatedField):
    """Reads as a brief object; writes take the key, or an object with `id` (what a read gave)."""

    default_error_messages = {"no_id": _("须给出所关联记录的编号（id）。")}

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return BriefManyRelatedField(**list_kwargs)

    def use_pk_only_optimization(self):
        return False

    def to_internal_value(self, data):
        if isinstance(data, dict):
            if data.get("id") in (None, ""):
                # The placeholder of a row outside the reader's area, sent back as read: the link stays.
                stored = self._stored()
                seen = visibility(self.context)
                if "id" not in data or stored is None or seen is None or seen.can_open(stored):
                    self.fail("no_id")
                return stored
            data = data["id"]
        return super().to_internal_value(data)

    def _stored(self):
        instance = getattr(self.parent, "instance", None)
        if isinstance(instance, models.Model) and instance.pk and self.source and "." not in self.source:
            return getattr(instance, self.source, None)
        return None

    def to_representation(self, value):
        return brief(value, self.context)


class LabelledChoiceField(serializers.ChoiceField):
    """Reads as {value, label}; a blank choice reads as null. Writes take the value (or an object with `value`);
    null stands for blank where blank is allowed, so what was read can be sent back."""

    def validate_empty_values(self, data):
        if data is None and self.allow_blank and not self.allow_null:
            data = ""
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if isinstance(data, dict) and "value" in data:
            data = "" if data["value"] is None and self.allow_blank else data["value"]
        return super().to_internal_value(data)

    def to_representation(self, value):
        if value in ("", None):
            return None
        key = super().to_representation(value)
        return {"value": key, "label": str(self.choices.get(key, key))}


class MonthField(serializers.DateField):
    """A month (a serializer's `Meta.month_fields`): 2020-05 or any day of it, kept as the month's first day, as
    the record's form reads it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", MONTH_INPUT_FORMATS)
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        return day.replace(day=1) if day else day


@extend_schema_field(OpenApiTypes.STR)
class DisplayField(serializers.Field):
    """The record's name as pages show it."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return str(value)


@extend_schema_field(OpenApiTypes.URI)
class SelfUrlField(serializers.Field):
    """The record's own API address (`kind="api"`) or page (`kind="page"`)."""

    def __init__(self, kind: str = "api", **kwargs):
        self.kind = kind
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return object_url(value, self.context, self.kind) if isinstance(value, models.Model) else None


def relation_names(model) -> tuple[list[str], list[str]]:
    """(foreign keys, many-to-many fields) of a model, by name."""
    fks = [f.name for f in model._meta.concrete_fields if f.is_relation]
    m2m = [f.name for f in model._meta.many_to_many]
    return fks, m2m


class RecordListSerializer(serializers.ListSerializer):
    """Asks once, for the whole page, which related rows the reader may open (not once per row)."""

    def to_representation(self, data):
        rows = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        seen = visibility(self.context)
        if seen is not None and rows and not seen.everything:
            wanted: dict[type, set] = {}
            model = type(rows[0])
            fks, m2m = relation_names(model)
            for name in fks:
                f = model._meta.get_field(name)
                wanted.setdefault(f.related_model, set()).update(getattr(row, f.attname) for row in rows)
            for name in m2m:
                f = model._meta.get_field(name)
                wanted.setdefault(f.related_model, set()).update(o.pk for row in rows for o in getattr(row, name).all())
            for related, pks in wanted.items():
                seen.prefetch(related, pks)  # one query per related model, whatever the fields and rows
        return [self.child.to_representation(row) for row in rows]
