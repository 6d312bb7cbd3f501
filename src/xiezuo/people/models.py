"""One row per real person, shared by every channel that holds people.

A registry member, a trainee, a worker, a cadre on secondment and a dispatched
professional are the same person across channels and years when they carry
the same resident ID number; this row is what they all link to, so a count of
people can count each person once. It belongs to no channel: the table keeps
the name it had when the registry owned it (`registry_person`), so the
registry's bulk SQL is unchanged.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from xiezuo.core import idcard


class Sex(models.TextChoices):
    MALE = "1", _("男")
    FEMALE = "2", _("女")


class Person(models.Model):
    """One row per real person, keyed by the normalised resident ID number.

    The number is kept whole so it can be matched, and shown masked.
    """

    # Unique through a constraint, not `unique=True`: PostgreSQL would add a second (pattern) index that no
    # lookup uses, and every bulk load would build it.
    id_number = models.CharField(_("身份证号"), max_length=18)
    name = models.CharField(_("姓名"), max_length=50)
    sex = models.CharField(_("性别"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("出生日期"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        db_table = "registry_person"
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        # Over the column as an expression: SQLite then builds it as an index of its own (not inside the table
        # definition), which a first load drops and builds once at the end instead of filling it row by row in
        # random order. PostgreSQL makes the same plain unique index on the column either way.
        constraints = [models.UniqueConstraint(F("id_number"), name="registry_person_unique_id_number",
                                               violation_error_message=_("此身份证号已登记。"))]

    def __str__(self) -> str:
        # Never the whole number: this text ends up in change records and pages.
        return f"{self.name}（{idcard.mask(self.id_number)}）"

    @property
    def id_masked(self) -> str:
        return idcard.mask(self.id_number)

    @classmethod
    def for_id_number(cls, raw: str, name: str = "") -> Person:
        number = idcard.validate(raw)
        person, _created = cls.objects.get_or_create(id_number=number, defaults={
            "name": name or "", "sex": idcard.sex_code(number), "birth_date": idcard.birth_date(number)})
        return person


# --- What the registry tells other channels about a person ---------------------------------------------------
# Whether a trainee or a worker belongs to a registered poor or monitored household is computed, never typed in:
# the registry (a channel) registers how to ask it, here in the base app, so no channel imports the registry.
# Both answers are read at read time: a person added to the registry after their employment record counts from
# the moment they are added.

class _RegistryHook:
    member_q = None      # callable(path_to_person: str) -> Q selecting records whose person is a registry member
    member_name = None   # callable(person) -> the name the registry holds, or None when not a member


REGISTRY = _RegistryHook()


def register_registry(member_q, member_name) -> None:
    REGISTRY.member_q = member_q
    REGISTRY.member_name = member_name


def in_registry(path: str = "person") -> models.Q:
    """Q over records whose person (at `path`) is a member of a registered household; nothing without a registry."""
    if REGISTRY.member_q is None:
        return models.Q(pk__in=[])
    return REGISTRY.member_q(path)


def registry_name(person: Person | None) -> str | None:
    if person is None or REGISTRY.member_name is None:
        return None
    return REGISTRY.member_name(person)


def resolve_people(objs) -> None:
    """`resolve_person` for a whole import: one question for the ID numbers (per 5,000 on SQLite), the missing
    persons created in bulk (COPY on PostgreSQL, their keys drawn at once, nothing read back)."""
    from xiezuo.core.bulkwrite import Blank, among, batches, insert_rows

    pending: dict[str, str] = {}
    for obj in objs:
        if obj._pending_id:
            pending.setdefault(obj._pending_id, getattr(obj, "name", "") or "")
    found: dict[str, Person] = {}
    numbers = sorted(pending)
    for part in batches(numbers):
        found.update({p.id_number: p for p in Person.objects.filter(among("id_number", part))})
    missing = [n for n in numbers if n not in found]
    if missing:
        from django.utils import timezone

        now = timezone.now()
        rows = [(n, pending[n], idcard.sex_code(n), idcard.birth_date(n), now, now) for n in missing]
        keys = insert_rows(Person, ["id_number", "name", "sex", "birth_date", "created_at", "updated_at"], rows,
                           returning=True)
        if None in keys:  # a database that does not give the keys of a bulk insert back
            for part in batches(missing):
                found.update({p.id_number: p for p in Person.objects.filter(among("id_number", part))})
            keys, rows = [], []
        blank = Blank(Person)
        for key, (n, name, sex, born, _c, _u) in zip(keys, rows, strict=True):
            found[n] = blank.stored({"id": key, "id_number": n, "name": name, "sex": sex, "birth_date": born,
                                     "created_at": now, "updated_at": now})
    for obj in objs:
        if obj._pending_id:
            obj.person = found[obj._pending_id]
            obj._pending_id = ""


def registry_names(person_ids) -> dict:
    """{person id: the name the registry holds} for the registry members among `person_ids` (one question, per
    5,000 persons on SQLite; then one per member)."""
    from xiezuo.core.bulkwrite import among, batches

    if REGISTRY.member_q is None:
        return {}
    ids = sorted({i for i in person_ids if i is not None})
    members = []
    for part in batches(ids):
        members += list(Person.objects.filter(among("pk", part)).filter(REGISTRY.member_q(""))
                        .values_list("pk", flat=True))
    out = {}
    for pk in members:
        name = REGISTRY.member_name(Person(pk=pk))
        if name is not None:
            out[pk] = name
    return out


class PersonRecord:
    """Mixin for a record naming one person by ID number (`person` FK and a `name` as written on the sheet).

    Forms, the API and imports set `id_number`: it is checked (GB 11643) at once, and the person is found or
    created only when the record is saved, so a refused row or file leaves no person behind.
    """

    _pending_id: str = ""
    # What the person columns (id_number, id_masked, registered) read: lists and the API fetch it with the rows
    # (core/tables.py fetch_plan).
    list_related = ("person",)
    # A row's name is the person's (ID number masked): wherever such a row is named, the person is joined.
    str_related = ("person",)
    # A list of such records says how many distinct persons it holds (core/views.py), as the figures count them.
    list_persons = "person"

    @property
    def id_number(self) -> str:
        return self._pending_id or (self.person.id_number if self.person_id else "")

    @id_number.setter
    def id_number(self, raw: str) -> None:
        if not raw:
            return
        number = idcard.validate(raw)
        self._pending_id = "" if self.person_id and self.person.id_number == number else number

    def import_set_id_number(self, number: str) -> None:
        """An import's column has checked the number already (core/bulkimport.py)."""
        if number and not (self.person_id and self.person.id_number == number):
            self._pending_id = number

    @property
    def id_masked(self) -> str:
        return idcard.mask(self.id_number) if self.id_number else ""

    def same_person(self) -> models.Q:
        """Q over this model's rows naming the same person (the person to be, before it is saved)."""
        if self._pending_id:
            return models.Q(person__id_number=self._pending_id)
        return models.Q(person_id=self.person_id) if self.person_id else models.Q(pk__in=[])

    @property
    def registered(self) -> bool:
        """A member of a registered poor or monitored household, asked of the registry now (never stored)."""
        if "on_registry" in self.__dict__:  # asked for a whole list at once (`annotate_reads`)
            return bool(self.__dict__["on_registry"])
        return bool(self.person_id) and registry_name(self.person) is not None

    @classmethod
    def annotate_reads(cls, qs):
        """A list's rows with `registered` answered in the list's own query (lists and API lists call it)."""
        return qs.annotate(on_registry=models.ExpressionWrapper(in_registry("person"),
                                                                output_field=models.BooleanField()))

    def has_person(self) -> bool:
        return bool(self._pending_id or self.person_id)

    def check_person_once(self, message, **within) -> None:
        """A roster's rule: an ID number is required, and names a person at most once `within` its parent (a
        class). A file checked as a set (`_set_checked`) has had the second part asked once for all its rows."""
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        if not self.has_person():
            raise ValidationError({"id_number": _("请填写身份证号。")})
        if (not getattr(self, "_set_checked", False) and all(within.values())
                and type(self)._base_manager.filter(self.same_person(), **within).exclude(pk=self.pk).exists()):
            raise ValidationError({"id_number": message})

    def resolve_person(self) -> None:
        if self._pending_id:
            self.person = Person.for_id_number(self._pending_id, getattr(self, "name", ""))
            self._pending_id = ""

    def name_check(self, held: str | None | bool = False) -> str:
        """待核查 note when the registry holds this person under another name, else ''. `held`: the registry's
        name when the caller asked already (an import asks for the whole file at once)."""
        if held is False:
            held = registry_name(self.person) if self.person_id else None
        if held and self.name and held != self.name:
            return _("待核查：建档立卡登记姓名为“%(held)s”，本记录姓名为“%(given)s”。") % {"held": held,
                                                                                       "given": self.name}
        return ""
