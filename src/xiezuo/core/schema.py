"""The OpenAPI schema: record operations document the error answers they can give, so clients (and the
schemathesis run in CI) know them: 400 bad input, 403 role or lock, 404 outside the area, 409 still referenced,
412 edited meanwhile, 428 an edit naming no version."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
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
    400: OpenApiResponse(_invalid, description="输入有误（字段错误或无法处理的字符）"),
    401: OpenApiResponse(_detail, description="未登录或令牌无效"),
    403: OpenApiResponse(_detail, description="角色或记录状态不允许此操作"),
    404: OpenApiResponse(_detail, description="记录不存在或不在您的管辖范围内"),
    409: OpenApiResponse(_conflict, description="记录仍被其他记录引用"),
    412: OpenApiResponse(_detail, description="记录已被他人修改（版本不符）"),
    428: OpenApiResponse(_detail, description="修改未注明所依据的版本（If-Match 或 version）"),
    429: OpenApiResponse(_detail, description="请求过于频繁"),
}


class RecordAutoSchema(AutoSchema):
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
