"""Figures of consumption cooperation, declared once for every page, the API and exports (see core/figures.py).

Sales count only when the product was certified on the date of sale (`counted=true`) and once per invoice or
contract (`once=true`, applied after every other filter, so among approved reports the first one counts). The
figure's link is the sale list with exactly those parameters.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import FIGURES, column, figure, narrowed, records, table

BOTH = ("organisation", "pairing")
# Sales: an organisation's (channel operator, seller, buyer or producer, with supervised units); a pairing's
# (products from the helped side sold through channels, or to buyers, of the helper side); a region's (its
# products, or its channels).
SALES = {"organisation": lambda s: {"organisation": s.obj.pk},
         "pairing": lambda s: {"origin": s.west, "east": s.east},
         "region": lambda s: {"region": s.obj.code}}
COUNTED = narrowed(SALES, counted="true", once="true")
PRODUCTS = {"organisation": lambda s: {"organisation": s.obj.pk, "stage": "certified"},
            "pairing": lambda s: {"region": s.west, "stage": "certified"},
            "region": lambda s: {"region": s.obj.code, "stage": "certified"}}
RESTAURANTS = {"organisation": lambda s: {"organisation": s.obj.pk, "kind": "restaurant"},
               "pairing": lambda s: {"served": s.west, "east": s.east, "kind": "restaurant"},
               "region": lambda s: {"region": s.obj.code, "kind": "restaurant"}}
SALE = "consumption.Sale"

figure("consumption.products", _("认定产品"), "consumption.Product", PRODUCTS, unit=_("种"), panel=BOTH, order=500,
       description=_("认定为消费帮扶（扶贫）产品的个数，按认定有效期起始日期计入期间。"))
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
# Tourism: visitors (人次 as reported by the destination, summed; no person is recorded) and special trains/flights.
VISITORS = {"pairing": lambda s: {"region": s.west, "east": s.east},
            "region": lambda s: {"region": s.obj.code}}
figure("consumption.visitors", _("东部游客"), "consumption.VisitorFlow", VISITORS, unit=_("人次"), total="visitors",
       panel=("pairing",), order=530,
       description=_("目的地报送的东部客源地游客人次之和（人次，非去重人数），按月份计入期间。"))
figure("consumption.tourism_events", _("旅游推介与专列"), "consumption.TourismEvent",
       {"organisation": lambda s: {"organisation": s.obj.pk}, **VISITORS}, unit=_("次"), order=531,
       description=_("旅游推介会、旅游线路、专列和包机的次数，按开始日期计入期间。"))


def _years(user, subject, options):
    params = FIGURES["consumption.reported"].params(subject, options)
    if params is None:
        return
    qs, _url, _api = records(user, FIGURES["consumption.reported"].record_model, params)
    for year in sorted({d.year for d in qs.values_list("month", flat=True)}):
        yield str(year), subject.within(dt.date(year, 1, 1), dt.date(year, 12, 31)), {}


table("consumption_years", _("消费协作分年度"), _("年度"), ("organisation", "pairing", "region"), _years,
      [(_("认定产品（种）"), "consumption.products"), (_("消费帮扶销售额（万元）"), "consumption.sales"),
       (_("其中政府采购（万元）"), "consumption.government"), (_("不计入（万元）"), "consumption.not_counted"),
       (_("黔菜餐厅（家）"), "consumption.restaurants"), (_("东部游客（人次）"), "consumption.visitors")], order=60)
column("per_region", _("消费帮扶销售额（万元）"), "consumption.sales")
