"""The OpenAPI schema: record operations document the error answers they can give, so clients (and the
schemathesis run in CI) know them: 400 bad input, 403 role or lock, 404 outside the area, 409 still referenced,
412 edited meanwhile, 428 an edit naming no version.

Operations are described in the user's terms (what the call does to which records, in the request's language),
not by the code's docstrings; brief related objects and {value, label} choices are documented as what they are
in answers, and as plain keys and values in requests (core/api_fields.py)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

_detail = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})
_conflict = inline_serializer("DeleteConflict", {
    "detail": serializers.CharField(),
    "referenced_by": serializers.ListField(child=inline_serializer("ReferencingRecord", {
        "type": serializers.CharField(), "id": serializers.IntegerField(), "name": serializers.CharField(),
        "url": serializers.CharField(allow_null=True)})),
})
# Field errors are an object of lists of messages; a refusal of the whole request is {"detail": …}.
_invalid = inline_serializer("ValidationErrors", {"detail": serializers.CharField(required=False)})

ERRORS = {
    400: OpenApiResponse(_invalid, description=gettext_lazy(
        "输入有误（字段错误、无法处理的字符、未知的查询参数、无效的筛选值或排序字段）")),
    401: OpenApiResponse(_detail, description=gettext_lazy("未登录或令牌无效")),
    403: OpenApiResponse(_detail, description=gettext_lazy("角色或记录状态不允许此操作")),
    404: OpenApiResponse(_detail, description=gettext_lazy("记录不存在或不在您的管辖范围内")),
    409: OpenApiResponse(_conflict, description=gettext_lazy("记录仍被其他记录引用")),
    412: OpenApiResponse(_detail, description=gettext_lazy("记录已被他人修改（版本不符）")),
    415: OpenApiResponse(_detail, description=gettext_lazy("请求体的格式无法读取（请用 JSON）")),
    428: OpenApiResponse(_detail, description=gettext_lazy("修改未注明所依据的版本（If-Match 或 version）")),
    429: OpenApiResponse(_detail, description=gettext_lazy("请求过于频繁")),
}

# What each operation on a record type does, in the user's terms; %(name)s is the record type's name.
OPERATIONS = {
    "list": (gettext_lazy("列出%(name)s"), gettext_lazy(
        "列出您管辖范围内的%(name)s，分页（limit、offset，每页最多 %(max)s 条）。可用查询参数筛选，用 ordering "
        "排序；未知的参数、无效的筛选值或排序字段返回 400 并说明原因。关联记录以 {id, display, url} 给出，"
        "选项以 {value, label} 给出。")),
    "retrieve": (gettext_lazy("读取一条%(name)s"), gettext_lazy(
        "读取一条%(name)s。不存在或不在您的管辖范围内时返回 404。响应头 ETag 是记录的版本，修改时放在 If-Match 中。")),
    "create": (gettext_lazy("新建%(name)s"), gettext_lazy(
        "新建一条%(name)s（草稿）。关联记录给出编号（或读取时得到的 {id, …}），选项给出代码；只能关联您可填报"
        "范围内的区划、单位和记录。")),
    "update": (gettext_lazy("修改%(name)s（全部字段）"), gettext_lazy(
        "以给出的全部字段修改一条%(name)s。须注明所依据的版本（If-Match 请求头或请求体中的 version）；"
        "已提交或已审核的记录不能修改。")),
    "partial_update": (gettext_lazy("修改%(name)s（部分字段）"), gettext_lazy(
        "只修改给出的字段。须注明所依据的版本（If-Match 请求头或请求体中的 version）；已提交或已审核的记录不能修改。")),
    "destroy": (gettext_lazy("删除%(name)s"), gettext_lazy(
        "删除一条%(name)s。仍被其他记录引用时返回 409，并列出引用它的记录。")),
    "submit": (gettext_lazy("提交%(name)s待审核"), gettext_lazy(
        "把一条草稿或被退回的%(name)s提交审核；提交后不能修改。")),
    "approve": (gettext_lazy("审核通过%(name)s"), gettext_lazy(
        "审核通过一条已提交的%(name)s（填报人不能审核自己的记录）。通过后计入统计。")),
    "return_": (gettext_lazy("退回%(name)s"), gettext_lazy(
        "把一条已提交或已审核的%(name)s退回填报人修改；须在 reason 中说明原因。")),
    "reopen": (gettext_lazy("重新打开%(name)s"), gettext_lazy(
        "把一条已审核的%(name)s改回草稿以便修改；须在 reason 中说明原因。")),
}


class RecordAutoSchema(AutoSchema):
    def _operation(self) -> tuple[str, str] | None:
        record_type = getattr(self.view, "record_type", None)
        action = getattr(self.view, "action", None)
        if record_type is None or action not in OPERATIONS:
            return None
        from django.conf import settings

        from .pagination import StrictLimitOffsetPagination

        values = {"name": record_type.verbose_name,
                  "max": getattr(settings, "XIEZUO_API_MAX_PAGE_SIZE", StrictLimitOffsetPagination.max_limit)}
        summary, description = OPERATIONS[action]
        return str(summary) % values, str(description) % values

    def _map_basic_serializer(self, serializer, direction):
        # A record type's object is described by its name, not by the serializer's docstring (which is for us).
        schema = super()._map_basic_serializer(serializer, direction)
        model = getattr(getattr(serializer, "Meta", None), "model", None)
        if model is not None and "display" in getattr(serializer, "fields", {}):
            schema["description"] = str(model._meta.verbose_name)
        return schema

    def get_summary(self):
        operation = self._operation()
        if operation is not None:
            return operation[0]
        summary = getattr(self.view, "user_summary", None)
        return str(summary) if summary else None

    def get_description(self):
        operation = self._operation()
        if operation is not None:
            return operation[1]
        description = getattr(self.view, "user_description", None)
        return str(description) if description else ""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        method = self.method.upper()
        codes = [400, 401, 403, 429]
        if self._is_detail():
            codes.append(404)
        if method == "DELETE":
            codes.append(409)
        if method in ("PUT", "PATCH"):
            codes += [409, 412, 428]
        if method in ("POST", "PUT", "PATCH"):
            codes.append(415)  # a body in a media type, or a multipart body, that cannot be read
        for code in codes:
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(ERRORS[code], str(code), direction=direction)
        return responses

    def _is_detail(self) -> bool:
        return "{" in self.path

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        # A read-only choice whose model field may be blank (e.g. a household not under monitoring) does answer
        # "": say so, or clients validating answers against the schema reject real data.
        if isinstance(field, serializers.ChoiceField) and field.read_only and not field.allow_blank:
            model = getattr(getattr(field.parent, "Meta", None), "model", None)
            try:
                blank = model is not None and model._meta.get_field(field.source).blank
            except Exception:
                blank = False
            if blank:
                field.allow_blank = True
        return super()._map_serializer_field(field, direction, bypass_extensions)


def _id_schema(auto_schema, field, direction) -> dict:
    plain = auto_schema._map_serializer_field(field, direction, bypass_extensions=True)
    return {k: v for k, v in plain.items() if k in ("type", "format")} or {"type": "integer"}


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    """Answers hold {id, display, url, page_url}; requests give the key."""

    target_class = "xiezuo.core.api_fields.BriefRelatedField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        id_schema = _id_schema(auto_schema, self.target, direction)
        name = "BriefRegion" if id_schema.get("type") == "string" else "BriefRecord"
        uri = {"type": "string", "format": "uri", "nullable": True}
        schema = {
            "type": "object",
            "description": _("关联的记录：编号、名称、API 地址和页面地址。不在您管辖范围内的记录只给出“（范围外记录）”，"
                             "其余均为 null。"),
            "properties": {"id": {**id_schema, "nullable": True}, "display": {"type": "string"},
                           "url": uri, "page_url": uri},
            "required": ["id", "display", "url", "page_url"],
        }
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        auto_schema.registry.register_on_missing(component)
        return component.ref


class LabelledChoiceFieldExtension(OpenApiSerializerFieldExtension):
    """Answers hold {value, label} (null when blank); requests give the value."""

    target_class = "xiezuo.core.api_fields.LabelledChoiceField"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        if direction == "request":
            return auto_schema._map_serializer_field(field, direction, bypass_extensions=True)
        values = [v for v in field.choices if v not in ("", None)]
        kind = "integer" if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values) else "string"
        blank = field.allow_blank or field.allow_null
        if not blank:
            model = getattr(getattr(field.parent, "Meta", None), "model", None)
            try:
                blank = model is not None and model._meta.get_field(field.source).blank
            except Exception:
                blank = False
        schema = {
            "type": "object",
            "properties": {"value": {"type": kind, "enum": values}, "label": {"type": "string"}},
            "required": ["value", "label"],
            "description": "; ".join(f"{v}: {label}" for v, label in field.choices.items() if v not in ("", None)),
        }
        if blank:
            schema["nullable"] = True
        return schema


class TokenOrBearerScheme(OpenApiAuthenticationExtension):
    target_class = "xiezuo.core.api_auth.TokenOrBearerAuthentication"
    name = "tokenAuth"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": _(
            "令牌：POST /api/token/ 用用户名和密码换取，或在“API 令牌”页面生成。请求头 Authorization: Bearer <令牌>"
            "（或 Token <令牌>）。")}
