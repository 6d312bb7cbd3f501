"""The channel's own pages: monthly sales as JSON for the charts, and the panels on detail pages."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import JsonResponse, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from xiezuo.core.figures import cached, pairing_sides
from xiezuo.core.tables import yuan_to_wan

from .counting import once
from .filtersets import SaleFilterSet
from .models import Product, Sale, TourismProject


def _by_month(qs) -> dict[str, Decimal]:
    rows = Sale._base_manager.filter(pk__in=qs.values("pk")).values("month").annotate(total=Sum("amount"))
    return {f"{r['month']:%Y-%m}": r["total"] or Decimal(0) for r in rows}


def monthly(user, params: dict) -> dict:
    """Monthly sales of the records the sale list shows with `params` (approved only unless `status` is given):
    what was reported, and what counts (certified product, one report per invoice or contract)."""
    params = {k: v for k, v in params.items() if k not in ("counted", "once")}
    params.setdefault("status", "approved")
    base = SaleFilterSet(QueryDict(urlencode(params, doseq=True)), queryset=Sale.objects.restrict(user))
    if not base.is_valid():
        raise ValueError(base.errors)
    counted_fs = SaleFilterSet(QueryDict(urlencode({**params, "counted": "true", "once": "true"}, doseq=True)),
                               queryset=Sale.objects.restrict(user))
    reported, counted = _by_month(base.qs), _by_month(counted_fs.qs)
    months = sorted(set(reported) | set(counted))
    def wan(series):
        return [float(round(Decimal(series.get(m, 0)) / 10000, 2)) for m in months]

    return {"months": months, "counted": wan(counted), "reported": wan(reported),
            "labels": {"counted": _("计入消费帮扶（万元）"), "reported": _("报送合计（万元）"), "unit": _("万元")},
            "total_counted": str(sum((counted.get(m, 0) for m in months), Decimal(0))),
            "total_reported": str(sum((reported.get(m, 0) for m in months), Decimal(0)))}


def kept_monthly(user, params: dict) -> dict:
    """`monthly`, kept for the reader's area until the next write (core/figures.py cached): the panels of
    channel, pairing and producer pages ask it on every view, and counting it takes PostgreSQL tens of ms."""
    name = "consumption.monthly:" + urlencode(sorted((k, str(v)) for k, v in params.items()))
    return cached(user, name, lambda: monthly(user, params), area_only=True)


@login_required
def monthly_json(request):
    try:
        data = kept_monthly(request.user, {k: request.GET.getlist(k) if k == "status" else v
                                           for k, v in request.GET.items()})
    except ValueError:
        return JsonResponse({"error": _("参数有误。")}, status=400)
    return JsonResponse(data)


def chart_url(**params) -> str:
    return f"{reverse('consumption:sale_monthly')}?{urlencode(params)}"


def channel_context(request, channel) -> dict:
    data = kept_monthly(request.user, {"channel": channel.pk})
    return {"chart_url": chart_url(channel=channel.pk), "chart_title": _("该渠道分月销售"),
            "sales_url": f"{reverse('consumption:sale_list')}?channel={channel.pk}", **_totals(data)}


def pairing_chart(request, pairing) -> dict:
    east, west = pairing_sides(pairing)
    data = kept_monthly(request.user, {"origin": west, "east": east})
    return {"chart_url": chart_url(origin=west, east=east), "chart_title": _("消费帮扶分月销售"),
            "sales_url": f"{reverse('consumption:sale_list')}?origin={west}&east={east}", **_totals(data)}


def _totals(data: dict) -> dict:
    return {"total_counted": yuan_to_wan(data["total_counted"]), "total_reported": yuan_to_wan(data["total_reported"]),
            "has_sales": bool(data["months"])}


def sale_context(request, sale) -> dict:
    same = [s for s in sale.same_document() if Sale.objects.restrict(request.user).filter(pk=s.pk).exists()]
    first = min([sale, *sale.same_document()], key=lambda s: s.pk)
    return {"problem": sale.count_problem(), "same": same, "first": first, "is_first": first.pk == sale.pk}


def product_context(request, product) -> dict:
    qs = Sale.objects.restrict(request.user).filter(product=product, status="approved")
    total = once(qs).aggregate(s=Sum("amount"))["s"] or 0
    return {"sales_url": f"{reverse('consumption:sale_list')}?product={product.pk}", "sales_total": yuan_to_wan(total),
            "sales_count": qs.count(), "linked_households": product.beneficiary_households.count()}


def producer_context(request, org) -> dict:
    products = Product.objects.restrict(request.user).filter(producer__path__startswith=org.path)
    if not products.exists():
        return {"show": False}
    data = kept_monthly(request.user, {"organisation": org.pk})
    return {"show": True, "products": products[:50], "product_count": products.count(),
            "products_url": f"{reverse('consumption:product_list')}?organisation={org.pk}",
            "chart_url": chart_url(organisation=org.pk), "chart_title": _("产品分月销售"),
            "sales_url": f"{reverse('consumption:sale_list')}?organisation={org.pk}", **_totals(data)}


def tourism_project_context(request, tp) -> dict:
    """The industrial project a tourism project is linked to (investors and money are the project's)."""
    project = tp.project
    if project is None:
        return {"linked": None, "linked_hidden": False}
    visible = type(project).objects.restrict(request.user).filter(pk=project.pk).exists()
    if not visible:
        return {"linked": None, "linked_hidden": True}
    return {"linked": project, "linked_hidden": False, "linked_region": project.region,
            "linked_investors": list(project.investors.restrict(request.user)),
            "linked_investors_hidden": project.investors.count() - project.investors.restrict(request.user).count()}


def project_tourism_context(request, project) -> dict:
    """On an industrial project's page: the tourism projects linked to it (the link is held by tourism)."""
    mine = TourismProject.objects.restrict(request.user).filter(project=project).select_related("region")
    return {"tourism_projects": list(mine),
            "tourism_list_url": f"{reverse('consumption:tourismproject_list')}?project={project.pk}",
            "tourism_hidden": TourismProject._base_manager.filter(project=project).count() - len(mine)}


def household_products_context(request, household) -> dict:
    """On a registered household's page: the certified products it benefits from."""
    products = Product.objects.restrict(request.user).filter(beneficiary_households=household) \
        .select_related("producer", "region")
    return {"benefit_products": list(products),
            "benefit_products_url": f"{reverse('consumption:product_list')}?household={household.number}"}

