"""Records of the 劳务协作 channel: training classes and their rosters, recruitment fairs, employment records.

Every record that names a worker or a trainee points to `people.Person` (the same person the registry's
member points to), so a trainee later employed is one person, and whether they come from a registered poor
household is asked of the registry at read time (`people.models.in_registry`), never typed in.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.bulkwrite import among, batches
from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec
from xiezuo.people.models import PersonRecord, registry_names, resolve_people

from .choices import Certificate, Completion, HowFound, Workplace

MONEY = {"max_digits": 14, "decimal_places": 2}
FAR = dt.date(9999, 12, 31)


def _numbers(objs) -> list[str]:
    return sorted({o.id_number for o in objs if o.id_number})


class Programme(models.Model):
    """A training programme (工程) classes run under: 广东技工, 粤菜师傅, 南粤家政, others. Data, not code."""

    name = models.CharField(_("培训工程"), max_length=50, unique=True)
    # How far an actual roster may exceed the class's planned places before it is flagged for review.
    roster_tolerance = models.PositiveSmallIntegerField(_("超员容差（%）"), default=10)

    class Meta:
        verbose_name = _("培训工程")
        verbose_name_plural = _("培训工程")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class TrainingClass(Record):
    """A training class (培训班) under a programme, for trainees from a western region."""

    name = models.CharField(_("培训班名称"), max_length=200)
    programme = models.ForeignKey(Programme, verbose_name=_("培训工程"), on_delete=models.PROTECT, to_field="name",
                                  related_name="classes")
    region = models.ForeignKey("geo.Region", verbose_name=_("生源地区"), on_delete=models.PROTECT, related_name="+")
    host = models.ForeignKey("partners.Organisation", verbose_name=_("承办单位"), on_delete=models.PROTECT,
                             related_name="+", null=True, blank=True)
    place = models.CharField(_("培训地点"), max_length=200, blank=True)
    start = models.DateField(_("开班日期"))
    end = models.DateField(_("结业日期"), null=True, blank=True)
    planned = models.PositiveIntegerField(_("计划人数"))
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("host",))
    # An import row with the natural key of a stored class updates it (core/bulkimport.py).
    import_updates_by_key = True

    class Meta:
        verbose_name = _("培训班")
        verbose_name_plural = _("培训班")
        ordering = ["-start", "-pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("结业日期不能早于开班日期。")})


class Trainee(PersonRecord, Record):
    """One trainee on a class's roster (花名册), by ID number, with completion and certificate."""

    training_class = models.ForeignKey(TrainingClass, verbose_name=_("培训班"), on_delete=models.CASCADE,
                                       related_name="trainees")
    person = models.ForeignKey("people.Person", verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="trainings", editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    completion = models.CharField(_("结业情况"), max_length=10, choices=Completion.choices,
                                  default=Completion.COMPLETED)
    certificate = models.CharField(_("证书"), max_length=12, choices=Certificate.choices, blank=True)
    needs_review = models.BooleanField(_("待核查"), default=False, editable=False)
    review_note = models.CharField(_("核查说明"), max_length=300, blank=True, editable=False)

    scope = ScopeSpec(regions=("training_class__region",), organisations=("training_class__host",))
    # A roster sent again updates its rows (by class and ID number); what `import_prepare` sets besides the file.
    import_updates_by_key = True
    import_derived = ("person", "needs_review", "review_note")

    class Meta:
        verbose_name = _("培训学员")
        verbose_name_plural = _("培训学员")
        ordering = ["training_class_id", "pk"]
        constraints = [models.UniqueConstraint(fields=["training_class", "person"], name="labour_trainee_once")]

    def __str__(self) -> str:
        return f"{self.name}（{self.id_masked}）"

    def clean(self) -> None:
        self.check_person_once(_("此人已在本培训班花名册中。"), training_class_id=self.training_class_id)
        if self.certificate and self.completion != Completion.COMPLETED:
            raise ValidationError({"certificate": _("未结业的学员不能持有本班证书。")})

    def save(self, *args, **kwargs):
        self.resolve_person()
        notes = [str(n) for n in (self.name_check(), self.roster_check()) if n]
        self.needs_review = bool(notes)
        self.review_note = " ".join(notes)[:300]
        super().save(*args, **kwargs)

    def roster_check(self, count: int | None = None) -> str:
        """A roster larger than the class's places by more than its programme's tolerance is flagged."""
        cls = self.training_class
        if count is None:
            count = Trainee.objects.filter(training_class_id=cls.pk).exclude(pk=self.pk).count() + 1
        allowed = cls.planned * (100 + cls.programme.roster_tolerance) // 100
        if count > allowed:
            return _("待核查：花名册 %(n)s 人，超过计划 %(p)s 人的容差（%(t)s%%）。") % {
                "n": count, "p": cls.planned, "t": cls.programme.roster_tolerance}
        return ""

    @classmethod
    def import_checks(cls, objs) -> list[tuple[int, str, str]]:
        """The same person twice on one roster, in the file or against the stored roster: one question."""
        mine = {o.pk for o in objs if o.pk}
        stored = set()
        numbers = _numbers(objs)
        classes = sorted({o.training_class_id for o in objs if o.training_class_id})
        for part in batches(numbers):
            stored |= set(cls._base_manager.filter(among("person__id_number", part), among("training_class_id", classes))
                          .exclude(among("pk", mine)).values_list("training_class_id", "person__id_number"))
        out, seen = [], set()
        for index, o in enumerate(objs):
            key = (o.training_class_id, o.id_number)
            if key in stored or key in seen:
                out.append((index, "id_number", str(_("此人已在本培训班花名册中。"))))
            seen.add(key)
        return out

    @classmethod
    def import_prepare(cls, objs) -> None:
        """What `save` computes, for a whole roster: persons, the registry's names, roster sizes."""
        resolve_people(objs)
        held = registry_names(o.person_id for o in objs)
        mine = {o.pk for o in objs if o.pk}
        classes = {o.training_class_id for o in objs}
        counts = dict(cls.objects.filter(among("training_class_id", classes)).exclude(among("pk", mine))
                      .values_list("training_class_id").annotate(n=models.Count("pk")).values_list(
                          "training_class_id", "n"))
        for o in objs:
            counts[o.training_class_id] = counts.get(o.training_class_id, 0) + 1
            notes = [str(n) for n in (o.name_check(held.get(o.person_id)),
                                      o.roster_check(counts[o.training_class_id])) if n]
            o.needs_review = bool(notes)
            o.review_note = " ".join(notes)[:300]


class JobFair(Record):
    """A recruitment fair (招聘会) or job opening by eastern employers for workers of a western region."""

    name = models.CharField(_("招聘活动名称"), max_length=200)
    region = models.ForeignKey("geo.Region", verbose_name=_("举办地区"), on_delete=models.PROTECT, related_name="+")
    employers = models.ManyToManyField("partners.Organisation", verbose_name=_("参会用工单位"), blank=True,
                                       related_name="+")
    held_on = models.DateField(_("举办日期"))
    positions = models.PositiveIntegerField(_("提供岗位数"), default=0)
    work_place = models.CharField(_("工作地点"), max_length=200, blank=True)
    wage_min = models.DecimalField(_("月薪下限（元）"), null=True, blank=True, **MONEY)
    wage_max = models.DecimalField(_("月薪上限（元）"), null=True, blank=True, **MONEY)
    applicants = models.PositiveIntegerField(_("求职人数"), default=0)
    hired = models.PositiveIntegerField(_("达成就业意向人数"), default=0)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("employers",))
    import_updates_by_key = True

    class Meta:
        verbose_name = _("招聘会")
        verbose_name_plural = _("招聘会")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.wage_min is not None and self.wage_max is not None and self.wage_max < self.wage_min:
            raise ValidationError({"wage_max": _("月薪上限不能低于下限。")})
        if self.hired > max(self.applicants, 0) and self.applicants:
            raise ValidationError({"hired": _("达成就业意向人数不能多于求职人数。")})


