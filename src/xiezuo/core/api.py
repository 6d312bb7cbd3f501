"""API base: a viewset and serializer every record type inherits; writes go through the action functions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from .api_permissions import RecordPermission  # noqa: F401  (kept importable from here)
from .forms import current_keys
from .models import Record
from .permissions import can
from .scope import Visibility, get_scope, is_scoped_model, linkable
from .services import create_record, delete_record, transition_record, update_record


def _django_errors(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})


class RecordSerializer(serializers.ModelSerializer):
    """Related choices are limited to the user's area; model validation runs on every write."""

    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        read_only_fields = Record.SYSTEM_FIELDS

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            limit_related_choices(fields, request.user, self.instance)
        return fields

    def _scoped_m2m(self) -> list:
        return [f for f in self.Meta.model._meta.many_to_many if is_scoped_model(f.related_model)]

    def to_internal_value(self, data):
        """Links another office made to rows outside the user's area stay on an edit (as on the page)."""
        attrs = super().to_internal_value(data)
        request = self.context.get("request")
        if request is not None and isinstance(self.instance, models.Model) and self.instance.pk:
            for f in self._scoped_m2m():
                if f.name in attrs:
                    allowed = f.related_model.objects.restrict(request.user, "link").values("pk")
                    hidden = [o for o in getattr(self.instance, f.name).exclude(pk__in=allowed)
                              if o not in attrs[f.name]]
                    attrs[f.name] = list(attrs[f.name]) + hidden
        return attrs

    def to_representation(self, instance):
        """Keys of related rows the reader may not open are left out of many-to-many lists."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or get_scope(request.user).everything:
            return data
        visibility = self.context.setdefault("_visibility", Visibility(request.user))
        for f in self._scoped_m2m():
            if isinstance(data.get(f.name), list) and data[f.name]:
                visibility.prefetch(f.related_model, data[f.name])
                data[f.name] = [pk for pk in data[f.name] if visibility.may_open(f.related_model, pk)]
        return data

    def _split(self, data: dict) -> tuple[dict, dict]:
        m2m_names = {f.name for f in self.Meta.model._meta.many_to_many}
        return ({k: v for k, v in data.items() if k not in m2m_names},
                {k: v for k, v in data.items() if k in m2m_names})

    def create(self, validated_data):
        plain, m2m = self._split(validated_data)
        try:
            return create_record(self.Meta.model, plain, self.context["request"].user, m2m=m2m)
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None

    def update(self, instance, validated_data):
        plain, m2m = self._split(validated_data)
        try:
            return update_record(instance, plain, self.context["request"].user, m2m=m2m)
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None


def limit_related_choices(fields: dict, user, instance) -> None:
    """Regions, organisations and records a write may name: what the user may link to (see core.scope.linkable),
    plus what the stored record already points at. Anything else answers as an unknown key, the same for a row
    that does not exist and for one in another area."""
    stored = instance if isinstance(instance, models.Model) and instance.pk else None
    for f in fields.values():
        target = getattr(f, "child_relation", f)
        qs = getattr(target, "queryset", None)
        if qs is None or getattr(f, "read_only", False):
            continue
        model = qs.model
        if model._meta.label_lower != "geo.region" and not is_scoped_model(model):
            continue
        keep = current_keys(stored, f.source) if stored is not None and f.source in _field_names(stored) else []
        target.queryset = linkable(model, user, keep)
        if model._meta.label_lower == "geo.region":
            target.error_messages["does_not_exist"] = "行政区划“{pk_value}”不存在或不在您可填报的范围内。"


def _field_names(obj) -> set[str]:
    return {f.name for f in obj._meta.get_fields()}


reason_serializer = inline_serializer("TransitionReason", {"reason": serializers.CharField(required=False)})


class RecordViewSet(viewsets.ModelViewSet):
    """Every queryset goes through `restrict`: a row outside the user's area is a 404."""

    record_type = None

    def get_queryset(self):
        model: type[models.Model] = self.record_type.model
        related = [f.name for f in model._meta.concrete_fields if f.is_relation]
        return model.objects.restrict(self.request.user, "view").select_related(*related).order_by("pk")

    def perform_destroy(self, instance):
        try:
            delete_record(instance, self.request.user)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None

    def _transition(self, request, name):
        obj = self.get_object()
        if not can(request.user, name, obj):
            raise PermissionDenied("当前状态或角色不允许此操作")
        try:
            obj = transition_record(obj, name, request.user, reason=request.data.get("reason", ""))
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        return Response(self.get_serializer(obj).data)

    @extend_schema(request=reason_serializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._transition(request, "submit")

    @extend_schema(request=reason_serializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._transition(request, "approve")

    @extend_schema(request=reason_serializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        return self._transition(request, "return")

    @extend_schema(request=reason_serializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._transition(request, "reopen")


def viewset_for(record_type) -> type[RecordViewSet]:
    serializer = record_type.serializer
    name = f"{record_type.model.__name__}ViewSet"
    attrs = {"record_type": record_type, "serializer_class": serializer,
             "filterset_class": record_type.filterset, "queryset": record_type.model.objects.none()}
    return type(name, (RecordViewSet,), attrs)
