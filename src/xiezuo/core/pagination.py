"""API paging that refuses what it cannot use: `limit=abc` or `offset=-3` is a 400, not silently ignored.

A page holds at most `XIEZUO_API_MAX_PAGE_SIZE` records (1000 unless configured): `?limit=70000` answers that
many, with `next` leading on, as the `limit` parameter's description in the schema says. A larger page would
keep a server process busy for tens of seconds and send tens of megabytes at once.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    max_limit = 1000

    def get_max_limit(self) -> int:
        return getattr(settings, "XIEZUO_API_MAX_PAGE_SIZE", self.max_limit)

    def _number(self, request, name: str):
        raw = request.query_params.getlist(name)
        if not raw:
            return None
        if len(raw) > 1 or not raw[0].isascii() or not raw[0].isdigit():
            raise ValidationError({name: [_("须为一个非负整数。")]})
        return int(raw[0])

    def get_limit(self, request):
        limit = self._number(request, self.limit_query_param)
        if limit is None:
            return self.default_limit
        if limit == 0:
            raise ValidationError({self.limit_query_param: [_("须为正整数。")]})
        return min(limit, self.get_max_limit())

    def get_offset(self, request):
        offset = self._number(request, self.offset_query_param)
        return offset or 0

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["description"] = _(
                    "每页条数，默认 %(default)s，最多 %(max)s；更大的值按 %(max)s 计（用 next 翻页）。") % {
                    "default": self.default_limit, "max": self.get_max_limit()}
            elif parameter["name"] == self.offset_query_param:
                parameter["description"] = _("从第几条开始（0 为第一条）。")
        return parameters
