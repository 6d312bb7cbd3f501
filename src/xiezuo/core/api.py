"""API base: a viewset and serializer every record type inherits; writes go through the action functions."""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.response import Response

from .api_fields import (
    BriefRelatedField,
    DisplayField,
    LabelledChoiceField,
    MonthField,
    RecordListSerializer,
    SelfUrlField,
    relation_names,
)
from .api_permissions import RecordPermission  # noqa: F401  (kept importable from here)
from .forms import current_keys
from .models import Record
from .permissions import TRANSITIONS, can, review_refusal
from .scope import Visibility, is_scoped_model, linkable
from .services import StaleVersion, create_record, delete_record, transition_record, update_record
from .text import is_digits


def _django_errors(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})


# --- versions: every edit names the version it was based on -------------------------------------------------
#
# A detail response carries `version` and the header `ETag: "<version>"`. A PUT or PATCH names its base
# version either way: `If-Match: "<version>"` (stale → 412 Precondition Failed, as HTTP says for a failed
# If-Match) or `"version": <n>` in the body (stale → 409 Conflict, the body being in conflict with the
# stored record). Neither → 428 Precondition Required: an edit that names no version could silently undo a
# change its author never saw, which is the lost update this refuses. The refusal's body says what changed.

class _Stale(APIException):
    """A refusal whose body keeps its numbers as numbers (DRF turns an exception's detail into strings)."""

    def __init__(self, detail=None, code=None):
        self.payload = detail if isinstance(detail, dict) else None
        super().__init__(detail, code)


class PreconditionFailed(_Stale):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("记录已被他人修改。")
    default_code = "stale_version"


class VersionConflict(_Stale):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("记录已被他人修改。")
    default_code = "stale_version"


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = _("修改须注明所依据的记录版本：请在请求头 If-Match 中给出读取时的 ETag，"
                       "或在请求体中给出 version。")
    default_code = "version_required"


def etag(version) -> str:
    return f'"{version}"'


def _if_match_version(header: str) -> int | None:
    """The version an If-Match header names (`"3"` or `W/"3"`); -1 for one that names no version of ours."""
    values = [v.strip().removeprefix("W/").strip('"') for v in header.split(",")]
    numbers = [int(v) for v in values if is_digits(v)]
    return numbers[0] if len(numbers) == 1 and len(values) == 1 else -1


def body_fields(request):
    """The request body's fields: a JSON object or a form. Any other JSON (null, a list, a number, a string)
    is refused with 400, never read as an empty body, so an action with no required field does not run on
    a body it could not read."""
    from collections.abc import Mapping

    if isinstance(request.data, Mapping):
        return request.data
    raise ValidationError({"non_field_errors": [gettext("请求体应为对象（JSON 对象或表单字段）。")]})


def base_version(request) -> tuple[int, type[APIException]]:
    """The version an edit request is based on, and the exception to raise should it be stale."""
    header = request.headers.get("If-Match")
    body = body_fields(request).get("version")
    if body not in (None, ""):
        try:
            body = int(body)
        except (TypeError, ValueError):
            raise ValidationError({"version": [gettext("版本须为整数。")]}) from None
    else:
        body = None
    if header:
        version = _if_match_version(header)
        if body is not None and body != version:
            raise VersionConflict({"detail": gettext("请求头 If-Match 与请求体中的 version 不一致。")})
        return version, PreconditionFailed
    if body is not None:
        return body, VersionConflict
    raise PreconditionRequired()