class Employment(PersonRecord, Record):
    """One person's job (就业): where, how they got it, from when to when, the subsidies paid."""

    person = models.ForeignKey("people.Person", verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="employments", editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    region = models.ForeignKey("geo.Region", verbose_name=_("户籍地区"), on_delete=models.PROTECT, related_name="+",
                               help_text=_("劳动力来源的县（区）或乡镇"))
    employer = models.ForeignKey("partners.Organisation", verbose_name=_("用工单位"), on_delete=models.PROTECT,
                                 related_name="+", null=True, blank=True)
    employer_name = models.CharField(_("用工单位名称"), max_length=200, blank=True,
                                     help_text=_("未在系统中登记的单位写名称"))
    workplace = models.CharField(_("就业地"), max_length=10, choices=Workplace.choices)
    how = models.CharField(_("就业方式"), max_length=10, choices=HowFound.choices, default=HowFound.ORGANISED)
    start = models.DateField(_("就业开始日期"))
    end = models.DateField(_("就业结束日期"), null=True, blank=True)
    part_time = models.BooleanField(_("兼职或灵活就业"), default=False)
    months_stable = models.PositiveSmallIntegerField(_("稳定就业月数"), default=0)
    transport_subsidy = models.DecimalField(_("交通补贴（元）"), default=0, **MONEY)
    stability_subsidy = models.DecimalField(_("稳岗补贴（元）"), default=0, **MONEY)
    needs_review = models.BooleanField(_("待核查"), default=False, editable=False)
    review_note = models.CharField(_("核查说明"), max_length=300, blank=True, editable=False)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("employer",))
    # A list sent again updates its rows (by ID number and start date); what `import_prepare` sets besides.
    import_updates_by_key = True
    import_derived = ("person", "needs_review", "review_note")

    class Meta:
        verbose_name = _("就业记录")
        verbose_name_plural = _("就业记录")
        ordering = ["-start", "-pk"]
        indexes = [models.Index(fields=["person", "start"], name="labour_employment_person")]

    str_related = ("person", "employer")

    def __str__(self) -> str:
        return f"{self.name}（{self.id_masked}）{self.employer_name or self.employer or ''}"

    def clean(self) -> None:
        errors = {}
        if not self.has_person():
            errors["id_number"] = _("请填写身份证号。")
        if self.end and self.start and self.end < self.start:
            errors["end"] = _("就业结束日期不能早于开始日期。")
        if self.transport_subsidy is not None and self.transport_subsidy < 0:
            errors["transport_subsidy"] = _("补贴不能为负数。")
        if self.stability_subsidy is not None and self.stability_subsidy < 0:
            errors["stability_subsidy"] = _("补贴不能为负数。")
        if errors:
            raise ValidationError(errors)
        if getattr(self, "_set_checked", False):
            return  # an import checks overlaps for the whole file at once (`import_checks`)
        other = self.overlapping().filter(part_time=False).first()
        if other is not None and not self.part_time:
            raise ValidationError({"start": self.overlap_message(other.start, other.end,
                                                                 other.employer_name or other.employer)})

    @staticmethod
    def overlap_message(start, end, employer) -> str:
        return _("此人已有一条%(since)s起、%(until)s的就业记录（%(employer)s），日期重叠；"
                 "请先填写那条记录的结束日期，或勾选“兼职或灵活就业”。") % {
            "since": start.isoformat(), "until": f"至{end.isoformat()}" if end else _("未填结束日期"),
            "employer": employer or _("未填单位")}

    @classmethod
    def import_checks(cls, objs) -> list[tuple[int, str, str]]:
        """Overlapping jobs of one person, in the file and against what is stored: one question per 5,000 people.
        A row overlapping another while neither is part-time is refused; otherwise it is flagged (`_overlap`)."""
        mine = {o.pk for o in objs if o.pk}
        numbers = _numbers(objs)
        jobs: dict[str, list] = {}
        for chunk in batches(numbers):
            for number, start, end, part, name, employer in (
                    cls._base_manager.filter(among("person__id_number", chunk)).exclude(among("pk", mine))
                    .values_list("person__id_number", "start", "end", "part_time", "employer_name",
                                 "employer__name")):
                jobs.setdefault(number, []).append((-1, start, end, part, name or employer))
        for index, o in enumerate(objs):
            if o.id_number and o.start:
                employer = o.employer_name or (o.employer.name if o.employer_id else "")
                jobs.setdefault(o.id_number, []).append((index, o.start, o.end, o.part_time, employer))
        out = []
        for index, o in enumerate(objs):
            o._overlap = False
            if not (o.id_number and o.start):
                continue
            for other, start, end, part, employer in jobs.get(o.id_number, ()):
                if other == index or not (start <= (o.end or FAR) and o.start <= (end or FAR)):
                    continue
                o._overlap = True
                # Between two rows of the file the later one is refused, as if the earlier had been saved first.
                if not o.part_time and not part and (other == -1 or other < index):
                    out.append((index, "start", str(cls.overlap_message(start, end, employer))))
                    break
        return out

    @classmethod
    def import_prepare(cls, objs) -> None:
        """What `save` computes, for a whole list: persons, the registry's names, the overlap flag."""
        resolve_people(objs)
        held = registry_names(o.person_id for o in objs)
        for o in objs:
            notes = [str(n) for n in (o.name_check(held.get(o.person_id)),) if n]
            if getattr(o, "_overlap", False):
                notes.append(str(_("待核查：与此人另一条就业记录日期重叠（兼职或灵活就业）。")))
            o.needs_review = bool(notes)
            o.review_note = " ".join(notes)[:300]

    def overlapping(self):
        """This person's other employment records whose dates overlap this one's (an open end runs on)."""
        far = dt.date(9999, 12, 31)
        end = self.end or far
        return (Employment._base_manager.filter(self.same_person(), start__lte=end)
                .filter(models.Q(end__isnull=True) | models.Q(end__gte=self.start)).exclude(pk=self.pk))

    def save(self, *args, **kwargs):
        self.resolve_person()
        notes = [str(n) for n in (self.name_check(),) if n]
        if self.person_id and self.start and self.overlapping().exists():
            notes.append(str(_("待核查：与此人另一条就业记录日期重叠（兼职或灵活就业）。")))
        self.needs_review = bool(notes)
        self.review_note = " ".join(notes)[:300]
        super().save(*args, **kwargs)
