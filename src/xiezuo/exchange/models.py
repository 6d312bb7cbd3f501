"""Visits and meetings (考察调研、座谈会), their participants and meetings, and agreements (合作协议)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec

from .choices import AgreementKind, DatePrecision, ParticipantSide, VisitKind

ORG = "partners.Organisation"
REGION = "geo.Region"


class Visit(Record):
    """A visit, inspection trip or symposium: who went where, when, whom they met, and what came of it.

    One record may stand for several trips when a source gives only their total
    (`occurrences`), and `enterprise_visits_reported` holds an enterprise count a
    source states without naming the enterprises.
    """

    name = models.CharField(_("活动名称"), max_length=200)
    kind = models.CharField(_("活动类型"), max_length=12, choices=VisitKind.choices, default=VisitKind.INSPECTION)
    start_date = models.DateField(_("开始日期"))
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    date_precision = models.CharField(_("日期精度"), max_length=8, choices=DatePrecision.choices,
                                      default=DatePrecision.DAY)
    occurrences = models.PositiveSmallIntegerField(
        _("次数"), default=1, help_text=_("一条记录汇总多次活动时填写（来源只给出合计时），否则为 1"))
    organiser = models.ForeignKey(ORG, verbose_name=_("组织单位"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="visits_organised")
    delegation_units = models.ManyToManyField(ORG, verbose_name=_("代表团单位"), blank=True,
                                              related_name="visits_joined")
    leader = models.CharField(_("带队领导及职务"), max_length=200, blank=True)
    delegation_size = models.PositiveIntegerField(_("代表团人数"), null=True, blank=True)
    enterprise_visits_reported = models.PositiveIntegerField(
        _("参加企业家次（名单不全时）"), null=True, blank=True,
        help_text=_("来源只给出企业数而未列名单时填写；留空则按代表团单位中的企业计数"))
    host_units = models.ManyToManyField(ORG, verbose_name=_("接待单位"), blank=True, related_name="visits_hosted")
    regions = models.ManyToManyField(REGION, verbose_name=_("考察地区"), related_name="+")
    places = models.ManyToManyField(ORG, verbose_name=_("考察单位（企业、市场等）"), blank=True,
                                    related_name="visits_received")
    group_count = models.PositiveSmallIntegerField(_("分组数"), null=True, blank=True)
    groups = models.TextField(_("分组情况"), blank=True,
                              help_text=_("每行一组：组名：带队人；成员单位；考察地点"))
    agreements = models.ManyToManyField("exchange.Agreement", verbose_name=_("成果：签订协议"), blank=True,
                                        related_name="visits")
    summary = models.TextField(_("主要内容"), blank=True)
    note = models.TextField(_("备注"), blank=True)

    # Where it happens (regions) and who takes part (organiser, delegation, hosts, places visited).
    scope = ScopeSpec(regions=("regions",), organisations=("organiser", "delegation_units", "host_units", "places"))

    class Meta:
        verbose_name = _("考察与会议")
        verbose_name_plural = _("考察与会议")
        ordering = ["-start_date", "-pk"]

    def __str__(self) -> str:
        return self.name


    def clean(self) -> None:
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("结束日期不能早于开始日期。")
        if self.occurrences == 0:
            errors["occurrences"] = _("次数至少为 1。")
        if self.groups and self.group_count and len(self.group_lines()) > self.group_count:
            errors["groups"] = _("分组情况列出的组数多于分组数。")
        if errors:
            raise ValidationError(errors)

    def group_lines(self) -> list[str]:
        return [line.strip() for line in self.groups.splitlines() if line.strip()]


class Participant(Record):
    """A person in a visit: a member or leader of the delegation, or of the hosting side, with their position."""

    visit = models.ForeignKey(Visit, verbose_name=_("所属活动"), on_delete=models.CASCADE,
                              related_name="participants")
    name = models.CharField(_("姓名"), max_length=50)
    position = models.CharField(_("职务"), max_length=200, blank=True)
    organisation = models.ForeignKey(ORG, verbose_name=_("所在单位"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    side = models.CharField(_("所属方"), max_length=12, choices=ParticipantSide.choices,
                            default=ParticipantSide.DELEGATION)
    is_leader = models.BooleanField(_("领导"), default=False)
    note = models.CharField(_("备注"), max_length=300, blank=True)

    scope = ScopeSpec(regions=("visit__regions",),
                      organisations=("visit__organiser", "visit__delegation_units", "visit__host_units",
                                     "visit__places"))

    class Meta:
        verbose_name = _("参加人员")
        verbose_name_plural = _("参加人员")
        ordering = ["visit", "side", "-is_leader", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.position}）" if self.position else self.name



class Meeting(Record):
    """A meeting held during a visit (座谈会、对接会), with its chair and speakers."""

    visit = models.ForeignKey(Visit, verbose_name=_("所属活动"), on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("会议名称"), max_length=200)
    date = models.DateField(_("会议日期"), null=True, blank=True)
    place = models.CharField(_("会议地点"), max_length=200, blank=True)
    chair = models.CharField(_("主持人"), max_length=200, blank=True, help_text=_("姓名（职务）"))
    speakers = models.TextField(_("讲话与发言"), blank=True, help_text=_("每行一人：姓名（职务）：内容"))
    attendees = models.TextField(_("出席人员"), blank=True)
    content = models.TextField(_("主要内容"), blank=True)

    scope = Participant.scope

    class Meta:
        verbose_name = _("会议")
        verbose_name_plural = _("会议")
        ordering = ["visit", "date", "pk"]

    def __str__(self) -> str:
        return self.title


    def clean(self) -> None:
        visit = self.visit if self.visit_id else None
        if self.date and visit and visit.date_precision == DatePrecision.DAY:
            last = visit.end_date or visit.start_date
            if self.date < visit.start_date or (visit.end_date and self.date > last):
                raise ValidationError({"date": _("会议日期 %(date)s 不在活动期间（%(start)s 至 %(end)s）内。") % {
                    "date": self.date, "start": visit.start_date, "end": visit.end_date or visit.start_date}})


class Agreement(Record):
    """A framework agreement, cooperation agreement or project contract between eastern and western parties.

    `item_count` holds how many agreements a record stands for when a source counts
    them without listing them (广汽集团与黔南、毕节签订 4 项合作框架协议).
    `needs_review` is set, never typed: when the parties belong to no pairing the
    agreement is saved but flagged for the approver (see docs/ledger.md).
    """

    title = models.CharField(_("协议名称"), max_length=200)
    kind = models.CharField(_("协议类型"), max_length=12, choices=AgreementKind.choices,
                            default=AgreementKind.FRAMEWORK)
    signed_on = models.DateField(_("签订日期"))
    date_precision = models.CharField(_("日期精度"), max_length=8, choices=DatePrecision.choices,
                                      default=DatePrecision.DAY)
    item_count = models.PositiveSmallIntegerField(_("协议项数"), default=1)
    eastern_parties = models.ManyToManyField(ORG, verbose_name=_("东部签约方"), related_name="agreements_east")
    western_parties = models.ManyToManyField(ORG, verbose_name=_("西部签约方"), related_name="agreements_west")
    regions = models.ManyToManyField(REGION, verbose_name=_("涉及受援地区"), blank=True, related_name="+")
    amount = models.DecimalField(_("协议金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    content = models.TextField(_("主要内容"), blank=True)
    attachment = models.FileField(_("附件"), upload_to="agreements/%Y/", blank=True)
    note = models.TextField(_("备注"), blank=True)
    needs_review = models.BooleanField(_("待核查"), default=False, editable=False)
    review_note = models.CharField(_("结对核查"), max_length=300, blank=True, editable=False)

    scope = ScopeSpec(regions=("regions",), organisations=("eastern_parties", "western_parties"))
    lookup_field = "title"  # how an import names an agreement (e.g. in a visit's outcomes)

    class Meta:
        verbose_name = _("合作协议")
        verbose_name_plural = _("合作协议")
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return self.title


    def clean(self) -> None:
        if self.item_count == 0:
            raise ValidationError({"item_count": _("协议项数至少为 1。")})
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("金额不能为负数。")})
