"""The API field of every channel that names a person by ID number (the form's is in `people/forms.py`)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import serializers

from xiezuo.core import idcard


class PersonSerializerMixin(serializers.Serializer):
    """The API shows the masked number only; `id_number` is write-only and required on a create."""

    id_number = serializers.CharField(write_only=True, required=False)
    id_masked = serializers.CharField(read_only=True)

    def validate_id_number(self, value):
        try:
            return idcard.validate(value)
        except idcard.InvalidIdNumber as exc:
            raise serializers.ValidationError(str(exc)) from None

    def validate(self, attrs):
        if self.instance is None and not attrs.get("id_number"):
            raise serializers.ValidationError({"id_number": _("须填写身份证号")})
        return super().validate(attrs)
