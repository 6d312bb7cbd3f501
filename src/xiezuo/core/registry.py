"""One registration per record type gives it pages, import/export, API, history and search.

    register(RecordType(model=Pairing, filterset=PairingFilterSet, form=PairingForm,
                        table=PairingTable, serializer=PairingSerializer, import_key=("helper_region", …)))
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.urls import reverse

from .text import is_digits

REGISTRY: dict[str, RecordType] = {}
# Panels added for a type whose app registers later (apps are ready in name order): taken up by `register`.
PENDING_PANELS: dict[str, list[tuple[str, object]]] = {}


@dataclass
class RecordType:
    model: type[models.Model]
    filterset: type
    form: type
    table: type
    serializer: type
    # Natural key used to refuse duplicates on import (within the file and against the database).
    import_key: tuple[str, ...] = ()
    # Columns of the template, import and export; defaults to the form's fields.
    import_fields: tuple[str, ...] | None = None
    # Header variants accepted on import, e.g. {"id_number": ["公民身份号码", "身份证号"]}.
    column_aliases: dict[str, list[str]] = field(default_factory=dict)
    # Extra template included on the detail page, with its context (callable(request, obj) -> dict).
    # Other apps add their own panels with `add_panel`, so a page may gather several.
    detail_template: str | None = None
    detail_context: object = None
    # Menu placement.
    menu_group: str = ""
    icon: str = "bi-table"
    menu: bool = True
    # Count rows on the home page; off for very large tables (the registry keeps summary tables instead).
    home_count: bool = True

    def __post_init__(self) -> None:
        self.panels: list[tuple[str, object]] = []
        if self.detail_template:
            self.panels.append((self.detail_template, self.detail_context))

    @property
    def key(self) -> str:
        return f"{self.model._meta.app_label}.{self.model._meta.model_name}"

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def verbose_name_plural(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def lifecycle(self) -> bool:
        return getattr(self.model, "lifecycle", True)

    def url(self, view: str, pk=None, **kwargs) -> str:
        name = f"{self.app_label}:{self.model_name}_{view}"
        if kwargs:
            return reverse(name, kwargs={"pk": pk, **kwargs} if pk is not None else kwargs)
        return record_url(name, pk)

    def fields(self) -> list[str]:
        if self.import_fields is not None:
            return list(self.import_fields)
        return list(self.form._meta.fields)


# A number no record has, reversed in place of the key: the URL of a record is then a string replacement.
_KEY = 987654321987654321
_reversed: dict[tuple, str] = {}


def record_url(name: str, pk=None) -> str:
    """`reverse(name, kwargs={"pk": pk})` (or without a key), each URL name reversed once per process and script
    prefix: a list page links each of its rows and the menu every record type, and reverse() costs ~0.3 ms."""
    from django.urls import get_script_prefix

    if pk is not None and not (isinstance(pk, int) or is_digits(str(pk))):
        return reverse(name, kwargs={"pk": pk})  # refused as reverse() would refuse it
    key = (name, get_script_prefix(), pk is None)
    url = _reversed.get(key)
    if url is None:
        url = _reversed[key] = reverse(name, kwargs=None if pk is None else {"pk": _KEY})
    return url if pk is None else url.replace(str(_KEY), str(pk), 1)


def register(record_type: RecordType) -> RecordType:
    REGISTRY[record_type.key] = record_type
    record_type.model.record_type = record_type
    record_type.panels.extend(PENDING_PANELS.pop(record_type.key, []))
    return record_type


def add_panel(model, template: str, context=None) -> None:
    """Add a panel to a record type's detail page from another app, without editing that app. The type may be
    registered later (an app whose name comes after the caller's): the panel waits for it."""
    key = f"{model._meta.app_label}.{model._meta.model_name}"
    if key in REGISTRY:
        REGISTRY[key].panels.append((template, context))
    else:
        PENDING_PANELS.setdefault(key, []).append((template, context))


def for_model(model) -> RecordType:
    return REGISTRY[f"{model._meta.app_label}.{model._meta.model_name}"]


def by_app(app_label: str) -> list[RecordType]:
    return [rt for rt in REGISTRY.values() if rt.app_label == app_label]
