from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType

from ..idcard import mask
from ..tables import display_text, number, yuan_to_wan

register = template.Library()


@register.filter
def zh(value):
    """Show data in the interface's script (Traditional when the interface is)."""
    return display_text(value)


@register.filter
def wan(value):
    return yuan_to_wan(value)


@register.filter(name="number")
def number_filter(value):
    """Counts with thousands separators: 12,345."""
    return number(value)


@register.filter
def masked(value):
    return mask(value or "")


@register.simple_tag
def record_url(rt, view, pk=None):
    return rt.url(view, pk) if pk is not None else rt.url(view)


@register.filter
def file_url(record, field):
    """The address of a record's attached file: through the record's page, so only its readers get it."""
    return record.record_type.url("file", record.pk, field=field)


@register.filter
def field_label(change, field_name):
    """Verbose name of a field of the changed object's model."""
    model = ContentType.objects.get_for_id(change.content_type_id).model_class()
    try:
        return model._meta.get_field(field_name).verbose_name
    except Exception:
        return field_name


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
