"""Site pages that belong to no record type: home, global search, API token."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from rest_framework.authtoken.models import Token

from .home import panels
from .models import Job, Status
from .permissions import can
from .registry import REGISTRY
from .scope import get_scope


@login_required
def home(request):
    cards = []
    pending = []
    for rt in REGISTRY.values():
        qs = rt.model.objects.restrict(request.user)
        cards.append({"rt": rt, "count": qs.count() if rt.home_count else None})
        if rt.lifecycle and rt.home_count and can(request.user, "approve", rt.model):
            n = qs.filter(status=Status.SUBMITTED).count()
            if n:
                pending.append({"rt": rt, "count": n})
    return render(request, "core/home.html", {
        "cards": cards, "pending": pending, "scope": get_scope(request.user),
        "jobs": Job.objects.filter(user=request.user)[:5], "panels": panels(request),
    })


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
