"""Registered households (建档立卡户) and their members; the person itself lives in `xiezuo.people`."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core import idcard
from xiezuo.core.models import BulkRecord
from xiezuo.core.scope import ScopeSpec
from xiezuo.people.models import Person

from ..choices import (
    Attribute,
    Cause,
    Education,
    Health,
    HousingGrade,
    HousingStructure,
    Labour,
    Monitoring,
    Relation,
    Sex,
    StudentStatus,
    WorkStatus,
)

MONEY = {"max_digits": 12, "decimal_places": 2}
# One person, one household. Said the same whichever area holds the other household, so that it tells nothing
# about a household outside the reader's area; inside it the form names the household.
ELSEWHERE = _("此人已登记在另一户中，一人不能同时属于两户。")


def VILLAGE_INDEX(name: str) -> models.Index:  # noqa: N802 - reads as a declaration in Meta
    """One index on the village code serves both equality and the area's prefix (`LIKE '5205%'`); PostgreSQL
    needs the pattern operator class for the prefix, where Django would otherwise build two indexes."""
    return models.Index(fields=["village"], name=name, opclasses=["varchar_pattern_ops"])


def forget_rows(members) -> None:
    """A write outside the import: the next import compares these members' rows again (see Member.row_digest)."""
    members.exclude(row_digest=None).update(row_digest=None)


class Household(BulkRecord):
    """A registered poor household (建档立卡户) of one village."""

    number = models.CharField(_("户编号"), max_length=30)
    village = models.ForeignKey("geo.Region", verbose_name=_("所在村"), on_delete=models.PROTECT, related_name="+",
                                db_constraint=False, db_index=False)
    head_name = models.CharField(_("户主姓名"), max_length=50, blank=True)
    attribute = models.CharField(_("户属性"), max_length=10, choices=Attribute.choices)
    main_cause = models.CharField(_("主要致贫原因"), max_length=12, choices=Cause.choices)
    other_causes = models.CharField(_("其他致贫原因"), max_length=200, blank=True,
                                    help_text=_("多个原因用顿号（、）分隔，如：因病、缺技术"))
    member_count = models.PositiveSmallIntegerField(_("家庭人口"), default=0, editable=False)
    income_wage = models.DecimalField(_("工资性收入（元）"), default=0, **MONEY)
    income_business = models.DecimalField(_("生产经营性收入（元）"), default=0, **MONEY)
    income_transfer = models.DecimalField(_("转移性收入（元）"), default=0, **MONEY)
    income_property = models.DecimalField(_("财产性收入（元）"), default=0, **MONEY)
    costs = models.DecimalField(_("生产经营性支出（元）"), default=0, **MONEY)
    income_per_head = models.DecimalField(_("人均纯收入（元）"), default=0, editable=False, **MONEY)
    housing_area = models.DecimalField(_("住房面积（平方米）"), max_digits=8, decimal_places=2, null=True, blank=True)
    housing_structure = models.CharField(_("住房结构"), max_length=16, choices=HousingStructure.choices, blank=True)
    housing_grade = models.CharField(_("住房安全等级"), max_length=1, choices=HousingGrade.choices, blank=True)
    water_safe = models.BooleanField(_("饮水安全"), null=True, blank=True)
    helper_name = models.CharField(_("帮扶责任人"), max_length=50, blank=True)
    helper_phone = models.CharField(_("帮扶责任人电话"), max_length=20, blank=True)
    year_identified = models.PositiveSmallIntegerField(_("识别年度"))
    year_exited = models.PositiveSmallIntegerField(_("脱贫年度"), null=True, blank=True)
    # The latest screening's verdict per guarantee (None: not screened yet); kept by the screening services.
    g_food = models.BooleanField(_("吃穿不愁"), null=True, editable=False)
    g_education = models.BooleanField(_("义务教育有保障"), null=True, editable=False)
    g_medical = models.BooleanField(_("基本医疗有保障"), null=True, editable=False)
    g_housing = models.BooleanField(_("住房安全有保障"), null=True, editable=False)
    g_water = models.BooleanField(_("饮水安全有保障"), null=True, editable=False)
    monitoring = models.CharField(_("监测对象类别"), max_length=10, choices=Monitoring.choices, blank=True)
    monitoring_since = models.DateField(_("纳入监测日期"), null=True, blank=True)
    monitoring_cleared_on = models.DateField(_("风险消除日期"), null=True, blank=True, editable=False)

    lifecycle = False
    scope = ScopeSpec(regions=("village",))
    # How imports and exports of other record types name a household (e.g. a monitoring case's).
    lookup_field = "number"

    GUARANTEE_FIELDS = ("g_food", "g_education", "g_medical", "g_housing", "g_water")

    class Meta:
        verbose_name = _("建档立卡户")
        verbose_name_plural = _("建档立卡户")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["number"], name="registry_household_unique_number")]
        indexes = [VILLAGE_INDEX("registry_household_village")]

    def __str__(self) -> str:
        return f"{self.number} {self.head_name}".strip()


    def clean(self) -> None:
        errors = {}
        if self.village_id and self.village.level != 5:
            errors["village"] = _("所在村须为村级（第 5 级）行政区划代码。")
        if self.other_causes:
            labels = {str(label) for _v, label in Cause.choices}
            parts = [p for p in self.other_causes.replace(",", "、").replace("，", "、").split("、") if p]
            unknown = [p for p in parts if p not in labels]
            if unknown:
                errors["other_causes"] = _("未知的致贫原因：%(v)s") % {"v": "、".join(unknown)}
            else:
                self.other_causes = "、".join(parts)
        if self.year_exited and self.year_identified and self.year_exited < self.year_identified:
            errors["year_exited"] = _("脱贫年度不能早于识别年度。")
        if errors:
            raise ValidationError(errors)

    @property
    def total_income(self) -> Decimal:
        return (self.income_wage or 0) + (self.income_business or 0) + (self.income_transfer or 0) + (
            self.income_property or 0) - (self.costs or 0)

    def compute_income_per_head(self) -> Decimal:
        if not self.member_count:
            return Decimal("0.00")
        return (Decimal(self.total_income) / self.member_count).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def save(self, *args, **kwargs):
        self.income_per_head = self.compute_income_per_head()
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:  # a new household has no members yet
            forget_rows(Member.objects.filter(household_id=self.pk))

    @property
    def guarantees(self) -> dict[str, bool | None]:
        return {f: getattr(self, f) for f in self.GUARANTEE_FIELDS}

    @property
    def all_guarantees_met(self) -> bool:
        return all(v is True for v in self.guarantees.values())


