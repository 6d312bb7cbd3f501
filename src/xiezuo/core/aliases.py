"""Spellings of enumerated values met in other systems' exports, mapped to the product's values, kept as data.

A county's export of the national system writes relations to the head as 之孙子, 之父, 之外孙女 … where the
product stores `grandchild`, `parent`; administrators add such spellings on one page (`/import/aliases/`)
instead of waiting for a release. Both imports read them: the registry bulk import maps each column's distinct
values once per chunk (set-based), the generic import maps a cell before its form sees it. A field is named
`app_label.model.field` (e.g. `registry.member.relation`); the value is one of the field's stored choices.
"""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .text import fold, is_digits


class ValueAlias(models.Model):
    field = models.CharField(_lazy("字段"), max_length=100, db_index=True)
    spelling = models.CharField(_lazy("外部写法"), max_length=100)
    value = models.CharField(_lazy("对应取值"), max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "core"
        verbose_name = _lazy("取值对照")
        verbose_name_plural = _lazy("取值对照")
        ordering = ("field", "spelling")
        constraints = [models.UniqueConstraint(fields=("field", "spelling"), name="core_valuealias_unique")]

    def __str__(self) -> str:
        return f"{self.field}: {self.spelling} → {self.value}"


def aliases(field_key: str) -> dict[str, str]:
    """Folded spelling → stored value of one field (one query; read once per import)."""
    return {fold(s): v for s, v in ValueAlias.objects.filter(field=field_key).values_list("spelling", "value")}


def choice_fields() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """field key → (its label, its choices) for every field with choices of a registered record type."""
    from .registry import REGISTRY

    out = {}
    for rt in REGISTRY.values():
        for f in rt.model._meta.get_fields():
            if getattr(f, "choices", None) and getattr(f, "concrete", False) and f.name != "status":
                key = f"{rt.model._meta.label_lower}.{f.name}"
                out[key] = (f"{rt.model._meta.verbose_name} · {f.verbose_name}",
                            [(str(v), str(lbl)) for v, lbl in f.flatchoices])
    return dict(sorted(out.items()))


class AliasForm(forms.Form):
    field = forms.ChoiceField(label=_lazy("字段"))
    spelling = forms.CharField(label=_lazy("外部写法"), max_length=100)
    value = forms.CharField(label=_lazy("对应取值"), max_length=50, help_text=_lazy("填写系统中的可选值名称，如“孙子女”"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = choice_fields()
        self.fields["field"].choices = [(k, label) for k, (label, _c) in self.known.items()]

    def clean(self):
        data = super().clean()
        key, text = data.get("field"), (data.get("value") or "").strip()
        if not key or not text:
            return data
        choices = self.known[key][1]
        match = next((v for v, lbl in choices if fold(text) in (fold(v), fold(lbl))), None)
        if match is None:
            self.add_error("value", _("“%(value)s”不是该字段的可选值（可选：%(allowed)s）") % {
                "value": text, "allowed": "、".join(lbl for _v, lbl in choices)})
        data["value"] = match
        if data.get("spelling") and ValueAlias.objects.filter(field=key, spelling=data["spelling"].strip()).exists():
            self.add_error("spelling", _("该写法已有对照"))
        return data


def _may_edit(user) -> bool:
    from .scope import get_scope

    return user.is_authenticated and (user.is_superuser or get_scope(user).role == "admin")


def page(request):
    from .audit import diff, record_change, snapshot
    from .models import ChangeRecord

    """The list of spellings by field; administrators add and remove them."""
    if not request.user.is_authenticated:
        return redirect(f"/login/?next={request.path}")
    editable = _may_edit(request.user)
    form = AliasForm()
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if "delete" in request.POST:
            number = request.POST["delete"]
            alias = ValueAlias.objects.filter(pk=int(number)).first() if is_digits(number) and len(number) < 19 \
                else None
            if alias is not None:
                with transaction.atomic():
                    record_change(alias, ChangeRecord.Action.DELETE, request.user, diff(snapshot(alias), {}))
                    alias.delete()
            return redirect(request.path)
        form = AliasForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                alias = ValueAlias.objects.create(field=form.cleaned_data["field"],
                                                  spelling=form.cleaned_data["spelling"].strip(),
                                                  value=form.cleaned_data["value"])
                record_change(alias, ChangeRecord.Action.CREATE, request.user, diff({}, snapshot(alias)))
            return redirect(request.path)
    known = form.known
    rows = [(a, known.get(a.field, (a.field, []))[0],
             dict(known.get(a.field, ("", []))[1]).get(a.value, a.value)) for a in ValueAlias.objects.all()]
    # Who added or removed which spelling: an import's result depends on this table.
    changes = ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(ValueAlias)) \
        .select_related("user").order_by("-time")[:50]
    return render(request, "core/value_aliases.html", {"rows": rows, "form": form, "editable": editable,
                                                       "changes": changes})


