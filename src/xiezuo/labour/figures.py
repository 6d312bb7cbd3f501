"""Figures of the 劳务协作 channel, declared once for every page, the API and exports (see core/figures.py).

People are counted as distinct persons (`persons="person"`): a worker with two jobs in the period, or on the
lists of the county that sent him and the district that received him, is one person. "Of whom from registered
poor households" is asked of the registry at read time (`registered=true`), never typed in.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import figure, narrowed

# A pairing counts the workers and trainees of its helped (western) region; an organisation those it employs or
# hosts (with its supervised units); a region those who come from it.
PEOPLE = {"organisation": lambda s: {"organisation": s.obj.pk},
          "pairing": lambda s: {"region": s.west},
          "region": lambda s: {"region": s.obj.code}}
BOTH = ("organisation", "pairing")
EMPLOYMENT = "labour.Employment"
TRAINEE = "labour.Trainee"

figure("labour.trainees", _("培训人数"), TRAINEE, PEOPLE, unit=_("人"), persons="person", panel=BOTH, order=60,
       description=_("参加培训的人数，按人去重（同一人参加多个培训班只计一次），按开班日期计入期间。"))
figure("labour.trainees_completed", _("其中结业"), TRAINEE, narrowed(PEOPLE, completion="completed"), unit=_("人"),
       persons="person", order=61, description=_("培训结业的人数，按人去重。"))
figure("labour.trainees_registered", _("其中建档立卡户成员"), TRAINEE, narrowed(PEOPLE, registered="true"),
       unit=_("人"), persons="person", order=62,
       description=_("培训学员中属于建档立卡户（含监测户）成员的人数：按身份证号与建档立卡库比对得出，不手工填报。"))
figure("labour.placed", _("转移就业人数"), EMPLOYMENT, PEOPLE, unit=_("人"), persons="person", panel=BOTH, order=63,
       description=_("实现就业的人数，按人去重（同一人多段就业只计一次），按就业开始日期计入期间。"))
figure("labour.placed_registered", _("其中建档立卡户成员"), EMPLOYMENT, narrowed(PEOPLE, registered="true"),
       unit=_("人"), persons="person", panel=BOTH, order=64,
       description=_("就业人员中属于建档立卡户（含监测户）成员的人数：按身份证号与建档立卡库比对得出，不手工填报。"))
figure("labour.placed_east", _("其中到东部帮扶省份就业"), EMPLOYMENT, narrowed(PEOPLE, workplace="east"), unit=_("人"),
       persons="person", panel=BOTH, order=65, description=_("在东部帮扶省份就业的人数，按人去重。"))
figure("labour.placed_local", _("其中省内就近就业"), EMPLOYMENT, narrowed(PEOPLE, workplace=["local", "workshop"]),
       unit=_("人"), persons="person", panel=BOTH, order=66,
       description=_("在本省就近就地就业（含帮扶车间）的人数，按人去重。"))
figure("labour.placed_workshop", _("其中在帮扶车间"), EMPLOYMENT, narrowed(PEOPLE, workplace="workshop"),
       unit=_("人"), persons="person", order=67, description=_("在帮扶车间就业的人数，按人去重。"))
figure("labour.subsidies", _("交通及稳岗补贴"), EMPLOYMENT, PEOPLE, money=True, order=68,
       compute=lambda qs, subject: qs.model._base_manager.filter(pk__in=qs.values("pk")).aggregate(
           s=Coalesce(Sum(F("transport_subsidy") + F("stability_subsidy")), Decimal(0)))["s"],
       description=_("就业记录登记的交通补贴与稳岗补贴之和（元；页面以万元显示）。"))