class RecordSerializer(serializers.ModelSerializer):
    """Related choices are limited to the user's area; model validation runs on every write.

    Objects carry `display`, `url` and `page_url`; related rows read as brief objects and choices as
    {value, label} (core/api_fields.py); writes take keys and values as before.
    """

    serializer_related_field = BriefRelatedField
    serializer_choice_field = LabelledChoiceField

    display = DisplayField(help_text=_("记录名称（与页面上显示的相同）"))
    url = SelfUrlField(help_text=_("本记录的 API 地址"))
    page_url = SelfUrlField(kind="page", help_text=_("本记录的页面地址"))
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    version = serializers.IntegerField(
        required=False, min_value=1,
        help_text=_("记录版本。每次修改加一；修改时给出读取时的版本（或用 If-Match 请求头），过期的修改被拒绝。"))

    class Meta:
        read_only_fields = Record.SYSTEM_FIELDS
        list_serializer_class = RecordListSerializer

    def build_standard_field(self, field_name, model_field):
        """A field named in `Meta.month_fields` reads a month as the record's form does (2020-05, or a day)."""
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_name in getattr(self.Meta, "month_fields", ()):
            field_class = MonthField
        return field_class, kwargs

    def get_field_names(self, declared_fields, info):
        added = ("version", "display", "url", "page_url")
        names = list(super().get_field_names({k: v for k, v in declared_fields.items() if k not in added}, info))
        names = [n for n in names if n not in added[1:]]
        at = names.index("id") + 1 if "id" in names else 0
        names[at:at] = ["display", "url", "page_url"]
        return [*names, "version"] if "version" not in names else names

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

    def _split(self, data: dict) -> tuple[dict, dict]:
        m2m_names = {f.name for f in self.Meta.model._meta.many_to_many}
        return ({k: v for k, v in data.items() if k not in m2m_names},
                {k: v for k, v in data.items() if k in m2m_names})

    def create(self, validated_data):
        validated_data.pop("version", None)
        plain, m2m = self._split(validated_data)
        try:
            return create_record(self.Meta.model, plain, self.context["request"].user, m2m=m2m)
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None

    def update(self, instance, validated_data):
        validated_data.pop("version", None)
        plain, m2m = self._split(validated_data)
        request = self.context["request"]
        version, stale = base_version(request)
        try:
            return update_record(instance, plain, request.user, m2m=m2m, version=version)
        except StaleVersion as exc:
            raise stale(exc.as_dict()) from None
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
        # Made when a write (or a form of the browsable API) first asks for it: a read never does, and building
        # the area's conditions for every link field was a tenth of an API detail's time.
        target.queryset = SimpleLazyObject(functools.partial(_linkable_for, model, user, stored, f.source))
        if model._meta.label_lower == "geo.region":
            target.error_messages["does_not_exist"] = _("行政区划“{pk_value}”不存在或不在您可填报的范围内。")


def _linkable_for(model, user, stored, source):
    keep = current_keys(stored, source) if stored is not None and source in _field_names(stored) else []
    return linkable(model, user, keep)


