"""Site pages that belong to no record type: home, global search, API token."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from rest_framework.authtoken.models import Token

from .home import panels, scope_names
from .models import Job, Status
from .permissions import can
from .registry import REGISTRY
from .scope import get_scope


@login_required
def home(request):
    from .figures import cached

    # The counts change only with a write: kept per reader's area until the next one (see core/figures.py).
    counts = cached(request.user, "home", lambda: _home_counts(request.user))
    cards = [{"rt": REGISTRY[key], "count": n} for key, n, _p in counts if key in REGISTRY]
    pending = [{"rt": REGISTRY[key], "count": p} for key, _n, p in counts if p and key in REGISTRY]
    return render(request, "core/home.html", {
        "cards": cards, "pending": pending, "scope": get_scope(request.user),
        "scope_names": scope_names(get_scope(request.user)),
        "jobs": Job.objects.filter(user=request.user)[:5], "panels": panels(request),
    })


def _home_counts(user) -> list[tuple[str, int | None, int]]:
    """(record type, records in the user's area, submitted records awaiting the user's review)."""
    out = []
    for rt in REGISTRY.values():
        qs = rt.model.objects.restrict(user)
        pending = 0
        if rt.lifecycle and rt.home_count and can(user, "approve", rt.model):
            pending = qs.filter(status=Status.SUBMITTED).count()
        out.append((rt.key, qs.count() if rt.home_count else None, pending))
    return out


@login_required
def search(request):
    """One box over every record type, inside the user's area only (see core/search.py), and the regions."""
    query = request.GET.get("q", "").strip()
    groups = []
    if query:
        from xiezuo.geo.views import search_regions

        from .search import search_records

        groups = search_records(request.user, query)

        regions = list(search_regions(query, limit=20, user=request.user))
    else:
        regions = []
    return render(request, "core/search.html", {"query": query, "groups": groups, "regions": regions})


@login_required
def api_token(request):
    token = None
    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        token = Token.objects.create(user=request.user)
    return render(request, "core/api_token.html", {"token": token,
                                                   "has_token": Token.objects.filter(user=request.user).exists()})


def healthz(request):
    """For a load balancer or monitor: 200 when this process can reach its database, 503 when it cannot."""
    from django.db import DatabaseError, connection
    from django.http import HttpResponse

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
