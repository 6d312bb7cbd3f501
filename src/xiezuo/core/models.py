"""Machinery models: the base record, the audit trail and background jobs.

`core` holds no domain models; channel apps subclass `Record`.
"""

from __future__ import annotations

import functools
import uuid

from django.conf import settings
from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from .scope import RecordQuerySet
from .signin import SigninEvent  # noqa: F401  (a core model kept beside the sign-in throttle that uses it)


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    APPROVED = "approved", _("已审核")
    RETURNED = "returned", _("已退回")


@functools.cache
def choice_labels(field) -> dict:
    """A choice field's value → label (labels stay lazy: each request reads them in its language)."""
    return dict(make_hashable(field.flatchoices))


class Record(models.Model):
    """Base of every cooperation record: lifecycle, provenance and the scope spec.

    Subclasses declare `scope = ScopeSpec(regions=[...], organisations=[...])`
    naming the fields that place the record (where it happens, who helps).
    """

    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    return_reason = models.TextField(_("退回原因"), blank=True)
    synthetic = models.BooleanField(
        _("合成演示数据"), default=False, help_text=_("演示用的合成记录，并非真实事实。")
    )
    source_document = models.CharField(_("来源文件"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    import_job = models.ForeignKey(
        "core.Job", verbose_name=_("导入批次"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    # Bumped by every write (see `save`); an edit names the version it was based on and a stale one is refused.
    # `db_default` too: the registry's bulk paths insert rows with SQL that names its columns.
    version = models.PositiveIntegerField(_("版本"), default=1, db_default=1, editable=False)
    # Who last submitted the record: maker-checker keeps them from approving or returning it.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = RecordQuerySet.as_manager()

    # Fields of the base that forms, imports and exports never take from a user.
    SYSTEM_FIELDS = (
        "id", "status", "return_reason", "created_by", "import_job", "created_at", "updated_at",
        "version", "submitted_by",
    )
    # Written only by transitions (`core.services.transition_record`), never by an edit.
    LIFECYCLE_FIELDS = ("status", "return_reason", "submitted_by")
    # Written once, when the record is made.
    PROVENANCE_FIELDS = ("created_by", "import_job", "created_at")
    # The geographic level whose users approve this type (`geo.models.Level`: 1 province, 2 prefecture, 3 county).
    # An approver also stands at least one level above whoever submitted (a city's submission goes to the
    # province); see `core.permissions.may_review`.
    approval_level = 2

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):  # noqa: N802  (Django's name: every get_<field>_display calls it)
        """Django's, with the value → label table built once per field instead of at every call (a list page
        asks it for each choice cell of up to a thousand rows)."""
        if isinstance(field.choices, CallableChoiceIterator):  # made at each call, e.g. in the reader's language
            return super()._get_FIELD_display(field)
        value = getattr(self, field.attname)
        try:
            label = choice_labels(field).get(value, value)
        except TypeError:  # a value that is no dictionary key (Django makes it hashable first)
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)

    def get_absolute_url(self) -> str:
        """Every registered record type's detail page follows the registry's URL names."""
        from .registry import record_url

        return record_url(f"{self._meta.app_label}:{self._meta.model_name}_detail", self.pk)

    def save(self, *args, **kwargs):
        """Every save of a stored row bumps `version` (queryset `.update()` callers bump it themselves)."""
        if not self._state.adding and self.pk is not None:
            self.version = (self.version or 0) + 1
            fields = kwargs.get("update_fields")
            if fields is not None:
                kwargs["update_fields"] = {*fields, "version"}
        super().save(*args, **kwargs)

    @classmethod
    def edit_columns(cls) -> list[str]:
        """The columns an edit writes: everything but the lifecycle and provenance fields (and the key)."""
        skip = set(cls.LIFECYCLE_FIELDS) | set(cls.PROVENANCE_FIELDS)
        return [f.name for f in cls._meta.concrete_fields if not f.primary_key and f.name not in skip]

    @property
    def is_locked(self) -> bool:
        return self.status in (Status.SUBMITTED, Status.APPROVED) and type(self).lifecycle_enabled()

    @classmethod
    def lifecycle_enabled(cls) -> bool:
        return getattr(cls, "lifecycle", True)


class BulkRecord(Record):
    """Base of record types held by the million and loaded in bulk (the registry's households and members).

    Each index is rebuilt and each foreign key checked for every row of a bulk
    load, so these tables keep only what pages look up: no index on the
    lifecycle state or the provenance columns, and no database-level foreign
    key to the shared tables (users, jobs, regions), which a bulk load must not
    lock. Django still applies `on_delete` for them, and every write path
    validates the references it sets.
    """

    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", db_index=False, db_constraint=False,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+", db_index=False, db_constraint=False,
    )
    import_job = models.ForeignKey(
        "core.Job", verbose_name=_("导入批次"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False, db_constraint=False,
    )

    class Meta:
        abstract = True


class ChangeRecord(models.Model):
    """One row per write: who, when, what, and each field before and after."""

    class Action(models.TextChoices):
        CREATE = "create", _("新建")
        UPDATE = "update", _("修改")
        DELETE = "delete", _("删除")
        SUBMIT = "submit", _("提交")
        APPROVE = "approve", _("审核通过")
        RETURN = "return", _("退回")
        REOPEN = "reopen", _("重新打开")
        IMPORT = "import", _("导入")
        VIEW_ID = "view_id", _("查看完整身份证号")

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(_("对象"), max_length=300)
    action = models.CharField(_("操作"), max_length=12, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    time = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    changes = models.JSONField(_("变更内容"), default=dict, blank=True)
    note = models.TextField(_("说明"), blank=True)
    # The record's version after this write: a stale edit is told what changed since the version it was based on.
    version = models.PositiveIntegerField(_("版本"), null=True, blank=True)
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("变更记录")
        verbose_name_plural = _("变更记录")
        ordering = ["-time", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"


class Job(models.Model):
    """A unit of background work (import, export…), claimed by one worker with a conditional UPDATE."""

    class State(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("运行中")
        SUCCEEDED = "succeeded", _("已完成")
        FAILED = "failed", _("失败")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("类型"), max_length=40)
    title = models.CharField(_("标题"), max_length=200)
    params = models.JSONField(default=dict, blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("进度"), default=0)
    message = models.TextField(_("信息"), blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    input_file = models.FileField(upload_to="jobs/in/%Y/%m/", blank=True)
    input_name = models.CharField(max_length=255, blank=True)
    result_file = models.FileField(upload_to="jobs/out/%Y/%m/", blank=True)
    error_file = models.FileField(upload_to="jobs/err/%Y/%m/", blank=True)
    errors = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    worker = models.CharField(max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rerun_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.state in (self.State.SUCCEEDED, self.State.FAILED)

from .aliases import ValueAlias  # noqa: E402,F401  (import spellings, kept as data: core/aliases.py)
from .listprefs import ListColumns, SavedFilter  # noqa: E402,F401  (each user's list columns and saved filters)
from .periodic import PeriodicRun  # noqa: E402,F401  (periodic tasks of the workers: core/periodic.py)
from .scopecache import ScopeStamp  # noqa: E402,F401  (raised by writes to what scopes read: core/scopecache.py)
from .tablestamps import TableStamp  # noqa: E402,F401  (what kept figures read: core/tablestamps.py)
from .throttling import ThrottleCounter  # noqa: E402,F401  (API throttle counters on PostgreSQL: core/throttling.py)
