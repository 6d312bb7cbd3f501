"""Records of the 人才交流 channel: cadres on secondment (挂职) both ways and professionals dispatched.

Each names a person by ID number (`people.Person`, the same person as in every other channel). How long a
professional must stay for the assessment to count them is data (`MinimumStay`, one row per field), not code.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec
from xiezuo.people.models import PersonRecord

from .choices import Direction, Field, OutputKind, TeamKind, TrainingKind

FAR = dt.date(9999, 12, 31)


class MinimumStay(models.Model):
    """The shortest stay that counts a dispatched professional in the assessment, per field (data)."""

    field = models.CharField(_("专业领域"), max_length=12, choices=Field.choices, unique=True)
    days = models.PositiveSmallIntegerField(_("最短在岗天数"), default=180)

    class Meta:
        verbose_name = _("计入考核的最短在岗时间")
        verbose_name_plural = _("计入考核的最短在岗时间")

    def __str__(self) -> str:
        return f"{self.get_field_display()}：{self.days} 天"


class PersonStay(PersonRecord, Record):
    """What a secondment and a dispatch share: a person at a host in a western (or eastern) region for a time."""

    name = models.CharField(_("姓名"), max_length=50)
    home_unit = models.ForeignKey("partners.Organisation", verbose_name=_("派出单位"), on_delete=models.PROTECT,
                                  related_name="+", null=True, blank=True)
    home_unit_name = models.CharField(_("派出单位名称"), max_length=200, blank=True,
                                      help_text=_("未在系统中登记的单位写名称"))
    host_region = models.ForeignKey("geo.Region", verbose_name=_("派驻地区"), on_delete=models.PROTECT,
                                    related_name="+")
    host_unit_name = models.CharField(_("接收单位"), max_length=200, blank=True)
    start = models.DateField(_("到岗日期"))
    planned_end = models.DateField(_("计划期满日期"), null=True, blank=True)
    actual_end = models.DateField(_("实际离岗日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("host_region",), organisations=("home_unit",))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.name}（{self.id_masked}）"

    def clean(self) -> None:
        errors = {}
        if not self.has_person():
            errors["id_number"] = _("请填写身份证号。")
        for end in ("planned_end", "actual_end"):
            if getattr(self, end) and self.start and getattr(self, end) < self.start:
                errors[end] = _("期满或离岗日期不能早于到岗日期。")
        if errors:
            raise ValidationError(errors)
        other = self.overlapping().first()
        if other is not None:
            raise ValidationError({"start": _("此人在%(since)s起已有一段%(what)s（%(host)s），日期重叠。") % {
                "since": other.start.isoformat(), "what": self._meta.verbose_name,
                "host": other.host_unit_name or other.host_region}})

    def overlapping(self):
        end = self.actual_end or FAR
        return (type(self)._base_manager.filter(self.same_person(), start__lte=end)
                .filter(models.Q(actual_end__isnull=True) | models.Q(actual_end__gte=self.start))
                .exclude(pk=self.pk))

    def save(self, *args, **kwargs):
        self.resolve_person()
        super().save(*args, **kwargs)


class Secondment(PersonStay):
    """A cadre on secondment (挂职干部), east to west or west to east, with the post held."""

    person = models.ForeignKey("people.Person", verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="secondments", editable=False)
    direction = models.CharField(_("方向"), max_length=10, choices=Direction.choices, default=Direction.EAST_WEST)
    post = models.CharField(_("挂任职务"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("挂职干部")
        verbose_name_plural = _("挂职干部")
        ordering = ["-start", "-pk"]


class Dispatch(PersonStay):
    """A professional dispatched (专业技术人才): teacher, doctor, nurse, agricultural technician, other."""

    person = models.ForeignKey("people.Person", verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="dispatches", editable=False)
    speciality = models.CharField(_("专业领域"), max_length=12, choices=Field.choices)

    class Meta:
        verbose_name = _("专业技术人才")
        verbose_name_plural = _("专业技术人才")
        ordering = ["-start", "-pk"]


class Team(Record):
    """A 组团式 team: a helping hospital's (or school's) team at one receiving hospital (or school)."""

    name = models.CharField(_("团队名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=TeamKind.choices)
    helper_unit = models.ForeignKey("partners.Organisation", verbose_name=_("派出单位"), on_delete=models.PROTECT,
                                    related_name="+", null=True, blank=True)
    helper_unit_name = models.CharField(_("派出单位名称"), max_length=200, blank=True)
    host_region = models.ForeignKey("geo.Region", verbose_name=_("受援地区"), on_delete=models.PROTECT,
                                    related_name="+")
    host_unit_name = models.CharField(_("受援单位"), max_length=200)
    start = models.DateField(_("开始日期"))
    end = models.DateField(_("结束日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("host_region",), organisations=("helper_unit",))

    class Meta:
        verbose_name = _("组团式帮扶团队")
        verbose_name_plural = _("组团式帮扶团队")
        ordering = ["-start", "-pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("结束日期不能早于开始日期。")})


class TeamMember(PersonRecord, Record):
    """A person in a team for a time (a batch): members change over the team's years."""

    team = models.ForeignKey(Team, verbose_name=_("团队"), on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("people.Person", verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="team_memberships", editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    role = models.CharField(_("团队职务"), max_length=100, blank=True)
    start = models.DateField(_("加入日期"))
    end = models.DateField(_("离开日期"), null=True, blank=True)

    scope = ScopeSpec(regions=("team__host_region",), organisations=("team__helper_unit",))

    class Meta:
        verbose_name = _("团队成员")
        verbose_name_plural = _("团队成员")
        ordering = ["team_id", "start", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.id_masked}）"

    def clean(self) -> None:
        if not self.has_person():
            raise ValidationError({"id_number": _("请填写身份证号。")})
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("离开日期不能早于加入日期。")})
        end = self.end or FAR
        if self.team_id and self.start and TeamMember._base_manager.filter(
                self.same_person(), team_id=self.team_id, start__lte=end).filter(
                models.Q(end__isnull=True) | models.Q(end__gte=self.start)).exclude(pk=self.pk).exists():
            raise ValidationError({"start": _("此人在本团队中已有日期重叠的一段。")})

    def save(self, *args, **kwargs):
        self.resolve_person()
        super().save(*args, **kwargs)


