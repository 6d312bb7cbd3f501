"""API base: a viewset and serializer every record type inherits; writes go through the action functions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.response import Response

from .api_permissions import RecordPermission  # noqa: F401  (kept importable from here)
from .models import Record
from .permissions import can
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
        for f in fields.values():
            target = getattr(f, "child_relation", f)
            qs = getattr(target, "queryset", None)
            if qs is not None and hasattr(qs, "restrict") and request is not None:
                target.queryset = qs.restrict(request.user)
        return fields

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


class Conflict(APIException):
    """409: the record is still referenced (the referencing records the user may see are named)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, detail, referenced_by=()):
        super().__init__(detail)
        self.referenced_by = list(referenced_by)


reason_serializer = inline_serializer("TransitionReason", {"reason": serializers.CharField(required=False, allow_blank=True)})


class RecordViewSet(viewsets.ModelViewSet):
    """Every queryset goes through `restrict`: a row outside the user's area is a 404."""

    record_type = None
    # Ids are numbers: `…/1.5/` or `…/abc/` match no route (a JSON 404), never a query with a bad value.
    lookup_value_regex = "[0-9]+"

    def get_object(self):
        from django.http import Http404

        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if not str(value).isdigit() or int(value) >= 2**63:
            raise Http404  # an id beyond the database's integers names no record (and would fail the query)
        return super().get_object()

    def get_queryset(self):
        model: type[models.Model] = self.record_type.model
        related = [f.name for f in model._meta.concrete_fields if f.is_relation]
        return model.objects.restrict(self.request.user, "view").select_related(*related).order_by("pk")

    def perform_destroy(self, instance):
        from django.db.models import ProtectedError, RestrictedError

        from .references import blocked_message, blocking_records, describe

        try:
            delete_record(instance, self.request.user)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None
        except (ProtectedError, RestrictedError) as exc:
            records = blocking_records(exc, self.request.user)
            raise Conflict(blocked_message(records), [describe(r) for r in records]) from None

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, Conflict):
            response.data = {"detail": response.data["detail"], "referenced_by": exc.referenced_by}
        return response

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
