"""API paging that refuses what it cannot use: `limit=abc` or `offset=-3` is a 400, not silently ignored."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    max_limit = 1000

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
        return min(limit, self.max_limit)

    def get_offset(self, request):
        offset = self._number(request, self.offset_query_param)
        return offset or 0