class TeamOutput(Record):
    """What a team did, as a count with a date: departments built, operations performed, people trained."""

    team = models.ForeignKey(Team, verbose_name=_("团队"), on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(_("成效类型"), max_length=20, choices=OutputKind.choices)
    count = models.PositiveIntegerField(_("数量"))
    date = models.DateField(_("日期"))
    note = models.CharField(_("说明"), max_length=300, blank=True)

    scope = ScopeSpec(regions=("team__host_region",), organisations=("team__helper_unit",))

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("team",)

    class Meta:
        verbose_name = _("团队成效")
        verbose_name_plural = _("团队成效")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.team}：{self.get_kind_display()} {self.count}"


class CadreTraining(Record):
    """A class of 两地培训 (cadres and technicians trained in the east or the west): participants by ID number on
    its roster (`CadreTrainee`), and those counted where names are not kept (`counted_participants`)."""

    name = models.CharField(_("培训班名称"), max_length=200)
    kind = models.CharField(_("培训对象"), max_length=12, choices=TrainingKind.choices, default=TrainingKind.CADRE)
    region = models.ForeignKey("geo.Region", verbose_name=_("举办地区"), on_delete=models.PROTECT, related_name="+",
                               help_text=_("在东部或西部举办的地区代码"))
    host = models.ForeignKey("partners.Organisation", verbose_name=_("承办单位"), on_delete=models.PROTECT,
                             related_name="+", null=True, blank=True)
    helper_unit = models.ForeignKey("partners.Organisation", verbose_name=_("帮扶方单位"), on_delete=models.PROTECT,
                                    related_name="+", null=True, blank=True)
    helped_region = models.ForeignKey("geo.Region", verbose_name=_("受援地区"), on_delete=models.PROTECT,
                                      related_name="+", help_text=_("参训人员所在的受援地区代码"))
    start = models.DateField(_("开班日期"))
    end = models.DateField(_("结业日期"))
    counted_participants = models.PositiveIntegerField(
        _("参训人数（未登记名单）"), default=0,
        help_text=_("未保存姓名和身份证号的参训人数；花名册上登记的学员不要重复计入"))
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region", "helped_region"), organisations=("host", "helper_unit"))
    import_updates_by_key = True

    class Meta:
        verbose_name = _("两地培训班")
        verbose_name_plural = _("两地培训班")
        ordering = ["-start", "-pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("结业日期不能早于开班日期。")})


TWICE = _("此人已在本培训班花名册中，同一人在一个培训班只登记一次。")


class CadreTrainee(PersonRecord, Record):
    """One participant on a 两地培训 class's roster, by ID number."""

    training = models.ForeignKey(CadreTraining, verbose_name=_("两地培训班"), on_delete=models.CASCADE,
                                 related_name="trainees")
    person = models.ForeignKey("people.Person", verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="cadre_trainings", editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    unit = models.CharField(_("工作单位"), max_length=200, blank=True)
    post = models.CharField(_("职务"), max_length=100, blank=True)

    scope = ScopeSpec(regions=("training__region", "training__helped_region"),
                      organisations=("training__host", "training__helper_unit"))
    # What __str__ reads: lists and pickers fetch it with the rows (a person's page names the class).
    str_related = ("training", "person")

    class Meta:
        verbose_name = _("两地培训学员")
        verbose_name_plural = _("两地培训学员")
        ordering = ["training_id", "pk"]
        constraints = [models.UniqueConstraint(fields=["training", "person"], name="talent_cadre_trainee_once")]

    def __str__(self) -> str:
        return f"{self.training}：{self.name}（{self.id_masked}）"

    def clean(self) -> None:
        self.check_person_once(TWICE, training_id=self.training_id)

    @classmethod
    def import_checks(cls, objs) -> list[tuple[int, str, str]]:
        """The same person twice on one roster, in the file or against the stored roster: one question."""
        mine = {o.pk for o in objs if o.pk}
        numbers = sorted({o.id_number for o in objs if o.id_number})
        classes = sorted({o.training_id for o in objs if o.training_id})
        stored = set()
        for i in range(0, len(numbers), 5000):
            stored |= set(cls._base_manager.filter(person__id_number__in=numbers[i:i + 5000], training_id__in=classes)
                          .exclude(pk__in=mine).values_list("training_id", "person__id_number"))
        out, seen = [], set()
        for index, o in enumerate(objs):
            key = (o.training_id, o.id_number)
            if key in stored or key in seen:
                out.append((index, "id_number", str(TWICE)))
            seen.add(key)
        return out

    def save(self, *args, **kwargs):
        self.resolve_person()
        super().save(*args, **kwargs)
