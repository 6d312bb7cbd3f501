"""Figures of visits and agreements, declared once for every page, the API and exports (see core/figures.py)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.choices import ENTERPRISE_KINDS
from xiezuo.core.figures import column, figure, narrowed

from .choices import Direction
from .models import Visit

BOTH = ("organisation", "pairing")


# Visits of an organisation (organised or joined, with supervised units), of a pairing (both ways), in a region.
VISITS = {"organisation": lambda s: {"organisation": s.obj.pk},
          "pairing": lambda s: {"pairing": s.obj.pk},
          "region": lambda s: {"region": s.obj.code}}


def _direction(direction: str) -> dict:
    return {"pairing": lambda s: {"pairing": s.obj.pk, "direction": direction}}


def _enterprise_visits(qs, subject) -> int:
    """企业家次: a count the source states (without naming the enterprises) stands for the visit's enterprises;
    otherwise the enterprises in the delegation (under the organisation, on an organisation's page)."""
    org = subject.obj if subject.kind == "organisation" else None
    tree = Q(delegation_units__path__startswith=org.path) if org is not None else Q()
    visits = Visit._base_manager.filter(pk__in=qs.values("pk")).select_related("organiser").annotate(
        enterprises=Count("delegation_units", distinct=True,
                          filter=tree & Q(delegation_units__kind__in=ENTERPRISE_KINDS)))
    total = 0
    for v in visits:
        stated = v.enterprise_visits_reported is not None and (
            org is None or (v.organiser is not None and v.organiser.path.startswith(org.path)))
        total += v.enterprise_visits_reported if stated else v.enterprises
    return total


def _enterprise_visits_many(items) -> list[int]:
    """`_enterprise_visits` for many (queryset, subject) pairs in two queries: the visits of all of them, each
    flagged with the pairs it belongs to, and their delegations' enterprises."""
    from django.db.models import BooleanField, ExpressionWrapper

    if not items:
        return []
    flags = {f"in_{i}": ExpressionWrapper(Q(pk__in=qs.values("pk")), output_field=BooleanField())
             for i, (qs, _s) in enumerate(items)}
    anywhere = Q()
    for qs, _s in items:
        anywhere |= Q(pk__in=qs.values("pk"))
    visits = list(Visit._base_manager.filter(anywhere).annotate(**flags)
                  .values("pk", "enterprise_visits_reported", "organiser__path", *flags))
    units: dict[int, dict[int, str]] = {}
    for visit, unit, path in Visit.delegation_units.through.objects.filter(
            visit_id__in=[v["pk"] for v in visits], organisation__kind__in=ENTERPRISE_KINDS) \
            .values_list("visit_id", "organisation_id", "organisation__path"):
        units.setdefault(visit, {})[unit] = path or ""
    out = []
    for i, (_qs, subject) in enumerate(items):
        org = subject.obj if subject.kind == "organisation" else None
        total = 0
        for v in visits:
            if not v[f"in_{i}"]:
                continue
            organiser = v["organiser__path"]
            stated = v["enterprise_visits_reported"] is not None and (
                org is None or (organiser is not None and organiser.startswith(org.path)))
            if stated:
                total += v["enterprise_visits_reported"]
            else:
                paths = units.get(v["pk"], {}).values()
                total += len([p for p in paths if org is None or p.startswith(org.path)])
        out.append(total)
    return out


figure("exchange.trips", _("考察调研次数"), "exchange.Visit", VISITS, unit=_("次"), total="occurrences",
       description=_("考察、座谈、对接活动的次数（一条记录汇总多次时按其“次数”计）；结对关系按东→西与西→东两个方向合计。"),
       panel=BOTH, recent=("organisation",), order=10)
figure("exchange.trips_east_west", _("其中东→西"), "exchange.Visit", _direction(Direction.EAST_WEST), unit=_("次"),
       total="occurrences", description=_("帮扶方单位赴受援地区的考察调研次数。"), order=11)
figure("exchange.trips_west_east", _("其中西→东"), "exchange.Visit", _direction(Direction.WEST_EAST), unit=_("次"),
       total="occurrences", description=_("受援方单位赴帮扶地区的考察调研次数（如贵州代表团赴广东学习考察）。"), order=12)
figure("exchange.enterprise_visits", _("企业家次"), "exchange.Visit", VISITS, unit=_("家次"),
       compute=_enterprise_visits, compute_many=_enterprise_visits_many,
       description=_("参加考察调研的企业家次：来源载明的企业数，否则按代表团单位中的企业计。"), panel=("organisation",),
       order=20)

AGREEMENTS = {"organisation": lambda s: {"organisation": s.obj.pk},
              "pairing": lambda s: {"region": s.west, "east": s.east},
              "region": lambda s: {"region": s.obj.code}}
figure("exchange.agreements", _("签订协议"), "exchange.Agreement", AGREEMENTS, unit=_("项"), total="item_count",
       description=_("签订的协议项数（一条记录汇总多项时按其“协议项数”计），按签订日期计入期间。"), panel=BOTH,
       recent=("organisation",), order=30)
figure("exchange.agreements_review", _("其中待核查（不属于任何结对）"), "exchange.Agreement",
       narrowed(AGREEMENTS, needs_review="true"), unit=_("份"),
       description=_("签约双方在签订日期不属于任何结对关系、待审核员核实的协议份数。"), order=31)

column("per_enterprise", _("企业家次"), "exchange.enterprise_visits")
column("per_enterprise", _("签订协议（项）"), "exchange.agreements")
