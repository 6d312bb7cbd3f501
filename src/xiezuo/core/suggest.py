"""Type-ahead suggestions for the pickers of forms and filters: regions, organisations and records.

    GET /suggest/geo.region/?q=qn            → {"results": [{"value": "522700000000", "label": "黔南布依族苗族自治州",
                                                               "detail": "贵州省 · 522700000000"}], "more": false}
    GET /suggest/industry.project/?q=茶

A query matches the name in Simplified or Traditional, full pinyin or pinyin initials, or (regions) the code
or its leading digits. Only what the user may point at is ever suggested: `core.scope.linkable_regions` for
regions and `restrict(user, "link")` for organisations and records — the same rows the form's own field
accepts, so a suggestion never names a row from another area. Records show their place and organisations in
`detail`, so that thirteen projects of the same name can be told apart.
"""

from __future__ import annotations

import json

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .filtersets import text_query
from .scope import ScopeSpec, get_scope, is_scoped_model, linkable, linkable_regions
from .tables import display_text
from .text import HAN_RE, fold, is_digits, is_pinyin_query, pinyin_keys, to_simplified

LIMIT = 20
# Records without a pinyin key are matched by pinyin in Python over at most this many linkable names.
PINYIN_SCAN_LIMIT = 5000


def suggest_kind(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def suggest_url(model) -> str:
    return reverse("suggest", kwargs={"kind": suggest_kind(model)})


def pickable(model) -> bool:
    """Regions, and the area-scoped models (organisations, records): the only kinds the endpoint answers."""
    return model is apps.get_model("geo", "Region") or is_scoped_model(model)


def _model_for(kind: str):
    try:
        model = apps.get_model(kind)
    except (LookupError, ValueError):
        raise Http404(kind) from None
    if not pickable(model):
        raise Http404(kind)
    return model


def _region_label(region) -> str:
    return display_text(region.name)


def _region_detail(region) -> str:
    parent = region.parent
    parts = []
    if parent is not None:
        grand = parent.parent
        parts.append(display_text(f"{grand.name}{parent.name}" if grand is not None and grand.level > 1
                                  else parent.name))
    parts.append(region.code)
    return " · ".join(parts)


def suggest_regions(user, query: str, limit: int = LIMIT) -> tuple[list[dict], bool]:
    region = apps.get_model("geo", "Region")
    allowed = linkable_regions(user)
    query = query.strip()
    if not query:
        return [], False
    if is_digits(query[:1]):
        digits = query.split(" ")[0]
        qs = allowed.filter(code__startswith=digits)
    else:
        qs = allowed.filter(text_query(region, query, ("name",)))
    # The user's own area first, then current regions, then higher levels (a county before its villages).
    scope = get_scope(user)
    own = Q(pk__in=[])
    for prefix in scope.region_prefixes if not scope.everything else ():
        own |= Q(code__startswith=prefix)
    qs = qs.annotate(own=Case(When(own, then=Value(0)), default=Value(1), output_field=IntegerField()))
    qs = qs.select_related("parent__parent").order_by("own", F("valid_to").asc(nulls_first=True), "level", "code")
    rows = list(qs[: limit + 1])
    results = [{"value": r.code, "label": _region_label(r), "detail": _region_detail(r)} for r in rows[:limit]]
    return results, len(rows) > limit


def _direct_paths(paths) -> list[str]:
    return [p for p in paths if "__" not in p]


def _detail_fields(model) -> tuple[list[str], list[str]]:
    """(region fields, organisation fields) that tell one record from another: where it is and who is in it."""
    spec: ScopeSpec | None = getattr(model, "scope", None)
    if spec is None:
        return [], []
    if spec.is_organisation:
        return ["region"], []
    return _direct_paths(spec.regions)[:2], _direct_paths(spec.organisations)[:1]


def _names(obj, name: str, visibility) -> list[str]:
    f = obj._meta.get_field(name)
    if f.many_to_many:
        return [_place_name(o, visibility) for o in getattr(obj, name).all()][:3]
    value = getattr(obj, name)
    return [] if value is None else [_place_name(value, visibility)]


def _place_name(obj, visibility) -> str:
    """A township or village with its county (平塘县中和镇): alone, its name says little."""
    if getattr(obj, "level", 0) >= 4 and getattr(obj, "parent_id", None):
        return f"{obj.parent.name}{obj.name}"
    return visibility.name(obj)


def _record_detail(obj, regions, organisations, visibility) -> str:
    parts = []
    for name in regions + organisations:
        names = _names(obj, name, visibility)
        if names:
            parts.append("、".join(display_text(n) for n in names))
    year = getattr(obj, "year", None)
    if isinstance(year, int):
        parts.append(str(year))
    return " · ".join(parts)


def _pinyin_matches(qs, query: str, name_field: str, limit: int) -> list:
    """Primary keys of rows whose name's full pinyin or initials hold `query` (records keep no pinyin key)."""
    key = fold(query)
    out = []
    for pk, name in qs.values_list("pk", name_field)[:PINYIN_SCAN_LIMIT]:
        full, initials = pinyin_keys(str(name or ""))
        if key in full or (len(key) > 1 and key in initials) or initials.startswith(key):
            out.append(pk)
            if len(out) > limit:
                break
    return out


def suggest_records(model, user, query: str, limit: int = LIMIT) -> tuple[list[dict], bool]:
    from .scope import Visibility

    query = query.strip()
    if not query:
        return [], False
    qs = linkable(model, user)
    field_names = {f.name for f in model._meta.get_fields()}
    name_field = next((n for n in ("name", "title") if n in field_names), None)
    rt = getattr(model, "record_type", None)
    search_fields = tuple(getattr(rt.filterset, "search_fields", ()) if rt is not None else ()) or \
        ((name_field,) if name_field else ())
    match = text_query(model, query, search_fields)
    if is_digits(query) and len(query) < 18:
        match |= Q(pk=int(query))
    if "search_key" not in field_names and name_field and is_pinyin_query(query):
        match |= Q(pk__in=_pinyin_matches(qs, query, name_field, limit))
    regions, organisations = _detail_fields(model)
    related = [n for n in regions + organisations if not model._meta.get_field(n).many_to_many]
    related += [f"{n}__parent" for n in regions if not model._meta.get_field(n).many_to_many]
    many = [n for n in regions + organisations if model._meta.get_field(n).many_to_many]
    qs = qs.filter(match).select_related(*related).prefetch_related(*many)
    order = [name_field, "pk"] if name_field else ["-pk"]
    rows = list(qs.order_by(*order)[: limit + 1])
    visibility = Visibility(user)
    visibility.prefetch_related(rows[:limit], regions + organisations)
    results = [{"value": str(obj.pk), "label": display_text(str(obj)),
                "detail": _record_detail(obj, regions, organisations, visibility)} for obj in rows[:limit]]
    return results, len(rows) > limit


@require_GET
@login_required
def suggest(request, kind: str):
    """JSON suggestions for one picker; empty for an empty query."""
    model = _model_for(kind)
    query = request.GET.get("q", "")[:100]
    if model is apps.get_model("geo", "Region"):
        results, more = suggest_regions(request.user, query)
    else:
        results, more = suggest_records(model, request.user, query)
    return JsonResponse({"results": results, "more": more}, json_dumps_params={"ensure_ascii": False})


def choice_readings(choices) -> dict[str, str]:
    """value → "full pinyin|initials" of each Chinese choice label (the picker matches typed pinyin on them)."""
    out = {}
    for value, label in choices:
        text = to_simplified(str(label))
        if value not in (None, "") and HAN_RE.search(text):
            full, initials = pinyin_keys(text)
            out[str(value)] = f"{full}|{initials}"
    return out


def mark_filter_pickers(filterset) -> None:
    """A list's filters become type-ahead pickers too: organisation and record choices, region-code boxes (the
    picker writes the code alone: `data-value-only`) and organisation-number boxes (`…编号（含下属）`: the box
    is hidden and keeps the number, the picker shows the name)."""
    from django import forms

    from .filtersets import RegionCodeField

    region = apps.get_model("geo", "Region")
    form = filterset.form
    for name, flt in filterset.filters.items():
        f = form.fields.get(name)
        if f is None:
            continue
        method = flt.method if isinstance(flt.method, str) else getattr(flt.method, "__name__", "")
        if isinstance(f, forms.MultipleChoiceField) and not isinstance(f, forms.ModelChoiceField) \
                and len(f.choices) <= 100:
            # Several of a few fixed choices: chips and type-to-filter instead of a Ctrl-click list.
            f.widget.attrs.setdefault("data-suggest", "local")
            f.widget.attrs.setdefault("placeholder", _("选择，或输入以筛选"))
            # Typed pinyin or initials find a choice too (`gdjg` → 广东技工), as they find records and places.
            f.widget.attrs["data-pinyin"] = json.dumps(choice_readings(f.choices), ensure_ascii=False)
        elif isinstance(f, forms.ModelChoiceField) and pickable(f.queryset.model):
            f.widget.attrs.setdefault("data-suggest", suggest_url(f.queryset.model))
        elif isinstance(f, RegionCodeField):
            f.widget.attrs.setdefault("data-suggest", suggest_url(region))
            f.widget.attrs["data-value-only"] = "1"
            f.widget.attrs.setdefault("placeholder", _("名称、拼音或代码"))
        elif method == "by_organisation":
            organisation = _organisation_model()
            if organisation is None:
                continue
            f.widget.input_type = "text"
            f.widget.attrs.update({"data-suggest": suggest_url(organisation), "data-picker-hidden": "1"})
            value = form.data.get(name, "") if form.is_bound else ""
            if is_digits(str(value)) and len(str(value)) < 19:
                chosen = organisation.objects.restrict(getattr(filterset.request, "user", None), "view").filter(pk=int(value)).first()
                if chosen is not None:
                    f.widget.attrs["data-initial-label"] = display_text(str(chosen))


def _organisation_model():
    try:
        return apps.get_model("partners", "Organisation")
    except LookupError:
        return None
