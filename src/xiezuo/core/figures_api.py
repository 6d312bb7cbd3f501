"""`/api/figures/`: the figures of an organisation, a pairing or a region, from the figure registry."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from . import figures as registry
from .cooperation import request_options, subject_object
from .figures import SUBJECTS, Subject

DESCRIPTION = """Figures of one subject — an organisation (with the units it supervises), a pairing or a region —
for a period, computed from the records in the reader's area, exactly as the cooperation pages show them.

Only **approved** records count unless `include_unapproved=true`; every figure then says so
(`unapproved: true`, and its label ends with “（含未审核）”). Each figure carries the list page and the API
list of exactly the records it counts (`url`, `api_url`). A subject outside the reader's area answers 404.
Money (`money: true`) is in yuan, as a decimal string. The visits of a pairing count in both directions:
`exchange.trips` counts each visit once, `exchange.trips_east_west` (helper side to the helped area) and
`exchange.trips_west_east` (helped side to the helper area) split it by the way it went."""


def _catalogue() -> str:
    """The declared figures, for the schema (the registry is complete once the URLs load)."""
    lines = ["", "", "| key | figure | subjects | what is counted |", "|---|---|---|---|"]
    for spec in registry.specs():
        lines.append(f"| `{spec.key}` | {spec.label} | {', '.join(spec.subjects)} | {spec.description} |")
    return "\n".join(lines)

FIGURE_FIELDS = {
    "key": serializers.CharField(help_text="Stable name, e.g. exchange.trips"),
    "label": serializers.CharField(),
    "unit": serializers.CharField(help_text="Unit of a count (次, 项, 人…); empty for money (yuan)"),
    "money": serializers.BooleanField(),
    "value": serializers.CharField(help_text="An integer, or a decimal string of yuan when money is true"),
    "unapproved": serializers.BooleanField(help_text="Drafts and submitted records are included"),
    "description": serializers.CharField(),
    "url": serializers.CharField(help_text="List page of the records counted"),
    "api_url": serializers.CharField(help_text="API list of the records counted"),
}
RESPONSE = inline_serializer("Figures", fields={
    "subject": serializers.DictField(), "since": serializers.DateField(allow_null=True),
    "until": serializers.DateField(allow_null=True), "include_unapproved": serializers.BooleanField(),
    "figures": inline_serializer("Figure", fields=FIGURE_FIELDS, many=True),
})


class FiguresView(APIView):
    @extend_schema(
        operation_id="figures", summary="Figures of an organisation, a pairing or a region",
        description=DESCRIPTION + _catalogue(),
        tags=["figures"], responses={200: RESPONSE, 404: None},
        parameters=[
            OpenApiParameter("subject", OpenApiTypes.STR, enum=list(SUBJECTS), required=True,
                             description="What the figures are about"),
            OpenApiParameter("id", OpenApiTypes.STR, required=True,
                             description="Organisation or pairing id, or the 12-digit region code"),
            OpenApiParameter("since", OpenApiTypes.DATE, description="First day of the period (inclusive)"),
            OpenApiParameter("until", OpenApiTypes.DATE, description="Last day of the period (inclusive)"),
            OpenApiParameter("include_unapproved", OpenApiTypes.BOOL,
                             description="Count drafts and submitted records too (figures are then labelled)"),
            OpenApiParameter("facts", OpenApiTypes.BOOL, description="Leave out synthetic demo records"),
            OpenApiParameter("key", OpenApiTypes.STR, many=True, description="Only these figures (repeatable)"),
        ])
    def get(self, request):
        kind = request.query_params.get("subject")
        if kind not in SUBJECTS or not request.query_params.get("id"):
            raise ValidationError({"subject": f"subject= one of {', '.join(SUBJECTS)}, and id= are required"})
        obj = subject_object(request.user, kind, request.query_params["id"], public_regions=False)
        since, until, options = request_options(request.query_params)
        keys = request.query_params.getlist("key") or None
        if keys:
            unknown = [k for k in keys if k not in {s.key for s in registry.specs(kind)}]
            if unknown:
                raise ValidationError({"key": f"no such figure for a {kind}: {', '.join(unknown)}"})
        found = registry.figures(request.user, Subject(kind, obj, since, until), options, keys=keys)
        absolute = request.build_absolute_uri
        return Response({
            "subject": {"kind": kind, "id": str(getattr(obj, "pk", "")), "name": str(obj)},
            "since": since, "until": until, "include_unapproved": options.include_unapproved,
            "figures": [{
                "key": f.key, "label": f.display_label, "unit": str(f.unit), "money": f.money,
                "value": str(f.value) if f.money else f.value, "unapproved": f.unapproved,
                "description": str(registry.FIGURES[f.key].description),
                "url": absolute(f.url), "api_url": absolute(f.api_url)} for f in found],
        })