class Member(BulkRecord):
    """A person's membership of a registered household, with the registry's attributes.

    The primary key is the person: one person belongs to one household at most.
    `id_masked` is what pages, exports and the API show; the whole number lives
    on the person and is revealed only to permitted users, with a log entry.
    """

    person = models.OneToOneField(Person, verbose_name=_("人员"), primary_key=True, on_delete=models.PROTECT,
                                  related_name="membership")
    household = models.ForeignKey(Household, verbose_name=_("所在户"), on_delete=models.CASCADE,
                                  related_name="members")
    village = models.ForeignKey("geo.Region", verbose_name=_("所在村"), on_delete=models.PROTECT,
                                related_name="+", editable=False, blank=True, db_constraint=False, db_index=False)
    name = models.CharField(_("姓名"), max_length=50)
    id_masked = models.CharField(_("身份证号（脱敏）"), max_length=18, editable=False, blank=True)
    sex = models.CharField(_("性别"), max_length=1, choices=Sex.choices, editable=False, blank=True)
    relation = models.CharField(_("与户主关系"), max_length=14, choices=Relation.choices)
    ethnicity = models.CharField(_("民族"), max_length=20, blank=True)
    education = models.CharField(_("文化程度"), max_length=12, choices=Education.choices, blank=True)
    student_status = models.CharField(_("在校生状况"), max_length=12, choices=StudentStatus.choices, blank=True)
    health = models.CharField(_("健康状况"), max_length=10, choices=Health.choices, blank=True)
    labour = models.CharField(_("劳动技能"), max_length=10, choices=Labour.choices, blank=True)
    work_status = models.CharField(_("务工状况"), max_length=10, choices=WorkStatus.choices, blank=True)
    medical_insurance = models.BooleanField(_("参加基本医疗保险"), null=True, blank=True)
    pension_insurance = models.BooleanField(_("参加基本养老保险"), null=True, blank=True)
    # Fingerprint of the file row this member was last imported from (its cells, its household's cells on the same
    # row). A re-import skips rows whose fingerprint is stored; any other write to the member, its person or its
    # household clears it, so that the next import compares that household field by field again.
    row_digest = models.BigIntegerField(_("导入行指纹"), null=True, blank=True, editable=False)

    lifecycle = False
    scope = ScopeSpec(regions=("village",))

    class Meta:
        verbose_name = _("家庭成员")
        verbose_name_plural = _("家庭成员")
        ordering = ["household_id", "person_id"]
        indexes = [VILLAGE_INDEX("registry_member_village")]

    def __str__(self) -> str:
        return f"{self.name}（{self.id_masked}）"


    # The forms and the API set `id_number`; it resolves (or creates) the person at once.
    @property
    def id_number(self) -> str:
        return self.person.id_number if self.person_id else ""

    @id_number.setter
    def id_number(self, raw: str) -> None:
        if not raw:
            return
        number = idcard.validate(raw)
        if self.person_id and self.person.id_number == number:
            return
        self.person = Person.for_id_number(number, self.name)

    def clean(self) -> None:
        if self._state.adding and self.person_id and Member.objects.filter(pk=self.person_id).exists():
            # The model knows no reader: it names no household (the form names one inside the user's area).
            raise ValidationError({"id_number": ELSEWHERE})

    def save(self, *args, **kwargs):
        self.id_masked = idcard.mask(self.person.id_number)
        self.sex = self.person.sex
        self.village_id = self.household.village_id
        if self.name and self.person.name != self.name:
            Person.objects.filter(pk=self.person_id).update(name=self.name)
        self.row_digest = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "row_digest"}
        super().save(*args, **kwargs)
