"""The sign-in page (throttled, every attempt that matters recorded) and the administrators' list of sign-in events."""

from __future__ import annotations

import math
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .scope import get_scope
from .signin import SigninEvent, client_address, failures, locked, normal_username, note_failure, record


def _minutes_left(username: str, address: str, why: str) -> int:
    limit = settings.XIEZUO_SIGNIN_MAX_FAILURES if why == "account" else settings.XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES
    qs = SigninEvent.objects.filter(kind=SigninEvent.Kind.FAILURE)
    qs = qs.filter(username=normal_username(username)) if why == "account" else qs.filter(address=address)
    # The lock ends when the limit-th most recent failure leaves the window.
    edge = qs.order_by("-at").values_list("at", flat=True)[limit - 1:limit].first()
    if edge is None:
        return 1
    ends = edge + timezone.timedelta(minutes=settings.XIEZUO_SIGNIN_WINDOW_MINUTES)
    return max(1, math.ceil((ends - timezone.now()).total_seconds() / 60))


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses while the account or the address is locked (even the right password); records failures."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        why = locked(username, address)
        if why:
            record(SigninEvent.Kind.REFUSED, username, address, detail=why)
            minutes = _minutes_left(username, address, why)
            if why == "account":
                message = _("该账号登录失败次数过多，已暂时锁定。请 %(minutes)d 分钟后再试，或联系管理员。")
            else:
                message = _("此网络地址登录失败次数过多，已暂时禁止登录。请 %(minutes)d 分钟后再试。")
            raise ValidationError(message % {"minutes": minutes}, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            if self.cleaned_data.get("password") is not None:
                user = get_user_model().objects.filter(username=username).first()
                note_failure(username, address, user=user)
            raise


class SigninView(auth_views.LoginView):
    template_name = "core/login.html"
    form_class = ThrottledAuthenticationForm

    def form_valid(self, form):
        response = super().form_valid(form)
        record(SigninEvent.Kind.SUCCESS, form.get_user().get_username(), client_address(self.request),
               user=form.get_user())
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        context["throttled"] = bool(form is not None and form.is_bound and form.has_error(NON_FIELD_ERRORS, "throttled"))
        return context


def visible_events(user):
    """Superusers see every event; an administrator those of accounts in their area (never unknown names)."""
    scope = get_scope(user)
    if scope.everything:
        return SigninEvent.objects.all()
    if scope.role != "admin":
        return None
    q = Q(pk__in=[])
    for prefix in scope.region_prefixes:
        q |= Q(user__profile__regions__code__startswith=prefix)
    for path in scope.organisation_paths:
        q |= Q(user__profile__organisation__path__startswith=path)
    return SigninEvent.objects.filter(pk__in=SigninEvent.objects.filter(q).values("pk"))


@login_required
def signin_events(request):
    qs = visible_events(request.user)
    if qs is None:
        raise PermissionDenied(_("只有管理员可以查看登录记录。"))
    username = request.GET.get("username", "").strip()
    address = request.GET.get("address", "").strip()
    kind = request.GET.get("kind", "")
    if username:
        qs = qs.filter(username__icontains=username.lower())
    if address:
        qs = qs.filter(address__startswith=address)
    if kind in SigninEvent.Kind.values:
        qs = qs.filter(kind=kind)
    page = Paginator(qs.select_related("user").order_by("-at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(request, "core/signin_events.html", {
        "page": page, "username": username, "address": address, "kind": kind, "kinds": SigninEvent.Kind.choices,
        "window": settings.XIEZUO_SIGNIN_WINDOW_MINUTES, "max_failures": settings.XIEZUO_SIGNIN_MAX_FAILURES,
        "recent_failures": failures() if get_scope(request.user).everything else None,
        "query": urlencode({k: v for k, v in (("username", username), ("address", address), ("kind", kind)) if v}),
    })
