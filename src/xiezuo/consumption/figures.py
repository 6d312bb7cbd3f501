"""Figures of consumption cooperation, declared once for every page, the API and exports (see core/figures.py).

Sales count only when the product was certified on the date of sale (`counted=true`) and once per invoice or
contract (`once=true`, applied after every other filter, so among approved reports the first one counts). The
figure's link is the sale list with exactly those parameters.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import FIGURES, column, figure, narrowed, selected, table

BOTH = ("organisation", "pairing")
# Sales: an organisation's (channel operator, seller, buyer or producer, with supervised units); a pairing's
# (products from the helped side sold through channels, or to buyers, of the helper side); a region's (its
# products, or its channels).
SALES = {"organisation": lambda s: {"organisation": s.obj.pk},
         "pairing": lambda s: {"origin": s.west, "east": s.east},
         "region": lambda s: {"region": s.obj.code}}
COUNTED = narrowed(SALES, counted="true", once="true")


def _certified(s) -> str | list[str]:
    """Certified products: those certified now; over a period, those whose certification began in it (one
    withdrawn since was certified then, and its sales of that period count)."""
    return ["certified", "withdrawn"] if s.since or s.until else "certified"


PRODUCTS = {"organisation": lambda s: {"organisation": s.obj.pk, "stage": _certified(s)},
            "pairing": lambda s: {"region": s.west, "stage": _certified(s)},
            "region": lambda s: {"region": s.obj.code, "stage": _certified(s)}}
RESTAURANTS = {"organisation": lambda s: {"organisation": s.obj.pk, "kind": "restaurant"},
               "pairing": lambda s: {"served": s.west, "east": s.east, "kind": "restaurant"},
               "region": lambda s: {"region": s.obj.code, "kind": "restaurant"}}
SALE = "consumption.Sale"

figure("consumption.products", _("认定产品"), "consumption.Product", PRODUCTS, unit=_("种"), panel=BOTH, order=500,
       description=_("认定为消费帮扶（扶贫）产品的个数；按认定有效期起始日期计入期间，期间内认定、其后撤销的产品也计入。"))
figure("consumption.sales", _("消费帮扶销售额"), SALE, COUNTED, money=True, total="amount", panel=BOTH, order=510,
       description=_("认定产品在认定有效期内的销售额（元；页面以万元显示）；同一发票或合同多方报送只计一次。"))
figure("consumption.government", _("其中政府采购"), SALE, narrowed(COUNTED, government="true"), money=True,
       total="amount", order=511,
       description=_("买方为预算单位（党政机关、事业单位等）的计入销售额；同一发票或合同只计一次。"))
figure("consumption.reported", _("报送销售额（未核减）"), SALE, SALES, money=True, total="amount", order=512,
       description=_("各方报送的销售额合计，含未认定产品和重复报送；与计入数之差即核减部分。"))
figure("consumption.not_counted", _("不计入的销售额"), SALE, narrowed(SALES, counted="false"), money=True,
       total="amount", order=513,
       description=_("产品未认定、只报类别或销售日期不在认定有效期内的销售额，单列备查。"))
figure("consumption.duplicates", _("重复报送（只计一次）"), SALE, narrowed(SALES, once="false"), unit=_("条"),
       order=514, description=_("同一发票或合同已有更早报送、不再重复计入的报送条数。"))
figure("consumption.restaurants", _("黔菜餐厅"), "consumption.Channel", RESTAURANTS, unit=_("家"), panel=BOTH,
       order=520, description=_("在东部开设的黔菜餐厅家数，按开业日期计入期间。"))


def _links(products):
    through = apps.get_model("consumption", "Product").beneficiary_households.through
    return through.objects.filter(product_id__in=products.values("pk"))


def registered_households(qs, subject) -> int:
    """Distinct registered households linked to the products counted (a household of two products once)."""
    return _links(qs).values("household_id").distinct().count()


def households(qs, subject) -> int:
    """Households benefiting: the registered households linked (distinct) where a product names them, and the
    number typed for a product that names none."""
    product = apps.get_model("consumption", "Product")
    linked = _links(qs)
    typed = product._base_manager.filter(pk__in=qs.values("pk")).exclude(pk__in=linked.values("product_id")) \
        .aggregate(s=Sum("households"))["s"] or 0
    return registered_households(qs, subject) + typed


figure("consumption.households", _("认定产品带动贫困户"), "consumption.Product", PRODUCTS, unit=_("户"),
       compute=households, order=502,
       description=_("认定产品带动的贫困户：已关联建档立卡户的产品按关联的户计（多个产品关联同一户只计一次），"
                     "未关联的产品按填报的带动户数计。"))
figure("consumption.registered_households", _("其中已关联建档立卡户"), "consumption.Product",
       narrowed(PRODUCTS, registered="true"), unit=_("户"), compute=registered_households, order=503,
       description=_("认定产品关联的建档立卡户（按户编号去重）；链接列出关联了建档立卡户的产品。"))
# Tourism: visitors (人次 as reported by the destination, summed; no person is recorded) and special trains/flights.
VISITORS = {"pairing": lambda s: {"region": s.west, "east": s.east},
            "region": lambda s: {"region": s.obj.code}}
figure("consumption.visitors", _("东部游客"), "consumption.VisitorFlow", VISITORS, unit=_("人次"), total="visitors",
       panel=("pairing",), order=530,
       description=_("目的地报送的东部客源地游客人次之和（人次，非去重人数），按月份计入期间。"))
figure("consumption.tourism_events", _("旅游推介与专列"), "consumption.TourismEvent",
       {"organisation": lambda s: {"organisation": s.obj.pk}, **VISITORS}, unit=_("次"), order=531,
       description=_("旅游推介会、旅游线路、专列和包机的次数，按开始日期计入期间。"))
TOURISM_PROJECTS = {"organisation": lambda s: {"organisation": s.obj.pk},
                    "pairing": lambda s: {"region": s.west}, "region": lambda s: {"region": s.obj.code}}
figure("consumption.tourism_projects", _("旅游协作项目"), "consumption.TourismProject", TOURISM_PROJECTS,
       unit=_("个"), order=532, description=_("旅游协作项目个数（景区、乡村旅游、民宿、设施等），按启动日期计入期间。"))
figure("consumption.tourism_invested", _("其中招商投资项目"), "consumption.TourismProject",
       narrowed(TOURISM_PROJECTS, invested="true"), unit=_("个"), order=533,
       description=_("关联了产业项目台账的旅游协作项目个数（投资企业与投资额见产业项目）。"))
RESTAURANT_PURCHASES = narrowed(COUNTED, channel_kind="restaurant")
figure("consumption.restaurant_purchases", _("黔菜餐厅采购贵州产品"), SALE, RESTAURANT_PURCHASES, money=True,
       total="amount", order=521,
       description=_("黔菜餐厅采购的认定产品金额（计入消费帮扶，同一票据只计一次）。"))


def _years(user, subject, options):
    params = FIGURES["consumption.reported"].params(subject, options)
    if params is None:
        return
    qs, _url, _api = selected(user, FIGURES["consumption.reported"].record_model, params)
    for year in sorted({d.year for d in qs.values_list("month", flat=True)}):
        yield str(year), subject.within(dt.date(year, 1, 1), dt.date(year, 12, 31)), {}


table("consumption_years", _("消费协作分年度"), _("年度"), ("organisation", "pairing", "region"), _years,
      [(_("当年认定产品（种）"), "consumption.products"), (_("消费帮扶销售额（万元）"), "consumption.sales"),
       (_("其中政府采购（万元）"), "consumption.government"), (_("不计入（万元）"), "consumption.not_counted"),
       (_("当年开业黔菜餐厅（家）"), "consumption.restaurants"), (_("东部游客（人次）"), "consumption.visitors")], order=60)
column("per_region", _("消费帮扶销售额（万元）"), "consumption.sales")
