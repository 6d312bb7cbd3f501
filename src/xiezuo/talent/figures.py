"""Figures of the 人才交流 channel, declared once for every page, the API and exports (see core/figures.py).

Cadres and professionals are counted as distinct persons. Person-months add up each stay's days inside the
period (to today for a stay still running) divided by 30.4. Professionals count once their stay reached the
minimum for their field (`MinimumStay`, data).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import figure, narrowed

# A pairing counts those posted to its helped (western) region; an organisation those it sent; a region those
# posted to it.
STAYS = {"organisation": lambda s: {"organisation": s.obj.pk},
         "pairing": lambda s: {"region": s.west},
         "region": lambda s: {"region": s.obj.code}}
BOTH = ("organisation", "pairing")


def person_months(qs, subject) -> float:
    today = dt.date.today()
    until = min(subject.until or today, today)
    days = 0
    for start, end in qs.model._base_manager.filter(pk__in=qs.values("pk")).values_list("start", "actual_end"):
        first = max(start, subject.since) if subject.since else start
        last = min(end or until, until)
        days += max(0, (last - first).days + 1)
    return round(days / 30.4, 1)


CADRES = narrowed(STAYS, direction="east_west")
figure("talent.cadres", _("选派挂职干部"), "talent.Secondment", CADRES, unit=_("人"), persons="person", panel=BOTH,
       order=70, description=_("东部选派到西部挂职的干部人数，按人去重，按到岗日期计入期间。"))
figure("talent.cadre_months", _("挂职干部人月"), "talent.Secondment", CADRES, unit=_("人月"), compute=person_months,
       order=71, description=_("挂职天数之和（截至期末或今天）除以 30.4。"))
figure("talent.cadres_west_east", _("西部到东部挂职干部"), "talent.Secondment", narrowed(STAYS, direction="west_east"),
       unit=_("人"), persons="person", order=72, description=_("西部选派到东部挂职学习的干部人数，按人去重。"))
PROFESSIONALS = narrowed(STAYS, qualifying="true")
figure("talent.professionals", _("选派专业技术人才"), "talent.Dispatch", PROFESSIONALS, unit=_("人"),
       persons="person", panel=BOTH, order=73,
       description=_("在岗时间达到计入考核最短时间的专业技术人才人数，按人去重；最短时间按专业领域设定（数据）。"))
figure("talent.professional_months", _("专业技术人才人月"), "talent.Dispatch", STAYS, unit=_("人月"),
       compute=person_months, order=74, description=_("专业技术人才在岗天数之和（截至期末或今天）除以 30.4。"))

TEAMS = STAYS
PARTS = STAYS
figure("talent.school_teams", _("学校组团式帮扶团队"), "talent.Team", narrowed(TEAMS, kind="school"), unit=_("个"),
       panel=BOTH, order=75, description=_("学校组团式帮扶团队个数，按开始日期计入期间。"))
figure("talent.hospital_teams", _("医院组团式帮扶团队"), "talent.Team", narrowed(TEAMS, kind="hospital"), unit=_("个"),
       panel=BOTH, order=76, description=_("医院组团式帮扶团队个数，按开始日期计入期间。"))
figure("talent.team_members", _("组团式帮扶团队成员"), "talent.TeamMember", PARTS, unit=_("人"), persons="person",
       order=77, description=_("组团式帮扶团队的成员人数，按人去重（多批次、多团队只计一次），按加入日期计入期间。"))
figure("talent.operations", _("组团式帮扶开展手术"), "talent.TeamOutput", narrowed(PARTS, kind="operations"),
       unit=_("例"), total="count", order=78, description=_("医院团队登记的手术例数之和，按日期计入期间。"))
figure("talent.departments", _("组团式帮扶新建或提升科室"), "talent.TeamOutput", narrowed(PARTS, kind="departments"),
       unit=_("个"), total="count", order=79, description=_("团队登记的新建或提升科室（学科）个数之和。"))

# School and hospital pairs (校对校, 院对院): `partners.Pairing` rows between two schools or two hospitals. A pairing
# of regions counts the pairs whose helping unit lies in its helper region and whose helped unit lies in its helped
# region; a region those whose helped unit lies in it; an organisation those it is a party to. Pairs in force
# during the period count.
PAIRS = {"organisation": lambda s: {"party": s.obj.pk},
         "pairing": lambda s: {"helper_area": s.east, "helped_area": s.west},
         "region": lambda s: {"helped_area": s.obj.code}}
figure("talent.school_pairs", _("学校结对（校对校）"), "partners.Pairing", narrowed(PAIRS, kind="school"),
       unit=_("对"), panel=BOTH, order=80,
       description=_("东部学校与西部学校的结对数（结对关系中类型为“校对校”的记录），期间内有效的计入。"))
figure("talent.hospital_pairs", _("医院结对（院对院）"), "partners.Pairing", narrowed(PAIRS, kind="hospital"),
       unit=_("对"), panel=BOTH, order=81,
       description=_("东部医院与西部医院的结对数（结对关系中类型为“院对院”的记录），期间内有效的计入。"))

# 两地培训: classes for the helped (western) region; an organisation counts those it hosted or sent as helper.
TRAININGS = STAYS


def training_participants(qs, subject) -> int:
    """Distinct persons named (approved roster rows) on the counted classes, plus their counted participants."""
    from django.db.models import Count, Sum

    from .models import CadreTrainee, CadreTraining

    classes = CadreTraining._base_manager.filter(pk__in=qs.values("pk"))
    named = CadreTrainee._base_manager.filter(training__in=classes.values("pk"), status="approved") \
        .aggregate(n=Count("person", distinct=True))["n"]
    counted = classes.aggregate(s=Sum("counted_participants"))["s"] or 0
    return named + counted


figure("talent.cadre_trainings", _("两地培训班"), "talent.CadreTraining", TRAININGS, unit=_("期"), panel=BOTH,
       order=82, description=_("已审核的两地培训班（干部和专业技术人才在东西部两地的培训）期数，按开班日期计入期间。"))
figure("talent.cadre_trainees", _("两地培训人次"), "talent.CadreTraining", TRAININGS, unit=_("人次"),
       compute=training_participants, panel=BOTH, order=83,
       description=_("已审核两地培训班花名册上（已审核的学员记录）按身份证号去重的人数，同一人参加多个班只计一次；"
                     "加上这些培训班登记的参训人数（未登记名单）。"))