def _field_names(obj) -> set[str]:
    return {f.name for f in obj._meta.get_fields()}



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
        if not is_digits(str(value)) or int(value) >= 2**63:
            raise Http404  # an id beyond the database's integers names no record (and would fail the query)
        return super().get_object()

    def get_queryset(self):
        from .tables import fetch_plan

        model: type[models.Model] = self.record_type.model
        # The serializer's foreign keys joined (with what their `display` reads) and its many-to-many fields
        # prefetched: a page of 5 or of 500 objects costs the same queries (see core/tables.py fetch_plan).
        select, prefetch = fetch_plan(model, shown_relations(self.get_serializer_class()))
        qs = model.objects.restrict(self.request.user, "view").select_related(*select)
        if hasattr(model, "annotate_reads"):  # values a model computes per row, for all rows at once
            qs = model.annotate_reads(qs)
        return (qs.prefetch_related(*prefetch) if prefetch else qs).order_by("pk")

    def paginate_queryset(self, queryset):
        """The page's objects, and which of the rows they point at the reader may open, asked once per page."""
        page = super().paginate_queryset(queryset)
        rows = list(page) if page is not None else None
        if rows:
            visibility = Visibility(self.request.user)
            visibility.prefetch_related(rows, [f.name for f in self.record_type.model._meta.many_to_many])
            self._visibility = visibility
        return rows if page is not None else page

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "_visibility", None) is not None:
            context["_visibility"] = self._visibility  # read by core.api_fields.visibility
        return context

    def ordering_keys(self) -> dict[str, str]:
        """`?ordering=`: the list page's sortable columns (a relation sorts by the related row's name), the id and
        the times."""
        from .listing import sort_keys

        model = self.record_type.model
        names = {f.name for f in model._meta.concrete_fields}
        keys = {name: name for name in ("id", "created_at", "updated_at") if name in names}
        return {**keys, **sort_keys(self.record_type.table(model, []))}

    def default_ordering(self) -> list[str]:
        """As the list page: the table's ordering, the id breaking ties (so that pages never overlap)."""
        table = self.record_type.table
        ordering = list(getattr(table, "ordering", ()) or ())
        return ordering + ["pk"] if not any(o.lstrip("-") in ("pk", "id") for o in ordering) else ordering

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

    def _transition(self, request, name):
        obj = self.get_object()
        if not can(request.user, name, obj):
            if can(request.user, name, type(obj)) and obj.status in TRANSITIONS[name][0] and name != "submit":
                raise PermissionDenied(review_refusal(request.user, name, obj))
            raise PermissionDenied(gettext("当前状态或角色不允许此操作"))
        reason = body_fields(request).get("reason", "")
        if reason is not None and not isinstance(reason, str):
            raise ValidationError({"reason": [gettext("原因须为文字。")]})
        try:
            obj = transition_record(obj, name, request.user, reason=str(reason or ""))
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None
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

    def update(self, request, *args, **kwargs):
        base_version(request)  # 428 before anything else when the edit names no version
        return super().update(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, _Stale) and exc.payload is not None:
            return Response(exc.payload, status=exc.status_code)
        response = super().handle_exception(exc)
        if isinstance(exc, Conflict):
            response.data = {"detail": response.data["detail"], "referenced_by": exc.referenced_by}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if self.detail and 200 <= response.status_code < 300 and isinstance(data, dict) and "version" in data:
            response["ETag"] = etag(data["version"])
        return response


@functools.cache
def shown_relations(serializer_class) -> tuple[str, ...]:
    """The model relations (foreign keys and many-to-many fields) a serializer writes out."""
    model = serializer_class.Meta.model
    fks, many = relation_names(model)
    sources = {field.source for field in serializer_class().fields.values()}
    return tuple(name for name in (*fks, *many) if name in sources)


def viewset_for(record_type) -> type[RecordViewSet]:
    serializer = record_type.serializer
    name = f"{record_type.model.__name__}ViewSet"
    attrs = {"record_type": record_type, "serializer_class": serializer,
             "filterset_class": record_type.filterset, "queryset": record_type.model.objects.none()}
    viewset = type(name, (RecordViewSet,), attrs)
    edit = extend_schema(parameters=[IF_MATCH], responses={200: serializer, **EDIT_REFUSALS})
    return extend_schema_view(update=edit, partial_update=edit)(viewset)


IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description=_('读取时的 ETag（如 "3"）。与请求体中的 version 二选一；都没有时返回 428。'))
# `based_on`, `version` and `changes` come with a stale version; an If-Match header that contradicts the body's
# version is refused with `detail` alone.
_STALE = inline_serializer("StaleVersion", {
    "detail": serializers.CharField(), "based_on": serializers.IntegerField(required=False),
    "version": serializers.IntegerField(required=False),
    "changes": serializers.ListField(required=False,
                                     child=serializers.DictField(child=serializers.CharField(allow_null=True)))})
EDIT_REFUSALS = {
    400: OpenApiResponse(description=_("数据有误")),
    403: OpenApiResponse(description=_("角色不允许，或记录已提交或已审核而锁定")),
    404: OpenApiResponse(description=_("记录不存在或在您的管辖范围以外")),
    409: OpenApiResponse(_STALE, description=_("请求体中的 version 已过期：记录已被他人修改，未保存")),
    412: OpenApiResponse(_STALE, description=_("If-Match 的版本已过期：记录已被他人修改，未保存")),
    428: OpenApiResponse(description=_("未注明所依据的版本（If-Match 或 version）")),
}
